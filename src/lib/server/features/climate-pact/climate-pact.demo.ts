// Demo content of the Climate Pact for Geel: outcomes recorded on its actions and events (trees, unpaving, a
// facade garden, a charging point), the number of dwellings (an estimate for the demo), a neighbour's rain
// barrel verified with a drawing as its photo, and a facade garden that waits in the queue.
import sharp from 'sharp';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, climatePactOutcomes, events, municipalities, users } from '$lib/server/db/schema';
import { processPhoto } from '$lib/server/platform/photos';
import { PACT_LIMITS } from '$lib/domain/climate-pact';
import { insertOutcome, insertPactPhoto, upsertDwellings } from './climate-pact.queries';

const BARREL_DRAWING = {
	alt: 'Tekening: een groene regenton onder de regenpijp van een rijhuis, met een gieter ernaast.',
	svg: `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
		<rect width="800" height="600" fill="#dceef5"/><rect x="0" y="470" width="800" height="130" fill="#b9b2a3"/>
		<rect x="120" y="80" width="420" height="390" fill="#c96f4a" stroke="#7a4a34" stroke-width="6"/>
		<rect x="520" y="80" width="18" height="300" fill="#8a8a8a"/>
		<rect x="470" y="330" width="140" height="150" rx="18" fill="#3f7d3a"/>
		<rect x="640" y="430" width="70" height="45" rx="8" fill="#5a6b7a"/>
	</svg>`
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoPact(db: Db, options: { now?: Date } = {}): Promise<{ outcomes: number }> {
	const now = options.now ?? new Date();
	const [geel] = await db
		.select({ id: municipalities.id })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return { outcomes: 0 };
	const [already] = await db
		.select({ id: climatePactOutcomes.id })
		.from(climatePactOutcomes)
		.where(eq(climatePactOutcomes.municipalityId, geel.id))
		.limit(1);
	if (already) return { outcomes: 0 };
	const [action] = await db
		.select({ id: actions.id })
		.from(actions)
		.where(eq(actions.municipalityId, geel.id))
		.orderBy(asc(actions.id))
		.limit(1);
	const [event] = await db
		.select({ id: events.id })
		.from(events)
		.where(eq(events.municipalityId, geel.id))
		.orderBy(asc(events.id))
		.limit(1);
	const neighbours = await db
		.select({ id: users.id })
		.from(users)
		.where(
			and(eq(users.homeMunicipalityId, geel.id), eq(users.firstChannel, 'demo'), isNull(users.givenName))
		)
		.orderBy(asc(users.createdAt), asc(users.id))
		.limit(2);
	const year = now.getUTCFullYear();
	const onAction = action ? { source: 'action' as const, actionId: action.id } : null;
	const onEvent = event ? { source: 'event' as const, eventId: event.id } : onAction;
	let outcomes = 0;
	const staff = async (
		on: typeof onAction | typeof onEvent,
		kind: Parameters<typeof insertOutcome>[1]['kind'],
		quantity: number,
		occurredOn: string,
		note: string
	) => {
		if (!on) return;
		await insertOutcome(db, {
			municipalityId: geel.id,
			...on,
			kind,
			quantity,
			occurredOn,
			note,
			status: 'verified',
			createdBy: null,
			decidedAt: now
		});
		outcomes += 1;
	};
	await staff(onAction, 'trees', 350, `${year - 2}-11-25`, 'Boomplantdag: hoogstammen langs de Pas.');
	await staff(onAction, 'unpaving', 420, `${year - 1}-04-18`, 'Schoolplein De Linde onthard.');
	await staff(onEvent, 'hedges', 160, `${year - 1}-11-22`, 'Plantdag: haag rond het speelplein.');
	await staff(onAction, 'chargingPoints', 6, `${year - 1}-09-01`, 'Laadpalen aan het station.');
	await staff(onAction, 'trees', 80, isoDay(new Date(now.getTime() - 30 * 86_400_000)), '');
	await upsertDwellings(db, { municipalityId: geel.id, dwellings: 17_400, updatedBy: null });

	const neighbour = neighbours[0]?.id ?? null;
	const drawing = await processPhoto(await sharp(Buffer.from(BARREL_DRAWING.svg)).jpeg().toBuffer(), {
		maxBytes: PACT_LIMITS.photoBytesMax
	});
	if ('error' in drawing) throw new Error(`demo climate pact photo: ${drawing.error}`);
	const photo = neighbour
		? await insertPactPhoto(db, {
				municipalityId: geel.id,
				...drawing,
				alt: BARREL_DRAWING.alt,
				createdBy: neighbour
			})
		: null;
	await insertOutcome(db, {
		municipalityId: geel.id,
		source: 'citizen',
		kind: 'rainwater',
		quantity: 0.3,
		occurredOn: `${year - 1}-06-10`,
		note: 'Regenton van 300 liter aan de regenpijp achteraan.',
		status: 'verified',
		authorId: neighbour,
		photoId: photo?.id ?? null,
		createdBy: neighbour,
		decidedAt: now
	});
	await insertOutcome(db, {
		municipalityId: geel.id,
		source: 'citizen',
		kind: 'hedges',
		quantity: 6,
		occurredOn: isoDay(new Date(now.getTime() - 7 * 86_400_000)),
		note: 'Geveltuin van zes meter voor ons huis.',
		status: 'submitted',
		authorId: neighbours[1]?.id ?? neighbour,
		createdBy: neighbours[1]?.id ?? neighbour
	});
	return { outcomes: outcomes + 2 };
}

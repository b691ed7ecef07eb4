// Demo events for Geel: the Klimaatmakers' working group that chooses the places to unpave (20 places, in a
// few weeks), the planting day that follows, and the first meeting weeks ago with its report. Dates come
// from the demo action's opportunities (loaded just before, from the same day), so they stay upcoming. The
// report's two photos are drawings sharp makes from SVG here (no image files in the repository), stored as any
// uploaded photo is (platform/photos) with their alt text.
import sharp from 'sharp';
import { processPhoto } from '$lib/server/platform/photos';
import { REPORT_PHOTO_BYTES_MAX } from './events.admin.schemas';
import { insertReportPhoto } from './events.report.queries';
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, events, municipalities, opportunities } from '$lib/server/db/schema';
import { DEFAULT_RUNG_OF_EVENT_KIND } from '$lib/domain/events';
import { slugify } from '$lib/server/platform/text';
import { insertEvent } from './events.queries';
import { newEventUid } from './events.service';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Whole days before `now` at `hour`:`minute` UTC: good enough for an event long past. */
function daysAgo(now: Date, days: number, hour: number): Date {
	const d = new Date(now.getTime() - days * DAY);
	d.setUTCHours(hour, 0, 0, 0);
	return d;
}

export async function seedDemoEvents(db: Db, options: { now?: Date } = {}): Promise<{ events: number }> {
	const now = options.now ?? new Date();
	const [geel] = await db
		.select({ id: municipalities.id, lat: municipalities.centerLat, lng: municipalities.centerLng })
		.from(municipalities)
		.where(eq(municipalities.slug, 'geel'));
	if (!geel) return { events: 0 };
	const [already] = await db
		.select({ id: events.id })
		.from(events)
		.where(eq(events.municipalityId, geel.id))
		.limit(1);
	if (already) return { events: 0 };
	const [action] = await db
		.select({ id: actions.id })
		.from(actions)
		.where(and(eq(actions.municipalityId, geel.id), like(actions.title, 'Ontharden en vergroenen%')))
		.limit(1);
	if (!action) return { events: 0 };
	const ofAction = await db
		.select({ id: opportunities.id, kind: opportunities.kind, closesAt: opportunities.closesAt })
		.from(opportunities)
		.where(and(eq(opportunities.municipalityId, geel.id), eq(opportunities.actionId, action.id)));
	const workingGroup = ofAction.find((o) => o.kind === 'workingGroup');
	const actionDay = ofAction.find((o) => o.kind === 'actionDay');

	const venue = {
		venueName: 'Gemeenschapscentrum, zaal De Linde',
		address: 'Markt 1, 2440 Geel',
		lat: geel.lat,
		lng: geel.lng,
		accessibility:
			'Gelijkvloers en rolstoeltoegankelijk, met een aangepast toilet. Er is een ringleiding voor mensen met een hoorapparaat.',
		organiser: 'Klimaatmakers Geel en de duurzaamheidsambtenaar van stad Geel'
	};
	const common = {
		municipalityId: geel.id,
		actionId: action.id,
		status: 'published' as const,
		publishedAt: new Date(now.getTime() - 10 * DAY)
	};

	const groupStarts = workingGroup?.closesAt ?? new Date(now.getTime() + 18 * DAY);
	const dayStarts = actionDay?.closesAt ?? new Date(now.getTime() + 46 * DAY);
	const pastStarts = daysAgo(now, 45, 18);
	const items = [
		{
			...common,
			...venue,
			opportunityId: workingGroup?.id ?? null,
			kind: 'workingGroup' as const,
			rung: DEFAULT_RUNG_OF_EVENT_KIND.workingGroup,
			title: 'Werkgroep ontharding: we kiezen samen drie plekken',
			description:
				'Met inwoners, de schepen van klimaat en de duurzaamheidsambtenaar kiezen we uit de tien plekken met de meeste stemmen de drie die we op de plantdag aanleggen.\n\nWe bekijken elke plek op foto en kaart, horen wat de Groendienst ervan vindt en beslissen samen. Het verslag en de volgende stappen staan daarna op de pagina van de actie.',
			startsAt: groupStarts,
			endsAt: new Date(groupStarts.getTime() + 2.5 * HOUR),
			whatToBring: 'Niets, koffie en water staan klaar.',
			capacity: 20,
			registrationDeadline: new Date(groupStarts.getTime() - 6 * HOUR),
			maxCompanions: 1,
			questions: [{ id: 'place', label: 'Welke plek wil je zeker bespreken?', type: 'text' as const }]
		},
		{
			...common,
			...venue,
			venueName: 'Verzamelen aan de Markt',
			accessibility: 'Buitenactiviteit op straat; er is een zitplaats en een toilet in het stadhuis.',
			opportunityId: actionDay?.id ?? null,
			kind: 'actionDay' as const,
			rung: DEFAULT_RUNG_OF_EVENT_KIND.actionDay,
			title: 'Plantdag: samen tegels eruit en planten erin',
			description:
				'We leggen de drie plekken aan die de werkgroep koos. De Groendienst brengt planten, gereedschap en een container voor de tegels. Kinderen zijn welkom, er is soep om 12 uur.',
			startsAt: dayStarts,
			endsAt: new Date(dayStarts.getTime() + 6.5 * HOUR),
			whatToBring: 'Werkhandschoenen, stevige schoenen en goesting.',
			capacity: 40,
			registrationDeadline: null,
			maxCompanions: 3,
			questions: [
				{ id: 'spade', label: 'Ik breng een spade mee', type: 'checkbox' as const },
				{ id: 'soup', label: 'Ik eet mee soep om 12 uur', type: 'checkbox' as const }
			]
		},
		{
			...common,
			...venue,
			opportunityId: null,
			kind: 'workingGroup' as const,
			rung: 'advise' as const,
			title: 'Startbijeenkomst van de Klimaatmakers',
			description: 'De eerste bijeenkomst: wie zijn de Klimaatmakers, en waar beginnen we?',
			startsAt: pastStarts,
			endsAt: new Date(pastStarts.getTime() + 2 * HOUR),
			whatToBring: '',
			capacity: 30,
			registrationDeadline: null,
			maxCompanions: 0,
			questions: [],
			publishedAt: new Date(pastStarts.getTime() - 20 * DAY),
			report:
				'Vijfentwintig inwoners kwamen naar de eerste bijeenkomst.\n\n**Beslist:** ontharding wordt de eerste werf. Het vraagt weinig geld en je ziet meteen resultaat.\n\n**Volgende stappen:** de kaart gaat open voor suggesties; daarna kiest de werkgroep drie plekken.',
			reportPublishedAt: new Date(pastStarts.getTime() + 2 * DAY)
		}
	];
	for (const item of items) {
		const row = await insertEvent(db, { ...item, slug: slugify(item.title), uid: newEventUid() });
		if ('reportPublishedAt' in item)
			for (const photo of DEMO_REPORT_PHOTOS) {
				const processed = await processPhoto(await sharp(Buffer.from(photo.svg)).jpeg().toBuffer(), {
					maxBytes: REPORT_PHOTO_BYTES_MAX
				});
				if ('error' in processed) throw new Error(`demo report photo: ${processed.error}`);
				await insertReportPhoto(db, {
					municipalityId: geel.id,
					eventId: row.id,
					...processed,
					alt: photo.alt
				});
			}
	}
	return { events: items.length };
}

/** Drawings for the demo report: a map of Geel with the participants' notes, and the flip chart of decisions. */
const DEMO_REPORT_PHOTOS = [
	{
		alt: 'Tekening: een kaart van Geel aan de muur, met gele, roze en blauwe briefjes waar deelnemers plekken om te ontharden aanduidden.',
		svg: `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
			<rect width="1200" height="800" fill="#e9e4d8"/>
			<rect x="150" y="90" width="900" height="620" fill="#f7f5ef" stroke="#6b6b6b" stroke-width="6"/>
			<path d="M180 420 C 350 300, 500 520, 700 380 S 980 300, 1020 420" stroke="#8fb3d9" stroke-width="28" fill="none"/>
			<path d="M600 110 L 620 690 M 170 250 L 1030 300 M 200 600 L 1000 560" stroke="#c9c1ad" stroke-width="14" fill="none"/>
			<circle cx="610" cy="290" r="60" fill="#cfe3c2"/>
			<rect x="300" y="200" width="90" height="90" fill="#ffd84d" transform="rotate(-6 345 245)"/>
			<rect x="720" y="180" width="90" height="90" fill="#ff9cc2" transform="rotate(5 765 225)"/>
			<rect x="480" y="470" width="90" height="90" fill="#8fd3ff" transform="rotate(-3 525 515)"/>
			<rect x="840" y="480" width="90" height="90" fill="#ffd84d" transform="rotate(8 885 525)"/>
			<rect x="260" y="520" width="90" height="90" fill="#ff9cc2" transform="rotate(4 305 565)"/>
		</svg>`
	},
	{
		alt: 'Tekening: een flap op een schildersezel met drie afgevinkte punten, de beslissingen van de avond.',
		svg: `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200">
			<rect width="900" height="1200" fill="#dfe7ea"/>
			<path d="M250 1150 L 450 180 L 650 1150" stroke="#8a6a43" stroke-width="24" fill="none"/>
			<rect x="170" y="150" width="560" height="720" fill="#ffffff" stroke="#9a9a9a" stroke-width="4"/>
			<g stroke="#2f7d32" stroke-width="18" fill="none" stroke-linecap="round">
				<path d="M230 300 l 30 30 l 50 -60"/><path d="M230 470 l 30 30 l 50 -60"/><path d="M230 640 l 30 30 l 50 -60"/>
			</g>
			<g stroke="#333333" stroke-width="14" stroke-linecap="round">
				<path d="M350 300 H 660"/><path d="M350 470 H 620"/><path d="M350 640 H 640"/>
			</g>
		</svg>`
	}
];

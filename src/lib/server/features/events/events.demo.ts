// Demo events for Geel: the Klimaatmakers' working group that chooses the places to unpave (20 places, in a
// few weeks), the planting day that follows, and the first meeting weeks ago with its report. Dates come
// from the demo action's opportunities (loaded just before, from the same day), so they stay upcoming.
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
	for (const item of items) await insertEvent(db, { ...item, slug: slugify(item.title), uid: newEventUid() });
	return { events: items.length };
}

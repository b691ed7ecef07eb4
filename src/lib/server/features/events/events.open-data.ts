// The events feature's open data: the published and cancelled events, upcoming and past (never drafts), with
// their place and, once their report is published, how many came. Who registered is never part of it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { eventPath } from '$lib/domain/events';
import { events, municipalities } from '$lib/server/db/schema';
import { defineDataset, isoOrNull, latest } from '$lib/server/platform/open-data';

export const eventsDataset = defineDataset({
	key: 'activiteiten',
	title: 'openData.datasets.events.title',
	description: 'openData.datasets.events.description',
	keywords: ['activiteiten', 'participatie', 'agenda'],
	geo: true,
	columns: [
		'municipality',
		'id',
		'url',
		'title',
		'kind',
		'rung',
		'status',
		'upcoming',
		'starts_at',
		'ends_at',
		'venue_name',
		'address',
		'lat',
		'lng',
		'online',
		'organiser',
		'capacity',
		'action_id',
		'attendance',
		'report_url'
	],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: events.id,
				slug: events.slug,
				title: events.title,
				kind: events.kind,
				rung: events.rung,
				status: events.status,
				startsAt: events.startsAt,
				endsAt: events.endsAt,
				venueName: events.venueName,
				address: events.address,
				lat: events.lat,
				lng: events.lng,
				onlineUrl: events.onlineUrl,
				organiser: events.organiser,
				capacity: events.capacity,
				actionId: events.actionId,
				reportAttendance: events.reportAttendance,
				reportPublishedAt: events.reportPublishedAt,
				report: events.report,
				updatedAt: events.updatedAt
			})
			.from(events)
			.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
			.where(and(inArray(events.municipalityId, ids), inArray(events.status, ['published', 'cancelled'])))
			.orderBy(asc(municipalities.slug), asc(events.startsAt), asc(events.id));
		return rows.map((r) => {
			const path = eventPath(r.municipalitySlug, r.id, r.slug);
			const reported = r.report !== null && r.reportPublishedAt !== null && r.reportPublishedAt <= scope.now;
			return {
				values: {
					municipality: r.municipalitySlug,
					id: r.id,
					url: `${scope.origin}${path}`,
					title: r.title,
					kind: r.kind,
					rung: r.rung,
					status: r.status,
					upcoming: r.endsAt > scope.now,
					starts_at: isoOrNull(r.startsAt),
					ends_at: isoOrNull(r.endsAt),
					venue_name: r.venueName,
					address: r.address,
					lat: r.lat,
					lng: r.lng,
					// Whether it takes place online; the link itself is for people with a place only.
					online: r.onlineUrl !== null && r.onlineUrl !== '',
					organiser: r.organiser,
					capacity: r.capacity,
					action_id: r.actionId,
					attendance: reported ? r.reportAttendance : null,
					report_url: reported ? `${scope.origin}${path}#report-heading` : null
				},
				place: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
				modified: latest(r.updatedAt, reported ? r.reportPublishedAt : null)
			};
		});
	}
});

// The events' figures of a municipality's week, against the week before, in one statement.
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import { eventRegistrations, events } from '$lib/server/db/schema';

export async function countEventsWeek(
	db: Db,
	w: { municipalityId: string; previousFrom: Date; from: Date; to: Date; aheadUntil: Date }
) {
	const t = (d: Date) => sql`${d.toISOString()}::timestamptz`;
	const m = w.municipalityId;
	const [row] = await executeRows<{
		registrations_now: number;
		registrations_before: number;
		reports_now: number;
		reports_before: number;
		upcoming: number;
		places: number;
	}>(
		db,
		sql`select r.now as registrations_now, r.before as registrations_before, p.now as reports_now,
			p.before as reports_before, u.upcoming, u.places
		from (select
				count(*) filter (where ${eventRegistrations.createdAt} >= ${t(w.from)} and ${eventRegistrations.createdAt} < ${t(w.to)})::int as now,
				count(*) filter (where ${eventRegistrations.createdAt} < ${t(w.from)})::int as before
			from ${eventRegistrations}
			where ${eventRegistrations.municipalityId} = ${m} and ${eventRegistrations.createdAt} >= ${t(w.previousFrom)}
				and ${eventRegistrations.status} in ('confirmed', 'waitlisted', 'cancelled')) r,
		(select
				count(*) filter (where ${events.reportPublishedAt} >= ${t(w.from)} and ${events.reportPublishedAt} < ${t(w.to)})::int as now,
				count(*) filter (where ${events.reportPublishedAt} < ${t(w.from)})::int as before
			from ${events}
			where ${events.municipalityId} = ${m} and ${events.reportPublishedAt} >= ${t(w.previousFrom)}) p,
		(select count(distinct e.id)::int as upcoming,
				coalesce(sum(1 + reg.companions) filter (where reg.status = 'confirmed'), 0)::int as places
			from ${events} e
			left join ${eventRegistrations} reg on reg.event_id = e.id and reg.municipality_id = e.municipality_id
			where e.municipality_id = ${m} and e.status = 'published'
				and e.starts_at >= ${t(w.to)} and e.starts_at < ${t(w.aheadUntil)}) u`
	);
	return {
		registrations: { now: row?.registrations_now ?? 0, before: row?.registrations_before ?? 0 },
		reports: { now: row?.reports_now ?? 0, before: row?.reports_before ?? 0 },
		upcoming: row?.upcoming ?? 0,
		places: row?.places ?? 0
	};
}

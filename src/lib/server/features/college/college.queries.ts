// The college feature's reads and writes: the weeks in Europe/Brussels, the aldermen of a municipality and
// the record that a week's overview was queued.
import { and, asc, eq, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import { memberships, municipalities, users, weeklyOverviews } from '$lib/server/db/schema';

/**
 * The last whole week before `now` (Monday 00:00 to Monday 00:00, Europe/Brussels, so a week across the
 * daylight-saving change is 167 or 169 hours) and the week before it; `weekStart` is that Monday's date.
 */
export async function lastWholeWeek(db: Db, params: { now: Date }) {
	const now = sql`${params.now.toISOString()}::timestamptz`;
	const monday = sql`date_trunc('week', ${now} AT TIME ZONE 'Europe/Brussels')`;
	const [row] = await executeRows<{
		previous_from: string | Date;
		from: string | Date;
		to: string | Date;
		week_start: string;
	}>(
		db,
		sql`SELECT (${monday} - interval '14 days') AT TIME ZONE 'Europe/Brussels' AS previous_from,
			(${monday} - interval '7 days') AT TIME ZONE 'Europe/Brussels' AS "from",
			${monday} AT TIME ZONE 'Europe/Brussels' AS "to",
			to_char(${monday} - interval '7 days', 'YYYY-MM-DD') AS week_start`
	);
	if (!row) throw new Error('no week');
	return {
		previousFrom: new Date(row.previous_from),
		from: new Date(row.from),
		to: new Date(row.to),
		weekStart: row.week_start
	};
}

/** The local hour in Brussels now (0–23) and whether it is a Monday. */
export async function brusselsClock(db: Db, params: { now: Date }) {
	const [row] = await executeRows<{ hour: number; dow: number }>(
		db,
		sql`SELECT extract(hour FROM ${params.now.toISOString()}::timestamptz AT TIME ZONE 'Europe/Brussels')::int AS hour,
			extract(isodow FROM ${params.now.toISOString()}::timestamptz AT TIME ZONE 'Europe/Brussels')::int AS dow`
	);
	return { hour: row?.hour ?? 0, dayOfWeek: row?.dow ?? 1 };
}

/**
 * The participating municipalities whose overview of the week starting `weekStart` is not queued yet, so the
 * hourly job gathers figures only for those (after Monday's run, none).
 */
export async function listMunicipalitiesOwedWeek(db: Db, params: { weekStart: string }) {
	return db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			primaryColor: municipalities.primaryColor
		})
		.from(municipalities)
		.where(
			and(
				eq(municipalities.participating, true),
				notExists(
					db
						.select({ one: sql`1` })
						.from(weeklyOverviews)
						.where(
							and(
								eq(weeklyOverviews.municipalityId, municipalities.id),
								eq(weeklyOverviews.weekStart, params.weekStart)
							)
						)
				)
			)
		)
		.orderBy(asc(municipalities.name));
}

/** The aldermen of a municipality who can get mail: a verified address, an account in use. */
export async function listAldermen(db: Db, params: { municipalityId: string }) {
	return db
		.select({ userId: users.id, name: users.displayName, email: users.email })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(
			and(
				eq(memberships.municipalityId, params.municipalityId),
				eq(memberships.role, 'alderman'),
				isNull(users.deletedAt),
				isNull(users.lockedAt),
				isNotNull(users.email),
				isNotNull(users.emailVerifiedAt)
			)
		)
		.orderBy(asc(users.displayName));
}

/** How many aldermen get the overview by mail (listAldermen's rule; the page says so). */
export async function countAldermen(db: Db, params: { municipalityId: string }): Promise<number> {
	const rows = await listAldermen(db, params);
	return rows.length;
}

/**
 * Records that the week's overview of the municipality is queued; false when it already was (another run,
 * another process). Call in the transaction that queues the mails.
 */
export async function claimWeek(
	tx: Db,
	params: { municipalityId: string; weekStart: string; recipients: number }
): Promise<boolean> {
	const rows = await tx
		.insert(weeklyOverviews)
		.values(params)
		.onConflictDoNothing()
		.returning({ weekStart: weeklyOverviews.weekStart });
	return rows.length > 0;
}

// Drizzle queries for events and their registrations. Every query takes the database first (so it works
// inside a transaction) and the municipality id (or ids, for the region) in its params and in its where.
import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { changedSince, microsOf, type ChangedRow, type SyncQuery } from '$lib/server/platform/api-sync';
import { executeRows } from '$lib/server/db/rows';
import {
	actionThemes,
	actions,
	domainEvents,
	eventRegistrations,
	events,
	municipalities,
	themes,
	users
} from '$lib/server/db/schema';
import type { EventKind, EventStatus, RegistrationStatus } from '$lib/domain/events';

/** Places taken: every confirmed registration counts itself and its companions. */
function placesTakenOf(eventId: SQL | typeof events.id): SQL<number> {
	return sql<number>`(SELECT coalesce(sum(1 + r.companions), 0)::int FROM ${eventRegistrations} r
		WHERE r.event_id = ${eventId} AND r.municipality_id = ${events.municipalityId} AND r.status = 'confirmed')`.mapWith(
		Number
	);
}

function waitlistedOf(eventId: SQL | typeof events.id): SQL<number> {
	return sql<number>`(SELECT count(*)::int FROM ${eventRegistrations} r
		WHERE r.event_id = ${eventId} AND r.municipality_id = ${events.municipalityId} AND r.status = 'waitlisted')`.mapWith(
		Number
	);
}

export const eventColumns = {
	id: events.id,
	municipalityId: events.municipalityId,
	actionId: events.actionId,
	opportunityId: events.opportunityId,
	kind: events.kind,
	rung: events.rung,
	title: events.title,
	slug: events.slug,
	description: events.description,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	venueName: events.venueName,
	address: events.address,
	lat: events.lat,
	lng: events.lng,
	accessibility: events.accessibility,
	whatToBring: events.whatToBring,
	onlineUrl: events.onlineUrl,
	organiser: events.organiser,
	capacity: events.capacity,
	registrationDeadline: events.registrationDeadline,
	questions: events.questions,
	maxCompanions: events.maxCompanions,
	status: events.status,
	sequence: events.sequence,
	uid: events.uid,
	report: events.report,
	reportPublishedAt: events.reportPublishedAt,
	reportAttendance: events.reportAttendance,
	publishedAt: events.publishedAt,
	cancelledAt: events.cancelledAt,
	createdBy: events.createdBy,
	proposedByGroupId: events.proposedByGroupId,
	createdAt: events.createdAt,
	updatedAt: events.updatedAt
};

/** An event with what its pages show beside it: places taken, the waitlist, its action and municipality. */
const listedColumns = {
	...eventColumns,
	placesTaken: placesTakenOf(events.id),
	waitlisted: waitlistedOf(events.id),
	actionSlug: actions.slug,
	actionTitle: actions.title,
	municipalitySlug: municipalities.slug,
	municipalityName: municipalities.name,
	regionId: municipalities.regionId
};

const actionOf = and(eq(actions.id, events.actionId), eq(actions.municipalityId, events.municipalityId));

/** An event's own columns, as the lock and the mails read them. */
export type EventFields = NonNullable<Awaited<ReturnType<typeof lockEvent>>>;

export type EventRow = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/** One event of this municipality, whatever its status (the service decides who may see a draft). */
export async function getEvent(db: Db, params: { municipalityId: string; id: number }) {
	return getEventOfAny(db, { municipalityIds: [params.municipalityId], id: params.id });
}

/** One event by its id among these municipalities (the API's `/events/{id}`, across the region). */
export async function getEventOfAny(db: Db, params: { municipalityIds: readonly string[]; id: number }) {
	if (params.municipalityIds.length === 0) return undefined;
	const [row] = await db
		.select(listedColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(actions, actionOf)
		.where(and(inArray(events.municipalityId, [...params.municipalityIds]), eq(events.id, params.id)))
		.limit(1);
	return row;
}

/**
 * When an event last changed for the API's sync: its own last change (a trigger keeps updated_at true on every
 * update and on every registration, which changes the places left), or the moment registration closed (its
 * deadline or its start), which changes registrationOpen without any write.
 */
const eventChangedAt = sql`greatest(${events.updatedAt}, case when least(coalesce(${events.registrationDeadline}, ${events.startsAt}), ${events.startsAt}) <= now() then least(coalesce(${events.registrationDeadline}, ${events.startsAt}), ${events.startsAt}) end)`;

/** Every event of the municipality, draft or not, changed at or after the sync's moment, oldest change first. */
export async function listEventChanges(
	db: Db,
	params: { municipalityId: string; query: SyncQuery }
): Promise<ChangedRow[]> {
	return db
		.select({ id: events.id, micros: microsOf(eventChangedAt) })
		.from(events)
		.where(
			and(
				eq(events.municipalityId, params.municipalityId),
				changedSince(eventChangedAt, sql`${events.id}`, params.query)
			)
		)
		.orderBy(eventChangedAt, asc(events.id))
		.limit(params.query.limit + 1);
}

/** These events of the municipality that have one of these statuses, as lists read them. */
export async function listEventsByIds(
	db: Db,
	params: { municipalityId: string; ids: number[]; statuses: readonly EventStatus[] }
) {
	if (params.ids.length === 0) return [];
	return db
		.select(listedColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(actions, actionOf)
		.where(
			and(
				eq(events.municipalityId, params.municipalityId),
				inArray(events.id, params.ids),
				inArray(events.status, [...params.statuses])
			)
		);
}

export interface EventListFilter {
	municipalityIds: readonly string[];
	statuses: readonly EventStatus[];
	/** Events that end at or after this moment (upcoming and running: `now`). */
	endsFrom?: Date;
	/** Events that start at or after this moment (a date filter's first day). */
	startsFrom?: Date;
	/** Events that start before this moment (past: `now`; a date filter's day after its last). */
	startsBefore?: Date;
	kind?: EventKind;
	actionId?: number;
	opportunityId?: number;
	/** Events whose action has this theme. */
	themeId?: string;
	/** Events whose action has a theme with this slug (the default themes share theirs across the region). */
	themeSlug?: string;
	/** Soonest first (upcoming) or latest first (past). */
	order: 'asc' | 'desc';
	/** Keyset cursor: the last event of the previous page. */
	after?: { startsAt: Date; id: number };
	limit: number;
}

/** The where of a list of events (without its cursor): shared by the list and its count. */
function listConditions(filter: Omit<EventListFilter, 'order' | 'after' | 'limit'>): (SQL | undefined)[] {
	return [
		inArray(events.municipalityId, [...filter.municipalityIds]),
		inArray(events.status, [...filter.statuses]),
		filter.endsFrom ? gte(events.endsAt, filter.endsFrom) : undefined,
		filter.startsFrom ? gte(events.startsAt, filter.startsFrom) : undefined,
		filter.startsBefore ? lt(events.startsAt, filter.startsBefore) : undefined,
		filter.kind ? eq(events.kind, filter.kind) : undefined,
		filter.actionId !== undefined ? eq(events.actionId, filter.actionId) : undefined,
		filter.opportunityId !== undefined ? eq(events.opportunityId, filter.opportunityId) : undefined,
		filter.themeId
			? sql`EXISTS (SELECT 1 FROM ${actionThemes} WHERE ${actionThemes.municipalityId} = ${events.municipalityId}
				AND ${actionThemes.actionId} = ${events.actionId} AND ${actionThemes.themeId} = ${filter.themeId})`
			: undefined,
		filter.themeSlug
			? sql`EXISTS (SELECT 1 FROM ${actionThemes} JOIN ${themes} ON ${themes.id} = ${actionThemes.themeId}
				AND ${themes.municipalityId} = ${actionThemes.municipalityId}
				WHERE ${actionThemes.municipalityId} = ${events.municipalityId}
				AND ${actionThemes.actionId} = ${events.actionId} AND ${themes.slug} = ${filter.themeSlug})`
			: undefined
	];
}

/** Events of these municipalities by start, filtered, one page after the cursor. */
export async function listEvents(db: Db, filter: EventListFilter) {
	if (filter.municipalityIds.length === 0 || filter.statuses.length === 0) return [];
	const conditions = listConditions(filter);
	if (filter.after) {
		const { startsAt, id } = filter.after;
		conditions.push(
			filter.order === 'asc'
				? or(gt(events.startsAt, startsAt), and(eq(events.startsAt, startsAt), gt(events.id, id)))
				: or(lt(events.startsAt, startsAt), and(eq(events.startsAt, startsAt), lt(events.id, id)))
		);
	}
	const order =
		filter.order === 'asc'
			? [asc(events.startsAt), asc(events.id)]
			: [desc(events.startsAt), desc(events.id)];
	// The page is chosen from events alone (walking events_starts_idx in order and stopping at the limit), and
	// only its rows are joined and counted. Joined first, the planner sorted every event the filter finds with
	// its action and municipality, 1,768 for Geel's upcoming list in issue 17's bench (~20 ms a page).
	const page = db
		.select({ id: events.id })
		.from(events)
		.where(and(...conditions))
		.orderBy(...order)
		.limit(filter.limit);
	return db
		.select(listedColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(actions, actionOf)
		.where(and(inArray(events.municipalityId, [...filter.municipalityIds]), inArray(events.id, page)))
		.orderBy(...order);
}

/** How many events the list's filter finds, over all its pages. */
export async function countEvents(db: Db, filter: Omit<EventListFilter, 'order' | 'after' | 'limit'>) {
	if (filter.municipalityIds.length === 0 || filter.statuses.length === 0) return 0;
	const [row] = await db
		.select({ count: sql<number>`count(*)::int`.mapWith(Number) })
		.from(events)
		.where(and(...listConditions(filter)));
	return row?.count ?? 0;
}

/** The actions that have events of these statuses in these municipalities, by title: the list's action filter. */
export async function listActionsWithEvents(
	db: Db,
	params: { municipalityIds: readonly string[]; statuses: readonly EventStatus[] }
) {
	if (params.municipalityIds.length === 0 || params.statuses.length === 0) return [];
	return db
		.selectDistinct({ id: actions.id, title: actions.title })
		.from(events)
		.innerJoin(actions, actionOf)
		.where(
			and(
				inArray(events.municipalityId, [...params.municipalityIds]),
				inArray(events.status, [...params.statuses])
			)
		)
		.orderBy(asc(actions.title), asc(actions.id));
}

export type NewEvent = typeof events.$inferInsert;

/** Writes an event (the back office and the demo); the municipality is part of the values. */
export async function insertEvent(db: Db, values: NewEvent & { municipalityId: string }) {
	const [row] = await db.insert(events).values(values).returning(eventColumns);
	return row!;
}

// ---------------------------------------------------------------------------------------------
// Registrations
// ---------------------------------------------------------------------------------------------

/**
 * Locks the event's row until the transaction ends and returns it: every change to who has a place goes
 * through this lock, so registrations, confirmations and cancellations of one event take their turns one
 * by one and the places are counted exactly.
 */
export async function lockEvent(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select(eventColumns)
		.from(events)
		.where(and(eq(events.municipalityId, params.municipalityId), eq(events.id, params.id)))
		.for('update')
		.limit(1);
	return row;
}

/** Places taken by confirmed registrations (each with its companions); call under the event's lock. */
export async function countPlacesTaken(db: Db, params: { municipalityId: string; eventId: number }) {
	const [row] = await db
		.select({
			taken: sql<number>`coalesce(sum(1 + ${eventRegistrations.companions}), 0)::int`.mapWith(Number)
		})
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				eq(eventRegistrations.status, 'confirmed')
			)
		);
	return row?.taken ?? 0;
}

export const registrationColumns = {
	id: eventRegistrations.id,
	municipalityId: eventRegistrations.municipalityId,
	eventId: eventRegistrations.eventId,
	userId: eventRegistrations.userId,
	/** The account's name and verified address when it has one, else what was typed. */
	name: sql<string>`coalesce(${users.displayName}, ${eventRegistrations.name})`,
	email: sql<string | null>`coalesce(${users.email}, ${eventRegistrations.email})`,
	companions: eventRegistrations.companions,
	answers: eventRegistrations.answers,
	status: eventRegistrations.status,
	createdAt: eventRegistrations.createdAt,
	queuedAt: eventRegistrations.queuedAt,
	confirmedAt: eventRegistrations.confirmedAt,
	cancelledAt: eventRegistrations.cancelledAt,
	checkedInAt: eventRegistrations.checkedInAt
};

export type RegistrationRow = Awaited<ReturnType<typeof listRegistrations>>[number];

/** The registrations of one event in arrival order (the waitlist's order), optionally of some statuses. */
export async function listRegistrations(
	db: Db,
	params: { municipalityId: string; eventId: number; statuses?: readonly RegistrationStatus[] }
) {
	return db
		.select(registrationColumns)
		.from(eventRegistrations)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				params.statuses ? inArray(eventRegistrations.status, [...params.statuses]) : undefined
			)
		)
		.orderBy(
			sql`${eventRegistrations.queuedAt} asc nulls last`,
			asc(eventRegistrations.createdAt),
			asc(eventRegistrations.id)
		);
}

/** A person's live (not cancelled) registration for an event, by account. */
export async function getActiveRegistrationOfUser(
	db: Db,
	params: { municipalityId: string; eventId: number; userId: string }
) {
	const [row] = await db
		.select(registrationColumns)
		.from(eventRegistrations)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				eq(eventRegistrations.userId, params.userId),
				sql`${eventRegistrations.status} <> 'cancelled'`
			)
		)
		.limit(1);
	return row;
}

/** A live registration for an event under a typed address (without an account). */
export async function getActiveRegistrationByEmail(
	db: Db,
	params: { municipalityId: string; eventId: number; email: string }
) {
	const [row] = await db
		.select(registrationColumns)
		.from(eventRegistrations)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				sql`lower(${eventRegistrations.email}) = lower(${params.email})`,
				sql`${eventRegistrations.status} <> 'cancelled'`
			)
		)
		.limit(1);
	return row;
}

/** The registration a mailed link's secret belongs to, in this municipality. */
export async function getRegistrationByTokenHash(
	db: Db,
	params: { municipalityId: string; tokenHash: string }
) {
	const [row] = await db
		.select(registrationColumns)
		.from(eventRegistrations)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.tokenHash, params.tokenHash)
			)
		)
		.limit(1);
	return row;
}

export type NewRegistration = typeof eventRegistrations.$inferInsert;

/**
 * Writes a registration. `queued` asks for its turn now: `queued_at` is the clock at the insert (not the
 * transaction's start), taken under the event's lock, so it orders registrations as the lock let them in.
 */
export async function insertRegistration(
	db: Db,
	values: Omit<NewRegistration, 'queuedAt' | 'confirmedAt'> & { queued: boolean; confirmed?: boolean }
) {
	const { queued, confirmed, ...rest } = values;
	const [row] = await db
		.insert(eventRegistrations)
		.values({
			...rest,
			queuedAt: queued ? sql`clock_timestamp()` : null,
			confirmedAt: confirmed ? sql`clock_timestamp()` : null
		})
		.returning({ id: eventRegistrations.id });
	return row!;
}

/** Changes one registration's status (and the moments that go with it). */
export async function updateRegistration(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		status?: RegistrationStatus;
		queued?: boolean;
		confirmed?: boolean;
		cancelled?: boolean;
		tokenHash?: string;
		name?: string;
		companions?: number;
		answers?: NewRegistration['answers'];
	}
) {
	const [row] = await db
		.update(eventRegistrations)
		.set({
			status: params.status,
			queuedAt: params.queued ? sql`clock_timestamp()` : undefined,
			confirmedAt: params.confirmed ? sql`clock_timestamp()` : undefined,
			cancelledAt: params.cancelled ? sql`clock_timestamp()` : undefined,
			tokenHash: params.tokenHash,
			name: params.name,
			companions: params.companions,
			answers: params.answers
		})
		.where(
			and(eq(eventRegistrations.municipalityId, params.municipalityId), eq(eventRegistrations.id, params.id))
		)
		.returning({ id: eventRegistrations.id, status: eventRegistrations.status });
	return row;
}

/** A waitlisted registration's place on the waitlist (1 for the first), in arrival order; 0 when not waitlisted. */
export async function getWaitlistPosition(
	db: Db,
	params: { municipalityId: string; eventId: number; id: number }
) {
	const [row] = await executeRows<{ position: number }>(
		db,
		sql`SELECT (SELECT count(*)::int FROM ${eventRegistrations} w
			WHERE w.municipality_id = r.municipality_id AND w.event_id = r.event_id AND w.status = 'waitlisted'
				AND (w.queued_at, w.id) <= (r.queued_at, r.id)) AS position
		FROM ${eventRegistrations} r
		WHERE r.municipality_id = ${params.municipalityId} AND r.event_id = ${params.eventId} AND r.id = ${params.id}
			AND r.status = 'waitlisted'`
	);
	return row?.position ?? 0;
}

/**
 * Takes a turn for an account in one statement, under the event's lock (`lockEvent` just before, in the same
 * transaction, so this statement's snapshot sees every registration committed before the lock was granted):
 * confirmed when the person and their companions fit, else waitlisted when the event is full or `waitlist`
 * allows it. Writes nothing and answers why when the person is already registered or there is room for some
 * but not all of them. One statement keeps the time the lock is held short: a burst of registrations for one
 * event goes through it one by one.
 */
export async function takeTurn(
	db: Db,
	params: {
		municipalityId: string;
		eventId: number;
		capacity: number | null;
		userId: string;
		companions: number;
		answers: NewRegistration['answers'];
		tokenHash: string;
		waitlist: boolean;
	}
): Promise<
	| { taken: true; id: number; status: 'confirmed' | 'waitlisted'; position: number | null }
	| { taken: false; already: boolean; left: number }
> {
	const need = 1 + params.companions;
	const [row] = await executeRows<{
		id: number | null;
		status: 'confirmed' | 'waitlisted' | null;
		waiting: number;
		already: boolean;
		left: number | null;
	}>(
		db,
		sql`WITH here AS (
				SELECT status, companions, user_id FROM ${eventRegistrations}
				WHERE municipality_id = ${params.municipalityId} AND event_id = ${params.eventId}
					AND status IN ('confirmed', 'waitlisted', 'pending')
			),
			counts AS (
				SELECT coalesce(sum(1 + companions) FILTER (WHERE status = 'confirmed'), 0)::int AS taken,
					(count(*) FILTER (WHERE status = 'waitlisted'))::int AS waiting,
					bool_or(user_id = ${params.userId}::uuid) IS TRUE AS already
				FROM here
			),
			decided AS (
				SELECT counts.*, ${params.capacity}::int - counts.taken AS left,
					CASE
						WHEN counts.already THEN NULL
						WHEN ${params.capacity}::int IS NULL OR counts.taken + ${need} <= ${params.capacity}::int THEN 'confirmed'
						WHEN ${params.capacity}::int - counts.taken <= 0 OR ${params.waitlist} THEN 'waitlisted'
					END AS status
				FROM counts
			),
			inserted AS (
				INSERT INTO ${eventRegistrations}
					(municipality_id, event_id, user_id, companions, answers, status, token_hash, queued_at, confirmed_at)
				SELECT ${params.municipalityId}::uuid, ${params.eventId}, ${params.userId}::uuid, ${params.companions},
					${JSON.stringify(params.answers ?? {})}::jsonb, decided.status, ${params.tokenHash}, clock_timestamp(),
					CASE WHEN decided.status = 'confirmed' THEN clock_timestamp() END
				FROM decided WHERE decided.status IS NOT NULL
				RETURNING id, status
			)
			SELECT inserted.id::int AS id, inserted.status, decided.waiting, decided.already, decided.left
			FROM decided LEFT JOIN inserted ON true`
	);
	if (!row) throw new Error('takeTurn answered nothing');
	if (row.id === null || row.status === null)
		return { taken: false, already: row.already, left: Math.max(0, row.left ?? 0) };
	return {
		taken: true,
		id: Number(row.id),
		status: row.status,
		position: row.status === 'waitlisted' ? row.waiting + 1 : null
	};
}

/** The name and address an account's mails go to. */
export async function getAccountContact(db: Db, params: { userId: string }) {
	const [row] = await db
		.select({ name: users.displayName, email: users.email })
		.from(users)
		.where(eq(users.id, params.userId))
		.limit(1);
	return row;
}

/**
 * Registrations whose address was never confirmed, made before `before`: they hold no place and keep an
 * address nobody vouched for, so housekeeping deletes them (every municipality at once: a platform task).
 */
export async function deleteUnconfirmedRegistrations(db: Db, params: { before: Date }) {
	const rows = await db
		.delete(eventRegistrations)
		.where(and(eq(eventRegistrations.status, 'pending'), lt(eventRegistrations.createdAt, params.before)))
		.returning({ id: eventRegistrations.id });
	return rows.length;
}

/** The type of the domain event that records a reminder as sent (events.events.ts). */
const REMINDED = 'registration.reminded';

/**
 * A confirmed registration with an address that was not reminded yet and whose place was confirmed before
 * `confirmedBefore` hours ahead of the start (a later one has just had its mail with the invitation).
 */
function toRemind(r: SQL, eventStartsAt: SQL, confirmedBeforeHours: number): SQL {
	return sql`${r}.status = 'confirmed' AND ${r}.confirmed_at <= ${eventStartsAt} - ${confirmedBeforeHours}::int * interval '1 hour'
		AND NOT EXISTS (SELECT 1 FROM ${domainEvents} d
			WHERE d.subject_kind = 'registration' AND d.subject_id = ${r}.id::text AND d.type = ${REMINDED})`;
}

/**
 * The events (of every municipality: a platform task) that are published, start in (from, to] and have a
 * registration to remind (see toRemind), soonest first.
 */
export async function listEventsToRemind(
	db: Db,
	params: { from: Date; to: Date; confirmedBeforeHours: number }
) {
	return executeRows<{ municipalityId: string; eventId: number }>(
		db,
		sql`SELECT e.municipality_id AS "municipalityId", e.id::int AS "eventId"
			FROM ${events} e
			WHERE e.status = 'published' AND e.starts_at > ${params.from.toISOString()}::timestamptz
				AND e.starts_at <= ${params.to.toISOString()}::timestamptz
				AND EXISTS (SELECT 1 FROM ${eventRegistrations} r LEFT JOIN ${users} u ON u.id = r.user_id
					WHERE r.municipality_id = e.municipality_id AND r.event_id = e.id
						AND coalesce(u.email, r.email) IS NOT NULL
						AND ${toRemind(sql`r`, sql`e.starts_at`, params.confirmedBeforeHours)})
			ORDER BY e.starts_at, e.id`
	);
}

/**
 * Published events still to come with a free place someone on the waitlist fits in (with their companions):
 * a place freed without a cancellation (an erased account, a removed entry of the list of interest) that no
 * step moved the waitlist up for. Optionally of one municipality or only these events.
 */
export async function listEventsWithFreedPlaces(
	db: Db,
	params: { now: Date; municipalityId?: string; eventIds?: readonly number[] }
) {
	if (params.eventIds && params.eventIds.length === 0) return [];
	return executeRows<{ municipalityId: string; eventId: number }>(
		db,
		sql`SELECT e.municipality_id AS "municipalityId", e.id::int AS "eventId"
			FROM ${events} e
			WHERE e.status = 'published' AND e.starts_at > ${params.now.toISOString()}::timestamptz
				AND e.capacity IS NOT NULL
				${params.municipalityId ? sql`AND e.municipality_id = ${params.municipalityId}` : sql``}
				${
					params.eventIds
						? sql`AND e.id IN (${sql.join(
								params.eventIds.map((id) => sql`${id}`),
								sql`, `
							)})`
						: sql``
				}
				AND EXISTS (SELECT 1 FROM ${eventRegistrations} w
					WHERE w.municipality_id = e.municipality_id AND w.event_id = e.id AND w.status = 'waitlisted'
						AND 1 + w.companions <= e.capacity - (SELECT coalesce(sum(1 + c.companions), 0)
							FROM ${eventRegistrations} c
							WHERE c.municipality_id = e.municipality_id AND c.event_id = e.id AND c.status = 'confirmed'))
			ORDER BY e.starts_at, e.id`
	);
}

/** The events in which this person holds a confirmed place (before their registrations go). */
export async function listEventIdsWithPlaceOf(db: Db, params: { municipalityId: string; userId: string }) {
	const rows = await db
		.selectDistinct({ eventId: eventRegistrations.eventId })
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.userId, params.userId),
				eq(eventRegistrations.status, 'confirmed')
			)
		);
	return rows.map((r) => r.eventId);
}

/**
 * The registrations of one event to remind (see toRemind) that have an address, in arrival order. Call under
 * the event's lock (lockEvent), which every change to its registrations takes too.
 */
export async function listRegistrationsToRemind(
	db: Db,
	params: { municipalityId: string; eventId: number; confirmedBeforeHours: number }
) {
	return db
		.select(registrationColumns)
		.from(eventRegistrations)
		.innerJoin(
			events,
			and(
				eq(events.id, eventRegistrations.eventId),
				eq(events.municipalityId, eventRegistrations.municipalityId)
			)
		)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				sql`coalesce(${users.email}, ${eventRegistrations.email}) IS NOT NULL`,
				toRemind(sql`${eventRegistrations}`, sql`${events.startsAt}`, params.confirmedBeforeHours)
			)
		)
		.orderBy(sql`${eventRegistrations.queuedAt} asc nulls last`, asc(eventRegistrations.id));
}

// ---------------------------------------------------------------------------------------------
// Check-in at the door: the registration a code names (the signing secret: events.check-in.ts)
// ---------------------------------------------------------------------------------------------

/** A registration of this municipality by id (of any of its events), with the title of its event. */
export async function getRegistrationForCheckIn(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({
			...registrationColumns,
			eventTitle: events.title,
			eventStartsAt: events.startsAt
		})
		.from(eventRegistrations)
		.innerJoin(
			events,
			and(
				eq(events.id, eventRegistrations.eventId),
				eq(events.municipalityId, eventRegistrations.municipalityId)
			)
		)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(eq(eventRegistrations.municipalityId, params.municipalityId), eq(eventRegistrations.id, params.id))
		)
		.limit(1);
	return row;
}

// Drizzle queries of the back office for events: the staff list with its counts, the actions and
// opportunities an event may belong to, changing and cancelling an event, and its registrations for the list,
// the export and check-in. The municipality id is in every where.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	eventRegistrations,
	eventReportSuggestions,
	events,
	opportunities,
	users
} from '$lib/server/db/schema';
import type { EventKind, EventStatus, RegistrationStatus } from '$lib/domain/events';
import { eventColumns, registrationColumns, type NewEvent } from './events.queries';

function countOf(status: RegistrationStatus): SQL<number> {
	return sql<number>`(SELECT count(*)::int FROM ${eventRegistrations} r
		WHERE r.event_id = ${events.id} AND r.municipality_id = ${events.municipalityId} AND r.status = ${status})`.mapWith(
		Number
	);
}

/** `%text%` for ILIKE, with the pattern's own characters escaped. */
function containing(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface AdminEventFilter {
	municipalityId: string;
	q?: string;
	status?: EventStatus;
	kind?: EventKind;
	/** Only the events a citizen group proposed. */
	origin?: 'group';
	when: 'upcoming' | 'past';
	now: Date;
	limit: number;
	offset: number;
}

/** The municipality's events for staff, every status, with their confirmed and waitlisted counts. */
export async function listEventsForAdmin(db: Db, filter: AdminEventFilter) {
	const where = and(
		eq(events.municipalityId, filter.municipalityId),
		filter.status ? eq(events.status, filter.status) : undefined,
		filter.kind ? eq(events.kind, filter.kind) : undefined,
		filter.origin === 'group' ? isNotNull(events.proposedByGroupId) : undefined,
		filter.when === 'upcoming' ? gte(events.endsAt, filter.now) : lt(events.endsAt, filter.now),
		filter.q
			? sql`(${events.title} ILIKE ${containing(filter.q)} OR ${events.venueName} ILIKE ${containing(filter.q)})`
			: undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select({
				id: events.id,
				title: events.title,
				kind: events.kind,
				status: events.status,
				startsAt: events.startsAt,
				endsAt: events.endsAt,
				venueName: events.venueName,
				capacity: events.capacity,
				organiser: events.organiser,
				proposedByGroupId: events.proposedByGroupId,
				actionTitle: actions.title,
				confirmed: countOf('confirmed'),
				waitlisted: countOf('waitlisted'),
				placesTaken: sql<number>`(SELECT coalesce(sum(1 + r.companions), 0)::int FROM ${eventRegistrations} r
					WHERE r.event_id = ${events.id} AND r.municipality_id = ${events.municipalityId} AND r.status = 'confirmed')`.mapWith(
					Number
				)
			})
			.from(events)
			.leftJoin(
				actions,
				and(eq(actions.id, events.actionId), eq(actions.municipalityId, events.municipalityId))
			)
			.where(where)
			.orderBy(
				...(filter.when === 'upcoming'
					? [asc(events.startsAt), asc(events.id)]
					: [desc(events.startsAt), desc(events.id)])
			)
			.limit(filter.limit)
			.offset(filter.offset),
		db
			.select({ count: sql<number>`count(*)::int`.mapWith(Number) })
			.from(events)
			.where(where)
	]);
	return { rows, total: total?.count ?? 0 };
}

/** The municipality's actions that are not archived, and those given (an event's own), for the form's select. */
export async function listActionOptions(db: Db, params: { municipalityId: string; keep: number[] }) {
	return db
		.select({ id: actions.id, title: actions.title })
		.from(actions)
		.where(
			and(
				eq(actions.municipalityId, params.municipalityId),
				params.keep.length
					? sql`(${actions.archivedAt} IS NULL OR ${inArray(actions.id, params.keep)})`
					: sql`${actions.archivedAt} IS NULL`
			)
		)
		.orderBy(asc(actions.title), asc(actions.id));
}

/** Every opportunity of the municipality's actions, with its action, for the form's select. */
export async function listOpportunityOptions(db: Db, params: { municipalityId: string }) {
	return db
		.select({
			id: opportunities.id,
			actionId: opportunities.actionId,
			title: opportunities.title,
			kind: opportunities.kind,
			actionTitle: actions.title
		})
		.from(opportunities)
		.innerJoin(
			actions,
			and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
		)
		.where(eq(opportunities.municipalityId, params.municipalityId))
		.orderBy(asc(actions.title), asc(opportunities.position), asc(opportunities.id));
}

/** An action of the municipality, by id. */
export async function getActionOption(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({ id: actions.id, title: actions.title })
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), eq(actions.id, params.id)))
		.limit(1);
	return row;
}

/** An opportunity of the municipality, by id, with its action. */
export async function getOpportunityOption(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select({ id: opportunities.id, actionId: opportunities.actionId, title: opportunities.title })
		.from(opportunities)
		.where(and(eq(opportunities.municipalityId, params.municipalityId), eq(opportunities.id, params.id)))
		.limit(1);
	return row;
}

export type EventChange = Partial<
	Omit<NewEvent, 'id' | 'municipalityId' | 'uid' | 'sequence' | 'createdAt' | 'createdBy' | 'updatedAt'>
>;

/** Changes an event and bumps its iCalendar sequence, so calendars that hold it follow the change. */
export async function updateEvent(
	db: Db,
	params: { municipalityId: string; id: number; change: EventChange }
) {
	const [row] = await db
		.update(events)
		.set({ ...params.change, sequence: sql`${events.sequence} + 1`, updatedAt: sql`now()` })
		.where(and(eq(events.municipalityId, params.municipalityId), eq(events.id, params.id)))
		.returning(eventColumns);
	return row;
}

/** How many registrations of an event have each status, and how many were checked in. */
export async function countRegistrationsByStatus(
	db: Db,
	params: { municipalityId: string; eventId: number }
) {
	const rows = await db
		.select({
			status: eventRegistrations.status,
			count: sql<number>`count(*)::int`.mapWith(Number),
			checkedIn: sql<number>`count(${eventRegistrations.checkedInAt})::int`.mapWith(Number)
		})
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId)
			)
		)
		.groupBy(eventRegistrations.status);
	const counts: Record<RegistrationStatus, number> = {
		pending: 0,
		confirmed: 0,
		waitlisted: 0,
		cancelled: 0
	};
	let checkedIn = 0;
	for (const row of rows) {
		counts[row.status] = row.count;
		checkedIn += row.checkedIn;
	}
	return { ...counts, checkedIn };
}

/** An event's registrations for staff, in arrival order, filtered by status and by name or address. */
export async function listRegistrationsForAdmin(
	db: Db,
	params: {
		municipalityId: string;
		eventId: number;
		status?: RegistrationStatus;
		q?: string;
		limit: number;
	}
) {
	const name = sql`coalesce(${users.displayName}, ${eventRegistrations.name})`;
	const email = sql`coalesce(${users.email}, ${eventRegistrations.email})`;
	return db
		.select(registrationColumns)
		.from(eventRegistrations)
		.leftJoin(users, eq(users.id, eventRegistrations.userId))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				params.status ? eq(eventRegistrations.status, params.status) : undefined,
				params.q
					? sql`(${name} ILIKE ${containing(params.q)} OR ${email} ILIKE ${containing(params.q)})`
					: undefined
			)
		)
		.orderBy(
			sql`${eventRegistrations.queuedAt} asc nulls last`,
			asc(eventRegistrations.createdAt),
			asc(eventRegistrations.id)
		)
		.limit(params.limit);
}

/**
 * Checks in the confirmed registrations among `present` that were not yet, and undoes the check-in of those
 * among `absent` that were. Only this event's registrations in this municipality are touched.
 */
export async function setCheckedIn(
	db: Db,
	params: { municipalityId: string; eventId: number; present: number[]; absent: number[] }
) {
	const of = and(
		eq(eventRegistrations.municipalityId, params.municipalityId),
		eq(eventRegistrations.eventId, params.eventId)
	);
	const checkedIn = params.present.length
		? await db
				.update(eventRegistrations)
				.set({ checkedInAt: sql`now()` })
				.where(
					and(
						of,
						inArray(eventRegistrations.id, params.present),
						eq(eventRegistrations.status, 'confirmed'),
						sql`${eventRegistrations.checkedInAt} IS NULL`
					)
				)
				.returning({ id: eventRegistrations.id })
		: [];
	const undone = params.absent.length
		? await db
				.update(eventRegistrations)
				.set({ checkedInAt: null })
				.where(
					and(
						of,
						inArray(eventRegistrations.id, params.absent),
						sql`${eventRegistrations.checkedInAt} IS NOT NULL`
					)
				)
				.returning({ id: eventRegistrations.id })
		: [];
	return { checkedIn: checkedIn.length, undone: undone.length };
}

/** Events of the municipality among these ids (others are simply not found), locked for a change when asked. */
export async function getEventsByIds(
	db: Db,
	params: { municipalityId: string; ids: number[]; forUpdate?: boolean }
) {
	if (params.ids.length === 0) return [];
	const query = db
		.select({ id: events.id, title: events.title, status: events.status, publishedAt: events.publishedAt })
		.from(events)
		.where(and(eq(events.municipalityId, params.municipalityId), inArray(events.id, params.ids)))
		.orderBy(asc(events.startsAt), asc(events.id));
	return params.forUpdate ? query.for('update') : query;
}

/** The suggestions a report chose (a draft's choices too), with their answers, in the order they were ticked. */
export async function listReportChoices(db: Db, params: { municipalityId: string; eventId: number }) {
	return db
		.select({ suggestionId: eventReportSuggestions.suggestionId, answer: eventReportSuggestions.answer })
		.from(eventReportSuggestions)
		.where(
			and(
				eq(eventReportSuggestions.municipalityId, params.municipalityId),
				eq(eventReportSuggestions.eventId, params.eventId)
			)
		)
		.orderBy(asc(eventReportSuggestions.suggestionId));
}

/** Replaces the report's choices with these. */
export async function replaceReportChoices(
	db: Db,
	params: { municipalityId: string; eventId: number; choices: { suggestionId: number; answer: string }[] }
) {
	await db
		.delete(eventReportSuggestions)
		.where(
			and(
				eq(eventReportSuggestions.municipalityId, params.municipalityId),
				eq(eventReportSuggestions.eventId, params.eventId)
			)
		);
	if (params.choices.length === 0) return;
	await db.insert(eventReportSuggestions).values(
		params.choices.map((c) => ({
			municipalityId: params.municipalityId,
			eventId: params.eventId,
			suggestionId: c.suggestionId,
			answer: c.answer
		}))
	);
}

/** Writes the report's text and attendance (and its publication); the calendar's sequence stays: no calendar shows it. */
export async function updateReport(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		report: string;
		attendance: number | null;
		publishedAt?: Date;
	}
) {
	await db
		.update(events)
		.set({
			report: params.report,
			reportAttendance: params.attendance,
			...(params.publishedAt ? { reportPublishedAt: params.publishedAt } : {}),
			updatedAt: sql`now()`
		})
		.where(and(eq(events.municipalityId, params.municipalityId), eq(events.id, params.id)));
}

/**
 * Who a published report is mailed to: the accounts of `userIds` (authors of the chosen suggestions, the
 * action's followers) with an address and not deleted, and everyone with a confirmed place (their account's
 * address, or the address they registered with). Each address once (case-insensitive), the first name found.
 */
export async function listReportRecipients(
	db: Db,
	params: { municipalityId: string; eventId: number; userIds: string[] }
): Promise<{ email: string; name: string }[]> {
	const accounts =
		params.userIds.length === 0
			? []
			: await db
					.select({ email: users.email, name: users.displayName })
					.from(users)
					.where(
						and(
							inArray(users.id, params.userIds),
							sql`${users.deletedAt} IS NULL`,
							sql`${users.email} IS NOT NULL`
						)
					)
					.orderBy(asc(users.id));
	const registered = await db
		.select({
			email: sql<string | null>`coalesce(${users.email}, ${eventRegistrations.email})`,
			name: sql<string | null>`coalesce(${users.displayName}, ${eventRegistrations.name})`
		})
		.from(eventRegistrations)
		.leftJoin(users, and(eq(users.id, eventRegistrations.userId), sql`${users.deletedAt} IS NULL`))
		.where(
			and(
				eq(eventRegistrations.municipalityId, params.municipalityId),
				eq(eventRegistrations.eventId, params.eventId),
				eq(eventRegistrations.status, 'confirmed')
			)
		)
		.orderBy(asc(eventRegistrations.id));
	const seen = new Set<string>();
	const out: { email: string; name: string }[] = [];
	for (const r of [...accounts, ...registered]) {
		if (!r.email) continue;
		const key = r.email.trim().toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		out.push({ email: r.email, name: r.name ?? '' });
	}
	return out;
}

// Queries of the Climate Pact: every one takes the database first and the municipality in its params (and in
// its where), except the person's own reports for their data export and erasure, found by the person.
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	climatePactDwellings,
	climatePactOutcomes,
	events,
	media,
	municipalities,
	users
} from '$lib/server/db/schema';
import type { PactKind, PactSource, PactStatus } from '$lib/domain/climate-pact';
import { containsPattern } from '$lib/server/platform/text';

const outcomeColumns = {
	id: climatePactOutcomes.id,
	municipalityId: climatePactOutcomes.municipalityId,
	source: climatePactOutcomes.source,
	actionId: climatePactOutcomes.actionId,
	actionTitle: actions.title,
	eventId: climatePactOutcomes.eventId,
	eventTitle: events.title,
	kind: climatePactOutcomes.kind,
	quantity: climatePactOutcomes.quantity,
	occurredOn: climatePactOutcomes.occurredOn,
	note: climatePactOutcomes.note,
	status: climatePactOutcomes.status,
	authorId: climatePactOutcomes.authorId,
	authorName: users.displayName,
	photoId: climatePactOutcomes.photoId,
	photoAlt: media.alt,
	refuseReason: climatePactOutcomes.refuseReason,
	decidedAt: climatePactOutcomes.decidedAt,
	createdAt: climatePactOutcomes.createdAt
};

export interface OutcomeRow {
	id: number;
	municipalityId: string;
	source: PactSource;
	actionId: number | null;
	actionTitle: string | null;
	eventId: number | null;
	eventTitle: string | null;
	kind: PactKind;
	quantity: number;
	occurredOn: string;
	note: string;
	status: PactStatus;
	authorId: string | null;
	authorName: string | null;
	photoId: string | null;
	photoAlt: string | null;
	refuseReason: string | null;
	decidedAt: Date | null;
	createdAt: Date;
}

function selectOutcomes(db: Db) {
	return db
		.select(outcomeColumns)
		.from(climatePactOutcomes)
		.leftJoin(
			actions,
			and(
				eq(actions.id, climatePactOutcomes.actionId),
				eq(actions.municipalityId, climatePactOutcomes.municipalityId)
			)
		)
		.leftJoin(
			events,
			and(
				eq(events.id, climatePactOutcomes.eventId),
				eq(events.municipalityId, climatePactOutcomes.municipalityId)
			)
		)
		.leftJoin(users, eq(users.id, climatePactOutcomes.authorId))
		.leftJoin(media, eq(media.id, climatePactOutcomes.photoId));
}

export async function insertOutcome(
	db: Db,
	params: {
		municipalityId: string;
		source: PactSource;
		actionId?: number | null;
		eventId?: number | null;
		kind: PactKind;
		quantity: number;
		occurredOn: string;
		note: string;
		status: PactStatus;
		authorId?: string | null;
		photoId?: string | null;
		createdBy: string | null;
		decidedAt?: Date | null;
	}
): Promise<{ id: number }> {
	const [row] = await db.insert(climatePactOutcomes).values(params).returning({ id: climatePactOutcomes.id });
	if (!row) throw new Error('climate pact outcome not inserted');
	return row;
}

/** One outcome of the municipality; undefined for anything else. */
export async function getOutcome(
	db: Db,
	params: { municipalityId: string; id: number; forUpdate?: boolean }
): Promise<OutcomeRow | undefined> {
	const where = and(
		eq(climatePactOutcomes.municipalityId, params.municipalityId),
		eq(climatePactOutcomes.id, params.id)
	);
	if (params.forUpdate)
		await db.select({ id: climatePactOutcomes.id }).from(climatePactOutcomes).where(where).for('update');
	const [row] = await selectOutcomes(db).where(where).limit(1);
	return row as OutcomeRow | undefined;
}

export async function updateOutcome(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		values: Partial<{
			source: PactSource;
			actionId: number | null;
			eventId: number | null;
			kind: PactKind;
			quantity: number;
			occurredOn: string;
			note: string;
			status: PactStatus;
			refuseReason: string | null;
			decidedAt: Date | null;
		}>;
	}
): Promise<void> {
	await db
		.update(climatePactOutcomes)
		.set({ ...params.values, updatedAt: new Date() })
		.where(
			and(
				eq(climatePactOutcomes.municipalityId, params.municipalityId),
				eq(climatePactOutcomes.id, params.id)
			)
		);
}

/** Deletes an outcome and its photo. */
export async function deleteOutcome(db: Db, params: { municipalityId: string; id: number }): Promise<void> {
	const [row] = await db
		.delete(climatePactOutcomes)
		.where(
			and(
				eq(climatePactOutcomes.municipalityId, params.municipalityId),
				eq(climatePactOutcomes.id, params.id)
			)
		)
		.returning({ photoId: climatePactOutcomes.photoId });
	if (row?.photoId)
		await db
			.delete(media)
			.where(and(eq(media.municipalityId, params.municipalityId), eq(media.id, row.photoId)));
}

/** Staff's own entries (on actions and events), newest day first. */
export async function listRecordedOutcomes(
	db: Db,
	params: { municipalityId: string; limit: number }
): Promise<OutcomeRow[]> {
	const rows = await selectOutcomes(db)
		.where(
			and(
				eq(climatePactOutcomes.municipalityId, params.municipalityId),
				ne(climatePactOutcomes.source, 'citizen')
			)
		)
		.orderBy(desc(climatePactOutcomes.occurredOn), desc(climatePactOutcomes.id))
		.limit(params.limit);
	return rows as OutcomeRow[];
}

/** The queue of citizens' reports: waiting first (oldest first), then decided (newest first). */
export async function listContributions(
	db: Db,
	params: {
		municipalityId: string;
		q?: string;
		status?: PactStatus;
		kind?: PactKind;
		limit: number;
		offset: number;
	}
): Promise<{ rows: OutcomeRow[]; total: number }> {
	const pattern = params.q ? containsPattern(params.q) : null;
	const where = and(
		eq(climatePactOutcomes.municipalityId, params.municipalityId),
		eq(climatePactOutcomes.source, 'citizen'),
		params.status ? eq(climatePactOutcomes.status, params.status) : undefined,
		params.kind ? eq(climatePactOutcomes.kind, params.kind) : undefined,
		pattern ? or(ilike(climatePactOutcomes.note, pattern), ilike(users.displayName, pattern)) : undefined
	);
	const [rows, [total]] = await Promise.all([
		selectOutcomes(db)
			.where(where)
			.orderBy(
				sql`CASE WHEN ${climatePactOutcomes.status} = 'submitted' THEN 0 ELSE 1 END`,
				sql`CASE WHEN ${climatePactOutcomes.status} = 'submitted' THEN ${climatePactOutcomes.createdAt} END ASC`,
				desc(climatePactOutcomes.createdAt)
			)
			.limit(params.limit)
			.offset(params.offset),
		db
			.select({ n: count() })
			.from(climatePactOutcomes)
			.leftJoin(users, eq(users.id, climatePactOutcomes.authorId))
			.where(where)
	]);
	return { rows: rows as OutcomeRow[], total: total?.n ?? 0 };
}

/** The chosen citizens' reports of the municipality (others are left out). */
export async function listContributionsByIds(
	db: Db,
	params: { municipalityId: string; ids: number[]; forUpdate?: boolean }
): Promise<OutcomeRow[]> {
	if (params.ids.length === 0) return [];
	const where = and(
		eq(climatePactOutcomes.municipalityId, params.municipalityId),
		eq(climatePactOutcomes.source, 'citizen'),
		inArray(climatePactOutcomes.id, params.ids)
	);
	if (params.forUpdate)
		await db
			.select({ id: climatePactOutcomes.id })
			.from(climatePactOutcomes)
			.where(where)
			.orderBy(asc(climatePactOutcomes.id))
			.for('update');
	return (await selectOutcomes(db).where(where).orderBy(asc(climatePactOutcomes.id))) as OutcomeRow[];
}

/** How many citizens' reports wait, for the back office's home. */
export async function countWaitingContributions(
	db: Db,
	params: { municipalityId: string }
): Promise<{ count: number; since: Date | null }> {
	const [row] = await db
		.select({ n: count(), since: sql<string | null>`min(${climatePactOutcomes.createdAt})` })
		.from(climatePactOutcomes)
		.where(
			and(
				eq(climatePactOutcomes.municipalityId, params.municipalityId),
				eq(climatePactOutcomes.status, 'submitted')
			)
		);
	return { count: row?.n ?? 0, since: row?.since ? new Date(row.since) : null };
}

/**
 * The verified quantities of the municipalities asked, per municipality, kind and year: what the totals are
 * built from. Waiting and refused reports count nowhere.
 */
export async function sumVerifiedOutcomes(
	db: Db,
	params: { municipalityIds: string[] }
): Promise<{ municipalityId: string; kind: PactKind; year: number; total: number }[]> {
	if (params.municipalityIds.length === 0) return [];
	const year = sql<number>`extract(year from ${climatePactOutcomes.occurredOn})::int`;
	const rows = await db
		.select({
			municipalityId: climatePactOutcomes.municipalityId,
			kind: climatePactOutcomes.kind,
			year,
			total: sql<number>`sum(${climatePactOutcomes.quantity})::float8`
		})
		.from(climatePactOutcomes)
		.where(
			and(
				inArray(climatePactOutcomes.municipalityId, params.municipalityIds),
				eq(climatePactOutcomes.status, 'verified')
			)
		)
		.groupBy(climatePactOutcomes.municipalityId, climatePactOutcomes.kind, year);
	return rows.map((r) => ({ ...r, kind: r.kind as PactKind, year: Number(r.year), total: Number(r.total) }));
}

/**
 * What the pact's impact indicators need of each municipality asked, in one statement: its inhabitants, whether it
 * takes part, the dwellings entered, and per kind its verified quantity from 2021 through today.
 */
export async function listPactFigures(
	db: Db,
	params: { municipalityIds: readonly string[] }
): Promise<
	{
		municipalityId: string;
		inhabitants: number;
		participating: boolean;
		dwellings: number | null;
		totals: Partial<Record<PactKind, number>>;
	}[]
> {
	if (params.municipalityIds.length === 0) return [];
	const rows = await db
		.select({
			municipalityId: municipalities.id,
			inhabitants: municipalities.inhabitants,
			participating: municipalities.participating,
			dwellings: climatePactDwellings.dwellings,
			totals: sql<Record<string, number> | null>`(
				SELECT jsonb_object_agg(o.kind, o.total) FROM (
					SELECT ${climatePactOutcomes.kind} AS kind, sum(${climatePactOutcomes.quantity})::float8 AS total
					FROM ${climatePactOutcomes}
					WHERE ${climatePactOutcomes.municipalityId} = ${municipalities.id}
						AND ${climatePactOutcomes.status} = 'verified'
					GROUP BY ${climatePactOutcomes.kind}
				) o
			)`
		})
		.from(municipalities)
		.leftJoin(climatePactDwellings, eq(climatePactDwellings.municipalityId, municipalities.id))
		.where(inArray(municipalities.id, [...params.municipalityIds]));
	return rows.map((r) => ({
		municipalityId: r.municipalityId,
		inhabitants: r.inhabitants,
		participating: r.participating,
		dwellings: r.dwellings ?? null,
		totals: (r.totals ?? {}) as Partial<Record<PactKind, number>>
	}));
}

export async function listDwellings(
	db: Db,
	params: { municipalityIds: string[] }
): Promise<{ municipalityId: string; dwellings: number; updatedAt: Date }[]> {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			municipalityId: climatePactDwellings.municipalityId,
			dwellings: climatePactDwellings.dwellings,
			updatedAt: climatePactDwellings.updatedAt
		})
		.from(climatePactDwellings)
		.where(inArray(climatePactDwellings.municipalityId, params.municipalityIds));
}

export async function upsertDwellings(
	db: Db,
	params: { municipalityId: string; dwellings: number; updatedBy: string | null }
): Promise<void> {
	const now = new Date();
	await db
		.insert(climatePactDwellings)
		.values({ ...params, updatedAt: now })
		.onConflictDoUpdate({
			target: climatePactDwellings.municipalityId,
			set: { dwellings: params.dwellings, updatedBy: params.updatedBy, updatedAt: now }
		});
}

/** The municipality's actions and events an outcome can be recorded on (any state: staff record afterwards). */
export async function listOutcomeTargets(
	db: Db,
	params: { municipalityId: string; limit: number }
): Promise<{
	actions: { id: number; title: string }[];
	events: { id: number; title: string; startsAt: Date }[];
}> {
	const [actionRows, eventRows] = await Promise.all([
		db
			.select({ id: actions.id, title: actions.title })
			.from(actions)
			.where(eq(actions.municipalityId, params.municipalityId))
			.orderBy(asc(actions.title))
			.limit(params.limit),
		db
			.select({ id: events.id, title: events.title, startsAt: events.startsAt })
			.from(events)
			.where(eq(events.municipalityId, params.municipalityId))
			.orderBy(desc(events.startsAt))
			.limit(params.limit)
	]);
	return { actions: actionRows, events: eventRows };
}

/** Stores a processed photo of a citizen's report with its alt text. */
export async function insertPactPhoto(
	db: Db,
	params: {
		municipalityId: string;
		contentType: string;
		bytes: Buffer;
		width: number;
		height: number;
		alt: string;
		createdBy: string;
	}
): Promise<{ id: string }> {
	const [row] = await db
		.insert(media)
		.values({ kind: 'photo', ...params })
		.returning({ id: media.id });
	if (!row) throw new Error('climate pact photo not inserted');
	return row;
}

/** The photo of a report of the municipality with its bytes, for staff. */
export async function getOutcomePhoto(
	db: Db,
	params: { municipalityId: string; outcomeId: number }
): Promise<{ contentType: string; bytes: Buffer } | undefined> {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes })
		.from(climatePactOutcomes)
		.innerJoin(
			media,
			and(
				eq(media.id, climatePactOutcomes.photoId),
				eq(media.municipalityId, climatePactOutcomes.municipalityId)
			)
		)
		.where(
			and(
				eq(climatePactOutcomes.municipalityId, params.municipalityId),
				eq(climatePactOutcomes.id, params.outcomeId)
			)
		)
		.limit(1);
	return row;
}

/** A person's own reports in every municipality (their data export, their list): found by the person. */
export async function listReportsOfAuthor(
	db: Db,
	params: { userId: string; municipalityId?: string }
): Promise<(OutcomeRow & { municipality: string; municipalitySlug: string })[]> {
	const rows = await db
		.select({ ...outcomeColumns, municipality: municipalities.name, municipalitySlug: municipalities.slug })
		.from(climatePactOutcomes)
		.innerJoin(municipalities, eq(municipalities.id, climatePactOutcomes.municipalityId))
		.leftJoin(actions, eq(actions.id, climatePactOutcomes.actionId))
		.leftJoin(events, eq(events.id, climatePactOutcomes.eventId))
		.leftJoin(users, eq(users.id, climatePactOutcomes.authorId))
		.leftJoin(media, eq(media.id, climatePactOutcomes.photoId))
		.where(
			and(
				eq(climatePactOutcomes.authorId, params.userId),
				params.municipalityId ? eq(climatePactOutcomes.municipalityId, params.municipalityId) : undefined
			)
		)
		.orderBy(desc(climatePactOutcomes.createdAt));
	return rows as (OutcomeRow & { municipality: string; municipalitySlug: string })[];
}

/**
 * Deleting an account: reports that never counted (waiting or refused) go with their photos; verified ones keep
 * counting without the person: no author, no note, no photo (a photo of their house is theirs).
 */
export async function eraseReportsOfAuthor(db: Db, params: { userId: string }): Promise<void> {
	const mine = eq(climatePactOutcomes.authorId, params.userId);
	const photos = await db
		.select({ photoId: climatePactOutcomes.photoId })
		.from(climatePactOutcomes)
		.where(and(mine, isNotNull(climatePactOutcomes.photoId)));
	await db.delete(climatePactOutcomes).where(and(mine, ne(climatePactOutcomes.status, 'verified')));
	await db
		.update(climatePactOutcomes)
		.set({ authorId: null, note: '', photoId: null, updatedAt: new Date() })
		.where(mine);
	const ids = photos.map((p) => p.photoId).filter((id): id is string => id !== null);
	if (ids.length > 0) await db.delete(media).where(inArray(media.id, ids));
}

/** Whether the action or event exists in this municipality (an id of elsewhere does not). */
export async function outcomeTargetExists(
	db: Db,
	params: { municipalityId: string; source: 'action' | 'event'; id: number }
): Promise<boolean> {
	const table = params.source === 'action' ? actions : events;
	const [row] = await db
		.select({ id: table.id })
		.from(table)
		.where(and(eq(table.municipalityId, params.municipalityId), eq(table.id, params.id)))
		.limit(1);
	return Boolean(row);
}

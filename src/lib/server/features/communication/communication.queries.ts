// Queries of communication plans: (db, params) with the municipality in every where. What a plan is about is read
// from the actions, events and opportunities tables themselves (no other feature's queries).
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	communicationMoments,
	communicationPlans,
	communicationTexts,
	events,
	municipalities,
	opportunities,
	users
} from '$lib/server/db/schema';
import type {
	CommunicationChannel,
	CommunicationMoment,
	CommunicationSubjectKind,
	PublicationState
} from '$lib/domain/communication';
import { containsPattern } from '$lib/server/platform/text';

type Tenant = { municipalityId: string };

/** The action a subject belongs to: itself, or the action of its event or opportunity. */
const parent = alias(actions, 'parent_action');

/** The columns that describe a plan's subject, from the plan joined to its subject (see `fromPlans`). */
const subjectColumns = {
	planId: communicationPlans.id,
	actionId: communicationPlans.actionId,
	eventId: communicationPlans.eventId,
	opportunityId: communicationPlans.opportunityId,
	municipalitySlug: municipalities.slug,
	municipalityName: municipalities.name,
	eventTitle: events.title,
	eventSlug: events.slug,
	eventDescription: events.description,
	eventStatus: events.status,
	eventPublishedAt: events.publishedAt,
	eventStartsAt: events.startsAt,
	eventVenue: events.venueName,
	eventAddress: events.address,
	opportunityTitle: opportunities.title,
	opportunityKind: opportunities.kind,
	opportunityHowTo: opportunities.howTo,
	opportunityOpensAt: opportunities.opensAt,
	opportunityClosesAt: opportunities.closesAt,
	actionTitle: parent.title,
	actionSlug: parent.slug,
	actionSummary: parent.summary,
	actionPublishedAt: parent.publishedAt,
	actionArchivedAt: parent.archivedAt,
	actionEndsOn: parent.endsOn,
	actionPlace: parent.placeName,
	actionImageId: parent.imageId,
	actionImageAlt: parent.imageAlt
};
export type SubjectRow = {
	[K in keyof typeof subjectColumns]: (typeof subjectColumns)[K]['_']['data'] | null;
};

/** Plans with their municipality, subject and the subject's action. */
function fromPlans(db: Db, columns: Record<string, unknown>) {
	return db
		.select(columns as typeof subjectColumns)
		.from(communicationPlans)
		.innerJoin(municipalities, eq(municipalities.id, communicationPlans.municipalityId))
		.leftJoin(
			events,
			and(
				eq(events.id, communicationPlans.eventId),
				eq(events.municipalityId, communicationPlans.municipalityId)
			)
		)
		.leftJoin(
			opportunities,
			and(
				eq(opportunities.id, communicationPlans.opportunityId),
				eq(opportunities.municipalityId, communicationPlans.municipalityId)
			)
		)
		.leftJoin(
			parent,
			and(
				eq(
					parent.id,
					sql`coalesce(${communicationPlans.actionId}, ${events.actionId}, ${opportunities.actionId})`
				),
				eq(parent.municipalityId, communicationPlans.municipalityId)
			)
		)
		.$dynamic();
}

export async function getPlan(db: Db, params: Tenant & { id: number }): Promise<SubjectRow | undefined> {
	const [row] = await fromPlans(db, subjectColumns)
		.where(
			and(eq(communicationPlans.municipalityId, params.municipalityId), eq(communicationPlans.id, params.id))
		)
		.limit(1);
	return row;
}

export async function getPlanOfSubject(
	db: Db,
	params: Tenant & { kind: CommunicationSubjectKind; id: number }
): Promise<{ id: number } | undefined> {
	const column = subjectColumn(params.kind);
	const [row] = await db
		.select({ id: communicationPlans.id })
		.from(communicationPlans)
		.where(and(eq(communicationPlans.municipalityId, params.municipalityId), eq(column, params.id)))
		.limit(1);
	return row;
}

function subjectColumn(kind: CommunicationSubjectKind) {
	return kind === 'action'
		? communicationPlans.actionId
		: kind === 'event'
			? communicationPlans.eventId
			: communicationPlans.opportunityId;
}

/**
 * What a new plan would be about, before it exists: the subject of this municipality (an opportunity only when
 * it collects suggestions on a map), in the same shape as a plan's subject row.
 */
export async function getSubject(
	db: Db,
	params: Tenant & { kind: CommunicationSubjectKind; id: number }
): Promise<SubjectRow | undefined> {
	const m = params.municipalityId;
	const base = db
		.select({
			...subjectColumns,
			planId: sql<number | null>`null`,
			actionId: sql<number | null>`${params.kind === 'action' ? params.id : null}::int`,
			eventId: sql<number | null>`${params.kind === 'event' ? params.id : null}::int`,
			opportunityId: sql<number | null>`${params.kind === 'opportunity' ? params.id : null}::int`
		})
		.from(municipalities)
		.leftJoin(
			events,
			params.kind === 'event' ? and(eq(events.id, params.id), eq(events.municipalityId, m)) : sql`false`
		)
		.leftJoin(
			opportunities,
			params.kind === 'opportunity'
				? and(
						eq(opportunities.id, params.id),
						eq(opportunities.municipalityId, m),
						eq(opportunities.kind, 'mapSuggestions')
					)
				: sql`false`
		)
		.leftJoin(
			parent,
			and(
				eq(
					parent.id,
					params.kind === 'action'
						? sql`${params.id}::int`
						: sql`coalesce(${events.actionId}, ${opportunities.actionId})`
				),
				eq(parent.municipalityId, m)
			)
		)
		.where(eq(municipalities.id, m))
		.limit(1);
	const [row] = await base;
	if (!row) return undefined;
	const found =
		params.kind === 'action'
			? row.actionTitle !== null
			: params.kind === 'event'
				? row.eventTitle !== null
				: row.opportunityTitle !== null;
	return found ? row : undefined;
}

/** What can still get a plan: actions not archived, events not cancelled that end at most 30 days ago, calls. */
export async function listSubjectOptions(db: Db, params: Tenant) {
	const m = params.municipalityId;
	const [actionRows, eventRows, opportunityRows] = await Promise.all([
		db
			.select({ id: actions.id, title: actions.title })
			.from(actions)
			.leftJoin(communicationPlans, eq(communicationPlans.actionId, actions.id))
			.where(and(eq(actions.municipalityId, m), isNull(actions.archivedAt), isNull(communicationPlans.id)))
			.orderBy(asc(actions.title))
			.limit(200),
		db
			.select({ id: events.id, title: events.title, startsAt: events.startsAt })
			.from(events)
			.leftJoin(communicationPlans, eq(communicationPlans.eventId, events.id))
			.where(
				and(
					eq(events.municipalityId, m),
					sql`${events.status} <> 'cancelled'`,
					gte(events.endsAt, sql`now() - interval '30 days'`),
					isNull(communicationPlans.id)
				)
			)
			.orderBy(asc(events.startsAt))
			.limit(200),
		db
			.select({ id: opportunities.id, title: opportunities.title })
			.from(opportunities)
			.leftJoin(communicationPlans, eq(communicationPlans.opportunityId, opportunities.id))
			.where(
				and(
					eq(opportunities.municipalityId, m),
					eq(opportunities.kind, 'mapSuggestions'),
					isNull(communicationPlans.id)
				)
			)
			.orderBy(asc(opportunities.title))
			.limit(200)
	]);
	return { actions: actionRows, events: eventRows, opportunities: opportunityRows };
}

export async function insertPlan(
	db: Db,
	params: Tenant & { kind: CommunicationSubjectKind; subjectId: number; createdBy: string | null }
): Promise<{ id: number } | undefined> {
	const [row] = await db
		.insert(communicationPlans)
		.values({
			municipalityId: params.municipalityId,
			actionId: params.kind === 'action' ? params.subjectId : null,
			eventId: params.kind === 'event' ? params.subjectId : null,
			opportunityId: params.kind === 'opportunity' ? params.subjectId : null,
			createdBy: params.createdBy
		})
		.onConflictDoNothing()
		.returning({ id: communicationPlans.id });
	return row;
}

export async function insertMoment(
	db: Db,
	params: Tenant & {
		planId: number;
		kind: CommunicationMoment;
		dueOn: string;
		texts: { channel: CommunicationChannel; shortCode: string }[];
	}
): Promise<number> {
	const [moment] = await db
		.insert(communicationMoments)
		.values({
			municipalityId: params.municipalityId,
			planId: params.planId,
			kind: params.kind,
			dueOn: params.dueOn
		})
		.returning({ id: communicationMoments.id });
	if (params.texts.length > 0)
		await db.insert(communicationTexts).values(
			params.texts.map((t) => ({
				municipalityId: params.municipalityId,
				momentId: moment!.id,
				channel: t.channel,
				shortCode: t.shortCode
			}))
		);
	return moment!.id;
}

export async function getMoment(db: Db, params: Tenant & { planId: number; id: number }) {
	const [row] = await db
		.select({
			id: communicationMoments.id,
			kind: communicationMoments.kind,
			dueOn: communicationMoments.dueOn
		})
		.from(communicationMoments)
		.where(
			and(
				eq(communicationMoments.municipalityId, params.municipalityId),
				eq(communicationMoments.planId, params.planId),
				eq(communicationMoments.id, params.id)
			)
		)
		.limit(1);
	return row;
}

export async function updateMomentDate(db: Db, params: Tenant & { id: number; dueOn: string }) {
	await db
		.update(communicationMoments)
		.set({ dueOn: params.dueOn })
		.where(
			and(
				eq(communicationMoments.municipalityId, params.municipalityId),
				eq(communicationMoments.id, params.id)
			)
		);
}

export async function deleteMoment(db: Db, params: Tenant & { id: number }) {
	await db
		.delete(communicationMoments)
		.where(
			and(
				eq(communicationMoments.municipalityId, params.municipalityId),
				eq(communicationMoments.id, params.id)
			)
		);
}

/** The columns of a text with its moment, as every list shows them. */
const publisher = alias(users, 'publisher');
const textColumns = {
	id: communicationTexts.id,
	channel: communicationTexts.channel,
	subject: communicationTexts.subject,
	body: communicationTexts.body,
	shortCode: communicationTexts.shortCode,
	publishedAt: communicationTexts.publishedAt,
	/** The name staff see (as staffName), or null when nobody is named. */
	publishedByName: sql<
		string | null
	>`coalesce(nullif(concat_ws(' ', ${publisher.givenName}, ${publisher.familyName}), ''), ${publisher.displayName})`,
	momentId: communicationMoments.id,
	moment: communicationMoments.kind,
	dueOn: communicationMoments.dueOn
};

/** The moments of a plan with their texts, by day. */
export async function listTextsOfPlan(db: Db, params: Tenant & { planId: number }) {
	const moments = await db
		.select({
			id: communicationMoments.id,
			kind: communicationMoments.kind,
			dueOn: communicationMoments.dueOn
		})
		.from(communicationMoments)
		.where(
			and(
				eq(communicationMoments.municipalityId, params.municipalityId),
				eq(communicationMoments.planId, params.planId)
			)
		)
		.orderBy(asc(communicationMoments.dueOn), asc(communicationMoments.id));
	const texts =
		moments.length === 0
			? []
			: await db
					.select(textColumns)
					.from(communicationTexts)
					.innerJoin(
						communicationMoments,
						and(
							eq(communicationMoments.id, communicationTexts.momentId),
							eq(communicationMoments.municipalityId, communicationTexts.municipalityId)
						)
					)
					.leftJoin(publisher, eq(publisher.id, communicationTexts.publishedBy))
					.where(
						and(
							eq(communicationTexts.municipalityId, params.municipalityId),
							inArray(
								communicationTexts.momentId,
								moments.map((m) => m.id)
							)
						)
					)
					.orderBy(asc(communicationTexts.id));
	return { moments, texts };
}

/**
 * The texts due in a week (the days from `from` up to, not including, `to`) of every plan of the municipality,
 * with their plan's subject: filtered by channel, by whether they were published, and by words in the subject's
 * title or the text.
 */
export async function listWeekTexts(
	db: Db,
	params: Tenant & {
		from: string;
		to: string;
		channel?: CommunicationChannel;
		state?: PublicationState;
		q?: string;
	}
) {
	const where: SQL[] = [
		eq(communicationMoments.municipalityId, params.municipalityId),
		gte(communicationMoments.dueOn, params.from),
		lt(communicationMoments.dueOn, params.to)
	];
	if (params.channel) where.push(eq(communicationTexts.channel, params.channel));
	if (params.state === 'published') where.push(isNotNull(communicationTexts.publishedAt));
	if (params.state === 'open') where.push(isNull(communicationTexts.publishedAt));
	if (params.q) {
		const pattern = containsPattern(params.q);
		where.push(
			or(
				sql`${parent.title} ILIKE ${pattern}`,
				sql`${events.title} ILIKE ${pattern}`,
				sql`${opportunities.title} ILIKE ${pattern}`,
				sql`${communicationTexts.body} ILIKE ${pattern}`,
				sql`${communicationTexts.subject} ILIKE ${pattern}`
			)!
		);
	}
	return fromPlans(db, { ...subjectColumns, ...textColumns })
		.innerJoin(
			communicationMoments,
			and(
				eq(communicationMoments.planId, communicationPlans.id),
				eq(communicationMoments.municipalityId, communicationPlans.municipalityId)
			)
		)
		.innerJoin(
			communicationTexts,
			and(
				eq(communicationTexts.momentId, communicationMoments.id),
				eq(communicationTexts.municipalityId, communicationMoments.municipalityId)
			)
		)
		.leftJoin(publisher, eq(publisher.id, communicationTexts.publishedBy))
		.where(and(...where))
		.orderBy(
			asc(communicationMoments.dueOn),
			asc(communicationPlans.id),
			asc(communicationMoments.id),
			asc(communicationTexts.id)
		)
		.limit(500) as unknown as Promise<(SubjectRow & TextRow)[]>;
}
export interface TextRow {
	id: number;
	channel: CommunicationChannel;
	subject: string | null;
	body: string | null;
	shortCode: string;
	publishedAt: Date | null;
	publishedByName: string | null;
	momentId: number;
	moment: CommunicationMoment;
	dueOn: string;
}

/** The municipality's plans with their next moment and how many of their texts were published. */
export async function listPlans(db: Db, params: Tenant & { today: string }) {
	const rows = (await fromPlans(db, {
		...subjectColumns,
		next: sql<string | null>`(SELECT min(${communicationMoments.dueOn})::text FROM ${communicationMoments}
			WHERE ${communicationMoments.planId} = ${communicationPlans.id}
			  AND ${communicationMoments.municipalityId} = ${communicationPlans.municipalityId}
			  AND ${communicationMoments.dueOn} >= ${params.today})`,
		total: sql<number>`(SELECT count(*)::int FROM ${communicationTexts} JOIN ${communicationMoments}
			ON ${communicationMoments.id} = ${communicationTexts.momentId}
			WHERE ${communicationMoments.planId} = ${communicationPlans.id}
			  AND ${communicationTexts.municipalityId} = ${communicationPlans.municipalityId})`,
		done: sql<number>`(SELECT count(*)::int FROM ${communicationTexts} JOIN ${communicationMoments}
			ON ${communicationMoments.id} = ${communicationTexts.momentId}
			WHERE ${communicationMoments.planId} = ${communicationPlans.id}
			  AND ${communicationTexts.municipalityId} = ${communicationPlans.municipalityId}
			  AND ${communicationTexts.publishedAt} IS NOT NULL)`
	})
		.where(eq(communicationPlans.municipalityId, params.municipalityId))
		.orderBy(asc(communicationPlans.id))
		.limit(500)) as unknown as (SubjectRow & { next: string | null; total: number; done: number })[];
	return rows;
}

export async function getText(db: Db, params: Tenant & { id: number; planId?: number }) {
	const [row] = await db
		.select({
			id: communicationTexts.id,
			channel: communicationTexts.channel,
			shortCode: communicationTexts.shortCode,
			momentId: communicationMoments.id,
			moment: communicationMoments.kind,
			planId: communicationMoments.planId,
			publishedAt: communicationTexts.publishedAt
		})
		.from(communicationTexts)
		.innerJoin(
			communicationMoments,
			and(
				eq(communicationMoments.id, communicationTexts.momentId),
				eq(communicationMoments.municipalityId, communicationTexts.municipalityId)
			)
		)
		.where(
			and(
				eq(communicationTexts.municipalityId, params.municipalityId),
				eq(communicationTexts.id, params.id),
				params.planId === undefined ? undefined : eq(communicationMoments.planId, params.planId)
			)
		)
		.limit(1);
	return row;
}

export async function updateText(
	db: Db,
	params: Tenant & { id: number; subject: string | null; body: string | null }
) {
	await db
		.update(communicationTexts)
		.set({ subject: params.subject, body: params.body, updatedAt: sql`now()` })
		.where(
			and(eq(communicationTexts.municipalityId, params.municipalityId), eq(communicationTexts.id, params.id))
		);
}

/** Marks the texts among `ids` that are not published yet; answers which it marked. */
export async function markPublished(db: Db, params: Tenant & { ids: number[]; by: string }) {
	return db
		.update(communicationTexts)
		.set({ publishedAt: sql`now()`, publishedBy: params.by })
		.where(
			and(
				eq(communicationTexts.municipalityId, params.municipalityId),
				inArray(communicationTexts.id, params.ids),
				isNull(communicationTexts.publishedAt)
			)
		)
		.returning({ id: communicationTexts.id, channel: communicationTexts.channel });
}

export async function unmarkPublished(db: Db, params: Tenant & { id: number }) {
	await db
		.update(communicationTexts)
		.set({ publishedAt: null, publishedBy: null })
		.where(
			and(eq(communicationTexts.municipalityId, params.municipalityId), eq(communicationTexts.id, params.id))
		);
}

/**
 * A short link's text by its code, in any municipality (the code is the whole address), with the plan's
 * subject to send the visitor to.
 */
export async function getTextByCode(db: Db, params: { code: string }) {
	const [row] = await fromPlans(db, {
		...subjectColumns,
		channel: communicationTexts.channel,
		moment: communicationMoments.kind
	})
		.innerJoin(
			communicationMoments,
			and(
				eq(communicationMoments.planId, communicationPlans.id),
				eq(communicationMoments.municipalityId, communicationPlans.municipalityId)
			)
		)
		.innerJoin(
			communicationTexts,
			and(
				eq(communicationTexts.momentId, communicationMoments.id),
				eq(communicationTexts.municipalityId, communicationMoments.municipalityId)
			)
		)
		.where(eq(communicationTexts.shortCode, params.code))
		.limit(1);
	return row as unknown as
		(SubjectRow & { channel: CommunicationChannel; moment: CommunicationMoment }) | undefined;
}

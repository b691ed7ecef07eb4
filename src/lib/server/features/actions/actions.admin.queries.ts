// Queries only the back office needs: the full list with filters, drafts of updates, history, photos.
// Each takes the database first and the municipality id in its params and in its where.
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { ACTION_STATUSES } from '$lib/domain/actions';
import { actionHistory, actionThemes, actionUpdates, actions, media } from '$lib/server/db/schema';
import type { ActionFilters } from './actions.admin.schemas';
import { containsPattern } from '$lib/server/platform/text';

function stateWhere(state: ActionFilters['state']): SQL | undefined {
	if (state === 'archived') return isNotNull(actions.archivedAt);
	if (state === 'published') return and(isNotNull(actions.publishedAt), isNull(actions.archivedAt));
	if (state === 'draft') return and(isNull(actions.publishedAt), isNull(actions.archivedAt));
	return undefined;
}

const statusOrder = sql.raw(
	`CASE "actions"."status" ${ACTION_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`
);

/** A page of every action of the municipality (drafts, published, archived), with the total. */
export async function listActionsForAdmin(
	db: Db,
	params: { municipalityId: string; filters: ActionFilters; limit: number; offset: number }
) {
	const f = params.filters;
	const where = and(
		eq(actions.municipalityId, params.municipalityId),
		f.q ? sql`meedoen_unaccent(${actions.title}) ilike meedoen_unaccent(${containsPattern(f.q)})` : undefined,
		f.status ? eq(actions.status, f.status) : undefined,
		f.theme
			? sql`exists (select 1 from ${actionThemes} where ${actionThemes.actionId} = ${actions.id} and ${actionThemes.municipalityId} = ${params.municipalityId} and ${actionThemes.themeId} = ${f.theme})`
			: undefined,
		stateWhere(f.state)
	);
	const direction = f.dir === 'asc' ? asc : desc;
	const order =
		f.sort === 'title'
			? [direction(sql`lower(${actions.title})`)]
			: f.sort === 'status'
				? [direction(statusOrder), asc(sql`lower(${actions.title})`)]
				: [direction(actions.updatedAt)];
	const rows = await db
		.select({
			id: actions.id,
			slug: actions.slug,
			title: actions.title,
			status: actions.status,
			publishedAt: actions.publishedAt,
			archivedAt: actions.archivedAt,
			updatedAt: actions.updatedAt,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(actions)
		.where(where)
		.orderBy(...order, desc(actions.id))
		.limit(params.limit)
		.offset(params.offset);
	let total = rows[0]?.total ?? 0;
	if (rows.length === 0 && params.offset > 0) {
		const [count] = await db
			.select({ n: sql<number>`count(*)`.mapWith(Number) })
			.from(actions)
			.where(where);
		total = count?.n ?? 0;
	}
	return { rows: rows.map(({ total: _, ...row }) => row), total };
}

export type AdminActionListRow = Awaited<ReturnType<typeof listActionsForAdmin>>['rows'][number];

/** The actions among these ids that belong to the municipality; the others are simply not there. */
export async function getActionsByIds(db: Db, params: { municipalityId: string; ids: number[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({
			id: actions.id,
			title: actions.title,
			status: actions.status,
			publishedAt: actions.publishedAt,
			archivedAt: actions.archivedAt
		})
		.from(actions)
		.where(and(eq(actions.municipalityId, params.municipalityId), inArray(actions.id, params.ids)))
		.orderBy(asc(sql`lower(${actions.title})`), asc(actions.id));
}

/** Theme ids per action, for the list and the form (the public query gives slugs and names). */
export async function listThemeIdsOfActions(db: Db, params: { municipalityId: string; actionIds: number[] }) {
	if (params.actionIds.length === 0) return [];
	return db
		.select({ actionId: actionThemes.actionId, themeId: actionThemes.themeId })
		.from(actionThemes)
		.where(
			and(
				eq(actionThemes.municipalityId, params.municipalityId),
				inArray(actionThemes.actionId, params.actionIds)
			)
		);
}

const updateColumns = {
	id: actionUpdates.id,
	actionId: actionUpdates.actionId,
	title: actionUpdates.title,
	body: actionUpdates.body,
	authorName: actionUpdates.authorName,
	publishedAt: actionUpdates.publishedAt,
	createdAt: actionUpdates.createdAt
};

/** Every update of an action, drafts first, then newest first. */
export async function listUpdatesForAdmin(db: Db, params: { municipalityId: string; actionId: number }) {
	return db
		.select(updateColumns)
		.from(actionUpdates)
		.where(
			and(
				eq(actionUpdates.municipalityId, params.municipalityId),
				eq(actionUpdates.actionId, params.actionId)
			)
		)
		.orderBy(sql`${actionUpdates.publishedAt} desc nulls first`, desc(actionUpdates.id));
}

export type AdminUpdateRow = Awaited<ReturnType<typeof listUpdatesForAdmin>>[number];

export async function getUpdate(db: Db, params: { municipalityId: string; actionId: number; id: number }) {
	const [row] = await db
		.select(updateColumns)
		.from(actionUpdates)
		.where(
			and(
				eq(actionUpdates.municipalityId, params.municipalityId),
				eq(actionUpdates.actionId, params.actionId),
				eq(actionUpdates.id, params.id)
			)
		)
		.limit(1);
	return row;
}

export async function updateUpdate(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		values: { title?: string; body?: string; publishedAt?: Date | null };
	}
) {
	const [row] = await db
		.update(actionUpdates)
		.set(params.values)
		.where(and(eq(actionUpdates.municipalityId, params.municipalityId), eq(actionUpdates.id, params.id)))
		.returning({ id: actionUpdates.id });
	return row;
}

/** The history of one action, newest first. */
export async function listHistory(
	db: Db,
	params: { municipalityId: string; actionId: number; limit: number }
) {
	return db
		.select({
			id: actionHistory.id,
			actorName: actionHistory.actorName,
			change: actionHistory.change,
			details: actionHistory.details,
			createdAt: actionHistory.createdAt
		})
		.from(actionHistory)
		.where(
			and(
				eq(actionHistory.municipalityId, params.municipalityId),
				eq(actionHistory.actionId, params.actionId)
			)
		)
		.orderBy(desc(actionHistory.createdAt), desc(actionHistory.id))
		.limit(params.limit);
}

export type HistoryRow = Awaited<ReturnType<typeof listHistory>>[number];

export async function insertPhoto(
	db: Db,
	params: {
		municipalityId: string;
		contentType: string;
		bytes: Buffer;
		width: number | null;
		height: number | null;
		alt: string;
		createdBy: string;
	}
) {
	const [row] = await db
		.insert(media)
		.values({ ...params, kind: 'photo' })
		.returning({ id: media.id });
	if (!row) throw new Error('photo not inserted');
	return row;
}

export async function deletePhoto(db: Db, params: { municipalityId: string; id: string }) {
	await db
		.delete(media)
		.where(
			and(eq(media.municipalityId, params.municipalityId), eq(media.kind, 'photo'), eq(media.id, params.id))
		);
}

/** A photo of this municipality; undefined for another's. */
export async function getPhoto(db: Db, params: { municipalityId: string; id: string }) {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes, createdAt: media.createdAt })
		.from(media)
		.where(
			and(eq(media.municipalityId, params.municipalityId), eq(media.kind, 'photo'), eq(media.id, params.id))
		)
		.limit(1);
	return row;
}

// Drizzle queries of neighbourhood stories. Every query of the back office and the public pages names the
// municipality in its where; the public photo is found by its unguessable id and checks publication instead,
// and a person's own stories (activity, export, erasure) by the person's id.
import { and, asc, count, desc, eq, ilike, inArray, min, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actions, media, municipalities, stories, users } from '$lib/server/db/schema';
import type { StoryPlacement, StoryStatus } from '$lib/domain/stories';
import { containsPattern } from '$lib/server/platform/text';

/** Stores a processed photo with its alt text; the story points at it. */
export async function insertStoryPhoto(
	db: Db,
	params: {
		municipalityId: string;
		contentType: string;
		bytes: Buffer;
		width: number;
		height: number;
		alt: string;
		createdBy: string | null;
	}
): Promise<{ id: string }> {
	const [row] = await db
		.insert(media)
		.values({ kind: 'photo', ...params })
		.returning({ id: media.id });
	if (!row) throw new Error('story photo not inserted');
	return row;
}

export async function insertStory(
	db: Db,
	params: {
		municipalityId: string;
		authorId: string | null;
		initiative: string;
		title: string;
		body: string;
		showName: boolean;
		actionId: number | null;
		photoId: string | null;
		status?: StoryStatus;
		placement?: StoryPlacement | null;
		publishedAt?: Date | null;
		decidedAt?: Date | null;
		createdAt?: Date;
	}
): Promise<{ id: number }> {
	const [row] = await db.insert(stories).values(params).returning({ id: stories.id });
	if (!row) throw new Error('story not inserted');
	return row;
}

const storyColumns = {
	id: stories.id,
	municipalityId: stories.municipalityId,
	authorId: stories.authorId,
	initiative: stories.initiative,
	title: stories.title,
	body: stories.body,
	showName: stories.showName,
	actionId: stories.actionId,
	photoId: stories.photoId,
	status: stories.status,
	placement: stories.placement,
	updateId: stories.updateId,
	rejectReason: stories.rejectReason,
	publishedAt: stories.publishedAt,
	decidedAt: stories.decidedAt,
	createdAt: stories.createdAt,
	updatedAt: stories.updatedAt,
	/** The author's public name (null once the account is deleted). */
	authorName: sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${users.displayName} END`,
	photoAlt: media.alt,
	photoWidth: media.width,
	photoHeight: media.height,
	actionTitle: actions.title,
	actionSlug: actions.slug
};

/** One story of the municipality with its author's name, photo and action; undefined for anything else. */
export async function getStory(db: Db, params: { municipalityId: string; id: number; forUpdate?: boolean }) {
	const query = db
		.select(storyColumns)
		.from(stories)
		.leftJoin(users, eq(users.id, stories.authorId))
		.leftJoin(media, eq(media.id, stories.photoId))
		.leftJoin(
			actions,
			and(eq(actions.id, stories.actionId), eq(actions.municipalityId, stories.municipalityId))
		)
		.where(and(eq(stories.municipalityId, params.municipalityId), eq(stories.id, params.id)))
		.limit(1);
	const [row] = params.forUpdate ? await query.for('update', { of: stories }) : await query;
	return row;
}
export type StoryRow = NonNullable<Awaited<ReturnType<typeof getStory>>>;

/** The stories of the municipality for the queue: waiting first (oldest first), then the rest newest first. */
export async function listStories(
	db: Db,
	params: {
		municipalityId: string;
		q?: string;
		status?: StoryStatus;
		limit: number;
		offset: number;
	}
) {
	const where = and(
		eq(stories.municipalityId, params.municipalityId),
		params.status ? eq(stories.status, params.status) : undefined,
		params.q
			? or(
					ilike(stories.title, containsPattern(params.q)),
					ilike(stories.initiative, containsPattern(params.q)),
					ilike(stories.body, containsPattern(params.q))
				)
			: undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select(storyColumns)
			.from(stories)
			.leftJoin(users, eq(users.id, stories.authorId))
			.leftJoin(media, eq(media.id, stories.photoId))
			.leftJoin(
				actions,
				and(eq(actions.id, stories.actionId), eq(actions.municipalityId, stories.municipalityId))
			)
			.where(where)
			.orderBy(
				sql`CASE WHEN ${stories.status} = 'submitted' THEN 0 ELSE 1 END`,
				sql`CASE WHEN ${stories.status} = 'submitted' THEN ${stories.createdAt} END ASC`,
				desc(stories.updatedAt),
				desc(stories.id)
			)
			.limit(params.limit)
			.offset(params.offset),
		db.select({ n: count() }).from(stories).where(where)
	]);
	return { rows, total: total?.n ?? 0 };
}

/** Several stories of the municipality by id (a bulk step), in id order. */
export async function listStoriesByIds(
	db: Db,
	params: { municipalityId: string; ids: number[]; forUpdate?: boolean }
) {
	if (params.ids.length === 0) return [];
	const query = db
		.select({ id: stories.id, title: stories.title, status: stories.status, authorId: stories.authorId })
		.from(stories)
		.where(and(eq(stories.municipalityId, params.municipalityId), inArray(stories.id, params.ids)))
		.orderBy(asc(stories.id));
	return params.forUpdate ? query.for('update') : query;
}

export async function updateStory(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		values: Partial<{
			title: string;
			body: string;
			initiative: string;
			actionId: number | null;
			status: StoryStatus;
			placement: StoryPlacement | null;
			updateId: number | null;
			rejectReason: string | null;
			publishedAt: Date | null;
			decidedAt: Date | null;
		}>;
	}
): Promise<void> {
	await db
		.update(stories)
		.set({ ...params.values, updatedAt: new Date() })
		.where(and(eq(stories.municipalityId, params.municipalityId), eq(stories.id, params.id)));
}

/** Changes the alt text of the story's photo. */
export async function updateStoryPhotoAlt(
	db: Db,
	params: { municipalityId: string; photoId: string; alt: string }
): Promise<void> {
	await db
		.update(media)
		.set({ alt: params.alt })
		.where(and(eq(media.municipalityId, params.municipalityId), eq(media.id, params.photoId)));
}

/** Published and, when `placement` is given, shown there; newest first. */
function publishedWhere(municipalityId: string, placement?: StoryPlacement): SQL {
	return and(
		eq(stories.municipalityId, municipalityId),
		eq(stories.status, 'published'),
		placement ? eq(stories.placement, placement) : undefined
	)!;
}

/** The published stories of the municipality (those on the home only, when asked), newest first. */
export async function listPublishedStories(
	db: Db,
	params: { municipalityId: string; placement?: StoryPlacement; limit: number }
) {
	return db
		.select({
			id: stories.id,
			title: stories.title,
			body: stories.body,
			initiative: stories.initiative,
			publishedAt: stories.publishedAt,
			photoId: stories.photoId,
			photoAlt: media.alt,
			photoWidth: media.width,
			photoHeight: media.height
		})
		.from(stories)
		.leftJoin(media, eq(media.id, stories.photoId))
		.where(publishedWhere(params.municipalityId, params.placement))
		.orderBy(desc(stories.publishedAt), desc(stories.id))
		.limit(params.limit);
}

/** One published story of the municipality; undefined for a story waiting, rejected or of elsewhere. */
export async function getPublishedStory(db: Db, params: { municipalityId: string; id: number }) {
	const [row] = await db
		.select(storyColumns)
		.from(stories)
		.leftJoin(users, eq(users.id, stories.authorId))
		.leftJoin(media, eq(media.id, stories.photoId))
		.leftJoin(
			actions,
			and(eq(actions.id, stories.actionId), eq(actions.municipalityId, stories.municipalityId))
		)
		.where(and(publishedWhere(params.municipalityId), eq(stories.id, params.id)))
		.limit(1);
	return row;
}

/** The photo of a published story, for /media/{id}: a waiting or rejected story's photo is not found. */
export async function getPublicStoryPhoto(db: Db, params: { id: string }) {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes, createdAt: media.createdAt })
		.from(stories)
		.innerJoin(media, and(eq(media.id, stories.photoId), eq(media.municipalityId, stories.municipalityId)))
		.where(and(eq(stories.photoId, params.id), eq(stories.status, 'published')))
		.limit(1);
	return row;
}

/** The photo of a story of the municipality with its bytes, for the back office (any state). */
export async function getStoryPhoto(db: Db, params: { municipalityId: string; storyId: number }) {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes, createdAt: media.createdAt })
		.from(stories)
		.innerJoin(media, and(eq(media.id, stories.photoId), eq(media.municipalityId, stories.municipalityId)))
		.where(and(eq(stories.municipalityId, params.municipalityId), eq(stories.id, params.storyId)))
		.limit(1);
	return row;
}

/** How many stories wait in the municipality, and since when the oldest. */
export async function countWaitingStories(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({ n: count(), since: min(stories.createdAt) })
		.from(stories)
		.where(and(eq(stories.municipalityId, params.municipalityId), eq(stories.status, 'submitted')));
	return { count: row?.n ?? 0, since: row?.since ?? null };
}

/** A person's own stories in every municipality, newest first (their activity and their data export). */
export async function listStoriesOfAuthor(db: Db, params: { userId: string }) {
	return db
		.select({
			id: stories.id,
			municipality: municipalities.slug,
			title: stories.title,
			body: stories.body,
			initiative: stories.initiative,
			showName: stories.showName,
			status: stories.status,
			placement: stories.placement,
			rejectReason: stories.rejectReason,
			actionId: stories.actionId,
			photoAlt: media.alt,
			createdAt: stories.createdAt,
			publishedAt: stories.publishedAt
		})
		.from(stories)
		.innerJoin(municipalities, eq(municipalities.id, stories.municipalityId))
		.leftJoin(media, eq(media.id, stories.photoId))
		.where(eq(stories.authorId, params.userId))
		.orderBy(desc(stories.createdAt), desc(stories.id));
}

/**
 * A deleted account's stories: the ones never published go with their photos; the published ones stay as
 * public record, without the author (no name, no link to the emptied account).
 */
export async function eraseStoriesOfAuthor(db: Db, params: { userId: string }): Promise<void> {
	const unpublished = await db
		.delete(stories)
		.where(and(eq(stories.authorId, params.userId), sql`${stories.status} <> 'published'`))
		.returning({ photoId: stories.photoId });
	const photoIds = unpublished.map((r) => r.photoId).filter((id): id is string => id !== null);
	if (photoIds.length > 0) await db.delete(media).where(inArray(media.id, photoIds));
	await db
		.update(stories)
		.set({ authorId: null, showName: false, updatedAt: new Date() })
		.where(eq(stories.authorId, params.userId));
	// The person's uploads stay only as photos of published stories; nothing else of theirs is left in media.
	await db
		.update(media)
		.set({ createdBy: null })
		.where(
			and(
				eq(media.createdBy, params.userId),
				sql`EXISTS (SELECT 1 FROM ${stories} s WHERE s.photo_id = ${media.id})`
			)
		);
}

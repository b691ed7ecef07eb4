// Use cases of the back office of stories (stories.access.ts: moderators and communication): the queue with
// search, state filter and bulk rejection; a story's page, a light edit, publishing it on the home or as an
// update of an action (through the actions feature, so the action's followers hear of it as of any update),
// rejecting it with a reason its author reads, and taking it offline again. Each change writes its audit row
// and domain event in its transaction; the notifications feature tells the author.
import { AppError } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { listActionChoices } from '$lib/server/features/actions/actions.service';
import {
	publishUpdateInTransaction,
	unpublishUpdateInTransaction
} from '$lib/server/features/actions/actions.updates.service';
import { storyPath } from '$lib/domain/stories';
import { command, findStory } from './stories.access';
import {
	getStoryPhoto,
	listStories,
	listStoriesByIds,
	updateStory,
	updateStoryPhotoAlt,
	type StoryRow
} from './stories.queries';
import {
	bulkRejectSchema,
	confirmSchema,
	editSchema,
	publishSchema,
	rejectSchema,
	storyFieldOf,
	storyFiltersSchema,
	storyIdsSchema,
	STORIES_PAGE_SIZE,
	type StoryFilters
} from './stories.schemas';
import { presentStoryAdmin, type StoryAdminView } from './stories.present';

export interface StoryQueue {
	filters: StoryFilters;
	items: StoryAdminView[];
	total: number;
	page: number;
	pageCount: number;
}

/** The queue: waiting stories first (oldest first), searched in title, initiative and text, by state. */
export const listStoryQueue = command({
	load: async (ctx, scope, input: RawInput<typeof storyFiltersSchema>): Promise<StoryQueue> => {
		const filters = storyFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const { rows, total } = await listStories(ctx.db, {
			municipalityId,
			q: filters.q,
			status: filters.status,
			limit: STORIES_PAGE_SIZE,
			offset: (filters.page - 1) * STORIES_PAGE_SIZE
		});
		return {
			filters,
			items: rows.map((r) => presentStoryAdmin(scope.municipality.slug, r)),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / STORIES_PAGE_SIZE))
		};
	}
});

export interface StoryBackofficePage {
	story: StoryAdminView;
	/** The public actions it may be published under. */
	actions: { id: number; title: string }[];
}

export const getStoryForBackoffice = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<StoryBackofficePage> => {
		const row = await findStory(ctx.db, scope, input.unverifiedId);
		const choices = await listActionChoices(ctx.db, {
			municipalityId: scope.municipality.id,
			municipalitySlug: scope.municipality.slug
		});
		return {
			story: presentStoryAdmin(scope.municipality.slug, row),
			actions: choices.map((c) => ({ id: c.id, title: c.title }))
		};
	}
});

/** The photo of a story for the back office (a waiting story's too). */
export const getStoryPhotoForStaff = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => {
		const row = await findStory(ctx.db, scope, input.unverifiedId);
		const photo = await getStoryPhoto(ctx.db, { municipalityId: scope.municipality.id, storyId: row.id });
		if (!photo) throw new AppError('not_found');
		return photo;
	}
});

const audited = (row: { id: number; title: string }, more: Record<string, unknown> = {}) => ({
	storyId: row.id,
	name: row.title,
	...more
});

/**
 * A light edit: title, text, initiative and the photo's description, within the citizen's limits. A photo
 * keeps a description. An unchanged form writes nothing. A published story shown as an action's update keeps
 * that update as it was published (the action's own back office edits it).
 */
export const editStory = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof editSchema>) =>
		findStory(ctx.db, scope, input.unverifiedId),
	schema: editSchema,
	prepare: async ({ loaded, values }) => {
		if (loaded.photoId && !values.photoAlt)
			throw new AppError('validation', {
				fields: { photoAlt: ['storiesAdmin.errors.altRequired'] },
				message: 'storiesAdmin.errors.altRequired'
			});
	},
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: boolean }> => {
		const municipalityId = scope.municipality.id;
		const row = await findStory(tx, scope, loaded.id, true);
		const fields: string[] = [];
		const changes: Partial<Record<'title' | 'body' | 'initiative', string>> = {};
		for (const name of ['title', 'body', 'initiative'] as const)
			if (row[name] !== values[name]) {
				changes[name] = values[name];
				fields.push(name);
			}
		if (Object.keys(changes).length > 0)
			await updateStory(tx, { municipalityId, id: row.id, values: changes });
		if (row.photoId && (row.photoAlt ?? '') !== values.photoAlt) {
			await updateStoryPhotoAlt(tx, { municipalityId, photoId: row.photoId, alt: values.photoAlt });
			fields.push('photoAlt');
		}
		if (fields.length === 0) return { changed: false };
		record.audit({
			action: 'story.edited',
			details: audited({ id: row.id, title: values.title }, { fields })
		});
		return { changed: true };
	}
});

/** The text of the action's update a story becomes: the story, the initiative, and a link to its page. */
function updateBody(slug: string, row: StoryRow): string {
	return `${row.body}\n\n*${row.initiative}* · [Lees het verhaal uit de buurt](${storyPath(slug, row.id)})`;
}

/**
 * Publishes a waiting (or rejected) story on the home, or as an update of a public action of the municipality:
 * then the actions feature writes the update with its history and `action.update_published` in this
 * transaction. The author hears of it through `story.published`.
 */
export const publishStory = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof publishSchema>) =>
		findStory(ctx.db, scope, input.unverifiedId),
	schema: publishSchema,
	prepare: async ({ ctx, scope, values }) => {
		if (values.placement !== 'action') return { actionId: null };
		const choices = await listActionChoices(ctx.db, {
			municipalityId: scope.municipality.id,
			municipalitySlug: scope.municipality.slug
		});
		if (!choices.some((c) => c.id === values.action))
			throw new AppError('validation', {
				fields: { action: ['storiesAdmin.errors.action'] },
				message: 'storiesAdmin.errors.action'
			});
		return { actionId: values.action };
	},
	execute: async (tx, { scope, loaded, values, prepared, record }) => {
		const municipalityId = scope.municipality.id;
		const row = await findStory(tx, scope, loaded.id, true);
		if (row.status === 'published')
			throw new AppError('conflict', { message: 'storiesAdmin.errors.alreadyPublished' });
		const now = new Date();
		const update =
			prepared.actionId !== null
				? await publishUpdateInTransaction(tx, scope, {
						actionId: prepared.actionId,
						title: row.title,
						body: updateBody(scope.municipality.slug, row)
					})
				: null;
		await updateStory(tx, {
			municipalityId,
			id: row.id,
			values: {
				status: 'published',
				placement: values.placement,
				actionId: prepared.actionId ?? row.actionId,
				updateId: update?.id ?? null,
				rejectReason: null,
				publishedAt: now,
				decidedAt: now
			}
		});
		record.audit({
			action: 'story.published',
			details: audited(row, {
				placement: values.placement,
				actionId: prepared.actionId,
				updateId: update?.id
			})
		});
		record.event({
			municipalityId,
			type: 'story.published',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: {
				authorId: row.authorId,
				placement: values.placement,
				actionId: prepared.actionId,
				updateId: update?.id ?? null
			}
		});
		return { id: row.id, placement: values.placement };
	}
});

/** Rejects a waiting story with a reason its author reads (in their list and mail, and in Mijn activiteit). */
export const rejectStory = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof rejectSchema>) =>
		findStory(ctx.db, scope, input.unverifiedId),
	schema: rejectSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: boolean }> => {
		const row = await findStory(tx, scope, loaded.id, true);
		if (row.status === 'published')
			throw new AppError('conflict', { message: 'storiesAdmin.errors.unpublishFirst' });
		if (row.status === 'rejected' && row.rejectReason === values.reason) return { changed: false };
		await updateStory(tx, {
			municipalityId: scope.municipality.id,
			id: row.id,
			values: { status: 'rejected', rejectReason: values.reason, decidedAt: new Date() }
		});
		record.audit({ action: 'story.rejected', details: audited(row, { reason: values.reason }) });
		record.event({
			municipalityId: scope.municipality.id,
			type: 'story.rejected',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: { authorId: row.authorId }
		});
		return { changed: true };
	}
});

export interface BulkRejectPreview {
	items: { id: number; title: string; status: StoryRow['status'] }[];
}

/** What the bulk step would reject: the chosen stories of this municipality that wait. */
export const previewBulkReject = command({
	load: async (ctx, scope, input: { ids: unknown[] }): Promise<BulkRejectPreview> => {
		const ids = validateInput(storyIdsSchema, input.ids, { fieldOf: storyFieldOf });
		const rows = await listStoriesByIds(ctx.db, { municipalityId: scope.municipality.id, ids });
		return {
			items: rows
				.filter((r) => r.status === 'submitted')
				.map(({ id, title, status }) => ({ id, title, status }))
		};
	}
});

/** Rejects every chosen waiting story with one reason; stories of elsewhere or already decided are left alone. */
export const rejectInBulk = command({
	load: async (_ctx, _scope, input: RawInput<typeof bulkRejectSchema>) => input,
	schema: bulkRejectSchema,
	execute: async (tx, { scope, values, record }): Promise<{ changed: number }> => {
		const municipalityId = scope.municipality.id;
		const rows = await listStoriesByIds(tx, { municipalityId, ids: values.ids, forUpdate: true });
		let changed = 0;
		const now = new Date();
		for (const row of rows.filter((r) => r.status === 'submitted')) {
			await updateStory(tx, {
				municipalityId,
				id: row.id,
				values: { status: 'rejected', rejectReason: values.reason, decidedAt: now }
			});
			record.audit({
				action: 'story.rejected',
				details: audited(row, { reason: values.reason, bulk: true })
			});
			record.event({
				municipalityId,
				type: 'story.rejected',
				subjectId: row.id,
				actorId: scope.actor.userId,
				payload: { authorId: row.authorId }
			});
			changed += 1;
		}
		return { changed };
	}
});

export interface UnpublishPreview {
	id: number;
	title: string;
	placement: StoryAdminView['placement'];
	actionTitle: string | null;
}

/** What taking a story offline does: its page (and its action's update) go offline; it waits again. */
export const previewUnpublishStory = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<UnpublishPreview> => {
		const row = await findStory(ctx.db, scope, input.unverifiedId);
		if (row.status !== 'published')
			throw new AppError('conflict', { message: 'storiesAdmin.errors.notPublished' });
		return { id: row.id, title: row.title, placement: row.placement, actionTitle: row.actionTitle };
	}
});

/**
 * Takes a published story offline (after a confirmation): its page and photo are no longer public, an update
 * it became goes offline too (through the actions feature), and it waits in the queue again, where it can be
 * published again: the way back.
 */
export const unpublishStory = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof confirmSchema>) =>
		findStory(ctx.db, scope, input.unverifiedId),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded, record }): Promise<{ id: number }> => {
		const row = await findStory(tx, scope, loaded.id, true);
		if (row.status !== 'published')
			throw new AppError('conflict', { message: 'storiesAdmin.errors.notPublished' });
		if (row.updateId !== null && row.actionId !== null)
			await unpublishUpdateInTransaction(tx, scope, { actionId: row.actionId, updateId: row.updateId });
		await updateStory(tx, {
			municipalityId: scope.municipality.id,
			id: row.id,
			values: { status: 'submitted', placement: null, updateId: null, publishedAt: null, decidedAt: null }
		});
		record.audit({ action: 'story.unpublished', details: audited(row, { placement: row.placement }) });
		record.event({
			municipalityId: scope.municipality.id,
			type: 'story.unpublished',
			subjectId: row.id,
			actorId: scope.actor.userId
		});
		return { id: row.id };
	}
});

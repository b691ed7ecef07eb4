// Use cases of citizens: tell a story (signed in, rate limited, a photo processed by the platform), read the
// published ones (the home's section from the read cache, the list, a story's page) and the photo of a
// published story for /media. A waiting or rejected story shows nowhere public, nor does its photo.
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import type { MessageKey } from '$lib/i18n';
import { cached } from '$lib/server/platform/cache';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { writeDomainEvent } from '$lib/server/platform/events';
import type { UploadedFile } from '$lib/server/platform/forms';
import { processUpload, type PhotoError, type ProcessedPhoto } from '$lib/server/platform/photos';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { isUuid, parseId } from '$lib/domain/ids';
import { STORY_LIMITS } from '$lib/domain/stories';
import { getDraft, keepDraftForLogin } from '$lib/server/features/accounts/accounts.service';
import { listActionChoices } from '$lib/server/features/actions/actions.service';
import { listParticipatingMunicipalities } from '$lib/server/features/municipalities/municipalities.service';
import { canSubmitStories } from './stories.policy';
import {
	getPublicStoryPhoto,
	getPublishedStory,
	getStory,
	insertStory,
	insertStoryPhoto,
	listPublishedStories
} from './stories.queries';
import { submitSchema, type SubmitInput } from './stories.schemas';
import {
	presentStoryCard,
	presentStoryPage,
	type StoryCardView,
	type StoryPageView
} from './stories.present';

/** How many stories one person may send in: a few an hour, as suggestions. */
export const STORY_RATE_LIMIT = { limit: 3, windowSeconds: 3_600 } as const;
export const HOME_STORIES = 3;
const LIST_MAX = 60;

const PHOTO_ERRORS: Record<PhotoError, MessageKey> = {
	type: 'stories.errors.photoType',
	tooBig: 'stories.errors.photoTooBig',
	tooManyPixels: 'stories.errors.photoTooManyPixels',
	unreadable: 'stories.errors.photoUnreadable'
};

/** The municipality of the address when it takes part; stories are not told where Meedoen is not used. */
async function requireParticipating(ctx: TenantCtx): Promise<{ id: string; slug: string; name: string }> {
	const municipality = (await listParticipatingMunicipalities(ctx)).find((m) => m.id === ctx.tenant.id);
	if (!municipality) throw new AppError('not_found');
	return { id: municipality.id, slug: municipality.slug, name: municipality.name };
}

export interface StoryForm {
	/** The public actions a story may belong to. */
	actions: { id: number; title: string }[];
	/** The action the form was opened from (`?actie=`), when it is one of them. */
	actionId: number | null;
	loggedIn: boolean;
	/** The name a story with the author's name shows. */
	authorName: string | null;
	/** What the person typed before they had to log in; only for the person who logged in. */
	draft: Record<string, string> | null;
}

export async function getStoryForm(
	ctx: TenantCtx,
	input: { unverifiedActionId?: string | null; unverifiedDraftId?: string | null }
): Promise<StoryForm> {
	const municipality = await requireParticipating(ctx);
	const [choices, draft] = await Promise.all([
		listActionChoices(ctx.db, { municipalityId: municipality.id, municipalitySlug: municipality.slug }),
		input.unverifiedDraftId ? getDraft(ctx, { unverifiedId: input.unverifiedDraftId }) : null
	]);
	const wanted = parseId(input.unverifiedActionId ?? null);
	return {
		actions: choices.map((c) => ({ id: c.id, title: c.title })),
		actionId: choices.some((c) => c.id === wanted) ? wanted : null,
		loggedIn: Boolean(ctx.actor),
		authorName: ctx.actor?.displayName ?? null,
		draft: draft?.intent === 'story' ? draft : null
	};
}

/** A visitor filled in the form: keep what they typed across the login (not the photo); the draft's id. */
export async function keepStoryDraft(
	ctx: TenantCtx,
	input: { returnTo: string; values: Record<string, string> }
): Promise<string> {
	return keepDraftForLogin(ctx, { returnTo: input.returnTo, values: { ...input.values, intent: 'story' } });
}

/**
 * Sends a story in: it waits for staff. The text fields and the photo are judged together, so every field
 * with a problem is marked at once; nothing is stored before all are right, and the rate limit counts only
 * stories that could be stored.
 */
export async function submitStory(
	ctx: TenantCtx,
	input: { values: RawInput<typeof submitSchema>; photo?: UploadedFile | null }
): Promise<{ id: number }> {
	const actor = ctx.actor;
	if (!canSubmitStories(actor)) throw new AppError('unauthenticated');
	const municipality = await requireParticipating(ctx);
	const fields: FieldErrors = {};
	let values: SubmitInput | null = null;
	try {
		values = validateInput(submitSchema, input.values, { fallback: 'stories.errors.invalid' });
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		Object.assign(fields, err.options.fields ?? {});
	}
	let photo: ProcessedPhoto | null = null;
	const result = await processUpload(input.photo, { maxBytes: STORY_LIMITS.photoBytesMax });
	if (result && 'error' in result) fields.photo = [PHOTO_ERRORS[result.error]];
	else photo = result;
	const hasPhoto = Boolean(input.photo && input.photo.size > 0);
	if (hasPhoto && !fields.photoAlt && !values?.photoAlt) fields.photoAlt = ['stories.errors.altRequired'];
	if (values?.action != null) {
		const choices = await listActionChoices(ctx.db, {
			municipalityId: municipality.id,
			municipalitySlug: municipality.slug
		});
		if (!choices.some((c) => c.id === values.action)) fields.action = ['stories.errors.action'];
	}
	if (!values || Object.keys(fields).length > 0)
		throw new AppError('validation', { fields, message: 'stories.form.errorSummary' });

	await enforceRateLimits(
		ctx.db,
		[{ key: `story:user:${actor.userId}`, ...STORY_RATE_LIMIT }],
		'stories.errors.rateLimited'
	);
	const v = values;
	return ctx.db.transaction(async (tx) => {
		const stored = photo
			? await insertStoryPhoto(tx, {
					municipalityId: municipality.id,
					...photo,
					alt: v.photoAlt,
					createdBy: actor.userId
				})
			: null;
		const story = await insertStory(tx, {
			municipalityId: municipality.id,
			authorId: actor.userId,
			initiative: v.initiative,
			title: v.title,
			body: v.body,
			showName: v.credit === 'name',
			actionId: v.action,
			photoId: stored?.id ?? null
		});
		await writeDomainEvent(tx, {
			municipalityId: municipality.id,
			type: 'story.submitted',
			subjectId: story.id,
			actorId: actor.userId
		});
		return story;
	});
}

/** The confirmation page's story: only its own author reads it there. */
export async function getOwnSubmittedStory(
	ctx: TenantCtx,
	input: { unverifiedId: string | null }
): Promise<{ id: number; title: string } | null> {
	const id = parseId(input.unverifiedId);
	if (!ctx.actor || id === null) return null;
	const row = await getStory(ctx.db, { municipalityId: ctx.tenant.id, id });
	return row && row.authorId === ctx.actor.userId ? { id: row.id, title: row.title } : null;
}

/** The home's "Verhalen uit de buurt": the newest stories published there, from the App's read cache. */
export async function listHomeStories(
	ctx: TenantCtx,
	input: { limit?: number } = {}
): Promise<StoryCardView[]> {
	const limit = input.limit ?? HOME_STORIES;
	return cached(ctx.cache, `home-stories:${ctx.tenant.id}:${limit}`, async () => {
		const rows = await listPublishedStories(ctx.db, {
			municipalityId: ctx.tenant.id,
			placement: 'home',
			limit
		});
		return rows.map((r) => presentStoryCard(ctx.tenant.slug, r));
	});
}

/** Every published story of the municipality (on the home or as an action's news), newest first. */
export async function listStoriesPage(ctx: TenantCtx): Promise<{ stories: StoryCardView[] }> {
	await requireParticipating(ctx);
	const rows = await listPublishedStories(ctx.db, { municipalityId: ctx.tenant.id, limit: LIST_MAX });
	return { stories: rows.map((r) => presentStoryCard(ctx.tenant.slug, r)) };
}

/** A published story's page; a waiting, rejected or another municipality's story is not found. */
export async function getStoryPage(ctx: TenantCtx, input: { unverifiedId: unknown }): Promise<StoryPageView> {
	const id = parseId(input.unverifiedId);
	const row =
		id === null ? undefined : await getPublishedStory(ctx.db, { municipalityId: ctx.tenant.id, id });
	if (!row) throw new AppError('not_found');
	return presentStoryPage(ctx.tenant.slug, row);
}

/** The photo of a published story for /media/{id}, to anyone; any other id is not found. */
export async function getPublishedStoryPhoto(
	ctx: Ctx,
	input: { unverifiedId: string }
): Promise<{ contentType: string; bytes: Buffer; createdAt: Date }> {
	if (!isUuid(input.unverifiedId)) throw new AppError('not_found');
	const row = await getPublicStoryPhoto(ctx.db, { id: input.unverifiedId });
	if (!row) throw new AppError('not_found');
	return row;
}

// Use cases of citizens: add a suggestion (place, photo, similar ones first), its page, comments with one
// level of replies, reports and follows, and the write API (votes are suggestions.votes.service).
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { locatePoint, type LatLng } from '$lib/server/platform/geo/geo';
import { loadMunicipalityArea } from '$lib/server/platform/geo/area';
import type { MessageKey } from '$lib/i18n';
import { getDraft, keepDraftForLogin } from '$lib/server/features/accounts/accounts.service';
import { listThemes } from '$lib/server/features/themes/themes.service';
import type { ModerationMode } from '$lib/domain/suggestions';
import {
	loadOpportunity,
	requireContributor,
	suggestionPath,
	tenantOfOpportunity,
	tenantOfSuggestion,
	type SuggestionOpportunity
} from './suggestions.access';
import { canModerateSuggestions, canSeeContribution } from './suggestions.policy';
import { writeDomainEvent } from '$lib/server/platform/events';
import { follow, unfollow } from '$lib/server/platform/subscriptions';
import {
	getMunicipalityPlace,
	getSuggestion,
	insertStoryEntry,
	insertSuggestion,
	type SuggestionRow
} from './suggestions.queries';
import {
	changeCommentCount,
	findRecentDuplicate,
	findSimilarSuggestions,
	getComment,
	getListedSuggestionPhoto,
	getOwnPhoto,
	getViewerState,
	insertComment,
	insertReport,
	insertSuggestionPhoto,
	listComments,
	listStory
} from './suggestions.contribute.queries';
import {
	commentSchema,
	RATE_LIMITED,
	RATE_LIMITS,
	reportSchema,
	SIMILAR_MAX,
	SIMILAR_RADIUS_METRES,
	suggestionSchema,
	validateContribution,
	type SuggestionInput
} from './suggestions.contribute.schemas';
import { processUpload, type PhotoError, type ProcessedPhoto } from '$lib/server/platform/photos';
import type { UploadedFile } from '$lib/server/platform/forms';
import { SUGGESTION_LIMITS } from '$lib/domain/suggestions';
import {
	presentComments,
	presentSimilar,
	presentSuggestion,
	presentSuggestionApi,
	type CommentView,
	type SimilarView,
	type SuggestionApi,
	type SuggestionView
} from './suggestions.contribute.present';
import { slugify } from '$lib/server/platform/text';
import { isUuid } from '$lib/domain/ids';
import type { RawInput } from '$lib/server/platform/validation';

const DAY = 86_400_000;
const E = 'suggestionsContribute.errors';
const key = (k: string) => `${E}.${k}` as MessageKey;

/** An uploaded file as forms give it (a File or anything with its size and bytes). */
export type UploadedPhoto = UploadedFile;

/** The platform's reasons a file is no photo, in this form's words. */
const PHOTO_ERRORS: Record<PhotoError, MessageKey> = {
	type: key('photoType'),
	tooBig: key('photoTooBig'),
	tooManyPixels: key('photoTooManyPixels'),
	unreadable: key('photoUnreadable')
};

function fieldsOf(err: unknown): FieldErrors {
	if (isAppError(err) && err.code === 'validation') return err.options.fields ?? {};
	throw err;
}

function addField(fields: FieldErrors, field: string, k: MessageKey) {
	const list = (fields[field] ??= []);
	if (!list.includes(k)) list.push(k);
}

// ---------------------------------------------------------------------------------------------
// Adding a suggestion
// ---------------------------------------------------------------------------------------------

export interface ContributeForm {
	opportunity: {
		id: number;
		title: string;
		path: string;
		acceptsSuggestions: boolean;
		moderation: ModerationMode;
	};
	themes: { id: string; name: string }[];
	centre: { lat: number; lng: number };
	/** What the person typed before they had to log in; only for the person who logged in. */
	draft: Record<string, string> | null;
}

export async function getContributeForm(
	ctx: TenantCtx,
	input: { opportunityId: number; unverifiedDraftId?: string | null }
): Promise<ContributeForm> {
	const opportunity = await loadOpportunity(ctx, { opportunityId: input.opportunityId });
	const [themes, place, draft] = await Promise.all([
		listThemes(ctx.db, { municipalityId: ctx.tenant.id }),
		getMunicipalityPlace(ctx.db, { municipalityId: ctx.tenant.id }),
		input.unverifiedDraftId ? getDraft(ctx, { unverifiedId: input.unverifiedDraftId }) : Promise.resolve(null)
	]);
	return {
		opportunity: {
			id: opportunity.id,
			title: opportunity.title,
			path: opportunity.path,
			acceptsSuggestions: opportunity.acceptsSuggestions,
			moderation: opportunity.moderation
		},
		themes: themes.map((t) => ({ id: t.id, name: t.name })),
		centre: { lat: place?.centerLat ?? 51.16, lng: place?.centerLng ?? 4.99 },
		draft: draft?.intent === 'suggest' && draft.opportunity === String(opportunity.id) ? draft : null
	};
}

/** A visitor filled in the form: keep what they typed across the login; returns the draft's id. */
export async function keepSuggestionDraft(
	ctx: TenantCtx,
	input: { opportunityId: number; returnTo: string; values: Record<string, string> }
): Promise<string> {
	const { intent: _intent, opportunity: _opportunity, ...values } = input.values;
	void _intent;
	void _opportunity;
	return keepDraftForLogin(ctx, {
		returnTo: input.returnTo,
		values: { ...values, intent: 'suggest', opportunity: String(input.opportunityId) }
	});
}

export type CreateSuggestionResult =
	| { kind: 'similar'; similar: SimilarView[]; photoId: string | null }
	| { kind: 'created'; id: number; path: string; published: boolean };

interface PlaceChoice {
	placeName: string | null;
	lat: number | null;
	lng: number | null;
}

/** A place in the municipality (platform/geo decides, as for moderators); or geocoded from the typed address. */
async function choosePlace(
	ctx: TenantCtx,
	values: SuggestionInput,
	fields: FieldErrors
): Promise<PlaceChoice> {
	const area = await loadMunicipalityArea(ctx, ctx.tenant.id);
	const locate = (p: LatLng) => (area ? locatePoint(area, p) : 'inside');
	if (values.lat !== null && values.lng !== null) {
		const point = { lat: values.lat, lng: values.lng };
		const verdict = locate(point);
		if (verdict !== 'inside') addField(fields, 'lat', key(verdict));
		return { placeName: values.placeName, lat: point.lat, lng: point.lng };
	}
	if (!values.placeName) {
		if (!fields.lat && !fields.lng) addField(fields, 'placeName', key('placeRequired'));
		return { placeName: null, lat: null, lng: null };
	}
	// Without a geolocation service (or when it finds nothing) the typed address stays text: staff place it.
	const found = ctx.geocoder ? await ctx.geocoder.lookup(values.placeName) : null;
	if (!found) return { placeName: values.placeName, lat: null, lng: null };
	if (locate(found) !== 'inside') {
		addField(fields, 'placeName', key('addressOutside'));
		return { placeName: values.placeName, lat: null, lng: null };
	}
	return { placeName: values.placeName, lat: found.lat, lng: found.lng };
}

async function checkPhoto(
	photo: UploadedPhoto | null | undefined,
	fields: FieldErrors
): Promise<ProcessedPhoto | null> {
	const result = await processUpload(photo, { maxBytes: SUGGESTION_LIMITS.photoBytesMax });
	if (!result) return null;
	if ('error' in result) {
		addField(fields, 'photo', PHOTO_ERRORS[result.error]);
		return null;
	}
	return result;
}

/**
 * Adds a suggestion. On the first submit, similar listed suggestions (title or place) are returned instead,
 * with an uploaded photo already stored so "Toch indienen" does not ask for it again.
 */
export async function createSuggestion(
	ctx: TenantCtx,
	input: { opportunityId: number; values: RawInput<typeof suggestionSchema>; photo?: UploadedPhoto | null }
): Promise<CreateSuggestionResult> {
	const opportunity = await loadOpportunity(ctx, { opportunityId: input.opportunityId });
	const actor = await requireContributor(ctx);
	if (!opportunity.acceptsSuggestions)
		throw new AppError('conflict', { message: 'suggestions.errors.notOpen' });

	let fields: FieldErrors = {};
	let values: SuggestionInput | null = null;
	try {
		values = validateContribution(suggestionSchema, input.values);
	} catch (err) {
		fields = fieldsOf(err);
	}
	const photo = await checkPhoto(input.photo, fields);
	if (!values) throw new AppError('validation', { fields, message: Object.values(fields)[0]?.[0] });

	let themeId: string | null = null;
	if (values.theme) {
		const themes = await listThemes(ctx.db, { municipalityId: ctx.tenant.id });
		const theme = themes.find((t) => t.id === values.theme || t.slug === values.theme);
		if (theme) themeId = theme.id;
		else addField(fields, 'theme', key('theme'));
	}
	const place = await choosePlace(ctx, values, fields);
	const keptPhotoId =
		!photo && values.photoId
			? ((
					await getOwnPhoto(ctx.db, {
						municipalityId: ctx.tenant.id,
						id: values.photoId,
						createdBy: actor.userId
					})
				)?.id ?? null)
			: null;
	if ((photo || keptPhotoId) && !values.imageAlt) addField(fields, 'imageAlt', key('altRequired'));
	if (Object.keys(fields).length > 0)
		throw new AppError('validation', { fields, message: Object.values(fields)[0]?.[0] });

	await enforceRateLimits(
		ctx.db,
		[{ key: `suggestion:user:${actor.userId}`, ...RATE_LIMITS.suggestions }],
		RATE_LIMITED
	);
	const duplicate = await findRecentDuplicate(ctx.db, {
		municipalityId: ctx.tenant.id,
		authorId: actor.userId,
		title: values.title,
		body: values.body,
		since: new Date(Date.now() - DAY)
	});
	if (duplicate) throw new AppError('conflict', { message: 'suggestions.errors.duplicate' });

	const storePhoto = async (db: Ctx['db']) =>
		photo
			? (
					await insertSuggestionPhoto(db, {
						municipalityId: ctx.tenant.id,
						contentType: photo.contentType,
						bytes: photo.bytes,
						width: photo.width,
						height: photo.height,
						alt: values.imageAlt || null,
						createdBy: actor.userId
					})
				).id
			: keptPhotoId;

	if (!values.confirm) {
		const rows = await findSimilarSuggestions(ctx.db, {
			municipalityId: ctx.tenant.id,
			opportunityId: opportunity.id,
			title: values.title,
			place: place.lat !== null && place.lng !== null ? { lat: place.lat, lng: place.lng } : null,
			radiusMetres: SIMILAR_RADIUS_METRES,
			limit: SIMILAR_MAX
		});
		if (rows.length > 0)
			return {
				kind: 'similar',
				similar: presentSimilar(rows, ctx.tenant.slug),
				photoId: await storePhoto(ctx.db)
			};
	}

	const published = opportunity.moderation === 'post';
	const now = new Date();
	const created = await ctx.db.transaction(async (tx) => {
		const imageId = await storePhoto(tx);
		const row = await insertSuggestion(tx, {
			municipalityId: ctx.tenant.id,
			opportunityId: opportunity.id,
			authorId: actor.userId,
			themeId,
			slug: slugify(values.title).slice(0, 80).replace(/-+$/, '') || 'suggestie',
			title: values.title,
			body: values.body,
			placeName: place.placeName,
			lat: place.lat,
			lng: place.lng,
			imageId,
			imageAlt: imageId ? values.imageAlt : null,
			status: published ? 'published' : 'submitted',
			moderation: published ? 'approved' : 'pending',
			publishedAt: published ? now : null,
			createdAt: now
		});
		const base = { municipalityId: ctx.tenant.id, suggestionId: row.id, actorId: actor.userId };
		await insertStoryEntry(tx, { ...base, kind: 'submitted', status: 'submitted', createdAt: now });
		await writeDomainEvent(tx, {
			municipalityId: ctx.tenant.id,
			type: 'suggestion.submitted',
			subjectId: row.id,
			actorId: actor.userId,
			payload: { opportunityId: opportunity.id, moderation: opportunity.moderation }
		});
		if (published) {
			await insertStoryEntry(tx, { ...base, kind: 'published', status: 'published', createdAt: now });
			await writeDomainEvent(tx, {
				municipalityId: ctx.tenant.id,
				type: 'suggestion.published',
				subjectId: row.id,
				actorId: actor.userId,
				payload: { opportunityId: opportunity.id, authorId: actor.userId, again: false }
			});
		}
		// The author hears what comes of their suggestion.
		await follow(tx, {
			municipalityId: ctx.tenant.id,
			subject: { kind: 'suggestion', id: row.id },
			userId: actor.userId
		});
		return row;
	});
	return {
		kind: 'created',
		id: created.id,
		path: suggestionPath(ctx.tenant.slug, created),
		published
	};
}

// ---------------------------------------------------------------------------------------------
// The suggestion's page
// ---------------------------------------------------------------------------------------------

export interface SuggestionPage {
	suggestion: SuggestionView;
	opportunity: {
		id: number;
		title: string;
		path: string;
		acceptsVotes: boolean;
		voteLimit: number | null;
		moderation: ModerationMode;
	};
	listed: boolean;
	voted: boolean;
	following: boolean;
	/** How many more suggestions of the opportunity this person may support; null without a limit. */
	remaining: number | null;
	comments: CommentView[];
	/** Set when merged: the page only points there. */
	mergedInto: { title: string; path: string } | null;
	/** Kept across a login: the person pressed "Steun" or wrote a comment before logging in. */
	intent: { vote: boolean; comment: string; parentId: string } | null;
	redirectTo: string | null;
}

/** A suggestion, with its opportunity, when the actor may see it; anything else is not found. */
async function visibleSuggestion(
	ctx: TenantCtx,
	id: number
): Promise<{ row: SuggestionRow; opportunity: SuggestionOpportunity }> {
	const row = await getSuggestion(ctx.db, { municipalityId: ctx.tenant.id, id });
	if (!row) throw new AppError('not_found');
	const opportunity = await loadOpportunity(ctx, { opportunityId: row.opportunityId });
	if (!canSeeContribution(ctx.actor ?? null, row, opportunity.target)) throw new AppError('not_found');
	return { row, opportunity };
}

function isListedRow(row: { moderation: string; mergedIntoId: number | null }) {
	return row.moderation === 'approved' && row.mergedIntoId === null;
}

export async function getSuggestionPage(
	ctx: TenantCtx,
	input: { id: number; slug: string; unverifiedDraftId?: string | null }
): Promise<SuggestionPage> {
	const { row, opportunity } = await visibleSuggestion(ctx, input.id);
	const municipalityId = ctx.tenant.id;
	const viewerId = ctx.actor?.userId ?? null;
	const moderator = canModerateSuggestions(ctx.actor ?? null, opportunity.target);
	const [story, commentRows, own, merged, draft] = await Promise.all([
		listStory(ctx.db, { municipalityId, suggestionId: row.id }),
		listComments(ctx.db, { municipalityId, suggestionId: row.id, viewerId, moderator }),
		// What the person sees about themselves, fresh on every request, in one statement.
		viewerId
			? getViewerState(ctx.db, {
					municipalityId,
					suggestionId: row.id,
					opportunityId: opportunity.id,
					userId: viewerId,
					countVotes: Boolean(opportunity.voteLimit)
				})
			: { voted: false, following: false, used: 0 },
		row.mergedIntoId ? getSuggestion(ctx.db, { municipalityId, id: row.mergedIntoId }) : undefined,
		input.unverifiedDraftId ? getDraft(ctx, { unverifiedId: input.unverifiedDraftId }) : null
	]);
	const { voted, following, used } = own;
	const suggestion = presentSuggestion(row, story, ctx.tenant.slug);
	const ownDraft = draft && draft.suggestion === String(row.id) ? draft : null;
	return {
		suggestion,
		opportunity: {
			id: opportunity.id,
			title: opportunity.title,
			path: opportunity.path,
			acceptsVotes: opportunity.acceptsVotes,
			voteLimit: opportunity.voteLimit,
			moderation: opportunity.moderation
		},
		listed: isListedRow(row),
		voted,
		following,
		remaining: opportunity.voteLimit ? Math.max(0, opportunity.voteLimit - used) : null,
		comments: presentComments(commentRows, viewerId),
		mergedInto: merged ? { title: merged.title, path: suggestionPath(ctx.tenant.slug, merged) } : null,
		intent: ownDraft
			? {
					vote: ownDraft.intent === 'vote' && !voted,
					comment: ownDraft.intent === 'comment' ? (ownDraft.body ?? '') : '',
					parentId: ownDraft.intent === 'comment' ? (ownDraft.parentId ?? '') : ''
				}
			: null,
		redirectTo: input.slug === row.slug ? null : suggestion.path
	};
}

/** A visitor pressed "Steun" or wrote a comment: keep that across the login; returns the draft's id. */
export async function keepSuggestionIntent(
	ctx: TenantCtx,
	input: {
		suggestionId: number;
		returnTo: string;
		intent: 'vote' | 'comment';
		body?: string;
		parentId?: string;
	}
): Promise<string> {
	return keepDraftForLogin(ctx, {
		returnTo: input.returnTo,
		values: {
			intent: input.intent,
			suggestion: String(input.suggestionId),
			body: input.body ?? '',
			parentId: input.parentId ?? ''
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Comments, reports, follows
// ---------------------------------------------------------------------------------------------

/**
 * Adds a comment or a reply on a listed suggestion. A reply to a reply joins the thread of its top comment
 * (one level of replies). Under pre-moderation it waits for a moderator; only approved ones are counted.
 */
export async function addComment(
	ctx: TenantCtx,
	input: { suggestionId: number; values: RawInput<typeof commentSchema> }
): Promise<{ id: number; published: boolean }> {
	const { row, opportunity } = await visibleSuggestion(ctx, input.suggestionId);
	const actor = await requireContributor(ctx);
	if (!isListedRow(row)) throw new AppError('conflict', { message: 'suggestions.errors.notPublic' });
	const values = validateContribution(commentSchema, input.values);
	let parentId: number | null = null;
	if (values.parentId !== null) {
		const parent = await getComment(ctx.db, {
			municipalityId: ctx.tenant.id,
			suggestionId: row.id,
			id: values.parentId
		});
		if (!parent || !canSeeContribution(ctx.actor ?? null, parent, opportunity.target))
			throw new AppError('validation', {
				fields: { body: [key('replyNotFound')] },
				message: key('replyNotFound')
			});
		parentId = parent.parentId ?? parent.id;
	}
	await enforceRateLimits(
		ctx.db,
		[{ key: `suggestion-comment:user:${actor.userId}`, ...RATE_LIMITS.comments }],
		RATE_LIMITED
	);
	const published = opportunity.moderation === 'post';
	return ctx.db.transaction(async (tx) => {
		const comment = await insertComment(tx, {
			municipalityId: ctx.tenant.id,
			suggestionId: row.id,
			parentId,
			authorId: actor.userId,
			body: values.body,
			moderation: published ? 'approved' : 'pending'
		});
		if (published) {
			await changeCommentCount(tx, { municipalityId: ctx.tenant.id, suggestionId: row.id, delta: 1 });
			await writeDomainEvent(tx, {
				municipalityId: ctx.tenant.id,
				type: 'suggestion.comment_published',
				subjectId: row.id,
				actorId: actor.userId,
				payload: { commentId: comment.id, parentId }
			});
		}
		return { id: comment.id, published };
	});
}

/** Reports a suggestion or one of its comments; a second open report of the same item is not added. */
export async function reportContribution(
	ctx: TenantCtx,
	input: { suggestionId: number; values: RawInput<typeof reportSchema> }
): Promise<{ recorded: boolean }> {
	const { row, opportunity } = await visibleSuggestion(ctx, input.suggestionId);
	const actor = await requireContributor(ctx);
	const values = validateContribution(reportSchema, input.values);
	if (values.commentId !== null) {
		const comment = await getComment(ctx.db, {
			municipalityId: ctx.tenant.id,
			suggestionId: row.id,
			id: values.commentId
		});
		if (!comment || !canSeeContribution(ctx.actor ?? null, comment, opportunity.target))
			throw new AppError('not_found');
	}
	await enforceRateLimits(
		ctx.db,
		[{ key: `suggestion-report:user:${actor.userId}`, ...RATE_LIMITS.reports }],
		RATE_LIMITED
	);
	const recorded = await insertReport(ctx.db, {
		municipalityId: ctx.tenant.id,
		suggestionId: row.id,
		commentId: values.commentId,
		reporterId: actor.userId,
		reason: values.reason,
		note: values.note
	});
	return { recorded };
}

export async function followSuggestion(ctx: TenantCtx, input: { suggestionId: number }) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const { row } = await visibleSuggestion(ctx, input.suggestionId);
	await follow(ctx.db, {
		municipalityId: ctx.tenant.id,
		subject: { kind: 'suggestion', id: row.id },
		userId: ctx.actor.userId
	});
	return { following: true };
}

export async function unfollowSuggestion(ctx: TenantCtx, input: { suggestionId: number }) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	await unfollow(ctx.db, {
		municipalityId: ctx.tenant.id,
		subject: { kind: 'suggestion', id: input.suggestionId },
		userId: ctx.actor.userId
	});
	return { following: false };
}

// ---------------------------------------------------------------------------------------------
// API and media
// ---------------------------------------------------------------------------------------------

/** A listed suggestion of a participating municipality, for the API. */
export async function getSuggestionForApi(
	ctx: Ctx,
	input: { id: number; origin: string }
): Promise<SuggestionApi> {
	const scoped = await tenantOfSuggestion(ctx, input.id);
	// The open data API answers the same for everyone: as a visitor sees it.
	const visitor: TenantCtx = { ...scoped, actor: undefined };
	const { row } = await visibleSuggestion(visitor, input.id);
	if (!isListedRow(row)) throw new AppError('not_found');
	const story = await listStory(ctx.db, { municipalityId: scoped.tenant.id, suggestionId: row.id });
	return presentSuggestionApi(row, story, scoped.tenant.slug, input.origin);
}

/** Adds a suggestion through the API: no photo, and no "did you mean" step (clients search first). */
export async function createSuggestionFromApi(
	ctx: Ctx,
	input: { opportunityId: number; values: Record<string, unknown> }
): Promise<{ id: number; path: string; published: boolean }> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const scoped = await tenantOfOpportunity(ctx, input.opportunityId);
	const v = input.values;
	const result = await createSuggestion(scoped, {
		opportunityId: input.opportunityId,
		values: {
			title: v.title,
			body: v.body,
			placeName: v.placeName,
			lat: v.lat,
			lng: v.lng,
			theme: v.theme,
			confirm: true
		}
	});
	if (result.kind !== 'created') throw new Error('unreachable: confirmed suggestions are created');
	return { id: result.id, path: result.path, published: result.published };
}

/** The photo of a listed suggestion for /media/{id}; anything else is not found. */
export async function getSuggestionPhoto(
	ctx: Ctx,
	input: { unverifiedId: string }
): Promise<{ contentType: string; bytes: Buffer; createdAt: Date }> {
	if (!isUuid(input.unverifiedId)) throw new AppError('not_found');
	const row = await getListedSuggestionPhoto(ctx.db, { id: input.unverifiedId, now: new Date() });
	if (!row) throw new AppError('not_found');
	return row;
}

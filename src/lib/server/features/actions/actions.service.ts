// Use cases of the public climate-action pages, the regional view and the open data API.
import { actionPath } from '$lib/domain/actions';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import { syncPage, type SyncPage, type SyncQuery } from '$lib/server/platform/api-sync';
import { cached } from '$lib/server/platform/cache';
import {
	listAllMunicipalities,
	listParticipatingMunicipalities
} from '$lib/server/features/municipalities/municipalities.service';
import { getDraft, keepDraftForLogin } from '$lib/server/features/accounts/accounts.service';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import { canFollowActions } from './actions.policy';
import { countFollowers, follow, isFollowing, unfollow } from '$lib/server/platform/subscriptions';
import {
	getPublishedAction,
	getPublishedActionAnywhere,
	listPublishedActions,
	listPublishedActionsAfter,
	listActionChanges,
	listPublishedActionsByIds,
	listPublicActionTitles,
	listPublishedUpdates,
	listThemesOfActions,
	searchPublishedActions,
	type ActionCardRow
} from './actions.queries';
import type { SearchPart } from '$lib/server/platform/feature';
import {
	presentActionApi,
	presentActionApiDetail,
	presentActionCard,
	presentActionDetail,
	type ActionApi,
	type ActionApiDetail,
	type ActionCard,
	type ActionDetail
} from './actions.present';
import { encodeCursor, PAGE_SIZE, type ApiListQuery, type PageFilters } from './actions.schemas';

export interface ActionListPage {
	items: ActionCard[];
	total: number;
	page: number;
	pageCount: number;
}

/** Themes and rungs of a page of actions, in two queries, whatever the page size. */
async function cards(ctx: Ctx, municipalityIds: string[], rows: ActionCardRow[]): Promise<ActionCard[]> {
	const actionIds = rows.map((r) => r.id);
	const [themes, opportunities] = await Promise.all([
		listThemesOfActions(ctx.db, { municipalityIds, actionIds }),
		listOpportunitiesOfActions(ctx, { municipalityIds, actionIds })
	]);
	return rows.map((row) =>
		presentActionCard(
			row,
			themes.filter((t) => t.actionId === row.id),
			opportunities.filter((o) => o.actionId === row.id)
		)
	);
}

/**
 * A page of published actions is the same for everyone who asks with the same filters: it comes from the
 * App's read cache (every write clears it, so a change shows at once; at most 10 seconds old otherwise).
 */
function listPage(ctx: Ctx, municipalityIds: string[], filters: PageFilters): Promise<ActionListPage> {
	const key = `actions:${municipalityIds.join(',')}:${JSON.stringify(filters)}`;
	return cached(ctx.cache, key, () => loadListPage(ctx, municipalityIds, filters));
}

async function loadListPage(
	ctx: Ctx,
	municipalityIds: string[],
	filters: PageFilters
): Promise<ActionListPage> {
	const now = new Date();
	const { rows, total } = await listPublishedActions(ctx.db, {
		municipalityIds,
		themeSlug: filters.theme,
		status: filters.status,
		rung: filters.rung,
		q: filters.q,
		now,
		limit: PAGE_SIZE,
		offset: (filters.page - 1) * PAGE_SIZE
	});
	return {
		items: await cards(ctx, municipalityIds, rows),
		total,
		page: filters.page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
}

/** Published actions of the municipality in the URL; none while it does not take part. */
export async function listActions(
	ctx: TenantCtx,
	input: { filters: PageFilters; participating: boolean }
): Promise<ActionListPage> {
	if (!input.participating) return { items: [], total: 0, page: 1, pageCount: 1 };
	return listPage(ctx, [ctx.tenant.id], input.filters);
}

/** Published actions of every participating municipality, or of the one chosen in the filter. */
export async function listRegionActions(
	ctx: Ctx,
	input: { filters: PageFilters }
): Promise<ActionListPage & { municipalities: { slug: string; name: string }[] }> {
	const participating = await listParticipatingMunicipalities(ctx);
	const chosen = input.filters.municipality
		? participating.filter((m) => m.slug === input.filters.municipality)
		: participating;
	const page = await listPage(
		ctx,
		chosen.map((m) => m.id),
		input.filters
	);
	return { ...page, municipalities: participating.map((m) => ({ slug: m.slug, name: m.name })) };
}

/** The actions' part of the site-wide search: published actions of the municipalities asked. */
export const searchActions: SearchPart['find'] = async (ctx, input) => {
	const rows = await searchPublishedActions(ctx.db, input);
	return {
		total: rows[0]?.total ?? 0,
		hits: rows.map((r) => ({
			title: r.title,
			href: actionPath(r.municipalitySlug, r.id, r.slug),
			summary: r.summary,
			context: '',
			municipalityName: r.municipalityName
		}))
	};
};

/** At most this many actions are offered to link a story to (a select, by title). */
const ACTION_CHOICES_MAX = 200;

/**
 * The municipality's public actions by title, for another feature's select (a story's action): id, title and
 * page. Anything else is not among them.
 */
export async function listActionChoices(
	db: Db,
	params: { municipalityId: string; municipalitySlug: string }
): Promise<{ id: number; title: string; path: string }[]> {
	const rows = await listPublicActionTitles(db, {
		municipalityId: params.municipalityId,
		now: new Date(),
		limit: ACTION_CHOICES_MAX
	});
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		path: actionPath(params.municipalitySlug, r.id, r.slug)
	}));
}

/** The newest published actions, for a municipality's home or (without tenant) the region's. */
export async function listRecentActions(
	ctx: Ctx,
	input: { municipalityIds?: string[]; limit: number }
): Promise<ActionCard[]> {
	const ids = input.municipalityIds ?? (await listParticipatingMunicipalities(ctx)).map((m) => m.id);
	// The same for everyone: from the App's read cache, as a page of the list.
	return cached(ctx.cache, `recent-actions:${ids.join(',')}:${input.limit}`, async () => {
		const rows = await listPublishedActionsAfter(ctx.db, {
			municipalityIds: ids,
			now: new Date(),
			limit: input.limit
		});
		return cards(ctx, ids, rows);
	});
}

export interface ActionPage {
	action: ActionDetail;
	followers: number;
	following: boolean;
	/**
	 * The person pressed "Volg deze actie" before logging in, and does not follow it yet: the page asks them to
	 * confirm with one POST (a GET never changes anything).
	 */
	followIntent: boolean;
	/** Set when the URL's slug is not the action's: the route answers with a 301 to this path. */
	redirectTo: string | null;
}

/** One published action of the municipality in the URL; another municipality's id is simply not found. */
export async function getActionPage(
	ctx: TenantCtx,
	input: { id: number; slug: string; unverifiedDraftId?: string | null }
): Promise<ActionPage> {
	const municipalityId = ctx.tenant.id;
	// What everyone sees (the action, its updates, how many follow it) comes from the App's read cache;
	// whether this person follows it is read fresh.
	const [shared, following] = await Promise.all([
		cached(ctx.cache, `action-page:${municipalityId}:${input.id}`, () => loadPublicAction(ctx, input.id)),
		ctx.actor
			? isFollowing(ctx.db, {
					municipalityId,
					subject: { kind: 'action', id: input.id },
					userId: ctx.actor.userId
				})
			: Promise.resolve(false)
	]);
	if (!shared) throw new AppError('not_found');
	const { action, slug, followers } = shared;
	const followIntent =
		!following && (await hasFollowIntent(ctx, { id: input.id, unverifiedDraftId: input.unverifiedDraftId }));
	return {
		action,
		followers,
		following,
		followIntent,
		redirectTo: input.slug === slug ? null : action.path
	};
}

/** The part of an action's page that is the same for everyone; null when no such action is published. */
async function loadPublicAction(ctx: TenantCtx, id: number) {
	const now = new Date();
	const municipalityId = ctx.tenant.id;
	const row = await getPublishedAction(ctx.db, { municipalityId, id, now });
	if (!row) return null;
	const municipalityIds = [municipalityId];
	const [themes, opportunities, updates, followers] = await Promise.all([
		listThemesOfActions(ctx.db, { municipalityIds, actionIds: [row.id] }),
		listOpportunitiesOfActions(ctx, { municipalityIds, actionIds: [row.id] }),
		listPublishedUpdates(ctx.db, { municipalityId, actionId: row.id, now }),
		countFollowers(ctx.db, { municipalityId, subject: { kind: 'action', id: row.id } })
	]);
	return {
		action: presentActionDetail(row, themes, opportunities, updates, now),
		slug: row.slug,
		followers
	};
}

const FOLLOW_INTENT = 'follow';

/** A visitor pressed "Volg deze actie" without a session: keep that wish across the login; returns its id. */
export async function keepFollowIntent(
	ctx: TenantCtx,
	input: { id: number; returnTo: string }
): Promise<string> {
	return keepDraftForLogin(ctx, {
		returnTo: input.returnTo,
		values: { intent: FOLLOW_INTENT, action: String(input.id) }
	});
}

/** Whether the kept draft says this person wanted to follow this action; only the person who logged in reads it. */
async function hasFollowIntent(
	ctx: TenantCtx,
	input: { id: number; unverifiedDraftId?: string | null }
): Promise<boolean> {
	if (!input.unverifiedDraftId) return false;
	const draft = await getDraft(ctx, { unverifiedId: input.unverifiedDraftId });
	return draft?.intent === FOLLOW_INTENT && draft.action === String(input.id);
}

/** Follows a published action; following twice is the same as once. */
export async function followAction(ctx: TenantCtx, input: { id: number }): Promise<{ following: boolean }> {
	if (!canFollowActions(ctx.actor ?? null)) throw new AppError('unauthenticated');
	const row = await getPublishedAction(ctx.db, {
		municipalityId: ctx.tenant.id,
		id: input.id,
		now: new Date()
	});
	if (!row) throw new AppError('not_found');
	await follow(ctx.db, {
		municipalityId: ctx.tenant.id,
		subject: { kind: 'action', id: row.id },
		userId: ctx.actor!.userId
	});
	return { following: true };
}

/** Stops following; also fine when the person did not follow, or the action was unpublished since. */
export async function unfollowAction(ctx: TenantCtx, input: { id: number }): Promise<{ following: boolean }> {
	if (!canFollowActions(ctx.actor ?? null)) throw new AppError('unauthenticated');
	await unfollow(ctx.db, {
		municipalityId: ctx.tenant.id,
		subject: { kind: 'action', id: input.id },
		userId: ctx.actor!.userId
	});
	return { following: false };
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export interface ApiActionList {
	data: ActionApi[];
	nextCursor: string | null;
}

/** Published actions of one municipality for the API, newest first, by cursor. */
export async function listActionsForApi(
	ctx: Ctx,
	input: { municipalitySlug: string; query: ApiListQuery; origin: string }
): Promise<ApiActionList> {
	const municipality = (await listParticipatingMunicipalities(ctx)).find(
		(m) => m.slug === input.municipalitySlug
	);
	if (!municipality) {
		const known = (await listAllMunicipalities(ctx)).some((m) => m.slug === input.municipalitySlug);
		// A municipality that does not take part yet has no public actions; an unknown one does not exist.
		if (known) return { data: [], nextCursor: null };
		throw new AppError('not_found');
	}
	const municipalityIds = [municipality.id];
	const { query } = input;
	const rows = await listPublishedActionsAfter(ctx.db, {
		municipalityIds,
		themeSlug: query.theme,
		status: query.status,
		rung: query.rung,
		q: query.q,
		now: new Date(),
		after: query.cursor,
		limit: query.limit + 1
	});
	const page = rows.slice(0, query.limit);
	const last = page.at(-1);
	const list = await cards(ctx, municipalityIds, page);
	return {
		data: list.map((card, i) => presentActionApi(card, page[i]!, input.origin)),
		nextCursor:
			rows.length > query.limit && last
				? encodeCursor({ publishedMicros: last.publishedMicros, id: last.id })
				: null
	};
}

/**
 * The sync of a municipality's actions (`updated_since`): every action changed since, public ones in `data`,
 * the others (unpublished, archived, made a draft) as tombstones. Unknown municipality: not found; one that
 * does not take part: nothing.
 */
export async function syncActionsForApi(
	ctx: Ctx,
	input: { municipalitySlug: string; query: SyncQuery; origin: string }
): Promise<SyncPage<ActionApi>> {
	const municipality = (await listParticipatingMunicipalities(ctx)).find(
		(m) => m.slug === input.municipalitySlug
	);
	if (!municipality) {
		const known = (await listAllMunicipalities(ctx)).some((m) => m.slug === input.municipalitySlug);
		if (!known) throw new AppError('not_found');
		return syncPage(ctx.db, input.query, [], async () => new Map());
	}
	const changes = await listActionChanges(ctx.db, { municipalityId: municipality.id, query: input.query });
	return syncPage(ctx.db, input.query, changes, async (ids) => {
		const rows = await listPublishedActionsByIds(ctx.db, {
			municipalityId: municipality.id,
			ids,
			now: new Date()
		});
		const list = await cards(ctx, [municipality.id], rows);
		return new Map(list.map((card, i) => [card.id, presentActionApi(card, rows[i]!, input.origin)]));
	});
}

/** One published action of a participating municipality, by id. */
export async function getActionForApi(
	ctx: Ctx,
	input: { id: number; origin: string }
): Promise<ActionApiDetail> {
	const municipalityIds = (await listParticipatingMunicipalities(ctx)).map((m) => m.id);
	const row = await getPublishedActionAnywhere(ctx.db, { municipalityIds, id: input.id, now: new Date() });
	if (!row) throw new AppError('not_found');
	const scoped = [row.municipalityId];
	const [themes, opportunities] = await Promise.all([
		listThemesOfActions(ctx.db, { municipalityIds: scoped, actionIds: [row.id] }),
		listOpportunitiesOfActions(ctx, { municipalityIds: scoped, actionIds: [row.id] })
	]);
	return presentActionApiDetail(row, themes, opportunities, input.origin);
}

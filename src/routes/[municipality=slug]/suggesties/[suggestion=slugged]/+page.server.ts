import { redirect } from '@sveltejs/kit';
import {
	addComment,
	followSuggestion,
	getSuggestionPage,
	keepSuggestionIntent,
	reportContribution,
	unfollowSuggestion
} from '$lib/server/features/suggestions/suggestions.contribute.service';
import { castVote, withdrawVote } from '$lib/server/features/suggestions/suggestions.votes.service';
import { safeLocalPath } from '$lib/server/features/suggestions/suggestions.contribute.schemas';
import { notFoundPage, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import { getApp } from '$lib/server/platform/runtime';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { getPoolPrompt } from '$lib/server/features/profile/profile.pool';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseSluggedId } from '$lib/domain/ids';

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const parsed = parseSluggedId(event.params.suggestion);
	if (!parsed) notFoundPage(event);
	return { ctx: tenantContext(event), parsed };
}

// The message after each change, by its name in the address (?gelukt=…): every form here posts, changes and
// redirects back to the page (post/redirect/get), so a reload shows the message again but posts nothing.
const CONFIRMATIONS = {
	ingediend: 'pending',
	online: 'published',
	gesteund: 'voted',
	'steun-ingetrokken': 'unvoted',
	gereageerd: 'commented',
	'reactie-wacht': 'commentPending',
	gemeld: 'reported',
	'al-gemeld': 'alreadyReported',
	gevolgd: 'followed',
	'niet-meer-gevolgd': 'unfollowed'
} as const;
type Done = keyof typeof CONFIRMATIONS;
/** The confirmations of a contribution, after which a person not yet asked is asked to join the pool. */
const CONTRIBUTED: readonly string[] = ['ingediend', 'online', 'gesteund', 'gereageerd', 'reactie-wacht'];

/** Back to the suggestion's page with the message of what was done. */
function done(event: RequestEvent, what: Done): never {
	redirect(303, withFlash(event.url.pathname, what));
}

export const load: PageServerLoad = async (event) => {
	const { ctx, parsed } = target(event);
	const unverifiedDraftId = event.url.searchParams.get('concept');
	const page = await orErrorPage(getSuggestionPage(ctx, { ...parsed, unverifiedDraftId }), event);
	// An old or mistyped slug: one address per suggestion.
	if (page.redirectTo) redirect(301, `${page.redirectTo}${event.url.search}`);
	const flash = flashOf(event.url).done;
	return {
		...page,
		confirmation: flash && Object.hasOwn(CONFIRMATIONS, flash) ? CONFIRMATIONS[flash as Done] : null,
		pool: await getPoolPrompt(ctx, { done: flash, afterContribution: CONTRIBUTED.includes(flash ?? '') }),
		tiles: getApp().config.tiles,
		loggedIn: Boolean(ctx.actor),
		canonicalUrl: `${event.url.origin}${page.suggestion.path}`
	};
};

function text(data: FormData, name: string): string {
	const v = data.get(name);
	return typeof v === 'string' ? v : '';
}

async function vote(event: RequestEvent, on: boolean) {
	const { ctx, parsed } = target(event);
	const data = await event.request.formData();
	const back = safeLocalPath(data.get('terug'));
	if (!ctx.actor) {
		if (!on) redirectToLogin(event);
		const draftId = await keepSuggestionIntent(ctx, {
			suggestionId: parsed.id,
			returnTo: event.url.pathname,
			intent: 'vote'
		});
		redirectToLogin(event, { requestId: draftId });
	}
	const work: Promise<unknown> = on
		? castVote(ctx, { suggestionId: parsed.id })
		: withdrawVote(ctx, { suggestionId: parsed.id });
	// A refusal names its form, so the page shows it beside the vote button that was pressed.
	const result = await orFail(work, event, { terug: back ?? '' }, { form: 'vote' });
	if (!result.ok) return result.failure;
	// The list (or any page of ours) that posted here gets the person back where they were.
	if (back) redirect(303, back);
	done(event, on ? 'gesteund' : 'steun-ingetrokken');
}

async function follow(event: RequestEvent, on: boolean) {
	const { ctx, parsed } = target(event);
	if (!ctx.actor) redirectToLogin(event);
	const work: Promise<unknown> = on
		? followSuggestion(ctx, { suggestionId: parsed.id })
		: unfollowSuggestion(ctx, { suggestionId: parsed.id });
	const result = await orFail(work, event, {}, { form: 'follow' });
	if (!result.ok) return result.failure;
	done(event, on ? 'gevolgd' : 'niet-meer-gevolgd');
}

export const actions: Actions = {
	vote: (event) => vote(event, true),
	unvote: (event) => vote(event, false),
	comment: async (event) => {
		const { ctx, parsed } = target(event);
		const data = await event.request.formData();
		const values = { body: text(data, 'body'), parentId: text(data, 'parentId') };
		if (!ctx.actor) {
			const draftId = await keepSuggestionIntent(ctx, {
				suggestionId: parsed.id,
				returnTo: event.url.pathname,
				intent: 'comment',
				...values
			});
			redirectToLogin(event, { requestId: draftId });
		}
		const result = await orFail(addComment(ctx, { suggestionId: parsed.id, values }), event, values, {
			form: 'comment'
		});
		if (!result.ok) return result.failure;
		done(event, result.value.published ? 'gereageerd' : 'reactie-wacht');
	},
	report: async (event) => {
		const { ctx, parsed } = target(event);
		const data = await event.request.formData();
		const values = {
			reason: text(data, 'reason'),
			note: text(data, 'note'),
			commentId: text(data, 'commentId')
		};
		if (!ctx.actor) redirectToLogin(event);
		const result = await orFail(reportContribution(ctx, { suggestionId: parsed.id, values }), event, values, {
			form: 'report'
		});
		if (!result.ok) return result.failure;
		done(event, result.value.recorded ? 'gemeld' : 'al-gemeld');
	},
	follow: (event) => follow(event, true),
	unfollow: (event) => follow(event, false)
};

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
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseSluggedId } from '$lib/domain/ids';

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const parsed = parseSluggedId(event.params.suggestion);
	if (!parsed) notFoundPage(event);
	return { ctx: tenantContext(event), parsed };
}

const CONFIRMATIONS = { ingediend: 'pending', online: 'published' } as const;

export const load: PageServerLoad = async (event) => {
	const { ctx, parsed } = target(event);
	const unverifiedDraftId = event.url.searchParams.get('concept');
	const page = await orErrorPage(getSuggestionPage(ctx, { ...parsed, unverifiedDraftId }), event);
	// An old or mistyped slug: one address per suggestion.
	if (page.redirectTo) redirect(301, `${page.redirectTo}${event.url.search}`);
	const done = event.url.searchParams.get('gelukt');
	return {
		...page,
		created: done && done in CONFIRMATIONS ? CONFIRMATIONS[done as keyof typeof CONFIRMATIONS] : null,
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
	return { done: on ? ('voted' as const) : ('unvoted' as const), form: 'vote' };
}

async function follow(event: RequestEvent, on: boolean) {
	const { ctx, parsed } = target(event);
	if (!ctx.actor) redirectToLogin(event);
	const work: Promise<unknown> = on
		? followSuggestion(ctx, { suggestionId: parsed.id })
		: unfollowSuggestion(ctx, { suggestionId: parsed.id });
	const result = await orFail(work, event, {}, { form: 'follow' });
	if (!result.ok) return result.failure;
	return { done: on ? ('followed' as const) : ('unfollowed' as const), form: 'follow' };
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
		return {
			done: result.value.published ? ('commented' as const) : ('commentPending' as const),
			form: 'comment'
		};
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
		return {
			done: result.value.recorded ? ('reported' as const) : ('alreadyReported' as const),
			form: 'report'
		};
	},
	follow: (event) => follow(event, true),
	unfollow: (event) => follow(event, false)
};

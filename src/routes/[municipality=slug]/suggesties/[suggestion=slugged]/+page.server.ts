import { fail, redirect } from '@sveltejs/kit';
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
import { refusalData } from '$lib/server/features/suggestions/suggestions.contribute.present';
import { notFoundPage, orErrorPage, redirectToLogin, tenantContext } from '$lib/server/platform/http';
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

type Done =
	| 'voted'
	| 'unvoted'
	| 'commented'
	| 'commentPending'
	| 'reported'
	| 'alreadyReported'
	| 'followed'
	| 'unfollowed';

function text(data: FormData, name: string): string {
	const v = data.get(name);
	return typeof v === 'string' ? v : '';
}

/** Runs one action; a refusal becomes fail() with the Dutch message, the fields and what was typed. */
async function run(
	event: RequestEvent,
	form: string,
	values: Record<string, string>,
	work: () => Promise<Done>
) {
	try {
		return { done: await work(), form };
	} catch (err) {
		const { status, ...refused } = refusalData(event.locals.locale, err);
		return fail(status, { ...refused, form, values });
	}
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
	const result = await run(event, 'vote', { terug: back ?? '' }, async () => {
		if (on) await castVote(ctx, { suggestionId: parsed.id });
		else await withdrawVote(ctx, { suggestionId: parsed.id });
		return on ? 'voted' : 'unvoted';
	});
	// The list (or any page of ours) that posted here gets the person back where they were.
	if (back && !('status' in result)) redirect(303, back);
	return result;
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
		return run(event, 'comment', values, async () => {
			const result = await addComment(ctx, { suggestionId: parsed.id, values });
			return result.published ? 'commented' : 'commentPending';
		});
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
		return run(event, 'report', values, async () => {
			const result = await reportContribution(ctx, { suggestionId: parsed.id, values });
			return result.recorded ? 'reported' : 'alreadyReported';
		});
	},
	follow: async (event) => {
		const { ctx, parsed } = target(event);
		if (!ctx.actor) redirectToLogin(event);
		return run(event, 'follow', {}, async () => {
			await followSuggestion(ctx, { suggestionId: parsed.id });
			return 'followed';
		});
	},
	unfollow: async (event) => {
		const { ctx, parsed } = target(event);
		if (!ctx.actor) redirectToLogin(event);
		return run(event, 'follow', {}, async () => {
			await unfollowSuggestion(ctx, { suggestionId: parsed.id });
			return 'unfollowed';
		});
	}
};

import { redirect, type RequestEvent } from '@sveltejs/kit';
import { findMergeCandidates } from '$lib/server/features/suggestions/suggestions.merge.service';
import {
	addOfficialComment,
	answerSuggestion,
	changeSuggestionStatus,
	decideItem,
	getSuggestionForModeration,
	placeSuggestion
} from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { Actions, PageServerLoad } from './$types';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';
import { getApp } from '$lib/server/platform/runtime';

export const load: PageServerLoad = async (event) => {
	const target = { unverifiedSuggestionId: event.params.suggestie };
	const page = await backofficeLoad(event, getSuggestionForModeration(event.locals.ctx, target));
	// The suggestions it may be merged into, found by the title typed in the merge section (?zoek=).
	const merge = page.mergedInto
		? null
		: await backofficeLoad(
				event,
				findMergeCandidates(event.locals.ctx, { ...target, q: event.url.searchParams.get('zoek') ?? '' })
			);
	return { page, merge, tiles: getApp().config.tiles, ...flashOf(event.url) };
};

function back(event: RequestEvent, done: string, anchor = ''): never {
	redirect(303, `${event.url.pathname}?gelukt=${done}${anchor}`);
}

/** One decision (approve, reject, dismiss) on the suggestion or on one of its comments. */
async function decision(event: RequestEvent, operation: 'approve' | 'reject' | 'dismiss', name: string) {
	const values = textFields(await event.request.formData(), ['reactie', 'reden', 'toelichting']);
	const result = await backofficeAction(
		event,
		decideItem(event.locals.ctx, {
			unverifiedSuggestionId: event.params.suggestie,
			unverifiedCommentId: values.reactie || undefined,
			operation,
			reason: values.reden,
			note: values.toelichting
		}),
		{ ...values, form: name }
	);
	if (!result.ok) return result.failure;
	back(event, result.value.changed ? operation : 'niets', values.reactie ? `#reactie-${values.reactie}` : '');
}

export const actions: Actions = {
	approve: (event) => decision(event, 'approve', 'approve'),
	reject: (event) => decision(event, 'reject', 'reject'),
	dismiss: (event) => decision(event, 'dismiss', 'dismiss'),
	approveComment: (event) => decision(event, 'approve', 'comment'),
	rejectComment: (event) => decision(event, 'reject', 'comment'),
	dismissComment: (event) => decision(event, 'dismiss', 'comment'),
	answer: async (event) => {
		const values = textFields(await event.request.formData(), ['answer']);
		const result = await backofficeAction(
			event,
			answerSuggestion(event.locals.ctx, {
				...values,
				unverifiedSuggestionId: event.params.suggestie
			}),
			{ ...values, form: 'answer' }
		);
		if (!result.ok) return result.failure;
		back(event, 'answered');
	},
	status: async (event) => {
		const values = textFields(await event.request.formData(), ['status', 'reason']);
		const result = await backofficeAction(
			event,
			changeSuggestionStatus(event.locals.ctx, {
				...values,
				unverifiedSuggestionId: event.params.suggestie
			}),
			{ ...values, form: 'status' }
		);
		if (!result.ok) return result.failure;
		back(event, result.value.changed ? 'status' : 'niets');
	},
	place: async (event) => {
		const values = textFields(await event.request.formData(), ['lat', 'lng', 'placeName']);
		const result = await backofficeAction(
			event,
			placeSuggestion(event.locals.ctx, {
				...values,
				unverifiedSuggestionId: event.params.suggestie
			}),
			{ ...values, form: 'place' }
		);
		if (!result.ok) return result.failure;
		back(event, 'placed');
	},
	comment: async (event) => {
		const values = textFields(await event.request.formData(), ['body']);
		const result = await backofficeAction(
			event,
			addOfficialComment(event.locals.ctx, {
				...values,
				unverifiedSuggestionId: event.params.suggestie
			}),
			{ ...values, form: 'official' }
		);
		if (!result.ok) return result.failure;
		back(event, 'comment', `#reactie-${result.value.id}`);
	}
};

// Support a suggestion (PUT) or take the support back (DELETE), with the session cookie.
//
// Cross-site requests: hooks.server.ts refuses every write whose Origin is not the platform's own (403
// problem document) before this runs, so another site cannot make a visitor's browser vote. We also
// refuse a body that is not JSON, so nothing form-like is ever accepted here.
import { json, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { castVoteById, withdrawVoteById } from '$lib/server/features/suggestions/suggestions.votes.service';
import { AppError, apiRoute, problem } from '$lib/server/platform/http';
import { parseSluggedId } from '$lib/domain/ids';

function bodyIsAcceptable(event: RequestEvent): boolean {
	const type = event.request.headers.get('content-type');
	const length = event.request.headers.get('content-length');
	const empty = !type && (length === null || length === '0');
	return empty || /^application\/json\b/i.test(type ?? '');
}

/** The address says everything: the body is what the document allows, nothing or an empty JSON object. */
async function bodyIsWellFormed(event: RequestEvent): Promise<boolean> {
	const text = await event.request.text();
	if (text.trim() === '') return true;
	try {
		const body: unknown = JSON.parse(text);
		return (
			typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0
		);
	} catch {
		return false;
	}
}

function handler(on: boolean) {
	return apiRoute(async (event) => {
		if (!bodyIsAcceptable(event))
			return problem(event, 415, translate(event.locals.locale, 'suggestionsContribute.errors.contentType'), {
				code: 'bad_request'
			});
		if (!(await bodyIsWellFormed(event)))
			return problem(event, 400, translate(event.locals.locale, 'suggestionsContribute.errors.invalidJson'), {
				code: 'bad_request'
			});
		const id = parseSluggedId(event.params.id)?.id ?? null;
		if (id === null) throw new AppError('not_found');
		const result = on
			? await castVoteById(event.locals.ctx, { suggestionId: id })
			: await withdrawVoteById(event.locals.ctx, { suggestionId: id });
		return json(result, { headers: { 'cache-control': 'no-store' } });
	});
}

export const PUT = handler(true);
export const DELETE = handler(false);

import { apiJson } from '$lib/server/platform/api-http';
import { json } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { createSuggestionFromApi } from '$lib/server/features/suggestions/suggestions.contribute.service';
import { AppError, apiRoute, problem } from '$lib/server/platform/http';
import {
	listSuggestionsForApi,
	syncSuggestionsForApi
} from '$lib/server/features/suggestions/suggestions.browse.service';
import { parseApiListQuery } from '$lib/server/features/suggestions/suggestions.browse.schemas';
import { parseId } from '$lib/domain/ids';
import { parseSyncQuery } from '$lib/server/platform/api-sync';

const FILTERS = ['theme', 'status', 'q', 'sort'];

/** Listed suggestions of a public opportunity, most supported (or newest) first, by cursor; or their sync. */
export const GET = apiRoute(async (event) => {
	const opportunityId = parseId(event.params.id ?? '');
	if (opportunityId === null) throw new AppError('not_found');
	const sync = parseSyncQuery(event.url.searchParams, FILTERS);
	const result = sync
		? await syncSuggestionsForApi(event.locals.ctx, { opportunityId, query: sync, origin: event.url.origin })
		: await listSuggestionsForApi(event.locals.ctx, {
				opportunityId,
				query: parseApiListQuery(event.url.searchParams),
				origin: event.url.origin
			});
	return apiJson(event.request, result, { cacheControl: 'public, max-age=10' });
});

/**
 * Adds a suggestion with the session cookie. Only `application/json` is accepted; a write from another
 * origin never gets here (hooks.server.ts refuses it). No photo through the API.
 */
export const POST = apiRoute(async (event) => {
	const locale = event.locals.locale;
	if (!/^application\/json\b/i.test(event.request.headers.get('content-type') ?? ''))
		return problem(event, 415, translate(locale, 'suggestionsContribute.errors.contentType'), {
			code: 'bad_request'
		});
	const opportunityId = parseId(event.params.id ?? '');
	if (opportunityId === null) throw new AppError('not_found');
	let body: unknown;
	try {
		body = await event.request.json();
	} catch {
		return problem(event, 400, translate(locale, 'suggestionsContribute.errors.invalidJson'), {
			code: 'bad_request'
		});
	}
	if (!body || typeof body !== 'object' || Array.isArray(body))
		return problem(event, 400, translate(locale, 'suggestionsContribute.errors.invalidJson'), {
			code: 'bad_request'
		});
	const created = await createSuggestionFromApi(event.locals.ctx, {
		opportunityId,
		values: body as Record<string, unknown>
	});
	return json(
		{
			data: {
				id: created.id,
				status: created.published ? 'published' : 'submitted',
				url: `${event.url.origin}${created.path}`
			}
		},
		{ status: 201, headers: { location: `/api/v1/suggestions/${created.id}`, 'cache-control': 'no-store' } }
	);
});

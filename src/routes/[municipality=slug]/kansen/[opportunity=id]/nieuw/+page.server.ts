import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	createSuggestion,
	getContributeForm,
	keepSuggestionDraft
} from '$lib/server/features/suggestions/suggestions.contribute.service';
import { notFoundPage, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import { getApp } from '$lib/server/platform/runtime';
import { withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { parseId } from '$lib/domain/ids';

const FIELDS = [
	'title',
	'body',
	'theme',
	'placeName',
	'lat',
	'lng',
	'imageAlt',
	'photoId',
	'confirm'
] as const;

function target(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const opportunityId = parseId(event.params.opportunity);
	if (!opportunityId) notFoundPage(event);
	return { ctx: tenantContext(event), opportunityId };
}

export const load: PageServerLoad = async (event) => {
	const { ctx, opportunityId } = target(event);
	// After a login that began here: ?concept= holds what the person typed, for that person only.
	const unverifiedDraftId = event.url.searchParams.get('concept');
	const form = await orErrorPage(getContributeForm(ctx, { opportunityId, unverifiedDraftId }), event);
	return { ...form, tiles: getApp().config.tiles, loggedIn: Boolean(ctx.actor) };
};

export const actions: Actions = {
	default: async (event) => {
		const { ctx, opportunityId } = target(event);
		const locale = event.locals.locale;
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			// Larger than BODY_SIZE_LIMIT (a 50 MB photo): the server stops reading, so nothing typed arrives.
			const message = translate(locale, 'suggestionsContribute.errors.requestTooLarge');
			return fail(413, {
				message,
				fields: {} as Record<string, string[]>,
				values: {} as Record<string, string>
			});
		}
		const values: Record<string, string> = {};
		for (const name of FIELDS) {
			const v = data.get(name);
			if (typeof v === 'string') values[name] = v;
		}
		const file = data.get('photo');
		const photo = file instanceof File && file.size > 0 ? file : null;
		const path = event.url.pathname;
		// A visitor (or a session that ran out) logs in first; what they typed waits for them (not the photo).
		if (!ctx.actor) {
			const draftId = await keepSuggestionDraft(ctx, { opportunityId, returnTo: path, values });
			redirectToLogin(event, { requestId: draftId });
		}
		const created = await orFail(createSuggestion(ctx, { opportunityId, values, photo }), event, values);
		if (!created.ok) return created.failure;
		const result = created.value;
		if (result.kind === 'similar')
			return { similar: result.similar, photoId: result.photoId, values, message: '', fields: {} };
		redirect(303, withFlash(result.path, result.published ? 'online' : 'ingediend'));
	}
};

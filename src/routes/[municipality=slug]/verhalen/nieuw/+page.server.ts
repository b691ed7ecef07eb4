import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getStoryForm, keepStoryDraft, submitStory } from '$lib/server/features/stories/stories.service';
import { loginUrl, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'body', 'initiative', 'credit', 'action', 'photoAlt'] as const;

export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event);
	const form = await orErrorPage(
		getStoryForm(ctx, {
			unverifiedActionId: event.url.searchParams.get('actie'),
			// After a login that began here: ?concept= holds what the person typed, for that person only.
			unverifiedDraftId: event.url.searchParams.get('concept')
		}),
		event
	);
	return { ...form, loginHref: loginUrl(event.url.pathname + event.url.search) };
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = tenantContext(event);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			// Larger than BODY_SIZE_LIMIT: the server stops reading, so nothing typed arrives.
			return fail(413, {
				message: translate(event.locals.locale, 'stories.errors.requestTooLarge'),
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
		// A visitor (or a session that ran out) logs in first; what they typed waits for them (not the photo).
		if (!ctx.actor) {
			const draftId = await keepStoryDraft(ctx, { returnTo: event.url.pathname, values });
			redirectToLogin(event, { requestId: draftId });
		}
		const sent = await orFail(submitStory(ctx, { values, photo }), event, values);
		if (!sent.ok) return sent.failure;
		redirect(303, `/${ctx.tenant.slug}/verhalen/bedankt?verhaal=${sent.value.id}`);
	}
};

import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	getContributionForm,
	submitContribution
} from '$lib/server/features/climate-pact/climate-pact.service';
import { loginUrl, orErrorPage, orFail, redirectToLogin, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['kind', 'quantity', 'occurredOn', 'note', 'photoAlt'] as const;

export const load: PageServerLoad = async (event) => ({
	form: await orErrorPage(getContributionForm(tenantContext(event)), event),
	loginHref: loginUrl(event.url.pathname)
});

export const actions: Actions = {
	default: async (event) => {
		const ctx = tenantContext(event);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			// Larger than BODY_SIZE_LIMIT: the server stops reading, so nothing typed arrives.
			return fail(413, {
				message: translate(event.locals.locale, 'climatePactPublic.errors.requestTooLarge'),
				fields: {} as Record<string, string[]>,
				values: {} as Record<string, string>
			});
		}
		const values: Record<string, string> = {};
		for (const name of FIELDS) {
			const v = data.get(name);
			if (typeof v === 'string') values[name] = v;
		}
		if (!ctx.actor) redirectToLogin(event, {});
		const file = data.get('photo');
		const photo = file instanceof File && file.size > 0 ? file : null;
		const sent = await orFail(submitContribution(ctx, { values, photo }), event, values);
		if (!sent.ok) return sent.failure;
		redirect(303, `/${ctx.tenant.slug}/klimaatpact/bedankt?melding=${sent.value.id}`);
	}
};

import { redirect } from '@sveltejs/kit';
import {
	changeBaseline,
	changeTarget,
	getMunicipalityImpact,
	saveStrategy
} from '$lib/server/features/impact/impact.service';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import { listField, textFields } from '$lib/server/platform/forms';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	impact: await backofficeLoad(event, getMunicipalityImpact(tenantContext(event))),
	flash: flashOf(event.url)
});

const done = (slug: string, key: string) => withFlash(`/${slug}/beheer/impact`, key);

export const actions: Actions = {
	strategy: async (event) => {
		const form = await event.request.formData();
		const values = { ...textFields(form, ['agreements', 'internal']), channels: listField(form, 'channels') };
		const ctx = tenantContext(event);
		const result = await backofficeAction(event, saveStrategy(ctx, values), { ...values, form: 'strategy' });
		if (!result.ok) return result.failure;
		redirect(303, done(ctx.tenant.slug, 'strategy'));
	},
	baseline: async (event) => {
		const ctx = tenantContext(event);
		const values = textFields(await event.request.formData(), ['indicator', 'value', 'recordedOn', 'reason']);
		const result = await backofficeAction(event, changeBaseline(ctx, { ...values, scope: ctx.tenant.slug }), {
			...values,
			form: 'baseline'
		});
		if (!result.ok) return result.failure;
		redirect(303, done(ctx.tenant.slug, 'baseline'));
	},
	target: async (event) => {
		const ctx = tenantContext(event);
		const values = textFields(await event.request.formData(), ['indicator', 'target']);
		const result = await backofficeAction(event, changeTarget(ctx, { ...values, scope: ctx.tenant.slug }), {
			...values,
			form: 'target'
		});
		if (!result.ok) return result.failure;
		redirect(303, done(ctx.tenant.slug, 'target'));
	}
};

import { redirect } from '@sveltejs/kit';
import { addStep, getTemplateForKeeper } from '$lib/server/features/playbook/playbook.templates.service';
import { textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { STEP_FIELDS } from '$lib/components/playbook/step-fields';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const page = await backofficeLoad(
		event,
		getTemplateForKeeper(event.locals.ctx, { unverifiedSlug: event.params.sjabloon })
	);
	const phases = page.template.content.phases.map((p) => ({ key: p.key, title: p.title }));
	const asked = event.url.searchParams.get('fase');
	return {
		template: { slug: page.template.slug, title: page.template.title, phases },
		phaseKey: phases.find((p) => p.key === asked)?.key ?? phases[0]?.key ?? ''
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), STEP_FIELDS);
		const result = await backofficeAction(
			event,
			addStep(event.locals.ctx, { ...values, unverifiedSlug: event.params.sjabloon }),
			values
		);
		if (!result.ok) return result.failure;
		redirect(303, `/beheer/draaiboek/${event.params.sjabloon}/stappen/${result.value.key}?gelukt=toegevoegd`);
	}
};

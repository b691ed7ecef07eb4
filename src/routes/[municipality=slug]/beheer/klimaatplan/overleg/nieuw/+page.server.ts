import { redirect } from '@sveltejs/kit';
import { getMeetingForm, recordMeeting } from '$lib/server/features/climate-plan/climate-plan.meetings';
import { MEETING_KIND_SLUGS, MEETING_KINDS } from '$lib/domain/climate-plan-teams';
import { withFlash } from '$lib/server/platform/backoffice-pages';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

/** The kind from the address's Dutch word (`?soort=lunchgesprek`), or none yet. */
const kindOf = (slug: string | null) => MEETING_KINDS.find((k) => MEETING_KIND_SLUGS[k] === slug) ?? null;

export const load: PageServerLoad = async (event) => ({
	form: await backofficeLoad(
		event,
		getMeetingForm(event.locals.ctx, { kind: kindOf(event.url.searchParams.get('soort')) })
	)
});

export const actions: Actions = {
	default: async (event) => {
		const data = await event.request.formData();
		const text = textFields(data, ['kind', 'heldOn', 'department', 'team', 'notes']);
		const participants = listField(data, 'participants', 200);
		const representatives = listField(data, 'representative', 200);
		const values = { ...text, participants, representatives };
		const result = await backofficeAction(event, recordMeeting(event.locals.ctx, values), values);
		if (!result.ok) return result.failure;
		redirect(
			303,
			withFlash(`/${event.params.municipality}/beheer/klimaatplan/overleg/${result.value.id}`, 'genoteerd')
		);
	}
};

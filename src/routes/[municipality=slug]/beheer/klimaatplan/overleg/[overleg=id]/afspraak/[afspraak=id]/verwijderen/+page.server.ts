import {
	previewAgreementRemoval,
	removeAgreement
} from '$lib/server/features/climate-plan/climate-plan.meetings';
import type { RequestEvent } from './$types';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of removing an agreement that is still open.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event: RequestEvent) =>
		previewAgreementRemoval(ctx, {
			unverifiedMeetingId: event.params.overleg,
			unverifiedId: event.params.afspraak
		}),
	input: (_form, event: RequestEvent) => ({
		unverifiedMeetingId: event.params.overleg,
		unverifiedId: event.params.afspraak
	}),
	act: removeAgreement,
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan/overleg/${result.meetingId}`, 'afspraak-weg')
});

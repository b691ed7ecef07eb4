import {
	previewMomentRemoval,
	removeCommunicationMoment
} from '$lib/server/features/communication/communication.service';
import { confirmStep } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

// The GET says which moment and which texts go; the POST removes them.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) =>
		previewMomentRemoval(ctx, {
			unverifiedPlanId: event.params.plan,
			unverifiedMomentId: event.params.moment
		}),
	input: (form, event) => ({
		...textFields(form, ['confirm']),
		unverifiedPlanId: event.params.plan,
		unverifiedMomentId: event.params.moment
	}),
	act: removeCommunicationMoment,
	keep: () => ({}),
	done: (result, event) =>
		`/${event.params.municipality}/beheer/communicatie/${result.planId}?gelukt=verwijderd`
});

import {
	previewMeetingRemoval,
	removeMeeting
} from '$lib/server/features/climate-plan/climate-plan.meetings';
import type { RequestEvent } from './$types';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of removing a meeting with its agreements and tasks.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event: RequestEvent) =>
		previewMeetingRemoval(ctx, { unverifiedId: event.params.overleg }),
	input: (_form, event: RequestEvent) => ({ unverifiedId: event.params.overleg }),
	act: removeMeeting,
	done: (_result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan/overleg`, 'verwijderd')
});

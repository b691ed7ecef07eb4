import {
	closeDiagnosisRound,
	previewRoundClosing
} from '$lib/server/features/climate-plan/climate-plan.diagnosis';
import type { RequestEvent } from './$types';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of closing a round of the diagnosis.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event: RequestEvent) =>
		previewRoundClosing(ctx, { unverifiedId: event.params.ronde }),
	input: (_form, event: RequestEvent) => ({ unverifiedId: event.params.ronde }),
	act: closeDiagnosisRound,
	done: (_result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan/diagnose`, 'afgesloten')
});

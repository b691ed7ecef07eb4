import { previewTeamRemoval, removeTeam } from '$lib/server/features/climate-plan/climate-plan.teams';
import type { RequestEvent } from './$types';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of removing a climate team.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event: RequestEvent) => previewTeamRemoval(ctx, { unverifiedId: event.params.team }),
	input: (_form, event: RequestEvent) => ({ unverifiedId: event.params.team }),
	act: removeTeam,
	done: (_result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan/teams`, 'opgeheven')
});

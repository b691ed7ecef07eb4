import {
	previewTeamMemberRemoval,
	removeMemberFromTeam
} from '$lib/server/features/climate-plan/climate-plan.teams';
import type { RequestEvent } from './$types';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of taking a member out of a climate team.
export const { load, actions } = confirmStep({
	preview: (ctx, query, event: RequestEvent) =>
		previewTeamMemberRemoval(ctx, { unverifiedId: event.params.team, person: query.get('persoon') ?? '' }),
	input: (form, event: RequestEvent) => ({
		unverifiedId: event.params.team,
		person: String(form.get('persoon') ?? '')
	}),
	act: removeMemberFromTeam,
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan/teams/${result.teamId}`, 'lid-weg')
});

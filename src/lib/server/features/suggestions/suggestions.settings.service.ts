// The settings of an opportunity of kind mapSuggestions in the back office: moderation mode, whether it takes
// suggestions and votes, a vote limit.
import type { Ctx } from '$lib/server/platform/context';
import { isAppError } from '$lib/server/platform/errors';
import { upsertSuggestionSettings, type SuggestionOpportunityRow } from './suggestions.queries';
import { settingsSchema } from './suggestions.admin.schemas';
import { type SuggestionSettingsView } from './suggestions.admin.present';
import {
	authorizeModeration,
	command,
	findSuggestionOpportunity,
	type OpportunityTarget
} from './suggestions.admin.access';
import type { RawInput } from '$lib/server/platform/validation';
import type { BackofficeScope } from '$lib/server/platform/backoffice';

/**
 * The settings of an opportunity of kind mapSuggestions for the opportunity's back-office page, or null when
 * it is of another kind, not under the action in the address, or the person may not moderate (the page then
 * simply shows no settings).
 */
export async function getSuggestionSettingsForBackoffice(
	ctx: Ctx,
	input: OpportunityTarget
): Promise<SuggestionSettingsView | null> {
	let scope: BackofficeScope;
	let row: SuggestionOpportunityRow;
	try {
		scope = await authorizeModeration(ctx);
		row = await findSuggestionOpportunity(ctx.db, scope, input);
	} catch (err) {
		if (isAppError(err)) return null;
		throw err;
	}
	const base = `/${scope.municipality.slug}/beheer`;
	return {
		opportunityId: row.id,
		moderation: row.moderation,
		submissionsOpen: row.submissionsOpen,
		votingOpen: row.votingOpen,
		voteLimit: row.voteLimit,
		queuePath: `${base}/suggesties?kans=${row.id}&wat=all`,
		csvPath: `${base}/kansen/${row.id}/suggesties.csv`,
		geojsonPath: `${base}/kansen/${row.id}/suggesties.geojson`
	};
}

export const changeSuggestionSettings = command({
	load: (ctx, scope, input: OpportunityTarget & RawInput<typeof settingsSchema>) =>
		findSuggestionOpportunity(ctx.db, scope, input),
	schema: settingsSchema,
	execute: async (tx, { scope, loaded: before, values, record }) => {
		await upsertSuggestionSettings(tx, {
			municipalityId: scope.municipality.id,
			opportunityId: before.id,
			...values
		});
		const changed = (['moderation', 'submissionsOpen', 'votingOpen', 'voteLimit'] as const).filter(
			(k) => before[k] !== values[k]
		);
		if (changed.length === 0) return;
		record.audit({
			action: 'suggestion.settings_changed',
			details: {
				opportunityId: before.id,
				name: before.title,
				changed,
				before: Object.fromEntries(changed.map((k) => [k, before[k]])),
				after: Object.fromEntries(changed.map((k) => [k, values[k]]))
			}
		});
	}
});

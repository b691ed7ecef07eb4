// The rules every suggestions use case starts from: which opportunity, whether it takes suggestions and
// votes now, and whether the person asking may contribute. Services call these before they act.
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { canContribute, canModerateSuggestions } from './suggestions.policy';
import {
	findOpportunityTenant,
	findSuggestionTenant,
	getSuggestionOpportunity,
	isBlocked,
	type SuggestionOpportunityRow
} from './suggestions.queries';
import type { Actor, MunicipalityTarget } from '$lib/server/platform/policy';

export interface SuggestionOpportunity extends SuggestionOpportunityRow {
	/** Inside the opportunity's window now. */
	open: boolean;
	/** People may add suggestions now (window open and submissions not switched off). */
	acceptsSuggestions: boolean;
	/** People may support suggestions now (window open and voting not switched off). */
	acceptsVotes: boolean;
	/** The path of the opportunity's page of suggestions. */
	path: string;
	target: MunicipalityTarget;
}

export function isOpenAt(window: { opensAt: Date | null; closesAt: Date | null }, now: Date): boolean {
	return (!window.opensAt || window.opensAt <= now) && (!window.closesAt || window.closesAt > now);
}

export function opportunityPath(municipalitySlug: string, opportunityId: number): string {
	return `/${municipalitySlug}/kansen/${opportunityId}`;
}

export function suggestionPath(municipalitySlug: string, suggestion: { id: number; slug: string }): string {
	return `/${municipalitySlug}/suggesties/${suggestion.id}-${suggestion.slug}`;
}

/**
 * The opportunity of the municipality in ctx, when it takes suggestions. Its action must be public, except
 * for the municipality's moderators (who prepare it). Anything else is simply not found.
 */
export async function loadOpportunity(
	ctx: TenantCtx,
	input: { opportunityId: number; now?: Date }
): Promise<SuggestionOpportunity> {
	const now = input.now ?? new Date();
	const row = await getSuggestionOpportunity(ctx.db, {
		municipalityId: ctx.tenant.id,
		opportunityId: input.opportunityId,
		now
	});
	if (!row) throw new AppError('not_found');
	const target = { municipalityId: row.municipalityId, regionId: row.regionId };
	if (!row.publicAction && !canModerateSuggestions(ctx.actor ?? null, target))
		throw new AppError('not_found');
	const open = row.publicAction && isOpenAt(row, now);
	return {
		...row,
		open,
		acceptsSuggestions: open && row.submissionsOpen,
		acceptsVotes: open && row.votingOpen,
		path: opportunityPath(row.municipalitySlug, row.id),
		target
	};
}

/** The logged-in person, when they may contribute in this municipality; otherwise a refusal with a reason. */
export async function requireContributor(ctx: TenantCtx, db = ctx.db): Promise<Actor> {
	const actor = ctx.actor ?? null;
	if (!actor) throw new AppError('unauthenticated');
	const blocked = await isBlocked(db, { municipalityId: ctx.tenant.id, userId: actor.userId });
	if (!canContribute(actor, blocked))
		throw new AppError('forbidden', { message: 'suggestions.errors.blocked' });
	return actor;
}

/** For the API, where the URL names only an opportunity: its municipality when it takes part, else not found. */
export async function tenantOfOpportunity(ctx: Ctx, opportunityId: number): Promise<TenantCtx> {
	const tenant = await findOpportunityTenant(ctx.db, { opportunityId });
	if (!tenant || !tenant.participating) throw new AppError('not_found');
	return { ...ctx, tenant: { id: tenant.id, slug: tenant.slug } };
}

/** The same for a suggestion named only by id. */
export async function tenantOfSuggestion(ctx: Ctx, suggestionId: number): Promise<TenantCtx> {
	const tenant = await findSuggestionTenant(ctx.db, { suggestionId });
	if (!tenant || !tenant.participating) throw new AppError('not_found');
	return { ...ctx, tenant: { id: tenant.id, slug: tenant.slug } };
}

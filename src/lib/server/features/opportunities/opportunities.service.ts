// Use cases of opportunities on the public side: the rung browser ("Hoeveel tijd wil je erin steken?") and the
// opportunities other features show beside their own (an action's page and cards, its poster).
import type { Ctx, Tenant, TenantCtx } from '$lib/server/platform/context';
import type { SearchPart } from '$lib/server/platform/feature';
import { actionPath } from '$lib/domain/actions';
import type { Db } from '$lib/server/db/client';
import { cached } from '$lib/server/platform/cache';
import { LADDER_RUNGS, type LadderRung } from '$lib/domain/ladder';
import { listParticipatingMunicipalities } from '$lib/server/features/municipalities/municipalities.service';
import {
	insertOpportunity,
	listOpportunitiesOfActions as listOpportunityRows,
	listWindowOpenOpportunities,
	searchOpportunities as searchOpportunityRows,
	type OpenOpportunityRow,
	type OpportunityRow
} from './opportunities.queries';
import { nextStepOf, type NextStep } from './opportunities.next-step';
import { presentOpenOpportunity, type OpenOpportunityView } from './opportunities.present';
import { PAGE_SIZE } from '$lib/server/features/actions/actions.schemas';

/**
 * The opportunities of some actions, in their order, for a feature that presents them with its own records
 * (an action's cards and page, its poster).
 */
export async function listOpportunitiesOfActions(
	ctx: { db: Db },
	input: { municipalityIds: string[]; actionIds: number[]; now?: Date }
): Promise<OpportunityRow[]> {
	return listOpportunityRows(ctx.db, input);
}

/**
 * Adds an opportunity to an action of the municipality inside another use case's transaction (a citizen
 * group's picked action gets its "Doe mee met de groep"). The caller writes the action's history; an action of
 * another municipality is not found.
 */
export async function addOpportunityInTransaction(
	tx: Db,
	input: {
		municipalityId: string;
		actionId: number;
		title: string;
		rung: LadderRung;
		kind: OpportunityRow['kind'];
		howTo: string;
		opensAt?: Date | null;
		closesAt?: Date | null;
		position?: number;
	}
): Promise<{ id: number }> {
	const row = await insertOpportunity(tx, input);
	if (!row) throw new Error('opportunity of another municipality');
	return { id: row.id };
}

/**
 * The opportunities' part of the site-wide search: those of public actions. A map of suggestions links to the
 * map; any other kind to its action's page, which lists it with its next step.
 */
export const searchOpportunities: SearchPart['find'] = async (ctx, input) => {
	const rows = await searchOpportunityRows(ctx.db, input);
	return {
		total: rows[0]?.total ?? 0,
		hits: rows.map((r) => ({
			title: r.title,
			href:
				r.kind === 'mapSuggestions'
					? `/${r.municipalitySlug}/kansen/${r.id}`
					: actionPath(r.municipalitySlug, r.actionId, r.actionSlug),
			summary: r.howTo,
			context: r.actionTitle,
			municipalityName: r.municipalityName
		}))
	};
};

// ---------------------------------------------------------------------------------------------
// "Hoeveel tijd wil je erin steken?": open opportunities by rung
// ---------------------------------------------------------------------------------------------

export interface RungBrowse {
	rung: LadderRung;
	items: OpenOpportunityView[];
	total: number;
	page: number;
	pageCount: number;
}

async function scope(ctx: Ctx, tenant: Tenant | undefined, participating?: boolean): Promise<string[]> {
	if (tenant) return participating === false ? [] : [tenant.id];
	return (await listParticipatingMunicipalities(ctx)).map((m) => m.id);
}

/** The opportunities open now (window open and a next step, `nextStepOf`), soonest closing first. */
async function listOpenNow(
	ctx: Ctx,
	municipalityIds: string[],
	themeSlug?: string
): Promise<{ row: OpenOpportunityRow; step: NextStep }[]> {
	const now = new Date();
	const rows = await listWindowOpenOpportunities(ctx.db, { municipalityIds, now, themeSlug });
	return rows.flatMap((row) => {
		const step = nextStepOf(row, rows, now);
		return step ? [{ row, step }] : [];
	});
}

/** Opportunities on one rung that are open now, in the municipality (or the whole region without one). */
export async function browseRung(
	ctx: Ctx,
	input: { rung: LadderRung; page: number; participating?: boolean }
): Promise<RungBrowse> {
	const municipalityIds = await scope(ctx, ctx.tenant, input.participating);
	const open = (await listOpenNow(ctx, municipalityIds)).filter((o) => o.row.rung === input.rung);
	const total = open.length;
	const start = (input.page - 1) * PAGE_SIZE;
	return {
		rung: input.rung,
		items: open.slice(start, start + PAGE_SIZE).map((o) => presentOpenOpportunity(o.row, o.step)),
		total,
		page: input.page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
}

/** For the "Hoeveel tijd wil je erin steken?" links: how many opportunities are open on each rung now. */
export async function countOpenByRung(
	ctx: Ctx,
	input: { participating?: boolean } = {}
): Promise<{ rung: LadderRung; count: number }[]> {
	const municipalityIds = await scope(ctx, ctx.tenant, input.participating);
	// The same for everyone: from the App's read cache (every write clears it, at most 10 seconds old).
	return cached(ctx.cache, `open-by-rung:${municipalityIds.join(',')}`, async () => {
		const open = await listOpenNow(ctx, municipalityIds);
		return LADDER_RUNGS.map((rung) => ({ rung, count: open.filter((o) => o.row.rung === rung).length }));
	});
}

/**
 * The municipality's opportunities open now, soonest closing first, of one rung or of actions of one theme when
 * asked: the "ways to take part" widget (opportunities.widgets.ts). The same for everyone, from the read cache.
 */
export async function listOpenOpportunities(
	ctx: TenantCtx,
	input: { rung?: LadderRung; themeSlug?: string; limit: number }
): Promise<{ items: OpenOpportunityView[]; total: number }> {
	const key = `open-opportunities:${ctx.tenant.id}:${input.rung ?? ''}:${input.themeSlug ?? ''}`;
	const open = await cached(ctx.cache, key, async () =>
		(await listOpenNow(ctx, [ctx.tenant.id], input.themeSlug)).filter(
			(o) => !input.rung || o.row.rung === input.rung
		)
	);
	return {
		items: open.slice(0, input.limit).map((o) => presentOpenOpportunity(o.row, o.step)),
		total: open.length
	};
}

// Use cases of the back office for opportunities, the ways to take part in an action: read one, add, change,
// move and remove. Each authorizes first, then records the change in the action's history in the same
// transaction as the change.
import { DEFAULT_RUNG_OF_KIND } from '$lib/domain/actions';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import type { Db } from '$lib/server/db/client';
import { confirmSchema } from '$lib/server/features/actions/actions.admin.schemas';
import { writeActionHistory, type ActionHistoryEntry } from '$lib/server/features/actions/actions.history';
import { canManageOpportunities } from './opportunities.policy';
import {
	deleteOpportunity,
	getOpportunity,
	getOwningAction,
	insertOpportunity,
	listOpportunitiesOfActions,
	updateOpportunity
} from './opportunities.queries';
import { moveSchema, opportunitySchema } from './opportunities.schemas';
import { presentOpportunityForEdit } from './opportunities.present';
import { authorizeMunicipality, type BackofficeScope } from '$lib/server/platform/backoffice';
import type { RawInput } from '$lib/server/platform/validation';
import { parseId, parseSluggedId } from '$lib/domain/ids';

/** Only those who may manage the municipality's actions; anyone else is refused before anything is read. */
async function authorizeOpportunities(ctx: Ctx): Promise<BackofficeScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const allowed = canManageOpportunities(scope.actor, {
		municipalityId: scope.municipality.id,
		regionId: scope.municipality.regionId
	});
	if (!allowed) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'opportunities back office: change refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return scope;
}

/** Every use case here: managers only, changes written in the action's history. */
const { command } = commands<Ctx, BackofficeScope, ActionHistoryEntry>({
	authorize: authorizeOpportunities,
	writeAudit: writeActionHistory,
	fallback: 'backoffice.errors.invalid'
});

async function findAction(db: Db, municipalityId: string, unverifiedId: unknown) {
	const id = parseSluggedId(unverifiedId)?.id ?? null;
	const row = id === null ? undefined : await getOwningAction(db, { municipalityId, id });
	if (!row) throw new AppError('not_found');
	return row;
}

async function findOpportunity(db: Db, municipalityId: string, actionId: number, unverifiedId: unknown) {
	const id = parseId(unverifiedId);
	const row = id === null ? undefined : await getOpportunity(db, { municipalityId, actionId, id });
	if (!row) throw new AppError('not_found');
	return row;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type OpportunityTarget = { unverifiedActionId: unknown; unverifiedOpportunityId: unknown };

/** The action and the opportunity in the URL, both of this municipality, the opportunity under its action. */
async function loadTarget(ctx: Ctx, scope: BackofficeScope, input: OpportunityTarget) {
	const action = await findAction(ctx.db, scope.municipality.id, input.unverifiedActionId);
	const opportunity = await findOpportunity(
		ctx.db,
		scope.municipality.id,
		action.id,
		input.unverifiedOpportunityId
	);
	return { action, opportunity };
}

export const getOpportunityForBackoffice = command({
	load: loadTarget,
	present: ({ action, opportunity }) => ({
		action: { id: action.id, title: action.title },
		opportunity: presentOpportunityForEdit(opportunity)
	})
});

export const addOpportunity = command({
	load: (ctx, scope, input: { unverifiedActionId: unknown } & RawInput<typeof opportunitySchema>) =>
		findAction(ctx.db, scope.municipality.id, input.unverifiedActionId),
	schema: opportunitySchema,
	execute: async (tx, { scope, input, values, record }) => {
		const municipalityId = scope.municipality.id;
		const action = await findAction(tx, municipalityId, input.unverifiedActionId);
		const existing = await listOpportunitiesOfActions(tx, {
			municipalityIds: [municipalityId],
			actionIds: [action.id]
		});
		const row = await insertOpportunity(tx, {
			municipalityId,
			actionId: action.id,
			title: values.title,
			kind: values.kind,
			rung: values.rung ?? DEFAULT_RUNG_OF_KIND[values.kind],
			howTo: values.howTo,
			opensAt: values.opensAt,
			closesAt: values.closesAt,
			position: Math.max(-1, ...existing.map((o) => o.position)) + 1
		});
		if (!row) throw new AppError('not_found');
		record.audit({
			actionId: action.id,
			change: 'opportunity_added',
			details: { opportunityId: row.id, title: row.title, kind: row.kind, rung: row.rung }
		});
		return { id: row.id };
	}
});

export const changeOpportunity = command({
	load: (ctx, scope, input: OpportunityTarget & RawInput<typeof opportunitySchema>) =>
		loadTarget(ctx, scope, input),
	schema: opportunitySchema,
	execute: async (tx, { scope, input, loaded: { action }, values, record }) => {
		const municipalityId = scope.municipality.id;
		const before = await findOpportunity(tx, municipalityId, action.id, input.unverifiedOpportunityId);
		const next = {
			title: values.title,
			kind: values.kind,
			rung: values.rung ?? DEFAULT_RUNG_OF_KIND[values.kind],
			howTo: values.howTo,
			opensAt: values.opensAt,
			closesAt: values.closesAt
		};
		const changes: Record<string, { before: unknown; after: unknown }> = {};
		for (const field of Object.keys(next) as (keyof typeof next)[]) {
			if (!same(before[field], next[field])) changes[field] = { before: before[field], after: next[field] };
		}
		if (Object.keys(changes).length === 0) return { changed: false };
		await updateOpportunity(tx, { municipalityId, id: before.id, ...next });
		record.audit({
			actionId: action.id,
			change: 'opportunity_edited',
			details: { opportunityId: before.id, title: next.title, changes }
		});
		return { changed: true };
	}
});

export const removeOpportunity = command({
	load: (ctx, scope, input: OpportunityTarget & RawInput<typeof confirmSchema>) =>
		loadTarget(ctx, scope, input),
	schema: confirmSchema,
	execute: async (tx, { scope, input, loaded: { action }, record }) => {
		const municipalityId = scope.municipality.id;
		const row = await findOpportunity(tx, municipalityId, action.id, input.unverifiedOpportunityId);
		await deleteOpportunity(tx, { municipalityId, id: row.id });
		record.audit({
			actionId: action.id,
			change: 'opportunity_removed',
			details: { opportunityId: row.id, title: row.title, kind: row.kind, rung: row.rung }
		});
	}
});

/** Moves an opportunity one place up or down; positions are renumbered so the order stays unambiguous. */
export const moveOpportunity = command({
	load: (ctx, scope, input: OpportunityTarget & RawInput<typeof moveSchema>) => loadTarget(ctx, scope, input),
	schema: moveSchema,
	execute: async (tx, { scope, input, loaded: { action }, values: { direction }, record }) => {
		const municipalityId = scope.municipality.id;
		const moving = await findOpportunity(tx, municipalityId, action.id, input.unverifiedOpportunityId);
		const order = await listOpportunitiesOfActions(tx, {
			municipalityIds: [municipalityId],
			actionIds: [action.id]
		});
		const from = order.findIndex((o) => o.id === moving.id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (from < 0 || to < 0 || to >= order.length) return;
		const [moved] = order.splice(from, 1);
		order.splice(to, 0, moved!);
		for (const [index, row] of order.entries()) {
			if (row.position !== index)
				await updateOpportunity(tx, { municipalityId, id: row.id, position: index });
		}
		record.audit({
			actionId: action.id,
			change: 'opportunity_moved',
			details: { opportunityId: moving.id, title: moving.title, position: to + 1 }
		});
	}
});

// An opportunity or an update is found only under its own action, in its own municipality: every back-office use
// case that takes an opportunity or update id, given one of another municipality or of another action under the
// manager's own action id, answers not found and changes nothing (no row, no history, no event).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { actionHistory, actionUpdates, domainEvents, opportunities } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	buildAction,
	buildOpportunity,
	buildStaff,
	buildUpdate,
	getTenant
} from '$lib/server/testing/factories';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import * as opportunitiesAdmin from '$lib/server/features/opportunities/opportunities.admin.service';
import * as updates from './actions.updates.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let ctx: Ctx;
/** Geel's manager's own action, with one opportunity and a draft and a published update of its own. */
let own: { actionId: number; opportunityIds: number[]; draftId: number; publishedId: number };
/** Ids that are not the own action's: another action's of Geel, and Mol's. */
let foreign: { name: string; opportunityId: number; draftId: number; publishedId: number }[];
let mols: { actionId: number; opportunityId: number; draftId: number; publishedId: number };

async function actionWithParts(tenant: Tenant) {
	const action = await buildAction(database.db, tenant);
	const first = await buildOpportunity(database.db, tenant, action.id, { kind: 'vote', rung: 'advise' });
	const second = await buildOpportunity(database.db, tenant, action.id, { kind: 'actionDay' });
	const draft = await buildUpdate(database.db, tenant, action.id);
	const published = await buildUpdate(database.db, tenant, action.id, { published: true });
	return {
		actionId: action.id,
		opportunityIds: [first.id, second.id],
		draftId: draft.id,
		publishedId: published.id
	};
}

/** Every row the use cases could touch, as stored. */
async function snapshot() {
	const { db } = database;
	return {
		opportunities: await db.select().from(opportunities).orderBy(asc(opportunities.id)),
		updates: await db.select().from(actionUpdates).orderBy(asc(actionUpdates.id)),
		history: await db.select().from(actionHistory).orderBy(asc(actionHistory.id)),
		events: await db.select().from(domainEvents).orderBy(asc(domainEvents.id))
	};
}

const opportunityForm = {
	title: 'Overgenomen kans',
	kind: 'vote',
	rung: 'advise',
	howTo: 'Zo doe je mee.',
	opensAt: '2026-07-01T19:30',
	closesAt: '2026-07-01T22:00'
};
const updateForm = { title: 'Overgenomen nieuws', body: 'Dit hoort hier niet.' };

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	ctx = ctxAs(database.db, geel, (await buildStaff(database.db, geel, 'admin')).actor);
	own = await actionWithParts(geel);
	const neighbour = await actionWithParts(geel);
	const molAction = await actionWithParts(mol);
	mols = { ...molAction, opportunityId: molAction.opportunityIds[1]! };
	foreign = [
		{ name: 'another action of Geel', ...neighbour, opportunityId: neighbour.opportunityIds[1]! },
		{ name: 'an action of Mol', ...molAction, opportunityId: molAction.opportunityIds[1]! }
	];
});
afterAll(async () => {
	await database?.destroy();
});

/** Every use case that takes an opportunity or an update id, called with these ids under this action id. */
function everyUseCase(
	actionId: number,
	ids: { opportunityId: number; draftId: number; publishedId: number }
) {
	const action = { unverifiedActionId: String(actionId) };
	const opportunity = { ...action, unverifiedOpportunityId: String(ids.opportunityId) };
	const draft = { ...action, unverifiedUpdateId: String(ids.draftId) };
	const published = { ...action, unverifiedUpdateId: String(ids.publishedId) };
	return {
		getOpportunityForBackoffice: () => opportunitiesAdmin.getOpportunityForBackoffice(ctx, opportunity),
		changeOpportunity: () =>
			opportunitiesAdmin.changeOpportunity(ctx, { ...opportunity, ...opportunityForm }),
		removeOpportunity: () => opportunitiesAdmin.removeOpportunity(ctx, { ...opportunity, confirm: 'on' }),
		'moveOpportunity up': () => opportunitiesAdmin.moveOpportunity(ctx, { ...opportunity, direction: 'up' }),
		'moveOpportunity down': () =>
			opportunitiesAdmin.moveOpportunity(ctx, { ...opportunity, direction: 'down' }),
		getUpdateForBackoffice: () => updates.getUpdateForBackoffice(ctx, draft),
		changeUpdate: () => updates.changeUpdate(ctx, { ...draft, ...updateForm }),
		'changeUpdate (published)': () => updates.changeUpdate(ctx, { ...published, ...updateForm }),
		publishUpdate: () => updates.publishUpdate(ctx, draft),
		unpublishUpdate: () => updates.unpublishUpdate(ctx, published)
	};
}

describe('opportunities and updates under another action', () => {
	it('answers not found to every use case given ids of another action or municipality under the own action, and changes nothing', async () => {
		const before = await snapshot();
		for (const ids of foreign) {
			for (const [name, call] of Object.entries(everyUseCase(own.actionId, ids))) {
				await refusal(call(), 'not_found').catch((e: unknown) => {
					throw new Error(`${name} with the ids of ${ids.name}: ${String(e)}`);
				});
			}
		}
		expect(await snapshot()).toEqual(before);
	});

	it("answers not found to Mol's own action id with Mol's ids, and changes nothing", async () => {
		const before = await snapshot();
		for (const [name, call] of Object.entries(everyUseCase(mols.actionId, mols))) {
			await refusal(call(), 'not_found').catch((e: unknown) => {
				throw new Error(`${name} with Mol's action: ${String(e)}`);
			});
		}
		expect(await snapshot()).toEqual(before);
	});

	it('does each of them with the own ids, so the refusals above come from the ids alone', async () => {
		const mine = everyUseCase(own.actionId, {
			opportunityId: own.opportunityIds[1]!,
			draftId: own.draftId,
			publishedId: own.publishedId
		});
		expect((await mine.getOpportunityForBackoffice()).opportunity.title).toBeTruthy();
		expect((await mine.getUpdateForBackoffice()).update.id).toBe(own.draftId);
		await mine['moveOpportunity up']();
		await mine['moveOpportunity down']();
		expect(await mine.changeOpportunity()).toEqual({ changed: true });
		expect(await mine.changeUpdate()).toEqual({ changed: true });
		await mine.publishUpdate();
		await mine.unpublishUpdate();
		await mine.removeOpportunity();
		const history = await database.db.select().from(actionHistory).orderBy(asc(actionHistory.id));
		expect(history.filter((h) => h.actionId === own.actionId).map((h) => h.change)).toEqual([
			'opportunity_moved',
			'opportunity_moved',
			'opportunity_edited',
			'update_edited',
			'update_published',
			'update_unpublished',
			'opportunity_removed'
		]);
	});
});

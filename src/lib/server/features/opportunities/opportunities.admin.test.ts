// The back office of opportunities against a real database: adding with the usual rung, the window in
// Brussels time, moving and removing with the action's history, and an opportunity found only under its own
// action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actionHistory, opportunities } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { getTenant, buildStaff } from '$lib/server/testing/factories';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { createAction, getActionForBackoffice } from '$lib/server/features/actions/actions.admin.service';
import * as admin from './opportunities.admin.service';
import { brusselsLocalToDate, dateToBrusselsLocal } from './opportunities.schemas';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let A: Tenant;
let ctx: Ctx;

const valid = {
	title: 'Ontharden van het Marktpleintje',
	summary: 'We halen tegels weg en planten bomen.',
	body: 'Eerst **overleg**, dan de werf.',
	decided: '',
	status: 'planned',
	ownerKind: 'department',
	ownerName: 'Dienst Omgeving',
	startsOn: '2026-09-01',
	endsOn: '2026-12-31',
	placeName: 'Markt',
	lat: '51,1617',
	lng: '4,9904',
	imageAlt: '',
	links: [] as { label: string; url: string }[]
};

async function historyOf(actionId: number) {
	return database.db
		.select()
		.from(actionHistory)
		.where(eq(actionHistory.actionId, actionId))
		.orderBy(actionHistory.id);
}

beforeAll(async () => {
	database = await createTestDatabase();
	// Geel: the form's place (51,1617 4,9904) is Geel's Markt, which the place check refuses for any other municipality.
	A = await getTenant(database.db, 'geel');
	ctx = ctxAs(database.db, A, (await buildStaff(database.db, A, 'communication')).actor);
});
afterAll(async () => {
	await database?.destroy();
});

describe('opportunities', () => {
	it('adds with the usual rung of the kind, reads the window in Brussels time, moves and removes after confirmation', async () => {
		const { id } = await createAction(ctx, valid);
		const first = await admin.addOpportunity(ctx, {
			unverifiedActionId: id,
			title: 'Plantdag',
			kind: 'actionDay',
			rung: '',
			opensAt: '2026-07-01T19:30',
			closesAt: '2026-07-01T22:00'
		});
		const second = await admin.addOpportunity(ctx, {
			unverifiedActionId: id,
			title: 'Stem mee',
			kind: 'vote',
			rung: 'advise',
			opensAt: '2026-01-15T19:30'
		});
		const [row] = await database.db.select().from(opportunities).where(eq(opportunities.id, first.id));
		expect(row).toMatchObject({ rung: 'coproduce', position: 0 });
		expect(row!.opensAt!.toISOString()).toBe('2026-07-01T17:30:00.000Z');
		const [winter] = await database.db.select().from(opportunities).where(eq(opportunities.id, second.id));
		expect(winter).toMatchObject({ rung: 'advise', position: 1 });
		expect(winter!.opensAt!.toISOString()).toBe('2026-01-15T18:30:00.000Z');

		const wrong = await refusal(
			admin.addOpportunity(ctx, {
				unverifiedActionId: id,
				title: '',
				kind: 'dansen',
				rung: 'top',
				opensAt: '2026-07-01T20:00',
				closesAt: '2026-07-01T19:00',
				howTo: 'x'.repeat(5_001)
			}),
			'validation'
		);
		expect(wrong.options.fields).toEqual({
			title: ['actionsAdmin.errors.opportunityTitleRequired'],
			kind: ['actionsAdmin.errors.kind'],
			rung: ['actionsAdmin.errors.rung'],
			howTo: ['actionsAdmin.errors.howToTooLong']
		});
		const window = await refusal(
			admin.addOpportunity(ctx, {
				unverifiedActionId: id,
				title: 'Fout',
				kind: 'vote',
				opensAt: '2026-07-01T20:00',
				closesAt: '2026-07-01T19:00'
			}),
			'validation'
		);
		expect(window.options.fields).toEqual({ closesAt: ['actionsAdmin.errors.closesBeforeOpens'] });

		await admin.changeOpportunity(ctx, {
			unverifiedActionId: id,
			unverifiedOpportunityId: first.id,
			title: 'Grote plantdag',
			kind: 'actionDay',
			rung: '',
			opensAt: '2026-07-01T19:30',
			closesAt: '2026-07-01T22:00'
		});
		await admin.moveOpportunity(ctx, {
			unverifiedActionId: id,
			unverifiedOpportunityId: second.id,
			direction: 'up'
		});
		const page = await getActionForBackoffice(ctx, { unverifiedActionId: id });
		expect(page.opportunities.map((o) => o.title)).toEqual(['Stem mee', 'Grote plantdag']);
		expect(page.opportunities[1]!.opensLocal).toBe('2026-07-01T19:30');

		await refusal(
			admin.removeOpportunity(ctx, { unverifiedActionId: id, unverifiedOpportunityId: first.id }),
			'validation'
		);
		await admin.removeOpportunity(ctx, {
			unverifiedActionId: id,
			unverifiedOpportunityId: first.id,
			confirm: 'on'
		});
		expect(await database.db.$count(opportunities, eq(opportunities.id, first.id))).toBe(0);

		expect((await historyOf(id)).map((h) => h.change)).toEqual([
			'created',
			'opportunity_added',
			'opportunity_added',
			'opportunity_edited',
			'opportunity_moved',
			'opportunity_removed'
		]);
		// An opportunity is only found under its own action.
		const other = await createAction(ctx, valid);
		await refusal(
			admin.changeOpportunity(ctx, {
				unverifiedActionId: other.id,
				unverifiedOpportunityId: second.id,
				title: 'X',
				kind: 'vote'
			}),
			'not_found'
		);
	});

	it('converts Brussels wall-clock time both ways, also around the clock change', () => {
		expect(brusselsLocalToDate('2026-03-29T03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(brusselsLocalToDate('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(brusselsLocalToDate('2026-02-30T10:00')).toBeNull();
		expect(brusselsLocalToDate('2026-02-10T25:00')).toBeNull();
		expect(brusselsLocalToDate('2026-03-29T02:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(dateToBrusselsLocal(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01T00:30');
	});
});

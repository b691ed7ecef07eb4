// The public side of opportunities against a real database: the rung browser ("Hoeveel wil je doen?") shows
// what is open now, of public actions only, per municipality and for the region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '$lib/server/db/client';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildParticipatingMunicipality, getTenant } from '$lib/server/testing/factories';
import {
	archiveAction,
	insertAction,
	publishAction,
	type ActionFields
} from '$lib/server/features/actions/actions.queries';
import { insertOpportunity, type OpportunityFields } from './opportunities.queries';
import { browseRung, countOpenByRung } from './opportunities.service';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
const HOUR = 3_600_000;

async function buildAction(
	tenant: Tenant,
	fields: Partial<ActionFields> & { title: string },
	options: { publish?: boolean; publishedAt?: Date; opportunities?: OpportunityFields[] } = {}
) {
	const slug = fields.title
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	const row = await insertAction(db, { municipalityId: tenant.id, ...fields, slug });
	for (const o of options.opportunities ?? [])
		await insertOpportunity(db, { municipalityId: tenant.id, actionId: row.id, ...o });
	if (options.publish !== false)
		await publishAction(db, { municipalityId: tenant.id, id: row.id, at: options.publishedAt });
	return row;
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	olen = await getTenant(db, 'olen'); // does not take part

	await buildAction(
		geel,
		{ title: 'Ontharding van het Marktplein', status: 'inProgress' },
		{
			opportunities: [
				{ title: 'Plantdag', rung: 'coproduce', kind: 'actionDay' },
				{ title: 'Stem mee', rung: 'consult', kind: 'vote', closesAt: new Date(Date.now() - HOUR) }
			]
		}
	);
	await buildAction(
		geel,
		{ title: 'Énergiecoöperatie Geel', status: 'planned' },
		{
			opportunities: [
				{
					title: 'Denk mee in de werkgroep',
					rung: 'advise',
					kind: 'workingGroup',
					opensAt: new Date(Date.now() - HOUR),
					closesAt: new Date(Date.now() + 48 * HOUR)
				},
				{
					title: 'Later: burgergroep',
					rung: 'selfManage',
					kind: 'citizenGroup',
					opensAt: new Date(Date.now() + 24 * HOUR)
				}
			]
		}
	);
	// Open opportunities of actions that are not public: a draft, an archived and a scheduled action.
	const open = [{ title: 'Help mee', rung: 'advise', kind: 'workingGroup' }] satisfies OpportunityFields[];
	await buildAction(geel, { title: 'Geheim ontwerp over bomen' }, { publish: false, opportunities: open });
	const archived = await buildAction(geel, { title: 'Gearchiveerde boomactie' }, { opportunities: open });
	await archiveAction(db, { municipalityId: geel.id, id: archived.id });
	await buildAction(
		geel,
		{ title: 'Later gepubliceerd' },
		{ publishedAt: new Date(Date.now() + 24 * HOUR), opportunities: open }
	);
	await buildAction(
		mol,
		{ title: 'Bomen planten in Mol', status: 'inProgress' },
		{ opportunities: [{ title: 'Help planten in Mol', rung: 'coproduce', kind: 'volunteer' }] }
	);
	await buildAction(
		olen,
		{ title: 'Olen doet nog niet mee' },
		{ opportunities: [{ title: 'Plant in Olen', rung: 'coproduce', kind: 'volunteer' }] }
	);
});
afterAll(async () => {
	await database?.destroy();
});

describe('browsing by rung ("Hoeveel wil je doen?")', () => {
	it('shows opportunities open now, with their action; not closed, not yet open, not of drafts', async () => {
		const advise = await browseRung(buildCtx(db, geel), { rung: 'advise', page: 1 });
		expect(advise.items.map((o) => o.title)).toEqual(['Denk mee in de werkgroep']);
		expect(advise.items[0]?.action.title).toBe('Énergiecoöperatie Geel');
		expect((await browseRung(buildCtx(db, geel), { rung: 'consult', page: 1 })).items).toEqual([]);
		expect((await browseRung(buildCtx(db, geel), { rung: 'selfManage', page: 1 })).items).toEqual([]);
		const coproduce = await browseRung(buildCtx(db, geel), { rung: 'coproduce', page: 1 });
		expect(coproduce.items.map((o) => o.title)).toEqual(['Plantdag']);
	});

	it('counts open opportunities per rung; the region sums its municipalities', async () => {
		const geelCounts = await countOpenByRung(buildCtx(db, geel));
		expect(geelCounts.find((c) => c.rung === 'coproduce')?.count).toBe(1);
		expect(geelCounts.find((c) => c.rung === 'consult')?.count).toBe(0);
		expect(geelCounts).toHaveLength(6);
		const region = await countOpenByRung(buildCtx(db));
		expect(region.find((c) => c.rung === 'coproduce')?.count).toBe(2);
	});
});

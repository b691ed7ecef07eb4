// The public side of opportunities against a real database: the rung browser ("Hoeveel tijd wil je erin steken?") shows
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
import { getActionPage } from '$lib/server/features/actions/actions.service';
import { upsertSuggestionSettings } from '$lib/server/features/suggestions/suggestions.queries';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
let marktplein: { id: number };
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

	marktplein = await buildAction(
		geel,
		{ title: 'Ontharding van het Marktplein', status: 'inProgress' },
		{
			opportunities: [
				// Open, but no way to register yet (events): not open.
				{ title: 'Plantdag', rung: 'coproduce', kind: 'actionDay' },
				{ title: 'Stem mee', rung: 'consult', kind: 'vote', closesAt: new Date(Date.now() - HOUR) },
				{ title: 'Plekken voor planten', rung: 'coproduce', kind: 'mapSuggestions' },
				{ title: 'Stem voor de plekken', rung: 'consult', kind: 'vote' }
			]
		}
	);
	await buildAction(
		geel,
		{ title: 'Énergiecoöperatie Geel', status: 'planned' },
		{
			opportunities: [
				// Open, but no way to join a group yet: not open.
				{
					title: 'Denk mee in de werkgroep',
					rung: 'advise',
					kind: 'workingGroup',
					opensAt: new Date(Date.now() - HOUR),
					closesAt: new Date(Date.now() + 48 * HOUR)
				},
				{ title: 'Volg de coöperatie', rung: 'advise', kind: 'readUpdates' },
				// A vote without a map to vote on: nothing to do, not open.
				{ title: 'Kies een dak', rung: 'consult', kind: 'vote' },
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
	const open = [{ title: 'Help mee', rung: 'advise', kind: 'readUpdates' }] satisfies OpportunityFields[];
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
		{ opportunities: [{ title: 'Plekken voor bomen in Mol', rung: 'coproduce', kind: 'mapSuggestions' }] }
	);
	await buildAction(
		olen,
		{ title: 'Olen doet nog niet mee' },
		{ opportunities: [{ title: 'Plekken in Olen', rung: 'coproduce', kind: 'mapSuggestions' }] }
	);
});
afterAll(async () => {
	await database?.destroy();
});

describe('browsing by rung ("Hoeveel tijd wil je erin steken?")', () => {
	it('shows opportunities open now with a next step, with their action; not closed, not yet open, not of drafts', async () => {
		const advise = await browseRung(buildCtx(db, geel), { rung: 'advise', page: 1 });
		expect(advise.items.map((o) => o.title)).toEqual(['Volg de coöperatie']);
		expect(advise.items[0]?.action.title).toBe('Énergiecoöperatie Geel');
		expect((await browseRung(buildCtx(db, geel), { rung: 'selfManage', page: 1 })).items).toEqual([]);
	});

	it('never shows an opportunity without a working next step as open (bug: plantdag, werkgroep, vote without a map)', async () => {
		const coproduce = await browseRung(buildCtx(db, geel), { rung: 'coproduce', page: 1 });
		expect(coproduce.items.map((o) => o.title)).toEqual(['Plekken voor planten']);
		const consult = await browseRung(buildCtx(db, geel), { rung: 'consult', page: 1 });
		expect(consult.items.map((o) => o.title)).toEqual(['Stem voor de plekken']);
		const advise = await browseRung(buildCtx(db, geel), { rung: 'advise', page: 1 });
		expect(advise.items.map((o) => o.title)).not.toContain('Denk mee in de werkgroep');
	});

	it('gives each open opportunity its one next step: the map, the map to vote on, or following the action', async () => {
		const [map] = (await browseRung(buildCtx(db, geel), { rung: 'coproduce', page: 1 })).items;
		expect(map?.nextStep).toEqual({ kind: 'suggest', href: `/geel/kansen/${map!.id}` });
		const [vote] = (await browseRung(buildCtx(db, geel), { rung: 'consult', page: 1 })).items;
		expect(vote?.nextStep).toEqual({ kind: 'vote', href: `/geel/kansen/${map!.id}` });
		const [follow] = (await browseRung(buildCtx(db, geel), { rung: 'advise', page: 1 })).items;
		expect(follow?.nextStep).toEqual({ kind: 'follow', href: `${follow!.action.path}#volgen` });
	});

	it('counts open opportunities per rung by the same rule; the region sums its municipalities', async () => {
		const geelCounts = await countOpenByRung(buildCtx(db, geel));
		expect(geelCounts.find((c) => c.rung === 'coproduce')?.count).toBe(1);
		expect(geelCounts.find((c) => c.rung === 'consult')?.count).toBe(1);
		expect(geelCounts.find((c) => c.rung === 'advise')?.count).toBe(1);
		expect(geelCounts).toHaveLength(6);
		const region = await countOpenByRung(buildCtx(db));
		expect(region.find((c) => c.rung === 'coproduce')?.count).toBe(2);
	});

	it('an action page marks the same ones open, and the others as not online yet', async () => {
		const page = await getActionPage(buildCtx(db, geel), { id: marktplein.id, slug: '' });
		const byTitle = Object.fromEntries(page.action.opportunities.map((o) => [o.title, o]));
		expect(byTitle['Plantdag']).toMatchObject({ open: false, offline: true, nextStep: null });
		expect(byTitle['Stem mee']).toMatchObject({ open: false, offline: false, nextStep: null });
		expect(byTitle['Plekken voor planten']?.open).toBe(true);
		expect(byTitle['Stem voor de plekken']?.nextStep?.href).toBe(
			`/geel/kansen/${byTitle['Plekken voor planten']!.id}`
		);
	});
});

describe('a map whose suggestion settings are closed (bug: open while the map took nothing)', () => {
	let kasterlee: Tenant;
	let closed: { id: number };
	let votesOnly: { id: number };

	/** An action with a map (its settings as given) and a vote on that map. */
	async function mapAndVote(title: string, settings: { submissionsOpen: boolean; votingOpen: boolean }) {
		const action = await buildAction(
			kasterlee,
			{ title, status: 'inProgress' },
			{
				opportunities: [
					{ title: `${title}: plekken`, rung: 'coproduce', kind: 'mapSuggestions' },
					{ title: `${title}: stem`, rung: 'consult', kind: 'vote' }
				]
			}
		);
		const page = await getActionPage(buildCtx(db, kasterlee), { id: action.id, slug: '' });
		const map = page.action.opportunities.find((o) => o.title === `${title}: plekken`)!;
		await upsertSuggestionSettings(db, { municipalityId: kasterlee.id, opportunityId: map.id, ...settings });
		return action;
	}

	beforeAll(async () => {
		kasterlee = await buildParticipatingMunicipality(db, 'kasterlee');
		closed = await mapAndVote('Daken', { submissionsOpen: false, votingOpen: false });
		votesOnly = await mapAndVote('Pleinen', { submissionsOpen: false, votingOpen: true });
	});

	it('is not open when it takes no suggestions, and a vote on it is open only while it takes votes', async () => {
		const coproduce = await browseRung(buildCtx(db, kasterlee), { rung: 'coproduce', page: 1 });
		expect(coproduce.items).toEqual([]);
		const consult = await browseRung(buildCtx(db, kasterlee), { rung: 'consult', page: 1 });
		expect(consult.items.map((o) => o.title)).toEqual(['Pleinen: stem']);
		const counts = await countOpenByRung(buildCtx(db, kasterlee));
		expect(counts.find((c) => c.rung === 'coproduce')?.count).toBe(0);
		expect(counts.find((c) => c.rung === 'consult')?.count).toBe(1);
	});

	it("the action's page says the same", async () => {
		const daken = await getActionPage(buildCtx(db, kasterlee), { id: closed.id, slug: '' });
		expect(Object.fromEntries(daken.action.opportunities.map((o) => [o.title, o.open]))).toEqual({
			'Daken: plekken': false,
			'Daken: stem': false
		});
		const pleinen = await getActionPage(buildCtx(db, kasterlee), { id: votesOnly.id, slug: '' });
		const byTitle = Object.fromEntries(pleinen.action.opportunities.map((o) => [o.title, o]));
		expect(byTitle['Pleinen: plekken']?.open).toBe(false);
		expect(byTitle['Pleinen: stem']?.nextStep?.href).toBe(
			`/kasterlee/kansen/${byTitle['Pleinen: plekken']!.id}`
		);
	});
});

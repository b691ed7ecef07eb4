// The impact indicators against the real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): every
// indicator's definition, the daily snapshot taken once, baselines, targets and entered figures with bad input
// refused, and who may see non-public figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNotNull, isNull, like, lte } from 'drizzle-orm';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { translate } from '$lib/i18n';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import {
	buildAction,
	buildEvent,
	buildOpportunity,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	actorOf,
	getTenant,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import { features } from '$lib/server/features';
import { defineFeature } from '$lib/server/platform/feature';
import { collectIndicators, takingPartOf } from '$lib/server/platform/indicators';
import {
	actions,
	auditLog,
	climatePactOutcomes,
	climatePlanDepartments,
	climatePlanMeetings,
	events,
	impactSnapshots,
	municipalities,
	opportunities,
	opportunityRungCounts,
	playbookTrajectories,
	users
} from '$lib/server/db/schema';
import { AppError } from '$lib/server/platform/errors';
import type { Actor } from '$lib/server/platform/policy';
import {
	brusselsDay,
	changeBaseline,
	changeTarget,
	enterFigure,
	getMunicipalityImpact,
	getPublicImpact,
	getPublicRegionImpact,
	getRegionImpact,
	getRegionImpactCsv,
	indicatorPeriod,
	indicatorValue,
	progress,
	recordBaselines,
	saveStrategy,
	takeDailySnapshots,
	thinOut,
	TREND_POINTS
} from './impact.service';
import { computeFigures, inLanes, indicatorsOf } from './impact.compute';
import { listRegionsWithMunicipalities, listTrendPoints, REGION_SCOPE } from './impact.queries';
import { trendChart } from './impact.charts';
import { impactWidget } from './impact.widgets';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let regionId: string;
let geelAdmin: Actor;
let geelAlderman: Actor;
let geelColleague: Actor;
let molAdmin: Actor;
let regionAdmin: Actor;

// Outside a municipality (tenant undefined) the use cases that need none ignore it.
const ctx = (tenant: Tenant | undefined, actor?: Actor) => buildCtx(database.db, tenant as Tenant, { actor });
const valueOf = async (key: string, tenant: Tenant) =>
	(await indicatorValue(ctx(undefined, regionAdmin), key, { municipality: tenant.id })).value;

async function person(tenant: Tenant, opts: { pool?: boolean; channel?: string } = {}) {
	const u = await buildUser(database.db);
	await database.db
		.update(users)
		.set({
			homeMunicipalityId: tenant.id,
			wantsToHelp: opts.pool ?? false,
			firstChannel: opts.channel ?? null
		})
		.where(eq(users.id, u.id));
	return u;
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	regionId = await regionIdOf(db, geel);
	geelAdmin = (await buildStaff(db, geel, 'admin')).actor;
	geelAlderman = (await buildStaff(db, geel, 'alderman')).actor;
	geelColleague = (await buildStaff(db, geel, 'colleague')).actor;
	molAdmin = (await buildStaff(db, mol, 'admin')).actor;
	const ra = await buildUser(db);
	await grantRegionRole(db, regionId, ra.id, 'regional_admin');
	regionAdmin = await actorOf(db, ra);
});

afterAll(async () => {
	await database?.destroy();
});

describe('the registry', () => {
	it('gathers every indicator of the impact map from the manifests, each key once', () => {
		const keys = indicatorsOf(features).map((p) => p.key);
		expect(keys).toEqual([
			'opportunities.rungs',
			'impact.climateActions',
			'accounts.climateMakers',
			'accounts.registeredUsers',
			'accounts.channels',
			'impact.externalStrategy',
			'impact.testing',
			'impact.strategies',
			'climatePlan.departments',
			'playbook.using',
			'impact.playbookAvailable',
			'playbook.extraThemes',
			'climatePact.trees',
			'climatePact.hedges',
			'climatePact.unpaving',
			'climatePact.rainwater',
			'climatePact.cyclePaths',
			'climatePact.chargingPoints',
			'climatePact.energyProjects',
			'climatePact.renovations'
		]);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('declares which indicators exist only for the region; one that counts municipalities must say so', () => {
		expect(
			indicatorsOf(features)
				.filter((p) => p.regionOnly)
				.map((p) => p.key)
		).toEqual([
			'impact.externalStrategy',
			'impact.testing',
			'impact.strategies',
			'playbook.using',
			'impact.playbookAvailable'
		]);
		const part = {
			key: 'test.counted',
			name: 'impact.indicators.testing.name',
			definition: 'impact.indicators.testing.definition',
			source: 'impact.indicators.testing.source',
			unit: 'impact.units.municipalities',
			kind: 'municipalities',
			target: { municipality: null, region: 3 },
			public: false,
			order: 1
		} as const;
		expect(() => collectIndicators([{ name: 'x', indicators: [part] }])).toThrow(/regionOnly/);
		expect(() =>
			collectIndicators([
				{
					name: 'x',
					indicators: [{ ...part, kind: 'count', regionOnly: true, target: { municipality: 2, region: 3 } }]
				}
			])
		).toThrow(/regionOnly/);
		expect(collectIndicators([{ name: 'x', indicators: [{ ...part, regionOnly: true }] }])).toHaveLength(1);
	});
});

describe('each indicator counts what its definition says', () => {
	it('registered users, the pool of climate makers and the channels, per municipality and summed', async () => {
		const before = await valueOf('accounts.registeredUsers', geel);
		await person(geel, { pool: true, channel: 'facebook' });
		await person(geel, { channel: 'magazine' });
		await person(geel, { channel: 'facebook' });
		await person(mol, { pool: true, channel: 'whatsapp' });
		const deleted = await person(geel, { pool: true });
		await database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
		expect(await valueOf('accounts.registeredUsers', geel)).toBe((before ?? 0) + 3);
		expect(await valueOf('accounts.climateMakers', geel)).toBe(1);
		expect(await valueOf('accounts.climateMakers', mol)).toBe(1);
		const channels = await indicatorValue(ctx(undefined, regionAdmin), 'accounts.channels', {
			municipality: geel.id
		});
		expect(channels.value).toBe(2);
		expect(channels.note).toBe('facebook 2, magazine 1');
		const region = await indicatorValue(ctx(undefined, regionAdmin), 'accounts.climateMakers', {
			region: regionId
		});
		expect(region.value).toBe(2);
		expect(region.source).toBe('computed');
		const regionChannels = await indicatorValue(ctx(undefined, regionAdmin), 'accounts.channels', {
			region: regionId
		});
		expect(regionChannels.value).toBe(3); // facebook, magazine, whatsapp: distinct, not summed
	});

	it('rungs with an offer: only opportunities of published actions, each rung once', async () => {
		const action = await buildAction(database.db, geel, { title: 'Bomen planten' });
		await buildOpportunity(database.db, geel, action.id, { kind: 'readUpdates', rung: 'inform' });
		await buildOpportunity(database.db, geel, action.id, { kind: 'readUpdates', rung: 'inform' });
		await buildOpportunity(database.db, geel, action.id, { kind: 'readUpdates', rung: 'coproduce' });
		const draft = await buildAction(database.db, geel, { publish: false });
		await buildOpportunity(database.db, geel, draft.id, { kind: 'readUpdates', rung: 'selfManage' });
		// Counted as all less those of the actions that do not count: a draft's, an archived action's and one
		// published tomorrow's are taken off their rung (inform keeps the published action's two).
		await buildOpportunity(database.db, geel, draft.id, { kind: 'readUpdates', rung: 'inform' });
		const archived = await buildAction(database.db, geel, { title: 'Afgesloten' });
		await buildOpportunity(database.db, geel, archived.id, { kind: 'readUpdates', rung: 'advise' });
		await buildOpportunity(database.db, geel, archived.id, { kind: 'readUpdates', rung: 'inform' });
		await database.db.update(actions).set({ archivedAt: new Date() }).where(eq(actions.id, archived.id));
		const later = await buildAction(database.db, geel, { title: 'Morgen' });
		await buildOpportunity(database.db, geel, later.id, { kind: 'readUpdates', rung: 'codecide' });
		await database.db
			.update(actions)
			.set({ publishedAt: new Date(Date.now() + 86_400_000) })
			.where(eq(actions.id, later.id));
		const v = await indicatorValue(ctx(undefined, regionAdmin), 'opportunities.rungs', {
			municipality: geel.id
		});
		expect(v.value).toBe(2);
		expect(v.note).toBe('Informeren 2, Coproduceren 1');
		// A municipality whose only opportunities do not count has none (no empty note).
		const onlyDraft = await buildAction(database.db, mol, { publish: false });
		await buildOpportunity(database.db, mol, onlyDraft.id, { kind: 'readUpdates', rung: 'inform' });
		const none = await indicatorValue(ctx(undefined, regionAdmin), 'opportunities.rungs', {
			municipality: mol.id
		});
		expect(none.value).toBe(0);
		expect(none.note).toBeNull();
	});

	it('rungs with an offer: published events of their own count too, an event of an opportunity once', async () => {
		const rungs = () =>
			indicatorValue(ctx(undefined, regionAdmin), 'opportunities.rungs', { municipality: geel.id });
		const before = await rungs();
		// An information evening of its own: one more option on a rung already offered.
		await buildEvent(database.db, geel, { kind: 'infoEvening', rung: 'inform' });
		expect(await rungs()).toMatchObject({ value: before.value, note: 'Informeren 3, Coproduceren 1' });
		// A draft, a cancelled event and the session of an opportunity offer nothing more.
		await buildEvent(database.db, geel, { rung: 'selfManage', status: 'draft', publishedAt: null });
		await buildEvent(database.db, geel, { rung: 'consult', status: 'cancelled', cancelledAt: new Date() });
		const action = await buildAction(database.db, geel, { title: 'Werkgroep ontharding' });
		const group = await buildOpportunity(database.db, geel, action.id, {
			kind: 'workingGroup',
			rung: 'codecide'
		});
		await buildEvent(database.db, geel, { rung: 'codecide', actionId: action.id, opportunityId: group.id });
		expect(await rungs()).toMatchObject({
			value: before.value! + 1,
			note: 'Informeren 3, Coproduceren 1, Meebeslissen 1'
		});
		// A published event on a rung not offered yet adds the rung; another municipality's counts for it alone.
		await buildEvent(database.db, geel, { rung: 'advise' });
		await buildEvent(database.db, mol, { rung: 'selfManage' });
		expect(await rungs()).toMatchObject({
			value: before.value! + 2,
			note: 'Informeren 3, Adviseren 1, Coproduceren 1, Meebeslissen 1'
		});
		const molRungs = await indicatorValue(ctx(undefined, regionAdmin), 'opportunities.rungs', {
			municipality: mol.id
		});
		expect(molRungs.note).toContain('Zelfbeheer 1');
	});

	it('rungs with an offer: the kept counts follow every write of opportunities and match a full recount', async () => {
		const db = database.db;
		// What the indicator said before the counts were kept (migration 0049): every opportunity of an action
		// published by now and not archived, per rung, plus the published events of their own.
		const recount = async (tenant: Tenant) => {
			const now = new Date();
			const of = await db
				.select({ rung: opportunities.rung, n: count() })
				.from(opportunities)
				.innerJoin(
					actions,
					and(
						eq(actions.id, opportunities.actionId),
						eq(actions.municipalityId, opportunities.municipalityId)
					)
				)
				.where(
					and(
						eq(opportunities.municipalityId, tenant.id),
						isNotNull(actions.publishedAt),
						lte(actions.publishedAt, now),
						isNull(actions.archivedAt)
					)
				)
				.groupBy(opportunities.rung);
			const own = await db
				.select({ rung: events.rung, n: count() })
				.from(events)
				.where(
					and(
						eq(events.municipalityId, tenant.id),
						eq(events.status, 'published'),
						isNull(events.opportunityId),
						isNotNull(events.publishedAt),
						lte(events.publishedAt, now)
					)
				)
				.groupBy(events.rung);
			const by = new Map<string, number>();
			for (const r of [...of, ...own]) by.set(r.rung, (by.get(r.rung) ?? 0) + Number(r.n));
			const rungs = LADDER_RUNGS.filter((r) => (by.get(r) ?? 0) > 0);
			return {
				value: rungs.length,
				note: rungs.length
					? rungs.map((r) => `${translate('nl', `ladder.${r}.name`)} ${by.get(r)}`).join(', ')
					: null
			};
		};
		// The kept rows against a count of every opportunity, per municipality and rung (rows at 0 may stay).
		const keptMatches = async () => {
			const all = await db
				.select({ m: opportunities.municipalityId, rung: opportunities.rung, n: count() })
				.from(opportunities)
				.groupBy(opportunities.municipalityId, opportunities.rung);
			const kept = await db.select().from(opportunityRungCounts);
			const counted = new Map(all.map((r) => [`${r.m}|${r.rung}`, Number(r.n)]));
			for (const k of kept) expect(k.n).toBe(counted.get(`${k.municipalityId}|${k.rung}`) ?? 0);
			for (const [key, n] of counted)
				expect(kept.find((k) => `${k.municipalityId}|${k.rung}` === key)?.n).toBe(n);
		};
		const check = async () => {
			await keptMatches();
			for (const tenant of [geel, mol]) {
				const v = await indicatorValue(ctx(undefined, regionAdmin), 'opportunities.rungs', {
					municipality: tenant.id
				});
				expect({ value: v.value, note: v.note }).toEqual(await recount(tenant));
			}
		};
		await check();
		// Created one at a time and in bulk (one statement of several rows).
		const action = await buildAction(db, geel, { title: 'Tellen' });
		const first = await buildOpportunity(db, geel, action.id, { kind: 'readUpdates', rung: 'consult' });
		await buildOpportunity(db, geel, action.id, { kind: 'readUpdates', rung: 'advise' });
		await db.insert(opportunities).values(
			(['inform', 'inform', 'selfManage'] as const).map((rung, i) => ({
				municipalityId: geel.id,
				actionId: action.id,
				title: `Bulk ${i}`,
				rung,
				kind: 'readUpdates' as const
			}))
		);
		await check();
		// Moved to another rung; a change of title alone moves nothing.
		await db.update(opportunities).set({ rung: 'codecide' }).where(eq(opportunities.id, first.id));
		await db.update(opportunities).set({ title: 'Anders' }).where(eq(opportunities.actionId, action.id));
		await check();
		// Deleted one by one, and the action unpublished, archived, published again.
		await db.delete(opportunities).where(eq(opportunities.id, first.id));
		await check();
		await db.update(actions).set({ publishedAt: null }).where(eq(actions.id, action.id));
		await check();
		await db
			.update(actions)
			.set({ publishedAt: new Date(), archivedAt: new Date() })
			.where(eq(actions.id, action.id));
		await check();
		await db.update(actions).set({ archivedAt: null }).where(eq(actions.id, action.id));
		await check();
		// An event of its own published, then cancelled.
		const evening = await buildEvent(db, mol, { kind: 'infoEvening', rung: 'advise' });
		await check();
		await db
			.update(events)
			.set({ status: 'cancelled', cancelledAt: new Date() })
			.where(eq(events.id, evening.id));
		await check();
		// Gone with their action (the cascade writes no code path of ours).
		const other = await buildAction(db, mol, { title: 'Weg' });
		await buildOpportunity(db, mol, other.id, { kind: 'readUpdates', rung: 'codecide' });
		await buildOpportunity(db, mol, other.id, { kind: 'readUpdates', rung: 'codecide' });
		await check();
		await db.delete(actions).where(eq(actions.id, other.id));
		await check();
	});

	it('climate actions: additional ones in execution against the start register', async () => {
		const early = await buildAction(database.db, geel, { title: 'Al bezig' });
		await database.db.update(actions).set({ status: 'inProgress' }).where(eq(actions.id, early.id));
		expect(await valueOf('impact.climateActions', geel)).toBe(1);
		// The start: the action in execution goes into the register and counts no more.
		await recordBaselines(ctx(undefined, regionAdmin), {});
		expect(await valueOf('impact.climateActions', geel)).toBe(0);
		const later = await buildAction(database.db, geel, { title: 'Nieuw' });
		expect(await valueOf('impact.climateActions', geel)).toBe(0); // an idea is not in execution
		await database.db.update(actions).set({ status: 'done' }).where(eq(actions.id, later.id));
		expect(await valueOf('impact.climateActions', geel)).toBe(1);
		const page = await getMunicipalityImpact(ctx(geel, geelAdmin));
		expect(page.startRegister.map((r) => r.title)).toEqual(['Al bezig']);
		const row = page.rows.find((r) => r.key === 'impact.climateActions')!;
		// Recorded after the register: the additional actions start at 0.
		expect(row.baseline?.value).toBe(0);
	});

	it('testing the platform: something published in the last 90 days', async () => {
		const now = new Date();
		const v = await indicatorValue(ctx(undefined, regionAdmin), 'impact.testing', { municipality: mol.id });
		expect(v.value).toBe(0);
		const map = await buildSuggestionOpportunity(database.db, mol);
		await buildSuggestion(database.db, mol, map.id);
		const after = await indicatorValue(ctx(undefined, regionAdmin), 'impact.testing', {
			municipality: mol.id
		});
		expect(after.value).toBe(1);
		// 91 days on, with nothing new, it no longer counts.
		const later = new Date(now.getTime() + 91 * 86_400_000);
		const old = await indicatorValue(
			ctx(undefined, regionAdmin),
			'impact.testing',
			{ municipality: mol.id },
			undefined,
			later
		);
		expect(old.value).toBe(0);
	});

	it('strategies: external with channels and agreements, both with the internal one', async () => {
		await saveStrategy(ctx(geel, geelAdmin), {
			channels: ['website', 'facebook'],
			agreements: '',
			internal: ''
		});
		expect(await valueOf('impact.externalStrategy', geel)).toBe(0);
		await saveStrategy(ctx(geel, geelAdmin), {
			channels: ['website', 'facebook'],
			agreements: 'Maandelijks een artikel in het infoblad; de jeugdraad deelt oproepen.',
			internal: ''
		});
		expect(await valueOf('impact.externalStrategy', geel)).toBe(1);
		expect(await valueOf('impact.strategies', geel)).toBe(0);
		await saveStrategy(ctx(geel, geelAdmin), {
			channels: ['website'],
			agreements: 'Afspraken met de jeugdraad.',
			internal: 'Elke dienst heeft een aanspreekpunt participatie.'
		});
		expect(await valueOf('impact.strategies', geel)).toBe(1);
		const region = await indicatorValue(ctx(undefined, regionAdmin), 'impact.strategies', {
			region: regionId
		});
		expect(region.value).toBe(1);
	});

	it('the playbook: municipalities using it, and extra policy themes beyond climate', async () => {
		const base = { templateTitle: 'Klimaatdoeners', templateVersion: 1, startsOn: '2026-01-01' };
		await database.db.insert(playbookTrajectories).values([
			{ ...base, municipalityId: mol.id, title: 'Klimaatdoeners Mol', theme: 'Klimaat' },
			{ ...base, municipalityId: mol.id, title: 'Speelpleinen', theme: 'Jeugd' },
			{ ...base, municipalityId: mol.id, title: 'Trage wegen', theme: 'Mobiliteit' },
			{ ...base, municipalityId: mol.id, title: 'Jeugd 2', theme: 'Jeugd' }
		]);
		expect(await valueOf('playbook.using', mol)).toBe(1);
		expect(await valueOf('playbook.extraThemes', mol)).toBe(2);
		expect(await valueOf('playbook.extraThemes', geel)).toBe(0);
	});

	it('departments taking part in the climate plan: one with a lunch talk counts, one without does not', async () => {
		const [green, finance] = await database.db
			.insert(climatePlanDepartments)
			.values([
				{ municipalityId: mol.id, name: 'Groendienst' },
				{ municipalityId: mol.id, name: 'Financiën' }
			])
			.returning({ id: climatePlanDepartments.id });
		expect(
			await indicatorValue(ctx(undefined, regionAdmin), 'climatePlan.departments', { municipality: mol.id })
		).toMatchObject({ value: 0, note: '0 van 2 diensten' });
		await database.db
			.insert(climatePlanMeetings)
			.values({ municipalityId: mol.id, kind: 'lunch_talk', heldOn: '2026-03-02', departmentId: green!.id });
		expect(finance).toBeDefined();
		expect(
			await indicatorValue(ctx(undefined, regionAdmin), 'climatePlan.departments', { municipality: mol.id })
		).toMatchObject({ value: 1, note: '1 van 2 diensten' });
	});

	it('the climate pact: verified quantities only, against the target from the inhabitants', async () => {
		const trees = () =>
			indicatorValue(ctx(undefined, regionAdmin), 'climatePact.trees', { municipality: mol.id });
		const before = (await trees()).value ?? 0;
		const outcome = { municipalityId: mol.id, source: 'action' as const, kind: 'trees' };
		await database.db.insert(climatePactOutcomes).values([
			{ ...outcome, quantity: 12, occurredOn: '2025-04-01', status: 'verified' as const },
			// A citizen's report not checked yet and one refused count for nothing (the table holds nothing before 2021).
			{
				...outcome,
				source: 'citizen' as const,
				quantity: 5,
				occurredOn: '2025-04-02',
				status: 'submitted' as const
			},
			{
				...outcome,
				source: 'citizen' as const,
				quantity: 7,
				occurredOn: '2025-04-03',
				status: 'refused' as const
			}
		]);
		expect((await trees()).value).toBe(before + 12);
		// Geel's page shows its own target: one tree per inhabitant.
		const [g] = await database.db
			.select({ inhabitants: municipalities.inhabitants })
			.from(municipalities)
			.where(eq(municipalities.id, geel.id));
		expect(g!.inhabitants).toBeGreaterThan(0);
		const page = await getMunicipalityImpact(ctx(geel, geelAdmin));
		expect(page.rows.find((r) => r.key === 'climatePact.trees')!.target).toBe(g!.inhabitants);
	});

	it('a figure the platform cannot count is entered with a note, and shown as entered, never as 0', async () => {
		const before = await indicatorValue(ctx(undefined, regionAdmin), 'impact.playbookAvailable', {
			region: regionId
		});
		expect(before.value).toBeNull();
		expect(before.source).toBe('entered');
		await enterFigure(ctx(undefined, regionAdmin), {
			unverifiedRegionId: regionId,
			scope: 'region',
			indicator: 'impact.playbookAvailable',
			value: '31',
			note: 'De 29 Kempense gemeenten en twee uit het Pajottenland.'
		});
		const after = await indicatorValue(ctx(undefined, regionAdmin), 'impact.playbookAvailable', {
			region: regionId
		});
		expect(after).toMatchObject({
			value: 31,
			source: 'entered',
			note: expect.stringContaining('Pajottenland')
		});
		await refusal(
			enterFigure(ctx(undefined, regionAdmin), {
				unverifiedRegionId: regionId,
				scope: 'region',
				indicator: 'accounts.registeredUsers',
				value: '5',
				note: 'x'
			}),
			'validation'
		);
	});
});

describe('the region’s figures are those of the municipalities taking part', () => {
	it('a municipality that does not take part keeps its own figures, but they do not move the region’s', async () => {
		const kasterlee = await getTenant(database.db, 'kasterlee');
		const admin = (await buildStaff(database.db, kasterlee, 'admin')).actor;
		const keys = [
			'accounts.registeredUsers',
			'accounts.climateMakers',
			'accounts.channels',
			'impact.climateActions',
			'impact.externalStrategy',
			'impact.strategies'
		];
		const region = async () => {
			const out: Record<string, number | null> = {};
			for (const key of keys)
				out[key] = (await indicatorValue(ctx(undefined, regionAdmin), key, { region: regionId })).value;
			return out;
		};
		const taking = async () =>
			(await listRegionsWithMunicipalities(database.db))
				.find((r) => r.id === regionId)!
				.municipalities.filter((m) => m.participating).length;
		const before = await region();
		const pageBefore = await getRegionImpact(ctx(undefined, regionAdmin), {});
		expect(pageBefore.takingPart).toBe(await taking());

		// Kasterlee does not take part: people, an action in execution and a strategy of its own.
		await person(kasterlee, { pool: true, channel: 'flyer' });
		await person(kasterlee, { channel: 'flyer' });
		const action = await buildAction(database.db, kasterlee, { title: 'Buiten de regio' });
		await database.db.update(actions).set({ status: 'inProgress' }).where(eq(actions.id, action.id));
		await saveStrategy(ctx(kasterlee, admin), {
			channels: ['website'],
			agreements: 'Elke maand in het infoblad.',
			internal: 'Een aanspreekpunt per dienst.'
		});
		expect(await valueOf('accounts.registeredUsers', kasterlee)).toBe(2);
		expect(await valueOf('accounts.climateMakers', kasterlee)).toBe(1);
		expect(await valueOf('impact.climateActions', kasterlee)).toBe(1);
		expect(await valueOf('impact.externalStrategy', kasterlee)).toBe(1);

		expect(await region()).toEqual(before);
		const page = await getRegionImpact(ctx(undefined, regionAdmin), {});
		for (const key of keys)
			expect(page.rows.find((r) => r.key === key)!.now).toBe(pageBefore.rows.find((r) => r.key === key)!.now);
		const row = page.municipalities.find((m) => m.slug === 'kasterlee')!;
		expect(row.participating).toBe(false);
		expect(row.figures.find((f) => f.key === 'accounts.climateMakers')!.value).toBe(1);
		const { csv } = await getRegionImpactCsv(ctx(undefined, regionAdmin), {});
		const csvLines = csv.replace('\uFEFF', '').trim().split(/\r\n/);
		expect(csvLines[0]!.endsWith('"Neemt deel"')).toBe(true);
		expect(csvLines.find((l) => l.startsWith('"Kasterlee";'))!.endsWith('"nee"')).toBe(true);
		expect(csvLines.find((l) => l.startsWith('"Geel";'))!.endsWith('"ja"')).toBe(true);
		// Computed for the snapshot, the region's figure is the same.
		const all = (await listRegionsWithMunicipalities(database.db)).find((r) => r.id === regionId)!;
		const [computed] = await computeFigures(database.db, {
			features,
			regionId,
			municipalityIds: all.municipalities.map((m) => m.id),
			takingPart: takingPartOf(all.municipalities),
			now: new Date(),
			keys: ['accounts.climateMakers']
		});
		expect(computed!.region.value).toBe(before['accounts.climateMakers']);

		// Once it takes part, the same figures count: the test is not one of zeros.
		await database.db
			.update(municipalities)
			.set({ participating: true })
			.where(eq(municipalities.id, kasterlee.id));
		try {
			const after = await region();
			expect(after['accounts.registeredUsers']).toBe(before['accounts.registeredUsers']! + 2);
			expect(after['accounts.climateMakers']).toBe(before['accounts.climateMakers']! + 1);
			expect(after['accounts.channels']).toBe(before['accounts.channels']! + 1);
			expect(after['impact.climateActions']).toBe(before['impact.climateActions']! + 1);
			expect(after['impact.externalStrategy']).toBe(before['impact.externalStrategy']! + 1);
			expect(after['impact.strategies']).toBe(before['impact.strategies']! + 1);
			expect((await getRegionImpact(ctx(undefined, regionAdmin), {})).takingPart).toBe(
				pageBefore.takingPart + 1
			);
			expect((await getPublicRegionImpact(ctx(undefined))).takingPart).toBe(pageBefore.takingPart + 1);
		} finally {
			await database.db
				.update(municipalities)
				.set({ participating: false })
				.where(eq(municipalities.id, kasterlee.id));
		}
	});
});

describe('the daily snapshot', () => {
	it('is stored once per day, however often the job runs, and answers for a past date', async () => {
		const base = Date.parse(`${brusselsDay(new Date(Date.now() + 10 * 86_400_000))}T10:00:00Z`);
		const at = (days: number, hours = 0) => new Date(base + days * 86_400_000 + hours * 3_600_000);
		const day = brusselsDay(at(0));
		const day1 = at(0);
		const first = await takeDailySnapshots({ db: database.db, features, now: day1 });
		expect(first.rows).toBeGreaterThan(0);
		const [again, alongside] = await Promise.all([
			takeDailySnapshots({ db: database.db, features, now: at(0, 5) }),
			takeDailySnapshots({ db: database.db, features, now: at(0, 6) })
		]);
		expect(again.rows + alongside.rows).toBe(0);
		const rows = await database.db
			.select({ id: impactSnapshots.id })
			.from(impactSnapshots)
			.where(and(eq(impactSnapshots.day, day), eq(impactSnapshots.indicatorKey, 'accounts.registeredUsers')));
		// The region and each of its municipalities, once.
		expect(rows.length).toBeGreaterThan(2);
		expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
		const distinct = await database.db
			.selectDistinct({ scope: impactSnapshots.scopeKey })
			.from(impactSnapshots)
			.where(and(eq(impactSnapshots.day, day), eq(impactSnapshots.indicatorKey, 'accounts.registeredUsers')));
		expect(distinct.length).toBe(rows.length);

		// A past date reads the snapshot of that day (or the latest before it).
		const now = at(9);
		const past = await indicatorValue(
			ctx(undefined, regionAdmin),
			'accounts.climateMakers',
			{ municipality: geel.id },
			at(4),
			now
		);
		expect(past).toMatchObject({ day, value: 1, source: 'computed' });
		const period = await indicatorPeriod(
			ctx(undefined, regionAdmin),
			'accounts.climateMakers',
			{ municipality: geel.id },
			{ from: at(-30), to: at(4) },
			now
		);
		expect(period.start.value).toBeNull(); // no snapshot yet then: unknown, not 0
		expect(period.end.value).toBe(1);
		expect(period.change).toBeNull();
	});
});

describe('entering figures', () => {
	it("a municipality's staff cannot enter a figure that exists only for the region, and the page has no such form", async () => {
		for (const actor of [geelAdmin, regionAdmin]) {
			const err = await refusal(
				enterFigure(ctx(geel, actor), {
					scope: 'geel',
					indicator: 'impact.playbookAvailable',
					value: '3',
					note: 'Gedeeld met drie buurgemeenten.'
				}),
				'validation'
			);
			expect((err as AppError).options.fields).toEqual({ indicator: ['impact.errors.regionOnly'] });
		}
		const stored = await indicatorValue(ctx(undefined, regionAdmin), 'impact.playbookAvailable', {
			municipality: geel.id
		});
		expect(stored.value).toBeNull();
		// Staff of another municipality are refused before anything they typed is read.
		await refusal(
			enterFigure(ctx(mol, molAdmin), {
				scope: 'geel',
				indicator: 'impact.playbookAvailable',
				value: '3',
				note: 'x'
			}),
			'forbidden'
		);
		const route = await import('../../../../routes/[municipality=slug]/beheer/impact/+page.server');
		expect(Object.keys(route.actions).sort()).toEqual(['baseline', 'strategy', 'target']);
	});

	it('a municipality’s dashboard leaves out a figure only the region has, never "nog niet ingevoerd" for it', async () => {
		const page = await getMunicipalityImpact(ctx(geel, geelAdmin));
		// The playbook made available is the region's own figure, entered for the region alone.
		expect(page.rows.map((r) => r.key)).not.toContain('impact.playbookAvailable');
		expect(page.rows.filter((r) => r.regionOnly && r.now === null).map((r) => r.key)).toEqual([]);
		// A region-only count of municipalities keeps the municipality's yes or no: its part of that count.
		expect(page.rows.find((r) => r.key === 'impact.externalStrategy')).toMatchObject({
			regionOnly: true,
			yes: expect.any(Boolean)
		});
		// The region's dashboard has the figure, but no column of it per municipality.
		const region = await getRegionImpact(ctx(undefined, regionAdmin), {});
		expect(region.rows.map((r) => r.key)).toContain('impact.playbookAvailable');
		expect(region.columns.map((c) => c.key)).not.toContain('impact.playbookAvailable');
		for (const m of region.municipalities)
			expect(m.figures.map((f) => f.key)).toEqual(region.columns.map((c) => c.key));
		// The CSV is the same table: the region's line stays under the columns of the municipalities' lines.
		const { csv } = await getRegionImpactCsv(ctx(undefined, regionAdmin), {});
		const lines = csv.replace('\uFEFF', '').trim().split(/\r\n/);
		const cells = (line: string) => line.split(';');
		expect(cells(lines[0]!)).toHaveLength(region.columns.length + 2);
		for (const line of lines) expect(cells(line)).toHaveLength(region.columns.length + 2);
		const regionLine = cells(lines.at(-1)!);
		const column = region.columns.findIndex((c) => c.key === 'impact.externalStrategy') + 1;
		expect(regionLine[column]).toBe(`"${region.rows.find((r) => r.key === 'impact.externalStrategy')!.now}"`);
	});

	it('a target or baseline of one municipality only for an indicator not declared region-only', async () => {
		for (const indicator of ['impact.externalStrategy', 'playbook.using', 'impact.playbookAvailable']) {
			for (const actor of [geelAdmin, regionAdmin]) {
				const target = await refusal(
					changeTarget(ctx(geel, actor), { scope: 'geel', indicator, target: '3' }),
					'validation'
				);
				expect((target as AppError).options.fields).toEqual({ indicator: ['impact.errors.regionOnly'] });
				const baseline = await refusal(
					changeBaseline(ctx(geel, actor), {
						scope: 'geel',
						indicator,
						value: '1',
						recordedOn: '2024-01-01',
						reason: 'Telling van de dienst.'
					}),
					'validation'
				);
				expect((baseline as AppError).options.fields).toEqual({ indicator: ['impact.errors.regionOnly'] });
			}
		}
		const page = await getMunicipalityImpact(ctx(geel, geelAdmin));
		for (const key of ['impact.externalStrategy', 'playbook.using']) {
			const row = page.rows.find((r) => r.key === key)!;
			expect(row).toMatchObject({ regionOnly: true, target: null, baseline: null });
		}
		// Not declared region-only, though the impact map has no target per municipality: a municipality sets one.
		expect(page.rows.find((r) => r.key === 'impact.climateActions')!.regionOnly).toBe(false);
		await changeTarget(ctx(geel, geelAdmin), {
			scope: 'geel',
			indicator: 'impact.climateActions',
			target: '4'
		});
		const after = await getMunicipalityImpact(ctx(geel, geelAdmin));
		expect(after.rows.find((r) => r.key === 'impact.climateActions')!.target).toBe(4);
		// The region's own target of a region-only indicator stays the regional admin's to change.
		await changeTarget(ctx(undefined, regionAdmin), {
			scope: 'region',
			unverifiedRegionId: regionId,
			indicator: 'impact.externalStrategy',
			target: '14'
		});
		const region = await getRegionImpact(ctx(undefined, regionAdmin), {});
		expect(region.rows.find((r) => r.key === 'impact.externalStrategy')!.target).toBe(14);
		await changeTarget(ctx(undefined, regionAdmin), {
			scope: 'region',
			unverifiedRegionId: regionId,
			indicator: 'impact.externalStrategy',
			target: '15'
		});
	});
});

describe('baselines and targets', () => {
	it('refuses a target of zero or negative, a baseline in the future, and a change without a reason', async () => {
		const c = ctx(geel, geelAdmin);
		for (const target of ['0', '-5', 'veel', '']) {
			const err = await refusal(
				changeTarget(c, { scope: 'geel', indicator: 'accounts.registeredUsers', target }),
				'validation'
			);
			expect(Object.keys((err as AppError).options.fields ?? {})).toEqual(['target']);
		}
		const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
		const future = await refusal(
			changeBaseline(c, {
				scope: 'geel',
				indicator: 'accounts.registeredUsers',
				value: '10',
				recordedOn: tomorrow,
				reason: 'Telling van het infoblad'
			}),
			'validation'
		);
		expect((future as AppError).options.fields).toEqual({ recordedOn: ['impact.errors.baselineInFuture'] });
		await refusal(
			changeBaseline(c, {
				scope: 'geel',
				indicator: 'accounts.registeredUsers',
				value: '10',
				recordedOn: '2026-01-01',
				reason: '  '
			}),
			'validation'
		);
		await refusal(
			changeBaseline(c, {
				scope: 'geel',
				indicator: 'accounts.registeredUsers',
				value: '-1',
				recordedOn: '2026-01-01',
				reason: 'x'
			}),
			'validation'
		);
		// Hostile input is refused as input, never a 500.
		for (const hostile of ['<script>', 'x'.repeat(100_000), "'; DROP TABLE users; --"])
			await refusal(changeTarget(c, { scope: hostile, indicator: hostile, target: hostile }), 'validation');
	});

	it('changes a baseline with a reason, in the audit log with before and after; a target of its own', async () => {
		await changeBaseline(ctx(geel, geelAdmin), {
			scope: 'geel',
			indicator: 'accounts.registeredUsers',
			value: '12,5',
			recordedOn: '2026-01-01',
			reason: 'Telling van vóór het platform'
		});
		await changeTarget(ctx(geel, geelAdmin), {
			scope: 'geel',
			indicator: 'accounts.registeredUsers',
			target: '150'
		});
		const page = await getMunicipalityImpact(ctx(geel, geelAdmin));
		const row = page.rows.find((r) => r.key === 'accounts.registeredUsers')!;
		expect(row.baseline).toMatchObject({
			value: 12.5,
			recordedOn: '2026-01-01',
			reason: 'Telling van vóór het platform'
		});
		expect(row.target).toBe(150);
		const audit = await database.db
			.select({ action: auditLog.action, details: auditLog.details })
			.from(auditLog)
			.where(eq(auditLog.action, 'impact.baseline_changed'));
		expect(audit.at(-1)?.details).toMatchObject({
			after: { value: 12.5 },
			reason: 'Telling van vóór het platform'
		});
	});

	it('staff of another municipality, or without the ability, change nothing', async () => {
		await refusal(
			changeTarget(ctx(mol, molAdmin), { scope: 'geel', indicator: 'accounts.registeredUsers', target: '5' }),
			'forbidden'
		);
		await refusal(
			changeTarget(ctx(geel, geelAlderman), {
				scope: 'geel',
				indicator: 'accounts.registeredUsers',
				target: '5'
			}),
			'forbidden'
		);
		await refusal(
			changeTarget(ctx(geel, geelAdmin), {
				scope: 'region',
				indicator: 'accounts.registeredUsers',
				target: '5'
			}),
			'forbidden'
		);
		await refusal(
			saveStrategy(ctx(geel, molAdmin), { channels: [], agreements: '', internal: '' }),
			'forbidden'
		);
		await refusal(recordBaselines(ctx(undefined, geelAdmin), {}), 'forbidden');
	});
});

describe('who sees what', () => {
	it('the dashboard: the municipality staff who read dashboards and the regional admin, nobody else', async () => {
		await getMunicipalityImpact(ctx(geel, geelAlderman));
		await getMunicipalityImpact(ctx(geel, regionAdmin));
		await refusal(getMunicipalityImpact(ctx(geel, molAdmin)), 'forbidden');
		await refusal(getMunicipalityImpact(ctx(geel, geelColleague)), 'forbidden');
		await refusal(getMunicipalityImpact(ctx(geel)), 'unauthenticated');
		await refusal(getRegionImpact(ctx(undefined, geelAdmin), {}), 'forbidden');
		await refusal(getRegionImpact(ctx(undefined), {}), 'unauthenticated');
	});

	it('non-public figures through indicatorValue only for staff; public figures for everyone', async () => {
		await refusal(
			indicatorValue(ctx(undefined), 'impact.strategies', { municipality: geel.id }),
			'forbidden'
		);
		await refusal(
			indicatorValue(ctx(undefined, molAdmin), 'accounts.channels', { municipality: geel.id }),
			'forbidden'
		);
		await refusal(
			indicatorValue(ctx(undefined, geelAdmin), 'impact.testing', { region: regionId }),
			'forbidden'
		);
		expect(
			(await indicatorValue(ctx(undefined, geelAlderman), 'accounts.channels', { municipality: geel.id }))
				.value
		).toBe(2);
		expect(
			(await indicatorValue(ctx(undefined), 'accounts.climateMakers', { municipality: geel.id })).value
		).toBe(1);
		await refusal(indicatorValue(ctx(undefined), 'no.such', { municipality: geel.id }), 'not_found');
	});

	it('the public pages show only public indicators, without entered notes', async () => {
		const page = await getPublicImpact(ctx(geel));
		const keys = page.rows.map((r) => r.key);
		expect(keys).toContain('accounts.registeredUsers');
		for (const hidden of [
			'accounts.channels',
			'impact.strategies',
			'impact.externalStrategy',
			'impact.testing',
			// Public, but declared region-only: on the region's page, not a municipality's.
			'playbook.using',
			'impact.playbookAvailable'
		])
			expect(keys).not.toContain(hidden);
		expect(keys).toContain('impact.climateActions');
		expect(page.takingPart).toBeNull();
		expect(JSON.stringify(page)).not.toContain('jeugdraad');
		expect(JSON.stringify(page)).not.toContain('Telling van vóór');
		const region = await getPublicRegionImpact(ctx(undefined));
		expect(region.rows.every((r) => r.public)).toBe(true);
		expect(JSON.stringify(region)).not.toContain('Pajottenland');
	});
});

describe('the impact widget', () => {
	it('shows the public figures of its municipality, each linking to the public impact page', async () => {
		const view = await impactWidget.load(ctx(geel), { limit: 10 });
		expect(view.title).toBe('Samen bereikt in Geel');
		const lines = view.items.flatMap((i) => i.lines);
		expect(lines).toContain('Klimaatmakers in de pool');
		expect(lines).not.toContain('Kanalen die mensen bereiken');
		expect(view.items.every((i) => i.path.startsWith('/geel/impact#'))).toBe(true);
		expect(view.items.find((i) => i.lines[0] === 'Klimaatmakers in de pool')?.title).toBe('1 klimaatmakers');
	});

	it('says "nog niet ingevoerd" for a figure staff have not entered (never 0), and the target as nl-BE writes it', async () => {
		await changeTarget(ctx(geel, geelAdmin), {
			scope: 'geel',
			indicator: 'accounts.climateMakers',
			target: '2500'
		});
		// An indicator the platform cannot count, per municipality and public, as a feature could declare it.
		const entered = defineFeature({
			name: 'entered-figure',
			indicators: [
				{
					key: 'test.enteredFigure',
					name: 'impact.indicators.playbookAvailable.name',
					definition: 'impact.indicators.playbookAvailable.definition',
					source: 'impact.indicators.playbookAvailable.source',
					unit: 'impact.units.municipalities',
					kind: 'count',
					target: { municipality: 10, region: null },
					public: true,
					order: 95
				}
			]
		});
		const view = await impactWidget.load(
			{ ...ctx(geel), features: [...features, entered] } as Parameters<typeof impactWidget.load>[0],
			{ limit: 20 }
		);
		const item = view.items.find((i) => i.path.endsWith('#test-enteredFigure'))!;
		expect(item.title).toBe('nog niet ingevoerd');
		expect(item.title).not.toMatch(/\b0\b/);
		const pool = view.items.find((i) => i.lines[0] === 'Klimaatmakers in de pool')!;
		expect(pool.text).toBe('Doel: 2.500');
		await changeTarget(ctx(geel, geelAdmin), {
			scope: 'geel',
			indicator: 'accounts.climateMakers',
			target: '80'
		});
	});
});

describe('the region dashboard', () => {
	it('shows every municipality side by side, sorted as asked, and the CSV holds the same figures', async () => {
		const page = await getRegionImpact(ctx(undefined, regionAdmin), {
			sort: 'accounts.climateMakers',
			dir: 'desc'
		});
		expect(page.municipalities.length).toBeGreaterThanOrEqual(29);
		const pool = page.municipalities.map(
			(m) => m.figures.find((f) => f.key === 'accounts.climateMakers')!.value
		);
		expect(pool).toEqual([...pool].sort((a, b) => (b ?? 0) - (a ?? 0)));
		// Each cell carries what the table shows, no note or source (they are on the rows and each municipality's
		// dashboard): 29 municipalities × every indicator of them were a fifth of the page's data.
		for (const m of page.municipalities)
			for (const f of m.figures) expect(Object.keys(f).sort()).toEqual(['key', 'value', 'yes']);
		const bad = await getRegionImpact(ctx(undefined, regionAdmin), { sort: '<script>', dir: 'sideways' });
		expect(bad.sort).toBe('name');
		expect(bad.dir).toBe('asc');
		const { csv } = await getRegionImpactCsv(ctx(undefined, regionAdmin), {
			sort: 'accounts.climateMakers',
			dir: 'desc'
		});
		const lines = csv.replace('\uFEFF', '').trim().split(/\r\n/);
		expect(lines).toHaveLength(page.municipalities.length + 2);
		const geelLine = lines.find((l) => l.startsWith('"Geel";'))!;
		const geelRow = page.municipalities.find((m) => m.slug === 'geel')!;
		const poolIndex = page.columns.findIndex((c) => c.key === 'accounts.climateMakers');
		expect(geelLine.split(';')[poolIndex + 1]).toBe(`"${geelRow.figures[poolIndex]!.value}"`);
	});
});

describe('the trends read from the database', () => {
	it('are the days with a figure, thinned out in SQL exactly as thinOut does', async () => {
		const lengths = [1, 2, 23, 24, 25, 26, 47, 48, 100, 364, 365];
		const rows = lengths.flatMap((n) =>
			Array.from({ length: n + 1 }, (_, i) => ({
				regionId,
				scopeKey: REGION_SCOPE,
				indicatorKey: `test.trend${n}`,
				day: new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
				// One day without a figure in each series (the n others have one).
				value: i === Math.floor(n / 2) ? null : i,
				source: 'computed' as const,
				computedAt: new Date()
			}))
		);
		for (let i = 0; i < rows.length; i += 500)
			await database.db.insert(impactSnapshots).values(rows.slice(i, i + 500));
		const read = await listTrendPoints(database.db, {
			regionId,
			scopeKeys: [REGION_SCOPE],
			from: '2025-01-01',
			indicatorKeys: lengths.map((n) => `test.trend${n}`),
			max: TREND_POINTS
		});
		for (const n of lengths) {
			const mine = rows.filter((r) => r.indicatorKey === `test.trend${n}` && r.value !== null);
			expect(mine).toHaveLength(n);
			expect(read.filter((r) => r.indicatorKey === `test.trend${n}`).map((r) => [r.day, r.value])).toEqual(
				thinOut(mine).map((r) => [r.day, r.value])
			);
		}
		// Oldest first across the series, as the page groups them.
		expect(read.map((r) => r.day)).toEqual([...read.map((r) => r.day)].sort());
		await database.db.delete(impactSnapshots).where(like(impactSnapshots.indicatorKey, 'test.trend%'));
	});
});

describe('progress and charts', () => {
	it('percent and traffic light against the target; the chart from the snapshots', () => {
		expect(progress(20, 100)).toEqual({ percent: 20, light: 'red' });
		expect(progress(50, 100)).toEqual({ percent: 50, light: 'orange' });
		expect(progress(80, 80)).toEqual({ percent: 100, light: 'green' });
		expect(progress(null, 80).light).toBe('none');
		const chart = trendChart(
			[
				{ day: '2026-03-01', value: 2 },
				{ day: '2026-03-02', value: 5 }
			],
			10
		);
		expect(chart.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
		expect(chart.points).toHaveLength(2);
		expect(chart.targetY).not.toBeNull();
		expect(brusselsDay(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
		const year = Array.from({ length: 365 }, (_, i) => i);
		const thin = thinOut(year);
		expect(thin).toHaveLength(24);
		expect(thin[0]).toBe(0);
		expect(thin.at(-1)).toBe(364);
		expect(thinOut([1, 2, 3])).toEqual([1, 2, 3]);
		// One day's snapshot: its ticks name each day once (the page keys them; a repeat broke hydration).
		const one = trendChart([{ day: '2026-03-01', value: 3 }], null);
		expect(new Set(one.xTicks.map((t) => t.day)).size).toBe(one.xTicks.length);
		// Coordinates to a tenth (the page and its hydration data carried sixteen digits each), and a point is
		// only where it is drawn: its day and value are in the table beside the chart.
		const thirds = trendChart(
			[
				{ day: '2026-03-01', value: 1 },
				{ day: '2026-03-04', value: 2 },
				{ day: '2026-03-08', value: 3 }
			],
			7
		);
		const numbers = [
			...thirds.points.flatMap((p) => [p.x, p.y]),
			...thirds.xTicks.map((t) => t.x),
			...thirds.yTicks.map((t) => t.y),
			thirds.targetY!,
			...thirds.path.split(/[ML,]/).filter(Boolean).map(Number)
		];
		for (const n of numbers) expect(Math.round(n * 10) / 10).toBe(n);
		expect(Object.keys(thirds.points[0]!).sort()).toEqual(['x', 'y']);
	});

	it('counts in lanes: every answer in its place, never more at once than the lanes', async () => {
		let running = 0;
		let most = 0;
		const answers = await inLanes([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
			running++;
			most = Math.max(most, running);
			await new Promise((resolve) => setTimeout(resolve, n * 3));
			running--;
			return n * 10;
		});
		expect(answers).toEqual([50, 10, 40, 20, 30, 0, 60]);
		expect(most).toBe(3);
		expect(await inLanes([], 3, async () => 1)).toEqual([]);
	});
});

describe('one statement per indicator for the whole region', () => {
	it('gives each municipality the same figures as computing that municipality alone', async () => {
		// A third municipality with something on every computed indicator, beside Geel's and Mol's.
		const turnhout = await buildParticipatingMunicipality(database.db, 'turnhout');
		const action = await buildAction(database.db, turnhout, { title: 'Schoolstraten' });
		await database.db.update(actions).set({ status: 'inProgress' }).where(eq(actions.id, action.id));
		await buildOpportunity(database.db, turnhout, action.id, { kind: 'readUpdates', rung: 'inform' });
		await buildOpportunity(database.db, turnhout, action.id, { kind: 'readUpdates', rung: 'advise' });
		await person(turnhout, { pool: true, channel: 'poster' });
		await person(turnhout, { channel: 'website' });
		await saveStrategy(ctx(turnhout, (await buildStaff(database.db, turnhout, 'admin')).actor), {
			channels: ['poster'],
			agreements: 'Affiches in de bibliotheek.',
			internal: 'Een aanspreekpunt per dienst.'
		});
		const region = (await listRegionsWithMunicipalities(database.db)).find((r) => r.id === regionId)!;
		const now = new Date();
		const input = { features, regionId, now, takingPart: takingPartOf(region.municipalities) };
		const together = await computeFigures(database.db, {
			...input,
			municipalityIds: region.municipalities.map((m) => m.id)
		});
		// Counted in one lane, one indicator after the other, the figures are the same as in COMPUTE_LANES.
		const oneLane = await computeFigures(database.db, {
			...input,
			municipalityIds: region.municipalities.map((m) => m.id),
			lanes: 1
		});
		const summary = (all: typeof together) =>
			all.map((f) => ({
				key: f.part.key,
				region: f.region.value,
				municipalities: [...f.municipalities].map(([id, m]) => [id, m.value, m.note])
			}));
		expect(summary(oneLane)).toEqual(summary(together));
		let counted = 0;
		for (const m of region.municipalities) {
			const alone = await computeFigures(database.db, { ...input, municipalityIds: [m.id] });
			for (const [i, f] of together.entries()) {
				const own = alone[i]!.municipalities.get(m.id)!;
				const shared = f.municipalities.get(m.id)!;
				expect({ key: f.part.key, municipality: m.slug, value: own.value, note: own.note }).toEqual({
					key: f.part.key,
					municipality: m.slug,
					value: shared.value,
					note: shared.note
				});
				if ((shared.value ?? 0) > 0) counted++;
			}
		}
		// Not a comparison of zeros: Turnhout alone counts on eight of them.
		expect(counted).toBeGreaterThanOrEqual(8);
		// The pages agree too: Geel's dashboard (computed for Geel alone) and the region's side-by-side table.
		const geelPage = await getMunicipalityImpact(ctx(geel, geelAdmin));
		const regionPage = await getRegionImpact(ctx(undefined, regionAdmin), {});
		const geelRow = regionPage.municipalities.find((m) => m.slug === 'geel')!;
		for (const f of geelRow.figures) expect(geelPage.rows.find((r) => r.key === f.key)?.now).toBe(f.value);
	});
});

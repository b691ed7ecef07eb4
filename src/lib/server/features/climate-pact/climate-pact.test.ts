// The Climate Pact against the real database: staff of Geel record outcomes on an action and an event (audit
// logged, changed and deleted after a confirmation), bad input is refused beside each field and nothing is
// stored; a citizen reports a rain barrel with a photo (re-encoded, no EXIF), which counts only once staff
// verify it (per row or in bulk) and never when refused; the dwellings give the renovation target; totals per
// municipality, per year and for the region; the exports are read back with an independent library (SheetJS);
// Mol's staff, a colleague and a citizen are refused; the person's reports are exported and erased.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import * as XLSX from '@e965/xlsx';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { jpegWithGps } from '$lib/server/testing/images';
import {
	buildAction,
	buildEvent,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	actorOf,
	getTenant,
	grantRegionRole,
	buildOtherRegion
} from '$lib/server/testing/factories';
import { climatePactOutcomes, media, municipalities } from '$lib/server/db/schema';
import { getRegionOverview } from '$lib/server/features/municipalities/municipalities.service';
import { getMunicipalityImpact, getRegionImpact } from '$lib/server/features/impact/impact.service';
import type { Tenant, TenantCtx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { PACT_KINDS, pactTarget } from '$lib/domain/climate-pact';
import {
	changeOutcome,
	getContributionPhotoForStaff,
	getPactBackoffice,
	listContributionQueue,
	previewBulkVerify,
	recordOutcome,
	refuseContribution,
	removeOutcome,
	setDwellings,
	verifyContribution,
	verifyInBulk
} from './climate-pact.admin.service';
import { getPublicPact, getRegionPact, submitContribution } from './climate-pact.service';
import { climatePactTotals, type PactKindTotal } from './climate-pact.totals';
import { exportPact } from './climate-pact.export';
import { erasePactData, exportPactData } from './climate-pact.personal-data';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
let moderator: Actor;
let alderman: Actor;
let molModerator: Actor;
let actionId: number;
let eventId: number;
let molActionId: number;

const GEEL_INHABITANTS = 40_709;
const MOL_INHABITANTS = 37_022;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	olen = await getTenant(database.db, 'olen');
	moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molModerator = (await buildStaff(database.db, mol, 'moderator')).actor;
	actionId = (await buildAction(database.db, geel, { title: 'Bomen voor Geel' })).id;
	eventId = (await buildEvent(database.db, geel, { title: 'Plantdag in de Pas' })).id;
	molActionId = (await buildAction(database.db, mol, { title: 'Bomen voor Mol' })).id;
});
afterAll(() => database?.destroy());

const as = (actor: Actor | undefined, tenant: Tenant = geel) =>
	ctxAs(database.db, tenant, actor) as TenantCtx;

async function citizen(): Promise<Actor> {
	const user = await buildUser(database.db, { givenName: 'Lien', familyName: 'Peeters' });
	return { userId: user.id, displayName: user.displayName, memberships: [], regionRoles: [] };
}

const file = (bytes: Uint8Array | Buffer) => ({
	size: bytes.length,
	arrayBuffer: async () => new Uint8Array(bytes).buffer as ArrayBuffer
});

const lastYear = new Date().getUTCFullYear() - 1;
const tree = (values: Record<string, unknown> = {}) => ({
	target: `actie:${actionId}`,
	kind: 'trees',
	quantity: '120',
	occurredOn: `${lastYear}-11-20`,
	note: 'Boomplantdag',
	...values
});

const kindOf = (totals: { kinds: PactKindTotal[] }, kind: string): PactKindTotal =>
	totals.kinds.find((k) => k.kind === kind)!;

async function outcomeCount(): Promise<number> {
	return (await database.db.select({ id: climatePactOutcomes.id }).from(climatePactOutcomes)).length;
}

describe('outcomes recorded by staff', () => {
	it('records 120 trees on an action: counted at once, audit logged, per year and against the target', async () => {
		const { id } = await recordOutcome(as(moderator), tree());
		const totals = await climatePactTotals(as(undefined), geel.id);
		const trees = kindOf(totals, 'trees');
		expect(trees.total).toBe(120);
		expect(trees.target).toBe(GEEL_INHABITANTS);
		expect(trees.perYear.find((y) => y.year === lastYear)?.total).toBe(120);
		expect(totals.years[0]).toBe(2021);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'climate_pact.outcome_recorded'
		);
		expect(audit.at(-1)?.details).toMatchObject({ outcomeId: id, kind: 'trees', quantity: 120 });
		const page = await getPactBackoffice(as(moderator), undefined);
		expect(page.recorded.find((r) => r.id === id)?.on).toEqual({
			kind: 'action',
			id: actionId,
			title: 'Bomen voor Geel'
		});
	});

	it('records on an event, accepts a decimal comma, changes it and deletes it only with the tick', async () => {
		const { id } = await recordOutcome(
			as(moderator),
			tree({ target: `activiteit:${eventId}`, kind: 'hedges', quantity: '12,5' })
		);
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'hedges').total).toBe(12.5);
		expect(
			await changeOutcome(as(moderator), {
				...tree({ target: `activiteit:${eventId}`, kind: 'hedges', quantity: '20' }),
				unverifiedId: String(id)
			})
		).toEqual({ changed: true });
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'hedges').total).toBe(20);
		const unticked = await refusal(removeOutcome(as(moderator), { unverifiedId: String(id) }), 'validation');
		expect(unticked.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'hedges').total).toBe(20);
		await removeOutcome(as(moderator), { unverifiedId: String(id), confirm: 'on' });
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'hedges').total).toBe(0);
		const actions = (await auditOf(database.db, geel.id)).map((a) => a.action);
		expect(actions).toContain('climate_pact.outcome_changed');
		expect(actions).toContain('climate_pact.outcome_deleted');
	});

	it('refuses bad input beside each field and stores nothing', async () => {
		const before = await outcomeCount();
		const cases: [Record<string, unknown>, Record<string, string[]>][] = [
			[{ quantity: '-5' }, { quantity: ['climatePactPublic.errors.quantityPositive'] }],
			[{ quantity: '0' }, { quantity: ['climatePactPublic.errors.quantityPositive'] }],
			[{ quantity: 'veel' }, { quantity: ['climatePactPublic.errors.quantityInvalid'] }],
			[{ quantity: '' }, { quantity: ['climatePactPublic.errors.quantityRequired'] }],
			[{ quantity: '5000000' }, { quantity: ['climatePactPublic.errors.quantityTooLarge'] }],
			[{ quantity: '1e9' }, { quantity: ['climatePactPublic.errors.quantityInvalid'] }],
			[{ quantity: '2,5' }, { quantity: ['climatePactPublic.errors.quantityWhole'] }],
			[{ kind: 'unpaving', quantity: '2,555' }, { quantity: ['climatePactPublic.errors.quantityDecimals'] }],
			[{ occurredOn: '2020-12-31' }, { occurredOn: ['climatePactPublic.errors.dateBefore2021'] }],
			[{ occurredOn: '2999-01-01' }, { occurredOn: ['climatePactPublic.errors.dateFuture'] }],
			[{ occurredOn: '2024-02-30' }, { occurredOn: ['climatePactPublic.errors.dateInvalid'] }],
			[{ kind: 'rockets' }, { kind: ['climatePactPublic.errors.kindRequired'] }],
			[{ target: 'actie:abc' }, { target: ['climatePactPublic.errors.targetRequired'] }],
			[{ note: 'x'.repeat(100_000) }, { note: ['climatePactPublic.errors.noteTooLong'] }]
		];
		for (const [values, fields] of cases) {
			const err = await refusal(recordOutcome(as(moderator), tree(values)), 'validation');
			expect(err.options.fields, JSON.stringify(values)).toEqual(fields);
		}
		// An action of Mol is not one of Geel's.
		const elsewhere = await refusal(
			recordOutcome(as(moderator), tree({ target: `actie:${molActionId}` })),
			'validation'
		);
		expect(elsewhere.options.fields).toEqual({ target: ['climatePactPublic.errors.targetRequired'] });
		expect(await outcomeCount()).toBe(before);
	});

	it('refuses Mol’s staff, the alderman’s changes, a citizen and a visitor; Mol’s page shows none of Geel', async () => {
		await refusal(recordOutcome(as(molModerator), tree()), 'forbidden');
		await refusal(getPactBackoffice(as(molModerator), undefined), 'forbidden');
		await refusal(listContributionQueue(as(molModerator), {}), 'forbidden');
		await refusal(exportPact(as(molModerator), { format: 'xlsx' }), 'forbidden');
		await refusal(recordOutcome(as(alderman), tree()), 'forbidden');
		const read = await getPactBackoffice(as(alderman), undefined);
		expect(read.canManage).toBe(false);
		await refusal(getPactBackoffice(as(await citizen()), undefined), 'forbidden');
		await refusal(getPactBackoffice(as(undefined), undefined), 'unauthenticated');
		// An outcome of Geel is not found from Mol's back office.
		const geelOutcome = (await getPactBackoffice(as(moderator), undefined)).recorded[0]!;
		await refusal(
			changeOutcome(as(molModerator, mol), { ...tree(), unverifiedId: String(geelOutcome.id) }),
			'not_found'
		);
		const molPage = await getPactBackoffice(as(molModerator, mol), undefined);
		expect(molPage.recorded).toEqual([]);
		expect(kindOf(molPage.totals, 'trees').total).toBe(0);
	});
});

describe('the number of dwellings', () => {
	it('refuses zero, negative and non-whole numbers, and gives the renovation target once entered', async () => {
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'renovations').target).toBeNull();
		for (const [dwellings, key] of [
			['0', 'dwellingsPositive'],
			['-10', 'dwellingsPositive'],
			['12,5', 'dwellingsInvalid'],
			['', 'dwellingsRequired'],
			['99999999999', 'dwellingsTooLarge']
		] as const) {
			const err = await refusal(setDwellings(as(moderator), { dwellings }), 'validation');
			expect(err.options.fields).toEqual({ dwellings: [`climatePactPublic.errors.${key}`] });
		}
		await setDwellings(as(moderator), { dwellings: '17.400' });
		const totals = await climatePactTotals(as(undefined), geel.id);
		expect(totals.dwellings).toBe(17_400);
		expect(kindOf(totals, 'renovations').target).toBe(870);
		expect((await auditOf(database.db, geel.id)).map((a) => a.action)).toContain(
			'climate_pact.dwellings_set'
		);
	});
});

describe('a citizen’s own contribution', () => {
	it('stores a rain barrel with a cleaned photo, waiting; it counts only once verified', async () => {
		const person = await citizen();
		const before = kindOf(await climatePactTotals(as(undefined), geel.id), 'rainwater').total;
		const { id } = await submitContribution(as(person), {
			values: {
				kind: 'rainwater',
				quantity: '0,3',
				occurredOn: `${lastYear}-06-01`,
				note: 'Regenton achteraan',
				photoAlt: 'Een groene regenton'
			},
			photo: file(await jpegWithGps())
		});
		const [row] = await database.db.select().from(climatePactOutcomes).where(eq(climatePactOutcomes.id, id));
		expect(row).toMatchObject({ status: 'submitted', source: 'citizen', authorId: person.userId });
		const [photo] = await database.db.select().from(media).where(eq(media.id, row!.photoId!));
		const meta = await sharp(photo!.bytes).metadata();
		expect(meta.exif).toBeUndefined();
		expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
		expect(
			(await getContributionPhotoForStaff(as(moderator), { unverifiedId: String(id) })).bytes.length
		).toBeGreaterThan(0);
		await refusal(
			getContributionPhotoForStaff(as(molModerator, mol), { unverifiedId: String(id) }),
			'not_found'
		);

		// Waiting: not counted; the citizen sees it with its status.
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'rainwater').total).toBe(before);
		expect((await getPublicPact(as(person))).mine[0]).toMatchObject({ id, status: 'submitted' });

		await verifyContribution(as(moderator), { unverifiedId: String(id) });
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'rainwater').total).toBe(
			Math.round((before + 0.3) * 100) / 100
		);
		expect((await getPublicPact(as(person))).mine[0]?.status).toBe('verified');
	});

	it('refuses a file that is no image, absurd and future input beside the fields, and a visitor', async () => {
		const person = await citizen();
		const before = await outcomeCount();
		const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
		const err = await refusal(
			submitContribution(as(person), {
				values: { kind: 'chargingPoints', quantity: '-1', occurredOn: '2999-01-01' },
				photo: file(pdf)
			}),
			'validation'
		);
		expect(err.options.fields).toEqual({
			kind: ['climatePactPublic.errors.kindRequired'],
			quantity: ['climatePactPublic.errors.quantityPositive'],
			occurredOn: ['climatePactPublic.errors.dateFuture'],
			photo: ['climatePactPublic.errors.photoType'],
			photoAlt: ['climatePactPublic.errors.altRequired']
		});
		const big = await refusal(
			submitContribution(as(person), {
				values: { kind: 'rainwater', quantity: '300', occurredOn: `${lastYear}-01-01` }
			}),
			'validation'
		);
		expect(big.options.fields).toEqual({ quantity: ['climatePactPublic.errors.quantityTooLargeCitizen'] });
		await refusal(
			submitContribution(as(undefined), {
				values: { kind: 'trees', quantity: '1', occurredOn: `${lastYear}-01-01` }
			}),
			'unauthenticated'
		);
		await refusal(
			submitContribution(as(person, olen), {
				values: { kind: 'trees', quantity: '1', occurredOn: `${lastYear}-01-01` }
			}),
			'not_found'
		);
		expect(await outcomeCount()).toBe(before);
	});

	it('stops a sixth report within the hour', async () => {
		const person = await citizen();
		const values = { kind: 'trees', quantity: '1', occurredOn: `${lastYear}-03-01` };
		for (let i = 0; i < 5; i++) await submitContribution(as(person), { values });
		const err = await refusal(submitContribution(as(person), { values }), 'rate_limited');
		expect(err.messageKey).toBe('climatePactPublic.errors.rateLimited');
	});

	it('refuses with a reason the citizen reads; a refused report never counts; the queue filters and bulk-verifies', async () => {
		const person = await citizen();
		const before = kindOf(await climatePactTotals(as(undefined), geel.id), 'unpaving').total;
		const a = await submitContribution(as(person), {
			values: { kind: 'unpaving', quantity: '12', occurredOn: `${lastYear}-04-01`, note: 'Oprit onthard' }
		});
		const b = await submitContribution(as(person), {
			values: { kind: 'unpaving', quantity: '8', occurredOn: `${lastYear}-05-01`, note: 'Terras onthard' }
		});
		const c = await submitContribution(as(person), {
			values: { kind: 'unpaving', quantity: '500', occurredOn: `${lastYear}-05-02`, note: 'Hele tuin' }
		});
		const empty = await refusal(
			refuseContribution(as(moderator), { unverifiedId: String(c.id), reason: '  ' }),
			'validation'
		);
		expect(empty.options.fields).toEqual({ reason: ['climatePactPublic.errors.reasonRequired'] });
		await refuseContribution(as(moderator), {
			unverifiedId: String(c.id),
			reason: 'Een tuin is geen verharding die weg is.'
		});
		const mine = (await getPublicPact(as(person))).mine.find((r) => r.id === c.id);
		expect(mine).toMatchObject({
			status: 'refused',
			refuseReason: 'Een tuin is geen verharding die weg is.'
		});

		const queue = await listContributionQueue(as(moderator), {
			status: 'submitted',
			kind: 'unpaving',
			q: 'onthard'
		});
		expect(queue.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
		const preview = await previewBulkVerify(as(moderator), {
			ids: [String(a.id), String(b.id), String(c.id)]
		});
		expect(preview.items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
		// Mol's staff cannot reach Geel's reports from their own back office, nor open Geel's.
		expect(await verifyInBulk(as(molModerator, mol), { ids: [String(a.id)] })).toEqual({ changed: 0 });
		await refusal(verifyInBulk(as(molModerator), { ids: [String(a.id)] }), 'forbidden');
		expect(await verifyInBulk(as(moderator), { ids: [String(a.id), String(b.id), String(c.id)] })).toEqual({
			changed: 2
		});
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'unpaving').total).toBe(before + 20);
	});
});

describe('totals for the region and the exports', () => {
	it('sums the municipalities taking part, with their targets; a year limits the total', async () => {
		await recordOutcome(as(molModerator, mol), {
			target: `actie:${molActionId}`,
			kind: 'trees',
			quantity: '30',
			occurredOn: '2021-03-21',
			note: ''
		});
		const region = await getRegionPact(as(undefined));
		const ids = region.municipalities.map((m) => m.id);
		expect(ids).toContain(geel.id);
		expect(ids).toContain(mol.id);
		expect(ids).not.toContain(olen.id);
		const geelTrees = kindOf(await climatePactTotals(as(undefined), geel.id), 'trees').total;
		const trees = kindOf(region, 'trees');
		expect(trees.total).toBe(geelTrees + 30);
		expect(trees.target).toBe(
			region.municipalities.reduce((a, m) => a + pactTarget('trees', m.inhabitants, null)!, 0)
		);
		expect(region.municipalities.find((m) => m.id === mol.id)?.inhabitants).toBe(MOL_INHABITANTS);
		// Only Geel entered its dwellings: the region's renovation target is Geel's.
		expect(kindOf(region, 'renovations').target).toBe(870);
		const in2021 = await climatePactTotals(as(undefined), 'region', 2021);
		expect(kindOf(in2021, 'trees').total).toBe(30);
	});

	it('the region is its municipalities taking part (takingPartOf, as the overview shows them), and the impact indicators count the same', async () => {
		// A municipality not taking part (Olen) has a verified outcome: neither the pact's region nor the
		// indicators' region counts it.
		await database.db.insert(climatePactOutcomes).values({
			municipalityId: olen.id,
			source: 'action',
			kind: 'trees',
			quantity: 999,
			occurredOn: `${lastYear}-05-01`,
			status: 'verified'
		});
		// Nor does a municipality taking part in another region.
		const elsewhere = await buildOtherRegion(database.db);
		await database.db
			.update(municipalities)
			.set({ participating: true })
			.where(eq(municipalities.id, elsewhere.tenant.id));
		const ctx = as(undefined);
		const region = await climatePactTotals(ctx, 'region');
		expect(region.municipalities.map((m) => m.id)).not.toContain(elsewhere.tenant.id);
		const overview = await getRegionOverview(ctx);
		expect(region.municipalities.map((m) => m.slug).sort()).toEqual(
			overview.participating.map((m) => m.slug).sort()
		);
		const ra = await buildUser(database.db);
		const [row] = await database.db
			.select({ regionId: municipalities.regionId })
			.from(municipalities)
			.where(eq(municipalities.id, geel.id));
		await grantRegionRole(database.db, row!.regionId, ra.id, 'regional_admin');
		const regionAdmin = await actorOf(database.db, ra);
		const regionPage = await getRegionImpact(ctxAs(database.db, undefined, regionAdmin), {});
		const geelAdmin = (await buildStaff(database.db, geel, 'admin')).actor;
		const geelPage = await getMunicipalityImpact(as(geelAdmin));
		const geelTotals = await climatePactTotals(ctx, geel.id);
		for (const kind of PACT_KINDS) {
			const key = `climatePact.${kind}`;
			const regionRow = regionPage.rows.find((r) => r.key === key)!;
			expect({ kind, now: regionRow.now, target: regionRow.target }).toEqual({
				kind,
				now: kindOf(region, kind).total,
				target: kindOf(region, kind).target
			});
			const geelRow = geelPage.rows.find((r) => r.key === key)!;
			expect({ kind, now: geelRow.now, target: geelRow.target }).toEqual({
				kind,
				now: kindOf(geelTotals, kind).total,
				target: kindOf(geelTotals, kind).target
			});
		}
		// Not a comparison of zeros: Geel's and Mol's trees, against targets from their inhabitants.
		const trees = regionPage.rows.find((r) => r.key === 'climatePact.trees')!;
		expect(trees.now).toBeGreaterThan(30);
		expect(geelPage.rows.find((r) => r.key === 'climatePact.trees')!.target).toBe(GEEL_INHABITANTS);
		// Olen's figure is its own, on the side-by-side table, outside the region's sum.
		const olenRow = regionPage.municipalities.find((m) => m.slug === 'olen')!;
		expect(olenRow.figures.find((f) => f.key === 'climatePact.trees')!.value).toBe(999);
	});

	it('writes XLSX and CSV whose figures match the totals (read back with SheetJS)', async () => {
		const totals = await climatePactTotals(as(undefined), geel.id);
		const xlsx = await exportPact(as(moderator), { format: 'xlsx' });
		expect(xlsx.fileName).toMatch(/^klimaatpact-geel-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const workbook = XLSX.read(xlsx.body, { type: 'array' });
		expect(workbook.SheetNames).toEqual(['Totalen', 'Registraties']);
		const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Totalen']!, { header: 1 });
		expect(rows[0]).toEqual(['Gemeente', 'Geel']);
		expect(rows[1]).toEqual(['Inwoners (2020)', GEEL_INHABITANTS]);
		const header = rows[4] as unknown[];
		expect(header.slice(0, 3)).toEqual(['Wat', 'Eenheid', '2021']);
		const treeRow = rows.find((r) => r[0] === 'Extra bomen')!;
		const trees = kindOf(totals, 'trees');
		const col = (name: string) => header.indexOf(name);
		expect(treeRow[col('Totaal sinds 2021')]).toBe(trees.total);
		expect(treeRow[col('Doel 2030')]).toBe(GEEL_INHABITANTS);
		expect(treeRow[col(String(lastYear))]).toBe(trees.perYear.find((y) => y.year === lastYear)!.total);
		const entries = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['Registraties']!);
		expect(
			entries.some((e) => e['Hoeveelheid'] === 120 && e['Bij actie of activiteit'] === 'Bomen voor Geel')
		).toBe(true);

		const csv = await exportPact(as(alderman), { format: 'csv' });
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv.body);
		expect(text.startsWith('\uFEFF')).toBe(true);
		const sheet = XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', FS: ';', raw: true });
		const csvRows = XLSX.utils.sheet_to_json<string[]>(sheet.Sheets[sheet.SheetNames[0]!]!, {
			header: 1,
			raw: false
		});
		const csvTree = csvRows.find((r) => r[0] === 'Extra bomen')!;
		const csvHeader = csvRows.find((r) => r[0] === 'Wat')!;
		expect(csvTree[csvHeader.indexOf('Totaal sinds 2021')]).toBe(String(trees.total));
		const rain = kindOf(totals, 'rainwater');
		const csvRain = csvRows.find((r) => r[0] === 'Opvang van regenwater')!;
		expect(csvRain[csvHeader.indexOf('Totaal sinds 2021')]).toBe(String(rain.total).replace('.', ','));
	});
});

describe('a person’s data', () => {
	it('exports the reports and, on deletion, drops the uncounted ones and anonymises the counted ones', async () => {
		const person = await citizen();
		const counted = await submitContribution(as(person), {
			values: {
				kind: 'hedges',
				quantity: '4',
				occurredOn: `${lastYear}-09-01`,
				note: 'Geveltuin Kerkstraat 5',
				photoAlt: 'Geveltuin'
			},
			photo: file(await jpegWithGps(400, 300))
		});
		const waiting = await submitContribution(as(person), {
			values: { kind: 'trees', quantity: '2', occurredOn: `${lastYear}-09-02`, note: 'Twee appelbomen' }
		});
		await verifyContribution(as(moderator), { unverifiedId: String(counted.id) });
		const hedgesBefore = kindOf(await climatePactTotals(as(undefined), geel.id), 'hedges').total;

		const exported = await exportPactData(database.db, {
			userId: person.userId,
			name: 'x',
			addresses: []
		} as never);
		expect(exported.climatePactReports.map((r) => r.reportId).sort()).toEqual(
			[counted.id, waiting.id].sort()
		);
		expect(exported.climatePactReports.find((r) => r.reportId === counted.id)).toMatchObject({
			municipality: 'Geel',
			note: 'Geveltuin Kerkstraat 5',
			status: 'verified'
		});

		const [withPhoto] = await database.db
			.select({ photoId: climatePactOutcomes.photoId })
			.from(climatePactOutcomes)
			.where(eq(climatePactOutcomes.id, counted.id));
		await database.db.transaction((tx) =>
			erasePactData(tx, { userId: person.userId, name: 'x', addresses: [] } as never)
		);
		const left = await database.db
			.select()
			.from(climatePactOutcomes)
			.where(eq(climatePactOutcomes.createdBy, person.userId));
		expect(left.map((r) => r.id)).toEqual([counted.id]);
		expect(left[0]).toMatchObject({ authorId: null, note: '', photoId: null, status: 'verified' });
		expect(await database.db.select().from(media).where(eq(media.id, withPhoto!.photoId!))).toEqual([]);
		expect(kindOf(await climatePactTotals(as(undefined), geel.id), 'hedges').total).toBe(hedgesBefore);
		expect(
			(await exportPactData(database.db, { userId: person.userId } as never)).climatePactReports
		).toEqual([]);
	});
});

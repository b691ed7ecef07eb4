// Importing a plan and exporting it for the Covenant of Mayors, against the real database: an XLSX made with
// ExcelJS and a Belgian CSV (semicolons, decimal commas) are read, their columns mapped from the headings and
// previewed with Dutch errors per row; a file of 50 MB, an old .xls, a file that is no spreadsheet, missing
// columns, duplicate and malformed rows are refused with nothing saved; a clean file saves every row with its new
// themes and departments in one go. The export is read back with an independent library (SheetJS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { buildParticipatingMunicipality, buildStaff } from '$lib/server/testing/factories';
import { climatePlanActions, climatePlanImports } from '$lib/server/db/schema';
import { translate, type MessageKey } from '$lib/i18n';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import {
	confirmPlanImport,
	exportCovenantReport,
	previewPlanImport,
	uploadPlanImport
} from './climate-plan.import';
import { listPlanBoard } from './climate-plan.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let molOfficer: Actor;
let alderman: Actor;
let hildeEmail: string;

const as = (actor: Actor | undefined, tenant: Tenant = geel) => ctxAs(database.db, tenant, actor);

const file = (bytes: Uint8Array | Buffer | string, name = 'plan.xlsx') => {
	const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes);
	return { name, size: data.length, arrayBuffer: async () => data.buffer.slice(0) as ArrayBuffer };
};

const HEADINGS = [
	'Code',
	'Titel',
	'Thema',
	'Sector',
	'Trekkende dienst',
	'Betrokken diensten',
	'Verantwoordelijke',
	'Prioriteit',
	'Status',
	'Geplande start',
	'Gepland einde',
	'Budget',
	'CO2-reductie'
];

async function xlsx(rows: unknown[][], headings = HEADINGS): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Plan');
	sheet.addRow(headings);
	for (const row of rows) sheet.addRow(row);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function actionCount(tenant: Tenant) {
	return (
		await database.db
			.select({ id: climatePlanActions.id })
			.from(climatePlanActions)
			.where(eq(climatePlanActions.municipalityId, tenant.id))
	).length;
}

const dutch = (key: MessageKey, params?: Record<string, string | number>) => translate('nl', key, params);

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (await buildStaff(database.db, geel, 'moderator')).actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molOfficer = (await buildStaff(database.db, mol, 'moderator')).actor;
	const hilde = await buildStaff(database.db, geel, 'colleague', { email: 'hilde@geel.example.be' });
	hildeEmail = hilde.user.email!;
});
afterAll(() => database?.destroy());

describe('import', () => {
	it('reads an XLSX, maps its columns from the headings, previews and saves every row in one go', async () => {
		const bytes = await xlsx([
			[
				'GEB-01',
				'Dakisolatie administratief centrum',
				'Gebouwen',
				'Gemeentelijke gebouwen',
				'Gebouwenbeheer',
				'Financiële dienst; Duurzaamheidsdienst',
				hildeEmail,
				'Hoog',
				'Lopend',
				new Date(Date.UTC(2026, 0, 15)),
				'31/12/2027',
				620000.5,
				85.25
			],
			[
				'MOB-01',
				'Fietsstraat naar het station',
				'Mobiliteit',
				'transport',
				'Mobiliteitsdienst',
				'',
				'',
				'middel',
				'niet gestart',
				'2026-03-01',
				'2026-09-30',
				'380.000',
				'95,5'
			]
		]);
		const upload = await uploadPlanImport(as(officer), { file: file(bytes) });
		expect(await actionCount(geel)).toBe(0);
		const preview = await previewPlanImport(as(officer), { unverifiedId: upload.id });
		expect(preview.mapping).toMatchObject({
			code: 0,
			title: 1,
			theme: 2,
			sector: 3,
			lead: 4,
			involved: 5,
			responsible: 6,
			budget: 11,
			co2Planned: 12
		});
		expect(preview.withProblems).toBe(0);
		expect(preview.newThemes.sort()).toEqual(['Gebouwen', 'Mobiliteit']);
		expect(preview.newDepartments.sort()).toEqual([
			'Duurzaamheidsdienst',
			'Financiële dienst',
			'Gebouwenbeheer',
			'Mobiliteitsdienst'
		]);
		// Another person of the same municipality does not see this upload.
		await refusal(
			previewPlanImport(as((await buildStaff(database.db, geel, 'moderator')).actor), {
				unverifiedId: upload.id
			}),
			'not_found'
		);
		await refusal(previewPlanImport(as(molOfficer, mol), { unverifiedId: upload.id }), 'not_found');
		const done = await confirmPlanImport(as(officer), { unverifiedId: upload.id });
		expect(done.imported).toBe(2);
		const board = await listPlanBoard(as(officer), { sort: 'title' });
		const roof = board.items.find((i) => i.code === 'GEB-01')!;
		expect(roof).toMatchObject({
			title: 'Dakisolatie administratief centrum',
			themeName: 'Gebouwen',
			sector: 'municipal_buildings',
			leadDepartmentName: 'Gebouwenbeheer',
			priority: 'high',
			status: 'ongoing',
			plannedStart: '2026-01-15',
			plannedEnd: '2027-12-31',
			budgetCents: 62_000_050,
			co2Planned: 85.25
		});
		expect(roof.responsibleId).not.toBeNull();
		expect(roof.involved.sort()).toEqual(['Duurzaamheidsdienst', 'Financiële dienst']);
		expect(board.items.find((i) => i.code === 'MOB-01')).toMatchObject({
			budgetCents: 38_000_000,
			co2Planned: 95.5
		});
		// The upload is gone: a second confirmation imports nothing twice.
		await refusal(confirmPlanImport(as(officer), { unverifiedId: upload.id }), 'not_found');
	});

	it('reads a Belgian CSV with semicolons, and a chosen mapping over the guessed one', async () => {
		const csv =
			'\uFEFFnr;omschrijving actie;wie;extra\r\nCSV-1;Deelfietsen aan het station;Mobiliteitsdienst;x\r\nCSV-2;Repair café;Duurzaamheidsdienst;y\r\n';
		const upload = await uploadPlanImport(as(officer), { file: file(csv, 'plan.csv') });
		const guessed = await previewPlanImport(as(officer), { unverifiedId: upload.id });
		expect(guessed.headers).toEqual(['nr', 'omschrijving actie', 'wie', 'extra']);
		expect(guessed.mapping).toMatchObject({ code: 0, title: 1, lead: null });
		const chosen = await previewPlanImport(as(officer), {
			unverifiedId: upload.id,
			code: '0',
			title: '1',
			lead: '2'
		});
		expect(chosen.rows.map((r) => [r.code, r.title, r.lead])).toEqual([
			['CSV-1', 'Deelfietsen aan het station', 'Mobiliteitsdienst'],
			['CSV-2', 'Repair café', 'Duurzaamheidsdienst']
		]);
		const twice = await previewPlanImport(as(officer), { unverifiedId: upload.id, code: '1', title: '1' });
		expect(twice.mappingProblems?.title).toEqual(['climatePlan.errors.mappingTwice']);
		expect(twice.rows).toEqual([]);
		const outside = await previewPlanImport(as(officer), { unverifiedId: upload.id, title: '9' });
		expect(outside.mappingProblems?.title).toEqual(['climatePlan.errors.mappingColumn']);
		const refused = await refusal(
			confirmPlanImport(as(officer), { unverifiedId: upload.id, code: '1', title: '1' }),
			'validation'
		);
		expect(refused.options.fields?.title).toEqual(['climatePlan.errors.mappingTwice']);
		const done = await confirmPlanImport(as(officer), {
			unverifiedId: upload.id,
			code: '0',
			title: '1',
			lead: '2'
		});
		expect(done.imported).toBe(2);
	});

	it('refuses missing columns, duplicate and malformed rows with Dutch errors per row, and saves nothing', async () => {
		const before = await actionCount(geel);
		const noTitle = await uploadPlanImport(as(officer), {
			file: file(await xlsx([['X-1', 'iets']], ['Code', 'Kolom zonder naam']))
		});
		const missing = await refusal(confirmPlanImport(as(officer), { unverifiedId: noTitle.id }), 'validation');
		expect(missing.options.fields?.title).toEqual(['climatePlan.errors.mappingTitle']);
		expect((await previewPlanImport(as(officer), { unverifiedId: noTitle.id })).mappingProblems).toEqual({
			title: ['climatePlan.errors.mappingTitle']
		});

		const bytes = await xlsx([
			['BAD-1', 'Goede rij', '', '', '', '', '', '', '', '', '', '', ''],
			['BAD-1', 'Zelfde code', '', '', '', '', '', '', '', '', '', '', ''],
			['GEB-01', 'Code die het plan al heeft', '', '', '', '', '', '', '', '', '', '', ''],
			['BAD-2', '', '', '', '', '', '', '', '', '', '', '', ''],
			['BAD-3', 'Einde voor start', '', '', '', '', '', '', '', '2027-01-01', '2026-01-01', '-100', 'veel'],
			[
				'BAD-4',
				'Onbekende verantwoordelijke',
				'',
				'maan',
				'',
				'',
				'niemand@elders.be',
				'dringend',
				'bezig',
				'32/13/2026',
				'',
				'',
				''
			],
			['BAD-5', '<script>alert(1)</script>', '', '', '', '', '', '', '', '', '', '', '']
		]);
		const upload = await uploadPlanImport(as(officer), { file: file(bytes) });
		const preview = await previewPlanImport(as(officer), { unverifiedId: upload.id });
		const problems = Object.fromEntries(
			preview.rows.map((r) => [r.line, r.problems.map((p) => `${p.field}:${p.message}`)])
		);
		expect(problems[2]).toEqual([]);
		expect(problems[3]).toEqual(['code:climatePlan.errors.codeDuplicate']);
		expect(problems[4]).toEqual(['code:climatePlan.errors.codeTaken']);
		expect(problems[5]).toEqual(['title:climatePlan.errors.titleRequired']);
		expect(problems[6]).toEqual(
			expect.arrayContaining([
				'budget:climatePlan.errors.budgetNegative',
				'co2Planned:climatePlan.errors.quantityInvalid'
			])
		);
		expect(problems[7]).toEqual(
			expect.arrayContaining([
				'sector:climatePlan.errors.sector',
				'priority:climatePlan.errors.priority',
				'plannedStart:climatePlan.errors.dateInvalid'
			])
		);
		expect(problems[8]).toEqual([]);
		expect(preview.withProblems).toBe(5);
		for (const row of preview.rows)
			for (const p of row.problems) expect(dutch(p.message)).toMatch(/^[A-Z][^.]*[a-z0-9)’”]/);
		const err = await refusal(confirmPlanImport(as(officer), { unverifiedId: upload.id }), 'validation');
		expect(dutch(err.messageKey, { count: 5 })).toBe('5 rijen hebben een probleem: er is niets bewaard.');
		expect(await actionCount(geel)).toBe(before);
		// The date order of row 6 is only checked once the date reads; a fixed row reports its order problem.
		const order = await uploadPlanImport(as(officer), {
			file: file(
				await xlsx([
					['ORD-1', 'Einde voor start', '', '', '', '', '', '', '', '2027-01-01', '2026-01-01', '', '']
				])
			)
		});
		const orderPreview = await previewPlanImport(as(officer), { unverifiedId: order.id });
		expect(orderPreview.rows[0]!.problems).toEqual([
			{ field: 'plannedEnd', message: 'climatePlan.errors.plannedOrder' }
		]);
	});

	it('refuses a 50 MB file, an old .xls, a file that is no spreadsheet, an empty one and a zip bomb before reading', async () => {
		const before = await database.db.select({ id: climatePlanImports.id }).from(climatePlanImports);
		const huge = {
			name: 'plan.xlsx',
			size: 50 * 1024 * 1024,
			arrayBuffer: async () => {
				throw new Error('must not be read');
			}
		};
		const big = await refusal(uploadPlanImport(as(officer), { file: huge }), 'validation');
		expect(big.options.fields?.file).toEqual(['climatePlan.errors.fileTooLarge']);
		expect(dutch(big.messageKey, { max: 5 })).toBe('Het bestand is te groot: hoogstens 5 MB.');
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
		expect(
			(await refusal(uploadPlanImport(as(officer), { file: file(ole, 'plan.xls') }), 'validation')).messageKey
		).toBe('climatePlan.errors.fileOldExcel');
		const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7]);
		expect(
			(await refusal(uploadPlanImport(as(officer), { file: file(broken) }), 'validation')).messageKey
		).toBe('climatePlan.errors.fileUnreadable');
		expect(
			(await refusal(uploadPlanImport(as(officer), { file: file('', 'plan.csv') }), 'validation')).messageKey
		).toBe('climatePlan.errors.fileEmpty');
		expect((await refusal(uploadPlanImport(as(officer), { file: null }), 'validation')).messageKey).toBe(
			'climatePlan.errors.fileRequired'
		);
		expect(
			(
				await refusal(
					uploadPlanImport(as(officer), { file: file('alleen kopjes;geen rijen\r\n', 'plan.csv') }),
					'validation'
				)
			).messageKey
		).toBe('climatePlan.errors.fileEmpty');
		// 41 MB of zeros compress to a small zip whose directory says what it would unpack to.
		const { zipSync } = await import('fflate');
		const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(41 * 1024 * 1024) }, { level: 9 });
		expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
		expect(
			(await refusal(uploadPlanImport(as(officer), { file: file(bomb) }), 'validation')).messageKey
		).toBe('climatePlan.errors.fileTooLarge');
		const cell = `titel\r\n${'x'.repeat(6_000)}\r\n`;
		expect(
			(await refusal(uploadPlanImport(as(officer), { file: file(cell, 'plan.csv') }), 'validation'))
				.messageKey
		).toBe('climatePlan.errors.cellTooLong');
		const after = await database.db.select({ id: climatePlanImports.id }).from(climatePlanImports);
		expect(after.length).toBe(before.length);
	});

	it('refuses the import to those who do not steer the plan and to another municipality', async () => {
		const bytes = await xlsx([['A-1', 'Iets']]);
		await refusal(uploadPlanImport(as(alderman), { file: file(bytes) }), 'forbidden');
		await refusal(uploadPlanImport(as(molOfficer), { file: file(bytes) }), 'forbidden');
		await refusal(uploadPlanImport(as(undefined), { file: file(bytes) }), 'unauthenticated');
	});
});

describe('the Covenant of Mayors export', () => {
	it('writes an XLSX that an independent library reads back with the Covenant’s fields', async () => {
		const result = await exportCovenantReport(as(alderman), { format: 'xlsx' });
		expect(result.fileName).toMatch(/^burgemeestersconvenant-geel-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const workbook = XLSX.read(result.body, { type: 'array' });
		const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
		const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet);
		const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
		expect(header).toEqual([
			'Titel van de actie',
			'Sector',
			'Interventiegebied',
			'Beleidsinstrument',
			'Oorsprong van de actie',
			'Verantwoordelijke instantie',
			'Uitvoeringsstatus',
			'Startjaar',
			'Eindjaar',
			'Geraamde kost (EUR)',
			'Energiebesparing (MWh/jaar)',
			'Hernieuwbare energieproductie (MWh/jaar)',
			'CO2-reductie (t CO2/jaar)'
		]);
		const roof = rows.find((r) => r['Titel van de actie'] === 'Dakisolatie administratief centrum')!;
		expect(roof).toMatchObject({
			Sector: 'Gemeentelijke gebouwen, uitrusting en voorzieningen',
			'Verantwoordelijke instantie': 'Gebouwenbeheer',
			Uitvoeringsstatus: 'Lopend',
			Startjaar: 2026,
			Eindjaar: 2027,
			'Geraamde kost (EUR)': 620000.5,
			'CO2-reductie (t CO2/jaar)': 85.25
		});
		expect(rows.length).toBe(await actionCount(geel));
	});

	it('writes a CSV for Excel in Belgium with the same rows', async () => {
		const result = await exportCovenantReport(as(officer), { format: 'csv' });
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(result.body);
		expect(text.startsWith('\uFEFF"Titel van de actie";"Sector";')).toBe(true);
		const workbook = XLSX.read(text.replace(/^\uFEFF/, ''), { type: 'string', FS: ';' });
		const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(
			workbook.Sheets[workbook.SheetNames[0]!]!,
			{ raw: false }
		);
		const roof = rows.find((r) => r['Titel van de actie'] === 'Dakisolatie administratief centrum')!;
		expect(roof['Geraamde kost (EUR)']).toBe('620000,5');
		expect(rows.length).toBe(await actionCount(geel));
	});

	it('refuses the export to a citizen and to staff of another municipality', async () => {
		await refusal(exportCovenantReport(as(molOfficer), { format: 'xlsx' }), 'forbidden');
		const molExport = await exportCovenantReport(as(molOfficer, mol), { format: 'csv' });
		expect(new TextDecoder().decode(molExport.body)).not.toContain('Dakisolatie');
	});
});

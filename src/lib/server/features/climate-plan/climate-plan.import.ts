// Importing an existing plan from XLSX or CSV, and the Covenant of Mayors progress export. An upload is read
// (ExcelJS, for both formats), kept as text cells in climate_plan_imports, mapped column by column and previewed
// row by row with Dutch errors; only a confirmation with no error at all saves the actions, in one transaction.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import type { UploadedFile } from '$lib/server/platform/forms';
import { toCsv } from '$lib/server/platform/csv';
import { validateInput } from '$lib/server/platform/validation';
import type { MessageKey } from '$lib/i18n';
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import { PLAN_LIMITS, type CovenantSector, type PlanStatus } from '$lib/domain/climate-plan';
import { parseId } from '$lib/domain/ids';
import { command, read, type PlanScope } from './climate-plan.access';
import {
	deletePlanImport,
	ensurePlanDepartment,
	ensurePlanTheme,
	getPlanImport,
	insertPlanAction,
	insertPlanImport,
	listAllPlanActions,
	listExistingCodes,
	listPlanDepartments,
	listPlanPeople,
	listPlanThemes,
	setInvolvedDepartments
} from './climate-plan.queries';
import {
	IMPORT_FIELDS,
	IMPORT_HEADINGS,
	importRowSchema,
	mappingSchema,
	type ImportField,
	type ImportMapping,
	type ImportRowValues
} from './climate-plan.schemas';
import { fieldsOf } from './climate-plan.service';
import { brusselsDay } from '$lib/server/platform/dates';
import { staleBefore } from './climate-plan.present';

const refuse = (message: MessageKey, details?: Record<string, unknown>) =>
	new AppError('validation', { fields: { file: [message] }, message, details });

// ---------------------------------------------------------------------------------------------
// Reading a file into text cells
// ---------------------------------------------------------------------------------------------

/** A cell as text: dates as ISO days, numbers with a decimal comma (so "1.234" is never read as 1234). */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	if (typeof value === 'number') return String(value).replace('.', ',');
	if (typeof value === 'string') return value;
	if (typeof value === 'boolean') return value ? 'ja' : 'nee';
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
		if ('text' in value) return String(value.text);
		if ('error' in value) return '';
	}
	return String(value);
}

function sheetRows(sheet: ExcelJS.Worksheet | undefined): string[][] {
	const rows: string[][] = [];
	if (!sheet) return rows;
	if (sheet.rowCount > PLAN_LIMITS.importRowsMax + 1)
		throw refuse('climatePlan.errors.tooManyRows', { max: PLAN_LIMITS.importRowsMax });
	if (sheet.columnCount > PLAN_LIMITS.importColumnsMax)
		throw refuse('climatePlan.errors.tooManyColumns', { max: PLAN_LIMITS.importColumnsMax });
	sheet.eachRow({ includeEmpty: true }, (row, number) => {
		const cells: string[] = [];
		for (let c = 1; c <= Math.min(sheet.columnCount, PLAN_LIMITS.importColumnsMax); c++) {
			const text = cellText(row.getCell(c).value).replace(/\0/g, '').trim();
			if (text.length > PLAN_LIMITS.importCellMax)
				throw refuse('climatePlan.errors.cellTooLong', { row: number, max: PLAN_LIMITS.importCellMax });
			cells.push(text);
		}
		rows[number - 1] = cells;
	});
	return Array.from(rows, (r) => r ?? []);
}

/** Whether the bytes are a zip (XLSX) or an old binary Excel file. */
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
	// What it would unpack to, from its directory, before anything is unpacked (a zip bomb stops here).
	let unpacked = 0;
	let entries = 0;
	try {
		unzipSync(bytes, {
			filter(file) {
				unpacked += file.originalSize;
				entries += 1;
				return false;
			}
		});
	} catch {
		throw refuse('climatePlan.errors.fileUnreadable');
	}
	if (unpacked > PLAN_LIMITS.importUnpackedBytesMax || entries > 2_000)
		throw refuse('climatePlan.errors.fileTooLarge', { max: PLAN_LIMITS.importBytesMax / 1024 / 1024 });
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes.slice().buffer);
	} catch {
		throw refuse('climatePlan.errors.fileUnreadable');
	}
	return sheetRows(workbook.worksheets[0]);
}

async function readCsv(bytes: Uint8Array): Promise<string[][]> {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// A Belgian Excel may save CSV in Windows-1252.
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	text = text.replace(/^\uFEFF/, '').replace(/\0/g, '');
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const delimiter = [';', ',', '\t'].sort(
		(a, b) => firstLine.split(b).length - firstLine.split(a).length
	)[0]!;
	const workbook = new ExcelJS.Workbook();
	try {
		const sheet = await workbook.csv.read(Readable.from([text]), {
			map: (value: unknown) => value,
			parserOptions: { delimiter, ignoreEmpty: false }
		});
		return sheetRows(sheet);
	} catch (err) {
		if (err instanceof AppError) throw err;
		throw refuse('climatePlan.errors.fileUnreadable');
	}
}

/** The file's rows as text cells; the first non-empty row is its headings. */
export async function readPlanFile(file: UploadedFile): Promise<{ headers: string[]; rows: string[][] }> {
	if (file.size === 0) throw refuse('climatePlan.errors.fileEmpty');
	if (file.size > PLAN_LIMITS.importBytesMax)
		throw refuse('climatePlan.errors.fileTooLarge', { max: PLAN_LIMITS.importBytesMax / 1024 / 1024 });
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (isOle(bytes)) throw refuse('climatePlan.errors.fileOldExcel');
	const all = isZip(bytes) ? await readXlsx(bytes) : await readCsv(bytes);
	const nonEmpty = all.filter((r) => r.some((c) => c !== ''));
	const [headers, ...rows] = nonEmpty;
	if (!headers || rows.length === 0) throw refuse('climatePlan.errors.fileEmpty');
	if (rows.length > PLAN_LIMITS.importRowsMax)
		throw refuse('climatePlan.errors.tooManyRows', { max: PLAN_LIMITS.importRowsMax });
	const width = Math.max(headers.length, ...rows.map((r) => r.length));
	const pad = (r: string[]) => Array.from({ length: width }, (_, i) => r[i] ?? '');
	return { headers: pad(headers).map((h, i) => h || `Kolom ${i + 1}`), rows: rows.map(pad) };
}

const fold = (s: string) =>
	s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();

/** The mapping guessed from the headings (each column at most once). */
export function guessMapping(headers: string[]): ImportMapping {
	const folded = headers.map(fold);
	const used = new Set<number>();
	const mapping = {} as ImportMapping;
	for (const field of IMPORT_FIELDS) {
		const index = folded.findIndex((h, i) => !used.has(i) && IMPORT_HEADINGS[field].includes(h));
		mapping[field] = index === -1 ? null : index;
		if (index !== -1) used.add(index);
	}
	return mapping;
}

// ---------------------------------------------------------------------------------------------
// Checking rows
// ---------------------------------------------------------------------------------------------

export interface RowProblem {
	field: ImportField | 'row';
	message: MessageKey;
}

export interface CheckedRow {
	/** The row's number in the file (the headings are row 1). */
	line: number;
	values: ImportRowValues | null;
	responsibleId: string | null;
	problems: RowProblem[];
}

async function checkRows(
	db: Db,
	scope: PlanScope,
	rows: string[][],
	mapping: ImportMapping
): Promise<CheckedRow[]> {
	const municipalityId = scope.municipality.id;
	const people = new Map(
		(await listPlanPeople(db, { municipalityId }))
			.filter((p) => p.email)
			.map((p) => [p.email!.toLowerCase(), p.id])
	);
	const checked: CheckedRow[] = rows.map((cells, index) => {
		const raw = Object.fromEntries(
			IMPORT_FIELDS.map((f) => [f, mapping[f] === null ? '' : (cells[mapping[f]!] ?? '')])
		);
		const line = index + 2;
		const result = importRowSchema.safeParse(raw);
		if (!result.success) {
			const problems = result.error.issues.map((issue) => ({
				field: String(issue.path[0] ?? 'row') as ImportField,
				message: (/^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/.test(issue.message)
					? issue.message
					: 'backoffice.errors.invalid') as MessageKey
			}));
			return { line, values: null, responsibleId: null, problems };
		}
		const values = result.data;
		const problems: RowProblem[] = [];
		let responsibleId: string | null = null;
		if (values.responsible !== null) {
			responsibleId = people.get(values.responsible) ?? null;
			if (responsibleId === null)
				problems.push({ field: 'responsible', message: 'climatePlan.errors.responsibleUnknown' });
		}
		return { line, values, responsibleId, problems };
	});
	// Duplicates: the same code twice in the file, or a code the plan already has.
	const seen = new Map<string, number>();
	for (const row of checked) {
		const code = row.values?.code?.toLowerCase();
		if (!code) continue;
		if (seen.has(code)) row.problems.push({ field: 'code', message: 'climatePlan.errors.codeDuplicate' });
		else seen.set(code, row.line);
	}
	const codes = checked.map((r) => r.values?.code).filter((c): c is string => Boolean(c));
	const existing = new Set(
		(await listExistingCodes(db, { municipalityId, codes })).map((c) => c.toLowerCase())
	);
	for (const row of checked)
		if (row.values?.code && existing.has(row.values.code.toLowerCase()))
			row.problems.push({ field: 'code', message: 'climatePlan.errors.codeTaken' });
	// The same title twice without a code is a duplicate row too.
	const titles = new Set<string>();
	for (const row of checked) {
		if (!row.values || row.values.code) continue;
		const t = fold(row.values.title);
		if (titles.has(t)) row.problems.push({ field: 'title', message: 'climatePlan.errors.titleDuplicate' });
		titles.add(t);
	}
	return checked;
}

// ---------------------------------------------------------------------------------------------
// Use cases
// ---------------------------------------------------------------------------------------------

/** Reads an uploaded plan and keeps its cells for the mapping; nothing of the plan is saved. */
export const uploadPlanImport = command({
	load: async (_ctx, _scope, input: { file: (UploadedFile & { name?: string }) | null }) => input,
	prepare: async ({ input }) => {
		if (!input.file) throw refuse('climatePlan.errors.fileRequired');
		return readPlanFile(input.file);
	},
	execute: async (tx, { scope, input, prepared }) => {
		const name = (input.file?.name ?? 'plan').replace(/[^\p{L}\p{N} ._-]/gu, '').slice(0, 120) || 'plan';
		return insertPlanImport(tx, {
			municipalityId: scope.municipality.id,
			userId: scope.actor.userId,
			fileName: name,
			headers: prepared.headers,
			rows: prepared.rows
		});
	}
});

async function loadImport(db: Db, scope: PlanScope, unverifiedId: unknown, forUpdate = false) {
	const id = parseId(unverifiedId);
	const row =
		id === null
			? undefined
			: await getPlanImport(db, {
					municipalityId: scope.municipality.id,
					userId: scope.actor.userId,
					id,
					forUpdate
				});
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * The mapping as chosen (any field present in the input), else guessed from the headings; either way checked
 * (the title must be mapped, no column twice), refused beside the fields of the mapping form.
 */
function mappingOf(headers: string[], input: Record<string, unknown>): ImportMapping {
	const chosen = IMPORT_FIELDS.some((f) => input[f] !== undefined);
	const guessed = guessMapping(headers);
	const raw = chosen
		? input
		: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, guessed[f] === null ? '' : String(guessed[f])]));
	return validateInput(mappingSchema(headers.length), raw, { fallback: 'climatePlan.errors.mappingColumn' });
}

export interface ImportPreview {
	id: number;
	fileName: string;
	headers: string[];
	mapping: ImportMapping;
	/** Problems of the mapping itself (no title column, a column twice), by field; the rows wait for it. */
	mappingProblems: FieldErrors | null;
	rows: {
		line: number;
		title: string;
		code: string | null;
		theme: string;
		lead: string;
		status: PlanStatus | null;
		sector: CovenantSector | null;
		problems: RowProblem[];
	}[];
	total: number;
	withProblems: number;
	newThemes: string[];
	newDepartments: string[];
}

/** The preview: every row as it would be saved, with its problems; new themes and departments named. */
export const previewPlanImport = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedId: unknown } & Record<string, unknown>
	): Promise<ImportPreview> => {
		const upload = await loadImport(ctx.db, scope, input.unverifiedId);
		let mapping: ImportMapping;
		let mappingProblems: FieldErrors | null = null;
		try {
			mapping = mappingOf(upload.headers, input);
		} catch (err) {
			if (!isAppError(err) || err.code !== 'validation') throw err;
			mappingProblems = err.options.fields ?? {};
			mapping = guessMapping(upload.headers);
		}
		const checked = mappingProblems ? [] : await checkRows(ctx.db, scope, upload.rows, mapping);
		const municipalityId = scope.municipality.id;
		const themes = new Set(
			(await listPlanThemes(ctx.db, { municipalityId })).map((t) => t.name.toLowerCase())
		);
		const departments = new Set(
			(await listPlanDepartments(ctx.db, { municipalityId })).map((d) => d.name.toLowerCase())
		);
		const newThemes = new Map<string, string>();
		const newDepartments = new Map<string, string>();
		for (const r of checked) {
			if (!r.values) continue;
			const t = r.values.theme;
			if (t && !themes.has(t.toLowerCase())) newThemes.set(t.toLowerCase(), t);
			for (const d of [r.values.lead, ...r.values.involved])
				if (d && !departments.has(d.toLowerCase())) newDepartments.set(d.toLowerCase(), d);
		}
		return {
			id: upload.id,
			fileName: upload.fileName,
			headers: upload.headers,
			mapping,
			mappingProblems,
			rows: checked.map((r, i) => ({
				line: r.line,
				title: r.values?.title ?? (mapping.title === null ? '' : (upload.rows[i]?.[mapping.title] ?? '')),
				code: r.values?.code ?? null,
				theme: r.values?.theme ?? '',
				lead: r.values?.lead ?? '',
				status: r.values?.status ?? null,
				sector: r.values?.sector ?? null,
				problems: r.problems
			})),
			total: upload.rows.length,
			withProblems: checked.filter((r) => r.problems.length > 0).length,
			newThemes: [...newThemes.values()],
			newDepartments: [...newDepartments.values()]
		};
	}
});

/**
 * Saves every row of the upload as a plan action, with new themes and departments, in one transaction, and only
 * when no row has a problem: otherwise nothing is saved and the preview says why.
 */
export const confirmPlanImport = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & Record<string, unknown>) =>
		loadImport(ctx.db, scope, input.unverifiedId),
	prepare: async ({ ctx, scope, input, loaded }) => {
		const mapping = mappingOf(loaded.headers, input);
		const checked = await checkRows(ctx.db, scope, loaded.rows, mapping);
		const bad = checked.filter((r) => r.problems.length > 0);
		if (bad.length > 0)
			throw new AppError('validation', {
				message: 'climatePlan.errors.importHasProblems',
				details: { count: bad.length }
			});
		return checked;
	},
	execute: async (tx, { scope, loaded, prepared, record }): Promise<{ imported: number }> => {
		const municipalityId = scope.municipality.id;
		// The upload is taken (locked and deleted) in this transaction: a second confirmation imports nothing twice.
		await loadImport(tx, scope, loaded.id, true);
		const themeIds = new Map<string, number>();
		const departmentIds = new Map<string, number>();
		const themeOf = async (name: string) => {
			const k = name.toLowerCase();
			if (!themeIds.has(k)) themeIds.set(k, (await ensurePlanTheme(tx, { municipalityId, name })).id);
			return themeIds.get(k)!;
		};
		const departmentOf = async (name: string) => {
			const k = name.toLowerCase();
			if (!departmentIds.has(k))
				departmentIds.set(k, (await ensurePlanDepartment(tx, { municipalityId, name })).id);
			return departmentIds.get(k)!;
		};
		for (const row of prepared) {
			const v = row.values!;
			const created = await insertPlanAction(tx, {
				municipalityId,
				values: fieldsOf({
					...v,
					themeId: v.theme ? await themeOf(v.theme) : null,
					leadDepartmentId: v.lead ? await departmentOf(v.lead) : null,
					responsibleId: row.responsibleId
				})
			});
			const involved: number[] = [];
			for (const name of v.involved) involved.push(await departmentOf(name));
			await setInvolvedDepartments(tx, {
				municipalityId,
				planActionId: created.id,
				departmentIds: [...new Set(involved)]
			});
		}
		await deletePlanImport(tx, { municipalityId, id: loaded.id });
		record.audit({
			action: 'climate_plan.imported',
			details: { name: loaded.fileName, count: prepared.length }
		});
		return { imported: prepared.length };
	}
});

// ---------------------------------------------------------------------------------------------
// The Covenant of Mayors progress export
// ---------------------------------------------------------------------------------------------

/** The Covenant's implementation status for each of the plan's statuses. */
const COVENANT_STATUS: Record<PlanStatus, MessageKey> = {
	not_started: 'climatePlan.covenant.status.notStarted',
	ongoing: 'climatePlan.covenant.status.ongoing',
	completed: 'climatePlan.covenant.status.completed',
	postponed: 'climatePlan.covenant.status.postponed',
	stopped: 'climatePlan.covenant.status.cancelled'
};

export const COVENANT_COLUMNS = [
	'title',
	'sector',
	'area',
	'instrument',
	'origin',
	'responsible',
	'status',
	'startYear',
	'endYear',
	'cost',
	'energySavings',
	'renewable',
	'co2'
] as const;

export interface CovenantExport {
	fileName: string;
	contentType: string;
	body: Uint8Array;
}

/**
 * Per action the fields the Covenant's progress report asks: title, sector, area of intervention, policy
 * instrument, origin, responsible body (the lead department), implementation status, start and end year (actual,
 * else planned), estimated cost (EUR), energy savings and renewable production (MWh/year), CO2 reduction
 * (t CO2/year, achieved when known, else estimated). As XLSX (ExcelJS) or CSV (platform/csv.ts).
 */
export const exportCovenantReport = read({
	load: async (ctx, scope, input: { format: unknown }): Promise<CovenantExport> => {
		const format = input.format === 'csv' ? 'csv' : 'xlsx';
		const now = new Date();
		const rows = await listAllPlanActions(ctx.db, {
			municipalityId: scope.municipality.id,
			today: brusselsDay(now),
			staleBefore: staleBefore(now)
		});
		const t = (key: MessageKey) => translate(ctx.locale, key);
		const headings = COVENANT_COLUMNS.map((c) => t(`climatePlan.covenant.columns.${c}` as MessageKey));
		const year = (a: string | null, b: string | null) => {
			const d = a ?? b;
			return d ? Number(d.slice(0, 4)) : null;
		};
		const data = rows.map((r) => [
			r.title,
			t(`climatePlan.sectors.${r.sector}` as MessageKey),
			r.areaOfIntervention,
			r.policyInstrument,
			r.origin,
			r.leadDepartmentName ?? '',
			t(COVENANT_STATUS[r.status]),
			year(r.actualStart, r.plannedStart),
			year(r.actualEnd, r.plannedEnd),
			r.budgetCents === null ? null : r.budgetCents / 100,
			r.energySavingsMwh,
			r.renewableMwh,
			r.co2Achieved ?? r.co2Planned
		]);
		const base = `burgemeestersconvenant-${scope.municipality.slug}-${brusselsDay(now)}`;
		if (format === 'csv') {
			const comma = (v: string | number | null) =>
				typeof v === 'number' ? String(v).replace('.', ',') : (v ?? '');
			const csv = toCsv([headings, ...data.map((row) => row.map(comma))]);
			return {
				fileName: `${base}.csv`,
				contentType: 'text/csv; charset=utf-8',
				body: new TextEncoder().encode(csv)
			};
		}
		const workbook = new ExcelJS.Workbook();
		workbook.creator = 'Meedoen';
		workbook.created = now;
		const sheet = workbook.addWorksheet(t('climatePlan.covenant.sheet'));
		sheet.addRow(headings).font = { bold: true };
		for (const row of data) sheet.addRow(row);
		sheet.columns.forEach((column, i) => {
			column.width = i === 0 ? 50 : 20;
			if (i >= 9) column.numFmt = '#,##0.00';
		});
		sheet.views = [{ state: 'frozen', ySplit: 1 }];
		const buffer = await workbook.xlsx.writeBuffer();
		return {
			fileName: `${base}.xlsx`,
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			body: new Uint8Array(buffer as ArrayBuffer)
		};
	}
});

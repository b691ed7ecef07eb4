// The yearly LEKP report's figures as CSV (platform/csv.ts) and XLSX (ExcelJS): per kind its unit, each year's
// verified quantity from 2021, the total, the 2030 target and the percentage reached; the XLSX adds a sheet
// with every verified staff entry and the count of verified citizens' reports per kind (no names, no notes of
// citizens).
import ExcelJS from 'exceljs';
import { translate, type MessageKey } from '$lib/i18n';
import { toCsv } from '$lib/server/platform/csv';
import { read } from './climate-pact.access';
import { listRecordedOutcomes } from './climate-pact.queries';
import { brusselsDay } from '$lib/server/platform/dates';
import { climatePactTotals } from './climate-pact.totals';

export interface PactExport {
	fileName: string;
	contentType: string;
	body: Uint8Array;
}

export const exportPact = read({
	load: async (ctx, scope, input: { format: unknown }): Promise<PactExport> => {
		const format = input.format === 'csv' ? 'csv' : 'xlsx';
		const t = (key: string, params?: Record<string, string | number>) =>
			translate(ctx.locale, `climatePact.${key}` as MessageKey, params);
		const totals = await climatePactTotals(ctx, scope.municipality.id);
		const headings = [
			t('export.kind'),
			t('export.unit'),
			...totals.years.map(String),
			t('export.total'),
			t('export.target'),
			t('export.progress')
		];
		const rows = totals.kinds.map((k) => [
			translate(ctx.locale, `climatePactPublic.kinds.${k.kind}` as MessageKey),
			translate(ctx.locale, `climatePactPublic.units.${k.unit}` as MessageKey),
			...k.perYear.map((y) => y.total),
			k.total,
			k.target,
			k.progress
		]);
		const base = `klimaatpact-${scope.municipality.slug}-${brusselsDay()}`;
		if (format === 'csv') {
			const comma = (v: string | number | null) =>
				typeof v === 'number' ? String(v).replace('.', ',') : (v ?? '');
			const info = [
				[t('export.municipality'), scope.municipality.name],
				[t('export.inhabitants'), totals.inhabitants],
				[t('export.dwellings'), totals.dwellings ?? t('export.dwellingsMissing')],
				[]
			];
			const csv = toCsv([...info, headings, ...rows.map((row) => row.map(comma))]);
			return {
				fileName: `${base}.csv`,
				contentType: 'text/csv; charset=utf-8',
				body: new TextEncoder().encode(csv)
			};
		}
		const workbook = new ExcelJS.Workbook();
		workbook.creator = 'Meedoen';
		workbook.created = new Date();
		const sheet = workbook.addWorksheet(t('export.sheetTotals'));
		sheet.addRow([t('export.municipality'), scope.municipality.name]);
		sheet.addRow([t('export.inhabitants'), totals.inhabitants]);
		sheet.addRow([t('export.dwellings'), totals.dwellings ?? t('export.dwellingsMissing')]);
		sheet.addRow([]);
		sheet.addRow(headings).font = { bold: true };
		for (const row of rows) sheet.addRow(row);
		sheet.getColumn(1).width = 45;
		sheet.getColumn(2).width = 16;

		const entries = workbook.addWorksheet(t('export.sheetEntries'));
		entries.addRow([
			t('export.date'),
			t('export.kind'),
			t('export.quantity'),
			t('export.unit'),
			t('export.on'),
			t('export.note')
		]).font = { bold: true };
		const recorded = await listRecordedOutcomes(ctx.db, {
			municipalityId: scope.municipality.id,
			limit: 100_000
		});
		for (const r of recorded.filter((r) => r.status === 'verified'))
			entries.addRow([
				r.occurredOn,
				translate(ctx.locale, `climatePactPublic.kinds.${r.kind}` as MessageKey),
				r.quantity,
				translate(
					ctx.locale,
					`climatePactPublic.units.${totals.kinds.find((k) => k.kind === r.kind)!.unit}` as MessageKey
				),
				r.actionTitle ?? r.eventTitle ?? '',
				r.note
			]);
		entries.getColumn(2).width = 40;
		entries.getColumn(5).width = 40;
		entries.getColumn(6).width = 50;
		const buffer = await workbook.xlsx.writeBuffer();
		return {
			fileName: `${base}.xlsx`,
			contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			body: new Uint8Array(buffer as ArrayBuffer)
		};
	}
});

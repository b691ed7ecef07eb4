// The interim report as files for the funder: XLSX (ExcelJS; a sheet of KPIs with target, reached, computed,
// percent, motivation and verdict, one of initiatives, one of minimum expectations, one of extra sections) and
// a tagged PDF (platform/pdf.ts: title, language nl-BE, headings and lists) in the municipality's colours. Both
// from getReportView, so they hold exactly the figures the page shows (locked ones once submitted).
import ExcelJS from 'exceljs';
import { formatDate, formatNumber, intlLocale, translate, type MessageKey } from '$lib/i18n';
import { readableTextOn } from '$lib/domain/colors';
import type { Ctx } from '$lib/server/platform/context';
import { createPdf, type PdfRole, type PdfTextStyle } from '$lib/server/platform/pdf';
import { getReportView, reportLook, type ReportView } from './funder-reports.service';

export interface ReportFile {
	fileName: string;
	contentType: string;
	body: Uint8Array;
}

function baseName(view: ReportView) {
	const who = view.submitter.slug ?? 'regio';
	return `rapport-${view.programme.id}-${view.period.key}-${who}`;
}

export async function exportReportXlsx(
	ctx: Ctx,
	input: { unverifiedReportId: unknown }
): Promise<ReportFile> {
	const view = await getReportView(ctx, input);
	const t = (key: string, params?: Record<string, string | number>) =>
		translate(ctx.locale, `funderReports.${key}` as MessageKey, params);
	const yesNo = (v: string | boolean | undefined) =>
		v === 'yes' || v === true ? t('yes') : v === 'no' || v === false ? t('no') : '';
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Meedoen';
	workbook.created = new Date();
	const kpis = workbook.addWorksheet(t('export.sheetKpis'));
	kpis.addRow([t('export.programme'), view.programme.name]);
	kpis.addRow([t('export.funder'), view.programme.funder]);
	kpis.addRow([t('export.period'), view.period.label]);
	kpis.addRow([t('export.submitter'), view.submitter.name]);
	kpis.addRow([t('export.status'), t(`status.${view.status}`)]);
	kpis.addRow([]);
	const header = kpis.addRow([
		t('export.action'),
		t('export.kpi'),
		t('export.target'),
		t('export.reached'),
		t('export.computed'),
		t('export.percent'),
		t('export.below'),
		t('export.reason'),
		t('export.motivation'),
		t('export.stopped'),
		t('export.notDone'),
		t('export.efforts'),
		t('export.enough'),
		t('export.mayContinue'),
		t('export.conclusion')
	]);
	header.font = { bold: true };
	const initiatives = workbook.addWorksheet(t('export.sheetInitiatives'));
	initiatives.addRow([
		t('export.action'),
		t('export.initiative'),
		t('export.timing'),
		t('export.contribution')
	]).font = {
		bold: true
	};
	const expectations = workbook.addWorksheet(t('export.sheetExpectations'));
	expectations.addRow([
		t('export.action'),
		t('export.expectation'),
		t('export.answer'),
		t('export.text'),
		t('export.item'),
		t('export.text')
	]).font = {
		bold: true
	};
	for (const action of view.programme.definition.actions) {
		const f = view.figures[action.key]!;
		const a = view.answers.actions[action.key]!;
		const v = view.verdict?.[action.key];
		kpis.addRow([
			action.title,
			view.kpiNames[action.key],
			f.target,
			f.reached,
			f.computed,
			f.percent === null ? null : f.percent / 100,
			yesNo(f.below),
			a.reason,
			a.motivation,
			yesNo(a.stopped),
			a.notDone,
			a.efforts,
			yesNo(v?.enough),
			yesNo(v?.mayContinue),
			v?.conclusion ?? ''
		]);
		for (const i of a.initiatives)
			initiatives.addRow([action.title, i.description, i.timing, i.contribution]);
		for (const exp of action.expectations) {
			const x = view.answers.expectations[`${action.key}.${exp.key}`];
			expectations.addRow([action.title, exp.title, yesNo(x?.answer), x?.text ?? '', '', '']);
			for (const item of exp.items)
				expectations.addRow([action.title, exp.title, '', '', item.label, x?.items[item.key] ?? '']);
		}
	}
	kpis.getColumn(6).numFmt = '0%';
	for (const [i, width] of [40, 30, 12, 12, 12, 10, 12, 30, 40, 10, 30, 30, 14, 14, 40].entries())
		kpis.getColumn(i + 1).width = width;
	if (view.programme.definition.sections.length) {
		const sections = workbook.addWorksheet(t('export.sheetSections'));
		sections.addRow([t('export.section'), t('export.question'), t('export.answer')]).font = { bold: true };
		for (const s of view.programme.definition.sections)
			for (const q of s.questions) {
				const v = view.answers.sections[`${s.key}.${q.key}`] ?? '';
				sections.addRow([s.title, q.label, q.kind === 'count' && v !== '' ? Number(v) : v]);
			}
	}
	const buffer = await workbook.xlsx.writeBuffer();
	return {
		fileName: `${baseName(view)}.xlsx`,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: new Uint8Array(buffer as ArrayBuffer)
	};
}

export async function exportReportPdf(
	ctx: Ctx,
	input: { unverifiedReportId: unknown },
	now = new Date()
): Promise<ReportFile> {
	const view = await getReportView(ctx, input);
	const look = await reportLook(ctx, view);
	const locale = ctx.locale;
	const t = (key: string, params?: Record<string, string | number>) =>
		translate(locale, `funderReports.${key}` as MessageKey, params);
	const num = (n: number | null) => (n === null ? t('none') : formatNumber(n, locale));
	const yesNo = (v: string | undefined) => (v === 'yes' ? t('yes') : v === 'no' ? t('no') : t('none'));
	const name = view.submitter.name;
	const pdf = createPdf(
		{
			title: t('export.pdfTitle', { programme: view.programme.name, period: view.period.label, name }),
			lang: intlLocale(locale),
			author: name,
			subject: t('export.pdfSubject', { funder: view.programme.funder }),
			keywords: [t('export.pdfKeyword'), name],
			creationDate: now
		},
		{ margin: 56 }
	);
	const margin = 56;
	const width = pdf.width - 2 * margin;
	const primary = look.primaryColor;
	const headingColour = readableTextOn(primary) === '#ffffff' ? primary : '#111111';
	pdf.decoration((g) => {
		g.rect({ left: 0, top: 0, width: pdf.width, height: 72 }, primary);
		g.rect({ left: 0, top: 72, width: pdf.width, height: 5 }, look.accentColor);
	});
	pdf.text(
		'P',
		`${name} · ${view.programme.funder}`,
		{ left: margin, top: 26, width },
		{ size: 16, weight: 'bold', colour: readableTextOn(primary), maxLines: 1 }
	);
	let top = 100;
	const room = (needed: number) => {
		if (top > pdf.height - margin - needed) {
			pdf.addPage();
			top = margin;
		}
	};
	const write = (role: PdfRole, text: string, style: PdfTextStyle, gap = 6) => {
		room(role.startsWith('H') ? 80 : 24);
		top = pdf.text(role, text, { left: margin, top, width }, style) + gap;
	};
	const list = (items: string[]) => {
		if (!items.length) return;
		pdf.group('L', () => {
			for (const item of items)
				pdf.group('LI', () => {
					room(24);
					pdf.text('Lbl', '•', { left: margin + 4, top, width: 10 }, { size: 10.5 });
					pdf.group('LBody', () => {
						top = pdf.text('P', item, { left: margin + 16, top, width: width - 16 }, { size: 10.5 }) + 3;
					});
				});
		});
		top += 6;
	};
	write('H1', `${t('report.title')}: ${view.programme.name}`, { size: 20, weight: 'bold' }, 6);
	write('P', view.period.label, { size: 12 }, 2);
	write(
		'P',
		t('export.pdfIssued', { date: formatDate(now, locale), status: t(`status.${view.status}`) }),
		{ size: 11 },
		12
	);
	for (const action of view.programme.definition.actions) {
		const f = view.figures[action.key]!;
		const a = view.answers.actions[action.key]!;
		const v = view.verdict?.[action.key];
		pdf.group('Sect', () => {
			write('H2', action.title, { size: 14, weight: 'bold', colour: headingColour }, 4);
			write('P', t('report.kpiTitle', { name: view.kpiNames[action.key] ?? '' }), { size: 10.5 }, 2);
			write(
				'P',
				t('export.pdfKpiLine', {
					target: num(f.target),
					reached: num(f.reached),
					percent: f.percent === null ? t('none') : `${f.percent} %`
				}),
				{ size: 11, weight: f.below ? 'bold' : 'regular' },
				2
			);
			if (f.source !== 'manual')
				write('P', t('export.pdfComputed', { value: num(f.computed) }), { size: 10 }, 2);
			if (f.overridden && a.reason) write('P', t('export.pdfReason', { reason: a.reason }), { size: 10 }, 2);
			if (a.stopped)
				write('P', t('export.pdfStopped', { notDone: a.notDone, efforts: a.efforts }), { size: 10.5 }, 4);
			if (a.motivation)
				write('P', t('export.pdfMotivation', { motivation: a.motivation }), { size: 10.5 }, 4);
			list(
				a.initiatives.map((i) =>
					t('export.pdfInitiative', {
						description: i.description,
						timing: i.timing,
						contribution: i.contribution
					})
				)
			);
			for (const exp of action.expectations) {
				const x = view.answers.expectations[`${action.key}.${exp.key}`];
				write('H3', exp.title, { size: 11.5, weight: 'bold' }, 2);
				write('P', `${yesNo(x?.answer)}${x?.text ? `: ${x.text}` : ''}`, { size: 10.5 }, 2);
				list(exp.items.filter((i) => x?.items[i.key]).map((i) => `${i.label}: ${x!.items[i.key]}`));
			}
			if (v) {
				write('H3', t('report.verdictTitle'), { size: 11.5, weight: 'bold' }, 2);
				write(
					'P',
					t('export.pdfVerdict', { enough: yesNo(v.enough), mayContinue: yesNo(v.mayContinue) }),
					{ size: 10.5 },
					2
				);
				if (v.conclusion)
					write('P', t('export.pdfConclusion', { conclusion: v.conclusion }), { size: 10.5 }, 8);
			}
			top += 6;
		});
	}
	for (const s of view.programme.definition.sections)
		pdf.group('Sect', () => {
			write('H2', s.title, { size: 14, weight: 'bold', colour: headingColour }, 4);
			list(s.questions.map((q) => `${q.label} ${view.answers.sections[`${s.key}.${q.key}`] ?? t('none')}`));
		});
	return { fileName: `${baseName(view)}.pdf`, contentType: 'application/pdf', body: await pdf.toBytes() };
}

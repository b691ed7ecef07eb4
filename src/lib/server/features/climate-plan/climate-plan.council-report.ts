// The climate plan's progress report for the council: a tagged PDF (platform/pdf.ts) in the municipality's
// colours with the status per theme, what changed since the previous report (updates, status changes, new
// actions) and the adjustments with their reasons. Each issued report is kept with its date, its period and every
// action's status then, so "since the last report" compares with what that report said. Staff who read the plan
// see and download the reports; those who steer it issue one.
import {
	formatDate,
	formatEuros,
	formatNumber,
	intlLocale,
	translate,
	type Locale,
	type MessageKey
} from '$lib/i18n';
import { readableTextOn } from '$lib/domain/colors';
import { PLAN_STATUSES, type PlanStatus } from '$lib/domain/climate-plan';
import { parseId } from '$lib/domain/ids';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import { createPdf, type PdfRole, type PdfTextStyle } from '$lib/server/platform/pdf';
import { command, read } from './climate-plan.access';
import { brusselsDay } from '$lib/server/platform/dates';
import {
	getLastReport,
	getReportFile,
	getReportMunicipality,
	insertReport,
	listReportActions,
	listReports,
	listUpdatesOfPeriod,
	lockReports
} from './climate-plan.council-report.queries';

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		/** A progress report for the council issued, with its period. */
		'climate_plan.council_report_issued': true;
	}
}

type StatusCounts = Record<PlanStatus, number>;

export interface CouncilReportData {
	municipality: { name: string; primaryColor: string; accentColor: string };
	issuedAt: Date;
	/** The previous report's issue; null for the first report. */
	periodStart: Date | null;
	overview: StatusCounts & {
		/** Not stopped. */
		actions: number;
		late: number;
		co2Planned: number;
		co2Achieved: number;
		budgetCents: number;
		spentCents: number;
	};
	themes: (StatusCounts & {
		name: string | null;
		actions: number;
		co2Planned: number;
		co2Achieved: number;
	})[];
	statusChanges: { id: number; title: string; from: PlanStatus | null; to: PlanStatus }[];
	updates: {
		title: string;
		at: Date;
		statusAfter: PlanStatus;
		done: string;
		blockers: string;
		adjustment: string;
		adjustmentReason: string;
	}[];
	/** Each action's status now: kept with the report for the next one's comparison. */
	statuses: Record<string, PlanStatus>;
}

const zeroCounts = (): StatusCounts => Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** What the report issued at `now` holds: everything read in the caller's transaction. */
export async function gatherCouncilReport(
	db: Db,
	municipalityId: string,
	now: Date
): Promise<CouncilReportData> {
	const municipality = await getReportMunicipality(db, { municipalityId });
	if (!municipality) throw new AppError('not_found');
	const last = await getLastReport(db, { municipalityId });
	const periodStart = last ? new Date(last.issuedAt) : null;
	const actions = await listReportActions(db, { municipalityId, today: brusselsDay(now) });
	const updates = await listUpdatesOfPeriod(db, { municipalityId, after: periodStart, until: now });

	const overview = {
		...zeroCounts(),
		actions: 0,
		late: 0,
		co2Planned: 0,
		co2Achieved: 0,
		budgetCents: 0,
		spentCents: 0
	};
	const themes = new Map<string | null, CouncilReportData['themes'][number]>();
	const statuses: Record<string, PlanStatus> = {};
	const statusChanges: CouncilReportData['statusChanges'] = [];
	for (const a of actions) {
		statuses[String(a.id)] = a.status;
		overview[a.status] += 1;
		let theme = themes.get(a.themeName);
		if (!theme)
			themes.set(
				a.themeName,
				(theme = { ...zeroCounts(), name: a.themeName, actions: 0, co2Planned: 0, co2Achieved: 0 })
			);
		theme[a.status] += 1;
		if (a.status !== 'stopped') {
			overview.actions += 1;
			overview.co2Planned += a.co2Planned ?? 0;
			overview.co2Achieved += a.co2Achieved ?? 0;
			overview.budgetCents += a.budgetCents ?? 0;
			overview.spentCents += a.spentCents ?? 0;
			if (a.late) overview.late += 1;
			theme.actions += 1;
			theme.co2Planned += a.co2Planned ?? 0;
			theme.co2Achieved += a.co2Achieved ?? 0;
		}
		if (last) {
			const before = last.statuses[String(a.id)];
			if (before === undefined) statusChanges.push({ id: a.id, title: a.title, from: null, to: a.status });
			else if (before !== a.status)
				statusChanges.push({ id: a.id, title: a.title, from: before, to: a.status });
		}
	}
	return {
		municipality,
		issuedAt: now,
		periodStart,
		overview,
		themes: [...themes.values()].sort((x, y) =>
			x.name === null ? 1 : y.name === null ? -1 : x.name.localeCompare(y.name, 'nl')
		),
		statusChanges,
		updates: updates.map((u) => ({
			title: u.title,
			at: new Date(u.createdAt),
			statusAfter: u.statusAfter,
			done: u.done,
			blockers: u.blockers,
			adjustment: u.adjustment,
			adjustmentReason: u.adjustmentReason
		})),
		statuses
	};
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Lays the report out over as many A4 pages as it needs; headings in order, lists as lists. */
export async function councilReportPdf(data: CouncilReportData, locale: Locale): Promise<Uint8Array> {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
	const date = (d: Date) => formatDate(d, locale);
	const num = (n: number) => formatNumber(round(n), locale);
	const euro = (cents: number) => formatEuros(cents, locale);
	const status = (s: PlanStatus) => t(`climatePlan.status.${s}`).toLowerCase();
	const name = data.municipality.name;
	const pdf = createPdf(
		{
			title: t('climatePlanViews.report.pdf.documentTitle', { name, date: date(data.issuedAt) }),
			lang: intlLocale(locale),
			author: name,
			subject: t('climatePlanViews.report.pdf.subject', { name }),
			keywords: [t('climatePlanViews.report.pdf.keyword'), name],
			creationDate: data.issuedAt
		},
		{ margin: 56 }
	);
	const margin = 56;
	const width = pdf.width - 2 * margin;
	const primary = data.municipality.primaryColor;
	// Text in the municipality's colour only where it stays readable on white.
	const headingColour = readableTextOn(primary) === '#ffffff' ? primary : '#111111';
	let top = 0;

	pdf.decoration((g) => {
		g.rect({ left: 0, top: 0, width: pdf.width, height: 72 }, primary);
		g.rect({ left: 0, top: 72, width: pdf.width, height: 5 }, data.municipality.accentColor);
	});
	pdf.text(
		'P',
		t('climatePlanViews.report.pdf.band', { name }),
		{ left: margin, top: 26, width },
		{ size: 18, weight: 'bold', colour: readableTextOn(primary), maxLines: 1 }
	);
	top = 100;

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
	const list = (items: string[][]) => {
		pdf.group('L', () => {
			for (const lines of items)
				pdf.group('LI', () => {
					room(28);
					pdf.text('Lbl', '•', { left: margin + 4, top, width: 10 }, { size: 10.5 });
					pdf.group('LBody', () => {
						for (const [i, line] of lines.entries())
							top =
								pdf.text(
									'P',
									line,
									{ left: margin + 16, top, width: width - 16 },
									i === 0 ? { size: 10.5 } : { size: 10, colour: '#4a4a4a' }
								) + 2;
					});
					top += 3;
				});
		});
		top += 6;
	};
	const h2 = (text: string) => write('H2', text, { size: 15, weight: 'bold', colour: headingColour }, 6);
	const h3 = (text: string) => write('H3', text, { size: 12.5, weight: 'bold' }, 4);
	const counts = (c: StatusCounts) => ({
		completed: c.completed,
		ongoing: c.ongoing,
		notStarted: c.not_started,
		postponed: c.postponed,
		stopped: c.stopped
	});

	write('H1', t('climatePlanViews.report.pdf.heading'), { size: 22, weight: 'bold' }, 6);
	write('P', t('climatePlanViews.report.pdf.issued', { date: date(data.issuedAt) }), { size: 11 }, 2);
	write(
		'P',
		data.periodStart
			? t('climatePlanViews.report.pdf.period', { from: date(data.periodStart), to: date(data.issuedAt) })
			: t('climatePlanViews.report.pdf.firstPeriod', { to: date(data.issuedAt) }),
		{ size: 11 },
		12
	);

	pdf.group('Sect', () => {
		h2(t('climatePlanViews.report.pdf.overviewTitle'));
		const o = data.overview;
		write(
			'P',
			t('climatePlanViews.report.pdf.overview', { count: o.actions, late: o.late, ...counts(o) }),
			{ size: 11 },
			4
		);
		write(
			'P',
			t('climatePlanViews.report.pdf.co2', { achieved: num(o.co2Achieved), planned: num(o.co2Planned) }),
			{ size: 11 },
			4
		);
		write(
			'P',
			t('climatePlanViews.report.pdf.budget', { spent: euro(o.spentCents), budget: euro(o.budgetCents) }),
			{ size: 11 },
			10
		);
	});

	pdf.group('Sect', () => {
		h2(t('climatePlanViews.report.pdf.themesTitle'));
		for (const theme of data.themes) {
			h3(theme.name ?? t('climatePlanViews.report.pdf.noTheme'));
			write(
				'P',
				t('climatePlanViews.report.pdf.theme', {
					count: theme.actions,
					...counts(theme),
					achieved: num(theme.co2Achieved),
					planned: num(theme.co2Planned)
				}),
				{ size: 10.5 },
				8
			);
		}
	});

	pdf.group('Sect', () => {
		h2(
			data.periodStart
				? t('climatePlanViews.report.pdf.changesTitle')
				: t('climatePlanViews.report.pdf.changesTitleFirst')
		);
		h3(t('climatePlanViews.report.pdf.statusTitle'));
		if (!data.periodStart) write('P', t('climatePlanViews.report.pdf.firstStatus'), { size: 10.5 }, 8);
		else if (!data.statusChanges.length)
			write('P', t('climatePlanViews.report.pdf.noStatusChanges'), { size: 10.5 }, 8);
		else
			list(
				data.statusChanges.map((c) => [
					c.from === null
						? t('climatePlanViews.report.pdf.newAction', { title: c.title, to: status(c.to) })
						: t('climatePlanViews.report.pdf.statusChange', {
								title: c.title,
								from: status(c.from),
								to: status(c.to)
							})
				])
			);
		h3(t('climatePlanViews.report.pdf.updatesTitle'));
		if (!data.updates.length) write('P', t('climatePlanViews.report.pdf.noUpdates'), { size: 10.5 }, 8);
		else
			list(
				data.updates.map((u) => [
					t('climatePlanViews.report.pdf.update', {
						title: u.title,
						date: date(u.at),
						status: status(u.statusAfter),
						done: u.done
					}),
					...(u.blockers.trim() ? [t('climatePlanViews.report.pdf.blockers', { blockers: u.blockers })] : [])
				])
			);
	});

	pdf.group('Sect', () => {
		h2(t('climatePlanViews.report.pdf.adjustmentsTitle'));
		const adjustments = data.updates.filter((u) => u.adjustment.trim());
		if (!adjustments.length) write('P', t('climatePlanViews.report.pdf.noAdjustments'), { size: 10.5 }, 8);
		else
			list(
				adjustments.map((u) => [
					t('climatePlanViews.report.pdf.adjustment', {
						title: u.title,
						date: date(u.at),
						adjustment: u.adjustment
					}),
					u.adjustmentReason.trim()
						? t('climatePlanViews.report.pdf.reason', { reason: u.adjustmentReason })
						: t('climatePlanViews.report.pdf.noReason')
				])
			);
	});
	write('P', t('climatePlanViews.report.pdf.footer', { name }), { size: 9, colour: '#4a4a4a' }, 0);
	return pdf.toBytes();
}

export interface CouncilReportsPage {
	canManage: boolean;
	/** What the next report would hold, were it issued now. */
	pending: {
		since: string | null;
		updates: number;
		statusChanges: number;
		adjustments: number;
		newActions: number;
	};
	reports: {
		id: number;
		issuedAt: string;
		periodStart: string | null;
		issuedByName: string | null;
		actionCount: number;
		bytes: number;
	}[];
}

/** The staff page: the reports issued here and what the next one would hold. */
export const getCouncilReports = read({
	load: async (ctx, scope): Promise<CouncilReportsPage> => {
		const municipalityId = scope.municipality.id;
		const data = await gatherCouncilReport(ctx.db, municipalityId, new Date());
		const reports = await listReports(ctx.db, { municipalityId });
		return {
			canManage: scope.canManage,
			pending: {
				since: data.periodStart?.toISOString() ?? null,
				updates: data.updates.length,
				statusChanges: data.statusChanges.filter((c) => c.from !== null).length,
				adjustments: data.updates.filter((u) => u.adjustment.trim()).length,
				newActions: data.statusChanges.filter((c) => c.from === null).length
			},
			reports: reports.map((r) => ({
				id: r.id,
				issuedAt: new Date(r.issuedAt).toISOString(),
				periodStart: r.periodStart ? new Date(r.periodStart).toISOString() : null,
				issuedByName: r.issuedByName,
				actionCount: r.actionCount,
				bytes: r.bytes
			}))
		};
	}
});

/** Issues the report now: made, kept with its period and the statuses, in one transaction. */
export const issueCouncilReport = command({
	load: async () => ({}),
	execute: async (tx, { ctx, scope, record }): Promise<{ id: number }> => {
		const municipalityId = scope.municipality.id;
		await lockReports(tx, { municipalityId });
		const now = new Date();
		const data = await gatherCouncilReport(tx, municipalityId, now);
		const bytes = await councilReportPdf(data, ctx.locale);
		const fileName = `raadsrapport-klimaatplan-${scope.municipality.slug}-${brusselsDay(now)}.pdf`;
		const report = await insertReport(tx, {
			municipalityId,
			issuedAt: now,
			issuedBy: scope.actor.userId,
			periodStart: data.periodStart,
			statuses: data.statuses,
			actionCount: Object.keys(data.statuses).length,
			fileName,
			bytes: Buffer.from(bytes)
		});
		record.audit({
			action: 'climate_plan.council_report_issued',
			details: {
				reportId: report.id,
				periodStart: data.periodStart?.toISOString() ?? null,
				updates: data.updates.length
			}
		});
		return report;
	}
});

/** An issued report's PDF, as it was issued; another municipality's is not found. */
export const getCouncilReportFile = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => {
		const id = parseId(input.unverifiedId);
		const file =
			id === null ? undefined : await getReportFile(ctx.db, { municipalityId: scope.municipality.id, id });
		if (!file) throw new AppError('not_found');
		return { fileName: file.fileName, bytes: new Uint8Array(file.bytes) };
	}
});

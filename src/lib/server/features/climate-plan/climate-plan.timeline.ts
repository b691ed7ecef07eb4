// The plan's timeline: the filtered actions as bars from their planned start to their planned end across months
// and years, today marked and late ones flagged, positions computed here so the page draws them without
// JavaScript; actions without a planned date are listed apart. Everyone who may read the plan sees it.
import type { RawInput } from '$lib/server/platform/validation';
import type { PlanStatus, PlanPriority } from '$lib/domain/climate-plan';
import { read } from './climate-plan.access';
import { listPlanDepartments, listPlanThemes, type NamedRow } from './climate-plan.queries';
import { planFiltersSchema, type PlanFilters } from './climate-plan.schemas';
import {
	filterParams,
	getTimelineRange,
	listTimelineActions,
	listUndatedActions,
	type TimelineRow
} from './climate-plan.views.queries';

export const TIMELINE_PAGE_SIZE = 50;
/** Undated actions shown apart (their number is always given). */
export const TIMELINE_UNDATED_MAX = 100;

export interface TimelineItem {
	id: number;
	code: string | null;
	title: string;
	status: PlanStatus;
	priority: PlanPriority;
	leadDepartmentName: string | null;
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
	late: boolean;
	/** Where the bar starts and how wide it is, in percent of the axis (only for dated actions). */
	offset: number;
	width: number;
}

export interface TimelineTick {
	/** The first day of the month or year the tick marks (ISO). */
	day: string;
	kind: 'year' | 'month';
	offset: number;
}

export interface PlanTimeline {
	canManage: boolean;
	filters: PlanFilters;
	themes: NamedRow[];
	departments: NamedRow[];
	today: string;
	/** The axis: from the first day of the first month to the last day of the last month shown. */
	axis: { from: string; to: string; todayOffset: number; ticks: TimelineTick[] } | null;
	items: TimelineItem[];
	total: number;
	page: number;
	pageCount: number;
	undated: Omit<TimelineItem, 'offset' | 'width'>[];
	undatedTotal: number;
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const round = (n: number) => Math.round(n * 100) / 100;

/** The axis around the planned days and today: whole months, ticks per year, and per month up to 3 years. */
export function timelineAxis(first: string, last: string, today: string) {
	const lo = [first, today].sort()[0]!;
	const hi = [last, today].sort()[1]!;
	const from = `${lo.slice(0, 7)}-01`;
	const endMonth = new Date(Date.UTC(+hi.slice(0, 4), +hi.slice(5, 7), 1));
	const to = isoOf(endMonth.getTime() / DAY - 1);
	const start = dayNumber(from);
	const span = dayNumber(to) + 1 - start;
	const offsetOf = (iso: string) => round(((dayNumber(iso) - start) / span) * 100);
	const months = (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7)) + 1;
	const ticks: TimelineTick[] = [];
	for (let m = 0; m < months; m++) {
		const date = new Date(Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1 + m, 1));
		const day = date.toISOString().slice(0, 10);
		const kind = date.getUTCMonth() === 0 || m === 0 ? 'year' : 'month';
		if (kind === 'year' || months <= 36) ticks.push({ day, kind, offset: offsetOf(day) });
	}
	return {
		from,
		to,
		todayOffset: offsetOf(today),
		ticks,
		place(startIso: string, endIso: string) {
			const offset = offsetOf(startIso);
			const width = round(((dayNumber(endIso) + 1 - dayNumber(startIso)) / span) * 100);
			return { offset, width: Math.max(width, 0.6) };
		}
	};
}

const plain = (row: TimelineRow) => ({
	id: row.id,
	code: row.code,
	title: row.title,
	status: row.status,
	priority: row.priority,
	leadDepartmentName: row.leadDepartmentName,
	plannedStart: row.plannedStart,
	plannedEnd: row.plannedEnd,
	actualStart: row.actualStart,
	actualEnd: row.actualEnd,
	late: Boolean(row.late)
});

/** The timeline with the board's filters, a page of dated actions at a time and the undated ones apart. */
export const getPlanTimeline = read({
	load: async (ctx, scope, input: RawInput<typeof planFiltersSchema>): Promise<PlanTimeline> => {
		const filters = planFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const now = new Date();
		const params = filterParams(municipalityId, filters, now);
		const today = params.today;
		const range = await getTimelineRange(ctx.db, params);
		const pageCount = Math.max(1, Math.ceil(range.count / TIMELINE_PAGE_SIZE));
		const page = Math.min(filters.page, pageCount);
		const rows =
			range.count === 0
				? []
				: await listTimelineActions(ctx.db, {
						...params,
						limit: TIMELINE_PAGE_SIZE,
						offset: (page - 1) * TIMELINE_PAGE_SIZE
					});
		const undated = await listUndatedActions(ctx.db, { ...params, limit: TIMELINE_UNDATED_MAX });
		const axis = range.first && range.last ? timelineAxis(range.first, range.last, today) : null;
		return {
			canManage: scope.canManage,
			filters: { ...filters, page },
			themes: await listPlanThemes(ctx.db, { municipalityId }),
			departments: await listPlanDepartments(ctx.db, { municipalityId }),
			today,
			axis: axis && {
				from: axis.from,
				to: axis.to,
				todayOffset: axis.todayOffset,
				ticks: axis.ticks
			},
			items: rows.map((row) => {
				const start = row.plannedStart ?? row.plannedEnd!;
				const end = row.plannedEnd ?? row.plannedStart!;
				return { ...plain(row), ...axis!.place(start, end) };
			}),
			total: range.count,
			page,
			pageCount,
			undated: undated.rows.map(plain),
			undatedTotal: undated.total
		};
	}
});

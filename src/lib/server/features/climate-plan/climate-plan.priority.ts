// The plan's priority view: each filtered action's expected CO2 reduction (t/year) against its budget, drawn as
// a scatter whose scales and ticks come from d3-scale (computed here, so the page is an SVG without JavaScript),
// and the same actions ranked by euro per tonne CO2 a year. Actions without a budget or without an expected
// reduction cannot be placed or ranked: they are listed apart with what they lack, never dropped.
import { scaleLinear } from 'd3-scale';
import type { RawInput } from '$lib/server/platform/validation';
import type { PlanPriority, PlanStatus } from '$lib/domain/climate-plan';
import { read } from './climate-plan.access';
import { listPlanDepartments, listPlanThemes, type NamedRow } from './climate-plan.queries';
import { planFiltersSchema, type PlanFilters } from './climate-plan.schemas';
import { filterParams, listPriorityActions, type PriorityRow } from './climate-plan.views.queries';

export const PRIORITY_PAGE_SIZE = 50;
/** The most actions the view places and ranks (the board's own limit); it reads one more to know there are more. */
export const PRIORITY_MAX = 2_000;

/** The plot's drawing box in SVG units (the SVG scales to the page's width). */
export const PRIORITY_PLOT = {
	width: 640,
	height: 400,
	margin: { top: 16, right: 48, bottom: 56, left: 72 }
} as const;

export interface PriorityItem {
	id: number;
	code: string | null;
	title: string;
	status: PlanStatus;
	priority: PlanPriority;
	leadDepartmentName: string | null;
	budgetCents: number | null;
	co2Planned: number | null;
}

export interface RankedItem extends PriorityItem {
	rank: number;
	budgetCents: number;
	co2Planned: number;
	/** Euro (whole cents) per tonne CO2 a year. */
	centsPerTonne: number;
}

/**
 * A point of the plot: what the SVG draws, and no more (the page carries every point to the browser: with the
 * titles, up to 2,000 of them, the plot's data was most of the page's; the ranking's table names the actions).
 */
export interface PriorityPoint {
	id: number;
	rank: number;
	x: number;
	y: number;
}

export interface PlanPriorityView {
	canManage: boolean;
	filters: PlanFilters;
	themes: NamedRow[];
	departments: NamedRow[];
	/** Every ranked action as a point, in SVG units. */
	points: PriorityPoint[];
	xTicks: { value: number; position: number }[];
	yTicks: { value: number; position: number }[];
	/** One page of the ranking. */
	ranked: RankedItem[];
	rankedTotal: number;
	page: number;
	pageCount: number;
	/** Without a budget, without an expected reduction, or both. */
	apart: (PriorityItem & { missing: 'budget' | 'co2' | 'both' })[];
	/** Whether more than PRIORITY_MAX actions match the filters, so some were left out (the filters narrow it). */
	capped: boolean;
	/** PRIORITY_MAX, for the page's notice. */
	max: number;
	/** PRIORITY_PLOT: the drawing box the points and ticks are placed in. */
	plot: typeof PRIORITY_PLOT;
}

const missingOf = (row: PriorityRow): 'budget' | 'co2' | 'both' | null => {
	const noBudget = row.budgetCents === null;
	const noCo2 = row.co2Planned === null || row.co2Planned <= 0;
	if (noBudget && noCo2) return 'both';
	if (noBudget) return 'budget';
	if (noCo2) return 'co2';
	return null;
};

/** Places the ranked actions: x the budget in euro, y the expected reduction in t/year, both from zero. */
export function priorityScales(ranked: { budgetCents: number; co2Planned: number }[]) {
	const { width, height, margin } = PRIORITY_PLOT;
	const maxEuro = Math.max(1, ...ranked.map((r) => r.budgetCents / 100));
	const maxCo2 = Math.max(1, ...ranked.map((r) => r.co2Planned));
	const x = scaleLinear()
		.domain([0, maxEuro])
		.range([margin.left, width - margin.right])
		.nice(5);
	const y = scaleLinear()
		.domain([0, maxCo2])
		.range([height - margin.bottom, margin.top])
		.nice(5);
	const at = (n: number) => Math.round(n * 10) / 10;
	return {
		x: (cents: number) => at(x(cents / 100)),
		y: (co2: number) => at(y(co2)),
		xTicks: x.ticks(5).map((value) => ({ value, position: at(x(value)) })),
		yTicks: y.ticks(5).map((value) => ({ value, position: at(y(value)) }))
	};
}

/** The priority view with the board's filters. */
export const getPlanPriority = read({
	load: async (ctx, scope, input: RawInput<typeof planFiltersSchema>): Promise<PlanPriorityView> => {
		const filters = planFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const now = new Date();
		const rows = await listPriorityActions(ctx.db, {
			...filterParams(municipalityId, filters, now),
			limit: PRIORITY_MAX + 1
		});
		const capped = rows.length > PRIORITY_MAX;
		const ranked: RankedItem[] = [];
		const apart: PlanPriorityView['apart'] = [];
		for (const row of rows.slice(0, PRIORITY_MAX)) {
			const missing = missingOf(row);
			if (missing) apart.push({ ...row, missing });
			else
				ranked.push({
					...row,
					budgetCents: row.budgetCents!,
					co2Planned: row.co2Planned!,
					rank: ranked.length + 1,
					centsPerTonne: Math.round(row.budgetCents! / row.co2Planned!)
				});
		}
		// The query orders by the exact ratio; rounding to cents may only tie neighbours, never reorder them.
		const scales = priorityScales(ranked);
		const pageCount = Math.max(1, Math.ceil(ranked.length / PRIORITY_PAGE_SIZE));
		const page = Math.min(filters.page, pageCount);
		return {
			canManage: scope.canManage,
			filters: { ...filters, page },
			themes: await listPlanThemes(ctx.db, { municipalityId }),
			departments: await listPlanDepartments(ctx.db, { municipalityId }),
			points: ranked.map((r) => ({
				id: r.id,
				rank: r.rank,
				x: scales.x(r.budgetCents),
				y: scales.y(r.co2Planned)
			})),
			xTicks: scales.xTicks,
			yTicks: scales.yTicks,
			ranked: ranked.slice((page - 1) * PRIORITY_PAGE_SIZE, page * PRIORITY_PAGE_SIZE),
			rankedTotal: ranked.length,
			page,
			pageCount,
			apart,
			capped,
			max: PRIORITY_MAX,
			plot: PRIORITY_PLOT
		};
	}
});

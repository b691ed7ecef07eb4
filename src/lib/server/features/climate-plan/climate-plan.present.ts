// What leaves the server about the climate plan, field by field: the back office's view of an action, and the
// public part of a linked action (only the parts the municipality chose; never budget, spending, departments,
// people, the monitoring log or blockers).
import { brusselsDay } from '$lib/server/platform/dates';
import { isLate, PLAN_STALE_DAYS, type PlanPublicPart } from '$lib/domain/climate-plan';
import type { PlanActionRow } from './climate-plan.queries';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

export interface PlanActionView {
	id: number;
	code: string | null;
	title: string;
	description: string;
	themeId: number | null;
	themeName: string | null;
	sector: PlanActionRow['sector'];
	leadDepartmentId: number | null;
	leadDepartmentName: string | null;
	responsibleId: string | null;
	responsibleName: string | null;
	priority: PlanActionRow['priority'];
	status: PlanActionRow['status'];
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
	budgetCents: number | null;
	spentCents: number | null;
	co2Planned: number | null;
	co2Achieved: number | null;
	energySavingsMwh: number | null;
	renewableMwh: number | null;
	areaOfIntervention: string;
	policyInstrument: string;
	origin: string;
	publicActionId: number | null;
	publicParts: PlanPublicPart[];
	lastUpdateAt: string | null;
	late: boolean;
	/** Open, and no update for PLAN_STALE_DAYS days. */
	stale: boolean;
}

export function staleBefore(now = new Date()): Date {
	return new Date(now.getTime() - PLAN_STALE_DAYS * 86_400_000);
}

export function presentPlanAction(row: PlanActionRow, now = new Date()): PlanActionView {
	const open = row.status === 'not_started' || row.status === 'ongoing' || row.status === 'postponed';
	const lastTouch = new Date(row.lastUpdateAt ?? row.createdAt);
	return {
		id: row.id,
		code: row.code,
		title: row.title,
		description: row.description,
		themeId: row.themeId,
		themeName: row.themeName,
		sector: row.sector,
		leadDepartmentId: row.leadDepartmentId,
		leadDepartmentName: row.leadDepartmentName,
		responsibleId: row.responsibleId,
		responsibleName: row.responsibleName,
		priority: row.priority,
		status: row.status,
		plannedStart: row.plannedStart,
		plannedEnd: row.plannedEnd,
		actualStart: row.actualStart,
		actualEnd: row.actualEnd,
		budgetCents: row.budgetCents,
		spentCents: row.spentCents,
		co2Planned: row.co2Planned,
		co2Achieved: row.co2Achieved,
		energySavingsMwh: row.energySavingsMwh,
		renewableMwh: row.renewableMwh,
		areaOfIntervention: row.areaOfIntervention,
		policyInstrument: row.policyInstrument,
		origin: row.origin,
		publicActionId: row.publicActionId,
		publicParts: row.publicParts,
		lastUpdateAt: iso(row.lastUpdateAt),
		late: isLate(row, brusselsDay(now)),
		stale: open && lastTouch < staleBefore(now)
	};
}

/** What a citizen may read of a plan action on its linked public action's page: the chosen parts only. */
export interface PublicPlanPart {
	title: string;
	status?: PlanActionRow['status'];
	dates?: { plannedStart: string | null; plannedEnd: string | null };
	co2?: { planned: number | null; achieved: number | null };
	indicators?: { name: string; unit: string; target: number | null; current: number | null }[];
	milestones?: { title: string; dueOn: string | null; done: boolean }[];
}

export function presentPublicPlanPart(
	row: PlanActionRow,
	more: {
		indicators: { name: string; unit: string; target: number | null; current: number | null }[];
		milestones: { title: string; dueOn: string | null; doneOn: string | null }[];
	}
): PublicPlanPart {
	const parts = new Set(row.publicParts);
	const view: PublicPlanPart = { title: row.title };
	if (parts.has('status')) view.status = row.status;
	if (parts.has('dates')) view.dates = { plannedStart: row.plannedStart, plannedEnd: row.plannedEnd };
	if (parts.has('co2')) view.co2 = { planned: row.co2Planned, achieved: row.co2Achieved };
	if (parts.has('indicators'))
		view.indicators = more.indicators.map(({ name, unit, target, current }) => ({
			name,
			unit,
			target,
			current
		}));
	if (parts.has('milestones'))
		view.milestones = more.milestones.map((m) => ({
			title: m.title,
			dueOn: m.dueOn,
			done: m.doneOn !== null
		}));
	return view;
}

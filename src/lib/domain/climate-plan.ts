// The municipality's own climate plan (klimaatplan): its actions as the departments carry them, with the
// Covenant of Mayors' sectors, and the rules of "late" and "no update". Shared by the server and the pages.

/** Where a plan action stands: not started, ongoing, completed, postponed, stopped. */
export const PLAN_STATUSES = ['not_started', 'ongoing', 'completed', 'postponed', 'stopped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The statuses in which an action still has work ahead (it can be late or go without an update). */
export const PLAN_OPEN_STATUSES = ['not_started', 'ongoing', 'postponed'] as const;

export const PLAN_PRIORITIES = ['high', 'medium', 'low'] as const;
export type PlanPriority = (typeof PLAN_PRIORITIES)[number];

/**
 * The sectors of the Covenant of Mayors' action plan (SECAP) as its progress report groups actions: the
 * mitigation sectors of its template, and adaptation.
 */
export const COVENANT_SECTORS = [
	'municipal_buildings',
	'tertiary_buildings',
	'residential_buildings',
	'public_lighting',
	'industry',
	'transport',
	'local_electricity',
	'local_heat_cold',
	'other',
	'adaptation'
] as const;
export type CovenantSector = (typeof COVENANT_SECTORS)[number];

/** The parts of a plan action a municipality may choose to show on its linked public action. */
export const PLAN_PUBLIC_PARTS = ['status', 'dates', 'co2', 'indicators', 'milestones'] as const;
export type PlanPublicPart = (typeof PLAN_PUBLIC_PARTS)[number];

/** Without an update for this many days an open action is flagged (the board's filter and the summary). */
export const PLAN_STALE_DAYS = 60;

export const PLAN_LIMITS = {
	titleMax: 200,
	descriptionMax: 5_000,
	codeMax: 40,
	nameMax: 80,
	textMax: 200,
	updateMax: 2_000,
	/** Budgets up to a thousand million euro, in cents. */
	centsMax: 100_000_000_000,
	/** t CO2/year or MWh/year per action. */
	quantityMax: 10_000_000,
	indicatorsMax: 20,
	milestonesMax: 30,
	involvedMax: 20,
	viewsMax: 20,
	/** An import file: larger ones are refused before they are read. */
	importBytesMax: 5 * 1024 * 1024,
	/** What an XLSX may unpack to (a zip bomb is refused before it is unpacked). */
	importUnpackedBytesMax: 40 * 1024 * 1024,
	importRowsMax: 2_000,
	importColumnsMax: 60,
	importCellMax: 5_000,
	bulkMax: 200
} as const;

export const PLAN_PAGE_SIZE = 25;

/** The back office's address of the plan. */
export function planPath(municipalitySlug: string, id?: number): string {
	return `/${municipalitySlug}/beheer/klimaatplan${id === undefined ? '' : `/${id}`}`;
}

/** Whether an action is late on the given day (ISO date): its planned end, or its planned start, has passed. */
export function isLate(
	action: { status: PlanStatus; plannedStart: string | null; plannedEnd: string | null },
	today: string
): boolean {
	if (action.status === 'completed' || action.status === 'stopped') return false;
	if (action.plannedEnd && action.plannedEnd < today) return true;
	return action.status === 'not_started' && Boolean(action.plannedStart && action.plannedStart < today);
}

/** Euro from integer cents, for forms (no thousands separator, a decimal comma). */
export function centsToInput(cents: number | null): string {
	if (cents === null) return '';
	const euros = Math.trunc(cents / 100);
	const rest = Math.abs(cents % 100);
	return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

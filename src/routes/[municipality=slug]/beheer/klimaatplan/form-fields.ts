// Reading the plan action form of these pages: its text fields and the involved departments' checkboxes.
import { listField, textFields } from '$lib/server/platform/forms';

export const PLAN_TEXT_FIELDS = [
	'code',
	'title',
	'description',
	'theme',
	'sector',
	'lead',
	'responsible',
	'priority',
	'status',
	'plannedStart',
	'plannedEnd',
	'actualStart',
	'actualEnd',
	'budget',
	'spent',
	'co2Planned',
	'co2Achieved',
	'energySavings',
	'renewable',
	'areaOfIntervention',
	'policyInstrument',
	'origin'
] as const;

/** The form as the service takes it, and the values to give back when it is refused. */
export function planActionForm(form: FormData) {
	const text = textFields(form, PLAN_TEXT_FIELDS);
	const involved = listField(form, 'involved', 100);
	return { input: { ...text, involved }, values: { ...text, involved } };
}

/** The board's filters under their Dutch names in the address (declared once, for the table and the board). */
export const PLAN_FILTER_NAMES = {
	q: 'zoek',
	department: 'dienst',
	theme: 'thema',
	status: 'status',
	priority: 'prioriteit',
	late: 'laat',
	stale: 'stil',
	sort: 'sorteer',
	dir: 'richting',
	page: 'pagina'
} as const;

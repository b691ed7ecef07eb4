// Who may do what with the municipality's climate plan: the one place these rules live.
import { can, type Actor, type MunicipalityTarget } from '$lib/server/platform/policy';

/**
 * Reading the board, an action's page, the totals, the college's summary and the exports: the municipality's
 * staff (moderators, communication, the alderman, colleagues of every department, admins; regional admins). Not
 * a participation expert (an external coach) and never a citizen or staff of another municipality.
 */
export function canViewPlan(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'climatePlan.view', target);
}

/**
 * Steering the plan: adding and changing actions, bulk changes, themes and departments, the import, the link to
 * a public action: the sustainability service (moderators) and admins.
 */
export function canManagePlan(actor: Actor | null, target: MunicipalityTarget): boolean {
	return can(actor, 'climatePlan.manage', target);
}

/**
 * Posting a monitoring update on an action: whoever steers the plan, and the action's responsible person while
 * they are staff here (a colleague of the department that carries it).
 */
export function canPostPlanUpdate(
	actor: Actor | null,
	target: MunicipalityTarget,
	action: { responsibleId: string | null }
): boolean {
	return mayPostPlanUpdate(
		{ view: canViewPlan(actor, target), manage: canManagePlan(actor, target) },
		Boolean(actor && action.responsibleId === actor.userId)
	);
}

/** The same rule from the person's abilities here as the database gives them (a mailed link's person). */
export function mayPostPlanUpdate(
	abilities: { view: boolean; manage: boolean },
	responsible: boolean
): boolean {
	return abilities.manage || (abilities.view && responsible);
}

/**
 * Whether a task's notice (a new task, one past its due date) may reach its owner: only while they read the plan
 * here — `canViewPlan`'s rule, from the abilities the database gives the person now (getPlanPerson). An owner whose
 * staff role was taken away, or whose account is gone, hears nothing of the plan any more.
 */
export function mayHearOfTask(person: { view: boolean } | undefined): boolean {
	return Boolean(person?.view);
}

/**
 * Marking a task of a meeting's agreement done or open again: whoever steers the plan, and the task's owner while
 * they read the plan here.
 */
export function canChangeTask(
	actor: Actor | null,
	target: MunicipalityTarget,
	task: { ownerId: string | null }
): boolean {
	return mayPostPlanUpdate(
		{ view: canViewPlan(actor, target), manage: canManagePlan(actor, target) },
		Boolean(actor && task.ownerId === actor.userId)
	);
}

/**
 * Answering the diagnosis for a department: whoever steers the plan (for any department), and a staff member who
 * reads the plan for the department they belong to.
 */
export function canAnswerDiagnosis(
	actor: Actor | null,
	target: MunicipalityTarget,
	departmentId: number,
	ownDepartmentId: number | null
): boolean {
	if (canManagePlan(actor, target)) return true;
	return canViewPlan(actor, target) && ownDepartmentId !== null && ownDepartmentId === departmentId;
}

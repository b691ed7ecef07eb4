// Use cases of the departments' staff and the climate teams (seed 004): which department each staff member belongs
// to (a list with search, and a bulk step to put people in a department or take them out, after a confirmation),
// and climate teams per theme with their members and lead. Staff read; the sustainability service and admins
// change (climate-plan.access.ts). A department, theme, team or person of another municipality is refused.
import { AppError, isUniqueViolation, type FieldErrors } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import type { Db } from '$lib/server/db/client';
import { parseId } from '$lib/domain/ids';
import type { MessageKey } from '$lib/i18n';
import { command, read, type PlanScope } from './climate-plan.access';
import { listPlanDepartments, listPlanPeople, listPlanThemes, type NamedRow } from './climate-plan.queries';
import {
	addTeamMembers,
	deleteTeam,
	getTeam,
	insertTeam,
	listStaffWithDepartments,
	listTeamMembers,
	listTeams,
	removeTeamMember,
	renameDepartment,
	setDepartmentOfStaff,
	updateTeam,
	type StaffRow,
	type TeamRow
} from './climate-plan.teams.queries';
import {
	departmentNameSchema,
	personSchema,
	staffAssignSchema,
	staffFiltersSchema,
	staffOperationSchema,
	teamMembersSchema,
	teamSchema
} from './climate-plan.teams.schemas';
import { departmentsTakingPart, type DepartmentsTakingPart } from './climate-plan.participation';

const refuse = (field: string, message: string): never => {
	throw new AppError('validation', {
		fields: { [field]: [message] } as FieldErrors,
		message: message as FieldErrors[string][number]
	});
};

/**
 * A unique violation of `constraint` said beside `field` (a second department or team of the same name, also when
 * two people save at once); any other error goes on. For `.catch` on the statement that may violate it.
 */
export function refuseUnique(constraint: string, field: string, message: MessageKey) {
	return (err: unknown): never => {
		if (isUniqueViolation(err, constraint)) refuse(field, message);
		throw err;
	};
}

/** The staff here who may read the plan: the only people a department, team, meeting or task may name. */
export async function staffIds(db: Db, municipalityId: string): Promise<Set<string>> {
	return new Set((await listPlanPeople(db, { municipalityId })).map((p) => p.id));
}

/** Refuses beside `field` when one of the people is not staff of this municipality. */
export async function checkStaff(db: Db, scope: PlanScope, ids: string[], field: string): Promise<void> {
	if (ids.length === 0) return;
	const staff = await staffIds(db, scope.municipality.id);
	if (ids.some((id) => !staff.has(id))) refuse(field, 'climatePlan.teams.errors.notStaff');
}

async function checkDepartment(db: Db, scope: PlanScope, id: number | null, field: string) {
	if (id === null) return null;
	const departments = await listPlanDepartments(db, { municipalityId: scope.municipality.id });
	const found = departments.find((d) => d.id === id);
	if (!found) refuse(field, 'climatePlan.teams.errors.department');
	return found!;
}

// ---------------------------------------------------------------------------------------------
// Departments and their staff
// ---------------------------------------------------------------------------------------------

export interface DepartmentsPage {
	filters: { q?: string; department?: number | 'geen' };
	staff: StaffRow[];
	departments: (NamedRow & { staff: number })[];
	participation: DepartmentsTakingPart;
	canManage: boolean;
}

/** The staff with their department, searched and filtered; the departments with how many staff each has. */
export const getDepartmentsPage = read({
	load: async (ctx, scope, input: RawInput<typeof staffFiltersSchema>): Promise<DepartmentsPage> => {
		const filters = staffFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const all = await listStaffWithDepartments(ctx.db, { municipalityId });
		const staff =
			filters.q || filters.department !== undefined
				? await listStaffWithDepartments(ctx.db, {
						municipalityId,
						q: filters.q,
						departmentId: filters.department === 'geen' ? 'none' : filters.department
					})
				: all;
		const departments = await listPlanDepartments(ctx.db, { municipalityId });
		return {
			filters,
			staff,
			departments: departments.map((d) => ({
				...d,
				staff: all.filter((s) => s.departmentId === d.id).length
			})),
			participation: await departmentsTakingPart(ctx, municipalityId),
			canManage: scope.canManage
		};
	}
});

export interface StaffAssignPreview {
	/** null: taken out of their department. */
	department: NamedRow | null;
	operation: string;
	people: { id: string; name: string; departmentName: string | null }[];
}

/** What putting the chosen people in a department (or out of theirs) would change: staff of here only. */
export const previewStaffAssignment = command({
	load: async (ctx, scope, input: { people: unknown[]; operation: unknown }): Promise<StaffAssignPreview> => {
		const ids = new Set(input.people.filter((p): p is string => typeof p === 'string'));
		const municipalityId = scope.municipality.id;
		const staff = (await listStaffWithDepartments(ctx.db, { municipalityId })).filter((s) => ids.has(s.id));
		if (staff.length === 0) return { department: null, operation: '', people: [] };
		const { departmentId } = validateInput(staffOperationSchema, input.operation, {
			fieldOf: () => 'operation'
		});
		const department = await checkDepartment(ctx.db, scope, departmentId, 'operation');
		return {
			department,
			operation: String(input.operation),
			people: staff.map(({ id, name, departmentName }) => ({ id, name, departmentName }))
		};
	}
});

/** Puts the chosen staff in a department, or takes them out of theirs: all of them, or nothing when one is not staff here. */
export const assignStaffToDepartment = command({
	load: async (_ctx, _scope, input: RawInput<typeof staffAssignSchema>) => input,
	schema: staffAssignSchema,
	prepare: async ({ ctx, scope, values }) => {
		if (values.people.length === 0) refuse('people', 'climatePlan.teams.errors.nobody');
		await checkStaff(ctx.db, scope, values.people, 'people');
		return checkDepartment(ctx.db, scope, values.operation.departmentId, 'operation');
	},
	execute: async (tx, { scope, values, prepared, record }): Promise<{ changed: number }> => {
		await setDepartmentOfStaff(tx, {
			municipalityId: scope.municipality.id,
			userIds: values.people,
			departmentId: values.operation.departmentId
		});
		record.audit({
			action: 'climate_plan.staff_assigned',
			details: { people: values.people, departmentId: prepared?.id ?? null, name: prepared?.name ?? '' }
		});
		return { changed: values.people.length };
	}
});

/** The department of this municipality by an id from the address; anything else is not found. */
export async function findDepartment(db: Db, scope: PlanScope, unverifiedId: unknown): Promise<NamedRow> {
	const id = parseId(unverifiedId);
	const departments =
		id === null ? [] : await listPlanDepartments(db, { municipalityId: scope.municipality.id });
	const department = departments.find((d) => d.id === id);
	if (!department) throw new AppError('not_found');
	return department;
}

/** The rename form of a department. */
export const getDepartmentForm = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findDepartment(ctx.db, scope, input.unverifiedId)
});

/** Renames a department: its name stays unique in the municipality (any case), said beside the field. */
export const renamePlanDepartment = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof departmentNameSchema>) =>
		findDepartment(ctx.db, scope, input.unverifiedId),
	schema: departmentNameSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ id: number }> => {
		await renameDepartment(tx, {
			municipalityId: scope.municipality.id,
			id: loaded.id,
			name: values.name
		}).catch(
			refuseUnique(
				'climate_plan_departments_name_key',
				'name',
				'climatePlan.teams.errors.departmentNameTaken'
			)
		);
		record.audit({
			action: 'climate_plan.department_renamed',
			details: { departmentId: loaded.id, name: values.name, from: loaded.name }
		});
		return { id: loaded.id };
	}
});

// ---------------------------------------------------------------------------------------------
// Climate teams
// ---------------------------------------------------------------------------------------------

export interface TeamsPage {
	teams: TeamRow[];
	themes: NamedRow[];
	people: { id: string; name: string }[];
	canManage: boolean;
}

export const getTeamsPage = read({
	load: async (ctx, scope): Promise<TeamsPage> => {
		const municipalityId = scope.municipality.id;
		return {
			teams: await listTeams(ctx.db, { municipalityId }),
			themes: await listPlanThemes(ctx.db, { municipalityId }),
			people: (await listPlanPeople(ctx.db, { municipalityId })).map(({ id, name }) => ({ id, name })),
			canManage: scope.canManage
		};
	}
});

/** The team of this municipality by an id from the address; anything else is not found. */
export async function findTeam(db: Db, scope: PlanScope, unverifiedId: unknown): Promise<TeamRow> {
	const id = parseId(unverifiedId);
	const team = id === null ? undefined : await getTeam(db, { municipalityId: scope.municipality.id, id });
	if (!team) throw new AppError('not_found');
	return team;
}

async function checkTeam(db: Db, scope: PlanScope, values: { theme: number; lead: string | null }) {
	const themes = await listPlanThemes(db, { municipalityId: scope.municipality.id });
	if (!themes.some((t) => t.id === values.theme)) refuse('theme', 'climatePlan.teams.errors.theme');
	if (values.lead) await checkStaff(db, scope, [values.lead], 'lead');
}

const nameTaken = () => refuse('name', 'climatePlan.teams.errors.teamNameTaken');

export const createTeam = command({
	load: async (_ctx, _scope, input: RawInput<typeof teamSchema>) => input,
	schema: teamSchema,
	prepare: ({ ctx, scope, values }) => checkTeam(ctx.db, scope, values),
	execute: async (tx, { scope, values, record }): Promise<{ id: number }> => {
		const municipalityId = scope.municipality.id;
		const team = await insertTeam(tx, {
			municipalityId,
			name: values.name,
			themeId: values.theme,
			leadId: values.lead
		});
		if (!team) return nameTaken();
		// The lead is a member of the team too.
		if (values.lead) await addTeamMembers(tx, { municipalityId, teamId: team.id, userIds: [values.lead] });
		record.audit({ action: 'climate_plan.team_added', details: { teamId: team.id, name: values.name } });
		return team;
	}
});

export interface TeamPage {
	team: TeamRow;
	members: Awaited<ReturnType<typeof listTeamMembers>>;
	themes: NamedRow[];
	people: { id: string; name: string }[];
	canManage: boolean;
}

export const getTeamPage = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<TeamPage> => {
		const team = await findTeam(ctx.db, scope, input.unverifiedId);
		const municipalityId = scope.municipality.id;
		return {
			team,
			members: await listTeamMembers(ctx.db, { municipalityId, teamId: team.id }),
			themes: await listPlanThemes(ctx.db, { municipalityId }),
			people: (await listPlanPeople(ctx.db, { municipalityId })).map(({ id, name }) => ({ id, name })),
			canManage: scope.canManage
		};
	}
});

export const editTeam = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof teamSchema>) =>
		findTeam(ctx.db, scope, input.unverifiedId),
	schema: teamSchema,
	prepare: ({ ctx, scope, values }) => checkTeam(ctx.db, scope, values),
	execute: async (tx, { scope, loaded, values, record }) => {
		const municipalityId = scope.municipality.id;
		// The unique index decides (also when two people save at once): a taken name is said beside the field.
		await updateTeam(tx, {
			municipalityId,
			id: loaded.id,
			name: values.name,
			themeId: values.theme,
			leadId: values.lead
		}).catch(refuseUnique('climate_plan_teams_name_key', 'name', 'climatePlan.teams.errors.teamNameTaken'));
		if (values.lead) await addTeamMembers(tx, { municipalityId, teamId: loaded.id, userIds: [values.lead] });
		record.audit({ action: 'climate_plan.team_changed', details: { teamId: loaded.id, name: values.name } });
		return { id: loaded.id };
	}
});

export const addMembersToTeam = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof teamMembersSchema>) =>
		findTeam(ctx.db, scope, input.unverifiedId),
	schema: teamMembersSchema,
	prepare: async ({ ctx, scope, values }) => {
		if (values.members.length === 0) refuse('members', 'climatePlan.teams.errors.nobody');
		await checkStaff(ctx.db, scope, values.members, 'members');
	},
	execute: async (tx, { scope, loaded, values, record }): Promise<{ added: number }> => {
		const added = await addTeamMembers(tx, {
			municipalityId: scope.municipality.id,
			teamId: loaded.id,
			userIds: values.members
		});
		record.audit({
			action: 'climate_plan.team_member_added',
			details: { teamId: loaded.id, name: loaded.name, people: values.members }
		});
		return { added };
	}
});

/** The confirmation page of taking a member out of a team: the team and the member, of this municipality. */
export const previewTeamMemberRemoval = command({
	load: async (ctx, scope, input: { unverifiedId: unknown; person: unknown }) => {
		const team = await findTeam(ctx.db, scope, input.unverifiedId);
		const members = await listTeamMembers(ctx.db, { municipalityId: scope.municipality.id, teamId: team.id });
		const member = members.find((m) => m.id === input.person);
		if (!member) throw new AppError('not_found');
		return { team, member };
	}
});

export const removeMemberFromTeam = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof personSchema>) =>
		findTeam(ctx.db, scope, input.unverifiedId),
	schema: personSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const municipalityId = scope.municipality.id;
		const removed = await removeTeamMember(tx, { municipalityId, teamId: loaded.id, userId: values.person });
		if (removed === 0) throw new AppError('not_found');
		if (loaded.leadId === values.person)
			await updateTeam(tx, {
				municipalityId,
				id: loaded.id,
				name: loaded.name,
				themeId: loaded.themeId,
				leadId: null
			});
		record.audit({
			action: 'climate_plan.team_member_removed',
			details: { teamId: loaded.id, name: loaded.name, person: values.person }
		});
		return { teamId: loaded.id };
	}
});

export const previewTeamRemoval = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findTeam(ctx.db, scope, input.unverifiedId)
});

/** Removes a team with its members (its meetings stay, without the team). */
export const removeTeam = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findTeam(ctx.db, scope, input.unverifiedId),
	execute: async (tx, { scope, loaded, record }) => {
		await deleteTeam(tx, { municipalityId: scope.municipality.id, id: loaded.id });
		record.audit({ action: 'climate_plan.team_removed', details: { teamId: loaded.id, name: loaded.name } });
		return { removed: 1 };
	}
});

/** The figure of departments taking part in the plan, for the board (whoever reads the plan). */
export const getPlanParticipation = read({
	load: (ctx, scope): Promise<DepartmentsTakingPart> => departmentsTakingPart(ctx, scope.municipality.id)
});

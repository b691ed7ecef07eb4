// The climate plan's internal work against the real database: Geel's sustainability officer puts staff in
// departments, sets up a climate team, records a lunch talk and a relaunch day whose agreements become a plan
// action (exactly once, also when two tries race) and a task whose owner marks it done; the diagnosis is answered
// in two rounds, side by side; the figure of departments taking part follows its definition. Refused: a citizen
// and Mol's staff; Mol's department, team, theme and staff; blank names, bad dates, an owner who is not staff here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { buildParticipatingMunicipality, buildStaff, buildUser } from '$lib/server/testing/factories';
import {
	climatePlanActions,
	climatePlanAgreements,
	climatePlanTasks,
	municipalities,
	playbookTemplates
} from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import {
	addPlanDepartment,
	addPlanTheme,
	createPlanAction,
	getPlanActionPage,
	listPlanBoard
} from './climate-plan.service';
import {
	addMembersToTeam,
	assignStaffToDepartment,
	createTeam,
	editTeam,
	getDepartmentForm,
	getDepartmentsPage,
	getTeamPage,
	previewStaffAssignment,
	removeMemberFromTeam,
	removeTeam,
	renamePlanDepartment
} from './climate-plan.teams';
import {
	addAgreement,
	addMeetingParticipants,
	agreementToPlanAction,
	agreementToTask,
	changeTaskStatus,
	getAgreementActionForm,
	getMeetingPage,
	getTasksPage,
	recordMeeting,
	removeAgreement,
	removeMeeting,
	removeMeetingParticipant
} from './climate-plan.meetings';
import {
	answerDiagnosis,
	closeDiagnosisRound,
	getAnswerForm,
	getDiagnosisPage,
	openDiagnosisRound
} from './climate-plan.diagnosis';
import { departmentsTakingPart } from './climate-plan.participation';
import { climatePlanIndicators } from './climate-plan.indicators';
import { erasePlanData, exportPlanData } from './climate-plan.personal-data';
import { listMeetings, renameDepartment, updateTeam } from './climate-plan.teams.queries';
import { refuseUnique } from './climate-plan.teams';
import { climatePlanDepartments, climatePlanTeams } from '$lib/server/db/schema';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let colleague: Actor;
let otherColleague: Actor;
let molOfficer: Actor;
let citizen: Actor;
let green: number;
let technical: number;
let mobilityDept: number;
let buildings: number;
let molDepartment: number;
let molTheme: number;

const as = (actor: Actor | undefined, tenant: Tenant = geel) => ctxAs(database.db, tenant, actor);

const planAction = (values: Record<string, unknown>) => ({
	code: '',
	description: '',
	theme: '',
	sector: 'other',
	lead: '',
	involved: [] as string[],
	responsible: '',
	priority: 'medium',
	status: 'not_started',
	plannedStart: '',
	plannedEnd: '',
	actualStart: '',
	actualEnd: '',
	budget: '',
	spent: '',
	co2Planned: '',
	co2Achieved: '',
	energySavings: '',
	renewable: '',
	areaOfIntervention: '',
	policyInstrument: '',
	origin: '',
	title: '',
	...values
});

const lunchTalk = (values: Record<string, unknown> = {}) => ({
	kind: 'lunch_talk',
	heldOn: '12/03/2026',
	department: String(green),
	team: '',
	notes: 'Win-win gezocht rond de groenzones.',
	participants: [officer.userId, colleague.userId],
	representatives: [] as string[],
	...values
});

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (await buildStaff(database.db, geel, 'moderator', { givenName: 'Bart', familyName: 'Claes' }))
		.actor;
	colleague = (
		await buildStaff(database.db, geel, 'colleague', { givenName: 'Hilde', familyName: 'Verachtert' })
	).actor;
	otherColleague = (
		await buildStaff(database.db, geel, 'colleague', { givenName: 'Jan', familyName: 'Peeters' })
	).actor;
	molOfficer = (await buildStaff(database.db, mol, 'moderator')).actor;
	const user = await buildUser(database.db);
	citizen = { userId: user.id, displayName: user.displayName, memberships: [], regionRoles: [] };
	green = (await addPlanDepartment(as(officer), { name: 'Groendienst' })).id;
	technical = (await addPlanDepartment(as(officer), { name: 'Technische dienst' })).id;
	mobilityDept = (await addPlanDepartment(as(officer), { name: 'Mobiliteitsdienst' })).id;
	buildings = (await addPlanTheme(as(officer), { name: 'Gebouwen' })).id;
	molDepartment = (await addPlanDepartment(as(molOfficer, mol), { name: 'Groendienst Mol' })).id;
	molTheme = (await addPlanTheme(as(molOfficer, mol), { name: 'Thema Mol' })).id;
});
afterAll(() => database?.destroy());

describe('who may', () => {
	it('refuses a citizen, a visitor and Mol’s officer every page and change of Geel', async () => {
		for (const actor of [citizen, molOfficer, undefined]) {
			const code = actor ? 'forbidden' : 'unauthenticated';
			await refusal(getDepartmentsPage(as(actor), {}), code);
			await refusal(getTasksPage(as(actor), {}), code);
			await refusal(getDiagnosisPage(as(actor), {}), code);
			await refusal(
				assignStaffToDepartment(as(actor), { people: [colleague.userId], operation: `department:${green}` }),
				code
			);
			await refusal(createTeam(as(actor), { name: 'Indringers', theme: String(buildings), lead: '' }), code);
			await refusal(recordMeeting(as(actor), lunchTalk()), code);
			await refusal(openDiagnosisRound(as(actor), { name: 'Ronde van Mol' }), code);
		}
	});

	it('lets a colleague read but not steer', async () => {
		const page = await getDepartmentsPage(as(colleague), {});
		expect(page.canManage).toBe(false);
		await refusal(
			assignStaffToDepartment(as(colleague), {
				people: [colleague.userId],
				operation: `department:${green}`
			}),
			'forbidden'
		);
		await refusal(recordMeeting(as(colleague), lunchTalk()), 'forbidden');
	});
});

describe('departments and their staff', () => {
	it('puts staff in a department, all or nothing, and finds them by search', async () => {
		const preview = await previewStaffAssignment(as(officer), {
			people: [colleague.userId, molOfficer.userId],
			operation: `department:${green}`
		});
		// Mol's officer is not staff here: not in the preview.
		expect(preview.people.map((p) => p.name)).toEqual(['Hilde Verachtert']);
		expect(preview.department?.name).toBe('Groendienst');

		const mixed = await refusal(
			assignStaffToDepartment(as(officer), {
				people: [colleague.userId, molOfficer.userId],
				operation: `department:${green}`
			}),
			'validation'
		);
		expect(mixed.options.fields?.people).toEqual(['climatePlan.teams.errors.notStaff']);
		const elsewhere = await refusal(
			assignStaffToDepartment(as(officer), {
				people: [colleague.userId],
				operation: `department:${molDepartment}`
			}),
			'validation'
		);
		expect(elsewhere.options.fields?.operation).toEqual(['climatePlan.teams.errors.department']);
		for (const operation of ['', 'department:abc', '<script>', 'department:-1'])
			await refusal(
				assignStaffToDepartment(as(officer), { people: [colleague.userId], operation }),
				'validation'
			);
		expect((await getDepartmentsPage(as(officer), {})).staff.every((s) => s.departmentId === null)).toBe(
			true
		);

		await assignStaffToDepartment(as(officer), {
			people: [colleague.userId],
			operation: `department:${green}`
		});
		await assignStaffToDepartment(as(officer), {
			people: [otherColleague.userId],
			operation: `department:${technical}`
		});
		const found = await getDepartmentsPage(as(officer), { q: 'groen' });
		expect(found.staff.map((s) => [s.name, s.departmentName])).toEqual([['Hilde Verachtert', 'Groendienst']]);
		const none = await getDepartmentsPage(as(officer), { department: 'geen' });
		expect(none.staff.map((s) => s.name)).toContain('Bart Claes');
		expect(none.staff.map((s) => s.name)).not.toContain('Hilde Verachtert');
		const page = await getDepartmentsPage(as(officer), {});
		expect(page.departments.find((d) => d.id === green)?.staff).toBe(1);
		// A person belongs to one department: moving replaces.
		await assignStaffToDepartment(as(officer), {
			people: [otherColleague.userId],
			operation: `department:${mobilityDept}`
		});
		expect(
			(await getDepartmentsPage(as(officer), {})).staff.find((s) => s.id === otherColleague.userId)
				?.departmentName
		).toBe('Mobiliteitsdienst');
		expect(
			(await auditOf(database.db, geel.id)).some((a) => a.action === 'climate_plan.staff_assigned')
		).toBe(true);
		// Mol sees none of it.
		const molPage = await getDepartmentsPage(as(molOfficer, mol), {});
		expect(molPage.staff.map((s) => s.id)).not.toContain(colleague.userId);
		expect(molPage.departments.map((d) => d.name)).toEqual(['Groendienst Mol']);
	});
});

describe('renaming a department', () => {
	it('renames it with an audit entry; a taken name (any case) is said beside the field, Mol is kept out', async () => {
		const temp = mobilityDept;
		expect((await getDepartmentForm(as(officer), { unverifiedId: String(temp) })).name).toBe(
			'Mobiliteitsdienst'
		);
		await renamePlanDepartment(as(officer), { unverifiedId: String(temp), name: '  Dienst Omgeving  ' });
		const [row] = await database.db
			.select({ name: climatePlanDepartments.name })
			.from(climatePlanDepartments)
			.where(eq(climatePlanDepartments.id, temp));
		expect(row?.name).toBe('Dienst Omgeving');
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'climate_plan.department_renamed'
		);
		expect(audit.at(-1)?.details).toMatchObject({
			departmentId: temp,
			name: 'Dienst Omgeving',
			from: 'Mobiliteitsdienst'
		});

		// Another department's name, in other case: beside the field, nothing changed, no 500.
		const taken = await refusal(
			renamePlanDepartment(as(officer), { unverifiedId: String(temp), name: 'GROENDIENST' }),
			'validation'
		);
		expect(taken.options.fields?.name).toEqual(['climatePlan.teams.errors.departmentNameTaken']);
		const blank = await refusal(
			renamePlanDepartment(as(officer), { unverifiedId: String(temp), name: '  ' }),
			'validation'
		);
		expect(blank.options.fields?.name).toEqual(['climatePlan.teams.errors.nameRequired']);
		// Its own name in other case is fine.
		await renamePlanDepartment(as(officer), { unverifiedId: String(temp), name: 'dienst omgeving' });
		await renamePlanDepartment(as(officer), { unverifiedId: String(temp), name: 'Mobiliteitsdienst' });

		// Mol's officer and a colleague: refused; Geel's officer does not find Mol's department.
		await refusal(
			renamePlanDepartment(as(molOfficer), { unverifiedId: String(temp), name: 'X' }),
			'forbidden'
		);
		await refusal(
			renamePlanDepartment(as(colleague), { unverifiedId: String(temp), name: 'X' }),
			'forbidden'
		);
		await refusal(
			renamePlanDepartment(as(officer), { unverifiedId: String(molDepartment), name: 'X' }),
			'not_found'
		);
		await refusal(getDepartmentForm(as(officer), { unverifiedId: 'abc' }), 'not_found');
	});

	it('turns the database’s unique violation (two saving at once) into the field message, for departments and teams', async () => {
		// The statement itself, past any check before it, as the second of two people saving at once meets it.
		const dept = await database.db
			.transaction(async (tx) =>
				renameDepartment(tx, { municipalityId: geel.id, id: technical, name: 'groendienst' }).catch(
					refuseUnique(
						'climate_plan_departments_name_key',
						'name',
						'climatePlan.teams.errors.departmentNameTaken'
					)
				)
			)
			.catch((err: unknown) => err);
		expect(dept).toMatchObject({
			code: 'validation',
			options: { fields: { name: ['climatePlan.teams.errors.departmentNameTaken'] } }
		});
		const teamA = await createTeam(as(officer), { name: 'Team A', theme: String(buildings), lead: '' });
		await createTeam(as(officer), { name: 'Team B', theme: String(buildings), lead: '' });
		const team = await database.db
			.transaction(async (tx) =>
				updateTeam(tx, {
					municipalityId: geel.id,
					id: teamA.id,
					name: 'TEAM B',
					themeId: buildings,
					leadId: null
				}).catch(
					refuseUnique('climate_plan_teams_name_key', 'name', 'climatePlan.teams.errors.teamNameTaken')
				)
			)
			.catch((err: unknown) => err);
		expect(team).toMatchObject({
			code: 'validation',
			options: { fields: { name: ['climatePlan.teams.errors.teamNameTaken'] } }
		});
		// Another error goes on as it is.
		const other = await refusal(
			Promise.reject(new Error('boom')).catch(
				refuseUnique('x', 'name', 'climatePlan.teams.errors.teamNameTaken')
			),
			'validation'
		).catch((err: unknown) => err);
		expect((other as Error).message).toBe('boom');

		// Through the use case: the team's new name taken by another team is said beside the field.
		const edited = await refusal(
			editTeam(as(officer), {
				unverifiedId: String(teamA.id),
				name: 'team b',
				theme: String(buildings),
				lead: ''
			}),
			'validation'
		);
		expect(edited.options.fields?.name).toEqual(['climatePlan.teams.errors.teamNameTaken']);
		const names = await database.db
			.select({ name: climatePlanTeams.name })
			.from(climatePlanTeams)
			.where(eq(climatePlanTeams.id, teamA.id));
		expect(names[0]?.name).toBe('Team A');
		await removeTeam(as(officer), { unverifiedId: String(teamA.id) });
	});
});

describe('climate teams', () => {
	let teamId: number;

	it('refuses blank names, a theme or lead of elsewhere, and a second team of the same name', async () => {
		const cases: [Record<string, string>, string, string][] = [
			[{ name: '   ' }, 'name', 'climatePlan.teams.errors.nameRequired'],
			[{ name: 'x'.repeat(5_000) }, 'name', 'climatePlan.teams.errors.nameTooLong'],
			[{ theme: '' }, 'theme', 'climatePlan.teams.errors.themeRequired'],
			[{ theme: String(molTheme) }, 'theme', 'climatePlan.teams.errors.theme'],
			[{ lead: molOfficer.userId }, 'lead', 'climatePlan.teams.errors.notStaff'],
			[{ lead: citizen.userId }, 'lead', 'climatePlan.teams.errors.notStaff'],
			[{ lead: 'nobody' }, 'lead', 'climatePlan.teams.errors.person']
		];
		for (const [values, field, key] of cases) {
			const err = await refusal(
				createTeam(as(officer), { name: 'Team gebouwen', theme: String(buildings), lead: '', ...values }),
				'validation'
			);
			expect(err.options.fields?.[field], JSON.stringify(values).slice(0, 60)).toEqual([key]);
		}
		teamId = (
			await createTeam(as(officer), { name: 'Team gebouwen', theme: String(buildings), lead: officer.userId })
		).id;
		const twice = await refusal(
			createTeam(as(officer), { name: 'team GEBOUWEN', theme: String(buildings), lead: '' }),
			'validation'
		);
		expect(twice.options.fields?.name).toEqual(['climatePlan.teams.errors.teamNameTaken']);
	});

	it('adds members of here only, takes one out, and keeps Mol out', async () => {
		const err = await refusal(
			addMembersToTeam(as(officer), { unverifiedId: teamId, members: [colleague.userId, molOfficer.userId] }),
			'validation'
		);
		expect(err.options.fields?.members).toEqual(['climatePlan.teams.errors.notStaff']);
		await addMembersToTeam(as(officer), { unverifiedId: teamId, members: [colleague.userId] });
		let page = await getTeamPage(as(officer), { unverifiedId: teamId });
		expect(page.team.leadName).toBe('Bart Claes');
		expect(page.members.map((m) => [m.name, m.departmentName])).toEqual([
			['Bart Claes', null],
			['Hilde Verachtert', 'Groendienst']
		]);
		await removeMemberFromTeam(as(officer), { unverifiedId: teamId, person: officer.userId });
		page = await getTeamPage(as(officer), { unverifiedId: teamId });
		expect(page.members.map((m) => m.name)).toEqual(['Hilde Verachtert']);
		expect(page.team.leadId).toBeNull();
		// Mol's officer cannot find Geel's team; Geel's officer cannot find a team id that is none.
		await refusal(getTeamPage(as(molOfficer, mol), { unverifiedId: teamId }), 'not_found');
		await refusal(
			addMembersToTeam(as(molOfficer, mol), { unverifiedId: teamId, members: [molOfficer.userId] }),
			'not_found'
		);
		await refusal(removeTeam(as(molOfficer, mol), { unverifiedId: teamId }), 'not_found');
		await refusal(getTeamPage(as(officer), { unverifiedId: '1 OR 1=1' }), 'not_found');
	});
});

describe('meetings, agreements, tasks', () => {
	let meetingId: number;
	let agreementId: number;
	let taskAgreementId: number;

	it('refuses a meeting with bad input and saves nothing', async () => {
		const before = (await listMeetings(database.db, { municipalityId: geel.id })).length;
		const cases: [Record<string, unknown>, string, string][] = [
			[{ heldOn: '' }, 'heldOn', 'climatePlan.teams.errors.dateRequired'],
			[{ heldOn: '31/02/2026' }, 'heldOn', 'climatePlan.teams.errors.dateInvalid'],
			[{ heldOn: 'morgen' }, 'heldOn', 'climatePlan.teams.errors.dateInvalid'],
			[{ kind: 'barbecue' }, 'kind', 'climatePlan.teams.errors.kind'],
			[{ department: '' }, 'department', 'climatePlan.teams.errors.departmentRequired'],
			[{ department: String(molDepartment) }, 'department', 'climatePlan.teams.errors.department'],
			[{ participants: [molOfficer.userId] }, 'participants', 'climatePlan.teams.errors.notStaff'],
			[{ participants: ['<script>'] }, 'participants', 'climatePlan.teams.errors.person'],
			[{ kind: 'team_meeting', team: '' }, 'team', 'climatePlan.teams.errors.teamRequired'],
			[{ kind: 'team_meeting', team: '999999' }, 'team', 'climatePlan.teams.errors.team'],
			[{ kind: 'relaunch_day' }, 'representatives', 'climatePlan.teams.errors.representativesRequired'],
			[
				{ kind: 'relaunch_day', representatives: [`${molDepartment}:${colleague.userId}`] },
				'representatives',
				'climatePlan.teams.errors.department'
			],
			[
				{
					kind: 'relaunch_day',
					representatives: [`${green}:${colleague.userId}`, `${green}:${officer.userId}`]
				},
				'representatives',
				'climatePlan.teams.errors.onePerDepartment'
			],
			[{ notes: 'x'.repeat(20_000) }, 'notes', 'climatePlan.teams.errors.notesTooLong']
		];
		for (const [values, field, key] of cases) {
			const err = await refusal(recordMeeting(as(officer), lunchTalk(values)), 'validation');
			expect(err.options.fields?.[field], JSON.stringify(values).slice(0, 80)).toEqual([key]);
		}
		expect((await listMeetings(database.db, { municipalityId: geel.id })).length).toBe(before);
	});

	it('records a lunch talk and a relaunch day with their participants', async () => {
		meetingId = (await recordMeeting(as(officer), lunchTalk())).id;
		const page = await getMeetingPage(as(colleague), { unverifiedId: meetingId });
		expect(page.meeting).toMatchObject({
			kind: 'lunch_talk',
			heldOn: '2026-03-12',
			departmentName: 'Groendienst'
		});
		expect(page.participants.map((p) => p.name)).toEqual(['Bart Claes', 'Hilde Verachtert']);
		const relaunch = await recordMeeting(
			as(officer),
			lunchTalk({
				kind: 'relaunch_day',
				department: '',
				participants: [],
				representatives: [`${green}:${colleague.userId}`, `${technical}:${otherColleague.userId}`, '']
			})
		);
		const day = await getMeetingPage(as(officer), { unverifiedId: relaunch.id });
		expect(day.participants.map((p) => [p.name, p.departmentName])).toEqual([
			['Hilde Verachtert', 'Groendienst'],
			['Jan Peeters', 'Technische dienst']
		]);
		await refusal(getMeetingPage(as(molOfficer, mol), { unverifiedId: meetingId }), 'not_found');
	});

	it('changes who took part after the meeting was recorded: staff of here only, with the audit', async () => {
		const id = String(meetingId);
		// Mol's staff, a citizen, nobody: refused beside the field, nothing added.
		for (const [people, key] of [
			[[molOfficer.userId], 'climatePlan.teams.errors.notStaff'],
			[[otherColleague.userId, citizen.userId], 'climatePlan.teams.errors.notStaff'],
			[[], 'climatePlan.teams.errors.nobody']
		] as const) {
			const err = await refusal(
				addMeetingParticipants(as(officer), { unverifiedId: id, participants: [...people] }),
				'validation'
			);
			expect(err.options.fields?.participants).toEqual([key]);
		}
		expect((await getMeetingPage(as(officer), { unverifiedId: id })).participants).toHaveLength(2);
		// Jan joins (for the lunch talk's department); Hilde, already there, stays once.
		expect(
			await addMeetingParticipants(as(officer), {
				unverifiedId: id,
				participants: [otherColleague.userId, colleague.userId]
			})
		).toEqual({ added: 1 });
		let page = await getMeetingPage(as(officer), { unverifiedId: id });
		expect(page.participants.map((p) => [p.name, p.departmentName])).toEqual([
			['Bart Claes', 'Groendienst'],
			['Hilde Verachtert', 'Groendienst'],
			['Jan Peeters', 'Groendienst']
		]);
		await removeMeetingParticipant(as(officer), { unverifiedId: id, person: otherColleague.userId });
		page = await getMeetingPage(as(officer), { unverifiedId: id });
		expect(page.participants.map((p) => p.name)).toEqual(['Bart Claes', 'Hilde Verachtert']);
		// Not a participant (any more), or not a person: not found / beside the field.
		await refusal(
			removeMeetingParticipant(as(officer), { unverifiedId: id, person: otherColleague.userId }),
			'not_found'
		);
		// A colleague reads but does not change; Mol's officer does not find it.
		await refusal(
			addMeetingParticipants(as(colleague), { unverifiedId: id, participants: [otherColleague.userId] }),
			'forbidden'
		);
		await refusal(
			removeMeetingParticipant(as(molOfficer), { unverifiedId: id, person: colleague.userId }),
			'forbidden'
		);
		const audit = (await auditOf(database.db, geel.id)).filter((a) =>
			['climate_plan.meeting_participant_added', 'climate_plan.meeting_participant_removed'].includes(
				a.action
			)
		);
		expect(audit.map((a) => [a.action, a.details])).toEqual([
			['climate_plan.meeting_participant_added', { meetingId, people: [otherColleague.userId] }],
			['climate_plan.meeting_participant_removed', { meetingId, person: otherColleague.userId }]
		]);
	});

	it('refuses blank and oversized agreements, then adds one', async () => {
		for (const [text, key] of [
			['  ', 'climatePlan.teams.errors.agreementRequired'],
			['x'.repeat(2_000), 'climatePlan.teams.errors.agreementTooLong']
		] as const) {
			const err = await refusal(addAgreement(as(officer), { unverifiedId: meetingId, text }), 'validation');
			expect(err.options.fields?.text).toEqual([key]);
		}
		await refusal(addAgreement(as(molOfficer, mol), { unverifiedId: meetingId, text: 'Mol' }), 'not_found');
		agreementId = (
			await addAgreement(as(officer), {
				unverifiedId: meetingId,
				text: 'Bermen maaien in twee fasen voor de biodiversiteit\nGroendienst en technische dienst samen.'
			})
		).id;
		taskAgreementId = (
			await addAgreement(as(officer), { unverifiedId: meetingId, text: 'Lijst van groenzones doorsturen' })
		).id;
	});

	it('turns an agreement into a plan action exactly once, pre-filled and linked back to the meeting', async () => {
		const target = { unverifiedMeetingId: meetingId, unverifiedId: agreementId };
		const form = await getAgreementActionForm(as(officer), target);
		expect(form.initial).toMatchObject({
			title: 'Bermen maaien in twee fasen voor de biodiversiteit',
			leadDepartmentId: green
		});
		// An agreement under another meeting's address, or Mol's officer: not found.
		await refusal(
			getAgreementActionForm(as(officer), { unverifiedMeetingId: meetingId + 1, unverifiedId: agreementId }),
			'not_found'
		);
		await refusal(getAgreementActionForm(as(molOfficer, mol), target), 'not_found');
		// Bad input of the plan action form: refused beside its field, the agreement still open.
		const bad = await refusal(
			agreementToPlanAction(as(officer), {
				...target,
				...planAction({ title: '', lead: String(molDepartment) })
			}),
			'validation'
		);
		expect(bad.options.fields?.title).toEqual(['climatePlan.errors.titleRequired']);

		const values = planAction({
			title: form.initial.title,
			description: form.initial.description,
			lead: String(green)
		});
		const countBefore = (await database.db.select().from(climatePlanActions)).length;
		// Two tries at once: one makes the action, the other is refused; then a third, later, is refused too.
		const results = await Promise.allSettled([
			agreementToPlanAction(as(officer), { ...target, ...values }),
			agreementToPlanAction(as(officer), { ...target, ...values })
		]);
		const made = results.filter((r) => r.status === 'fulfilled');
		expect(made).toHaveLength(1);
		const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect(failed.reason.code).toBe('conflict');
		await refusal(agreementToPlanAction(as(officer), { ...target, ...values }), 'conflict');
		await refusal(getAgreementActionForm(as(officer), target), 'conflict');
		await refusal(
			agreementToTask(as(officer), {
				...target,
				title: 'Nog eens',
				owner: colleague.userId,
				dueOn: '2026-05-01'
			}),
			'conflict'
		);
		expect((await database.db.select().from(climatePlanActions)).length).toBe(countBefore + 1);

		const { id } = (made[0] as PromiseFulfilledResult<{ id: number }>).value;
		const [agreement] = await database.db
			.select()
			.from(climatePlanAgreements)
			.where(eq(climatePlanAgreements.id, agreementId));
		expect(agreement).toMatchObject({ outcome: 'action', planActionId: id });
		// It shows in the plan's table, and its page says where it came from.
		const board = await listPlanBoard(as(officer), { q: 'Bermen maaien' });
		expect(board.items.map((i) => [i.title, i.leadDepartmentName])).toEqual([
			['Bermen maaien in twee fasen voor de biodiversiteit', 'Groendienst']
		]);
		expect((await getPlanActionPage(as(colleague), { unverifiedId: id })).origin).toMatchObject({
			meetingId,
			kind: 'lunch_talk',
			heldOn: '2026-03-12'
		});
		// Mol's staff do not find Geel's action, nor where it came from.
		await refusal(getPlanActionPage(as(molOfficer, mol), { unverifiedId: id }), 'not_found');
		// An agreement that became something cannot be removed.
		await refusal(removeAgreement(as(officer), target), 'conflict');
	});

	it('turns an agreement into a task for staff of here only; the owner sees it and marks it done', async () => {
		const target = { unverifiedMeetingId: meetingId, unverifiedId: taskAgreementId };
		const task = { title: 'Lijst van groenzones doorsturen', owner: colleague.userId, dueOn: '30/04/2026' };
		const cases: [Record<string, string>, string, string][] = [
			[{ owner: molOfficer.userId }, 'owner', 'climatePlan.teams.errors.notStaff'],
			[{ owner: citizen.userId }, 'owner', 'climatePlan.teams.errors.notStaff'],
			[{ owner: '' }, 'owner', 'climatePlan.teams.errors.ownerRequired'],
			[{ owner: 'iemand' }, 'owner', 'climatePlan.teams.errors.owner'],
			[{ dueOn: '' }, 'dueOn', 'climatePlan.teams.errors.dateRequired'],
			[{ dueOn: '2026-13-01' }, 'dueOn', 'climatePlan.teams.errors.dateInvalid'],
			[{ title: '' }, 'title', 'climatePlan.teams.errors.taskTitleRequired']
		];
		for (const [values, field, key] of cases) {
			const err = await refusal(
				agreementToTask(as(officer), { ...target, ...task, ...values }),
				'validation'
			);
			expect(err.options.fields?.[field], JSON.stringify(values)).toEqual([key]);
		}
		expect((await database.db.select().from(climatePlanTasks)).length).toBe(0);
		const { id } = await agreementToTask(as(officer), { ...target, ...task });
		await refusal(agreementToTask(as(officer), { ...target, ...task }), 'conflict');

		const mine = await getTasksPage(as(colleague), {});
		expect(mine.mine.map((t) => [t.title, t.dueOn, t.status])).toEqual([
			['Lijst van groenzones doorsturen', '2026-04-30', 'open']
		]);
		expect((await getTasksPage(as(otherColleague), {})).mine).toEqual([]);
		// Someone else who only reads the plan may not change it; Mol cannot find it.
		await refusal(changeTaskStatus(as(otherColleague), { unverifiedId: id, status: 'done' }), 'forbidden');
		await refusal(changeTaskStatus(as(molOfficer, mol), { unverifiedId: id, status: 'done' }), 'not_found');
		await refusal(changeTaskStatus(as(colleague), { unverifiedId: id, status: 'gedaan' }), 'validation');
		await changeTaskStatus(as(colleague), { unverifiedId: id, status: 'done' });
		expect((await getTasksPage(as(colleague), {})).mine).toEqual([]);
		expect((await getTasksPage(as(officer), {})).all.find((t) => t.id === id)?.status).toBe('done');
	});

	it('removes an open agreement and a meeting with its tasks, after their confirmation steps', async () => {
		const extra = await addAgreement(as(officer), { unverifiedId: meetingId, text: 'Nog te bekijken' });
		await refusal(
			removeAgreement(as(molOfficer, mol), { unverifiedMeetingId: meetingId, unverifiedId: extra.id }),
			'not_found'
		);
		await removeAgreement(as(officer), { unverifiedMeetingId: meetingId, unverifiedId: extra.id });
		const other = await recordMeeting(as(officer), lunchTalk({ department: String(technical) }));
		const a = await addAgreement(as(officer), { unverifiedId: other.id, text: 'Taak die weg mag' });
		await agreementToTask(as(officer), {
			unverifiedMeetingId: other.id,
			unverifiedId: a.id,
			title: 'Weg',
			owner: officer.userId,
			dueOn: '2026-06-01'
		});
		await refusal(removeMeeting(as(molOfficer, mol), { unverifiedId: other.id }), 'not_found');
		await removeMeeting(as(officer), { unverifiedId: other.id });
		expect((await getTasksPage(as(officer), {})).all.map((t) => t.title)).not.toContain('Weg');
	});
});

describe('the diagnosis and the departments taking part', () => {
	it('asks the departments in rounds and shows the rounds side by side', async () => {
		const blank = await refusal(openDiagnosisRound(as(officer), { name: '' }), 'validation');
		expect(blank.options.fields?.name).toEqual(['climatePlan.teams.errors.nameRequired']);
		const first = await openDiagnosisRound(as(officer), { name: 'Voorjaar 2026' });
		const answers = {
			knowsActions: '2',
			worksTogether: '3',
			contactPoint: '1',
			inPlanning: '2',
			politicalSupport: '4',
			comment: 'Een vast overleg met de duurzaamheidsdienst.'
		};
		// Hilde answers for her own department; not for another one. The officer answers for any.
		await answerDiagnosis(as(colleague), { unverifiedId: first.id, department: String(green), ...answers });
		await refusal(
			answerDiagnosis(as(colleague), { unverifiedId: first.id, department: String(technical), ...answers }),
			'forbidden'
		);
		expect(
			(await getAnswerForm(as(colleague), { unverifiedId: first.id })).departments.map((d) => d.name)
		).toEqual(['Groendienst']);
		const badCases: [Record<string, string>, string, string][] = [
			[{ knowsActions: '' }, 'knowsActions', 'climatePlan.teams.errors.scoreRequired'],
			[{ knowsActions: '6' }, 'knowsActions', 'climatePlan.teams.errors.score'],
			[{ worksTogether: '2,5' }, 'worksTogether', 'climatePlan.teams.errors.score'],
			[{ department: String(molDepartment) }, 'department', 'climatePlan.teams.errors.department'],
			[{ comment: 'x'.repeat(3_000) }, 'comment', 'climatePlan.teams.errors.commentTooLong']
		];
		for (const [values, field, key] of badCases) {
			const err = await refusal(
				answerDiagnosis(as(officer), {
					unverifiedId: first.id,
					department: String(technical),
					...answers,
					...values
				}),
				'validation'
			);
			expect(err.options.fields?.[field], JSON.stringify(values)).toEqual([key]);
		}
		await answerDiagnosis(as(officer), {
			unverifiedId: first.id,
			department: String(technical),
			...answers,
			knowsActions: '4'
		});
		await closeDiagnosisRound(as(officer), { unverifiedId: first.id });
		await refusal(
			answerDiagnosis(as(officer), { unverifiedId: first.id, department: String(mobilityDept), ...answers }),
			'conflict'
		);
		const second = await openDiagnosisRound(as(officer), { name: 'Voorjaar 2027' });
		await answerDiagnosis(as(officer), {
			unverifiedId: second.id,
			department: String(green),
			knowsActions: '5',
			worksTogether: '4',
			contactPoint: '5',
			inPlanning: '4',
			politicalSupport: '4',
			comment: ''
		});
		const page = await getDiagnosisPage(as(otherColleague), {});
		expect(page.rounds.map((r) => [r.name, r.open, r.answered])).toEqual([
			['Voorjaar 2026', false, 2],
			['Voorjaar 2027', true, 1]
		]);
		expect(page.rounds[0]!.averages.knowsActions).toBe(3);
		expect(page.rounds[1]!.averages.knowsActions).toBe(5);
		expect(page.rounds[0]!.departments[green]).toBe(2.4);
		expect(page.rounds[1]!.departments[green]).toBe(4.4);
		expect(page.rounds[1]!.departments[technical]).toBeNull();
		expect(page.rounds[0]!.comments).toHaveLength(2);
		// Mol cannot answer in Geel's round.
		await refusal(
			answerDiagnosis(as(molOfficer, mol), {
				unverifiedId: second.id,
				department: String(molDepartment),
				...answers
			}),
			'not_found'
		);
		expect((await getDiagnosisPage(as(molOfficer, mol), {})).rounds).toEqual([]);
	});

	it('counts the departments taking part by its definition', async () => {
		// Groendienst: the lunch talk, Hilde in the team and the plan action it leads. Technische dienst: its
		// representative at the relaunch day. Mobiliteitsdienst: nothing yet.
		// Jan (who represented the technical department) leaves the mobility department first.
		await assignStaffToDepartment(as(officer), { people: [otherColleague.userId], operation: 'none' });
		let figure = await departmentsTakingPart({ db: database.db }, geel.id);
		expect(figure).toEqual({ count: 2, total: 3, names: ['Groendienst', 'Technische dienst'] });
		await createPlanAction(
			as(officer),
			planAction({ title: 'Fietsstraten', involved: [String(mobilityDept)], status: 'stopped' })
		);
		// A stopped action does not count.
		figure = await departmentsTakingPart({ db: database.db }, geel.id);
		expect(figure.count).toBe(2);
		await createPlanAction(as(officer), planAction({ title: 'Schoolstraten', lead: String(mobilityDept) }));
		figure = await departmentsTakingPart({ db: database.db }, geel.id);
		expect(figure).toEqual({
			count: 3,
			total: 3,
			names: ['Groendienst', 'Mobiliteitsdienst', 'Technische dienst']
		});
		expect((await departmentsTakingPart({ db: database.db }, mol.id)).count).toBe(0);
		expect((await getDepartmentsPage(as(officer), {})).participation.count).toBe(3);
		// The impact indicator counts the same, for every municipality at once (Mol has a department, none taking part).
		const indicator = climatePlanIndicators.find((i) => i.key === 'climatePlan.departments')!;
		const [region] = await database.db
			.select({ id: municipalities.regionId })
			.from(municipalities)
			.where(eq(municipalities.id, geel.id));
		const computed = await indicator.compute!(database.db, {
			regionId: region!.id,
			municipalityIds: [geel.id, mol.id],
			takingPart: new Set([geel.id, mol.id]),
			now: new Date()
		});
		expect(computed.municipalities.get(geel.id)).toEqual({ value: 3, note: '3 van 3 diensten' });
		expect(computed.municipalities.get(mol.id)?.value ?? 0).toBe(0);
	});
});

describe('the playbook and a person’s data', () => {
	it('seeds the internal trajectory as a published template of the region', async () => {
		const [template] = await database.db
			.select()
			.from(playbookTemplates)
			.where(eq(playbookTemplates.slug, 'klimaatplan-van-woord-naar-daad'));
		expect(template?.status).toBe('published');
		const steps = template!.publishedContent!.phases.flatMap((p) => p.steps.map((s) => s.title));
		expect(steps).toEqual(
			expect.arrayContaining([
				'Doorstartdag met één vertegenwoordiger per dienst',
				'Lunchgesprek met elke dienst',
				'Klimaatteams oprichten'
			])
		);
	});

	it('exports and erases a person’s department, teams, meetings and tasks', async () => {
		const data = await exportPlanData(database.db, {
			userId: colleague.userId,
			displayName: 'Hilde',
			addresses: []
		} as never);
		expect(data.climatePlanDepartments).toEqual(['Groendienst']);
		expect(data.climatePlanTeams).toEqual(['Team gebouwen']);
		expect(data.climatePlanMeetings.length).toBeGreaterThanOrEqual(2);
		expect(data.climatePlanTasks.map((t) => t.title)).toEqual(['Lijst van groenzones doorsturen']);
		await database.db.transaction((tx) => erasePlanData(tx, { userId: colleague.userId } as never));
		const after = await exportPlanData(database.db, { userId: colleague.userId } as never);
		expect(after.climatePlanDepartments).toEqual([]);
		expect(after.climatePlanTeams).toEqual([]);
		expect(after.climatePlanMeetings).toEqual([]);
		expect(after.climatePlanTasks).toEqual([]);
	});
});

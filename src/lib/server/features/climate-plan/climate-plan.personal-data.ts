// The climate plan's part of a person's data: the monitoring updates they posted, the plan actions they are
// responsible for, the council reports they issued and their saved views. Deleting the account keeps the updates in the plan's log without an
// author (the municipality's record of its work), keeps the council reports without their issuer, takes the
// person off their actions and deletes their views and waiting uploads.
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import {
	erasePersonFromPlan,
	listPlanActionsOfResponsible,
	listPlanUpdatesOfPerson
} from './climate-plan.queries';
import { clearReportIssuer, listReportsIssuedBy } from './climate-plan.council-report.queries';
import { erasePersonFromTeams, listTeamWorkOfPerson } from './climate-plan.teams.queries';

export async function exportPlanData(db: Db, person: PersonRef) {
	const updates = await listPlanUpdatesOfPerson(db, { userId: person.userId });
	const responsible = await listPlanActionsOfResponsible(db, { userId: person.userId });
	const reports = await listReportsIssuedBy(db, { userId: person.userId });
	const teamWork = await listTeamWorkOfPerson(db, { userId: person.userId });
	return {
		climatePlanDepartments: teamWork.department.map((d) => d.department),
		climatePlanTeams: teamWork.teams.map((t) => t.team),
		climatePlanMeetings: teamWork.meetings,
		climatePlanTasks: teamWork.tasks,
		climatePlanResponsibleFor: responsible.map((r) => ({ planActionId: r.id, title: r.title })),
		climatePlanReportsIssued: reports.map((r) => ({
			reportId: r.id,
			issuedAt: new Date(r.issuedAt).toISOString()
		})),
		climatePlanUpdates: updates.map((u) => ({
			planActionId: u.planActionId,
			done: u.done,
			blockers: u.blockers,
			adjustment: u.adjustment,
			adjustmentReason: u.adjustmentReason,
			createdAt: new Date(u.createdAt).toISOString()
		}))
	};
}

export async function erasePlanData(tx: Db, person: PersonRef): Promise<void> {
	await erasePersonFromPlan(tx, { userId: person.userId });
	await clearReportIssuer(tx, { userId: person.userId });
	await erasePersonFromTeams(tx, { userId: person.userId });
}

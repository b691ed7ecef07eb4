// The demo's internal work around Geel's plan: Hilde (the colleague persona, made by the colleagues' demo) belongs
// to the green service and leads a climate team for buildings; a lunch talk with the green service with one
// agreement still open; a first round of the diagnosis answered by the green service. The other personas' accounts
// are made at their first login, so the demo names none of them. Loaded with the plan's demo, once.
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { userIdentities } from '$lib/server/db/schema';
import { DEMO_PERSONA_ISSUER } from '$lib/server/features/accounts/accounts.demo';
import { ensurePlanDepartment, ensurePlanTheme } from './climate-plan.queries';
import {
	addTeamMembers,
	insertAgreement,
	insertMeeting,
	insertParticipants,
	insertRound,
	insertTeam,
	setDepartmentOfStaff,
	upsertAnswer
} from './climate-plan.teams.queries';

export async function loadPlanTeamsDemo(tx: Db, municipalityId: string, now = new Date()): Promise<void> {
	const [person] = await tx
		.select({ userId: userIdentities.userId })
		.from(userIdentities)
		.where(
			and(eq(userIdentities.issuer, DEMO_PERSONA_ISSUER), eq(userIdentities.subject, 'dev-colleague-geel'))
		);
	const hilde = person?.userId;
	if (!hilde) return;
	const green = await ensurePlanDepartment(tx, { municipalityId, name: 'Groendienst' });
	await setDepartmentOfStaff(tx, { municipalityId, userIds: [hilde], departmentId: green.id });
	const buildings = await ensurePlanTheme(tx, { municipalityId, name: 'Gebouwen' });
	const team = await insertTeam(tx, {
		municipalityId,
		name: 'Klimaatteam gebouwen',
		themeId: buildings.id,
		leadId: hilde
	});
	if (team) await addTeamMembers(tx, { municipalityId, teamId: team.id, userIds: [hilde] });
	const heldOn = new Date(now.getTime() - 14 * 86_400_000).toISOString().slice(0, 10);
	const talk = await insertMeeting(tx, {
		municipalityId,
		kind: 'lunch_talk',
		heldOn,
		departmentId: green.id,
		teamId: null,
		notes: 'Gesprek over bermbeheer, ontharding en de planning van de plantdagen: waar helpen we elkaar?',
		createdBy: null
	});
	await insertParticipants(tx, {
		municipalityId,
		meetingId: talk.id,
		people: [{ userId: hilde, departmentId: green.id }]
	});
	await insertAgreement(tx, {
		municipalityId,
		meetingId: talk.id,
		text: 'Gefaseerd maaien van de bermen langs de Kleine Nete voor meer biodiversiteit'
	});
	const round = await insertRound(tx, { municipalityId, name: 'Nulmeting' });
	if (round)
		await upsertAnswer(tx, {
			municipalityId,
			roundId: round.id,
			departmentId: green.id,
			scores: { knowsActions: 3, worksTogether: 2, contactPoint: 2, inPlanning: 3, politicalSupport: 4 },
			comment: 'Een vast maandelijks overleg met de duurzaamheidsdienst zou helpen.',
			answeredBy: hilde
		});
}

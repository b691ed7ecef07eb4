// Queries of a group's sessions, their notes and the evaluation's lessons. Every query takes `municipalityId`
// and filters on it. A session reads its event's when and where and its trajectory step's session template from
// those features' tables (read only: events and steps change through their own features' services).
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	events,
	groupLessons,
	groupSessionNotes,
	groupSessions,
	playbookTrajectories,
	playbookTrajectorySteps,
	users
} from '$lib/server/db/schema';
import type { LessonKind, LessonVoice } from '$lib/domain/groups-sessions';

type Tenant = { municipalityId: string };
const publicName = sql<string | null>`CASE WHEN ${users.deletedAt} IS NULL THEN ${users.displayName} END`;

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

const sessionColumns = {
	id: groupSessions.id,
	groupId: groupSessions.groupId,
	eventId: groupSessions.eventId,
	trajectoryStepId: groupSessions.trajectoryStepId,
	title: events.title,
	slug: events.slug,
	description: events.description,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	venueName: events.venueName,
	address: events.address,
	whatToBring: events.whatToBring,
	status: events.status,
	session: playbookTrajectorySteps.session,
	stepTitle: playbookTrajectorySteps.title,
	trajectoryId: playbookTrajectorySteps.trajectoryId,
	notes: sql<number>`(SELECT count(*)::int FROM ${groupSessionNotes} n WHERE n.session_id = ${groupSessions.id} AND n.municipality_id = ${groupSessions.municipalityId})`
};

function sessionsQuery(db: Db) {
	return db
		.select(sessionColumns)
		.from(groupSessions)
		.innerJoin(
			events,
			and(eq(events.id, groupSessions.eventId), eq(events.municipalityId, groupSessions.municipalityId))
		)
		.leftJoin(
			playbookTrajectorySteps,
			and(
				eq(playbookTrajectorySteps.id, groupSessions.trajectoryStepId),
				eq(playbookTrajectorySteps.municipalityId, groupSessions.municipalityId)
			)
		);
}

/** The group's sessions in the order they take place. */
export async function listGroupSessions(db: Db, params: Tenant & { groupId: number }) {
	return sessionsQuery(db)
		.where(
			and(eq(groupSessions.municipalityId, params.municipalityId), eq(groupSessions.groupId, params.groupId))
		)
		.orderBy(asc(events.startsAt), asc(groupSessions.id));
}
export type GroupSessionRow = Awaited<ReturnType<typeof listGroupSessions>>[number];

export async function getGroupSession(
	db: Db,
	params: Tenant & { groupId: number; id: number }
): Promise<GroupSessionRow | undefined> {
	const [row] = await sessionsQuery(db)
		.where(
			and(
				eq(groupSessions.municipalityId, params.municipalityId),
				eq(groupSessions.groupId, params.groupId),
				eq(groupSessions.id, params.id)
			)
		)
		.limit(1);
	return row;
}

/** Which group's session an event or a step already is, if any. */
export async function findSessionLinks(
	db: Db,
	params: Tenant & { eventId: number | null; groupId: number; trajectoryStepId: number }
) {
	return db
		.select({ id: groupSessions.id, groupId: groupSessions.groupId, eventId: groupSessions.eventId })
		.from(groupSessions)
		.where(
			and(
				eq(groupSessions.municipalityId, params.municipalityId),
				sql`(${params.eventId === null ? sql`false` : sql`${groupSessions.eventId} = ${params.eventId}`} OR (${groupSessions.groupId} = ${params.groupId} AND ${groupSessions.trajectoryStepId} = ${params.trajectoryStepId}))`
			)
		);
}

/** The municipality's groups that have the step as a session already: one statement, however many groups. */
export async function listGroupsWithStep(
	db: Db,
	params: Tenant & { trajectoryStepId: number }
): Promise<Set<number>> {
	const rows = await db
		.selectDistinct({ groupId: groupSessions.groupId })
		.from(groupSessions)
		.where(
			and(
				eq(groupSessions.municipalityId, params.municipalityId),
				eq(groupSessions.trajectoryStepId, params.trajectoryStepId)
			)
		);
	return new Set(rows.map((r) => r.groupId));
}

export async function insertGroupSession(
	db: Db,
	params: Tenant & { groupId: number; eventId: number; trajectoryStepId: number | null; createdBy: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupSessions).values(params).returning({ id: groupSessions.id });
	if (!row) throw new Error('session not inserted');
	return row;
}

/**
 * The session steps of the municipality's running trajectories, to plan a group's session from: each with its
 * trajectory, its date and the event it already is (and that event's group, if any).
 */
export async function listSessionSteps(db: Db, params: Tenant) {
	return db
		.select({
			id: playbookTrajectorySteps.id,
			trajectoryId: playbookTrajectorySteps.trajectoryId,
			trajectoryTitle: playbookTrajectories.title,
			title: playbookTrajectorySteps.title,
			session: playbookTrajectorySteps.session,
			dueOn: playbookTrajectorySteps.dueOn,
			sessionStartsAt: playbookTrajectorySteps.sessionStartsAt,
			eventId: playbookTrajectorySteps.eventId
		})
		.from(playbookTrajectorySteps)
		.innerJoin(
			playbookTrajectories,
			and(
				eq(playbookTrajectories.id, playbookTrajectorySteps.trajectoryId),
				eq(playbookTrajectories.municipalityId, playbookTrajectorySteps.municipalityId)
			)
		)
		.where(
			and(
				eq(playbookTrajectorySteps.municipalityId, params.municipalityId),
				eq(playbookTrajectories.status, 'running'),
				isNotNull(playbookTrajectorySteps.session)
			)
		)
		.orderBy(asc(playbookTrajectories.id), asc(playbookTrajectorySteps.position))
		.limit(200);
}
export type SessionStepRow = Awaited<ReturnType<typeof listSessionSteps>>[number];

/** Every step of the given trajectories of the municipality (a lesson is sent back to one of them). */
export async function listStepsOfTrajectories(db: Db, params: Tenant & { trajectoryIds?: number[] }) {
	if (params.trajectoryIds && params.trajectoryIds.length === 0) return [];
	return db
		.select({
			id: playbookTrajectorySteps.id,
			trajectoryId: playbookTrajectorySteps.trajectoryId,
			trajectoryTitle: playbookTrajectories.title,
			title: playbookTrajectorySteps.title,
			hasTemplate: sql<boolean>`${playbookTrajectories.templateId} IS NOT NULL`
		})
		.from(playbookTrajectorySteps)
		.innerJoin(
			playbookTrajectories,
			and(
				eq(playbookTrajectories.id, playbookTrajectorySteps.trajectoryId),
				eq(playbookTrajectories.municipalityId, playbookTrajectorySteps.municipalityId)
			)
		)
		.where(
			and(
				eq(playbookTrajectorySteps.municipalityId, params.municipalityId),
				params.trajectoryIds ? inArray(playbookTrajectorySteps.trajectoryId, params.trajectoryIds) : undefined
			)
		)
		.orderBy(asc(playbookTrajectories.id), asc(playbookTrajectorySteps.position))
		.limit(300);
}

// ---------------------------------------------------------------------------------------------
// Notes per session
// ---------------------------------------------------------------------------------------------

export async function listSessionNotes(db: Db, params: Tenant & { sessionId: number }) {
	return db
		.select({
			id: groupSessionNotes.id,
			body: groupSessionNotes.body,
			authorName: publicName,
			createdAt: groupSessionNotes.createdAt
		})
		.from(groupSessionNotes)
		.leftJoin(users, eq(users.id, groupSessionNotes.authorId))
		.where(
			and(
				eq(groupSessionNotes.municipalityId, params.municipalityId),
				eq(groupSessionNotes.sessionId, params.sessionId)
			)
		)
		.orderBy(asc(groupSessionNotes.createdAt), asc(groupSessionNotes.id))
		.limit(500);
}

export async function insertSessionNote(
	db: Db,
	params: Tenant & { groupId: number; sessionId: number; body: string; authorId: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupSessionNotes).values(params).returning({ id: groupSessionNotes.id });
	if (!row) throw new Error('session note not inserted');
	return row;
}

// ---------------------------------------------------------------------------------------------
// The evaluation's lessons
// ---------------------------------------------------------------------------------------------

export async function listLessons(db: Db, params: Tenant & { groupId: number }) {
	return db
		.select({
			id: groupLessons.id,
			kind: groupLessons.kind,
			voice: groupLessons.voice,
			body: groupLessons.body,
			authorName: publicName,
			createdAt: groupLessons.createdAt,
			proposalId: groupLessons.proposalId,
			proposedAt: groupLessons.proposedAt
		})
		.from(groupLessons)
		.leftJoin(users, eq(users.id, groupLessons.authorId))
		.where(
			and(eq(groupLessons.municipalityId, params.municipalityId), eq(groupLessons.groupId, params.groupId))
		)
		.orderBy(desc(groupLessons.createdAt), desc(groupLessons.id))
		.limit(300);
}
export type LessonRow = Awaited<ReturnType<typeof listLessons>>[number];

export async function getLesson(
	db: Db,
	params: Tenant & { groupId: number; id: number; forUpdate?: boolean }
) {
	const query = db
		.select({
			id: groupLessons.id,
			kind: groupLessons.kind,
			body: groupLessons.body,
			proposalId: groupLessons.proposalId
		})
		.from(groupLessons)
		.where(
			and(
				eq(groupLessons.municipalityId, params.municipalityId),
				eq(groupLessons.groupId, params.groupId),
				eq(groupLessons.id, params.id)
			)
		)
		.limit(1);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

export async function insertLesson(
	db: Db,
	params: Tenant & { groupId: number; kind: LessonKind; voice: LessonVoice; body: string; authorId: string }
): Promise<{ id: number }> {
	const [row] = await db.insert(groupLessons).values(params).returning({ id: groupLessons.id });
	if (!row) throw new Error('lesson not inserted');
	return row;
}

export async function markLessonProposed(
	db: Db,
	params: Tenant & { groupId: number; id: number; proposalId: number }
): Promise<void> {
	await db
		.update(groupLessons)
		.set({ proposalId: params.proposalId, proposedAt: new Date() })
		.where(
			and(
				eq(groupLessons.municipalityId, params.municipalityId),
				eq(groupLessons.groupId, params.groupId),
				eq(groupLessons.id, params.id)
			)
		);
}

/** How many session notes and lessons a person wrote (their data export; the texts stay for the group). */
export async function countSessionWritingOf(db: Db, params: { userId: string }) {
	const [row] = await db
		.select({
			sessionNotes: sql<number>`(SELECT count(*)::int FROM ${groupSessionNotes} WHERE author_id = ${params.userId})`,
			lessons: sql<number>`(SELECT count(*)::int FROM ${groupLessons} WHERE author_id = ${params.userId})`
		})
		.from(sql`(SELECT 1) AS one`);
	return row ?? { sessionNotes: 0, lessons: 0 };
}

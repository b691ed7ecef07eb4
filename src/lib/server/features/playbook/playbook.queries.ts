// Queries of the playbook. Templates are the region's (filtered by region); trajectories, their phases and
// steps, and proposals are a municipality's, and every query of them takes `municipalityId` and filters on it.
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	citizenGroups,
	events,
	groupSessions,
	municipalities,
	playbookProposals,
	playbookTemplates,
	playbookTrajectories,
	playbookTrajectoryPhases,
	playbookTrajectorySteps,
	regions,
	users
} from '$lib/server/db/schema';
import { staffName } from '$lib/server/platform/backoffice';
import { containsPattern } from '$lib/server/platform/text';
import type { PlaybookContent, ProposalStatus, TrajectoryStatus } from '$lib/domain/playbook';

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export async function listRegions(db: Db, params: { ids: string[] }) {
	if (params.ids.length === 0) return [];
	return db
		.select({ id: regions.id, slug: regions.slug, name: regions.name })
		.from(regions)
		.where(inArray(regions.id, params.ids))
		.orderBy(asc(regions.name));
}

const templateColumns = {
	id: playbookTemplates.id,
	regionId: playbookTemplates.regionId,
	slug: playbookTemplates.slug,
	title: playbookTemplates.title,
	summary: playbookTemplates.summary,
	theme: playbookTemplates.theme,
	content: playbookTemplates.content,
	status: playbookTemplates.status,
	publishedTitle: playbookTemplates.publishedTitle,
	publishedSummary: playbookTemplates.publishedSummary,
	publishedTheme: playbookTemplates.publishedTheme,
	publishedContent: playbookTemplates.publishedContent,
	version: playbookTemplates.version,
	publishedAt: playbookTemplates.publishedAt,
	updatedAt: playbookTemplates.updatedAt
};

export type TemplateRow = {
	id: string;
	regionId: string;
	slug: string;
	title: string;
	summary: string;
	theme: string;
	content: PlaybookContent;
	status: 'draft' | 'published';
	publishedTitle: string | null;
	publishedSummary: string | null;
	publishedTheme: string | null;
	publishedContent: PlaybookContent | null;
	version: number;
	publishedAt: Date | null;
	updatedAt: Date;
};

export async function listTemplatesOfRegions(
	db: Db,
	params: { regionIds: string[] }
): Promise<TemplateRow[]> {
	if (params.regionIds.length === 0) return [];
	return db
		.select(templateColumns)
		.from(playbookTemplates)
		.where(inArray(playbookTemplates.regionId, params.regionIds))
		.orderBy(asc(playbookTemplates.title));
}

export async function getTemplateBySlug(
	db: Db,
	params: { slug: string; forUpdate?: boolean }
): Promise<TemplateRow | undefined> {
	const query = db
		.select(templateColumns)
		.from(playbookTemplates)
		.where(eq(playbookTemplates.slug, params.slug))
		.limit(1);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

export async function getTemplateById(
	db: Db,
	params: { id: string; forUpdate?: boolean }
): Promise<TemplateRow | undefined> {
	const query = db
		.select(templateColumns)
		.from(playbookTemplates)
		.where(eq(playbookTemplates.id, params.id))
		.limit(1);
	const [row] = params.forUpdate ? await query.for('update') : await query;
	return row;
}

/** Published templates, of one region or of all (the public library). */
export async function listPublishedTemplates(db: Db, params: { regionId?: string } = {}) {
	return db
		.select({
			id: playbookTemplates.id,
			regionId: playbookTemplates.regionId,
			slug: playbookTemplates.slug,
			title: playbookTemplates.publishedTitle,
			summary: playbookTemplates.publishedSummary,
			theme: playbookTemplates.publishedTheme,
			content: playbookTemplates.publishedContent,
			version: playbookTemplates.version,
			publishedAt: playbookTemplates.publishedAt
		})
		.from(playbookTemplates)
		.where(
			and(
				isNotNull(playbookTemplates.publishedContent),
				eq(playbookTemplates.status, 'published'),
				params.regionId ? eq(playbookTemplates.regionId, params.regionId) : undefined
			)
		)
		.orderBy(asc(playbookTemplates.publishedTitle));
}

export async function insertTemplate(
	db: Db,
	values: { regionId: string; slug: string; title: string; content: PlaybookContent; createdBy: string }
) {
	const [row] = await db
		.insert(playbookTemplates)
		.values(values)
		.onConflictDoNothing()
		.returning({ id: playbookTemplates.id, slug: playbookTemplates.slug });
	return row;
}

export async function updateTemplate(
	db: Db,
	params: {
		id: string;
		regionId: string;
		values: Partial<
			Pick<
				typeof playbookTemplates.$inferInsert,
				| 'title'
				| 'summary'
				| 'theme'
				| 'content'
				| 'status'
				| 'publishedTitle'
				| 'publishedSummary'
				| 'publishedTheme'
				| 'publishedContent'
				| 'version'
				| 'publishedAt'
			>
		>;
	}
) {
	await db
		.update(playbookTemplates)
		.set({ ...params.values, updatedAt: new Date() })
		.where(and(eq(playbookTemplates.id, params.id), eq(playbookTemplates.regionId, params.regionId)));
}

// ---------------------------------------------------------------------------------------------
// Trajectories
// ---------------------------------------------------------------------------------------------

const stepsTotal = sql<number>`(SELECT count(*)::int FROM ${playbookTrajectorySteps} st
	WHERE st.municipality_id = ${playbookTrajectories.municipalityId} AND st.trajectory_id = ${playbookTrajectories.id})`;
const stepsDone = sql<number>`(SELECT count(*)::int FROM ${playbookTrajectorySteps} st
	WHERE st.municipality_id = ${playbookTrajectories.municipalityId} AND st.trajectory_id = ${playbookTrajectories.id}
	AND st.done_at IS NOT NULL)`;

const trajectoryColumns = {
	id: playbookTrajectories.id,
	templateId: playbookTrajectories.templateId,
	templateTitle: playbookTrajectories.templateTitle,
	templateVersion: playbookTrajectories.templateVersion,
	templateSlug: playbookTemplates.slug,
	title: playbookTrajectories.title,
	theme: playbookTrajectories.theme,
	startsOn: playbookTrajectories.startsOn,
	status: playbookTrajectories.status,
	createdAt: playbookTrajectories.createdAt,
	stepsTotal,
	stepsDone
};

export type TrajectoryRow = {
	id: number;
	templateId: string | null;
	templateTitle: string;
	templateVersion: number;
	templateSlug: string | null;
	title: string;
	theme: string;
	startsOn: string;
	status: TrajectoryStatus;
	createdAt: Date;
	stepsTotal: number;
	stepsDone: number;
};

export async function listTrajectories(
	db: Db,
	params: {
		municipalityId: string;
		q?: string;
		status?: TrajectoryStatus;
		theme?: string;
		limit: number;
		offset: number;
	}
): Promise<{ rows: TrajectoryRow[]; total: number }> {
	const where = and(
		eq(playbookTrajectories.municipalityId, params.municipalityId),
		params.status ? eq(playbookTrajectories.status, params.status) : undefined,
		params.theme ? eq(playbookTrajectories.theme, params.theme) : undefined,
		params.q
			? or(
					ilike(playbookTrajectories.title, containsPattern(params.q)),
					ilike(playbookTrajectories.templateTitle, containsPattern(params.q)),
					ilike(playbookTrajectories.theme, containsPattern(params.q))
				)
			: undefined
	);
	const [rows, [total]] = await Promise.all([
		db
			.select(trajectoryColumns)
			.from(playbookTrajectories)
			.leftJoin(playbookTemplates, eq(playbookTemplates.id, playbookTrajectories.templateId))
			.where(where)
			.orderBy(desc(playbookTrajectories.startsOn), desc(playbookTrajectories.id))
			.limit(params.limit)
			.offset(params.offset),
		db.select({ n: count() }).from(playbookTrajectories).where(where)
	]);
	return { rows, total: total?.n ?? 0 };
}

/** The themes the municipality ran trajectories for, for the list's filter. */
export async function listTrajectoryThemes(db: Db, params: { municipalityId: string }): Promise<string[]> {
	const rows = await db
		.selectDistinct({ theme: playbookTrajectories.theme })
		.from(playbookTrajectories)
		.where(eq(playbookTrajectories.municipalityId, params.municipalityId))
		.orderBy(asc(playbookTrajectories.theme));
	return rows.map((r) => r.theme);
}

export async function getTrajectory(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<TrajectoryRow | undefined> {
	const [row] = await db
		.select(trajectoryColumns)
		.from(playbookTrajectories)
		.leftJoin(playbookTemplates, eq(playbookTemplates.id, playbookTrajectories.templateId))
		.where(
			and(
				eq(playbookTrajectories.municipalityId, params.municipalityId),
				eq(playbookTrajectories.id, params.id)
			)
		)
		.limit(1);
	return row;
}

export async function insertTrajectory(
	db: Db,
	values: typeof playbookTrajectories.$inferInsert & { municipalityId: string }
) {
	const [row] = await db
		.insert(playbookTrajectories)
		.values(values)
		.returning({ id: playbookTrajectories.id });
	if (!row) throw new Error('trajectory not inserted');
	return row;
}

export async function updateTrajectory(
	db: Db,
	params: { municipalityId: string; id: number; values: { status?: TrajectoryStatus } }
) {
	await db
		.update(playbookTrajectories)
		.set({ ...params.values, updatedAt: new Date() })
		.where(
			and(
				eq(playbookTrajectories.municipalityId, params.municipalityId),
				eq(playbookTrajectories.id, params.id)
			)
		);
}

export async function insertPhase(db: Db, values: typeof playbookTrajectoryPhases.$inferInsert) {
	const [row] = await db
		.insert(playbookTrajectoryPhases)
		.values(values)
		.returning({ id: playbookTrajectoryPhases.id });
	if (!row) throw new Error('phase not inserted');
	return row;
}

export async function insertSteps(db: Db, values: (typeof playbookTrajectorySteps.$inferInsert)[]) {
	if (values.length) await db.insert(playbookTrajectorySteps).values(values);
}

export async function listPhases(db: Db, params: { municipalityId: string; trajectoryId: number }) {
	return db
		.select({
			id: playbookTrajectoryPhases.id,
			position: playbookTrajectoryPhases.position,
			title: playbookTrajectoryPhases.title,
			description: playbookTrajectoryPhases.description,
			startsOn: playbookTrajectoryPhases.startsOn,
			endsOn: playbookTrajectoryPhases.endsOn
		})
		.from(playbookTrajectoryPhases)
		.where(
			and(
				eq(playbookTrajectoryPhases.municipalityId, params.municipalityId),
				eq(playbookTrajectoryPhases.trajectoryId, params.trajectoryId)
			)
		)
		.orderBy(asc(playbookTrajectoryPhases.position));
}
export type PhaseRow = Awaited<ReturnType<typeof listPhases>>[number];

export async function updatePhaseDates(
	db: Db,
	params: { municipalityId: string; trajectoryId: number; id: number; startsOn: string; endsOn: string }
) {
	const rows = await db
		.update(playbookTrajectoryPhases)
		.set({ startsOn: params.startsOn, endsOn: params.endsOn })
		.where(
			and(
				eq(playbookTrajectoryPhases.municipalityId, params.municipalityId),
				eq(playbookTrajectoryPhases.trajectoryId, params.trajectoryId),
				eq(playbookTrajectoryPhases.id, params.id)
			)
		)
		.returning({ id: playbookTrajectoryPhases.id, title: playbookTrajectoryPhases.title });
	return rows[0];
}

const stepColumns = {
	id: playbookTrajectorySteps.id,
	trajectoryId: playbookTrajectorySteps.trajectoryId,
	phaseId: playbookTrajectorySteps.phaseId,
	position: playbookTrajectorySteps.position,
	stepKey: playbookTrajectorySteps.stepKey,
	title: playbookTrajectorySteps.title,
	description: playbookTrajectorySteps.description,
	role: playbookTrajectorySteps.role,
	dueOn: playbookTrajectorySteps.dueOn,
	checklist: playbookTrajectorySteps.checklist,
	session: playbookTrajectorySteps.session,
	communication: playbookTrajectorySteps.communication,
	sessionStartsAt: playbookTrajectorySteps.sessionStartsAt,
	eventId: playbookTrajectorySteps.eventId,
	/** When the session's event takes place (the events feature's row, read only). */
	eventStartsAt:
		sql<Date | null>`(SELECT e.starts_at FROM ${events} e WHERE e.id = ${playbookTrajectorySteps.eventId} AND e.municipality_id = ${playbookTrajectorySteps.municipalityId})`.mapWith(
			(v: string | Date | null) => (v === null ? null : new Date(v))
		),
	/** The citizen groups whose session it is (groups.sessions.ts), their names joined. */
	sessionGroups: sql<
		string | null
	>`(SELECT string_agg(g.name, ', ' ORDER BY g.name) FROM ${groupSessions} gs JOIN ${citizenGroups} g ON g.id = gs.group_id WHERE gs.trajectory_step_id = ${playbookTrajectorySteps.id} AND gs.municipality_id = ${playbookTrajectorySteps.municipalityId})`,
	doneAt: playbookTrajectorySteps.doneAt,
	doneByName: sql<
		string | null
	>`CASE WHEN ${playbookTrajectorySteps.doneBy} IS NULL THEN NULL ELSE ${staffName} END`
};

export async function listSteps(db: Db, params: { municipalityId: string; trajectoryId: number }) {
	return db
		.select(stepColumns)
		.from(playbookTrajectorySteps)
		.leftJoin(users, eq(users.id, playbookTrajectorySteps.doneBy))
		.where(
			and(
				eq(playbookTrajectorySteps.municipalityId, params.municipalityId),
				eq(playbookTrajectorySteps.trajectoryId, params.trajectoryId)
			)
		)
		.orderBy(asc(playbookTrajectorySteps.position));
}
export type StepRow = Awaited<ReturnType<typeof listSteps>>[number];

export async function getStep(
	db: Db,
	params: { municipalityId: string; trajectoryId: number; id: number; forUpdate?: boolean }
): Promise<StepRow | undefined> {
	const query = db
		.select(stepColumns)
		.from(playbookTrajectorySteps)
		.leftJoin(users, eq(users.id, playbookTrajectorySteps.doneBy))
		.where(
			and(
				eq(playbookTrajectorySteps.municipalityId, params.municipalityId),
				eq(playbookTrajectorySteps.trajectoryId, params.trajectoryId),
				eq(playbookTrajectorySteps.id, params.id)
			)
		)
		.limit(1);
	const [row] = params.forUpdate ? await query.for('update', { of: playbookTrajectorySteps }) : await query;
	return row;
}

export async function updateStep(
	db: Db,
	params: {
		municipalityId: string;
		id: number;
		values: Partial<
			Pick<
				typeof playbookTrajectorySteps.$inferInsert,
				'title' | 'description' | 'checklist' | 'dueOn' | 'sessionStartsAt' | 'eventId' | 'doneAt' | 'doneBy'
			>
		>;
	}
) {
	await db
		.update(playbookTrajectorySteps)
		.set(params.values)
		.where(
			and(
				eq(playbookTrajectorySteps.municipalityId, params.municipalityId),
				eq(playbookTrajectorySteps.id, params.id)
			)
		);
}

// ---------------------------------------------------------------------------------------------
// Proposals
// ---------------------------------------------------------------------------------------------

export async function insertProposal(db: Db, values: typeof playbookProposals.$inferInsert) {
	const [row] = await db.insert(playbookProposals).values(values).returning({ id: playbookProposals.id });
	if (!row) throw new Error('proposal not inserted');
	return row;
}

const proposalColumns = {
	id: playbookProposals.id,
	municipalityId: playbookProposals.municipalityId,
	municipalityName: municipalities.name,
	templateId: playbookProposals.templateId,
	stepKey: playbookProposals.stepKey,
	title: playbookProposals.title,
	description: playbookProposals.description,
	checklist: playbookProposals.checklist,
	reason: playbookProposals.reason,
	status: playbookProposals.status,
	createdAt: playbookProposals.createdAt,
	decidedAt: playbookProposals.decidedAt
};

/** The proposals for a template (the region's view: every municipality's, by the template's region). */
export async function listProposalsOfTemplate(
	db: Db,
	params: { regionId: string; templateId: string; status?: ProposalStatus }
) {
	return db
		.select(proposalColumns)
		.from(playbookProposals)
		.innerJoin(municipalities, eq(municipalities.id, playbookProposals.municipalityId))
		.where(
			and(
				eq(playbookProposals.regionId, params.regionId),
				eq(playbookProposals.templateId, params.templateId),
				params.status ? eq(playbookProposals.status, params.status) : undefined
			)
		)
		.orderBy(desc(playbookProposals.createdAt), desc(playbookProposals.id));
}
export type ProposalRow = Awaited<ReturnType<typeof listProposalsOfTemplate>>[number];

export async function getProposalOfTemplate(
	db: Db,
	params: { regionId: string; templateId: string; id: number }
): Promise<ProposalRow | undefined> {
	const [row] = await db
		.select(proposalColumns)
		.from(playbookProposals)
		.innerJoin(municipalities, eq(municipalities.id, playbookProposals.municipalityId))
		.where(
			and(
				eq(playbookProposals.regionId, params.regionId),
				eq(playbookProposals.templateId, params.templateId),
				eq(playbookProposals.id, params.id)
			)
		)
		.limit(1)
		.for('update', { of: playbookProposals });
	return row;
}

export async function decideProposal(
	db: Db,
	params: { regionId: string; id: number; status: 'accepted' | 'declined'; decidedBy: string }
) {
	const rows = await db
		.update(playbookProposals)
		.set({ status: params.status, decidedBy: params.decidedBy, decidedAt: new Date() })
		.where(
			and(
				eq(playbookProposals.regionId, params.regionId),
				eq(playbookProposals.id, params.id),
				eq(playbookProposals.status, 'open')
			)
		)
		.returning({ id: playbookProposals.id });
	return rows.length > 0;
}

/** The municipality's proposals of one step, newest first. */
export async function listProposalsOfStep(
	db: Db,
	params: { municipalityId: string; trajectoryStepId: number }
) {
	return db
		.select({
			id: playbookProposals.id,
			reason: playbookProposals.reason,
			status: playbookProposals.status,
			createdAt: playbookProposals.createdAt
		})
		.from(playbookProposals)
		.where(
			and(
				eq(playbookProposals.municipalityId, params.municipalityId),
				eq(playbookProposals.trajectoryStepId, params.trajectoryStepId)
			)
		)
		.orderBy(desc(playbookProposals.createdAt));
}

export async function countOpenProposals(db: Db, params: { regionIds: string[] }) {
	if (params.regionIds.length === 0) return new Map<string, number>();
	const rows = await db
		.select({ templateId: playbookProposals.templateId, n: count() })
		.from(playbookProposals)
		.where(and(inArray(playbookProposals.regionId, params.regionIds), eq(playbookProposals.status, 'open')))
		.groupBy(playbookProposals.templateId);
	return new Map(rows.map((r) => [r.templateId, r.n]));
}

// ---------------------------------------------------------------------------------------------
// Usage across the region
// ---------------------------------------------------------------------------------------------

/**
 * Every trajectory of the region's municipalities with how far it is: the region's overview, and the figures
 * behind the impact indicators "using the playbook" and "extra policy themes".
 */
export async function listRegionTrajectories(
	db: Db,
	params: { regionId: string; municipalityId?: string; startedBy?: Date }
) {
	return db
		.select({
			municipalityId: playbookTrajectories.municipalityId,
			municipalityName: municipalities.name,
			municipalitySlug: municipalities.slug,
			trajectoryId: playbookTrajectories.id,
			title: playbookTrajectories.title,
			theme: playbookTrajectories.theme,
			templateId: playbookTrajectories.templateId,
			templateTitle: playbookTrajectories.templateTitle,
			startsOn: playbookTrajectories.startsOn,
			status: playbookTrajectories.status,
			stepsTotal,
			stepsDone
		})
		.from(playbookTrajectories)
		.innerJoin(municipalities, eq(municipalities.id, playbookTrajectories.municipalityId))
		.where(
			and(
				eq(municipalities.regionId, params.regionId),
				params.municipalityId ? eq(playbookTrajectories.municipalityId, params.municipalityId) : undefined,
				params.startedBy ? lte(playbookTrajectories.createdAt, params.startedBy) : undefined
			)
		)
		.orderBy(asc(municipalities.name), desc(playbookTrajectories.startsOn));
}

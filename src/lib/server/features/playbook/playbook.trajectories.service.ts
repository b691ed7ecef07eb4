// Use cases of a municipality's trajectories (/{municipality}/beheer/draaiboek): the list with search and
// filters, starting a trajectory from a published template of the region (dates computed from the start date),
// changing a phase's dates, ticking steps off (who and when), a step in the municipality's own words, its
// session as an event of the events feature (created through that feature's service) or as a dated session,
// and proposing an improved step back to the region. Reading needs the back office here; changing needs
// `workingGroups.prepare` (playbook.policy.ts). Every change writes its audit row in its transaction.
import type { Ctx } from '$lib/server/platform/context';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import type { AuditAction } from '$lib/server/platform/audit';
import {
	authorizeMunicipality,
	writeScopedAudit,
	type BackofficeScope
} from '$lib/server/platform/backoffice';
import type { RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { isoDate, planTrajectory, type SessionKind } from '$lib/domain/playbook';
import type { EventKind } from '$lib/domain/events';
import { canManageEvents } from '$lib/server/features/events/events.policy';
import { createEvent } from '$lib/server/features/events/events.admin.service';
import { dateToBrusselsLocal } from '$lib/server/features/opportunities/opportunities.schemas';
import { canReadTrajectories, canRunTrajectories } from './playbook.policy';
import {
	getStep,
	getTemplateById,
	getTemplateBySlug,
	getTrajectory,
	insertPhase,
	insertProposal,
	insertSteps,
	insertTrajectory,
	listPhases,
	listProposalsOfStep,
	listPublishedTemplates,
	listSteps,
	listTrajectories,
	listTrajectoryThemes,
	updatePhaseDates,
	updateStep,
	updateTrajectory,
	type StepRow,
	type TrajectoryRow
} from './playbook.queries';
import {
	phaseDatesSchema,
	playbookFieldOf,
	proposeSchema,
	startSchema,
	trajectoryFiltersSchema,
	trajectoryStepSchema,
	TRAJECTORIES_PAGE_SIZE,
	type TrajectoryFilters
} from './playbook.schemas';
import {
	presentPhases,
	presentPublishedTemplate,
	presentStep,
	presentTrajectoryListItem,
	type PublishedTemplateView,
	type TrajectoryListItemView,
	type TrajectoryPhaseView,
	type TrajectoryStepView
} from './playbook.present';

type Target = { municipalityId: string; regionId: string };
const targetOf = (scope: BackofficeScope): Target => ({
	municipalityId: scope.municipality.id,
	regionId: scope.municipality.regionId
});

async function authorizeWith(ctx: Ctx, rule: (a: BackofficeScope['actor'], t: Target) => boolean) {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	if (!rule(scope.actor, targetOf(scope))) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'trajectories refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return scope;
}

export interface TrajectoryAudit {
	action: AuditAction;
	details: { trajectoryId: number; name: string } & Record<string, unknown>;
}

const common = {
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid' as const,
	fieldOf: playbookFieldOf
};
const { command: read } = commands<Ctx, BackofficeScope, TrajectoryAudit>({
	...common,
	authorize: (ctx) => authorizeWith(ctx, canReadTrajectories)
});
const { command } = commands<Ctx, BackofficeScope, TrajectoryAudit>({
	...common,
	authorize: (ctx) => authorizeWith(ctx, canRunTrajectories)
});

async function findTrajectory(db: Db, scope: BackofficeScope, unverifiedId: unknown): Promise<TrajectoryRow> {
	const id = parseId(unverifiedId);
	const row =
		id === null ? undefined : await getTrajectory(db, { municipalityId: scope.municipality.id, id });
	if (!row) throw new AppError('not_found');
	return row;
}

async function findStep(
	db: Db,
	scope: BackofficeScope,
	trajectory: { id: number },
	unverifiedStepId: unknown,
	forUpdate = false
): Promise<StepRow> {
	const id = parseId(unverifiedStepId);
	const row =
		id === null
			? undefined
			: await getStep(db, {
					municipalityId: scope.municipality.id,
					trajectoryId: trajectory.id,
					id,
					forUpdate
				});
	if (!row) throw new AppError('not_found');
	return row;
}

const today = () => isoDate(new Date());
type StepTarget = { unverifiedTrajectoryId: unknown; unverifiedStepId: unknown };

// ---------------------------------------------------------------------------------------------
// The list and starting one
// ---------------------------------------------------------------------------------------------

export interface TrajectoryList {
	filters: TrajectoryFilters;
	items: TrajectoryListItemView[];
	themes: string[];
	total: number;
	page: number;
	pageCount: number;
	canRun: boolean;
}

export const listTrajectoriesForBackoffice = read({
	load: async (ctx, scope, input: RawInput<typeof trajectoryFiltersSchema>): Promise<TrajectoryList> => {
		const filters = trajectoryFiltersSchema.parse(input);
		const municipalityId = scope.municipality.id;
		const [{ rows, total }, themes] = await Promise.all([
			listTrajectories(ctx.db, {
				municipalityId,
				q: filters.q,
				status: filters.status,
				theme: filters.theme,
				limit: TRAJECTORIES_PAGE_SIZE,
				offset: (filters.page - 1) * TRAJECTORIES_PAGE_SIZE
			}),
			listTrajectoryThemes(ctx.db, { municipalityId })
		]);
		return {
			filters,
			items: rows.map(presentTrajectoryListItem),
			themes,
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / TRAJECTORIES_PAGE_SIZE)),
			canRun: canRunTrajectories(scope.actor, targetOf(scope))
		};
	}
});

export interface StartForm {
	templates: PublishedTemplateView[];
	/** The template chosen in the address, when it is one of them. */
	chosen: string | null;
	today: string;
}

export const getStartForm = command({
	load: async (ctx, scope, input: { unverifiedTemplate?: unknown }): Promise<StartForm> => {
		const rows = await listPublishedTemplates(ctx.db, { regionId: scope.municipality.regionId });
		const templates = rows.map(presentPublishedTemplate);
		const chosen = templates.find((t) => t.slug === input.unverifiedTemplate)?.slug ?? null;
		return { templates, chosen, today: today() };
	}
});

/**
 * Starts a trajectory from the published version of a template of the municipality's region, for a policy
 * theme: its phases and steps are copied with dates from the start date (planTrajectory), to be changed after.
 */
export const startTrajectory = command({
	load: async () => undefined,
	schema: startSchema,
	prepare: async ({ ctx, scope, values }) => {
		const template = await getTemplateBySlug(ctx.db, { slug: values.template });
		if (
			!template ||
			template.regionId !== scope.municipality.regionId ||
			template.status !== 'published' ||
			!template.publishedContent
		)
			throw new AppError('validation', { fields: { template: ['playbookAdmin.errors.template'] } });
		return template;
	},
	execute: async (tx, { scope, values, prepared: template, record }) => {
		const municipalityId = scope.municipality.id;
		const content = template.publishedContent!;
		const plan = planTrajectory(values.startsOn!, content.phases);
		const { id } = await insertTrajectory(tx, {
			municipalityId,
			templateId: template.id,
			templateTitle: template.publishedTitle ?? template.title,
			templateVersion: template.version,
			title: values.title,
			theme: values.theme,
			startsOn: values.startsOn!,
			createdBy: scope.actor.userId
		});
		let position = 0;
		for (const [i, phase] of content.phases.entries()) {
			const planned = plan[i]!;
			const { id: phaseId } = await insertPhase(tx, {
				municipalityId,
				trajectoryId: id,
				position: i,
				phaseKey: phase.key,
				title: phase.title,
				description: phase.description,
				startsOn: planned.startsOn,
				endsOn: planned.endsOn
			});
			await insertSteps(
				tx,
				phase.steps.map((step, j) => ({
					municipalityId,
					trajectoryId: id,
					phaseId,
					position: position++,
					stepKey: step.key,
					title: step.title,
					description: step.description,
					role: step.role,
					dueOn: planned.steps[j]!.dueOn,
					checklist: step.checklist,
					session: step.session,
					communication: step.communication
				}))
			);
		}
		record.audit({
			action: 'playbook.trajectory_started',
			details: {
				trajectoryId: id,
				name: values.title,
				template: template.slug,
				version: template.version,
				theme: values.theme,
				startsOn: values.startsOn
			}
		});
		return { id };
	}
});

// ---------------------------------------------------------------------------------------------
// A trajectory
// ---------------------------------------------------------------------------------------------

export interface TrajectoryPage {
	trajectory: TrajectoryListItemView & { templateSlug: string | null; templateVersion: number };
	phases: TrajectoryPhaseView[];
	canRun: boolean;
	/** Whether the person may make a session an event (the events feature's rule). */
	canPlanEvents: boolean;
}

export const getTrajectoryForBackoffice = read({
	load: async (ctx, scope, input: { unverifiedTrajectoryId: unknown }): Promise<TrajectoryPage> => {
		const row = await findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId);
		const params = { municipalityId: scope.municipality.id, trajectoryId: row.id };
		const [phases, steps] = await Promise.all([listPhases(ctx.db, params), listSteps(ctx.db, params)]);
		return {
			trajectory: {
				...presentTrajectoryListItem(row),
				templateSlug: row.templateSlug,
				templateVersion: row.templateVersion
			},
			phases: presentPhases(phases, steps, today()),
			canRun: canRunTrajectories(scope.actor, targetOf(scope)),
			canPlanEvents: canManageEvents(scope.actor, targetOf(scope))
		};
	}
});

/** Changes the dates of one phase; an end before the start is refused beside the field. */
export const setPhaseDates = command({
	load: (
		ctx,
		scope,
		input: { unverifiedTrajectoryId: unknown; unverifiedPhaseId: unknown } & RawInput<typeof phaseDatesSchema>
	) => findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId),
	schema: phaseDatesSchema,
	execute: async (tx, { scope, input, loaded, values, record }) => {
		const phaseId = parseId(input.unverifiedPhaseId);
		const phase =
			phaseId === null
				? undefined
				: await updatePhaseDates(tx, {
						municipalityId: scope.municipality.id,
						trajectoryId: loaded.id,
						id: phaseId,
						startsOn: values.startsOn!,
						endsOn: values.endsOn!
					});
		if (!phase) throw new AppError('not_found');
		record.audit({
			action: 'playbook.trajectory_changed',
			details: {
				trajectoryId: loaded.id,
				name: loaded.title,
				phase: phase.title,
				startsOn: values.startsOn,
				endsOn: values.endsOn
			}
		});
	}
});

/** Marks the trajectory finished or running again. */
export const setTrajectoryStatus = command({
	load: (ctx, scope, input: { unverifiedTrajectoryId: unknown; finished: boolean }) =>
		findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId),
	execute: async (tx, { scope, input, loaded, record }) => {
		const status = input.finished ? 'finished' : 'running';
		if (loaded.status === status) return;
		await updateTrajectory(tx, { municipalityId: scope.municipality.id, id: loaded.id, values: { status } });
		record.audit({
			action: 'playbook.trajectory_changed',
			details: { trajectoryId: loaded.id, name: loaded.title, status }
		});
	}
});

/** Ticks a step off (who and when) or opens it again. Ticking a ticked step changes nothing. */
export const tickStep = command({
	load: (ctx, scope, input: StepTarget & { done: boolean }) =>
		findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId),
	execute: async (tx, { scope, input, loaded, record }): Promise<{ changed: boolean }> => {
		const step = await findStep(tx, scope, loaded, input.unverifiedStepId, true);
		if (Boolean(step.doneAt) === input.done) return { changed: false };
		await updateStep(tx, {
			municipalityId: scope.municipality.id,
			id: step.id,
			values: input.done ? { doneAt: new Date(), doneBy: scope.actor.userId } : { doneAt: null, doneBy: null }
		});
		record.audit({
			action: input.done ? 'playbook.step_done' : 'playbook.step_reopened',
			details: { trajectoryId: loaded.id, name: loaded.title, step: step.title, stepId: step.id }
		});
		return { changed: true };
	}
});

export interface StepPage {
	trajectory: { id: number; title: string; templateSlug: string | null; hasTemplate: boolean };
	step: TrajectoryStepView;
	proposals: { id: number; reason: string; status: 'open' | 'accepted' | 'declined'; createdAt: string }[];
	canRun: boolean;
	canPlanEvents: boolean;
}

export const getStepForBackoffice = read({
	load: async (ctx, scope, input: StepTarget): Promise<StepPage> => {
		const trajectory = await findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId);
		const step = await findStep(ctx.db, scope, trajectory, input.unverifiedStepId);
		const proposals = await listProposalsOfStep(ctx.db, {
			municipalityId: scope.municipality.id,
			trajectoryStepId: step.id
		});
		return {
			trajectory: {
				id: trajectory.id,
				title: trajectory.title,
				templateSlug: trajectory.templateSlug,
				hasTemplate: trajectory.templateId !== null
			},
			step: presentStep(step, today()),
			proposals: proposals.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
			canRun: canRunTrajectories(scope.actor, targetOf(scope)),
			canPlanEvents: canManageEvents(scope.actor, targetOf(scope))
		};
	}
});

/** The municipality's own version of a step: its words, checklist, due date and the session's date and time. */
export const saveTrajectoryStep = command({
	load: (ctx, scope, input: StepTarget & RawInput<typeof trajectoryStepSchema>) =>
		findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId),
	schema: trajectoryStepSchema,
	execute: async (tx, { scope, input, loaded, values, record }): Promise<{ changed: boolean }> => {
		const step = await findStep(tx, scope, loaded, input.unverifiedStepId, true);
		const next = {
			title: values.title,
			description: values.description,
			checklist: values.checklist,
			dueOn: values.dueOn!,
			sessionStartsAt: step.session ? values.sessionStartsAt : null
		};
		const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => {
			const a = step[k];
			const b = next[k];
			return (
				JSON.stringify(a instanceof Date ? a.toISOString() : a) !==
				JSON.stringify(b instanceof Date ? b.toISOString() : b)
			);
		});
		if (changed.length === 0) return { changed: false };
		await updateStep(tx, { municipalityId: scope.municipality.id, id: step.id, values: next });
		record.audit({
			action: 'playbook.step_changed',
			details: { trajectoryId: loaded.id, name: loaded.title, step: values.title, stepId: step.id, changed }
		});
		return { changed: true };
	}
});

/**
 * Proposes the step as the municipality has it now (title, description, checklist) to the region's template,
 * with a reason. The template must still be there and still have that step.
 */
export const proposeStep = command({
	load: (ctx, scope, input: StepTarget & RawInput<typeof proposeSchema>) =>
		findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId),
	schema: proposeSchema,
	execute: async (tx, { scope, input, loaded, values, record }) => {
		const step = await findStep(tx, scope, loaded, input.unverifiedStepId);
		const template = loaded.templateId ? await getTemplateById(tx, { id: loaded.templateId }) : undefined;
		if (!template || template.regionId !== scope.municipality.regionId)
			throw new AppError('conflict', { message: 'playbookAdmin.errors.templateGone' });
		const exists = template.content.phases.some((p) => p.steps.some((s) => s.key === step.stepKey));
		if (!exists) throw new AppError('conflict', { message: 'playbookAdmin.errors.stepGone' });
		const { id } = await insertProposal(tx, {
			municipalityId: scope.municipality.id,
			regionId: template.regionId,
			templateId: template.id,
			trajectoryStepId: step.id,
			stepKey: step.stepKey,
			title: step.title,
			description: step.description,
			checklist: step.checklist,
			reason: values.reason,
			createdBy: scope.actor.userId
		});
		record.audit({
			action: 'playbook.step_proposed',
			details: {
				trajectoryId: loaded.id,
				name: loaded.title,
				step: step.title,
				proposalId: id,
				template: template.slug
			}
		});
		return { id };
	}
});

const loadStepForSession = read({
	load: async (ctx, scope, input: StepTarget) => {
		const trajectory = await findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId);
		const step = await findStep(ctx.db, scope, trajectory, input.unverifiedStepId);
		if (!canRunTrajectories(scope.actor, targetOf(scope)))
			throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
		return { trajectory, step };
	}
});

const linkEvent = command({
	load: (ctx, scope, input: StepTarget & { eventId: number }) =>
		findTrajectory(ctx.db, scope, input.unverifiedTrajectoryId),
	execute: async (tx, { scope, input, loaded, record }) => {
		const step = await findStep(tx, scope, loaded, input.unverifiedStepId, true);
		await updateStep(tx, {
			municipalityId: scope.municipality.id,
			id: step.id,
			values: { eventId: input.eventId }
		});
		record.audit({
			action: 'playbook.session_planned',
			details: { trajectoryId: loaded.id, name: loaded.title, step: step.title, eventId: input.eventId }
		});
	}
});

/** The session's agenda, materials and what to prepare, as the event's description (Markdown). */
function sessionDescription(step: StepRow): string {
	const s = step.session!;
	const list = (heading: string, text: string) =>
		text.trim()
			? `**${heading}**\n\n${text
					.split('\n')
					.filter(Boolean)
					.map((l) => `- ${l}`)
					.join('\n')}`
			: '';
	return [
		step.description,
		list('Agenda', s.agenda),
		list('Materiaal', s.materials),
		list('Voor te bereiden', s.prepare)
	]
		.filter(Boolean)
		.join('\n\n');
}

/**
 * Makes a step's session an event of the events feature: a draft with the session's title, agenda and duration,
 * on the step's session time (else its due date at 19:30), created by the events feature's own use case (its
 * rules, audit and domain events), then linked to the step. A citizen group's session (groups.sessions.ts) asks
 * for its own kind and may publish it at once. Staff complete and publish it in the events' back
 * office. A session that already is an event is refused.
 */
export async function planSessionAsEvent(
	ctx: Ctx,
	input: StepTarget & { status?: 'draft' | 'published'; kind?: EventKind }
): Promise<{ eventId: number }> {
	const { step } = await loadStepForSession(ctx, input);
	if (!step.session) throw new AppError('not_found');
	if (step.eventId !== null) throw new AppError('conflict', { message: 'playbookAdmin.errors.alreadyEvent' });
	const start = step.sessionStartsAt ? dateToBrusselsLocal(step.sessionStartsAt) : `${step.dueOn}T19:30`;
	const startDate = step.sessionStartsAt ?? null;
	const minutes = step.session.durationMinutes || 120;
	const end = startDate
		? dateToBrusselsLocal(new Date(startDate.getTime() + minutes * 60_000))
		: endOf(step.dueOn, 19 * 60 + 30 + minutes);
	const kind: EventKind = input.kind ?? (step.session.kind satisfies SessionKind);
	const { id } = await createEvent(ctx, {
		kind,
		title: step.session.title.slice(0, 200),
		description: sessionDescription(step).slice(0, 50_000),
		startsAt: start,
		endsAt: end,
		whatToBring: step.session.materials.slice(0, 2_000),
		status: input.status ?? 'draft'
	});
	await linkEvent(ctx, { ...input, eventId: id });
	return { eventId: id };
}

/** The wall-clock time `minutes` after midnight of `day` as a datetime-local value (past midnight: the next day). */
function endOf(day: string, minutes: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCMinutes(minutes);
	return d.toISOString().slice(0, 16);
}

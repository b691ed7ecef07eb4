// Use cases of the region's playbook library (/beheer/draaiboek): the templates of the regions the person keeps,
// writing a template (its description, phases, steps with checklists, sessions and communication per channel,
// documents), publishing it as a new version, and deciding on the municipalities' proposals. Keepers are the
// regional admins and participation experts of the template's region; publishing and deciding are the regional
// admin's (playbook.policy.ts). Every change writes a row in the region's audit log in its transaction.
import type { z } from 'zod';
import type { Ctx } from '$lib/server/platform/context';
import type { Db } from '$lib/server/db/client';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit, type AuditAction } from '$lib/server/platform/audit';
import type { Actor } from '$lib/server/platform/policy';
import { slugify } from '$lib/server/platform/text';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { isUuid } from '$lib/domain/ids';
import {
	PLAYBOOK_CHANNELS,
	PLAYBOOK_LIMITS,
	type PlaybookContent,
	type PlaybookStep
} from '$lib/domain/playbook';
import { canDecidePlaybook, canKeepPlaybook } from './playbook.policy';
import {
	countOpenProposals,
	decideProposal,
	getProposalOfTemplate,
	getTemplateBySlug,
	insertTemplate,
	listProposalsOfTemplate,
	listRegionTrajectories,
	listRegions,
	listTemplatesOfRegions,
	updateTemplate,
	type TemplateRow
} from './playbook.queries';
import {
	confirmSchema,
	decideSchema,
	documentSchema,
	newTemplateSchema,
	phaseSchema,
	playbookFieldOf,
	stepSchema,
	templateSchema
} from './playbook.schemas';
import {
	presentProposal,
	presentTemplateForEdit,
	presentTemplateListItem,
	type ProposalView,
	type TemplateEditView,
	type TemplateListItemView
} from './playbook.present';

const FALLBACK = 'backoffice.errors.invalid' as const;
const validate = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> =>
	validateInput(schema, input, { fallback: FALLBACK, fieldOf: playbookFieldOf });

function requireActor(ctx: Ctx): Actor {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor;
}

/** The regions whose templates the person keeps; refused when there are none. */
function keptRegionIds(ctx: Ctx): { actor: Actor; regionIds: string[] } {
	const actor = requireActor(ctx);
	const regionIds = [...new Set(actor.regionRoles.map((r) => r.regionId))].filter((id) =>
		canKeepPlaybook(actor, id)
	);
	if (regionIds.length === 0) {
		ctx.log.warn({ userId: actor.userId }, 'playbook library refused');
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return { actor, regionIds };
}

/** The template by its slug from the address, for a keeper of its region; anyone else is refused. */
async function findKeptTemplate(ctx: Ctx, db: Db, unverifiedSlug: unknown, forUpdate = false) {
	const actor = requireActor(ctx);
	const slug = typeof unverifiedSlug === 'string' && unverifiedSlug.length <= 80 ? unverifiedSlug : null;
	const row = slug ? await getTemplateBySlug(db, { slug, forUpdate }) : undefined;
	if (!row) throw new AppError('not_found');
	if (!canKeepPlaybook(actor, row.regionId)) {
		ctx.log.warn({ userId: actor.userId, template: row.id }, 'playbook template refused');
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return { actor, row };
}

function audit(
	tx: Db,
	actor: Actor,
	row: { id: string; regionId: string; title: string },
	action: AuditAction,
	details: Record<string, unknown> = {},
	municipalityId: string | null = null
) {
	return writeAudit(tx, {
		regionId: row.regionId,
		municipalityId,
		actor: { userId: actor.userId, displayName: actor.displayName },
		action,
		subject: { id: row.id, name: row.title },
		details
	});
}

// ---------------------------------------------------------------------------------------------
// The library
// ---------------------------------------------------------------------------------------------

export interface RegionUsageRow {
	municipalityName: string;
	municipalitySlug: string;
	title: string;
	theme: string;
	templateTitle: string;
	startsOn: string;
	status: 'running' | 'finished';
	stepsDone: number;
	stepsTotal: number;
}

export interface PlaybookLibrary {
	regions: { id: string; name: string; canDecide: boolean }[];
	templates: (TemplateListItemView & { regionId: string })[];
}

export async function getPlaybookLibrary(ctx: Ctx): Promise<PlaybookLibrary> {
	const { actor, regionIds } = keptRegionIds(ctx);
	const [regionRows, rows, open] = await Promise.all([
		listRegions(ctx.db, { ids: regionIds }),
		listTemplatesOfRegions(ctx.db, { regionIds }),
		countOpenProposals(ctx.db, { regionIds })
	]);
	return {
		regions: regionRows.map((r) => ({ id: r.id, name: r.name, canDecide: canDecidePlaybook(actor, r.id) })),
		templates: rows.map((r) => ({ ...presentTemplateListItem(r, open.get(r.id) ?? 0), regionId: r.regionId }))
	};
}

export interface PlaybookUsageOverview {
	regions: { id: string; name: string; rows: RegionUsageRow[]; municipalities: number; themes: number }[];
}

/**
 * Which municipalities run which templates and how far they are, for the regional admin of each region the
 * person administers. Refused for everyone else.
 */
export async function getPlaybookUsageOverview(ctx: Ctx): Promise<PlaybookUsageOverview> {
	const actor = requireActor(ctx);
	const regionIds = [...new Set(actor.regionRoles.map((r) => r.regionId))].filter((id) =>
		canDecidePlaybook(actor, id)
	);
	if (regionIds.length === 0) throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const regionRows = await listRegions(ctx.db, { ids: regionIds });
	const result = [];
	for (const region of regionRows) {
		const rows = await listRegionTrajectories(ctx.db, { regionId: region.id });
		result.push({
			id: region.id,
			name: region.name,
			rows: rows.map((r) => ({
				municipalityName: r.municipalityName,
				municipalitySlug: r.municipalitySlug,
				title: r.title,
				theme: r.theme,
				templateTitle: r.templateTitle,
				startsOn: r.startsOn,
				status: r.status,
				stepsDone: r.stepsDone,
				stepsTotal: r.stepsTotal
			})),
			municipalities: new Set(rows.map((r) => r.municipalityId)).size,
			themes: new Set(rows.map((r) => `${r.municipalityId}:${r.theme.toLowerCase()}`)).size
		});
	}
	return { regions: result };
}

/**
 * The playbook's use in a region, per municipality: how many trajectories it runs or ran, for how many distinct
 * policy themes, and which templates. For other features (the impact indicators "using the playbook" and "extra
 * policy themes"); it authorizes nothing, so its caller decides who sees the figures.
 */
export async function playbookUsage(
	db: Db,
	/** `startedBy`: only trajectories created by then (an indicator's figure at a moment). */
	params: { regionId: string; municipalityId?: string; startedBy?: Date }
): Promise<
	{
		municipalityId: string;
		trajectories: number;
		themes: string[];
		templateIds: string[];
		stepsDone: number;
	}[]
> {
	const rows = await listRegionTrajectories(db, params);
	const by = new Map<
		string,
		{
			municipalityId: string;
			trajectories: number;
			themes: Set<string>;
			templateIds: Set<string>;
			stepsDone: number;
		}
	>();
	for (const r of rows) {
		const m = by.get(r.municipalityId) ?? {
			municipalityId: r.municipalityId,
			trajectories: 0,
			themes: new Set<string>(),
			templateIds: new Set<string>(),
			stepsDone: 0
		};
		m.trajectories++;
		m.themes.add(r.theme);
		if (r.templateId) m.templateIds.add(r.templateId);
		m.stepsDone += r.stepsDone;
		by.set(r.municipalityId, m);
	}
	return [...by.values()].map((m) => ({
		municipalityId: m.municipalityId,
		trajectories: m.trajectories,
		themes: [...m.themes].sort(),
		templateIds: [...m.templateIds].sort(),
		stepsDone: m.stepsDone
	}));
}

// ---------------------------------------------------------------------------------------------
// A template
// ---------------------------------------------------------------------------------------------

export interface TemplateKeeperPage {
	template: TemplateEditView;
	canDecide: boolean;
	proposals: ProposalView[];
}

export async function getTemplateForKeeper(
	ctx: Ctx,
	input: { unverifiedSlug: unknown }
): Promise<TemplateKeeperPage> {
	const { actor, row } = await findKeptTemplate(ctx, ctx.db, input.unverifiedSlug);
	const proposals = await listProposalsOfTemplate(ctx.db, { regionId: row.regionId, templateId: row.id });
	return {
		template: presentTemplateForEdit(row, proposals.filter((p) => p.status === 'open').length),
		canDecide: canDecidePlaybook(actor, row.regionId),
		proposals: proposals.map((p) => presentProposal(p, row.content))
	};
}

/** Creates a draft template in a region the person keeps; its slug is made unique from the title. */
export async function createTemplate(
	ctx: Ctx,
	input: RawInput<typeof newTemplateSchema>
): Promise<{ slug: string }> {
	const { actor, regionIds } = keptRegionIds(ctx);
	const values = validate(newTemplateSchema, input);
	const regionId = values.regionId || (regionIds.length === 1 ? regionIds[0]! : '');
	if (!isUuid(regionId) || !regionIds.includes(regionId))
		throw new AppError('validation', { fields: { regionId: ['playbookAdmin.errors.region'] } });
	const base = slugify(values.title).slice(0, 60).replace(/-+$/, '') || 'draaiboek';
	return ctx.db.transaction(async (tx) => {
		for (let n = 1; n < 50; n++) {
			const slug = n === 1 ? base : `${base}-${n}`;
			const row = await insertTemplate(tx, {
				regionId,
				slug,
				title: values.title,
				content: { phases: [], documents: [] },
				createdBy: actor.userId
			});
			if (row) {
				await audit(tx, actor, { id: row.id, regionId, title: values.title }, 'playbook.template_created');
				return { slug: row.slug };
			}
		}
		throw new AppError('conflict', { message: 'playbookAdmin.errors.slugTaken' });
	});
}

/**
 * The one way a keeper changes a template: in a transaction, the template locked, its content changed by
 * `change` (which throws not found for a phase, step or document that is not there), the limits checked,
 * written with an audit row naming what changed.
 */
async function changeTemplate<T>(
	ctx: Ctx,
	unverifiedSlug: unknown,
	part: string,
	change: (
		content: PlaybookContent,
		row: TemplateRow
	) => { result: T; fields?: Partial<Pick<TemplateRow, 'title' | 'summary' | 'theme'>> }
): Promise<T> {
	await findKeptTemplate(ctx, ctx.db, unverifiedSlug);
	return ctx.db.transaction(async (tx) => {
		const { actor, row } = await findKeptTemplate(ctx, tx, unverifiedSlug, true);
		const content = structuredClone(row.content);
		const { result, fields } = change(content, row);
		const steps = content.phases.reduce((n, p) => n + p.steps.length, 0);
		if (
			content.phases.length > PLAYBOOK_LIMITS.phasesMax ||
			steps > PLAYBOOK_LIMITS.stepsMax ||
			content.documents.length > PLAYBOOK_LIMITS.documentsMax
		)
			throw new AppError('conflict', { message: 'playbookAdmin.errors.tooMany' });
		await updateTemplate(tx, { id: row.id, regionId: row.regionId, values: { ...fields, content } });
		await audit(tx, actor, { ...row, title: fields?.title ?? row.title }, 'playbook.template_changed', {
			part
		});
		return result;
	});
}

function nextKey(prefix: string, keys: string[]): string {
	const n = Math.max(0, ...keys.map((k) => (k.startsWith(prefix) ? Number(k.slice(prefix.length)) || 0 : 0)));
	return `${prefix}${n + 1}`;
}

const allSteps = (content: PlaybookContent) => content.phases.flatMap((p) => p.steps);

export async function saveTemplateDetails(
	ctx: Ctx,
	input: { unverifiedSlug: unknown } & RawInput<typeof templateSchema>
): Promise<void> {
	const values = validate(templateSchema, input);
	await changeTemplate(ctx, input.unverifiedSlug, 'details', () => ({ result: undefined, fields: values }));
}

export async function addPhase(
	ctx: Ctx,
	input: { unverifiedSlug: unknown } & RawInput<typeof phaseSchema>
): Promise<{ key: string }> {
	const values = validate(phaseSchema, input);
	return changeTemplate(ctx, input.unverifiedSlug, 'phase', (content) => {
		const key = nextKey(
			'p',
			content.phases.map((p) => p.key)
		);
		content.phases.push({ key, ...values, steps: [] });
		return { result: { key } };
	});
}

export async function savePhase(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedPhaseKey: unknown } & RawInput<typeof phaseSchema>
): Promise<void> {
	const values = validate(phaseSchema, input);
	await changeTemplate(ctx, input.unverifiedSlug, 'phase', (content) => {
		const phase = content.phases.find((p) => p.key === input.unverifiedPhaseKey);
		if (!phase) throw new AppError('not_found');
		Object.assign(phase, values);
		return { result: undefined };
	});
}

/**
 * Removes a phase that has no steps left (a phase with steps keeps them: move or remove those first), once the
 * keeper ticked that they mean it.
 */
export async function removePhase(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedPhaseKey: unknown; confirm: unknown }
): Promise<void> {
	await changeTemplate(ctx, input.unverifiedSlug, 'phase', (content) => {
		const index = content.phases.findIndex((p) => p.key === input.unverifiedPhaseKey);
		if (index < 0) throw new AppError('not_found');
		if (content.phases[index]!.steps.length > 0)
			throw new AppError('conflict', { message: 'playbookAdmin.errors.phaseNotEmpty' });
		validate(confirmSchema, input);
		content.phases.splice(index, 1);
		return { result: undefined };
	});
}

function stepFromInput(key: string, values: z.output<typeof stepSchema>): PlaybookStep {
	const communication: PlaybookStep['communication'] = {};
	for (const c of PLAYBOOK_CHANNELS) if (values[`comm_${c}`]) communication[c] = values[`comm_${c}`];
	return {
		key,
		title: values.title,
		description: values.description,
		role: values.role,
		offsetDays: values.offsetDays,
		checklist: values.checklist,
		session: values.hasSession
			? {
					title: values.sessionTitle,
					kind: values.sessionKind,
					agenda: values.sessionAgenda,
					materials: values.sessionMaterials,
					prepare: values.sessionPrepare,
					durationMinutes: values.sessionDuration
				}
			: null,
		communication
	};
}

/** Adds a step to a phase (the form of the step page, empty); returns its key. */
export async function addStep(
	ctx: Ctx,
	input: { unverifiedSlug: unknown } & RawInput<typeof stepSchema>
): Promise<{ key: string }> {
	const values = validate(stepSchema, input);
	return changeTemplate(ctx, input.unverifiedSlug, 'step', (content) => {
		const phase = content.phases.find((p) => p.key === values.phase);
		if (!phase) throw new AppError('validation', { fields: { phase: ['playbookAdmin.errors.phase'] } });
		const key = nextKey(
			's',
			allSteps(content).map((s) => s.key)
		);
		phase.steps.push(stepFromInput(key, values));
		return { result: { key } };
	});
}

export interface StepEditPage {
	template: { slug: string; title: string; phases: { key: string; title: string }[] };
	phaseKey: string;
	step: PlaybookStep;
}

export async function getTemplateStep(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedStepKey: unknown }
): Promise<StepEditPage> {
	const { row } = await findKeptTemplate(ctx, ctx.db, input.unverifiedSlug);
	for (const phase of row.content.phases) {
		const step = phase.steps.find((s) => s.key === input.unverifiedStepKey);
		if (step)
			return {
				template: {
					slug: row.slug,
					title: row.title,
					phases: row.content.phases.map((p) => ({ key: p.key, title: p.title }))
				},
				phaseKey: phase.key,
				step
			};
	}
	throw new AppError('not_found');
}

/** Saves a step; a changed phase moves it to the end of that phase. */
export async function saveStep(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedStepKey: unknown } & RawInput<typeof stepSchema>
): Promise<void> {
	const values = validate(stepSchema, input);
	await changeTemplate(ctx, input.unverifiedSlug, 'step', (content) => {
		const from = content.phases.find((p) => p.steps.some((s) => s.key === input.unverifiedStepKey));
		const to = content.phases.find((p) => p.key === values.phase);
		if (!from) throw new AppError('not_found');
		if (!to) throw new AppError('validation', { fields: { phase: ['playbookAdmin.errors.phase'] } });
		const index = from.steps.findIndex((s) => s.key === input.unverifiedStepKey);
		const step = stepFromInput(from.steps[index]!.key, values);
		if (from === to) from.steps[index] = step;
		else {
			from.steps.splice(index, 1);
			to.steps.push(step);
		}
		return { result: undefined };
	});
}

/** Removes a step from the template, once the keeper ticked that they mean it (trajectories keep theirs). */
export async function removeStep(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedStepKey: unknown; confirm: unknown }
): Promise<void> {
	await changeTemplate(ctx, input.unverifiedSlug, 'step', (content) => {
		const phase = content.phases.find((p) => p.steps.some((s) => s.key === input.unverifiedStepKey));
		if (!phase) throw new AppError('not_found');
		validate(confirmSchema, input);
		phase.steps = phase.steps.filter((s) => s.key !== input.unverifiedStepKey);
		return { result: undefined };
	});
}

export async function addDocument(
	ctx: Ctx,
	input: { unverifiedSlug: unknown } & RawInput<typeof documentSchema>
): Promise<{ key: string }> {
	const values = validate(documentSchema, input);
	return changeTemplate(ctx, input.unverifiedSlug, 'document', (content) => {
		const key = nextKey(
			'd',
			content.documents.map((d) => d.key)
		);
		content.documents.push({ key, ...values });
		return { result: { key } };
	});
}

export async function getTemplateDocument(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedDocumentKey: unknown }
) {
	const { row } = await findKeptTemplate(ctx, ctx.db, input.unverifiedSlug);
	const document = row.content.documents.find((d) => d.key === input.unverifiedDocumentKey);
	if (!document) throw new AppError('not_found');
	return { template: { slug: row.slug, title: row.title }, document };
}

export async function saveDocument(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedDocumentKey: unknown } & RawInput<typeof documentSchema>
): Promise<void> {
	const values = validate(documentSchema, input);
	await changeTemplate(ctx, input.unverifiedSlug, 'document', (content) => {
		const document = content.documents.find((d) => d.key === input.unverifiedDocumentKey);
		if (!document) throw new AppError('not_found');
		Object.assign(document, values);
		return { result: undefined };
	});
}

/** Removes a document from the template, once the keeper ticked that they mean it. */
export async function removeDocument(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedDocumentKey: unknown; confirm: unknown }
): Promise<void> {
	await changeTemplate(ctx, input.unverifiedSlug, 'document', (content) => {
		if (!content.documents.some((d) => d.key === input.unverifiedDocumentKey))
			throw new AppError('not_found');
		validate(confirmSchema, input);
		content.documents = content.documents.filter((d) => d.key !== input.unverifiedDocumentKey);
		return { result: undefined };
	});
}

// ---------------------------------------------------------------------------------------------
// Publishing and proposals: the regional admin
// ---------------------------------------------------------------------------------------------

async function findDecidedTemplate(ctx: Ctx, tx: Db, unverifiedSlug: unknown) {
	const found = await findKeptTemplate(ctx, tx, unverifiedSlug, true);
	if (!canDecidePlaybook(found.actor, found.row.regionId)) {
		ctx.log.warn({ userId: found.actor.userId, template: found.row.id }, 'playbook decision refused');
		throw new AppError('forbidden', { message: 'playbookAdmin.errors.adminOnly' });
	}
	return found;
}

/** Publishes the working copy as the template's next version: municipalities start from it, the public reads it. */
export async function publishTemplate(
	ctx: Ctx,
	input: { unverifiedSlug: unknown }
): Promise<{ version: number }> {
	await findDecidedTemplate(ctx, ctx.db, input.unverifiedSlug);
	return ctx.db.transaction(async (tx) => {
		const { actor, row } = await findDecidedTemplate(ctx, tx, input.unverifiedSlug);
		if (row.content.phases.length === 0 || allSteps(row.content).length === 0)
			throw new AppError('conflict', { message: 'playbookAdmin.errors.emptyTemplate' });
		const version = row.version + 1;
		await updateTemplate(tx, {
			id: row.id,
			regionId: row.regionId,
			values: {
				status: 'published',
				publishedTitle: row.title,
				publishedSummary: row.summary,
				publishedTheme: row.theme,
				publishedContent: row.content,
				version,
				publishedAt: new Date()
			}
		});
		await audit(tx, actor, row, 'playbook.template_published', { version });
		return { version };
	});
}

/**
 * Takes a template off the public library, once the regional admin ticked that they mean it (municipalities can
 * no longer start from it until it is published again); trajectories already started from it go on.
 */
export async function unpublishTemplate(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; confirm: unknown }
): Promise<void> {
	await findDecidedTemplate(ctx, ctx.db, input.unverifiedSlug);
	validate(confirmSchema, input);
	await ctx.db.transaction(async (tx) => {
		const { actor, row } = await findDecidedTemplate(ctx, tx, input.unverifiedSlug);
		if (row.status !== 'published') return;
		await updateTemplate(tx, { id: row.id, regionId: row.regionId, values: { status: 'draft' } });
		await audit(tx, actor, row, 'playbook.template_unpublished', { version: row.version });
	});
}

/**
 * Accepts or declines a municipality's proposal. Accepting puts its title, description and checklist into the
 * template's step (the working copy; the next publication carries it), audited with what it was and became, in
 * the region's log and the municipality's. Declining is final, so it needs the "yes, decline it" box ticked. A
 * proposal already decided, or of a step no longer in the template, is refused.
 */
export async function decideOnProposal(
	ctx: Ctx,
	input: { unverifiedSlug: unknown; unverifiedProposalId: unknown; confirm?: unknown } & RawInput<
		typeof decideSchema
	>
): Promise<{ decision: 'accept' | 'decline' }> {
	const { decision } = validate(decideSchema, input);
	const id =
		typeof input.unverifiedProposalId === 'string' && /^\d{1,9}$/.test(input.unverifiedProposalId)
			? Number(input.unverifiedProposalId)
			: null;
	if (id === null) throw new AppError('not_found');
	await findDecidedTemplate(ctx, ctx.db, input.unverifiedSlug);
	return ctx.db.transaction(async (tx) => {
		const { actor, row } = await findDecidedTemplate(ctx, tx, input.unverifiedSlug);
		const proposal = await getProposalOfTemplate(tx, { regionId: row.regionId, templateId: row.id, id });
		if (!proposal) throw new AppError('not_found');
		if (proposal.status !== 'open')
			throw new AppError('conflict', { message: 'playbookAdmin.errors.decided' });
		if (decision === 'decline') validate(confirmSchema, input);
		if (decision === 'accept') {
			const content = structuredClone(row.content);
			const step = allSteps(content).find((s) => s.key === proposal.stepKey);
			if (!step) throw new AppError('conflict', { message: 'playbookAdmin.errors.stepGone' });
			const before = { title: step.title, description: step.description, checklist: step.checklist };
			step.title = proposal.title;
			step.description = proposal.description;
			step.checklist = proposal.checklist;
			await updateTemplate(tx, { id: row.id, regionId: row.regionId, values: { content } });
			await decideProposal(tx, { regionId: row.regionId, id, status: 'accepted', decidedBy: actor.userId });
			await audit(
				tx,
				actor,
				row,
				'playbook.proposal_accepted',
				{
					proposalId: id,
					stepKey: proposal.stepKey,
					municipality: proposal.municipalityName,
					before,
					after: { title: proposal.title, description: proposal.description, checklist: proposal.checklist }
				},
				proposal.municipalityId
			);
		} else {
			await decideProposal(tx, { regionId: row.regionId, id, status: 'declined', decidedBy: actor.userId });
			await audit(
				tx,
				actor,
				row,
				'playbook.proposal_declined',
				{ proposalId: id, stepKey: proposal.stepKey, municipality: proposal.municipalityName },
				proposal.municipalityId
			);
		}
		return { decision };
	});
}

// The funder reports' use cases: programmes defined by the region's admins (from a preset or a full
// definition), their reviewers and targets; the interim report a submitter opens for a period with every KPI's
// target and reached value filled in from the impact indicators (indicatorValue), kept as a draft, submitted
// only when every KPI below the threshold has its motivation and initiatives, then locked with its figures;
// the named reviewers' verdict per action; the history. Who may do what: funder-reports.policy.ts.
import { translate, type MessageKey } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { writeAudit, type AuditAction } from '$lib/server/platform/audit';
import { writeDomainEvent } from '$lib/server/platform/events';
import { confirmSchema, validateInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { indicatorValue } from '$lib/server/features/impact/impact.service';
import { brusselsDay } from '$lib/server/platform/dates';
import { getUserByVerifiedEmail } from '$lib/server/features/accounts/accounts.service';
import { indicatorsOf } from '$lib/server/features/impact/impact.compute';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { escapeHtml, mailDocument } from '$lib/server/platform/mail-html';
import {
	mayDefineProgrammes,
	mayFillReport,
	mayJudgeReport,
	mayReadProgrammeReports,
	mayReadReport,
	type ProgrammeRef,
	type SubmitterRef
} from './funder-reports.policy';
import {
	deleteReviewer,
	deleteReviewerInvitation,
	findReport,
	getMunicipalityLook,
	getProgramme,
	getRegion,
	getReport,
	getUserStanding,
	insertProgramme,
	insertReport,
	insertReviewer,
	insertReviewerInvitation,
	listInvitationsForEmails,
	listProgrammes,
	listProgrammesByIds,
	listRegions,
	listReports,
	listReviewedProgrammeIds,
	listReviewerInvitations,
	listReviewers,
	lockProgramme,
	programmeHasReports,
	updateProgramme,
	updateReport,
	type ProgrammeRow,
	type ReportRow
} from './funder-reports.queries';
import {
	answersInputSchema,
	emptyActionAnswer,
	expectationFormSchema,
	sectionFormSchema,
	FUNDER_LIMITS,
	newActionSchema,
	newProgrammeSchema,
	numberOf,
	programmeSchema,
	reviewerSchema,
	settingsSchema,
	targetSchema,
	verdictInputSchema,
	type ActionAnswer,
	type ExpectationAnswer,
	type Expectation,
	type Period,
	type Programme,
	type ProgrammeAction,
	type ProgrammeDefinition,
	type ReportAnswers,
	type Verdict
} from './funder-reports.schemas';
import { preset, PRESETS, type PresetKey } from './funder-reports.presets';
import './funder-reports.audit';
import './funder-reports.events';

const REGION_SCOPE = 'region';
/** The platform's own colour (a region has none), as the report's PDF uses for a region. */
const PLATFORM_COLOR = '#1f5f3a';
const e = (k: string) => `funderReports.errors.${k}` as MessageKey;

/** A programme as stored, with its definition read back through its schema. */
export interface LoadedProgramme {
	row: ProgrammeRow;
	programme: Programme;
	ref: ProgrammeRef;
	reviewers: { userId: string; name: string; email: string | null }[];
}

interface StoredDefinition {
	periods: Period[];
	definition: ProgrammeDefinition;
}

/** A programme's row read back through its schema. */
function programmeOf(row: ProgrammeRow): Programme {
	const stored = row.definition as StoredDefinition;
	return programmeSchema.parse({
		name: row.name,
		funder: row.funder,
		threshold: row.threshold,
		submitter: row.submitter,
		periods: stored.periods,
		definition: stored.definition
	});
}

function readProgramme(row: ProgrammeRow, reviewers: LoadedProgramme['reviewers']): LoadedProgramme {
	return {
		row,
		programme: programmeOf(row),
		ref: { regionId: row.regionId, submitter: row.submitter, reviewerIds: reviewers.map((r) => r.userId) },
		reviewers
	};
}

async function loadProgramme(db: Db, unverifiedId: unknown): Promise<LoadedProgramme | null> {
	const id = parseId(unverifiedId);
	const row = id === null ? undefined : await getProgramme(db, { id });
	if (!row) return null;
	return readProgramme(row, await listReviewers(db, { programmeIds: [row.id] }));
}

function actorOf(ctx: Ctx): Actor {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor;
}

async function audit(
	db: Db,
	ctx: Ctx,
	entry: {
		regionId: string;
		municipalityId?: string | null;
		action: AuditAction;
		details?: Record<string, unknown>;
	}
) {
	await writeAudit(db, {
		regionId: entry.regionId,
		municipalityId: entry.municipalityId ?? null,
		actor: ctx.actor ? { userId: ctx.actor.userId, displayName: ctx.actor.displayName } : null,
		action: entry.action,
		details: entry.details
	});
}

function checkIndicators(ctx: Ctx, definition: ProgrammeDefinition) {
	const known = new Set(indicatorsOf(ctx.features).map((p) => p.key));
	for (const a of definition.actions)
		if (a.kpi.kind === 'indicator' && !known.has(a.kpi.indicator))
			throw new AppError('validation', {
				fields: { definition: [e('indicatorUnknown')] },
				message: e('indicatorUnknown')
			});
	const keys = definition.actions.map((a) => a.key);
	if (new Set(keys).size !== keys.length)
		throw new AppError('validation', { fields: { definition: [e('definitionInvalid')] } });
}

// ---------------------------------------------------------------------------------------------
// Programmes (the region's admins)
// ---------------------------------------------------------------------------------------------

function managedRegionIds(actor: Actor): string[] {
	return actor.regionRoles.filter((r) => r.role === 'regional_admin').map((r) => r.regionId);
}

/** A programme of the region the actor defines programmes for; else not found. */
async function definedProgramme(ctx: Ctx, unverifiedId: unknown): Promise<LoadedProgramme> {
	const actor = actorOf(ctx);
	const loaded = await loadProgramme(ctx.db, unverifiedId);
	if (!loaded) throw new AppError('not_found');
	if (!mayDefineProgrammes(actor, loaded.row.regionId)) {
		if (mayReadReportAnywhere(actor, loaded)) throw new AppError('forbidden');
		throw new AppError('not_found');
	}
	return loaded;
}

function mayReadReportAnywhere(actor: Actor, loaded: LoadedProgramme) {
	return loaded.ref.reviewerIds.includes(actor.userId);
}

/** Defines a programme from a full definition (validated: targets above zero, known indicators, limits). */
export async function createProgramme(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; programme: unknown; preset?: PresetKey | null }
): Promise<{ id: number }> {
	const actor = actorOf(ctx);
	const regionId = typeof input.unverifiedRegionId === 'string' ? input.unverifiedRegionId : '';
	if (!regionId || !mayDefineProgrammes(actor, regionId))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const programme = validateInput(programmeSchema, input.programme, {
		fallback: e('definitionInvalid'),
		fieldOf: (path) => (path[0] === 'definition' || path[0] === 'periods' ? 'definition' : String(path[0]))
	});
	checkIndicators(ctx, programme.definition);
	return ctx.db.transaction(async (tx) => {
		const row = await insertProgramme(tx, {
			regionId,
			preset: input.preset ?? null,
			name: programme.name,
			funder: programme.funder,
			threshold: programme.threshold,
			submitter: programme.submitter,
			definition: { periods: programme.periods, definition: programme.definition } satisfies StoredDefinition
		});
		await audit(tx, ctx, {
			regionId,
			action: 'funder_reports.programme_created',
			details: { programmeId: row.id, name: programme.name, preset: input.preset ?? null }
		});
		return { id: row.id };
	});
}

/**
 * A programme from scratch (the region's "Nieuw programma" form): name, funder, threshold, who submits and its
 * project years, without actions yet; they are added one by one (addProgrammeAction), through the same checks.
 */
export async function createEmptyProgramme(
	ctx: Ctx,
	input: {
		unverifiedRegionId: unknown;
		name: unknown;
		funder: unknown;
		threshold: unknown;
		submitter: unknown;
		periods: unknown;
	}
): Promise<{ id: number }> {
	const actor = actorOf(ctx);
	const regionId = typeof input.unverifiedRegionId === 'string' ? input.unverifiedRegionId : '';
	if (!regionId || !mayDefineProgrammes(actor, regionId))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const values = validateInput(newProgrammeSchema, input, {
		fallback: e('definitionInvalid'),
		// A project year's field is named `period.{n}.{field}` in the form, the list as a whole `periods`.
		fieldOf: (path) =>
			path[0] === 'periods' && typeof path[1] === 'number' && path[2] !== undefined
				? `period.${path[1]}.${String(path[2])}`
				: String(path[0] ?? 'form')
	});
	return createProgramme(ctx, {
		unverifiedRegionId: regionId,
		programme: {
			name: values.name,
			funder: values.funder,
			threshold: values.threshold,
			submitter: values.submitter,
			periods: values.periods.map((p, n) => ({ key: `jaar-${n + 1}`, ...p })),
			definition: { actions: [], sections: [] }
		}
	});
}

/**
 * A programme's actions change only while it has no reports: a report keeps its answers per action. The edits
 * ask it before taking the programme's lock, so the refusal comes before any complaint about what the edit
 * targets; saveDefinition asks it again in its transaction, under the lock, which is the answer that counts.
 */
async function refuseIfReported(db: Db, programmeId: number) {
	if (await programmeHasReports(db, { programmeId }))
		throw new AppError('conflict', { message: e('programmeInUse') });
}

/** What an edit of a programme's definition makes of it: the new definition, its audit entry and its answer. */
interface DefinitionChange<T> {
	definition: ProgrammeDefinition;
	audit: { action: AuditAction; details: Record<string, unknown> };
	result: T;
}

/**
 * Applies an edit to the programme's definition as it stands under the programme's lock, not as it was
 * loaded: two admins editing at once both keep their change (the second edit sees the first one's), and an
 * edit of something removed meanwhile is refused by the edit itself ("unknown"), writing nothing. `edit` gets
 * a copy it may change, checks what it targets against it and throws the Dutch refusal when it can't apply.
 * Targets may change while reports exist (`whileReported`); everything else only before the first report.
 */
async function saveDefinition<T>(
	ctx: Ctx,
	loaded: LoadedProgramme,
	edit: (current: ProgrammeDefinition) => DefinitionChange<T>,
	options: { whileReported?: boolean } = {}
): Promise<T> {
	const { id, regionId } = loaded.row;
	if (!options.whileReported) await refuseIfReported(ctx.db, id);
	return ctx.db.transaction(async (tx) => {
		// Locked against openReport (which shares the lock) and other edits: no report can be opened between
		// this check and the write, none opened meanwhile is missed, and no other edit writes in between.
		const locked = await lockProgramme(tx, { id, regionId, mode: 'update' });
		if (!locked) throw new AppError('not_found');
		if (!options.whileReported) await refuseIfReported(tx, id);
		const current = programmeOf(locked);
		const change = edit(structuredClone(current.definition));
		const checked = validateInput(
			programmeSchema,
			{ ...current, definition: change.definition },
			{ fallback: e('definitionInvalid'), fieldOf: () => 'form' }
		);
		checkIndicators(ctx, checked.definition);
		await updateProgramme(
			tx,
			{ id, regionId },
			{ definition: { periods: checked.periods, definition: checked.definition } satisfies StoredDefinition }
		);
		await audit(tx, ctx, {
			regionId,
			action: change.audit.action,
			details: { programmeId: id, ...change.audit.details }
		});
		return change.result;
	});
}

/** A key for an action (an expectation, an item, a section) from its title (lower case, dashes), unique among `taken`. */
function actionKey(title: string, taken: readonly string[], fallback = 'actie'): string {
	const base =
		title
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 30) || fallback;
	let key = base;
	for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
	return key;
}

/** Adds an action with its KPI (an impact indicator or entered by hand, target above zero) to a programme. */
export async function addProgrammeAction(
	ctx: Ctx,
	input: {
		unverifiedProgrammeId: unknown;
		title: unknown;
		description?: unknown;
		kind: unknown;
		indicator?: unknown;
		label?: unknown;
		target: unknown;
	}
): Promise<{ key: string }> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const values = validateInput(newActionSchema, input, { fallback: e('definitionInvalid') });
	if (values.kind === 'indicator' && !indicatorsOf(ctx.features).some((p) => p.key === values.indicator))
		throw new AppError('validation', { fields: { indicator: [e('indicatorUnknown')] } });
	return saveDefinition(ctx, loaded, (definition) => {
		if (definition.actions.length >= 50)
			throw new AppError('validation', { fields: { title: [e('tooManyActions')] } });
		const key = actionKey(
			values.title,
			definition.actions.map((a) => a.key)
		);
		const action: ProgrammeAction = {
			key,
			title: values.title,
			description: values.description.trim(),
			kpi:
				values.kind === 'indicator'
					? {
							kind: 'indicator',
							indicator: values.indicator,
							targets: { municipality: values.target, region: null }
						}
					: { kind: 'manual', label: values.label.trim(), target: values.target },
			expectations: []
		};
		definition.actions.push(action);
		return {
			definition,
			audit: { action: 'funder_reports.action_added', details: { action: key, title: values.title } },
			result: { key }
		};
	});
}

/** Removes an action of a programme without reports; the person ticked that they mean it. */
export async function removeProgrammeAction(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; action: unknown; confirm: unknown }
): Promise<void> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	confirmed(input.confirm);
	await saveDefinition(ctx, loaded, (definition) => {
		const action = definition.actions.find((a) => a.key === input.action);
		if (!action) throw new AppError('validation', { fields: { action: [e('actionUnknown')] } });
		definition.actions = definition.actions.filter((a) => a.key !== action.key);
		return {
			definition,
			audit: {
				action: 'funder_reports.action_removed',
				details: { action: action.key, title: action.title }
			},
			result: undefined
		};
	});
}

/** The back office's one "yes, I mean it" box (the kit's ConfirmForm), refused beside it when not ticked. */
function confirmed(confirm: unknown) {
	validateInput(confirmSchema, { confirm });
}

/** Keys for labels: a label kept from before keeps its key, a new one gets one of its own. */
function keysFor<T extends { key: string }>(
	labels: readonly string[],
	before: readonly (T & { label: string })[],
	fallback: string
): { key: string; label: string }[] {
	const taken: string[] = [];
	return labels.map((label) => {
		const same = before.find((b) => b.label === label && !taken.includes(b.key));
		const key = same ? same.key : actionKey(label, [...taken, ...before.map((b) => b.key)], fallback);
		taken.push(key);
		return { key, label };
	});
}

/**
 * Adds a minimum expectation to an action ("at least N of these M" or "something in each of these"), or changes
 * one when `expectation` names it; only while the programme has no reports (they answer per expectation).
 */
export async function saveProgrammeExpectation(
	ctx: Ctx,
	input: {
		unverifiedProgrammeId: unknown;
		action: unknown;
		expectation?: unknown;
		title: unknown;
		kind: unknown;
		min?: unknown;
		limit?: unknown;
		items: unknown;
	}
): Promise<{ key: string }> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const values = validateInput(expectationFormSchema, input, { fallback: e('definitionInvalid') });
	const existingKey = typeof input.expectation === 'string' && input.expectation ? input.expectation : null;
	return saveDefinition(ctx, loaded, (definition) => {
		const action = definition.actions.find((a) => a.key === values.action);
		if (!action) throw new AppError('validation', { fields: { action: [e('actionUnknown')] } });
		const before = existingKey ? action.expectations.find((x) => x.key === existingKey) : undefined;
		if (existingKey && !before)
			throw new AppError('validation', { fields: { expectation: [e('expectationUnknown')] } });
		if (!before && action.expectations.length >= FUNDER_LIMITS.expectations)
			throw new AppError('validation', { fields: { title: [e('tooManyExpectations')] } });
		const key =
			before?.key ??
			actionKey(
				values.title,
				action.expectations.map((x) => x.key),
				'verwachting'
			);
		const expectation: Expectation = {
			key,
			title: values.title,
			kind: values.kind,
			...(values.kind === 'atLeast' ? { min: values.min } : {}),
			limit: values.limit,
			items: keysFor(values.items, before?.items ?? [], 'onderdeel')
		};
		action.expectations = before
			? action.expectations.map((x) => (x.key === key ? expectation : x))
			: [...action.expectations, expectation];
		return {
			definition,
			audit: {
				action: before ? 'funder_reports.expectation_changed' : 'funder_reports.expectation_added',
				details: {
					action: action.key,
					expectation: key,
					title: values.title,
					kind: values.kind,
					min: values.min ?? null,
					items: values.items.length,
					limit: values.limit,
					...(before ? { before: { title: before.title, kind: before.kind, min: before.min ?? null } } : {})
				}
			},
			result: { key }
		};
	});
}

/** Removes a minimum expectation of a programme without reports; the person ticked that they mean it. */
export async function removeProgrammeExpectation(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; action: unknown; expectation: unknown; confirm: unknown }
): Promise<void> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	confirmed(input.confirm);
	await saveDefinition(ctx, loaded, (definition) => {
		const action = definition.actions.find((a) => a.key === input.action);
		const expectation = action?.expectations.find((x) => x.key === input.expectation);
		if (!action || !expectation)
			throw new AppError('validation', { fields: { expectation: [e('expectationUnknown')] } });
		action.expectations = action.expectations.filter((x) => x.key !== expectation.key);
		return {
			definition,
			audit: {
				action: 'funder_reports.expectation_removed',
				details: { action: action.key, expectation: expectation.key, title: expectation.title }
			},
			result: undefined
		};
	});
}

/**
 * Adds an extra section (seed 003's financial stimulus: questions answered with a count or a text within a
 * character limit), or changes one when `section` names it; only while the programme has no reports.
 */
export async function saveProgrammeSection(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; section?: unknown; title: unknown; questions: unknown }
): Promise<{ key: string }> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const values = validateInput(sectionFormSchema, input, {
		fallback: e('definitionInvalid'),
		// A question's field is named `q.{n}.{field}` in the form.
		fieldOf: (path) =>
			path[0] === 'questions' && typeof path[1] === 'number' && path[2] !== undefined
				? `q.${path[1]}.${String(path[2])}`
				: String(path[0] ?? 'form')
	});
	const existingKey = typeof input.section === 'string' && input.section ? input.section : null;
	return saveDefinition(ctx, loaded, (definition) => {
		const before = existingKey ? definition.sections.find((x) => x.key === existingKey) : undefined;
		if (existingKey && !before)
			throw new AppError('validation', { fields: { section: [e('sectionUnknown')] } });
		if (!before && definition.sections.length >= FUNDER_LIMITS.sections)
			throw new AppError('validation', { fields: { title: [e('tooManySections')] } });
		const key =
			before?.key ??
			actionKey(
				values.title,
				definition.sections.map((x) => x.key),
				'onderdeel'
			);
		const keyed = keysFor(
			values.questions.map((q) => q.label),
			before?.questions ?? [],
			'vraag'
		);
		const section = {
			key,
			title: values.title,
			questions: values.questions.map((q, n) => ({ key: keyed[n]!.key, ...q }))
		};
		definition.sections = before
			? definition.sections.map((x) => (x.key === key ? section : x))
			: [...definition.sections, section];
		return {
			definition,
			audit: {
				action: before ? 'funder_reports.section_changed' : 'funder_reports.section_added',
				details: {
					section: key,
					title: values.title,
					questions: section.questions.map((q) => ({ key: q.key, kind: q.kind, limit: q.limit })),
					...(before ? { before: { title: before.title, questions: before.questions.length } } : {})
				}
			},
			result: { key }
		};
	});
}

/** Removes an extra section of a programme without reports; the person ticked that they mean it. */
export async function removeProgrammeSection(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; section: unknown; confirm: unknown }
): Promise<void> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	confirmed(input.confirm);
	await saveDefinition(ctx, loaded, (definition) => {
		const section = definition.sections.find((x) => x.key === input.section);
		if (!section) throw new AppError('validation', { fields: { section: [e('sectionUnknown')] } });
		definition.sections = definition.sections.filter((x) => x.key !== section.key);
		return {
			definition,
			audit: {
				action: 'funder_reports.section_removed',
				details: { section: section.key, title: section.title }
			},
			result: undefined
		};
	});
}

/** One of the shipped programmes (seed 000's impact map, seed 003's Plan Samenleven) for the region. */
export async function createProgrammeFromPreset(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; preset: unknown }
): Promise<{ id: number }> {
	const key = PRESETS.find((p) => p === input.preset);
	if (!key)
		throw new AppError('validation', {
			fields: { preset: [e('presetUnknown')] },
			message: e('presetUnknown')
		});
	return createProgramme(ctx, {
		unverifiedRegionId: input.unverifiedRegionId,
		programme: preset(key),
		preset: key
	});
}

export async function changeProgrammeSettings(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; name: unknown; funder: unknown; threshold: unknown }
): Promise<void> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const values = validateInput(settingsSchema, input, { fallback: e('definitionInvalid') });
	await ctx.db.transaction(async (tx) => {
		await updateProgramme(tx, { id: loaded.row.id, regionId: loaded.row.regionId }, values);
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			action: 'funder_reports.programme_changed',
			details: { programmeId: loaded.row.id, before: { threshold: loaded.row.threshold }, after: values }
		});
	});
}

/** A KPI's target for a scope (each municipality, or the region): above zero, else refused beside the field. */
export async function changeProgrammeTarget(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; action: unknown; scope: unknown; target: unknown }
): Promise<void> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const values = validateInput(targetSchema, input, { fallback: e('valueInvalid') });
	const scope = input.scope === 'region' ? 'region' : 'municipality';
	// A report keeps the figures it was opened with, so a target may change after the first report.
	await saveDefinition(
		ctx,
		loaded,
		(definition) => {
			const action = definition.actions.find((a) => a.key === values.action);
			if (!action) throw new AppError('validation', { fields: { action: [e('actionUnknown')] } });
			const before = action.kpi.kind === 'manual' ? action.kpi.target : action.kpi.targets[scope];
			if (action.kpi.kind === 'manual') action.kpi.target = values.target;
			else action.kpi.targets[scope] = values.target;
			return {
				definition,
				audit: {
					action: 'funder_reports.target_changed',
					details: { action: action.key, scope, before, after: values.target }
				},
				result: undefined
			};
		},
		{ whileReported: true }
	);
}

export type ReviewerOutcome = 'named' | 'invited';

/**
 * Names a reviewer of this programme only, by address: a person with a verified, living account at once; any
 * other address gets an invitation (recorded, and mailed in the same transaction) and becomes reviewer when a
 * person signs in with or verifies it (acceptFunderReviewerInvitations), as staff invitations do. A locked
 * account is refused: it must not get a programme's reports, now or later.
 */
export async function addReviewer(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; email: unknown; origin?: string }
): Promise<ReviewerOutcome> {
	const actor = actorOf(ctx);
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const { email } = validateInput(reviewerSchema, input, { fallback: e('emailInvalid') });
	return ctx.db.transaction(async (tx) => {
		const user = await getUserByVerifiedEmail(tx, { email });
		if (user?.lockedAt) throw new AppError('validation', { fields: { email: [e('reviewerLocked')] } });
		if (user) {
			if (loaded.ref.reviewerIds.includes(user.id))
				throw new AppError('validation', { fields: { email: [e('reviewerAlready')] } });
			await insertReviewer(tx, { programmeId: loaded.row.id, userId: user.id });
			await audit(tx, ctx, {
				regionId: loaded.row.regionId,
				action: 'funder_reports.reviewer_added',
				details: { programmeId: loaded.row.id, userId: user.id, name: user.displayName }
			});
			return 'named' as const;
		}
		const inserted = await insertReviewerInvitation(tx, {
			programmeId: loaded.row.id,
			email,
			invitedBy: actor.userId
		});
		if (!inserted) throw new AppError('validation', { fields: { email: [e('reviewerAlreadyInvited')] } });
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			action: 'funder_reports.reviewer_invited',
			details: { programmeId: loaded.row.id, email }
		});
		const region = await getRegion(tx, { id: loaded.row.regionId });
		await ctx.queueMails(tx, [
			invitationMail(ctx, {
				email,
				programme: loaded.programme.name,
				funder: loaded.programme.funder,
				region: region?.name ?? '',
				inviter: actor.displayName,
				origin: input.origin ?? '',
				reference: `funder_reports.reviewer_invited:${loaded.row.id}:${email}`
			})
		]);
		return 'invited' as const;
	});
}

/** The invitation mail, in Dutch and in the platform's look (the same HTML document every mail wears). */
function invitationMail(
	ctx: Ctx,
	input: {
		email: string;
		programme: string;
		funder: string;
		region: string;
		inviter: string;
		origin: string;
		reference: string;
	}
) {
	const loginUrl = `${input.origin}/aanmelden?terug=${encodeURIComponent('/beheer/rapportering')}`;
	const params = { ...input, loginUrl };
	const t = (k: string) => translate(ctx.locale, `funderReports.inviteMail.${k}` as MessageKey, params);
	const subject = t('subject');
	return {
		to: input.email,
		subject,
		text: [t('greeting'), '', t('intro'), '', t('how'), loginUrl, '', t('why')].join('\n'),
		html: mailDocument({
			lang: ctx.locale,
			title: subject,
			brand: { name: `Meedoen ${input.region}`.trim(), color: PLATFORM_COLOR },
			body: `<p>${escapeHtml(t('greeting'))}</p>
<p>${escapeHtml(t('intro'))}</p>
<p>${escapeHtml(t('how'))}</p>
<p><a href="${escapeHtml(loginUrl)}">${escapeHtml(t('button'))}</a></p>`,
			footer: `<p>${escapeHtml(t('why'))}</p>`
		}),
		reference: input.reference
	};
}

/**
 * Makes a person reviewer of the programmes whose invitations wait for a verified address of theirs, one audit
 * row each, and removes the invitations. Accounts calls it at login and profile when a person verifies an
 * address, in their transaction (`db` is that transaction), beside acceptStaffInvitations. A locked or deleted
 * account is never made reviewer: its invitations stay until revoked.
 */
export async function acceptFunderReviewerInvitations(
	db: Db,
	user: { id: string; displayName: string },
	email: string
): Promise<void> {
	const address = email.trim().toLowerCase();
	const invitations = await listInvitationsForEmails(db, { emails: [address] });
	if (invitations.length === 0) return;
	const standing = await getUserStanding(db, { userId: user.id });
	if (!standing || standing.lockedAt || standing.deletedAt) return;
	for (const invitation of invitations) {
		await insertReviewer(db, { programmeId: invitation.programmeId, userId: user.id });
		await deleteReviewerInvitation(db, { programmeId: invitation.programmeId, id: invitation.id });
		await writeAudit(db, {
			regionId: invitation.regionId,
			municipalityId: null,
			actor: { userId: user.id, displayName: user.displayName },
			action: 'funder_reports.reviewer_invitation_accepted',
			details: { programmeId: invitation.programmeId, userId: user.id, name: user.displayName }
		});
	}
}

/** Withdraws a pending reviewer invitation of this programme (the address is no longer made reviewer). */
export async function revokeReviewerInvitation(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; unverifiedInvitationId: unknown }
): Promise<void> {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const id = parseId(input.unverifiedInvitationId);
	const invitation = (await listReviewerInvitations(ctx.db, { programmeIds: [loaded.row.id] })).find(
		(i) => i.id === id
	);
	if (!invitation) throw new AppError('not_found');
	await ctx.db.transaction(async (tx) => {
		await deleteReviewerInvitation(tx, { programmeId: loaded.row.id, id: invitation.id });
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			action: 'funder_reports.reviewer_invitation_revoked',
			details: { programmeId: loaded.row.id, email: invitation.email }
		});
	});
}

export async function removeReviewer(ctx: Ctx, input: { unverifiedProgrammeId: unknown; userId: unknown }) {
	const loaded = await definedProgramme(ctx, input.unverifiedProgrammeId);
	const reviewer = loaded.reviewers.find((r) => r.userId === input.userId);
	if (!reviewer) throw new AppError('not_found');
	await ctx.db.transaction(async (tx) => {
		await deleteReviewer(tx, { programmeId: loaded.row.id, userId: reviewer.userId });
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			action: 'funder_reports.reviewer_removed',
			details: { programmeId: loaded.row.id, userId: reviewer.userId, name: reviewer.name }
		});
	});
}

export interface ReportListItem {
	id: number;
	periodKey: string;
	periodLabel: string;
	submitter: string;
	status: ReportRow['status'];
	submittedAt: string | null;
	reviewedAt: string | null;
}

export interface ProgrammeSummary {
	id: number;
	name: string;
	funder: string;
	threshold: number;
	submitter: 'municipality' | 'region';
	preset: string | null;
	periods: Period[];
	actions: {
		key: string;
		title: string;
		kpi: string;
		indicator: string | null;
		targetMunicipality: number | null;
		targetRegion: number | null;
		expectations: number;
	}[];
	sections: string[];
	reviewers: { userId: string; name: string; email: string | null }[];
	reports: ReportListItem[];
	/** The actor defines programmes here (the page offers the changes). */
	canDefine: boolean;
	/** What the region's editor shows (null unless the actor defines programmes here). */
	editor: ProgrammeEditor | null;
	/** The actor is one of its reviewers. */
	isReviewer: boolean;
	/** The actor submits for the region (a programme the region submits). */
	canFillRegion: boolean;
}

/** A programme's minimum expectations, extra sections and pending invitations, as the region edits them. */
export interface ProgrammeEditor {
	/** A report exists: the definition stays as it is (the reports answer per expectation and question). */
	locked: boolean;
	expectations: {
		action: string;
		actionTitle: string;
		key: string;
		title: string;
		kind: 'atLeast' | 'each';
		min: number | null;
		limit: number;
		items: string[];
	}[];
	sections: {
		key: string;
		title: string;
		questions: { label: string; kind: 'count' | 'text'; limit: number }[];
	}[];
	invitations: { id: number; email: string; createdAt: string }[];
}

function editorOf(
	loaded: LoadedProgramme,
	reports: Awaited<ReturnType<typeof listReports>>,
	invitations: Awaited<ReturnType<typeof listReviewerInvitations>>
): ProgrammeEditor {
	const { definition } = loaded.programme;
	return {
		locked: reports.some((r) => r.programmeId === loaded.row.id),
		expectations: definition.actions.flatMap((a) =>
			a.expectations.map((x) => ({
				action: a.key,
				actionTitle: a.title,
				key: x.key,
				title: x.title,
				kind: x.kind,
				min: x.min ?? null,
				limit: x.limit,
				items: x.items.map((i) => i.label)
			}))
		),
		sections: definition.sections.map((x) => ({
			key: x.key,
			title: x.title,
			questions: x.questions.map((q) => ({ label: q.label, kind: q.kind, limit: q.limit }))
		})),
		invitations: invitations
			.filter((i) => i.programmeId === loaded.row.id)
			.map((i) => ({ id: i.id, email: i.email, createdAt: i.createdAt.toISOString() }))
	};
}

function summarize(
	ctx: Ctx,
	actor: Actor,
	loaded: LoadedProgramme,
	reports: Awaited<ReturnType<typeof listReports>>,
	invitations: Awaited<ReturnType<typeof listReviewerInvitations>> = []
): ProgrammeSummary {
	const parts = indicatorsOf(ctx.features);
	const { programme, row } = loaded;
	const canDefine = mayDefineProgrammes(actor, row.regionId);
	return {
		id: row.id,
		name: programme.name,
		funder: programme.funder,
		threshold: programme.threshold,
		submitter: programme.submitter,
		preset: row.preset,
		periods: programme.periods,
		actions: programme.definition.actions.map((a) => {
			const part =
				a.kpi.kind === 'indicator'
					? parts.find((p) => p.key === (a.kpi as { indicator: string }).indicator)
					: undefined;
			return {
				key: a.key,
				title: a.title,
				kpi:
					a.kpi.kind === 'manual' ? a.kpi.label : part ? translate(ctx.locale, part.name) : a.kpi.indicator,
				indicator: a.kpi.kind === 'indicator' ? a.kpi.indicator : null,
				targetMunicipality:
					a.kpi.kind === 'manual'
						? a.kpi.target
						: (a.kpi.targets.municipality ?? part?.target.municipality ?? null),
				targetRegion:
					a.kpi.kind === 'manual' ? a.kpi.target : (a.kpi.targets.region ?? part?.target.region ?? null),
				expectations: a.expectations.length
			};
		}),
		sections: programme.definition.sections.map((s) => s.title),
		reviewers: loaded.reviewers,
		reports: reports
			.filter((r) => r.programmeId === row.id && mayReadReport(actor, loaded.ref, scopeOf(r), r.status))
			.map((r) => ({
				id: r.id,
				periodKey: r.periodKey,
				periodLabel: programme.periods.find((p) => p.key === r.periodKey)?.label ?? r.periodKey,
				submitter: r.municipalityName ?? translate(ctx.locale, 'funderReports.region'),
				status: r.status,
				submittedAt: r.submittedAt?.toISOString() ?? null,
				reviewedAt: r.reviewedAt?.toISOString() ?? null
			})),
		canDefine,
		editor: canDefine ? editorOf(loaded, reports, invitations) : null,
		isReviewer: loaded.ref.reviewerIds.includes(actor.userId),
		canFillRegion: mayFillReport(actor, loaded.ref, null)
	};
}

export interface RegionProgrammesPage {
	regions: { id: string; slug: string; name: string }[];
	programmes: ProgrammeSummary[];
	presets: readonly PresetKey[];
	/** The impact indicators a KPI can follow (key and Dutch name), for the form that adds an action. */
	indicators: { key: string; name: string }[];
}

/**
 * `/beheer/rapportering`: the programmes of the regions the actor defines programmes for, and those the actor
 * reviews, each with its reports. Refused to anyone else.
 */
export async function getRegionProgrammes(ctx: Ctx): Promise<RegionProgrammesPage> {
	const actor = actorOf(ctx);
	const regionIds = managedRegionIds(actor);
	const reviewed = await listReviewedProgrammeIds(ctx.db, { userId: actor.userId });
	if (regionIds.length === 0 && reviewed.length === 0)
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const own = await listProgrammes(ctx.db, { regionIds });
	const extra = await listProgrammesByIds(ctx.db, {
		ids: reviewed.filter((id) => !own.some((p) => p.id === id))
	});
	const rows = [...own, ...extra];
	const reviewers = await listReviewers(ctx.db, { programmeIds: rows.map((r) => r.id) });
	const reports = await listReports(ctx.db, { programmeIds: rows.map((r) => r.id) });
	const regions = await listRegions(ctx.db, { ids: regionIds });
	// Only the region's admins see who was invited (addresses of people without an account here).
	const invitations = await listReviewerInvitations(ctx.db, { programmeIds: own.map((r) => r.id) });
	return {
		regions,
		programmes: rows.map((row) =>
			summarize(
				ctx,
				actor,
				readProgramme(
					row,
					reviewers.filter((r) => r.programmeId === row.id)
				),
				reports,
				invitations
			)
		),
		presets: PRESETS,
		indicators: indicatorsOf(ctx.features).map((p) => ({ key: p.key, name: translate(ctx.locale, p.name) }))
	};
}

export interface MunicipalityProgrammesPage {
	municipality: { slug: string; name: string };
	programmes: (ProgrammeSummary & { canFill: boolean; openPeriods: Period[] })[];
}

/** `/{m}/beheer/rapportering`: the programmes of the region this municipality reports for, and its history. */
export async function getMunicipalityProgrammes(
	ctx: Ctx,
	now = new Date()
): Promise<MunicipalityProgrammesPage> {
	const actor = actorOf(ctx);
	if (!ctx.tenant) throw new AppError('not_found');
	const municipality = await getMunicipalityLook(ctx.db, { municipalityId: ctx.tenant.id });
	if (!municipality) throw new AppError('not_found');
	const submitter = { municipalityId: municipality.id };
	const rows = (await listProgrammes(ctx.db, { regionIds: [municipality.regionId] })).filter(
		(r) => r.submitter === 'municipality'
	);
	const reviewers = await listReviewers(ctx.db, { programmeIds: rows.map((r) => r.id) });
	const loaded = rows.map((row) =>
		readProgramme(
			row,
			reviewers.filter((r) => r.programmeId === row.id)
		)
	);
	// Nothing here for someone without a dashboard role in this municipality (staff of elsewhere included).
	const anyProgramme: ProgrammeRef = {
		regionId: municipality.regionId,
		submitter: 'municipality',
		reviewerIds: []
	};
	if (!mayReadProgrammeReports(actor, anyProgramme, submitter))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const reports = await listReports(ctx.db, {
		programmeIds: rows.map((r) => r.id),
		municipalityId: municipality.id
	});
	const today = brusselsDay(now);
	return {
		municipality: { slug: municipality.slug, name: municipality.name },
		programmes: loaded
			.filter((l) => mayReadProgrammeReports(actor, l.ref, submitter))
			.map((l) => ({
				...summarize(ctx, actor, l, reports),
				canFill: mayFillReport(actor, l.ref, submitter),
				openPeriods: l.programme.periods.filter((p) => p.from <= today)
			}))
	};
}

// ---------------------------------------------------------------------------------------------
// The interim report
// ---------------------------------------------------------------------------------------------

export interface ActionFigure {
	target: number | null;
	/** What the platform computed (null for a KPI entered by hand, or when it had no figure). */
	computed: number | null;
	computedAt: string | null;
	source: 'computed' | 'entered' | 'manual';
	/** The value the report uses: the computed one, or what the submitter entered instead (with a reason). */
	reached: number | null;
	overridden: boolean;
	percent: number | null;
	below: boolean;
}

type Figures = Record<string, ActionFigure>;

function scopeOf(report: Pick<ReportRow, 'municipalityId'>): SubmitterRef {
	return report.municipalityId ? { municipalityId: report.municipalityId } : null;
}

function targetFor(ctx: Ctx, action: ProgrammeAction, scope: SubmitterRef): number | null {
	if (action.kpi.kind === 'manual') return action.kpi.target;
	const key = scope === null ? 'region' : 'municipality';
	const own = action.kpi.targets[key];
	if (own !== null) return own;
	const indicator = action.kpi.indicator;
	const part = indicatorsOf(ctx.features).find((p) => p.key === indicator);
	if (!part) return null;
	if (part.kind === 'municipalities' && scope !== null) return 1;
	return part.target[key];
}

/**
 * A moment on a period's last day in Brussels, whatever the season: noon UTC is 13:00 in winter and 14:00 in
 * summer there (a fixed T22:00Z was already the next day in summer time, and read the wrong day's snapshot).
 */
export function periodEnd(period: Pick<Period, 'to'>): Date {
	const at = new Date(`${period.to}T12:00:00Z`);
	if (brusselsDay(at) !== period.to) throw new Error(`no Brussels day ${period.to}`);
	return at;
}

/** Reads every indicator-linked KPI of the programme for the submitter at the period's end (or now). */
async function computeFigures(
	ctx: Ctx,
	loaded: LoadedProgramme,
	scope: SubmitterRef,
	period: Period,
	answers: ReportAnswers,
	now: Date
): Promise<Figures> {
	const figures: Figures = {};
	// A period that has ended is read as it stood on its last day in Brussels; one still running, as it is now.
	const at = brusselsDay(now) > period.to ? periodEnd(period) : undefined;
	const regionId = loaded.row.regionId;
	for (const action of loaded.programme.definition.actions) {
		const target = targetFor(ctx, action, scope);
		let computed: number | null = null;
		let computedAt: string | null = null;
		let source: ActionFigure['source'] = 'manual';
		if (action.kpi.kind === 'indicator') {
			const value = await indicatorValue(
				ctx,
				action.kpi.indicator,
				scope === null ? { region: regionId } : { municipality: scope.municipalityId },
				at,
				now
			);
			computed = value.value;
			computedAt = value.computedAt.toISOString();
			source = value.source;
		}
		const typed = numberOf(answers.actions[action.key]?.reached ?? '');
		const overridden = typed !== undefined && typed !== computed;
		const reached = typed ?? computed;
		const percent =
			reached !== null && target !== null && target > 0 ? Math.round((reached / target) * 100) : null;
		figures[action.key] = {
			target,
			computed,
			computedAt,
			source,
			reached,
			overridden: action.kpi.kind === 'indicator' && overridden,
			percent,
			below: percent !== null && percent < loaded.programme.threshold
		};
	}
	return figures;
}

/**
 * A report the actor may read, with its programme; not found for anyone else (staff of elsewhere included).
 * `judging`: a named reviewer who tries to judge a draft hears that it is not submitted yet (they know the
 * programme's reports exist; they still read nothing of the draft).
 */
async function readableReport(
	ctx: Ctx,
	unverifiedId: unknown,
	options: { judging?: boolean } = {}
): Promise<{ report: ReportRow; loaded: LoadedProgramme; period: Period }> {
	const actor = actorOf(ctx);
	const id = parseId(unverifiedId);
	const report = id === null ? undefined : await getReport(ctx.db, { id });
	if (!report) throw new AppError('not_found');
	// A municipality's page shows only that municipality's reports.
	if (ctx.tenant && report.municipalityId !== ctx.tenant.id) throw new AppError('not_found');
	const loaded = await loadProgramme(ctx.db, report.programmeId);
	if (!loaded) throw new AppError('not_found');
	if (!mayReadReport(actor, loaded.ref, scopeOf(report), report.status)) {
		if (options.judging && report.status === 'draft' && mayJudgeReport(actor, loaded.ref))
			throw new AppError('conflict', { message: e('notSubmitted') });
		throw new AppError('not_found');
	}
	const period = loaded.programme.periods.find((p) => p.key === report.periodKey);
	if (!period) throw new AppError('not_found');
	return { report, loaded, period };
}

/**
 * Opens (or finds) the interim report of a period: for a municipality's page, that municipality's; outside a
 * municipality, the region's (a programme the region submits as project holder).
 */
export async function openReport(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; period: unknown },
	now = new Date()
): Promise<{ id: number }> {
	// The programme changed between reading it and the lock (an editor's change, committed while this waited):
	// read it again, so the report is made from the definition as it now stands (and refused if it has no
	// actions any more). An editor's change is refused once a report exists, so this settles within a try.
	for (let attempt = 0; attempt < 3; attempt++) {
		const opened = await openReportOnce(ctx, input, now);
		if (opened !== 'changed') return opened;
	}
	throw new AppError('conflict', { message: e('programmeChanged') });
}

async function openReportOnce(
	ctx: Ctx,
	input: { unverifiedProgrammeId: unknown; period: unknown },
	now: Date
): Promise<{ id: number } | 'changed'> {
	const actor = actorOf(ctx);
	const loaded = await loadProgramme(ctx.db, input.unverifiedProgrammeId);
	if (!loaded) throw new AppError('not_found');
	const submitter: SubmitterRef = ctx.tenant ? { municipalityId: ctx.tenant.id } : null;
	if (submitter) {
		const m = await getMunicipalityLook(ctx.db, { municipalityId: submitter.municipalityId });
		if (!m || m.regionId !== loaded.row.regionId) throw new AppError('not_found');
	}
	if (!mayFillReport(actor, loaded.ref, submitter)) {
		if (mayReadProgrammeReports(actor, loaded.ref, submitter))
			throw new AppError('forbidden', { message: e('mayNotFill') });
		throw new AppError('not_found');
	}
	const period = loaded.programme.periods.find((p) => p.key === input.period);
	if (!period) throw new AppError('validation', { fields: { period: [e('periodUnknown')] } });
	if (loaded.programme.definition.actions.length === 0)
		throw new AppError('validation', {
			fields: { period: [e('actionsRequired')] },
			message: e('actionsRequired')
		});
	if (period.from > brusselsDay(now))
		throw new AppError('validation', {
			fields: { period: [e('periodNotStarted')] },
			message: e('periodNotStarted')
		});
	const scopeKey = submitter ? submitter.municipalityId : REGION_SCOPE;
	const existing = await findReport(ctx.db, { programmeId: loaded.row.id, periodKey: period.key, scopeKey });
	if (existing) return existing;
	const answers = emptyAnswers(loaded.programme.definition);
	const figures = await computeFigures(ctx, loaded, submitter, period, answers, now);
	return ctx.db.transaction(async (tx) => {
		// Shares the programme's lock with other openings; waits for an editor's change of its definition.
		const locked = await lockProgramme(tx, {
			id: loaded.row.id,
			regionId: loaded.row.regionId,
			mode: 'share'
		});
		if (!locked) throw new AppError('not_found');
		if (
			locked.updatedAt.getTime() !== loaded.row.updatedAt.getTime() ||
			JSON.stringify(locked.definition) !== JSON.stringify(loaded.row.definition)
		)
			return 'changed' as const;
		const row = await insertReport(tx, {
			programmeId: loaded.row.id,
			periodKey: period.key,
			scopeKey,
			municipalityId: submitter?.municipalityId ?? null,
			figures,
			answers,
			openedBy: actor.userId
		});
		if (!row) {
			const again = await findReport(tx, { programmeId: loaded.row.id, periodKey: period.key, scopeKey });
			return again!;
		}
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			municipalityId: submitter?.municipalityId,
			action: 'funder_reports.report_opened',
			details: { programmeId: loaded.row.id, reportId: row.id, period: period.key }
		});
		return row;
	});
}

function emptyAnswers(definition: ProgrammeDefinition): ReportAnswers {
	return {
		actions: Object.fromEntries(definition.actions.map((a) => [a.key, emptyActionAnswer()])),
		expectations: {},
		sections: {}
	};
}

/** Control characters never reach the database (PostgreSQL refuses \u0000 in JSON), whatever called the service. */
const clean = (s: string) => withoutControlCharacters(s).replace(/\r\n?/g, '\n').trim();

/** The typed answers, limited to this programme's actions, expectations and questions, cleaned. */
function normalizeAnswers(definition: ProgrammeDefinition, raw: unknown): ReportAnswers {
	// Malformed answers (more initiatives than allowed, a list where a text belongs) are refused beside the
	// action's initiatives, or the form as a whole; never a ZodError that becomes a 500.
	const parsed = validateInput(answersInputSchema, raw ?? {}, {
		fallback: e('fixFields'),
		fieldOf: (path) =>
			path[0] === 'actions' && typeof path[1] === 'string' && path[2] === 'initiatives'
				? `a.${path[1]}.initiatives`
				: 'form'
	});
	const answers: ReportAnswers = { actions: {}, expectations: {}, sections: {} };
	for (const action of definition.actions) {
		const a = parsed.actions[action.key];
		const answer: ActionAnswer = a
			? {
					reached: clean(a.reached),
					reason: clean(a.reason),
					motivation: clean(a.motivation),
					initiatives: a.initiatives
						.map((i) => ({
							description: clean(i.description),
							timing: clean(i.timing),
							contribution: clean(i.contribution)
						}))
						.filter((i) => i.description || i.timing || i.contribution),
					stopped: a.stopped,
					notDone: clean(a.notDone),
					efforts: clean(a.efforts)
				}
			: emptyActionAnswer();
		answers.actions[action.key] = answer;
		for (const exp of action.expectations) {
			const k = `${action.key}.${exp.key}`;
			const x = parsed.expectations[k];
			if (!x) continue;
			const items: Record<string, string> = {};
			for (const item of exp.items) {
				const v = clean(x.items[item.key] ?? '');
				if (v) items[item.key] = v;
			}
			answers.expectations[k] = { answer: x.answer, text: clean(x.text), items } satisfies ExpectationAnswer;
		}
	}
	for (const section of definition.sections)
		for (const q of section.questions) {
			const k = `${section.key}.${q.key}`;
			const v = clean(parsed.sections[k] ?? '');
			if (v) answers.sections[k] = v;
		}
	return answers;
}

const add = (fields: FieldErrors, field: string, key: string) => {
	(fields[field] ??= []).push(e(key));
};

/** What is wrong even in a draft: texts over their limit, numbers that are no numbers. */
function limitProblems(definition: ProgrammeDefinition, answers: ReportAnswers): FieldErrors {
	const fields: FieldErrors = {};
	const long = FUNDER_LIMITS.longText;
	for (const action of definition.actions) {
		const a = answers.actions[action.key]!;
		const f = (name: string) => `a.${action.key}.${name}`;
		if (a.reached && numberOf(a.reached) === undefined) add(fields, f('reached'), 'valueInvalid');
		else if ((numberOf(a.reached) ?? 0) < 0) add(fields, f('reached'), 'valueNegative');
		for (const [name, value] of [
			['reason', a.reason],
			['motivation', a.motivation],
			['notDone', a.notDone],
			['efforts', a.efforts]
		] as const)
			if (value.length > long) add(fields, f(name), 'textTooLong');
		a.initiatives.forEach((i, n) => {
			if (i.description.length > long) add(fields, f(`i.${n}.description`), 'textTooLong');
			if (i.timing.length > FUNDER_LIMITS.title) add(fields, f(`i.${n}.timing`), 'textTooLong');
			const contribution = i.contribution ? numberOf(i.contribution) : 0;
			if (contribution === undefined) add(fields, f(`i.${n}.contribution`), 'valueInvalid');
			else if (contribution < 0) add(fields, f(`i.${n}.contribution`), 'contributionNegative');
			else if (contribution > FUNDER_LIMITS.valueMax) add(fields, f(`i.${n}.contribution`), 'valueTooLarge');
		});
		for (const exp of action.expectations) {
			const k = `${action.key}.${exp.key}`;
			const x = answers.expectations[k];
			if (!x) continue;
			if (x.text.length > exp.limit) add(fields, `e.${k}.text`, 'answerTooLong');
			for (const [item, v] of Object.entries(x.items))
				if (v.length > exp.limit) add(fields, `e.${k}.item.${item}`, 'answerTooLong');
		}
	}
	for (const section of definition.sections)
		for (const q of section.questions) {
			const k = `${section.key}.${q.key}`;
			const v = answers.sections[k];
			if (v === undefined) continue;
			if (q.kind === 'count') {
				const n = numberOf(v);
				if (n === undefined || !Number.isInteger(n) || n < 0) add(fields, `s.${k}`, 'countInvalid');
			} else if (v.length > q.limit) add(fields, `s.${k}`, 'answerTooLong');
		}
	return fields;
}

/** What submitting asks on top (seed 003): per KPI below the threshold a motivation and initiatives, etc. */
function submitProblems(
	definition: ProgrammeDefinition,
	answers: ReportAnswers,
	figures: Figures
): FieldErrors {
	const fields: FieldErrors = {};
	for (const action of definition.actions) {
		const a = answers.actions[action.key]!;
		const fig = figures[action.key]!;
		const f = (name: string) => `a.${action.key}.${name}`;
		if (a.stopped) {
			if (!a.notDone) add(fields, f('notDone'), 'notDoneRequired');
			if (!a.efforts) add(fields, f('efforts'), 'effortsRequired');
			continue;
		}
		if (fig.reached === null) add(fields, f('reached'), 'reachedRequired');
		if (fig.overridden && !a.reason) add(fields, f('reason'), 'reasonRequired');
		if (fig.below) {
			if (!a.motivation) add(fields, f('motivation'), 'motivationRequired');
			if (a.initiatives.length === 0) add(fields, f('initiatives'), 'initiativeRequired');
			a.initiatives.forEach((i, n) => {
				if (!i.description) add(fields, f(`i.${n}.description`), 'initiativeDescriptionRequired');
				if (!i.timing) add(fields, f(`i.${n}.timing`), 'initiativeTimingRequired');
				if (!i.contribution) add(fields, f(`i.${n}.contribution`), 'initiativeContributionRequired');
			});
		}
		for (const exp of action.expectations) {
			const k = `${action.key}.${exp.key}`;
			const x = answers.expectations[k];
			if (!x || x.answer === '') {
				add(fields, `e.${k}.answer`, 'expectationAnswerRequired');
				continue;
			}
			if (!x.text)
				add(fields, `e.${k}.text`, x.answer === 'yes' ? 'expectationWhyRequired' : 'expectationNoRequired');
			if (x.answer === 'yes') {
				const filled = exp.items.filter((i) => x.items[i.key]).length;
				if (exp.kind === 'each')
					for (const item of exp.items)
						if (!x.items[item.key]) add(fields, `e.${k}.item.${item.key}`, 'expectationItemRequired');
				if (exp.kind === 'atLeast' && filled < (exp.min ?? 0))
					add(fields, `e.${k}.items`, 'expectationAtLeast');
			}
		}
	}
	for (const section of definition.sections)
		for (const q of section.questions) {
			const k = `${section.key}.${q.key}`;
			if (answers.sections[k] === undefined) add(fields, `s.${k}`, 'sectionRequired');
		}
	return fields;
}

function refuseLocked(report: ReportRow) {
	if (report.status !== 'draft')
		throw new AppError('conflict', { message: e('locked'), details: { status: report.status } });
}

async function writable(ctx: Ctx, unverifiedId: unknown) {
	const found = await readableReport(ctx, unverifiedId);
	if (!mayFillReport(ctx.actor!, found.loaded.ref, scopeOf(found.report)))
		throw new AppError('forbidden', { message: e('mayNotFill') });
	refuseLocked(found.report);
	return found;
}

/** Keeps the typed answers as a draft (texts within their limits), with the figures read again. */
export async function saveReport(
	ctx: Ctx,
	input: { unverifiedReportId: unknown; answers: unknown },
	now = new Date()
): Promise<void> {
	const { report, loaded, period } = await writable(ctx, input.unverifiedReportId);
	const answers = normalizeAnswers(loaded.programme.definition, input.answers);
	const problems = limitProblems(loaded.programme.definition, answers);
	if (Object.keys(problems).length)
		throw new AppError('validation', { fields: problems, message: e('fixFields') });
	const figures = await computeFigures(ctx, loaded, scopeOf(report), period, answers, now);
	await ctx.db.transaction(async (tx) => {
		const locked = await getReport(tx, { id: report.id, forUpdate: true });
		refuseLocked(locked!);
		await updateReport(tx, { id: report.id }, { answers, figures });
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			municipalityId: report.municipalityId,
			action: 'funder_reports.report_saved',
			details: { reportId: report.id }
		});
	});
}

/**
 * Saves the answers, then submits when nothing is missing: the report is locked with its figures as they are.
 * When something is missing the answers stay saved as a draft and every missing field is named.
 */
export async function submitReport(
	ctx: Ctx,
	input: { unverifiedReportId: unknown; answers?: unknown },
	now = new Date()
): Promise<void> {
	const { report, loaded, period } = await writable(ctx, input.unverifiedReportId);
	const answers =
		input.answers === undefined
			? normalizeAnswers(loaded.programme.definition, report.answers)
			: normalizeAnswers(loaded.programme.definition, input.answers);
	const limits = limitProblems(loaded.programme.definition, answers);
	if (Object.keys(limits).length)
		throw new AppError('validation', { fields: limits, message: e('fixFields') });
	const figures = await computeFigures(ctx, loaded, scopeOf(report), period, answers, now);
	const problems = submitProblems(loaded.programme.definition, answers, figures);
	const complete = Object.keys(problems).length === 0;
	await ctx.db.transaction(async (tx) => {
		const locked = await getReport(tx, { id: report.id, forUpdate: true });
		refuseLocked(locked!);
		await updateReport(
			tx,
			{ id: report.id },
			complete
				? { answers, figures, status: 'submitted', submittedAt: now, submittedBy: ctx.actor!.userId }
				: { answers, figures }
		);
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			municipalityId: report.municipalityId,
			action: complete ? 'funder_reports.report_submitted' : 'funder_reports.report_saved',
			details: { reportId: report.id, period: period.key }
		});
		if (complete) await requestReview(ctx, tx, { report, loaded, period });
	});
	if (!complete) throw new AppError('validation', { fields: problems, message: e('notComplete') });
}

/**
 * Asks the programme's named reviewers, and no one else, to judge a report just submitted: the
 * `funder_report.submitted` event, written in the submitting transaction (it exists exactly when the report is
 * locked). The notifications feature tells each reviewer of the programme then, once, in the app and by mail as
 * they chose (notifications.funder-reports.ts).
 */
async function requestReview(
	ctx: Ctx,
	tx: Db,
	input: { report: ReportRow; loaded: LoadedProgramme; period: Period }
) {
	const { report, loaded, period } = input;
	await writeDomainEvent(tx, {
		type: 'funder_report.submitted',
		regionId: loaded.row.regionId,
		municipalityId: report.municipalityId,
		subjectId: report.id,
		actorId: ctx.actor?.userId ?? null,
		payload: { programmeId: loaded.row.id, periodKey: period.key, periodLabel: period.label }
	});
}

/** The named reviewer's verdict per action; only on a submitted report; the municipality sees it. */
export async function judgeReport(
	ctx: Ctx,
	input: { unverifiedReportId: unknown; verdict: unknown },
	now = new Date()
): Promise<void> {
	const actor = actorOf(ctx);
	const { report, loaded } = await readableReport(ctx, input.unverifiedReportId, { judging: true });
	if (!mayJudgeReport(actor, loaded.ref)) throw new AppError('forbidden', { message: e('notReviewer') });
	if (report.status === 'draft') throw new AppError('conflict', { message: e('notSubmitted') });
	const raw = validateInput(verdictInputSchema, input.verdict ?? {}, {
		fallback: e('fixFields'),
		fieldOf: () => 'form'
	});
	const verdict: Record<string, Verdict> = {};
	const fields: FieldErrors = {};
	for (const action of loaded.programme.definition.actions) {
		const v = raw[action.key] ?? { enough: '', mayContinue: '', conclusion: '' };
		const conclusion = clean(v.conclusion);
		verdict[action.key] = { enough: v.enough, mayContinue: v.mayContinue, conclusion };
		if (v.enough === '') add(fields, `v.${action.key}.enough`, 'verdictEnoughRequired');
		if (v.mayContinue === '') add(fields, `v.${action.key}.mayContinue`, 'verdictContinueRequired');
		if (conclusion.length > FUNDER_LIMITS.longText) add(fields, `v.${action.key}.conclusion`, 'textTooLong');
	}
	if (Object.keys(fields).length) throw new AppError('validation', { fields, message: e('fixFields') });
	await ctx.db.transaction(async (tx) => {
		await updateReport(
			tx,
			{ id: report.id },
			{ verdict, status: 'reviewed', reviewedAt: now, reviewedBy: actor.userId }
		);
		await audit(tx, ctx, {
			regionId: loaded.row.regionId,
			municipalityId: report.municipalityId,
			action: 'funder_reports.report_judged',
			details: { reportId: report.id }
		});
	});
}

export interface ReportView {
	id: number;
	status: ReportRow['status'];
	programme: {
		id: number;
		name: string;
		funder: string;
		threshold: number;
		definition: ProgrammeDefinition;
	};
	period: Period;
	submitter: { name: string; slug: string | null };
	figures: Figures;
	answers: ReportAnswers;
	verdict: Record<string, Verdict> | null;
	/** What submitting still asks, per field (empty when it can be submitted). */
	missing: FieldErrors;
	submittedAt: string | null;
	reviewedAt: string | null;
	canFill: boolean;
	canJudge: boolean;
	/** KPI names of indicator-linked actions (Dutch), for the page and the exports. */
	kpiNames: Record<string, string>;
	/** The limits the form shows (no blank initiative slot once an action has the most it may have). */
	limits: { initiatives: number };
}

/** The report as its page and its exports show it (a draft with its figures read again, else as locked). */
export async function getReportView(
	ctx: Ctx,
	input: { unverifiedReportId: unknown },
	now = new Date()
): Promise<ReportView> {
	const actor = actorOf(ctx);
	const { report, loaded, period } = await readableReport(ctx, input.unverifiedReportId);
	const answers = normalizeAnswers(loaded.programme.definition, report.answers);
	const canFill = report.status === 'draft' && mayFillReport(actor, loaded.ref, scopeOf(report));
	const figures = canFill
		? await computeFigures(ctx, loaded, scopeOf(report), period, answers, now)
		: (report.figures as Figures);
	const municipality = report.municipalityId
		? await getMunicipalityLook(ctx.db, { municipalityId: report.municipalityId })
		: null;
	const region = municipality ? null : await getRegion(ctx.db, { id: loaded.row.regionId });
	const parts = indicatorsOf(ctx.features);
	return {
		id: report.id,
		status: report.status,
		programme: {
			id: loaded.row.id,
			name: loaded.programme.name,
			funder: loaded.programme.funder,
			threshold: loaded.programme.threshold,
			definition: loaded.programme.definition
		},
		period,
		submitter: { name: municipality?.name ?? region?.name ?? '', slug: municipality?.slug ?? null },
		figures,
		answers,
		verdict: (report.verdict as Record<string, Verdict> | null) ?? null,
		missing: report.status === 'draft' ? submitProblems(loaded.programme.definition, answers, figures) : {},
		submittedAt: report.submittedAt?.toISOString() ?? null,
		reviewedAt: report.reviewedAt?.toISOString() ?? null,
		canFill,
		canJudge: report.status !== 'draft' && mayJudgeReport(actor, loaded.ref),
		kpiNames: Object.fromEntries(
			loaded.programme.definition.actions.map((a) => {
				if (a.kpi.kind === 'manual') return [a.key, a.kpi.label];
				const indicator = a.kpi.indicator;
				const part = parts.find((p) => p.key === indicator);
				return [a.key, part ? translate(ctx.locale, part.name) : indicator];
			})
		),
		limits: { initiatives: FUNDER_LIMITS.initiatives }
	};
}

/** The municipality's look for the PDF (its colours), or the platform's for a region's report. */
export async function reportLook(ctx: Ctx, view: ReportView) {
	const report = await getReport(ctx.db, { id: view.id });
	const m = report?.municipalityId
		? await getMunicipalityLook(ctx.db, { municipalityId: report.municipalityId })
		: null;
	return { primaryColor: m?.primaryColor ?? '#1f5f3a', accentColor: m?.accentColor ?? '#f2c14e' };
}

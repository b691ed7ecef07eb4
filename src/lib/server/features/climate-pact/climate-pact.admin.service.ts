// Use cases of the Climate Pact's back office (climate-pact.access.ts: `read` for whoever reads the climate plan
// here, `command` for those who steer it): the totals against the target with the dwellings, staff's outcomes on
// actions and events (record, change, delete after a confirmation), and the queue of citizens' reports (search,
// filters, verify per row or in bulk, refuse with a reason). Each change writes its audit row in its transaction.
import { AppError } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { command, findOutcome, read } from './climate-pact.access';
import {
	countWaitingContributions,
	deleteOutcome,
	getOutcomePhoto,
	insertOutcome,
	listContributions,
	listContributionsByIds,
	listOutcomeTargets,
	listRecordedOutcomes,
	outcomeTargetExists,
	updateOutcome,
	upsertDwellings,
	type OutcomeRow
} from './climate-pact.queries';
import {
	confirmSchema,
	dwellingsSchema,
	idsSchema,
	outcomeSchema,
	pactFieldOf,
	QUEUE_PAGE_SIZE,
	queueFiltersSchema,
	refuseSchema,
	type OutcomeInput,
	type QueueFilters
} from './climate-pact.schemas';
import {
	presentContributionAdmin,
	presentOutcome,
	type ContributionAdminView,
	type OutcomeView
} from './climate-pact.present';
import { climatePactTotals, type PactTotals } from './climate-pact.totals';

const RECORDED_MAX = 200;
const TARGETS_MAX = 500;

export interface OutcomeTargets {
	actions: { id: number; title: string }[];
	events: { id: number; title: string; startsAt: string }[];
}

async function targetsOf(db: Parameters<typeof listOutcomeTargets>[0], municipalityId: string) {
	const t = await listOutcomeTargets(db, { municipalityId, limit: TARGETS_MAX });
	return {
		actions: t.actions,
		events: t.events.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt.toISOString() }))
	};
}

export interface PactBackoffice {
	totals: PactTotals;
	recorded: OutcomeView[];
	targets: OutcomeTargets;
	waiting: number;
	canManage: boolean;
}

/** The staff page: totals against the target per year, the dwellings, staff's entries and the form's choices. */
export const getPactBackoffice = read({
	load: async (ctx, scope): Promise<PactBackoffice> => {
		const municipalityId = scope.municipality.id;
		const [totals, recorded, targets, waiting] = await Promise.all([
			climatePactTotals(ctx, municipalityId),
			listRecordedOutcomes(ctx.db, { municipalityId, limit: RECORDED_MAX }),
			targetsOf(ctx.db, municipalityId),
			countWaitingContributions(ctx.db, { municipalityId })
		]);
		return {
			totals,
			recorded: recorded.map(presentOutcome),
			targets,
			waiting: waiting.count,
			canManage: scope.canManage
		};
	}
});

/** The action or event chosen must be one of this municipality. */
async function checkTarget(
	db: Parameters<typeof outcomeTargetExists>[0],
	municipalityId: string,
	values: OutcomeInput
): Promise<void> {
	if (
		!(await outcomeTargetExists(db, {
			municipalityId,
			source: values.target.source,
			id: values.target.id
		}))
	)
		throw new AppError('validation', {
			fields: { target: ['climatePactPublic.errors.targetRequired'] },
			message: 'climatePactPublic.errors.targetRequired'
		});
}

const outcomeValues = (values: OutcomeInput) => ({
	source: values.target.source,
	actionId: values.target.source === 'action' ? values.target.id : null,
	eventId: values.target.source === 'event' ? values.target.id : null,
	kind: values.kind,
	quantity: values.quantity,
	occurredOn: values.occurredOn,
	note: values.note
});

/** Records an outcome on an action or an event of the municipality; it counts at once. */
export const recordOutcome = command({
	schema: outcomeSchema,
	prepare: async ({ ctx, scope, values }) => checkTarget(ctx.db, scope.municipality.id, values),
	execute: async (tx, { scope, values, record }): Promise<{ id: number }> => {
		const row = await insertOutcome(tx, {
			municipalityId: scope.municipality.id,
			...outcomeValues(values),
			status: 'verified',
			createdBy: scope.actor.userId,
			decidedAt: new Date()
		});
		record.audit({
			action: 'climate_pact.outcome_recorded',
			details: {
				outcomeId: row.id,
				kind: values.kind,
				quantity: values.quantity,
				occurredOn: values.occurredOn,
				on: values.target
			}
		});
		return row;
	}
});

/** A staff entry (not a citizen's report) of this municipality; a report is decided in the queue instead. */
async function findRecorded(
	db: Parameters<typeof findOutcome>[0],
	scope: Parameters<typeof findOutcome>[1],
	unverifiedId: unknown,
	forUpdate = false
): Promise<OutcomeRow> {
	const row = await findOutcome(db, scope, unverifiedId, forUpdate);
	if (row.source === 'citizen') throw new AppError('not_found');
	return row;
}

export interface OutcomeEditPage {
	outcome: OutcomeView;
	targets: OutcomeTargets;
}

export const getOutcomeForBackoffice = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<OutcomeEditPage> => {
		const row = await findRecorded(ctx.db, scope, input.unverifiedId);
		return { outcome: presentOutcome(row), targets: await targetsOf(ctx.db, scope.municipality.id) };
	}
});

/** Changes a staff entry; an unchanged form writes nothing. */
export const changeOutcome = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof outcomeSchema>) =>
		findRecorded(ctx.db, scope, input.unverifiedId),
	schema: outcomeSchema,
	prepare: async ({ ctx, scope, values }) => checkTarget(ctx.db, scope.municipality.id, values),
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: boolean }> => {
		const row = await findRecorded(tx, scope, loaded.id, true);
		const next = outcomeValues(values);
		const before = {
			source: row.source,
			actionId: row.actionId,
			eventId: row.eventId,
			kind: row.kind,
			quantity: row.quantity,
			occurredOn: row.occurredOn,
			note: row.note
		};
		if (JSON.stringify(before) === JSON.stringify(next)) return { changed: false };
		await updateOutcome(tx, { municipalityId: scope.municipality.id, id: row.id, values: next });
		record.audit({
			action: 'climate_pact.outcome_changed',
			details: { outcomeId: row.id, before, after: next }
		});
		return { changed: true };
	}
});

export const previewDeleteOutcome = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<OutcomeView> =>
		presentOutcome(await findRecorded(ctx.db, scope, input.unverifiedId))
});

/** Deletes a staff entry after the "yes, I am sure" box: it no longer counts. */
export const removeOutcome = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof confirmSchema>) =>
		findRecorded(ctx.db, scope, input.unverifiedId),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded, record }): Promise<{ id: number }> => {
		const row = await findRecorded(tx, scope, loaded.id, true);
		await deleteOutcome(tx, { municipalityId: scope.municipality.id, id: row.id });
		record.audit({
			action: 'climate_pact.outcome_deleted',
			details: {
				outcomeId: row.id,
				kind: row.kind,
				quantity: row.quantity,
				occurredOn: row.occurredOn
			}
		});
		return { id: row.id };
	}
});

/** The number of dwellings the renovation target (50 per 1,000) is computed from; zero or less is refused. */
export const setDwellings = command({
	schema: dwellingsSchema,
	execute: async (tx, { scope, values, record }): Promise<{ dwellings: number }> => {
		await upsertDwellings(tx, {
			municipalityId: scope.municipality.id,
			dwellings: values.dwellings,
			updatedBy: scope.actor.userId
		});
		record.audit({ action: 'climate_pact.dwellings_set', details: { dwellings: values.dwellings } });
		return { dwellings: values.dwellings };
	}
});

export interface ContributionQueue {
	filters: QueueFilters;
	items: ContributionAdminView[];
	total: number;
	page: number;
	pageCount: number;
	canManage: boolean;
}

/** The queue of citizens' reports: waiting first (oldest first), searched in the note and the name. */
export const listContributionQueue = read({
	load: async (ctx, scope, input: RawInput<typeof queueFiltersSchema>): Promise<ContributionQueue> => {
		const filters = queueFiltersSchema.parse(input);
		const { rows, total } = await listContributions(ctx.db, {
			municipalityId: scope.municipality.id,
			q: filters.q,
			status: filters.status,
			kind: filters.kind,
			limit: QUEUE_PAGE_SIZE,
			offset: (filters.page - 1) * QUEUE_PAGE_SIZE
		});
		return {
			filters,
			items: rows.map(presentContributionAdmin),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
			canManage: scope.canManage
		};
	}
});

async function findContribution(
	db: Parameters<typeof findOutcome>[0],
	scope: Parameters<typeof findOutcome>[1],
	unverifiedId: unknown,
	forUpdate = false
): Promise<OutcomeRow> {
	const row = await findOutcome(db, scope, unverifiedId, forUpdate);
	if (row.source !== 'citizen') throw new AppError('not_found');
	return row;
}

export const getContributionForBackoffice = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => ({
		contribution: presentContributionAdmin(await findContribution(ctx.db, scope, input.unverifiedId)),
		canManage: scope.canManage
	})
});

/** A report's photo for the back office (a waiting report's too). */
export const getContributionPhotoForStaff = read({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => {
		const row = await findContribution(ctx.db, scope, input.unverifiedId);
		const photo = await getOutcomePhoto(ctx.db, { municipalityId: scope.municipality.id, outcomeId: row.id });
		if (!photo) throw new AppError('not_found');
		return photo;
	}
});

/** Verifies one report: it counts from now on. A verified report stays as it is. */
export const verifyContribution = command({
	load: (ctx, scope, input: { unverifiedId: unknown }) => findContribution(ctx.db, scope, input.unverifiedId),
	execute: async (tx, { scope, loaded, record }): Promise<{ changed: boolean }> => {
		const row = await findContribution(tx, scope, loaded.id, true);
		if (row.status === 'verified') return { changed: false };
		await updateOutcome(tx, {
			municipalityId: scope.municipality.id,
			id: row.id,
			values: { status: 'verified', refuseReason: null, decidedAt: new Date() }
		});
		record.audit({
			action: 'climate_pact.report_verified',
			details: { outcomeId: row.id, kind: row.kind, quantity: row.quantity }
		});
		return { changed: true };
	}
});

/** Refuses a report with a reason its author reads on the pact's page; it no longer counts. */
export const refuseContribution = command({
	load: (ctx, scope, input: { unverifiedId: unknown } & RawInput<typeof refuseSchema>) =>
		findContribution(ctx.db, scope, input.unverifiedId),
	schema: refuseSchema,
	execute: async (tx, { scope, loaded, values, record }): Promise<{ changed: boolean }> => {
		const row = await findContribution(tx, scope, loaded.id, true);
		if (row.status === 'refused' && row.refuseReason === values.reason) return { changed: false };
		await updateOutcome(tx, {
			municipalityId: scope.municipality.id,
			id: row.id,
			values: { status: 'refused', refuseReason: values.reason, decidedAt: new Date() }
		});
		record.audit({
			action: 'climate_pact.report_refused',
			details: { outcomeId: row.id, reason: values.reason }
		});
		return { changed: true };
	}
});

export interface BulkVerifyPreview {
	items: ContributionAdminView[];
}

/** What the bulk step would verify: the chosen reports of this municipality that wait. */
export const previewBulkVerify = command({
	load: async (ctx, scope, input: { ids: unknown[] }): Promise<BulkVerifyPreview> => {
		const ids = validateInput(idsSchema, input.ids, { fieldOf: pactFieldOf });
		const rows = await listContributionsByIds(ctx.db, { municipalityId: scope.municipality.id, ids });
		return { items: rows.filter((r) => r.status === 'submitted').map(presentContributionAdmin) };
	}
});

/** Verifies every chosen waiting report; reports of elsewhere or already decided are left alone. */
export const verifyInBulk = command({
	load: async (_ctx, _scope, input: { ids: unknown[] }) => input,
	execute: async (tx, { scope, input, record }): Promise<{ changed: number }> => {
		const ids = validateInput(idsSchema, input.ids, { fieldOf: pactFieldOf });
		const municipalityId = scope.municipality.id;
		const rows = await listContributionsByIds(tx, { municipalityId, ids, forUpdate: true });
		let changed = 0;
		const now = new Date();
		for (const row of rows.filter((r) => r.status === 'submitted')) {
			await updateOutcome(tx, {
				municipalityId,
				id: row.id,
				values: { status: 'verified', refuseReason: null, decidedAt: now }
			});
			record.audit({
				action: 'climate_pact.report_verified',
				details: { outcomeId: row.id, kind: row.kind, quantity: row.quantity, bulk: true }
			});
			changed += 1;
		}
		return { changed };
	}
});

// Use cases of the back office for climate actions: list, create and edit, publish, bulk changes and
// history. Each is a command (actions.admin.access.ts): it authorizes first, and every change is recorded in
// action_history, with its domain event, in the same transaction as the change.
import type { ActionStatus } from '$lib/domain/actions';
import type { Ctx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import { placeVerdict } from '$lib/server/platform/geo/area';
import type { Db } from '$lib/server/db/client';
import { listThemesForSettings } from '$lib/server/features/settings/settings.service';
import type { MessageKey } from '$lib/i18n';
import { processUpload, type PhotoError, type ProcessedPhoto } from '$lib/server/platform/photos';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import {
	presentOpportunityForEdit,
	type OpportunityEditView
} from '$lib/server/features/opportunities/opportunities.present';
import type { Recorder } from '$lib/server/platform/command';
import {
	archiveAction as archiveActionRow,
	insertAction,
	publishAction as publishActionRow,
	setActionThemes,
	unarchiveAction,
	unpublishAction as unpublishActionRow,
	updateAction,
	type ActionFields,
	type ActionRow
} from './actions.queries';
import {
	deletePhoto,
	getActionsByIds,
	getPhoto,
	insertPhoto,
	listActionsForAdmin,
	listHistory,
	listThemeIdsOfActions,
	listUpdatesForAdmin
} from './actions.admin.queries';
import {
	ACTIONS_PAGE_SIZE,
	IMAGE_MAX_BYTES,
	actionFiltersSchema,
	actionSchema,
	bulkSchema,
	confirmSchema,
	validateActionInput,
	type ActionFilters,
	type ActionInput,
	type BulkInput
} from './actions.admin.schemas';
import {
	actionState,
	presentActionForEdit,
	presentActionListItem,
	presentHistoryEntry,
	presentUpdate,
	type ActionEditView,
	type ActionListItemView,
	type HistoryEntryView,
	type UpdateView
} from './actions.admin.present';
import { slugify } from '$lib/server/platform/text';
import { type BackofficeScope } from '$lib/server/platform/backoffice';
import { isUuid } from '$lib/domain/ids';
import type { UploadedFile } from '$lib/server/platform/forms';
import type { RawInput } from '$lib/server/platform/validation';
import { command, findAction, read } from './actions.admin.access';
import type { ActionHistoryEntry } from './actions.history';

const HISTORY_LIMIT = 500;

function imageUrl(scope: BackofficeScope, actionId: number) {
	return (imageId: string) => `/${scope.municipality.slug}/beheer/acties/${actionId}/afbeelding?v=${imageId}`;
}

export interface ThemeOption {
	id: string;
	name: string;
	active: boolean;
}

/** The municipality's active themes, plus inactive ones the action already has (so saving keeps them). */
async function themeOptions(db: Db, municipalityId: string, attached: string[] = []): Promise<ThemeOption[]> {
	const rows = await listThemesForSettings(db, { municipalityId });
	return rows
		.filter((t) => t.active || attached.includes(t.id))
		.map((t) => ({ id: t.id, name: t.name, active: t.active }));
}

// ---------------------------------------------------------------------------------------------
// List and bulk changes
// ---------------------------------------------------------------------------------------------

export interface ActionsOverview {
	filters: ActionFilters;
	items: ActionListItemView[];
	total: number;
	page: number;
	pageCount: number;
	themes: ThemeOption[];
	canManage: boolean;
}

export const listActionsForBackoffice = read({
	load: async (ctx, scope, input: RawInput<typeof actionFiltersSchema>): Promise<ActionsOverview> => {
		const municipalityId = scope.municipality.id;
		// Nonsense filters fall back to their defaults instead of failing.
		const filters = actionFiltersSchema.parse(input);
		const { rows, total } = await listActionsForAdmin(ctx.db, {
			municipalityId,
			filters,
			limit: ACTIONS_PAGE_SIZE,
			offset: (filters.page - 1) * ACTIONS_PAGE_SIZE
		});
		const [links, themes] = await Promise.all([
			listThemeIdsOfActions(ctx.db, { municipalityId, actionIds: rows.map((r) => r.id) }),
			listThemesForSettings(ctx.db, { municipalityId })
		]);
		const names = new Map(themes.map((t) => [t.id, t.name]));
		return {
			filters,
			items: rows.map((row) =>
				presentActionListItem(
					row,
					links.filter((l) => l.actionId === row.id).map((l) => names.get(l.themeId) ?? '')
				)
			),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / ACTIONS_PAGE_SIZE)),
			themes: themes.map((t) => ({ id: t.id, name: t.name, active: t.active })),
			canManage: scope.canManage
		};
	}
});

export interface BulkPreview {
	operation: BulkInput['operation'];
	status: ActionStatus | null;
	items: { id: number; title: string; status: ActionStatus; state: ReturnType<typeof actionState> }[];
}

/** The confirmation step of a bulk change: which of the selected actions it concerns. Changes nothing. */
export const previewBulkChange = command({
	load: async (_ctx, _scope, _input: RawInput<typeof bulkSchema>) => undefined,
	schema: bulkSchema,
	prepare: async ({ ctx, scope, values }): Promise<BulkPreview> => {
		const rows = await getActionsByIds(ctx.db, { municipalityId: scope.municipality.id, ids: values.ids });
		return {
			operation: values.operation,
			status: values.status,
			items: rows.map((r) => ({ id: r.id, title: r.title, status: r.status, state: actionState(r) }))
		};
	}
});

/**
 * Applies one change to several actions, all or nothing, with one history row per action that changed.
 * Ids of another municipality are simply not found and left alone.
 */
export const changeActionsInBulk = command({
	load: async (_ctx, _scope, _input: RawInput<typeof bulkSchema>) => undefined,
	schema: bulkSchema,
	execute: async (tx, { scope, values, record }): Promise<{ changed: number }> => {
		const municipalityId = scope.municipality.id;
		const rows = await getActionsByIds(tx, { municipalityId, ids: values.ids });
		if (rows.length === 0) throw new AppError('validation', { message: 'actionsAdmin.bulk.nothingSelected' });
		let changed = 0;
		for (const row of rows) {
			const id = row.id;
			if (values.operation === 'status' && values.status && row.status !== values.status) {
				await updateAction(tx, { municipalityId, id, status: values.status });
				record.audit({
					actionId: id,
					change: 'status_changed',
					details: { before: row.status, after: values.status, bulk: true }
				});
				changed++;
			} else if (values.operation === 'publish' && actionState(row) !== 'published') {
				await publish(tx, scope, row, record, { bulk: true });
				changed++;
			} else if (values.operation === 'unpublish' && row.publishedAt) {
				await unpublish(tx, scope, id, record, { bulk: true });
				changed++;
			} else if (values.operation === 'archive' && !row.archivedAt) {
				await archive(tx, scope, id, record, { bulk: true });
				changed++;
			}
		}
		return { changed };
	}
});

// ---------------------------------------------------------------------------------------------
// One action: read, create, change
// ---------------------------------------------------------------------------------------------

export interface NewActionForm {
	themes: ThemeOption[];
}

export const getNewActionForm = command({
	load: async (ctx, scope, _input: void): Promise<NewActionForm> => ({
		themes: await themeOptions(ctx.db, scope.municipality.id)
	})
});

export interface ActionBackofficePage {
	action: ActionEditView;
	themes: ThemeOption[];
	opportunities: OpportunityEditView[];
	updates: UpdateView[];
	canManage: boolean;
}

export const getActionForBackoffice = read({
	load: async (ctx, scope, input: { unverifiedActionId: unknown }): Promise<ActionBackofficePage> => {
		const municipalityId = scope.municipality.id;
		const row = await findAction(ctx.db, municipalityId, input.unverifiedActionId);
		const [themeLinks, opportunities, updates] = await Promise.all([
			listThemeIdsOfActions(ctx.db, { municipalityId, actionIds: [row.id] }),
			listOpportunitiesOfActions(ctx, { municipalityIds: [municipalityId], actionIds: [row.id] }),
			listUpdatesForAdmin(ctx.db, { municipalityId, actionId: row.id })
		]);
		const themeIds = themeLinks.map((l) => l.themeId);
		return {
			action: presentActionForEdit(row, themeIds, imageUrl(scope, row.id)),
			themes: await themeOptions(ctx.db, municipalityId, themeIds),
			opportunities: opportunities.map(presentOpportunityForEdit),
			updates: updates.map(presentUpdate),
			canManage: scope.canManage
		};
	}
});

type CheckedImage = ProcessedPhoto;

const PHOTO_ERRORS: Record<PhotoError, MessageKey> = {
	type: 'actionsAdmin.errors.imageType',
	tooBig: 'actionsAdmin.errors.imageTooBig',
	tooManyPixels: 'actionsAdmin.errors.imageTooManyPixels',
	unreadable: 'actionsAdmin.errors.imageUnreadable'
};

/**
 * An uploaded photo through platform/photos: recognised by its bytes (PNG, JPEG or WebP; SVG is no photo),
 * upright, at most 1600 px, re-encoded as JPEG without EXIF, GPS or other metadata, a decompression bomb
 * refused from its header.
 */
async function checkImage(file: UploadedFile | null | undefined): Promise<CheckedImage | FieldErrors | null> {
	const result = await processUpload(file, { maxBytes: IMAGE_MAX_BYTES });
	if (result && 'error' in result) return { image: [PHOTO_ERRORS[result.error]] };
	return result;
}

type ActionFormInput = RawInput<typeof actionSchema> & { image?: UploadedFile | null };

/**
 * Validates the form and the uploaded image together, so every field with a problem is marked at once;
 * also checks the themes against the municipality's and that an image (new or kept) has its alt text.
 */
async function validateActionForm(
	ctx: Ctx,
	input: ActionFormInput,
	options: { municipalityId: string; themes: ThemeOption[]; hasImage: boolean }
): Promise<{ values: ActionInput; image: CheckedImage | null }> {
	let fields: FieldErrors = {};
	let values: ActionInput | null = null;
	try {
		values = validateActionInput(actionSchema, input);
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		fields = { ...(err.options.fields ?? {}) };
	}
	const checked = await checkImage(input.image);
	let image: CheckedImage | null = null;
	if (checked && !('bytes' in checked)) fields = { ...fields, ...checked };
	else image = checked as CheckedImage | null;
	if (values) {
		const allowed = new Set(options.themes.map((t) => t.id));
		if (values.themeIds.some((id) => !allowed.has(id))) fields.themeIds = ['actionsAdmin.errors.theme'];
		const keepsImage = options.hasImage && !values.removeImage;
		const givesImage = Boolean(input.image && input.image.size > 0);
		if ((keepsImage || givesImage) && !values.imageAlt && !fields.imageAlt)
			fields.imageAlt = ['actionsAdmin.errors.imageAltRequired'];
		if (values.lat !== null && values.lng !== null) {
			// The same check as the places of suggestions (platform/geo).
			const verdict = await placeVerdict(ctx, options.municipalityId, { lat: values.lat, lng: values.lng });
			if (verdict !== 'inside') fields.lat = [`actionsAdmin.errors.${verdict}`];
		}
	}
	if (!values || Object.keys(fields).length > 0)
		throw new AppError('validation', { fields, message: Object.values(fields)[0]?.[0] });
	return { values, image };
}

function slugOf(title: string): string {
	return slugify(title).slice(0, 80).replace(/-+$/, '') || 'actie';
}

function fieldsOf(values: ActionInput): Omit<ActionFields, 'slug' | 'imageId'> {
	return {
		title: values.title,
		summary: values.summary,
		body: values.body,
		decided: values.decided,
		status: values.status,
		ownerKind: values.ownerKind,
		ownerName: values.ownerName,
		startsOn: values.startsOn,
		endsOn: values.endsOn,
		placeName: values.placeName,
		lat: values.lat,
		lng: values.lng,
		imageAlt: values.imageAlt,
		links: values.links
	};
}

/** Creates a draft action; it is published separately. */
export const createAction = command({
	load: (ctx, scope, _input: ActionFormInput) => themeOptions(ctx.db, scope.municipality.id),
	prepare: ({ ctx, scope, input, loaded: themes }) =>
		validateActionForm(ctx, input, { municipalityId: scope.municipality.id, themes, hasImage: false }),
	execute: async (tx, { scope, loaded: themes, prepared: { values, image }, record }) => {
		const municipalityId = scope.municipality.id;
		const photo = image
			? await insertPhoto(tx, {
					municipalityId,
					...image,
					alt: values.imageAlt ?? '',
					createdBy: scope.actor.userId
				})
			: null;
		const fields = fieldsOf(values);
		const row = await insertAction(tx, {
			municipalityId,
			createdBy: scope.actor.userId,
			slug: slugOf(values.title),
			...fields,
			imageId: photo?.id ?? null,
			imageAlt: photo ? values.imageAlt : null
		});
		const themeIds = await setActionThemes(tx, {
			municipalityId,
			actionId: row.id,
			themeIds: values.themeIds
		});
		record.audit({
			actionId: row.id,
			change: 'created',
			details: {
				title: row.title,
				status: row.status,
				themes: themes.filter((t) => themeIds.includes(t.id)).map((t) => t.name)
			}
		});
		record.event({
			municipalityId,
			type: 'action.created',
			subjectId: row.id,
			actorId: scope.actor.userId
		});
		return { id: row.id };
	}
});

const COMPARED = [
	'title',
	'summary',
	'body',
	'decided',
	'ownerKind',
	'ownerName',
	'startsOn',
	'endsOn',
	'placeName',
	'lat',
	'lng',
	'imageAlt',
	'links'
] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Saves the form of an existing action. History: one row with the changed fields (before and after), one
 * for a new status and one for new themes, so each kind of change can be found on its own.
 */
export const changeAction = command({
	load: async (ctx, scope, input: ActionFormInput & { unverifiedActionId: unknown }) => {
		const municipalityId = scope.municipality.id;
		const current = await findAction(ctx.db, municipalityId, input.unverifiedActionId);
		const currentThemeIds = (
			await listThemeIdsOfActions(ctx.db, { municipalityId, actionIds: [current.id] })
		).map((l) => l.themeId);
		const themes = await themeOptions(ctx.db, municipalityId, currentThemeIds);
		return { current, currentThemeIds, themes };
	},
	prepare: ({ ctx, scope, input, loaded: { current, themes } }) =>
		validateActionForm(ctx, input, {
			municipalityId: scope.municipality.id,
			themes,
			hasImage: Boolean(current.imageId)
		}),
	execute: async (
		tx,
		{ scope, loaded: { current, currentThemeIds, themes }, prepared: { values, image }, record }
	): Promise<{ changed: boolean }> => {
		const municipalityId = scope.municipality.id;
		const before = await findAction(tx, municipalityId, current.id);
		const next = fieldsOf(values);
		let imageId = before.imageId;
		if (image) {
			const photo = await insertPhoto(tx, {
				municipalityId,
				...image,
				alt: values.imageAlt ?? '',
				createdBy: scope.actor.userId
			});
			imageId = photo.id;
		} else if (values.removeImage) imageId = null;
		if (!imageId) next.imageAlt = null;

		const changes: Record<string, { before: unknown; after: unknown }> = {};
		for (const field of COMPARED) {
			if (!same(before[field], next[field])) changes[field] = { before: before[field], after: next[field] };
		}
		if (imageId !== before.imageId)
			changes.image = { before: before.imageId ? 'image' : null, after: imageId ? 'image' : null };
		const statusChanged = before.status !== values.status;
		const beforeThemes = [...currentThemeIds].sort();
		const afterThemes = [...values.themeIds].sort();
		const themesChanged = !same(beforeThemes, afterThemes);
		if (Object.keys(changes).length === 0 && !statusChanged && !themesChanged) return { changed: false };

		await updateAction(tx, {
			municipalityId,
			id: before.id,
			...next,
			imageId,
			...(changes.title ? { slug: slugOf(values.title) } : {})
		});
		if (imageId !== before.imageId && before.imageId)
			await deletePhoto(tx, { municipalityId, id: before.imageId });
		if (Object.keys(changes).length > 0)
			record.audit({ actionId: before.id, change: 'edited', details: { changes } });
		if (statusChanged)
			record.audit({
				actionId: before.id,
				change: 'status_changed',
				details: { before: before.status, after: values.status }
			});
		if (themesChanged) {
			const set = await setActionThemes(tx, {
				municipalityId,
				actionId: before.id,
				themeIds: values.themeIds
			});
			const name = (id: string) => themes.find((t) => t.id === id)?.name ?? id;
			record.audit({
				actionId: before.id,
				change: 'themes_changed',
				details: { before: currentThemeIds.map(name), after: set.map(name) }
			});
		}
		record.event({
			municipalityId,
			type: 'action.updated',
			subjectId: before.id,
			actorId: scope.actor.userId,
			payload: {
				fields: [
					...Object.keys(changes),
					...(statusChanged ? ['status'] : []),
					...(themesChanged ? ['themes'] : [])
				]
			}
		});
		return { changed: true };
	}
});

type ActionRecorder = Recorder<ActionHistoryEntry>;

async function publish(
	tx: Db,
	scope: BackofficeScope,
	row: { id: number; archivedAt: Date | null },
	record: ActionRecorder,
	details: Record<string, unknown> = {}
) {
	const municipalityId = scope.municipality.id;
	if (row.archivedAt) await unarchiveAction(tx, { municipalityId, id: row.id });
	await publishActionRow(tx, { municipalityId, id: row.id });
	record.audit({
		actionId: row.id,
		change: 'published',
		details: { ...details, ...(row.archivedAt ? { unarchived: true } : {}) }
	});
	record.event({ municipalityId, type: 'action.published', subjectId: row.id, actorId: scope.actor.userId });
}

async function unpublish(
	tx: Db,
	scope: BackofficeScope,
	id: number,
	record: ActionRecorder,
	details: Record<string, unknown> = {}
) {
	const municipalityId = scope.municipality.id;
	await unpublishActionRow(tx, { municipalityId, id });
	record.audit({ actionId: id, change: 'unpublished', details });
	record.event({ municipalityId, type: 'action.unpublished', subjectId: id, actorId: scope.actor.userId });
}

async function archive(
	tx: Db,
	scope: BackofficeScope,
	id: number,
	record: ActionRecorder,
	details: Record<string, unknown> = {}
) {
	const municipalityId = scope.municipality.id;
	await archiveActionRow(tx, { municipalityId, id });
	record.audit({ actionId: id, change: 'archived', details });
	record.event({ municipalityId, type: 'action.archived', subjectId: id, actorId: scope.actor.userId });
}

/**
 * A change of one action's state after confirmation: the action of this municipality, the confirmation
 * checked, then the action read again in the transaction and changed only when it is not so already.
 */
function confirmedChange(
	change: (tx: Db, scope: BackofficeScope, row: ActionRow, record: ActionRecorder) => Promise<void>
) {
	return command({
		load: (ctx, scope, input: { unverifiedActionId: unknown } & RawInput<typeof confirmSchema>) =>
			findAction(ctx.db, scope.municipality.id, input.unverifiedActionId),
		schema: confirmSchema,
		execute: async (tx, { scope, input, record }): Promise<void> => {
			const row = await findAction(tx, scope.municipality.id, input.unverifiedActionId);
			await change(tx, scope, row, record);
		}
	});
}

/** Publishes a draft, or brings an archived action back as published. Nothing happens when it already is. */
export const publishAction = confirmedChange(async (tx, scope, row, record) => {
	if (actionState(row) !== 'published') await publish(tx, scope, row, record);
});

/** Takes an action off the website: it becomes a draft again. */
export const unpublishAction = confirmedChange(async (tx, scope, row, record) => {
	if (row.publishedAt) await unpublish(tx, scope, row.id, record);
});

/** Archives an action: kept with its history, gone from the public lists. */
export const archiveAction = confirmedChange(async (tx, scope, row, record) => {
	if (!row.archivedAt) await archive(tx, scope, row.id, record);
});

/** An action's photo for the back office (the public pages serve their own). */
export const getActionImage = read({
	load: async (
		ctx,
		scope,
		input: { unverifiedActionId: unknown }
	): Promise<{ contentType: string; bytes: Buffer; createdAt: Date }> => {
		const row = await findAction(ctx.db, scope.municipality.id, input.unverifiedActionId);
		if (!row.imageId || !isUuid(row.imageId)) throw new AppError('not_found');
		const photo = await getPhoto(ctx.db, { municipalityId: scope.municipality.id, id: row.imageId });
		if (!photo) throw new AppError('not_found');
		return photo;
	}
});

export interface ActionHistoryPage {
	action: { id: number; title: string };
	entries: HistoryEntryView[];
}

export const getActionHistory = read({
	load: async (ctx, scope, input: { unverifiedActionId: unknown }): Promise<ActionHistoryPage> => {
		const row = await findAction(ctx.db, scope.municipality.id, input.unverifiedActionId);
		const rows = await listHistory(ctx.db, {
			municipalityId: scope.municipality.id,
			actionId: row.id,
			limit: HISTORY_LIMIT
		});
		return {
			action: { id: row.id, title: row.title },
			entries: rows.map((r) => presentHistoryEntry(ctx.locale, r))
		};
	}
});

// Use cases of the back office for updates (news on an action): write, change, publish and unpublish. Each is a
// command (actions.admin.access.ts): it authorizes first, then records the change in the action's history in
// the same transaction; publishing also writes the `action.update_published` event there.
import { AppError } from '$lib/server/platform/errors';
import type { Db } from '$lib/server/db/client';
import type { Recorder } from '$lib/server/platform/command';
import { insertUpdate } from './actions.queries';
import { getUpdate, updateUpdate } from './actions.admin.queries';
import { updateSchema } from './actions.admin.schemas';
import { presentUpdate } from './actions.admin.present';
import type { ActionHistoryEntry } from './actions.history';
import { command, findAction } from './actions.admin.access';
import type { BackofficeScope } from '$lib/server/platform/backoffice';
import { parseId } from '$lib/domain/ids';
import { writeDomainEvent } from '$lib/server/platform/events';
import { writeActionHistory } from './actions.history';
import { canManageActions } from './actions.policy';
import type { RawInput } from '$lib/server/platform/validation';

type UpdateTarget = { unverifiedActionId: unknown; unverifiedUpdateId: unknown };

async function findUpdate(db: Db, municipalityId: string, actionId: number, unverifiedId: unknown) {
	const id = parseId(unverifiedId);
	const row = id === null ? undefined : await getUpdate(db, { municipalityId, actionId, id });
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * The moment an update goes public: the history row and the `action.update_published` event in the
 * transaction of the change, so the notifications job mails followers exactly when it is really public.
 */
function recordUpdatePublished(
	record: Recorder<ActionHistoryEntry>,
	scope: BackofficeScope,
	update: { id: number; actionId: number; title: string }
) {
	record.audit({
		actionId: update.actionId,
		change: 'update_published',
		details: { updateId: update.id, title: update.title }
	});
	record.event({
		municipalityId: scope.municipality.id,
		type: 'action.update_published',
		subjectKind: 'action_update',
		subjectId: update.id,
		actorId: scope.actor.userId,
		payload: { actionId: update.actionId, updateId: update.id }
	});
}

/** The action in the URL, of this municipality. */
const loadAction = (db: Db, scope: BackofficeScope, input: { unverifiedActionId: unknown }) =>
	findAction(db, scope.municipality.id, input.unverifiedActionId);

export const getUpdateForBackoffice = command({
	load: async (ctx, scope, input: UpdateTarget) => {
		const action = await loadAction(ctx.db, scope, input);
		const row = await findUpdate(ctx.db, scope.municipality.id, action.id, input.unverifiedUpdateId);
		return { action: { id: action.id, title: action.title }, update: presentUpdate(row) };
	}
});

/** Writes an update as a draft, or publishes it at once when asked. */
export const writeUpdate = command({
	load: (ctx, scope, input: { unverifiedActionId: unknown } & RawInput<typeof updateSchema>) =>
		loadAction(ctx.db, scope, input),
	schema: updateSchema,
	execute: async (tx, { scope, input, values, record }): Promise<{ id: number; published: boolean }> => {
		const action = await loadAction(tx, scope, input);
		const row = await insertUpdate(tx, {
			municipalityId: scope.municipality.id,
			actionId: action.id,
			title: values.title,
			body: values.body,
			authorId: scope.actor.userId,
			authorName: scope.actor.displayName,
			publishedAt: values.publish ? new Date() : null
		});
		if (!row) throw new AppError('not_found');
		record.audit({
			actionId: action.id,
			change: 'update_added',
			details: { updateId: row.id, title: row.title }
		});
		if (values.publish)
			recordUpdatePublished(record, scope, { id: row.id, actionId: action.id, title: row.title });
		return { id: row.id, published: values.publish };
	}
});

export const changeUpdate = command({
	load: async (ctx, scope, input: UpdateTarget & RawInput<typeof updateSchema>) => {
		const action = await loadAction(ctx.db, scope, input);
		await findUpdate(ctx.db, scope.municipality.id, action.id, input.unverifiedUpdateId);
		return action;
	},
	schema: updateSchema,
	execute: async (tx, { scope, input, loaded: action, values, record }): Promise<{ changed: boolean }> => {
		const municipalityId = scope.municipality.id;
		const before = await findUpdate(tx, municipalityId, action.id, input.unverifiedUpdateId);
		const changes: Record<string, { before: unknown; after: unknown }> = {};
		if (before.title !== values.title) changes.title = { before: before.title, after: values.title };
		if (before.body !== values.body) changes.body = { before: before.body, after: values.body };
		if (Object.keys(changes).length === 0) return { changed: false };
		await updateUpdate(tx, {
			municipalityId,
			id: before.id,
			values: { title: values.title, body: values.body }
		});
		record.audit({
			actionId: action.id,
			change: 'update_edited',
			details: { updateId: before.id, title: values.title, changes }
		});
		return { changed: true };
	}
});

export const publishUpdate = command({
	load: (ctx, scope, input: UpdateTarget) => loadAction(ctx.db, scope, input),
	execute: async (tx, { scope, input, loaded: action, record }): Promise<void> => {
		const municipalityId = scope.municipality.id;
		const row = await findUpdate(tx, municipalityId, action.id, input.unverifiedUpdateId);
		if (row.publishedAt) return;
		await updateUpdate(tx, { municipalityId, id: row.id, values: { publishedAt: new Date() } });
		recordUpdatePublished(record, scope, row);
	}
});

export const unpublishUpdate = command({
	load: (ctx, scope, input: UpdateTarget) => loadAction(ctx.db, scope, input),
	execute: async (tx, { scope, input, loaded: action, record }): Promise<void> => {
		const municipalityId = scope.municipality.id;
		const row = await findUpdate(tx, municipalityId, action.id, input.unverifiedUpdateId);
		if (!row.publishedAt) return;
		await updateUpdate(tx, { municipalityId, id: row.id, values: { publishedAt: null } });
		record.audit({
			actionId: action.id,
			change: 'update_unpublished',
			details: { updateId: row.id, title: row.title }
		});
	}
});

/** Refuses a scope whose person may not manage actions here (the actions' rule, asked where it lives). */
function requireManager(scope: BackofficeScope): void {
	const target = { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
	if (!canManageActions(scope.actor, target))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
}

/**
 * Publishes an update of an action inside another feature's transaction (a neighbourhood story published as
 * news): the update, its rows in the action's history and the `action.update_published` event are written in
 * `tx`, exactly as writeUpdate with "publish" writes them, so the action's followers hear of it as of any update.
 * An action of another municipality is not found.
 */
export async function publishUpdateInTransaction(
	tx: Db,
	scope: BackofficeScope,
	input: { actionId: number; title: string; body: string }
): Promise<{ id: number }> {
	requireManager(scope);
	const action = await findAction(tx, scope.municipality.id, input.actionId);
	const row = await insertUpdate(tx, {
		municipalityId: scope.municipality.id,
		actionId: action.id,
		title: input.title,
		body: input.body,
		authorId: scope.actor.userId,
		authorName: scope.actor.displayName,
		publishedAt: new Date()
	});
	if (!row) throw new AppError('not_found');
	const entries: ActionHistoryEntry[] = [];
	const events: Parameters<typeof writeDomainEvent>[1][] = [];
	recordUpdatePublished(
		{ audit: (entry) => void entries.push(entry), event: (event) => void events.push(event) },
		scope,
		{ id: row.id, actionId: action.id, title: row.title }
	);
	await writeActionHistory(tx, scope, [
		{ actionId: action.id, change: 'update_added', details: { updateId: row.id, title: row.title } },
		...entries
	]);
	for (const event of events) await writeDomainEvent(tx, event);
	return { id: row.id };
}

/**
 * Takes an update offline inside another feature's transaction (a story taken offline), with its history row,
 * as unpublishUpdate does. Nothing happens when it is offline already or gone.
 */
export async function unpublishUpdateInTransaction(
	tx: Db,
	scope: BackofficeScope,
	input: { actionId: number; updateId: number }
): Promise<void> {
	requireManager(scope);
	const municipalityId = scope.municipality.id;
	const row = await getUpdate(tx, { municipalityId, actionId: input.actionId, id: input.updateId });
	if (!row?.publishedAt) return;
	await updateUpdate(tx, { municipalityId, id: row.id, values: { publishedAt: null } });
	await writeActionHistory(tx, scope, [
		{
			actionId: input.actionId,
			change: 'update_unpublished',
			details: { updateId: row.id, title: row.title }
		}
	]);
}

// Use cases of the back office for updates (news on an action): write, change, publish and unpublish. Each
// authorizes first, then records the change in the action's history in the same transaction; publishing also
// writes the `action.update_published` event there.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import type { Db } from '$lib/server/db/client';
import { writeDomainEvent } from '$lib/server/platform/events';
import { insertHistory, insertUpdate } from './actions.queries';
import { getUpdate, updateUpdate } from './actions.admin.queries';
import { updateSchema, validateActionInput } from './actions.admin.schemas';
import { presentUpdate, type UpdateView } from './actions.admin.present';

import { authorizeActions, findAction, who } from './actions.admin.access';
import type { BackofficeScope } from '$lib/server/platform/backoffice';
import { parseId } from '$lib/domain/ids';
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
async function recordUpdatePublished(
	tx: Db,
	scope: BackofficeScope,
	update: { id: number; actionId: number; title: string }
) {
	const municipalityId = scope.municipality.id;
	await insertHistory(tx, {
		municipalityId,
		actionId: update.actionId,
		...who(scope),
		change: 'update_published',
		details: { updateId: update.id, title: update.title }
	});
	await writeDomainEvent(tx, {
		municipalityId,
		type: 'action.update_published',
		subjectKind: 'action_update',
		subjectId: update.id,
		actorId: scope.actor.userId,
		payload: { actionId: update.actionId, updateId: update.id }
	});
}

export async function getUpdateForBackoffice(
	ctx: Ctx,
	input: UpdateTarget
): Promise<{ action: { id: number; title: string }; update: UpdateView }> {
	const scope = await authorizeActions(ctx, 'manage');
	const action = await findAction(ctx.db, scope.municipality.id, input.unverifiedActionId);
	const row = await findUpdate(ctx.db, scope.municipality.id, action.id, input.unverifiedUpdateId);
	return { action: { id: action.id, title: action.title }, update: presentUpdate(row) };
}

/** Writes an update as a draft, or publishes it at once when asked. */
export async function writeUpdate(
	ctx: Ctx,
	input: { unverifiedActionId: unknown } & RawInput<typeof updateSchema>
): Promise<{ id: number; published: boolean }> {
	const scope = await authorizeActions(ctx, 'manage');
	const municipalityId = scope.municipality.id;
	await findAction(ctx.db, municipalityId, input.unverifiedActionId);
	const values = validateActionInput(updateSchema, input);
	return ctx.db.transaction(async (tx) => {
		const action = await findAction(tx, municipalityId, input.unverifiedActionId);
		const row = await insertUpdate(tx, {
			municipalityId,
			actionId: action.id,
			title: values.title,
			body: values.body,
			authorId: scope.actor.userId,
			authorName: scope.actor.displayName,
			publishedAt: values.publish ? new Date() : null
		});
		if (!row) throw new AppError('not_found');
		await insertHistory(tx, {
			municipalityId,
			actionId: action.id,
			...who(scope),
			change: 'update_added',
			details: { updateId: row.id, title: row.title }
		});
		if (values.publish)
			await recordUpdatePublished(tx, scope, { id: row.id, actionId: action.id, title: row.title });
		return { id: row.id, published: values.publish };
	});
}

export async function changeUpdate(
	ctx: Ctx,
	input: UpdateTarget & RawInput<typeof updateSchema>
): Promise<{ changed: boolean }> {
	const scope = await authorizeActions(ctx, 'manage');
	const municipalityId = scope.municipality.id;
	const action = await findAction(ctx.db, municipalityId, input.unverifiedActionId);
	await findUpdate(ctx.db, municipalityId, action.id, input.unverifiedUpdateId);
	const values = validateActionInput(updateSchema, input);
	return ctx.db.transaction(async (tx) => {
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
		await insertHistory(tx, {
			municipalityId,
			actionId: action.id,
			...who(scope),
			change: 'update_edited',
			details: { updateId: before.id, title: values.title, changes }
		});
		return { changed: true };
	});
}

export async function publishUpdate(ctx: Ctx, input: UpdateTarget): Promise<void> {
	const scope = await authorizeActions(ctx, 'manage');
	const municipalityId = scope.municipality.id;
	const action = await findAction(ctx.db, municipalityId, input.unverifiedActionId);
	await ctx.db.transaction(async (tx) => {
		const row = await findUpdate(tx, municipalityId, action.id, input.unverifiedUpdateId);
		if (row.publishedAt) return;
		await updateUpdate(tx, { municipalityId, id: row.id, values: { publishedAt: new Date() } });
		await recordUpdatePublished(tx, scope, row);
	});
}

export async function unpublishUpdate(ctx: Ctx, input: UpdateTarget): Promise<void> {
	const scope = await authorizeActions(ctx, 'manage');
	const municipalityId = scope.municipality.id;
	const action = await findAction(ctx.db, municipalityId, input.unverifiedActionId);
	await ctx.db.transaction(async (tx) => {
		const row = await findUpdate(tx, municipalityId, action.id, input.unverifiedUpdateId);
		if (!row.publishedAt) return;
		await updateUpdate(tx, { municipalityId, id: row.id, values: { publishedAt: null } });
		await insertHistory(tx, {
			municipalityId,
			actionId: action.id,
			...who(scope),
			change: 'update_unpublished',
			details: { updateId: row.id, title: row.title }
		});
	});
}

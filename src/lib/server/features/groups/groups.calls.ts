// A group's own calls for suggestions on the map and its own events, on the actions it picked from its menu
// card (issue 19; the journey's solar-roofs example). Only the group's coordinator and the municipality's
// coaching staff (canRunGroupActions in groups.policy.ts) may, and only on the group's own actions: a member,
// a member of another group, a citizen and staff of another municipality are refused. A call is a real
// opportunity of kind mapSuggestions on the action (actions.groups.service.ts), open at once like the group's
// action itself; the suggestions it gets wait in the municipality's moderation queue like those of any map.
// An event is written by the events feature as a draft that the municipality's staff publish
// (events.groups.service.ts).
import { z } from 'zod';
import type { TenantCtx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { writeDomainEvent } from '$lib/server/platform/events';
import type { MessageKey } from '$lib/i18n';
import { parseId } from '$lib/domain/ids';
import { addGroupMapCallInTransaction } from '$lib/server/features/actions/actions.groups.service';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import { brusselsLocalToDate } from '$lib/server/features/opportunities/opportunities.schemas';
import {
	createGroupEventInTransaction,
	listEventsOfActions,
	validateGroupEvent,
	type GroupEventInput,
	type GroupEventView
} from '$lib/server/features/events/events.groups.service';
import { auditWorkspace, openWorkspace, type WorkspaceScope } from './groups.access';
import { canRunGroupActions } from './groups.policy';
import { listMenuItems } from './groups.queries';

const E = (k: string) => `groupsActions.errors.${k}` as MessageKey;

export const MAP_CALL_LIMITS = { titleMax: 200, howToMax: 5_000 } as const;

const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const when = text.transform((v, ctx) => {
	if (v === '') return null;
	const date = v.length <= 25 ? brusselsLocalToDate(v.replace(' ', 'T')) : null;
	if (!date) {
		ctx.addIssue({ code: 'custom', message: E('dateTime') });
		return z.NEVER;
	}
	return date;
});

const actionField = text.transform((v, ctx) => {
	const id = parseId(v);
	if (id === null) {
		ctx.addIssue({ code: 'custom', message: E('actionRequired') });
		return z.NEVER;
	}
	return id;
});

export const mapCallSchema = z
	.object({
		action: actionField,
		title: text.pipe(
			z
				.string()
				.min(1, { error: E('titleRequired') })
				.max(MAP_CALL_LIMITS.titleMax, { error: E('titleTooLong') })
		),
		howTo: text.pipe(z.string().max(MAP_CALL_LIMITS.howToMax, { error: E('howToTooLong') })),
		opensAt: when,
		closesAt: when
	})
	.superRefine((v, ctx) => {
		if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt)
			ctx.addIssue({ code: 'custom', path: ['closesAt'], message: E('closesBeforeOpens') });
	});

/** The workspace's door, then the coordinator's (or staff's) only: anyone else is refused in Dutch. */
async function openForCalls(ctx: TenantCtx, unverifiedId: unknown): Promise<WorkspaceScope> {
	const scope = await openWorkspace(ctx, unverifiedId);
	const target = { municipalityId: scope.group.municipalityId, regionId: scope.group.regionId };
	if (!canRunGroupActions(scope.actor, target, scope.membership)) {
		ctx.log.warn({ userId: scope.actor.userId, groupId: scope.group.id }, 'group calls refused');
		throw new AppError('forbidden', { message: 'groupsActions.errors.coordinatorOnly' });
	}
	return scope;
}

/** The actions the group picked (real actions of the municipality), by their action id. */
async function ownActions(ctx: TenantCtx, scope: WorkspaceScope) {
	const items = await listMenuItems(ctx.db, {
		municipalityId: scope.group.municipalityId,
		groupId: scope.group.id
	});
	return items.flatMap((m) => (m.actionId === null ? [] : [{ actionId: m.actionId, title: m.title }]));
}

export interface GroupCallsPage {
	group: { id: number; name: string };
	actions: { actionId: number; title: string }[];
	mapCalls: { id: number; actionId: number; title: string; path: string }[];
	events: GroupEventView[];
}

/** The group's actions with the calls and events it has on them, for its coordinator and staff. */
export async function getGroupCalls(
	ctx: TenantCtx,
	input: { unverifiedId: unknown }
): Promise<GroupCallsPage> {
	const scope = await openForCalls(ctx, input.unverifiedId);
	const actions = await ownActions(ctx, scope);
	const actionIds = actions.map((a) => a.actionId);
	const [opportunities, events] = await Promise.all([
		actionIds.length
			? listOpportunitiesOfActions(ctx, { municipalityIds: [scope.group.municipalityId], actionIds })
			: [],
		listEventsOfActions(ctx.db, {
			municipalityId: scope.group.municipalityId,
			municipalitySlug: scope.slug,
			actionIds
		})
	]);
	return {
		group: { id: scope.group.id, name: scope.group.name },
		actions,
		mapCalls: opportunities
			.filter((o) => o.kind === 'mapSuggestions')
			.map((o) => ({
				id: o.id,
				actionId: o.actionId,
				title: o.title,
				path: `/${scope.slug}/kansen/${o.id}`
			})),
		events
	};
}

const notOwnAction = () =>
	new AppError('validation', {
		fields: { action: [E('actionNotOwn')] },
		message: E('actionNotOwn')
	});

/**
 * Opens a call for suggestions on the map on one of the group's actions: a new opportunity of kind
 * mapSuggestions, in the action's history and the group's audit log, with `group.map_call_opened`.
 */
export async function openGroupMapCall(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof mapCallSchema> }
): Promise<{ opportunityId: number; path: string }> {
	const scope = await openForCalls(ctx, input.unverifiedId);
	const values = validateInput(mapCallSchema, input.values, { fallback: E('invalid') });
	const action = (await ownActions(ctx, scope)).find((a) => a.actionId === values.action);
	if (!action) throw notOwnAction();
	return ctx.db.transaction(async (tx) => {
		const row = await addGroupMapCallInTransaction(tx, {
			municipalityId: scope.group.municipalityId,
			actionId: action.actionId,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			title: values.title,
			howTo: values.howTo,
			opensAt: values.opensAt,
			closesAt: values.closesAt,
			groupName: scope.group.name
		});
		await auditWorkspace(tx, scope, 'group.map_call_opened', {
			actionId: action.actionId,
			opportunityId: row.id,
			title: values.title
		});
		await writeDomainEvent(tx, {
			type: 'group.map_call_opened',
			municipalityId: scope.group.municipalityId,
			subjectId: scope.group.id,
			actorId: scope.actor.userId,
			payload: { actionId: action.actionId, opportunityId: row.id }
		});
		return { opportunityId: row.id, path: `/${scope.slug}/kansen/${row.id}` };
	});
}

/**
 * The group's own event on one of its actions, as a draft the municipality publishes (events.groups.service.ts).
 * Every field is judged at once: the action beside its list, the event's fields with the events' own checks.
 */
export async function createGroupEvent(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: GroupEventInput & { action?: unknown } }
): Promise<{ eventId: number }> {
	const scope = await openForCalls(ctx, input.unverifiedId);
	const fields: FieldErrors = {};
	const actionId = parseId(input.values.action);
	const action =
		actionId === null ? undefined : (await ownActions(ctx, scope)).find((a) => a.actionId === actionId);
	if (!action) fields.action = [actionId === null ? E('actionRequired') : E('actionNotOwn')];
	let values: ReturnType<typeof validateGroupEvent> | null = null;
	try {
		const { action: _action, ...event } = input.values;
		values = validateGroupEvent(event);
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		Object.assign(fields, err.options.fields ?? {});
	}
	if (!values || !action || Object.keys(fields).length > 0)
		throw new AppError('validation', { fields, message: E('formSummary') });
	const checked = values;
	return ctx.db.transaction(async (tx) => {
		const row = await createGroupEventInTransaction(tx, {
			municipalityId: scope.group.municipalityId,
			regionId: scope.group.regionId,
			actionId: action.actionId,
			groupId: scope.group.id,
			groupName: scope.group.name,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			locale: ctx.locale,
			values: checked
		});
		await auditWorkspace(tx, scope, 'group.event_proposed', {
			actionId: action.actionId,
			eventId: row.id,
			title: checked.title
		});
		return { eventId: row.id };
	});
}

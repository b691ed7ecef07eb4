// What every use case of citizen groups starts from: the back office's staff bound into the command helper
// with the audit log, the group of this municipality by its unverified id, and the workspace's door (its
// accepted members and the municipality's coaching staff; a member of another group, a citizen and staff of
// another municipality are refused).
import type { Db } from '$lib/server/db/client';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import { writeAudit, type AuditAction } from '$lib/server/platform/audit';
import {
	authorizeMunicipality,
	writeScopedAudit,
	type BackofficeScope
} from '$lib/server/platform/backoffice';
import type { Actor } from '$lib/server/platform/policy';
import { parseId } from '$lib/domain/ids';
import { canManageGroups, canOpenWorkspace, canSteerGroup } from './groups.policy';
import { getGroup, getMembership, type GroupRow, type MemberRow } from './groups.queries';
import { groupFieldOf } from './groups.schemas';

/** Refuses everyone who may not manage groups here, before anything of the municipality is read. */
export async function authorizeGroups(ctx: Ctx): Promise<BackofficeScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const target = { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
	if (!canManageGroups(scope.actor, target)) {
		ctx.log.warn({ userId: scope.actor.userId, municipalityId: scope.municipality.id }, 'groups refused');
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return scope;
}

export interface GroupAudit {
	action: AuditAction;
	details: { groupId: number; name: string } & Record<string, unknown>;
}

export const { command } = commands<Ctx, BackofficeScope, GroupAudit>({
	authorize: authorizeGroups,
	writeAudit: writeScopedAudit,
	fallback: 'groups.errors.invalid',
	fieldOf: groupFieldOf
});

/** The group of this municipality by an id from the address; anything else is not found. */
export async function findGroup(
	db: Db,
	municipalityId: string,
	unverifiedId: unknown,
	forUpdate = false
): Promise<GroupRow> {
	const id = typeof unverifiedId === 'number' ? unverifiedId : parseId(unverifiedId);
	const row = id === null ? undefined : await getGroup(db, { municipalityId, id, forUpdate });
	if (!row) throw new AppError('not_found');
	return row;
}

/** The group as the public sees it: a draft call is not found. */
export async function findPublicGroup(
	db: Db,
	municipalityId: string,
	unverifiedId: unknown
): Promise<GroupRow> {
	const row = await findGroup(db, municipalityId, unverifiedId);
	if (row.status === 'draft') throw new AppError('not_found');
	return row;
}

export interface WorkspaceScope {
	actor: Actor;
	group: GroupRow;
	slug: string;
	membership: MemberRow | undefined;
	/** Coaching staff of the municipality (canManageGroups). */
	isStaff: boolean;
	/** The coordinator, or staff: invites and hands over roles. */
	canSteer: boolean;
}

/**
 * The workspace's door: a visitor logs in first; a group of another municipality or a draft is not found;
 * who is neither an accepted member of this group nor coaching staff here is refused, with a Dutch message.
 */
export async function openWorkspace(ctx: TenantCtx, unverifiedGroupId: unknown): Promise<WorkspaceScope> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	const group = await findGroup(ctx.db, ctx.tenant.id, unverifiedGroupId);
	const target = { municipalityId: group.municipalityId, regionId: group.regionId };
	const isStaff = canManageGroups(actor, target);
	if (group.status === 'draft' && !isStaff) throw new AppError('not_found');
	const membership = await getMembership(ctx.db, {
		municipalityId: group.municipalityId,
		groupId: group.id,
		userId: actor.userId
	});
	if (!canOpenWorkspace(actor, target, membership)) {
		ctx.log.warn({ userId: actor.userId, groupId: group.id }, 'group workspace refused');
		throw new AppError('forbidden', { message: 'groups.errors.notMember' });
	}
	return {
		actor,
		group,
		slug: ctx.tenant.slug,
		membership: membership?.status === 'accepted' ? membership : undefined,
		isStaff,
		canSteer: canSteerGroup(actor, target, membership)
	};
}

/** An audit row of a change made in the workspace (by a member or staff), in the change's transaction. */
export async function auditWorkspace(
	tx: Db,
	scope: WorkspaceScope,
	action: AuditAction,
	details: Record<string, unknown> = {}
): Promise<void> {
	await writeAudit(tx, {
		regionId: scope.group.regionId,
		municipalityId: scope.group.municipalityId,
		actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
		action,
		details: { groupId: scope.group.id, name: scope.group.name, ...details }
	});
}

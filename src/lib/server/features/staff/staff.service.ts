// Use cases of a municipality's back office: its home, the staff and their roles, invitations, the audit log.
import type { Ctx } from '$lib/server/platform/context';
import type { AttentionItem, AttentionScope } from '$lib/server/platform/feature';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit } from '$lib/server/platform/audit';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import { getUserByVerifiedEmail } from '$lib/server/features/accounts/accounts.service';
import {
	countAdmins,
	deleteMemberships,
	getMembershipsByIds,
	getPendingInvitation,
	getPendingInvitationsByIds,
	getStaffNameOfUser,
	insertInvitation,
	insertMembership,
	listAuditEntries,
	listAuditFacets,
	listOpenInvitationsForEmail,
	listMembershipsOfUser,
	listPendingInvitations,
	listStaff,
	lockMunicipality,
	markInvitationAccepted,
	revokeInvitations,
	setMembershipDepartment
} from './staff.queries';
import {
	AUDIT_PAGE_SIZE,
	auditFiltersSchema,
	changeRolesSchema,
	inviteStaffSchema,
	removeStaffSchema,
	staffFiltersSchema,
	type AuditFilters,
	type StaffFilters
} from './staff.schemas';
import {
	auditActionLabel,
	presentAbilities,
	presentAuditEntry,
	presentInvitation,
	presentStaffMember,
	sortRoles,
	roleLabel,
	type AbilityFlags,
	type AuditEntryView,
	type InvitationView,
	type RemovalItem,
	type StaffMemberView
} from './staff.present';
import {
	grantableRoles,
	municipalityAbilities,
	regionRoleReaches,
	type MunicipalityAbility,
	type MunicipalityRole
} from '$lib/server/platform/policy';
import { abilitiesHere, authorizeMunicipality } from '$lib/server/platform/backoffice';
import { isUuid } from '$lib/domain/ids';
import { validateInput, type RawInput } from '$lib/server/platform/validation';

// The region's pages name the staff member behind a user.
export { getStaffNameOfUser } from './staff.queries';

/**
 * Grants the staff roles waiting for a verified address, and records each in the audit log. Accounts calls it
 * at login and profile when a person verifies an address, in their transaction (`db` is that transaction).
 */
export async function acceptStaffInvitations(
	db: Db,
	user: { id: string; displayName: string },
	email: string
): Promise<void> {
	for (const invitation of await listOpenInvitationsForEmail(db, { email })) {
		await insertMembership(db, {
			municipalityId: invitation.municipalityId,
			userId: user.id,
			role: invitation.role,
			department: invitation.department,
			createdBy: invitation.invitedBy
		});
		await markInvitationAccepted(db, { municipalityId: invitation.municipalityId, id: invitation.id });
		await writeAudit(db, {
			regionId: invitation.regionId,
			municipalityId: invitation.municipalityId,
			actor: { userId: user.id, displayName: user.displayName },
			action: 'staff.invitation_accepted',
			subject: { id: user.id, name: user.displayName },
			details: {
				role: invitation.role,
				...(invitation.department ? { department: invitation.department } : {})
			}
		});
	}
}

const STAFF_LIST_LIMIT = 500;
/** Each invitation mails someone: enough for onboarding a whole team, too few to use the platform for spam. */
export const INVITATIONS_PER_HOUR = 50;

/** The yes/no abilities for the back-office menu; null for visitors. Never refuses: each page does that. */
export interface BackofficeNav {
	abilities: AbilityFlags;
	/** How many things wait for this person here (moderation), for the count in the menu. */
	waiting: number;
}

export async function getBackofficeNav(ctx: Ctx): Promise<BackofficeNav | null> {
	const abilities = await abilitiesHere(ctx);
	if (!abilities) return null;
	let waiting = 0;
	if (abilities.has('backoffice.view') && ctx.tenant) {
		const scope = attentionScope(ctx.tenant, abilities);
		for (const f of ctx.features)
			if (f.attention?.waiting) waiting += await f.attention.waiting(ctx.db, scope);
	}
	return { abilities: presentAbilities(abilities), waiting };
}

function attentionScope(
	municipality: { id: string; slug: string },
	abilities: ReadonlySet<MunicipalityAbility>
): AttentionScope {
	return { municipalityId: municipality.id, slug: municipality.slug, abilities, now: new Date() };
}

export interface BackofficeHome {
	municipalityName: string;
	abilities: AbilityFlags;
	/** The person's own roles here and in the region, as Dutch labels. */
	roles: string[];
	/** What needs the person's attention now, from every feature's attention part, in registry order. */
	attention: AttentionItem[];
}

export async function getBackofficeHome(ctx: Ctx): Promise<BackofficeHome> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'backoffice.view');
	const abilities = municipalityAbilities(actor, {
		municipalityId: municipality.id,
		regionId: municipality.regionId
	});
	const roles = [
		...sortRoles(actor.memberships.filter((m) => m.municipalityId === municipality.id)).map((m) =>
			roleLabel(ctx.locale, m.role)
		),
		...actor.regionRoles
			.filter((r) =>
				regionRoleReaches(r, { municipalityId: municipality.id, regionId: municipality.regionId })
			)
			.map((r) => roleLabel(ctx.locale, r.role))
	];
	const scope = attentionScope(municipality, abilities);
	const attention: AttentionItem[] = [];
	for (const f of ctx.features) if (f.attention) attention.push(...(await f.attention.items(ctx.db, scope)));
	return { municipalityName: municipality.name, abilities: presentAbilities(abilities), roles, attention };
}

export interface StaffOverview {
	filters: StaffFilters;
	members: StaffMemberView[];
	invitations: InvitationView[];
	grantableRoles: MunicipalityRole[];
	/** True when the list was cut at its limit; the search narrows it. */
	truncated: boolean;
}

export async function listStaffMembers(
	ctx: Ctx,
	input: RawInput<typeof staffFiltersSchema>
): Promise<StaffOverview> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'staff.manage');
	const filters = staffFiltersSchema.parse(input);
	const [rows, invitations] = await Promise.all([
		listStaff(ctx.db, { municipalityId: municipality.id, ...filters, limit: STAFF_LIST_LIMIT + 1 }),
		listPendingInvitations(ctx.db, { municipalityId: municipality.id, q: filters.q, role: filters.role })
	]);
	return {
		filters,
		members: rows.slice(0, STAFF_LIST_LIMIT).map((row) => presentStaffMember(row, actor.userId)),
		invitations: invitations.map(presentInvitation),
		grantableRoles: grantableRoles(actor, {
			municipalityId: municipality.id,
			regionId: municipality.regionId
		}),
		truncated: rows.length > STAFF_LIST_LIMIT
	};
}

export type InviteOutcome = 'granted' | 'invited';

/**
 * Gives a role to an address: at once when a person with that verified address exists, otherwise as an
 * invitation that is granted when that address logs in. Either way the person gets a mail.
 */
export async function inviteStaff(
	ctx: Ctx,
	input: RawInput<typeof inviteStaffSchema> & { origin: string }
): Promise<InviteOutcome> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'staff.manage');
	const { email, role, department } = validateInput(inviteStaffSchema, input);
	const departmentDetail = department ? { department } : {};
	const target = { municipalityId: municipality.id, regionId: municipality.regionId };
	if (!grantableRoles(actor, target).includes(role))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	await enforceRateLimits(ctx.db, [
		{ key: `staff-invite:${actor.userId}`, limit: INVITATIONS_PER_HOUR, windowSeconds: 3600 }
	]);
	const who = { userId: actor.userId, displayName: actor.displayName };

	const outcome = await ctx.db.transaction(async (tx) => {
		await lockMunicipality(tx, { municipalityId: municipality.id });
		const user = await getUserByVerifiedEmail(tx, { email });
		if (user) {
			if (user.lockedAt)
				throw new AppError('conflict', { fields: { email: ['backoffice.staff.accountLocked'] } });
			const inserted = await insertMembership(tx, {
				municipalityId: municipality.id,
				userId: user.id,
				role,
				department,
				createdBy: actor.userId
			});
			if (!inserted)
				throw new AppError('conflict', { fields: { email: ['backoffice.staff.alreadyHasRole'] } });
			const name = (await getStaffNameOfUser(tx, { userId: user.id })) ?? user.displayName;
			await writeAudit(tx, {
				regionId: municipality.regionId,
				municipalityId: municipality.id,
				actor: who,
				action: 'staff.role_granted',
				subject: { id: user.id, name },
				details: { role, ...departmentDetail }
			});
			return 'granted' as const;
		}
		if (await getPendingInvitation(tx, { municipalityId: municipality.id, email, role }))
			throw new AppError('conflict', { fields: { email: ['backoffice.staff.alreadyInvited'] } });
		const invitation = await insertInvitation(tx, {
			municipalityId: municipality.id,
			email,
			role,
			department,
			invitedBy: actor.userId
		});
		await writeAudit(tx, {
			regionId: municipality.regionId,
			municipalityId: municipality.id,
			actor: who,
			action: 'staff.invited',
			subject: { id: invitation.id, name: email },
			details: { email, role, ...departmentDetail }
		});
		return 'invited' as const;
	});

	// Mail after the commit: a rolled-back change must not have told anyone.
	const params = {
		municipality: municipality.name,
		role: department
			? translate(ctx.locale, 'backoffice.staff.departmentOf', {
					role: roleLabel(ctx.locale, role),
					department
				})
			: roleLabel(ctx.locale, role),
		inviter: actor.displayName,
		email,
		loginUrl: `${input.origin}/aanmelden`,
		backofficeUrl: `${input.origin}/${municipality.slug}/beheer`
	};
	await ctx.queueMail({
		to: email,
		subject: translate(ctx.locale, `backoffice.staff.mail.${outcome}.subject`, params),
		text: translate(ctx.locale, `backoffice.staff.mail.${outcome}.body`, params),
		reference: `staff.${outcome}:${municipality.id}:${email}:${role}`
	});
	return outcome;
}

export interface StaffMemberDetail {
	member: StaffMemberView;
	grantableRoles: MunicipalityRole[];
}

async function loadMember(ctx: Ctx, municipalityId: string, unverifiedUserId: unknown, selfId: string) {
	if (!isUuid(unverifiedUserId)) throw new AppError('not_found');
	const rows = await listMembershipsOfUser(ctx.db, { municipalityId, userId: unverifiedUserId });
	const first = rows[0];
	if (!first) throw new AppError('not_found');
	return presentStaffMember(
		{
			userId: first.userId,
			name: first.name,
			email: first.email,
			since: new Date(Math.min(...rows.map((r) => r.createdAt.getTime()))),
			roles: rows.map((r) => ({ id: r.id, role: r.role, department: r.department }))
		},
		selfId
	);
}

export async function getStaffMember(
	ctx: Ctx,
	input: { unverifiedUserId: unknown }
): Promise<StaffMemberDetail> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'staff.manage');
	const member = await loadMember(ctx, municipality.id, input.unverifiedUserId, actor.userId);
	return {
		member,
		grantableRoles: grantableRoles(actor, {
			municipalityId: municipality.id,
			regionId: municipality.regionId
		})
	};
}

function lastAdminError(removingSelf: boolean) {
	return new AppError('conflict', {
		message: removingSelf ? 'backoffice.staff.lastAdminSelf' : 'backoffice.staff.lastAdmin'
	});
}

/**
 * Sets a person's roles here to exactly the chosen ones (at least one), and a colleague's department; the last
 * admin stays.
 */
export async function changeStaffRoles(
	ctx: Ctx,
	input: { unverifiedUserId: unknown } & RawInput<typeof changeRolesSchema>
): Promise<{ added: MunicipalityRole[]; removed: MunicipalityRole[] }> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'staff.manage');
	const { roles, department } = validateInput(changeRolesSchema, input);
	const allowed = grantableRoles(actor, { municipalityId: municipality.id, regionId: municipality.regionId });
	if (roles.some((r) => !allowed.includes(r)))
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });

	return ctx.db.transaction(async (tx) => {
		await lockMunicipality(tx, { municipalityId: municipality.id });
		const member = await loadMember(
			{ ...ctx, db: tx },
			municipality.id,
			input.unverifiedUserId,
			actor.userId
		);
		const current = member.roles.map((r) => r.role);
		const added = roles.filter((r) => !current.includes(r));
		const removedRoles = member.roles.filter((r) => !roles.includes(r.role));
		for (const role of added) {
			await insertMembership(tx, {
				municipalityId: municipality.id,
				userId: member.userId,
				role,
				department: role === 'colleague' ? department : null,
				createdBy: actor.userId
			});
		}
		// A colleague who stays one may move to another department.
		const keptColleague = member.roles.find((r) => r.role === 'colleague' && roles.includes('colleague'));
		const departmentChanged = Boolean(keptColleague && department && keptColleague.department !== department);
		if (keptColleague && department && departmentChanged)
			await setMembershipDepartment(tx, {
				municipalityId: municipality.id,
				id: keptColleague.membershipId,
				department
			});
		await deleteMemberships(tx, {
			municipalityId: municipality.id,
			ids: removedRoles.map((r) => r.membershipId)
		});
		const removed = removedRoles.map((r) => r.role);
		if (removed.includes('admin') && (await countAdmins(tx, { municipalityId: municipality.id })) === 0)
			throw lastAdminError(member.isSelf);
		if (added.length || removed.length || departmentChanged) {
			await writeAudit(tx, {
				regionId: municipality.regionId,
				municipalityId: municipality.id,
				actor: { userId: actor.userId, displayName: actor.displayName },
				action: 'staff.roles_changed',
				subject: { id: member.userId, name: member.name },
				details: {
					added,
					removed,
					...(added.includes('colleague') || departmentChanged ? { department } : {})
				}
			});
		}
		return { added, removed };
	});
}

export interface RemovalPreview {
	items: RemovalItem[];
}

async function findRemovalItems(
	ctx: Ctx,
	municipalityId: string,
	selfId: string,
	input: { membershipIds: string[]; invitationIds: string[] }
): Promise<RemovalItem[]> {
	// A malformed id, or one of another municipality, is simply not found: nothing is changed.
	if (![...input.membershipIds, ...input.invitationIds].every(isUuid)) throw new AppError('not_found');
	const membershipIds = [...new Set(input.membershipIds)];
	const invitationIds = [...new Set(input.invitationIds)];
	const [roles, invitations] = await Promise.all([
		getMembershipsByIds(ctx.db, { municipalityId, ids: membershipIds }),
		getPendingInvitationsByIds(ctx.db, { municipalityId, ids: invitationIds })
	]);
	if (roles.length !== membershipIds.length || invitations.length !== invitationIds.length)
		throw new AppError('not_found');
	return [
		...roles.map((r) => ({
			kind: 'role' as const,
			id: r.id,
			personId: r.userId,
			name: r.name,
			email: r.email,
			role: r.role,
			isSelf: r.userId === selfId
		})),
		...invitations.map((i) => ({
			kind: 'invitation' as const,
			id: i.id,
			personId: null,
			name: i.email,
			email: i.email,
			role: i.role,
			isSelf: false
		}))
	];
}

/** What a removal would take away, for the "are you sure?" page. Changes nothing. */
export async function previewStaffRemoval(
	ctx: Ctx,
	input: RawInput<typeof removeStaffSchema>
): Promise<RemovalPreview> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'staff.manage');
	const ids = validateInput(removeStaffSchema, input);
	return { items: await findRemovalItems(ctx, municipality.id, actor.userId, ids) };
}

/**
 * Removes the selected roles and revokes the selected invitations, all or nothing, one audit row each.
 * Refused when it would leave the municipality without an admin.
 */
export async function removeStaffAccess(
	ctx: Ctx,
	input: RawInput<typeof removeStaffSchema>
): Promise<{ removedRoles: number; revokedInvitations: number }> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'staff.manage');
	const ids = validateInput(removeStaffSchema, input);
	if (ids.membershipIds.length + ids.invitationIds.length === 0)
		throw new AppError('validation', { message: 'backoffice.staff.nothingSelected' });
	const who = { userId: actor.userId, displayName: actor.displayName };

	return ctx.db.transaction(async (tx) => {
		await lockMunicipality(tx, { municipalityId: municipality.id });
		const items = await findRemovalItems({ ...ctx, db: tx }, municipality.id, actor.userId, ids);
		const roles = items.filter((i) => i.kind === 'role');
		const invitations = items.filter((i) => i.kind === 'invitation');
		await deleteMemberships(tx, { municipalityId: municipality.id, ids: roles.map((r) => r.id) });
		await revokeInvitations(tx, { municipalityId: municipality.id, ids: invitations.map((i) => i.id) });
		const removedAdmins = roles.filter((r) => r.role === 'admin');
		if (removedAdmins.length && (await countAdmins(tx, { municipalityId: municipality.id })) === 0)
			throw lastAdminError(removedAdmins.some((r) => r.isSelf));
		for (const role of roles) {
			await writeAudit(tx, {
				regionId: municipality.regionId,
				municipalityId: municipality.id,
				actor: who,
				action: 'staff.role_removed',
				subject: role.personId ? { id: role.personId, name: role.name } : null,
				details: { role: role.role }
			});
		}
		for (const invitation of invitations) {
			await writeAudit(tx, {
				regionId: municipality.regionId,
				municipalityId: municipality.id,
				actor: who,
				action: 'staff.invitation_revoked',
				subject: { id: invitation.id, name: invitation.email ?? invitation.name },
				details: { email: invitation.email, role: invitation.role }
			});
		}
		return { removedRoles: roles.length, revokedInvitations: invitations.length };
	});
}

export interface AuditLogPage {
	filters: AuditFilters;
	entries: AuditEntryView[];
	total: number;
	page: number;
	pageCount: number;
	actors: { id: string; name: string }[];
	actions: { value: string; label: string }[];
}

/** The municipality's audit log, newest first, a page at a time. */
export async function getAuditLog(
	ctx: Ctx,
	input: RawInput<typeof auditFiltersSchema>
): Promise<AuditLogPage> {
	const { municipality } = await authorizeMunicipality(ctx, 'audit.view');
	const filters = auditFiltersSchema.parse(input);
	const [{ rows, total }, facets] = await Promise.all([
		listAuditEntries(ctx.db, {
			municipalityId: municipality.id,
			action: filters.action,
			actorId: filters.actor,
			from: filters.from,
			to: filters.to,
			limit: AUDIT_PAGE_SIZE,
			offset: (filters.page - 1) * AUDIT_PAGE_SIZE
		}),
		listAuditFacets(ctx.db, { municipalityId: municipality.id })
	]);
	return {
		filters,
		entries: rows.map((row) => presentAuditEntry(ctx.locale, row)),
		total,
		page: filters.page,
		pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
		actors: facets.actors.flatMap((a) => (a.id ? [{ id: a.id, name: a.name }] : [])),
		actions: facets.actions.map((value) => ({ value, label: auditActionLabel(ctx.locale, value) }))
	};
}

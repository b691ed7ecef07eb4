// The staff feature's part of a person's data: their roles in municipalities (a colleague's with its
// department) and the region (with the municipalities a participation expert coaches), and the audit entries
// where they acted or were acted upon.
// Queries by the person's id only.
import { asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import {
	auditLog,
	coachedMunicipalities,
	memberships,
	municipalities,
	regionRoles,
	regions,
	staffInvitations
} from '$lib/server/db/schema';
import { forgetPersonInAudit, writeAudit } from '$lib/server/platform/audit';
import type { PersonRef } from '$lib/server/platform/feature';

async function listMembershipsOf(db: Db, params: { userId: string }) {
	return db
		.select({
			municipalityId: memberships.municipalityId,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			regionId: municipalities.regionId,
			role: memberships.role,
			department: memberships.department,
			createdAt: memberships.createdAt
		})
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
		.where(eq(memberships.userId, params.userId))
		.orderBy(asc(municipalities.name), asc(memberships.role));
}

async function listRegionRolesOf(db: Db, params: { userId: string }) {
	return db
		.select({
			regionId: regionRoles.regionId,
			regionSlug: regions.slug,
			regionName: regions.name,
			role: regionRoles.role,
			createdAt: regionRoles.createdAt
		})
		.from(regionRoles)
		.innerJoin(regions, eq(regions.id, regionRoles.regionId))
		.where(eq(regionRoles.userId, params.userId))
		.orderBy(asc(regions.name), asc(regionRoles.role));
}

/** The municipalities the person coaches as a participation expert, per region role. */
async function listCoachedMunicipalitiesOf(db: Db, params: { userId: string }) {
	return db
		.select({
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			regionSlug: regions.slug,
			createdAt: coachedMunicipalities.createdAt
		})
		.from(coachedMunicipalities)
		.innerJoin(regionRoles, eq(regionRoles.id, coachedMunicipalities.regionRoleId))
		.innerJoin(regions, eq(regions.id, regionRoles.regionId))
		.innerJoin(municipalities, eq(municipalities.id, coachedMunicipalities.municipalityId))
		.where(eq(regionRoles.userId, params.userId))
		.orderBy(asc(municipalities.name));
}

/** Entries of the audit log where the person acted or was acted upon; names and details are left out,
 *  as they may be someone else's. */
async function listAuditEntriesOf(db: Db, params: { userId: string }) {
	return db
		.select({
			action: auditLog.action,
			municipalitySlug: municipalities.slug,
			actorId: auditLog.actorId,
			createdAt: auditLog.createdAt
		})
		.from(auditLog)
		.leftJoin(municipalities, eq(municipalities.id, auditLog.municipalityId))
		.where(or(eq(auditLog.actorId, params.userId), eq(auditLog.subjectId, params.userId)))
		.orderBy(desc(auditLog.createdAt))
		.limit(5_000);
}

/** Whether the person acted in an audit entry or was acted upon. */
export const AUDIT_ENTRY_ROLES = ['actor', 'subject'] as const;
type AuditEntryRole = (typeof AUDIT_ENTRY_ROLES)[number];

export async function exportStaffData(db: Db, person: PersonRef) {
	const { userId } = person;
	const [membershipRows, regionRoleRows, coachedRows, audit] = await Promise.all([
		listMembershipsOf(db, { userId }),
		listRegionRolesOf(db, { userId }),
		listCoachedMunicipalitiesOf(db, { userId }),
		listAuditEntriesOf(db, { userId })
	]);
	return {
		memberships: membershipRows.map((m) => ({
			municipality: { slug: m.municipalitySlug, name: m.municipalityName },
			role: m.role,
			/** A colleague's department (Groendienst, …); null for other roles. */
			department: m.department,
			createdAt: m.createdAt.toISOString()
		})),
		regionRoles: regionRoleRows.map((r) => ({
			region: { slug: r.regionSlug, name: r.regionName },
			role: r.role,
			createdAt: r.createdAt.toISOString()
		})),
		coachedMunicipalities: coachedRows.map((c) => ({
			municipality: { slug: c.municipalitySlug, name: c.municipalityName },
			region: c.regionSlug,
			createdAt: c.createdAt.toISOString()
		})),
		auditLog: audit.map((a) => ({
			action: a.action,
			municipality: a.municipalitySlug,
			role: (a.actorId === userId ? 'actor' : 'subject') satisfies AuditEntryRole,
			createdAt: a.createdAt.toISOString()
		}))
	};
}

/**
 * Ends the person's staff roles, each municipality (or region) keeping an audit entry that they ended, and
 * forgets invitations to any of their addresses: accepted ones only recorded that the address became staff,
 * open ones would hand a role to whoever logs in with it next. The audit log keeps its entries without the
 * person's names and addresses (the deleted account is "Voormalige deelnemer" there, as everywhere).
 */
export async function eraseStaffData(tx: Db, person: PersonRef): Promise<void> {
	const { userId, addresses } = person;
	const formerName = translate('nl', 'profile.formerParticipant');
	const actor = { userId, displayName: formerName };
	const subject = { id: userId, name: formerName };
	const byMunicipality = new Map<string, { regionId: string; roles: string[] }>();
	for (const m of await listMembershipsOf(tx, { userId })) {
		const entry = byMunicipality.get(m.municipalityId) ?? { regionId: m.regionId, roles: [] };
		entry.roles.push(m.role);
		byMunicipality.set(m.municipalityId, entry);
	}
	for (const [municipalityId, entry] of byMunicipality)
		await writeAudit(tx, {
			regionId: entry.regionId,
			municipalityId,
			actor,
			action: 'account.deleted',
			subject,
			details: { roles: entry.roles }
		});
	const byRegion = new Map<string, string[]>();
	for (const r of await listRegionRolesOf(tx, { userId }))
		byRegion.set(r.regionId, [...(byRegion.get(r.regionId) ?? []), r.role]);
	for (const [regionId, roles] of byRegion)
		await writeAudit(tx, { regionId, actor, action: 'account.deleted', subject, details: { roles } });

	await tx.delete(memberships).where(eq(memberships.userId, userId));
	await tx
		.delete(coachedMunicipalities)
		.where(
			inArray(
				coachedMunicipalities.regionRoleId,
				tx.select({ id: regionRoles.id }).from(regionRoles).where(eq(regionRoles.userId, userId))
			)
		);
	await tx.delete(regionRoles).where(eq(regionRoles.userId, userId));
	if (addresses.length)
		await tx.delete(staffInvitations).where(inArray(sql`lower(${staffInvitations.email})`, [...addresses]));
	await forgetPersonInAudit(tx, { userId, addresses }, formerName);
}

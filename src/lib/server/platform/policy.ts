// Who may do what in a municipality's back office and in the region: the one place these rules live.
import { sql, type SQL } from 'drizzle-orm';
import {
	coachedMunicipalities,
	memberships,
	municipalities,
	MUNICIPALITY_ROLES,
	regionRoles,
	type REGION_ROLES
} from '$lib/server/db/schema';

export type MunicipalityRole = (typeof MUNICIPALITY_ROLES)[number];
export type RegionRole = (typeof REGION_ROLES)[number];

export interface Actor {
	userId: string;
	displayName: string;
	memberships: { municipalityId: string; role: MunicipalityRole }[];
	/**
	 * Roles in a region. A participation expert's role reaches only the municipalities it coaches
	 * (coachedMunicipalityIds); the other region roles ignore that list, which is empty for them.
	 */
	regionRoles: { regionId: string; role: RegionRole; coachedMunicipalityIds: readonly string[] }[];
}

export const MUNICIPALITY_ABILITIES = [
	'backoffice.view',
	'dashboard.view',
	'content.moderate',
	'content.communicate',
	'workingGroups.prepare',
	'staff.manage',
	'settings.manage',
	'audit.view',
	'climatePlan.view',
	'climatePlan.manage'
] as const;
export type MunicipalityAbility = (typeof MUNICIPALITY_ABILITIES)[number];

const ROLE_ABILITIES: Record<MunicipalityRole | RegionRole, readonly MunicipalityAbility[]> = {
	// The civil servant of the sustainability service moderates and steers the municipality's climate plan.
	moderator: [
		'backoffice.view',
		'dashboard.view',
		'content.moderate',
		'workingGroups.prepare',
		'climatePlan.view',
		'climatePlan.manage'
	],
	communication: ['backoffice.view', 'dashboard.view', 'content.communicate', 'climatePlan.view'],
	// The college reads dashboards (the climate plan's too) and gets the digest; it changes nothing.
	alderman: ['backoffice.view', 'dashboard.view', 'climatePlan.view'],
	// A civil servant of another department: reads the back office's actions and follows actions and themes
	// as a colleague (updates, decisions, reports, event logistics by mail). Moderates, publishes and manages
	// nothing, and sees no dashboards, registrations or audit log.
	// The climate plan's board: every department sees it, and posts updates on the actions it is responsible for
	// (features/climate-plan/climate-plan.policy.ts).
	colleague: ['backoffice.view', 'climatePlan.view'],
	admin: MUNICIPALITY_ABILITIES,
	regional_admin: MUNICIPALITY_ABILITIES,
	// In the municipalities it coaches only (regionRoleReaches): prepares and runs their working groups. The
	// municipality's internal climate plan is not the external coach's.
	participation_expert: ['backoffice.view', 'dashboard.view', 'workingGroups.prepare']
};

export interface MunicipalityTarget {
	municipalityId: string;
	regionId: string;
}

/**
 * Whether a region role gives its abilities in this municipality: a regional admin's in every municipality of
 * the region; a participation expert's only in the municipalities of the region they coach. An expert who
 * coaches none has no ability anywhere, like a citizen (and is told so on the region's back office page).
 */
export function regionRoleReaches(role: Actor['regionRoles'][number], target: MunicipalityTarget): boolean {
	if (role.regionId !== target.regionId) return false;
	if (role.role === 'participation_expert')
		return role.coachedMunicipalityIds.includes(target.municipalityId);
	return true;
}

/** Everything the actor may do in one municipality (empty for citizens and for staff of elsewhere). */
export function municipalityAbilities(
	actor: Actor | null,
	target: MunicipalityTarget
): Set<MunicipalityAbility> {
	const abilities = new Set<MunicipalityAbility>();
	if (!actor) return abilities;
	for (const m of actor.memberships) {
		if (m.municipalityId === target.municipalityId) ROLE_ABILITIES[m.role].forEach((a) => abilities.add(a));
	}
	for (const r of actor.regionRoles) {
		if (regionRoleReaches(r, target)) ROLE_ABILITIES[r.role].forEach((a) => abilities.add(a));
	}
	return abilities;
}

export function can(actor: Actor | null, ability: MunicipalityAbility, target: MunicipalityTarget): boolean {
	return municipalityAbilities(actor, target).has(ability);
}

export function canManageRegion(actor: Actor | null, regionId: string): boolean {
	return Boolean(actor?.regionRoles.some((r) => r.regionId === regionId && r.role === 'regional_admin'));
}

/** Roles an actor may hand out in a municipality: admins and regional admins give every municipal role. */
export function grantableRoles(actor: Actor | null, target: MunicipalityTarget): MunicipalityRole[] {
	return can(actor, 'staff.manage', target) ? [...MUNICIPALITY_ROLES] : [];
}

/** True when the actor has any staff role anywhere: such a person sees the back-office link. */
export function isStaff(actor: Actor | null): boolean {
	return Boolean(actor && (actor.memberships.length > 0 || actor.regionRoles.length > 0));
}

/**
 * The SQL twin of `can(actor, ability, municipality)` for a set of people: true for the person (a user id
 * column or value) when one of their roles gives the ability in the municipality now — a membership there, a
 * regional admin's role in its region, a participation expert's coaching of it (regionRoleReaches). For a
 * one-statement audience that must hold staff only (a colleague's notifications).
 */
export function hasAbilitySql(
	userId: SQL,
	ability: MunicipalityAbility,
	/** The municipality's id, or a column holding it (a set of rows of several municipalities). */
	municipalityId: string | SQL
): SQL<boolean> {
	const with_ = (roles: readonly string[]) =>
		roles.length
			? sql.join(
					roles.map((r) => sql`${r}`),
					sql`, `
				)
			: sql`NULL`;
	const municipal = MUNICIPALITY_ROLES.filter((r) => ROLE_ABILITIES[r].includes(ability));
	const regional = (['regional_admin', 'participation_expert'] as const).filter((r) =>
		ROLE_ABILITIES[r].includes(ability)
	);
	return sql<boolean>`(EXISTS (SELECT 1 FROM ${memberships} ms
			WHERE ms.municipality_id = ${municipalityId}::uuid AND ms.user_id = ${userId}
				AND ms.role IN (${with_(municipal)}))
		OR EXISTS (SELECT 1 FROM ${regionRoles} rr
			JOIN ${municipalities} mu ON mu.id = ${municipalityId}::uuid AND mu.region_id = rr.region_id
			WHERE rr.user_id = ${userId} AND rr.role IN (${with_(regional)})
				AND (rr.role <> 'participation_expert' OR EXISTS (SELECT 1 FROM ${coachedMunicipalities} cm
					WHERE cm.region_role_id = rr.id AND cm.municipality_id = ${municipalityId}::uuid))))`;
}

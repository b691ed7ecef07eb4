// Use cases of the regional back office: where a person has a back office, participation, the region's roles.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit } from '$lib/server/platform/audit';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { translate } from '$lib/i18n';
import { getUserByVerifiedEmail } from '$lib/server/features/accounts/accounts.service';
import { getStaffNameOfUser } from '$lib/server/features/staff/staff.service';
import { presentAuditEntry, roleLabel, type AuditEntryView } from '$lib/server/features/staff/staff.present';
import {
	countRegionalAdmins,
	deleteCoachedMunicipalities,
	deleteRegionRoles,
	getRegionMunicipalitiesByIds,
	getRegionRolesByIds,
	insertCoachedMunicipality,
	insertRegionRole,
	listBackofficeMunicipalities,
	listCoachedMunicipalities,
	listRegionAuditEntries,
	listRegionMunicipalities,
	listRegionRoles,
	listRegionsByIds,
	lockRegion,
	setMunicipalitiesParticipating
} from './region.queries';
import {
	assignCoachingSchema,
	grantRegionRoleSchema,
	municipalityFiltersSchema,
	participationSchema,
	removeCoachingSchema,
	removeRegionRolesSchema
} from './region.schemas';
import {
	presentCoachedMunicipality,
	presentRegionRole,
	type CoachedMunicipalityView,
	type BackofficeMunicipalityView,
	type RegionMunicipalityView,
	type RegionRoleView,
	type RegionView
} from './region.present';
import {
	can,
	canManageRegion,
	regionRoleReaches,
	type Actor,
	type RegionRole
} from '$lib/server/platform/policy';
import { isUuid } from '$lib/domain/ids';
import { validateInput, type RawInput } from '$lib/server/platform/validation';

const REGION_LOG_LIMIT = 20;

export interface RegionBackoffice {
	/** The municipalities whose back office the person may open, but for those they coach (below). */
	municipalities: BackofficeMunicipalityView[];
	/**
	 * For a participation expert, the municipalities they coach (their events' back office is where they work);
	 * empty when they coach none yet, null for everyone who holds no participation expert role.
	 */
	coached: BackofficeMunicipalityView[] | null;
	/** Regions the person administers; more than one only in a multi-region installation. */
	managedRegions: RegionView[];
	/** The administered region shown, with what its regional admins manage. */
	managed: {
		region: RegionView;
		filters: {
			q: string;
			participating: '' | 'ja' | 'nee';
			sort: 'name' | 'inhabitants';
			dir: 'asc' | 'desc';
		};
		municipalities: RegionMunicipalityView[];
		roles: RegionRoleView[];
		log: AuditEntryView[];
	} | null;
}

function requireActor(ctx: Ctx): Actor {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor;
}

/** Refuses anyone who is not a regional admin of this region; an id of another region is refused the same way. */
async function authorizeRegion(ctx: Ctx, unverifiedRegionId: unknown) {
	const actor = requireActor(ctx);
	if (!isUuid(unverifiedRegionId) || !canManageRegion(actor, unverifiedRegionId)) {
		ctx.log.warn({ userId: actor.userId }, 'regional back office refused');
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	const [region] = await listRegionsByIds(ctx.db, { ids: [unverifiedRegionId] });
	if (!region) throw new AppError('not_found');
	return { actor, region };
}

export async function getRegionBackoffice(
	ctx: Ctx,
	input: { unverifiedRegionSlug?: string | null } & RawInput<typeof municipalityFiltersSchema> = {}
): Promise<RegionBackoffice> {
	const actor = requireActor(ctx);
	const rows = await listBackofficeMunicipalities(ctx.db, {
		municipalityIds: actor.memberships.map((m) => m.municipalityId),
		regionIds: actor.regionRoles.map((r) => r.regionId)
	});
	const experts = actor.regionRoles.filter((r) => r.role === 'participation_expert');
	const coaches = (m: { id: string; regionId: string }) =>
		experts.some((r) => regionRoleReaches(r, { municipalityId: m.id, regionId: m.regionId }));
	const view = (m: (typeof rows)[number]) => ({ slug: m.slug, name: m.name, participating: m.participating });
	const coached = experts.length ? rows.filter(coaches).map(view) : null;
	const municipalities = rows
		.filter(
			(m) => !coaches(m) && can(actor, 'backoffice.view', { municipalityId: m.id, regionId: m.regionId })
		)
		.map(view);
	const managedIds = [
		...new Set(actor.regionRoles.filter((r) => r.role === 'regional_admin').map((r) => r.regionId))
	];
	const managedRegions = await listRegionsByIds(ctx.db, { ids: managedIds });
	// A participation expert who coaches nothing yet still gets the page, which says so.
	if (municipalities.length === 0 && managedRegions.length === 0 && coached === null)
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	const region = managedRegions.find((r) => r.slug === input.unverifiedRegionSlug) ?? managedRegions[0];
	if (!region) return { municipalities, coached, managedRegions, managed: null };
	const filters = municipalityFiltersSchema.parse(input);
	const [regionMunicipalities, roles, coaching, log] = await Promise.all([
		listRegionMunicipalities(ctx.db, { regionId: region.id, ...filters }),
		listRegionRoles(ctx.db, { regionId: region.id }),
		listCoachedMunicipalities(ctx.db, { regionId: region.id }),
		listRegionAuditEntries(ctx.db, { regionId: region.id, limit: REGION_LOG_LIMIT })
	]);
	const coachedBy = (roleId: string) => coaching.filter((c) => c.regionRoleId === roleId).map((c) => c.name);
	return {
		municipalities,
		coached,
		managedRegions,
		managed: {
			region,
			filters: {
				q: filters.q ?? '',
				participating: filters.participating === undefined ? '' : filters.participating ? 'ja' : 'nee',
				sort: filters.sort,
				dir: filters.dir
			},
			municipalities: regionMunicipalities,
			roles: roles.map((r) => presentRegionRole(r, actor.userId, coachedBy(r.id))),
			log: log.map((row) => presentAuditEntry(ctx.locale, row))
		}
	};
}

export interface ParticipationPreview {
	region: RegionView;
	participating: boolean;
	municipalities: { id: string; name: string; participating: boolean }[];
}

async function findRegionMunicipalities(ctx: Ctx, regionId: string, ids: string[]) {
	if (!ids.every(isUuid)) throw new AppError('not_found');
	const unique = [...new Set(ids)];
	const rows = await getRegionMunicipalitiesByIds(ctx.db, { regionId, ids: unique });
	// A municipality of another region is simply not found.
	if (rows.length !== unique.length) throw new AppError('not_found');
	return rows;
}

/** Which municipalities a participation switch would touch, for the confirmation page. Changes nothing. */
export async function previewParticipation(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown } & RawInput<typeof participationSchema>
): Promise<ParticipationPreview> {
	const { region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { municipalityIds, participating } = validateInput(participationSchema, input);
	const rows = await findRegionMunicipalities(ctx, region.id, municipalityIds);
	return { region, participating, municipalities: rows };
}

/** Switches participation of the selected municipalities on or off; one audit row per municipality that changed. */
export async function setParticipation(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown } & RawInput<typeof participationSchema>
): Promise<{ changed: number }> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { municipalityIds, participating } = validateInput(participationSchema, input);
	return ctx.db.transaction(async (tx) => {
		const rows = await findRegionMunicipalities({ ...ctx, db: tx }, region.id, municipalityIds);
		const changed = await setMunicipalitiesParticipating(tx, {
			regionId: region.id,
			ids: rows.map((r) => r.id),
			participating
		});
		for (const m of changed) {
			await writeAudit(tx, {
				regionId: region.id,
				municipalityId: m.id,
				actor: { userId: actor.userId, displayName: actor.displayName },
				action: 'region.participation_changed',
				subject: { id: m.id, name: m.name },
				details: { participating }
			});
		}
		return { changed: changed.length };
	});
}

/** How many region roles one person may grant in an hour (tried grants count too). */
export const REGION_GRANTS_PER_HOUR = 50;

/** Gives a region role to a person who already has an account with that verified address. */
export async function grantRegionRole(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; origin: string } & RawInput<typeof grantRegionRoleSchema>
): Promise<void> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { email, role } = validateInput(grantRegionRoleSchema, input);
	await enforceRateLimits(ctx.db, [
		{ key: `region-grant:${actor.userId}`, limit: REGION_GRANTS_PER_HOUR, windowSeconds: 3600 }
	]);
	await ctx.db.transaction(async (tx) => {
		await lockRegion(tx, { regionId: region.id });
		const user = await getUserByVerifiedEmail(tx, { email });
		if (!user) throw new AppError('validation', { fields: { email: ['backoffice.region.noAccount'] } });
		if (user.lockedAt)
			throw new AppError('conflict', { fields: { email: ['backoffice.staff.accountLocked'] } });
		const inserted = await insertRegionRole(tx, {
			regionId: region.id,
			userId: user.id,
			role,
			createdBy: actor.userId
		});
		if (!inserted) throw new AppError('conflict', { fields: { email: ['backoffice.staff.alreadyHasRole'] } });
		await writeAudit(tx, {
			regionId: region.id,
			municipalityId: null,
			actor: { userId: actor.userId, displayName: actor.displayName },
			action: 'region.role_granted',
			subject: { id: user.id, name: (await getStaffNameOfUser(tx, { userId: user.id })) ?? user.displayName },
			details: { role }
		});
	});
	const params = {
		region: region.name,
		role: roleLabel(ctx.locale, role),
		inviter: actor.displayName,
		url: `${input.origin}/beheer`
	};
	await ctx.queueMail({
		to: email,
		subject: translate(ctx.locale, 'backoffice.region.mail.subject', params),
		text: translate(ctx.locale, 'backoffice.region.mail.body', params),
		reference: `region.role_granted:${region.id}:${email}:${role}`
	});
}

export interface RegionRoleRemovalPreview {
	region: RegionView;
	roles: RegionRoleView[];
}

async function findRegionRoles(ctx: Ctx, regionId: string, ids: string[]) {
	if (!ids.every(isUuid)) throw new AppError('not_found');
	const unique = [...new Set(ids)];
	const rows = await getRegionRolesByIds(ctx.db, { regionId, ids: unique });
	if (rows.length !== unique.length) throw new AppError('not_found');
	return rows;
}

export async function previewRegionRoleRemoval(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown } & RawInput<typeof removeRegionRolesSchema>
): Promise<RegionRoleRemovalPreview> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { regionRoleIds } = validateInput(removeRegionRolesSchema, input);
	const rows = await findRegionRoles(ctx, region.id, regionRoleIds);
	return { region, roles: rows.map((r) => presentRegionRole(r, actor.userId)) };
}

/** Removes region roles, all or nothing; the region always keeps at least one regional admin. */
export async function removeRegionRoles(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown } & RawInput<typeof removeRegionRolesSchema>
): Promise<{ removed: number }> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { regionRoleIds } = validateInput(removeRegionRolesSchema, input);
	return ctx.db.transaction(async (tx) => {
		await lockRegion(tx, { regionId: region.id });
		const rows = await findRegionRoles({ ...ctx, db: tx }, region.id, regionRoleIds);
		await deleteRegionRoles(tx, { regionId: region.id, ids: rows.map((r) => r.id) });
		const removedAdmins = rows.filter((r) => r.role === 'regional_admin');
		if (removedAdmins.length && (await countRegionalAdmins(tx, { regionId: region.id })) === 0) {
			throw new AppError('conflict', {
				message: removedAdmins.some((r) => r.userId === actor.userId)
					? 'backoffice.region.lastAdminSelf'
					: 'backoffice.region.lastAdmin'
			});
		}
		for (const row of rows) {
			await writeAudit(tx, {
				regionId: region.id,
				municipalityId: null,
				actor: { userId: actor.userId, displayName: actor.displayName },
				action: 'region.role_removed',
				subject: { id: row.userId, name: row.name },
				details: { role: row.role satisfies RegionRole }
			});
		}
		return { removed: rows.length };
	});
}

// ---------------------------------------------------------------------------------------------
// Coaching: which municipalities a participation expert coaches
// ---------------------------------------------------------------------------------------------

export interface CoachingView {
	region: RegionView;
	expert: RegionRoleView;
	coached: CoachedMunicipalityView[];
	/** The region's municipalities the expert does not coach yet, to choose from. */
	assignable: { id: string; name: string }[];
}

/** The participation expert's role in this region by its id from the address; any other role is not found. */
async function findExpertRole(ctx: Ctx, regionId: string, unverifiedRegionRoleId: unknown) {
	if (!isUuid(unverifiedRegionRoleId)) throw new AppError('not_found');
	const [role] = await getRegionRolesByIds(ctx.db, { regionId, ids: [unverifiedRegionRoleId] });
	if (role?.role !== 'participation_expert') throw new AppError('not_found');
	return role;
}

/** A participation expert's coached municipalities and the others of the region, for the regional admin. */
export async function getCoaching(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; unverifiedRegionRoleId: unknown }
): Promise<CoachingView> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const role = await findExpertRole(ctx, region.id, input.unverifiedRegionRoleId);
	const [coached, all] = await Promise.all([
		listCoachedMunicipalities(ctx.db, { regionId: region.id, regionRoleIds: [role.id] }),
		listRegionMunicipalities(ctx.db, { regionId: region.id })
	]);
	const taken = new Set(coached.map((c) => c.municipalityId));
	return {
		region,
		expert: presentRegionRole(
			role,
			actor.userId,
			coached.map((c) => c.name)
		),
		coached: coached.map(presentCoachedMunicipality),
		assignable: all.filter((m) => !taken.has(m.id)).map((m) => ({ id: m.id, name: m.name }))
	};
}

/**
 * Lets a participation expert coach one more municipality of the region: from then on they prepare and run its
 * events. Audited in the region's log and the municipality's, so its admin sees who came in.
 */
export async function assignCoaching(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; unverifiedRegionRoleId: unknown; origin: string } & RawInput<
		typeof assignCoachingSchema
	>
): Promise<void> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { municipalityId } = validateInput(assignCoachingSchema, input);
	const assigned = await ctx.db.transaction(async (tx) => {
		await lockRegion(tx, { regionId: region.id });
		const role = await findExpertRole({ ...ctx, db: tx }, region.id, input.unverifiedRegionRoleId);
		// Anything but a municipality of this region (another region's, a made-up id) is not on the list.
		const [municipality] = isUuid(municipalityId)
			? await getRegionMunicipalitiesByIds(tx, { regionId: region.id, ids: [municipalityId] })
			: [];
		if (!municipality)
			throw new AppError('validation', { fields: { municipalityId: ['backoffice.region.coaching.choose'] } });
		const inserted = await insertCoachedMunicipality(tx, {
			regionRoleId: role.id,
			municipalityId: municipality.id,
			createdBy: actor.userId
		});
		if (!inserted)
			throw new AppError('conflict', {
				fields: { municipalityId: ['backoffice.region.coaching.already'] }
			});
		await writeAudit(tx, {
			regionId: region.id,
			municipalityId: municipality.id,
			actor: { userId: actor.userId, displayName: actor.displayName },
			action: 'region.coaching_assigned',
			subject: { id: role.userId, name: role.name },
			details: { municipality: municipality.name }
		});
		return { role, municipality, coachingId: inserted.id };
	});
	// The expert hears of it, after the commit (a refused or rolled-back assignment tells nobody).
	const { role, municipality, coachingId } = assigned;
	if (!role.email) return;
	const params = {
		municipality: municipality.name,
		region: region.name,
		inviter: actor.displayName,
		url: `${input.origin}/${municipality.slug}/beheer/activiteiten`
	};
	await ctx.queueMail({
		to: role.email,
		subject: translate(ctx.locale, 'backoffice.region.coaching.mail.subject', params),
		text: translate(ctx.locale, 'backoffice.region.coaching.mail.body', params),
		reference: `region.coaching_assigned:${coachingId}`
	});
}

export interface CoachingRemovalPreview {
	region: RegionView;
	expert: RegionRoleView;
	municipalities: CoachedMunicipalityView[];
}

async function findCoached(ctx: Ctx, regionId: string, regionRoleId: string, ids: string[]) {
	if (!ids.every(isUuid)) throw new AppError('not_found');
	const unique = new Set(ids);
	const rows = (await listCoachedMunicipalities(ctx.db, { regionId, regionRoleIds: [regionRoleId] })).filter(
		(c) => unique.has(c.municipalityId)
	);
	if (rows.length !== unique.size) throw new AppError('not_found');
	return rows;
}

/** Which coached municipalities a removal would take from the expert, for the confirmation page. */
export async function previewCoachingRemoval(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; unverifiedRegionRoleId: unknown } & RawInput<
		typeof removeCoachingSchema
	>
): Promise<CoachingRemovalPreview> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { municipalityIds } = validateInput(removeCoachingSchema, input);
	const role = await findExpertRole(ctx, region.id, input.unverifiedRegionRoleId);
	const rows = await findCoached(ctx, region.id, role.id, municipalityIds);
	return {
		region,
		expert: presentRegionRole(role, actor.userId),
		municipalities: rows.map(presentCoachedMunicipality)
	};
}

/** Ends the coaching of the selected municipalities, all or nothing; one audit row per municipality. */
export async function removeCoaching(
	ctx: Ctx,
	input: { unverifiedRegionId: unknown; unverifiedRegionRoleId: unknown } & RawInput<
		typeof removeCoachingSchema
	>
): Promise<{ removed: number; regionId: string; regionRoleId: string }> {
	const { actor, region } = await authorizeRegion(ctx, input.unverifiedRegionId);
	const { municipalityIds } = validateInput(removeCoachingSchema, input);
	return ctx.db.transaction(async (tx) => {
		await lockRegion(tx, { regionId: region.id });
		const role = await findExpertRole({ ...ctx, db: tx }, region.id, input.unverifiedRegionRoleId);
		const rows = await findCoached({ ...ctx, db: tx }, region.id, role.id, municipalityIds);
		await deleteCoachedMunicipalities(tx, {
			regionId: region.id,
			regionRoleId: role.id,
			municipalityIds: rows.map((r) => r.municipalityId)
		});
		for (const row of rows) {
			await writeAudit(tx, {
				regionId: region.id,
				municipalityId: row.municipalityId,
				actor: { userId: actor.userId, displayName: actor.displayName },
				action: 'region.coaching_removed',
				subject: { id: role.userId, name: role.name },
				details: { municipality: row.name }
			});
		}
		return { removed: rows.length, regionId: region.id, regionRoleId: role.id };
	});
}

// Small builders for test data that every feature's tests share: municipalities and themes, people with roles,
// actions with their updates and opportunities, suggestions and votes. Each writes straight to the database and
// returns what the test needs to refer to.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	coachedMunicipalities,
	memberships,
	municipalities,
	regionRoles,
	regions,
	suggestionVotes,
	suggestions,
	users
} from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor, MunicipalityRole, RegionRole } from '$lib/server/platform/policy';
import { slugify } from '$lib/server/platform/text';
import type { LadderRung } from '$lib/domain/ladder';
import type { OpportunityKind } from '$lib/domain/actions';
import { insertTheme } from '$lib/server/features/themes/themes.queries';
import { listRoles } from '$lib/server/features/accounts/accounts.queries';
import { insertAction, insertUpdate, publishAction } from '$lib/server/features/actions/actions.queries';
import { insertOpportunity } from '$lib/server/features/opportunities/opportunities.queries';
import { insertEvent, type NewEvent } from '$lib/server/features/events/events.queries';
import { newEventUid } from '$lib/server/features/events/events.service';
import {
	insertStoryEntry,
	insertSuggestion,
	upsertSuggestionSettings,
	type SuggestionFields,
	type SuggestionSettingsValues
} from '$lib/server/features/suggestions/suggestions.queries';
import { insertGroup, insertMember, insertMenuItem } from '$lib/server/features/groups/groups.queries';
import type { GroupStatus, MemberRole, MemberStatus } from '$lib/domain/groups';

export async function getTenant(db: Db, slug: string): Promise<Tenant> {
	const [row] = await db
		.select({ id: municipalities.id, slug: municipalities.slug })
		.from(municipalities)
		.where(eq(municipalities.slug, slug));
	if (!row) throw new Error(`no municipality ${slug} in the test database`);
	return row;
}

export async function buildParticipatingMunicipality(
	db: Db,
	slug: string,
	look: { primaryColor?: string } = {}
) {
	const tenant = await getTenant(db, slug);
	await db
		.update(municipalities)
		.set({ participating: true, ...look })
		.where(eq(municipalities.id, tenant.id));
	return tenant;
}

export async function buildTheme(
	db: Db,
	tenant: Tenant,
	overrides: { slug?: string; name?: string; climate?: boolean } = {}
) {
	const theme = await insertTheme(db, {
		municipalityId: tenant.id,
		slug: overrides.slug ?? `eigen-thema-${Math.random().toString(36).slice(2, 8)}`,
		name: overrides.name ?? 'Eigen thema',
		climate: overrides.climate ?? false,
		position: 50
	});
	if (!theme) throw new Error('theme not inserted');
	return theme;
}

// ---------------------------------------------------------------------------------------------
// People and their roles
// ---------------------------------------------------------------------------------------------

/** A person with a verified address (unless said otherwise) and no role. */
export async function buildUser(
	db: Db,
	options: { email?: string; givenName?: string; familyName?: string; verified?: boolean } = {}
) {
	const tag = Math.random().toString(36).slice(2, 10);
	const email = options.email ?? `persoon.${tag}@example.be`;
	const [row] = await db
		.insert(users)
		.values({
			displayName: options.givenName
				? `${options.givenName} ${options.familyName?.[0] ?? ''}.`
				: `Persoon ${tag}`,
			givenName: options.givenName ?? null,
			familyName: options.familyName ?? null,
			email,
			emailVerifiedAt: options.verified === false ? null : new Date()
		})
		.returning({ id: users.id, displayName: users.displayName, email: users.email });
	if (!row) throw new Error('user not inserted');
	return row;
}

export async function grantMembership(db: Db, tenant: Tenant, userId: string, role: MunicipalityRole) {
	const [row] = await db
		.insert(memberships)
		.values({ municipalityId: tenant.id, userId, role })
		.returning({ id: memberships.id });
	if (!row) throw new Error('membership not inserted');
	return row.id;
}

export async function grantRegionRole(db: Db, regionId: string, userId: string, role: RegionRole) {
	const [row] = await db
		.insert(regionRoles)
		.values({ regionId, userId, role })
		.returning({ id: regionRoles.id });
	if (!row) throw new Error('region role not inserted');
	return row.id;
}

/** Lets the participation expert of this region role coach the municipality (as the regional admin would). */
export async function coachMunicipality(db: Db, regionRoleId: string, tenant: Tenant) {
	await db.insert(coachedMunicipalities).values({ regionRoleId, municipalityId: tenant.id });
}

/** The person as a session would present them: with the roles the database has now. */
export async function actorOf(db: Db, user: { id: string; displayName: string }): Promise<Actor> {
	return { userId: user.id, displayName: user.displayName, ...(await listRoles(db, { userId: user.id })) };
}

/** A new person with one role in a municipality, as an actor. */
export async function buildStaff(
	db: Db,
	tenant: Tenant,
	role: MunicipalityRole,
	extra: { givenName?: string; familyName?: string; email?: string } = {}
) {
	const user = await buildUser(db, extra);
	const membershipId = await grantMembership(db, tenant, user.id, role);
	return { user, membershipId, actor: await actorOf(db, user) };
}

export async function regionIdOf(db: Db, tenant: Tenant): Promise<string> {
	const [row] = await db
		.select({ regionId: municipalities.regionId })
		.from(municipalities)
		.where(eq(municipalities.id, tenant.id));
	if (!row) throw new Error('no such municipality');
	return row.regionId;
}

/** A second region with one municipality, to prove that regional roles stop at their region's border. */
export async function buildOtherRegion(db: Db) {
	const [region] = await db
		.insert(regions)
		.values({ slug: `elders-${Math.random().toString(36).slice(2, 8)}`, name: 'regio Elders' })
		.returning({ id: regions.id });
	if (!region) throw new Error('region not inserted');
	const nis = String(90_000 + Math.floor(Math.random() * 9_999));
	const [municipality] = await db
		.insert(municipalities)
		.values({
			regionId: region.id,
			slug: `verweg-${nis}`,
			name: 'Verweg',
			nisCode: nis,
			province: 'Oost-Vlaanderen',
			arrondissement: 'Gent',
			inhabitants: 10_000,
			mainPostcode: '9000',
			centerLat: 51.05,
			centerLng: 3.72
		})
		.returning({ id: municipalities.id, slug: municipalities.slug });
	if (!municipality) throw new Error('municipality not inserted');
	return { regionId: region.id, tenant: municipality as Tenant };
}

// ---------------------------------------------------------------------------------------------
// Actions, opportunities, suggestions and votes
// ---------------------------------------------------------------------------------------------

const HOUR = 3_600_000;

/** An action straight in the database, published unless said otherwise. */
export async function buildAction(
	db: Db,
	tenant: Tenant,
	options: { title?: string; summary?: string; publish?: boolean } = {}
) {
	const title = options.title ?? `Actie ${Math.random().toString(36).slice(2, 7)}`;
	const action = await insertAction(db, {
		municipalityId: tenant.id,
		slug: slugify(title),
		title,
		summary: options.summary ?? 'Samen kiezen we plekken om te ontharden.'
	});
	if (options.publish !== false) await publishAction(db, { municipalityId: tenant.id, id: action.id });
	return action;
}

/** An update (news) on an action, straight in the database: a draft unless said otherwise. */
export async function buildUpdate(
	db: Db,
	tenant: Tenant,
	actionId: number,
	options: { title?: string; body?: string; published?: boolean } = {}
) {
	const update = await insertUpdate(db, {
		municipalityId: tenant.id,
		actionId,
		title: options.title ?? `Nieuws ${Math.random().toString(36).slice(2, 7)}`,
		body: options.body ?? 'De eerste tegels zijn eruit.',
		authorName: 'Dienst Omgeving',
		publishedAt: options.published ? new Date() : null
	});
	if (!update) throw new Error('update not inserted');
	return update;
}

/** A way to take part in an action, straight in the database: open since an hour ago unless said otherwise. */
export async function buildOpportunity(
	db: Db,
	tenant: Tenant,
	actionId: number,
	options: {
		title?: string;
		kind?: OpportunityKind;
		rung?: LadderRung;
		opensAt?: Date | null;
		closesAt?: Date | null;
	} = {}
) {
	const opportunity = await insertOpportunity(db, {
		municipalityId: tenant.id,
		actionId,
		title: options.title ?? `Kans ${Math.random().toString(36).slice(2, 7)}`,
		rung: options.rung ?? 'consult',
		kind: options.kind ?? 'mapSuggestions',
		opensAt: options.opensAt === undefined ? new Date(Date.now() - HOUR) : options.opensAt,
		closesAt: options.closesAt === undefined ? null : options.closesAt
	});
	if (!opportunity) throw new Error('opportunity not inserted');
	return opportunity;
}

/** A published action with one open opportunity of kind mapSuggestions (settings as given). */
export async function buildSuggestionOpportunity(
	db: Db,
	tenant: Tenant,
	options: Partial<SuggestionSettingsValues> & {
		title?: string;
		opensAt?: Date | null;
		closesAt?: Date | null;
		publishAction?: boolean;
	} = {}
) {
	const title = options.title ?? `Plekken om te ontharden ${Math.random().toString(36).slice(2, 7)}`;
	const action = await buildAction(db, tenant, {
		title,
		summary: 'Samen kiezen we plekken om te ontharden.',
		publish: options.publishAction
	});
	const opportunity = await buildOpportunity(db, tenant, action.id, {
		title,
		rung: 'consult',
		kind: 'mapSuggestions',
		opensAt: options.opensAt,
		closesAt: options.closesAt
	});
	await upsertSuggestionSettings(db, {
		municipalityId: tenant.id,
		opportunityId: opportunity.id,
		moderation: options.moderation,
		submissionsOpen: options.submissionsOpen,
		votingOpen: options.votingOpen,
		voteLimit: options.voteLimit
	});
	return { action, opportunity, id: opportunity.id };
}

/** A suggestion straight in the database: approved and published unless said otherwise. */
export async function buildSuggestion(
	db: Db,
	tenant: Tenant,
	opportunityId: number,
	fields: Partial<SuggestionFields> & { title?: string } = {}
) {
	const title = fields.title ?? `Pleintje ${Math.random().toString(36).slice(2, 7)}`;
	const moderation = fields.moderation ?? 'approved';
	const row = await insertSuggestion(db, {
		municipalityId: tenant.id,
		opportunityId,
		authorId: fields.authorId ?? null,
		slug: slugify(title),
		lat: 51.162,
		lng: 4.99,
		status: moderation === 'approved' ? 'published' : 'submitted',
		publishedAt: moderation === 'approved' ? new Date() : null,
		...fields,
		title,
		moderation
	});
	await insertStoryEntry(db, {
		municipalityId: tenant.id,
		suggestionId: row.id,
		kind: 'submitted',
		status: 'submitted'
	});
	if (moderation === 'approved')
		await insertStoryEntry(db, {
			municipalityId: tenant.id,
			suggestionId: row.id,
			kind: 'published',
			status: 'published'
		});
	return row;
}

/** Votes straight in the database, keeping the count exact as the service does. */
export async function buildVotes(
	db: Db,
	tenant: Tenant,
	suggestion: { id: number; opportunityId: number },
	userIds: string[]
) {
	if (userIds.length === 0) return;
	await db.insert(suggestionVotes).values(
		userIds.map((userId) => ({
			municipalityId: tenant.id,
			opportunityId: suggestion.opportunityId,
			suggestionId: suggestion.id,
			userId
		}))
	);
	await db
		.update(suggestions)
		.set({ voteCount: sql`${suggestions.voteCount} + ${userIds.length}` })
		.where(eq(suggestions.id, suggestion.id));
}

// ---------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------

/**
 * An event straight in the database: a published working group a week from now, two hours long, with room
 * for 20 unless said otherwise.
 */
export async function buildEvent(
	db: Db,
	tenant: Tenant,
	options: Partial<Omit<NewEvent, 'municipalityId'>> = {}
) {
	const title = options.title ?? `Werkgroep ${Math.random().toString(36).slice(2, 7)}`;
	const startsAt = options.startsAt ?? new Date(Date.now() + 7 * 24 * HOUR);
	return insertEvent(db, {
		kind: 'workingGroup',
		rung: 'codecide',
		status: 'published',
		capacity: 20,
		venueName: 'Gemeenschapscentrum',
		publishedAt: new Date(),
		...options,
		municipalityId: tenant.id,
		title,
		slug: options.slug ?? slugify(title),
		uid: options.uid ?? newEventUid(),
		startsAt,
		endsAt: options.endsAt ?? new Date(startsAt.getTime() + 2 * HOUR)
	});
}

// ---------------------------------------------------------------------------------------------
// Citizen groups
// ---------------------------------------------------------------------------------------------

/** A citizen group's call straight in the database: open, €5,000, a repair café on its menu card. */
export async function buildGroup(
	db: Db,
	tenant: Tenant,
	options: {
		name?: string;
		status?: GroupStatus;
		confirmSignups?: boolean;
		budgetCents?: number;
		deadline?: string | null;
		menu?: string[];
	} = {}
) {
	const name = options.name ?? `Klimaatdoeners ${Math.random().toString(36).slice(2, 7)}`;
	const { id } = await insertGroup(db, {
		municipalityId: tenant.id,
		name,
		purpose: 'Samen klimaatacties opzetten in de buurt.',
		rules: '',
		budgetCents: options.budgetCents ?? 500_000,
		deadline: options.deadline ?? null,
		confirmSignups: options.confirmSignups ?? false,
		approvalThresholdCents: 25_000,
		status: options.status ?? 'open',
		createdBy: null
	});
	const menu: number[] = [];
	for (const [position, title] of (options.menu ?? ['Repaircafé']).entries())
		menu.push(
			(
				await insertMenuItem(db, {
					municipalityId: tenant.id,
					groupId: id,
					title,
					description: '',
					tags: ['circular'],
					position
				})
			).id
		);
	return { id, name, menu };
}

/** An accepted member (or coordinator) of a group, straight in the database. */
export async function buildGroupMember(
	db: Db,
	tenant: Tenant,
	groupId: number,
	userId: string,
	options: { status?: MemberStatus; role?: MemberRole } = {}
) {
	return insertMember(db, {
		municipalityId: tenant.id,
		groupId,
		userId,
		motivation: 'Ik doe graag mee.',
		status: options.status ?? 'accepted',
		role: options.role ?? 'member'
	});
}

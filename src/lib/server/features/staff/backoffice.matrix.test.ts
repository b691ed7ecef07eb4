// Who reaches which back-office use case: every role of municipality A against municipality B, citizens,
// visitors, and regional roles inside and outside their region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
	auditLog,
	memberships,
	municipalities,
	staffInvitations,
	subscriptions,
	themes
} from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	getTenant,
	actorOf,
	buildOtherRegion,
	buildStaff,
	buildUser,
	coachMunicipality,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { isAppError, type ErrorCode } from '$lib/server/platform/errors';
import * as staff from './staff.service';
import * as settings from '$lib/server/features/settings/settings.service';
import * as region from '$lib/server/features/region/region.service';
import * as colleagues from '$lib/server/features/colleagues/colleagues.service';
import type { Actor, MunicipalityRole } from '$lib/server/platform/policy';
import { ctxAs } from '$lib/server/testing/context';
import { pngBytes } from '$lib/server/testing/images';
import { refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let A: Tenant;
let B: Tenant;
let C: Tenant;
let kempenId: string;
let otherRegionId: string;
/** Ids of B's records that an attacker would aim at. */
const target = { adminUserId: '', membershipId: '', invitationId: '', themeId: '', defaultThemeId: '' };

beforeAll(async () => {
	database = await createTestDatabase();
	const { db } = database;
	A = await getTenant(db, 'geel');
	B = await getTenant(db, 'mol');
	kempenId = await regionIdOf(db, A);
	({ regionId: otherRegionId, tenant: C } = await buildOtherRegion(db));
	const adminOfB = await buildStaff(db, B, 'admin');
	target.adminUserId = adminOfB.user.id;
	target.membershipId = adminOfB.membershipId;
	const [invitation] = await db
		.insert(staffInvitations)
		.values({ municipalityId: B.id, email: 'nieuw@mol.be', role: 'moderator' })
		.returning({ id: staffInvitations.id });
	target.invitationId = invitation!.id;
	const [own] = await db
		.insert(themes)
		.values({ municipalityId: B.id, slug: 'jeugd', name: 'Jeugd', climate: false, position: 90 })
		.returning({ id: themes.id });
	target.themeId = own!.id;
	const [standard] = await db
		.select({ id: themes.id })
		.from(themes)
		.where(eq(themes.municipalityId, B.id))
		.limit(1);
	target.defaultThemeId = standard!.id;
});
afterAll(async () => {
	await database?.destroy();
});

/** Every municipal back-office use case, reading and writing, aimed at the municipality of the context. */
const municipalUseCases: [string, (ctx: Ctx) => Promise<unknown>][] = [
	['getBackofficeHome', (ctx) => staff.getBackofficeHome(ctx)],
	['listStaffMembers', (ctx) => staff.listStaffMembers(ctx, {})],
	[
		'inviteStaff',
		(ctx) => staff.inviteStaff(ctx, { email: 'x@example.be', role: 'moderator', origin: 'https://t' })
	],
	['getStaffMember', (ctx) => staff.getStaffMember(ctx, { unverifiedUserId: target.adminUserId })],
	[
		'changeStaffRoles',
		(ctx) => staff.changeStaffRoles(ctx, { unverifiedUserId: target.adminUserId, roles: ['moderator'] })
	],
	['previewStaffRemoval', (ctx) => staff.previewStaffRemoval(ctx, { membershipIds: [target.membershipId] })],
	[
		'removeStaffAccess',
		(ctx) =>
			staff.removeStaffAccess(ctx, {
				membershipIds: [target.membershipId],
				invitationIds: [target.invitationId]
			})
	],
	['getAuditLog', (ctx) => staff.getAuditLog(ctx, {})],
	['getBrandingSettings', (ctx) => settings.getBrandingSettings(ctx)],
	[
		'updateBranding',
		(ctx) =>
			settings.updateBranding(ctx, {
				primaryColor: '#000000',
				accentColor: '#ffffff',
				websiteUrl: '',
				intro: 'x'
			})
	],
	['uploadLogo', (ctx) => settings.uploadLogo(ctx, { file: new Blob([pngBytes()]) })],
	['removeLogo', (ctx) => settings.removeLogo(ctx, { confirm: true })],
	['getStatementSettings', (ctx) => settings.getStatementSettings(ctx)],
	['updateStatement', (ctx) => settings.updateStatement(ctx, { kind: 'privacy', markdown: 'Gekaapt' })],
	['listThemes', (ctx) => settings.listThemes(ctx)],
	['getTheme', (ctx) => settings.getTheme(ctx, { unverifiedThemeId: target.themeId })],
	[
		'addTheme',
		(ctx) => settings.addTheme(ctx, { name: 'Gekaapt', description: '', climate: false, lekpWerf: '' })
	],
	[
		'changeTheme',
		(ctx) =>
			settings.changeTheme(ctx, {
				unverifiedThemeId: target.defaultThemeId,
				name: 'Gekaapt',
				description: '',
				climate: true,
				lekpWerf: ''
			})
	],
	['moveTheme', (ctx) => settings.moveTheme(ctx, { unverifiedThemeId: target.themeId, direction: 'up' })],
	[
		'setThemeActive',
		(ctx) => settings.setThemeActive(ctx, { unverifiedThemeId: target.themeId, active: false })
	],
	['deleteTheme', (ctx) => settings.deleteTheme(ctx, { unverifiedThemeId: target.themeId, confirm: true })],
	['getColleaguePage', (ctx) => colleagues.getColleaguePage(ctx, {})],
	[
		'changeColleagueFollows',
		(ctx) => colleagues.changeColleagueFollows(ctx, { subjects: [`t${target.themeId}`], following: true })
	]
];

/** Every regional use case, aimed at the Kempen region. */
const regionalUseCases = (regionId: () => string): [string, (ctx: Ctx) => Promise<unknown>][] => [
	[
		'previewParticipation',
		(ctx) =>
			region.previewParticipation(ctx, {
				unverifiedRegionId: regionId(),
				municipalityIds: [B.id],
				participating: true
			})
	],
	[
		'setParticipation',
		(ctx) =>
			region.setParticipation(ctx, {
				unverifiedRegionId: regionId(),
				municipalityIds: [B.id],
				participating: true
			})
	],
	[
		'grantRegionRole',
		(ctx) =>
			region.grantRegionRole(ctx, {
				unverifiedRegionId: regionId(),
				email: 'x@example.be',
				role: 'regional_admin',
				origin: 'https://t'
			})
	],
	[
		'previewRegionRoleRemoval',
		(ctx) =>
			region.previewRegionRoleRemoval(ctx, {
				unverifiedRegionId: regionId(),
				regionRoleIds: [target.membershipId]
			})
	],
	[
		'removeRegionRoles',
		(ctx) =>
			region.removeRegionRoles(ctx, { unverifiedRegionId: regionId(), regionRoleIds: [target.membershipId] })
	]
];

/** B's state that a refused call must leave alone. */
async function snapshotOfB() {
	const { db } = database;
	const [m] = await db.select().from(municipalities).where(eq(municipalities.id, B.id));
	return {
		municipality: m,
		memberships: await db.select().from(memberships).where(eq(memberships.municipalityId, B.id)),
		invitations: await db.select().from(staffInvitations).where(eq(staffInvitations.municipalityId, B.id)),
		themes: await db.select().from(themes).where(eq(themes.municipalityId, B.id)),
		audit: await db.select().from(auditLog).where(eq(auditLog.municipalityId, B.id)),
		follows: await db.select().from(subscriptions).where(eq(subscriptions.municipalityId, B.id))
	};
}

async function expectAllRefused(actor: Actor | undefined, tenant: Tenant, code: ErrorCode) {
	for (const [name, useCase] of municipalUseCases) {
		await refusal(useCase(ctxAs(database.db, tenant, actor)), code).catch((err: Error) => {
			throw new Error(`${name}: ${err.message}`);
		});
	}
}

const ROLES: MunicipalityRole[] = ['moderator', 'communication', 'alderman', 'admin', 'colleague'];

describe('back office of municipality B', () => {
	it.each(ROLES)(
		'refuses municipality A’s %s every use case, reading and writing, and changes nothing',
		async (role) => {
			const before = await snapshotOfB();
			const { actor } = await buildStaff(database.db, A, role);
			await expectAllRefused(actor, B, 'forbidden');
			expect(await snapshotOfB()).toEqual(before);
		}
	);

	it('refuses a citizen (logged in, no role) everything and sends a visitor to the login', async () => {
		const before = await snapshotOfB();
		const citizen = await actorOf(database.db, await buildUser(database.db));
		await expectAllRefused(citizen, B, 'forbidden');
		await expectAllRefused(undefined, B, 'unauthenticated');
		expect(await snapshotOfB()).toEqual(before);
	});

	it('refuses the regional roles of another region everything', async () => {
		const before = await snapshotOfB();
		for (const role of ['regional_admin', 'participation_expert'] as const) {
			const user = await buildUser(database.db);
			await grantRegionRole(database.db, otherRegionId, user.id, role);
			await expectAllRefused(await actorOf(database.db, user), B, 'forbidden');
		}
		expect(await snapshotOfB()).toEqual(before);
	});

	it('gives a regional admin of its own region every use case in B, and a participation expert coaching B only the home', async () => {
		const admin = await buildUser(database.db);
		await grantRegionRole(database.db, kempenId, admin.id, 'regional_admin');
		const adminCtx = ctxAs(database.db, B, await actorOf(database.db, admin));
		await expect(staff.listStaffMembers(adminCtx, {})).resolves.toMatchObject({ members: expect.any(Array) });
		await expect(settings.listThemes(adminCtx)).resolves.toMatchObject({ themes: expect.any(Array) });
		await expect(staff.getAuditLog(adminCtx, {})).resolves.toMatchObject({ entries: expect.any(Array) });

		const expert = await buildUser(database.db);
		const expertRole = await grantRegionRole(database.db, kempenId, expert.id, 'participation_expert');
		// Not coaching B yet: the region role gives nothing there.
		await refusal(
			staff.getBackofficeHome(ctxAs(database.db, B, await actorOf(database.db, expert))),
			'forbidden'
		);
		await coachMunicipality(database.db, expertRole, B);
		const expertCtx = ctxAs(database.db, B, await actorOf(database.db, expert));
		await expect(staff.getBackofficeHome(expertCtx)).resolves.toMatchObject({
			municipalityName: 'Mol',
			roles: ['Participatie-expert']
		});
		// Coaching B gives nothing in A, of the same region.
		await refusal(
			staff.getBackofficeHome(ctxAs(database.db, A, await actorOf(database.db, expert))),
			'forbidden'
		);
		await refusal(staff.listStaffMembers(expertCtx, {}), 'forbidden');
		await refusal(settings.listThemes(expertCtx), 'forbidden');
		await refusal(staff.getAuditLog(expertCtx, {}), 'forbidden');
		// Outside its region the regional admin reaches nothing.
		await refusal(
			staff.getBackofficeHome(ctxAs(database.db, C, await actorOf(database.db, admin))),
			'forbidden'
		);
	});
});

describe('back office of the own municipality A', () => {
	// Every staff member opens the home and follows actions and themes as a colleague.
	const readers = ['getBackofficeHome', 'getColleaguePage', 'changeColleagueFollows'];
	it.each([
		['moderator', readers],
		['communication', readers],
		['alderman', readers],
		['colleague', readers],
		['admin', municipalUseCases.map(([name]) => name)]
	] as [MunicipalityRole, string[]][])(
		'lets A’s %s reach exactly its own use cases in A',
		async (role, allowed) => {
			const { actor } = await buildStaff(database.db, A, role);
			for (const [name, useCase] of municipalUseCases) {
				const outcome = useCase(ctxAs(database.db, A, actor));
				if (!allowed.includes(name)) {
					await refusal(outcome, 'forbidden').catch((err: Error) => {
						throw new Error(`${name}: ${err.message}`);
					});
					continue;
				}
				// Reached: it may still fail on its input (B's ids are not found in A), never on who asks.
				const code = await outcome.then(
					() => 'done',
					(err: unknown) => (isAppError(err) ? err.code : `${err}`)
				);
				expect(['forbidden', 'unauthenticated'], `${role} ${name}`).not.toContain(code);
			}
			await expect(staff.getBackofficeHome(ctxAs(database.db, A, actor))).resolves.toMatchObject({
				municipalityName: 'Geel'
			});
		}
	);
});

describe('regional back office', () => {
	it('refuses every regional use case to municipal staff, citizens, visitors and other regions', async () => {
		const before = await snapshotOfB();
		const people: [Actor | undefined, ErrorCode][] = [[undefined, 'unauthenticated']];
		for (const role of ROLES) people.push([(await buildStaff(database.db, A, role)).actor, 'forbidden']);
		people.push([await actorOf(database.db, await buildUser(database.db)), 'forbidden']);
		const expert = await buildUser(database.db);
		await grantRegionRole(database.db, kempenId, expert.id, 'participation_expert');
		people.push([await actorOf(database.db, expert), 'forbidden']);
		const elsewhere = await buildUser(database.db);
		await grantRegionRole(database.db, otherRegionId, elsewhere.id, 'regional_admin');
		people.push([await actorOf(database.db, elsewhere), 'forbidden']);

		for (const [actor, code] of people) {
			for (const [name, useCase] of regionalUseCases(() => kempenId)) {
				await refusal(useCase(ctxAs(database.db, undefined, actor)), code).catch((err: Error) => {
					throw new Error(`${name}: ${err.message}`);
				});
			}
		}
		await refusal(region.getRegionBackoffice(ctxAs(database.db, undefined)), 'unauthenticated');
		await refusal(
			region.getRegionBackoffice(
				ctxAs(database.db, undefined, await actorOf(database.db, await buildUser(database.db)))
			),
			'forbidden'
		);
		expect(await snapshotOfB()).toEqual(before);
	});

	it('shows municipal staff only their own municipalities, and the region only to its regional admins', async () => {
		const { actor } = await buildStaff(database.db, A, 'moderator');
		const view = await region.getRegionBackoffice(ctxAs(database.db, undefined, actor));
		expect(view.municipalities.map((m) => m.slug)).toEqual(['geel']);
		expect(view.managed).toBeNull();

		const elsewhere = await buildUser(database.db);
		await grantRegionRole(database.db, otherRegionId, elsewhere.id, 'regional_admin');
		const other = await region.getRegionBackoffice(
			ctxAs(database.db, undefined, await actorOf(database.db, elsewhere))
		);
		expect(other.municipalities.map((m) => m.slug)).toEqual([C.slug]);
		expect(other.managed?.municipalities.map((m) => m.slug)).toEqual([C.slug]);
	});
});

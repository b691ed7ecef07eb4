import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, memberships, staffInvitations } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx, ctxAs } from '$lib/server/testing/context';
import {
	getTenant,
	actorOf,
	buildStaff,
	buildUser,
	grantMembership,
	regionIdOf
} from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import { consumeLoginLink, requestLoginLink } from '$lib/server/features/accounts/accounts.service';
import { writeAudit } from '$lib/server/platform/audit';
import {
	changeStaffRoles,
	getAuditLog,
	getBackofficeHome,
	getBackofficeNav,
	getStaffMember,
	INVITATIONS_PER_HOUR,
	inviteStaff,
	listStaffMembers,
	previewStaffRemoval,
	removeStaffAccess
} from './staff.service';
import {
	countAdmins,
	deleteMemberships,
	getMembershipsByIds,
	getPendingInvitationsByIds,
	listAuditEntries,
	listAuditFacets,
	listMembershipsOfUser,
	listPendingInvitations,
	listStaff,
	revokeInvitations
} from './staff.queries';
import { auditOf, refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let A: Tenant;
let B: Tenant;
const ORIGIN = 'https://meedoen.test';

beforeAll(async () => {
	database = await createTestDatabase();
	A = await getTenant(database.db, 'olen');
	B = await getTenant(database.db, 'balen');
});
afterAll(async () => {
	await database?.destroy();
});

async function adminOf(tenant: Tenant, extra: { givenName?: string; familyName?: string } = {}) {
	return buildStaff(database.db, tenant, 'admin', extra);
}

describe('back-office home', () => {
	it('shows a moderator their role and yes/no abilities, without the sections they may not open', async () => {
		const { actor } = await buildStaff(database.db, A, 'moderator');
		const home = await getBackofficeHome(ctxAs(database.db, A, actor));
		expect(home).toEqual({
			municipalityName: 'Olen',
			roles: ['Moderator'],
			abilities: expect.objectContaining({
				'backoffice.view': true,
				'content.moderate': true,
				'staff.manage': false,
				'settings.manage': false,
				'audit.view': false
			}),
			// Nothing waits in this municipality (suggestions.attention.test.ts counts what does).
			attention: expect.arrayContaining([expect.objectContaining({ id: 'suggestions.waiting', count: 0 })])
		});
	});

	it('gives the menu nothing for a visitor and only false abilities for a citizen, without refusing', async () => {
		expect(await getBackofficeNav(ctxAs(database.db, A))).toBeNull();
		const citizen = await actorOf(database.db, await buildUser(database.db));
		const nav = await getBackofficeNav(ctxAs(database.db, A, citizen));
		expect(nav && Object.values(nav.abilities).every((v) => v === false)).toBe(true);
		expect(nav?.waiting).toBe(0);
	});
});

describe('staff list', () => {
	it('lists the people with a role, searchable by name or address (accents ignored), filterable and sortable', async () => {
		const { actor } = await adminOf(A, { givenName: 'Zoë', familyName: 'Admin' });
		const ctx = ctxAs(database.db, A, actor);
		const els = await buildStaff(database.db, A, 'moderator', {
			givenName: 'Els',
			familyName: 'Peeters',
			email: 'els.peeters@olen.be'
		});
		await grantMembership(database.db, A, els.user.id, 'communication');
		await buildStaff(database.db, A, 'alderman', {
			givenName: 'Jos',
			familyName: 'Schepen',
			email: 'jos@olen.be'
		});
		await buildStaff(database.db, B, 'moderator', {
			givenName: 'Els',
			familyName: 'Elders',
			email: 'els@balen.be'
		});

		const all = await listStaffMembers(ctx, {});
		const names = all.members.map((m) => m.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(names).not.toContain('Els Elders');
		const elsRow = all.members.find((m) => m.name === 'Els Peeters');
		expect(elsRow).toEqual({
			userId: els.user.id,
			name: 'Els Peeters',
			email: 'els.peeters@olen.be',
			since: expect.any(String),
			roles: [
				{ membershipId: els.membershipId, role: 'moderator', department: null },
				{ membershipId: expect.any(String), role: 'communication', department: null }
			],
			department: null,
			isSelf: false
		});
		expect(all.members.find((m) => m.name === 'Zoë Admin')?.isSelf).toBe(true);

		expect((await listStaffMembers(ctx, { q: 'zoe' })).members.map((m) => m.name)).toEqual(['Zoë Admin']);
		expect((await listStaffMembers(ctx, { q: 'PEETERS@olen' })).members.map((m) => m.name)).toEqual([
			'Els Peeters'
		]);
		expect((await listStaffMembers(ctx, { role: 'alderman' })).members.map((m) => m.name)).toEqual([
			'Jos Schepen'
		]);
		const byEmailDesc = (await listStaffMembers(ctx, { sort: 'email', dir: 'desc' })).members.map(
			(m) => m.email
		);
		expect(byEmailDesc).toEqual([...byEmailDesc].sort().reverse());
		// Wildcards and markup in the search are taken literally; nonsense filters fall back to defaults.
		expect((await listStaffMembers(ctx, { q: '%' })).members).toEqual([]);
		expect((await listStaffMembers(ctx, { q: '<script>alert(1)</script>' })).members).toEqual([]);
		const odd = await listStaffMembers(ctx, {
			role: 'superuser',
			sort: 'drop table',
			dir: 'sideways',
			q: 'x'.repeat(100_000)
		});
		expect(odd.filters).toEqual({ q: undefined, role: undefined, sort: 'name', dir: 'asc' });
	});
});

describe('inviting staff', () => {
	it('grants the role at once to a person with that verified address, audits it and mails them', async () => {
		const { actor } = await adminOf(A);
		const outbox: MailMessage[] = [];
		const person = await buildUser(database.db, {
			email: 'an.bestaand@example.be',
			givenName: 'An',
			familyName: 'Bestaand'
		});
		const outcome = await inviteStaff(ctxAs(database.db, A, actor, outbox), {
			email: '  An.Bestaand@Example.BE ',
			role: 'communication',
			origin: ORIGIN
		});
		expect(outcome).toBe('granted');
		const rows = await listMembershipsOfUser(database.db, { municipalityId: A.id, userId: person.id });
		expect(rows.map((r) => r.role)).toEqual(['communication']);
		const audit = (await auditOf(database.db, A.id)).at(-1);
		expect(audit).toMatchObject({
			action: 'staff.role_granted',
			actorId: actor.userId,
			actorName: actor.displayName,
			subjectId: person.id,
			subjectName: 'An Bestaand',
			details: { role: 'communication' }
		});
		expect(audit?.createdAt).toBeInstanceOf(Date);
		expect(outbox).toHaveLength(1);
		expect(outbox[0]).toMatchObject({
			to: 'an.bestaand@example.be',
			subject: 'Je bent nu Communicatie bij Meedoen Olen'
		});
		expect(outbox[0]?.text).toContain(`${ORIGIN}/olen/beheer`);

		const again = await refusal(
			inviteStaff(ctxAs(database.db, A, actor, outbox), {
				email: 'an.bestaand@example.be',
				role: 'communication',
				origin: ORIGIN
			}),
			'conflict'
		);
		expect(again.options.fields).toEqual({ email: ['backoffice.staff.alreadyHasRole'] });
		expect(outbox).toHaveLength(1);
	});

	it('invites an unknown address: a pending invitation, an audit row, a mail to log in; granted on that login', async () => {
		const { actor } = await adminOf(A);
		const outbox: MailMessage[] = [];
		const outcome = await inviteStaff(ctxAs(database.db, A, actor, outbox), {
			email: 'Nieuwe.Collega@Olen.be',
			role: 'moderator',
			origin: ORIGIN
		});
		expect(outcome).toBe('invited');
		const [invitation] = await database.db
			.select()
			.from(staffInvitations)
			.where(eq(staffInvitations.email, 'nieuwe.collega@olen.be'));
		expect(invitation).toMatchObject({
			municipalityId: A.id,
			role: 'moderator',
			invitedBy: actor.userId,
			acceptedAt: null
		});
		expect((await auditOf(database.db, A.id)).at(-1)).toMatchObject({
			action: 'staff.invited',
			actorId: actor.userId,
			subjectName: 'nieuwe.collega@olen.be',
			details: { email: 'nieuwe.collega@olen.be', role: 'moderator' }
		});
		expect(outbox[0]?.to).toBe('nieuwe.collega@olen.be');
		expect(outbox[0]?.subject).toBe('Uitnodiging: meewerken aan Meedoen Olen');
		expect(outbox[0]?.text).toContain(`${ORIGIN}/aanmelden`);
		expect(outbox[0]?.text).toContain('nieuwe.collega@olen.be');

		const overview = await listStaffMembers(ctxAs(database.db, A, actor), {});
		expect(overview.invitations.map((i) => i.email)).toContain('nieuwe.collega@olen.be');
		await refusal(
			inviteStaff(ctxAs(database.db, A, actor), {
				email: 'nieuwe.collega@olen.be',
				role: 'moderator',
				origin: ORIGIN
			}),
			'conflict'
		);

		// The invitee logs in with a mailed link to that address: the role is theirs.
		const mails: MailMessage[] = [];
		await requestLoginLink(buildCtx(database.db, undefined, { outbox: mails }), {
			email: 'nieuwe.collega@olen.be',
			ip: '10.1.2.3',
			origin: ORIGIN,
			returnTo: '/olen/beheer',
			channel: { channel: null, referrer: null }
		});
		const token = mails[0]?.text.match(/token=([\w-]+)/)?.[1];
		await consumeLoginLink(buildCtx(database.db), {
			unverifiedToken: token!,
			userAgent: 'test',
			settings: { idleMinutes: 60, maxDays: 30 }
		});
		const granted = await database.db
			.select({ role: memberships.role })
			.from(memberships)
			.where(
				and(
					eq(memberships.municipalityId, A.id),
					sql`${memberships.userId} = (select id from users where email = 'nieuwe.collega@olen.be')`
				)
			);
		expect(granted).toEqual([{ role: 'moderator' }]);
	});

	it('refuses malformed addresses, a 100,000-character address and a role that is not a role, per field', async () => {
		const { actor } = await adminOf(A);
		const ctx = ctxAs(database.db, A, actor);
		for (const email of ['nope', 'a@', '<script>@x.be', 'a b@c.be', '', 'x'.repeat(100_000) + '@x.be', 42]) {
			const err = await refusal(inviteStaff(ctx, { email, role: 'moderator', origin: ORIGIN }), 'validation');
			expect(err.options.fields).toEqual({ email: ['backoffice.errors.email'] });
		}
		for (const role of ['superuser', 'regional_admin', '', "admin' OR 1=1"]) {
			const err = await refusal(
				inviteStaff(ctx, { email: 'ok@example.be', role, origin: ORIGIN }),
				'validation'
			);
			expect(err.options.fields).toEqual({ role: ['backoffice.errors.role'] });
		}
		expect(
			await database.db.select().from(staffInvitations).where(eq(staffInvitations.email, 'ok@example.be'))
		).toEqual([]);
	});

	it('stops an admin after 50 invitations an hour, so the platform cannot be used to send spam', async () => {
		const { actor } = await adminOf(B);
		const outbox: MailMessage[] = [];
		const ctx = ctxAs(database.db, B, actor, outbox);
		for (let i = 0; i < INVITATIONS_PER_HOUR; i++) {
			await inviteStaff(ctx, { email: `collega${i}@balen.be`, role: 'moderator', origin: ORIGIN });
		}
		await refusal(
			inviteStaff(ctx, { email: 'een-te-veel@balen.be', role: 'moderator', origin: ORIGIN }),
			'rate_limited'
		);
		expect(outbox).toHaveLength(INVITATIONS_PER_HOUR);
	});
});

describe('changing and removing roles', () => {
	it('changes a person’s roles, one audit row with what was added and removed', async () => {
		const { actor } = await adminOf(A);
		const person = await buildStaff(database.db, A, 'moderator', { givenName: 'Mo', familyName: 'Derator' });
		const ctx = ctxAs(database.db, A, actor);
		const result = await changeStaffRoles(ctx, {
			unverifiedUserId: person.user.id,
			roles: ['communication', 'alderman']
		});
		expect(result).toEqual({ added: ['communication', 'alderman'], removed: ['moderator'] });
		const detail = await getStaffMember(ctx, { unverifiedUserId: person.user.id });
		expect(detail.member.roles.map((r) => r.role)).toEqual(['communication', 'alderman']);
		expect((await auditOf(database.db, A.id)).at(-1)).toMatchObject({
			action: 'staff.roles_changed',
			actorId: actor.userId,
			subjectId: person.user.id,
			subjectName: 'Mo Derator',
			details: { added: ['communication', 'alderman'], removed: ['moderator'] }
		});
		const err = await refusal(
			changeStaffRoles(ctx, { unverifiedUserId: person.user.id, roles: [] }),
			'validation'
		);
		expect(err.options.fields).toEqual({ roles: ['backoffice.staff.rolesRequired'] });
		await refusal(changeStaffRoles(ctx, { unverifiedUserId: person.user.id, roles: ['root'] }), 'validation');
		await refusal(
			changeStaffRoles(ctx, { unverifiedUserId: 'not-an-id', roles: ['moderator'] }),
			'not_found'
		);
	});

	it('removes selected roles and revokes invitations after a preview, all with audit rows', async () => {
		const { actor } = await adminOf(A);
		const ctx = ctxAs(database.db, A, actor);
		const one = await buildStaff(database.db, A, 'moderator');
		const two = await buildStaff(database.db, A, 'alderman');
		const [invitation] = await database.db
			.insert(staffInvitations)
			.values({ municipalityId: A.id, email: 'weg@olen.be', role: 'communication', invitedBy: actor.userId })
			.returning({ id: staffInvitations.id });
		const input = { membershipIds: [one.membershipId, two.membershipId], invitationIds: [invitation!.id] };

		const preview = await previewStaffRemoval(ctx, input);
		expect(preview.items.map((i) => [i.kind, i.role])).toEqual(
			expect.arrayContaining([
				['role', 'moderator'],
				['role', 'alderman'],
				['invitation', 'communication']
			])
		);
		expect(
			await getMembershipsByIds(database.db, { municipalityId: A.id, ids: [one.membershipId] })
		).toHaveLength(1);

		const auditBefore = (await auditOf(database.db, A.id)).length;
		expect(await removeStaffAccess(ctx, input)).toEqual({ removedRoles: 2, revokedInvitations: 1 });
		expect(
			await getMembershipsByIds(database.db, { municipalityId: A.id, ids: input.membershipIds })
		).toEqual([]);
		const [revoked] = await database.db
			.select()
			.from(staffInvitations)
			.where(eq(staffInvitations.id, invitation!.id));
		expect(revoked?.revokedAt).toBeInstanceOf(Date);
		const audit = (await auditOf(database.db, A.id)).slice(auditBefore);
		expect(audit.map((a) => [a.action, a.subjectId, a.actorId])).toEqual(
			expect.arrayContaining([
				['staff.role_removed', one.user.id, actor.userId],
				['staff.role_removed', two.user.id, actor.userId],
				['staff.invitation_revoked', invitation!.id, actor.userId]
			])
		);
		expect(audit).toHaveLength(3);
		await refusal(removeStaffAccess(ctx, { membershipIds: [], invitationIds: [] }), 'validation');
	});

	it('refuses ids of another municipality’s membership or invitation as not found, and changes nothing', async () => {
		const { actor } = await adminOf(A);
		const mine = await buildStaff(database.db, A, 'moderator');
		const theirs = await buildStaff(database.db, B, 'admin');
		const [invitationOfB] = await database.db
			.insert(staffInvitations)
			.values({ municipalityId: B.id, email: 'b@balen.be', role: 'moderator' })
			.returning({ id: staffInvitations.id });
		const ctx = ctxAs(database.db, A, actor);
		const auditBefore = await auditOf(database.db, A.id);
		for (const input of [
			{ membershipIds: [theirs.membershipId] },
			{ membershipIds: [mine.membershipId, theirs.membershipId] },
			{ invitationIds: [invitationOfB!.id] },
			{ membershipIds: ['abc'] },
			{ membershipIds: ["' or 1=1 --"] }
		]) {
			await refusal(previewStaffRemoval(ctx, input), 'not_found');
			await refusal(removeStaffAccess(ctx, input), 'not_found');
		}
		await refusal(getStaffMember(ctx, { unverifiedUserId: theirs.user.id }), 'not_found');
		await refusal(
			changeStaffRoles(ctx, { unverifiedUserId: theirs.user.id, roles: ['moderator'] }),
			'not_found'
		);
		expect(
			await getMembershipsByIds(database.db, { municipalityId: A.id, ids: [mine.membershipId] })
		).toHaveLength(1);
		expect(
			await getMembershipsByIds(database.db, { municipalityId: B.id, ids: [theirs.membershipId] })
		).toHaveLength(1);
		expect(
			await getPendingInvitationsByIds(database.db, { municipalityId: B.id, ids: [invitationOfB!.id] })
		).toHaveLength(1);
		expect(await auditOf(database.db, A.id)).toEqual(auditBefore);
	});
});

describe('the last admin', () => {
	it('stays: an admin cannot remove or change away their own last admin role; another admin can go', async () => {
		const tenant = await getTenant(database.db, 'retie');
		const only = await adminOf(tenant);
		const ctx = ctxAs(database.db, tenant, only.actor);
		const bySelf = await refusal(removeStaffAccess(ctx, { membershipIds: [only.membershipId] }), 'conflict');
		expect(bySelf.messageKey).toBe('backoffice.staff.lastAdminSelf');
		const byChange = await refusal(
			changeStaffRoles(ctx, { unverifiedUserId: only.user.id, roles: ['moderator'] }),
			'conflict'
		);
		expect(byChange.messageKey).toBe('backoffice.staff.lastAdminSelf');
		expect(await countAdmins(database.db, { municipalityId: tenant.id })).toBe(1);
		expect(
			(await listMembershipsOfUser(database.db, { municipalityId: tenant.id, userId: only.user.id })).map(
				(r) => r.role
			)
		).toEqual(['admin']);
		expect(await auditOf(database.db, tenant.id)).toEqual([]);

		// With a second admin, the first may step down; then the second is the last one.
		const second = await adminOf(tenant);
		await removeStaffAccess(ctx, { membershipIds: [only.membershipId] });
		expect(await countAdmins(database.db, { municipalityId: tenant.id })).toBe(1);
		const regional = await buildUser(database.db);
		await database.db.execute(
			sql`insert into region_roles (region_id, user_id, role) values (${await regionIdOf(database.db, tenant)}, ${regional.id}, 'regional_admin')`
		);
		const regionalCtx = ctxAs(database.db, tenant, await actorOf(database.db, regional));
		const byOther = await refusal(
			removeStaffAccess(regionalCtx, { membershipIds: [second.membershipId] }),
			'conflict'
		);
		expect(byOther.messageKey).toBe('backoffice.staff.lastAdmin');
		// Removing an other role still works where there is no admin involved.
		const moderator = await buildStaff(database.db, tenant, 'moderator');
		await expect(
			removeStaffAccess(regionalCtx, { membershipIds: [moderator.membershipId] })
		).resolves.toEqual({
			removedRoles: 1,
			revokedInvitations: 0
		});
	});
});

describe('audit log', () => {
	it('lists the municipality’s entries newest first, 25 a page, filtered by action, person and Belgian dates', async () => {
		const tenant = await getTenant(database.db, 'vorselaar');
		const regionId = await regionIdOf(database.db, tenant);
		const { actor } = await adminOf(tenant);
		const other = await buildUser(database.db);
		for (let i = 0; i < 30; i++) {
			await writeAudit(database.db, {
				regionId,
				municipalityId: tenant.id,
				actor: {
					userId: i % 2 ? actor.userId : other.id,
					displayName: i % 2 ? actor.displayName : other.displayName
				},
				action: i % 3 ? 'staff.role_granted' : 'settings.branding_updated',
				subject: { id: other.id, name: `Onderwerp ${i}` },
				details: { role: 'moderator' }
			});
		}
		// 23:30 UTC on 10 March is already 11 March in Brussels.
		await database.db
			.update(auditLog)
			.set({ createdAt: new Date('2026-03-10T23:30:00Z') })
			.where(and(eq(auditLog.municipalityId, tenant.id), eq(auditLog.subjectName, 'Onderwerp 0')));
		await writeAudit(database.db, {
			regionId,
			municipalityId: (await getTenant(database.db, 'lille')).id,
			actor: null,
			action: 'staff.role_granted'
		});

		const ctx = ctxAs(database.db, tenant, actor);
		const first = await getAuditLog(ctx, {});
		expect(first.total).toBe(30);
		expect(first.entries).toHaveLength(25);
		expect(first.pageCount).toBe(2);
		const times = first.entries.map((e) => e.at);
		expect(times).toEqual([...times].sort().reverse());
		expect(first.entries[0]).toMatchObject({ actionLabel: expect.any(String), summary: 'rol: Moderator' });
		expect((await getAuditLog(ctx, { page: '2' })).entries).toHaveLength(5);
		expect((await getAuditLog(ctx, { page: '-3' })).page).toBe(1);

		const branding = await getAuditLog(ctx, { action: 'settings.branding_updated' });
		expect(branding.total).toBe(10);
		expect(branding.entries.every((e) => e.actionLabel === 'Huisstijl gewijzigd')).toBe(true);
		expect((await getAuditLog(ctx, { actor: actor.userId })).total).toBe(15);
		expect(first.actors.map((a) => a.id).sort()).toEqual([actor.userId, other.id].sort());
		expect(first.actions.map((a) => a.value)).toEqual(['settings.branding_updated', 'staff.role_granted']);

		const eleventh = await getAuditLog(ctx, { from: '2026-03-11', to: '2026-03-11' });
		expect(eleventh.entries.map((e) => e.subjectName)).toEqual(['Onderwerp 0']);
		expect((await getAuditLog(ctx, { from: '2026-03-10', to: '2026-03-10' })).total).toBe(0);
		expect((await getAuditLog(ctx, { from: 'gisteren', actor: 'nobody' })).total).toBe(30);
	});
});

describe('another municipality sees nothing (staff queries)', () => {
	it('finds no staff, invitations, memberships or log entries of B when asked for A, and changes nothing of B', async () => {
		const db = database.db;
		const x = await getTenant(db, 'dessel');
		const y = await getTenant(db, 'mol');
		const ofY = await buildStaff(db, y, 'admin', { givenName: 'Yves', familyName: 'Mol' });
		const [invitation] = await db
			.insert(staffInvitations)
			.values({ municipalityId: y.id, email: 'y@mol.be', role: 'moderator' })
			.returning({ id: staffInvitations.id });
		await writeAudit(db, {
			regionId: await regionIdOf(db, y),
			municipalityId: y.id,
			actor: null,
			action: 'staff.role_granted'
		});

		expect(
			await listStaff(db, { municipalityId: x.id, q: 'Yves', sort: 'name', dir: 'asc', limit: 10 })
		).toEqual([]);
		expect(await listPendingInvitations(db, { municipalityId: x.id, q: 'y@mol.be' })).toEqual([]);
		expect(await listMembershipsOfUser(db, { municipalityId: x.id, userId: ofY.user.id })).toEqual([]);
		expect(await getMembershipsByIds(db, { municipalityId: x.id, ids: [ofY.membershipId] })).toEqual([]);
		expect(await getPendingInvitationsByIds(db, { municipalityId: x.id, ids: [invitation!.id] })).toEqual([]);
		expect((await listAuditEntries(db, { municipalityId: x.id, limit: 10, offset: 0 })).total).toBe(0);
		expect(await listAuditFacets(db, { municipalityId: x.id })).toEqual({ actors: [], actions: [] });
		expect(await countAdmins(db, { municipalityId: x.id })).toBe(0);
		expect(await deleteMemberships(db, { municipalityId: x.id, ids: [ofY.membershipId] })).toEqual([]);
		expect(await revokeInvitations(db, { municipalityId: x.id, ids: [invitation!.id] })).toEqual([]);
		expect(await getMembershipsByIds(db, { municipalityId: y.id, ids: [ofY.membershipId] })).toHaveLength(1);
		expect(
			await getPendingInvitationsByIds(db, { municipalityId: y.id, ids: [invitation!.id] })
		).toHaveLength(1);
	});
});

describe('hostile names', () => {
	it('stores markup in a person’s name as text and hands it to the page unchanged (Svelte escapes it)', async () => {
		const { actor } = await adminOf(A);
		const evil = await buildStaff(database.db, A, 'moderator', {
			givenName: '<img src=x onerror=alert(1)>',
			familyName: '"><script>'
		});
		const detail = await getStaffMember(ctxAs(database.db, A, actor), { unverifiedUserId: evil.user.id });
		expect(detail.member.name).toBe('<img src=x onerror=alert(1)> "><script>');
	});
});

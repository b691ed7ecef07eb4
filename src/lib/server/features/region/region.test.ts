import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { auditLog, municipalities, regionRoles } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	getTenant,
	actorOf,
	buildOtherRegion,
	buildUser,
	coachMunicipality,
	grantRegionRole as insertRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import type { MailMessage } from '$lib/server/platform/mail';
import type { Tenant } from '$lib/server/platform/context';
import { writeAudit } from '$lib/server/platform/audit';
import {
	assignCoaching,
	getCoaching,
	getRegionBackoffice,
	grantRegionRole,
	previewCoachingRemoval,
	removeCoaching,
	previewParticipation,
	REGION_GRANTS_PER_HOUR,
	previewRegionRoleRemoval,
	removeRegionRoles,
	setParticipation
} from './region.service';
import {
	countRegionalAdmins,
	deleteCoachedMunicipalities,
	deleteRegionRoles,
	getRegionMunicipalitiesByIds,
	getRegionRolesByIds,
	listCoachedMunicipalities,
	listRegionAuditEntries,
	listRegionMunicipalities,
	listRegionRoles,
	setMunicipalitiesParticipating
} from './region.queries';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { refusal as refusalOf } from '$lib/server/platform/http';
import { passRateLimitWindow } from '$lib/server/testing/ratelimit';

let database: TestDatabase;
let kempenId: string;
let other: { regionId: string; tenant: Tenant };
let geel: Tenant;
let admin: { id: string; displayName: string };
let adminRoleId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	kempenId = await regionIdOf(database.db, geel);
	other = await buildOtherRegion(database.db);
	admin = await buildUser(database.db, { givenName: 'Regina', familyName: 'Regio' });
	adminRoleId = await insertRegionRole(database.db, kempenId, admin.id, 'regional_admin');
});
afterAll(async () => {
	await database?.destroy();
});

const asAdmin = async (outbox?: MailMessage[]) =>
	ctxAs(database.db, undefined, await actorOf(database.db, admin), outbox);

describe('the region’s overview', () => {
	it('shows a regional admin the 29 municipalities with search, participation filter and sorting', async () => {
		const view = await getRegionBackoffice(await asAdmin());
		expect(view.managed?.region.name).toBe('regio Kempen');
		expect(view.managed?.municipalities).toHaveLength(29);
		expect(view.municipalities).toHaveLength(29);
		expect(view.managed?.roles.map((r) => [r.name, r.role, r.isSelf])).toEqual([
			['Regina Regio', 'regional_admin', true]
		]);

		const turn = await getRegionBackoffice(await asAdmin(), { q: 'TURN' });
		expect(turn.managed?.municipalities.map((m) => m.slug)).toEqual(['oud-turnhout', 'turnhout']);
		const biggest = await getRegionBackoffice(await asAdmin(), { sort: 'inhabitants', dir: 'desc' });
		const sizes = biggest.managed!.municipalities.map((m) => m.inhabitants);
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
		const taking = await getRegionBackoffice(await asAdmin(), { participating: 'ja' });
		expect(taking.managed?.municipalities.every((m) => m.participating)).toBe(true);
		const junk = await getRegionBackoffice(await asAdmin(), {
			participating: 'misschien',
			sort: '1;drop',
			q: 'x'.repeat(500)
		});
		expect(junk.managed?.filters).toEqual({ q: '', participating: '', sort: 'name', dir: 'asc' });
	});
});

describe('participation', () => {
	it('previews without changing, then switches the selection in one go with an audit row per municipality', async () => {
		const olen = await getTenant(database.db, 'olen');
		const input = { unverifiedRegionId: kempenId, municipalityIds: [geel.id, olen.id], participating: 'aan' };
		const preview = await previewParticipation(await asAdmin(), input);
		expect(preview.municipalities.map((m) => m.name)).toEqual(['Geel', 'Olen']);
		expect(preview.participating).toBe(true);
		const [before] = await database.db
			.select({ p: municipalities.participating })
			.from(municipalities)
			.where(eq(municipalities.id, geel.id));
		expect(before?.p).toBe(false);

		expect(await setParticipation(await asAdmin(), input)).toEqual({ changed: 2 });
		// Setting it again changes nothing and writes nothing.
		expect(await setParticipation(await asAdmin(), input)).toEqual({ changed: 0 });
		const rows = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'region.participation_changed'));
		expect(rows.map((r) => [r.municipalityId, r.regionId, r.actorId, r.details])).toEqual(
			expect.arrayContaining([
				[geel.id, kempenId, admin.id, { participating: true }],
				[olen.id, kempenId, admin.id, { participating: true }]
			])
		);
		expect(rows).toHaveLength(2);
		await setParticipation(await asAdmin(), { ...input, participating: 'uit' });
		const [after] = await database.db
			.select({ p: municipalities.participating })
			.from(municipalities)
			.where(eq(municipalities.id, geel.id));
		expect(after?.p).toBe(false);
	});

	it('refuses a municipality of another region as not found, an empty selection and a nonsense switch, changing nothing', async () => {
		const ctx = await asAdmin();
		await refusal(
			setParticipation(ctx, {
				unverifiedRegionId: kempenId,
				municipalityIds: [geel.id, other.tenant.id],
				participating: true
			}),
			'not_found'
		);
		await refusal(
			setParticipation(ctx, { unverifiedRegionId: kempenId, municipalityIds: ['nope'], participating: true }),
			'not_found'
		);
		const empty = await refusal(
			setParticipation(ctx, { unverifiedRegionId: kempenId, municipalityIds: [], participating: true }),
			'validation'
		);
		expect(empty.options.fields).toEqual({ municipalityIds: ['backoffice.region.nothingSelected'] });
		await refusal(
			setParticipation(ctx, {
				unverifiedRegionId: kempenId,
				municipalityIds: [geel.id],
				participating: 'misschien'
			}),
			'validation'
		);
		await refusal(
			setParticipation(ctx, {
				unverifiedRegionId: other.regionId,
				municipalityIds: [other.tenant.id],
				participating: true
			}),
			'forbidden'
		);
		const [m] = await database.db
			.select({ p: municipalities.participating })
			.from(municipalities)
			.where(eq(municipalities.id, other.tenant.id));
		expect(m?.p).toBe(false);
	});
});

describe('region roles', () => {
	it('grants a role to an existing verified account, audited with the region and no municipality, and mails them', async () => {
		const expert = await buildUser(database.db, {
			email: 'expert@example.be',
			givenName: 'Eva',
			familyName: 'Expert'
		});
		const outbox: MailMessage[] = [];
		await grantRegionRole(await asAdmin(outbox), {
			unverifiedRegionId: kempenId,
			email: 'EXPERT@example.be',
			role: 'participation_expert',
			origin: 'https://meedoen.test'
		});
		const roles = await listRegionRoles(database.db, { regionId: kempenId });
		expect(roles.find((r) => r.userId === expert.id)?.role).toBe('participation_expert');
		const [row] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'region.role_granted'));
		expect(row).toMatchObject({
			regionId: kempenId,
			municipalityId: null,
			actorId: admin.id,
			subjectId: expert.id,
			subjectName: 'Eva Expert',
			details: { role: 'participation_expert' }
		});
		expect(outbox[0]).toMatchObject({
			to: 'expert@example.be',
			subject: 'Je bent nu Participatie-expert in de regio Kempen'
		});
		expect(outbox[0]?.text).toContain('https://meedoen.test/beheer');
		const again = await refusal(
			grantRegionRole(await asAdmin(), {
				unverifiedRegionId: kempenId,
				email: 'expert@example.be',
				role: 'participation_expert',
				origin: ''
			}),
			'conflict'
		);
		expect(again.options.fields).toEqual({ email: ['backoffice.staff.alreadyHasRole'] });
	});

	it('refuses an unknown or unverified address, a malformed one and a municipal role, per field', async () => {
		await buildUser(database.db, { email: 'onbevestigd@example.be', verified: false });
		const ctx = await asAdmin();
		for (const email of ['niemand@example.be', 'onbevestigd@example.be']) {
			const err = await refusal(
				grantRegionRole(ctx, { unverifiedRegionId: kempenId, email, role: 'regional_admin', origin: '' }),
				'validation'
			);
			expect(err.options.fields).toEqual({ email: ['backoffice.region.noAccount'] });
		}
		const malformed = await refusal(
			grantRegionRole(ctx, { unverifiedRegionId: kempenId, email: '<b>@', role: 'admin', origin: '' }),
			'validation'
		);
		expect(malformed.options.fields).toEqual({
			email: ['backoffice.errors.email'],
			role: ['backoffice.errors.role']
		});
	});

	it('removes roles after a preview, audited without municipality; the region keeps its last regional admin', async () => {
		const second = await buildUser(database.db);
		const secondRoleId = await insertRegionRole(database.db, kempenId, second.id, 'regional_admin');
		const preview = await previewRegionRoleRemoval(await asAdmin(), {
			unverifiedRegionId: kempenId,
			regionRoleIds: [secondRoleId]
		});
		expect(preview.roles.map((r) => r.role)).toEqual(['regional_admin']);
		expect(
			await removeRegionRoles(await asAdmin(), {
				unverifiedRegionId: kempenId,
				regionRoleIds: [secondRoleId]
			})
		).toEqual({ removed: 1 });
		const [audit] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'region.role_removed'));
		expect(audit).toMatchObject({
			regionId: kempenId,
			municipalityId: null,
			subjectId: second.id,
			details: { role: 'regional_admin' }
		});

		const self = await refusal(
			removeRegionRoles(await asAdmin(), { unverifiedRegionId: kempenId, regionRoleIds: [adminRoleId] }),
			'conflict'
		);
		expect(self.messageKey).toBe('backoffice.region.lastAdminSelf');
		expect(await countRegionalAdmins(database.db, { regionId: kempenId })).toBe(1);
	});

	it('refuses the grant past the hourly limit with a Dutch message, and grants again in the next hour', async () => {
		// In the other region, with an admin of its own, so the Kempen's roles stay as the tests above left them.
		const granter = await buildUser(database.db);
		await insertRegionRole(database.db, other.regionId, granter.id, 'regional_admin');
		const ctx = ctxAs(database.db, undefined, await actorOf(database.db, granter));
		const grant = (email: string | null) =>
			grantRegionRole(ctx, {
				unverifiedRegionId: other.regionId,
				email,
				role: 'participation_expert',
				origin: ''
			});
		const people = [];
		for (let i = 0; i <= REGION_GRANTS_PER_HOUR; i++) people.push(await buildUser(database.db));
		for (const person of people.slice(0, REGION_GRANTS_PER_HOUR)) await grant(person.email);
		const last = people[REGION_GRANTS_PER_HOUR]!;
		const limited = await refusal(grant(last.email), 'rate_limited');
		expect(refusalOf('nl', limited)).toMatchObject({
			status: 429,
			message: 'Te veel pogingen, probeer het later opnieuw'
		});
		expect(limited.options.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(limited.options.details?.retryAfterSeconds).toBeLessThanOrEqual(3600);
		const rolesOf = async (userId: string) =>
			(await listRegionRoles(database.db, { regionId: other.regionId })).filter((r) => r.userId === userId);
		expect(await rolesOf(last.id)).toEqual([]);

		await passRateLimitWindow(database.db, `region-grant:${granter.id}`, 3600);
		await grant(last.email);
		expect((await rolesOf(last.id)).map((r) => r.role)).toEqual(['participation_expert']);
	});

	it('treats a role of another region as not found and leaves it alone', async () => {
		const elsewhere = await buildUser(database.db);
		const theirs = await insertRegionRole(database.db, other.regionId, elsewhere.id, 'participation_expert');
		await refusal(
			previewRegionRoleRemoval(await asAdmin(), { unverifiedRegionId: kempenId, regionRoleIds: [theirs] }),
			'not_found'
		);
		await refusal(
			removeRegionRoles(await asAdmin(), { unverifiedRegionId: kempenId, regionRoleIds: [theirs] }),
			'not_found'
		);
		expect(await database.db.select().from(regionRoles).where(eq(regionRoles.id, theirs))).toHaveLength(1);
	});
});

describe('coaching', () => {
	it('assigns municipalities to a participation expert, shows them, refuses bad choices per field, and removes after a preview; each change audited', async () => {
		const expert = await buildUser(database.db, { givenName: 'Cas', familyName: 'Coach' });
		const roleId = await insertRegionRole(database.db, kempenId, expert.id, 'participation_expert');
		const mol = await getTenant(database.db, 'mol');
		const olen = await getTenant(database.db, 'olen');
		const ids = {
			unverifiedRegionId: kempenId,
			unverifiedRegionRoleId: roleId,
			origin: 'https://meedoen.test'
		};

		const before = await getCoaching(await asAdmin(), ids);
		expect(before.coached).toEqual([]);
		expect(before.assignable).toHaveLength(29);
		expect(before.expert).toMatchObject({ name: 'Cas Coach', coaches: [] });

		const outbox: MailMessage[] = [];
		await assignCoaching(await asAdmin(outbox), { ...ids, municipalityId: geel.id });
		await assignCoaching(await asAdmin(outbox), { ...ids, municipalityId: olen.id });
		// The expert is told of each, with where the municipality's events are.
		expect(outbox.map((m) => [m.to, m.subject])).toEqual([
			[expert.email, 'Je begeleidt nu Geel op Meedoen'],
			[expert.email, 'Je begeleidt nu Olen op Meedoen']
		]);
		expect(outbox[0]!.text).toContain('https://meedoen.test/geel/beheer/activiteiten');
		const after = await getCoaching(await asAdmin(), ids);
		expect(after.coached.map((m) => m.slug)).toEqual(['geel', 'olen']);
		expect(after.assignable.map((m) => m.id)).not.toContain(geel.id);
		expect(after.assignable).toHaveLength(27);
		// The region's page names them beside the expert, and the expert's own page lists exactly these.
		const page = await getRegionBackoffice(await asAdmin());
		expect(page.managed?.roles.find((r) => r.id === roleId)?.coaches).toEqual(['Geel', 'Olen']);
		expect(page.managed?.roles.find((r) => r.id === adminRoleId)?.coaches).toBeNull();
		const own = await getRegionBackoffice(ctxAs(database.db, undefined, await actorOf(database.db, expert)));
		expect(own.coached?.map((m) => m.slug)).toEqual(['geel', 'olen']);
		expect(own.municipalities).toEqual([]);
		expect(own.managed).toBeNull();

		const [assigned] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'region.coaching_assigned'), eq(auditLog.municipalityId, geel.id)));
		expect(assigned).toMatchObject({
			regionId: kempenId,
			actorId: admin.id,
			subjectId: expert.id,
			subjectName: 'Cas Coach',
			details: { municipality: 'Geel' }
		});
		const log = await getRegionBackoffice(await asAdmin());
		expect(log.managed?.log[0]).toMatchObject({
			actionLabel: 'Begeleiding van een gemeente toegekend',
			subjectName: 'Cas Coach',
			summary: 'gemeente: Olen'
		});

		// Twice, nothing chosen, another region's municipality, a made-up id: a message beside the field.
		const refusedOutbox: MailMessage[] = [];
		const twice = await refusal(
			assignCoaching(await asAdmin(refusedOutbox), { ...ids, municipalityId: geel.id }),
			'conflict'
		);
		expect(refusedOutbox).toEqual([]);
		expect(twice.options.fields).toEqual({ municipalityId: ['backoffice.region.coaching.already'] });
		for (const municipalityId of ['', other.tenant.id, 'x'.repeat(500), '<script>']) {
			const err = await refusal(assignCoaching(await asAdmin(), { ...ids, municipalityId }), 'validation');
			expect(err.options.fields).toEqual({ municipalityId: ['backoffice.region.coaching.choose'] });
		}
		// Only a participation expert's role of this region coaches.
		await refusal(
			assignCoaching(await asAdmin(), {
				...ids,
				unverifiedRegionRoleId: adminRoleId,
				municipalityId: mol.id
			}),
			'not_found'
		);

		const preview = await previewCoachingRemoval(await asAdmin(), { ...ids, municipalityIds: [olen.id] });
		expect(preview.municipalities.map((m) => m.name)).toEqual(['Olen']);
		expect((await getCoaching(await asAdmin(), ids)).coached).toHaveLength(2);
		await refusal(
			removeCoaching(await asAdmin(), { ...ids, municipalityIds: [olen.id, mol.id] }),
			'not_found'
		);
		const empty = await refusal(
			removeCoaching(await asAdmin(), { ...ids, municipalityIds: [] }),
			'validation'
		);
		expect(empty.options.fields).toEqual({ municipalityIds: ['backoffice.region.nothingSelected'] });
		expect(await removeCoaching(await asAdmin(), { ...ids, municipalityIds: [olen.id] })).toMatchObject({
			removed: 1,
			regionRoleId: roleId
		});
		expect((await getCoaching(await asAdmin(), ids)).coached.map((m) => m.slug)).toEqual(['geel']);
		const [removed] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'region.coaching_removed'));
		expect(removed).toMatchObject({
			regionId: kempenId,
			municipalityId: olen.id,
			actorId: admin.id,
			subjectId: expert.id,
			details: { municipality: 'Olen' }
		});
		// The session's roles follow: the expert now reaches Geel only.
		const actor = await actorOf(database.db, expert);
		expect(actor.regionRoles).toEqual([
			{ regionId: kempenId, role: 'participation_expert', coachedMunicipalityIds: [geel.id] }
		]);
	});

	it('refuses anyone but the region’s regional admin, and finds no role of another region', async () => {
		const expert = await buildUser(database.db);
		const roleId = await insertRegionRole(database.db, kempenId, expert.id, 'participation_expert');
		const asExpert = ctxAs(database.db, undefined, await actorOf(database.db, expert));
		const input = {
			unverifiedRegionId: kempenId,
			unverifiedRegionRoleId: roleId,
			municipalityId: geel.id,
			origin: 'https://meedoen.test'
		};
		await refusal(assignCoaching(asExpert, input), 'forbidden');
		await refusal(getCoaching(asExpert, input), 'forbidden');
		await refusal(assignCoaching(ctxAs(database.db, undefined), input), 'unauthenticated');
		const elsewhere = await buildUser(database.db);
		const theirs = await insertRegionRole(database.db, other.regionId, elsewhere.id, 'participation_expert');
		await refusal(getCoaching(await asAdmin(), { ...input, unverifiedRegionRoleId: theirs }), 'not_found');
		await refusal(assignCoaching(await asAdmin(), { ...input, unverifiedRegionRoleId: theirs }), 'not_found');
		// An expert who coaches nothing still gets the region's page, which says so; nothing else.
		const idle = await getRegionBackoffice(asExpert);
		expect(idle).toMatchObject({ coached: [], municipalities: [], managed: null });
	});
});

describe('another region sees nothing (region queries)', () => {
	it('finds no municipality, role or log entry of the other region, and changes nothing there', async () => {
		const db = database.db;
		const person = await buildUser(db);
		const theirs = await insertRegionRole(db, other.regionId, person.id, 'regional_admin');
		await writeAudit(db, { regionId: other.regionId, actor: null, action: 'region.role_granted' });

		expect((await listRegionMunicipalities(db, { regionId: kempenId })).map((m) => m.id)).not.toContain(
			other.tenant.id
		);
		expect(await getRegionMunicipalitiesByIds(db, { regionId: kempenId, ids: [other.tenant.id] })).toEqual(
			[]
		);
		expect(
			await setMunicipalitiesParticipating(db, {
				regionId: kempenId,
				ids: [other.tenant.id],
				participating: true
			})
		).toEqual([]);
		expect((await listRegionRoles(db, { regionId: kempenId })).map((r) => r.id)).not.toContain(theirs);
		expect(await getRegionRolesByIds(db, { regionId: kempenId, ids: [theirs] })).toEqual([]);
		expect(await deleteRegionRoles(db, { regionId: kempenId, ids: [theirs] })).toEqual([]);
		const theirExpert = await insertRegionRole(db, other.regionId, person.id, 'participation_expert');
		await coachMunicipality(db, theirExpert, other.tenant);
		expect(
			(await listCoachedMunicipalities(db, { regionId: kempenId })).map((c) => c.regionRoleId)
		).not.toContain(theirExpert);
		expect(
			await deleteCoachedMunicipalities(db, {
				regionId: kempenId,
				regionRoleId: theirExpert,
				municipalityIds: [other.tenant.id]
			})
		).toEqual([]);
		expect(await listCoachedMunicipalities(db, { regionId: other.regionId })).toHaveLength(1);
		const kempenLog = await listRegionAuditEntries(db, { regionId: kempenId, limit: 100 });
		const otherLog = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.regionId, other.regionId), isNull(auditLog.municipalityId)));
		expect(otherLog.length).toBeGreaterThan(0);
		for (const entry of otherLog) expect(kempenLog.map((e) => e.id)).not.toContain(entry.id);
		expect(await getRegionRolesByIds(db, { regionId: other.regionId, ids: [theirs] })).toHaveLength(1);
		const [m] = await db
			.select({ p: municipalities.participating })
			.from(municipalities)
			.where(eq(municipalities.id, other.tenant.id));
		expect(m?.p).toBe(false);
	});
});

// Test data for the back-office tests (staff, settings, region): people with roles, a second region, refusals.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '$lib/server/db/client';
import { auditLog, memberships, municipalities, regionRoles, regions, users } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { isAppError, type ErrorCode } from '$lib/server/platform/errors';
import type { MailMessage } from '$lib/server/platform/mail';
import { buildCtx } from '$lib/server/testing/context';
import { listRoles } from '$lib/server/features/accounts/accounts.queries';
import type { Actor, MunicipalityRole, RegionRole } from '$lib/server/platform/policy';

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

export function ctxAs(db: Db, tenant: Tenant | undefined, actor?: Actor, outbox?: MailMessage[]) {
	return tenant ? buildCtx(db, tenant, { actor, outbox }) : buildCtx(db, undefined, { actor, outbox });
}

/** Awaits a refusal and returns it, failing the test when the promise resolves or fails otherwise. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode) {
	try {
		await promise;
	} catch (err) {
		if (!isAppError(err)) throw err;
		expect(err.code, `expected ${code}, got ${err.code} (${err.messageKey})`).toBe(code);
		return err;
	}
	throw new Error(`expected a refusal with ${code}, but it succeeded`);
}

export async function auditOf(db: Db, municipalityId: string) {
	return db.select().from(auditLog).where(eq(auditLog.municipalityId, municipalityId)).orderBy(auditLog.id);
}

/** A tiny PNG header: enough for the logo check, which reads the signature and the size. */
export function pngBytes(width = 64, height = 64): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(64);
	bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
	new DataView(bytes.buffer).setUint32(16, width);
	new DataView(bytes.buffer).setUint32(20, height);
	return bytes;
}

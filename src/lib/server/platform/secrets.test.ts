// Installation secrets: made once per database under their key, the first writer's kept, never shared between databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { platformMeta } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { installationSecret } from './secrets';

let database: TestDatabase;
let other: TestDatabase;

beforeAll(async () => {
	[database, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
	await Promise.all([database?.destroy(), other?.destroy()]);
});

const key = () => `test.secret:${randomUUID()}`;

async function stored(db: TestDatabase['db'], k: string): Promise<unknown> {
	const rows = await db
		.select({ value: platformMeta.value })
		.from(platformMeta)
		.where(eq(platformMeta.key, k));
	return rows.map((r) => r.value);
}

describe('installationSecret', () => {
	it('makes a random secret once and gives the same one on every call, as kept in platform_meta', async () => {
		const k = key();
		const first = await installationSecret(database.db, k);
		expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await installationSecret(database.db, k)).toBe(first);
		expect(await installationSecret(database.db, k)).toBe(first);
		expect(await stored(database.db, k)).toEqual([first]);
	});

	it('gives different keys different secrets', async () => {
		const [a, b] = [key(), key()];
		expect(await installationSecret(database.db, a)).not.toBe(await installationSecret(database.db, b));
	});

	it('agrees when two callers ask for a secret not made yet at once', async () => {
		const k = key();
		const secrets = await Promise.all([
			installationSecret(database.db, k),
			installationSecret(database.db, k)
		]);
		expect(secrets[0]).toBe(secrets[1]);
		expect(await stored(database.db, k)).toEqual([secrets[0]]);
	});

	it('keeps a secret already in platform_meta (an existing installation’s)', async () => {
		const k = key();
		const existing = 'an-existing-installation-secret';
		await database.db.insert(platformMeta).values({ key: k, value: existing });
		expect(await installationSecret(database.db, k)).toBe(existing);
		expect(await stored(database.db, k)).toEqual([existing]);
	});

	it('refuses a row that is not a secret rather than sign with it', async () => {
		const k = key();
		await database.db.insert(platformMeta).values({ key: k, value: 42 });
		await expect(installationSecret(database.db, k)).rejects.toThrow(/not a secret/);
	});

	it('gives each database its own secret under the same key', async () => {
		const k = key();
		const here = await installationSecret(database.db, k);
		const there = await installationSecret(other.db, k);
		expect(there).not.toBe(here);
		expect(await installationSecret(database.db, k)).toBe(here);
		expect(await installationSecret(other.db, k)).toBe(there);
	});
});

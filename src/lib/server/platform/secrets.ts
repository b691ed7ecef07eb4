// Installation-wide secrets: the HMAC keys behind unsubscribe links, calendar feed links, check-in codes, bounce
// addresses and the climate plan's update links. Each is made once with a random value and kept in platform_meta,
// so every process and every restart signs with the same one and links already mailed keep working.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { platformMeta } from '$lib/server/db/schema';

/**
 * The installation's secret under `key` in platform_meta, made on first use. Read first, so once it exists
 * asking for it never writes (a visitor's page may read a replica). When it is absent the first writer wins
 * (ON CONFLICT DO NOTHING) and the others read that one back, so two processes starting at once agree.
 * Not kept in memory: callers pass transactions, and a secret made in one that rolls back must not outlive it.
 */
export async function installationSecret(db: Db, key: string): Promise<string> {
	const known = await readSecret(db, key);
	if (known !== undefined) return checked(key, known);
	const [made] = await db
		.insert(platformMeta)
		.values({ key, value: randomBytes(32).toString('base64url') })
		.onConflictDoNothing()
		.returning({ value: platformMeta.value });
	return checked(key, made ? made.value : await readSecret(db, key));
}

async function readSecret(db: Db, key: string): Promise<unknown> {
	const [row] = await db
		.select({ value: platformMeta.value })
		.from(platformMeta)
		.where(eq(platformMeta.key, key));
	return row?.value;
}

/** A row that is not a string of some length would sign with a guessable key: refuse it rather than sign. */
function checked(key: string, value: unknown): string {
	if (typeof value !== 'string' || value.length < 16) throw new Error(`platform_meta ${key} is not a secret`);
	return value;
}

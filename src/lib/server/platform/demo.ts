// Demo content: every feature's demo part, in the order they wait for each other, once per installation.
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { platformMeta } from '$lib/server/db/schema';
import { demoOrder, type Features } from './feature';

const DEMO_KEY = 'demo_loaded_at';

export async function isDemoLoaded(db: Db): Promise<boolean> {
	const [row] = await db
		.select({ key: platformMeta.key })
		.from(platformMeta)
		.where(eq(platformMeta.key, DEMO_KEY));
	return Boolean(row);
}

/** One transaction: a demo that fails halfway leaves nothing behind, and the next start tries again. */
export async function loadDemo(db: Db, features: Features): Promise<void> {
	await db.transaction(async (tx) => {
		for (const feature of demoOrder(features)) await feature.demo?.load(tx);
		await tx
			.insert(platformMeta)
			.values({ key: DEMO_KEY, value: new Date().toISOString() })
			.onConflictDoNothing();
	});
}

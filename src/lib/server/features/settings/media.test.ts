import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actions, media } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { getTenant } from '$lib/server/testing/factories';
import { getLogo } from './settings.service';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.destroy();
});

const png = Buffer.from('89504e470d0a1a0a', 'hex');

describe('public images', () => {
	it('serves a photo only while a published action shows it', async () => {
		const geel = await getTenant(database.db, 'geel');
		const [photo] = await database.db
			.insert(media)
			.values({ municipalityId: geel.id, kind: 'photo', contentType: 'image/png', bytes: png })
			.returning({ id: media.id });
		const ctx = buildCtx(database.db);
		await expect(getLogo(ctx, { unverifiedId: photo!.id })).rejects.toMatchObject({ code: 'not_found' });

		const [action] = await database.db
			.insert(actions)
			.values({ municipalityId: geel.id, slug: 'x', title: 'X', imageId: photo!.id, imageAlt: 'Een plein' })
			.returning({ id: actions.id });
		await expect(getLogo(ctx, { unverifiedId: photo!.id })).rejects.toMatchObject({ code: 'not_found' });

		await database.db.update(actions).set({ publishedAt: new Date() }).where(eq(actions.id, action!.id));
		expect((await getLogo(ctx, { unverifiedId: photo!.id })).contentType).toBe('image/png');

		await database.db.update(actions).set({ archivedAt: new Date() }).where(eq(actions.id, action!.id));
		await expect(getLogo(ctx, { unverifiedId: photo!.id })).rejects.toMatchObject({ code: 'not_found' });
	});
});

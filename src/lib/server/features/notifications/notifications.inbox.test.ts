// A person's own notifications (PGlite, and PostgreSQL with TEST_DB=postgres): the bell's count (capped),
// the list a page at a time (?voor=, newest first, the shown ones marked read), "Alles gelezen", and that it
// is one person's list across municipalities and never another person's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { buildParticipatingMunicipality, buildUser } from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import { notifications } from '$lib/server/db/schema';
import {
	countMyUnread,
	listMyNotifications,
	markAllMyNotificationsRead,
	NOTIFICATIONS_PAGE_SIZE,
	UNREAD_CAP
} from './notifications.inbox.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let eventId = 1;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
});
afterAll(() => database?.destroy());

const asPerson = (userId: string) =>
	ctxAs(database.db, undefined, { userId, displayName: 'x', memberships: [], regionRoles: [] } as never);

/** `count` unread notifications for the person, alternating Geel and Mol, oldest first. */
async function give(userId: string, count: number) {
	await database.db.insert(notifications).values(
		Array.from({ length: count }, (_, i) => {
			const tenant = i % 2 === 0 ? geel : mol;
			return {
				municipalityId: tenant.id,
				userId,
				kind: 'own' as const,
				type: 'suggestion.answered',
				eventId: eventId++,
				params: { title: `Suggestie ${i + 1}`, municipalityName: tenant.slug },
				path: `/${tenant.slug}/suggesties/${i + 1}-suggestie`,
				mailState: 'none' as const
			};
		})
	);
}

describe('my notifications', () => {
	it('pages through them newest first, marks the shown ones read, and "alles gelezen" marks the rest', async () => {
		const person = await buildUser(database.db);
		const other = await buildUser(database.db);
		await give(person.id, 45);
		await give(other.id, 3);
		const me = asPerson(person.id);
		expect(await countMyUnread(me)).toBe(45);

		const first = await listMyNotifications(me, {});
		expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
		expect(first.items[0]?.title).toContain('Suggestie 45');
		expect(first.items.every((i) => i.unread)).toBe(true); // "Nieuw" this once
		expect(first.newer).toBe(false);
		expect(first.older).toBe(first.items.at(-1)!.id);
		// One person's list across municipalities.
		expect(new Set(first.items.map((i) => i.href.split('/')[1]))).toEqual(new Set(['geel', 'mol']));
		expect(await countMyUnread(me)).toBe(25);
		expect((await listMyNotifications(me, {})).items.every((i) => !i.unread)).toBe(true);

		const second = await listMyNotifications(me, { unverifiedBefore: String(first.older) });
		expect(second.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
		expect(second.items[0]?.title).toContain('Suggestie 25');
		expect(second.newer).toBe(true);
		const last = await listMyNotifications(me, { unverifiedBefore: String(second.older) });
		expect(last.items.map((i) => i.title.match(/Suggestie (\d+)/)?.[1])).toEqual(['5', '4', '3', '2', '1']);
		expect(last.older).toBeNull();
		expect(await countMyUnread(me)).toBe(0);

		// A `voor` that is no id is the first page.
		for (const bad of ['abc', '-1', '1e3', '9'.repeat(30)])
			expect((await listMyNotifications(me, { unverifiedBefore: bad })).newer).toBe(false);

		await give(person.id, 2);
		expect(await countMyUnread(me)).toBe(2);
		expect(await markAllMyNotificationsRead(me)).toEqual({ marked: 2 });
		expect(await countMyUnread(me)).toBe(0);
		// The other person's are theirs alone.
		expect(await countMyUnread(asPerson(other.id))).toBe(3);
	});

	it('the bell counts up to its cap, a visitor has none, and a visitor cannot list or mark', async () => {
		const person = await buildUser(database.db);
		await give(person.id, UNREAD_CAP + 5);
		expect(await countMyUnread(asPerson(person.id))).toBe(UNREAD_CAP);
		const visitor = ctxAs(database.db, undefined);
		expect(await countMyUnread(visitor)).toBe(0);
		await expect(listMyNotifications(visitor, {})).rejects.toMatchObject({ code: 'unauthenticated' });
		await expect(markAllMyNotificationsRead(visitor)).rejects.toMatchObject({ code: 'unauthenticated' });
	});
});

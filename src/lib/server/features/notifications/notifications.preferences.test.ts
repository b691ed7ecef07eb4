import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { consents, notificationPreferences, users } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildUser } from '$lib/server/testing/factories';
import { buildCtx } from '$lib/server/testing/context';
import { recordConsent } from '$lib/server/features/profile/profile.service';
import type { NotificationKind } from '$lib/domain/notifications';
import { eraseNotificationData } from './notifications.personal-data';
import {
	FrequencyNotOffered,
	getMailPreferences,
	getMyMailPreferences,
	inspectUnsubscribeLink,
	saveMyMailPreferences,
	unsubscribeByLink,
	mailFrequencySql,
	readUnsubscribeToken,
	setMailPreference,
	unsubscribeLink
} from './notifications.service';

let database: TestDatabase;
const origin = 'https://meedoen.test';

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(() => database.destroy());

async function frequencies(userId: string) {
	const prefs = await getMailPreferences(database.db, { userId });
	return Object.fromEntries(prefs!.map((p) => [p.kind, p.frequency]));
}

async function openConsents(userId: string, kind: string) {
	const rows = await database.db
		.select({ id: consents.id })
		.from(consents)
		.where(and(eq(consents.userId, userId), eq(consents.kind, kind as 'pool'), isNull(consents.withdrawnAt)));
	return rows.length;
}

describe('mail preferences', () => {
	it('are modest by default: right away for one’s own contributions, nothing that needs a consent not given', async () => {
		const person = await buildUser(database.db);
		expect(await frequencies(person.id)).toEqual({
			own: 'immediate',
			following: 'weekly',
			themes: 'never',
			invitations: 'never',
			newsletters: 'never',
			// Staff following as a colleague asked for it: right away, no consent needed.
			colleague: 'immediate'
		});
	});

	it('newsletters record the consent they need, and withdraw it when turned off', async () => {
		const person = await buildUser(database.db);
		await setMailPreference(database.db, { userId: person.id, kind: 'newsletters', frequency: 'immediate' });
		expect((await frequencies(person.id)).newsletters).toBe('immediate');
		expect(await openConsents(person.id, 'newsletters')).toBe(1);
		await setMailPreference(database.db, { userId: person.id, kind: 'newsletters', frequency: 'never' });
		expect((await frequencies(person.id)).newsletters).toBe('never');
		expect(await openConsents(person.id, 'newsletters')).toBe(0);
	});

	it('a withdrawn consent silences the kind whatever its frequency row says', async () => {
		const person = await buildUser(database.db);
		await setMailPreference(database.db, { userId: person.id, kind: 'newsletters', frequency: 'immediate' });
		await recordConsent(database.db, { userId: person.id, kind: 'newsletters', given: false });
		const [row] = await database.db
			.select({ frequency: notificationPreferences.frequency })
			.from(notificationPreferences)
			.where(
				and(eq(notificationPreferences.userId, person.id), eq(notificationPreferences.kind, 'newsletters'))
			);
		expect(row?.frequency).toBe('immediate');
		expect((await frequencies(person.id)).newsletters).toBe('never');
	});

	it('themes are the profile’s mail frequency with its updates consent', async () => {
		const person = await buildUser(database.db);
		await setMailPreference(database.db, { userId: person.id, kind: 'themes', frequency: 'daily' });
		const [user] = await database.db
			.select({ mailFrequency: users.mailFrequency })
			.from(users)
			.where(eq(users.id, person.id));
		expect(user?.mailFrequency).toBe('daily');
		expect(await openConsents(person.id, 'updates')).toBe(1);
		expect((await frequencies(person.id)).themes).toBe('daily');
	});

	it('invitations follow the pool consent and can be turned off within it', async () => {
		const person = await buildUser(database.db);
		await recordConsent(database.db, { userId: person.id, kind: 'pool', given: true });
		expect((await frequencies(person.id)).invitations).toBe('immediate');
		await setMailPreference(database.db, { userId: person.id, kind: 'invitations', frequency: 'never' });
		expect((await frequencies(person.id)).invitations).toBe('never');
		expect(await openConsents(person.id, 'pool')).toBe(1);
	});

	it('refuses a frequency the kind does not offer', async () => {
		const person = await buildUser(database.db);
		await expect(
			setMailPreference(database.db, { userId: person.id, kind: 'newsletters', frequency: 'daily' })
		).rejects.toBeInstanceOf(FrequencyNotOffered);
	});

	it('an audience is one statement over many people', async () => {
		const a = await buildUser(database.db);
		const b = await buildUser(database.db);
		await setMailPreference(database.db, { userId: a.id, kind: 'newsletters', frequency: 'immediate' });
		const rows = await database.db
			.select({ id: users.id })
			.from(users)
			.where(
				sql`${users.id} IN (${a.id}, ${b.id}) AND ${mailFrequencySql(users.id, 'newsletters')} <> 'never'`
			);
		expect(rows.map((r) => r.id)).toEqual([a.id]);
	});

	it('are deleted with the account', async () => {
		const person = await buildUser(database.db);
		await setMailPreference(database.db, { userId: person.id, kind: 'following', frequency: 'daily' });
		await eraseNotificationData(database.db, {
			userId: person.id,
			displayName: '',
			addresses: []
		} as never);
		const rows = await database.db
			.select()
			.from(notificationPreferences)
			.where(eq(notificationPreferences.userId, person.id));
		expect(rows).toEqual([]);
	});
});

describe('one-click unsubscribe links', () => {
	it('name the person and the kind, with RFC 8058 headers', async () => {
		const person = await buildUser(database.db);
		const link = await unsubscribeLink(database.db, { origin, userId: person.id, kind: 'following' });
		expect(link.headers).toEqual({
			'List-Unsubscribe': `<${link.url}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		const token = link.url.slice(`${origin}/uitschrijven/`.length);
		expect(await readUnsubscribeToken(database.db, token)).toEqual({ userId: person.id, kind: 'following' });
	});

	it('refuse a token that was tampered with: another kind, another person, garbage', async () => {
		const person = await buildUser(database.db);
		const other = await buildUser(database.db);
		const link = await unsubscribeLink(database.db, { origin, userId: person.id, kind: 'own' });
		const token = link.url.slice(`${origin}/uitschrijven/`.length);
		const kinds: NotificationKind[] = ['own', 'following', 'themes', 'invitations', 'newsletters'];
		const otherKind = token.slice(0, 32) + String(kinds.indexOf('newsletters')) + token.slice(33);
		const otherPerson = other.id.replaceAll('-', '') + token.slice(32);
		for (const bad of [
			otherKind,
			otherPerson,
			token.slice(0, -1),
			`${token}x`,
			'',
			'x'.repeat(5000),
			"' OR 1=1"
		])
			expect(await readUnsubscribeToken(database.db, bad)).toBeNull();
	});
});

describe('the unsubscribe page', () => {
	const ctxOf = () => buildCtx(database.db);

	it('shows what a link turns off without changing it, and turns it off on POST', async () => {
		const person = await buildUser(database.db);
		const link = await unsubscribeLink(database.db, { origin, userId: person.id, kind: 'own' });
		const token = link.url.slice(`${origin}/uitschrijven/`.length);
		expect(await inspectUnsubscribeLink(ctxOf(), { unverifiedToken: token })).toEqual({
			state: 'valid',
			kind: 'own'
		});
		expect((await frequencies(person.id)).own).toBe('immediate');
		expect((await unsubscribeByLink(ctxOf(), { unverifiedToken: token })).state).toBe('valid');
		expect((await frequencies(person.id)).own).toBe('never');
	});

	it('refuses a tampered link without changing anything, and says so for a deleted account', async () => {
		const person = await buildUser(database.db);
		const link = await unsubscribeLink(database.db, { origin, userId: person.id, kind: 'following' });
		const token = link.url.slice(`${origin}/uitschrijven/`.length);
		const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
		expect(await unsubscribeByLink(ctxOf(), { unverifiedToken: tampered })).toEqual({ state: 'invalid' });
		expect(await inspectUnsubscribeLink(ctxOf(), { unverifiedToken: '<script>' })).toEqual({
			state: 'invalid'
		});
		expect((await frequencies(person.id)).following).toBe('weekly');
		await database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, person.id));
		expect(await unsubscribeByLink(ctxOf(), { unverifiedToken: token })).toEqual({ state: 'gone' });
	});

	it('saves a whole form, refuses a frequency a kind does not offer beside its field', async () => {
		const person = await buildUser(database.db);
		const ctx = buildCtx(database.db, undefined, {
			actor: { userId: person.id, displayName: 'x', memberships: [], regionRoles: [] } as never
		});
		const form = {
			own: 'daily',
			following: 'never',
			themes: 'never',
			invitations: 'never',
			newsletters: 'immediate'
		};
		await saveMyMailPreferences(ctx, form);
		expect(await frequencies(person.id)).toEqual({ ...form, invitations: 'never', colleague: 'immediate' });
		expect(await openConsents(person.id, 'newsletters')).toBe(1);
		const refused = await saveMyMailPreferences(ctx, { ...form, newsletters: 'daily' }).catch(
			(e: unknown) => e
		);
		expect(refused).toMatchObject({
			code: 'validation',
			options: { fields: { newsletters: ['notifications.preferences.invalid'] } }
		});
		await expect(saveMyMailPreferences(buildCtx(database.db), form)).rejects.toMatchObject({
			code: 'unauthenticated'
		});
	});

	it('offers what one follows as a colleague to staff only; a form without it leaves it as it was', async () => {
		const person = await buildUser(database.db);
		const as = (memberships: { municipalityId: string; role: 'colleague' }[]) =>
			buildCtx(database.db, undefined, {
				actor: { userId: person.id, displayName: 'x', memberships, regionRoles: [] }
			});
		const kinds = async (ctx: ReturnType<typeof as>) =>
			(await getMyMailPreferences(ctx)).preferences.map((p) => p.kind);
		expect(await kinds(as([]))).not.toContain('colleague');
		const staff = as([{ municipalityId: 'geel', role: 'colleague' }]);
		expect(await kinds(staff)).toContain('colleague');
		const form = {
			own: 'immediate',
			following: 'weekly',
			themes: 'never',
			invitations: 'never',
			newsletters: 'never'
		};
		await saveMyMailPreferences(staff, { ...form, colleague: 'daily' });
		expect((await frequencies(person.id)).colleague).toBe('daily');
		await saveMyMailPreferences(as([]), form);
		expect((await frequencies(person.id)).colleague).toBe('daily');
		await expect(saveMyMailPreferences(staff, { ...form, colleague: 'sometimes' })).rejects.toMatchObject({
			code: 'validation',
			options: { fields: { colleague: ['notifications.preferences.invalid'] } }
		});
	});
});

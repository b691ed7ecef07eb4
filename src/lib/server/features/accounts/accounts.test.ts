import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { memberships, sessions, staffInvitations, users } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { getTenant } from '$lib/server/testing/factories';
import type { MailMessage } from '$lib/server/platform/mail';
import { isAppError } from '$lib/server/platform/errors';
import { hashToken } from '$lib/server/platform/tokens';
import { createBatches } from '$lib/server/platform/batch';
import {
	consumeLoginLink,
	firstChannel,
	getDraft,
	inspectLoginLink,
	keepDraftForLogin,
	logoutEverywhere,
	requestLoginLink,
	resolveRequestSession,
	resolveSession,
	resolveSessions,
	safeReturnPath
} from './accounts.service';

let database: TestDatabase;
const settings = { idleMinutes: 60, maxDays: 30 };
const noChannel = { channel: null, referrer: null };

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.destroy();
});

function tokenFrom(mail: MailMessage | undefined): string {
	const match = mail?.text.match(/token=([\w-]+)/);
	if (!match?.[1]) throw new Error('no link in mail');
	return match[1];
}

async function mailLogin(email: string, extra: { returnTo?: string; requestId?: string; ip?: string } = {}) {
	const outbox: MailMessage[] = [];
	await requestLoginLink(buildCtx(database.db, undefined, { outbox }), {
		email,
		ip: extra.ip ?? `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
		origin: 'https://meedoen.test',
		returnTo: extra.returnTo ?? '/geel',
		unverifiedRequestId: extra.requestId ?? null,
		channel: { channel: 'poster', referrer: null }
	});
	const token = tokenFrom(outbox[0]);
	const outcome = await consumeLoginLink(buildCtx(database.db), {
		unverifiedToken: token,
		userAgent: 'test',
		settings
	});
	return { outcome, token, mail: outbox[0]! };
}

async function expectCode(promise: Promise<unknown>, message: string) {
	try {
		await promise;
	} catch (err) {
		expect(isAppError(err) && err.messageKey).toBe(message);
		return;
	}
	throw new Error('expected a refusal');
}

describe('login by mailed link', () => {
	it('mails a single-use link that logs the person in and brings them back', async () => {
		const { outcome, mail } = await mailLogin('An.Peeters@Example.be');
		expect(mail.to).toBe('an.peeters@example.be');
		expect(mail.subject).toBe('Je aanmeldlink voor Meedoen');
		expect(mail.text).toContain('https://meedoen.test/aanmelden/link?token=');
		expect(outcome.returnTo).toBe('/geel');
		expect(outcome.isNew).toBe(true);
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.actor.displayName).toBe('Deelnemer');
		const [user] = await database.db.select().from(users).where(eq(users.id, session!.actor.userId));
		expect(user?.email).toBe('an.peeters@example.be');
		expect(user?.emailVerifiedAt).not.toBeNull();
		expect(user?.firstChannel).toBe('poster');
	});

	it('never logs into an account whose address nobody confirmed (a paper list’s entry): a new one is made', async () => {
		const [offline] = await database.db
			.insert(users)
			.values({ displayName: 'Mieke van de lijst', email: 'mieke@example.be', firstChannel: 'offline' })
			.returning({ id: users.id });
		const { outcome } = await mailLogin('Mieke@example.be');
		expect(outcome.isNew).toBe(true);
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.actor.userId).not.toBe(offline!.id);
		const [still] = await database.db.select().from(users).where(eq(users.id, offline!.id));
		expect(still?.emailVerifiedAt).toBeNull();
	});

	it('logs the same address into the same account next time', async () => {
		const first = await mailLogin('jan@example.be');
		const second = await mailLogin('JAN@example.be');
		expect(second.outcome.isNew).toBe(false);
		const a = await resolveSession(database.db, { unverifiedToken: first.outcome.sessionToken, settings });
		const b = await resolveSession(database.db, { unverifiedToken: second.outcome.sessionToken, settings });
		expect(a?.actor.userId).toBe(b?.actor.userId);
	});

	it('refuses a link the second time and changes nothing', async () => {
		const { token } = await mailLogin('twice@example.be');
		const [before] = await database.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
		await expectCode(
			consumeLoginLink(buildCtx(database.db), { unverifiedToken: token, userAgent: null, settings }),
			'auth.linkUsed'
		);
		const [after] = await database.db.select({ n: sql<number>`count(*)::int` }).from(sessions);
		expect(after?.n).toBe(before?.n);
	});

	it('refuses an expired link and a made-up one', async () => {
		const outbox: MailMessage[] = [];
		await requestLoginLink(buildCtx(database.db, undefined, { outbox }), {
			email: 'late@example.be',
			ip: '10.0.0.2',
			origin: 'https://meedoen.test',
			returnTo: '/',
			channel: noChannel
		});
		const token = tokenFrom(outbox[0]);
		await database.db.execute(
			sql`update mail_tokens set expires_at = now() - interval '1 minute' where token_hash = ${hashToken(token)}`
		);
		expect(await inspectLoginLink(buildCtx(database.db), { unverifiedToken: token })).toBe('expired');
		await expectCode(
			consumeLoginLink(buildCtx(database.db), { unverifiedToken: token, userAgent: null, settings }),
			'auth.linkExpired'
		);
		await expectCode(
			consumeLoginLink(buildCtx(database.db), { unverifiedToken: 'verzonnen', userAgent: null, settings }),
			'auth.linkExpired'
		);
	});

	it('answers known and unknown addresses alike, and limits requests per address and per IP', async () => {
		const ctx = buildCtx(database.db, undefined, { outbox: [] });
		const ask = (email: string, ip: string) =>
			requestLoginLink(ctx, { email, ip, origin: 'https://x.test', returnTo: '/', channel: noChannel });
		await expect(ask('jan@example.be', '10.1.0.1')).resolves.toBeUndefined();
		await expect(ask('nobody-knows@example.be', '10.1.0.1')).resolves.toBeUndefined();
		for (let i = 0; i < 2; i++) await ask('flood@example.be', `10.2.0.${i}`);
		await expect(ask('flood@example.be', '10.2.0.9')).resolves.toBeUndefined();
		await expect(ask('flood@example.be', '10.2.0.10')).rejects.toMatchObject({ code: 'rate_limited' });
		for (let i = 0; i < 10; i++) await ask(`person${i}@example.be`, '10.3.0.1');
		await expect(ask('one-more@example.be', '10.3.0.1')).rejects.toMatchObject({ code: 'rate_limited' });
	});
});

describe('sessions', () => {
	it('end everywhere at once', async () => {
		const a = await mailLogin('everywhere@example.be');
		const b = await mailLogin('everywhere@example.be');
		const session = await resolveSession(database.db, { unverifiedToken: a.outcome.sessionToken, settings });
		await logoutEverywhere(buildCtx(database.db, undefined, { actor: session!.actor }));
		expect(
			await resolveSession(database.db, { unverifiedToken: a.outcome.sessionToken, settings })
		).toBeNull();
		expect(
			await resolveSession(database.db, { unverifiedToken: b.outcome.sessionToken, settings })
		).toBeNull();
	});

	it('expire when idle too long and after the absolute maximum', async () => {
		const idle = await mailLogin('idle@example.be');
		await database.db.execute(
			sql`update sessions set last_seen_at = now() - interval '61 minutes' where id = ${hashToken(idle.outcome.sessionToken)}`
		);
		expect(
			await resolveSession(database.db, { unverifiedToken: idle.outcome.sessionToken, settings })
		).toBeNull();
		const old = await mailLogin('old@example.be');
		await database.db.execute(
			sql`update sessions set expires_at = now() - interval '1 second' where id = ${hashToken(old.outcome.sessionToken)}`
		);
		expect(
			await resolveSession(database.db, { unverifiedToken: old.outcome.sessionToken, settings })
		).toBeNull();
	});

	it('write their last-seen time at most once every 5 minutes', async () => {
		const { outcome } = await mailLogin('last.seen@example.be');
		const id = hashToken(outcome.sessionToken);
		const lastSeen = async () => {
			const [row] = await database.db
				.select({ at: sessions.lastSeenAt })
				.from(sessions)
				.where(eq(sessions.id, id));
			return row!.at.getTime();
		};
		// Seen 4 minutes ago: a request now leaves the time as it is (no write).
		await database.db.execute(
			sql`update sessions set last_seen_at = now() - interval '4 minutes' where id = ${id}`
		);
		const fourMinutesAgo = await lastSeen();
		expect(
			await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings })
		).not.toBeNull();
		expect(await lastSeen()).toBe(fourMinutesAgo);
		// Seen 6 minutes ago: the request writes it again.
		await database.db.execute(
			sql`update sessions set last_seen_at = now() - interval '6 minutes' where id = ${id}`
		);
		const sixMinutesAgo = await lastSeen();
		expect(
			await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings })
		).not.toBeNull();
		expect(await lastSeen()).toBeGreaterThan(sixMinutesAgo + 5 * 60_000);
	});

	it('stop working for a locked account, and a locked account cannot log in', async () => {
		const { outcome } = await mailLogin('locked@example.be');
		await database.db.update(users).set({ lockedAt: new Date() }).where(eq(users.email, 'locked@example.be'));
		expect(await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings })).toBeNull();
		await expect(mailLogin('locked@example.be')).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('ignore tokens that are not ours', async () => {
		for (const token of ['', 'x'.repeat(5000), "' or 1=1 --"]) {
			expect(await resolveSession(database.db, { unverifiedToken: token, settings })).toBeNull();
		}
	});

	it('are looked up many at once, each token with its own person and roles, in order', async () => {
		const geel = await getTenant(database.db, 'geel');
		await database.db
			.insert(staffInvitations)
			.values({ municipalityId: geel.id, email: 'batch.staff@example.be', role: 'admin' });
		const staff = await mailLogin('batch.staff@example.be');
		const citizen = await mailLogin('batch.citizen@example.be');
		const tokens = [citizen.outcome.sessionToken, 'made-up', staff.outcome.sessionToken, 'x'.repeat(5000)];
		const all = await resolveSessions(database.db, {
			unverifiedTokens: [...tokens, citizen.outcome.sessionToken],
			settings
		});
		expect(all).toHaveLength(5);
		const [a, unknown, b, long, aAgain] = all;
		expect(aAgain?.actor.userId).toBe(a?.actor.userId);
		expect(unknown).toBeNull();
		expect(long).toBeNull();
		expect(a?.actor).toMatchObject({ displayName: expect.any(String), memberships: [], regionRoles: [] });
		expect(b?.actor.memberships).toEqual([{ municipalityId: geel.id, role: 'admin' }]);
		expect(a?.actor.userId).not.toBe(b?.actor.userId);
	});

	it('resolve concurrent requests together, and a session ended a moment ago is not served', async () => {
		const ctx = buildCtx(database.db, undefined, { batches: createBatches() });
		const resolve = (unverifiedToken: string) => resolveRequestSession(ctx, { unverifiedToken, settings });
		const people = await Promise.all(
			Array.from({ length: 12 }, (_, i) => mailLogin(`together.${i}@example.be`))
		);
		const resolved = await Promise.all(people.map((p) => resolve(p.outcome.sessionToken)));
		expect(new Set(resolved.map((s) => s?.actor.userId)).size).toBe(12);
		await logoutEverywhere(buildCtx(database.db, undefined, { actor: resolved[3]!.actor }));
		const again = await Promise.all(people.map((p) => resolve(p.outcome.sessionToken)));
		expect(again.map((s) => s === null)).toEqual(people.map((_, i) => i === 3));
	});
});

describe('keeping a form across login', () => {
	it('gives the typed values back to the person who logged in, and to nobody else', async () => {
		const requestId = await keepDraftForLogin(buildCtx(database.db), {
			returnTo: '/profiel',
			values: { displayName: 'Fien uit Geel' }
		});
		const { outcome } = await mailLogin('fien@example.be', { requestId });
		expect(outcome.returnTo).toBe(`/profiel?concept=${requestId}`);
		const fien = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(
			await getDraft(buildCtx(database.db, undefined, { actor: fien!.actor }), { unverifiedId: requestId })
		).toEqual({
			displayName: 'Fien uit Geel'
		});
		const other = await mailLogin('other@example.be');
		const otherSession = await resolveSession(database.db, {
			unverifiedToken: other.outcome.sessionToken,
			settings
		});
		expect(
			await getDraft(buildCtx(database.db, undefined, { actor: otherSession!.actor }), {
				unverifiedId: requestId
			})
		).toBeNull();
		expect(await getDraft(buildCtx(database.db), { unverifiedId: requestId })).toBeNull();
	});
});

describe('staff invitations', () => {
	it('grant the role when the invited address logs in', async () => {
		const geel = await getTenant(database.db, 'geel');
		await database.db
			.insert(staffInvitations)
			.values({ municipalityId: geel.id, email: 'Nieuw.Staff@example.be', role: 'moderator' });
		const { outcome } = await mailLogin('nieuw.staff@example.be');
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.actor.memberships).toEqual([{ municipalityId: geel.id, role: 'moderator' }]);
		const rows = await database.db
			.select()
			.from(memberships)
			.where(eq(memberships.userId, session!.actor.userId));
		expect(rows).toHaveLength(1);
	});
});

describe('return paths and channels', () => {
	it.each([
		['/geel/acties', '/geel/acties'],
		['https://evil.example', '/'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['javascript:alert(1)', '/'],
		['/aanmelden', '/'],
		[null, '/']
	])('returns to %j as %j', (input, expected) => {
		expect(safeReturnPath(input)).toBe(expected);
	});

	it('takes utm_source first, then the referring host, never our own pages', () => {
		expect(
			firstChannel({ utmSource: 'Facebook', referrer: 'https://x.be', ownOrigin: 'https://m.be' })
		).toEqual({
			channel: 'facebook',
			referrer: null
		});
		expect(firstChannel({ referrer: 'https://www.geel.be/klimaat', ownOrigin: 'https://m.be' })).toEqual({
			channel: 'referrer',
			referrer: 'www.geel.be'
		});
		expect(firstChannel({ referrer: 'https://m.be/geel', ownOrigin: 'https://m.be' }).channel).toBeNull();
		expect(firstChannel({ utmSource: '<script>', ownOrigin: 'https://m.be' }).channel).toBe('script');
	});
});

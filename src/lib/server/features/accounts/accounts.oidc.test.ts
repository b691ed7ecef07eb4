import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { sessions, userIdentities, users } from '$lib/server/db/schema';
import { startDevIdp, type DevIdp } from '$lib/server/devidp/devidp';
import { PERSONAS } from '$lib/server/devidp/personas';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx, silentLog } from '$lib/server/testing/context';
import { CookieJar, follow, formWith } from '$lib/server/testing/http-client';
import { isAppError } from '$lib/server/platform/errors';
import { createOidcClient, mapClaims, type OidcClient } from './accounts.oidc';
import { beginOidcLogin, completeOidcLogin, resolveSession } from './accounts.service';
import { ensurePersonaAccounts } from './accounts.demo';

const REDIRECT_URI = 'http://127.0.0.1:5999/aanmelden/terug';
const settings = { idleMinutes: 60, maxDays: 30 };
let database: TestDatabase;
let idp: DevIdp;
let oidc: OidcClient;

function client(overrides: { clientSecret?: string } = {}) {
	return createOidcClient(
		{
			issuer: idp.issuer,
			clientId: 'meedoen',
			clientSecret: overrides.clientSecret ?? 'geheim',
			clientAuth: 'client_secret_basic',
			privateKey: undefined,
			scopes: 'openid profile email',
			label: 'Mijn Burgerprofiel (testomgeving)'
		},
		{ allowHttp: true }
	);
}

beforeAll(async () => {
	database = await createTestDatabase();
	idp = await startDevIdp({
		host: '127.0.0.1',
		port: 0,
		clients: [
			{
				clientId: 'meedoen',
				clientSecret: 'geheim',
				redirectUris: [REDIRECT_URI],
				postLogoutRedirectUris: ['http://127.0.0.1:5999/afgemeld']
			}
		],
		log: silentLog
	});
	oidc = client();
	await ensurePersonaAccounts(database.db, { issuer: idp.issuer, personas: PERSONAS });
});
afterAll(async () => {
	await idp?.close();
	await database?.destroy();
});

/** Starts a login in the app, picks the persona at the provider like a browser, and returns where it lands. */
async function throughProvider(sub: string, via: OidcClient = oidc) {
	const ctx = buildCtx(database.db);
	const { state, url } = await beginOidcLogin(ctx, {
		oidc: via,
		redirectUri: REDIRECT_URI,
		returnTo: '/geel',
		channel: { channel: 'facebook', referrer: null }
	});
	const jar = new CookieJar();
	const picker = await follow(jar, url, REDIRECT_URI);
	const html = (await picker.response?.text()) ?? '';
	const form = formWith(html, 'persona', sub);
	const posted = await jar.fetch(new URL(form.action, picker.url), { method: 'POST', form: form.fields });
	const back = await follow(jar, new URL(posted.headers.get('location') ?? '', picker.url), REDIRECT_URI);
	return { state, callbackUrl: back.url };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (err) {
		if (isAppError(err)) return err.messageKey;
		throw err;
	}
	throw new Error('expected a refusal');
}

const sessionCount = async () => (await database.db.select({ n: count() }).from(sessions))[0]?.n ?? 0;

describe('login with the OpenID Connect provider', () => {
	it('logs a new person in with the claims mapped, and returns them to the page they were on', async () => {
		const { state, callbackUrl } = await throughProvider('dev-citizen-mol');
		expect(callbackUrl.searchParams.get('code')).toBeTruthy();
		const outcome = await completeOidcLogin(buildCtx(database.db), {
			oidc,
			currentUrl: callbackUrl,
			stateFromCookie: state,
			userAgent: 'vitest',
			settings
		});
		expect(outcome.returnTo).toBe('/geel');
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.idToken).toMatch(/^ey/);
		const [user] = await database.db.select().from(users).where(eq(users.id, session!.actor.userId));
		expect(user).toMatchObject({ givenName: 'Jonas', familyName: 'Janssens', displayName: 'Jonas J.' });
		const [identity] = await database.db
			.select()
			.from(userIdentities)
			.where(eq(userIdentities.userId, user!.id));
		expect(identity).toMatchObject({ issuer: idp.issuer, subject: 'dev-citizen-mol' });
	});

	it('gives staff personas their roles', async () => {
		const { state, callbackUrl } = await throughProvider('dev-admin-geel');
		const outcome = await completeOidcLogin(buildCtx(database.db), {
			oidc,
			currentUrl: callbackUrl,
			stateFromCookie: state,
			userAgent: null,
			settings
		});
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.actor.memberships.map((m) => m.role)).toEqual(['admin']);
	});

	it('refuses a replayed callback and changes nothing', async () => {
		const { state, callbackUrl } = await throughProvider('dev-citizen-geel');
		const ctx = buildCtx(database.db);
		await completeOidcLogin(ctx, {
			oidc,
			currentUrl: callbackUrl,
			stateFromCookie: state,
			userAgent: null,
			settings
		});
		const before = await sessionCount();
		expect(
			await refusal(
				completeOidcLogin(ctx, {
					oidc,
					currentUrl: callbackUrl,
					stateFromCookie: state,
					userAgent: null,
					settings
				})
			)
		).toBe('auth.expired');
		expect(await sessionCount()).toBe(before);
	});

	it('refuses a tampered state, or a callback that does not belong to this browser', async () => {
		const { state, callbackUrl } = await throughProvider('dev-citizen-geel');
		const before = await sessionCount();
		const tampered = new URL(callbackUrl);
		tampered.searchParams.set('state', 'verzonnen');
		const ctx = buildCtx(database.db);
		expect(
			await refusal(
				completeOidcLogin(ctx, {
					oidc,
					currentUrl: tampered,
					stateFromCookie: state,
					userAgent: null,
					settings
				})
			)
		).toBe('auth.stateMismatch');
		expect(
			await refusal(
				completeOidcLogin(ctx, {
					oidc,
					currentUrl: callbackUrl,
					stateFromCookie: undefined,
					userAgent: null,
					settings
				})
			)
		).toBe('auth.stateMismatch');
		expect(await sessionCount()).toBe(before);
	});

	it('refuses a response that names another issuer', async () => {
		const { state, callbackUrl } = await throughProvider('dev-citizen-geel');
		const forged = new URL(callbackUrl);
		forged.searchParams.set('iss', 'https://authenticatie.evil.example/op');
		expect(
			await refusal(
				completeOidcLogin(buildCtx(database.db), {
					oidc,
					currentUrl: forged,
					stateFromCookie: state,
					userAgent: null,
					settings
				})
			)
		).toBe('auth.failed');
	});

	it('refuses when the provider does not accept our client credentials', async () => {
		const wrong = client({ clientSecret: 'fout' });
		const { state, callbackUrl } = await throughProvider('dev-citizen-geel', wrong);
		expect(
			await refusal(
				completeOidcLogin(buildCtx(database.db), {
					oidc: wrong,
					currentUrl: callbackUrl,
					stateFromCookie: state,
					userAgent: null,
					settings
				})
			)
		).toBe('auth.failed');
	});

	it('says so calmly when the person cancels at the provider', async () => {
		const cancelled = new URL(`${REDIRECT_URI}?error=access_denied&state=x`);
		expect(
			await refusal(
				completeOidcLogin(buildCtx(database.db), {
					oidc,
					currentUrl: cancelled,
					stateFromCookie: 'x',
					userAgent: null,
					settings
				})
			)
		).toBe('auth.cancelled');
	});

	it('refuses a locked account without creating a session', async () => {
		const [identity] = await database.db
			.select({ userId: userIdentities.userId })
			.from(userIdentities)
			.where(eq(userIdentities.subject, 'dev-moderator-mol'));
		await database.db.update(users).set({ lockedAt: new Date() }).where(eq(users.id, identity!.userId));
		const before = await sessionCount();
		const { state, callbackUrl } = await throughProvider('dev-moderator-mol');
		expect(
			await refusal(
				completeOidcLogin(buildCtx(database.db), {
					oidc,
					currentUrl: callbackUrl,
					stateFromCookie: state,
					userAgent: null,
					settings
				})
			)
		).toBe('auth.locked');
		expect(await sessionCount()).toBe(before);
	});
});

describe('claim mapping', () => {
	it('keeps sub, names and a valid e-mail, and never the national register number', () => {
		const mapped = mapClaims({
			sub: 'abc',
			given_name: ' An ',
			family_name: 'Peeters',
			email: 'An@Example.be',
			rrn: '85073003328',
			email_verified: false
		});
		expect(mapped).toEqual({
			subject: 'abc',
			givenName: 'An',
			familyName: 'Peeters',
			email: 'an@example.be',
			emailVerified: false
		});
		expect(JSON.stringify(mapped)).not.toContain('85073003328');
	});

	it('drops an e-mail that is not one, and absurdly long names', () => {
		const mapped = mapClaims({ sub: 'x', email: 'geen-adres', given_name: 'a'.repeat(5000) });
		expect(mapped.email).toBeNull();
		expect(mapped.givenName).toHaveLength(200);
	});
});

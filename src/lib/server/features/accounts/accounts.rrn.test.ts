// The national register number (rrn) is never stored: a real login through an identity provider that sends
// it anyway (in the id token and behind userinfo), on a running platform, leaves it in no table, no job and
// no log line. The platform's own refusal to ask for it is config.test.ts's ("OIDC_SCOPES").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
	allowInsecureRequests,
	authorizationCodeGrant,
	buildAuthorizationUrl,
	calculatePKCECodeChallenge,
	discovery,
	fetchUserInfo,
	randomNonce,
	randomPKCECodeVerifier,
	randomState
} from 'openid-client';
import { startDevIdp, type DevIdp } from '$lib/server/devidp/devidp';
import type { Persona } from '$lib/server/devidp/personas';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { startApp, stopApp, type App } from '$lib/server/platform/app';
import { createLogger } from '$lib/server/platform/log';
import { createEmptyTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { decodedJwts, dumpDatabase, findInDump } from '$lib/server/testing/dump';
import { pickPersona, requestCtx } from '$lib/server/testing/running';
import { createOidcClient, type OidcClient } from './accounts.oidc';
import { beginOidcLogin, completeOidcLogin, resolveRequestSession } from './accounts.service';
import { exportPersonalData } from '$lib/server/features/profile/profile.service';

const REDIRECT_URI = 'http://127.0.0.1:5999/aanmelden/terug';
const RRN = '85073003328';
const CLIENT = { clientId: 'meedoen', clientSecret: 'geheim' };

/** A test-only persona: the bundled ones have no national register number. */
const WITH_RRN: Persona = {
	sub: 'test-citizen-with-rrn',
	givenName: 'Wannes',
	familyName: 'Rijksregister',
	email: 'wannes.rijksregister@example.be',
	rrn: RRN,
	description: 'Testpersoon wiens identiteitsprovider een rijksregisternummer meestuurt.',
	roles: []
};

let database: TestDatabase;
let dataDir: string;
let app: App;
const logLines: string[] = [];
const providers: DevIdp[] = [];

async function provider(options: { claimsInIdToken: boolean }): Promise<DevIdp> {
	const idp = await startDevIdp({
		host: '127.0.0.1',
		port: 0,
		clients: [
			{
				...CLIENT,
				redirectUris: [REDIRECT_URI],
				postLogoutRedirectUris: ['http://127.0.0.1:5999/afgemeld']
			}
		],
		// The provider is someone else's server: its own log is not the platform's.
		log: silentLog,
		personas: [WITH_RRN],
		claimsInIdToken: options.claimsInIdToken
	});
	providers.push(idp);
	return idp;
}

/** The platform's own OpenID Connect client (openid-client), as the accounts feature makes it. */
function clientOf(idp: DevIdp): OidcClient {
	return createOidcClient(
		{
			issuer: idp.issuer,
			...CLIENT,
			clientAuth: 'client_secret_basic',
			privateKey: undefined,
			scopes: 'openid profile email',
			label: 'Mijn Burgerprofiel (testomgeving)'
		},
		{ allowHttp: true }
	);
}

/** The whole login as the routes run it: /aanmelden, the provider, /aanmelden/terug, then a page with the cookie. */
async function logInThroughThePlatform(idp: DevIdp) {
	const oidc = clientOf(idp);
	const { state, url } = await beginOidcLogin(requestCtx(app, 'begin'), {
		oidc,
		redirectUri: REDIRECT_URI,
		returnTo: '/geel',
		channel: { channel: null, referrer: null }
	});
	const callbackUrl = await pickPersona(url, WITH_RRN.sub, REDIRECT_URI);
	const settings = app.sessionSettings;
	const outcome = await completeOidcLogin(requestCtx(app, 'callback'), {
		oidc,
		currentUrl: callbackUrl,
		stateFromCookie: state,
		userAgent: 'vitest',
		settings
	});
	const ctx = requestCtx(app, 'next-page');
	const session = await resolveRequestSession(ctx, { unverifiedToken: outcome.sessionToken, settings });
	expect(session?.actor.displayName).toBe('Wannes R.');
	// The person downloads their data: what the platform holds of them, on its way out.
	const exported = await exportPersonalData({ ...ctx, actor: session!.actor });
	await oidc.endSessionUrl({
		idTokenHint: session!.idToken,
		postLogoutRedirectUri: 'http://127.0.0.1:5999/afgemeld'
	});
	return { exported };
}

/** Proof that the provider really sends the number, read with openid-client directly (not the platform). */
async function whatTheProviderSends(idp: DevIdp) {
	const config = await discovery(new URL(idp.issuer), CLIENT.clientId, CLIENT.clientSecret, undefined, {
		execute: [allowInsecureRequests]
	});
	const codeVerifier = randomPKCECodeVerifier();
	const state = randomState();
	const nonce = randomNonce();
	const url = buildAuthorizationUrl(config, {
		redirect_uri: REDIRECT_URI,
		scope: 'openid profile email',
		code_challenge: await calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	const tokens = await authorizationCodeGrant(config, await pickPersona(url, WITH_RRN.sub, REDIRECT_URI), {
		pkceCodeVerifier: codeVerifier,
		expectedState: state,
		expectedNonce: nonce
	});
	const userinfo = await fetchUserInfo(config, tokens.access_token, WITH_RRN.sub);
	return { idToken: tokens.claims(), userinfo };
}

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-rrn-'));
	database = await createEmptyTestDatabase();
	const stream = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
			callback();
		}
	});
	// Everything the platform logs, at the finest level, with its job system running.
	app = await startApp(
		loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DEMO: '0', LOG_LEVEL: 'trace' }),
		createLogger('trace', stream),
		{ database, features }
	);
});
afterAll(async () => {
	for (const idp of providers) await idp.close();
	if (app) await stopApp(app);
	await database?.destroy();
	await rm(dataDir, { recursive: true, force: true });
});

describe('a national register number sent by the identity provider', () => {
	for (const claimsInIdToken of [true, false]) {
		const where = claimsInIdToken ? 'in the id token (as ACM/IDM)' : 'behind the userinfo endpoint';
		it(`is stored in no table, no job and no log line when it comes ${where}`, async () => {
			const idp = await provider({ claimsInIdToken });
			const sent = await whatTheProviderSends(idp);
			expect(sent.userinfo.rrn).toBe(RRN);
			expect(sent.idToken?.rrn).toBe(claimsInIdToken ? RRN : undefined);

			const { exported } = await logInThroughThePlatform(idp);
			expect(JSON.stringify(exported)).not.toContain(RRN);

			const dump = await dumpDatabase(app.database.db);
			// The search sees what the login stored: the name from the provider, in the users table.
			expect(findInDump(dump, [WITH_RRN.familyName]).map((f) => f.table)).toContain('public.users');
			expect(dump.map((d) => d.table)).toEqual(expect.arrayContaining(['pgboss.job', 'public.sessions']));
			expect(findInDump(dump, [RRN], { decodeJwts: true })).toEqual([]);

			expect(logLines.length).toBeGreaterThan(0);
			expect(logLines.filter((line) => `${line} ${decodedJwts(line)}`.includes(RRN))).toEqual([]);
			// The operator is told that the provider's registration asks too much, without the number.
			expect(logLines.some((line) => line.includes('sent a national register number (rrn)'))).toBe(true);
		});
	}
});

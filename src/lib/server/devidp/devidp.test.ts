import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import {
	ClientSecretBasic,
	allowInsecureRequests,
	authorizationCodeGrant,
	buildAuthorizationUrl,
	buildEndSessionUrl,
	calculatePKCECodeChallenge,
	discovery,
	fetchUserInfo,
	randomNonce,
	randomPKCECodeVerifier,
	randomState,
	type Configuration
} from 'openid-client';
import { createLogger } from '$lib/server/platform/log';
import { silentLog } from '$lib/server/testing/context';
import { CookieJar, follow, formWith, forms, freePort } from '$lib/server/testing/http-client';
import { startDevIdp, type DevIdp, type DevIdpClient } from './devidp';
import { PERSONAS, type Persona } from './personas';
import { escapeHtml, pickerPage } from './devidp.pages';

const CLIENT: DevIdpClient = {
	clientId: 'meedoen-test',
	clientSecret: 'een-geheim-voor-tests',
	redirectUris: ['http://localhost:5173/aanmelden/terug'],
	postLogoutRedirectUris: ['http://localhost:5173/afgemeld']
};
const REDIRECT_URI = CLIENT.redirectUris[0] as string;
const POST_LOGOUT_URI = CLIENT.postLogoutRedirectUris[0] as string;

function decodeJwtPart(jwt: string, index: 0 | 1): Record<string, unknown> {
	return JSON.parse(Buffer.from(jwt.split('.')[index] ?? '', 'base64url').toString('utf8'));
}

function logCapture(): { lines: Record<string, unknown>[]; stream: Writable } {
	const lines: Record<string, unknown>[] = [];
	const stream = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
			callback();
		}
	});
	return { lines, stream };
}

type Authorization = { url: URL; codeVerifier: string; state: string; nonce: string };

async function authorizationRequest(
	config: Configuration,
	extra: Record<string, string> = {}
): Promise<Authorization> {
	const codeVerifier = randomPKCECodeVerifier();
	const state = randomState();
	const nonce = randomNonce();
	const url = buildAuthorizationUrl(config, {
		redirect_uri: REDIRECT_URI,
		scope: 'openid profile email',
		code_challenge: await calculatePKCECodeChallenge(codeVerifier),
		code_challenge_method: 'S256',
		state,
		nonce,
		...extra
	});
	return { url, codeVerifier, state, nonce };
}

/** The whole browser side of a login: authorization request, picker, persona, back at the redirect_uri. */
async function logIn(config: Configuration, jar: CookieJar, persona: Persona) {
	const request = await authorizationRequest(config);
	const picker = await follow(jar, request.url, REDIRECT_URI);
	expect(picker.response?.status).toBe(200);
	const html = (await picker.response?.text()) ?? '';
	expect(html).toContain('Aanmelden bij de ontwikkel-identiteitsprovider');
	const form = formWith(html, 'persona', persona.sub);
	const submitted = await jar.fetch(new URL(form.action, picker.url), { method: 'POST', form: form.fields });
	expect(submitted.status).toBe(303);
	const back = await follow(jar, new URL(submitted.headers.get('location') ?? '', picker.url), REDIRECT_URI);
	expect(back.response).toBeUndefined();
	return { ...request, callbackUrl: back.url };
}

function persona(sub: string): Persona {
	const found = PERSONAS.find((p) => p.sub === sub);
	if (!found) throw new Error(`no persona ${sub}`);
	return found;
}

describe('the development identity provider', () => {
	let idp: DevIdp;
	let config: Configuration;
	const log = logCapture();

	beforeAll(async () => {
		idp = await startDevIdp({
			host: '127.0.0.1',
			port: 0,
			clients: [CLIENT],
			log: createLogger('info', log.stream)
		});
		config = await discovery(new URL(idp.issuer), CLIENT.clientId, CLIENT.clientSecret, undefined, {
			execute: [allowInsecureRequests]
		});
	});
	afterAll(async () => {
		await idp?.close();
	});

	it('warns loudly at start that it is for demo and tests only', () => {
		expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const warning = log.lines.find((line) => line.level === 40);
		expect(warning?.msg).toBe(
			`Ontwikkel-identiteitsprovider actief op ${idp.issuer} — alleen voor demo en tests, nooit in productie`
		);
	});

	it('publishes ACM/IDM-shaped discovery metadata', () => {
		const metadata = config.serverMetadata();
		expect(metadata.issuer).toBe(idp.issuer);
		expect(metadata.response_types_supported).toEqual(['code']);
		expect(metadata.grant_types_supported).toEqual(['authorization_code']);
		expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
		expect(metadata.id_token_signing_alg_values_supported).toEqual(['RS256']);
		expect([...(metadata.token_endpoint_auth_methods_supported ?? [])].sort()).toEqual([
			'client_secret_basic',
			'client_secret_post'
		]);
		expect(metadata.end_session_endpoint).toMatch(new RegExp(`^${idp.issuer}/`));
		expect(metadata.userinfo_endpoint).toMatch(new RegExp(`^${idp.issuer}/`));
		expect(metadata.claims_supported).not.toContain('rrn');
	});

	it('logs a citizen in through the picker and issues an RS256 id token with the profile claims', async () => {
		const jar = new CookieJar();
		const lotte = persona('dev-citizen-geel');
		const login = await logIn(config, jar, lotte);

		const tokens = await authorizationCodeGrant(config, login.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		});

		expect(decodeJwtPart(tokens.id_token ?? '', 0).alg).toBe('RS256');
		const claims = tokens.claims();
		expect(claims).toMatchObject({
			iss: idp.issuer,
			aud: CLIENT.clientId,
			sub: 'dev-citizen-geel',
			given_name: 'Lotte',
			family_name: 'Peeters',
			email: 'lotte.peeters@example.be'
		});
		expect(claims).not.toHaveProperty('rrn');
		expect(tokens).not.toHaveProperty('refresh_token');

		const userinfo = await fetchUserInfo(config, tokens.access_token, 'dev-citizen-geel');
		expect(userinfo).toMatchObject({
			given_name: 'Lotte',
			family_name: 'Peeters',
			email: 'lotte.peeters@example.be'
		});
		expect(userinfo).not.toHaveProperty('rrn');
	});

	it('accepts client_secret_basic as well as client_secret_post', async () => {
		const basic = await discovery(
			new URL(idp.issuer),
			CLIENT.clientId,
			undefined,
			ClientSecretBasic(CLIENT.clientSecret),
			{ execute: [allowInsecureRequests] }
		);
		const login = await logIn(basic, new CookieJar(), persona('dev-moderator-geel'));
		const tokens = await authorizationCodeGrant(basic, login.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		});
		expect(tokens.claims()?.sub).toBe('dev-moderator-geel');
	});

	it('leaves the email claim out for the persona without an address', async () => {
		const login = await logIn(config, new CookieJar(), persona('dev-citizen-olen'));
		const tokens = await authorizationCodeGrant(config, login.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		});
		const claims = tokens.claims();
		expect(claims).toMatchObject({ sub: 'dev-citizen-olen', given_name: 'Marie', family_name: 'Maes' });
		expect(claims).not.toHaveProperty('email');
	});

	it('refuses an authorization request without a PKCE code challenge', async () => {
		const url = buildAuthorizationUrl(config, {
			redirect_uri: REDIRECT_URI,
			scope: 'openid profile email',
			state: randomState(),
			nonce: randomNonce()
		});
		const back = await follow(new CookieJar(), url, REDIRECT_URI);
		expect(back.url.searchParams.get('error')).toBe('invalid_request');
		expect(back.url.searchParams.get('error_description')).toMatch(/PKCE/);
	});

	it('refuses the plain PKCE method', async () => {
		const verifier = randomPKCECodeVerifier();
		const url = buildAuthorizationUrl(config, {
			redirect_uri: REDIRECT_URI,
			scope: 'openid profile email',
			state: randomState(),
			nonce: randomNonce(),
			code_challenge: verifier,
			code_challenge_method: 'plain'
		});
		const back = await follow(new CookieJar(), url, REDIRECT_URI);
		expect(back.url.searchParams.get('error')).toBe('invalid_request');
		expect(back.url.searchParams.get('error_description')).toMatch(/code_challenge_method/);
	});

	it('refuses a wrong client secret at the token endpoint', async () => {
		const login = await logIn(config, new CookieJar(), persona('dev-citizen-mol'));
		const wrong = await discovery(new URL(idp.issuer), CLIENT.clientId, 'niet-het-geheim', undefined, {
			execute: [allowInsecureRequests]
		});
		const checks = {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		};
		await expect(authorizationCodeGrant(wrong, login.callbackUrl, checks)).rejects.toMatchObject({
			error: 'invalid_client'
		});
		// The code itself was fine: the right secret still redeems it.
		const tokens = await authorizationCodeGrant(config, login.callbackUrl, checks);
		expect(tokens.claims()?.sub).toBe('dev-citizen-mol');
	});

	it('keeps the login for a second request, grants prompt=consent without a screen, and logs out at the end_session_endpoint', async () => {
		const jar = new CookieJar();
		const login = await logIn(config, jar, persona('dev-alderman-geel'));
		const tokens = await authorizationCodeGrant(config, login.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		});

		// Single sign-on: no picker the second time, even when the client asks for consent.
		const again = await authorizationRequest(config, { prompt: 'consent' });
		const silent = await follow(jar, again.url, REDIRECT_URI);
		expect(silent.response).toBeUndefined();
		expect(silent.url.searchParams.get('code')).toBeTruthy();

		const state = randomState();
		const endSession = buildEndSessionUrl(config, {
			id_token_hint: tokens.id_token ?? '',
			post_logout_redirect_uri: POST_LOGOUT_URI,
			state
		});
		const confirmation = await jar.fetch(endSession);
		expect(confirmation.status).toBe(200);
		const html = await confirmation.text();
		expect(html).toContain('<html lang="nl">');
		expect(html).toContain('Ja, afmelden');
		expect(html).not.toContain('<script');
		const form = formWith(html, 'xsrf', forms(html)[0]?.fields.xsrf ?? '');
		const done = await jar.fetch(new URL(form.action, endSession), {
			method: 'POST',
			form: { ...form.fields, logout: 'yes' }
		});
		expect(done.status).toBe(303);
		const location = new URL(done.headers.get('location') ?? '');
		expect(`${location.origin}${location.pathname}`).toBe(POST_LOGOUT_URI);
		expect(location.searchParams.get('state')).toBe(state);

		// The provider's session is gone: the next login shows the picker again.
		const afterwards = await follow(jar, (await authorizationRequest(config)).url, REDIRECT_URI);
		expect(afterwards.response?.status).toBe(200);
		expect(await afterwards.response?.text()).toContain('Aanmelden bij de ontwikkel-identiteitsprovider');
	});

	it('asks for a button press instead of a script when logging out without a session at the provider', async () => {
		const login = await logIn(config, new CookieJar(), persona('dev-communication-geel'));
		const tokens = await authorizationCodeGrant(config, login.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		});

		// Another browser, or the provider forgot the session: nothing to confirm, but no script either.
		const jar = new CookieJar();
		const state = randomState();
		const endSession = buildEndSessionUrl(config, {
			id_token_hint: tokens.id_token ?? '',
			post_logout_redirect_uri: POST_LOGOUT_URI,
			state
		});
		const page = await jar.fetch(endSession);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<html lang="nl">');
		expect(html).toContain('Verder naar de toepassing');
		expect(html).not.toContain('<script');
		const form = formWith(html, 'logout', 'yes');
		const done = await jar.fetch(new URL(form.action, endSession), { method: 'POST', form: form.fields });
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe(`${POST_LOGOUT_URI}?state=${state}`);
	});

	it('returns access_denied to the redirect_uri when the person presses Annuleren', async () => {
		const jar = new CookieJar();
		const request = await authorizationRequest(config);
		const picker = await follow(jar, request.url, REDIRECT_URI);
		const html = (await picker.response?.text()) ?? '';
		expect(html).toMatch(/<button type="submit" class="secondary">Annuleren<\/button>/);
		const cancel = formWith(html, 'action', 'cancel');
		const submitted = await jar.fetch(new URL(cancel.action, picker.url), {
			method: 'POST',
			form: cancel.fields
		});
		const back = await follow(
			jar,
			new URL(submitted.headers.get('location') ?? '', picker.url),
			REDIRECT_URI
		);
		expect(back.url.searchParams.get('error')).toBe('access_denied');
		expect(back.url.searchParams.get('state')).toBe(request.state);
		expect(back.url.searchParams.has('code')).toBe(false);
	});

	it('serves an accessible Dutch picker page without scripts', async () => {
		const picker = await follow(new CookieJar(), (await authorizationRequest(config)).url, REDIRECT_URI);
		const response = picker.response;
		expect(response?.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response?.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = (await response?.text()) ?? '';
		expect(html).toContain('<html lang="nl">');
		expect(html).toMatch(/<title>[^<]+<\/title>/);
		expect(html).toContain('<main>');
		expect(html).toContain('<h1>Aanmelden bij de ontwikkel-identiteitsprovider</h1>');
		expect(html).toContain('Mijn Burgerprofiel');
		expect(html).not.toContain('<script');
		for (const p of PERSONAS) {
			expect(html).toContain(escapeHtml(`${p.givenName} ${p.familyName}`));
			expect(formWith(html, 'persona', p.sub).action).toBe(new URL(picker.url).pathname);
		}
	});

	it('shows a Dutch error page for an unknown or expired login session', async () => {
		const response = await fetch(new URL('/interaction/onbekend', idp.issuer), { redirect: 'manual' });
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('<html lang="nl">');
		expect(html).toContain('Aanmelden lukt niet');
	});
});

describe('numbered test citizens (DEV_IDP_PEOPLE)', () => {
	let idp: DevIdp;
	let config: Configuration;

	beforeAll(async () => {
		idp = await startDevIdp({ host: '127.0.0.1', port: 0, clients: [CLIENT], log: silentLog, people: 3 });
		config = await discovery(new URL(idp.issuer), CLIENT.clientId, CLIENT.clientSecret, undefined, {
			execute: [allowInsecureRequests]
		});
	});
	afterAll(async () => {
		await idp?.close();
	});

	/** The picker's number form, sent with `number`: the redirect back, or the provider's answer. */
	async function pickNumber(number: string) {
		const jar = new CookieJar();
		const request = await authorizationRequest(config);
		const picker = await follow(jar, request.url, REDIRECT_URI);
		const html = (await picker.response?.text()) ?? '';
		const form = forms(html).find((f) => Object.keys(f.fields).length === 0);
		if (!form) throw new Error('no form without hidden fields (the number form) on the picker');
		const submitted = await jar.fetch(new URL(form.action, picker.url), {
			method: 'POST',
			form: { number }
		});
		return { jar, request, html, submitted, pickerUrl: picker.url };
	}

	it('offers them by number on the picker, not one button each', async () => {
		const { html } = await pickNumber('1');
		expect(html).toContain('<label for="number">Nummer van de testpersoon (1 tot 3)</label>');
		expect(html).toMatch(/<input id="number" name="number" type="number" min="1" max="3" required>/);
		expect(html).not.toContain('dev-person-');
	});

	it('logs the chosen number in as a person of their own with a name and address', async () => {
		const { jar, request, submitted, pickerUrl } = await pickNumber('2');
		expect(submitted.status).toBe(303);
		const back = await follow(jar, new URL(submitted.headers.get('location') ?? '', pickerUrl), REDIRECT_URI);
		const tokens = await authorizationCodeGrant(config, back.url, {
			pkceCodeVerifier: request.codeVerifier,
			expectedState: request.state,
			expectedNonce: request.nonce
		});
		expect(tokens.claims()).toMatchObject({
			sub: 'dev-person-2',
			given_name: 'Testpersoon 2',
			family_name: 'Kempen',
			email: 'testpersoon-2@example.be'
		});
	});

	it('refuses a number beyond DEV_IDP_PEOPLE, zero and anything that is not a number', async () => {
		for (const number of ['4', '0', '-1', '1.5', 'dev-person-1', '']) {
			const { submitted } = await pickNumber(number);
			expect(submitted.status, number).toBe(400);
			expect(await submitted.text()).toContain('unknown persona');
		}
	});

	it('is not offered without DEV_IDP_PEOPLE', () => {
		const html = pickerPage({ action: '/interaction/x', clientId: 'c', personas: PERSONAS });
		expect(html).not.toContain('name="number"');
		expect(pickerPage({ action: '/interaction/x', clientId: 'c', personas: PERSONAS, people: 0 })).toBe(html);
	});
});

describe('the development identity provider under an issuer with a path, like ACM/IDM', () => {
	let idp: DevIdp;
	let issuer: string;

	beforeAll(async () => {
		const port = await freePort();
		issuer = `http://127.0.0.1:${port}/op`;
		idp = await startDevIdp({ host: '127.0.0.1', port, issuer, clients: [CLIENT], log: silentLog });
	});
	afterAll(async () => {
		await idp?.close();
	});

	it('serves discovery and the whole flow below the path', async () => {
		expect(idp.issuer).toBe(issuer);
		const config = await discovery(new URL(issuer), CLIENT.clientId, CLIENT.clientSecret, undefined, {
			execute: [allowInsecureRequests]
		});
		const metadata = config.serverMetadata();
		expect(metadata.authorization_endpoint).toMatch(new RegExp(`^${issuer}/`));
		expect(metadata.token_endpoint).toMatch(new RegExp(`^${issuer}/`));
		expect(metadata.jwks_uri).toMatch(new RegExp(`^${issuer}/`));

		const login = await logIn(config, new CookieJar(), persona('dev-regional-admin-kempen'));
		const tokens = await authorizationCodeGrant(config, login.callbackUrl, {
			pkceCodeVerifier: login.codeVerifier,
			expectedState: login.state,
			expectedNonce: login.nonce
		});
		expect(tokens.claims()).toMatchObject({
			iss: issuer,
			sub: 'dev-regional-admin-kempen',
			family_name: 'Van den Broeck'
		});

		const outside = await fetch(new URL('/.well-known/openid-configuration', issuer));
		expect(outside.status).toBe(404);
	});
});

describe('the personas', () => {
	const rolesOf = (sub: string) => persona(sub).roles;

	it('cover three citizens without roles, one of them without an email address', () => {
		const citizens = PERSONAS.filter((p) => p.roles.length === 0);
		expect(citizens.map((p) => p.sub).sort()).toEqual([
			'dev-citizen-geel',
			'dev-citizen-mol',
			'dev-citizen-olen'
		]);
		expect(persona('dev-citizen-olen').email).toBeUndefined();
	});

	it('give Geel a moderator, communication officer, alderman and admin, and Mol a moderator', () => {
		expect(rolesOf('dev-moderator-geel')).toEqual([
			{ scope: 'municipality', municipalitySlug: 'geel', role: 'moderator' }
		]);
		expect(rolesOf('dev-communication-geel')).toEqual([
			{ scope: 'municipality', municipalitySlug: 'geel', role: 'communication' }
		]);
		expect(rolesOf('dev-alderman-geel')).toEqual([
			{ scope: 'municipality', municipalitySlug: 'geel', role: 'alderman' }
		]);
		expect(rolesOf('dev-admin-geel')).toEqual([
			{ scope: 'municipality', municipalitySlug: 'geel', role: 'admin' }
		]);
		expect(rolesOf('dev-moderator-mol')).toEqual([
			{ scope: 'municipality', municipalitySlug: 'mol', role: 'moderator' }
		]);
	});

	it('give the Kempen region a regional admin and a participation expert who coaches Geel and Olen', () => {
		expect(rolesOf('dev-regional-admin-kempen')).toEqual([
			{ scope: 'region', regionSlug: 'kempen', role: 'regional_admin' }
		]);
		expect(rolesOf('dev-participation-expert-kempen')).toEqual([
			{ scope: 'region', regionSlug: 'kempen', role: 'participation_expert', coaches: ['geel', 'olen'] }
		]);
	});

	it('have unique subjects, example.be addresses and Dutch descriptions, and cannot be changed', () => {
		expect(new Set(PERSONAS.map((p) => p.sub)).size).toBe(PERSONAS.length);
		for (const p of PERSONAS) {
			if (p.email !== undefined) expect(p.email).toMatch(/^[a-z.]+@example\.be$/);
			expect(p.description.length).toBeGreaterThan(10);
		}
		expect(Object.isFrozen(PERSONAS)).toBe(true);
		expect(Object.isFrozen(PERSONAS[0])).toBe(true);
	});
});

describe('the picker page', () => {
	it('escapes everything it shows', () => {
		const html = pickerPage({
			action: '/interaction/abc"><script>',
			clientId: '<img src=x onerror=alert(1)>',
			personas: [
				{
					sub: '"><script>alert(1)</script>',
					givenName: '<b>Kim</b>',
					familyName: 'Dewit & Zoon',
					email: 'kim@example.be',
					description: "<i>d'r</i>",
					roles: []
				}
			]
		});
		expect(html).not.toMatch(/<(script|img|b|i)\b/);
		expect(html).toContain('&lt;b&gt;Kim&lt;/b&gt; Dewit &amp; Zoon');
		expect(html).toContain('&lt;i&gt;d&#39;r&lt;/i&gt;');
	});
});

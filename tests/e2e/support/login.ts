// Logging in over plain HTTP through the development identity provider, as a browser would, for tests
// that check access rather than pages.
import { expect } from 'vitest';
import { CookieJar, follow, formWith } from '../../../src/lib/server/testing/http-client';
import type { RunningServer } from './server';

export async function logInOverHttp(
	server: Pick<RunningServer, 'url'>,
	sub: string,
	jar = new CookieJar()
): Promise<CookieJar> {
	const start = await jar.fetch(new URL(`${server.url}/aanmelden?/oidc`), {
		method: 'POST',
		form: { returnTo: '/', requestId: '' }
	});
	expect(start.status).toBe(303);
	const callback = `${server.url}/aanmelden/terug`;
	const picker = await follow(jar, new URL(start.headers.get('location')!), callback);
	const form = formWith((await picker.response!.text()) ?? '', 'persona', sub);
	const posted = await jar.fetch(new URL(form.action, picker.url), { method: 'POST', form: form.fields });
	const back = await follow(jar, new URL(posted.headers.get('location')!, picker.url), callback);
	const landed = await jar.fetch(back.url);
	expect(landed.status).toBe(303);
	expect(jar.header(new URL(server.url))).toContain('meedoen_session=');
	return jar;
}

/**
 * A numbered test citizen (`DEV_IDP_PEOPLE`: "Testpersoon n") logged in over HTTP through the product;
 * resolves with the session token.
 */
export async function logInNumbered(base: string, n: number): Promise<string> {
	const jar = new CookieJar();
	const start = await jar.fetch(new URL(`${base}/aanmelden?/oidc`), {
		method: 'POST',
		form: { returnTo: '/', requestId: '' }
	});
	if (start.status !== 303)
		throw new Error(`POST /aanmelden?/oidc answered ${start.status}: ${(await start.text()).slice(0, 300)}`);
	const callback = `${base}/aanmelden/terug`;
	const picker = await follow(jar, new URL(start.headers.get('location')!), callback);
	const html = (await picker.response?.text()) ?? '';
	const action = html.match(/<form method="post" action="([^"]+)">\s*<label for="number">/)?.[1];
	if (!action) throw new Error('the provider offers no numbered test people');
	const posted = await jar.fetch(new URL(action.replaceAll('&amp;', '&'), picker.url), {
		method: 'POST',
		form: { number: String(n) }
	});
	const back = await follow(jar, new URL(posted.headers.get('location')!, picker.url), callback);
	const landed = await jar.fetch(back.url);
	expect(landed.status).toBe(303);
	const token = /meedoen_session=([^;]+)/.exec(jar.header(new URL(base)))?.[1];
	if (!token) throw new Error(`no session for test person ${n}`);
	return token;
}

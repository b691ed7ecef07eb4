// The built server behind a TLS proxy, with ORIGIN on https as in production: logging in through the proxy
// sets the session cookie (and the cookie of the login in progress) Secure, HttpOnly, SameSite=Lax, Path=/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, type Send } from '../../src/lib/server/testing/http-client';
import {
	logInOverHttp,
	removeDataDir,
	selfSignedCertificate,
	sendTrusting,
	startServer,
	startTlsProxy,
	type RunningServer,
	type TlsProxy
} from './support';

let server: RunningServer | undefined;
let proxy: TlsProxy;
let certificate: { key: string; cert: string };

beforeAll(async () => {
	certificate = selfSignedCertificate();
	proxy = await startTlsProxy(certificate, () => server?.port ?? 0);
	server = await startServer({ env: { ORIGIN: proxy.url } });
});
afterAll(async () => {
	await proxy?.stop();
	await server?.stop();
	if (server) removeDataDir(server.dataDir);
});

/** The attributes of a Set-Cookie header, lower-cased names, as a browser reads them. */
function attributes(header: string): Map<string, string> {
	const [, ...parts] = header.split(';');
	return new Map(
		parts.map((part) => {
			const [name = '', ...value] = part.trim().split('=');
			return [name.toLowerCase(), value.join('=')];
		})
	);
}

describe('cookies when ORIGIN is https', () => {
	it('serves the site through the proxy on the https origin', async () => {
		const response = await sendTrusting(certificate.cert)(new URL(`${proxy.url}/healthz`), {
			method: 'GET',
			headers: {},
			redirect: 'manual'
		});
		expect(response.status).toBe(200);
	});

	it('sets the session cookie Secure, HttpOnly, SameSite=Lax and Path=/ at login through the proxy', async () => {
		const seen: { url: string; header: string }[] = [];
		const trusting = sendTrusting(certificate.cert);
		const send: Send = async (url, init) => {
			const response = await trusting(url, init);
			for (const header of response.headers.getSetCookie()) seen.push({ url: url.href, header });
			return response;
		};
		const jar = await logInOverHttp(proxy, 'dev-citizen-geel', new CookieJar(send));

		const ours = seen.filter(({ url }) => url.startsWith(`${proxy.url}/`));
		const named = (name: string) => ours.filter(({ header }) => header.startsWith(`${name}=`));
		const session = named('meedoen_session').find(({ header }) => !header.startsWith('meedoen_session=;'));
		expect(session, JSON.stringify(ours)).toBeDefined();
		const login = named('meedoen_login');
		expect(login.length, JSON.stringify(ours)).toBeGreaterThan(0);
		for (const { header } of [session!, ...login]) {
			const a = attributes(header);
			expect(a.has('secure'), header).toBe(true);
			expect(a.has('httponly'), header).toBe(true);
			expect(a.get('samesite')?.toLowerCase(), header).toBe('lax');
			expect(a.get('path'), header).toBe('/');
		}
		expect(Number(attributes(session!.header).get('max-age'))).toBeGreaterThan(0);

		// The cookie is the session: the profile opens with it through the proxy.
		const profile = await jar.fetch(new URL(`${proxy.url}/profiel`));
		expect(profile.status).toBe(200);
	});
});

// The "recent write" cookie of someone who wrote without a session while a read replica is configured
// (hooks.server.ts sets it; tests/e2e/scale-out.test.ts shows its effect on a real replica).
import { describe, expect, it } from 'vitest';
import { parseLsn, RECENT_WRITE_COOKIE, RECENT_WRITE_SECONDS, recentWriteCookie } from './replica';

/** A Set-Cookie value as its name, value and attributes (names lower-cased). */
function parseSetCookie(header: string) {
	const [pair = '', ...rest] = header.split(';').map((part) => part.trim());
	const eq = pair.indexOf('=');
	const attributes = new Map(
		rest.map((attribute) => {
			const [key = '', value = ''] = attribute.split('=');
			return [key.toLowerCase(), value] as const;
		})
	);
	return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
}

describe('the recent-write cookie', () => {
	it('lasts ten seconds for the whole site, hidden from scripts and from other sites’ requests', () => {
		const cookie = parseSetCookie(recentWriteCookie(false));
		expect(cookie.name).toBe(RECENT_WRITE_COOKIE);
		expect(RECENT_WRITE_SECONDS).toBe(10);
		expect(cookie.attributes.get('max-age')).toBe('10');
		expect(cookie.attributes.get('path')).toBe('/');
		expect(cookie.attributes.has('httponly')).toBe(true);
		expect(cookie.attributes.get('samesite')).toBe('Lax');
		// On http a Secure cookie would never come back: the effect would be lost.
		expect(cookie.attributes.has('secure')).toBe(false);
	});

	it('is Secure when the platform is served over https', () => {
		const cookie = parseSetCookie(recentWriteCookie(true));
		expect(cookie.attributes.has('secure')).toBe(true);
		expect(cookie.attributes.has('httponly')).toBe(true);
		expect(cookie.attributes.get('samesite')).toBe('Lax');
	});

	it('carries nothing about the person or the write: its value is always 1', () => {
		expect(parseSetCookie(recentWriteCookie(false)).value).toBe('1');
		expect(parseSetCookie(recentWriteCookie(true)).value).toBe('1');
		// No Domain: it goes back to this host only.
		expect(parseSetCookie(recentWriteCookie(true)).attributes.has('domain')).toBe(false);
	});
});

describe('WAL positions', () => {
	it('compares X/Y positions as numbers', () => {
		expect(parseLsn('0/16B3748')).toBe(0x16b3748n);
		expect(parseLsn('1/0')).toBeGreaterThan(parseLsn('0/FFFFFFFF'));
	});
});

// The cookies of logging in. httpOnly and SameSite=Lax always; Secure whenever the site is served over HTTPS.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'meedoen_session';
export const LOGIN_COOKIE = 'meedoen_login';

function base(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:' };
}

export function setSessionCookie(cookies: Cookies, url: URL, token: string, maxDays: number) {
	cookies.set(SESSION_COOKIE, token, { ...base(url), maxAge: maxDays * 86_400 });
}

export function clearSessionCookie(cookies: Cookies, url: URL) {
	cookies.delete(SESSION_COOKIE, base(url));
}

/** Binds a login in progress to this browser, so a callback from elsewhere is refused. */
export function setLoginCookie(cookies: Cookies, url: URL, state: string) {
	cookies.set(LOGIN_COOKIE, state, { ...base(url), maxAge: 60 * 60 });
}

export function clearLoginCookie(cookies: Cookies, url: URL) {
	cookies.delete(LOGIN_COOKIE, base(url));
}

/**
 * The address a login link was just sent to, for the confirmation the request redirects to
 * (`/aanmelden?verstuurd`): only this browser sees it, only on the login page, and only while the link is valid.
 * It is never stored on the server, and the page never says whether the address has an account.
 */
export const LINK_SENT_COOKIE = 'meedoen_link_sent';
const LINK_SENT_PATH = '/aanmelden';

export function setLinkSentCookie(cookies: Cookies, url: URL, email: string, minutes: number) {
	cookies.set(LINK_SENT_COOKIE, email, { ...base(url), path: LINK_SENT_PATH, maxAge: minutes * 60 });
}

export function readLinkSentCookie(cookies: Cookies): string | null {
	const value = cookies.get(LINK_SENT_COOKIE);
	return value && value.length <= 254 ? value : null;
}

/** Where a visitor first came from (utm_source or another site), kept until they register. */
export const CHANNEL_COOKIE = 'meedoen_channel';

export type Channel = { channel: string | null; referrer: string | null };

export function setChannelCookie(cookies: Cookies, url: URL, channel: Channel) {
	const value = channel.channel === 'referrer' ? `ref:${channel.referrer ?? ''}` : (channel.channel ?? '');
	cookies.set(CHANNEL_COOKIE, value, { ...base(url), maxAge: 90 * 86_400 });
}

export function readChannelCookie(cookies: Cookies): Channel | null {
	const value = cookies.get(CHANNEL_COOKIE);
	if (!value || value.length > 250) return null;
	if (value.startsWith('ref:')) return { channel: 'referrer', referrer: value.slice(4) };
	return /^[a-z0-9_-]{1,40}$/.test(value) ? { channel: value, referrer: null } : null;
}

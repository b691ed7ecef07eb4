// A browser reduced to what login tests need: cookies per path, manual redirects, and the forms on a page.
import { createServer } from 'node:net';

/** How the jar sends a request: the global fetch unless a test needs another way (a certificate it made). */
export type Send = (
	url: URL,
	init: { method: string; headers: Record<string, string>; body?: URLSearchParams; redirect: 'manual' }
) => Promise<Response>;

/** A browser's cookie handling, reduced to one host: name, value and path. */
export class CookieJar {
	#cookies = new Map<string, { name: string; value: string; path: string }>();

	constructor(private readonly send: Send = fetch) {}

	store(response: Response): void {
		for (const header of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = header.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			let path = '/';
			let expired = value === '';
			for (const attribute of attributes) {
				const [key = '', val = ''] = attribute.trim().split('=');
				if (key.toLowerCase() === 'path') path = val;
				if (key.toLowerCase() === 'expires' && Date.parse(val) <= Date.now()) expired = true;
				if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
			}
			if (expired) this.#cookies.delete(`${name}|${path}`);
			else this.#cookies.set(`${name}|${path}`, { name, value, path });
		}
	}

	header(url: URL): string {
		return [...this.#cookies.values()]
			.filter(
				(c) =>
					url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)
			)
			.map((c) => `${c.name}=${c.value}`)
			.join('; ');
	}

	async fetch(url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
		const headers: Record<string, string> = { accept: 'text/html' };
		// A browser sends its origin with a form post; SvelteKit refuses cross-site posts without it.
		if (init.method === 'POST') headers.origin = url.origin;
		const cookie = this.header(url);
		if (cookie) headers.cookie = cookie;
		const response = await this.send(url, {
			method: init.method ?? 'GET',
			headers,
			body: init.form ? new URLSearchParams(init.form) : undefined,
			redirect: 'manual'
		});
		this.store(response);
		return response;
	}
}

/** Follows redirects like a browser until a page is shown or the next hop starts with `stopAt`. */
export async function follow(
	jar: CookieJar,
	start: URL,
	stopAt: string
): Promise<{ url: URL; response?: Response }> {
	let url = start;
	for (let hop = 0; hop < 10; hop++) {
		if (url.href.startsWith(stopAt)) return { url };
		const response = await jar.fetch(url);
		const location = response.headers.get('location');
		if (response.status < 300 || response.status >= 400 || !location) return { url, response };
		url = new URL(location, url);
	}
	throw new Error('too many redirects');
}

export type HtmlForm = { action: string; fields: Record<string, string> };

export function forms(html: string): HtmlForm[] {
	const unescape = (s: string) =>
		s
			.replaceAll('&quot;', '"')
			.replaceAll('&#39;', "'")
			.replaceAll('&lt;', '<')
			.replaceAll('&gt;', '>')
			.replaceAll('&amp;', '&');
	return [...html.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)].map((match) => ({
		action: unescape(match[1] ?? ''),
		fields: Object.fromEntries(
			[...(match[2] ?? '').matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\s*\/?>/g)].map(
				(input) => [unescape(input[1] ?? ''), unescape(input[2] ?? '')]
			)
		)
	}));
}

export function formWith(html: string, name: string, value: string): HtmlForm {
	const form = forms(html).find((f) => f.fields[name] === value);
	if (!form) throw new Error(`no form with ${name}=${value}`);
	return form;
}

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise<void>((resolve) => server.close(() => resolve()));
	if (!address || typeof address === 'string') throw new Error('no port');
	return address.port;
}

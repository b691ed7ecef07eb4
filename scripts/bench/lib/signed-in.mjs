// Signed-in people for the bench, made through the product's own login: the app's /aanmelden posts to the
// bundled development identity provider (oidc-provider, started by the app with DEV_IDP_PEOPLE numbered
// citizens), whose picker is answered with a person's number; the provider redirects back to
// /aanmelden/terug, where the app exchanges the code, checks the RS256 id token, makes the account on the
// first login and sets the session cookie. Nothing is written to the database by the bench itself, and
// nothing is cached between runs: every run logs its people in again.

const TIMEOUT_MS = 30_000;

/** A browser's cookies reduced to what a login needs: one jar for the app and the provider (same host). */
class Jar {
	#cookies = new Map();

	store(response) {
		for (const header of response.headers.getSetCookie()) {
			const [pair = ''] = header.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired =
				value === '' || /;\s*max-age=0\b/i.test(header) || /expires=Thu, 01 Jan 1970/i.test(header);
			if (expired) this.#cookies.delete(name);
			else this.#cookies.set(name, value);
		}
	}

	get(name) {
		return this.#cookies.get(name);
	}

	header() {
		return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}

	async fetch(url, { method = 'GET', form } = {}) {
		const headers = { accept: 'text/html' };
		if (method === 'POST') headers.origin = new URL(url).origin;
		const cookie = this.header();
		if (cookie) headers.cookie = cookie;
		const response = await fetch(url, {
			method,
			headers,
			body: form ? new URLSearchParams(form) : undefined,
			redirect: 'manual',
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		this.store(response);
		return response;
	}
}

/** Follows redirects until a page is shown or the next hop starts with `stopAt`. */
async function follow(jar, start, stopAt) {
	let url = start;
	for (let hop = 0; hop < 10; hop++) {
		if (url.href.startsWith(stopAt)) return { url };
		const response = await jar.fetch(url);
		const location = response.headers.get('location');
		if (response.status < 300 || response.status >= 400 || !location) return { url, response };
		await response.arrayBuffer();
		url = new URL(location, url);
	}
	throw new Error('too many redirects');
}

function unescapeHtml(s) {
	return s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
}

/**
 * One whole login, as a browser without JavaScript does it. `choose(html)` picks the provider's form and
 * returns { action, fields }. Resolves with the session token (the meedoen_session cookie).
 */
async function logIn(baseUrl, choose) {
	const jar = new Jar();
	const start = await jar.fetch(new URL('/aanmelden?/oidc', baseUrl), {
		method: 'POST',
		form: { returnTo: '/', requestId: '' }
	});
	await start.arrayBuffer();
	if (start.status !== 303) throw new Error(`POST /aanmelden?/oidc answered ${start.status}, not 303`);
	const callback = new URL('/aanmelden/terug', baseUrl).href;
	const picker = await follow(jar, new URL(start.headers.get('location'), baseUrl), callback);
	if (picker.response?.status !== 200)
		throw new Error(`the provider's picker answered ${picker.response?.status ?? 'a redirect'}`);
	const form = choose(await picker.response.text());
	const posted = await jar.fetch(new URL(form.action, picker.url), { method: 'POST', form: form.fields });
	await posted.arrayBuffer();
	if (posted.status !== 303) throw new Error(`the provider answered the picker with ${posted.status}`);
	const back = await follow(jar, new URL(posted.headers.get('location'), picker.url), callback);
	const landed = await jar.fetch(back.url);
	await landed.arrayBuffer();
	const token = jar.get('meedoen_session');
	if (landed.status !== 303 || !token)
		throw new Error(`/aanmelden/terug answered ${landed.status} ${token ? '' : 'without a session cookie'}`);
	return token;
}

/** The picker's number form (DEV_IDP_PEOPLE), filled in with `n`. */
function numberForm(n) {
	return (html) => {
		const match = html.match(/<form method="post" action="([^"]+)">\s*<label for="number">/);
		if (!match) throw new Error('the provider offers no numbered test people (is DEV_IDP_PEOPLE set?)');
		return { action: unescapeHtml(match[1]), fields: { number: String(n) } };
	};
}

/** The picker's button of the persona `sub`. */
function personaForm(sub) {
	return (html) => {
		const forms = [
			...html.matchAll(
				/<form method="post" action="([^"]+)">\s*<input type="hidden" name="persona" value="([^"]+)">/g
			)
		];
		const found = forms.find((m) => unescapeHtml(m[2]) === sub);
		if (!found) throw new Error(`the provider's picker has no persona ${sub}`);
		return { action: unescapeHtml(found[1]), fields: { persona: sub } };
	};
}

/** Runs `task(i)` for i in 0..count-1, `concurrency` at a time; resolves with the results in order. */
async function pool(count, concurrency, task) {
	const results = new Array(count);
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) {
				const i = next++;
				results[i] = await task(i);
			}
		})
	);
	return results;
}

/**
 * Logs in the numbered citizens 1..`people` (each a person of their own, whose account the first login
 * makes) and `moderatorSessions` sessions of the moderator persona. Resolves with the people
 * ({ token, name }: name as the page header shows it), the moderator's sessions and the time it took.
 */
export async function logInPeople({ baseUrl, people, moderator, moderatorSessions, concurrency }) {
	const started = performance.now();
	const citizens = await pool(people, concurrency, async (i) => ({
		token: await logIn(baseUrl, numberForm(i + 1)),
		// publicName(): the given name and the family name's initial (numberedPersona in devidp/personas.ts).
		name: `Testpersoon ${i + 1} K.`
	}));
	const citizensMs = performance.now() - started;
	const moderators = await pool(moderatorSessions, concurrency, async () => ({
		token: await logIn(baseUrl, personaForm(moderator.sub)),
		name: moderator.name
	}));
	return {
		citizens,
		moderators,
		citizensMs,
		totalMs: performance.now() - started,
		concurrency
	};
}

/**
 * Every person supports one suggestion of the list's first page (PUT …/vote, the API's own write), so the
 * list sorted by votes marks their own support. Resolves with how many votes were confirmed, per suggestion.
 */
export async function supportOnFirstPage({ baseUrl, listPath, people, concurrency }) {
	const html = await (
		await fetch(new URL(listPath, baseUrl), { signal: AbortSignal.timeout(TIMEOUT_MS) })
	).text();
	const ids = [...new Set([...html.matchAll(/href="\/geel\/suggesties\/(\d+)-/g)].map((m) => Number(m[1])))];
	if (ids.length === 0) throw new Error(`${listPath} shows no suggestions to support`);
	const perSuggestion = {};
	await pool(people.length, concurrency, async (i) => {
		const id = ids[i % ids.length];
		const url = new URL(`/api/v1/suggestions/${id}/vote`, baseUrl);
		const response = await fetch(url, {
			method: 'PUT',
			headers: {
				cookie: `meedoen_session=${people[i].token}`,
				origin: url.origin,
				accept: 'application/json'
			},
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		const body = await response.text();
		if (response.status !== 200)
			throw new Error(`PUT ${url.pathname} answered ${response.status}: ${body.slice(0, 200)}`);
		people[i].supports = id;
		perSuggestion[id] = (perSuggestion[id] ?? 0) + 1;
	});
	return { votes: people.length, suggestions: ids.length, perSuggestion };
}

const SESSION = (token) => `meedoen_session=${token}`;

/** A header of autocannon's answer, whatever its case. */
function headerOf(headers, name) {
	for (const key in headers) if (key.toLowerCase() === name) return String(headers[key]);
	return null;
}

/** `db;dur=…;desc="N statements", total;dur=…, app;dur=…` (src/lib/server/platform/server-timing.ts). */
export function readServerTiming(header) {
	const match = header?.match(
		/db;dur=([\d.]+);desc="(\d+) statements", total;dur=([\d.]+), app;dur=([\d.]+)/
	);
	if (!match) return null;
	return {
		statements: Number(match[2]),
		dbMs: Number(match[1]),
		totalMs: Number(match[3]),
		appMs: Number(match[4])
	};
}

/** What an answer to `person` must hold to count as their own rendered page; a reason, or null when it does. */
export function wrongAnswer(scenario, person, status, body, headers) {
	if (status !== 200) return `status ${status}`;
	if (headerOf(headers, 'x-cache')) return `x-cache: ${headerOf(headers, 'x-cache')} (a shared page)`;
	if (!body.includes(`(${person.name})`)) return `not rendered for ${person.name}`;
	for (const text of scenario.mustContain ?? []) if (!body.includes(text)) return `without "${text}"`;
	return null;
}

/**
 * autocannon's per-request hooks: each request goes out with the next person's cookie (one rotation for all
 * connections), and each answer is checked and its Server-Timing added up.
 */
export function rotation(scenario, people) {
	let next = 0;
	const stats = {
		answers: 0,
		wrong: 0,
		firstWrong: null,
		timed: 0,
		statements: 0,
		dbMs: 0,
		appMs: 0,
		totalMs: 0
	};
	return {
		stats,
		request: {
			setupRequest(request, context) {
				const person = people[next++ % people.length];
				context.person = person;
				return { ...request, headers: { ...request.headers, cookie: SESSION(person.token) } };
			},
			onResponse(status, body, context, headers) {
				stats.answers++;
				const wrong = wrongAnswer(scenario, context.person, status, body, headers);
				if (wrong) {
					stats.wrong++;
					stats.firstWrong ??= wrong;
				}
				const timing = readServerTiming(headerOf(headers, 'server-timing'));
				if (!timing) return;
				stats.timed++;
				stats.statements += timing.statements;
				stats.dbMs += timing.dbMs;
				stats.appMs += timing.appMs;
				stats.totalMs += timing.totalMs;
			}
		}
	};
}

/** Means per answer of what rotation() added up. */
export function timingMeans(stats) {
	const n = stats.timed || 1;
	return {
		answers: stats.answers,
		timed: stats.timed,
		statements: stats.statements / n,
		dbMs: stats.dbMs / n,
		appMs: stats.appMs / n,
		totalMs: stats.totalMs / n
	};
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? 0 : sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * `count` requests one after the other, each by another person, on a server with nothing else to do: what a
 * request costs by itself (medians of its Server-Timing), checked like the load's answers.
 */
export async function quietTiming({ baseUrl, scenario, people, count, offset = 0 }) {
	const samples = [];
	for (let i = 0; i < count; i++) {
		const person = people[(offset + i) % people.length];
		const response = await fetch(new URL(scenario.path, baseUrl), {
			headers: { cookie: SESSION(person.token), accept: 'text/html' },
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		const body = await response.text();
		const headers = Object.fromEntries(response.headers);
		const wrong = wrongAnswer(scenario, person, response.status, body, headers);
		if (wrong) throw new Error(`${scenario.path} for ${person.name}: ${wrong}`);
		const timing = readServerTiming(response.headers.get('server-timing'));
		if (!timing) throw new Error(`${scenario.path}: no Server-Timing header (SERVER_TIMING=1 is not on?)`);
		samples.push(timing);
	}
	return {
		samples: samples.length,
		statements: median(samples.map((s) => s.statements)),
		dbMs: median(samples.map((s) => s.dbMs)),
		appMs: median(samples.map((s) => s.appMs)),
		totalMs: median(samples.map((s) => s.totalMs))
	};
}

/** The page as the first person of the pool gets it (checked), for the ceiling to serve. */
export async function signedInPayload(baseUrl, scenario, person) {
	const response = await fetch(new URL(scenario.path, baseUrl), {
		headers: { cookie: SESSION(person.token), accept: 'text/html' },
		signal: AbortSignal.timeout(TIMEOUT_MS)
	});
	const body = Buffer.from(await response.arrayBuffer());
	const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
	const wrong = wrongAnswer(
		scenario,
		person,
		response.status,
		body.toString('utf8'),
		Object.fromEntries(response.headers)
	);
	if (wrong) throw new Error(`${scenario.path} signed in as ${person.name}: ${wrong}`);
	if (!/^text\/html\b/.test(contentType))
		throw new Error(`${scenario.path} answered ${contentType}, not a page`);
	return { contentType, body };
}

/** The same path for a visitor past the page cache (an authorization header keeps a request out of it). */
export const UNCACHED_ANONYMOUS = { authorization: 'Bench uncached' };

export async function checkUncachedAnonymous(baseUrl, path) {
	const response = await fetch(new URL(path, baseUrl), {
		headers: { ...UNCACHED_ANONYMOUS, accept: 'text/html' },
		signal: AbortSignal.timeout(TIMEOUT_MS)
	});
	await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${path} without a session answered ${response.status}`);
	if (response.headers.get('x-cache'))
		throw new Error(`${path} with an authorization header came from the page cache`);
}

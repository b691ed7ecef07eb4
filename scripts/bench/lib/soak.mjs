// The soak: the built app under a steady, realistic mix for minutes on end, to show that it stays correct and
// that its memory levels off. Not a throughput test: every kind of request goes out at a fixed rate, whatever
// the answers take (as people arrive whether or not the server is slow).
//
// The mix (rates per second in SOAK_MIX), all over plain HTTP as a browser without JavaScript sends it:
//   visitors        GET the public pages (home, Geel, actions, an action, an opportunity, suggestions, search,
//                   the API), no cookie
//   login           a new citizen asks for a login link (POST /aanmelden?/link); the app queues the mail as a
//                   pg-boss job, the job hands it to the SMTP catcher this process runs, and the citizen opens the
//                   link and confirms it (GET, then POST /aanmelden/link): the jobs run all through the soak,
//                   and the time from asking to the mail arriving is reported per interval
//   browse          a signed-in citizen opens a page (never from the page cache)
//   vote / unvote   PUT and DELETE /api/v1/suggestions/{id}/vote, and the vote and unvote form actions of a
//                   suggestion's page, each citizen one thing at a time
//   comment         the comment form of a suggestion (on the pre-moderated opportunity the comment waits for a
//                   moderator, elsewhere it is online at once)
//   suggest         the form of the pre-moderated opportunity: a new suggestion that waits for a moderator
//   moderate        the moderator of Geel (logged in through the mail link with the persona's address) opens the queue of
//                   waiting items and approves one (the row's own button) or rejects one (the bulk decision's
//                   confirmation step), or opens an item's page
// People stay below the platform's rate limits as real people do (the driver picks a citizen with room).
//
// Every answer is checked against what that request must get (200 for a page, 303 after a form, the vote's
// JSON); anything else, a connection error or a 30 s timeout is an error. Every `sampleSeconds` the interval's
// requests, errors, p50/p99 and the app's RSS (from /proc) are recorded; memory is sampled every 2 s. After the
// soak the app is stopped and the database checked: every vote_count equal to its votes, and the soak's
// citizens holding exactly the votes, comments and suggestions the app confirmed to them.
import { fork } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { startAppServer } from './app-server.mjs';
import { processMemory, stopProcess } from './processes.mjs';
import { fmt, table } from './report.mjs';
import { intervalStats, memoryLevelsOff, percentile } from './soak-stats.mjs';

const DB_SCRIPT = fileURLToPath(new URL('./soak-db.mjs', import.meta.url));

/** Requests (or little sequences of them) per second, by kind. About 12 requests a second in all. */
export const SOAK_MIX = {
	visitor: 5,
	browse: 1.5,
	vote: 1.5,
	unvote: 0.5,
	formVote: 0.2,
	formUnvote: 0.1,
	comment: 0.15,
	suggest: 0.03,
	login: 0.1,
	moderate: 0.2
};
/** Citizens signed in (through the mail link, like the rest) before the clock starts. */
const FIRST_CITIZENS = 12;
const REQUEST_TIMEOUT_MS = 30_000;
/** More requests than this still open means the app fell behind the fixed rate: counted as errors. */
const MAX_IN_FLIGHT = 200;
const MEMORY_EVERY_MS = 2_000;
/**
 * Shorter soaks report memory but do not judge it: the rule lets the first half grow (warm-up), and a few
 * minutes are still warm-up (the 3-minute soak of `npm run bench` climbs about 5 MB/min to its end).
 */
export const MIN_MINUTES_TO_JUDGE_MEMORY = 10;
/** Below the platform's own limits (20 comments and 5 suggestions an hour), as real people stay. */
const PERSON_LIMITS = { comment: 15, suggest: 4 };

/** A tiny, seeded random source, so two soaks send the same mix. */
function random(seed) {
	let s = seed >>> 0;
	const next = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, pick: (list) => list[Math.floor(next() * list.length)], int: (n) => Math.floor(next() * n) };
}

async function databaseStep(dataDir, mode) {
	const child = fork(DB_SCRIPT, [dataDir, mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const message = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			stopProcess(child, { graceMs: 2_000 });
			reject(new Error(`soak ${mode}: no result within 300 s`));
		}, 300_000);
		child.once('message', (m) => {
			clearTimeout(timer);
			resolve(m);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`soak ${mode}: the child stopped (exit code ${code}) without a result`));
		});
	});
	await stopProcess(child, { graceMs: 10_000 });
	if (message.error) throw new Error(`soak ${mode}: ${message.error}`);
	return message.summary;
}

/** A real SMTP server on a free local port that keeps what arrives and wakes whoever waits for it. */
async function startMailCatcher() {
	const waiting = new Map();
	const arrived = new Map();
	let received = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks = [];
			stream.on('data', (chunk) => chunks.push(chunk));
			stream.on('end', () => {
				received++;
				const raw = Buffer.concat(chunks).toString('utf8');
				const decoded = Buffer.from(
					raw
						.replace(/=\r?\n/g, '')
						.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
					'latin1'
				).toString('utf8');
				for (const to of session.envelope.rcptTo.map((r) => r.address.toLowerCase())) {
					const resolve = waiting.get(to);
					if (resolve) {
						waiting.delete(to);
						resolve(decoded);
					} else arrived.set(to, decoded);
				}
				callback();
			});
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `smtp://127.0.0.1:${server.server.address().port}`,
		received: () => received,
		/** The next mail to `to`, or null after `timeoutMs`. */
		waitFor(to, timeoutMs) {
			const key = to.toLowerCase();
			if (arrived.has(key)) {
				const mail = arrived.get(key);
				arrived.delete(key);
				return Promise.resolve(mail);
			}
			return new Promise((resolve) => {
				const timer = setTimeout(() => {
					waiting.delete(key);
					resolve(null);
				}, timeoutMs);
				waiting.set(key, (mail) => {
					clearTimeout(timer);
					resolve(mail);
				});
			});
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** What a person would read of an answer: the text of the page's main part, or the body as it is. */
function readable(text) {
	const main = text.match(/<main\b[\s\S]*?<\/main>/)?.[0] ?? text;
	return unescapeHtml(main.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 240);
}

const unescapeHtml = (s) =>
	s
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&amp;', '&');

/**
 * Runs the soak against a database that has been prepared (migrations, demo content, bench datasets) and that
 * no app holds open. Starts and stops its own app and SMTP catcher.
 *
 * @param {{ root: string, dataDir: string, appEnv?: Record<string,string>, minutes: number,
 *   sampleSeconds: number, log: (m: string) => void, onSpawn?: (server: object) => void,
 *   onCleanup?: (name: string, run: () => Promise<void>) => void }} options
 */
export async function runSoak({
	root,
	dataDir,
	appEnv = {},
	minutes,
	sampleSeconds,
	log,
	onSpawn,
	onCleanup
}) {
	log(`soak: reading what the soak's people will use from the database…`);
	const plan = await databaseStep(dataDir, 'prepare');
	const mail = await startMailCatcher();
	onCleanup?.('stop the SMTP catcher', () => mail.close());
	log(`soak: SMTP catcher on ${mail.url}; starting the app with SMTP_URL and jobs on…`);
	const app = await startAppServer({
		root,
		dataDir,
		// Each simulated person has an address of their own, as behind the reverse proxy of a real
		// installation (adapter-node's ADDRESS_HEADER): the platform's per-address limits apply per person.
		env: { ...appEnv, SMTP_URL: mail.url, JOBS: '1', ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' },
		onSpawn
	});
	const base = app.baseUrl;
	log(`soak: app ready on ${base} (pid ${app.pid})`);
	const rnd = random(20261205);

	// ---- requests ----
	/** Every finished request: { t (s since start), kind, ms, error (string or null) }. */
	let records = [];
	const allRecords = { count: 0 };
	const errorsSeen = [];
	const byKind = new Map();
	let inFlight = 0;
	let t0 = performance.now();
	const now = () => (performance.now() - t0) / 1000;

	function record(kind, ms, error) {
		const r = { t: now(), kind, ms, error };
		records.push(r);
		allRecords.count++;
		let k = byKind.get(kind);
		if (!k) byKind.set(kind, (k = { latencies: [], errors: 0 }));
		k.latencies.push(ms);
		if (error) {
			k.errors++;
			if (errorsSeen.length < 50) {
				errorsSeen.push(`${r.t.toFixed(0)} s ${kind}: ${error}`);
				// At once, so a long soak's log shows what went wrong while it runs.
				log(`soak error: ${errorsSeen.at(-1).slice(0, 400)}`);
			}
		}
	}

	/**
	 * One request as a browser without JavaScript sends it. `expect` is the status it must get; `check`
	 * may refuse the answer further (returns an error text). Resolves with { response, body } or null on error.
	 */
	async function send(
		kind,
		path,
		{ method = 'GET', form, cookie, ip, expect = 200, check, json = false } = {}
	) {
		const url = path.startsWith('http') ? path : base + path;
		const headers = { accept: json ? 'application/json' : 'text/html', 'x-forwarded-for': ip ?? '10.0.0.1' };
		if (cookie) headers.cookie = cookie;
		if (method !== 'GET') headers.origin = new URL(url).origin;
		let body;
		if (form) {
			body = new URLSearchParams(form).toString();
			headers['content-type'] = 'application/x-www-form-urlencoded';
		}
		const started = performance.now();
		inFlight++;
		try {
			const response = await fetch(url, {
				method,
				headers,
				body,
				redirect: 'manual',
				signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
			});
			const text = await response.text();
			const ms = performance.now() - started;
			let error = null;
			if (![expect].flat().includes(response.status))
				error = `${method} ${path.split('?')[0]} answered ${response.status}, expected ${[expect].flat().join(' or ')}: ${readable(text)}`;
			else if (check) error = check(response, text);
			record(kind, ms, error);
			return error ? null : { response, text };
		} catch (caught) {
			record(
				kind,
				performance.now() - started,
				`${method} ${path.split('?')[0]}: ${caught.cause?.code ?? caught.name ?? caught.message}`
			);
			return null;
		} finally {
			inFlight--;
		}
	}

	// ---- people ----
	const citizens = [];
	let nextCitizen = 0;
	const mailLatencies = [];
	/** (citizen, suggestion) pairs whose last vote request failed: settled after the soak. */
	const uncertain = new Map();
	const confirmed = { comments: 0, suggestions: 0, approved: 0, rejected: 0, logins: 0 };
	/** Suggestions the soak's citizens submitted (waiting for the moderator). */
	const submitted = new Set();

	/** The login through a mailed link, as a person does it: ask, wait for the mail, open the link, confirm. */
	async function logInByMail(kind, email, ip) {
		const asked = performance.now();
		// The confirmation is the answer itself, or (post/redirect/get) the page the answer redirects to, with
		// the cookie that tells it the address: followed as a browser does.
		const saysSent = (text) => (text.includes(email) ? null : 'the login page did not say the link was sent');
		let sentCookie = null;
		const sent = await send(kind, '/aanmelden?/link', {
			method: 'POST',
			form: { email, returnTo: '/geel', requestId: '' },
			ip,
			expect: [200, 303],
			check: (response, text) => {
				if (response.status === 200) return saysSent(text);
				sentCookie = response.headers
					.getSetCookie()
					.map((header) => header.split(';')[0])
					.join('; ');
				return response.headers.get('location')?.startsWith('/aanmelden')
					? null
					: `the link request went to ${response.headers.get('location')}`;
			}
		});
		if (!sent) return null;
		if (sent.response.status === 303) {
			const shown = await send(kind, sent.response.headers.get('location'), {
				ip,
				cookie: sentCookie || undefined,
				check: (_r, text) => saysSent(text)
			});
			if (!shown) return null;
		}
		const message = await mail.waitFor(email, REQUEST_TIMEOUT_MS);
		const mailMs = performance.now() - asked;
		if (!message) {
			record('login mail', mailMs, `no login mail for ${email} within ${REQUEST_TIMEOUT_MS / 1000} s`);
			return null;
		}
		mailLatencies.push({ t: now(), ms: mailMs });
		const link = message.match(/https?:\/\/\S+\/aanmelden\/link\?token=[\w-]+/)?.[0];
		if (!link) {
			record('login mail', mailMs, `no link in the login mail for ${email}`);
			return null;
		}
		const opened = await send(kind, link.slice(link.indexOf('/aanmelden')), { ip });
		if (!opened) return null;
		let session = null;
		const done = await send(kind, '/aanmelden/link', {
			method: 'POST',
			form: { token: new URL(link).searchParams.get('token') },
			ip,
			expect: 303,
			check: (response) => {
				for (const header of response.headers.getSetCookie())
					if (header.startsWith('meedoen_session=')) session = header.slice(16).split(';')[0];
				return session ? null : 'no session cookie after the login link';
			}
		});
		return done ? `meedoen_session=${session}` : null;
	}

	/** A new citizen: a login e-mail address of their own, and an address of their own. */
	async function logIn(kind) {
		const n = nextCitizen++;
		const email = `soak-${n}@example.be`;
		const ip = `10.${1 + ((n >> 16) & 0xff)}.${(n >> 8) & 0xff}.${n & 0xff}`;
		const cookie = await logInByMail(kind, email, ip);
		if (!cookie) return null;
		const citizen = { n, email, ip, cookie, busy: false, votes: new Map(), comments: [], suggestions: [] };
		citizens.push(citizen);
		confirmed.logins++;
		return citizen;
	}

	/**
	 * The moderator of Geel (the demo persona dev-moderator-geel's account), through the mail link with the
	 * persona's verified address: a real way in for staff too, and one more mail for the job.
	 */
	async function logInStaff() {
		const ip = '10.255.0.1';
		const cookie = await logInByMail('moderate', 'bart.claes@example.be', ip);
		if (!cookie) throw new Error(`soak: the moderator could not log in: ${errorsSeen.at(-1)}`);
		return { cookie, ip, busy: false };
	}

	const suggestionPath = (s) => `/geel/suggesties/${s.id}-${s.slug}`;
	const visitorPages = [
		'/',
		'/geel',
		'/geel/acties',
		...plan.themes.slice(0, 2).map((slug) => `/geel/acties?thema=${slug}`),
		...plan.actions.slice(0, 5).map((idSlug) => `/geel/acties/${idSlug}`),
		`/geel/kansen/${plan.preModeratedOpportunityId}`,
		`/geel/kansen/${plan.voteTargets[0].opportunityId}?sorteer=steun`,
		...plan.voteTargets.slice(0, 20).map(suggestionPath),
		...plan.commentTargets.slice(0, 5).map(suggestionPath),
		'/geel/zoeken?q=groen',
		'/api/v1/municipalities',
		'/api/v1/municipalities/geel/actions'
	];
	const citizenPages = [
		'/geel',
		'/profiel',
		'/profiel/activiteit',
		`/geel/kansen/${plan.preModeratedOpportunityId}`,
		`/geel/kansen/${plan.preModeratedOpportunityId}/nieuw`,
		...plan.voteTargets.slice(0, 50).map(suggestionPath),
		...plan.commentTargets.map(suggestionPath)
	];

	/** An idle citizen, optionally one that `fits`; marks it busy while `work` runs. */
	async function asCitizen(fits, work) {
		const idle = citizens.filter((c) => !c.busy && (!fits || fits(c)));
		if (idle.length === 0) return 'nobody';
		const citizen = rnd.pick(idle);
		citizen.busy = true;
		try {
			await work(citizen);
		} finally {
			citizen.busy = false;
		}
		return 'done';
	}
	const withinHour = (times) => times.filter((t) => t > now() - 3600).length;

	async function apiVote(citizen, suggestionId, on) {
		const key = `${citizen.n}:${suggestionId}`;
		const result = await send(on ? 'vote' : 'unvote', `/api/v1/suggestions/${suggestionId}/vote`, {
			method: on ? 'PUT' : 'DELETE',
			cookie: citizen.cookie,
			ip: citizen.ip,
			json: true,
			check: (_r, text) => {
				try {
					const body = JSON.parse(text);
					return body.voted === on && typeof body.voteCount === 'number'
						? null
						: `vote answered ${text.slice(0, 100)}`;
				} catch {
					return `vote answered no JSON: ${text.slice(0, 100)}`;
				}
			}
		});
		settle(citizen, suggestionId, on, Boolean(result), key);
	}
	function settle(citizen, suggestionId, on, ok, key = `${citizen.n}:${suggestionId}`) {
		if (ok) {
			uncertain.delete(key);
			if (on) citizen.votes.set(suggestionId, true);
			else citizen.votes.delete(suggestionId);
		} else uncertain.set(key, { citizen, suggestionId, on });
	}

	const tasks = {
		visitor: async () => {
			const ip = `10.200.${rnd.int(256)}.${rnd.int(256)}`;
			const page = rnd.pick(visitorPages);
			await send('visitor', page, { ip, json: page.startsWith('/api/') });
			return 'done';
		},
		login: async () => ((await logIn('login')) ? 'done' : 'failed'),
		browse: () =>
			asCitizen(null, (c) => send('browse', rnd.pick(citizenPages), { cookie: c.cookie, ip: c.ip })),
		vote: () =>
			asCitizen(null, async (c) => {
				const target = rnd.pick(plan.voteTargets);
				await apiVote(c, target.id, true);
			}),
		unvote: () =>
			asCitizen(
				(c) => c.votes.size > 0,
				async (c) => apiVote(c, rnd.pick([...c.votes.keys()]), false)
			),
		formVote: () =>
			asCitizen(null, async (c) => {
				const target = rnd.pick(plan.voteTargets);
				const ok = await send('vote form', `${suggestionPath(target)}?/vote`, {
					method: 'POST',
					form: {},
					cookie: c.cookie,
					ip: c.ip,
					expect: 303,
					check: (r) =>
						/gelukt=gesteund/.test(r.headers.get('location') ?? '')
							? null
							: `vote form went to ${r.headers.get('location')}`
				});
				settle(c, target.id, true, Boolean(ok));
			}),
		formUnvote: () =>
			asCitizen(
				(c) => c.votes.size > 0,
				async (c) => {
					const id = rnd.pick([...c.votes.keys()]);
					const target = plan.voteTargets.find((s) => s.id === id);
					const ok = await send('vote form', `${suggestionPath(target)}?/unvote`, {
						method: 'POST',
						form: {},
						cookie: c.cookie,
						ip: c.ip,
						expect: 303,
						check: (r) =>
							/gelukt=steun-ingetrokken/.test(r.headers.get('location') ?? '')
								? null
								: `unvote form went to ${r.headers.get('location')}`
					});
					settle(c, id, false, Boolean(ok));
				}
			),
		comment: () =>
			asCitizen(
				(c) => withinHour(c.comments) < PERSON_LIMITS.comment,
				async (c) => {
					// Seven in ten on the pre-moderated opportunity (they wait for the moderator).
					const pre = rnd.next() < 0.7;
					const target = pre ? rnd.pick(plan.commentTargets) : rnd.pick(plan.voteTargets);
					c.comments.push(now());
					const ok = await send('comment', `${suggestionPath(target)}?/comment`, {
						method: 'POST',
						form: {
							body: `Goed idee! Ik woon hier vlakbij en help graag mee planten (soak ${c.n}, ${c.comments.length}).`,
							parentId: ''
						},
						cookie: c.cookie,
						ip: c.ip,
						expect: 303,
						check: (r) => {
							const location = r.headers.get('location') ?? '';
							const want = pre ? 'gelukt=reactie-wacht' : 'gelukt=gereageerd';
							return location.includes(want) ? null : `comment went to ${location}, expected ${want}`;
						}
					});
					if (ok) confirmed.comments++;
				}
			),
		suggest: () =>
			asCitizen(
				(c) => withinHour(c.suggestions) < PERSON_LIMITS.suggest,
				async (c) => {
					c.suggestions.push(now());
					const k = allRecords.count;
					const ok = await send('suggest', `/geel/kansen/${plan.preModeratedOpportunityId}/nieuw`, {
						method: 'POST',
						form: {
							title: `Geveltuin in onze straat (soak ${c.n}-${k})`,
							// A text of their own each time: the platform refuses the same title or text from one
							// person twice in a day (409, "already sent"), as it should.
							body:
								`De stoep aan nummer ${k} is hier breed genoeg voor geveltuintjes. ` +
								`Enkele buren willen meedoen en het groen onderhouden (soak ${c.n}).`,
							placeName: 'Kapelstraat',
							lat: (plan.center.lat + (rnd.next() - 0.5) * 0.008).toFixed(6),
							lng: (plan.center.lng + (rnd.next() - 0.5) * 0.008).toFixed(6),
							confirm: '1'
						},
						cookie: c.cookie,
						ip: c.ip,
						expect: 303,
						check: (r) => {
							const location = r.headers.get('location') ?? '';
							const id = location.match(/\/geel\/suggesties\/(\d+)-[^?]*\?gelukt=ingediend/)?.[1];
							if (!id) return `suggestion form went to ${location}`;
							submitted.add(Number(id));
							return null;
						}
					});
					if (ok) confirmed.suggestions++;
				}
			),
		moderate: async () => {
			if (staff.busy) return 'nobody';
			staff.busy = true;
			try {
				const queue = await send('moderate', '/geel/beheer/suggesties?wat=waiting&sorteer=newest', {
					cookie: staff.cookie,
					ip: staff.ip
				});
				if (!queue) return 'done';
				// Only what the soak's citizens sent: the suggestions people vote on are never rejected.
				const items = [...queue.text.matchAll(/name="item" value="([sc]\d+)"/g)]
					.map((m) => m[1])
					.filter((key) => key.startsWith('c') || submitted.has(Number(key.slice(1))));
				if (items.length === 0) return 'done';
				const item = items[0];
				staff.decisions = (staff.decisions ?? 0) + 1;
				if (staff.decisions % 3 === 0) {
					const ok = await send('moderate', '/geel/beheer/suggesties/bevestigen', {
						method: 'POST',
						form: { item, wijziging: 'reject', reden: 'offTopic', toelichting: '' },
						cookie: staff.cookie,
						ip: staff.ip,
						expect: 303
					});
					if (ok) confirmed.rejected++;
				} else {
					const ok = await send('moderate', '/geel/beheer/suggesties?wat=waiting&sorteer=newest&/approve', {
						method: 'POST',
						form: { rij: item },
						cookie: staff.cookie,
						ip: staff.ip,
						expect: 303
					});
					if (ok) confirmed.approved++;
				}
				if (item.startsWith('s') && staff.decisions % 2 === 0)
					await send('moderate', `/geel/beheer/suggesties/${item.slice(1)}`, {
						cookie: staff.cookie,
						ip: staff.ip
					});
				return 'done';
			} finally {
				staff.busy = false;
			}
		}
	};

	// ---- before the clock: every page answers, the moderator and the first citizens log in ----
	const unanswered = [];
	const probe = async (pages, cookie) => {
		for (const page of pages) {
			const headers = { accept: 'text/html', ...(cookie ? { cookie } : {}) };
			const response = await fetch(base + page, { headers, redirect: 'manual' });
			await response.arrayBuffer();
			if (response.status !== 200) unanswered.push(`${page} answered ${response.status}`);
		}
	};
	await probe(visitorPages);
	const staff = await logInStaff();
	for (let i = 0; i < FIRST_CITIZENS; i++)
		if (!(await logIn('login')))
			throw new Error(`soak: the first citizens could not log in: ${errorsSeen[0]}`);
	await probe(citizenPages, citizens[0].cookie);
	if (unanswered.length > 0) throw new Error(`soak: pages that do not answer 200: ${unanswered.join('; ')}`);
	const before = { requests: records.length, errors: records.filter((r) => r.error).length };
	records = [];
	byKind.clear();
	mailLatencies.length = 0;
	allRecords.count = 0;
	log(
		`soak: ${FIRST_CITIZENS} citizens and the moderator logged in; ${minutes} min of the mix ` +
			`(${Object.entries(SOAK_MIX)
				.map(([k, v]) => `${k} ${v}/s`)
				.join(', ')}), a line every ${sampleSeconds} s`
	);

	// ---- the soak ----
	t0 = performance.now();
	const durationS = minutes * 60;
	const skipped = { nobody: 0, shed: 0 };
	const running = new Set();
	const memory = [];
	const intervals = [];
	const sampleMemory = () => {
		const m = processMemory(app.pid);
		if (m) memory.push({ tS: Math.round(now() * 10) / 10, rssBytes: m.rssBytes });
	};
	sampleMemory();
	const memoryTimer = setInterval(sampleMemory, MEMORY_EVERY_MS);
	let intervalStart = 0;
	let mailSeen = 0;
	const closeInterval = () => {
		const end = now();
		const stats = intervalStats(records);
		const mails = mailLatencies
			.slice(mailSeen)
			.map((m) => m.ms)
			.sort((a, b) => a - b);
		mailSeen = mailLatencies.length;
		const m = processMemory(app.pid);
		const row = {
			fromS: Math.round(intervalStart),
			toS: Math.round(end),
			...stats,
			reqPerSec: stats.requests / Math.max(0.001, end - intervalStart),
			mailP99Ms: percentile(mails, 99),
			mails: mails.length,
			rssBytes: m?.rssBytes ?? null,
			inFlight
		};
		intervals.push(row);
		records = [];
		intervalStart = end;
		log(
			`soak ${fmtTime(row.toS)}: ${row.requests} requests, ${row.errors} errors, p50 ${fmt.ms(row.p50Ms)}, ` +
				`p99 ${fmt.ms(row.p99Ms)}, login mail p99 ${row.mails ? fmt.ms(row.mailP99Ms) : '–'}, RSS ${m ? fmt.mb(m.rssBytes) : '?'}`
		);
	};
	const next = Object.fromEntries(Object.keys(SOAK_MIX).map((k) => [k, rnd.next() / SOAK_MIX[k]]));
	let nextSample = sampleSeconds;
	while (now() < durationS) {
		const t = now();
		for (const [kind, rate] of Object.entries(SOAK_MIX)) {
			while (next[kind] <= t) {
				next[kind] += 1 / rate;
				if (inFlight >= MAX_IN_FLIGHT) {
					skipped.shed++;
					record(kind, 0, `not sent: ${inFlight} requests still open (the app fell behind the rate)`);
					continue;
				}
				const task = tasks[kind]().then(
					(outcome) => {
						if (outcome === 'nobody') skipped.nobody++;
					},
					(error) => record(kind, 0, `driver: ${error.message}`)
				);
				running.add(task);
				task.finally(() => running.delete(task));
			}
		}
		if (t >= nextSample) {
			closeInterval();
			nextSample += sampleSeconds;
		}
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	let drainTimer;
	await Promise.race([
		Promise.all(running),
		new Promise((resolve) => (drainTimer = setTimeout(resolve, 60_000)))
	]);
	clearTimeout(drainTimer);
	if (records.length > 0) closeInterval();
	clearInterval(memoryTimer);

	// Votes whose request failed: sent again until the app says how they stand, so the check can be exact.
	let settleRequests = 0;
	for (const { citizen, suggestionId, on } of [...uncertain.values()]) {
		for (let attempt = 0; attempt < 5 && uncertain.has(`${citizen.n}:${suggestionId}`); attempt++) {
			settleRequests++;
			await apiVote(citizen, suggestionId, on);
		}
	}

	const appLog = { ...app.output.counts };
	const notable = app.output.notable.slice(0, 5);
	await app.stop();
	await mail.close();
	log('soak: app stopped, checking the database…');
	const db = await databaseStep(dataDir, 'verify');

	// ---- verdict ----
	const expectedVotes = new Set();
	for (const c of citizens) for (const id of c.votes.keys()) expectedVotes.add(`${c.email}:${id}`);
	const actualVotes = new Set(db.votes.map((v) => `${v.email}:${v.suggestionId}`));
	const missing = [...expectedVotes].filter((k) => !actualVotes.has(k));
	const extra = [...actualVotes].filter((k) => !expectedVotes.has(k));
	const consistency = [];
	if (db.wrongCounts.length > 0)
		consistency.push(
			`suggestions whose vote_count differs from their votes, e.g. ${JSON.stringify(db.wrongCounts[0])}`
		);
	if (missing.length > 0) consistency.push(`${missing.length} confirmed votes missing, e.g. ${missing[0]}`);
	if (extra.length > 0)
		consistency.push(`${extra.length} votes in the database that were not confirmed, e.g. ${extra[0]}`);
	if (uncertain.size > 0) consistency.push(`${uncertain.size} votes never confirmed, even when sent again`);
	if (db.people !== citizens.length)
		consistency.push(`${db.people} soak accounts, ${citizens.length} logged in`);
	if (db.comments !== confirmed.comments)
		consistency.push(`${db.comments} comments of the soak's citizens, ${confirmed.comments} confirmed`);
	if (db.suggestions !== confirmed.suggestions)
		consistency.push(
			`${db.suggestions} suggestions of the soak's citizens, ${confirmed.suggestions} confirmed`
		);

	const kinds = [...byKind].map(([kind, k]) => {
		const sorted = k.latencies.sort((a, b) => a - b);
		return {
			kind,
			requests: sorted.length,
			errors: k.errors,
			p50Ms: percentile(sorted, 50),
			p99Ms: percentile(sorted, 99),
			maxMs: sorted.at(-1) ?? 0
		};
	});
	const totalRequests = intervals.reduce((s, i) => s + i.requests, 0);
	const totalErrors = intervals.reduce((s, i) => s + i.errors, 0);
	const allMail = mailLatencies.map((m) => m.ms).sort((a, b) => a - b);
	const levels = { ...memoryLevelsOff(memory), judged: minutes >= MIN_MINUTES_TO_JUDGE_MEMORY };
	return {
		minutes,
		sampleSeconds,
		mix: SOAK_MIX,
		firstCitizens: FIRST_CITIZENS,
		before,
		requests: totalRequests,
		errors: totalErrors,
		errorSamples: errorsSeen.slice(0, 20),
		skipped,
		kinds,
		intervals,
		memory: {
			everyMs: MEMORY_EVERY_MS,
			samples: memory,
			startBytes: memory[0]?.rssBytes ?? null,
			endBytes: memory.at(-1)?.rssBytes ?? null,
			peakBytes: Math.max(...memory.map((m) => m.rssBytes)),
			levelsOff: levels
		},
		jobs: {
			loginMails: allMail.length,
			mailsReceived: mail.received(),
			p50Ms: percentile(allMail, 50),
			p99Ms: percentile(allMail, 99),
			maxMs: allMail.at(-1) ?? 0
		},
		people: {
			citizens: citizens.length,
			votesHeld: expectedVotes.size,
			comments: confirmed.comments,
			suggestions: confirmed.suggestions,
			approved: confirmed.approved,
			rejected: confirmed.rejected,
			settleRequests
		},
		databaseAfter: {
			soakVotes: db.votes.length,
			soakComments: db.comments,
			soakSuggestions: db.suggestions,
			soakSuggestionsPending: db.pendingSuggestions,
			allSuggestions: db.allSuggestions,
			allVotes: db.allVotes,
			wrongVoteCounts: db.wrongCounts.length
		},
		consistency: { exact: consistency.length === 0, problems: consistency },
		appLog,
		appLogNotable: notable,
		loadAverage: os.loadavg(),
		pass: totalErrors === 0 && (levels.pass || !levels.judged) && consistency.length === 0
	};
}

function fmtTime(s) {
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.round(s % 60)).padStart(2, '0')}`;
}

/** The soak's report for the terminal: the table over time, the totals and the verdict. */
export function printSoak(soak, print = console.log) {
	print(
		`Soak: ${soak.minutes} min at a fixed rate (${Object.entries(soak.mix)
			.map(([k, v]) => `${k} ${v}/s`)
			.join(', ')}); ${soak.people.citizens} citizens logged in through the mail link, one moderator`
	);
	print(
		table(
			['time', 'requests', 'req/s', 'errors', 'p50', 'p99', 'max', 'login mails', 'mail p99', 'RSS'],
			soak.intervals.map((i) => [
				`${fmtTime(i.fromS)}–${fmtTime(i.toS)}`,
				fmt.int(i.requests),
				fmt.num(i.reqPerSec),
				i.errors,
				fmt.ms(i.p50Ms),
				fmt.ms(i.p99Ms),
				fmt.ms(i.maxMs),
				i.mails,
				i.mails ? fmt.ms(i.mailP99Ms) : '–',
				i.rssBytes ? fmt.mb(i.rssBytes) : '?'
			]),
			{ align: [null, 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] }
		)
	);
	print('');
	print(
		table(
			['kind', 'requests', 'errors', 'p50', 'p99', 'max'],
			soak.kinds.map((k) => [
				k.kind,
				fmt.int(k.requests),
				k.errors,
				fmt.ms(k.p50Ms),
				fmt.ms(k.p99Ms),
				fmt.ms(k.maxMs)
			]),
			{ align: [null, 'right', 'right', 'right', 'right', 'right'] }
		)
	);
	const lv = soak.memory.levelsOff;
	print('');
	print(
		`Jobs: ${soak.jobs.loginMails} login mails sent by the pg-boss mail job and caught over SMTP ` +
			`(asked → arrived p50 ${fmt.ms(soak.jobs.p50Ms)}, p99 ${fmt.ms(soak.jobs.p99Ms)}, max ${fmt.ms(soak.jobs.maxMs)})`
	);
	print(
		`People: ${soak.people.citizens} citizens holding ${soak.people.votesHeld} votes, ${soak.people.comments} comments, ` +
			`${soak.people.suggestions} suggestions; the moderator approved ${soak.people.approved} and rejected ${soak.people.rejected} items`
	);
	print(
		`Memory (RSS every ${soak.memory.everyMs / 1000} s): ${fmt.mb(soak.memory.startBytes)} at the start, ` +
			`${fmt.mb(soak.memory.endBytes)} at the end, peak ${fmt.mb(soak.memory.peakBytes)}; second half ` +
			`${lv.slopeMbPerMin?.toFixed(2)} MB/min (at most ${lv.maxSlopeMbPerMin}), last third's median ` +
			`${lv.lastThirdMedianMb?.toFixed(0)} MB vs middle third's ${lv.middleThirdMedianMb?.toFixed(0)} MB ` +
			`(${((lv.thirdGrowth ?? 0) * 100).toFixed(1)} %, at most ${((lv.maxThirdGrowth ?? 0) * 100).toFixed(0)} %)`
	);
	print(
		`App log: ${soak.appLog.warn} warn, ${soak.appLog.error} error, ${soak.appLog.fatal} fatal lines` +
			(soak.skipped.nobody ? `; ${soak.skipped.nobody} turns with no citizen free (not sent)` : '')
	);
	for (const line of soak.appLogNotable) print(`  ${line.slice(0, 300)}`);
	print('');
	print(
		table(
			['soak check', 'measured', 'target', 'result'],
			[
				['errors', String(soak.errors), '0', soak.errors === 0 ? 'PASS' : 'FAIL'],
				[
					'memory levels off',
					`${lv.slopeMbPerMin?.toFixed(2)} MB/min, ${((lv.thirdGrowth ?? 0) * 100).toFixed(1)} %`,
					`≤ ${lv.maxSlopeMbPerMin} MB/min and ≤ ${((lv.maxThirdGrowth ?? 0) * 100).toFixed(0)} %`,
					!lv.judged ? `not judged (< ${MIN_MINUTES_TO_JUDGE_MEMORY} min)` : lv.pass ? 'PASS' : 'FAIL'
				],
				[
					'database consistent',
					soak.consistency.exact
						? `${soak.databaseAfter.soakVotes} votes as confirmed`
						: soak.consistency.problems[0],
					'votes, comments, suggestions as confirmed',
					soak.consistency.exact ? 'PASS' : 'FAIL'
				]
			],
			{ align: [null, 'right', 'right'] }
		)
	);
	for (const line of soak.errorSamples.slice(0, 10)) print(`ERROR: ${line}`);
	if (!lv.pass && lv.reason) print(`MEMORY${lv.judged ? '' : ' (not judged, run too short)'}: ${lv.reason}`);
	for (const line of soak.consistency.problems) print(`DATABASE: ${line}`);
}

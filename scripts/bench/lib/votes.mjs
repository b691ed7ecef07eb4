// The vote load: many distinct people casting votes at the same time with PUT /api/v1/suggestions/{id}/vote
// (cookie meedoen_session), each person's votes one after the other as a person would, `inFlight` requests
// open at once. Some people send their first vote twice at the same moment (two tabs). Returns throughput,
// latency and, per suggestion, how many distinct people were told their vote counts, for the check in the
// database afterwards.
import http from 'node:http';
import { readFileSync } from 'node:fs';

/** Long: on the embedded database every vote waits its turn, and an abandoned request may still count. */
const REQUEST_TIMEOUT_MS = 120_000;
/** How often an unconfirmed vote is sent again after the run before the check gives up on it. */
const SETTLE_ATTEMPTS = 5;

/** The nearest-rank percentile of sorted numbers. */
export function percentile(sorted, p) {
	if (sorted.length === 0) return 0;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * A kept-alive socket the server closes just as a request goes out fails with ECONNRESET before the app saw
 * it; a vote is idempotent, so it is sent once more (counted as one request; it may have counted, once).
 */
async function put(agent, baseUrl, suggestionId, token) {
	const first = await putOnce(agent, baseUrl, suggestionId, token);
	if (first.status !== 0 || !/ECONNRESET|EPIPE|socket hang up/.test(first.error ?? '')) return first;
	const again = await putOnce(agent, baseUrl, suggestionId, token);
	return { ...again, ms: first.ms + again.ms, retried: true };
}

function putOnce(agent, baseUrl, suggestionId, token) {
	const url = new URL(`/api/v1/suggestions/${suggestionId}/vote`, baseUrl);
	return new Promise((resolve) => {
		const started = performance.now();
		const request = http.request(
			url,
			{
				method: 'PUT',
				agent,
				headers: {
					cookie: `meedoen_session=${token}`,
					// As a browser does: the platform refuses writes without its own origin.
					origin: url.origin,
					accept: 'application/json',
					'content-length': '0'
				},
				timeout: REQUEST_TIMEOUT_MS
			},
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					const ms = performance.now() - started;
					let body = null;
					try {
						body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
					} catch {
						body = null;
					}
					resolve({ status: response.statusCode, body, ms });
				});
				response.on('error', (error) =>
					resolve({ status: 0, error: error.message, ms: performance.now() - started })
				);
			}
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (error) =>
			resolve({ status: 0, error: error.message, ms: performance.now() - started })
		);
		request.end();
	});
}

/**
 * The first `warmup` people of the tokens file vote first, untimed, so the measurement starts on a server
 * that has compiled its code and read its indexes (as the read scenarios warm up); the others are measured.
 * Every vote, warm-up included, is recorded for the check in the database afterwards.
 *
 * @param {{ baseUrl: string, tokensFile: string, inFlight: number, twice: number, warmup?: number, routes: { find(p: string): string | null } }} options
 */
export async function measureVotes({ baseUrl, tokensFile, inFlight, twice, warmup = 0, routes }) {
	const { people: everyone } = JSON.parse(readFileSync(tokensFile, 'utf8'));
	const probe = `/api/v1/suggestions/${everyone[0].suggestionIds[0]}/vote`;
	if (!routes.find(probe)) return { skipped: 'route missing', path: probe };

	const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
	/** suggestion id → people whose vote the app confirmed (voted: true). */
	const confirmed = new Map();
	/** suggestion id → people who tried (a request that failed in transit may still have counted). */
	const attempted = new Map();
	/** Marks a vote confirmed; true when it was not confirmed before. */
	const confirm = (suggestionId, person) => {
		let set = confirmed.get(suggestionId);
		if (!set) confirmed.set(suggestionId, (set = new Set()));
		if (set.has(person)) return false;
		set.add(person);
		return true;
	};
	const newStats = () => ({
		latencies: [],
		statusCodes: {},
		errors: [],
		requests: 0,
		votes: 0,
		wrongBodies: 0,
		retried: 0
	});
	const record = (stats, result, suggestionId, person) => {
		stats.requests++;
		stats.latencies.push(result.ms);
		let tried = attempted.get(suggestionId);
		if (!tried) attempted.set(suggestionId, (tried = new Set()));
		tried.add(person);
		stats.statusCodes[result.status] = (stats.statusCodes[result.status] ?? 0) + 1;
		if (result.retried) stats.retried++;
		if (result.status === 0) stats.errors.push(result.error);
		if (result.status !== 200) return;
		const body = result.body;
		if (!body || body.voted !== true || typeof body.voteCount !== 'number') {
			stats.wrongBodies++;
			return;
		}
		if (confirm(suggestionId, person)) stats.votes++;
	};

	/** Each person's votes one after the other; `inFlight` people at once. Person numbers are global. */
	async function run(first, count, twiceCount, stats) {
		let next = first;
		const end = first + count;
		async function worker() {
			while (next < end) {
				const index = next++;
				const person = everyone[index];
				for (const [j, suggestionId] of person.suggestionIds.entries()) {
					if (j === 0 && index - first < twiceCount) {
						// Two tabs, the same vote at the same moment: both may succeed, it counts once.
						const [a, b] = await Promise.all([
							put(agent, baseUrl, suggestionId, person.token),
							put(agent, baseUrl, suggestionId, person.token)
						]);
						record(stats, a, suggestionId, index);
						record(stats, b, suggestionId, index);
					} else record(stats, await put(agent, baseUrl, suggestionId, person.token), suggestionId, index);
				}
			}
		}
		await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
	}

	const warm = newStats();
	const warmStarted = performance.now();
	if (warmup > 0) await run(0, warmup, 0, warm);
	const warmSeconds = (performance.now() - warmStarted) / 1000;

	const stats = newStats();
	const measured = everyone.length - warmup;
	const started = performance.now();
	await run(warmup, measured, twice, stats);
	const seconds = (performance.now() - started) / 1000;

	// Untimed: every vote that was tried but not confirmed (a request lost in transit, a refusal under load)
	// is sent again until the app confirms it, so the check afterwards can demand exactly the confirmed count
	// instead of anything between confirmed and tried. A vote is idempotent: sending it again never adds one.
	const settle = { requests: 0, unsettled: 0 };
	for (const [suggestionId, tried] of attempted) {
		for (const person of tried) {
			let settled = confirmed.get(suggestionId)?.has(person) ?? false;
			for (let attempt = 0; !settled && attempt < SETTLE_ATTEMPTS; attempt++) {
				settle.requests++;
				const result = await put(agent, baseUrl, suggestionId, everyone[person].token);
				settled = result.status === 200 && result.body?.voted === true;
				if (settled) confirm(suggestionId, person);
			}
			if (!settled) settle.unsettled++;
		}
	}
	agent.destroy();
	const allConfirmed = [...confirmed.values()].reduce((sum, set) => sum + set.size, 0);

	const latencies = stats.latencies.sort((a, b) => a - b);
	return {
		path: '/api/v1/suggestions/{id}/vote',
		people: measured,
		inFlight,
		twice,
		warmup: {
			people: warmup,
			requests: warm.requests,
			votes: warm.votes,
			seconds: warmSeconds,
			statusCodes: warm.statusCodes
		},
		requests: stats.requests,
		seconds,
		/** Distinct votes of the measured people confirmed per second of their run. */
		votesPerSec: stats.votes / seconds,
		reqPerSec: stats.requests / seconds,
		votes: stats.votes,
		/** Every vote the app confirmed, warm-up and settling included: exactly what the database must hold. */
		allVotes: allConfirmed,
		/** Votes re-sent after the run until confirmed; `unsettled` ones never were (the check then fails). */
		settle,
		latencyMs: {
			p50: percentile(latencies, 50),
			p99: percentile(latencies, 99),
			max: latencies.at(-1) ?? 0
		},
		statusCodes: mergeCounts(warm.statusCodes, stats.statusCodes),
		measuredStatusCodes: stats.statusCodes,
		wrongBodies: warm.wrongBodies + stats.wrongBodies,
		retried: warm.retried + stats.retried,
		errors: [...warm.errors, ...stats.errors].slice(0, 5),
		confirmedPerSuggestion: Object.fromEntries([...confirmed].map(([id, set]) => [id, set.size]))
	};
}

function mergeCounts(a, b) {
	const out = { ...a };
	for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
	return out;
}

/**
 * What the database says after the load (suggestions-offline.mjs verify) against what the app confirmed:
 * every count equal to its votes, and the load's votes exactly the confirmed ones (per suggestion and in all).
 */
export function checkVoteCounts(load, db, { startVotes }) {
	const problems = [];
	if (db.wrongCount > 0)
		problems.push(
			`${db.wrongCount} suggestions whose vote_count differs from their votes, e.g. ${JSON.stringify(db.wrong[0])}`
		);
	if (db.voteCountSum !== db.votes) problems.push(`sum of vote_count ${db.voteCountSum} ≠ ${db.votes} votes`);
	if (db.votes !== startVotes + db.loadVotes)
		problems.push(
			`${db.votes} votes in the opportunity ≠ ${startVotes} before + ${db.loadVotes} cast under load`
		);
	// Every vote tried was settled (confirmed) after the run, so the database holds exactly the confirmed votes:
	// none lost, none twice, nothing else.
	if (load.settle.unsettled > 0)
		problems.push(`${load.settle.unsettled} votes never confirmed, even when sent again after the run`);
	if (db.loadVotes !== load.allVotes)
		problems.push(
			`${db.loadVotes} votes of the load people in the database, expected exactly ${load.allVotes} confirmed`
		);
	const inDb = new Map(db.perSuggestion.map((r) => [String(r.id), r.n]));
	let mismatched = 0;
	for (const [id, n] of Object.entries(load.confirmedPerSuggestion))
		if ((inDb.get(id) ?? 0) !== n) mismatched++;
	for (const [id] of inDb) if (!(id in load.confirmedPerSuggestion)) mismatched++;
	if (mismatched > 0)
		problems.push(`${mismatched} touched suggestions with another number of votes than confirmed`);
	return {
		exact: problems.length === 0,
		problems,
		touched: Object.keys(load.confirmedPerSuggestion).length
	};
}

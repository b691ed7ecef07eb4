// Issue 5's data: one municipality (Geel) with an opportunity holding 10,000 listed suggestions and 1,000,000
// votes, and 1,000 people with a session for the vote load. Written with the app stopped, straight into its
// embedded database, by a child process (suggestions-offline.mjs), like the `actions` step.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '../lib/processes.mjs';
import { LOAD_PEOPLE, SUGGESTIONS, VOTERS, VOTES_PER_VOTER, WARMUP_PEOPLE } from './suggestions-offline.mjs';

const SCRIPT = fileURLToPath(new URL('./suggestions-offline.mjs', import.meta.url));

/** Runs suggestions-offline.mjs with `args` and resolves with the summary it sends back. */
export async function runSuggestionsChild(args, { timeoutMs = 180_000, what = 'dataset suggestions' } = {}) {
	const child = fork(SCRIPT, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	const message = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			stopProcess(child, { graceMs: 2_000 });
			reject(new Error(`${what}: no result within ${timeoutMs / 1000} s`));
		}, timeoutMs);
		child.once('message', (m) => {
			clearTimeout(timer);
			resolve(m);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${what}: the child stopped (exit code ${code}) without a result`));
		});
	});
	await stopProcess(child, { graceMs: 10_000 });
	if (message.error) throw new Error(`${what}: ${message.error}`);
	return message.summary;
}

export const suggestionsDataset = {
	name: 'suggestions',
	description: `Geel: one opportunity with ${SUGGESTIONS.toLocaleString('en-US')} listed suggestions and ${(VOTERS * VOTES_PER_VOTER).toLocaleString('en-US')} votes by ${VOTERS.toLocaleString('en-US')} people, plus ${LOAD_PEOPLE.toLocaleString('en-US')} people with a session for the vote load (and ${WARMUP_PEOPLE} to warm it up)`,

	async offline({ dataDir, log }) {
		const s = await runSuggestionsChild([dataDir]);
		log(
			`dataset suggestions: ${s.suggestions} suggestions, ${s.votes} votes (most on one: ${s.maxVotes}), ` +
				`${s.sessions} sessions for the vote load in ${(s.ms / 1000).toFixed(1)} s`
		);
		return s;
	},

	/** Checks what the app now serves where the routes exist (they are being built alongside). */
	async online({ baseUrl, offline, routes }) {
		const summary = { ...offline };
		const clusters = `/api/v1/opportunities/${offline.opportunityId}/clusters?bbox=${offline.bbox}&zoom=13`;
		summary.clustersPath = clusters;
		summary.listPath = `/geel/kansen/${offline.opportunityId}?sorteer=steun`;
		if (routes.find(new URL(clusters, baseUrl).pathname)) {
			const response = await fetch(new URL(clusters, baseUrl), { signal: AbortSignal.timeout(10_000) });
			summary.clustersStatus = response.status;
			await response.arrayBuffer();
		}
		return summary;
	}
};

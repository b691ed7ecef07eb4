// Issue 4's data: 29 municipalities × 300 published actions, each with one or two themes, 5 opportunities
// (on rotating rungs, windows open, closed, future and open-ended) and 2 updates. Written with the app
// stopped, straight into its embedded database, by a child process (actions-offline.mjs), so the PGlite
// heap of the generation never sits in the process that runs the load.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stopProcess } from '../lib/processes.mjs';
import { ACTIONS_PER_MUNICIPALITY, OPPORTUNITIES_PER_ACTION } from './actions-offline.mjs';

const SCRIPT = fileURLToPath(new URL('./actions-offline.mjs', import.meta.url));
const TIMEOUT_MS = 120_000;

export const actions = {
	name: 'actions',
	description: `29 municipalities × ${ACTIONS_PER_MUNICIPALITY} published actions with themes, ${OPPORTUNITIES_PER_ACTION} opportunities and 2 updates each (besides the demo actions)`,

	async offline({ dataDir, log }) {
		const child = fork(SCRIPT, [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
		const message = await new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				stopProcess(child, { graceMs: 2_000 });
				reject(new Error(`dataset actions: no result within ${TIMEOUT_MS / 1000} s`));
			}, TIMEOUT_MS);
			child.once('message', (m) => {
				clearTimeout(timer);
				resolve(m);
			});
			child.once('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`dataset actions: the generator stopped (exit code ${code}) without a result`));
			});
		});
		await stopProcess(child, { graceMs: 10_000 });
		if (message.error) throw new Error(`dataset actions: ${message.error}`);
		const s = message.summary;
		log(
			`dataset actions: ${s.actions} actions in ${s.municipalities} municipalities, ${s.opportunities} ` +
				`opportunities, ${s.actionThemes} theme links, ${s.updates} updates in ${(s.ms / 1000).toFixed(1)} s`
		);
		return s;
	},

	/** The summary of the offline step, checked against what the app now serves where it can. */
	async online({ baseUrl, offline, routes }) {
		const summary = { ...offline };
		if (routes.find('/api/v1/municipalities/geel/actions')) {
			const response = await fetch(new URL('/api/v1/municipalities/geel/actions?limit=1', baseUrl), {
				signal: AbortSignal.timeout(10_000)
			});
			if (response.status !== 200)
				throw new Error(`dataset actions: /api/v1/municipalities/geel/actions answered ${response.status}`);
			const body = await response.json();
			if (!Array.isArray(body.data) || body.data.length !== 1)
				throw new Error('dataset actions: the API lists no action for Geel');
		}
		return summary;
	}
};

// Once per run: the demo data folder every journey's fresh server starts from (a copy: see freshDataDir in
// server.ts), and one built server on a copy of it shared by the journeys; some journeys start their own.
import type { TestProject } from 'vitest/node';
import { cpSync } from 'node:fs';
import { makeDataDir, makeDemoDataDir, removeDataDir, startServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** http://127.0.0.1:<port> of the shared server */
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	const demoDataDir = await makeDemoDataDir();
	project.provide('demoDataDir', demoDataDir);
	const dataDir = makeDataDir();
	cpSync(demoDataDir, dataDir, { recursive: true });
	// As long as the demo folder's server gets: on a loaded machine the first start takes more than a minute.
	const server = await startServer({ dataDir, timeoutMs: 180_000 });
	project.provide('baseURL', server.url);
	return async () => {
		removeDataDir(demoDataDir);
		const code = await server.stop();
		removeDataDir(server.dataDir);
		if (code !== 0 && code !== null) {
			console.warn(`the shared e2e server exited with ${code}:\n${server.output()}`);
		}
	};
}

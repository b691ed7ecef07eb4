// One built server on a fresh, empty data folder for all browser journeys; server.test.ts starts its own.
import type { TestProject } from 'vitest/node';
import { removeDataDir, startServer } from './server';

declare module 'vitest' {
	export interface ProvidedContext {
		/** http://127.0.0.1:<port> of the shared server */
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	const server = await startServer();
	project.provide('baseURL', server.url);
	return async () => {
		const code = await server.stop();
		removeDataDir(server.dataDir);
		if (code !== 0 && code !== null) {
			console.warn(`the shared e2e server exited with ${code}:\n${server.output()}`);
		}
	};
}

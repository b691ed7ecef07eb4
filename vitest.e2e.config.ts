// Browser journeys (tests/e2e) against the built server, in Debian's Chromium. Run by `npm run test:e2e`,
// which builds first. No SvelteKit plugin: the journeys only talk to the server over HTTP.
import { defineConfig } from 'vitest/config';

// How many journey files run at the same time (E2E_WORKERS, default 1). Each file starts its own server on free
// ports and data folder (or reads the shared one), so files never share state beyond the read-mostly shared
// server; each worker launches its own Chromium.
const workers = Math.max(1, Number(process.env.E2E_WORKERS ?? 1) || 1);

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/support/global-setup.ts'],
		fileParallelism: workers > 1,
		maxWorkers: workers,
		// One module graph for all files of a worker, not one per file: the support modules keep no state of
		// their own.
		isolate: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		teardownTimeout: 60_000
	}
});

// Browser journeys (tests/e2e) against the built server, in Debian's Chromium. Run by `npm run test:e2e`,
// which builds first. No SvelteKit plugin: the journeys only talk to the server over HTTP.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/e2e/support/global-setup.ts'],
		// One browser and a few servers at a time; the journeys are slow compared with unit tests.
		fileParallelism: false,
		// Two journey files at once was slower on two cores (the servers and Chromium already fill them). One
		// module graph for all files, not one per file: the support modules keep no state of their own.
		isolate: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		teardownTimeout: 60_000
	}
});

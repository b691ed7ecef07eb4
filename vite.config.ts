import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		// Once per run: the databases every test's database is copied from (testing/db.ts).
		globalSetup: ['src/lib/server/testing/snapshots.ts'],
		// One module graph per worker for all its files instead of one per file: importing the app's modules again
		// for each of 120 files took 139 s of the embedded phase's 651 s. Each test makes its own database
		// (testing/db.ts) and app; the server's modules keep no state of their own at module level (constant tables
		// and a date-format cache), so a file does not see what an earlier one did.
		isolate: false,
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});

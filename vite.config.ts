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
		testTimeout: 30_000,
		hookTimeout: 60_000
	}
});

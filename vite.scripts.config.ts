import path from 'node:path';
import { defineConfig } from 'vite';

// For scripts run with vite-node (seed:demo, bench datasets): server code without the SvelteKit plugin.
export default defineConfig({
	resolve: { alias: { $lib: path.resolve('src/lib') } }
});

import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ out: 'build', precompress: true }),
		// The policy SvelteKit writes, with hashes for its own inline scripts.
		// frame-ancestors (FRAME_ANCESTORS) and form-action (which must allow the identity provider, a login
		// form redirects there) are runtime configuration, so hooks.server.ts adds them to this same policy.
		csp: {
			// Hashes, not nonces: the same page may be served to many visitors from the page cache.
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'https:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		},
		// Cross-site writes are refused in hooks.server.ts for every method and content type, on pages and the
		// API alike, with a Dutch answer (a problem document on the API); SvelteKit's own check covers only
		// form content types and answers in English before our hook runs, so it is switched off here.
		// tests/e2e/csrf.test.ts posts every action and API write of the route tree from other origins.
		csrf: { trustedOrigins: ['*'] },
		alias: { $tests: 'tests' }
	}
};

export default config;

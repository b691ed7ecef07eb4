// Which pages and endpoints the build has: read from SvelteKit's server manifest, so a scenario whose route
// does not exist (yet) is skipped with a reason instead of measuring a 404 page.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** SvelteKit's manifest module in an adapter-node build (its file name carries a content hash). */
function manifestFile(root) {
	const server = path.join(root, 'build', 'server');
	const candidates = [
		...readdirSync(server)
			.filter((f) => /^manifest(\.js)?(-[\w-]+)?\.js$/.test(f))
			.map((f) => path.join(server, f)),
		...readdirSync(path.join(server, 'chunks'), { withFileTypes: true })
			.filter((e) => e.isFile() && /^manifest\.js-[\w-]+\.js$/.test(e.name))
			.map((e) => path.join(server, 'chunks', e.name))
	];
	if (candidates.length !== 1)
		throw new Error(`expected one SvelteKit manifest in build/server, found ${candidates.length}`);
	return candidates[0];
}

/**
 * The routes of the build. `find(pathname)` returns the id of the page or endpoint that serves the path
 * (e.g. "/[municipality=slug]/acties"), or null when only a catch-all (a [...rest] parameter) or nothing
 * matches. Parameter matchers are not run: the scenarios use valid values.
 */
export async function loadRoutes(root) {
	const module = await import(pathToFileURL(manifestFile(root)).href);
	const manifest = Object.values(module).find((value) => value?._?.routes);
	if (!manifest) throw new Error('the SvelteKit manifest has no route table');
	const routes = manifest._.routes.filter(
		(route) => (route.page || route.endpoint) && !route.params.some((param) => param.rest)
	);
	return {
		count: routes.length,
		find(pathname) {
			return routes.find((route) => route.pattern.test(pathname))?.id ?? null;
		}
	};
}

// The JavaScript a page makes the browser load at start, and its weight gzipped (zlib level 9).
//
// Found in what the app sends for the page:
//   - <script src="…"> in the HTML
//   - <link rel="modulepreload" href="…"> in the HTML, and rel="modulepreload" entries of the `link`
//     response header (SvelteKit sends its preloads in that header)
//   - the import("…") calls in the inline start-up script SvelteKit writes (the start and app entries)
// then completed with the static imports of those files (import … from "./x.js"), which the browser
// also loads before the page runs. A file found only that way is reported as `static-import`: it means
// the page did not preload it (an extra round trip for the browser).
// Lazy import("…") calls inside the chunks are not followed: they do not load at start.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const ATTR = (name) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');

function attribute(tag, name) {
	const match = tag.match(ATTR(name));
	return match ? (match[1] ?? match[2] ?? match[3]) : null;
}

/** Every start-up JavaScript URL named by the page itself, with where it was found. */
export function findStartupScripts(html, linkHeader) {
	const found = [];
	for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
		const src = attribute(tag, 'src');
		if (src) found.push({ href: src, via: 'script src' });
	}
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attribute(tag, 'href');
		if (href && rel.includes('modulepreload')) found.push({ href, via: 'modulepreload' });
	}
	for (const [, href, params] of (linkHeader ?? '').matchAll(/<([^>]*)>([^,]*)/g)) {
		if (/\brel\s*=\s*"?[^";]*\bmodulepreload\b/i.test(params))
			found.push({ href, via: 'link header modulepreload' });
	}
	for (const [, body] of html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
		for (const [, , href] of body.matchAll(/\bimport\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g))
			found.push({ href, via: 'inline import()' });
	}
	return found;
}

/** Relative specifiers a module imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`). */
export function staticImports(code) {
	const specifiers = new Set();
	const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])(\.{1,2}\/[^"'\s]+)\1/g;
	for (const [, , specifier] of code.matchAll(pattern)) specifiers.add(specifier);
	return [...specifiers];
}

/**
 * Loads `pagePath` from `baseUrl`, fetches every start-up script and sums their gzipped size.
 * `clientDir` (build/client) is used to report the size of the .gz files adapter-node precompressed too.
 */
export async function measurePageJs({ baseUrl, pagePath, clientDir }) {
	const pageUrl = new URL(pagePath, baseUrl);
	const page = await fetch(pageUrl, { signal: AbortSignal.timeout(10_000) });
	const html = await page.text();
	if (page.status !== 200) throw new Error(`${pagePath} answered ${page.status}`);

	const files = new Map();
	const queue = [];
	const add = (href, via, base) => {
		const url = new URL(href, base);
		if (url.origin !== pageUrl.origin) return; // the app loads nothing from elsewhere; count only ours
		url.hash = '';
		const key = url.href;
		const known = files.get(key);
		if (known) {
			// A static import of a file the page already names adds nothing worth showing.
			if (via !== 'static-import' && !known.via.includes(via)) known.via.push(via);
			return;
		}
		files.set(key, { url: key, path: url.pathname, via: [via] });
		queue.push(key);
	};
	for (const { href, via } of findStartupScripts(html, page.headers.get('link'))) add(href, via, pageUrl);

	while (queue.length > 0) {
		const key = queue.shift();
		const file = files.get(key);
		const response = await fetch(key, { signal: AbortSignal.timeout(10_000) });
		const body = Buffer.from(await response.arrayBuffer());
		if (response.status !== 200)
			throw new Error(`${file.path} (found via ${file.via.join(', ')}) answered ${response.status}`);
		const type = response.headers.get('content-type') ?? '';
		if (!/javascript/.test(type)) throw new Error(`${file.path} is served as ${type}, not JavaScript`);
		file.bytes = body.length;
		file.gzipBytes = gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length;
		const precompressed = path.join(clientDir, decodeURIComponent(file.path) + '.gz');
		file.precompressedGzipBytes = existsSync(precompressed) ? statSync(precompressed).size : null;
		for (const specifier of staticImports(body.toString('utf8'))) add(specifier, 'static-import', key);
	}

	const list = [...files.values()];
	const sum = (key) => list.reduce((total, f) => total + (f[key] ?? 0), 0);
	return {
		page: pagePath,
		files: list,
		count: list.length,
		bytes: sum('bytes'),
		gzipBytes: sum('gzipBytes'),
		precompressedGzipBytes: list.every((f) => f.precompressedGzipBytes !== null)
			? sum('precompressedGzipBytes')
			: null,
		notPreloaded: list.filter((f) => f.via.every((v) => v === 'static-import')).map((f) => f.path)
	};
}

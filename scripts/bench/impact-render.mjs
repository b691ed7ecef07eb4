// Renders the region's impact dashboard page in isolation, as the built server does (SvelteKit's compiled page,
// svelte/server's render, devalue's uneval of its data for hydration), from the data impact-profile.ts's `time`
// wrote (DUMP=file): the server-side cost of the page without the database or the network.
//
//   npm run build && node scripts/bench/impact-render.mjs /tmp/page.json [N]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { uneval } from 'devalue';

const args = process.argv.slice(2);
const n = /^\d+$/.test(args.at(-1) ?? '') ? Number(args.pop()) : 200;
if (args.length === 0)
	throw new Error('usage: node scripts/bench/impact-render.mjs page.json [other.json …] [N]');
const built = (file) => import(pathToFileURL(path.resolve('.svelte-kit/output/server', file)).href);
const page = await built('entries/pages/beheer/impact/_page.svelte.js');
// The build's own copy of svelte/server's render (its components use that copy's context); Rollup names its export.
const chunk = await built('chunks/index.js');
const render = Object.values(chunk).find((f) => typeof f === 'function' && f.name === 'render');
if (!render) throw new Error('render not found in the build');
// Each file's page in turn, so that all see the same machine.
const pages = args.map((file) => ({
	file,
	props: { data: { impact: JSON.parse(readFileSync(file, 'utf8')), flash: {} }, form: null },
	render: [],
	uneval: [],
	html: 0,
	data: 0
}));
for (let i = 0; i < n; i++)
	for (const p of pages) {
		let started = performance.now();
		p.html = render(page.default, { props: p.props }).body.length;
		p.render.push(performance.now() - started);
		started = performance.now();
		p.data = uneval(p.props.data).length;
		p.uneval.push(performance.now() - started);
	}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const p of pages)
	console.log(
		`${p.file}: render median ${median(p.render).toFixed(2)} ms, least ${Math.min(...p.render).toFixed(2)} ms ` +
			`(${p.html} characters of HTML); data for hydration (devalue) median ${median(p.uneval).toFixed(2)} ms, ` +
			`least ${Math.min(...p.uneval).toFixed(2)} ms (${p.data} characters)`
	);

// Profiles the impact dashboards statement by statement (issue 21), without timing the machine: builds the bench
// dataset into a PostgreSQL database (`prepare`), then (`profile`) loads the region's dashboard, a municipality's
// dashboard, its public page and the impact widget through the services, counting the statements each sends and
// printing EXPLAIN ANALYZE of every one.
//
//   DATABASE_URL=postgres://… npx vite-node --config vite.scripts.config.ts scripts/bench/impact-profile.ts prepare
//   DATABASE_URL=postgres://… npx vite-node --config vite.scripts.config.ts scripts/bench/impact-profile.ts profile [--explain]
//   DATABASE_URL=postgres://… npx vite-node --config vite.scripts.config.ts scripts/bench/impact-profile.ts time [N]
//
// `time` loads the region's dashboard N times (default 40) one after the other in this process and prints the
// median and p90 of the load, of each indicator's count alone, and the size of the data the page is given (JSON):
// the server-side figures to judge a change by on a shared machine, where the bench's wall clock is noisy.
import { features } from '$lib/server/features';
import { buildCtx } from '$lib/server/testing/context';
import {
	getMunicipalityImpact,
	getPublicImpact,
	getRegionImpact
} from '$lib/server/features/impact/impact.service';
import { impactWidget } from '$lib/server/features/impact/impact.widgets';
import { COMPUTE_LANES, computeFigures, indicatorsOf } from '$lib/server/features/impact/impact.compute';
import { takingPartOf } from '$lib/server/platform/indicators';
// @ts-expect-error: plain JavaScript of the bench
import { generateActions } from './datasets/actions-offline.mjs';
// @ts-expect-error: plain JavaScript of the bench
import { writeImpactData } from './lib/impact.mjs';
import { prepareDemoDatabase, printStatements, profileDatabaseUrl, recordingDb } from './lib/profile-setup';

const url = profileDatabaseUrl();
const mode = process.argv[2];

if (mode === 'prepare') {
	await prepareDemoDatabase(url);
	await generateActions('/tmp/ig');
	await writeImpactData('/tmp/ig');
	console.log('prepared');
	process.exit(0);
}

const { pool, db, seen } = recordingDb(url, 10);
const [region] = (await pool.query(`SELECT id FROM regions ORDER BY created_at LIMIT 1`)).rows;
const [geel] = (await pool.query(`SELECT id, slug FROM municipalities WHERE slug = 'geel'`)).rows;
const actor = {
	userId: '00000000-0000-0000-0000-000000000000',
	displayName: 'Profiel',
	memberships: [],
	regionRoles: [{ regionId: region.id, role: 'regional_admin' as const, coachedMunicipalityIds: [] }]
};
const tenant = { id: geel.id, slug: geel.slug };
if (mode === 'time') {
	const n = Number(process.argv[3] ?? 40);
	const pct = (xs: number[], p: number) =>
		[...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
	const show = (what: string, xs: number[]) =>
		console.log(`${what.padEnd(32)} median ${pct(xs, 0.5).toFixed(1)} ms, p90 ${pct(xs, 0.9).toFixed(1)} ms`);
	const ctx = buildCtx(db, undefined, { actor });
	let page = await getRegionImpact(ctx, {});
	const times: number[] = [];
	const statements: number[] = [];
	for (let i = 0; i < n; i++) {
		seen.length = 0;
		const started = performance.now();
		page = await getRegionImpact(ctx, {});
		times.push(performance.now() - started);
		statements.push(seen.length);
	}
	show('region dashboard load', times);
	console.log(`statements per load: ${statements[0]}`);
	const members = (
		await pool.query(`SELECT id, participating FROM municipalities WHERE region_id = $1`, [region.id])
	).rows as { id: string; participating: boolean }[];
	const municipalityIds = members.map((r) => r.id);
	const takingPart = takingPartOf(members);
	for (const part of indicatorsOf(features)) {
		if (!part.compute) continue;
		const each: number[] = [];
		for (let i = 0; i < Math.max(5, Math.floor(n / 4)); i++) {
			const started = performance.now();
			await part.compute(db, { regionId: region.id, municipalityIds, takingPart, now: new Date() });
			each.push(performance.now() - started);
		}
		show(`  ${part.key}`, each);
	}
	// The figures alone, one lane against COMPUTE_LANES, taken in turns so both see the same machine.
	const lanes: Record<number, number[]> = { 1: [], [COMPUTE_LANES]: [] };
	for (let i = 0; i < n; i++)
		for (const l of [1, COMPUTE_LANES]) {
			const started = performance.now();
			await computeFigures(db, {
				features,
				regionId: region.id,
				municipalityIds,
				takingPart,
				now: new Date(),
				lanes: l
			});
			lanes[l]!.push(performance.now() - started);
		}
	for (const l of [1, COMPUTE_LANES]) show(`figures in ${l} lane(s)`, lanes[l]!);
	const json = JSON.stringify(page);
	const trends = JSON.stringify(page.rows.map((r) => [r.trend, r.trendRows]));
	console.log(`page data ${json.length} characters (of which trends ${trends.length})`);
	if (process.env.DUMP) (await import('node:fs')).writeFileSync(process.env.DUMP, json);
	await pool.end();
	process.exit(0);
}

const loads: [string, () => Promise<unknown>][] = [
	['region dashboard', () => getRegionImpact(buildCtx(db, undefined, { actor }), {})],
	['municipal dashboard', () => getMunicipalityImpact(buildCtx(db, tenant, { actor }))],
	['public municipal page', () => getPublicImpact(buildCtx(db, tenant))],
	['impact widget', () => impactWidget.load(buildCtx(db, tenant), { limit: 10 })]
];
for (const [what, load] of loads) {
	await load(); // warm (plans, caches of the registry)
	seen.length = 0;
	const started = performance.now();
	await load();
	const ms = performance.now() - started;
	console.log(`\n## ${what}: ${seen.length} statements (${ms.toFixed(0)} ms on this loaded machine)`);
	await printStatements(pool, [...seen], {
		planLines: /Execution Time|Seq Scan|Index|Planning Time|rows=/,
		maxLines: 12
	});
}
await pool.end();

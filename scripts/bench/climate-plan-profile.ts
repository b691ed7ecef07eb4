// Profiles the climate plan's views statement by statement (issue 20), without timing the machine: builds the
// bench's data (the demo and 2,000 plan actions of Geel, lib/climate-plan.mjs) into a PostgreSQL database
// (`prepare`), then (`profile`) loads the board by status, the table with a word, the timeline and the priority
// view through the services as Geel's sustainability officer, counting the statements each sends, timing the
// load in process (median of a few runs) and the size of the data the page carries, and printing EXPLAIN ANALYZE
// of every statement with --explain.
//
//   DATABASE_URL=postgres://… npx vite-node --config vite.scripts.config.ts scripts/bench/climate-plan-profile.ts prepare
//   DATABASE_URL=postgres://… npx vite-node --config vite.scripts.config.ts scripts/bench/climate-plan-profile.ts profile [--explain]
import { buildCtx } from '$lib/server/testing/context';
import { actorOf } from '$lib/server/testing/factories';
import { getPlanStatusBoard, listPlanBoard } from '$lib/server/features/climate-plan/climate-plan.service';
import { getPlanTimeline } from '$lib/server/features/climate-plan/climate-plan.timeline';
import { getPlanPriority } from '$lib/server/features/climate-plan/climate-plan.priority';
// @ts-expect-error: plain JavaScript of the bench
import { writePlan } from './lib/climate-plan.mjs';
import { prepareDemoDatabase, printStatements, profileDatabaseUrl, recordingDb } from './lib/profile-setup';

const url = profileDatabaseUrl();
const mode = process.argv[2];

if (mode === 'prepare') {
	await prepareDemoDatabase(url);
	await writePlan('/tmp/unused');
	console.log('prepared');
	process.exit(0);
}

const { pool, db, seen } = recordingDb(url, 4);
const [geel] = (await pool.query(`SELECT id, slug FROM municipalities WHERE slug = 'geel'`)).rows;
const [officer] = (
	await pool.query(
		`SELECT u.id, u.display_name AS "displayName" FROM users u JOIN user_identities i ON i.user_id = u.id
		 WHERE i.subject = 'dev-moderator-geel'`
	)
).rows;
const actor = await actorOf(db, officer);
const tenant = { id: geel.id, slug: geel.slug };
const ctx = () => buildCtx(db, tenant, { actor });
const loads: [string, () => Promise<unknown>][] = [
	['board by status', () => getPlanStatusBoard(ctx(), {})],
	['table, a word', () => listPlanBoard(ctx(), { q: 'fiets' })],
	['table, status and priority', () => listPlanBoard(ctx(), { status: 'ongoing', priority: 'high' })],
	['timeline, late ones', () => getPlanTimeline(ctx(), { late: 'ja' })],
	['priority view, high priority', () => getPlanPriority(ctx(), { priority: 'high' })]
];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
for (const [what, load] of loads) {
	if (only && !what.includes(only)) continue;
	await load(); // warm (plans, caches of the registry)
	const times: number[] = [];
	let result: unknown;
	for (let i = 0; i < 9; i++) {
		seen.length = 0;
		const started = performance.now();
		result = await load();
		times.push(performance.now() - started);
	}
	times.sort((x, y) => x - y);
	const bytes = JSON.stringify(result).length;
	console.log(
		`\n## ${what}: ${seen.length} statements, load median ${times[4]!.toFixed(1)} ms ` +
			`(min ${times[0]!.toFixed(1)}; loaded machine), data ${(bytes / 1024).toFixed(1)} kB as JSON`
	);
	await printStatements(pool, [...seen], {
		planLines: /Execution Time|Seq Scan|Index|Planning Time|Sort|rows=/,
		maxLines: 14,
		full: process.argv.includes('--full')
	});
}
await pool.end();

// The climate plan bench (issue 20), `npm run bench -- --only climate-plan`: Geel's plan with PLAN.count actions
// (besides the demo's twenty; written with the app stopped, with departments, themes and updates), then the
// board's table (and the board by status, the timeline and the priority view) as Geel's sustainability officer opens it (signed in through the app's own login, so past the
// page cache), filtered as people filter it, one request at a time: p99 held against ≤ 50 ms on PostgreSQL and
// printed on the embedded database. Always on PGlite; with --database-url also on PostgreSQL, both printed
// (the runner in page-reads.mjs).
import { openBenchDatabase } from './database.mjs';
import { runPageReadsBench } from './page-reads.mjs';
import { fmt } from './report.mjs';

export const PLAN = { count: 2_000, targets: { p99Ms: 50 } };

/** The board's table as people filter it: a status and priority, late ones, a department with a word, a page. */
const READS = [
	['status and priority', '/geel/beheer/klimaatplan?status=ongoing&prioriteit=high'],
	['late, by planned end', '/geel/beheer/klimaatplan?laat=ja&sorteer=end'],
	['no update for 60 days', '/geel/beheer/klimaatplan?stil=ja'],
	['a word', '/geel/beheer/klimaatplan?zoek=fiets'],
	['page 40, by last update', '/geel/beheer/klimaatplan?sorteer=updated&richting=desc&pagina=40'],
	// The other views over the same 2,000 actions: the board by status (per status its count and 25 cards), the
	// timeline (a page of 50 bars) and the priority view (every action as a point, a page of the ranking).
	['board by status', '/geel/beheer/klimaatplan/bord'],
	['timeline, late ones', '/geel/beheer/klimaatplan/tijdlijn?laat=ja'],
	['timeline, page 10', '/geel/beheer/klimaatplan/tijdlijn?pagina=10'],
	['priority view, high priority', '/geel/beheer/klimaatplan/prioriteiten?prioriteit=high']
];

/** PLAN.count actions of Geel over its demo departments and themes, a third with an update (app stopped). */
export async function writePlan(dataDir) {
	const db = await openBenchDatabase(dataDir);
	try {
		const [geel] = (await db.query(`SELECT id FROM municipalities WHERE slug = 'geel'`)).rows;
		if (!geel) throw new Error('no municipality geel: the demo content is missing');
		await db.query(
			`INSERT INTO climate_plan_actions (municipality_id, code, title, description, theme_id, sector,
				lead_department_id, priority, status, planned_start, planned_end, budget_cents, spent_cents, co2_planned,
				last_update_at, created_at)
			SELECT $1::uuid, 'B-' || i, (ARRAY['Fietsstraat', 'Zonnepanelen', 'Isolatie', 'Bomen', 'Laadpalen'])[i % 5 + 1] || ' ' || i,
				'Een actie van de benchmark.',
				(SELECT id FROM climate_plan_themes WHERE municipality_id = $1::uuid ORDER BY id OFFSET (i % 5) LIMIT 1),
				(ARRAY['transport', 'municipal_buildings', 'residential_buildings', 'local_electricity', 'adaptation'])[i % 5 + 1],
				(SELECT id FROM climate_plan_departments WHERE municipality_id = $1::uuid ORDER BY id OFFSET (i % 10) LIMIT 1),
				(ARRAY['high', 'medium', 'low'])[i % 3 + 1],
				(ARRAY['not_started', 'ongoing', 'ongoing', 'completed', 'postponed', 'stopped'])[i % 6 + 1],
				current_date - (i % 700), current_date - (i % 700) + 400, (i % 50) * 100000, (i % 50) * 40000, i % 90,
				CASE WHEN i % 3 = 0 THEN now() - (i % 120) * interval '1 day' END, now() - interval '200 days'
			FROM generate_series(1, $2::int) AS i`,
			[geel.id, PLAN.count]
		);
		for (const t of ['climate_plan_actions', 'climate_plan_action_departments'])
			await db.query(`ANALYZE ${t}`);
	} finally {
		await db.close();
	}
}

/** The whole climate plan bench; resolves with the exit code. */
export function runClimatePlanBench(context) {
	return runPageReadsBench(
		{
			name: 'climate plan',
			slug: 'plan',
			writeData: async (dataDir) => {
				await writePlan(dataDir);
				return `${fmt.int(PLAN.count)} plan actions of Geel written`;
			},
			signedInAs: { sub: 'dev-moderator-geel', name: 'Bart Claes' },
			reads: READS,
			p99Ms: PLAN.targets.p99Ms,
			headline: (cores, loadAtStart) =>
				`Climate plan (issue 20): ${fmt.int(PLAN.count)} plan actions of Geel besides the demo's; the board's table ` +
				`signed in as Geel's sustainability officer; ${cores} cores, load average ${loadAtStart.toFixed(2)} at the start`,
			pageColumn: 'filtered table',
			settings: { plan: PLAN },
			resultsFile: 'climate-plan.json'
		},
		context
	);
}

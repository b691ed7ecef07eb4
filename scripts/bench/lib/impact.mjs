// The impact bench (issue 21), `npm run bench -- --only impact`: the region's dashboard (/beheer/impact) as the
// regional admin opens it (signed in through the app's own login, so past the page cache), with the bench
// dataset's 29 municipalities × 300 actions and their opportunities (datasets/actions-offline.mjs), 100 people per
// municipality with a home municipality, a third in the pool, and a year of daily snapshots of every indicator
// (written with the app stopped). Every figure is computed at each request (uncached). p99 held against ≤ 100 ms on
// PostgreSQL and printed on the embedded database; each page is read one request at a time (the target) and then
// IMPACT.concurrent at a time (printed: what several users at once see). Always on PGlite; with --database-url also on PostgreSQL (the
// runner in page-reads.mjs).
import { openBenchDatabase } from './database.mjs';
import { runPageReadsBench } from './page-reads.mjs';
import { generateActions } from '../datasets/actions-offline.mjs';

export const IMPACT = {
	peoplePerMunicipality: 100,
	snapshotDays: 365,
	// Each dashboard request counts its indicators on COMPUTE_LANES (3) connections at once: several regional
	// admins opening it together share the pool and the cores, so each page is read this many at a time too.
	concurrent: 4,
	targets: { p99Ms: 100 }
};

const READS = [
	['the region dashboard', '/beheer/impact'],
	['sorted by the pool, descending', '/beheer/impact?sorteer=accounts.climateMakers&richting=desc']
];

/** People with a home municipality (a third in the pool, channels varied) and a year of snapshots (app stopped). */
export async function writeImpactData(dataDir) {
	const db = await openBenchDatabase(dataDir);
	try {
		await db.query(
			`INSERT INTO users (display_name, email, email_verified_at, home_municipality_id, wants_to_help, first_channel)
			SELECT 'Impact ' || m.slug || ' ' || i, 'impact.' || m.slug || '.' || i || '@example.be', now(), m.id,
				i % 3 = 0, (ARRAY['facebook', 'magazine', 'website', 'whatsapp', 'poster', 'mail'])[i % 6 + 1]
			FROM municipalities m, generate_series(1, $1::int) AS i`,
			[IMPACT.peoplePerMunicipality]
		);
		const keys = [
			'opportunities.rungs',
			'impact.climateActions',
			'accounts.climateMakers',
			'accounts.registeredUsers',
			'accounts.channels',
			'impact.externalStrategy',
			'impact.testing',
			'impact.strategies',
			'playbook.using',
			'impact.playbookAvailable',
			'playbook.extraThemes'
		];
		// The snapshots of the year before today (today's is the app's own job).
		await db.query(
			`INSERT INTO impact_snapshots (region_id, scope_key, indicator_key, day, value, source, computed_at)
			SELECT r.id, s.scope, k, current_date - d, (d % 50)::float8, 'computed', now() - d * interval '1 day'
			FROM regions r
			CROSS JOIN LATERAL (SELECT 'region' AS scope UNION ALL SELECT m.id::text FROM municipalities m WHERE m.region_id = r.id) s
			CROSS JOIN unnest($1::text[]) AS k
			CROSS JOIN generate_series(1, $2::int) AS d`,
			[keys, IMPACT.snapshotDays]
		);
		// VACUUM too: the actions step updates every action it writes, and without it each count of actions read
		// ~60,000 dead row versions (a running database's autovacuum clears them; EXPLAIN ANALYZE showed it).
		for (const t of ['users', 'impact_snapshots', 'actions', 'opportunities'])
			await db.query(`VACUUM ANALYZE ${t}`);
	} finally {
		await db.close();
	}
}

/** The whole impact bench; resolves with the exit code. */
export function runImpactBench(context) {
	return runPageReadsBench(
		{
			name: 'impact',
			slug: 'impact',
			writeData: async (dataDir) => {
				await generateActions(dataDir);
				await writeImpactData(dataDir);
				return `actions, people and ${IMPACT.snapshotDays} days of snapshots written`;
			},
			signedInAs: { sub: 'dev-regional-admin-kempen', name: 'Els Van den Broeck' },
			reads: READS,
			p99Ms: IMPACT.targets.p99Ms,
			concurrent: IMPACT.concurrent,
			headline: (cores, loadAtStart) =>
				`Impact (issue 21): the region dashboard of the 29 municipalities, signed in as the regional admin, every ` +
				`figure computed per request; ${cores} cores, load average ${loadAtStart.toFixed(2)} at the start`,
			pageColumn: 'page',
			settings: { impact: IMPACT },
			resultsFile: 'impact.json'
		},
		context
	);
}

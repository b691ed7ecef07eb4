// Child process of the `suggestions` dataset step: gives Geel one published action with an open opportunity of
// kind mapSuggestions holding 10,000 listed suggestions spread over the municipality and 1,000,000 votes
// (10,000 generated people supporting 100 suggestions each, skewed so some are far more popular), plus 1,000
// extra people with a session each for the vote load and 800 more who warm the server up first. Set-based
// SQL straight into the embedded database of DATA_DIR (the app is stopped). The session tokens go to a file in DATA_DIR for the load driver.
// Reports its summary to the parent over IPC (or prints it when run by hand:
// `node scripts/bench/datasets/suggestions-offline.mjs .bench/data-…`).
//
// `verify` mode (`… suggestions-offline.mjs DATA_DIR verify OPPORTUNITY_ID`) reads the counts back after a
// vote load, with the app stopped: whether every vote_count equals its votes.
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchDatabase } from '../lib/database.mjs';

export const SUGGESTIONS = 10_000;
export const VOTERS = 10_000;
export const VOTES_PER_VOTER = 100;
/** People with a session for the vote load, none of whom has voted yet: the measured ones and the warm-up. */
export const LOAD_PEOPLE = 1_000;
/** Other people whose votes warm the server up first (not timed; their votes are checked like the rest). */
export const WARMUP_PEOPLE = 800;
/** Suggestion index the suggestion page scenario opens (a popular one). */
export const SAMPLE_INDEX = 42;
/** Metres from Geel's centre: its territory is about 109 km². */
const RADIUS_M = 5_000;
export const TOKENS_FILE = 'bench-vote-sessions.json';

const SUBJECTS = [
	'Pleintje vergroenen aan de',
	'Parking deels ontharden aan de',
	'Schoolstraat met bomen in de',
	'Geveltuintjes in de',
	'Brede stoep ontharden in de',
	'Wadi op het grasplein aan de',
	'Zonnepanelen op het dak aan de',
	'Bloemrijke berm langs de'
];
const STREETS = [
	'Kapelstraat',
	'Stationsstraat',
	'Nieuwstraat',
	'Diestseweg',
	'Kollegestraat',
	'Werft',
	'Pas',
	'Kameinestraat',
	'Logstraat',
	'Molseweg',
	'Antwerpseweg',
	'Rijn'
];
// Where people live in Geel: metres north and east of the centre, around the deelgemeenten.
const HAMLETS = [
	[0, 0],
	[2600, -1800],
	[-2400, 1500],
	[3100, 1900],
	[-1500, -3000],
	[1200, 3600],
	[-3600, -300],
	[400, -3800]
];
const STATUSES = ['underReview', 'chosen', 'notChosen', 'inExecution', 'done'];

const text = (value) => `'${String(value).replace(/'/g, "''")}'`;
const array = (values) => `ARRAY[${values.map(text).join(', ')}]::text[]`;

const open = openBenchDatabase;

/** @param {string} dataDir */
export async function generateSuggestions(dataDir) {
	const started = performance.now();
	const db = await open(dataDir);
	try {
		const [geel] = (
			await db.query(
				`select id, center_lat as lat, center_lng as lng from municipalities where slug = 'geel'`
			)
		).rows;
		if (!geel) throw new Error('no municipality geel: did the priming boot run?');
		const base = (await db.query('select coalesce(max(id), 0)::int + 1 as base from suggestions')).rows[0]
			.base;
		const mPerLat = 111_320;
		const mPerLng = 111_320 * Math.cos((geel.lat * Math.PI) / 180);
		const people = VOTERS + LOAD_PEOPLE + WARMUP_PEOPLE;
		const m = text(geel.id);

		const action = (
			await db.query(
				`INSERT INTO actions (municipality_id, slug, title, summary, body, status, owner_kind, owner_name,
					published_at, created_at, updated_at)
				VALUES ($1, 'benchmark-plekken-om-te-ontharden', 'Benchmark: plekken om te ontharden in heel Geel',
					'Tienduizend plekken op de kaart, om te meten hoe snel kaart, lijst en stemmen blijven.',
					'Gegenereerd door npm run bench.', 'inProgress', 'department', 'Groendienst',
					now() - interval '40 days', now() - interval '41 days', now() - interval '40 days')
				RETURNING id`,
				[geel.id]
			)
		).rows[0];
		const opportunity = (
			await db.query(
				`INSERT INTO opportunities (municipality_id, action_id, title, rung, kind, how_to, opens_at, closes_at, position)
				VALUES ($1, $2, 'Plekken om te ontharden (benchmark)', 'consult', 'mapSuggestions',
					'Zet een plek op de kaart en steun de plekken van anderen.', now() - interval '35 days',
					now() + interval '60 days', 0)
				RETURNING id`,
				[geel.id, action.id]
			)
		).rows[0];
		const o = opportunity.id;

		// i: the suggestion's number (0 … SUGGESTIONS-1), id = base + i; p.i: the person's number.
		await db.exec(`
BEGIN;
INSERT INTO suggestion_settings (opportunity_id, municipality_id, moderation, submissions_open, voting_open, vote_limit)
VALUES (${o}, ${m}, 'post', true, true, NULL);

CREATE TEMP TABLE bench_people AS SELECT g AS i, gen_random_uuid() AS id FROM generate_series(0, ${people - 1}) g;
INSERT INTO users (id, display_name, first_channel, created_at)
SELECT id, 'Benchmarkinwoner ' || (i + 1), 'bench', now() - interval '50 days' FROM bench_people;

INSERT INTO suggestions (id, municipality_id, opportunity_id, author_id, theme_id, slug, title, body, place_name,
	lat, lng, status, moderation, published_at, created_at, updated_at)
SELECT ${base} + g.i, ${m}, ${o}, p.id,
	(SELECT id FROM themes WHERE municipality_id = ${m} AND default_key = CASE WHEN g.i % 3 = 0 THEN 'water' ELSE 'greening' END),
	trim(both '-' from regexp_replace(lower(meedoen_unaccent(t.title)), '[^a-z0-9]+', '-', 'g')),
	t.title,
	'Op deze plek is alles verhard. Met wat groen blijft het regenwater in de grond en wordt het in de zomer koeler. '
		|| 'De buren willen mee planten en het groen onderhouden.',
	t.street,
	${geel.lat} + (c.north + c.r * cos(c.a)) / ${mPerLat},
	${geel.lng} + (c.east + c.r * sin(c.a)) / ${mPerLng},
	CASE WHEN g.i % 10 = 0 THEN (${array(STATUSES)})[(g.i / 10) % 5 + 1] ELSE 'published' END,
	'approved',
	now() - make_interval(mins => 30 + (g.i * 37) % (34 * 24 * 60)),
	now() - make_interval(mins => 31 + (g.i * 37) % (34 * 24 * 60)),
	now() - make_interval(mins => 30 + (g.i * 37) % (34 * 24 * 60))
FROM generate_series(0, ${SUGGESTIONS - 1}) AS g(i)
JOIN bench_people p ON p.i = (g.i * 7) % ${VOTERS}
CROSS JOIN LATERAL (SELECT
	(${array(SUBJECTS)})[g.i % ${SUBJECTS.length} + 1] || ' ' || (${array(STREETS)})[(g.i / ${SUBJECTS.length}) % ${STREETS.length} + 1]
		|| ' (' || (g.i + 1) || ')' AS title,
	(${array(STREETS)})[(g.i / ${SUBJECTS.length}) % ${STREETS.length} + 1] AS street) t
-- Six in ten around a hamlet (within 700 m), the others anywhere within ${RADIUS_M} m of the centre.
CROSS JOIN LATERAL (SELECT
	CASE WHEN g.i % 10 < 6 THEN (ARRAY[${HAMLETS.map((h) => h[0]).join(',')}])[(g.i / 10) % ${HAMLETS.length} + 1] ELSE 0 END AS north,
	CASE WHEN g.i % 10 < 6 THEN (ARRAY[${HAMLETS.map((h) => h[1]).join(',')}])[(g.i / 10) % ${HAMLETS.length} + 1] ELSE 0 END AS east,
	(CASE WHEN g.i % 10 < 6 THEN 700 ELSE ${RADIUS_M} END) * sqrt(((g.i * 7919) % 10007) / 10007.0) AS r,
	2 * pi() * ((g.i * 104729) % 10009) / 10009.0 AS a) c;
SELECT setval(pg_get_serial_sequence('suggestions', 'id'), (SELECT max(id) FROM suggestions));

INSERT INTO suggestion_story (municipality_id, suggestion_id, kind, status, actor_id, created_at)
SELECT municipality_id, id, 'submitted', 'submitted', author_id, created_at FROM suggestions WHERE opportunity_id = ${o}
UNION ALL
SELECT municipality_id, id, 'published', 'published', NULL, published_at FROM suggestions WHERE opportunity_id = ${o};

-- One million votes, without the per-row foreign-key triggers (consistent by construction) and with the
-- secondary indexes built afterwards: both make the bulk insert several times faster.
DROP INDEX suggestion_votes_person_idx;
DROP INDEX suggestion_votes_user_idx;
SET session_replication_role = replica;
-- Person i supports 100 distinct suggestions among the first 500, 2,000 or all 10,000 (101 is prime to
-- each modulus), so a few hundred suggestions are far more popular than the rest.
INSERT INTO suggestion_votes (municipality_id, opportunity_id, suggestion_id, user_id, created_at)
SELECT ${m}, ${o},
	${base} + (p.i * 37 + k * 101) % (CASE p.i % 4 WHEN 0 THEN 500 WHEN 1 THEN 2000 ELSE ${SUGGESTIONS} END),
	p.id, now() - make_interval(mins => (p.i * 13 + k * 7) % (30 * 24 * 60))
FROM bench_people p CROSS JOIN generate_series(0, ${VOTES_PER_VOTER - 1}) AS k
WHERE p.i < ${VOTERS};
SET session_replication_role = DEFAULT;
CREATE INDEX suggestion_votes_person_idx ON suggestion_votes USING btree (municipality_id, opportunity_id, user_id);
CREATE INDEX suggestion_votes_user_idx ON suggestion_votes USING btree (user_id);

UPDATE suggestions s SET vote_count = c.n
FROM (SELECT suggestion_id, count(*)::int AS n FROM suggestion_votes WHERE opportunity_id = ${o} GROUP BY suggestion_id) c
WHERE s.id = c.suggestion_id;
COMMIT;
ANALYZE users;
ANALYZE suggestions;
ANALYZE suggestion_votes;
ANALYZE suggestion_story;
`);

		// Sessions for the load people: the cookie carries the token, the table its SHA-256 (as resolveSession).
		const loaders = (await db.query(`SELECT i, id FROM bench_people WHERE i >= $1 ORDER BY i`, [VOTERS]))
			.rows;
		const sessions = loaders.map((p) => {
			const token = randomBytes(32).toString('base64url');
			return { token, hash: createHash('sha256').update(token).digest('hex'), userId: p.id };
		});
		await db.exec(`
INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent) VALUES
${sessions.map((s) => `(${text(s.hash)}, ${text(s.userId)}, now(), now(), now() + interval '2 days', 'bench')`).join(',\n')};
`);
		// Each load person votes on 5 distinct suggestions they had not supported (they supported none), spread
		// so many people hit the same suggestions at the same moment.
		const plan = sessions.map((s, n) => ({
			token: s.token,
			suggestionIds: [0, 1, 2, 3, 4].map((j) => base + ((n * 7 + j * 1999) % SUGGESTIONS))
		}));
		const tokensFile = path.resolve(dataDir, TOKENS_FILE);
		writeFileSync(tokensFile, JSON.stringify({ opportunityId: o, people: plan }));

		const counts = (
			await db.query(
				`SELECT (SELECT count(*)::int FROM suggestions WHERE opportunity_id = $1) AS suggestions,
					(SELECT count(*)::int FROM suggestion_votes WHERE opportunity_id = $1) AS votes,
					(SELECT coalesce(sum(vote_count), 0)::int FROM suggestions WHERE opportunity_id = $1) AS "voteCountSum",
					(SELECT max(vote_count)::int FROM suggestions WHERE opportunity_id = $1) AS "maxVotes",
					(SELECT count(*)::int FROM sessions WHERE user_agent = 'bench') AS sessions`,
				[o]
			)
		).rows[0];
		if (counts.votes !== VOTERS * VOTES_PER_VOTER || counts.voteCountSum !== counts.votes)
			throw new Error(`votes generated wrongly: ${JSON.stringify(counts)}`);
		const [sample] = (await db.query(`SELECT id, slug FROM suggestions WHERE id = $1`, [base + SAMPLE_INDEX]))
			.rows;
		const box = (
			await db.query(
				`SELECT min(lng) AS west, min(lat) AS south, max(lng) AS east, max(lat) AS north
				FROM suggestions WHERE opportunity_id = $1`,
				[o]
			)
		).rows[0];
		const pad = 0.002;
		return {
			...counts,
			opportunityId: o,
			actionId: action.id,
			firstSuggestionId: base,
			/** west,south,east,north around every suggestion: the whole municipality. */
			bbox: [box.west - pad, box.south - pad, box.east + pad, box.north + pad]
				.map((v) => v.toFixed(5))
				.join(','),
			suggestionPath: `/geel/suggesties/${sample.id}-${sample.slug}`,
			sampleSuggestionId: sample.id,
			tokensFile,
			/** The first this many people of the tokens file warm the server up before the measured ones. */
			warmupPeople: WARMUP_PEOPLE,
			ms: Math.round(performance.now() - started)
		};
	} finally {
		await db.close();
	}
}

/** After a vote load, with the app stopped: every count checked against the votes themselves. */
export async function verifyVotes(dataDir, opportunityId) {
	const db = await open(dataDir);
	try {
		const wrong = (
			await db.query(
				`SELECT s.id, s.vote_count AS "voteCount", count(v.user_id)::int AS votes
				FROM suggestions s LEFT JOIN suggestion_votes v ON v.suggestion_id = s.id
				WHERE s.opportunity_id = $1
				GROUP BY s.id HAVING s.vote_count <> count(v.user_id)`,
				[opportunityId]
			)
		).rows;
		const totals = (
			await db.query(
				`SELECT (SELECT count(*)::int FROM suggestion_votes WHERE opportunity_id = $1) AS votes,
					(SELECT coalesce(sum(vote_count), 0)::int FROM suggestions WHERE opportunity_id = $1) AS "voteCountSum",
					(SELECT count(*)::int FROM suggestion_votes v JOIN sessions s ON s.user_id = v.user_id
						WHERE s.user_agent = 'bench' AND v.opportunity_id = $1) AS "loadVotes"`,
				[opportunityId]
			)
		).rows[0];
		const perSuggestion = (
			await db.query(
				`SELECT v.suggestion_id AS id, count(*)::int AS n FROM suggestion_votes v
				JOIN sessions s ON s.user_id = v.user_id
				WHERE s.user_agent = 'bench' AND v.opportunity_id = $1 GROUP BY v.suggestion_id`,
				[opportunityId]
			)
		).rows;
		return { wrong: wrong.slice(0, 10), wrongCount: wrong.length, ...totals, perSuggestion };
	} finally {
		await db.close();
	}
}

// Run as a child of the benchmark (or by hand): generate (or verify), report, exit.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [dataDir, mode, opportunityId] = process.argv.slice(2);
	if (!dataDir) {
		console.error(
			'usage: node scripts/bench/datasets/suggestions-offline.mjs DATA_DIR [verify OPPORTUNITY_ID]'
		);
		process.exit(2);
	}
	try {
		const summary =
			mode === 'verify'
				? await verifyVotes(dataDir, Number(opportunityId))
				: await generateSuggestions(dataDir);
		if (process.send) process.send({ summary });
		else console.log(JSON.stringify(summary, null, '\t'));
		process.exitCode = 0;
	} catch (error) {
		if (process.send) process.send({ error: error.stack ?? String(error) });
		else console.error(error);
		process.exitCode = 1;
	}
}

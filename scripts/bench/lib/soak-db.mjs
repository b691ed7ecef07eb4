// Child process of the soak (lib/soak.mjs), run while the app is stopped, straight on its database (the
// embedded one of DATA_DIR, or BENCH_DATABASE_URL):
//   prepare  — what the soak's people will use, read from the demo content and the bench datasets: Geel's
//              suggestions that anyone may support (voting open, no vote limit), the pre-moderated
//              opportunity whose new suggestions and comments wait in the moderation queue, and the
//              public pages a visitor opens.
//   verify   — after the soak: every vote_count equal to its votes, and what the soak's people (the
//              accounts of the login e-mails soak-…@example.be) hold in the database: their votes, comments
//              and suggestions, for the comparison with what the app confirmed to them.
// `node scripts/bench/lib/soak-db.mjs DATA_DIR prepare|verify` prints the result when run by hand.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchDatabase } from './database.mjs';

/** The login e-mail addresses of the soak's citizens: soak-<n>@example.be. */
export const SOAK_EMAIL_PATTERN = 'soak-%@example.be';
const VOTE_TARGETS = 1_500;

const OPEN_WINDOW = `(o.opens_at IS NULL OR o.opens_at <= now()) AND (o.closes_at IS NULL OR o.closes_at > now())`;
const PUBLIC_ACTION = `a.published_at IS NOT NULL AND a.published_at <= now() AND a.archived_at IS NULL`;

async function prepare(db) {
	const [geel] = (
		await db.query(`SELECT id, center_lat AS lat, center_lng AS lng FROM municipalities WHERE slug = 'geel'`)
	).rows;
	if (!geel) throw new Error('no municipality geel');
	// Spread over the whole of the list (every 7th), so the popular and the quiet ones are both voted on.
	const voteTargets = (
		await db.query(
			`SELECT id, slug, opportunity_id AS "opportunityId" FROM (
				SELECT s.id, s.slug, s.opportunity_id, row_number() OVER (ORDER BY s.id) AS n
				FROM suggestions s
				JOIN suggestion_settings ss ON ss.opportunity_id = s.opportunity_id
				JOIN opportunities o ON o.id = s.opportunity_id
				JOIN actions a ON a.id = o.action_id
				WHERE s.municipality_id = $1 AND s.moderation = 'approved' AND s.merged_into_id IS NULL
					AND ss.voting_open AND ss.vote_limit IS NULL AND ${OPEN_WINDOW} AND ${PUBLIC_ACTION}
			) t WHERE n % 7 = 1 ORDER BY id LIMIT ${VOTE_TARGETS}`,
			[geel.id]
		)
	).rows;
	const [pre] = (
		await db.query(
			`SELECT o.id FROM opportunities o
			JOIN suggestion_settings ss ON ss.opportunity_id = o.id
			JOIN actions a ON a.id = o.action_id
			WHERE o.municipality_id = $1 AND ss.moderation = 'pre' AND ss.submissions_open
				AND ${OPEN_WINDOW} AND ${PUBLIC_ACTION}
			ORDER BY o.id LIMIT 1`,
			[geel.id]
		)
	).rows;
	if (!pre) throw new Error('Geel has no open pre-moderated opportunity (the demo content has one)');
	// Listed suggestions of that opportunity: comments on them wait for a moderator.
	const commentTargets = (
		await db.query(
			`SELECT id, slug FROM suggestions
			WHERE opportunity_id = $1 AND moderation = 'approved' AND merged_into_id IS NULL ORDER BY id`,
			[pre.id]
		)
	).rows;
	const opportunities = (
		await db.query(
			`SELECT o.id FROM opportunities o JOIN actions a ON a.id = o.action_id
			WHERE o.municipality_id = $1 AND ${PUBLIC_ACTION} ORDER BY o.id LIMIT 20`,
			[geel.id]
		)
	).rows.map((r) => r.id);
	const actions = (
		await db.query(
			`SELECT a.id, a.slug FROM actions a WHERE a.municipality_id = $1 AND ${PUBLIC_ACTION} ORDER BY a.id LIMIT 20`,
			[geel.id]
		)
	).rows.map((r) => `${r.id}-${r.slug}`);
	const themes = (
		await db.query(`SELECT slug FROM themes WHERE municipality_id = $1 ORDER BY slug LIMIT 5`, [geel.id])
	).rows.map((r) => r.slug);
	if (voteTargets.length < 10 || commentTargets.length === 0 || actions.length === 0)
		throw new Error(
			`too little to soak on: ${voteTargets.length} suggestions to vote on, ${commentTargets.length} to comment on, ${actions.length} actions`
		);
	return {
		voteTargets,
		commentTargets,
		preModeratedOpportunityId: pre.id,
		center: { lat: geel.lat, lng: geel.lng },
		opportunities,
		actions,
		themes
	};
}

async function verify(db) {
	const wrongCounts = (
		await db.query(
			`SELECT s.id, s.vote_count AS "voteCount", count(v.user_id)::int AS votes
			FROM suggestions s LEFT JOIN suggestion_votes v ON v.suggestion_id = s.id
			GROUP BY s.id HAVING s.vote_count <> count(v.user_id) ORDER BY s.id LIMIT 10`
		)
	).rows;
	const soakUsers = `SELECT user_id, subject FROM user_identities WHERE issuer = 'mail' AND subject LIKE '${SOAK_EMAIL_PATTERN}'`;
	const votes = (
		await db.query(
			`SELECT u.subject AS email, v.suggestion_id AS "suggestionId"
			FROM suggestion_votes v JOIN (${soakUsers}) u ON u.user_id = v.user_id`
		)
	).rows;
	const [counts] = (
		await db.query(
			`SELECT (SELECT count(*)::int FROM (${soakUsers}) u) AS people,
				(SELECT count(*)::int FROM suggestion_comments c JOIN (${soakUsers}) u ON u.user_id = c.author_id) AS comments,
				(SELECT count(*)::int FROM suggestions s JOIN (${soakUsers}) u ON u.user_id = s.author_id) AS suggestions,
				(SELECT count(*)::int FROM suggestions s JOIN (${soakUsers}) u ON u.user_id = s.author_id
					WHERE s.moderation = 'pending') AS "pendingSuggestions",
				(SELECT count(*)::int FROM suggestions) AS "allSuggestions",
				(SELECT count(*)::int FROM suggestion_votes) AS "allVotes"`
		)
	).rows;
	return { wrongCounts, votes, ...counts };
}

export async function runSoakDatabaseStep(dataDir, mode) {
	const db = await openBenchDatabase(dataDir);
	try {
		if (mode === 'prepare') return await prepare(db);
		if (mode === 'verify') return await verify(db);
		throw new Error(`unknown mode ${mode}`);
	} finally {
		await db.close();
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const [dataDir, mode] = process.argv.slice(2);
	try {
		const summary = await runSoakDatabaseStep(dataDir, mode);
		if (process.send) process.send({ summary });
		else console.log(JSON.stringify(summary, null, '\t'));
	} catch (error) {
		if (process.send) process.send({ error: error.stack ?? String(error) });
		else console.error(error);
		process.exitCode = 1;
	}
}

// The mail bench's worker (run by lib/mail.mjs with vite-node, while the app is stopped): the app's own modules
// on the bench's database (the embedded one of DATA_DIR, or DATABASE_URL).
//
//   prepare  times the notification fan-out of a status change on a suggestion with 10,000 supporters (the
//            suggestions service changes the status, the app's event dispatcher runs the notification
//            handlers: the time of that pass), then writes the newsletter's audience: people of Geel with a
//            verified address and the newsletters consent, so that Geel's pool is exactly MAIL_BENCH_COUNT.
//   count    what the delivery ledger and the recipient list say of newsletter NEWSLETTER_ID afterwards.
//
// Prints one JSON line at the end.
import { sql } from 'drizzle-orm';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { requestContext, startApp, stopApp } from '$lib/server/platform/app';
import { withTenant } from '$lib/server/platform/context';
import { executeRows } from '$lib/server/db/rows';
import { countRecipients } from '$lib/server/features/newsletters/newsletters.queries';
import { changeSuggestionStatus } from '$lib/server/features/suggestions/suggestions.moderation.service';
import { CONSENT_VERSIONS } from '$lib/server/features/profile/profile.consents';
import { countMailDeliveries } from '$lib/server/platform/mail-delivery';

const SUPPORTERS = 10_000;
const mode = process.argv[2];
const config = loadConfig({
	...process.env,
	NODE_ENV: 'production',
	ORIGIN: 'http://127.0.0.1:9',
	JOBS: '0',
	DEMO: '0',
	DEV_IDP: '0',
	PAGE_CACHE: '0'
});
const app = await startApp(config, createLogger('warn'), { features });
const db = app.database.db;

async function geel() {
	const [row] = await executeRows<{ id: string; region_id: string }>(
		db,
		sql`SELECT id, region_id FROM municipalities WHERE slug = 'geel'`
	);
	if (!row) throw new Error('no Geel: did the priming boot run?');
	return { id: row.id, slug: 'geel', regionId: row.region_id };
}

/** A suggestion of Geel with 10,000 supporters, its status changed by a moderator; the dispatcher's pass timed. */
async function fanOut(tenant: { id: string; slug: string }) {
	// What the priming boot left to dispatch (the demo's events) is handled first, so it is not timed.
	while ((await app.events.runOnce()) > 0);
	const [suggestion] = await executeRows<{ id: number; opportunity_id: number; status: string }>(
		db,
		sql`SELECT id, opportunity_id, status FROM suggestions
			WHERE municipality_id = ${tenant.id}::uuid AND moderation = 'approved' AND merged_into_id IS NULL
			ORDER BY id LIMIT 1`
	);
	if (!suggestion) throw new Error('no public suggestion in Geel (the demo content)');
	await db.execute(sql`INSERT INTO users (display_name, email, email_verified_at)
		SELECT 'Steun ' || g, 'steun' || g || '@fanout.bench.example.be', now() FROM generate_series(1, ${SUPPORTERS}::int) g`);
	await db.execute(sql`INSERT INTO suggestion_votes (municipality_id, opportunity_id, suggestion_id, user_id)
		SELECT ${tenant.id}::uuid, ${suggestion.opportunity_id}::int, ${suggestion.id}::int, id FROM users
		WHERE email LIKE '%@fanout.bench.example.be' ON CONFLICT DO NOTHING`);
	const [moderator] = await executeRows<{ id: string }>(
		db,
		sql`INSERT INTO users (display_name, email, email_verified_at)
			VALUES ('Moderator bench', 'moderator@fanout.bench.example.be', now()) RETURNING id`
	);
	const ctx = withTenant(
		{
			...requestContext(app, { requestId: 'bench-fanout', locale: 'nl', log: app.log }),
			actor: {
				userId: moderator!.id,
				displayName: 'Moderator bench',
				memberships: [{ municipalityId: tenant.id, role: 'moderator' }],
				regionRoles: []
			}
		},
		tenant
	);
	await changeSuggestionStatus(ctx, {
		unverifiedSuggestionId: String(suggestion.id),
		status: suggestion.status === 'chosen' ? 'underReview' : 'chosen',
		reason: ''
	});
	const started = performance.now();
	while ((await app.events.runOnce()) > 0);
	const ms = performance.now() - started;
	const [written] = await executeRows<{ n: number }>(
		db,
		sql`SELECT count(*)::int AS n FROM notifications WHERE type = 'suggestion.status_changed'
			AND path LIKE ${`/geel/suggesties/${suggestion.id}-%`}`
	);
	return { supporters: SUPPORTERS, ms: Math.round(ms), notifications: Number(written?.n ?? 0) };
}

async function prepare() {
	const count = Number(process.env.MAIL_BENCH_COUNT ?? 100_000);
	const tenant = await geel();
	const fan = await fanOut(tenant);
	// Geel's pool as the newsletter will see it (the demo's people in it too), made exactly `count`.
	const scope = { municipalityId: tenant.id, regionId: tenant.regionId };
	const before = await countRecipients(db, { audience: { kind: 'pool' }, scope });
	const add = count - before;
	if (add < 0) throw new Error(`Geel's pool already has ${before} people, more than ${count}`);
	await db.execute(sql`INSERT INTO users (display_name, email, email_verified_at, home_municipality_id)
		SELECT 'Lezer ' || i, 'lezer' || i || '@bench.example.be', now(), ${tenant.id}::uuid
		FROM generate_series(1, ${add}::int) AS i`);
	await db.execute(sql`INSERT INTO consents (user_id, kind, version)
		SELECT id, 'newsletters', ${CONSENT_VERSIONS.newsletters} FROM users WHERE email LIKE '%@bench.example.be'`);
	await db.execute(sql`INSERT INTO notification_preferences (user_id, kind, frequency)
		SELECT id, 'newsletters', 'immediate' FROM users WHERE email LIKE '%@bench.example.be'`);
	const audience = await countRecipients(db, { audience: { kind: 'pool' }, scope });
	return { fanOut: fan, audience, demoPeopleInAudience: before };
}

async function count() {
	const id = Number(process.env.NEWSLETTER_ID);
	const ledger = await countMailDeliveries(db, { messageKey: `newsletter:${id}` });
	const [list] = await executeRows<{ recipients: number; queued: number; status: string }>(
		db,
		sql`SELECT count(*)::int AS recipients, count(*) FILTER (WHERE r.user_id <= n.queued_through)::int AS queued,
				min(n.status) AS status
			FROM newsletters n LEFT JOIN newsletter_recipients r ON r.newsletter_id = n.id
			WHERE n.id = ${id}`
	);
	return { ledger, recipients: Number(list?.recipients), queued: Number(list?.queued), status: list?.status };
}

try {
	const result = mode === 'prepare' ? await prepare() : mode === 'count' ? await count() : null;
	if (!result) throw new Error(`usage: mail.ts prepare|count, not ${mode}`);
	process.stdout.write(JSON.stringify(result) + '\n');
} finally {
	await stopApp(app);
}

// Profiles queueing a newsletter (issue 18) without the bench's page load: the time to build the recipient list
// and to queue the mails at full speed, on the database the environment names (the embedded one in DATA_DIR when
// DATABASE_URL is unset). The server-side figures to judge a change of newsletters.send.ts by.
//
//   DATA_DIR=/tmp/mail-profile npx vite-node --config vite.scripts.config.ts scripts/bench/mail-profile.ts [N]
//
// Writes N people (default 100,000) of Geel with the newsletters consent on the first run, then sends one
// newsletter to Geel's pool with the real job (its log line says how long the list and the queueing took) while
// the jobs deliver what is queued to a local SMTP sink.
import { sql } from 'drizzle-orm';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { startApp, stopApp } from '$lib/server/platform/app';
import { executeRows } from '$lib/server/db/rows';
import { CONSENT_VERSIONS } from '$lib/server/features/profile/profile.consents';
import { sendNewsletterJob } from '$lib/server/features/newsletters/newsletters.send';
// @ts-expect-error: plain JavaScript of the bench
import { startSink } from './lib/smtp-sink.mjs';

const count = Number(process.argv[2] ?? 100_000);
// The mails go out meanwhile, to a local sink, as they do in the bench.
const sink = await startSink();
const config = loadConfig({
	...process.env,
	NODE_ENV: 'production',
	ORIGIN: 'http://127.0.0.1:9',
	JOBS: '1',
	SMTP_URL: sink.url,
	DEMO: '1',
	DEV_IDP: '0',
	PAGE_CACHE: '0'
});
const log = createLogger('info');
const app = await startApp(config, createLogger('warn'), { features });
const db = app.database.db;
try {
	const [geel] = await executeRows<{ id: string }>(
		db,
		sql`SELECT id FROM municipalities WHERE slug = 'geel'`
	);
	if (!geel) throw new Error('no Geel');
	const [have] = await executeRows<{ n: number }>(
		db,
		sql`SELECT count(*)::int AS n FROM users WHERE email LIKE '%@profile.bench.example.be'`
	);
	if (Number(have?.n) < count) {
		await db.execute(sql`INSERT INTO users (display_name, email, email_verified_at, home_municipality_id)
			SELECT 'Lezer ' || i, 'lezer' || i || '@profile.bench.example.be', now(), ${geel.id}::uuid
			FROM generate_series(${Number(have?.n) + 1}::int, ${count}::int) AS i`);
		await db.execute(sql`INSERT INTO consents (user_id, kind, version)
			SELECT id, 'newsletters', ${CONSENT_VERSIONS.newsletters} FROM users
			WHERE email LIKE '%@profile.bench.example.be' ON CONFLICT DO NOTHING`);
	}
	const [letter] = await executeRows<{ id: number }>(
		db,
		sql`INSERT INTO newsletters (municipality_id, subject, body, audience, status, scheduled_at)
			VALUES (${geel.id}::uuid, 'Profiel', 'Tekst', '{"kind":"pool"}'::jsonb, 'scheduled', now() + interval '1 second')
			RETURNING id`
	);
	let queueMailsMs = 0;
	// Due in a second, so the start's catch-up of due newsletters leaves it to this run.
	await new Promise((resolve) => setTimeout(resolve, 1_100));
	const started = performance.now();
	const result = await sendNewsletterJob(
		{
			db,
			log,
			config,
			queueMails: async (tx, messages) => {
				const from = performance.now();
				const done = await app.queueMails(tx, messages);
				queueMailsMs += performance.now() - from;
				return done;
			}
		},
		{ newsletterId: letter!.id }
	);
	console.log(
		JSON.stringify({
			...result,
			totalMs: Math.round(performance.now() - started),
			queueMailsMs: Math.round(queueMailsMs),
			database: config.databaseUrl ? 'postgres' : 'pglite'
		})
	);
} finally {
	await stopApp(app);
	await sink.close();
}

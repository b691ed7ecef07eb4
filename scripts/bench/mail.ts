// The mail bench's worker (run by lib/mail.mjs with vite-node): the app itself (startApp, jobs on, the
// configured SMTP pool and rate) on the bench's database, sending a newsletter to MAIL_BENCH_COUNT people to
// the SMTP sink of SMTP_URL. Before the clock: that many people with a verified address are written. Then it
// times building the recipient list (a query of those people) and queueing it (app.queueMails, one call), and
// the delivery until every ledger row says sent. Prints one JSON line at the end.
//
//   (through npm run bench -- --only mail)
import { sql } from 'drizzle-orm';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { createLogger } from '$lib/server/platform/log';
import { startApp, stopApp } from '$lib/server/platform/app';
import { executeRows } from '$lib/server/db/rows';
import type { MailMessage } from '$lib/server/platform/mail';

const count = Number(process.env.MAIL_BENCH_COUNT ?? 100_000);
const config = loadConfig({
	...process.env,
	NODE_ENV: 'production',
	ORIGIN: 'http://127.0.0.1:9',
	JOBS: '1',
	DEMO: '0',
	DEV_IDP: '0',
	PAGE_CACHE: '0'
});
const app = await startApp(config, createLogger('warn'), { features });
const db = app.database.db;
try {
	const [geel] = await executeRows<{ id: string }>(
		db,
		sql`SELECT id FROM municipalities WHERE slug = 'geel'`
	);
	await db.execute(
		sql`INSERT INTO users (display_name, email, email_verified_at, home_municipality_id)
			SELECT 'Lezer ' || i, 'lezer' || i || '@bench.example.be', now(), ${geel!.id}::uuid
			FROM generate_series(1, ${count}::int) AS i`
	);
	const text = `Beste lezer,\n\n${'Dit is de nieuwsbrief van Meedoen in Geel, met het nieuws van de acties. '.repeat(12)}\n\nTot binnenkort!`;
	const html = `<p>Beste lezer,</p><p>${'Dit is de nieuwsbrief van Meedoen in Geel, met het nieuws van de acties. '.repeat(12)}</p><p>Tot binnenkort!</p>`;

	const started = performance.now();
	const people = await executeRows<{ email: string }>(
		db,
		sql`SELECT email FROM users WHERE email_verified_at IS NOT NULL AND deleted_at IS NULL
			AND home_municipality_id = ${geel!.id}::uuid AND email LIKE '%@bench.example.be' ORDER BY email`
	);
	const listed = performance.now();
	const messages: MailMessage[] = people.map((p) => ({
		to: p.email,
		subject: 'Nieuwsbrief Meedoen Geel — december',
		text,
		html,
		reference: 'newsletter:bench',
		municipalityId: geel!.id,
		headers: {
			'List-Unsubscribe': '<http://127.0.0.1:9/afmelden?t=bench>',
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	}));
	const { queued } = await app.queueMails(null, messages);
	const enqueued = performance.now();
	let sent = 0;
	for (;;) {
		const [row] = await executeRows<{ sent: number }>(
			db,
			sql`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent FROM mail_deliveries WHERE message_key = 'newsletter:bench'`
		);
		sent = Number(row?.sent ?? 0);
		if (sent >= count) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const delivered = performance.now();
	const statuses = await executeRows<{ status: string; n: number }>(
		db,
		sql`SELECT status, count(*)::int AS n FROM mail_deliveries GROUP BY status ORDER BY status`
	);
	process.stdout.write(
		JSON.stringify({
			count,
			queued,
			listMs: Math.round(listed - started),
			enqueueMs: Math.round(enqueued - started),
			deliverMs: Math.round(delivered - enqueued),
			perSecond: Math.round(count / ((delivered - enqueued) / 1000)),
			ledger: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
			smtpPoolSize: config.smtpPoolSize,
			ratePerSecond: config.mailRatePerSecond
		}) + '\n'
	);
} finally {
	await stopApp(app);
}

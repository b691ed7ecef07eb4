// The child process of the mail crash test (platform/mail-delivery.crash.test.ts), run with vite-node: the
// platform's real mail worker (jobs, ledger, pooled SMTP) on the test's database. With CRASH_QUEUE=n it first
// queues n mails to n people (one newsletter); then it delivers until no mail job is left and says "idle".
// Jobs are queued with a short expiry (3 s) and pg-boss looks for expired ones every second, so the jobs a
// killed process had fetched are retried within seconds instead of minutes.
import { sql } from 'drizzle-orm';
import { openDatabase } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import { createLogger } from '$lib/server/platform/log';
import { createJobs } from '$lib/server/platform/jobs';
import { createMailer, MAIL_JOB, type MailMessage } from '$lib/server/platform/mail';
import { createMailDelivery } from '$lib/server/platform/mail-delivery';

const url = process.env.CRASH_DATABASE_URL;
const database = url
	? await openDatabase({ kind: 'postgres', url, poolSize: 4 })
	: await openDatabase({ kind: 'pglite', dataDir: process.env.CRASH_DATA_DIR ?? null });
const log = createLogger('silent');
const from = 'Meedoen <noreply@meedoen.test>';
const mailer = createMailer({
	smtpUrl: process.env.SMTP_URL,
	from,
	dataDir: '/nonexistent',
	log,
	maxConnections: 5
});
const jobs = createJobs(database, log, { pollingSeconds: 0.2, maintenanceSeconds: 1 });
const delivery = createMailDelivery({
	db: database.db,
	jobs,
	mailer,
	log,
	from,
	ratePerSecond: 0,
	municipalityRates: new Map(),
	deliverNow: false,
	retryDelaySeconds: 1,
	expireSeconds: 3,
	concurrency: 5
});
jobs.registerBatch<MailMessage>(MAIL_JOB, delivery.handleBatch, {
	batchSize: delivery.batchSize,
	pollingSeconds: 0.2
});
await jobs.start();

const count = Number(process.env.CRASH_QUEUE ?? 0);
if (count > 0) {
	const messages = Array.from({ length: count }, (_, i) => ({
		to: `person${i}@crash.example.be`,
		subject: 'Nieuwsbrief december',
		text: `Beste lezer ${i}, dit is de nieuwsbrief.`,
		reference: 'newsletter:crash'
	}));
	await delivery.queueMails(null, messages);
	process.stdout.write(`queued ${count}\n`);
}

for (;;) {
	await new Promise((resolve) => setTimeout(resolve, 250));
	const [row] = await executeRows<{ open: number }>(
		database.db,
		sql`SELECT count(*)::int AS open FROM pgboss.job WHERE name = ${MAIL_JOB} AND state IN ('created', 'retry', 'active')`
	);
	if (Number(row?.open) === 0) break;
}
await jobs.stop();
mailer.close();
await database.close();
process.stdout.write('idle\n');

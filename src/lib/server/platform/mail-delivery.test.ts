// Mail delivery against a real database (PGlite, and PostgreSQL with TEST_DB=postgres) and a real SMTP server
// (npm smtp-server) that can refuse recipients: the ledger, the suppression list, retries and hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { executeRows } from '$lib/server/db/rows';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx, silentLog } from '$lib/server/testing/context';
import { startSmtpCatcher, type SmtpCatcher, type SmtpRefusal } from '$lib/server/testing/smtp';
import { consumeLoginLink, requestLoginLink } from '$lib/server/features/accounts/accounts.service';
import { createJobs, type BatchJob, type Jobs } from './jobs';
import {
	createMailer,
	MAIL_JOB,
	messageIdFor,
	type MailMessage,
	type MailTemplate,
	type Mailer,
	type QueuedMail,
	type TemplatedMail
} from './mail';
import {
	countMailDeliveries,
	createMailDelivery,
	createRateLimiter,
	getMailSuppression,
	liftMailSuppression,
	MailRejectedError,
	MAX_MAIL_SIZE,
	type MailDelivery
} from './mail-delivery';

const FROM = 'Meedoen <noreply@meedoen.test>';
let database: TestDatabase;
let smtp: SmtpCatcher;
let jobs: Jobs;
let mailer: Mailer;
let delivery: MailDelivery;
/** How often the test template loaded its shared part, per name, and the names it knows. */
const greetingLoads = new Map<string, number>();
const greetingNames = new Map<string, string>([['lief', 'Beste lezer']]);
/** A template like a newsletter's: a shared part loaded once (memo), then each person's mail from it. */
const greeting: MailTemplate = async (ctx, { to, data }) => {
	const name = String(data.name);
	const opening = await ctx.memo(`greeting:${name}`, async () => {
		greetingLoads.set(name, (greetingLoads.get(name) ?? 0) + 1);
		return greetingNames.get(name) ?? null;
	});
	if (opening === null) return null;
	return { subject: `Groet ${String(data.subject ?? name)}`, text: `${opening}, ${to}: ${String(data.n)}` };
};
/** What the SMTP server answers at RCPT TO per address; absent: accepted. */
const refusals = new Map<string, SmtpRefusal[] | SmtpRefusal>();

beforeAll(async () => {
	database = await createTestDatabase();
	smtp = await startSmtpCatcher({
		refuse(address) {
			const r = refusals.get(address);
			// A list is used up one answer per attempt (temporary trouble); a single refusal stays.
			return Array.isArray(r) ? r.shift() : r;
		}
	});
	mailer = createMailer({ smtpUrl: smtp.url, from: FROM, dataDir: '/nonexistent', log: silentLog });
	jobs = createJobs(database, silentLog, { pollingSeconds: 0.2 });
	delivery = createMailDelivery({
		db: database.db,
		jobs,
		mailer,
		log: silentLog,
		from: FROM,
		ratePerSecond: 0,
		municipalityRates: new Map(),
		deliverNow: false,
		retryDelaySeconds: 1,
		templates: new Map([['test.greeting', greeting]])
	});
	jobs.registerBatch<QueuedMail>(MAIL_JOB, delivery.handleBatch, {
		batchSize: delivery.batchSize,
		pollingSeconds: 0.2
	});
	await jobs.start();
}, 120_000);
afterAll(async () => {
	await jobs?.stop();
	mailer?.close();
	await database?.destroy();
	await smtp?.close();
});

const mail = (to: string, reference: string, extra: Partial<MailMessage> = {}): MailMessage => ({
	to,
	subject: `Nieuwsbrief ${reference}`,
	text: 'Hallo',
	reference,
	...extra
});
const received = (to: string, reference?: string) =>
	smtp.messages.filter(
		(m) => m.to.includes(to) && (reference === undefined || m.raw.includes(`Nieuwsbrief ${reference}`))
	);
async function ledger(reference: string, to: string) {
	const [row] = await executeRows<{ status: string; attempts: number; last_error: string | null }>(
		database.db,
		sql`SELECT status, attempts, last_error FROM mail_deliveries WHERE message_key = ${reference} AND recipient = ${to}`
	);
	return row;
}
async function jobsFor(reference: string) {
	const [row] = await executeRows<{ n: number; open: number }>(
		database.db,
		sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS open
			FROM pgboss.job WHERE name = ${MAIL_JOB} AND data->>'reference' = ${reference}`
	);
	return row!;
}
const settled = (reference: string) =>
	expect.poll(async () => (await jobsFor(reference)).open, { timeout: 20_000 });

describe('queueing mail', () => {
	it('queues a (message, recipient) once, however often and in whatever case it is queued', async () => {
		const first = await delivery.queueMails(null, [
			mail('an@example.be', 'nb:1'),
			mail('AN@Example.be', 'nb:1'),
			mail('bram@example.be', 'nb:1')
		]);
		expect(first).toEqual({ queued: 2, skipped: 1 });
		expect(await delivery.queueMails(null, [mail('an@example.be', 'nb:1')])).toEqual({
			queued: 0,
			skipped: 1
		});
		expect((await jobsFor('nb:1')).n).toBe(2);
		await settled('nb:1').toBe(0);
		expect(received('an@example.be', 'nb:1')).toHaveLength(1);
		expect(received('bram@example.be', 'nb:1')).toHaveLength(1);
		expect(await countMailDeliveries(database.db, { messageKey: 'nb:1' })).toMatchObject({
			sent: 2,
			queued: 0
		});
		// Each mail carries a Message-ID of its own (key, recipient), the same in every process and attempt.
		expect(received('an@example.be', 'nb:1')[0]!.raw).toContain(
			`Message-ID: ${messageIdFor(FROM, 'nb:1', 'an@example.be')}`
		);
	});

	it('queues nothing when the caller’s transaction rolls back, and everything when it commits', async () => {
		await expect(
			database.db.transaction(async (tx) => {
				await delivery.queueMails(tx, [mail('chloe@example.be', 'nb:2')]);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await ledger('nb:2', 'chloe@example.be')).toBeUndefined();
		expect((await jobsFor('nb:2')).n).toBe(0);
		await database.db.transaction(async (tx) => {
			await delivery.queueMails(tx, [mail('chloe@example.be', 'nb:2')]);
		});
		await settled('nb:2').toBe(0);
		expect(received('chloe@example.be', 'nb:2')).toHaveLength(1);
	});

	it('queues thousands in one call', async () => {
		const many = Array.from({ length: 5_000 }, (_, i) => mail(`p${i}@bulk.example.be`, 'nb:bulk'));
		const started = performance.now();
		expect(await delivery.queueMails(null, many)).toEqual({ queued: 5_000, skipped: 0 });
		expect(performance.now() - started).toBeLessThan(20_000);
		await expect
			.poll(async () => (await countMailDeliveries(database.db, { messageKey: 'nb:bulk' })).sent, {
				timeout: 120_000,
				interval: 500
			})
			.toBe(5_000);
		expect(
			new Set(smtp.messages.filter((m) => m.to[0]!.endsWith('@bulk.example.be')).map((m) => m.to[0])).size
		).toBe(5_000);
	}, 180_000);

	it('sends nothing for a job whose ledger row says it was sent (a job run again after a crash)', async () => {
		await delivery.queueMails(null, [mail('dirk@example.be', 'nb:3')]);
		await settled('nb:3').toBe(0);
		// The same job once more, as pg-boss would retry it had the process died before completing it.
		await jobs.send(MAIL_JOB, mail('dirk@example.be', 'nb:3'));
		await settled('nb:3').toBe(0);
		expect(received('dirk@example.be', 'nb:3')).toHaveLength(1);
		expect(await ledger('nb:3', 'dirk@example.be')).toMatchObject({ status: 'sent', attempts: 1 });
	});
});

describe('failures', () => {
	it('retries a temporary refusal with back-off until the server takes the mail', async () => {
		refusals.set('eva@example.be', [
			{ code: 451, message: 'Try again later' },
			{ code: 421, message: 'Busy' }
		]);
		await delivery.queueMails(null, [mail('eva@example.be', 'nb:4')]);
		await settled('nb:4').toBe(0);
		expect(received('eva@example.be', 'nb:4')).toHaveLength(1);
		expect(await ledger('nb:4', 'eva@example.be')).toMatchObject({ status: 'sent', attempts: 3 });
		expect(await getMailSuppression(database.db, { address: 'eva@example.be' })).toBeUndefined();
	}, 30_000);

	it('suppresses an address refused for good, sends it nothing more, until it is confirmed again', async () => {
		refusals.set('gone@example.be', { code: 550, message: 'No such user' });
		await delivery.queueMails(null, [mail('gone@example.be', 'nb:5')]);
		await settled('nb:5').toBe(0);
		expect(await ledger('nb:5', 'gone@example.be')).toMatchObject({ status: 'bounced', attempts: 1 });
		expect((await ledger('nb:5', 'gone@example.be'))!.last_error).toContain('550');
		expect((await getMailSuppression(database.db, { address: 'Gone@example.be' }))?.reason).toContain('550');
		// Not retried: one job, completed.
		const [job] = await executeRows<{ state: string; retry_count: number }>(
			database.db,
			sql`SELECT state, retry_count FROM pgboss.job WHERE data->>'reference' = 'nb:5'`
		);
		expect(job).toEqual({ state: 'completed', retry_count: 0 });

		// The mailbox exists again, but no mail goes to it while it is suppressed.
		refusals.delete('gone@example.be');
		await delivery.queueMails(null, [mail('gone@example.be', 'nb:6')]);
		await settled('nb:6').toBe(0);
		expect(await ledger('nb:6', 'gone@example.be')).toMatchObject({ status: 'suppressed', attempts: 0 });
		expect(received('gone@example.be')).toHaveLength(0);

		// Asking for a login link does reach it (they asked for it); using the link lifts the suppression.
		const outbox: MailMessage[] = [];
		await requestLoginLink(buildCtx(database.db, undefined, { outbox }), {
			email: 'gone@example.be',
			ip: '10.77.0.1',
			origin: 'https://meedoen.test',
			returnTo: '/geel',
			channel: { channel: null, referrer: null }
		});
		expect(outbox[0]?.requestedByRecipient).toBe(true);
		await delivery.queueMails(null, [{ ...outbox[0]!, reference: 'login:gone' }]);
		await settled('login:gone').toBe(0);
		expect(received('gone@example.be')).toHaveLength(1);
		const token = /token=([\w-]+)/.exec(outbox[0]!.text)![1]!;
		await consumeLoginLink(buildCtx(database.db), {
			unverifiedToken: token,
			userAgent: null,
			settings: { idleMinutes: 60, maxDays: 30 }
		});
		expect(await getMailSuppression(database.db, { address: 'gone@example.be' })).toBeUndefined();
		await delivery.queueMails(null, [mail('gone@example.be', 'nb:7')]);
		await settled('nb:7').toBe(0);
		expect(received('gone@example.be', 'nb:7')).toHaveLength(1);
	}, 30_000);

	it('lifts a suppression through liftMailSuppression in any case of the address', async () => {
		refusals.set('fien@example.be', { code: 554, message: 'Rejected' });
		await delivery.queueMails(null, [mail('fien@example.be', 'nb:8')]);
		await settled('nb:8').toBe(0);
		expect(await getMailSuppression(database.db, { address: 'fien@example.be' })).toBeDefined();
		await liftMailSuppression(database.db, { address: 'FIEN@example.be' });
		expect(await getMailSuppression(database.db, { address: 'fien@example.be' })).toBeUndefined();
	});
});

describe('a refusal after DATA', () => {
	it('suppresses the address only for a 5.1.x; a 554 5.7.1 (policy) fails that mail and keeps the address', async () => {
		// A server that takes every recipient and judges the message only after its content (DATA).
		const answers: Record<string, string> = {
			'spam@example.be': '5.7.1 Message rejected as spam',
			'nobody@example.be': '5.1.1 No such mailbox here'
		};
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onData(stream, session, callback) {
				stream.resume();
				stream.on('end', () => {
					const answer = answers[session.envelope.rcptTo[0]!.address];
					if (!answer) return callback();
					callback(Object.assign(new Error(answer), { responseCode: answer.startsWith('5.1') ? 550 : 554 }));
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.server.address() as AddressInfo;
		const dataMailer = createMailer({
			smtpUrl: `smtp://127.0.0.1:${port}`,
			from: FROM,
			dataDir: '/nonexistent',
			log: silentLog
		});
		try {
			// Without the job system (JOBS=0): sent as it is queued, with the same ledger and suppressions.
			const now = createMailDelivery({
				db: database.db,
				jobs,
				mailer: dataMailer,
				log: silentLog,
				from: FROM,
				ratePerSecond: 0,
				municipalityRates: new Map(),
				deliverNow: true
			});
			await now.queueMails(null, [mail('spam@example.be', 'data:1'), mail('nobody@example.be', 'data:1')]);
			const spam = await ledger('data:1', 'spam@example.be');
			expect(spam).toMatchObject({ status: 'failed', attempts: 1 });
			expect(spam!.last_error).toContain('5.7.1');
			expect(await getMailSuppression(database.db, { address: 'spam@example.be' })).toBeUndefined();
			expect(await ledger('data:1', 'nobody@example.be')).toMatchObject({ status: 'bounced', attempts: 1 });
			expect((await getMailSuppression(database.db, { address: 'nobody@example.be' }))?.reason).toContain(
				'5.1.1'
			);
		} finally {
			dataMailer.close();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});

describe('hostile input', () => {
	const attempts: [string, MailMessage][] = [
		[
			'a Bcc smuggled into the subject',
			mail('h@example.be', 'h:1', { subject: 'Hallo\r\nBcc: all@evil.test' })
		],
		[
			'a bare line feed in the subject',
			mail('h@example.be', 'h:2', { subject: 'Hallo\nBcc: all@evil.test' })
		],
		[
			'a header value with a line break',
			mail('h@example.be', 'h:3', { headers: { 'List-Id': 'x\r\nBcc: e@evil.test' } })
		],
		['a Bcc header', mail('h@example.be', 'h:4', { headers: { Bcc: 'all@evil.test' } })],
		[
			'a header name with a colon',
			mail('h@example.be', 'h:5', { headers: { 'X-A: b\r\nBcc': 'e@evil.test' } })
		],
		['two recipients', mail('h@example.be, all@evil.test', 'h:6')],
		['a recipient with a line break', mail('h@example.be\r\nBcc: all@evil.test', 'h:7')],
		['a name and address', mail('Hacker <h@example.be>', 'h:8')],
		['an oversized body', mail('h@example.be', 'h:9', { text: 'x'.repeat(MAX_MAIL_SIZE + 1) })],
		['an oversized subject', mail('h@example.be', 'h:10', { subject: 'x'.repeat(501) })],
		['a key with a line break', mail('h@example.be', 'h:11\nBcc')],
		['a municipality that is no id', mail('h@example.be', 'h:12', { municipalityId: "1' OR 1=1" })],
		[
			'an attachment with a header in its type',
			mail('h@example.be', 'h:13', {
				attachments: [{ filename: 'a.ics', content: 'x', contentType: 'text/calendar\r\nBcc: e@evil.test' }]
			})
		],
		[
			'a control character in a content type’s parameters',
			mail('h@example.be', 'h:14', {
				attachments: [{ filename: 'a.ics', content: 'x', contentType: 'text/calendar; method=\u0000REQUEST' }]
			})
		],
		[
			'an attachment’s content id with a line break',
			mail('h@example.be', 'h:15', {
				attachments: [
					{ filename: 'a.png', content: 'x', contentType: 'image/png', cid: 'logo\r\nBcc: e@evil.test' }
				]
			})
		]
	];
	for (const [name, message] of attempts)
		it(`refuses ${name}, and queues none of the batch`, async () => {
			const good = mail('ok@example.be', `good:${message.reference}`);
			await expect(delivery.queueMails(null, [good, message])).rejects.toBeInstanceOf(MailRejectedError);
			expect(await ledger(`good:${message.reference}`, 'ok@example.be')).toBeUndefined();
			expect(await ledger(message.reference!, 'h@example.be')).toBeUndefined();
		});

	it('puts extra headers and Dutch text on the wire as they are meant', async () => {
		await delivery.queueMails(null, [
			mail('ilse@example.be', 'nb:9', {
				subject: 'Nieuwsbrief nb:9 — één ‘oproep’',
				headers: {
					'List-Unsubscribe': '<https://meedoen.test/afmelden?t=abc>',
					'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
				}
			})
		]);
		await settled('nb:9').toBe(0);
		const [caught] = received('ilse@example.be');
		expect(caught!.raw).toContain('List-Unsubscribe: <https://meedoen.test/afmelden?t=abc>');
		expect(caught!.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		expect(caught!.raw).not.toMatch(/^Bcc:/im);
	});
});

describe('the sending rate', () => {
	it('spaces mails to the rate of their municipality within the global rate', async () => {
		const wait = createRateLimiter(100, new Map([['m1', 10]]));
		let started = performance.now();
		for (let i = 0; i < 11; i++) await wait('m1');
		expect(performance.now() - started).toBeGreaterThanOrEqual(950);
		started = performance.now();
		for (let i = 0; i < 21; i++) await wait(undefined);
		const ms = performance.now() - started;
		expect(ms).toBeGreaterThanOrEqual(190);
		expect(ms).toBeLessThan(900);
	});
});

describe('a batch', () => {
	/** A mailer that takes `ms` per mail and counts the mails it has in hand at once. */
	function slowMailer(ms: number) {
		const state = { inHand: 0, most: 0, delivered: [] as string[] };
		const fake: Mailer = {
			async deliver(message) {
				state.inHand++;
				state.most = Math.max(state.most, state.inHand);
				await new Promise((resolve) => setTimeout(resolve, ms));
				state.inHand--;
				state.delivered.push(message.to);
				return { messageId: '<x@meedoen.test>' };
			},
			forget: async () => 0,
			close: () => {}
		};
		return { fake, state };
	}
	function deliveryWith(fake: Mailer, extra: { concurrency: number; expireSeconds?: number }) {
		return createMailDelivery({
			db: database.db,
			jobs,
			mailer: fake,
			log: silentLog,
			from: FROM,
			ratePerSecond: 0,
			municipalityRates: new Map(),
			deliverNow: false,
			...extra
		});
	}
	/** Ledger rows (queued) and the batch of jobs, as the worker would fetch them, without the job system. */
	async function batchOf(key: string, recipients: string[], retry = { retryCount: 0, retryLimit: 5 }) {
		await database.db.execute(
			sql`INSERT INTO mail_deliveries (message_key, recipient)
				SELECT ${key}, r FROM jsonb_array_elements_text(${JSON.stringify(recipients)}::jsonb) AS r`
		);
		return recipients.map((to, i): BatchJob<MailMessage> => ({
			id: `${key}#${i}`,
			data: mail(to, key),
			...retry
		}));
	}

	it('lets every lane finish its own mail when one mail’s ledger update fails, then reports', async () => {
		const { fake, state } = slowMailer(30);
		const recipients = Array.from({ length: 12 }, (_, i) => `lane${i}@example.be`);
		const batch = await batchOf('lane:1', recipients);
		// The ledger refuses to record lane3's mail as sent (a database error in one lane).
		await database.db.execute(sql`CREATE FUNCTION refuse_lane3() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
				IF NEW.recipient = 'lane3@example.be' AND NEW.status = 'sent' THEN RAISE EXCEPTION 'ledger down'; END IF;
				RETURN NEW;
			END $$`);
		await database.db.execute(
			sql`CREATE TRIGGER refuse_lane3 BEFORE UPDATE ON mail_deliveries FOR EACH ROW EXECUTE FUNCTION refuse_lane3()`
		);
		try {
			const result = await deliveryWith(fake, { concurrency: 3 }).handleBatch(batch);
			// Reported once every lane is done: nothing in hand, every mail handed over, never more than the lanes.
			expect(state.inHand).toBe(0);
			expect(state.delivered.sort()).toEqual([...recipients].sort());
			expect(state.most).toBeLessThanOrEqual(3);
			expect(result.failed).toEqual([{ id: 'lane:1#3', error: expect.stringContaining('ledger down') }]);
		} finally {
			await database.db.execute(sql`DROP TRIGGER refuse_lane3 ON mail_deliveries`);
			await database.db.execute(sql`DROP FUNCTION refuse_lane3()`);
		}
		expect(await countMailDeliveries(database.db, { messageKey: 'lane:1' })).toMatchObject({
			sent: 11,
			queued: 1
		});
	});

	it('takes no new mail after half its jobs’ expiry: the rest fail, to be retried', async () => {
		const { fake, state } = slowMailer(200);
		const recipients = Array.from({ length: 8 }, (_, i) => `late${i}@example.be`);
		const batch = await batchOf('late:1', recipients);
		// Expiry 1 s: lanes stop taking mail after 0.5 s, with one lane at 0.2 s a mail: 3 handed over.
		const started = performance.now();
		const result = await deliveryWith(fake, { concurrency: 1, expireSeconds: 1 }).handleBatch(batch);
		expect(performance.now() - started).toBeLessThan(1_000);
		expect(state.delivered.length).toBeGreaterThanOrEqual(1);
		expect(state.delivered.length).toBeLessThanOrEqual(4);
		expect(result.failed).toHaveLength(8 - state.delivered.length);
		expect(result.failed.every((f) => f.error.includes('ran out of time'))).toBe(true);
		// Not attempted: the rows stay queued for the retry, with no attempt counted.
		expect(await countMailDeliveries(database.db, { messageKey: 'late:1' })).toMatchObject({
			sent: state.delivered.length,
			queued: 8 - state.delivered.length
		});
		expect(await ledger('late:1', 'late7@example.be')).toMatchObject({ status: 'queued', attempts: 0 });
	});
});

describe('templated mail (rendered when it is sent)', () => {
	const templated = (
		to: string,
		reference: string,
		data: TemplatedMail['template']['data']
	): TemplatedMail => ({
		to,
		reference,
		template: { name: 'test.greeting', data }
	});

	it('queues only who and which template, renders each mail at sending, the shared part once', async () => {
		const people = Array.from({ length: 30 }, (_, i) => `lezer${i}@example.be`);
		const result = await delivery.queueMails(
			null,
			people.map((to, i) => templated(to, 'tpl:1', { name: 'lief', n: i }))
		);
		expect(result).toEqual({ queued: 30, skipped: 0 });
		// The job carries the template's name and data, not a subject or a text.
		const [job] = await executeRows<{ data: Record<string, unknown>; size: number }>(
			database.db,
			sql`SELECT data, length(data::text)::int AS size FROM pgboss.job
				WHERE name = ${MAIL_JOB} AND data->>'reference' = 'tpl:1' LIMIT 1`
		);
		expect(job!.data).not.toHaveProperty('subject');
		expect(job!.data).not.toHaveProperty('text');
		expect(job!.size).toBeLessThan(200);
		await settled('tpl:1').toBe(0);
		for (const [i, to] of people.entries()) {
			const got = smtp.messages.filter((m) => m.to.includes(to) && m.raw.includes('Groet lief'));
			expect(got).toHaveLength(1);
			expect(got[0]!.raw).toContain(`Beste lezer, ${to}: ${i}`);
		}
		expect(await countMailDeliveries(database.db, { messageKey: 'tpl:1' })).toMatchObject({ sent: 30 });
		// The shared part was loaded once for 30 mails (one process, within the memo's lifetime).
		expect(greetingLoads.get('lief')).toBe(1);
	});

	it('refuses an unknown template, large data or control characters before anything is queued', async () => {
		for (const bad of [
			{ ...templated('a@example.be', 'tpl:2', { name: 'lief' }), template: { name: 'nope', data: {} } },
			templated('a@example.be', 'tpl:2', { name: 'x'.repeat(3_000) }),
			templated('a@example.be', 'tpl:2', { name: 'lief\r\nBcc: x@evil.example' }),
			{ to: 'a@example.be', template: { name: 'test.greeting', data: {} } } as unknown as TemplatedMail,
			templated('a@example.be, b@example.be', 'tpl:2', { name: 'lief' })
		]) {
			await expect(
				delivery.queueMails(null, [templated('ok@example.be', 'tpl:2', { name: 'lief' }), bad])
			).rejects.toBeInstanceOf(MailRejectedError);
		}
		expect((await jobsFor('tpl:2')).n).toBe(0);
	});

	it('records a mail whose content is gone, or whose rendering fails the checks, as failed without retrying', async () => {
		await delivery.queueMails(null, [
			templated('weg@example.be', 'tpl:3', { name: 'onbekend' }),
			// The template puts data in the subject: 600 characters there are refused at sending.
			templated('kop@example.be', 'tpl:3', { name: 'lief', subject: 'x'.repeat(600) }),
			templated('goed@example.be', 'tpl:3', { name: 'lief', n: 1 })
		]);
		await settled('tpl:3').toBe(0);
		expect(await ledger('tpl:3', 'weg@example.be')).toMatchObject({ status: 'failed', attempts: 0 });
		expect((await ledger('tpl:3', 'weg@example.be'))!.last_error).toMatch(/gone/);
		expect(await ledger('tpl:3', 'kop@example.be')).toMatchObject({ status: 'failed', attempts: 0 });
		expect((await ledger('tpl:3', 'kop@example.be'))!.last_error).toMatch(/subject/);
		expect(await ledger('tpl:3', 'goed@example.be')).toMatchObject({ status: 'sent' });
		expect(received('weg@example.be')).toHaveLength(0);
	});
});

// Sending a newsletter: the job builds the recipient list once, set-based (one INSERT … SELECT of the audience
// with the newsletters consent), then queues the personal mails in batches. Each batch's mails and the mark
// "queued" on their recipient rows commit in one transaction, so a run that is killed and started again queues
// only who is left: nobody twice, nobody skipped. The delivery ledger (reference newsletter:<id>) says what
// became of each mail. A queued mail names the newsletter and the person, not the mail itself (the template
// NEWSLETTER_MAIL renders it when it is sent, the content once per process), so queueing 100,000 writes a few
// hundred bytes per person instead of the whole mail.
import { z } from 'zod';
import { DEFAULT_LOCALE } from '$lib/i18n';
import { newsletterReference } from '$lib/domain/newsletters';
import { foregroundActivity } from '$lib/server/db/priority';
import type { JobContext } from '$lib/server/platform/feature';
import type { MailTemplate, TemplatedMail } from '$lib/server/platform/mail';
import {
	unsubscribeLinkWith,
	unsubscribeSecret
} from '$lib/server/features/notifications/notifications.service';
import { newsletterMails } from './newsletters.mail';
import {
	dropGoneRecipients,
	getLook,
	getNewsletterForJob,
	insertRecipients,
	lockNewsletterForSend,
	listDueNewsletters,
	takeWaitingRecipients,
	updateNewsletter
} from './newsletters.queries';

export const SEND_JOB = 'newsletters.send';
export const DUE_JOB = 'newsletters.due';
/** The mail template of a newsletter to one person (newsletterMail). */
export const NEWSLETTER_MAIL = 'newsletters.mail';

/**
 * Mails queued per transaction. On PostgreSQL readers never wait for a writer, and fewer, larger transactions
 * queue faster. On the embedded database a transaction holds its one connection, so a page that needs a statement
 * meanwhile waits for all of it (EMBEDDED_PACE).
 */
export const SEND_BATCH = { postgres: 2_000 } as const;

/**
 * How the embedded database queues: in large transactions while nobody uses the site, in small ones with a pause
 * after each while people do, and in between when that would not finish in time. npm run bench -- --only mail,
 * with the signed-in page under load while queueing: 2,000 at a time took its p99 to 8.9× idle (a page waited up
 * to 230 ms), 500 to 4.3×, 150 (about 15 ms of statements) to 2.5–2.8×, and back to back they held the database
 * 40% of the time; 100 and 250 at a time throughout took more than 30 s to queue.
 */
export const EMBEDDED_PACE = {
	/** Nobody active: large transactions, one after the other. */
	idleBatch: 500,
	/** People active (foregroundActivity at least `active` statements in the last half second): small ones. */
	busyBatch: 40,
	active: 20,
	/** Behind schedule while people are active: the batch that queues 100,000 in about 20 s, no pause. */
	catchUpBatch: 150,
	/** Everything queued within this long of the start of queueing (the list itself is built before it). */
	withinMs: 20_000,
	/** What queueing one mail is taken to cost at full speed until a large batch has shown it (85 µs measured). */
	perMailMs: 0.12
} as const;

export interface SendJobData {
	newsletterId: number;
	/** The public origin of the request that sent it, for links; the configured one otherwise. */
	origin?: string;
}

/** What the send needs of the job context: the database and the platform's bulk queueing (ledger and jobs). */
export type SendContext = Pick<JobContext, 'db' | 'log' | 'config' | 'queueMails'>;

export interface SendResult {
	status: 'not_due' | 'sent' | 'gone';
	recipients: number;
	queuedNow: number;
}

/**
 * Sends one newsletter if it is due (scheduled and its time has come, or left half-sent). Safe to run twice,
 * at once or after a crash: the status moves under a row lock, the list is built once, mails queue once.
 */
export async function sendNewsletterJob(
	ctx: SendContext,
	data: SendJobData,
	options: {
		batchSize?: number;
		/** The embedded pacing (EMBEDDED_PACE) with some of its figures changed, on either database (tests). */
		pace?: Partial<Record<keyof typeof EMBEDDED_PACE, number>> & { activity?: () => number };
	} = {}
): Promise<SendResult> {
	const paced = options.pace !== undefined || (!options.batchSize && !ctx.config.databaseUrl);
	const pace: Record<keyof typeof EMBEDDED_PACE, number> & { activity: () => number } = {
		...EMBEDDED_PACE,
		activity: foregroundActivity,
		...options.pace
	};
	const fixedBatch = options.batchSize ?? SEND_BATCH.postgres;
	const id = Number(data.newsletterId);
	if (!Number.isSafeInteger(id)) return { status: 'gone', recipients: 0, queuedNow: 0 };
	const found = await getNewsletterForJob(ctx.db, { id });
	if (!found) return { status: 'gone', recipients: 0, queuedNow: 0 };
	const municipalityId = found.municipalityId;
	const scope = { municipalityId, regionId: found.regionId };

	// Build the list once: scheduled → sending, under the row's lock.
	const started = await ctx.db.transaction(async (tx) => {
		const row = await lockNewsletterForSend(tx, { municipalityId, id });
		if (!row) return null;
		if (row.status === 'sending') return { recipients: row.recipientCount ?? 0 };
		if (row.status !== 'scheduled') return null;
		if (row.scheduledAt && row.scheduledAt.getTime() > Date.now()) return null;
		const recipients = await insertRecipients(tx, {
			municipalityId,
			newsletterId: id,
			audience: found.audience,
			scope
		});
		await updateNewsletter(tx, {
			municipalityId,
			id,
			change: { status: 'sending', recipientCount: recipients }
		});
		return { recipients };
	});
	if (!started) return { status: 'not_due', recipients: found.recipientCount ?? 0, queuedNow: 0 };

	const origin = data.origin ?? ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
	const reference = newsletterReference(id);
	let queuedNow = 0;
	// One transaction at a time: on PostgreSQL three at once queued 100,000 in 17 s instead of 25 s, but took the
	// visitors' p99 from 25 to 43 ms while they ran (npm run bench -- --only mail, 2 cores).
	// Each batch goes on after the last one's recipients; when that finds nobody, one more look from the start
	// finds any a concurrent run had locked and then left (the run ends when that finds nobody either).
	let after: string | null = null;
	const begun = performance.now();
	// The embedded database's full-speed cost of one mail, from the large batches (the quickest so far).
	let perMailMs: number = pace.perMailMs;
	for (;;) {
		// Embedded: while people are active, small turns with a pause as long as the turn, as long as the rest
		// would still be queued within withinMs at full speed (half again as long as it has cost).
		let batchSize = fixedBatch;
		let pause = false;
		if (paced) {
			const left = Math.max(0, started.recipients - queuedNow);
			const slack = pace.withinMs - (performance.now() - begun) - left * perMailMs * 1.5;
			if (pace.activity() < pace.active) batchSize = pace.idleBatch;
			else if (slack > 0) [batchSize, pause] = [pace.busyBatch, true];
			else batchSize = pace.catchUpBatch;
		}
		const batchStarted = performance.now();
		const done = await ctx.db.transaction(async (tx) => {
			const batch = await takeWaitingRecipients(tx, {
				municipalityId,
				newsletterId: id,
				limit: batchSize,
				after
			});
			if (batch.length === 0) return { count: 0, last: null };
			// Taken in user id order, returned in any: the run goes on after the highest.
			const last = batch.reduce((high, r) => (r.userId > high ? r.userId : high), batch[0]!.userId);
			const messages = batch.map((r): TemplatedMail => ({
				to: r.email,
				reference,
				municipalityId,
				template: { name: NEWSLETTER_MAIL, data: { newsletterId: id, userId: r.userId, origin } }
			}));
			// A ledger row and a job per (newsletter:<id>, address), in this transaction (with the recipients'
			// marks): the ledger refuses a repeat too.
			await ctx.queueMails(tx, messages);
			return { count: batch.length, last };
		});
		if (done.count === 0) {
			if (after === null) break;
			after = null;
			continue;
		}
		after = done.last;
		queuedNow += done.count;
		const took = performance.now() - batchStarted;
		if (paced && batchSize === pace.idleBatch && done.count === batchSize)
			perMailMs = Math.min(perMailMs, took / done.count);
		if (pause) await new Promise((resolve) => setTimeout(resolve, took));
	}
	await ctx.db.transaction(async (tx) => {
		await dropGoneRecipients(tx, { municipalityId, newsletterId: id });
		await updateNewsletter(tx, { municipalityId, id, change: { status: 'sent', sentAt: new Date() } });
	});
	ctx.log.info({ newsletterId: id, queued: queuedNow }, 'newsletter queued');
	return { status: 'sent', recipients: started.recipients, queuedNow };
}

/** The hourly catch-up: newsletters whose time came without a job (JOBS=0 at the time, a lost job). */
export async function sendDueNewsletters(ctx: SendContext): Promise<number> {
	let sent = 0;
	for (const { id } of await listDueNewsletters(ctx.db)) {
		const result = await sendNewsletterJob(ctx, { newsletterId: id });
		if (result.status === 'sent') sent += 1;
	}
	return sent;
}

const mailData = z.object({
	newsletterId: z.number().int().positive(),
	userId: z.string().uuid(),
	origin: z.string().url()
});

/**
 * A newsletter's mail to one person, rendered when it is sent: the content in the municipality's look is
 * rendered once per process and newsletter (memo), each person's mail adds their address and unsubscribe link.
 * null when the newsletter or its municipality is gone.
 */
export const newsletterMail: MailTemplate = async (ctx, { to, data }) => {
	const parsed = mailData.safeParse(data);
	if (!parsed.success) return null;
	const { newsletterId, userId, origin } = parsed.data;
	const prepared = await ctx.memo(`newsletter:${newsletterId}`, async () => {
		const found = await getNewsletterForJob(ctx.db, { id: newsletterId });
		const look = found && (await getLook(ctx.db, { municipalityId: found.municipalityId }));
		if (!found || !look) return null;
		const mailTo = newsletterMails(
			DEFAULT_LOCALE,
			look,
			{ id: newsletterId, subject: found.subject, body: found.body },
			{ municipalityId: found.municipalityId }
		);
		// The secret is read once per process; each person's link is made without another statement.
		return { mailTo, secret: await unsubscribeSecret(ctx.db) };
	});
	if (!prepared) return null;
	const unsubscribe = unsubscribeLinkWith(prepared.secret, { origin, userId, kind: 'newsletters' });
	const { subject, text, html, headers } = prepared.mailTo(to, { origin, unsubscribe });
	return { subject, text, html, headers };
};

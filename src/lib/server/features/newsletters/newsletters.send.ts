// Sending a newsletter: the job builds the recipient list once, set-based (one INSERT … SELECT of the audience
// with the newsletters consent), then queues the personal mails in batches, in user id order. Each batch's mails
// and the newsletter's mark of how far it got (queued_through) commit in one transaction, under the newsletter's
// row lock, so a run that is killed and started again, or a second one at once, queues only who is left: nobody
// twice, nobody skipped. The delivery ledger (reference newsletter:<id>) says what
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
	analyzeRecipients,
	dropGoneRecipients,
	getLook,
	getNewsletterForJob,
	insertRecipients,
	LIST_PARTS,
	listPart,
	lockNewsletterForSend,
	listDueNewsletters,
	takeNextRecipients,
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
 * Parts of the recipient list (LIST_PARTS) written per transaction. PostgreSQL writes the whole list in one (its
 * readers never wait for a writer; 256 transactions took 3.2 s for 100,000 instead of about 1), the embedded
 * database one part at a time.
 */
export const LIST_STEP = { postgres: LIST_PARTS, embedded: 1 } as const;

/**
 * How the embedded database queues: in large transactions while nobody uses the site, in small ones while people
 * do. No pauses: the embedded database lets people's statements go before background work between its
 * transactions (pglite-worker.ts), so a page's statement waits for one small transaction at most, and the queue
 * uses the time the pages leave. npm run bench -- --only mail, the signed-in page under load: 2,000 at a time took
 * its p99 to 8.9× idle, 500 to 4.3×; 40 with a pause as long after each, and 150 back to back once behind a 20 s
 * schedule, held it within 1.2× but took 27.5–33.5 s to queue 100,000 (the pauses left the database idle).
 */
export const EMBEDDED_PACE = {
	/** Nobody active: large transactions. */
	idleBatch: 500,
	/** People active (foregroundActivity at least `active` statements in the last half second): small ones. */
	busyBatch: 60,
	active: 20
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
		/** Parts of the list per transaction (LIST_STEP by database). */
		listStep?: number;
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
	const listStep = options.listStep ?? (ctx.config.databaseUrl ? LIST_STEP.postgres : LIST_STEP.embedded);
	const id = Number(data.newsletterId);
	if (!Number.isSafeInteger(id)) return { status: 'gone', recipients: 0, queuedNow: 0 };
	const found = await getNewsletterForJob(ctx.db, { id });
	if (!found) return { status: 'gone', recipients: 0, queuedNow: 0 };
	const municipalityId = found.municipalityId;
	const scope = { municipalityId, regionId: found.regionId };

	// Due: scheduled → sending, under the row's lock. A run finding it sending goes on with what is left.
	const listBegun = performance.now();
	const due = await ctx.db.transaction(async (tx) => {
		const row = await lockNewsletterForSend(tx, { municipalityId, id });
		if (!row) return false;
		if (row.status === 'sending') return true;
		if (row.status !== 'scheduled') return false;
		if (row.scheduledAt && row.scheduledAt.getTime() > Date.now()) return false;
		await updateNewsletter(tx, {
			municipalityId,
			id,
			change: { status: 'sending', recipientCount: 0, listedParts: 0 }
		});
		return true;
	});
	if (!due) return { status: 'not_due', recipients: found.recipientCount ?? 0, queuedNow: 0 };

	// The list, part by part (LIST_PARTS ranges of ids), each part and the count of parts in one transaction under
	// the row's lock: written once each, by whichever run comes first. On the embedded database a part holds the
	// one connection for 1/256 of the whole (some 15 ms for 100,000).
	let recipients = 0;
	for (;;) {
		const step = await ctx.db.transaction(async (tx) => {
			const row = await lockNewsletterForSend(tx, { municipalityId, id });
			if (row?.status !== 'sending') return null;
			if (row.listedParts >= LIST_PARTS) return { done: true, recipients: row.recipientCount ?? 0 };
			const parts = Math.min(listStep, LIST_PARTS - row.listedParts);
			const added = await insertRecipients(tx, {
				municipalityId,
				newsletterId: id,
				audience: found.audience,
				scope,
				part: listPart(row.listedParts, parts)
			});
			const count = (row.recipientCount ?? 0) + added;
			await updateNewsletter(tx, {
				municipalityId,
				id,
				change: { recipientCount: count, listedParts: row.listedParts + parts }
			});
			return { done: false, recipients: count };
		});
		if (!step) return { status: 'not_due', recipients: found.recipientCount ?? 0, queuedNow: 0 };
		recipients = step.recipients;
		if (step.done) break;
	}
	// The list was just written (or a run before this one wrote it): its statistics first (takeNextRecipients).
	// Only a help to the planner: a database role that may not analyze the table still sends.
	await analyzeRecipients(ctx.db).catch((err: unknown) =>
		ctx.log.warn({ err, newsletterId: id }, 'newsletter list not analyzed')
	);

	const origin = data.origin ?? ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
	const reference = newsletterReference(id);
	let queuedNow = 0;
	// One transaction at a time: on PostgreSQL three at once queued 100,000 in 17 s instead of 25 s, but took the
	// visitors' p99 from 25 to 43 ms while they ran (npm run bench -- --only mail, 2 cores). Each turn takes the
	// newsletter's row lock, so two runs at once take turns, each going on after the other's last recipient.
	const begun = performance.now();
	const listMs = Math.round(begun - listBegun);
	const turns = { large: 0, small: 0, fixed: 0 };
	for (;;) {
		// Embedded: small turns while people are active, large ones while nobody is.
		let batchSize = fixedBatch;
		let turn: keyof typeof turns = 'fixed';
		if (paced)
			[batchSize, turn] =
				pace.activity() < pace.active ? [pace.idleBatch, 'large'] : [pace.busyBatch, 'small'];
		turns[turn] += 1;
		const done = await ctx.db.transaction(async (tx) => {
			const row = await lockNewsletterForSend(tx, { municipalityId, id });
			if (row?.status !== 'sending') return { passed: 0, queued: 0 };
			const batch = await takeNextRecipients(tx, {
				municipalityId,
				newsletterId: id,
				after: row.queuedThrough,
				limit: batchSize
			});
			const messages = batch.flatMap((r): TemplatedMail[] =>
				r.email
					? [
							{
								to: r.email,
								reference,
								municipalityId,
								template: { name: NEWSLETTER_MAIL, data: { newsletterId: id, userId: r.userId, origin } }
							}
						]
					: []
			);
			// A ledger row and a job per (newsletter:<id>, address), in this transaction (with the moved mark): the
			// ledger refuses a repeat too.
			if (messages.length > 0) await ctx.queueMails(tx, messages);
			return { passed: batch.length, queued: messages.length };
		});
		if (done.passed === 0) break;
		queuedNow += done.queued;
	}
	await ctx.db.transaction(async (tx) => {
		const row = await lockNewsletterForSend(tx, { municipalityId, id });
		if (row?.status !== 'sending') return;
		await dropGoneRecipients(tx, { municipalityId, newsletterId: id, reference });
		await updateNewsletter(tx, { municipalityId, id, change: { status: 'sent', sentAt: new Date() } });
	});
	const queueMs = Math.round(performance.now() - begun);
	ctx.log.info({ newsletterId: id, queued: queuedNow, listMs, queueMs, turns }, 'newsletter queued');
	return { status: 'sent', recipients, queuedNow };
}

/**
 * How long a newsletter is left to its own job before the hourly catch-up takes it: due this long ago and still
 * scheduled, or sending without progress (each part of the list and each turn of queueing moves its updated_at)
 * for this long. A run that is going is left alone: two at once queue each mail once, but the second has no
 * origin of a request for its links (it uses ORIGIN).
 */
export const DUE_GRACE_MINUTES = 5;

/** The hourly catch-up: newsletters whose time came without a job (JOBS=0 at the time, a lost job). */
export async function sendDueNewsletters(ctx: SendContext): Promise<number> {
	let sent = 0;
	for (const { id } of await listDueNewsletters(ctx.db, { graceMinutes: DUE_GRACE_MINUTES })) {
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

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
 * Mails queued per transaction. On the embedded database a transaction holds its one connection, so a page that
 * needs a statement meanwhile waits for all of it: there a batch is small (150: about 15 ms of statements; with
 * 2,000 a page waited up to 230 ms, with 500 the signed-in p99 went from 27 to 115 ms while queueing, with 150 to
 * 67 ms and queueing took 26 s; npm run bench -- --only mail). On PostgreSQL readers never wait for a writer, and
 * fewer, larger transactions queue faster.
 */
export const SEND_BATCH = { postgres: 2_000, embedded: 150 } as const;

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
	options: { batchSize?: number } = {}
): Promise<SendResult> {
	const batchSize = options.batchSize ?? (ctx.config.databaseUrl ? SEND_BATCH.postgres : SEND_BATCH.embedded);
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
	for (;;) {
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

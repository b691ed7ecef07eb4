// Mail delivery that can be trusted: a ledger of (message key, recipient) rows written with the mail's job,
// checked before and updated right after each hand-over to the SMTP server; a suppression list of addresses
// the server refused for good; a sending rate per municipality; jobs queued and delivered in batches.
// docs/architecture.md, "Mail delivery", says what is and is not guaranteed (the window after a 250).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import type { MailDeliveryStatus } from '$lib/server/db/schema';
import type { BatchJob, BatchResult, Jobs } from './jobs';
import type { Logger } from './log';
import {
	describeMailError,
	isAddressRefused,
	isPermanentFailure,
	isTemplatedMail,
	MAIL_JOB,
	messageIdFor,
	type MailMessage,
	type MailTemplate,
	type MailTemplateContext,
	type Mailer,
	type QueuedMail,
	type TemplatedMail
} from './mail';

/** Rows written per statement when queueing many mails (ledger rows, then their jobs). */
const QUEUE_CHUNK = 2_000;
/** Largest mail accepted for queueing: text, HTML and attachments together, in characters. */
export const MAX_MAIL_SIZE = 2_000_000;
const MAX_HEADERS = 20;
/** Largest data of a templated mail, as JSON: ids and a link's origin, never content. */
export const MAX_TEMPLATE_DATA = 2_000;
/** What templates share (MailTemplateContext.memo): entries kept per process, and for how long. */
const MEMO_ENTRIES = 64;
const MEMO_MS = 5 * 60_000;
/** Headers the platform sets itself; a message may not set them through `headers`. */
const RESERVED_HEADERS = new Set([
	'from',
	'to',
	'cc',
	'bcc',
	'subject',
	'sender',
	'date',
	'message-id',
	'return-path',
	'mime-version',
	'content-type',
	'content-transfer-encoding',
	'x-meedoen-reference'
]);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const ADDRESS = /^[^\s@<>,;:"()[\]\\]{1,64}@[^\s@<>,;:"()[\]\\]{1,190}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A mail refused before anything was queued: programming input the platform will not put on the wire. */
export class MailRejectedError extends Error {
	constructor(
		readonly reason:
			'address' | 'subject' | 'header' | 'size' | 'reference' | 'attachment' | 'municipality' | 'template',
		detail: string
	) {
		super(`mail refused (${reason}): ${detail}`);
		this.name = 'MailRejectedError';
	}
}

/** Checks the address, message key and municipality of a mail, whole or templated. */
function checkEnvelope(message: { to: unknown; reference?: unknown; municipalityId?: unknown }): void {
	if (typeof message.to !== 'string' || message.to.length > 254 || !ADDRESS.test(message.to.trim()))
		throw new MailRejectedError('address', 'not one plain address');
	if (
		message.reference !== undefined &&
		(typeof message.reference !== 'string' ||
			message.reference.length === 0 ||
			message.reference.length > 300 ||
			CONTROL.test(message.reference))
	)
		throw new MailRejectedError('reference', 'empty, control characters or longer than 300');
	if (
		message.municipalityId !== undefined &&
		(typeof message.municipalityId !== 'string' || !UUID.test(message.municipalityId))
	)
		throw new MailRejectedError('municipality', 'not a uuid');
}

/**
 * Checks a templated mail before it is queued: its envelope (checkEnvelope), a message key, a template this
 * installation has, and at most MAX_TEMPLATE_DATA characters of plain values (no control characters). The
 * rendered mail is checked as a whole one when it is sent.
 */
export function checkTemplatedMail(
	message: TemplatedMail,
	templates: ReadonlyMap<string, MailTemplate>
): void {
	checkEnvelope(message);
	if (message.reference === undefined) throw new MailRejectedError('reference', 'a templated mail needs one');
	const { name, data } = message.template ?? {};
	if (typeof name !== 'string' || !templates.has(name))
		throw new MailRejectedError('template', `no template ${JSON.stringify(String(name).slice(0, 80))}`);
	if (typeof data !== 'object' || data === null || JSON.stringify(data).length > MAX_TEMPLATE_DATA)
		throw new MailRejectedError('template', `data missing or longer than ${MAX_TEMPLATE_DATA}`);
	for (const value of Object.values(data))
		if (!(typeof value === 'number' || (typeof value === 'string' && !CONTROL.test(value))))
			throw new MailRejectedError(
				'template',
				'data values must be numbers or text without control characters'
			);
}

/**
 * Checks a message before it is queued: one plain address, a subject and header values without line breaks
 * or other control characters (header injection), header names of letters, digits and dashes that are not
 * the platform's own, attachments' file names, content types (with their parameters) and content ids without
 * control characters, and a size within MAX_MAIL_SIZE. Throws MailRejectedError.
 */
export function checkMailMessage(message: MailMessage): void {
	checkEnvelope(message);
	if (typeof message.subject !== 'string' || message.subject.length > 500 || CONTROL.test(message.subject))
		throw new MailRejectedError('subject', 'line breaks, control characters or longer than 500');
	const headers = Object.entries(message.headers ?? {});
	if (headers.length > MAX_HEADERS) throw new MailRejectedError('header', `more than ${MAX_HEADERS}`);
	for (const [name, value] of headers) {
		if (!/^[A-Za-z][A-Za-z0-9-]{0,75}$/.test(name) || RESERVED_HEADERS.has(name.toLowerCase()))
			throw new MailRejectedError('header', `name not allowed: ${JSON.stringify(name.slice(0, 80))}`);
		if (typeof value !== 'string' || value.length > 2_000 || CONTROL.test(value))
			throw new MailRejectedError('header', `value of ${name}: line breaks or control characters`);
	}
	let size = String(message.text ?? '').length + String(message.html ?? '').length;
	for (const a of message.attachments ?? []) {
		if (
			typeof a.filename !== 'string' ||
			a.filename.length > 200 ||
			CONTROL.test(a.filename) ||
			typeof a.contentType !== 'string' ||
			!/^[\w.+-]+\/[\w.+-]+(;[^\r\n]{0,200})?$/.test(a.contentType) ||
			CONTROL.test(a.contentType) ||
			(a.cid !== undefined && (typeof a.cid !== 'string' || a.cid.length > 200 || CONTROL.test(a.cid)))
		)
			throw new MailRejectedError('attachment', 'file name, content type or content id not allowed');
		size += String(a.content ?? '').length;
	}
	if (typeof message.text !== 'string' || size > MAX_MAIL_SIZE)
		throw new MailRejectedError('size', `no text, or larger than ${MAX_MAIL_SIZE} characters`);
}

/**
 * The whole mail: a templated one rendered now and checked as any queued mail (checkMailMessage), or the
 * reason it cannot be (no such template, what it was about is gone, the rendered mail fails the checks). A
 * template that throws (the database away) throws here, so the mail is retried.
 */
export async function renderQueuedMail(
	message: QueuedMail,
	templates: ReadonlyMap<string, MailTemplate>,
	ctx: MailTemplateContext
): Promise<MailMessage | string> {
	if (!isTemplatedMail(message)) return message;
	const template = templates.get(message.template.name);
	if (!template) return `no template ${message.template.name}`;
	const content = await template(ctx, { to: message.to, data: message.template.data });
	if (!content) return `not rendered: ${message.template.name} is gone`;
	const mail: MailMessage = {
		...content,
		to: message.to,
		reference: message.reference,
		municipalityId: message.municipalityId
	};
	try {
		checkMailMessage(mail);
	} catch (err) {
		if (err instanceof MailRejectedError) return err.message;
		throw err;
	}
	return mail;
}

/** Spaces sends out: at most `perSecond` in all (0: no limit), and per municipality its own rate. */
export function createRateLimiter(perSecond: number, perMunicipality: ReadonlyMap<string, number>) {
	const next = new Map<string, number>();
	const slot = (key: string, rate: number, earliest: number) => {
		if (!rate) return earliest;
		const at = Math.max(earliest, next.get(key) ?? 0);
		next.set(key, at + 1000 / rate);
		return at;
	};
	return async (municipalityId: string | undefined) => {
		const now = Date.now();
		const own = municipalityId ? (perMunicipality.get(municipalityId) ?? 0) : 0;
		const at = slot('*', perSecond, slot(municipalityId ?? '-', own, now));
		if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
	};
}

export interface MailDeliveryOptions {
	db: Db;
	jobs: Jobs;
	mailer: Mailer;
	log: Logger;
	/** The sender, for the Message-ID's domain. */
	from: string;
	/** Mails per second for the whole installation (per process); 0: no limit. */
	ratePerSecond: number;
	/** Mails per second for a municipality (by id), within the global rate. */
	municipalityRates: ReadonlyMap<string, number>;
	/** Deliver right away instead of through the job queue (JOBS=0): the ledger and suppressions still apply. */
	deliverNow: boolean;
	/**
	 * The envelope sender of the mail whose ledger row has this id (VERP, mail-bounces.ts), so a late bounce
	 * names its delivery; absent: the envelope sender is `from` (MAIL_BOUNCE_DOMAIN unset).
	 */
	bounceAddress?: (deliveryId: number) => string;
	/** Mails handed to the SMTP server at the same time: the pool's connections (SMTP_POOL_SIZE); default 5. */
	concurrency?: number;
	/** Jobs of the mail queue: retries (JOB_RETRY unless given; pg-boss's back-off) and expiry after a crash. */
	retryLimit?: number;
	retryDelaySeconds?: number;
	expireSeconds?: number;
	/** The features' mail templates by name (`mailTemplates` in their manifests), for templated mails. */
	templates?: ReadonlyMap<string, MailTemplate>;
}

export interface MailDelivery {
	/**
	 * Queues mails: a ledger row and a job for each (message key, recipient) not queued before, in `tx` when
	 * given (they exist exactly when it commits), else in a transaction of their own. Checks every message
	 * first (checkMailMessage, checkTemplatedMail): one refused message queues none. Returns how many were new.
	 */
	queueMails(tx: Db | null, messages: readonly QueuedMail[]): Promise<{ queued: number; skipped: number }>;
	/** The mail job's worker: delivers a batch, records each result as soon as the server answered. */
	handleBatch(jobs: BatchJob<QueuedMail>[]): Promise<BatchResult>;
	/** Mails fetched per batch. */
	batchSize: number;
	/** Mails handed to the SMTP server at once: the most that a crash can send twice. */
	concurrency: number;
}

/** A mail with its ledger key: the message key and the recipient's address, trimmed and lower-cased once. */
interface Ledgered {
	message: QueuedMail & { reference: string };
	key: string;
	recipient: string;
}

function ledgered(message: QueuedMail, fallbackKey: () => string): Ledgered {
	const to = message.to.trim();
	const key = message.reference ?? fallbackKey();
	return { message: { ...message, to, reference: key }, key, recipient: to.toLowerCase() };
}

/** MailTemplateContext's memo: a few entries per process, each kept MEMO_MS; a rejected load is dropped. */
function createMemo(): MailTemplateContext['memo'] {
	const entries = new Map<string, { at: number; value: Promise<unknown> }>();
	return <T>(key: string, load: () => Promise<T>): Promise<T> => {
		const now = Date.now();
		const kept = entries.get(key);
		if (kept && now - kept.at < MEMO_MS) return kept.value as Promise<T>;
		entries.delete(key);
		while (entries.size >= MEMO_ENTRIES) entries.delete(entries.keys().next().value!);
		const value = load();
		entries.set(key, { at: now, value });
		value.catch(() => entries.get(key)?.value === value && entries.delete(key));
		return value;
	};
}

export function createMailDelivery(options: MailDeliveryOptions): MailDelivery {
	const { db, jobs, mailer, log } = options;
	const templates = options.templates ?? new Map<string, MailTemplate>();
	const templateContext: MailTemplateContext = { db, memo: createMemo() };
	const limit = createRateLimiter(options.ratePerSecond, options.municipalityRates);
	const lowest = Math.min(
		...[options.ratePerSecond, ...options.municipalityRates.values()].filter((r) => r > 0),
		Infinity
	);
	const expireSeconds = options.expireSeconds ?? 300;
	const concurrency = Math.max(1, options.concurrency ?? 5);
	// A batch must be sent well within its jobs' expiry, or they are taken for dead and retried while it runs.
	const batchSize = Math.max(
		1,
		Math.min(100, Number.isFinite(lowest) ? Math.floor((lowest * expireSeconds) / 5) : 100)
	);

	async function record(
		dbh: Db,
		key: string,
		recipient: string,
		status: MailDeliveryStatus,
		error: string | null,
		attempted: boolean
	) {
		await dbh.execute(
			sql`UPDATE mail_deliveries SET status = ${status}, last_error = ${error},
				attempts = attempts + ${attempted ? 1 : 0}, updated_at = now(),
				sent_at = CASE WHEN ${status} = 'sent' THEN now() ELSE sent_at END
				WHERE message_key = ${key} AND recipient = ${recipient}`
		);
	}

	/** Sends one mail whose ledger row (`deliveryId`) says `queued`; returns the error to retry with, if any. */
	async function sendOne(
		dbh: Db,
		{ message, key, recipient }: Ledgered,
		row: { id: number; suppressed: boolean },
		lastTry: boolean
	): Promise<string | null> {
		const { suppressed } = row;
		if (suppressed && !('requestedByRecipient' in message && message.requestedByRecipient)) {
			await record(dbh, key, recipient, 'suppressed', null, false);
			return null;
		}
		const mail = await rendered(dbh, message);
		if (typeof mail === 'string') {
			// Its content is gone or would not pass the checks: trying again changes nothing.
			await record(dbh, key, recipient, 'failed', mail, false);
			log.warn({ mail: { key, error: mail } }, 'templated mail not rendered; not retried');
			return null;
		}
		await limit(message.municipalityId);
		try {
			await mailer.deliver(mail, {
				messageId: messageIdFor(options.from, key, recipient),
				envelopeFrom: options.bounceAddress?.(Number(row.id))
			});
		} catch (err) {
			const error = describeMailError(err);
			if (isAddressRefused(err)) {
				await suppressMailAddress(dbh, { address: recipient, reason: error });
				await record(dbh, key, recipient, 'bounced', error, true);
				log.warn({ mail: { key, error } }, 'mail refused for good; address suppressed');
				return null;
			}
			if (isPermanentFailure(err)) {
				// This mail refused (its content, its size), not the address: not retried, the address kept.
				await record(dbh, key, recipient, 'failed', error, true);
				log.warn({ mail: { key, error } }, 'mail refused for good; not retried');
				return null;
			}
			await record(dbh, key, recipient, lastTry ? 'failed' : 'queued', error, true);
			log.warn({ mail: { key, error, lastTry } }, 'mail not delivered; retried later');
			return error;
		}
		// Recorded as soon as the server took it: a crash after this line sends nothing twice.
		await record(dbh, key, recipient, 'sent', null, true);
		return null;
	}

	// In the caller's transaction when there is one (JOBS=0 sends at once, and PGlite has one connection).
	const rendered = (dbh: Db, message: QueuedMail) =>
		renderQueuedMail(message, templates, { ...templateContext, db: dbh });

	/** The ledger rows (and suppression) of these mails, keyed `key\nrecipient`. */
	async function ledgerOf(dbh: Db, items: { key: string; recipient: string }[]) {
		const rows = await executeRows<{
			id: number;
			message_key: string;
			recipient: string;
			status: string;
			suppressed: boolean;
		}>(
			dbh,
			sql`SELECT d.id, d.message_key, d.recipient, d.status, s.address IS NOT NULL AS suppressed
				FROM jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ k: i.key, r: i.recipient })))}::jsonb)
					AS x(k text, r text)
				JOIN mail_deliveries d ON d.message_key = x.k AND d.recipient = x.r
				LEFT JOIN mail_suppressions s ON s.address = x.r`
		);
		return new Map(rows.map((r) => [`${r.message_key}\n${r.recipient}`, r]));
	}

	/** Writes the ledger rows of new (key, recipient) pairs and returns the messages that were new. */
	async function insertLedger(tx: Db, chunk: Ledgered[]): Promise<Ledgered[]> {
		const rows = JSON.stringify(
			chunk.map((m) => ({ k: m.key, r: m.recipient, m: m.message.municipalityId ?? null }))
		);
		const inserted = await executeRows<{ message_key: string; recipient: string }>(
			tx,
			sql`INSERT INTO mail_deliveries (message_key, recipient, municipality_id)
				SELECT k, r, m::uuid FROM jsonb_to_recordset(${rows}::jsonb) AS x(k text, r text, m text)
				ON CONFLICT DO NOTHING
				RETURNING message_key, recipient`
		);
		const fresh = new Set(inserted.map((r) => `${r.message_key}\n${r.recipient}`));
		return chunk.filter((m) => fresh.has(`${m.key}\n${m.recipient}`));
	}

	async function queueMails(tx: Db | null, messages: readonly QueuedMail[]) {
		for (const message of messages)
			if (isTemplatedMail(message)) checkTemplatedMail(message, templates);
			else checkMailMessage(message);
		const seen = new Set<string>();
		const prepared: Ledgered[] = [];
		for (const message of messages) {
			const mail = ledgered(message, () => `job:${randomUUID()}`);
			const pair = `${mail.key}\n${mail.recipient}`;
			if (seen.has(pair)) continue;
			seen.add(pair);
			prepared.push(mail);
		}
		let queued = 0;
		const fresh: Ledgered[] = [];
		const run = async (t: Db) => {
			for (let i = 0; i < prepared.length; i += QUEUE_CHUNK) {
				const chunk = await insertLedger(t, prepared.slice(i, i + QUEUE_CHUNK));
				queued += chunk.length;
				if (options.deliverNow) fresh.push(...chunk);
				else
					await jobs.insert(
						MAIL_JOB,
						// A mail the person waits for (a login link) goes before a newsletter's thousands.
						chunk.map(({ message }) => ({
							data: message,
							priority: 'requestedByRecipient' in message && message.requestedByRecipient ? 10 : 0
						})),
						// Retried as every job is (JOB_RETRY) unless the options say otherwise.
						{
							tx: t,
							retryLimit: options.retryLimit,
							retryDelay: options.retryDelaySeconds,
							expireInSeconds: expireSeconds
						}
					);
			}
		};
		if (tx) await run(tx);
		else await db.transaction(run);
		// Without the job system the mail goes out now, as the caller waits (a development installation).
		const dbh = tx ?? db;
		const ledger = fresh.length > 0 ? await ledgerOf(dbh, fresh) : new Map();
		for (const mail of fresh) {
			const row = ledger.get(`${mail.key}\n${mail.recipient}`);
			if (!row) continue;
			const error = await sendOne(dbh, mail, row, true);
			if (error) throw new Error(`mail not delivered: ${error}`);
		}
		return { queued, skipped: messages.length - queued };
	}

	async function handleBatch(batch: BatchJob<QueuedMail>[]): Promise<BatchResult> {
		const items = batch.map((job) => ({ job, ...ledgered(job.data, () => `job:${job.id}`) }));
		const ledger = await ledgerOf(db, items);
		const failed: BatchResult['failed'] = [];
		let sent = 0;
		// Halfway through the jobs' expiry the lanes take no new mail: the rest fail and are retried, so the
		// jobs are never taken for dead while their batch still runs (a started mail ends within SMTP_TIMEOUTS).
		const stopTakingAt = Date.now() + (expireSeconds * 1000) / 2;
		// As many lanes as SMTP connections, each sending one mail and recording it before taking the next: so
		// at most `concurrency` mails are ever between the server's 250 and their ledger row.
		let next = 0;
		const lane = async () => {
			while (next < items.length) {
				const item = items[next++]!;
				const row = ledger.get(`${item.key}\n${item.recipient}`);
				// No row: the person's account was deleted (the row went with it), so nothing is sent.
				if (!row || row.status !== 'queued') continue;
				const lastTry = item.job.retryCount >= item.job.retryLimit;
				if (Date.now() >= stopTakingAt) {
					const error = 'not sent: the batch ran out of time';
					if (lastTry)
						await record(db, item.key, item.recipient, 'failed', error, false).catch((err: unknown) =>
							log.error({ err, mail: { key: item.key } }, 'mail ledger not updated')
						);
					failed.push({ id: item.job.id, error });
					continue;
				}
				// One mail's trouble (its ledger update failing) is that mail's: it is retried, the lane goes on.
				try {
					const error = await sendOne(db, item, row, lastTry);
					if (error) failed.push({ id: item.job.id, error });
					else sent++;
				} catch (err) {
					log.error({ err, mail: { key: item.key } }, 'mail delivery failed');
					// The database's own reason (drizzle wraps it with the whole statement).
					const reason = describeMailError((err as { cause?: unknown })?.cause ?? err);
					failed.push({ id: item.job.id, error: `not delivered or not recorded: ${reason}` });
				}
			}
		};
		// Every lane has finished its own mail before the batch's result goes back (and the next batch comes).
		await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
		log.debug({ mail: { batch: batch.length, sent, failed: failed.length } }, 'mail batch done');
		return { failed };
	}

	return { queueMails, handleBatch, batchSize, concurrency };
}

/** Stops all mail to an address (lower-cased) until liftMailSuppression; a second refusal keeps the first date. */
export async function suppressMailAddress(db: Db, params: { address: string; reason: string }) {
	await db.execute(
		sql`INSERT INTO mail_suppressions (address, reason) VALUES (${params.address.trim().toLowerCase()}, ${params.reason.slice(0, 300)})
			ON CONFLICT (address) DO UPDATE SET reason = excluded.reason`
	);
}

/** The person confirmed this address again (a mailed link used, a verified login): mail may go to it again. */
export async function liftMailSuppression(db: Db, params: { address: string }) {
	await db.execute(sql`DELETE FROM mail_suppressions WHERE address = ${params.address.trim().toLowerCase()}`);
}

/** Whether mail to this address is suppressed, and why. */
export async function getMailSuppression(db: Db, params: { address: string }) {
	const [row] = await executeRows<{ reason: string; since: Date }>(
		db,
		sql`SELECT reason, since FROM mail_suppressions WHERE address = ${params.address.trim().toLowerCase()}`
	);
	return row;
}

/** How the mails with this key fared: counts per status (a newsletter's sent, failed and bounced). */
export async function countMailDeliveries(
	db: Db,
	params: { messageKey: string }
): Promise<Record<MailDeliveryStatus, number>> {
	const rows = await executeRows<{ status: MailDeliveryStatus; n: number }>(
		db,
		sql`SELECT status, count(*)::int AS n FROM mail_deliveries WHERE message_key = ${params.messageKey} GROUP BY status`
	);
	const counts = { queued: 0, sent: 0, failed: 0, bounced: 0, suppressed: 0 };
	for (const row of rows) counts[row.status] = Number(row.n);
	return counts;
}

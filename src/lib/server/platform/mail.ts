// Mail goes out over SMTP; without SMTP_URL it is written as .eml files so a newcomer can read it.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import { JOB_SCHEMA } from './jobs';
import type { Logger } from './log';

/** The job that delivers a queued mail; its data is the MailMessage. */
export const MAIL_JOB = 'mail.send';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/**
	 * The message key: with the recipient it names one delivery in the ledger (mail_deliveries), so queueing
	 * the same key to the same address twice sends it once. Give a stable one (`newsletter:42`,
	 * `event.reminder:7:2026-12-06`); without it the mail gets a fresh key of its own (`job:<uuid>`).
	 */
	reference?: string;
	/** Files sent with the mail, as text (the message is queued as JSON): an event's .ics invitation. */
	attachments?: MailAttachment[];
	/**
	 * Extra headers, such as RFC 8058's List-Unsubscribe and List-Unsubscribe-Post on mail a person can
	 * turn off. checkMailMessage (mail-delivery.ts) allows names of letters, digits and dashes that are not the
	 * platform's own, and values of plain text without line breaks or other control characters.
	 */
	headers?: Record<string, string>;
	/** The municipality the mail is sent for (its look, its sending rate); none for region-wide mail. */
	municipalityId?: string;
	/**
	 * The recipient asked for this mail just now (a login link, the link that confirms an address): it goes
	 * out even to a suppressed address, since it is how the person confirms that address again.
	 */
	requestedByRecipient?: boolean;
}

/**
 * A mail that is rendered when it is sent, not when it is queued: its job carries who and which template with
 * a few small values (a newsletter's id and the person's), not the whole mail, so queueing 100,000 of them
 * writes kilobytes, not a gigabyte. A feature declares the template (`mailTemplates` in its manifest); the
 * ledger and every check apply to the rendered mail as to any other.
 */
export interface TemplatedMail {
	to: string;
	/** The message key, as MailMessage's: required here, since the template's mails are one message. */
	reference: string;
	municipalityId?: string;
	template: { name: string; data: Readonly<Record<string, string | number>> };
}

/** What a job of the mail queue carries: a whole mail, or one to render at sending. */
export type QueuedMail = MailMessage | TemplatedMail;

export function isTemplatedMail(mail: QueuedMail): mail is TemplatedMail {
	return 'template' in mail && mail.template !== undefined;
}

/** What a template is given: the database, the settings, and a cache for what all its mails share. */
export interface MailTemplateContext {
	db: Db;
	/**
	 * What `load` gives for `key`, loaded once and kept a few minutes in this process (a newsletter's rendered
	 * content for its 100,000 mails); a failed load is not kept.
	 */
	memo<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Renders one mail of a template: subject, text, HTML and headers (the address, key and municipality are the
 * queued mail's). null when what it was about is gone (the mail is then recorded failed, not retried).
 */
export type MailTemplate = (
	ctx: MailTemplateContext,
	mail: { to: string; data: Readonly<Record<string, string | number>> }
) => Promise<Omit<MailMessage, 'to' | 'reference' | 'municipalityId'> | null>;

export interface MailAttachment {
	filename: string;
	/** The whole file as text (UTF-8), or as base64 with `encoding: 'base64'` (an image). */
	content: string;
	contentType: string;
	encoding?: 'base64';
	/** Content-ID of an image the HTML part shows inline (`<img src="cid:…">`). */
	cid?: string;
}

export interface Mailer {
	/** Hands the mail to the SMTP server (or writes the file); `messageId` is the Message-ID header to use. */
	deliver(
		message: MailMessage,
		options?: { messageId?: string; envelopeFrom?: string }
	): Promise<{ messageId: string; file?: string }>;
	/**
	 * Deletes what this mailer kept of the mail to these addresses: without SMTP the .eml files written to them;
	 * over SMTP nothing is kept here (it is with the mail server and the recipient). Returns how many it deleted.
	 */
	forget(addresses: readonly string[]): Promise<number>;
	close(): void;
}

/** The recipients of a written .eml file, lower-cased, from its To, Cc and Bcc headers. */
export function recipientsOfEml(eml: string): string[] {
	const head = (eml.split(/\r?\n\r?\n/, 1)[0] ?? '').replace(/\r?\n[ \t]+/g, ' ');
	const found: string[] = [];
	for (const line of head.split(/\r?\n/)) {
		const header = /^(?:to|cc|bcc):(.*)$/i.exec(line);
		if (header)
			for (const [address] of header[1]!.matchAll(/[^\s<>,;"]+@[^\s<>,;"]+/g))
				found.push(address.toLowerCase());
	}
	return found;
}

/** The domain of the sender's address, for Message-IDs. */
function senderDomain(from: string): string {
	return /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? 'meedoen.localhost';
}

/**
 * The Message-ID of the mail with this key to this recipient: the same on every attempt and in every process,
 * so a receiver that sees it twice (a crash between the server's 250 and the ledger's commit) can drop one.
 */
export function messageIdFor(from: string, key: string, recipient: string): string {
	const hash = createHash('sha256').update(`${key}\n${recipient.toLowerCase()}`).digest('hex').slice(0, 40);
	return `<${hash}@${senderDomain(from)}>`;
}

/**
 * Whether an SMTP error refuses the mail for good, so it is not retried: a 5xx on RCPT TO or DATA. A 5xx on
 * MAIL FROM or AUTH is this installation's problem (sender, credentials), not the mail's, and is retried.
 */
export function isPermanentFailure(err: unknown): boolean {
	const e = err as { responseCode?: number; command?: string };
	if (typeof e?.responseCode !== 'number' || e.responseCode < 500 || e.responseCode > 599) return false;
	const command = (e.command ?? '').toUpperCase();
	return command.startsWith('RCPT') || command === 'DATA';
}

/**
 * Whether a permanent failure says the address itself is no good, so no mail should go to it again: a 5xx on
 * RCPT TO, or on DATA only with an enhanced status code 5.1.x (addressing: no such mailbox). Other refusals at
 * DATA (5.7.1 policy or spam, 5.3.4 too large, no enhanced code at all) are about this mail, not the address.
 */
export function isAddressRefused(err: unknown): boolean {
	if (!isPermanentFailure(err)) return false;
	const e = err as { command?: string; response?: string };
	if ((e.command ?? '').toUpperCase().startsWith('RCPT')) return true;
	return /^5\d\d[ -]5\.1\.\d{1,3}\b/.test(e.response ?? '');
}

/** A short description of a delivery error for the ledger: the SMTP code and reply, never the SMTP URL. */
export function describeMailError(err: unknown): string {
	const e = err as {
		responseCode?: number;
		command?: string;
		code?: string;
		response?: string;
		message?: string;
	};
	const parts = [e?.responseCode, e?.command, e?.code, e?.response ?? e?.message]
		.filter((p) => p !== undefined && p !== '')
		.map(String);
	return parts
		.join(' ')
		.replace(/[a-z]+s?:\/\/[^\s]*/gi, '[url]')
		.replace(/[\r\n]+/g, ' ')
		.slice(0, 300);
}

function envelope(
	from: string,
	message: MailMessage,
	options?: { messageId?: string; envelopeFrom?: string }
) {
	return {
		from,
		messageId: options?.messageId,
		// What nodemailer would choose for Dutch text anyway, without counting every letter of every part to
		// decide (a regular expression building an array per letter: about a tenth of a mail's CPU in the bench).
		textEncoding: 'quoted-printable' as const,
		// The SMTP envelope's sender (MAIL FROM, the Return-Path) where bounces go; the From header stays.
		...(options?.envelopeFrom ? { envelope: { from: options.envelopeFrom, to: message.to } } : {}),
		to: message.to,
		subject: message.subject,
		text: message.text,
		html: message.html,
		attachments: message.attachments?.map((a) => ({
			filename: a.filename,
			content: a.content,
			contentType: a.contentType,
			...(a.encoding ? { encoding: a.encoding } : {}),
			...(a.cid ? { cid: a.cid } : {})
		})),
		headers: {
			...message.headers,
			...(message.reference ? { 'X-Meedoen-Reference': message.reference } : {})
		}
	};
}

/**
 * How long one hand-over may hang, in ms (nodemailer's defaults are 2 minutes to connect and 10 minutes of
 * silence): to connect, for the server's greeting, and of silence on an open connection. So a mail a lane has
 * started ends, sent or failed, within about 50 s, and a batch stays well within its jobs' expiry
 * (mail-delivery.ts stops taking new mails halfway through it).
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * The transport options of an SMTP URL with a pool of connections (unless the URL's own query says otherwise),
 * each reused for any number of mails, and each with Nagle's algorithm off: nodemailer writes a mail's end
 * in a small packet, which otherwise waits for the server's delayed ACK (40 ms a mail per connection).
 */
export function pooledSmtpOptions(smtpUrl: string, maxConnections: number): SMTPPool.Options {
	const options = parseConnectionUrl(smtpUrl) as SMTPPool.Options;
	const merged: SMTPPool.Options = {
		maxConnections,
		maxMessages: Infinity,
		...SMTP_TIMEOUTS,
		...options
	};
	return {
		...merged,
		pool: true,
		getSocket(socketOptions, callback) {
			const port = socketOptions.port ?? (socketOptions.secure ? 465 : 587);
			const socket = net.connect({ host: socketOptions.host ?? 'localhost', port });
			socket.setNoDelay(true);
			// nodemailer's own connection timeout starts only once it has the socket: this one covers the connect.
			socket.setTimeout(merged.connectionTimeout ?? SMTP_TIMEOUTS.connectionTimeout, () =>
				socket.destroy(Object.assign(new Error('Connection timeout'), { code: 'ETIMEDOUT' }))
			);
			socket.once('error', (err) => callback(err, undefined));
			socket.once('connect', () => {
				socket.setTimeout(0);
				callback(null, { connection: socket });
			});
		}
	};
}

export function createMailer(options: {
	smtpUrl?: string;
	from: string;
	dataDir: string;
	log: Logger;
	/** Connections kept open to the SMTP server (nodemailer's pool); default 5. */
	maxConnections?: number;
}): Mailer {
	const { log } = options;
	if (options.smtpUrl) {
		const transport = nodemailer.createTransport(
			pooledSmtpOptions(options.smtpUrl, options.maxConnections ?? 5)
		);
		return {
			async deliver(message, deliverOptions) {
				const info = await transport.sendMail(envelope(options.from, message, deliverOptions));
				log.debug({ mail: { subject: message.subject, messageId: info.messageId } }, 'mail sent');
				return { messageId: info.messageId };
			},
			forget: async () => 0,
			close: () => transport.close()
		};
	}
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	const folder = path.resolve(options.dataDir, 'mail');
	return {
		async deliver(message, deliverOptions) {
			const info = await transport.sendMail(envelope(options.from, message, deliverOptions));
			await mkdir(folder, { recursive: true });
			const stamp = new Date().toISOString().replace(/[:.]/g, '-');
			const file = path.join(folder, `${stamp}-${info.messageId.replace(/[^a-zA-Z0-9.-]/g, '')}.eml`);
			await writeFile(file, info.message as Buffer);
			log.info({ mail: { subject: message.subject, file } }, `mail written to file: ${message.subject}`);
			return { messageId: info.messageId, file };
		},
		async forget(addresses) {
			const wanted = new Set(addresses.map((a) => a.toLowerCase()));
			if (wanted.size === 0) return 0;
			const files = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
				if (err.code === 'ENOENT') return [] as string[];
				throw err;
			});
			let deleted = 0;
			for (const name of files.filter((f) => f.endsWith('.eml'))) {
				const file = path.join(folder, name);
				if (!recipientsOfEml(await readFile(file, 'utf8')).some((r) => wanted.has(r))) continue;
				await unlink(file);
				deleted += 1;
			}
			if (deleted > 0) log.info({ mail: { deleted } }, 'mail files of a deleted account removed');
			return deleted;
		},
		close: () => transport.close()
	};
}

/**
 * Forgets every mail to these addresses: their rows in the delivery ledger and the suppression list, and their
 * jobs in the queue, waiting, being retried, sent, failed or archived (pg-boss keeps finished jobs for days).
 * A job fetched after the deletion finds no ledger row and sends nothing; one already being sent may
 * still send its mail. Deleting an account calls it in its transaction. Without the job
 * system's tables (JOBS=0, before its first start) there is nothing to forget.
 */
export async function forgetMailTo(db: Db, addresses: readonly string[]): Promise<void> {
	if (addresses.length === 0) return;
	const [found] = await executeRows<{ jobs: boolean }>(
		db,
		sql`SELECT to_regclass(${`${JOB_SCHEMA}.job`}) IS NOT NULL AND to_regclass(${`${JOB_SCHEMA}.archive`}) IS NOT NULL AS jobs`
	);
	const lowered = JSON.stringify(addresses.map((a) => a.toLowerCase()));
	// The ledger and the suppression list name the addresses too (they are created by the migrations).
	await db.execute(
		sql`DELETE FROM mail_deliveries WHERE recipient IN (SELECT jsonb_array_elements_text(${lowered}::jsonb))`
	);
	await db.execute(
		sql`DELETE FROM mail_suppressions WHERE address IN (SELECT jsonb_array_elements_text(${lowered}::jsonb))`
	);
	if (!found?.jobs) return;
	for (const table of ['job', 'archive'])
		await db.execute(
			sql`DELETE FROM ${sql.identifier(JOB_SCHEMA)}.${sql.identifier(table)}
				WHERE name = ${MAIL_JOB}
					AND lower(data->>'to') IN (SELECT jsonb_array_elements_text(${lowered}::jsonb))`
		);
}

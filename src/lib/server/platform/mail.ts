// Mail goes out over SMTP; without SMTP_URL it is written as .eml files so a newcomer can read it.
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
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
	/** Stable id for idempotent retries and for tracing a mail to its cause. */
	reference?: string;
	/** Files sent with the mail, as text (the message is queued as JSON): an event's .ics invitation. */
	attachments?: MailAttachment[];
	/**
	 * Extra headers, such as RFC 8058's List-Unsubscribe and List-Unsubscribe-Post on mail a person can
	 * turn off. Header names are checked by nodemailer; values are plain text.
	 */
	headers?: Record<string, string>;
	/** The municipality the mail is sent for (its look, its sending rate); none for region-wide mail. */
	municipalityId?: string;
}

export interface MailAttachment {
	filename: string;
	/** The whole file as text (UTF-8). */
	content: string;
	contentType: string;
}

export interface Mailer {
	deliver(message: MailMessage): Promise<{ messageId: string; file?: string }>;
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

function envelope(from: string, message: MailMessage) {
	return {
		from,
		to: message.to,
		subject: message.subject,
		text: message.text,
		html: message.html,
		attachments: message.attachments?.map((a) => ({
			filename: a.filename,
			content: a.content,
			contentType: a.contentType
		})),
		headers: {
			...message.headers,
			...(message.reference ? { 'X-Meedoen-Reference': message.reference } : {})
		}
	};
}

export function createMailer(options: {
	smtpUrl?: string;
	from: string;
	dataDir: string;
	log: Logger;
}): Mailer {
	const { log } = options;
	if (options.smtpUrl) {
		const transport = nodemailer.createTransport(options.smtpUrl);
		return {
			async deliver(message) {
				const info = await transport.sendMail(envelope(options.from, message));
				log.info({ mail: { subject: message.subject, messageId: info.messageId } }, 'mail sent');
				return { messageId: info.messageId };
			},
			forget: async () => 0,
			close: () => transport.close()
		};
	}
	const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
	const folder = path.resolve(options.dataDir, 'mail');
	return {
		async deliver(message) {
			const info = await transport.sendMail(envelope(options.from, message));
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
 * Forgets every mail to these addresses in the job queue: waiting, being retried, sent, failed or archived
 * (pg-boss keeps finished jobs for days). Deleting an account calls it in its transaction. Without the job
 * system's tables (JOBS=0, before its first start) there is nothing to forget.
 */
export async function forgetMailTo(db: Db, addresses: readonly string[]): Promise<void> {
	if (addresses.length === 0) return;
	const [found] = await executeRows<{ jobs: boolean }>(
		db,
		sql`SELECT to_regclass(${`${JOB_SCHEMA}.job`}) IS NOT NULL AND to_regclass(${`${JOB_SCHEMA}.archive`}) IS NOT NULL AS jobs`
	);
	if (!found?.jobs) return;
	const lowered = JSON.stringify(addresses.map((a) => a.toLowerCase()));
	for (const table of ['job', 'archive'])
		await db.execute(
			sql`DELETE FROM ${sql.identifier(JOB_SCHEMA)}.${sql.identifier(table)}
				WHERE name = ${MAIL_JOB}
					AND lower(data->>'to') IN (SELECT jsonb_array_elements_text(${lowered}::jsonb))`
		);
}

// Mail goes out over SMTP; without SMTP_URL it is written as .eml files so a newcomer can read it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from './log';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
	html?: string;
	/** Stable id for idempotent retries and for tracing a mail to its cause. */
	reference?: string;
}

export interface Mailer {
	deliver(message: MailMessage): Promise<{ messageId: string; file?: string }>;
	close(): void;
}

function envelope(from: string, message: MailMessage) {
	return {
		from,
		to: message.to,
		subject: message.subject,
		text: message.text,
		html: message.html,
		headers: message.reference ? { 'X-Meedoen-Reference': message.reference } : undefined
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
		close: () => transport.close()
	};
}

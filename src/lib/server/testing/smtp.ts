// A real SMTP server for tests: it accepts every mail on a free local port and keeps it in memory.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface CaughtMail {
	from: string;
	to: string[];
	raw: string;
	/** The raw message with quoted-printable undone, so links and Dutch text can be searched. */
	decoded: string;
}

function decodeQuotedPrintable(raw: string): string {
	const bytes = raw
		.replace(/=\r?\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

export interface SmtpCatcher {
	url: string;
	messages: CaughtMail[];
	waitFor(predicate: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
	close(): Promise<void>;
}

/** An SMTP refusal: a code (4xx temporary, 5xx permanent) and its text. */
export interface SmtpRefusal {
	code: number;
	message: string;
}

export async function startSmtpCatcher(
	options: {
		/** Refuses a recipient at RCPT TO when this returns a refusal (asked again on every attempt). */
		refuse?: (address: string) => SmtpRefusal | undefined;
		/** Largest message accepted (smtp-server's `size`); larger ones get 552. */
		size?: number;
	} = {}
): Promise<SmtpCatcher> {
	const messages: CaughtMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		size: options.size,
		onRcptTo(address, _session, callback) {
			const refusal = options.refuse?.(address.address.toLowerCase());
			if (!refusal) return callback();
			const err = new Error(refusal.message) as Error & { responseCode: number };
			err.responseCode = refusal.code;
			callback(err);
		},
		onAuth(_auth, _session, callback) {
			callback(null, { user: 'test' });
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				messages.push({
					from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
					to: session.envelope.rcptTo.map((r) => r.address),
					raw,
					decoded: decodeQuotedPrintable(raw)
				});
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		async waitFor(predicate, timeoutMs = 15_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = messages.find(predicate);
				if (found) return found;
				if (Date.now() > deadline) throw new Error(`no matching mail within ${timeoutMs} ms`);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

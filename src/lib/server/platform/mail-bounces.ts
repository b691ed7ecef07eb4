// Late bounces: a mail the SMTP server accepted can still fail further on, and the failure comes back as a
// delivery status notification (RFC 3464, a multipart/report with a message/delivery-status part) to the
// mail's envelope sender. Each mail goes out with an envelope sender of its own (VERP):
// bounces+<delivery id>-<signature>@MAIL_BOUNCE_DOMAIN, signed with a secret made once per installation, so a
// DSN names the delivery it is about and nobody can make up one for another. The inbound SMTP listener
// (BOUNCE_SMTP_PORT) takes mail to those addresses only; a permanent failure marks the delivery `bounced` and
// suppresses the address until the person confirms it again (liftMailSuppression).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import type { Logger } from './log';
import { installationSecret } from './secrets';
import { suppressMailAddress } from './mail-delivery';

const SECRET_KEY = 'mail.bounce_secret';
/** Largest DSN read: a report carries the original's headers or the whole original (a newsletter of a few KB). */
export const MAX_DSN_BYTES = 1_000_000;
/** Recipients of one incoming mail: a DSN goes to one bounce address; a few more are tolerated, not hundreds. */
const MAX_RECIPIENTS = 10;
const LOCAL_PART = /^bounces\+(\d{1,15})-([0-9a-f]{16})$/;

function signature(secret: string, id: number): string {
	return createHmac('sha256', secret).update(`bounce|${id}`).digest().subarray(0, 8).toString('hex');
}

/** The envelope sender of the mail whose ledger row is `id` (lower case: some servers lower-case local parts). */
export function bounceAddressFor(secret: string, domain: string, id: number): string {
	return `bounces+${id}-${signature(secret, id)}@${domain}`;
}

/** The delivery a bounce address names, or null when it is not one of ours or its signature is wrong. */
export function readBounceAddress(secret: string, domain: string, address: string): number | null {
	const at = address.lastIndexOf('@');
	if (at < 0 || address.length > 254) return null;
	if (address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return null;
	const match = LOCAL_PART.exec(address.slice(0, at).toLowerCase());
	if (!match) return null;
	const id = Number(match[1]);
	const expected = Buffer.from(signature(secret, id));
	const given = Buffer.from(match[2]!);
	return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The secret bounce addresses are signed with, made once per installation (platform_meta). */
export function bounceSecret(db: Db): Promise<string> {
	return installationSecret(db, SECRET_KEY);
}

export interface DsnRecipient {
	/** `failed`, `delayed`, `delivered`, `relayed` or `expanded` (lower-cased). */
	action: string;
	/** The status code, `5.1.1`; empty when missing or malformed. */
	status: string;
	finalRecipient: string;
	diagnostic: string;
}

/** A failure for good: the report says failed with a 5.x.x status. `delayed` and 4.x.x change nothing. */
export function isPermanentBounce(recipient: DsnRecipient): boolean {
	return recipient.action === 'failed' && recipient.status.startsWith('5.');
}

/**
 * The per-recipient parts of a DSN (RFC 3464), parsed by mailparser: the MIME structure, transfer encodings
 * and the header syntax of the report's field groups. Null when the message holds no delivery-status part
 * (an auto-reply, spam to the bounce address).
 */
export async function parseDsn(raw: Buffer): Promise<DsnRecipient[] | null> {
	if (raw.length > MAX_DSN_BYTES) return null;
	const options = {
		keepDeliveryStatus: true,
		skipHtmlToText: true,
		skipTextToHtml: true,
		skipTextLinks: true,
		skipImageLinks: true
	};
	const message = await simpleParser(raw, options);
	const part = message.attachments.find((a) =>
		['message/delivery-status', 'message/global-delivery-status'].includes(a.contentType.toLowerCase())
	);
	if (!part) return null;
	// Field groups separated by empty lines: the per-message group first, then one per recipient.
	const groups = part.content
		.toString('utf8')
		.split(/\r?\n[ \t]*\r?\n/)
		.map((g) => g.trim())
		.filter(Boolean);
	const recipients: DsnRecipient[] = [];
	for (const group of groups.slice(1, 1 + MAX_RECIPIENTS)) {
		const { headers } = await simpleParser(`${group}\r\n\r\n`, options);
		const field = (name: string) => {
			const value = headers.get(name);
			return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
		};
		const action = field('action').toLowerCase().split(/[\s(]/)[0] ?? '';
		if (!action) continue;
		recipients.push({
			action,
			status: /^[245]\.\d{1,3}\.\d{1,3}\b/.exec(field('status'))?.[0] ?? '',
			finalRecipient: field('final-recipient')
				.replace(/^[^;]*;\s*/, '')
				.slice(0, 254),
			diagnostic: field('diagnostic-code').slice(0, 200)
		});
	}
	return recipients;
}

export type DsnOutcome = 'bounced' | 'transient' | 'unknown-delivery' | 'not-a-dsn';

/**
 * What a DSN for delivery `id` changes: a permanent failure marks the sent mail `bounced` (with the status
 * and diagnostic as its error) and suppresses its address, in one transaction; anything else changes
 * nothing. A delivery that is gone (the account deleted) or was never sent is left alone.
 */
export async function recordDsn(
	db: Db,
	params: { deliveryId: number; recipients: DsnRecipient[] | null }
): Promise<DsnOutcome> {
	if (!params.recipients || params.recipients.length === 0) return 'not-a-dsn';
	const failed = params.recipients.find(isPermanentBounce);
	if (!failed) return 'transient';
	const error = `DSN ${failed.status}${failed.diagnostic ? ` ${failed.diagnostic}` : ''}`.slice(0, 300);
	return db.transaction(async (tx) => {
		const [row] = await executeRows<{ recipient: string }>(
			tx,
			sql`UPDATE mail_deliveries SET status = 'bounced', last_error = ${error}, updated_at = now()
				WHERE id = ${params.deliveryId} AND status IN ('sent', 'bounced') RETURNING recipient`
		);
		if (!row) return 'unknown-delivery' as const;
		await suppressMailAddress(tx, { address: row.recipient, reason: error });
		return 'bounced' as const;
	});
}

export interface BounceServer {
	port: number;
	stop(): Promise<void>;
}

type SmtpError = Error & { responseCode: number };
const refusal = (code: number, text: string): SmtpError =>
	Object.assign(new Error(text), { responseCode: code });

/**
 * The inbound SMTP listener for bounces: accepts mail only to a correctly signed bounce address of
 * `domain` (anything else is refused at RCPT TO), at most MAX_DSN_BYTES (larger: 552), and records each as a
 * DSN. A message that is no DSN or names a delivery that is gone is accepted and ignored, so the sender does
 * not retry it; only a database failure asks for a retry (451). No AUTH, no relaying, no TLS: the
 * municipality's mail server receives the bounce domain's mail and hands it on over its own network.
 */
export async function startBounceServer(options: {
	db: Db;
	log: Logger;
	secret: string;
	domain: string;
	host: string;
	port: number;
}): Promise<BounceServer> {
	const { db, log, secret, domain } = options;
	const server = new SMTPServer({
		name: domain,
		banner: 'Meedoen bounces',
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		logger: false,
		size: MAX_DSN_BYTES,
		maxClients: 50,
		socketTimeout: 60_000,
		onRcptTo(address, session, callback) {
			if (session.envelope.rcptTo.length >= MAX_RECIPIENTS)
				return callback(refusal(452, '4.5.3 Too many recipients'));
			if (readBounceAddress(secret, domain, address.address) === null)
				return callback(refusal(550, '5.1.1 No such bounce address'));
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			let size = 0;
			stream.on('data', (chunk: Buffer) => {
				size += chunk.length;
				if (size <= MAX_DSN_BYTES) chunks.push(chunk);
			});
			stream.on('error', (err) => log.warn({ err }, 'bounce: reading the message failed'));
			stream.on('end', () => {
				if (stream.sizeExceeded || size > MAX_DSN_BYTES)
					return callback(refusal(552, '5.3.4 Message too big'));
				const ids = session.envelope.rcptTo
					.map((r) => readBounceAddress(secret, domain, r.address))
					.filter((id): id is number => id !== null);
				handle(Buffer.concat(chunks), ids).then(
					() => callback(),
					(err: unknown) => {
						log.error({ err }, 'bounce: not recorded; the sender will retry');
						callback(refusal(451, '4.3.0 Try again later'));
					}
				);
			});
		}
	});
	async function handle(raw: Buffer, ids: number[]) {
		let recipients: DsnRecipient[] | null;
		try {
			recipients = await parseDsn(raw);
		} catch (err) {
			log.warn({ err }, 'bounce: not a readable message; ignored');
			return;
		}
		for (const deliveryId of ids) {
			const outcome = await recordDsn(db, { deliveryId, recipients });
			log.info({ bounce: { deliveryId, outcome } }, 'bounce read');
		}
	}
	server.on('error', (err) => log.warn({ err }, 'bounce: SMTP connection error'));
	await new Promise<void>((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(options.port, options.host, () => {
			server.server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.server.address() as AddressInfo;
	log.info({ port, domain }, 'bounce listener started');
	return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

// Late bounces of a newsletter, with real parts: the platform started with MAIL_BOUNCE_DOMAIN and its inbound
// bounce listener (BOUNCE_SMTP_PORT), a newsletter delivered over SMTP to a real server (npm smtp-server), and
// delivery status notifications (RFC 3464 multipart/report messages) handed to the listener by a real SMTP
// client (nodemailer), as a mail server passes on a bounce that came back days later. A permanent failure marks
// that delivery bounced, suppresses the address and shows in the newsletter's counts, and the next newsletter
// skips the address; a delay, a forged or unknown address, garbage and an oversized message change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { users } from '$lib/server/db/schema';
import { executeRows } from '$lib/server/db/rows';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { bounceAddressFor, bounceSecret, MAX_DSN_BYTES } from '$lib/server/platform/mail-bounces';
import { getMailSuppression, liftMailSuppression } from '$lib/server/platform/mail-delivery';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import { buildParticipatingMunicipality, buildStaff, buildUser } from '$lib/server/testing/factories';
import { setMailPreference } from '$lib/server/features/notifications/notifications.service';
import { createNewsletter, getNewsletterPage, sendNewsletter } from './newsletters.service';

const DOMAIN = 'bounces.meedoen.test';
const VERP = /^bounces\+(\d+)-[0-9a-f]{16}@bounces\.meedoen\.test$/;
let running: MailApp;
let smtp: SmtpCatcher;
let app: App;
let geel: Tenant;
let officer: Actor;
const people: { id: string; email: string }[] = [];

beforeAll(async () => {
	running = await startMailApp('newsletters-bounces', {
		MAIL_BOUNCE_DOMAIN: DOMAIN,
		BOUNCE_SMTP_PORT: '0',
		BOUNCE_SMTP_HOST: '127.0.0.1'
	});
	({ app, smtp } = running);
	const db = app.database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	officer = (await buildStaff(db, geel, 'communication')).actor;
	for (let i = 0; i < 3; i++) {
		const person = await buildUser(db);
		await db.update(users).set({ homeMunicipalityId: geel.id }).where(eq(users.id, person.id));
		await setMailPreference(db, { userId: person.id, kind: 'newsletters', frequency: 'immediate' });
		people.push({ id: person.id, email: person.email! });
	}
}, 120_000);

afterAll(() => running?.stop());

const ctx = () => withTenant(requestCtx(app, 'newsletter-bounces-test', { actor: officer }), geel);

/** Writes and sends a newsletter; resolves with its id once every recipient's mail is at the SMTP server. */
async function sendOne(subject: string, expected: string[]) {
	const { id } = await createNewsletter(ctx(), { subject, body: 'Kom **planten**.', audience: 'pool' });
	await sendNewsletter(ctx(), { when: 'now', unverifiedId: id, origin: 'https://meedoen.test' });
	for (const address of expected)
		await smtp.waitFor((m) => m.to.includes(address) && m.decoded.includes(subject), 30_000);
	return id;
}

async function deliveryOf(id: number, address: string) {
	const [row] = await executeRows<{ id: number; status: string; last_error: string | null }>(
		app.database.db,
		sql`SELECT id, status, last_error FROM mail_deliveries
			WHERE message_key = ${`newsletter:${id}`} AND recipient = ${address.toLowerCase()}`
	);
	return row;
}

async function countsOf(id: number) {
	return (await getNewsletterPage(ctx(), { unverifiedId: id })).counts;
}

/** A delivery status notification as a receiving mail server writes it (RFC 3464). */
function dsn(options: {
	to: string;
	recipient: string;
	action: string;
	status: string;
	diagnostic?: string;
}) {
	return [
		'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
		`To: ${options.to}`,
		'Subject: Undelivered Mail Returned to Sender',
		'Date: Tue, 1 Dec 2026 10:00:00 +0100',
		'Message-ID: <dsn.1@mx.example.org>',
		'MIME-Version: 1.0',
		'Content-Type: multipart/report; report-type=delivery-status; boundary="=_dsn_boundary"',
		'',
		'--=_dsn_boundary',
		'Content-Type: text/plain; charset=utf-8',
		'',
		'This is the mail system at host mx.example.org. Your message could not be delivered.',
		'',
		'--=_dsn_boundary',
		'Content-Type: message/delivery-status',
		'',
		'Reporting-MTA: dns; mx.example.org',
		'Arrival-Date: Tue, 1 Dec 2026 09:59:58 +0100',
		'',
		`Final-Recipient: rfc822; ${options.recipient}`,
		`Original-Recipient: rfc822;${options.recipient}`,
		`Action: ${options.action}`,
		`Status: ${options.status}`,
		'Remote-MTA: dns; mailbox.example.org',
		`Diagnostic-Code: smtp; ${options.diagnostic ?? '550 5.1.1 User unknown'}`,
		'',
		'--=_dsn_boundary',
		'Content-Type: text/rfc822-headers',
		'',
		'Subject: Nieuws',
		`To: ${options.recipient}`,
		'',
		'--=_dsn_boundary--',
		''
	].join('\r\n');
}

/** Hands a raw message to the bounce listener over SMTP, from the null sender as a DSN comes. */
async function deliverToListener(to: string, raw: string) {
	const transport = nodemailer.createTransport({
		host: '127.0.0.1',
		port: app.bounceServer!.port,
		secure: false,
		ignoreTLS: true
	});
	try {
		return await transport.sendMail({ envelope: { from: '', to }, raw });
	} finally {
		transport.close();
	}
}

describe('late bounces (DSNs) of a newsletter', () => {
	it('go out with a signed bounce address per delivery, and a permanent failure bounces and suppresses', async () => {
		const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
		const first = await sendOne('Nieuws van de plantdag', [a.email, b.email, c.email]);
		const mails = smtp.messages.filter((m) => m.decoded.includes('Nieuws van de plantdag'));
		// Each mail's envelope sender names its own ledger row; the From header is the platform's.
		const senders = mails.map((m) => m.from);
		for (const sender of senders) expect(sender).toMatch(VERP);
		expect(new Set(senders).size).toBe(3);
		expect(mails.every((m) => /^From: .*noreply@/m.test(m.decoded))).toBe(true);
		for (const person of [a, b, c]) {
			const mail = mails.find((m) => m.to.includes(person.email))!;
			const row = await deliveryOf(first, person.email);
			expect(VERP.exec(mail.from)?.[1]).toBe(String(row?.id));
		}
		let counts = await countsOf(first);
		for (let i = 0; i < 50 && counts?.sent !== 3; i++) {
			await new Promise((r) => setTimeout(r, 200));
			counts = await countsOf(first);
		}
		expect(counts?.sent).toBe(3);
		const bounceOf = (email: string) => mails.find((m) => m.to.includes(email))!.from;

		// Days later the mailbox of A turns out not to exist: the receiving server sends a DSN.
		const answer = await deliverToListener(
			bounceOf(a.email),
			dsn({ to: bounceOf(a.email), recipient: a.email, action: 'failed', status: '5.1.1' })
		);
		expect(answer.accepted).toEqual([bounceOf(a.email)]);
		expect(await deliveryOf(first, a.email)).toMatchObject({
			status: 'bounced',
			last_error: expect.stringContaining('DSN 5.1.1')
		});
		expect(await getMailSuppression(app.database.db, { address: a.email })).toMatchObject({
			reason: expect.stringContaining('5.1.1')
		});
		expect(await countsOf(first)).toMatchObject({ sent: 2, bounced: 1 });

		// A delay (4.x.x) for B changes nothing.
		await deliverToListener(
			bounceOf(b.email),
			dsn({
				to: bounceOf(b.email),
				recipient: b.email,
				action: 'delayed',
				status: '4.4.7',
				diagnostic: '451 4.4.7 Try later'
			})
		);
		// So does a "failed" with a temporary status.
		await deliverToListener(
			bounceOf(b.email),
			dsn({ to: bounceOf(b.email), recipient: b.email, action: 'failed', status: '4.2.2' })
		);
		expect(await deliveryOf(first, b.email)).toMatchObject({ status: 'sent' });
		expect(await getMailSuppression(app.database.db, { address: b.email })).toBeUndefined();

		// A forged signature, or another domain, is refused at RCPT TO: nothing reaches the platform.
		const rowOfB = await deliveryOf(first, b.email);
		const forged = `bounces+${rowOfB!.id}-0123456789abcdef@${DOMAIN}`;
		const failedDsn = (to: string) => dsn({ to, recipient: b.email, action: 'failed', status: '5.1.1' });
		await expect(deliverToListener(forged, failedDsn(forged))).rejects.toMatchObject({
			responseCode: 550
		});
		const unsigned = `bounces+${rowOfB!.id}@${DOMAIN}`;
		await expect(deliverToListener(unsigned, failedDsn(unsigned))).rejects.toMatchObject({
			responseCode: 550
		});
		const elsewhere = bounceOf(b.email).replace(DOMAIN, 'elders.example.org');
		await expect(deliverToListener(elsewhere, failedDsn(elsewhere))).rejects.toMatchObject({
			responseCode: 550
		});
		// A correctly signed address of a delivery that does not exist: accepted, nothing changes.
		const secret = await bounceSecret(app.database.db);
		const unknown = bounceAddressFor(secret, DOMAIN, 987_654_321);
		await deliverToListener(unknown, failedDsn(unknown));
		// Garbage and a message without a delivery-status part to B's real address: accepted and ignored.
		await deliverToListener(bounceOf(b.email), '\u0000\u0001 not a mail at all \r\n\r\n--');
		await deliverToListener(
			bounceOf(b.email),
			`From: b@example.org\r\nSubject: Afwezig\r\nContent-Type: text/plain\r\n\r\nIk ben op vakantie. Status: 5.1.1\r\n`
		);
		// Larger than the listener takes: refused with 552.
		await expect(
			deliverToListener(bounceOf(b.email), failedDsn(bounceOf(b.email)) + 'x'.repeat(MAX_DSN_BYTES + 10))
		).rejects.toMatchObject({ responseCode: 552 });
		expect(await deliveryOf(first, b.email)).toMatchObject({ status: 'sent' });
		expect(await getMailSuppression(app.database.db, { address: b.email })).toBeUndefined();
		expect(await countsOf(first)).toMatchObject({ sent: 2, bounced: 1 });

		// The same bounce of A again (a server retrying): still one bounce.
		await deliverToListener(
			bounceOf(a.email),
			dsn({ to: bounceOf(a.email), recipient: a.email, action: 'failed', status: '5.1.1' })
		);
		expect(await countsOf(first)).toMatchObject({ sent: 2, bounced: 1 });

		// The next newsletter skips A (suppressed in its ledger, no mail) and reaches B and C.
		const second = await sendOne('Tweede nieuwsbrief', [b.email, c.email]);
		let next = await countsOf(second);
		for (let i = 0; i < 50 && (next?.sent ?? 0) + (next?.suppressed ?? 0) !== 3; i++) {
			await new Promise((r) => setTimeout(r, 200));
			next = await countsOf(second);
		}
		expect(next).toMatchObject({ recipients: 3, sent: 2, suppressed: 1, bounced: 0 });
		expect(
			smtp.messages.filter((m) => m.to.includes(a.email) && m.decoded.includes('Tweede nieuwsbrief'))
		).toEqual([]);

		// Once A confirms the address again (verifyEmail and a mailed login lift the suppression), mail reaches it.
		await liftMailSuppression(app.database.db, { address: a.email });
		await sendOne('Derde nieuwsbrief', [a.email, b.email, c.email]);
	}, 120_000);
});

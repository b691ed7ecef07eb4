// The registration mails on a started platform: queued as jobs (pg-boss) by the use cases, delivered over SMTP
// to a real SMTP server (smtp-server) and read there as a person's mail program would: the link to confirm,
// the .ics invitation attached, the mail of moving up when someone cancels from their own mail, and the reminder
// the day before, once however often its job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { App } from '$lib/server/platform/app';
import { withTenant } from '$lib/server/platform/context';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { silentLog } from '$lib/server/testing/context';
import { requestCtx } from '$lib/server/testing/running';
import type { CaughtMail, SmtpCatcher } from '$lib/server/testing/smtp';
import {
	actorOf,
	buildEvent,
	buildParticipatingMunicipality,
	buildUser
} from '$lib/server/testing/factories';
import { cancelRegistration, confirmRegistration, registerForEvent } from './events.registrations.service';
import { REMINDER_JOB, sendEventReminders } from './events.reminders';
import { eq, sql } from 'drizzle-orm';
import { eventRegistrations, events } from '$lib/server/db/schema';
import { executeRows } from '$lib/server/db/rows';
import type { JobContext } from '$lib/server/platform/feature';

const ORIGIN = 'https://meedoen.test';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;

const ctx = (actor?: Actor) => withTenant(requestCtx(app, 'mail-test', { actor }), geel);

/** The .ics attached to a caught mail, decoded from its MIME part, read by an independent parser (ical.js). */
function attachedCalendar(mail: CaughtMail) {
	const part = mail.raw.split(/\r?\n--[^\r\n]+\r?\n/).find((p) => /Content-Type: text\/calendar/i.test(p));
	if (!part) throw new Error('no calendar attached');
	const [head, ...body] = part.split(/\r?\n\r?\n/);
	const text = /base64/i.test(head!)
		? Buffer.from(body.join('\n').replace(/\s+/g, ''), 'base64').toString('utf8')
		: body.join('\n\n');
	const calendar = new ICAL.Component(ICAL.parse(text));
	const vevent = calendar.getFirstSubcomponent('vevent')!;
	return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent };
}

/** The check-in QR code shown inline in a caught mail's HTML, read back as a phone would (sharp and jsQR). */
async function inlineQr(mail: CaughtMail): Promise<{ text: string | null; cid: string; html: string }> {
	const parts = mail.raw.split(/\r?\n--[^\r\n]+\r?\n/);
	const image = parts.find((p) => /Content-Type: image\/png/i.test(p));
	if (!image) throw new Error('no image in the mail');
	const [head, ...body] = image.split(/\r?\n\r?\n/);
	const cid = /Content-ID: <([^>]+)>/i.exec(head!)?.[1] ?? '';
	const png = Buffer.from(body.join('').replace(/\s+/g, ''), 'base64');
	const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
	const htmlPart = parts.find((p) => /Content-Type: text\/html/i.test(p)) ?? '';
	return {
		text: jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null,
		cid,
		html: htmlPart.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
	};
}

/** The secret in a caught mail's registration link. */
function tokenIn(mail: CaughtMail): string {
	const m = /inschrijving\?token=([A-Za-z0-9_-]+)/.exec(mail.decoded);
	if (!m) throw new Error('no registration link in the mail');
	return m[1]!;
}

beforeAll(async () => {
	running = await startMailApp('events-mail');
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
});

afterAll(() => running?.stop());

describe('registration mails through the job queue and SMTP', () => {
	it('mails the link to confirm, then the place with the .ics; a cancellation from the mail moves the next one up', async () => {
		const event = await buildEvent(database.db, geel, {
			title: 'Werkgroep ontharding',
			// On a whole minute, as staff set it (a calendar keeps seconds, not milliseconds).
			startsAt: new Date(Math.ceil((Date.now() + 7 * 86_400_000) / 60_000) * 60_000),
			capacity: 1,
			venueName: 'Gemeenschapscentrum',
			address: 'Markt 1, 2440 Geel'
		});
		await registerForEvent(ctx(), {
			eventId: event.id,
			name: 'Noor Vermeulen',
			email: 'noor@example.be',
			origin: ORIGIN
		});
		const confirm = await smtp.waitFor(
			(m) => m.to.includes('noor@example.be') && m.decoded.includes('Bevestig je inschrijving')
		);
		expect(confirm.decoded).toContain('Subject: Bevestig je inschrijving voor Werkgroep ontharding');
		const token = tokenIn(confirm);

		await confirmRegistration(ctx(), { unverifiedToken: token, origin: ORIGIN });
		const placed = await smtp.waitFor(
			(m) => m.to.includes('noor@example.be') && m.decoded.includes('Je bent ingeschreven')
		);
		expect(placed.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
		expect(placed.raw).toContain('filename=activiteit.ics');
		const invitation = attachedCalendar(placed);
		expect(invitation.method).toBe('REQUEST');
		expect(invitation.event.uid).toBe(event.uid);
		expect(invitation.event.location).toBe('Gemeenschapscentrum, Markt 1, 2440 Geel');
		expect(invitation.event.startDate.toJSDate().toISOString()).toBe(event.startsAt.toISOString());
		// The check-in code: a QR code shown inline in the HTML part, its address in the text part too.
		const qr = await inlineQr(placed);
		expect(qr.text).toMatch(
			new RegExp(`^${ORIGIN}/geel/beheer/activiteiten/${event.id}/inchecken\\?code=\\d+-[A-Za-z0-9_-]{22}$`)
		);
		expect(placed.decoded).toContain(qr.text);
		expect(qr.html).toContain(`src="cid:${qr.cid}"`);
		expect(qr.html).toMatch(/alt="QR-code van de inschrijving van Noor Vermeulen/);

		// Full now: an account goes on the waitlist and is told so.
		const user = await buildUser(database.db, { givenName: 'Pieter', familyName: 'Jacobs' });
		await registerForEvent(ctx(await actorOf(database.db, user)), { eventId: event.id, origin: ORIGIN });
		await smtp.waitFor((m) => m.to.includes(user.email!) && m.decoded.includes('op de wachtlijst'));

		// Noor cancels with the link from her mail, without logging in; Pieter moves up and is mailed.
		await cancelRegistration(ctx(), { unverifiedToken: token, origin: ORIGIN });
		const cancelled = await smtp.waitFor(
			(m) => m.to.includes('noor@example.be') && m.decoded.includes('Je bent uitgeschreven')
		);
		const cancellation = attachedCalendar(cancelled);
		expect(cancellation.method).toBe('CANCEL');
		expect(cancellation.event.uid).toBe(event.uid);
		const moved = await smtp.waitFor(
			(m) => m.to.includes(user.email!) && m.decoded.includes('Er is een plaats vrij')
		);
		expect(attachedCalendar(moved).event.uid).toBe(event.uid);
		expect(tokenIn(moved)).not.toBe(token);
	});

	it('reminds each confirmed place the day before once, with the .ics, however often and however many at once the job runs', async () => {
		// Registered a week ahead, as people do; then the day comes closer (the start moves to 24½ hours from now).
		const event = await buildEvent(database.db, geel, { title: 'Plantdag Markt', capacity: 2 });
		const people = await Promise.all(
			['An', 'Bram', 'Chloé'].map((givenName) => buildUser(database.db, { givenName, familyName: 'Peeters' }))
		);
		for (const person of people)
			await registerForEvent(ctx(await actorOf(database.db, person)), { eventId: event.id, origin: ORIGIN });
		const [an, bram, chloe] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
		// Without an account and never confirmed: no place, no reminder.
		await registerForEvent(ctx(), {
			eventId: event.id,
			name: 'Dirk Maes',
			email: 'dirk@example.be',
			origin: ORIGIN
		});
		// Six days pass: the places were confirmed long before, and the event now starts in 24½ hours.
		await database.db
			.update(eventRegistrations)
			.set({
				createdAt: sql`${eventRegistrations.createdAt} - interval '6 days'`,
				queuedAt: sql`${eventRegistrations.queuedAt} - interval '6 days'`,
				confirmedAt: sql`${eventRegistrations.confirmedAt} - interval '6 days'`
			})
			.where(eq(eventRegistrations.eventId, event.id));
		const startsAt = new Date(Math.ceil((Date.now() + 24.5 * 3_600_000) / 60_000) * 60_000);
		await database.db
			.update(events)
			.set({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) })
			.where(eq(events.id, event.id));

		// Two processes at the same moment, then the queued job twice.
		const jobContext: JobContext = {
			db: database.db,
			log: silentLog,
			config: app.config,
			queueMail: (m) => app.queueMail(m),
			queueMailIn: (tx, m) => app.queueMailIn(tx, m),
			features: app.features,
			queueMails: (tx, m) => app.queueMails(tx, m)
		};
		await Promise.all([sendEventReminders(jobContext), sendEventReminders(jobContext)]);
		for (const id of [await app.jobs.send(REMINDER_JOB, {}), await app.jobs.send(REMINDER_JOB, {})])
			await jobDone(id!);

		const reminder = await smtp.waitFor(
			(m) => m.to.includes(an.email!) && m.decoded.includes('Herinnering: Plantdag Markt')
		);
		expect(reminder.decoded).toContain('We zien je graag bij "Plantdag Markt"');
		const invitation = attachedCalendar(reminder);
		expect(invitation.method).toBe('REQUEST');
		expect(invitation.event.uid).toBe(event.uid);
		expect(invitation.event.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
		await smtp.waitFor(
			(m) => m.to.includes(bram.email!) && m.decoded.includes('Herinnering: Plantdag Markt')
		);

		// One mail each for An and Bram, none for Chloé (waitlisted) or Dirk (not confirmed): in the queue, and
		// once every mail job has run, at the SMTP server.
		const queued = await executeRows<{ recipient: string; n: number }>(
			database.db,
			sql`SELECT data->>'to' AS recipient, count(*)::int AS n FROM pgboss.job
				WHERE name = 'mail.send' AND data->>'subject' LIKE 'Herinnering: Plantdag Markt%' GROUP BY 1 ORDER BY 1`
		);
		expect(queued).toEqual([an.email!, bram.email!].sort().map((recipient) => ({ recipient, n: 1 })));
		await mailJobsDone();
		const caught = smtp.messages.filter((m) => m.decoded.includes('Herinnering: Plantdag Markt'));
		expect(
			caught
				.map((m) => m.to)
				.flat()
				.sort()
		).toEqual([an.email!, bram.email!].sort());
		expect(caught.some((m) => m.to.includes(chloe.email!) || m.to.includes('dirk@example.be'))).toBe(false);
		const recorded = await executeRows<{ n: number }>(
			database.db,
			sql`SELECT count(*)::int AS n FROM domain_events WHERE type = 'registration.reminded'
				AND payload->>'eventId' = ${String(event.id)}`
		);
		expect(recorded[0]!.n).toBe(2);
	});
});

/** Waits until a job of the queue has finished (completed or failed), and fails the test when it failed. */
async function jobDone(id: string): Promise<void> {
	for (let i = 0; i < 300; i++) {
		const [row] = await executeRows<{ state: string }>(
			database.db,
			sql`SELECT state FROM pgboss.job WHERE id = ${id}::uuid`
		);
		if (row?.state === 'completed') return;
		if (row?.state === 'failed') throw new Error(`job ${id} failed`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`job ${id} did not finish`);
}

/** Waits until no mail job is waiting or running. */
async function mailJobsDone(): Promise<void> {
	for (let i = 0; i < 300; i++) {
		const [row] = await executeRows<{ n: number }>(
			database.db,
			sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND state IN ('created', 'retry', 'active')`
		);
		if (row?.n === 0) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('mail jobs did not finish');
}

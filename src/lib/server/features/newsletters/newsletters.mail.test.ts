// A newsletter on a started platform with a real SMTP server (npm smtp-server): sending queues the job in the
// status change's transaction, the job builds the list and queues one personal mail each, the mail job hands
// them to the server. Every recipient gets exactly one, with their own unsubscribe link and the RFC 8058
// headers, in HTML and plain text; running the job again delivers nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '$lib/server/db/schema';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { silentLog } from '$lib/server/testing/context';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import { buildParticipatingMunicipality, buildStaff, buildUser } from '$lib/server/testing/factories';
import { setMailPreference } from '$lib/server/features/notifications/notifications.service';
import { createNewsletter, getNewsletterPage, sendNewsletter } from './newsletters.service';
import { sendNewsletterJob } from './newsletters.send';

const ORIGIN = 'https://meedoen.test';
let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;
let officer: Actor;

beforeAll(async () => {
	running = await startMailApp('newsletters-mail');
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	officer = (await buildStaff(database.db, geel, 'communication')).actor;
}, 120_000);

afterAll(() => running?.stop());

const ctx = () => withTenant(requestCtx(app, 'newsletter-mail-test', { actor: officer }), geel);

describe('a newsletter through a real SMTP server', () => {
	it('reaches every recipient exactly once, personally, and a second run delivers nothing more', async () => {
		const db = database.db;
		const wanted: string[] = [];
		for (let i = 0; i < 12; i++) {
			const person = await buildUser(db);
			await db.update(users).set({ homeMunicipalityId: geel.id }).where(eq(users.id, person.id));
			if (i % 4 !== 3) {
				await setMailPreference(db, { userId: person.id, kind: 'newsletters', frequency: 'immediate' });
				wanted.push(person.email!);
			}
		}
		const { id } = await createNewsletter(ctx(), {
			subject: 'Nieuws over de plantdag',
			body: 'Kom **planten** op zaterdag.\n\n[Schrijf je in](https://meedoen.test/geel/activiteiten)',
			audience: 'pool'
		});
		await sendNewsletter(ctx(), { when: 'now', unverifiedId: id, origin: ORIGIN });
		for (const address of wanted)
			await smtp.waitFor(
				(m) => m.to.includes(address) && m.decoded.includes('Nieuws over de plantdag'),
				30_000
			);
		const mails = () => smtp.messages.filter((m) => m.decoded.includes('Subject: Nieuws over de plantdag'));
		expect(
			mails()
				.flatMap((m) => m.to)
				.sort()
		).toEqual([...wanted].sort());
		// Long headers are folded onto continuation lines.
		const unfolded = (raw: string) => raw.replace(/\r?\n[ \t]+/g, ' ');
		const links = mails().map((m) => /List-Unsubscribe:\s*<([^>]+)>/.exec(unfolded(m.decoded))?.[1]);
		expect(links.filter((l) => !l?.startsWith(`${ORIGIN}/uitschrijven/`))).toEqual([]);
		expect(new Set(links).size).toBe(wanted.length);
		for (const mail of mails()) {
			expect(unfolded(mail.decoded)).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
			expect(mail.decoded).toContain(`X-Meedoen-Reference: newsletter:${id}`);
			expect(mail.decoded).toMatch(/Content-Type: text\/plain/);
			expect(mail.decoded).toMatch(/Content-Type: text\/html/);
			expect(mail.decoded).toContain('<strong>planten</strong>');
			expect(mail.decoded).not.toMatch(/<img/i);
		}
		// Again, as a restart would: nothing more is queued or delivered.
		const again = await sendNewsletterJob(
			{ db, log: silentLog, config: app.config, queueMails: app.queueMails },
			{ newsletterId: id, origin: ORIGIN }
		);
		expect(again.queuedNow).toBe(0);
		await new Promise((r) => setTimeout(r, 1_500));
		expect(mails()).toHaveLength(wanted.length);
		// The counts come from the delivery ledger: every mail the server accepted is marked sent.
		let page = await getNewsletterPage(ctx(), { unverifiedId: id });
		for (let i = 0; i < 50 && page.counts?.sent !== wanted.length; i++) {
			await new Promise((r) => setTimeout(r, 200));
			page = await getNewsletterPage(ctx(), { unverifiedId: id });
		}
		expect(page.newsletter.status).toBe('sent');
		expect(page.counts).toEqual({
			recipients: wanted.length,
			queued: wanted.length,
			sent: wanted.length,
			failed: 0,
			bounced: 0,
			suppressed: 0
		});
	});
});

// A notification mail on a started platform, caught by a real SMTP server (smtp-server): the staff answer to a
// citizen's suggestion is dispatched, the author's mail goes out through the job queue with both parts, the
// municipality's colour, and RFC 8058's headers whose link verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import {
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser
} from '$lib/server/testing/factories';
import { answerSuggestion } from '$lib/server/features/suggestions/suggestions.moderation.service';
import { readUnsubscribeToken } from './notifications.service';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;

beforeAll(async () => {
	running = await startMailApp('notifications-mail', { ORIGIN: 'https://meedoen.test' });
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel', { primaryColor: '#005a8c' });
});

afterAll(() => running?.stop());

describe('a notification mail over SMTP', () => {
	it('reaches the author once, in both parts, with a one-click unsubscribe that verifies', async () => {
		const db = database.db;
		const { opportunity } = await buildSuggestionOpportunity(db, geel);
		const author = await buildUser(db);
		const suggestion = await buildSuggestion(db, geel, opportunity.id, {
			authorId: author.id,
			title: 'Zitbank aan de vijver'
		});
		const staff = await buildStaff(db, geel, 'moderator');
		await answerSuggestion(withTenant(requestCtx(app, 'notif-mail', { actor: staff.actor }), geel), {
			unverifiedSuggestionId: String(suggestion.id),
			answer: 'Komt er in het voorjaar.'
		});
		app.events.nudge();
		const mail = await smtp.waitFor((m) => m.to.includes(author.email!), 20_000);
		expect(mail.decoded).toContain('De gemeente antwoordde op je suggestie');
		expect(mail.decoded).toContain('Content-Type: text/plain');
		expect(mail.decoded).toContain('Content-Type: text/html');
		expect(mail.decoded).toContain('#005a8c');
		expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
		// Header lines may be folded: unfold them before reading the link.
		const head = mail.raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, '');
		const token = /List-Unsubscribe:\s*<https:\/\/meedoen\.test\/uitschrijven\/([A-Za-z0-9_-]+)>/.exec(
			head
		)?.[1];
		expect(await readUnsubscribeToken(db, token ?? '')).toEqual({ userId: author.id, kind: 'own' });
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect(smtp.messages.filter((m) => m.to.includes(author.email!))).toHaveLength(1);
	}, 60_000);
});

// The daily and weekly digests on a real database (PGlite, and PostgreSQL with TEST_DB=postgres): one mail per
// person bundling what waited, grouped by municipality and action; nothing when nothing waits; exactly once
// across two runs; the chosen frequency ('never', 'daily', 'weekly') respected; a deleted account gets nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs, silentLog } from '$lib/server/testing/context';
import {
	buildParticipatingMunicipality,
	buildSuggestionOpportunity,
	buildUser
} from '$lib/server/testing/factories';
import { loadConfig } from '$lib/server/platform/config';
import { features } from '$lib/server/features';
import type { JobContext } from '$lib/server/platform/feature';
import type { MailMessage } from '$lib/server/platform/mail';
import type { Tenant } from '$lib/server/platform/context';
import { notifications } from '$lib/server/db/schema';
import { deleteAccount } from '$lib/server/features/profile/profile.service';
import type { NotificationKind } from '$lib/domain/notifications';
import { setMailPreference } from './notifications.service';
import { sendDigests } from './notifications.digest';
import { outboxQueue } from '$lib/server/testing/outbox';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
const outbox: MailMessage[] = [];
let job: JobContext;
const DAY = 24 * 3_600_000;
let eventId = 1_000_000;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel', { primaryColor: '#005a8c' });
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	job = {
		db: database.db,
		log: silentLog,
		config: loadConfig({
			NODE_ENV: 'test',
			ORIGIN: 'https://meedoen.test',
			DEMO: 'false',
			DEV_IDP_PORT: '0'
		}),
		...outboxQueue(outbox),
		features
	};
});
afterAll(() => database?.destroy());

async function waiting(
	userId: string,
	tenant: Tenant,
	item: { title: string; actionId?: number; actionTitle?: string; kind?: NotificationKind; at: Date }
) {
	await database.db.insert(notifications).values({
		municipalityId: tenant.id,
		userId,
		kind: item.kind ?? 'following',
		type: 'suggestion.answered',
		eventId: eventId++,
		params: {
			title: item.title,
			municipalityName: tenant.slug === 'geel' ? 'Geel' : 'Mol',
			...(item.actionTitle ? { actionTitle: item.actionTitle } : {})
		},
		path: `/${tenant.slug}/suggesties/1-${item.title.toLowerCase().replaceAll(' ', '-')}`,
		actionId: item.actionId ?? null,
		mailState: 'pending',
		createdAt: item.at
	});
}

const mailsTo = (email: string | null) => outbox.filter((m) => m.to === email);

describe('digests', () => {
	it('bundle what waited into one weekly mail grouped by municipality and action, once across two runs', async () => {
		const db = database.db;
		const person = await buildUser(db);
		const { action: fietsen } = await buildSuggestionOpportunity(db, geel, { title: 'Fietsroutes' });
		const { action: bomen } = await buildSuggestionOpportunity(db, mol, { title: 'Bomen' });
		const start = new Date(Date.now() - 8 * DAY);
		await waiting(person.id, geel, {
			title: 'Fietspad Markt',
			actionId: fietsen.id,
			actionTitle: 'Fietsroutes',
			at: start
		});
		await waiting(person.id, mol, { title: 'Lindes', actionId: bomen.id, actionTitle: 'Bomen', at: start });
		await waiting(person.id, geel, {
			title: 'Fietsstalling',
			actionId: fietsen.id,
			actionTitle: 'Fietsroutes',
			at: start
		});
		outbox.length = 0;
		const now = new Date();
		await sendDigests(job, { now });
		await sendDigests(job, { now });
		const mails = mailsTo(person.email);
		expect(mails).toHaveLength(1);
		const mail = mails[0]!;
		expect(mail.subject).toBe('Je wekelijkse samenvatting: 3 meldingen');
		// Grouped: Geel with its action's two, then Mol.
		const text = mail.text;
		expect(text.indexOf('== Geel ==')).toBeLessThan(text.indexOf('Fietsroutes'));
		expect(text.indexOf('Fietspad Markt')).toBeLessThan(text.indexOf('== Mol =='));
		expect(text.indexOf('Fietsstalling')).toBeLessThan(text.indexOf('== Mol =='));
		expect(text.indexOf('== Mol ==')).toBeLessThan(text.indexOf('Lindes'));
		expect(mail.html).toContain('<h2');
		expect(mail.headers?.['List-Unsubscribe']).toMatch(
			/^<https:\/\/meedoen\.test\/uitschrijven\/[0-9a-f]{32}1/
		);
		const rows = await db
			.select({ state: notifications.mailState })
			.from(notifications)
			.where(eq(notifications.userId, person.id));
		expect(rows.map((r) => r.state)).toEqual(['mailed', 'mailed', 'mailed']);
		// A week later with nothing new: nothing.
		await sendDigests(job, { now: new Date(now.getTime() + 8 * DAY) });
		expect(mailsTo(person.email)).toHaveLength(1);
	});

	it('wait for their period: a weekly digest is not sent after a day, a daily one is', async () => {
		const db = database.db;
		const weekly = await buildUser(db);
		const daily = await buildUser(db);
		await setMailPreference(db, { userId: daily.id, kind: 'following', frequency: 'daily' });
		const at = new Date(Date.now() - 2 * DAY);
		await waiting(weekly.id, geel, { title: 'Een', at });
		await waiting(daily.id, geel, { title: 'Twee', at });
		outbox.length = 0;
		await sendDigests(job);
		expect(mailsTo(weekly.email)).toEqual([]);
		expect(mailsTo(daily.email).map((m) => m.subject)).toEqual(['Je dagelijkse samenvatting: 1 melding']);
		// The next daily one comes a day after that one, not an hour later.
		await waiting(daily.id, geel, { title: 'Drie', at: new Date() });
		await sendDigests(job, { now: new Date(Date.now() + 3_600_000) });
		expect(mailsTo(daily.email)).toHaveLength(1);
		await sendDigests(job, { now: new Date(Date.now() + DAY) });
		expect(mailsTo(daily.email)).toHaveLength(2);
	});

	it('respect never, and send nothing to a deleted account (its notifications are gone)', async () => {
		const db = database.db;
		const silent = await buildUser(db);
		const leaving = await buildUser(db);
		const at = new Date(Date.now() - 8 * DAY);
		await waiting(silent.id, geel, { title: 'Stil', at });
		await setMailPreference(db, { userId: silent.id, kind: 'following', frequency: 'never' });
		await waiting(leaving.id, geel, { title: 'Weg', at });
		await deleteAccount(
			ctxAs(db, undefined, {
				userId: leaving.id,
				displayName: 'x',
				memberships: [],
				regionRoles: []
			} as never),
			{ confirm: 'yes' }
		);
		outbox.length = 0;
		await sendDigests(job);
		expect(mailsTo(silent.email)).toEqual([]);
		expect(outbox.filter((m) => m.to === leaving.email)).toEqual([]);
		expect(await db.select().from(notifications).where(eq(notifications.userId, leaving.id))).toEqual([]);
	});
});

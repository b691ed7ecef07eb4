// The list of people who showed interest outside the platform, on PGlite and PostgreSQL with the real mail
// delivery and a real SMTP server: staff add several at once (each bad line named, nothing saved), search and
// remove; the people can be invited (the mail says how they agreed) and its one-click unsubscribe stops further
// invitations; one municipality's list is never seen, changed or invited by another's staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { AppError } from '$lib/server/platform/errors';
import { consents, eventRegistrations, offlineInterests, users } from '$lib/server/db/schema';
import type { JobContext } from '$lib/server/platform/feature';
import { silentLog } from '$lib/server/testing/context';
import { deleteAccount } from '$lib/server/features/profile/profile.service';
import { moveUpWaitlists } from './events.reminders';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildEvent,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser
} from '$lib/server/testing/factories';
import { unsubscribeByLink } from '$lib/server/features/notifications/notifications.service';
import { getInvitePage, sendInvitations } from './events.invitations.service';
import {
	addOfflinePeople,
	getOfflineList,
	lineProblemsOf,
	previewRemoveOfflinePerson,
	removeOfflinePerson
} from './events.offline.service';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;
let mol: Tenant;
let geelStaff: Actor;
let molStaff: Actor;
const ORIGIN = 'https://meedoen.test';

const ctx = (tenant: Tenant, actor?: Actor) => withTenant(requestCtx(app, 'offline-test', { actor }), tenant);

async function refused(work: Promise<unknown>) {
	const err = await refusal(work, 'validation');
	return { fields: (err as AppError).options.fields ?? {}, lines: lineProblemsOf(err) };
}

beforeAll(async () => {
	running = await startMailApp('offline');
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	geelStaff = (await buildStaff(database.db, geel, 'admin', { givenName: 'Greet', familyName: 'Goossens' }))
		.actor;
	molStaff = (await buildStaff(database.db, mol, 'admin')).actor;
});

afterAll(() => running?.stop());

const good = { agreedOn: '2026-09-10', agreedHow: 'papieren lijst op de infoavond' };

describe('the list of interest outside the platform', () => {
	it('refuses bad input with every problem named, keeps nothing, and never fails', async () => {
		const staff = ctx(geel, geelStaff);
		const add = (input: Record<string, unknown>) =>
			addOfflinePeople(staff, { lines: 'An Peeters, an@example.be', ...good, ...input });

		const lines = [
			'An Peeters, an.peeters@example.be',
			'zonder komma an@example.be',
			'<script>alert(1)</script>, x@example.be',
			'Bert, geen-adres',
			'',
			'Carla Claes; carla@example.be',
			'Dirk, AN.PEETERS@example.be',
			`${'x'.repeat(101)}, lang@example.be`,
			"Robert'); DROP TABLE users;--, bobby@example.be",
			'Eva\u0000, eva@example.be'
		].join('\n');
		const bad = await refused(add({ lines }));
		expect(bad.fields).toEqual({ lijst: ['eventsOffline.errors.lines'] });
		expect(bad.lines).toEqual([
			{ line: 2, problem: 'format' },
			{ line: 3, problem: 'name' },
			{ line: 4, problem: 'email' },
			{ line: 7, problem: 'duplicate' },
			{ line: 8, problem: 'name' },
			{ line: 9, problem: 'name' },
			{ line: 10, problem: 'name' }
		]);
		// Oversized, too many lines, empty, not text at all, a date in the future or that does not exist,
		// the way they agreed missing, too long or with markup.
		expect((await refused(add({ lines: 'a'.repeat(100_000) }))).fields).toEqual({
			lijst: ['eventsOffline.errors.tooLong']
		});
		const many = Array.from({ length: 201 }, (_, i) => `P ${i}, p${i}@example.be`).join('\n');
		expect((await refused(add({ lines: many }))).fields).toEqual({ lijst: ['eventsOffline.errors.tooMany'] });
		for (const empty of ['', '\n \n', null, 42, ['An, an@example.be']])
			expect((await refused(add({ lines: empty }))).fields.lijst).toEqual(['eventsOffline.errors.empty']);
		for (const date of ['2999-01-01', '2026-02-30', '10/09/2026', '', null, { x: 1 }, '1999-12-31'])
			expect((await refused(add({ agreedOn: date }))).fields).toEqual({
				datum: ['eventsOffline.errors.date']
			});
		expect((await refused(add({ agreedHow: '  ' }))).fields).toEqual({
			hoe: ['eventsOffline.errors.howRequired']
		});
		for (const how of ['x'.repeat(201), '<b>stand</b>', 'stand\u0007'])
			expect((await refused(add({ agreedHow: how }))).fields).toEqual({
				hoe: ['eventsOffline.errors.howInvalid']
			});

		expect(await database.db.select().from(offlineInterests)).toEqual([]);
	});

	it('adds several at once as consent records, lists and searches them, refuses an address listed twice', async () => {
		const staff = ctx(geel, geelStaff);
		expect(
			await addOfflinePeople(staff, {
				lines: 'Fien Fransen, fien@example.be\r\nGust Goris , Gust.Goris@Example.be\n\n',
				...good
			})
		).toEqual({ added: 2 });
		const list = await getOfflineList(staff, { unverifiedQuery: '' });
		expect(list.total).toBe(2);
		expect(list.people.map((p) => [p.name, p.email, p.agreedOn, p.agreedHow, p.recordedBy])).toEqual(
			expect.arrayContaining([
				['Fien Fransen', 'fien@example.be', '2026-09-10', good.agreedHow, 'Greet G.'],
				['Gust Goris', 'gust.goris@example.be', '2026-09-10', good.agreedHow, 'Greet G.']
			])
		);
		// Each is an account without a login: no home, never verified, the pool consent recorded as given offline.
		const [gust] = await database.db.select().from(users).where(eq(users.displayName, 'Gust Goris'));
		expect(gust).toMatchObject({ homeMunicipalityId: null, emailVerifiedAt: null, firstChannel: 'offline' });
		expect(
			await database.db
				.select({ kind: consents.kind, version: consents.version })
				.from(consents)
				.where(eq(consents.userId, gust!.id))
		).toEqual([{ kind: 'pool', version: 'offline' }]);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'event.offline_interest_added'
		);
		expect(audit.at(-1)?.details).toMatchObject({ count: 2, agreedOn: '2026-09-10' });

		expect((await getOfflineList(staff, { unverifiedQuery: 'gust' })).people.map((p) => p.name)).toEqual([
			'Gust Goris'
		]);
		for (const q of ['%', '_', "'; DROP TABLE users;--", 'x'.repeat(5_000)])
			expect((await getOfflineList(staff, { unverifiedQuery: q })).people).toEqual([]);
		// Not text: no search, the whole list.
		for (const q of [['gust'], 7, null])
			expect((await getOfflineList(staff, { unverifiedQuery: q })).total).toBe(2);

		const again = await refused(
			addOfflinePeople(staff, { lines: 'Hanne, hanne@example.be\nFien, FIEN@example.be', ...good })
		);
		expect(again.lines).toEqual([{ line: 2, problem: 'listed' }]);
		expect((await getOfflineList(staff, { unverifiedQuery: 'hanne' })).total).toBe(0);
	});

	it('invites them with the way they agreed in the mail, once, and the one-click unsubscribe stops it', async () => {
		const staff = ctx(geel, geelStaff);
		await addOfflinePeople(staff, {
			lines: 'Ilse Int-Veen, ilse@example.be\nJan Janssens, jan@example.be',
			agreedOn: '2026-10-04',
			agreedHow: 'stand op de markt'
		});
		// A verified account of Geel's pool with Jan's address too: the address is invited once.
		const account = await buildUser(database.db, { email: 'JAN@example.be' });
		await database.db
			.update(users)
			.set({ homeMunicipalityId: geel.id, wantsToHelp: true })
			.where(eq(users.id, account.id));
		await database.db.insert(consents).values({ userId: account.id, kind: 'pool', version: '2026-11' });

		const event = await buildEvent(database.db, geel, { title: 'Plantdag aan de Markt' });
		const input = { unverifiedEventId: String(event.id), unverifiedAudience: 'offline' };
		// Fien, Gust (the test before), Ilse and Jan.
		expect((await getInvitePage(staff, input)).chosen).toEqual({ audience: 'offline', count: 4 });
		const send = (audience: string, seen: string) =>
			sendInvitations(staff, {
				unverifiedEventId: String(event.id),
				origin: ORIGIN,
				audience,
				confirmed: 'ja',
				seen
			});
		expect(await send('offline', '4')).toEqual({ sent: 4 });
		expect((await getInvitePage(staff, { ...input, unverifiedAudience: 'pool' })).chosen?.count).toBe(0);

		const mail = await smtp.waitFor((m) => m.to.includes('ilse@example.be'));
		const text = mail.decoded.replace(/=\r?\n/g, '');
		expect(text).toContain('Subject: Uitnodiging: Plantdag aan de Markt');
		expect(text).toContain('(stand op de markt)');
		expect(text).toContain('4 oktober 2026');
		const unsubscribe = /https:\/\/meedoen\.test\/uitschrijven\/([\w-]+)/.exec(text)?.[1];
		expect(unsubscribe).toBeTruthy();
		for (const address of ['fien@example.be', 'gust.goris@example.be', 'jan@example.be'])
			await smtp.waitFor(
				(m) => m.to.some((a) => a.toLowerCase() === address) && m.decoded.includes('Plantdag aan de Markt')
			);
		expect(smtp.messages.filter((m) => m.to.some((a) => a.toLowerCase() === 'jan@example.be'))).toHaveLength(
			1
		);

		// Ilse unsubscribes with the mail's link (no login): marked on the list, not invited to the next event.
		expect(await unsubscribeByLink(ctx(geel), { unverifiedToken: unsubscribe! })).toEqual({
			state: 'valid',
			kind: 'invitations'
		});
		const ilse = (await getOfflineList(staff, { unverifiedQuery: 'ilse' })).people[0];
		expect(ilse?.unsubscribed).toBe(true);
		const next = await buildEvent(database.db, geel);
		const counted = await getInvitePage(staff, {
			unverifiedEventId: String(next.id),
			unverifiedAudience: 'offline'
		});
		expect(counted.chosen).toEqual({ audience: 'offline', count: 3 });
	});

	it('removes someone after the confirmation step: the person is deleted with their invitations', async () => {
		const staff = ctx(geel, geelStaff);
		const [fien] = (await getOfflineList(staff, { unverifiedQuery: 'fien' })).people;
		expect(await previewRemoveOfflinePerson(staff, { unverifiedId: String(fien!.id) })).toMatchObject({
			name: 'Fien Fransen',
			email: 'fien@example.be'
		});
		expect(await removeOfflinePerson(staff, { unverifiedId: String(fien!.id), origin: ORIGIN })).toEqual({
			removed: 1,
			movedUp: 0
		});
		expect((await getOfflineList(staff, { unverifiedQuery: 'fien' })).total).toBe(0);
		expect(await database.db.select().from(users).where(eq(users.displayName, 'Fien Fransen'))).toEqual([]);
		await refusal(
			removeOfflinePerson(staff, { unverifiedId: String(fien!.id), origin: ORIGIN }),
			'not_found'
		);
		for (const bad of ['', 'abc', '-1', '1e3', 'x'.repeat(5_000), null])
			await refusal(previewRemoveOfflinePerson(staff, { unverifiedId: bad }), 'not_found');
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'event.offline_interest_removed'
		);
		expect(audit.at(-1)?.details).toEqual({ entry: fien!.id });
	});

	it('gives a place freed by a removal to the waitlist at once, and one freed by an erased account within the hour', async () => {
		const staff = ctx(geel, geelStaff);
		const registration = (eventId: number, userId: string, status: 'confirmed' | 'waitlisted') =>
			database.db
				.insert(eventRegistrations)
				.values({
					municipalityId: geel.id,
					eventId,
					userId,
					status,
					tokenHash: `t-${eventId}-${userId}`,
					queuedAt: new Date()
				})
				.returning({ id: eventRegistrations.id })
				.then(([r]) => r!.id);
		const statusOf = async (id: number) =>
			(await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)))[0]?.status;

		// A paper-list person registered through an invitation holds the one place; a citizen waits.
		const repair = await buildEvent(database.db, geel, { capacity: 1, title: 'Repair café Winkelom' });
		await addOfflinePeople(staff, { lines: 'Hilde Hermans, hilde@example.be', ...good });
		const [hilde] = await database.db.select().from(users).where(eq(users.displayName, 'Hilde Hermans'));
		await registration(repair.id, hilde!.id, 'confirmed');
		const waiting = await buildUser(database.db, { email: 'wachtend@example.be' });
		const waitingReg = await registration(repair.id, waiting.id, 'waitlisted');

		const [entry] = (await getOfflineList(staff, { unverifiedQuery: 'hilde' })).people;
		expect(await removeOfflinePerson(staff, { unverifiedId: String(entry!.id), origin: ORIGIN })).toEqual({
			removed: 1,
			movedUp: 1
		});
		expect(await statusOf(waitingReg)).toBe('confirmed');
		const moved = await smtp.waitFor(
			(m) => m.to.includes('wachtend@example.be') && m.decoded.includes('Winkelom')
		);
		expect(moved.decoded).toContain('Er is een plaats vrij');

		// An account erased by its owner frees its place without mailing anyone in that transaction; the hourly
		// job gives it to the waitlist, once however often it runs.
		const plant = await buildEvent(database.db, geel, { capacity: 1, title: 'Plantdag Kastelsedijk' });
		const leaving = await buildUser(database.db);
		await registration(plant.id, leaving.id, 'confirmed');
		const next = await buildUser(database.db, { email: 'volgende@example.be' });
		const nextReg = await registration(plant.id, next.id, 'waitlisted');
		await deleteAccount(ctx(geel, await actorOf(database.db, leaving)), { confirm: 'yes' });
		expect(await statusOf(nextReg)).toBe('waitlisted');
		const jobContext: JobContext = {
			db: database.db,
			log: silentLog,
			config: app.config,
			queueMail: (m) => app.queueMail(m),
			queueMailIn: (tx, m) => app.queueMailIn(tx, m),
			features: app.features,
			queueMails: (tx, m) => app.queueMails(tx, m)
		};
		const runs = await Promise.all([moveUpWaitlists(jobContext), moveUpWaitlists(jobContext)]);
		expect(runs.sort()).toEqual([0, 1]);
		expect(await moveUpWaitlists(jobContext)).toBe(0);
		expect(await statusOf(nextReg)).toBe('confirmed');
		await smtp.waitFor((m) => m.to.includes('volgende@example.be') && m.decoded.includes('Kastelsedijk'));
		expect(smtp.messages.filter((m) => m.to.includes('volgende@example.be'))).toHaveLength(1);
	});

	it('keeps each municipality’s list to its own staff: not seen, changed or invited by another', async () => {
		const [gust] = (await getOfflineList(ctx(geel, geelStaff), { unverifiedQuery: 'gust' })).people;
		const citizen = await actorOf(database.db, await buildUser(database.db));
		// Mol's list is empty for Mol's staff, even with the same address on it later; Geel's entries are not found.
		expect((await getOfflineList(ctx(mol, molStaff), { unverifiedQuery: '' })).total).toBe(0);
		await refusal(
			previewRemoveOfflinePerson(ctx(mol, molStaff), { unverifiedId: String(gust!.id) }),
			'not_found'
		);
		await refusal(
			removeOfflinePerson(ctx(mol, molStaff), { unverifiedId: String(gust!.id), origin: ORIGIN }),
			'not_found'
		);
		// In Geel, Mol's staff, a citizen and a visitor are refused before anything is read.
		for (const [actor, code] of [
			[molStaff, 'forbidden'],
			[citizen, 'forbidden'],
			[undefined, 'unauthenticated']
		] as const) {
			await refusal(getOfflineList(ctx(geel, actor), { unverifiedQuery: '' }), code);
			await refusal(addOfflinePeople(ctx(geel, actor), { lines: 'Kim, kim@example.be', ...good }), code);
			await refusal(
				removeOfflinePerson(ctx(geel, actor), { unverifiedId: String(gust!.id), origin: ORIGIN }),
				code
			);
		}
		// Mol's own list, with an address Geel has too: Mol's event invites only Mol's entry.
		expect(
			await addOfflinePeople(ctx(mol, molStaff), { lines: 'Gust Goris, gust.goris@example.be', ...good })
		).toEqual({ added: 1 });
		const molEvent = await buildEvent(database.db, mol);
		const page = await getInvitePage(ctx(mol, molStaff), {
			unverifiedEventId: String(molEvent.id),
			unverifiedAudience: 'offline'
		});
		expect(page.chosen).toEqual({ audience: 'offline', count: 1 });
		expect((await getOfflineList(ctx(geel, geelStaff), { unverifiedQuery: '' })).total).toBe(3);
		expect((await getOfflineList(ctx(mol, molStaff), { unverifiedQuery: '' })).total).toBe(1);
	});
});

// Registering for events against a real database: one click with an account, a confirmed address without
// one, the waitlist and moving up, cancelling by the mailed link or from the page, and everything refused
// (twice, full without asking for the waitlist, past, cancelled, closed, draft, too many companions, a
// tampered link), with the mails each step queues. Tenant isolation: Mol's staff see nothing of Geel's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { domainEvents, eventRegistrations } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import type { Actor } from '$lib/server/platform/policy';
import { translate } from '$lib/i18n';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildEvent,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser
} from '$lib/server/testing/factories';
import {
	cancelRegistration,
	confirmRegistration,
	forgetUnconfirmedRegistrations,
	getMyRegistration,
	inspectRegistrationLink,
	listEventRegistrations,
	registerForEvent
} from './events.registrations.service';
import { getEvent } from './events.service';

const ORIGIN = 'https://meedoen.test';
const DAY = 86_400_000;

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;

function as(tenant: Tenant, actor?: Actor, outbox?: MailMessage[]) {
	return buildCtx(db, tenant, { actor, outbox });
}

async function citizen(name = 'Lies') {
	const user = await buildUser(db, { givenName: name, familyName: 'Peeters' });
	return { user, actor: await actorOf(db, user) };
}

/** The secret of the link in a mail (confirm or cancel). */
function tokenIn(mail: MailMessage | undefined): string {
	const m = /inschrijving\?token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? '');
	if (!m) throw new Error(`no registration link in: ${mail?.text}`);
	return m[1]!;
}

async function statusesOf(eventId: number) {
	const rows = await db
		.select({ id: eventRegistrations.id, status: eventRegistrations.status })
		.from(eventRegistrations)
		.where(eq(eventRegistrations.eventId, eventId))
		.orderBy(eventRegistrations.id);
	return rows.map((r) => r.status);
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
});

afterAll(async () => {
	await database?.destroy();
});

describe('registering with an account', () => {
	it('confirms in one click, mails the confirmation with the event as .ics, and refuses a second time', async () => {
		const event = await buildEvent(db, geel, { title: 'Werkgroep ontharding', capacity: 20 });
		const { user, actor } = await citizen();
		const outbox: MailMessage[] = [];
		const outcome = await registerForEvent(as(geel, actor, outbox), { eventId: event.id, origin: ORIGIN });
		expect(outcome).toMatchObject({ eventId: event.id, status: 'confirmed', waitlistPosition: null });
		expect(outbox).toHaveLength(1);
		expect(outbox[0]!.to).toBe(user.email);
		expect(outbox[0]!.subject).toBe('Je bent ingeschreven voor Werkgroep ontharding');
		const ics = outbox[0]!.attachments?.[0];
		expect(ics?.contentType).toContain('method=REQUEST');
		expect(ics?.content).toContain(`UID:${event.uid}`);
		expect(ics?.content).toContain('PARTSTAT=ACCEPTED');

		const twice = await refusal(
			registerForEvent(as(geel, actor, outbox), { eventId: event.id, origin: ORIGIN }),
			'conflict'
		);
		expect(twice.messageKey).toBe('eventRegistration.errors.alreadyRegistered');
		expect(await statusesOf(event.id)).toEqual(['confirmed']);
		expect(await getMyRegistration(as(geel, actor), { eventId: event.id })).toMatchObject({
			status: 'confirmed',
			companions: 0
		});
		expect((await getEvent(as(geel), { id: event.id })).placesLeft).toBe(19);
	});

	it('shows the online link to a person with a confirmed place only', async () => {
		const event = await buildEvent(db, geel, { kind: 'online', onlineUrl: 'https://meet.example/werkgroep' });
		const { actor } = await citizen();
		expect((await getEvent(as(geel, actor), { id: event.id })).onlineUrl).toBeNull();
		await registerForEvent(as(geel, actor), { eventId: event.id, origin: ORIGIN });
		expect((await getEvent(as(geel, actor), { id: event.id })).onlineUrl).toBe(
			'https://meet.example/werkgroep'
		);
		expect((await getEvent(as(geel), { id: event.id })).onlineUrl).toBeNull();
	});

	it('counts companions against the capacity and refuses more than allowed or than places left', async () => {
		const event = await buildEvent(db, geel, { capacity: 4, maxCompanions: 3 });
		const first = await citizen();
		await registerForEvent(as(geel, first.actor), { eventId: event.id, companions: '2', origin: ORIGIN });
		expect((await getEvent(as(geel), { id: event.id })).placesLeft).toBe(1);

		const second = await citizen();
		const tooMany = await refusal(
			registerForEvent(as(geel, second.actor), { eventId: event.id, companions: 4, origin: ORIGIN }),
			'validation'
		);
		expect(tooMany.options.fields).toEqual({
			companions: ['eventRegistration.errors.companionsTooManyField']
		});
		expect(translate('nl', tooMany.messageKey, { max: 3 })).toBe('Je kan hoogstens 3 mensen meebrengen.');

		const noRoom = await refusal(
			registerForEvent(as(geel, second.actor), { eventId: event.id, companions: 1, origin: ORIGIN }),
			'conflict'
		);
		expect(noRoom.options.fields).toEqual({
			companions: ['eventRegistration.errors.noRoomForCompanionsField']
		});
		expect(noRoom.options.details).toEqual({ left: 1 });

		const bad = await refusal(
			registerForEvent(as(geel, second.actor), { eventId: event.id, companions: 'twee', origin: ORIGIN }),
			'validation'
		);
		expect(bad.options.fields).toEqual({ companions: ['eventRegistration.errors.companionsInvalid'] });

		// Asked for the waitlist: there it goes, with its companions.
		const waiting = await registerForEvent(as(geel, second.actor), {
			eventId: event.id,
			companions: 1,
			waitlist: 'on',
			origin: ORIGIN
		});
		expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
		expect(await statusesOf(event.id)).toEqual(['confirmed', 'waitlisted']);
	});

	it('keeps the answers to the event’s questions and refuses a text answer that is too long', async () => {
		const event = await buildEvent(db, geel, {
			questions: [
				{ id: 'spade', label: 'Ik breng een spade mee', type: 'checkbox' },
				{ id: 'plek', label: 'Welke plek?', type: 'text' }
			]
		});
		const { actor } = await citizen();
		const long = await refusal(
			registerForEvent(as(geel, actor), {
				eventId: event.id,
				answers: { spade: 'on', plek: 'x'.repeat(501) },
				origin: ORIGIN
			}),
			'validation'
		);
		expect(long.options.fields).toEqual({ 'answers.plek': ['eventRegistration.errors.answerTooLong'] });
		await registerForEvent(as(geel, actor), {
			eventId: event.id,
			answers: { spade: 'on', plek: ' Kerkplein ', verzonnen: 'weg' },
			origin: ORIGIN
		});
		const [row] = await db
			.select({ answers: eventRegistrations.answers })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id));
		expect(row!.answers).toEqual({ spade: true, plek: 'Kerkplein' });
	});
});

describe('registering without an account', () => {
	it('asks for a name and a valid address, beside each field', async () => {
		const event = await buildEvent(db, geel);
		const err = await refusal(
			registerForEvent(as(geel), { eventId: event.id, name: '  ', email: 'geen-adres', origin: ORIGIN }),
			'validation'
		);
		expect(err.options.fields).toEqual({
			name: ['eventRegistration.errors.nameRequired'],
			email: ['eventRegistration.errors.emailInvalid']
		});
		expect(await statusesOf(event.id)).toEqual([]);
	});

	it('is pending until the mailed link confirms it; the link shows it, confirms once, then cancels it', async () => {
		const event = await buildEvent(db, geel, { title: 'Plantdag', kind: 'actionDay', capacity: 10 });
		const outbox: MailMessage[] = [];
		const pending = await registerForEvent(as(geel, undefined, outbox), {
			eventId: event.id,
			name: 'Jan Janssens',
			email: 'Jan@Example.be',
			origin: ORIGIN
		});
		expect(pending).toMatchObject({ status: 'pending' });
		expect(outbox[0]).toMatchObject({
			to: 'jan@example.be',
			subject: 'Bevestig je inschrijving voor Plantdag'
		});
		expect(outbox[0]!.attachments).toBeUndefined();
		// A pending registration holds no place.
		expect((await getEvent(as(geel), { id: event.id })).placesLeft).toBe(10);

		const token = tokenIn(outbox[0]);
		expect(outbox[0]!.text).toContain(`${ORIGIN}/geel/activiteiten/inschrijving?token=${token}`);
		const seen = await inspectRegistrationLink(as(geel), { unverifiedToken: token });
		expect(seen.registration).toMatchObject({ status: 'pending', name: 'Jan Janssens' });
		expect(seen.event.title).toBe('Plantdag');
		expect(await statusesOf(event.id)).toEqual(['pending']);

		const confirmed = await confirmRegistration(as(geel, undefined, outbox), {
			unverifiedToken: token,
			origin: ORIGIN
		});
		expect(confirmed).toMatchObject({ status: 'confirmed' });
		expect(outbox[1]).toMatchObject({ subject: 'Je bent ingeschreven voor Plantdag' });
		expect(outbox[1]!.attachments?.[0]?.content).toContain('ATTENDEE;CN=Jan Janssens');
		// Again (a double click): nothing changes, no second mail.
		expect(
			await confirmRegistration(as(geel, undefined, outbox), { unverifiedToken: token, origin: ORIGIN })
		).toMatchObject({
			status: 'confirmed'
		});
		expect(outbox).toHaveLength(2);
		expect((await getEvent(as(geel), { id: event.id })).placesLeft).toBe(9);

		// The same address again is refused beside the address field.
		const again = await refusal(
			registerForEvent(as(geel), { eventId: event.id, name: 'Jan', email: 'jan@example.be', origin: ORIGIN }),
			'conflict'
		);
		expect(again.options.fields).toEqual({ email: ['eventRegistration.errors.alreadyRegisteredEmail'] });

		const cancelled = await cancelRegistration(as(geel, undefined, outbox), {
			unverifiedToken: token,
			origin: ORIGIN
		});
		expect(cancelled).toMatchObject({ registrationId: pending.registrationId, movedUp: 0 });
		expect(outbox[2]).toMatchObject({ subject: 'Je bent uitgeschreven voor Plantdag' });
		expect(outbox[2]!.attachments?.[0]?.content).toContain('METHOD:CANCEL');
		expect((await getEvent(as(geel), { id: event.id })).placesLeft).toBe(10);
		const twice = await refusal(
			cancelRegistration(as(geel), { unverifiedToken: token, origin: ORIGIN }),
			'conflict'
		);
		expect(twice.messageKey).toBe('eventRegistration.errors.registrationCancelled');
		// Once cancelled, the address may register again.
		expect(
			await registerForEvent(as(geel), {
				eventId: event.id,
				name: 'Jan',
				email: 'jan@example.be',
				origin: ORIGIN
			})
		).toMatchObject({ status: 'pending' });
	});

	it('sends a new link when the form is sent again before confirming; the old link no longer works', async () => {
		const event = await buildEvent(db, geel);
		const outbox: MailMessage[] = [];
		const input = { eventId: event.id, name: 'An', email: 'an@example.be', origin: ORIGIN };
		const first = await registerForEvent(as(geel, undefined, outbox), input);
		const second = await registerForEvent(as(geel, undefined, outbox), { ...input, name: 'An Claes' });
		expect(second.registrationId).toBe(first.registrationId);
		await refusal(inspectRegistrationLink(as(geel), { unverifiedToken: tokenIn(outbox[0]) }), 'bad_request');
		expect(
			(await inspectRegistrationLink(as(geel), { unverifiedToken: tokenIn(outbox[1]) })).registration.name
		).toBe('An Claes');
	});

	it('refuses a tampered link, and a Geel link through Mol’s pages', async () => {
		const event = await buildEvent(db, geel);
		const outbox: MailMessage[] = [];
		await registerForEvent(as(geel, undefined, outbox), {
			eventId: event.id,
			name: 'Els',
			email: 'els@example.be',
			origin: ORIGIN
		});
		const token = tokenIn(outbox[0]);
		const changed = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
		// Shaped like a secret but not one: looked up, not found.
		for (const unknown of [changed, 'a'.repeat(43)]) {
			const err = await refusal(
				confirmRegistration(as(geel), { unverifiedToken: unknown, origin: ORIGIN }),
				'bad_request'
			);
			expect(err.messageKey).toBe('eventRegistration.errors.linkInvalid');
		}
		// Not even shaped like one: refused before any lookup.
		for (const malformed of ['', 'x'.repeat(200), "' OR 1=1 --", null]) {
			const err = await refusal(
				confirmRegistration(as(geel), { unverifiedToken: malformed, origin: ORIGIN }),
				'validation'
			);
			expect(err.messageKey).toBe('eventRegistration.errors.linkInvalid');
		}
		await refusal(cancelRegistration(as(mol), { unverifiedToken: token, origin: ORIGIN }), 'bad_request');
		await refusal(inspectRegistrationLink(as(mol), { unverifiedToken: token }), 'bad_request');
		expect(await statusesOf(event.id)).toEqual(['pending']);
	});
});

describe('the waitlist', () => {
	it('fills a full event’s waitlist in arrival order; a cancellation moves the first up and mails them', async () => {
		const event = await buildEvent(db, geel, { title: 'Werkgroep', capacity: 2, maxCompanions: 2 });
		const people = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => citizen(n)));
		const outbox: MailMessage[] = [];
		const outcomes = [];
		for (const [i, p] of people.entries())
			outcomes.push(
				await registerForEvent(as(geel, p.actor, outbox), {
					eventId: event.id,
					// C brings one person: when one place comes free, D (alone) moves up before C.
					companions: i === 2 ? 1 : 0,
					waitlist: true,
					origin: ORIGIN
				})
			);
		expect(outcomes.map((o) => [o.status, o.waitlistPosition])).toEqual([
			['confirmed', null],
			['confirmed', null],
			['waitlisted', 1],
			['waitlisted', 2],
			['waitlisted', 3]
		]);
		expect(outbox[2]!.subject).toBe('Je staat op de wachtlijst voor Werkgroep');
		expect(outbox[2]!.text).toContain('op plaats 1');

		const waitingMail = outbox.length;
		const cancelled = await cancelRegistration(as(geel, people[0]!.actor, outbox), {
			eventId: event.id,
			origin: ORIGIN
		});
		expect(cancelled.movedUp).toBe(1);
		const moved = outbox.slice(waitingMail);
		expect(moved.map((m) => [m.to, m.subject])).toEqual([
			[people[0]!.user.email, 'Je bent uitgeschreven voor Werkgroep'],
			[people[3]!.user.email, 'Er is een plaats vrij: je bent ingeschreven voor Werkgroep']
		]);
		expect(moved[1]!.attachments?.[0]?.content).toContain('METHOD:REQUEST');
		expect(await getMyRegistration(as(geel, people[2]!.actor), { eventId: event.id })).toMatchObject({
			status: 'waitlisted',
			waitlistPosition: 1
		});
		// The moved-up person's new link works for cancelling, and frees the place for E (C still does not fit).
		const next = await cancelRegistration(as(geel, undefined, outbox), {
			unverifiedToken: tokenIn(moved[1]),
			origin: ORIGIN
		});
		expect(next.movedUp).toBe(1);
		expect(await getMyRegistration(as(geel, people[4]!.actor), { eventId: event.id })).toMatchObject({
			status: 'confirmed'
		});
		// B leaves too: one place, still not enough for C; then E leaves, and C and their companion fit.
		await cancelRegistration(as(geel, people[1]!.actor), { eventId: event.id, origin: ORIGIN });
		expect(await statusesOf(event.id)).toEqual([
			'cancelled',
			'cancelled',
			'waitlisted',
			'cancelled',
			'confirmed'
		]);
		await cancelRegistration(as(geel, people[4]!.actor), { eventId: event.id, origin: ORIGIN });
		expect(await statusesOf(event.id)).toEqual([
			'cancelled',
			'cancelled',
			'confirmed',
			'cancelled',
			'cancelled'
		]);

		const changes = await db
			.select({ type: domainEvents.type, payload: domainEvents.payload })
			.from(domainEvents)
			.where(
				and(
					eq(domainEvents.subjectKind, 'registration'),
					eq(domainEvents.type, 'registration.status_changed')
				)
			);
		expect(changes.filter((c) => (c.payload as { reason: string }).reason === 'moved_up')).toHaveLength(3);
	});

	it('puts a confirmed address on the waitlist when the event filled up meanwhile', async () => {
		const event = await buildEvent(db, geel, { capacity: 1 });
		const outbox: MailMessage[] = [];
		await registerForEvent(as(geel, undefined, outbox), {
			eventId: event.id,
			name: 'Guest',
			email: 'guest@example.be',
			origin: ORIGIN
		});
		await registerForEvent(as(geel, (await citizen()).actor), { eventId: event.id, origin: ORIGIN });
		const outcome = await confirmRegistration(as(geel, undefined, outbox), {
			unverifiedToken: tokenIn(outbox[0]),
			origin: ORIGIN
		});
		expect(outcome).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
	});
});

describe('registrations whose address was never confirmed', () => {
	it('are forgotten after a week by housekeeping; confirmed ones and younger ones stay', async () => {
		const event = await buildEvent(db, geel);
		const outbox: MailMessage[] = [];
		for (const email of ['oud@example.be', 'jong@example.be', 'bevestigd@example.be'])
			await registerForEvent(as(geel, undefined, outbox), {
				eventId: event.id,
				name: 'X',
				email,
				origin: ORIGIN
			});
		await confirmRegistration(as(geel), { unverifiedToken: tokenIn(outbox[2]), origin: ORIGIN });
		const eightDaysAgo = new Date(Date.now() - 8 * DAY);
		await db
			.update(eventRegistrations)
			.set({ createdAt: eightDaysAgo })
			.where(eq(eventRegistrations.email, 'oud@example.be'));
		await db
			.update(eventRegistrations)
			.set({ createdAt: eightDaysAgo })
			.where(eq(eventRegistrations.email, 'bevestigd@example.be'));
		expect(await forgetUnconfirmedRegistrations({ db })).toBe(1);
		const left = await db
			.select({ email: eventRegistrations.email, status: eventRegistrations.status })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id))
			.orderBy(eventRegistrations.id);
		expect(left).toEqual([
			{ email: 'jong@example.be', status: 'pending' },
			{ email: 'bevestigd@example.be', status: 'confirmed' }
		]);
	});
});

describe('events that take no registrations', () => {
	it('refuses a past, cancelled, closed or draft event, and one of another municipality', async () => {
		const { actor } = await citizen();
		const now = Date.now();
		const past = await buildEvent(db, geel, {
			startsAt: new Date(now - DAY),
			endsAt: new Date(now - DAY + 3_600_000)
		});
		const cancelled = await buildEvent(db, geel, { status: 'cancelled' });
		const closed = await buildEvent(db, geel, { registrationDeadline: new Date(now - 60_000) });
		const draft = await buildEvent(db, geel, { status: 'draft' });
		const inMol = await buildEvent(db, mol);
		const key = async (eventId: number, code: 'conflict' | 'not_found') =>
			(await refusal(registerForEvent(as(geel, actor), { eventId, origin: ORIGIN }), code)).messageKey;
		expect(await key(past.id, 'conflict')).toBe('eventRegistration.errors.eventPast');
		expect(await key(cancelled.id, 'conflict')).toBe('eventRegistration.errors.eventCancelled');
		expect(await key(closed.id, 'conflict')).toBe('eventRegistration.errors.registrationClosed');
		await key(draft.id, 'not_found');
		await key(inMol.id, 'not_found');
		await refusal(registerForEvent(as(geel, actor), { eventId: 'abc', origin: ORIGIN }), 'validation');
		const rows = await db
			.select({ id: eventRegistrations.id })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.userId, actor.userId));
		expect(rows).toEqual([]);
	});
});

describe('the registration list', () => {
	it('is for the municipality’s staff who manage events: not for Mol’s admin, a citizen or a visitor', async () => {
		const event = await buildEvent(db, geel, { status: 'draft' });
		const organiser = await buildStaff(db, geel, 'moderator');
		const { actor } = await citizen('Mieke');
		const open = await buildEvent(db, geel);
		await registerForEvent(as(geel, actor), { eventId: open.id, companions: 0, origin: ORIGIN });

		const list = await listEventRegistrations(as(geel, organiser.actor), { eventId: open.id });
		expect(list).toHaveLength(1);
		expect(list[0]).toMatchObject({ name: 'Mieke P.', account: true, status: 'confirmed' });
		// A draft takes no registrations yet; its staff see its empty list.
		expect(await listEventRegistrations(as(geel, organiser.actor), { eventId: event.id })).toEqual([]);

		const molAdmin = await buildStaff(db, mol, 'admin');
		await refusal(listEventRegistrations(as(geel, molAdmin.actor), { eventId: open.id }), 'forbidden');
		await refusal(listEventRegistrations(as(mol, molAdmin.actor), { eventId: open.id }), 'not_found');
		await refusal(listEventRegistrations(as(geel, actor), { eventId: open.id }), 'forbidden');
		await refusal(listEventRegistrations(as(geel), { eventId: open.id }), 'unauthenticated');
		const alderman = await buildStaff(db, geel, 'alderman');
		await refusal(listEventRegistrations(as(geel, alderman.actor), { eventId: open.id }), 'forbidden');
	});
});

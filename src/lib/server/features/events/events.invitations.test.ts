// Invitations to an event, on PGlite and PostgreSQL with the real mail delivery and a real SMTP server: only
// people who agreed to invitations are counted and mailed, each once per event; the count staff saw must still
// hold when they send; the mail's one-click link registers its person (opening it changes nothing) and works
// only in its own municipality; nobody outside the municipality's event managers can count or send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { MailMessage } from '$lib/server/platform/mail';
import {
	consents,
	eventInvitations,
	eventRegistrations,
	notificationPreferences,
	notifications,
	suggestionComments,
	suggestionVotes,
	suggestions,
	users
} from '$lib/server/db/schema';
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
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	buildVotes
} from '$lib/server/testing/factories';
import { listMyNotifications } from '$lib/server/features/notifications/notifications.inbox.service';
import {
	acceptInvitation,
	getInvitePage,
	inspectInvitation,
	sendInvitations
} from './events.invitations.service';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;
let mol: Tenant;
let geelStaff: Actor;
let molStaff: Actor;
const ORIGIN = 'https://meedoen.test';

const ctx = (tenant: Tenant, actor?: Actor, outbox?: MailMessage[]) =>
	withTenant(requestCtx(app, 'invitations-test', { actor, outbox }), tenant);

/** A person of this municipality: in its pool with the consent (unless told), a verified address. */
async function person(
	tenant: Tenant,
	options: { pool?: boolean; consent?: boolean; verified?: boolean } = {}
) {
	const user = await buildUser(database.db, { verified: options.verified });
	await database.db
		.update(users)
		.set({ homeMunicipalityId: tenant.id, wantsToHelp: options.pool ?? true })
		.where(eq(users.id, user.id));
	if (options.consent ?? true)
		await database.db.insert(consents).values({ userId: user.id, kind: 'pool', version: '2026-11' });
	return user;
}

beforeAll(async () => {
	running = await startMailApp('invitations');
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	geelStaff = (await buildStaff(database.db, geel, 'admin')).actor;
	molStaff = (await buildStaff(database.db, mol, 'admin')).actor;
});

afterAll(() => running?.stop());

describe('inviting the pool', () => {
	it('counts and mails only who agreed to invitations, once each, and the link registers with one click', async () => {
		const event = await buildEvent(database.db, geel, { title: 'Plantdag in de Kapelstraat' });
		const wanted = await person(geel);
		await person(geel, { consent: false }); // says they want to help, never gave the consent
		await person(geel, { pool: false }); // the consent, but left the pool in the profile
		const turnedOff = await person(geel);
		await database.db
			.insert(notificationPreferences)
			.values({ userId: turnedOff.id, kind: 'invitations', frequency: 'never' });
		await person(geel, { verified: false });
		await person(mol); // another municipality's pool
		const registered = await person(geel);
		await database.db.insert(eventRegistrations).values({
			municipalityId: geel.id,
			eventId: event.id,
			userId: registered.id,
			status: 'confirmed',
			tokenHash: `already-${event.id}`,
			queuedAt: new Date()
		});

		const staff = ctx(geel, geelStaff);
		const page = await getInvitePage(staff, {
			unverifiedEventId: String(event.id),
			unverifiedAudience: 'pool'
		});
		expect(page.open).toBe(true);
		expect(page.chosen).toEqual({ audience: 'pool', count: 1 });
		// The event has no action or opportunity: those audiences are shown, not offered.
		expect(page.audiences.filter((a) => a.available).map((a) => a.audience)).toEqual([
			'pool',
			'active',
			'offline'
		]);

		const send = (input: Record<string, unknown>) =>
			sendInvitations(staff, {
				unverifiedEventId: String(event.id),
				origin: ORIGIN,
				audience: 'pool',
				confirmed: 'ja',
				seen: '1',
				...input
			});
		// Without the tick, with a count that is no longer true, with an audience it does not have: nothing goes.
		await refusal(send({ confirmed: '' }), 'validation');
		const changed = await refusal(send({ seen: '7' }), 'conflict');
		expect(changed.options.details).toEqual({ count: 1 });
		await refusal(send({ audience: 'suggestions' }), 'validation');
		await refusal(send({ audience: "pool'; DROP TABLE users;--" }), 'validation');
		expect(await database.db.select().from(eventInvitations)).toEqual([]);

		expect(await send({})).toEqual({ sent: 1 });
		const mail = await smtp.waitFor((m) => m.to.includes(wanted.email!));
		expect(mail.decoded).toContain('Subject: Uitnodiging: Plantdag in de Kapelstraat');
		const headers = mail.decoded.replace(/\r?\n[ \t]+/g, ' ');
		expect(headers).toMatch(/List-Unsubscribe: <https:\/\/meedoen\.test\/uitschrijven\/[\w-]+>/);
		expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		expect(mail.decoded).toContain(`X-Meedoen-Reference: event-invitation:${event.id}`);
		const token = /\/geel\/activiteiten\/uitnodiging\?token=([\w-]+)/.exec(mail.decoded)?.[1];
		expect(token).toBeTruthy();
		expect(smtp.messages.filter((m) => m.decoded.includes(`event-invitation:${event.id}`))).toHaveLength(1);
		const audit = (await auditOf(database.db, geel.id)).filter((a) => a.action === 'event.invitations_sent');
		expect(audit.at(-1)?.details).toMatchObject({ eventId: event.id, audience: 'pool', recipients: 1 });
		// The bell: the person invited sees it in their notifications, linking to the event; no second mail.
		await app.events.runOnce();
		const bell = await database.db
			.select()
			.from(notifications)
			.where(eq(notifications.type, 'event.invitations_sent'));
		expect(bell).toHaveLength(1);
		expect(bell[0]).toMatchObject({
			userId: wanted.id,
			municipalityId: geel.id,
			kind: 'invitations',
			mailState: 'none',
			path: `/geel/activiteiten/${event.id}-${event.slug}`
		});
		const inbox = await listMyNotifications(ctx(geel, await actorOf(database.db, wanted)), {});
		expect(inbox.items.map((n) => n.title)).toContain(
			'Je bent uitgenodigd voor “Plantdag in de Kapelstraat”'
		);
		expect(smtp.messages.filter((m) => m.decoded.includes('X-Meedoen-Reference: notification:'))).toEqual([]);

		// Once: the same audience again has nobody left.
		expect(
			(await getInvitePage(staff, { unverifiedEventId: String(event.id), unverifiedAudience: 'pool' })).chosen
		).toEqual({ audience: 'pool', count: 0 });
		await refusal(send({ seen: '0' }), 'validation');

		// The link: opening it changes nothing; the button registers; again is refused; elsewhere it is nothing.
		const visitor = ctx(geel);
		expect(await inspectInvitation(visitor, { unverifiedToken: token })).toMatchObject({
			state: 'open',
			event: { title: 'Plantdag in de Kapelstraat' }
		});
		expect(
			await database.db.select().from(eventRegistrations).where(eq(eventRegistrations.userId, wanted.id))
		).toEqual([]);
		expect(await inspectInvitation(ctx(mol), { unverifiedToken: token })).toEqual({ state: 'invalid' });
		await refusal(acceptInvitation(ctx(mol), { unverifiedToken: token, origin: ORIGIN }), 'not_found');
		for (const bad of ['', 'x'.repeat(5_000), `${token}x`, token!.slice(1), null, 42])
			expect(await inspectInvitation(visitor, { unverifiedToken: bad })).toEqual({ state: 'invalid' });

		expect(await acceptInvitation(visitor, { unverifiedToken: token, origin: ORIGIN })).toMatchObject({
			status: 'confirmed'
		});
		const [row] = await database.db
			.select()
			.from(eventInvitations)
			.where(and(eq(eventInvitations.eventId, event.id), eq(eventInvitations.userId, wanted.id)));
		expect(row?.registeredAt).toBeInstanceOf(Date);
		expect(await inspectInvitation(visitor, { unverifiedToken: token })).toMatchObject({
			state: 'registered'
		});
		await refusal(acceptInvitation(visitor, { unverifiedToken: token, origin: ORIGIN }), 'conflict');
		await smtp.waitFor((m) => m.to.includes(wanted.email!) && m.decoded.includes('Je bent ingeschreven'));
		expect((await getInvitePage(staff, { unverifiedEventId: String(event.id) })).sofar).toEqual({
			invited: 1,
			registered: 1
		});
	});

	it('invites the authors and supporters of the opportunity’s suggestions who agreed, and nobody else', async () => {
		const place = await buildSuggestionOpportunity(database.db, geel, { publishAction: true });
		const event = await buildEvent(database.db, geel, { actionId: place.action.id, opportunityId: place.id });
		const supporter = await person(geel);
		const noConsent = await person(geel, { consent: false });
		const suggestion = await buildSuggestion(database.db, geel, place.id);
		await buildVotes(database.db, geel, suggestion, [supporter.id, noConsent.id]);
		await person(geel); // in the pool, but took no part
		const page = await getInvitePage(ctx(geel, geelStaff), {
			unverifiedEventId: String(event.id),
			unverifiedAudience: 'suggestions'
		});
		expect(page.audiences.every((a) => a.available)).toBe(true);
		expect(page.chosen).toEqual({ audience: 'suggestions', count: 1 });
	});

	it('invites everyone active in the municipality in the last year who agreed, once each, and nobody else', async () => {
		// A municipality of its own: the other tests' people took part in Geel too.
		const town = await buildParticipatingMunicipality(database.db, 'herentals');
		const townStaff = (await buildStaff(database.db, town, 'admin')).actor;
		const place = await buildSuggestionOpportunity(database.db, town, { publishAction: true });
		const molPlace = await buildSuggestionOpportunity(database.db, mol, { publishAction: true });
		const event = await buildEvent(database.db, town, { title: 'Infoavond zonnepanelen' });
		const earlier = await buildEvent(database.db, town);
		const longAgo = new Date(Date.now() - 400 * 86_400_000);
		const recently = new Date(Date.now() - 30 * 86_400_000);

		// Active in Geel, agreed to invitations: an author, a commenter, a supporter, someone registered, and a
		// person whose home is Mol (in Mol's pool) who supported a suggestion in Geel.
		const author = await person(town, { pool: false });
		const commenter = await person(town);
		const supporter = await person(town);
		const registrant = await person(town);
		const fromMol = await person(mol);
		// Active in Geel, but: no consent, invitations turned off, address never verified, a year and more ago,
		// only in Mol, already registered for this event.
		const noConsent = await person(town, { consent: false });
		const turnedOff = await person(town);
		await database.db
			.insert(notificationPreferences)
			.values({ userId: turnedOff.id, kind: 'invitations', frequency: 'never' });
		const unverified = await person(town, { verified: false });
		const lastYear = await person(town);
		const onlyMol = await person(mol);
		const registered = await person(town);

		const suggestion = await buildSuggestion(database.db, town, place.id, { authorId: author.id });
		const old = await buildSuggestion(database.db, town, place.id, { authorId: lastYear.id });
		await database.db.update(suggestions).set({ createdAt: longAgo }).where(eq(suggestions.id, old.id));
		await database.db.insert(suggestionComments).values([
			{ municipalityId: town.id, suggestionId: suggestion.id, authorId: commenter.id, body: 'Goed idee' },
			{ municipalityId: town.id, suggestionId: suggestion.id, authorId: supporter.id, body: 'Ja!' },
			{
				municipalityId: town.id,
				suggestionId: suggestion.id,
				authorId: lastYear.id,
				body: 'Oud',
				createdAt: longAgo
			}
		]);
		await buildVotes(database.db, town, suggestion, [
			supporter.id,
			fromMol.id,
			noConsent.id,
			turnedOff.id,
			unverified.id,
			registered.id
		]);
		await database.db
			.update(suggestionVotes)
			.set({ createdAt: recently })
			.where(eq(suggestionVotes.suggestionId, suggestion.id));
		const molSuggestion = await buildSuggestion(database.db, mol, molPlace.id, { authorId: onlyMol.id });
		await buildVotes(database.db, mol, molSuggestion, [onlyMol.id]);
		const registration = (userId: string, eventId: number, tokenHash: string) => ({
			municipalityId: town.id,
			eventId,
			userId,
			status: 'confirmed' as const,
			tokenHash,
			queuedAt: new Date()
		});
		await database.db
			.insert(eventRegistrations)
			.values([
				registration(registrant.id, earlier.id, `active-${earlier.id}`),
				registration(registered.id, event.id, `active-${event.id}`)
			]);

		const staff = ctx(town, townStaff);
		const page = await getInvitePage(staff, {
			unverifiedEventId: String(event.id),
			unverifiedAudience: 'active'
		});
		// author, commenter, supporter (commented and voted: once), registrant, fromMol.
		expect(page.chosen).toEqual({ audience: 'active', count: 5 });
		// Mol's staff counting for a Mol event see none of Geel's active people.
		const molEvent = await buildEvent(database.db, mol);
		expect(
			(
				await getInvitePage(ctx(mol, molStaff), {
					unverifiedEventId: String(molEvent.id),
					unverifiedAudience: 'active'
				})
			).chosen
		).toEqual({ audience: 'active', count: 1 }); // onlyMol: fromMol took part in Geel only
		expect(
			await sendInvitations(staff, {
				unverifiedEventId: String(event.id),
				origin: ORIGIN,
				audience: 'active',
				confirmed: 'ja',
				seen: '5'
			})
		).toEqual({ sent: 5 });
		for (const p of [author, commenter, supporter, registrant, fromMol]) {
			const mail = await smtp.waitFor(
				(m) => m.to.includes(p.email!) && m.decoded.includes('Infoavond zonnepanelen')
			);
			expect(mail.decoded.replace(/=\r?\n/g, '')).toContain('omdat je meedeed op het platform in');
		}
		const invited = await database.db
			.select({ userId: eventInvitations.userId })
			.from(eventInvitations)
			.where(eq(eventInvitations.eventId, event.id));
		expect(invited.map((i) => i.userId).sort()).toEqual(
			[author, commenter, supporter, registrant, fromMol].map((p) => p.id).sort()
		);
		// Once: nobody is left to invite to this event.
		expect(
			(await getInvitePage(staff, { unverifiedEventId: String(event.id), unverifiedAudience: 'active' }))
				.chosen
		).toEqual({ audience: 'active', count: 0 });
	});

	it('refuses another municipality’s staff, a citizen and a visitor, and a cancelled or past event', async () => {
		const event = await buildEvent(database.db, geel);
		const citizen = await actorOf(database.db, await person(geel));
		const input = { unverifiedEventId: String(event.id), unverifiedAudience: 'pool' };
		await refusal(getInvitePage(ctx(geel, molStaff), input), 'forbidden');
		await refusal(getInvitePage(ctx(geel, citizen), input), 'forbidden');
		await refusal(getInvitePage(ctx(geel), input), 'unauthenticated');
		// Mol's staff in Mol do not find Geel's event.
		await refusal(getInvitePage(ctx(mol, molStaff), input), 'not_found');
		const send = {
			unverifiedEventId: String(event.id),
			origin: ORIGIN,
			audience: 'pool',
			confirmed: 'ja',
			seen: '1'
		};
		await refusal(sendInvitations(ctx(geel, molStaff), send), 'forbidden');
		await refusal(sendInvitations(ctx(mol, molStaff), send), 'not_found');

		const cancelled = await buildEvent(database.db, geel, { status: 'cancelled' });
		const past = await buildEvent(database.db, geel, { startsAt: new Date(Date.now() - 86_400_000) });
		for (const closed of [cancelled, past]) {
			expect((await getInvitePage(ctx(geel, geelStaff), { unverifiedEventId: String(closed.id) })).open).toBe(
				false
			);
			await refusal(
				sendInvitations(ctx(geel, geelStaff), { ...send, unverifiedEventId: String(closed.id) }),
				'conflict'
			);
		}
	});
});

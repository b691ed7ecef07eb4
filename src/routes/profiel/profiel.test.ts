// The profile routes as SvelteKit calls them: a logged-out person, a session that ran out while typing,
// a refused form, a GET that never changes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { render } from 'svelte/server';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import {
	consents,
	eventRegistrations,
	groupMembers,
	mailTokens,
	memberships,
	notificationPreferences,
	sessions,
	stories,
	suggestionComments,
	users,
	userIdentities
} from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildEvent,
	buildGroup,
	buildParticipatingMunicipality,
	buildSuggestion,
	buildSuggestionOpportunity
} from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import {
	consumeLoginLink,
	requestLoginLink,
	resolveSession
} from '$lib/server/features/accounts/accounts.service';
import { insertSession } from '$lib/server/features/accounts/accounts.queries';
import { SESSION_COOKIE } from '$lib/server/features/accounts/accounts.cookies';
import * as profilePage from './+page.server';
import * as verifyPage from './bevestig/+page.server';
import * as deletePage from './verwijderen/+page.server';
import * as exportEndpoint from './gegevens.json/+server';
import * as exportPage from './gegevens/+page.server';
import ExportPage from './gegevens/+page.svelte';
import { profile as profileTexts } from '$lib/i18n/messages/nl/profile';
import { codedFields, valueLabel } from '$lib/components/profile/export-fields';
import { translate, type MessageKey } from '$lib/i18n';
import * as calendarPage from './agenda/+page.server';
import * as poolPage from './pool/+page.server';
import type { Actor } from '$lib/server/platform/policy';

let database: TestDatabase;
let geel: Tenant;
const settings = { idleMinutes: 60, maxDays: 30 };

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
});
afterAll(async () => {
	await database?.destroy();
});

interface Person {
	id: string;
	actor: Actor;
	sessionToken: string;
	email: string;
}

let counter = 0;
async function buildPerson(): Promise<Person> {
	counter += 1;
	const email = `route${counter}@example.be`;
	const [row] = await database.db
		.insert(users)
		.values({ displayName: `Route ${counter}`, email, emailVerifiedAt: new Date() })
		.returning({ id: users.id });
	await database.db.insert(userIdentities).values({ userId: row!.id, issuer: 'mail', subject: email });
	const sessionToken = newToken();
	await insertSession(database.db, {
		id: hashToken(sessionToken),
		userId: row!.id,
		idToken: null,
		userAgent: 'test',
		expiresAt: new Date(Date.now() + 86_400_000)
	});
	const session = await resolveSession(database.db, { unverifiedToken: sessionToken, settings });
	return { id: row!.id, actor: session!.actor, sessionToken, email };
}

interface FakeEvent {
	event: RequestEvent;
	cookies: Map<string, string>;
	deletedCookies: string[];
	outbox: MailMessage[];
}

/** A request as SvelteKit hands it to a load, action or endpoint, after hooks.server.ts ran. */
function request(
	path: string,
	options: { person?: Person | null; form?: Record<string, string>; cookies?: Record<string, string> } = {}
): FakeEvent {
	const url = new URL(path, 'https://meedoen.test');
	const jar = new Map(Object.entries(options.cookies ?? {}));
	const deletedCookies: string[] = [];
	const outbox: MailMessage[] = [];
	const person = options.person ?? null;
	const event = {
		url,
		request: new Request(url, {
			method: options.form ? 'POST' : 'GET',
			body: options.form ? new URLSearchParams(options.form) : undefined
		}),
		cookies: {
			get: (name: string) => jar.get(name),
			set: (name: string, value: string) => void jar.set(name, value),
			delete: (name: string) => {
				jar.delete(name);
				deletedCookies.push(name);
			}
		},
		locals: {
			requestId: 'test',
			locale: 'nl',
			municipality: null,
			ctx: buildCtx(database.db, undefined, { actor: person?.actor, outbox }),
			session: person
				? { sessionId: hashToken(person.sessionToken), actor: person.actor, idToken: null }
				: null
		},
		params: {},
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	return { event, cookies: jar, deletedCookies, outbox };
}

/** Runs a load or action that should redirect, and returns where to. */
async function redirectOf(work: () => unknown): Promise<{ status: number; location: string }> {
	try {
		await work();
	} catch (err) {
		if (isRedirect(err)) return { status: err.status, location: err.location };
		throw err;
	}
	throw new Error('expected a redirect');
}

type Handler = (event: RequestEvent) => unknown;
const call = (handler: unknown, event: RequestEvent) => (handler as Handler)(event);
const loadProfile = (e: RequestEvent) =>
	call(profilePage.load, e) as Promise<{
		profile: { values: Record<string, string>; draftRestored: boolean };
	}>;

const validForm = {
	displayName: 'Anneke',
	email: '',
	home: 'geel',
	mailFrequency: 'weekly',
	themesOf: 'geel'
};

describe('/profiel', () => {
	it('sends a logged-out visitor to the login page, returning here', async () => {
		expect(await redirectOf(() => loadProfile(request('/profiel').event))).toEqual({
			status: 303,
			location: '/aanmelden?terug=%2Fprofiel'
		});
	});

	it('answers a refused form with Dutch messages per field and everything that was typed', async () => {
		const person = await buildPerson();
		const typed = {
			...validForm,
			person: person.id,
			displayName: 'x'.repeat(100_000),
			email: '<script>alert(1)</script>',
			'theme:mobiliteit': 'yes'
		};
		const result = await call(profilePage.actions.save, request('/profiel', { person, form: typed }).event);
		expect(isActionFailure(result)).toBe(true);
		const failure = result as { status: number; data: { fields: unknown; values: Record<string, string> } };
		expect(failure.status).toBe(422);
		expect(failure.data.fields).toEqual({
			displayName: ['Je naam mag maximaal 60 tekens lang zijn.'],
			email: ['Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be, of laat het veld leeg.']
		});
		expect(failure.data.values).toMatchObject({
			email: '<script>alert(1)</script>',
			home: 'geel',
			mailFrequency: 'weekly',
			'theme:mobiliteit': 'yes'
		});
		expect(failure.data.values.displayName).toBe('x'.repeat(2_000));
		const [row] = await database.db.select().from(users).where(eq(users.id, person.id));
		expect(row!.displayName).toBe(person.actor.displayName);
	});

	it('saves a valid form and says so', async () => {
		const person = await buildPerson();
		// Post/redirect/get: back to the profile with the message, which names the new home municipality.
		const target = await redirectOf(() =>
			call(
				profilePage.actions.save,
				request('/profiel', { person, form: { ...validForm, email: person.email } }).event
			)
		);
		expect(target).toEqual({ status: 303, location: '/profiel?gelukt=bewaard-gemeente' });
	});

	it('keeps what was typed when the session ran out, and shows it again after logging in', async () => {
		const person = await buildPerson();
		const typed = { ...validForm, person: person.id, displayName: 'Nog te bewaren', email: person.email };
		// The session expired: hooks.server.ts found no actor.
		const expired = request('/profiel', { form: typed });
		const target = await redirectOf(() => call(profilePage.actions.save, expired.event));
		const match = target.location.match(/^\/aanmelden\?verzoek=([\w-]+)&terug=%2Fprofiel$/);
		expect(target.status).toBe(303);
		expect(match).not.toBeNull();
		const requestId = decodeURIComponent(match![1]!);

		const outbox: MailMessage[] = [];
		await requestLoginLink(buildCtx(database.db, undefined, { outbox }), {
			email: person.email,
			ip: '10.90.0.1',
			origin: 'https://meedoen.test',
			returnTo: '/profiel',
			unverifiedRequestId: requestId,
			channel: { channel: null, referrer: null }
		});
		const outcome = await consumeLoginLink(buildCtx(database.db), {
			unverifiedToken: outbox[0]!.text.match(/token=([\w-]+)/)![1]!,
			userAgent: null,
			settings
		});
		expect(outcome.returnTo).toBe(`/profiel?concept=${requestId}`);

		const data = await loadProfile(request(outcome.returnTo, { person }).event);
		expect(data.profile.draftRestored).toBe(true);
		expect(data.profile.values).toMatchObject({ displayName: 'Nog te bewaren', home: 'geel' });
		const [row] = await database.db.select().from(users).where(eq(users.id, person.id));
		expect(row!.displayName).not.toBe('Nog te bewaren');
	});

	it('logs out on every device and clears the cookie', async () => {
		const person = await buildPerson();
		const { event, deletedCookies } = request('/profiel', { person, form: {} });
		expect(await redirectOf(() => call(profilePage.actions.logoutEverywhere, event))).toEqual({
			status: 303,
			location: '/afgemeld'
		});
		expect(deletedCookies).toContain(SESSION_COOKIE);
		expect(await database.db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
	});
});

describe('/profiel/agenda', () => {
	it('sends a logged-out visitor to log in, returning here', async () => {
		expect(await redirectOf(() => call(calendarPage.load, request('/profiel/agenda').event))).toEqual({
			status: 303,
			location: '/aanmelden?terug=%2Fprofiel%2Fagenda'
		});
	});

	it('shows the same secret calendar link on every visit, and a new one after renewing', async () => {
		const person = await buildPerson();
		const loadCalendarUrl = async (path = '/profiel/agenda') =>
			(await call(calendarPage.load, request(path, { person }).event)) as {
				calendarUrl: string;
				renewed: boolean;
			};
		const first = await loadCalendarUrl();
		expect(first.calendarUrl).toMatch(/^https:\/\/meedoen\.test\/agenda\/[0-9a-f]{32}[\w-]{22}\.ics$/);
		expect(first.renewed).toBe(false);
		expect((await loadCalendarUrl()).calendarUrl).toBe(first.calendarUrl);
		expect(
			await redirectOf(() =>
				call(calendarPage.actions.renew, request('/profiel/agenda', { person, form: {} }).event)
			)
		).toEqual({ status: 303, location: '/profiel/agenda?gelukt=vernieuwd' });
		const renewed = await loadCalendarUrl('/profiel/agenda?gelukt=vernieuwd');
		expect(renewed.renewed).toBe(true);
		expect(renewed.calendarUrl).not.toBe(first.calendarUrl);
		// the same person, another key
		expect(renewed.calendarUrl.slice(0, 60)).toBe(first.calendarUrl.slice(0, 60));
	});
});

describe('/profiel/bevestig', () => {
	async function linkFor(person: Person, email: string) {
		const { event, outbox } = request('/profiel', {
			person,
			form: { ...validForm, person: person.id, email }
		});
		expect(await redirectOf(() => call(profilePage.actions.save, event))).toMatchObject({
			location: '/profiel?gelukt=bewaard-bevestig-gemeente'
		});
		return outbox[0]!.text.match(/token=([\w-]+)/)![1]!;
	}

	it('shows a button on GET without using the link, and verifies on POST', async () => {
		const person = await buildPerson();
		const token = await linkFor(person, 'bevestig-mij@example.be');
		const page = (await call(
			verifyPage.load,
			request(`/profiel/bevestig?token=${token}`, { person }).event
		)) as {
			token: string;
			email: string;
		};
		expect(page).toMatchObject({ token, email: 'bevestig-mij@example.be', failure: null });
		const [stored] = await database.db
			.select()
			.from(mailTokens)
			.where(eq(mailTokens.tokenHash, hashToken(token)));
		expect(stored!.usedAt).toBeNull();

		const result = await call(
			verifyPage.actions.default,
			request('/profiel/bevestig', { person, form: { token } }).event
		);
		expect(result).toEqual({ verified: 'bevestig-mij@example.be' });
		const again = await call(
			verifyPage.actions.default,
			request('/profiel/bevestig', { person, form: { token } }).event
		);
		expect(isActionFailure(again)).toBe(true);
	});

	it('asks a logged-out visitor to log in first, keeping the token in this browser only', async () => {
		const person = await buildPerson();
		const token = await linkFor(person, 'eerst-aanmelden@example.be');
		const loggedOut = request(`/profiel/bevestig?token=${token}`);
		const page = await call(verifyPage.load, loggedOut.event);
		expect(page).toMatchObject({ loginHref: '/aanmelden?terug=%2Fprofiel%2Fbevestig' });
		expect(loggedOut.cookies.get('meedoen_verify')).toBe(token);
		// Back after logging in, without the token in the address.
		const back = await call(
			verifyPage.load,
			request('/profiel/bevestig', { person, cookies: { meedoen_verify: token } }).event
		);
		expect(back).toMatchObject({ token, email: 'eerst-aanmelden@example.be' });
	});
});

describe('/profiel/verwijderen', () => {
	it('deletes nothing on GET, nothing without the tick, and everything with it', async () => {
		const person = await buildPerson();
		await call(deletePage.load, request('/profiel/verwijderen', { person }).event);
		const unticked = await call(
			deletePage.actions.default,
			request('/profiel/verwijderen', { person, form: {} }).event
		);
		expect(isActionFailure(unticked)).toBe(true);
		expect((unticked as { data: { fields: unknown } }).data.fields).toEqual({
			confirm: ['Vink aan dat je je account definitief wil verwijderen. Er is nog niets verwijderd.']
		});
		let [row] = await database.db.select().from(users).where(eq(users.id, person.id));
		expect(row!.deletedAt).toBeNull();

		const ticked = request('/profiel/verwijderen', { person, form: { confirm: 'yes' } });
		expect(await redirectOf(() => call(deletePage.actions.default, ticked.event))).toEqual({
			status: 303,
			location: '/profiel/verwijderd'
		});
		expect(ticked.deletedCookies).toContain(SESSION_COOKIE);
		[row] = await database.db.select().from(users).where(eq(users.id, person.id));
		expect(row!.deletedAt).not.toBeNull();
	});

	it('sends a logged-out visitor to log in first', async () => {
		expect(await redirectOf(() => call(deletePage.load, request('/profiel/verwijderen').event))).toEqual({
			status: 303,
			location: '/aanmelden?terug=%2Fprofiel%2Fverwijderen'
		});
	});
});

describe('/profiel/gegevens.json', () => {
	it('downloads the person’s data as a JSON attachment', async () => {
		const person = await buildPerson();
		const response = (await call(
			exportEndpoint.GET,
			request('/profiel/gegevens.json', { person }).event
		)) as Response;
		expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="meedoen-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/
		);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = await response.json();
		expect(body.person).toMatchObject({ id: person.id, email: person.email });
	});

	it('is not there for a logged-out visitor', async () => {
		expect(await redirectOf(() => call(exportEndpoint.GET, request('/profiel/gegevens.json').event))).toEqual(
			{ status: 303, location: '/aanmelden?terug=%2Fprofiel%2Fgegevens.json' }
		);
	});
});

describe('/profiel/gegevens', () => {
	it('names every field of the records in Dutch, never by the export’s own name', async () => {
		const person = await buildPerson();
		const { event } = request('/profiel/gegevens', { person });
		const data = await call(exportPage.load, { ...event, setHeaders: () => {} } as RequestEvent);
		const html = render(ExportPage, { props: { data: data as never } }).body;
		const terms = [...html.matchAll(/<dt[^>]*>([^<]*)<\/dt>/g)].map((m) => m[1]!);
		// The person's own record, their address and how they log in, under the catalogue's labels.
		expect(terms).toEqual(
			expect.arrayContaining(['Naam op Meedoen', 'E-mailadres', 'Aanmeldingsdienst', 'Gekoppeld op'])
		);
		const names = Object.keys(profileTexts.export.fields);
		expect(terms.filter((term) => names.includes(term))).toEqual([]);
		expect(terms).not.toContain('displayName');
		// Times read as Belgian dates, not ISO strings; the JSON download keeps them as they are.
		expect(html).not.toMatch(/<dd[^>]*>(<!--[^>]*-->)*\d{4}-\d{2}-\d{2}/);
		expect(html).toMatch(/<dd[^>]*>(<!--[^>]*-->)*\d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/);
	});
	it('names the codes in the records in Dutch: statuses, roles and kinds, never the export’s own code', async () => {
		const person = await buildPerson();
		const db = database.db;
		const userId = person.id;
		// A moderator of Geel who wants daily mail of what they follow, wrote a suggestion and a comment, signed up
		// for an activity and a citizen group, and told a story.
		await db.insert(memberships).values({ municipalityId: geel.id, userId, role: 'moderator' });
		await db.insert(consents).values({ userId, kind: 'updates', version: '1' });
		await db.insert(notificationPreferences).values({ userId, kind: 'following', frequency: 'daily' });
		const opportunity = await buildSuggestionOpportunity(db, geel);
		const suggestion = await buildSuggestion(db, geel, opportunity.id, { authorId: userId });
		await db.insert(suggestionComments).values({
			municipalityId: geel.id,
			suggestionId: suggestion.id,
			authorId: userId,
			body: 'published',
			moderation: 'rejected'
		});
		const event = await buildEvent(db, geel);
		await db.insert(eventRegistrations).values({
			municipalityId: geel.id,
			eventId: event.id,
			userId,
			status: 'waitlisted',
			queuedAt: new Date(),
			tokenHash: `${userId}-registration`
		});
		const group = await buildGroup(db, geel);
		await db
			.insert(groupMembers)
			.values({ municipalityId: geel.id, groupId: group.id, userId, status: 'pending' });
		await db.insert(stories).values({
			municipalityId: geel.id,
			authorId: userId,
			initiative: 'Buren van de Markt',
			title: 'Ons plein',
			body: 'Wat we samen deden.',
			showName: true
		});

		const { event: requestEvent } = request('/profiel/gegevens', { person });
		const data = (await call(exportPage.load, { ...requestEvent, setHeaders: () => {} } as RequestEvent)) as {
			sections: [string, unknown][];
		};
		const html = render(ExportPage, { props: { data: data as never } }).body.replace(/<!--[^>]*-->/g, '');
		/** The descriptions of one section of the page, as the person reads them. */
		const shown = (section: string) => {
			const part = new RegExp(`<section aria-labelledby="section-${section}">([\\s\\S]*?)</section>`).exec(
				html
			);
			return [...(part?.[1] ?? '').matchAll(/<dd[^>]*>([^<]*)<\/dd>/g)].map((m) => m[1]!);
		};
		expect(shown('memberships')).toContain('Moderator');
		expect(shown('consents')).toContain('Mails over klimaatacties');
		expect(shown('mailPreferences')).toEqual(expect.arrayContaining(['Wat ik volg of steun', 'Dagelijks']));
		expect(shown('suggestions')).toEqual(expect.arrayContaining(['Gepubliceerd', 'Goedgekeurd']));
		expect(shown('suggestionComments')).toEqual(expect.arrayContaining(['Afgewezen', 'published']));
		expect(shown('eventRegistrations')).toContain('Op de wachtlijst');
		expect(shown('groups')).toEqual(expect.arrayContaining(['Aanmelding wacht op de gemeente', 'Lid']));
		expect(shown('stories')).toContain('Wacht op nalezing door de gemeente');
		expect(shown('person')).toContain('Nooit');

		// Every code the person has in a coded field reads as its Dutch name, and no code shows as it is.
		const t = (key: MessageKey) => translate('nl', key);
		const sections = new Map(data.sections);
		let checked = 0;
		for (const [section, field] of codedFields()) {
			const records = ([] as unknown[]).concat(sections.get(section) ?? []) as Record<string, unknown>[];
			for (const record of records) {
				const code = record[field];
				if (typeof code !== 'string') continue;
				const name = valueLabel(t, section, field, code);
				if (name === undefined) continue; // an open list's own value (an identity provider's address)
				expect(shown(section), `${section}.${field}`).toContain(name);
				expect(shown(section), `${section}.${field}`).not.toContain(code);
				checked += 1;
			}
		}
		expect(checked).toBeGreaterThanOrEqual(12);
		// The JSON download keeps the codes: it is the export a machine reads.
		const response = (await call(
			exportEndpoint.GET,
			request('/profiel/gegevens.json', { person }).event
		)) as Response;
		const body = await response.json();
		expect(body.memberships[0].role).toBe('moderator');
		expect(body.suggestions[0]).toMatchObject({ status: 'published', moderation: 'approved' });
		expect(body.eventRegistrations[0].status).toBe('waitlisted');
	});
});

describe('/profiel/pool', () => {
	const answer = (person: Person | null, form: Record<string, string>) =>
		redirectOf(() => call(poolPage.actions.default, request('/profiel/pool', { person, form }).event));

	it('answers and goes back to the page that asked, with the answer, only on this site', async () => {
		const person = await buildPerson();
		expect(
			await answer(person, {
				antwoord: 'ja',
				gemeente: 'geel',
				terug: '/geel/suggesties/12-boom?gelukt=gesteund'
			})
		).toEqual({ status: 303, location: '/geel/suggesties/12-boom?gelukt=pool-ja#pool' });
		const [row] = await database.db.select().from(users).where(eq(users.id, person.id));
		expect(row!.wantsToHelp).toBe(true);
		// Elsewhere, or nowhere, is this page itself.
		for (const terug of ['https://evil.test/x', '//evil.test', '/\\evil.test', ''])
			expect(await answer(await buildPerson(), { antwoord: 'nee', gemeente: 'geel', terug })).toEqual({
				status: 303,
				location: '/profiel/pool?gelukt=pool-nee#pool'
			});
	});

	it('explains a refusal in Dutch on its page and changes nothing', async () => {
		const person = await buildPerson();
		const result = await call(
			poolPage.actions.default,
			request('/profiel/pool', { person, form: { antwoord: 'ja', gemeente: 'olen', terug: '/geel' } }).event
		);
		expect(isActionFailure(result)).toBe(true);
		expect((result as { status: number; data: { message: string } }).data.message).toBe(
			'Die gemeente kan je niet kiezen. Kies je gemeente in je profiel.'
		);
		const [row] = await database.db.select().from(users).where(eq(users.id, person.id));
		expect(row!.poolAnsweredAt).toBeNull();
	});

	it('sends a logged-out visitor to log in first, on GET and on POST', async () => {
		expect(await redirectOf(() => call(poolPage.load, request('/profiel/pool?gemeente=geel').event))).toEqual(
			{
				status: 303,
				location: '/aanmelden?terug=%2Fprofiel%2Fpool%3Fgemeente%3Dgeel'
			}
		);
		expect(await answer(null, { antwoord: 'ja', gemeente: 'geel', terug: '/geel' })).toMatchObject({
			status: 303
		});
	});
});

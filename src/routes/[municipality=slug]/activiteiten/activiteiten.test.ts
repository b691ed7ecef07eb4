// The event pages' loads and forms as SvelteKit calls them, against a real database: registering logged in
// and without an account (a refused form keeps what was typed), a full event's waitlist, the mailed link's
// page that changes nothing on GET, confirming and cancelling there, a tampered link, another municipality.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { eventRegistrations } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { MailMessage } from '$lib/server/platform/mail';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	actorOf,
	buildEvent,
	buildParticipatingMunicipality,
	buildUser
} from '$lib/server/testing/factories';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { hasApp, setApp } from '$lib/server/platform/runtime';
import type { App } from '$lib/server/platform/app';
import * as listPage from './+page.server';
import * as eventPage from './[event=slugged]/+page.server';
import * as linkPage from './inschrijving/+page.server';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;

// The event page reads the map's tile settings from the running App's configuration; nothing else of it.
const started = hasApp();

beforeAll(async () => {
	if (!started) setApp({ config: { tiles: { url: null, attribution: '' } } } as unknown as App);
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
});
afterAll(async () => {
	if (!started) setApp(undefined);
	await database?.destroy();
});

type Handler = (event: RequestEvent) => unknown;
const call = (handler: unknown, event: RequestEvent) => (handler as Handler)(event);

/** A request as SvelteKit hands it to a load or action after hooks.server.ts ran, in a municipality. */
async function request(
	tenant: Tenant,
	path: string,
	options: { actor?: Actor; form?: Record<string, string>; params?: Record<string, string> } = {}
) {
	const url = new URL(path, 'https://meedoen.test');
	const outbox: MailMessage[] = [];
	const headers: Record<string, string> = {};
	const ctx = buildCtx(database.db, undefined, { actor: options.actor, outbox });
	const municipality = await resolveMunicipality(ctx, { unverifiedSlug: tenant.slug });
	const event = {
		url,
		request: new Request(url, {
			method: options.form ? 'POST' : 'GET',
			body: options.form ? new URLSearchParams(options.form) : undefined
		}),
		locals: { requestId: 'test', locale: 'nl', municipality, ctx, session: null },
		params: { municipality: tenant.slug, ...options.params },
		parent: async () => ({ municipality: municipality!.municipality }),
		getClientAddress: () => '127.0.0.1',
		setHeaders: (more: Record<string, string>) => Object.assign(headers, more)
	} as unknown as RequestEvent;
	return { event, outbox, headers };
}

async function redirectOf(work: () => unknown): Promise<{ status: number; location: string }> {
	try {
		await work();
	} catch (err) {
		if (isRedirect(err)) return { status: err.status, location: err.location };
		throw err;
	}
	throw new Error('expected a redirect');
}

async function statusOf(work: () => unknown): Promise<number> {
	try {
		await work();
	} catch (err) {
		if (isHttpError(err)) return err.status;
		throw err;
	}
	throw new Error('expected an error page');
}

const linkOf = (mail: MailMessage) =>
	/\/geel\/activiteiten\/inschrijving\?token=([\w-]+)/.exec(mail.text)?.[1];

describe('an event’s page', () => {
	it('registers a logged-in person with one button and lets them cancel, post/redirect/get', async () => {
		const e = await buildEvent(database.db, geel, { title: 'Werkgroep fietsstraten' });
		const user = await buildUser(database.db);
		const actor = await actorOf(database.db, user);
		const params = { event: `${e.id}-${e.slug}` };
		const path = `/geel/activiteiten/${params.event}`;
		const { event: post, outbox } = await request(geel, path, { actor, form: {}, params });
		expect(await redirectOf(() => call(eventPage.actions.register, post))).toEqual({
			status: 303,
			location: `${path}?gelukt=ingeschreven#inschrijven`
		});
		expect(outbox.map((m) => m.to)).toEqual([user.email]);

		const { event: get } = await request(geel, `${path}?gelukt=ingeschreven`, { actor, params });
		const page = (await call(eventPage.load, get)) as {
			confirmation: string;
			registration: { status: string };
			event: { placesLeft: number };
			pool: unknown;
		};
		expect(page.confirmation).toBe('registered');
		// Their first contribution: the confirmation asks whether to join the pool (they have no home yet).
		expect(page.pool).toEqual({ ask: { municipality: { slug: 'geel', name: 'Geel' }, setsHome: true } });
		expect(page.registration.status).toBe('confirmed');
		expect(page.event.placesLeft).toBe(19);

		const { event: cancel } = await request(geel, path, { actor, form: {}, params });
		expect(await redirectOf(() => call(eventPage.actions.cancel, cancel))).toEqual({
			status: 303,
			location: `${path}?gelukt=uitgeschreven#inschrijven`
		});
		// A visitor who presses "Schrijf me uit" goes to log in; nothing is cancelled.
		const { event: visitor } = await request(geel, path, { form: {}, params });
		expect((await redirectOf(() => call(eventPage.actions.cancel, visitor))).location).toMatch(
			/^\/aanmelden/
		);
	});

	it('refuses a guest’s bad input beside the fields, keeping what was typed, and saves nothing', async () => {
		const e = await buildEvent(database.db, geel, {
			maxCompanions: 2,
			questions: [{ id: 'spade', label: 'Ik breng een spade mee', type: 'checkbox' }]
		});
		const params = { event: `${e.id}-${e.slug}` };
		const typed = {
			name: '',
			email: 'geen-adres',
			companions: '7',
			'answers.spade': 'on'
		};
		const { event } = await request(geel, `/geel/activiteiten/${params.event}`, { form: typed, params });
		const result = await call(eventPage.actions.register, event);
		expect(isActionFailure(result)).toBe(true);
		const failure = result as {
			status: number;
			data: { form: string; fields: Record<string, string[]>; values: Record<string, string> };
		};
		expect(failure.status).toBe(422);
		expect(failure.data.form).toBe('register');
		expect(Object.keys(failure.data.fields).length).toBeGreaterThan(0);
		expect(failure.data.values).toEqual(typed);
		const rows = await database.db
			.select({ id: eventRegistrations.id })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, e.id));
		expect(rows).toEqual([]);
	});

	it('takes a guest by mail: pending, the link’s page changes nothing on GET, confirming takes the place', async () => {
		const e = await buildEvent(database.db, geel, { capacity: 1 });
		const params = { event: `${e.id}-${e.slug}` };
		const path = `/geel/activiteiten/${params.event}`;
		const { event: post, outbox } = await request(geel, path, {
			form: { name: 'An Peeters', email: 'an.peeters@example.be' },
			params
		});
		expect((await redirectOf(() => call(eventPage.actions.register, post))).location).toBe(
			`${path}?gelukt=bevestig-je-mail#inschrijven`
		);
		const token = linkOf(outbox[0]!);
		expect(token).toBeTruthy();

		// Opening the link (a mail scanner, a preview) only shows the page, never from the shared cache.
		for (let i = 0; i < 2; i++) {
			const { event: get, headers } = await request(geel, `/geel/activiteiten/inschrijving?token=${token}`);
			const page = (await call(linkPage.load, get)) as { link: { registration: { status: string } } };
			expect(page.link.registration.status).toBe('pending');
			expect(headers['cache-control']).toBe('private, no-store');
		}
		const { event: confirm, outbox: mails } = await request(geel, '/geel/activiteiten/inschrijving', {
			form: { token: token! }
		});
		expect(await redirectOf(() => call(linkPage.actions.confirm, confirm))).toEqual({
			status: 303,
			location: `${path}?gelukt=ingeschreven#inschrijven`
		});
		expect(mails.map((m) => m.to)).toEqual(['an.peeters@example.be']);

		// The only place is taken: the next person is offered the waitlist and lands on it.
		const other = await actorOf(database.db, await buildUser(database.db));
		const { event: full } = await request(geel, path, { actor: other, params });
		const fullPage = (await call(eventPage.load, full)) as { event: { placesLeft: number } };
		expect(fullPage.event.placesLeft).toBe(0);
		const { event: wait } = await request(geel, path, { actor: other, form: { waitlist: '1' }, params });
		expect((await redirectOf(() => call(eventPage.actions.register, wait))).location).toBe(
			`${path}?gelukt=wachtlijst#inschrijven`
		);

		// Cancelling from the mail's link gives the place to the waitlist.
		const { event: cancel } = await request(geel, '/geel/activiteiten/inschrijving', {
			form: { token: token! }
		});
		expect((await redirectOf(() => call(linkPage.actions.cancel, cancel))).location).toBe(
			`${path}?gelukt=uitgeschreven#inschrijven`
		);
		const [moved] = await database.db
			.select({ status: eventRegistrations.status })
			.from(eventRegistrations)
			.where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.userId, other.userId)));
		expect(moved!.status).toBe('confirmed');
	});

	it('answers a tampered link calmly, and finds nothing of Geel through Mol', async () => {
		const { event: get } = await request(geel, '/geel/activiteiten/inschrijving?token=verzonnen');
		expect(((await call(linkPage.load, get)) as { link: unknown }).link).toBeNull();
		const { event: post } = await request(geel, '/geel/activiteiten/inschrijving', { form: { token: 'x' } });
		expect(isActionFailure(await call(linkPage.actions.cancel, post))).toBe(true);

		const e = await buildEvent(database.db, geel);
		const params = { event: `${e.id}-${e.slug}` };
		const { event: viaMol } = await request(mol, `/mol/activiteiten/${params.event}`, { params });
		expect(await statusOf(() => call(eventPage.load, viaMol))).toBe(404);
		const draft = await buildEvent(database.db, geel, { status: 'draft' });
		const { event: visitor } = await request(geel, `/geel/activiteiten/${draft.id}`, {
			params: { event: String(draft.id) }
		});
		expect(await statusOf(() => call(eventPage.load, visitor))).toBe(404);
		const { event: register } = await request(geel, `/geel/activiteiten/${draft.id}`, {
			form: { name: 'X', email: 'x@example.be' },
			params: { event: String(draft.id) }
		});
		const refused = await call(eventPage.actions.register, register);
		expect(isActionFailure(refused) && (refused as { status: number }).status).toBe(404);
	});
});

describe('the list page', () => {
	it('loads Geel’s upcoming events with the count and never a draft', async () => {
		const draft = await buildEvent(database.db, geel, { title: 'Ontwerp', status: 'draft' });
		const { event } = await request(geel, '/geel/activiteiten?soort=workingGroup');
		const data = (await call(listPage.load, event)) as {
			result: { items: { id: number }[]; total: number };
		};
		expect(data.result.total).toBe(data.result.items.length);
		expect(data.result.items.map((e) => e.id)).not.toContain(draft.id);
	});
});

// The events back office's routes as SvelteKit calls them: a refused form comes back with the Dutch message
// beside the field and what was typed, a capacity below the places taken says their number, cancelling asks
// for the tick, check-in comes back to the same filters, the CSV is a download, a visitor goes to log in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildEvent, buildStaff, getTenant } from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { insertRegistration } from '$lib/server/features/events/events.queries';
import * as listPage from './+page.server';
import * as newPage from './nieuw/+page.server';
import * as editPage from './[activiteit=id]/+page.server';
import * as cancelPage from './[activiteit=id]/annuleren/+page.server';
import * as registrationsPage from './[activiteit=id]/inschrijvingen/+page.server';
import * as csvEndpoint from './[activiteit=id]/inschrijvingen.csv/+server';
import NewPage from './nieuw/+page.svelte';

let database: TestDatabase;
let geel: Tenant;
let staff: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	staff = (await buildStaff(database.db, geel, 'moderator')).actor;
});
afterAll(async () => {
	await database?.destroy();
});

/** A request as SvelteKit hands it to a load, action or endpoint under /geel/, after hooks.server.ts ran. */
function request(
	path: string,
	options: {
		actor?: Actor | null;
		form?: Record<string, string | string[]>;
		params?: Record<string, string>;
	} = {}
): RequestEvent {
	const url = new URL(path, 'https://meedoen.test');
	let body: URLSearchParams | undefined;
	if (options.form) {
		body = new URLSearchParams();
		for (const [name, value] of Object.entries(options.form))
			for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	}
	const actor = options.actor === undefined ? staff : options.actor;
	return {
		url,
		request: new Request(url, { method: body ? 'POST' : 'GET', body }),
		locals: {
			requestId: 'test',
			locale: 'nl',
			municipality: { tenant: geel },
			ctx: buildCtx(database.db, geel, { actor: actor ?? undefined }),
			session: null
		},
		params: { municipality: 'geel', ...options.params },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
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

type Handler = (event: RequestEvent) => unknown;
const call = (handler: unknown, event: RequestEvent) => (handler as Handler)(event);

const form = {
	kind: 'workingGroup',
	rung: '',
	actionId: '',
	opportunityId: '',
	title: 'Werkgroep ontharding',
	description: '',
	startsAt: '2027-09-10T19:30',
	endsAt: '2027-09-10T21:30',
	venueName: 'De Halle',
	address: '',
	accessibility: '',
	whatToBring: '',
	onlineUrl: '',
	organiser: '',
	capacity: '20',
	registrationDeadline: '',
	maxCompanions: '0',
	status: 'published',
	questionId: ['', ''],
	questionLabel: ['Ik breng een spade mee', ''],
	questionType: ['checkbox', 'checkbox']
};

describe('/geel/beheer/activiteiten', () => {
	it('sends a visitor to the login page and back', async () => {
		expect(
			await redirectOf(() => call(listPage.load, request('/geel/beheer/activiteiten', { actor: null })))
		).toEqual({ status: 303, location: '/aanmelden?terug=%2Fgeel%2Fbeheer%2Factiviteiten' });
	});

	it('creates an event and goes to it; a refused form keeps what was typed, with the Dutch message beside the field', async () => {
		const created = await redirectOf(() =>
			call(newPage.actions.default, request('/geel/beheer/activiteiten/nieuw', { form }))
		);
		expect(created.location).toMatch(/^\/geel\/beheer\/activiteiten\/\d+\?gelukt=aangemaakt$/);

		const refused = await call(
			newPage.actions.default,
			request('/geel/beheer/activiteiten/nieuw', {
				form: { ...form, startsAt: '2027-09-10T21:30', endsAt: '2027-09-10T19:00', title: 'Mijn <titel>' }
			})
		);
		expect(isActionFailure(refused)).toBe(true);
		const failure = refused as { status: number; data: Record<string, unknown> };
		expect(failure.status).toBe(422);
		expect(failure.data.fields).toEqual({ endsAt: ['Het einde moet na het begin liggen.'] });
		expect(failure.data.values).toMatchObject({
			title: 'Mijn <titel>',
			endsAt: '2027-09-10T19:00',
			questions: [{ id: '', label: 'Ik breng een spade mee', type: 'checkbox' }]
		});
		// The page shows the message beside the end and the typed values in their fields.
		const data = await call(newPage.load, request('/geel/beheer/activiteiten/nieuw'));
		const html = render(NewPage, {
			props: {
				data: { municipality: { slug: 'geel', name: 'Geel' }, ...(data as object) } as never,
				form: failure.data as never
			}
		}).body;
		expect(html).toContain('id="event-ends-error">Het einde moet na het begin liggen.</p>');
		expect(html).toMatch(/aria-invalid="true" aria-describedby="event-ends-hint event-ends-error"/);
		expect(html).toContain('value="2027-09-10T19:00"');
		expect(html).toContain('value="Mijn &lt;titel>"');
		expect(html).toContain('value="Ik breng een spade mee"');
	});

	it('refuses a capacity below the places taken with their number beside the field, keeping the typed capacity', async () => {
		const event = await buildEvent(database.db, geel, { capacity: 10 });
		for (let i = 0; i < 3; i++)
			await insertRegistration(database.db, {
				municipalityId: geel.id,
				eventId: event.id,
				name: `Inwoner ${i}`,
				email: `route.${event.id}.${i}@example.be`,
				status: 'confirmed',
				tokenHash: `route-${event.id}-${i}`,
				queued: true
			});
		const refused = await call(
			editPage.actions.default,
			request(`/geel/beheer/activiteiten/${event.id}`, {
				form: { ...form, capacity: '2' },
				params: { activiteit: String(event.id) }
			})
		);
		const failure = refused as { status: number; data: Record<string, unknown> };
		expect(failure.status).toBe(422);
		expect(failure.data.fields).toEqual({
			capacity: ['Er zijn al 3 plaatsen ingenomen. Zet het aantal plaatsen op 3 of meer.']
		});
		expect(failure.data.values).toMatchObject({ capacity: '2' });
	});

	it('asks for the tick before cancelling, then cancels and goes back to the event', async () => {
		const event = await buildEvent(database.db, geel);
		const path = `/geel/beheer/activiteiten/${event.id}/annuleren`;
		const params = { activiteit: String(event.id) };
		const preview = (await call(cancelPage.load, request(path, { params }))) as {
			preview: { confirmed: number };
		};
		expect(preview.preview.confirmed).toBe(0);
		const refused = await call(cancelPage.actions.default, request(path, { form: {}, params }));
		expect((refused as { data: { fields: unknown } }).data.fields).toEqual({
			confirm: ['Vink aan dat je het zeker weet.']
		});
		expect(
			await redirectOf(() =>
				call(cancelPage.actions.default, request(path, { form: { confirm: 'on' }, params }))
			)
		).toEqual({ status: 303, location: `/geel/beheer/activiteiten/${event.id}?gelukt=geannuleerd` });
	});

	it('checks people in and comes back to the same filters; the CSV is a download', async () => {
		const event = await buildEvent(database.db, geel);
		const { id } = await insertRegistration(database.db, {
			municipalityId: geel.id,
			eventId: event.id,
			name: 'Anna',
			email: `anna.${event.id}@example.be`,
			status: 'confirmed',
			tokenHash: `route-anna-${event.id}`,
			queued: true
		});
		const params = { activiteit: String(event.id) };
		const path = `/geel/beheer/activiteiten/${event.id}/inschrijvingen?zoek=anna&/checkIn`;
		expect(
			await redirectOf(() =>
				call(
					registrationsPage.actions.checkIn,
					request(path, { form: { shown: String(id), present: String(id) }, params })
				)
			)
		).toEqual({
			status: 303,
			location: `/geel/beheer/activiteiten/${event.id}/inschrijvingen?zoek=anna&gelukt=aanwezig`
		});
		const page = (await call(
			registrationsPage.load,
			request(`/geel/beheer/activiteiten/${event.id}/inschrijvingen?zoek=anna`, { params })
		)) as { registrations: { checkedIn: number; items: { name: string }[] } };
		expect(page.registrations.checkedIn).toBe(1);
		expect(page.registrations.items.map((r) => r.name)).toEqual(['Anna']);

		const response = (await call(
			csvEndpoint.GET,
			request(`/geel/beheer/activiteiten/${event.id}/inschrijvingen.csv`, { params })
		)) as Response;
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="inschrijvingen-geel-/
		);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(await response.text()).toContain('"Anna"');
	});
});

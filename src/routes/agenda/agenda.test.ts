// The calendar feeds as SvelteKit calls them, against the real database, read back by an independent parser
// (ical.js): a municipality's feed (/{municipality}/activiteiten.ics) and a person's secret feed
// (/agenda/{token}.ics). Drafts and other municipalities' events stay out; an old or forged link is a 404.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { platformMeta, users } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	actorOf,
	buildEvent,
	buildParticipatingMunicipality,
	buildUser
} from '$lib/server/testing/factories';
import { insertRegistration } from '$lib/server/features/events/events.queries';
import {
	FEED_LIMIT,
	personalCalendarPath,
	renewPersonalCalendar
} from '$lib/server/features/events/events.calendar';
import { createCache, type Cache } from '$lib/server/platform/cache';
import { events } from '$lib/server/db/schema';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import type { Tenant } from '$lib/server/platform/context';
import type { RegistrationStatus } from '$lib/domain/events';
import * as municipalityFeed from '../[municipality=slug]/activiteiten.ics/+server';
import * as personalFeed from './[token].ics/+server';

const DAY = 86_400_000;
const ORIGIN = 'https://meedoen.test';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
type EventRow = Awaited<ReturnType<typeof buildEvent>>;
const ev: Record<string, EventRow> = {};
let person: { id: string; displayName: string };
let other: { id: string; displayName: string };

/** The Saturday before the last Sunday of October next year, and the Saturday after, at 19:30 in Brussels. */
function aroundSummerTimeEnd(): { before: Date; after: Date } {
	const year = new Date().getUTCFullYear() + 1;
	const lastSunday = new Date(Date.UTC(year, 9, 31));
	lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
	const saturday = lastSunday.getUTCDate() - 1;
	return {
		before: new Date(Date.UTC(year, 9, saturday, 17, 30)), // 19:30 CEST
		after: new Date(Date.UTC(year, 9, saturday + 7, 18, 30)) // 19:30 CET
	};
}

async function register(event: EventRow, userId: string, status: RegistrationStatus) {
	await insertRegistration(database.db, {
		municipalityId: event.municipalityId,
		eventId: event.id,
		userId,
		status,
		tokenHash: hashToken(newToken()),
		queued: status !== 'pending' && status !== 'cancelled'
	});
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	const { before, after } = aroundSummerTimeEnd();
	ev.workingGroup = await buildEvent(db, geel, {
		title: 'Werkgroep ontharding; Geel-Oost, met koffie — café ë',
		description: 'We kiezen drie plaatsen.\nBreng ideeën mee, ook voor de Kerkstraat; de Markt.',
		venueName: 'Ontmoetingscentrum De Werft',
		address: 'Werft 32, 2440 Geel',
		whatToBring: 'Laarzen',
		startsAt: before,
		endsAt: new Date(before.getTime() + 2 * 3_600_000),
		sequence: 2
	});
	ev.weekLater = await buildEvent(db, geel, {
		title: 'Plantdag',
		startsAt: after,
		endsAt: new Date(after.getTime() + 3 * 3_600_000)
	});
	ev.online = await buildEvent(db, geel, {
		title: 'Online infosessie',
		kind: 'online',
		rung: 'inform',
		venueName: '',
		onlineUrl: 'https://meet.example/geheim-123'
	});
	ev.draft = await buildEvent(db, geel, { title: 'Concept werkgroep', status: 'draft', publishedAt: null });
	ev.cancelled = await buildEvent(db, geel, {
		title: 'Afgelaste actiedag',
		kind: 'actionDay',
		rung: 'coproduce',
		status: 'cancelled',
		cancelledAt: new Date(),
		sequence: 1
	});
	ev.recent = await buildEvent(db, geel, {
		title: 'Werkgroep van vorige week',
		startsAt: new Date(Date.now() - 7 * DAY)
	});
	ev.old = await buildEvent(db, geel, {
		title: 'Werkgroep van lang geleden',
		startsAt: new Date(Date.now() - 90 * DAY)
	});
	ev.mol = await buildEvent(db, mol, { title: 'Repair café Mol' });
	ev.molFull = await buildEvent(db, mol, { title: 'Fietstocht Mol', capacity: 1 });

	person = await buildUser(db, { givenName: 'An', familyName: 'Peeters' });
	other = await buildUser(db, { givenName: 'Bart', familyName: 'Janssens' });
	await register(ev.workingGroup, person.id, 'confirmed');
	await register(ev.online, person.id, 'confirmed');
	await register(ev.molFull, person.id, 'waitlisted');
	await register(ev.weekLater, person.id, 'cancelled');
	await register(ev.draft, person.id, 'confirmed');
	await register(ev.cancelled, person.id, 'confirmed');
	await register(ev.mol, other.id, 'confirmed');
});
afterAll(async () => {
	await database?.destroy();
});

function requestEvent(
	path: string,
	options: {
		tenant?: Tenant;
		name?: string;
		params?: Record<string, string>;
		headers?: Record<string, string>;
		cache?: Cache;
	}
): RequestEvent {
	const url = new URL(path, ORIGIN);
	return {
		url,
		request: new Request(url, { headers: options.headers }),
		params: options.params ?? {},
		locals: {
			requestId: 'test',
			locale: 'nl',
			session: null,
			ctx: { ...buildCtx(database.db, options.tenant), cache: options.cache },
			municipality: options.tenant
				? { tenant: options.tenant, municipality: { name: options.name ?? options.tenant.slug } }
				: null
		}
	} as unknown as RequestEvent;
}

type Handler = (event: RequestEvent) => Promise<Response>;

function fetchMunicipalityFeed(
	tenant: Tenant,
	name: string,
	headers?: Record<string, string>,
	cache?: Cache
) {
	return (municipalityFeed.GET as unknown as Handler)(
		requestEvent(`/${tenant.slug}/activiteiten.ics`, { tenant, name, headers, cache })
	);
}

/** The handler of /agenda/{token}.ics, or the status of the error it throws. */
async function fetchPersonalFeed(path: string): Promise<Response | number> {
	const token = /^\/agenda\/(.+)\.ics$/.exec(path)?.[1] ?? '';
	try {
		return await (personalFeed.GET as unknown as Handler)(requestEvent(path, { params: { token } }));
	} catch (err) {
		if (isHttpError(err)) return err.status;
		throw err;
	}
}

async function pathOf(user: { id: string; displayName: string }) {
	return personalCalendarPath(buildCtx(database.db, undefined, { actor: await actorOf(database.db, user) }));
}

function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	return { calendar, events, bySummary: new Map(events.map((e) => [e.summary, e])) };
}

describe('the feed secret', () => {
	it('is made by the events feature’s seed, so showing or reading a link never writes', async () => {
		const rows = await database.db
			.select({ key: platformMeta.key })
			.from(platformMeta)
			.where(eq(platformMeta.key, 'calendar_feed_secret'));
		expect(rows).toHaveLength(1);
	});
});

describe('/{municipality}/activiteiten.ics', () => {
	it('is a cacheable text/calendar in UTF-8 with the municipality’s published, cancelled and recent events', async () => {
		const response = await fetchMunicipalityFeed(geel, 'Geel');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('public, max-age=900');
		const { calendar, events } = parse(await response.text());
		expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
		expect(events.map((e) => e.uid).sort()).toEqual(
			[ev.workingGroup, ev.weekLater, ev.online, ev.cancelled, ev.recent].map((e) => e!.uid).sort()
		);
	});

	it('never lists a draft, an event that ended long ago, or another municipality’s event', async () => {
		const geelText = await (await fetchMunicipalityFeed(geel, 'Geel')).text();
		const molText = await (await fetchMunicipalityFeed(mol, 'Mol')).text();
		for (const hidden of [ev.draft, ev.old, ev.mol, ev.molFull])
			expect(parse(geelText).events.map((e) => e.uid)).not.toContain(hidden!.uid);
		expect(geelText).not.toContain('Concept werkgroep');
		const mols = parse(molText).events;
		expect(mols.map((e) => e.uid).sort()).toEqual([ev.mol!.uid, ev.molFull!.uid].sort());
		expect(molText).not.toContain('Geel');
		expect(parse(molText).calendar.getFirstPropertyValue('x-wr-calname')).toBe(
			'Activiteiten in Mol · Meedoen'
		);
	});

	it('reads back title, place and description with ; , newlines and é, ë, and 19:30 Brussels on both sides of the change', async () => {
		const { bySummary } = parse(await (await fetchMunicipalityFeed(geel, 'Geel')).text());
		const group = bySummary.get('Werkgroep ontharding; Geel-Oost, met koffie — café ë')!;
		expect(group.location).toBe('Ontmoetingscentrum De Werft, Werft 32, 2440 Geel');
		expect(group.description).toContain(
			'We kiezen drie plaatsen.\nBreng ideeën mee, ook voor de Kerkstraat; de Markt.'
		);
		expect(group.description).toContain('Meebrengen: Laarzen');
		expect(group.description).toContain(`${ORIGIN}/geel/activiteiten/${ev.workingGroup!.id}-`);
		expect(group.sequence).toBe(2);
		const plant = bySummary.get('Plantdag')!;
		for (const e of [group, plant]) {
			expect(e.startDate.zone?.tzid).toBe('Europe/Brussels');
			expect([e.startDate.hour, e.startDate.minute]).toEqual([19, 30]);
		}
		expect(group.startDate.toJSDate().toISOString()).toMatch(/T17:30:00\.000Z$/);
		expect(plant.startDate.toJSDate().toISOString()).toMatch(/T18:30:00\.000Z$/);
	});

	it('marks a cancelled event CANCELLED and keeps the online link out', async () => {
		const text = await (await fetchMunicipalityFeed(geel, 'Geel')).text();
		const { bySummary } = parse(text);
		const cancelled = bySummary.get('Geannuleerd: Afgelaste actiedag')!;
		expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancelled.sequence).toBe(1);
		expect(bySummary.get('Online infosessie')!.location).toBe('Online');
		expect(text).not.toContain('geheim-123');
	});

	it(`holds at most ${FEED_LIMIT} events, the soonest`, async () => {
		const herentals = await buildParticipatingMunicipality(database.db, 'herentals');
		const start = Date.now() + DAY;
		await database.db.insert(events).values(
			Array.from({ length: FEED_LIMIT + 1 }, (_, i) => ({
				municipalityId: herentals.id,
				kind: 'workingGroup' as const,
				rung: 'codecide' as const,
				status: 'published' as const,
				publishedAt: new Date(),
				title: `Werkgroep ${i + 1}`,
				slug: `werkgroep-${i + 1}`,
				uid: `feed-limit-${i + 1}@meedoen.test`,
				startsAt: new Date(start + i * 3_600_000),
				endsAt: new Date(start + i * 3_600_000 + 1_800_000)
			}))
		);
		const { events: listed } = parse(await (await fetchMunicipalityFeed(herentals, 'Herentals')).text());
		expect(listed).toHaveLength(FEED_LIMIT);
		expect(listed[0]!.uid).toBe('feed-limit-1@meedoen.test');
		expect(listed.map((e) => e.uid)).not.toContain(`feed-limit-${FEED_LIMIT + 1}@meedoen.test`);
	});

	it('is rendered once for everyone from the read cache, and anew after a write clears it', async () => {
		const cache = createCache({ ttlMs: 60_000, maxEntries: 10 });
		const first = await fetchMunicipalityFeed(mol, 'Mol', undefined, cache);
		const etag = first.headers.get('etag')!;
		// A change straight in the database (no write through the site, so nothing clears the cache) ...
		await database.db
			.update(events)
			.set({ title: 'Repair café Mol, nu met fietsen', updatedAt: new Date() })
			.where(eq(events.id, ev.mol!.id));
		const cachedAnswer = await fetchMunicipalityFeed(mol, 'Mol', { 'if-none-match': etag }, cache);
		expect(cachedAnswer.status).toBe(304);
		// ... shows once a write through the site clears the cache (hooks.server.ts), with a new ETag.
		cache.clear();
		const renewed = await fetchMunicipalityFeed(mol, 'Mol', { 'if-none-match': etag }, cache);
		expect(renewed.status).toBe(200);
		expect(renewed.headers.get('etag')).not.toBe(etag);
		const summaries = parse(await renewed.text()).events.map((e) => e.summary);
		expect(summaries).toContain('Repair café Mol, nu met fietsen');
		// Another municipality's feed is its own entry.
		const geelText = await (await fetchMunicipalityFeed(geel, 'Geel', undefined, cache)).text();
		expect(geelText).not.toContain('Repair café Mol');
		await database.db.update(events).set({ title: 'Repair café Mol' }).where(eq(events.id, ev.mol!.id));
	});

	it('answers 304 to a calendar app that already has this version', async () => {
		const first = await fetchMunicipalityFeed(geel, 'Geel');
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]+"$/);
		const again = await fetchMunicipalityFeed(geel, 'Geel', { 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});
});

describe('/agenda/{token}.ics', () => {
	it('lists the events the person holds a place for or waits for, in any municipality, the waitlist marked', async () => {
		const response = await fetchPersonalFeed(await pathOf(person));
		if (typeof response === 'number') throw new Error(`status ${response}`);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, max-age=300');
		expect(response.headers.get('x-robots-tag')).toBe('noindex');
		const text = await response.text();
		const { events, bySummary } = parse(text);
		expect(events.map((e) => e.uid).sort()).toEqual(
			[ev.workingGroup, ev.online, ev.molFull, ev.cancelled].map((e) => e!.uid).sort()
		);
		const waiting = bySummary.get('Wachtlijst: Fietstocht Mol')!;
		expect(waiting.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
		expect(waiting.description).toContain('Je staat op de wachtlijst.');
		expect(waiting.description).toContain(`${ORIGIN}/mol/activiteiten/${ev.molFull!.id}-`);
		expect(
			bySummary
				.get('Werkgroep ontharding; Geel-Oost, met koffie — café ë')!
				.component.getFirstPropertyValue('status')
		).toBe('CONFIRMED');
		// a confirmed place sees the online link, as on the event's page
		expect(bySummary.get('Online infosessie')!.description).toContain('https://meet.example/geheim-123');
		// a cancelled registration, a draft and someone else's registration are not there
		expect(text).not.toContain('Plantdag');
		expect(text).not.toContain('Concept werkgroep');
		expect(text).not.toContain('Repair café Mol');
	});

	it('shows another person only their own events', async () => {
		const response = await fetchPersonalFeed(await pathOf(other));
		if (typeof response === 'number') throw new Error(`status ${response}`);
		expect(parse(await response.text()).events.map((e) => e.uid)).toEqual([ev.mol!.uid]);
	});

	it('refuses a forged or mangled link with 404', async () => {
		const path = await pathOf(person);
		const otherPath = await pathOf(other);
		const [, personId = '', personMac = ''] = /^\/agenda\/([0-9a-f]{32})(.+)\.ics$/.exec(path) ?? [];
		const [, otherId = ''] = /^\/agenda\/([0-9a-f]{32})(.+)\.ics$/.exec(otherPath) ?? [];
		const flipped = personMac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
		expect(await fetchPersonalFeed(`/agenda/${otherId}${personMac}.ics`)).toBe(404);
		expect(await fetchPersonalFeed(`/agenda/${personId}${flipped}.ics`)).toBe(404);
		expect(await fetchPersonalFeed(`/agenda/${personId}.ics`)).toBe(404);
		expect(await fetchPersonalFeed('/agenda/niets.ics')).toBe(404);
	});

	it('gives the same link every time until the person renews it; then the old one is a 404', async () => {
		const renewer = await buildUser(database.db);
		await register(ev.mol!, renewer.id, 'confirmed');
		const ctx = buildCtx(database.db, undefined, { actor: await actorOf(database.db, renewer) });
		const old = await personalCalendarPath(ctx);
		expect(await personalCalendarPath(ctx)).toBe(old);
		const renewed = await renewPersonalCalendar(ctx);
		expect(renewed).not.toBe(old);
		expect(await personalCalendarPath(ctx)).toBe(renewed);
		expect(await fetchPersonalFeed(old)).toBe(404);
		const response = await fetchPersonalFeed(renewed);
		if (typeof response === 'number') throw new Error(`status ${response}`);
		expect(parse(await response.text()).events.map((e) => e.uid)).toEqual([ev.mol!.uid]);
		// the other people's links did not change
		expect(await fetchPersonalFeed(await pathOf(other))).toBeInstanceOf(Response);
	});

	it('stops with the account: a deleted account’s link is a 404', async () => {
		const leaving = await buildUser(database.db);
		await register(ev.mol!, leaving.id, 'confirmed');
		const path = await pathOf(leaving);
		expect(await fetchPersonalFeed(path)).toBeInstanceOf(Response);
		await database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, leaving.id));
		expect(await fetchPersonalFeed(path)).toBe(404);
	});
});

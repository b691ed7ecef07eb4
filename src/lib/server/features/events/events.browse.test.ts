// What citizens see of events, against a real database with the demo: the lists and their filters, an event's
// page (old slug, drafts, the online link only for a confirmed place), the .ics download, the API, and the
// events of an action and of an opportunity, and the working group and action day that lead to their
// event's registration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { actionThemes, events, themes } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { seedDemo } from '$lib/server/testing/demo';
import { refusal } from '$lib/server/testing/assertions';
import { buildEvent, buildStaff, buildUser, actorOf, getTenant } from '$lib/server/testing/factories';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import { presentOpportunity } from '$lib/server/features/opportunities/opportunities.present';
import { insertRegistration } from './events.queries';
import { eventCalendarFile } from './events.calendar';
import {
	browseEvents,
	getEventForApi,
	getEventPage,
	listEventsForApi,
	listReportsOf,
	listUpcomingEventsOf
} from './events.browse.service';
import { parseEventApiQuery, parseEventPageFilters } from './events.browse.schemas';
import { eventJsonLd } from './events.browse.present';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let group: { id: number; slug: string; actionId: number; opportunityId: number };

const ctxAs = (tenant: Tenant, actor?: Actor) => buildCtx(db, tenant, { actor });
const regionCtx = () => buildCtx(db, undefined);
const filters = (query: string) => parseEventPageFilters(new URLSearchParams(query));

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
	geel = await getTenant(db, 'geel');
	mol = await getTenant(db, 'mol');
	const [row] = await db
		.select({
			id: events.id,
			slug: events.slug,
			actionId: events.actionId,
			opportunityId: events.opportunityId
		})
		.from(events)
		// The demo's working group to come (the other one is past, with its report), named, not left to the plan.
		.where(
			and(
				eq(events.municipalityId, geel.id),
				eq(events.kind, 'workingGroup'),
				gt(events.startsAt, new Date())
			)
		)
		.orderBy(asc(events.startsAt))
		.limit(1);
	group = { id: row!.id, slug: row!.slug, actionId: row!.actionId!, opportunityId: row!.opportunityId! };
});

afterAll(async () => {
	await database?.destroy();
});

describe('the list of events', () => {
	it('filters Geel’s events on kind, theme, action and dates, and counts what it finds', async () => {
		const all = await browseEvents(ctxAs(geel), { filters: filters('') });
		expect(all.total).toBe(all.items.length);
		expect(all.items.map((e) => e.kind)).toEqual(expect.arrayContaining(['workingGroup', 'actionDay']));
		expect(all.actions.map((a) => a.id)).toContain(group.actionId);

		const days = await browseEvents(ctxAs(geel), { filters: filters('soort=actionDay') });
		expect(days.items.map((e) => e.kind)).toEqual(['actionDay']);
		expect(days.total).toBe(1);

		const [theme] = await db
			.select({ slug: themes.slug })
			.from(actionThemes)
			.innerJoin(themes, eq(themes.id, actionThemes.themeId))
			.where(eq(actionThemes.actionId, group.actionId));
		const themed = await browseEvents(ctxAs(geel), { filters: filters(`thema=${theme!.slug}`) });
		expect(themed.items.map((e) => e.id)).toContain(group.id);
		const otherTheme = await browseEvents(ctxAs(geel), { filters: filters('thema=bestaat-niet') });
		expect(otherTheme.total).toBe(0);

		const ofAction = await browseEvents(ctxAs(geel), { filters: filters(`actie=${group.actionId}`) });
		const ofActionIds = await db
			.select({ id: events.id })
			.from(events)
			.where(and(eq(events.municipalityId, geel.id), eq(events.actionId, group.actionId)));
		expect(ofAction.items.length).toBeGreaterThan(0);
		for (const e of ofAction.items) expect(ofActionIds.map((r) => r.id)).toContain(e.id);

		// The working group's day in Brussels: from and to that day find it; the day after does not.
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(
			new Date(all.items.find((e) => e.id === group.id)!.startsAt)
		);
		const that = await browseEvents(ctxAs(geel), { filters: filters(`van=${day}&tot=${day}`) });
		expect(that.items.map((e) => e.id)).toEqual([group.id]);
		const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		const after = await browseEvents(ctxAs(geel), {
			filters: filters(`van=${next}&actie=${group.actionId}&soort=workingGroup`)
		});
		expect(after.items.map((e) => e.id)).not.toContain(group.id);

		const past = await browseEvents(ctxAs(geel), { filters: filters('wanneer=voorbij') });
		expect(past.items).toHaveLength(1);
		expect(past.items[0]!.past).toBe(true);
	});

	it('sends only what a card shows: no rendered description, questions or online link', async () => {
		const { items } = await browseEvents(ctxAs(geel), { filters: filters('') });
		const card = items.find((e) => e.id === group.id)!;
		expect(Object.keys(card).sort()).toEqual(
			[
				'endsAt',
				'hasReport',
				'id',
				'kind',
				'municipality',
				'online',
				'past',
				'path',
				'placesLeft',
				'registrationOpen',
				'startsAt',
				'status',
				'title',
				'venueName'
			].sort()
		);
		expect(card.path).toBe(`/geel/activiteiten/${group.id}-${group.slug}`);
	});

	it('ignores what a stale or edited address adds, and pages with the cursor', async () => {
		expect(filters('soort=feest&van=2026-02-30&actie=abc&na=kapot&thema=<b>')).toEqual({ when: 'upcoming' });
		for (let i = 0; i < 21; i++) await buildEvent(db, mol, { title: `Infoavond ${i}`, kind: 'infoEvening' });
		const first = await browseEvents(ctxAs(mol), { filters: filters('soort=infoEvening') });
		expect(first.items).toHaveLength(20);
		expect(first.total).toBe(21);
		const second = await browseEvents(ctxAs(mol), {
			filters: filters(`soort=infoEvening&na=${first.nextCursor}`)
		});
		expect(second.items).toHaveLength(1);
		expect(second.nextCursor).toBeNull();
	});

	it('shows the region every participating municipality’s public events, and never a draft', async () => {
		const draft = await buildEvent(db, geel, { title: 'Geheime werkgroep in opmaak', status: 'draft' });
		const staff = await buildStaff(db, geel, 'admin');
		const groups = await browseEvents(regionCtx(), { filters: filters('soort=workingGroup') });
		expect(groups.items.map((e) => e.id)).toContain(group.id);
		expect(groups.items.map((e) => e.id)).not.toContain(draft.id);
		const evenings = await browseEvents(regionCtx(), { filters: filters('soort=infoEvening') });
		expect(evenings.total).toBe(21);
		expect(new Set(evenings.items.map((e) => e.municipality.slug))).toEqual(new Set(['mol']));
		// Not even for Geel's own staff: the public pages ask as the public.
		const asStaff = await browseEvents(ctxAs(geel, staff.actor), { filters: filters('') });
		expect(asStaff.items.map((e) => e.id)).not.toContain(draft.id);
		const molList = await browseEvents(ctxAs(mol), { filters: filters('') });
		expect(molList.items.some((e) => e.municipality.slug === 'geel')).toBe(false);
		expect(await browseEvents(ctxAs(geel), { filters: filters(''), participating: false })).toMatchObject({
			items: [],
			total: 0
		});
	});

	it('lists an action’s past events whose report is published, for its page', async () => {
		const reports = await listReportsOf(ctxAs(geel), { actionId: group.actionId });
		expect(reports).toHaveLength(1);
		expect(reports[0]!.reportHtml).toContain('ontharding wordt de eerste werf');
		expect(await listReportsOf(ctxAs(mol), { actionId: group.actionId })).toEqual([]);
	});

	it('refuses a crafted cursor whose id no record can have', async () => {
		const crafted = Buffer.from(`${new Date().toISOString()}|99999999999`).toString('base64url');
		expect(filters(`na=${crafted}`).cursor).toBeUndefined();
	});

	it('lists an action’s and an opportunity’s own upcoming events', async () => {
		const ofAction = await listUpcomingEventsOf(ctxAs(geel), { actionId: group.actionId });
		expect(ofAction.map((e) => e.kind).sort()).toEqual(['actionDay', 'workingGroup']);
		const ofOpportunity = await listUpcomingEventsOf(ctxAs(geel), {
			opportunityId: group.opportunityId
		});
		expect(ofOpportunity.map((e) => e.id)).toEqual([group.id]);
	});
});

describe('an event’s page', () => {
	it('sends an old slug to the event’s address and shows what a citizen needs', async () => {
		const page = await getEventPage(ctxAs(geel), { id: group.id, slug: 'oude-naam' });
		expect(page.redirectTo).toBe(`/geel/activiteiten/${group.id}-${group.slug}`);
		const same = await getEventPage(ctxAs(geel), { id: group.id, slug: group.slug });
		expect(same.redirectTo).toBeNull();
		expect(same.event).toMatchObject({ status: 'published', registrationOpen: true, capacity: 20 });
		expect(same.registration).toBeNull();
		const ld = eventJsonLd(same.event, 'https://meedoen.test');
		expect(ld).toMatchObject({
			'@type': 'Event',
			name: same.event.title,
			startDate: same.event.startsAt,
			eventStatus: 'https://schema.org/EventScheduled',
			location: { '@type': 'Place', name: same.event.venueName }
		});
	});

	it('finds a draft for Geel’s staff only: not for visitors, nor Mol’s staff, nor through Mol', async () => {
		const draft = await buildEvent(db, geel, { title: 'Werkgroep in voorbereiding', status: 'draft' });
		const geelStaff = await buildStaff(db, geel, 'moderator');
		const molAdmin = await buildStaff(db, mol, 'admin');
		expect(
			(await getEventPage(ctxAs(geel, geelStaff.actor), { id: draft.id, slug: draft.slug })).manages
		).toBe(true);
		await refusal(getEventPage(ctxAs(geel), { id: draft.id, slug: draft.slug }), 'not_found');
		await refusal(getEventPage(ctxAs(geel, molAdmin.actor), { id: draft.id, slug: draft.slug }), 'not_found');
		await refusal(getEventPage(ctxAs(mol, molAdmin.actor), { id: draft.id, slug: draft.slug }), 'not_found');
		await refusal(getEventPage(ctxAs(mol), { id: group.id, slug: group.slug }), 'not_found');
		await refusal(
			eventCalendarFile(ctxAs(geel), { id: draft.id, origin: 'https://meedoen.test' }),
			'not_found'
		);
		await refusal(getEventForApi(regionCtx(), { id: draft.id, origin: 'https://x' }), 'not_found');
	});

	it('shows the online link to a person with a confirmed place only', async () => {
		const online = await buildEvent(db, geel, {
			title: 'Online sessie zonnepanelen',
			kind: 'online',
			venueName: '',
			onlineUrl: 'https://meet.example/zon'
		});
		const registered = await buildUser(db);
		const waiting = await buildUser(db);
		const other = await buildUser(db);
		await insertRegistration(db, {
			municipalityId: geel.id,
			eventId: online.id,
			userId: registered.id,
			status: 'confirmed',
			tokenHash: hashToken(newToken()),
			queued: true
		});
		await insertRegistration(db, {
			municipalityId: geel.id,
			eventId: online.id,
			userId: waiting.id,
			status: 'waitlisted',
			tokenHash: hashToken(newToken()),
			queued: true
		});
		const as = async (user: { id: string; displayName: string }) =>
			getEventPage(ctxAs(geel, await actorOf(db, user)), { id: online.id, slug: online.slug });
		const mine = await as(registered);
		expect(mine.event.onlineUrl).toBe('https://meet.example/zon');
		expect(mine.registration).toEqual({ status: 'confirmed', companions: 0, waitlistPosition: null });
		const queued = await as(waiting);
		expect(queued.event.onlineUrl).toBeNull();
		expect(queued.registration).toEqual({ status: 'waitlisted', companions: 0, waitlistPosition: 1 });
		expect((await as(other)).event.onlineUrl).toBeNull();
		expect((await getEventPage(ctxAs(geel), { id: online.id, slug: online.slug })).event).toMatchObject({
			online: true,
			onlineUrl: null
		});
		const file = await eventCalendarFile(ctxAs(geel), { id: online.id, origin: 'https://meedoen.test' });
		expect(file.body).not.toContain('meet.example');
		const api = await getEventForApi(regionCtx(), { id: online.id, origin: 'https://meedoen.test' });
		expect(JSON.stringify(api)).not.toContain('meet.example');
	});

	it('gives the event as an .ics file with its stable UID, in Brussels time', async () => {
		const file = await eventCalendarFile(ctxAs(geel), { id: group.id, origin: 'https://meedoen.test' });
		const [row] = await db.select({ uid: events.uid }).from(events).where(eq(events.id, group.id));
		expect(file.filename).toBe(`${group.slug}-${group.id}.ics`);
		expect(file.body).toContain('BEGIN:VCALENDAR\r\n');
		expect(file.body.replace(/\r\n /g, '')).toContain(`UID:${row!.uid}`);
		expect(file.body).toMatch(/DTSTART;TZID=Europe\/Brussels:\d{8}T\d{6}\r\n/);
		expect(file.body.replace(/\r\n /g, '')).toContain(
			`URL:https://meedoen.test/geel/activiteiten/${group.id}-${group.slug}`
		);
	});
});

describe('the API', () => {
	it('lists a municipality’s public events with filters and refuses bad ones by name', async () => {
		const q = (query: string) => parseEventApiQuery(new URLSearchParams(query));
		const list = await listEventsForApi(regionCtx(), {
			municipalitySlug: 'geel',
			query: q('kind=workingGroup'),
			origin: 'https://meedoen.test'
		});
		expect(list.data.map((e) => e.id)).toContain(group.id);
		expect(list.data[0]).toMatchObject({ municipality: 'geel', kind: 'workingGroup', online: false });
		expect(list.data[0]!.url).toBe(`https://meedoen.test/geel/activiteiten/${group.id}-${group.slug}`);
		expect(list.data[0]).not.toHaveProperty('onlineUrl');

		const refused = (() => {
			try {
				q('from=gisteren&to=2026-13-01&kind=feest&action=-1&when=nu&cursor=kapot&limit=1000');
			} catch (err) {
				return err as { code: string; options: { fields: Record<string, string[]> } };
			}
			throw new Error('expected a refusal');
		})();
		expect(refused.code).toBe('bad_request');
		expect(Object.keys(refused.options.fields).sort()).toEqual(
			['action', 'cursor', 'from', 'kind', 'limit', 'to', 'when'].sort()
		);
		await refusal(
			listEventsForApi(regionCtx(), { municipalitySlug: 'bestaat-niet', query: q(''), origin: 'x' }),
			'not_found'
		);
	});
});

describe('the next step of a working group and an action day', () => {
	it('is registering for its event while one takes registrations, and nothing without one', async () => {
		const now = new Date();
		const rows = await listOpportunitiesOfActions(ctxAs(geel), {
			municipalityIds: [geel.id],
			actionIds: [group.actionId],
			now
		});
		const views = rows.map((r) =>
			presentOpportunity(r, rows, now, { municipalitySlug: 'geel', actionPath: '/geel/acties/x' })
		);
		const workingGroup = views.find((v) => v.id === group.opportunityId)!;
		expect(workingGroup.open).toBe(true);
		expect(workingGroup.nextStep).toEqual({
			kind: 'register',
			href: `/geel/activiteiten/${group.id}-${group.slug}#inschrijven`
		});
		// Once its event no longer takes registrations, the same working group has no next step.
		const closedRows = await listOpportunitiesOfActions(ctxAs(geel), {
			municipalityIds: [geel.id],
			actionIds: [group.actionId],
			now: new Date(now.getTime() + 400 * 86_400_000)
		});
		expect(closedRows.find((r) => r.id === group.opportunityId)!.registrableEvent).toBeNull();
	});
});

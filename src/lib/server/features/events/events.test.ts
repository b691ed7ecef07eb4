// Events against a real database: the demo's events for Geel, what the tables refuse, and who sees what
// (drafts for the municipality's staff only; another municipality's staff see nothing of them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '$lib/server/db/client';
import { events } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import type { Actor } from '$lib/server/platform/policy';
import { seedDemo } from '$lib/server/testing/demo';
import { refusal } from '$lib/server/testing/assertions';
import { buildEvent, buildStaff, getTenant } from '$lib/server/testing/factories';
import { getEvent as getEventRow, listEvents as listEventRows } from './events.queries';
import { getEvent, listEvents } from './events.service';
import { getPublishedReportPhoto } from './events.report.service';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;

const ctxAs = (_db: Db, tenant: Tenant, actor?: Actor) => buildCtx(_db, tenant, { actor });

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	await seedDemo(db);
	geel = await getTenant(db, 'geel');
	mol = await getTenant(db, 'mol');
});

afterAll(async () => {
	await database?.destroy();
});

describe('the demo events of Geel', () => {
	it('has the working group on unpaving ahead, with 20 places in the community centre, and a past meeting', async () => {
		const now = new Date();
		const upcoming = await listEvents(ctxAs(db, geel), { when: 'upcoming', now });
		const group = upcoming.items.find((e) => e.kind === 'workingGroup');
		expect(group).toMatchObject({
			capacity: 20,
			placesLeft: 20,
			rung: 'codecide',
			status: 'published',
			registrationOpen: true
		});
		expect(group!.title).toContain('Werkgroep ontharding');
		expect(group!.venueName).toContain('Gemeenschapscentrum');
		expect(new Date(group!.startsAt).getTime()).toBeGreaterThan(now.getTime());
		expect(group!.action?.title).toContain('Ontharden');
		expect(group!.opportunityId).not.toBeNull();

		const day = upcoming.items.find((e) => e.kind === 'actionDay');
		expect(day).toMatchObject({ rung: 'coproduce', capacity: 40, maxCompanions: 3 });
		expect(day!.questions.map((q) => q.label)).toContain('Ik breng een spade mee');
		expect(new Date(day!.startsAt) > new Date(group!.startsAt)).toBe(true);

		const past = await listEvents(ctxAs(db, geel), { when: 'past', now });
		expect(past.items).toHaveLength(1);
		expect(past.items[0]!.reportHtml).toContain('ontharding wordt de eerste werf');
		// Its report has two drawn photos, each with its alt text, served as JPEG at /media/{id}.
		const meeting = await getEvent(ctxAs(db, geel), { id: past.items[0]!.id });
		expect(meeting.reportPhotos).toHaveLength(2);
		for (const photo of meeting.reportPhotos) {
			expect(photo.alt).toMatch(/^Tekening: .{40,}/);
			expect(photo.src).toMatch(/^\/media\/[0-9a-f-]{36}$/);
			const served = await getPublishedReportPhoto(ctxAs(db, geel), { unverifiedId: photo.src.slice(7) });
			expect(served.contentType).toBe('image/jpeg');
			expect((await sharp(served.bytes).metadata()).format).toBe('jpeg');
		}
	});

	it('links each upcoming event to the opportunity of its kind', async () => {
		const rows = await db
			.select({ kind: events.kind, opportunityId: events.opportunityId })
			.from(events)
			.where(eq(events.municipalityId, geel.id));
		expect(
			rows
				.filter((r) => r.opportunityId !== null)
				.map((r) => r.kind)
				.sort()
		).toEqual(['actionDay', 'workingGroup']);
	});
});

describe('what the events table refuses', () => {
	it('refuses an end before the start, a capacity of 0 and half a place on the map', async () => {
		const startsAt = new Date(Date.now() + 86_400_000);
		await expect(buildEvent(db, geel, { startsAt, endsAt: startsAt })).rejects.toThrow();
		await expect(buildEvent(db, geel, { capacity: 0 })).rejects.toThrow();
		await expect(buildEvent(db, geel, { lat: 51.16, lng: null })).rejects.toThrow();
	});
});

describe('who sees which events', () => {
	it('shows a draft to the municipality’s staff only; Mol’s staff and visitors do not find it', async () => {
		const draft = await buildEvent(db, geel, { title: 'Werkgroep in voorbereiding', status: 'draft' });
		const geelStaff = await buildStaff(db, geel, 'moderator');
		const molAdmin = await buildStaff(db, mol, 'admin');

		expect((await getEvent(ctxAs(db, geel, geelStaff.actor), { id: draft.id })).status).toBe('draft');
		await refusal(getEvent(ctxAs(db, geel), { id: draft.id }), 'not_found');
		await refusal(getEvent(ctxAs(db, geel, molAdmin.actor), { id: draft.id }), 'not_found');
		// Through Mol's pages Geel's event does not exist at all.
		await refusal(getEvent(ctxAs(db, mol, molAdmin.actor), { id: draft.id }), 'not_found');

		const staffList = await listEvents(ctxAs(db, geel, geelStaff.actor), { when: 'upcoming', drafts: true });
		expect(staffList.items.map((e) => e.id)).toContain(draft.id);
		const publicList = await listEvents(ctxAs(db, geel), { when: 'upcoming' });
		expect(publicList.items.map((e) => e.id)).not.toContain(draft.id);
		await refusal(
			listEvents(ctxAs(db, geel, molAdmin.actor), { when: 'upcoming', drafts: true }),
			'forbidden'
		);
		await refusal(listEvents(ctxAs(db, geel), { when: 'upcoming', drafts: true }), 'unauthenticated');
		const molList = await listEvents(ctxAs(db, mol, molAdmin.actor), { when: 'upcoming', drafts: true });
		expect(molList.items.map((e) => e.id)).not.toContain(draft.id);
	});

	it('finds nothing of Geel through Mol’s id in the queries', async () => {
		const geelEvent = await buildEvent(db, geel);
		expect(await getEventRow(db, { municipalityId: mol.id, id: geelEvent.id })).toBeUndefined();
		const rows = await listEventRows(db, {
			municipalityIds: [mol.id],
			statuses: ['draft', 'published', 'cancelled'],
			order: 'asc',
			limit: 100
		});
		expect(rows.some((r) => r.municipalityId === geel.id)).toBe(false);
	});

	it('pages the list with a cursor, without repeating or skipping an event', async () => {
		const first = await listEvents(ctxAs(db, geel), { when: 'upcoming', limit: 2 });
		expect(first.items).toHaveLength(2);
		expect(first.nextCursor).not.toBeNull();
		const second = await listEvents(ctxAs(db, geel), {
			when: 'upcoming',
			limit: 100,
			cursor: first.nextCursor
		});
		const all = await listEvents(ctxAs(db, geel), { when: 'upcoming', limit: 100 });
		expect([...first.items, ...second.items].map((e) => e.id)).toEqual(all.items.map((e) => e.id));
		await refusal(listEvents(ctxAs(db, geel), { when: 'upcoming', cursor: 'kapot' }), 'bad_request');
	});
});

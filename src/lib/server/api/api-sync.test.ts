// Incremental sync (`updated_since`) on every list of the API, through the real routes against the real
// database (PGlite, or PostgreSQL with TEST_DB=postgres): what changed comes, what left the list comes as a
// tombstone, paging while items change misses nothing, updated_at moves on every change path (the
// triggers), and a bad or combined query is a Dutch 400, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildAction,
	buildEvent,
	buildOpportunity,
	buildParticipatingMunicipality,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildTheme,
	buildUser,
	buildVotes
} from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import { actions, actionThemes, events, municipalities, suggestions } from '$lib/server/db/schema';
import { archiveAction, unpublishAction, updateAction } from '$lib/server/features/actions/actions.queries';
import { insertRegistration } from '$lib/server/features/events/events.queries';
import { decodeSyncCursor, parseUpdatedSince } from '$lib/server/platform/api-sync';
import * as municipalityList from '../../../routes/api/v1/municipalities/+server';
import * as actionList from '../../../routes/api/v1/municipalities/[slug]/actions/+server';
import * as eventList from '../../../routes/api/v1/municipalities/[slug]/events/+server';
import * as suggestionList from '../../../routes/api/v1/opportunities/[id=id]/suggestions/+server';

const ORIGIN = 'https://meedoen.test';
let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;

type Handler = (event: RequestEvent) => Promise<Response>;

async function get(handler: unknown, path: string, params: Record<string, string>) {
	const url = new URL(path, ORIGIN);
	const event = {
		url,
		request: new Request(url),
		params,
		locals: { requestId: 'test', locale: 'nl', session: null, ctx: buildCtx(database.db) }
	} as unknown as RequestEvent;
	const response = await (handler as Handler)(event);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Page {
	data: { id: number; updatedAt: string; title?: string }[];
	deleted: { id: number; updatedAt: string }[];
	nextCursor: string | null;
	nextUpdatedSince: string;
}

/** Every page of a sync from `since`, calling `between` after each page (to change data while paging). */
async function syncAll(
	handler: unknown,
	path: string,
	params: Record<string, string>,
	since: string,
	limit: number,
	between: (pageNumber: number) => Promise<void> = async () => {}
): Promise<Page[]> {
	const pages: Page[] = [];
	let cursor: string | null = null;
	do {
		const query = new URLSearchParams({ updated_since: since, limit: String(limit) });
		if (cursor) query.set('cursor', cursor);
		const { status, body } = await get(handler, `${path}?${query}`, params);
		expect(status).toBe(200);
		const page = body as unknown as Page;
		pages.push(page);
		cursor = page.nextCursor;
		await between(pages.length);
	} while (cursor && pages.length < 50);
	return pages;
}

/** The database's now, so a test's "since" is on the clock the rows are stamped with. */
async function readDbClock(): Promise<number> {
	const rows = await database.db.execute(sql`select now() as now`);
	const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { now: Date | string }[];
	return new Date(list[0]!.now).getTime();
}

/**
 * A moment on the database's clock after every write so far and at or before every write from now on. The clock
 * has microseconds and an ISO string milliseconds: a string cut off from now() would lie before a write made in
 * the same millisecond (seen on PGlite, whose clock often ties), so it is the next millisecond, and the
 * database's clock is waited for until it has passed it.
 */
async function dbNow(): Promise<string> {
	const after = (await readDbClock()) + 1;
	while ((await readDbClock()) < after) await new Promise((resolve) => setImmediate(resolve));
	return new Date(after).toISOString();
}

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
});

afterAll(async () => {
	await database?.destroy();
});

describe('updated_since on the actions of a municipality', () => {
	it('gives what changed, oldest change first, and an unpublished or archived action as a tombstone', async () => {
		const db = database.db;
		const before = await buildAction(db, geel, { title: 'Al lang gepubliceerd' });
		const since = await dbNow();
		const a = await buildAction(db, geel, { title: 'Bomen planten' });
		const b = await buildAction(db, geel, { title: 'Geveltuinen' });
		const c = await buildAction(db, geel, { title: 'Fietsstraat' });
		await buildAction(db, mol, { title: 'Van Mol' });
		await unpublishAction(db, { municipalityId: geel.id, id: b.id });
		await archiveAction(db, { municipalityId: geel.id, id: c.id });

		const [page] = await syncAll(
			actionList.GET,
			'/api/v1/municipalities/geel/actions',
			{ slug: 'geel' },
			since,
			50
		);
		expect(page!.data.map((d) => d.id)).toEqual([a.id]);
		expect(page!.deleted.map((d) => d.id)).toEqual([b.id, c.id]);
		expect(page!.data[0]).toMatchObject({
			title: 'Bomen planten',
			api: `${ORIGIN}/api/v1/actions/${a.id}`,
			url: expect.stringContaining(`/geel/acties/${a.id}`)
		});
		expect(new Date(page!.data[0]!.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(since).getTime());
		// Nothing of before the moment, nothing of Mol.
		const ids = [...page!.data, ...page!.deleted].map((d) => d.id);
		expect(ids).not.toContain(before.id);
		// The next sync starts a minute before this one did, on the database's clock.
		expect(new Date(since).getTime() - new Date(page!.nextUpdatedSince).getTime()).toBeGreaterThan(55_000);
		expect(new Date(since).getTime() - new Date(page!.nextUpdatedSince).getTime()).toBeLessThan(70_000);
	});

	it('misses nothing while actions change between pages: a changed action comes again later', async () => {
		const db = database.db;
		const since = await dbNow();
		const made: { id: number }[] = [];
		for (let i = 0; i < 6; i++) made.push(await buildAction(db, geel, { title: `Reeks ${i}` }));
		const pages = await syncAll(
			actionList.GET,
			'/api/v1/municipalities/geel/actions',
			{ slug: 'geel' },
			since,
			2,
			async (n) => {
				if (n !== 1) return;
				// One already read and one not yet read change after the first page.
				await updateAction(db, { municipalityId: geel.id, id: made[0]!.id, title: 'Reeks 0, aangepast' });
				await updateAction(db, { municipalityId: geel.id, id: made[3]!.id, title: 'Reeks 3, aangepast' });
			}
		);
		const seen = pages.flatMap((p) => p.data);
		expect(new Set(seen.map((d) => d.id))).toEqual(new Set(made.map((m) => m.id)));
		// The changed one came again, with its new title, after the others.
		const last = seen.filter((d) => d.id === made[0]!.id).at(-1)!;
		expect(last.title).toBe('Reeks 0, aangepast');
		expect(seen.filter((d) => d.id === made[3]!.id).at(-1)!.title).toBe('Reeks 3, aangepast');
		// Oldest change first, throughout.
		const times = seen.map((d) => new Date(d.updatedAt).getTime());
		expect(times).toEqual([...times].sort((x, y) => x - y));
		// Every page carries the same next start: the first page's.
		expect(new Set(pages.map((p) => p.nextUpdatedSince)).size).toBe(1);
		expect(pages.length).toBeGreaterThanOrEqual(3);
		expect(decodeSyncCursor(pages[0]!.nextCursor!)).not.toBeNull();
	});

	it('counts a change of an opportunity or a theme as a change of its action (the triggers)', async () => {
		const db = database.db;
		const action = await buildAction(db, geel, { title: 'Met kansen' });
		const theme = await buildTheme(db, geel);
		let since = await dbNow();
		await buildOpportunity(db, geel, action.id, { kind: 'readUpdates', rung: 'inform' });
		let [page] = await syncAll(
			actionList.GET,
			'/api/v1/municipalities/geel/actions',
			{ slug: 'geel' },
			since,
			50
		);
		expect(page!.data.map((d) => d.id)).toContain(action.id);

		since = await dbNow();
		await db.insert(actionThemes).values({ municipalityId: geel.id, actionId: action.id, themeId: theme.id });
		[page] = await syncAll(
			actionList.GET,
			'/api/v1/municipalities/geel/actions',
			{ slug: 'geel' },
			since,
			50
		);
		expect(page!.data.map((d) => d.id)).toEqual([action.id]);
	});

	it('lets a statement that sets updated_at itself keep it (the demo writes past moments)', async () => {
		const db = database.db;
		const action = await buildAction(db, geel, { title: 'Uit het verleden' });
		const past = new Date('2025-01-02T03:04:05.000Z');
		await db.update(actions).set({ summary: 'Ander', updatedAt: past }).where(eq(actions.id, action.id));
		const [row] = await db.select({ at: actions.updatedAt }).from(actions).where(eq(actions.id, action.id));
		expect(row!.at.toISOString()).toBe(past.toISOString());
		// Without it, the trigger moves it.
		await db.update(actions).set({ summary: 'Nog anders' }).where(eq(actions.id, action.id));
		const [moved] = await db.select({ at: actions.updatedAt }).from(actions).where(eq(actions.id, action.id));
		expect(moved!.at.getTime()).toBeGreaterThan(past.getTime());
	});
});

describe('updated_since on the events of a municipality', () => {
	it('counts a registration as a change, and an event made a draft comes as a tombstone', async () => {
		const db = database.db;
		const kept = await buildEvent(db, geel, { title: 'Plantdag' });
		const hidden = await buildEvent(db, geel, { title: 'Wordt een ontwerp' });
		await buildEvent(db, mol, { title: 'Van Mol' });
		const since = await dbNow();
		const person = await buildUser(db);
		await insertRegistration(db, {
			municipalityId: geel.id,
			eventId: kept.id,
			userId: person.id,
			status: 'confirmed',
			tokenHash: 'test-token-hash',
			queued: true,
			confirmed: true
		});
		await db.update(events).set({ status: 'draft' }).where(eq(events.id, hidden.id));
		const [page] = await syncAll(
			eventList.GET,
			'/api/v1/municipalities/geel/events',
			{ slug: 'geel' },
			since,
			50
		);
		expect(page!.data.map((d) => d.id)).toEqual([kept.id]);
		expect((page!.data[0] as unknown as { placesLeft: number }).placesLeft).toBe(19);
		expect(page!.data[0]).toMatchObject({ api: `${ORIGIN}/api/v1/events/${kept.id}` });
		expect(page!.deleted.map((d) => d.id)).toEqual([hidden.id]);
	});

	it('counts registration closing (its deadline passing) as a change, without any write', async () => {
		const db = database.db;
		// Five minutes ago: before the deadline, long after the event's last write.
		const since = new Date(new Date(await dbNow()).getTime() - 300_000).toISOString();
		const soon = await buildEvent(db, geel, {
			title: 'Deadline voorbij',
			registrationDeadline: new Date(Date.now() - 60_000),
			updatedAt: new Date(Date.now() - 3_600_000)
		});
		const [page] = await syncAll(
			eventList.GET,
			'/api/v1/municipalities/geel/events',
			{ slug: 'geel' },
			since,
			50
		);
		const item = page!.data.find((d) => d.id === soon.id) as unknown as {
			registrationOpen: boolean;
			updatedAt: string;
		};
		expect(item.registrationOpen).toBe(false);
		expect(Math.abs(new Date(item.updatedAt).getTime() - (Date.now() - 60_000))).toBeLessThan(30_000);
	});
});

describe('updated_since on the suggestions of an opportunity', () => {
	it('counts votes and moderation as changes; a rejected or merged suggestion comes as a tombstone', async () => {
		const db = database.db;
		const map = await buildSuggestionOpportunity(db, geel);
		const voted = await buildSuggestion(db, geel, map.id, { title: 'Bankje aan de kerk' });
		const rejected = await buildSuggestion(db, geel, map.id, { title: 'Wordt geweigerd' });
		const untouched = await buildSuggestion(db, geel, map.id, { title: 'Blijft zoals het is' });
		const since = await dbNow();
		const voter = await buildUser(db);
		await buildVotes(db, geel, { id: voted.id, opportunityId: map.id }, [voter.id]);
		await db.update(suggestions).set({ moderation: 'rejected' }).where(eq(suggestions.id, rejected.id));
		const params = { id: String(map.id) };
		const [page] = await syncAll(
			suggestionList.GET,
			`/api/v1/opportunities/${map.id}/suggestions`,
			params,
			since,
			50
		);
		expect(page!.data.map((d) => d.id)).toEqual([voted.id]);
		expect((page!.data[0] as unknown as { votes: number }).votes).toBe(1);
		expect(page!.deleted.map((d) => d.id)).toEqual([rejected.id]);
		expect([...page!.data, ...page!.deleted].map((d) => d.id)).not.toContain(untouched.id);
	});
});

describe('updated_since on the municipalities', () => {
	it('gives the municipalities changed since, and never a tombstone', async () => {
		const since = await dbNow();
		await database.db
			.update(municipalities)
			.set({ intro: 'Welkom in Geel' })
			.where(eq(municipalities.id, geel.id));
		const { status, body } = await get(
			municipalityList.GET,
			`/api/v1/municipalities?updated_since=${encodeURIComponent(since)}`,
			{}
		);
		expect(status).toBe(200);
		const page = body as unknown as { data: { slug: string }[]; deleted: unknown[]; nextCursor: null };
		expect(page.data.map((m) => m.slug)).toEqual(['geel']);
		expect(page.deleted).toEqual([]);
		expect(page.nextCursor).toBeNull();
	});
});

describe('a sync query that cannot be answered', () => {
	const cases: [string, string, string, string][] = [
		['a word', 'updated_since=gisteren', 'updated_since', 'ISO 8601'],
		['a day that does not exist', 'updated_since=2026-02-31T00:00:00Z', 'updated_since', 'ISO 8601'],
		['a moment without its zone', 'updated_since=2026-03-01T08:00:00', 'updated_since', 'tijdzone'],
		['5,000 digits', `updated_since=${'9'.repeat(5000)}`, 'updated_since', 'ISO 8601'],
		['a filter beside it', 'updated_since=2026-03-01T08:00:00Z&theme=mobiliteit', 'theme', 'niet filteren'],
		['a made-up cursor', 'updated_since=2026-03-01T08:00:00Z&cursor=abc', 'cursor', 'cursor'],
		['limit 0', 'updated_since=2026-03-01T08:00:00Z&limit=0', 'limit', '1 tot 100'],
		['limit 101', 'updated_since=2026-03-01T08:00:00Z&limit=101', 'limit', '1 tot 100']
	];
	it.each(cases)(
		'refuses %s with 400 and a Dutch message beside the field',
		async (_, query, field, words) => {
			const { status, body } = await get(actionList.GET, `/api/v1/municipalities/geel/actions?${query}`, {
				slug: 'geel'
			});
			expect(status).toBe(400);
			const errors = body.errors as Record<string, string[]>;
			expect(errors[field]!.join(' ')).toContain(words);
		}
	);

	it('refuses a list cursor in a sync and a sync cursor in a list', async () => {
		const list = await get(actionList.GET, '/api/v1/municipalities/geel/actions?limit=1', { slug: 'geel' });
		const listCursor = list.body.nextCursor as string;
		const mixed = await get(
			actionList.GET,
			`/api/v1/municipalities/geel/actions?updated_since=2026-01-01T00:00:00Z&cursor=${listCursor}`,
			{ slug: 'geel' }
		);
		expect(mixed.status).toBe(400);
		const sync = await get(
			actionList.GET,
			`/api/v1/municipalities/geel/actions?updated_since=2020-01-01T00:00:00Z&limit=1`,
			{ slug: 'geel' }
		);
		const back = await get(
			actionList.GET,
			`/api/v1/municipalities/geel/actions?cursor=${sync.body.nextCursor as string}`,
			{ slug: 'geel' }
		);
		expect(back.status).toBe(400);
	});

	it('reads offsets and fractions, and keeps an unknown municipality a 404', async () => {
		expect(parseUpdatedSince('2026-03-01T09:00:00.123456+01:00')?.toISOString()).toBe(
			'2026-03-01T08:00:00.123Z'
		);
		const unknown = await get(
			actionList.GET,
			'/api/v1/municipalities/nergensdorp/actions?updated_since=2026-01-01T00:00:00Z',
			{ slug: 'nergensdorp' }
		);
		expect(unknown.status).toBe(404);
	});
});

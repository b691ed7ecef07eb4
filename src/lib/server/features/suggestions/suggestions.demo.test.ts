import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
	municipalities,
	suggestionComments,
	suggestionReports,
	suggestionSettings,
	suggestionStory,
	suggestionVotes,
	suggestions,
	userIdentities,
	users
} from '$lib/server/db/schema';
import { SUGGESTION_STATUSES } from '$lib/domain/suggestions';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { placeVerdict } from '$lib/server/platform/geo/area';
import { seedDemo } from '$lib/server/testing/demo';
import { DEMO_PERSONA_ISSUER, DEMO_RADIUS_METRES, seedDemoSuggestions } from './suggestions.demo';

const TOWNS = ['geel', 'mol', 'olen'] as const;
let database: TestDatabase;
let seedMs = 0;
let town: Record<string, string> = {};

beforeAll(async () => {
	database = await createTestDatabase();
	const started = performance.now();
	await seedDemo(database.db);
	seedMs = performance.now() - started;
	const rows = await database.db
		.select({ id: municipalities.id, slug: municipalities.slug })
		.from(municipalities)
		.where(inArray(municipalities.slug, [...TOWNS]));
	town = Object.fromEntries(rows.map((r) => [r.slug, r.id]));
}, 120_000);
afterAll(async () => {
	await database?.destroy();
});

/** Metres between two points (equirectangular: plenty at a few kilometres). */
function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
	const x = ((b.lng - a.lng) * Math.PI * 6_371_000 * Math.cos(((a.lat + b.lat) * Math.PI) / 360)) / 180;
	const y = ((b.lat - a.lat) * Math.PI * 6_371_000) / 180;
	return Math.hypot(x, y);
}

describe('demo suggestions', () => {
	it('loads dozens of suggestions in each of Geel, Mol and Olen with every status', async () => {
		console.info(`seedDemo with suggestions took ${Math.round(seedMs)} ms`);
		for (const slug of TOWNS) {
			const rows = await database.db
				.select({ status: suggestions.status, moderation: suggestions.moderation })
				.from(suggestions)
				.where(eq(suggestions.municipalityId, town[slug]!));
			expect(rows.length, slug).toBeGreaterThanOrEqual(30);
			expect(rows.length, slug).toBeLessThanOrEqual(55);
			expect(new Set(rows.map((r) => r.status)), slug).toEqual(new Set(SUGGESTION_STATUSES));
			// Waiting in the moderation queue, and one refused.
			expect(rows.filter((r) => r.moderation === 'pending').length, slug).toBeGreaterThanOrEqual(2);
			expect(
				rows.some((r) => r.moderation === 'rejected'),
				slug
			).toBe(true);
		}
	});

	it('sets up pre- and post-moderation, a vote limit of 3 and an opportunity with voting closed', async () => {
		const rows = await database.db.select().from(suggestionSettings);
		expect(rows.some((r) => r.moderation === 'pre')).toBe(true);
		expect(rows.some((r) => r.moderation === 'post')).toBe(true);
		expect(rows.some((r) => r.voteLimit === 3)).toBe(true);
		expect(rows.some((r) => !r.votingOpen)).toBe(true);
	});

	it('keeps vote and comment counts exact, and no one past an opportunity’s vote limit', async () => {
		const wrong = await database.executeSql(`
			SELECT s.id FROM suggestions s
			WHERE s.vote_count <> (SELECT count(*) FROM suggestion_votes v WHERE v.suggestion_id = s.id)
				OR s.comment_count <> (SELECT count(*) FROM suggestion_comments c
					WHERE c.suggestion_id = s.id AND c.moderation = 'approved')`);
		expect(wrong.rows).toEqual([]);
		const [{ votes } = { votes: 0 }] = await database.db
			.select({ votes: sql<number>`count(*)::int` })
			.from(suggestionVotes);
		expect(votes).toBeGreaterThan(300);
		const overLimit = await database.executeSql(`
			SELECT v.user_id, v.opportunity_id FROM suggestion_votes v
			JOIN suggestion_settings st ON st.opportunity_id = v.opportunity_id
			WHERE st.vote_limit IS NOT NULL
			GROUP BY v.user_id, v.opportunity_id, st.vote_limit HAVING count(*) > st.vote_limit`);
		expect(overLimit.rows).toEqual([]);
		// Votes only where the public can see the suggestion, and in the suggestion's own opportunity.
		const misplaced = await database.executeSql(`
			SELECT v.suggestion_id FROM suggestion_votes v JOIN suggestions s ON s.id = v.suggestion_id
			WHERE s.moderation <> 'approved' OR s.merged_into_id IS NOT NULL
				OR s.opportunity_id <> v.opportunity_id OR s.municipality_id <> v.municipality_id`);
		expect(misplaced.rows).toEqual([]);
	});

	it('places suggestions inside each municipality, a few only by their typed address', async () => {
		for (const slug of TOWNS) {
			const [centre] = await database.db
				.select({ lat: municipalities.centerLat, lng: municipalities.centerLng })
				.from(municipalities)
				.where(eq(municipalities.slug, slug));
			const rows = await database.db
				.select({ lat: suggestions.lat, lng: suggestions.lng, placeName: suggestions.placeName })
				.from(suggestions)
				.where(and(eq(suggestions.municipalityId, town[slug]!), eq(suggestions.moderation, 'approved')));
			const placed = rows.filter((r) => r.lat !== null && r.lng !== null);
			for (const row of placed)
				expect(metres(centre!, { lat: row.lat!, lng: row.lng! }), slug).toBeLessThanOrEqual(
					DEMO_RADIUS_METRES[slug]! + 1
				);
			// Spread out, not piled on the centre.
			const far = placed.filter((r) => metres(centre!, { lat: r.lat!, lng: r.lng! }) > 800);
			expect(far.length, slug).toBeGreaterThan(placed.length / 2);
			const unplaced = await database.db
				.select({ placeName: suggestions.placeName })
				.from(suggestions)
				.where(and(eq(suggestions.municipalityId, town[slug]!), sql`${suggestions.lat} IS NULL`));
			expect(unplaced.length, slug).toBeGreaterThanOrEqual(2);
		}
	});

	it('places every suggestion where the place check accepts it for its municipality', async () => {
		for (const slug of TOWNS) {
			const rows = await database.db
				.select({ lat: suggestions.lat, lng: suggestions.lng })
				.from(suggestions)
				.where(and(eq(suggestions.municipalityId, town[slug]!), isNotNull(suggestions.lat)));
			expect(rows.length, slug).toBeGreaterThan(10);
			for (const row of rows)
				expect(
					await placeVerdict({ db: database.db }, town[slug]!, { lat: row.lat!, lng: row.lng! }),
					slug
				).toBe('inside');
		}
	});

	it('tells each story with dates in order, reasons for not choosing and official answers', async () => {
		const story = await database.db
			.select({
				suggestionId: suggestionStory.suggestionId,
				kind: suggestionStory.kind,
				status: suggestionStory.status,
				reason: suggestionStory.reason,
				at: suggestionStory.createdAt
			})
			.from(suggestionStory)
			.orderBy(suggestionStory.id);
		const now = Date.now();
		const bySuggestion = new Map<number, typeof story>();
		for (const entry of story)
			bySuggestion.set(entry.suggestionId, [...(bySuggestion.get(entry.suggestionId) ?? []), entry]);
		const rows = await database.db.select().from(suggestions);
		for (const row of rows) {
			const entries = bySuggestion.get(row.id) ?? [];
			expect(entries[0]?.kind, row.title).toBe('submitted');
			for (let i = 1; i < entries.length; i++)
				expect(entries[i]!.at.getTime(), row.title).toBeGreaterThanOrEqual(entries[i - 1]!.at.getTime());
			expect(entries.at(-1)!.at.getTime()).toBeLessThan(now);
			const lastStatus = entries.filter((e) => e.kind !== 'answered' && e.kind !== 'merged').at(-1)!.status;
			expect(lastStatus, row.title).toBe(row.status);
			if (row.status === 'notChosen') {
				expect(entries.find((e) => e.status === 'notChosen')!.reason).not.toBe('');
				expect(row.answer).toBeTruthy();
			}
			if (row.answer) expect(entries.some((e) => e.kind === 'answered')).toBe(true);
		}
		// The demo has answered suggestions, so the answered check above is exercised.
		expect(rows.filter((r) => r.answer).length).toBeGreaterThan(0);
		const merged = rows.filter((r) => r.mergedIntoId !== null);
		expect(merged.length).toBeGreaterThanOrEqual(1);
		for (const row of merged) {
			expect(row.voteCount).toBe(0);
			const keptOne = rows.find((r) => r.id === row.mergedIntoId)!;
			expect(keptOne.opportunityId).toBe(row.opportunityId);
			expect(keptOne.mergedIntoId).toBeNull();
		}
	});

	it('has comments with one level of replies, an official reply and open reports', async () => {
		const comments = await database.db.select().from(suggestionComments);
		const byId = new Map(comments.map((c) => [c.id, c]));
		expect(comments.some((c) => c.parentId !== null)).toBe(true);
		for (const c of comments.filter((c) => c.parentId !== null)) {
			const parent = byId.get(c.parentId!)!;
			expect(parent.parentId).toBeNull();
			expect(parent.suggestionId).toBe(c.suggestionId);
		}
		expect(comments.some((c) => c.official)).toBe(true);
		expect(comments.some((c) => c.moderation === 'pending')).toBe(true);
		for (const slug of TOWNS) {
			const open = await database.db
				.select({ id: suggestionReports.id, commentId: suggestionReports.commentId })
				.from(suggestionReports)
				.where(
					and(eq(suggestionReports.municipalityId, town[slug]!), sql`${suggestionReports.resolvedAt} IS NULL`)
				);
			expect(open.length, slug).toBeGreaterThanOrEqual(2);
			expect(open.some((r) => r.commentId !== null)).toBe(true);
		}
	});

	it('gives the citizen personas their own suggestion in their municipality, and no used-up vote limit', async () => {
		for (const [slug, sub] of [
			['geel', 'dev-citizen-geel'],
			['mol', 'dev-citizen-mol'],
			['olen', 'dev-citizen-olen']
		] as const) {
			const [persona] = await database.db
				.select({ id: users.id })
				.from(userIdentities)
				.innerJoin(users, eq(users.id, userIdentities.userId))
				.where(and(eq(userIdentities.issuer, DEMO_PERSONA_ISSUER), eq(userIdentities.subject, sub)));
			expect(persona, sub).toBeDefined();
			const own = await database.db
				.select({ id: suggestions.id, moderation: suggestions.moderation })
				.from(suggestions)
				.where(and(eq(suggestions.municipalityId, town[slug]!), eq(suggestions.authorId, persona!.id)));
			expect(
				own.some((s) => s.moderation === 'approved'),
				sub
			).toBe(true);
			const votes = await database.db
				.select({ id: suggestionVotes.suggestionId })
				.from(suggestionVotes)
				.where(eq(suggestionVotes.userId, persona!.id));
			expect(votes).toEqual([]);
		}
	});

	it('loads only once: a second run adds nothing', async () => {
		const count = async () =>
			(
				await database.executeSql(`SELECT
					(SELECT count(*)::int FROM suggestions) AS s, (SELECT count(*)::int FROM suggestion_votes) AS v,
					(SELECT count(*)::int FROM suggestion_comments) AS c, (SELECT count(*)::int FROM users) AS u`)
			).rows[0];
		const before = await count();
		expect(await seedDemoSuggestions(database.db)).toMatchObject({ suggestions: 0, votes: 0 });
		await seedDemo(database.db);
		expect(await count()).toEqual(before);
	});

	it('is the same content at every fresh start', async () => {
		const other = await createTestDatabase();
		try {
			await seedDemo(other.db);
			const titles = async (db: TestDatabase['db']) =>
				(
					await db
						.select({ title: suggestions.title, lat: suggestions.lat, votes: suggestions.voteCount })
						.from(suggestions)
						.orderBy(suggestions.id)
				).map((r) => `${r.title}|${r.lat?.toFixed(6)}|${r.votes}`);
			expect(await titles(other.db)).toEqual(await titles(database.db));
		} finally {
			await other.destroy();
		}
	}, 120_000);
});

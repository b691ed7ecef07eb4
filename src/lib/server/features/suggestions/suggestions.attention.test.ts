// The back office's home and menu tell a moderator what waits for them: counts of the municipality's own
// suggestions and comments waiting for approval (and since when), open reports and citizens' comments that no
// official answer followed; nothing of another municipality, and nothing for someone who may not moderate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Tenant } from '$lib/server/platform/context';
import { suggestionComments, suggestionReports, suggestions } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import {
	actorOf,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	getTenant
} from '$lib/server/testing/factories';
import { refusal } from '$lib/server/testing/assertions';
import { getBackofficeHome, getBackofficeNav } from '$lib/server/features/staff/staff.service';
import { insertComment, insertReport } from './suggestions.contribute.queries';

let database: TestDatabase;
let A: Tenant;
let B: Tenant;
const DAY = 86_400_000;
const threeDaysAgo = new Date(Date.now() - 3 * DAY);
let answered: { id: number; slug: string };

async function comment(tenant: Tenant, suggestionId: number, authorId: string, at: Date, official = false) {
	const row = await insertComment(database.db, {
		municipalityId: tenant.id,
		suggestionId,
		parentId: null,
		authorId,
		body: official ? 'Antwoord van de gemeente' : 'Goed idee',
		moderation: 'approved'
	});
	await database.db
		.update(suggestionComments)
		.set({ createdAt: at, official })
		.where(eq(suggestionComments.id, row.id));
	return row;
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	A = await getTenant(db, 'olen');
	B = await getTenant(db, 'balen');
	const citizen = await buildUser(db);
	const { id: opportunityId } = await buildSuggestionOpportunity(db, A);
	const old = await buildSuggestion(db, A, opportunityId, { moderation: 'pending', authorId: citizen.id });
	await db.update(suggestions).set({ createdAt: threeDaysAgo }).where(eq(suggestions.id, old.id));
	await buildSuggestion(db, A, opportunityId, { moderation: 'pending', authorId: citizen.id });
	const published = await buildSuggestion(db, A, opportunityId, { title: 'Bankje aan de kerk' });
	answered = published;
	// A comment waiting for approval; a comment answered by the municipality; a newer one not answered yet.
	await insertComment(db, {
		municipalityId: A.id,
		suggestionId: published.id,
		parentId: null,
		authorId: citizen.id,
		body: 'Wacht nog',
		moderation: 'pending'
	});
	const staff = await buildUser(db);
	await comment(A, published.id, citizen.id, new Date(Date.now() - 2 * DAY));
	await comment(A, published.id, staff.id, new Date(Date.now() - DAY), true);
	await comment(A, published.id, citizen.id, new Date());
	// An open report and a resolved one.
	await insertReport(db, {
		municipalityId: A.id,
		suggestionId: published.id,
		commentId: null,
		reporterId: citizen.id,
		reason: 'offensive',
		note: ''
	});
	const other = await buildUser(db);
	await insertReport(db, {
		municipalityId: A.id,
		suggestionId: published.id,
		commentId: null,
		reporterId: other.id,
		reason: 'offensive',
		note: ''
	});
	await db
		.update(suggestionReports)
		.set({ resolvedAt: new Date() })
		.where(eq(suggestionReports.reporterId, other.id));

	// Balen has its own waiting suggestion and report.
	const inB = await buildSuggestionOpportunity(db, B);
	const waitingInB = await buildSuggestion(db, B, inB.id, { moderation: 'pending', authorId: citizen.id });
	await insertReport(db, {
		municipalityId: B.id,
		suggestionId: waitingInB.id,
		commentId: null,
		reporterId: citizen.id,
		reason: 'spam',
		note: ''
	});
});
afterAll(async () => {
	await database?.destroy();
});

const counts = (items: { id: string; count: number }[]) =>
	Object.fromEntries(items.map((i) => [i.id, i.count]));

describe('what needs a moderator’s attention', () => {
	it('counts the municipality’s own waiting items, reports and unanswered comments, with since when', async () => {
		const { actor } = await buildStaff(database.db, A, 'moderator');
		const home = await getBackofficeHome(ctxAs(database.db, A, actor));
		expect(counts(home.attention)).toEqual({
			'suggestions.waiting': 2,
			'suggestions.commentsWaiting': 1,
			'suggestions.reports': 1,
			'suggestions.toAnswer': 1
		});
		const waiting = home.attention.find((i) => i.id === 'suggestions.waiting')!;
		expect(waiting.since).toBe(threeDaysAgo.toISOString());
		expect(waiting.href).toBe('/olen/beheer/suggesties?wat=waiting');
		expect(home.attention.find((i) => i.id === 'suggestions.reports')?.href).toBe(
			'/olen/beheer/suggesties?wat=reported'
		);
		const toAnswer = home.attention.find((i) => i.id === 'suggestions.toAnswer')!;
		expect(toAnswer.links).toEqual([
			{ label: 'Bankje aan de kerk (1)', href: `/olen/beheer/suggesties/${answered.id}-${answered.slug}` }
		]);
		expect((await getBackofficeNav(ctxAs(database.db, A, actor)))?.waiting).toBe(4);
	});

	it('shows another municipality’s moderator only their own', async () => {
		const { actor } = await buildStaff(database.db, B, 'moderator');
		const home = await getBackofficeHome(ctxAs(database.db, B, actor));
		expect(counts(home.attention)).toEqual({
			'suggestions.waiting': 1,
			'suggestions.commentsWaiting': 0,
			'suggestions.reports': 1,
			'suggestions.toAnswer': 0
		});
		expect((await getBackofficeNav(ctxAs(database.db, B, actor)))?.waiting).toBe(2);
		// Olen's moderator in Balen's back office: no abilities there, nothing counted.
		const { actor: olen } = await buildStaff(database.db, A, 'moderator');
		expect((await getBackofficeNav(ctxAs(database.db, B, olen)))?.waiting).toBe(0);
	});

	it('tells nothing to someone who may not moderate', async () => {
		const { actor } = await buildStaff(database.db, A, 'communication');
		const home = await getBackofficeHome(ctxAs(database.db, A, actor));
		expect(home.attention).toEqual([]);
		expect((await getBackofficeNav(ctxAs(database.db, A, actor)))?.waiting).toBe(0);
		const citizen = await actorOf(database.db, await buildUser(database.db));
		await refusal(getBackofficeHome(ctxAs(database.db, A, citizen)), 'forbidden');
		expect((await getBackofficeNav(ctxAs(database.db, A, citizen)))?.waiting).toBe(0);
		expect(await getBackofficeNav(ctxAs(database.db, A))).toBeNull();
	});
});

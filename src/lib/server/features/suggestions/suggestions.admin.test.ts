// The back office of suggestions against a real database: who may moderate (and that Mol never touches Geel),
// the queue, bulk decisions with reasons, audit rows, story and events, answers and statuses, merges without
// double counting, blocks, settings, exports and hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { and, eq } from 'drizzle-orm';
import {
	auditLog,
	domainEvents,
	suggestionComments,
	subscriptions,
	suggestionReports,
	suggestionSettings,
	suggestionStory,
	suggestionVotes,
	suggestions
} from '$lib/server/db/schema';
import { follow } from '$lib/server/platform/subscriptions';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	getTenant,
	buildStaff,
	buildUser,
	actorOf,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildVotes
} from '$lib/server/testing/factories';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { Db } from '$lib/server/db/client';
import { isAppError } from '$lib/server/platform/errors';
import { listParams } from '$lib/server/platform/backoffice-pages';
import { requireContributor } from './suggestions.access';
import * as blocks from './suggestions.blocks.service';
import * as merge from './suggestions.merge.service';
import * as moderation from './suggestions.moderation.service';
import * as settingsService from './suggestions.settings.service';
import { csvCell, exportSuggestions, toCsv } from './suggestions.export';
import QueuePage from '../../../../routes/[municipality=slug]/beheer/suggesties/+page.svelte';
import DetailPage from '../../../../routes/[municipality=slug]/beheer/suggesties/[suggestie=slugged]/+page.svelte';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';

/** The followers of a suggestion, as stored. */
function suggestionFollowsOf(suggestionId: number) {
	return db
		.select()
		.from(subscriptions)
		.where(
			and(eq(subscriptions.subjectKind, 'suggestion'), eq(subscriptions.subjectId, String(suggestionId)))
		);
}

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let moderator: Ctx & { tenant: Tenant };
let adminCtx: Ctx & { tenant: Tenant };
let molModerator: Ctx & { tenant: Tenant };
/** People who must be refused every use case on Geel's suggestions, each in Geel's context. */
let refused: { label: string; ctx: Ctx; code: 'forbidden' | 'unauthenticated' }[];
let opportunityId: number;
let otherOpportunityId: number;
let molOpportunityId: number;
/** The back-office address of those opportunities' actions (`/beheer/acties/{action}/kansen/{opportunity}`). */
let opportunityAction: string;
let molOpportunityAction: string;

async function row(id: number) {
	const [r] = await db.select().from(suggestions).where(eq(suggestions.id, id));
	return r!;
}
async function eventsOf(id: number) {
	return db
		.select()
		.from(domainEvents)
		.where(eq(domainEvents.subjectId, String(id)))
		.orderBy(domainEvents.id);
}
async function storyOf(id: number) {
	return db
		.select()
		.from(suggestionStory)
		.where(eq(suggestionStory.suggestionId, id))
		.orderBy(suggestionStory.id);
}
async function auditFor(action: string) {
	return db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.municipalityId, geel.id), eq(auditLog.action, action)))
		.orderBy(auditLog.id);
}
async function comment(suggestionId: number, fields: Partial<typeof suggestionComments.$inferInsert> = {}) {
	const author = await buildUser(db);
	const [c] = await db
		.insert(suggestionComments)
		.values({ municipalityId: geel.id, suggestionId, authorId: author.id, body: 'Goed idee!', ...fields })
		.returning();
	return c!;
}
async function report(
	suggestionId: number,
	commentId: number | null = null,
	reason: 'spam' | 'offensive' = 'spam'
) {
	const reporter = await buildUser(db);
	await db.insert(suggestionReports).values({
		municipalityId: geel.id,
		suggestionId,
		commentId,
		reporterId: reporter.id,
		reason,
		note: 'Zie zelf'
	});
}
async function people(n: number) {
	return Promise.all(Array.from({ length: n }, () => buildUser(db))).then((rows) => rows.map((r) => r.id));
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await getTenant(db, 'geel');
	mol = await getTenant(db, 'mol');
	moderator = ctxAs(db, geel, (await buildStaff(db, geel, 'moderator')).actor) as Ctx & { tenant: Tenant };
	adminCtx = ctxAs(db, geel, (await buildStaff(db, geel, 'admin')).actor) as Ctx & { tenant: Tenant };
	molModerator = ctxAs(db, mol, (await buildStaff(db, mol, 'moderator')).actor) as Ctx & { tenant: Tenant };
	const citizen = await buildUser(db);
	refused = [
		{ label: 'visitor', ctx: ctxAs(db, geel), code: 'unauthenticated' },
		{ label: 'citizen', ctx: ctxAs(db, geel, await actorOf(db, citizen)), code: 'forbidden' },
		{
			label: 'communication officer of Geel',
			ctx: ctxAs(db, geel, (await buildStaff(db, geel, 'communication')).actor),
			code: 'forbidden'
		},
		{
			label: 'alderman of Geel',
			ctx: ctxAs(db, geel, (await buildStaff(db, geel, 'alderman')).actor),
			code: 'forbidden'
		}
	];
	for (const role of ['moderator', 'admin', 'communication', 'alderman'] as const)
		refused.push({
			label: `${role} of Mol`,
			ctx: ctxAs(db, geel, (await buildStaff(db, mol, role)).actor),
			code: 'forbidden'
		});
	const geelOpportunity = await buildSuggestionOpportunity(db, geel, { title: 'Ontharden in Geel' });
	opportunityId = geelOpportunity.id;
	opportunityAction = String(geelOpportunity.action.id);
	otherOpportunityId = (await buildSuggestionOpportunity(db, geel, { title: 'Fietsenstallingen Geel' })).id;
	const molOpportunity = await buildSuggestionOpportunity(db, mol, { title: 'Ontharden in Mol' });
	molOpportunityId = molOpportunity.id;
	molOpportunityAction = String(molOpportunity.action.id);
});
afterAll(async () => {
	await database?.destroy();
});

describe('who may moderate', () => {
	it('refuses citizens, visitors, communication, the alderman and every role of Mol, and changes nothing', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', title: 'Matrix' });
		const before = await row(s.id);
		const id = String(s.id);
		// Thunks: each use case starts only when awaited, so no refusal is left unhandled.
		const cases = (ctx: Ctx): (() => Promise<unknown>)[] => [
			() => moderation.getModerationQueue(ctx, {}),
			() => moderation.previewBulkDecision(ctx, { items: [`s${s.id}`], operation: 'approve' }),
			() => moderation.decideInBulk(ctx, { items: [`s${s.id}`], operation: 'approve' }),
			() => moderation.approveQueueItem(ctx, { item: `s${s.id}` }),
			() => merge.findMergeCandidates(ctx, { unverifiedSuggestionId: id, q: '' }),
			() => moderation.decideItem(ctx, { unverifiedSuggestionId: id, operation: 'reject', reason: 'spam' }),
			() => moderation.getSuggestionForModeration(ctx, { unverifiedSuggestionId: id }),
			() => moderation.answerSuggestion(ctx, { unverifiedSuggestionId: id, answer: 'Ja' }),
			() => moderation.changeSuggestionStatus(ctx, { unverifiedSuggestionId: id, status: 'chosen' }),
			() => moderation.placeSuggestion(ctx, { unverifiedSuggestionId: id, lat: '51.16', lng: '4.99' }),
			() => moderation.addOfficialComment(ctx, { unverifiedSuggestionId: id, body: 'Hallo' }),
			() => merge.previewMerge(ctx, { unverifiedSuggestionId: id, into: '1' }),
			() => merge.mergeSuggestion(ctx, { unverifiedSuggestionId: id, into: '1', confirm: 'on' }),
			() => blocks.blockAuthor(ctx, { unverifiedSuggestionId: id }),
			() => blocks.listBlockedPeople(ctx),
			() => blocks.unblockPerson(ctx, { unverifiedUserId: ctx.actor?.userId, confirm: 'on' }),
			() =>
				settingsService.changeSuggestionSettings(ctx, {
					unverifiedActionId: opportunityAction,
					unverifiedOpportunityId: opportunityId,
					moderation: 'post',
					submissionsOpen: 'on',
					votingOpen: 'on'
				}),
			() =>
				exportSuggestions(ctx, { unverifiedOpportunityId: opportunityId, format: 'csv', origin: 'https://x' })
		];
		for (const person of refused) {
			for (const work of cases(person.ctx)) await refusal(work(), person.code);
			expect(
				await settingsService.getSuggestionSettingsForBackoffice(person.ctx, {
					unverifiedActionId: opportunityAction,
					unverifiedOpportunityId: opportunityId
				})
			).toBeNull();
		}
		expect(await row(s.id)).toEqual(before);
		expect(await eventsOf(s.id)).toHaveLength(0);
	});

	it("gives Mol's moderator not found for Geel's ids, in Mol's own back office, and nothing changes", async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', title: 'Grens' });
		const before = await row(s.id);
		const id = String(s.id);
		await refusal(
			moderation.getSuggestionForModeration(molModerator, { unverifiedSuggestionId: id }),
			'not_found'
		);
		await refusal(
			moderation.answerSuggestion(molModerator, { unverifiedSuggestionId: id, answer: 'x' }),
			'not_found'
		);
		await refusal(
			moderation.decideItem(molModerator, { unverifiedSuggestionId: id, operation: 'approve' }),
			'not_found'
		);
		await refusal(
			settingsService.changeSuggestionSettings(molModerator, {
				unverifiedActionId: opportunityAction,
				unverifiedOpportunityId: opportunityId,
				moderation: 'post'
			}),
			'not_found'
		);
		await refusal(
			exportSuggestions(molModerator, {
				unverifiedOpportunityId: opportunityId,
				format: 'geojson',
				origin: ''
			}),
			'not_found'
		);
		await refusal(moderation.approveQueueItem(molModerator, { item: `s${s.id}` }), 'not_found');
		await refusal(
			merge.findMergeCandidates(molModerator, { unverifiedSuggestionId: id, q: '' }),
			'not_found'
		);
		// A bulk selection with only Geel's ids finds nothing to change.
		await refusal(
			moderation.decideInBulk(molModerator, { items: [`s${s.id}`], operation: 'approve' }),
			'validation'
		);
		expect(
			(await moderation.previewBulkDecision(molModerator, { items: [`s${s.id}`], operation: 'approve' }))
				.items
		).toEqual([]);
		expect((await moderation.getModerationQueue(molModerator, {})).items.map((i) => i.id)).not.toContain(
			s.id
		);
		expect(await row(s.id)).toEqual(before);
	});

	it('lets the admin of Geel moderate too', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, {
			moderation: 'pending',
			title: 'Door de beheerder'
		});
		await moderation.decideItem(adminCtx, { unverifiedSuggestionId: s.id, operation: 'approve' });
		expect((await row(s.id)).moderation).toBe('approved');
	});
});

describe('the queue', () => {
	it('shows pending suggestions and comments and reported items with their count and reasons, filtered', async () => {
		const opp = (await buildSuggestionOpportunity(db, geel, { title: 'Wachtrij' })).id;
		const pending = await buildSuggestion(db, geel, opp, {
			moderation: 'pending',
			title: 'Bomen aan de Markt'
		});
		const reported = await buildSuggestion(db, geel, opp, { title: 'Parking weg' });
		const quiet = await buildSuggestion(db, geel, opp, { title: 'Niets aan de hand' });
		await report(reported.id, null, 'spam');
		await report(reported.id, null, 'offensive');
		const waitingComment = await comment(quiet.id, { moderation: 'pending', body: 'Wacht op mij' });
		const molPending = await buildSuggestion(db, mol, molOpportunityId, { moderation: 'pending' });

		const queue = await moderation.getModerationQueue(moderator, { opportunityId: opp });
		expect(queue.items.map((i) => i.key).sort()).toEqual(
			[`c${waitingComment.id}`, `s${pending.id}`, `s${reported.id}`].sort()
		);
		const r = queue.items.find((i) => i.key === `s${reported.id}`)!;
		expect(r.reportCount).toBe(2);
		expect(r.reportReasons.sort()).toEqual(['offensive', 'spam']);
		expect(queue.opportunities.map((o) => o.id)).toContain(opp);
		expect(queue.opportunities.map((o) => o.id)).not.toContain(molOpportunityId);

		const waiting = await moderation.getModerationQueue(moderator, { opportunityId: opp, view: 'waiting' });
		expect(waiting.items.map((i) => i.key).sort()).toEqual(
			[`c${waitingComment.id}`, `s${pending.id}`].sort()
		);
		const onlyReported = await moderation.getModerationQueue(moderator, {
			opportunityId: opp,
			view: 'reported'
		});
		expect(onlyReported.items.map((i) => i.key)).toEqual([`s${reported.id}`]);
		const searched = await moderation.getModerationQueue(moderator, { opportunityId: opp, q: 'markt' });
		expect(searched.items.map((i) => i.key)).toEqual([`s${pending.id}`]);
		const all = await moderation.getModerationQueue(moderator, {});
		expect(all.items.map((i) => i.id)).not.toContain(molPending.id);
		// Oldest first by default.
		const dates = queue.items.map((i) => i.createdAt);
		expect([...dates].sort()).toEqual(dates);
	});

	it('pages through a long queue without losing or repeating items', async () => {
		const opp = (await buildSuggestionOpportunity(db, geel, { title: 'Lange wachtrij' })).id;
		const ids: number[] = [];
		for (let i = 0; i < 30; i++)
			ids.push((await buildSuggestion(db, geel, opp, { moderation: 'pending', title: `Nummer ${i}` })).id);
		const p1 = await moderation.getModerationQueue(moderator, { opportunityId: opp, page: 1 });
		const p2 = await moderation.getModerationQueue(moderator, { opportunityId: opp, page: '2' });
		expect(p1.total).toBe(30);
		expect(p1.pageCount).toBe(2);
		expect(p1.items).toHaveLength(25);
		expect([...p1.items, ...p2.items].map((i) => i.id).sort((a, b) => a - b)).toEqual(ids);
	});
});

describe('bulk decisions', () => {
	it('approves two pending suggestions: published, dated, story, event and audit for each', async () => {
		const a = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', title: 'Eerste' });
		const b = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', title: 'Tweede' });
		const preview = await moderation.previewBulkDecision(moderator, {
			items: [`s${a.id}`, `s${b.id}`],
			operation: 'approve'
		});
		expect(preview.items.map((i) => i.title)).toEqual(['Eerste', 'Tweede']);
		expect((await row(a.id)).moderation).toBe('pending');

		const before = (await auditFor('suggestion.approved')).length;
		const result = await moderation.decideInBulk(moderator, {
			items: [`s${a.id}`, `s${b.id}`],
			operation: 'approve'
		});
		expect(result.changed).toBe(2);
		for (const s of [a, b]) {
			const r = await row(s.id);
			expect(r).toMatchObject({ moderation: 'approved', status: 'published' });
			expect(r.publishedAt).toBeInstanceOf(Date);
			expect((await storyOf(s.id)).map((e) => e.kind)).toEqual(['submitted', 'published']);
			expect((await eventsOf(s.id)).map((e) => e.type)).toEqual(['suggestion.published']);
		}
		const audits = (await auditFor('suggestion.approved')).slice(before);
		expect(audits).toHaveLength(2);
		expect(audits[0]!.actorName).toBe(moderator.actor!.displayName);
		expect(audits[0]!.details).toMatchObject({ bulk: true, before: 'pending' });
		// Approving again changes nothing and writes nothing.
		expect(
			(await moderation.decideInBulk(moderator, { items: [`s${a.id}`], operation: 'approve' })).changed
		).toBe(0);
		expect(await eventsOf(a.id)).toHaveLength(1);
	});

	it('asks a reason to reject, and a typed text for "other"; nothing changes without one', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, {
			moderation: 'pending',
			title: 'Zonder reden'
		});
		const noReason = await refusal(
			moderation.decideInBulk(moderator, { items: [`s${s.id}`], operation: 'reject' }),
			'validation'
		);
		expect(noReason.options.fields?.reason).toEqual(['suggestionsAdmin.errors.reasonRequired']);
		const bogus = await refusal(
			moderation.decideInBulk(moderator, { items: [`s${s.id}`], operation: 'reject', reason: 'boos' }),
			'validation'
		);
		expect(bogus.options.fields?.reason).toEqual(['suggestionsAdmin.errors.reasonRequired']);
		const other = await refusal(
			moderation.decideInBulk(moderator, {
				items: [`s${s.id}`],
				operation: 'reject',
				reason: 'other',
				note: '  '
			}),
			'validation'
		);
		expect(other.options.fields?.note).toEqual(['suggestionsAdmin.errors.noteRequired']);
		const long = await refusal(
			moderation.decideInBulk(moderator, {
				items: [`s${s.id}`],
				operation: 'reject',
				reason: 'other',
				note: 'x'.repeat(100_000)
			}),
			'validation'
		);
		expect(long.options.fields?.note).toEqual(['suggestionsAdmin.errors.reasonTooLong']);
		expect((await row(s.id)).moderation).toBe('pending');
	});

	it('rejects with the reason the author will see, resolves the reports, writes the event; script stays text', async () => {
		const author = await buildUser(db);
		const s = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', authorId: author.id });
		const t = await buildSuggestion(db, geel, opportunityId, { title: 'Publiek maar gemeld' });
		await report(t.id);
		const note = '<script>alert(1)</script> zie <b>regels</b>';
		await moderation.decideInBulk(moderator, {
			items: [`s${s.id}`, `s${t.id}`],
			operation: 'reject',
			reason: 'other',
			note
		});
		const r = await row(s.id);
		expect(r.moderation).toBe('rejected');
		expect(r.moderationReason).toBe(note);
		expect((await row(t.id)).moderation).toBe('rejected');
		const [event] = await eventsOf(s.id);
		expect(event).toMatchObject({ type: 'suggestion.rejected', payload: { reason: 'other' } });
		const open = await db.select().from(suggestionReports).where(eq(suggestionReports.suggestionId, t.id));
		expect(open.every((x) => x.resolvedAt !== null)).toBe(true);

		const u = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending' });
		await moderation.decideInBulk(moderator, {
			items: [`s${u.id}`],
			operation: 'reject',
			reason: 'spam',
			note: ''
		});
		expect((await row(u.id)).moderationReason).toBe('Reclame of spam');
	});

	it('ignores ids of another municipality in a selection and leaves them untouched', async () => {
		const ours = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending' });
		const theirs = await buildSuggestion(db, mol, molOpportunityId, { moderation: 'pending' });
		const theirComment = await db
			.insert(suggestionComments)
			.values({ municipalityId: mol.id, suggestionId: theirs.id, body: 'Mol', moderation: 'pending' })
			.returning();
		const result = await moderation.decideInBulk(moderator, {
			items: [`s${ours.id}`, `s${theirs.id}`, `c${theirComment[0]!.id}`, 'x1', '<script>', `s${ours.id}`],
			operation: 'approve'
		});
		expect(result.changed).toBe(1);
		expect((await row(ours.id)).moderation).toBe('approved');
		expect((await row(theirs.id)).moderation).toBe('pending');
		const [c] = await db
			.select()
			.from(suggestionComments)
			.where(eq(suggestionComments.id, theirComment[0]!.id));
		expect(c!.moderation).toBe('pending');
		expect(await eventsOf(theirs.id)).toHaveLength(0);
	});

	it('keeps the comment count exact: only approved comments count, approving and rejecting', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { title: 'Reacties tellen' });
		const c1 = await comment(s.id, { moderation: 'pending' });
		const c2 = await comment(s.id, { moderation: 'pending' });
		await moderation.decideInBulk(moderator, { items: [`c${c1.id}`, `c${c2.id}`], operation: 'approve' });
		expect((await row(s.id)).commentCount).toBe(2);
		const published = (await eventsOf(s.id)).filter((e) => e.type === 'suggestion.comment_published');
		expect(published.map((e) => (e.payload as { commentId: number }).commentId).sort()).toEqual(
			[c1.id, c2.id].sort()
		);
		await report(s.id, c2.id, 'offensive');
		await moderation.decideItem(moderator, {
			unverifiedSuggestionId: s.id,
			unverifiedCommentId: String(c2.id),
			operation: 'reject',
			reason: 'offensive'
		});
		expect((await row(s.id)).commentCount).toBe(1);
		const [rejected] = await db.select().from(suggestionComments).where(eq(suggestionComments.id, c2.id));
		expect(rejected).toMatchObject({ moderation: 'rejected', moderationReason: 'Beledigend of kwetsend' });
		expect((await auditFor('suggestion.comment_rejected')).at(-1)!.details).toMatchObject({
			commentId: c2.id
		});
	});

	it('dismisses a report and keeps the item; under post-moderation a rejection takes a public item offline', async () => {
		const post = (await buildSuggestionOpportunity(db, geel, { moderation: 'post' })).id;
		const s = await buildSuggestion(db, geel, post, { title: 'Meteen online' });
		await report(s.id);
		await moderation.decideInBulk(moderator, { items: [`s${s.id}`], operation: 'dismiss' });
		expect((await row(s.id)).moderation).toBe('approved');
		expect((await moderation.getModerationQueue(moderator, { opportunityId: post })).items).toEqual([]);
		expect((await auditFor('suggestion.report_dismissed')).at(-1)!.details).toMatchObject({
			suggestionId: s.id
		});

		await moderation.decideItem(moderator, {
			unverifiedSuggestionId: s.id,
			operation: 'reject',
			reason: 'offTopic'
		});
		const r = await row(s.id);
		expect(r.moderation).toBe('rejected');
		const page = await moderation.getSuggestionForModeration(moderator, {
			unverifiedSuggestionId: `${s.id}-slug`
		});
		expect(page.suggestion.moderation).toBe('rejected');
	});
});

describe('deciding on one row of the queue', () => {
	it('approves one suggestion or comment from its row, written as a decision on one item', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', title: 'Per rij' });
		const other = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending', title: 'Blijft' });
		expect(await moderation.approveQueueItem(moderator, { item: `s${s.id}` })).toEqual({ changed: 1 });
		expect((await row(s.id)).moderation).toBe('approved');
		expect((await row(other.id)).moderation).toBe('pending');
		const audit = (await auditFor('suggestion.approved')).filter(
			(a) => (a.details as { suggestionId?: number }).suggestionId === s.id
		);
		expect(audit.map((a) => (a.details as { bulk: boolean }).bulk)).toEqual([false]);
		// Again: nothing changes, and that is said.
		expect(await moderation.approveQueueItem(moderator, { item: `s${s.id}` })).toEqual({ changed: 0 });
		const c = await comment(other.id, { moderation: 'pending' });
		expect(await moderation.approveQueueItem(moderator, { item: `c${c.id}` })).toEqual({ changed: 1 });
	});

	it("finds nothing for a row that is not there, another municipality's or a malformed one", async () => {
		const molSuggestion = await buildSuggestion(db, mol, molOpportunityId, { moderation: 'pending' });
		const before = await row(molSuggestion.id);
		await refusal(moderation.approveQueueItem(moderator, { item: `s${molSuggestion.id}` }), 'not_found');
		await refusal(moderation.approveQueueItem(moderator, { item: 's999999' }), 'not_found');
		await refusal(moderation.approveQueueItem(moderator, { item: 'x1' }), 'validation');
		expect(await row(molSuggestion.id)).toEqual(before);
	});
});

describe('two moderators at the same moment', () => {
	it('approve the same items once: one story entry, one event and one audit row per item', async () => {
		const other = ctxAs(db, geel, (await buildStaff(db, geel, 'moderator')).actor);
		const a = await buildSuggestion(db, geel, opportunityId, {
			moderation: 'pending',
			title: 'Gelijktijdig A'
		});
		const b = await buildSuggestion(db, geel, opportunityId, {
			moderation: 'pending',
			title: 'Gelijktijdig B'
		});
		const c = await comment(a.id, { moderation: 'pending' });
		const items = [`s${a.id}`, `s${b.id}`, `c${c.id}`];
		const results = await Promise.all([
			moderation.decideInBulk(moderator, { items, operation: 'approve' }),
			moderation.decideInBulk(other, { items: [...items].reverse(), operation: 'approve' })
		]);
		expect(results[0]!.changed + results[1]!.changed).toBe(3);
		for (const s of [a, b]) {
			expect((await storyOf(s.id)).filter((e) => e.kind === 'published')).toHaveLength(1);
			expect((await eventsOf(s.id)).filter((e) => e.type === 'suggestion.published')).toHaveLength(1);
		}
		expect((await eventsOf(a.id)).filter((e) => e.type === 'suggestion.comment_published')).toHaveLength(1);
		expect((await row(a.id)).commentCount).toBe(1);
		const audits = (await auditFor('suggestion.approved')).filter((x) =>
			[a.id, b.id].includes((x.details as { suggestionId: number }).suggestionId)
		);
		expect(audits).toHaveLength(2);
	});

	it("refuses a comment id that belongs to another suggestion on a suggestion's page", async () => {
		const s = await buildSuggestion(db, geel, opportunityId);
		const t = await buildSuggestion(db, geel, opportunityId);
		const c = await comment(t.id, { moderation: 'pending' });
		await refusal(
			moderation.decideItem(moderator, {
				unverifiedSuggestionId: s.id,
				unverifiedCommentId: String(c.id),
				operation: 'approve'
			}),
			'not_found'
		);
		const [after] = await db.select().from(suggestionComments).where(eq(suggestionComments.id, c.id));
		expect(after!.moderation).toBe('pending');
	});
});

describe('answers, statuses, places and official comments', () => {
	it('answers in Markdown, sanitised on display, with answered_at/by, story and event', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { title: 'Te beantwoorden' });
		const answer =
			'We doen dit **in 2027**.\n\n<script>alert(1)</script><img src=x onerror=alert(1)> [link](javascript:alert(1))';
		await moderation.answerSuggestion(moderator, { unverifiedSuggestionId: s.id, answer });
		const r = await row(s.id);
		expect(r.answer).toBe(answer);
		expect(r.answeredAt).toBeInstanceOf(Date);
		expect(r.answeredBy).toBe(moderator.actor!.userId);
		expect((await storyOf(s.id)).map((e) => e.kind)).toContain('answered');
		expect((await eventsOf(s.id)).map((e) => e.type)).toContain('suggestion.answered');
		const page = await moderation.getSuggestionForModeration(moderator, { unverifiedSuggestionId: s.id });
		expect(page.suggestion.answerHtml).toContain('<strong>in 2027</strong>');
		// Raw HTML stays visible as text; nothing can load or run.
		expect(page.suggestion.answerHtml).not.toMatch(/<script|<img|href="javascript/i);
		expect(page.suggestion.answerHtml).toContain('&lt;script&gt;');
		expect((await auditFor('suggestion.answered')).at(-1)!.details).toMatchObject({ suggestionId: s.id });
	});

	it('refuses an empty or 100,000-character answer and keeps the old one', async () => {
		const s = await buildSuggestion(db, geel, opportunityId);
		await moderation.answerSuggestion(moderator, { unverifiedSuggestionId: s.id, answer: 'Eerste antwoord' });
		const empty = await refusal(
			moderation.answerSuggestion(moderator, { unverifiedSuggestionId: s.id, answer: '   ' }),
			'validation'
		);
		expect(empty.options.fields?.answer).toEqual(['suggestionsAdmin.errors.answerRequired']);
		const huge = await refusal(
			moderation.answerSuggestion(moderator, { unverifiedSuggestionId: s.id, answer: 'a'.repeat(100_000) }),
			'validation'
		);
		expect(huge.options.fields?.answer).toEqual(['suggestionsAdmin.errors.answerTooLong']);
		expect((await row(s.id)).answer).toBe('Eerste antwoord');
	});

	it('moves through the statuses with a reason, required for not chosen; story and event say from and to', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { title: 'Kiezen' });
		const missing = await refusal(
			moderation.changeSuggestionStatus(moderator, {
				unverifiedSuggestionId: s.id,
				status: 'notChosen',
				reason: ''
			}),
			'validation'
		);
		expect(missing.options.fields?.reason).toEqual(['suggestionsAdmin.errors.notChosenReason']);
		await refusal(
			moderation.changeSuggestionStatus(moderator, { unverifiedSuggestionId: s.id, status: 'submitted' }),
			'validation'
		);
		await moderation.changeSuggestionStatus(moderator, {
			unverifiedSuggestionId: s.id,
			status: 'chosen',
			reason: 'Past in het <b>klimaatplan</b>.'
		});
		expect((await row(s.id)).status).toBe('chosen');
		const entry = (await storyOf(s.id)).at(-1)!;
		expect(entry).toMatchObject({
			kind: 'status',
			status: 'chosen',
			reason: 'Past in het <b>klimaatplan</b>.'
		});
		const event = (await eventsOf(s.id)).at(-1)!;
		expect(event).toMatchObject({
			type: 'suggestion.status_changed',
			payload: { from: 'published', to: 'chosen' }
		});
		expect((await auditFor('suggestion.status_changed')).at(-1)!.details).toMatchObject({
			before: 'published',
			after: 'chosen'
		});

		const pending = await buildSuggestion(db, geel, opportunityId, { moderation: 'pending' });
		await refusal(
			moderation.changeSuggestionStatus(moderator, { unverifiedSuggestionId: pending.id, status: 'chosen' }),
			'conflict'
		);
	});

	it('places an address-only suggestion inside Flanders, refusing points outside it', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, {
			lat: null,
			lng: null,
			placeName: 'Markt 1, Geel'
		});
		const outside = await refusal(
			moderation.placeSuggestion(moderator, { unverifiedSuggestionId: s.id, lat: '4.99', lng: '51.16' }),
			'validation'
		);
		expect(outside.options.fields?.lat).toEqual(['suggestionsAdmin.errors.outsideFlanders']);
		await refusal(
			moderation.placeSuggestion(moderator, { unverifiedSuggestionId: s.id, lat: 'abc', lng: '' }),
			'validation'
		);
		await moderation.placeSuggestion(moderator, {
			unverifiedSuggestionId: s.id,
			lat: '51,1617',
			lng: '4,9904'
		});
		expect(await row(s.id)).toMatchObject({ lat: 51.1617, lng: 4.9904, placeName: 'Markt 1, Geel' });
	});

	it('adds an official comment, public at once, counted', async () => {
		const s = await buildSuggestion(db, geel, opportunityId);
		const { id } = await moderation.addOfficialComment(moderator, {
			unverifiedSuggestionId: s.id,
			body: 'Bedankt!'
		});
		const [c] = await db.select().from(suggestionComments).where(eq(suggestionComments.id, id));
		expect(c).toMatchObject({ official: true, moderation: 'approved', authorId: moderator.actor!.userId });
		expect((await row(s.id)).commentCount).toBe(1);
		await refusal(
			moderation.addOfficialComment(moderator, { unverifiedSuggestionId: s.id, body: '' }),
			'validation'
		);
	});
});

describe('merging duplicates', () => {
	it('moves votes and followers without double counting; stories, event and audit on both', async () => {
		const kept = await buildSuggestion(db, geel, opportunityId, { title: 'Bomen op het plein' });
		const dup = await buildSuggestion(db, geel, opportunityId, { title: 'Meer bomen op het plein' });
		const [both, ...rest] = await people(6);
		const onlyKept = rest.slice(0, 2);
		const onlyDup = rest.slice(2);
		await buildVotes(db, geel, kept, [both!, ...onlyKept]);
		await buildVotes(db, geel, dup, [both!, ...onlyDup]);
		for (const [suggestionId, userId] of [
			[dup.id, both!],
			[kept.id, both!],
			[dup.id, onlyDup[0]!]
		] as const)
			await follow(db, {
				municipalityId: geel.id,
				subject: { kind: 'suggestion', id: suggestionId },
				userId
			});

		const preview = await merge.previewMerge(moderator, {
			unverifiedSuggestionId: dup.id,
			into: `#${kept.id}`
		});
		expect(preview).toEqual({
			merged: { id: dup.id, title: dup.title, voteCount: 4 },
			kept: { id: kept.id, title: kept.title, voteCount: 3 }
		});
		await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: dup.id, into: kept.id }),
			'validation'
		);

		const result = await merge.mergeSuggestion(moderator, {
			unverifiedSuggestionId: dup.id,
			into: String(kept.id),
			confirm: 'on'
		});
		expect(result).toEqual({ keptId: kept.id, voteCount: 6 });
		const votes = await db.select().from(suggestionVotes).where(eq(suggestionVotes.suggestionId, kept.id));
		expect(votes).toHaveLength(6);
		expect(votes.filter((v) => v.userId === both)).toHaveLength(1);
		expect(
			await db.select().from(suggestionVotes).where(eq(suggestionVotes.suggestionId, dup.id))
		).toHaveLength(0);
		expect((await row(kept.id)).voteCount).toBe(6);
		expect(await row(dup.id)).toMatchObject({ voteCount: 0, mergedIntoId: kept.id });
		const follows = await suggestionFollowsOf(kept.id);
		expect(follows.map((f) => f.userId).sort()).toEqual([both!, onlyDup[0]!].sort());
		expect((await storyOf(dup.id)).at(-1)).toMatchObject({ kind: 'merged', reason: kept.title });
		expect((await storyOf(kept.id)).at(-1)).toMatchObject({ kind: 'merged', reason: dup.title });
		expect((await eventsOf(dup.id)).at(-1)).toMatchObject({
			type: 'suggestion.merged',
			payload: { keptId: kept.id }
		});
		expect((await auditFor('suggestion.merged')).at(-1)!.details).toMatchObject({ votesAfter: 6 });

		// The merged one is only a pointer now: it cannot be merged again, nor be the one kept.
		await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: dup.id, into: kept.id, confirm: 'on' }),
			'conflict'
		);
		const third = await buildSuggestion(db, geel, opportunityId);
		const intoMerged = await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: third.id, into: dup.id, confirm: 'on' }),
			'validation'
		);
		expect(intoMerged.options.fields?.into).toEqual(['suggestionsAdmin.errors.mergeIntoMerged']);
		const page = await moderation.getSuggestionForModeration(moderator, { unverifiedSuggestionId: dup.id });
		expect(page.mergedInto).toEqual({ id: kept.id, title: kept.title });
	});

	it('refuses merging into itself, across opportunities and across municipalities', async () => {
		const s = await buildSuggestion(db, geel, opportunityId);
		const elsewhere = await buildSuggestion(db, geel, otherOpportunityId);
		const molOne = await buildSuggestion(db, mol, molOpportunityId);
		const self = await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: s.id, into: s.id, confirm: 'on' }),
			'validation'
		);
		expect(self.options.fields?.into).toEqual(['suggestionsAdmin.errors.mergeSelf']);
		const across = await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: s.id, into: elsewhere.id, confirm: 'on' }),
			'validation'
		);
		expect(across.options.fields?.into).toEqual(['suggestionsAdmin.errors.mergeOtherOpportunity']);
		const foreign = await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: s.id, into: molOne.id, confirm: 'on' }),
			'validation'
		);
		expect(foreign.options.fields?.into).toEqual(['suggestionsAdmin.errors.mergeTarget']);
		await refusal(
			merge.mergeSuggestion(moderator, { unverifiedSuggestionId: molOne.id, into: s.id, confirm: 'on' }),
			'not_found'
		);
		await refusal(merge.previewMerge(moderator, { unverifiedSuggestionId: s.id, into: 'abc' }), 'validation');
		expect((await row(s.id)).mergedIntoId).toBeNull();
		expect((await row(molOne.id)).mergedIntoId).toBeNull();
	});
});

describe('finding the suggestion to merge into', () => {
	it('offers the suggestions of the same opportunity by title, never itself, merged ones or other places', async () => {
		const source = await buildSuggestion(db, geel, opportunityId, { title: 'Bomen op het Marktplein' });
		const match = await buildSuggestion(db, geel, opportunityId, { title: 'Meer bomen op de Markt' });
		const pending = await buildSuggestion(db, geel, opportunityId, {
			title: 'Bomen langs de Markt',
			moderation: 'pending'
		});
		const elsewhere = await buildSuggestion(db, geel, otherOpportunityId, { title: 'Bomen bij het station' });
		const merged = await buildSuggestion(db, geel, opportunityId, { title: 'Bomen, al samengevoegd' });
		await db.update(suggestions).set({ mergedIntoId: match.id }).where(eq(suggestions.id, merged.id));
		const inMol = await buildSuggestion(db, mol, molOpportunityId, { title: 'Bomen in Mol' });

		const found = await merge.findMergeCandidates(moderator, {
			unverifiedSuggestionId: String(source.id),
			q: ' bomen '
		});
		expect(found.q).toBe('bomen');
		const ids = found.candidates.map((c) => c.id);
		expect(ids).toContain(match.id);
		expect(ids).toContain(pending.id);
		for (const id of [source.id, elsewhere.id, merged.id, inMol.id]) expect(ids).not.toContain(id);
		expect(found.candidates.find((c) => c.id === pending.id)?.moderation).toBe('pending');
		// Accents and case do not matter; without a search every candidate of the opportunity is offered.
		const exact = await merge.findMergeCandidates(moderator, {
			unverifiedSuggestionId: String(source.id),
			q: 'MÉÉR BOMEN'
		});
		expect(exact.candidates.map((c) => c.id)).toEqual([match.id]);
		const all = await merge.findMergeCandidates(moderator, { unverifiedSuggestionId: String(source.id) });
		expect(all.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([match.id, pending.id]));
		// Another municipality's suggestion is not found at all.
		await refusal(
			merge.findMergeCandidates(moderator, { unverifiedSuggestionId: String(inMol.id), q: '' }),
			'not_found'
		);
	});
});

describe('blocking people', () => {
	it('blocks the author of a suggestion or comment; requireContributor refuses them until unblocked', async () => {
		const author = await buildUser(db);
		const writer = await buildUser(db);
		const s = await buildSuggestion(db, geel, opportunityId, { authorId: author.id });
		const c = await comment(s.id, { authorId: writer.id });
		const authorCtx = ctxAs(db, geel, await actorOf(db, author)) as Ctx & { tenant: Tenant };
		await expect(requireContributor(authorCtx)).resolves.toMatchObject({ userId: author.id });

		await blocks.blockAuthor(moderator, {
			unverifiedSuggestionId: s.id,
			reason: 'Scheldt <i>iedereen</i> uit'
		});
		await blocks.blockAuthor(moderator, { unverifiedSuggestionId: s.id, unverifiedCommentId: String(c.id) });
		const refusedAuthor = await refusal(requireContributor(authorCtx), 'forbidden');
		expect(refusedAuthor.messageKey).toBe('suggestions.errors.blocked');
		// Only in Geel: in Mol the same person may still contribute.
		await expect(
			requireContributor(ctxAs(db, mol, await actorOf(db, author)) as Ctx & { tenant: Tenant })
		).resolves.toBeTruthy();

		const list = await blocks.listBlockedPeople(moderator);
		expect(list.map((b) => b.userId)).toEqual(expect.arrayContaining([author.id, writer.id]));
		expect(await blocks.listBlockedPeople(molModerator)).toEqual([]);
		expect((await auditFor('suggestion.author_blocked')).at(-1)!.subjectId).toBe(writer.id);

		await refusal(
			blocks.unblockPerson(molModerator, { unverifiedUserId: author.id, confirm: 'on' }),
			'not_found'
		);
		await refusal(blocks.unblockPerson(moderator, { unverifiedUserId: author.id }), 'validation');
		await blocks.unblockPerson(moderator, { unverifiedUserId: author.id, confirm: 'on' });
		await expect(requireContributor(authorCtx)).resolves.toBeTruthy();
		expect(await auditFor('suggestion.author_unblocked')).toHaveLength(1);
		await refusal(blocks.getBlockedPerson(moderator, { unverifiedUserId: 'nobody' }), 'not_found');
	});

	it('refuses blocking yourself or a suggestion without a known author', async () => {
		const s = await buildSuggestion(db, geel, opportunityId, { authorId: null });
		await refusal(blocks.blockAuthor(moderator, { unverifiedSuggestionId: s.id }), 'conflict');
		const mine = await buildSuggestion(db, geel, opportunityId, { authorId: moderator.actor!.userId });
		await refusal(blocks.blockAuthor(moderator, { unverifiedSuggestionId: mine.id }), 'conflict');
	});
});

describe('settings per opportunity', () => {
	it('saves moderation, windows and the vote limit with an audit row; refuses nonsense', async () => {
		const built = await buildSuggestionOpportunity(db, geel, { title: 'Instellingen' });
		const opp = built.id;
		const unverifiedActionId = `${built.action.id}-instellingen`;
		const view = await settingsService.getSuggestionSettingsForBackoffice(moderator, {
			unverifiedActionId,
			unverifiedOpportunityId: opp
		});
		expect(view).toMatchObject({
			moderation: 'pre',
			submissionsOpen: true,
			votingOpen: true,
			voteLimit: null
		});
		expect(view!.csvPath).toBe(`/geel/beheer/kansen/${opp}/suggesties.csv`);
		await settingsService.changeSuggestionSettings(moderator, {
			unverifiedActionId,
			unverifiedOpportunityId: opp,
			moderation: 'post',
			submissionsOpen: 'on',
			votingOpen: '',
			voteLimit: '3'
		});
		const [settings] = await db
			.select()
			.from(suggestionSettings)
			.where(eq(suggestionSettings.opportunityId, opp));
		expect(settings).toMatchObject({
			moderation: 'post',
			submissionsOpen: true,
			votingOpen: false,
			voteLimit: 3
		});
		expect((await auditFor('suggestion.settings_changed')).at(-1)!.details).toMatchObject({
			opportunityId: opp,
			changed: ['moderation', 'votingOpen', 'voteLimit']
		});
		for (const voteLimit of ['0', '-1', '1,5', 'drie', '1000']) {
			const err = await refusal(
				settingsService.changeSuggestionSettings(moderator, {
					unverifiedActionId,
					unverifiedOpportunityId: opp,
					moderation: 'pre',
					voteLimit
				}),
				'validation'
			);
			expect(err.options.fields?.voteLimit).toEqual(['suggestionsAdmin.errors.voteLimit']);
		}
		await refusal(
			settingsService.changeSuggestionSettings(moderator, {
				unverifiedActionId,
				unverifiedOpportunityId: opp,
				moderation: 'never'
			}),
			'validation'
		);
		await settingsService.changeSuggestionSettings(moderator, {
			unverifiedActionId,
			unverifiedOpportunityId: opp,
			moderation: 'pre',
			voteLimit: ''
		});
		const [after] = await db
			.select()
			.from(suggestionSettings)
			.where(eq(suggestionSettings.opportunityId, opp));
		expect(after).toMatchObject({ moderation: 'pre', voteLimit: null, submissionsOpen: false });
		await refusal(
			settingsService.changeSuggestionSettings(moderator, {
				unverifiedActionId: molOpportunityAction,
				unverifiedOpportunityId: molOpportunityId,
				moderation: 'pre'
			}),
			'not_found'
		);
	});
	it("refuses another action's or another municipality's opportunity and changes nothing", async () => {
		// The form is posted to /{municipality}/beheer/acties/{action}/kansen/{opportunity}: the opportunity must
		// be one of that action in that municipality, whatever id is put in the address.
		const here = await buildSuggestionOpportunity(db, geel, { title: 'Deze actie' });
		const elsewhere = await buildSuggestionOpportunity(db, geel, { title: 'Andere actie', voteLimit: 2 });
		const inMol = await buildSuggestionOpportunity(db, mol, { title: 'Actie in Mol', voteLimit: 4 });
		const settingsOf = async (id: number) =>
			db.select().from(suggestionSettings).where(eq(suggestionSettings.opportunityId, id));
		const before = {
			elsewhere: await settingsOf(elsewhere.id),
			inMol: await settingsOf(inMol.id)
		};
		const audits = (await auditFor('suggestion.settings_changed')).length;
		const attempts = [
			{ unverifiedActionId: `${here.action.id}-deze-actie`, unverifiedOpportunityId: elsewhere.id },
			{ unverifiedActionId: `${here.action.id}-deze-actie`, unverifiedOpportunityId: inMol.id },
			{ unverifiedActionId: `${inMol.action.id}-actie-in-mol`, unverifiedOpportunityId: inMol.id }
		];
		for (const target of attempts) {
			await refusal(
				settingsService.changeSuggestionSettings(moderator, {
					...target,
					moderation: 'post',
					submissionsOpen: '',
					votingOpen: '',
					voteLimit: '9'
				}),
				'not_found'
			);
			expect(await settingsService.getSuggestionSettingsForBackoffice(moderator, target)).toBeNull();
		}
		expect(await settingsOf(elsewhere.id)).toEqual(before.elsewhere);
		expect(await settingsOf(inMol.id)).toEqual(before.inMol);
		expect(await auditFor('suggestion.settings_changed')).toHaveLength(audits);
		// The opportunity under its own action still changes.
		await settingsService.changeSuggestionSettings(moderator, {
			unverifiedActionId: `${elsewhere.action.id}-andere-actie`,
			unverifiedOpportunityId: elsewhere.id,
			moderation: 'post',
			voteLimit: '9'
		});
		expect(await settingsOf(elsewhere.id)).toMatchObject([{ moderation: 'post', voteLimit: 9 }]);
	});
});

describe('exports', () => {
	it('quotes every CSV cell and neutralises formulas', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell('+32 14 00 00 00')).toBe(`"'+32 14 00 00 00"`);
		expect(csvCell('-2')).toBe(`"'-2"`);
		expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(csvCell('\t=1')).toBe(`"'\t=1"`);
		expect(csvCell('a;b\n"c"')).toBe('"a;b\n""c"""');
		expect(csvCell(-2)).toBe('"-2"');
		expect(csvCell(null)).toBe('""');
		expect(toCsv([['a', 'b']])).toBe('\uFEFF"a";"b"\r\n');
	});

	it('exports every suggestion of the opportunity with moderation, votes and approved comments', async () => {
		const opp = (await buildSuggestionOpportunity(db, geel, { title: 'Export Geel' })).id;
		const a = await buildSuggestion(db, geel, opp, {
			title: '=cmd|/C calc!A0',
			body: 'Tekst met "aanhalingstekens"; en puntkomma',
			placeName: 'Markt'
		});
		const b = await buildSuggestion(db, geel, opp, {
			title: 'Nog niet goedgekeurd',
			moderation: 'pending',
			lat: null,
			lng: null
		});
		await buildVotes(db, geel, a, await people(2));
		await comment(a.id, { moderation: 'approved', body: 'Zichtbare reactie' });
		await comment(a.id, { moderation: 'pending', body: 'Verborgen reactie' });
		await buildSuggestion(db, mol, molOpportunityId, { title: 'Van Mol' });

		const csv = await exportSuggestions(moderator, {
			unverifiedOpportunityId: opp,
			format: 'csv',
			origin: 'https://meedoen.test'
		});
		expect(csv.contentType).toBe('text/csv; charset=utf-8');
		expect(csv.filename).toMatch(/^suggesties-geel-export-geel-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(csv.body.startsWith('\uFEFF"id";"Titel";"Beschrijving";"Status";"Moderatie"')).toBe(true);
		expect(csv.body).toContain(`"'=cmd|/C calc!A0"`);
		expect(csv.body).toContain('"Tekst met ""aanhalingstekens""; en puntkomma"');
		expect(csv.body).toContain('Zichtbare reactie');
		expect(csv.body).not.toContain('Verborgen reactie');
		expect(csv.body).toContain('"Wacht op goedkeuring"');
		expect(csv.body).toContain(`"https://meedoen.test/geel/suggesties/${a.id}-`);
		expect(csv.body).not.toContain('Van Mol');
		const lines = csv.body.slice(1).trim().split('\r\n');
		expect(lines).toHaveLength(3);

		const geo = await exportSuggestions(moderator, {
			unverifiedOpportunityId: opp,
			format: 'geojson',
			origin: 'https://meedoen.test'
		});
		expect(geo.contentType).toBe('application/geo+json; charset=utf-8');
		const doc = JSON.parse(geo.body);
		expect(doc.type).toBe('FeatureCollection');
		expect(doc.features).toHaveLength(2);
		const fa = doc.features.find((f: { id: number }) => f.id === a.id);
		expect(fa.geometry).toEqual({ type: 'Point', coordinates: [4.99, 51.162] });
		expect(fa.properties).toMatchObject({ votes: 2, moderation: 'approved', commentCount: 0 });
		expect(fa.properties.comments.map((c: { body: string }) => c.body)).toEqual(['Zichtbare reactie']);
		const fb = doc.features.find((f: { id: number }) => f.id === b.id);
		expect(fb.geometry).toBeNull();
		expect(fb.properties.moderation).toBe('pending');
		expect((await auditFor('suggestion.exported')).length).toBeGreaterThanOrEqual(2);
	});
});

describe('hostile input', () => {
	it('puts HTML typed in every text field on the back-office pages as text', async () => {
		const evil = '<script>alert(1)</script><b>Vet</b>';
		const author = await buildUser(db);
		const s = await buildSuggestion(db, geel, opportunityId, {
			moderation: 'pending',
			title: `Titel ${evil}`,
			body: `Tekst ${evil}`,
			placeName: `Plaats ${evil}`,
			authorId: author.id
		});
		await comment(s.id, { moderation: 'pending', body: `Reactie ${evil}` });
		await report(s.id);
		await moderation.decideItem(moderator, {
			unverifiedSuggestionId: s.id,
			operation: 'reject',
			reason: 'other',
			note: `Reden ${evil}`
		});
		await blocks.blockAuthor(moderator, { unverifiedSuggestionId: s.id, reason: `Blok ${evil}` });
		const municipality = { slug: 'geel', name: 'Geel' };
		const page = await moderation.getSuggestionForModeration(moderator, { unverifiedSuggestionId: s.id });
		const detail = render(DetailPage, {
			props: {
				data: {
					municipality,
					page,
					merge: {
						q: evil,
						candidates: [{ id: 1, title: evil, moderation: 'approved', voteCount: 0 }],
						more: false
					},
					tiles: { url: null, attribution: '' },
					done: null
				} as never,
				form: null
			}
		}).body;
		const queue = await moderation.getModerationQueue(moderator, { q: 'Reactie' });
		// With what the list's load adds to the use case's result: its names in the address, "select all".
		const { view } = listParams(new URL('https://meedoen.test/geel/beheer/suggesties?zoek=Reactie'), {
			view: 'wat',
			opportunityId: 'kans',
			q: 'zoek',
			sort: 'sorteer',
			page: 'pagina'
		});
		const list = render(QueuePage, {
			props: { data: { municipality, queue, ...view, done: null, count: 0 } as never, form: null }
		}).body;
		for (const html of [detail, list]) {
			expect(html).toContain('&lt;script>alert(1)&lt;/script>&lt;b>Vet&lt;/b>');
			expect(html).not.toContain('<script>alert');
			expect(html).not.toContain('<b>Vet');
		}
		expect(detail).toContain('Reden &lt;script>');
	});

	it('answers ids that are nonsense with not found, never an error', async () => {
		for (const id of ['abc', '-1', '99999999999', '', "1' or 1=1", undefined]) {
			try {
				await moderation.getSuggestionForModeration(moderator, { unverifiedSuggestionId: id });
				throw new Error('expected not found');
			} catch (err) {
				expect(isAppError(err) && err.code).toBe('not_found');
			}
		}
		const queue = await moderation.getModerationQueue(moderator, {
			view: 'drop table',
			sort: '<x>',
			page: '-5',
			q: '%_\\'
		});
		expect(queue.filters).toMatchObject({ view: 'all', sort: 'oldest', page: 1 });
	});
});

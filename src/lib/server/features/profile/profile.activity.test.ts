// "Mijn activiteit": a person who suggested, supported, commented and followed finds each of them back, with
// its status and a link, in every municipality; they end a follow from there and are told which; nobody else's
// activity shows, and a visitor gets nothing. The HTML export renders the same sections as gegevens.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildEvent,
	buildParticipatingMunicipality,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	buildVotes
} from '$lib/server/testing/factories';
import { follow, isFollowing } from '$lib/server/platform/subscriptions';
import type { Actor } from '$lib/server/platform/policy';
import { insertComment } from '$lib/server/features/suggestions/suggestions.contribute.queries';
import { eq } from 'drizzle-orm';
import { eventRegistrations, events } from '$lib/server/db/schema';
import { exportPersonalData, getMyActivity, unfollowFromActivity } from './profile.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let me: Actor;
let other: Actor;
let ids: { mine: number; supported: number; followed: number; action: number; plantdag: number };

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	const user = await buildUser(db);
	me = await actorOf(db, user);
	other = await actorOf(db, await buildUser(db));
	const inGeel = await buildSuggestionOpportunity(db, geel, { title: 'Ontharden in Geel' });
	const inMol = await buildSuggestionOpportunity(db, mol, { title: 'Zonnedaken in Mol' });
	const mine = await buildSuggestion(db, geel, inGeel.id, {
		title: 'Mijn pleintje',
		moderation: 'pending',
		authorId: me.userId
	});
	const supported = await buildSuggestion(db, mol, inMol.id, { title: 'Dak van de sporthal' });
	await buildVotes(db, mol, supported, [me.userId]);
	const followed = await buildSuggestion(db, geel, inGeel.id, { title: 'Bomen aan de Markt' });
	await insertComment(db, {
		municipalityId: geel.id,
		suggestionId: followed.id,
		parentId: null,
		authorId: me.userId,
		body: 'Graag ook een bank in de schaduw.',
		moderation: 'approved'
	});
	await follow(db, {
		municipalityId: geel.id,
		userId: me.userId,
		subject: { kind: 'suggestion', id: followed.id }
	});
	await follow(db, {
		municipalityId: mol.id,
		userId: me.userId,
		subject: { kind: 'action', id: inMol.action.id }
	});
	// Registrations: a place in Mol, the waitlist of an event in Geel that was cancelled since.
	const plantdag = await buildEvent(db, mol, {
		title: 'Plantdag aan de sporthal',
		startsAt: new Date('2027-03-13T09:00:00Z')
	});
	const werkgroep = await buildEvent(db, geel, { title: 'Werkgroep pleinen' });
	await db.update(events).set({ status: 'cancelled' }).where(eq(events.id, werkgroep.id));
	const at = (day: number) => new Date(Date.UTC(2026, 10, day, 12));
	await db.insert(eventRegistrations).values([
		{
			municipalityId: mol.id,
			eventId: plantdag.id,
			userId: me.userId,
			status: 'confirmed',
			tokenHash: 'r-1',
			createdAt: at(20),
			queuedAt: at(20)
		},
		{
			municipalityId: geel.id,
			eventId: werkgroep.id,
			userId: me.userId,
			status: 'waitlisted',
			tokenHash: 'r-2',
			createdAt: at(10),
			queuedAt: at(10)
		},
		{
			municipalityId: geel.id,
			eventId: werkgroep.id,
			userId: other.userId,
			status: 'confirmed',
			tokenHash: 'r-3',
			queuedAt: at(1)
		}
	]);
	// Someone else's activity, which must not show.
	await buildSuggestion(db, geel, inGeel.id, { title: 'Van iemand anders', authorId: other.userId });
	ids = {
		mine: mine.id,
		supported: supported.id,
		followed: followed.id,
		action: inMol.action.id,
		plantdag: plantdag.id
	};
});
afterAll(async () => {
	await database?.destroy();
});

const section = (activity: Awaited<ReturnType<typeof getMyActivity>>, id: string) =>
	activity.sections.find((s) => s.id === id)!;

describe('mijn activiteit', () => {
	it('lists my suggestions with their status, what I support, my comments and what I follow', async () => {
		const activity = await getMyActivity(ctxAs(database.db, undefined, me));
		expect(activity.sections.map((s) => s.id).sort()).toEqual(
			[
				'actions.followed',
				'suggestions.mine',
				'suggestions.supported',
				'suggestions.comments',
				'suggestions.followed',
				'events.registrations',
				'stories.mine',
				'groups.mine'
			].sort()
		);
		const [mine] = section(activity, 'suggestions.mine').items;
		expect(mine).toMatchObject({
			title: 'Mijn pleintje',
			href: `/geel/suggesties/${ids.mine}-mijn-pleintje`,
			labels: ['Ingediend', 'Wacht op goedkeuring']
		});
		expect(section(activity, 'suggestions.mine').items.map((i) => i.title)).not.toContain(
			'Van iemand anders'
		);
		expect(section(activity, 'suggestions.supported').items).toMatchObject([
			{ title: 'Dak van de sporthal', href: `/mol/suggesties/${ids.supported}-dak-van-de-sporthal` }
		]);
		const [comment] = section(activity, 'suggestions.comments').items;
		expect(comment?.excerpt).toBe('Graag ook een bank in de schaduw.');
		expect(comment?.href).toMatch(
			new RegExp(`^/geel/suggesties/${ids.followed}-bomen-aan-de-markt#reactie-\\d+$`)
		);
		expect(section(activity, 'suggestions.followed').items).toMatchObject([
			{ title: 'Bomen aan de Markt', unfollow: { kind: 'suggestion', id: String(ids.followed) } }
		]);
		expect(section(activity, 'actions.followed').items).toMatchObject([
			{ title: 'Zonnedaken in Mol', labels: ['Idee'], unfollow: { kind: 'action', id: String(ids.action) } }
		]);
		// My registrations, newest first, with where each stands; nobody else's.
		const registrations = section(activity, 'events.registrations').items;
		expect(registrations.map((r) => r.title)).toEqual(['Plantdag aan de sporthal', 'Werkgroep pleinen']);
		expect(registrations[0]).toMatchObject({
			href: expect.stringMatching(new RegExp(`^/mol/activiteiten/${ids.plantdag}-plantdag`)),
			labels: ['Ingeschreven', expect.stringMatching(/^activiteit op .*13.*maart.*2027/)]
		});
		expect(registrations[1]?.labels).toEqual([
			'Op de wachtlijst',
			expect.stringMatching(/^activiteit op /),
			'Gaat niet door'
		]);
	});

	it('ends a follow from the list and says which, with the page to follow it again', async () => {
		const ctx = ctxAs(database.db, undefined, me);
		const done = await unfollowFromActivity(ctx, { kind: 'suggestion', id: String(ids.followed) });
		expect(done).toEqual({
			title: 'Bomen aan de Markt',
			href: `/geel/suggesties/${ids.followed}-bomen-aan-de-markt`
		});
		expect(
			await isFollowing(database.db, {
				municipalityId: geel.id,
				userId: me.userId,
				subject: { kind: 'suggestion', id: ids.followed }
			})
		).toBe(false);
		expect(section(await getMyActivity(ctx), 'suggestions.followed').items).toEqual([]);
		// Again, or someone else's follow, or nonsense: not found, nothing changes.
		await refusal(unfollowFromActivity(ctx, { kind: 'suggestion', id: String(ids.followed) }), 'not_found');
		await refusal(
			unfollowFromActivity(ctxAs(database.db, undefined, other), { kind: 'action', id: String(ids.action) }),
			'not_found'
		);
		await refusal(unfollowFromActivity(ctx, { kind: 'bogus', id: '1' }), 'not_found');
		expect(section(await getMyActivity(ctx), 'actions.followed').items).toHaveLength(1);
	});

	it('is nothing for a visitor', async () => {
		await refusal(getMyActivity(ctxAs(database.db, undefined)), 'unauthenticated');
		await refusal(
			unfollowFromActivity(ctxAs(database.db, undefined), { kind: 'action', id: '1' }),
			'unauthenticated'
		);
	});

	it('the export the HTML page renders holds the same contributions', async () => {
		const data = await exportPersonalData(ctxAs(database.db, undefined, me));
		expect(data.suggestions.map((s) => s.title)).toEqual(['Mijn pleintje']);
		expect(data.suggestionVotes.map((v) => v.suggestion.title)).toEqual(['Dak van de sporthal']);
		expect(data.suggestionComments.map((c) => c.body)).toEqual(['Graag ook een bank in de schaduw.']);
		expect(data.actionFollows.map((f) => f.action.title)).toEqual(['Zonnedaken in Mol']);
	});
});

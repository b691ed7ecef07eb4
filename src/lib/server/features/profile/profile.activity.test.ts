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
	buildParticipatingMunicipality,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	buildVotes
} from '$lib/server/testing/factories';
import { follow, isFollowing } from '$lib/server/platform/subscriptions';
import type { Actor } from '$lib/server/platform/policy';
import { insertComment } from '$lib/server/features/suggestions/suggestions.contribute.queries';
import { exportPersonalData, getMyActivity, unfollowFromActivity } from './profile.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let me: Actor;
let other: Actor;
let ids: { mine: number; supported: number; followed: number; action: number };

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
	// Someone else's activity, which must not show.
	await buildSuggestion(db, geel, inGeel.id, { title: 'Van iemand anders', authorId: other.userId });
	ids = { mine: mine.id, supported: supported.id, followed: followed.id, action: inMol.action.id };
});
afterAll(async () => {
	await database?.destroy();
});

const section = (activity: Awaited<ReturnType<typeof getMyActivity>>, id: string) =>
	activity.sections.find((s) => s.id === id)!;

describe('mijn activiteit', () => {
	it('lists my suggestions with their status, what I support, my comments and what I follow', async () => {
		const activity = await getMyActivity(ctxAs(database.db, undefined, me));
		expect(activity.sections.map((s) => s.id)).toEqual([
			'actions.followed',
			'suggestions.mine',
			'suggestions.supported',
			'suggestions.comments',
			'suggestions.followed'
		]);
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

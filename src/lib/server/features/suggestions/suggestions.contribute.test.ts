// Adding a suggestion, its page, comments, reports, follows, photos and the API: the rules and bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	contributionBlocks,
	domainEvents,
	loginRequests,
	media,
	suggestionComments,
	subscriptions,
	suggestionReports,
	suggestionStory,
	suggestions
} from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import type { Geocoder } from '$lib/server/platform/geocode';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildParticipatingMunicipality,
	buildTheme,
	actorOf,
	buildStaff,
	buildUser,
	buildSuggestion,
	buildSuggestionOpportunity
} from '$lib/server/testing/factories';
import sharp from 'sharp';
import {
	addComment,
	createSuggestion,
	createSuggestionFromApi,
	followSuggestion,
	getContributeForm,
	getSuggestionForApi,
	getSuggestionPage,
	getSuggestionPhoto,
	keepSuggestionDraft,
	keepSuggestionIntent,
	reportContribution,
	unfollowSuggestion
} from './suggestions.contribute.service';
import { refusal as refusalOf } from '$lib/server/platform/http';
import { RATE_LIMITS, safeLocalPath } from './suggestions.contribute.schemas';
import { passRateLimitWindow } from '$lib/server/testing/ratelimit';
import type { Actor } from '$lib/server/platform/policy';
import { refusal } from '$lib/server/testing/assertions';
import { jpegWithGps } from '$lib/server/testing/images';

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

const GEEL_PLACE = { lat: '51,1625', lng: '4,9903' };
const valid = (extra: Record<string, unknown> = {}) => ({
	title: `Een bank onder de lindeboom ${Math.random().toString(36).slice(2, 8)}`,
	body: `Een plek om even te zitten in de schaduw, bij de speeltuin (${Math.random().toString(36).slice(2, 8)}).`,
	...GEEL_PLACE,
	confirm: '1',
	...extra
});

async function person(): Promise<Actor> {
	return actorOf(db, await buildUser(db));
}

function file(bytes: Uint8Array) {
	return { size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

async function fieldsOf(promise: Promise<unknown>) {
	const err = await refusal(promise, 'validation');
	return refusalOf('nl', err).fields;
}

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
});

afterAll(async () => {
	await database.destroy();
});

describe('createSuggestion', () => {
	it('under pre-moderation: pending, submitted, story, event, and the author follows it', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const actor = await person();
		const result = await createSuggestion(buildCtx(db, geel, { actor }), {
			opportunityId: id,
			values: valid()
		});
		if (result.kind !== 'created') throw new Error('expected created');
		expect(result.published).toBe(false);
		expect(result.path).toMatch(/^\/geel\/suggesties\/\d+-een-bank-onder-de-lindeboom-/);
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, result.id));
		expect(row).toMatchObject({
			moderation: 'pending',
			status: 'submitted',
			publishedAt: null,
			lat: 51.1625
		});
		const story = await db.select().from(suggestionStory).where(eq(suggestionStory.suggestionId, result.id));
		expect(story.map((s) => s.kind)).toEqual(['submitted']);
		const events = await db
			.select()
			.from(domainEvents)
			.where(eq(domainEvents.subjectId, String(result.id)));
		expect(events.map((e) => e.type)).toEqual(['suggestion.submitted']);
		const follows = await suggestionFollowsOf(result.id);
		expect(follows.map((f) => f.userId)).toEqual([actor.userId]);
		// Only the author and the municipality's moderators see it.
		await getSuggestionPage(buildCtx(db, geel, { actor }), { id: result.id, slug: '' });
		const moderator = (await buildStaff(db, geel, 'moderator')).actor;
		await getSuggestionPage(buildCtx(db, geel, { actor: moderator }), { id: result.id, slug: '' });
		await refusal(getSuggestionPage(buildCtx(db, geel), { id: result.id, slug: '' }), 'not_found');
		await refusal(
			getSuggestionPage(buildCtx(db, geel, { actor: await person() }), { id: result.id, slug: '' }),
			'not_found'
		);
		await refusal(getSuggestionForApi(buildCtx(db), { id: result.id, origin: 'https://x' }), 'not_found');
	});

	it('under post-moderation: published at once with both story entries and events', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const theme = await buildTheme(db, geel);
		const result = await createSuggestion(buildCtx(db, geel, { actor: await person() }), {
			opportunityId: id,
			values: valid({ theme: theme.id })
		});
		if (result.kind !== 'created') throw new Error('expected created');
		expect(result.published).toBe(true);
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, result.id));
		expect(row).toMatchObject({ moderation: 'approved', status: 'published', themeId: theme.id });
		expect(row?.publishedAt).toBeInstanceOf(Date);
		const events = await db
			.select()
			.from(domainEvents)
			.where(eq(domainEvents.subjectId, String(result.id)));
		expect(events.map((e) => e.type).sort()).toEqual(['suggestion.published', 'suggestion.submitted']);
		const page = await getSuggestionPage(buildCtx(db, geel), { id: result.id, slug: 'oud' });
		expect(page.redirectTo).toBe(result.path);
		expect(page.suggestion.story.map((s) => s.kind)).toEqual(['submitted', 'published']);
		const api = await getSuggestionForApi(buildCtx(db), { id: result.id, origin: 'https://meedoen.be' });
		expect(api).toMatchObject({
			id: result.id,
			status: 'published',
			votes: 0,
			url: `https://meedoen.be${result.path}`
		});
	});

	it('shows similar suggestions (title or place) first, keeps the photo, and creates on "Toch indienen"', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		await buildSuggestion(db, geel, id, { title: 'Fietsenstalling aan het station', lat: 51.17, lng: 4.98 });
		await buildSuggestion(db, geel, id, { title: 'Bomen langs de Pas', lat: 51.15, lng: 4.95 });
		await buildSuggestion(db, geel, id, {
			title: 'Overdekte fietsenstalling station',
			moderation: 'pending'
		});
		const actor = await person();
		const ctx = buildCtx(db, geel, { actor });
		const photo = file(await jpegWithGps(800, 600));
		const first = await createSuggestion(ctx, {
			opportunityId: id,
			values: valid({
				title: 'Fietsenstalling bij het station',
				confirm: '',
				imageAlt: 'Fietsen tegen een hek'
			}),
			photo
		});
		if (first.kind !== 'similar') throw new Error('expected similar');
		expect(first.similar.map((s) => s.title)).toEqual(['Fietsenstalling aan het station']);
		expect(first.photoId).toBeTruthy();
		// Nearby (within 250 m) also counts, whatever the title.
		const near = await createSuggestion(ctx, {
			opportunityId: id,
			values: valid({ title: 'Iets heel anders', lat: '51,1502', lng: '4,9501', confirm: '' })
		});
		expect(near.kind === 'similar' && near.similar.map((s) => [s.title, s.near])).toEqual([
			['Bomen langs de Pas', true]
		]);
		// Someone else cannot use the stored photo.
		const other = await createSuggestion(buildCtx(db, geel, { actor: await person() }), {
			opportunityId: id,
			values: valid({ photoId: first.photoId, imageAlt: 'x' })
		});
		if (other.kind !== 'created') throw new Error('expected created');
		const [otherRow] = await db.select().from(suggestions).where(eq(suggestions.id, other.id));
		expect(otherRow?.imageId).toBeNull();

		const second = await createSuggestion(ctx, {
			opportunityId: id,
			values: valid({
				title: 'Fietsenstalling bij het station',
				confirm: '1',
				photoId: first.photoId,
				imageAlt: 'Fietsen tegen een hek'
			})
		});
		if (second.kind !== 'created') throw new Error('expected created');
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, second.id));
		expect(row?.imageId).toBe(first.photoId);
		expect(row?.imageAlt).toBe('Fietsen tegen een hek');
		const [stored] = await db.select().from(media).where(eq(media.id, first.photoId!));
		expect((await sharp(stored!.bytes).metadata()).exif).toBeUndefined();
		// Not listed yet: /media does not serve it; once approved it does.
		await refusal(getSuggestionPhoto(buildCtx(db), { unverifiedId: first.photoId! }), 'not_found');
		await db
			.update(suggestions)
			.set({ moderation: 'approved', status: 'published' })
			.where(eq(suggestions.id, second.id));
		const served = await getSuggestionPhoto(buildCtx(db), { unverifiedId: first.photoId! });
		expect(served.contentType).toBe('image/jpeg');
		await refusal(getSuggestionPhoto(buildCtx(db), { unverifiedId: 'geen-uuid' }), 'not_found');
	});

	it('refuses coordinates outside Flanders or the municipality, NaN and text, one of two', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const ctx = buildCtx(db, geel, { actor: await person() });
		const create = (values: Record<string, unknown>) =>
			createSuggestion(ctx, { opportunityId: id, values: valid(values) });
		expect((await fieldsOf(create({ lat: '48.85', lng: '2.35' }))).lat).toEqual([
			'Deze plaats ligt niet in Vlaanderen. Kijk de coördinaten na.'
		]);
		expect((await fieldsOf(create({ lat: '4.99', lng: '51.16' }))).lat?.[0]).toContain('niet in Vlaanderen');
		// Antwerpen: in Flanders, not in Geel.
		expect((await fieldsOf(create({ lat: '51.2194', lng: '4.4025' }))).lat).toEqual([
			'Deze plaats ligt buiten de gemeente. Kies een plaats in de gemeente.'
		]);
		const nan = await fieldsOf(create({ lat: 'NaN', lng: 'Infinity' }));
		expect(nan.lat).toEqual(['Vul een getal in, bijvoorbeeld 51,16.']);
		expect(nan.lng).toEqual(['Vul een getal in, bijvoorbeeld 51,16.']);
		expect((await fieldsOf(create({ lat: 'ergens', lng: '4.99' }))).lat).toBeDefined();
		expect((await fieldsOf(create({ lat: '51.16', lng: '' }))).lng).toEqual([
			'Vul zowel de breedtegraad als de lengtegraad in, of laat beide leeg.'
		]);
		expect((await fieldsOf(create({ lat: '', lng: '', placeName: '' }))).placeName).toEqual([
			'Typ een adres of plek, of kies een plaats op de kaart.'
		]);
		expect(await db.select().from(suggestions).where(eq(suggestions.opportunityId, id))).toHaveLength(0);
	});

	it('keeps a typed address as text without a geocoder, and geocodes it with one', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const actor = await person();
		const noPlace = await createSuggestion(buildCtx(db, geel, { actor }), {
			opportunityId: id,
			values: valid({ lat: '', lng: '', placeName: 'Markt 1, Geel' })
		});
		if (noPlace.kind !== 'created') throw new Error('expected created');
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, noPlace.id));
		expect(row).toMatchObject({ placeName: 'Markt 1, Geel', lat: null, lng: null });

		const places: Record<string, { lat: number; lng: number; label: string }> = {
			'Markt 2, Geel': { lat: 51.1617, lng: 4.9906, label: 'Markt 2, 2440 Geel' },
			'Meir 1, Antwerpen': { lat: 51.2186, lng: 4.4055, label: 'Meir 1, 2000 Antwerpen' }
		};
		const geocoder: Geocoder = { lookup: async (address) => places[address] ?? null };
		const ctx = { ...buildCtx(db, geel, { actor }), geocoder };
		const found = await createSuggestion(ctx, {
			opportunityId: id,
			values: valid({ lat: '', lng: '', placeName: 'Markt 2, Geel' })
		});
		if (found.kind !== 'created') throw new Error('expected created');
		const [placed] = await db.select().from(suggestions).where(eq(suggestions.id, found.id));
		expect(placed).toMatchObject({ lat: 51.1617, lng: 4.9906 });
		expect(
			(
				await fieldsOf(
					createSuggestion(ctx, {
						opportunityId: id,
						values: valid({ lat: '', lng: '', placeName: 'Meir 1, Antwerpen' })
					})
				)
			).placeName
		).toEqual(['Dit adres ligt buiten de gemeente. Typ een adres in de gemeente.']);
	});

	it('refuses empty and 100,000-character texts, too many links, and stores HTML as text', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const ctx = buildCtx(db, geel, { actor: await person() });
		const create = (values: Record<string, unknown>) =>
			createSuggestion(ctx, { opportunityId: id, values: valid(values) });
		const empty = await fieldsOf(create({ title: '   ', body: '' }));
		expect(empty.title).toEqual(['Geef je suggestie een titel.']);
		expect(empty.body).toEqual(['Beschrijf je suggestie.']);
		const long = await fieldsOf(create({ title: 'a'.repeat(100_000), body: 'b'.repeat(100_000) }));
		expect(long.title?.[0]).toContain('hoogstens 120 tekens');
		expect(long.body?.[0]).toContain('hoogstens 5000 tekens');
		expect(
			(await fieldsOf(create({ body: 'Zie https://a.be en https://b.be en www.c.be voor meer.' }))).body
		).toEqual(['Gebruik hoogstens 2 links.']);
		expect((await fieldsOf(create({ title: 12 }))).title).toBeDefined();

		const html = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		const result = await create({
			title: `Plein ${html}`,
			body: `Meer groen ${html} **vet**`,
			placeName: `Markt <b onmouseover=alert(3)>1</b>`
		});
		if (result.kind !== 'created') throw new Error('expected created');
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, result.id));
		expect(row?.title).toBe(`Plein ${html}`);
		const page = await getSuggestionPage(buildCtx(db, geel), { id: result.id, slug: row!.slug });
		expect(page.suggestion.bodyHtml).not.toMatch(/<script|<img/i);
		expect(page.suggestion.bodyHtml).toContain('&lt;script&gt;');
		expect(page.suggestion.bodyHtml).toContain('<strong>vet</strong>');
	});

	it('checks the photo by its bytes, its size, and asks for alt text', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const ctx = buildCtx(db, geel, { actor: await person() });
		const create = (photo: ReturnType<typeof file>, values: Record<string, unknown> = {}) =>
			createSuggestion(ctx, {
				opportunityId: id,
				values: valid({ imageAlt: 'Een plein', ...values }),
				photo
			});
		expect((await fieldsOf(create(file(new TextEncoder().encode('geen foto, gewoon tekst'))))).photo).toEqual(
			['Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.']
		);
		const huge = new Uint8Array(50 * 1024 * 1024);
		huge.set([0xff, 0xd8, 0xff]);
		expect((await fieldsOf(create(file(huge)))).photo).toEqual(['De foto is te groot: hoogstens 10 MB.']);
		expect((await fieldsOf(create(file(await jpegWithGps(200, 100)), { imageAlt: '' }))).imageAlt).toEqual([
			'Beschrijf wat er op de foto staat.'
		]);
		const ok = await create(file(await jpegWithGps(3000, 1000)));
		if (ok.kind !== 'created') throw new Error('expected created');
		const [row] = await db
			.select({ width: media.width, height: media.height, bytes: media.bytes, kind: media.kind })
			.from(media)
			.innerJoin(suggestions, eq(suggestions.imageId, media.id))
			.where(eq(suggestions.id, ok.id));
		expect(row).toMatchObject({ width: 1600, height: 533, kind: 'photo' });
		expect((await sharp(row!.bytes).metadata()).exif).toBeUndefined();
	});

	it('refuses duplicates, over the rate limit, blocked people, closed opportunities and visitors', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const actor = await person();
		const ctx = buildCtx(db, geel, { actor });
		const values = valid();
		await createSuggestion(ctx, { opportunityId: id, values });
		const dup = await refusal(createSuggestion(ctx, { opportunityId: id, values }), 'conflict');
		expect(dup.messageKey).toBe('suggestions.errors.duplicate');
		for (let i = 0; i < 3; i++) await createSuggestion(ctx, { opportunityId: id, values: valid() });
		const limited = await refusal(
			createSuggestion(ctx, { opportunityId: id, values: valid() }),
			'rate_limited'
		);
		expect(refusalOf('nl', limited).message).toContain('Probeer het over een tijdje opnieuw');

		const blocked = await person();
		await db.insert(contributionBlocks).values({ municipalityId: geel.id, userId: blocked.userId });
		const err = await refusal(
			createSuggestion(buildCtx(db, geel, { actor: blocked }), { opportunityId: id, values: valid() }),
			'forbidden'
		);
		expect(refusalOf('nl', err).message).toContain('niet meer bijdragen');

		const closed = await buildSuggestionOpportunity(db, geel, { submissionsOpen: false });
		const notOpen = await refusal(
			createSuggestion(buildCtx(db, geel, { actor: await person() }), {
				opportunityId: closed.id,
				values: valid()
			}),
			'conflict'
		);
		expect(notOpen.messageKey).toBe('suggestions.errors.notOpen');
		const ended = await buildSuggestionOpportunity(db, geel, { closesAt: new Date(Date.now() - 1_000) });
		await refusal(
			createSuggestion(buildCtx(db, geel, { actor: await person() }), {
				opportunityId: ended.id,
				values: valid()
			}),
			'conflict'
		);
		await refusal(
			createSuggestion(buildCtx(db, geel), { opportunityId: id, values: valid() }),
			'unauthenticated'
		);
	});

	it("never acts on another municipality's opportunity or suggestion", async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const inMol = buildCtx(db, mol, { actor: await person() });
		await refusal(createSuggestion(inMol, { opportunityId: id, values: valid() }), 'not_found');
		await refusal(getContributeForm(inMol, { opportunityId: id }), 'not_found');
		await refusal(getSuggestionPage(inMol, { id: s.id, slug: s.slug }), 'not_found');
		await refusal(addComment(inMol, { suggestionId: s.id, values: { body: 'Hallo' } }), 'not_found');
		await refusal(reportContribution(inMol, { suggestionId: s.id, values: { reason: 'spam' } }), 'not_found');
		await refusal(followSuggestion(inMol, { suggestionId: s.id }), 'not_found');
		await unfollowSuggestion(inMol, { suggestionId: s.id });
		expect(
			await db.select().from(suggestionComments).where(eq(suggestionComments.suggestionId, s.id))
		).toHaveLength(0);
		expect(
			await db.select().from(suggestionReports).where(eq(suggestionReports.suggestionId, s.id))
		).toHaveLength(0);
		expect(await suggestionFollowsOf(s.id)).toHaveLength(0);
	});

	it('keeps a visitor draft for the person who logs in, only for this opportunity', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const draftId = await keepSuggestionDraft(buildCtx(db, geel), {
			opportunityId: id,
			returnTo: `/geel/kansen/${id}/nieuw`,
			values: { title: 'Mijn idee', body: 'Uitleg' }
		});
		// Nobody claimed it yet (the login does that): a logged-in stranger does not get it.
		const form = await getContributeForm(buildCtx(db, geel, { actor: await person() }), {
			opportunityId: id,
			unverifiedDraftId: draftId
		});
		expect(form.draft).toBeNull();
		expect(form.opportunity.acceptsSuggestions).toBe(true);
	});
});

describe('wishes kept across a login', () => {
	it('gives the person who logged in their typed suggestion, vote or comment back, nobody else', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const actor = await person();
		// The login marks the kept draft as this person's (accounts.service does this on the callback).
		const claim = async (draftId: string) =>
			db.update(loginRequests).set({ draftUserId: actor.userId }).where(eq(loginRequests.id, draftId));
		const ctx = buildCtx(db, geel, { actor });

		const typed = await keepSuggestionDraft(buildCtx(db, geel), {
			opportunityId: id,
			returnTo: `/geel/kansen/${id}/nieuw`,
			values: { title: 'Mijn idee', body: 'Uitleg', intent: 'vote' }
		});
		await claim(typed);
		const form = await getContributeForm(ctx, { opportunityId: id, unverifiedDraftId: typed });
		expect(form.draft).toMatchObject({ title: 'Mijn idee', body: 'Uitleg', intent: 'suggest' });

		const vote = await keepSuggestionIntent(buildCtx(db, geel), {
			suggestionId: s.id,
			returnTo: `/geel/suggesties/${s.id}-${s.slug}`,
			intent: 'vote'
		});
		await claim(vote);
		const page = await getSuggestionPage(ctx, { id: s.id, slug: s.slug, unverifiedDraftId: vote });
		expect(page.intent).toEqual({ vote: true, comment: '', parentId: '' });
		const stranger = await getSuggestionPage(buildCtx(db, geel, { actor: await person() }), {
			id: s.id,
			slug: s.slug,
			unverifiedDraftId: vote
		});
		expect(stranger.intent).toBeNull();

		const comment = await keepSuggestionIntent(buildCtx(db, geel), {
			suggestionId: s.id,
			returnTo: `/geel/suggesties/${s.id}-${s.slug}`,
			intent: 'comment',
			body: 'Wat ik wilde zeggen',
			parentId: ''
		});
		await claim(comment);
		const withComment = await getSuggestionPage(ctx, { id: s.id, slug: s.slug, unverifiedDraftId: comment });
		expect(withComment.intent).toEqual({ vote: false, comment: 'Wat ik wilde zeggen', parentId: '' });
	});
});

describe('comments, reports and follows', () => {
	it('under pre-moderation waits, visible to its author only, and is not counted', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const author = await person();
		const result = await addComment(buildCtx(db, geel, { actor: author }), {
			suggestionId: s.id,
			values: { body: 'Goed idee!' }
		});
		expect(result.published).toBe(false);
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, s.id));
		expect(row?.commentCount).toBe(0);
		const mine = await getSuggestionPage(buildCtx(db, geel, { actor: author }), { id: s.id, slug: s.slug });
		expect(mine.comments.map((c) => [c.body, c.moderation, c.mine])).toEqual([
			['Goed idee!', 'pending', true]
		]);
		const visitor = await getSuggestionPage(buildCtx(db, geel), { id: s.id, slug: s.slug });
		expect(visitor.comments).toEqual([]);
	});

	it('under post-moderation is public and counted; a reply to a reply joins the top comment', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const s = await buildSuggestion(db, geel, id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		const top = await addComment(ctx, { suggestionId: s.id, values: { body: 'Eerste reactie' } });
		const reply = await addComment(ctx, {
			suggestionId: s.id,
			values: { body: 'Een antwoord', parentId: String(top.id) }
		});
		const deeper = await addComment(ctx, {
			suggestionId: s.id,
			values: { body: '<script>alert(1)</script> antwoord op antwoord', parentId: String(reply.id) }
		});
		const [stored] = await db.select().from(suggestionComments).where(eq(suggestionComments.id, deeper.id));
		expect(stored?.parentId).toBe(top.id);
		expect(stored?.body).toBe('<script>alert(1)</script> antwoord op antwoord');
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, s.id));
		expect(row?.commentCount).toBe(3);
		const events = await db
			.select()
			.from(domainEvents)
			.where(
				and(eq(domainEvents.subjectId, String(s.id)), eq(domainEvents.type, 'suggestion.comment_published'))
			);
		expect(events).toHaveLength(3);
		const page = await getSuggestionPage(buildCtx(db, geel), { id: s.id, slug: s.slug });
		expect(page.comments).toHaveLength(1);
		expect(page.comments[0]!.replies.map((r) => r.body)).toEqual([
			'Een antwoord',
			'<script>alert(1)</script> antwoord op antwoord'
		]);
		expect((await fieldsOf(addComment(ctx, { suggestionId: s.id, values: { body: '' } }))).body).toEqual([
			'Schrijf een reactie.'
		]);
		expect(
			(await fieldsOf(addComment(ctx, { suggestionId: s.id, values: { body: 'x'.repeat(100_000) } })))
				.body?.[0]
		).toContain('hoogstens 2000 tekens');
		expect(
			(await fieldsOf(addComment(ctx, { suggestionId: s.id, values: { body: 'Hoi', parentId: '999999' } })))
				.body
		).toEqual(['Deze reactie bestaat niet (meer).']);
		const [after] = await db.select().from(suggestions).where(eq(suggestions.id, s.id));
		expect(after?.commentCount).toBe(3);
	});

	it('refuses comments on a pending suggestion and from blocked people', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const author = await person();
		const pending = await buildSuggestion(db, geel, id, { moderation: 'pending', authorId: author.userId });
		await refusal(
			addComment(buildCtx(db, geel, { actor: author }), {
				suggestionId: pending.id,
				values: { body: 'Hallo' }
			}),
			'conflict'
		);
		const s = await buildSuggestion(db, geel, id);
		const blocked = await person();
		await db.insert(contributionBlocks).values({ municipalityId: geel.id, userId: blocked.userId });
		await refusal(
			addComment(buildCtx(db, geel, { actor: blocked }), { suggestionId: s.id, values: { body: 'Hallo' } }),
			'forbidden'
		);
	});

	it('records one open report per person per item, and asks a note for "other"', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const s = await buildSuggestion(db, geel, id);
		const ctx = buildCtx(db, geel, { actor: await person() });
		const c = await addComment(buildCtx(db, geel, { actor: await person() }), {
			suggestionId: s.id,
			values: { body: 'Koop nu bij ons!' }
		});
		expect(
			await reportContribution(ctx, {
				suggestionId: s.id,
				values: { reason: 'spam', commentId: String(c.id) }
			})
		).toEqual({
			recorded: true
		});
		expect(
			await reportContribution(ctx, {
				suggestionId: s.id,
				values: { reason: 'offensive', commentId: String(c.id) }
			})
		).toEqual({
			recorded: false
		});
		expect(await reportContribution(ctx, { suggestionId: s.id, values: { reason: 'duplicate' } })).toEqual({
			recorded: true
		});
		expect(
			(await fieldsOf(reportContribution(ctx, { suggestionId: s.id, values: { reason: 'other', note: '' } })))
				.note
		).toEqual(['Licht "Andere reden" kort toe.']);
		expect(
			(await fieldsOf(reportContribution(ctx, { suggestionId: s.id, values: { reason: 'nonsense' } }))).reason
		).toEqual(['Kies een reden.']);
		await refusal(
			reportContribution(ctx, { suggestionId: s.id, values: { reason: 'spam', commentId: '999999' } }),
			'not_found'
		);
		const reports = await db.select().from(suggestionReports).where(eq(suggestionReports.suggestionId, s.id));
		expect(reports).toHaveLength(2);
	});

	it('refuses the comment past the hourly limit with a Dutch message, and takes one again in the next hour', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const s = await buildSuggestion(db, geel, id);
		const actor = await person();
		const ctx = buildCtx(db, geel, { actor });
		const { limit, windowSeconds } = RATE_LIMITS.comments;
		for (let i = 0; i < limit; i++)
			await addComment(ctx, { suggestionId: s.id, values: { body: `Reactie ${i + 1}` } });
		const limited = await refusal(
			addComment(ctx, { suggestionId: s.id, values: { body: 'Eén te veel' } }),
			'rate_limited'
		);
		expect(refusalOf('nl', limited)).toMatchObject({
			status: 429,
			message: 'Je deed dit de laatste tijd al vaak. Probeer het over een tijdje opnieuw.'
		});
		expect(limited.options.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(limited.options.details?.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
		const counted = async () =>
			(await db.select().from(suggestionComments).where(eq(suggestionComments.suggestionId, s.id))).length;
		expect(await counted()).toBe(limit);
		// Someone else is not held back by this person's limit.
		await addComment(buildCtx(db, geel, { actor: await person() }), {
			suggestionId: s.id,
			values: { body: 'Van iemand anders' }
		});

		await passRateLimitWindow(db, `suggestion-comment:user:${actor.userId}`, windowSeconds);
		const next = await addComment(ctx, { suggestionId: s.id, values: { body: 'Een uur later' } });
		expect(next.published).toBe(true);
		expect(await counted()).toBe(limit + 2);
	});

	it('refuses the report past the hourly limit with a Dutch message, and takes one again in the next hour', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
		const { limit, windowSeconds } = RATE_LIMITS.reports;
		const listed = [];
		for (let i = 0; i <= limit; i++) listed.push(await buildSuggestion(db, geel, id));
		const actor = await person();
		const ctx = buildCtx(db, geel, { actor });
		const report = (suggestionId: number) =>
			reportContribution(ctx, { suggestionId, values: { reason: 'spam' } });
		for (const s of listed.slice(0, limit)) expect(await report(s.id)).toEqual({ recorded: true });
		const last = listed[limit]!;
		const limited = await refusal(report(last.id), 'rate_limited');
		expect(refusalOf('nl', limited)).toMatchObject({
			status: 429,
			message: 'Je deed dit de laatste tijd al vaak. Probeer het over een tijdje opnieuw.'
		});
		expect(limited.options.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
		expect(limited.options.details?.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
		const reportsOf = (suggestionId: number) =>
			db.select().from(suggestionReports).where(eq(suggestionReports.suggestionId, suggestionId));
		expect(await reportsOf(last.id)).toHaveLength(0);

		await passRateLimitWindow(db, `suggestion-report:user:${actor.userId}`, windowSeconds);
		expect(await report(last.id)).toEqual({ recorded: true });
		expect(await reportsOf(last.id)).toHaveLength(1);
	});

	it('follows and unfollows, idempotently', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const s = await buildSuggestion(db, geel, id);
		const actor = await person();
		const ctx = buildCtx(db, geel, { actor });
		await followSuggestion(ctx, { suggestionId: s.id });
		await followSuggestion(ctx, { suggestionId: s.id });
		expect((await getSuggestionPage(ctx, { id: s.id, slug: s.slug })).following).toBe(true);
		await unfollowSuggestion(ctx, { suggestionId: s.id });
		expect((await getSuggestionPage(ctx, { id: s.id, slug: s.slug })).following).toBe(false);
		await refusal(followSuggestion(buildCtx(db, geel), { suggestionId: s.id }), 'unauthenticated');
	});

	it('shows a merged suggestion as a pointer to the kept one', async () => {
		const { id } = await buildSuggestionOpportunity(db, geel);
		const kept = await buildSuggestion(db, geel, id, { title: 'Het behouden voorstel' });
		const gone = await buildSuggestion(db, geel, id);
		await db.update(suggestions).set({ mergedIntoId: kept.id }).where(eq(suggestions.id, gone.id));
		const page = await getSuggestionPage(buildCtx(db, geel), { id: gone.id, slug: gone.slug });
		expect(page.mergedInto).toEqual({
			title: 'Het behouden voorstel',
			path: `/geel/suggesties/${kept.id}-${kept.slug}`
		});
		expect(page.listed).toBe(false);
		await refusal(getSuggestionForApi(buildCtx(db), { id: gone.id, origin: '' }), 'not_found');
	});
});

describe('the write API', () => {
	it('adds a suggestion by opportunity id, with per-field refusals', async () => {
		const { id } = await buildSuggestionOpportunity(db, mol);
		const ctx = buildCtx(db, undefined, { actor: await person() });
		const created = await createSuggestionFromApi(ctx, {
			opportunityId: id,
			values: {
				title: 'Boomgaard aan de Molse Nete',
				body: 'Fruitbomen voor iedereen.',
				lat: 51.19,
				lng: 5.115
			}
		});
		expect(created.path).toMatch(/^\/mol\/suggesties\/\d+-boomgaard-aan-de-molse-nete$/);
		const err = await refusal(
			createSuggestionFromApi(ctx, { opportunityId: id, values: { title: '', body: 5, lat: 'x' } }),
			'validation'
		);
		expect(Object.keys(refusalOf('nl', err).fields).sort()).toEqual(['body', 'lat', 'title']);
		await refusal(createSuggestionFromApi(ctx, { opportunityId: 2_000_000_000, values: {} }), 'not_found');
		await refusal(
			createSuggestionFromApi(buildCtx(db), { opportunityId: id, values: {} }),
			'unauthenticated'
		);
	});

	it('accepts only local return paths', () => {
		expect(safeLocalPath('/geel/kansen/3?sort=votes')).toBe('/geel/kansen/3?sort=votes');
		for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'geel', '/a\nb', null, 3])
			expect(safeLocalPath(bad)).toBeNull();
	});
});

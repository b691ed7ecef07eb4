// The news feeds (Atom): a municipality's (/{m}/nieuws.atom) holds the published updates of its public
// actions, the published reports of its events, its sent newsletters and its decisions on suggestions (a status it
// chose, an answer), newest first; an action's holds its own updates, its events' reports and the decisions on
// its maps' suggestions. Drafts, scheduled updates, archived actions, draft events and other
// municipalities never appear. The document is read back with rss-parser, an independent Atom/RSS parser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Parser from 'rss-parser';
import { eq } from 'drizzle-orm';
import { newsletters, suggestions } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { atomFeed, atomResponse, gatherNews } from '$lib/server/platform/news';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import {
	buildAction,
	buildEvent,
	buildOpportunity,
	buildParticipatingMunicipality,
	buildSuggestion,
	buildUpdate
} from '$lib/server/testing/factories';
import { insertStoryEntry } from '$lib/server/features/suggestions/suggestions.queries';
import { features } from '$lib/server/features';
import { archiveAction, insertUpdate } from './actions.queries';
import { actionNewsFeed } from './actions.news';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
const ORIGIN = 'https://meedoen.test';
const HOUR = 3_600_000;
const parser = new Parser();

let ontharding: { id: number; slug: string };

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	ontharding = await buildAction(db, geel, { title: 'Ontharding Markt' });
	const other = await buildAction(db, geel, { title: 'Fietsbibliotheek' });
	const archived = await buildAction(db, geel, { title: 'Oud project' });
	const draft = await buildAction(db, geel, { title: 'Nog geheim', publish: false });
	const insert = (actionId: number, title: string, publishedAt: Date | null, tenant = geel) =>
		insertUpdate(db, {
			municipalityId: tenant.id,
			actionId,
			title,
			body: 'Lees **meer** <script>alert(1)</script>',
			authorName: 'Dienst Omgeving',
			publishedAt
		});
	const now = Date.now();
	await insert(ontharding.id, 'De tegels zijn eruit', new Date(now - 3 * HOUR));
	await insert(ontharding.id, 'Plantdag gepland', new Date(now - 1 * HOUR));
	await insert(ontharding.id, 'Nog een ontwerp', null);
	await insert(ontharding.id, 'Volgende week', new Date(now + 24 * HOUR));
	await insert(other.id, 'Twintig fietsen', new Date(now - 2 * HOUR));
	await buildUpdate(db, geel, archived.id, { title: 'Van een gearchiveerde actie', published: true });
	await archiveAction(db, { municipalityId: geel.id, id: archived.id });
	await buildUpdate(db, geel, draft.id, { title: 'Van een ontwerpactie', published: true });
	const molAction = await buildAction(db, mol, { title: 'Mol plant bomen' });
	await buildUpdate(db, mol, molAction.id, { title: 'Nieuws uit Mol', published: true });

	const withReport = (
		title: string,
		actionId: number | null,
		status: 'published' | 'draft',
		at: Date | null
	) =>
		buildEvent(db, geel, {
			title,
			actionId,
			status,
			report: 'Er kwamen **twintig** mensen.',
			reportPublishedAt: at,
			startsAt: new Date(now - 48 * HOUR)
		});
	await withReport('Werkgroep ontharding', ontharding.id, 'published', new Date(now - 30 * 60_000));
	await withReport('Losse infoavond', null, 'published', new Date(now - 4 * HOUR));
	await withReport('Ontwerpactiviteit', ontharding.id, 'draft', new Date(now - HOUR));
	await withReport('Verslag in opmaak', ontharding.id, 'published', null);

	// Decisions on suggestions of the unpaving action's map: a status chosen with its reason, an answer; not
	// the review (no decision), nor anything about a suggestion waiting for moderation.
	const map = await buildOpportunity(db, geel, ontharding.id, { kind: 'mapSuggestions' });
	const chosen = await buildSuggestion(db, geel, map.id, { title: 'Parking achter de kerk' });
	const answered = await buildSuggestion(db, geel, map.id, { title: 'Speelplaats De Linde' });
	await db
		.update(suggestions)
		.set({ answer: 'We bekijken dit **volgend jaar**.', answeredAt: new Date(now - 7 * HOUR) })
		.where(eq(suggestions.id, answered.id));
	const waiting = await buildSuggestion(db, geel, map.id, { title: 'Geheime tip', moderation: 'pending' });
	const story = (
		suggestionId: number,
		kind: 'status' | 'answered',
		status: 'chosen' | 'underReview' | 'published',
		hoursAgo: number,
		reason = ''
	) =>
		insertStoryEntry(db, {
			municipalityId: geel.id,
			suggestionId,
			kind,
			status,
			reason,
			createdAt: new Date(now - hoursAgo * HOUR)
		});
	await story(chosen.id, 'status', 'underReview', 6.5);
	await story(chosen.id, 'status', 'chosen', 6, 'De werkgroep koos deze plek <script>alert(1)</script>');
	await story(answered.id, 'answered', 'published', 7);
	await story(waiting.id, 'status', 'chosen', 6.2);

	await db.insert(newsletters).values([
		{
			municipalityId: geel.id,
			subject: 'Nieuwsbrief november',
			body: 'Dag iedereen',
			audience: { kind: 'pool' },
			status: 'sent',
			sentAt: new Date(now - 5 * HOUR)
		},
		{
			municipalityId: geel.id,
			subject: 'Nieuwsbrief in opmaak',
			body: 'Nog niet klaar',
			audience: { kind: 'pool' },
			status: 'draft'
		}
	]);
});

afterAll(() => database?.destroy());

describe('the news feeds', () => {
	it('gives a municipality its published news from every feature, newest first, and nothing unpublished', async () => {
		const items = await gatherNews(features, database.db, {
			municipalityId: geel.id,
			municipalitySlug: 'geel',
			actionId: null,
			locale: 'nl'
		});
		expect(items.map((i) => i.title)).toEqual([
			'Verslag: Werkgroep ontharding',
			'Plantdag gepland',
			'Twintig fietsen',
			'De tegels zijn eruit',
			'Verslag: Losse infoavond',
			'Nieuwsbrief november',
			'Beslissing over ‘Parking achter de kerk’: Gekozen',
			'Antwoord op ‘Speelplaats De Linde’'
		]);
		const body = atomFeed({
			origin: ORIGIN,
			selfPath: '/geel/nieuws.atom',
			pagePath: '/geel',
			title: 'Nieuws van Meedoen Geel',
			subtitle: 'Wat er beweegt',
			locale: 'nl',
			items
		}).body;
		// An independent parser reads it as Atom: title, links, ids, dates and sanitised content.
		const feed = await parser.parseString(body);
		expect(feed.title).toBe('Nieuws van Meedoen Geel');
		expect(feed.items).toHaveLength(8);
		const update = feed.items.find((i) => i.title === 'Plantdag gepland')!;
		expect(update.link).toMatch(/^https:\/\/meedoen\.test\/geel\/acties\/\d+-ontharding-markt#nieuws-\d+$/);
		expect(update.id).toMatch(/^tag:meedoen\.test,2026:action-update:\d+$/);
		expect(new Date(update.isoDate!).getTime()).toBeLessThan(Date.now());
		expect(update.content).toContain('<strong>meer</strong>');
		expect(body).not.toContain('<script>');
		expect(feed.items.at(-3)!.link).toMatch(/\/geel\/nieuwsbrieven\/\d+$/);
		const decision = feed.items.find((i) => i.title!.startsWith('Beslissing'))!;
		expect(decision.link).toMatch(/^https:\/\/meedoen\.test\/geel\/suggesties\/\d+-parking-achter-de-kerk$/);
		expect(decision.content).toContain('De werkgroep koos deze plek');
		expect(feed.items.at(-1)!.content).toContain('<strong>volgend jaar</strong>');
		expect(feed.items[0]!.link).toMatch(/\/geel\/activiteiten\/\d+-werkgroep-ontharding#report-heading$/);
		expect(body).toContain('<link rel="self" href="https://meedoen.test/geel/nieuws.atom"/>');
	});

	it('gives an action its own updates and its events’ reports; a draft, another municipality’s or a made-up action is not found', async () => {
		const ctx = buildCtx(database.db, geel);
		const feed = await actionNewsFeed(ctx, {
			unverifiedAction: `${ontharding.id}-${ontharding.slug}`,
			origin: ORIGIN
		});
		const parsed = await parser.parseString(feed.body);
		expect(parsed.title).toBe('Ontharding Markt: nieuws op Meedoen Geel');
		expect(parsed.items.map((i) => i.title)).toEqual([
			'Verslag: Werkgroep ontharding',
			'Plantdag gepland',
			'De tegels zijn eruit',
			'Beslissing over ‘Parking achter de kerk’: Gekozen',
			'Antwoord op ‘Speelplaats De Linde’'
		]);
		await refusal(
			actionNewsFeed(buildCtx(database.db, mol), { unverifiedAction: String(ontharding.id), origin: ORIGIN }),
			'not_found'
		);
		for (const bad of ['', 'abc', '999999', '-1', 'x'.repeat(5_000), '1e3'])
			await refusal(actionNewsFeed(ctx, { unverifiedAction: bad, origin: ORIGIN }), 'not_found');
		const molItems = await gatherNews(features, database.db, {
			municipalityId: mol.id,
			municipalitySlug: 'mol',
			actionId: null,
			locale: 'nl'
		});
		expect(molItems.map((i) => i.title)).toEqual(['Nieuws uit Mol']);
	});

	it('answers 304 to a reader that asks again with the same ETag', async () => {
		const ctx = buildCtx(database.db, geel);
		const feed = await actionNewsFeed(ctx, { unverifiedAction: String(ontharding.id), origin: ORIGIN });
		const first = atomResponse(new Request('https://meedoen.test/x'), feed);
		expect(first.status).toBe(200);
		expect(first.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const again = atomResponse(
			new Request('https://meedoen.test/x', { headers: { 'if-none-match': first.headers.get('etag')! } }),
			feed
		);
		expect(again.status).toBe(304);
	});
});

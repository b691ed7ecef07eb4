import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { subscriptions, themes } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { isAppError } from '$lib/server/platform/errors';
import { createCache } from '$lib/server/platform/cache';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildParticipatingMunicipality, getTenant, actorOf, buildUser } from '$lib/server/testing/factories';
import type { MailMessage } from '$lib/server/platform/mail';
import {
	consumeLoginLink,
	requestLoginLink,
	resolveSession
} from '$lib/server/features/accounts/accounts.service';
import { canManageActions } from './actions.policy';
import { actionJsonLd, serializeJsonLd } from './actions.present';
import {
	archiveAction,
	insertAction,
	insertUpdate,
	publishAction,
	setActionThemes,
	type ActionFields
} from './actions.queries';
import {
	insertOpportunity,
	type OpportunityFields
} from '$lib/server/features/opportunities/opportunities.queries';
import {
	followAction,
	getActionForApi,
	getActionPage,
	keepFollowIntent,
	listActions,
	listActionsForApi,
	listRecentActions,
	listRegionActions,
	unfollowAction
} from './actions.service';
import {
	decodeCursor,
	encodeCursor,
	parseApiListQuery,
	parsePageFilters,
	type PageFilters
} from './actions.schemas';
import { parseSluggedId } from '$lib/domain/ids';

/** The actions a person follows, as stored. */
function actionFollowsOf(userId: string) {
	return db
		.select()
		.from(subscriptions)
		.where(and(eq(subscriptions.userId, userId), eq(subscriptions.subjectKind, 'action')));
}

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
const HOUR = 3_600_000;

async function buildAction(
	tenant: Tenant,
	fields: Partial<ActionFields> & { title: string },
	options: {
		publish?: boolean;
		publishedAt?: Date;
		themeSlugs?: string[];
		opportunities?: OpportunityFields[];
	} = {}
) {
	const slug =
		fields.slug ??
		fields.title
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '');
	const row = await insertAction(db, { municipalityId: tenant.id, ...fields, slug });
	if (options.themeSlugs) {
		const ids = await db
			.select({ id: themes.id, slug: themes.slug })
			.from(themes)
			.where(eq(themes.municipalityId, tenant.id));
		await setActionThemes(db, {
			municipalityId: tenant.id,
			actionId: row.id,
			themeIds: ids.filter((t) => options.themeSlugs!.includes(t.slug)).map((t) => t.id)
		});
	}
	for (const o of options.opportunities ?? [])
		await insertOpportunity(db, { municipalityId: tenant.id, actionId: row.id, ...o });
	if (options.publish !== false)
		await publishAction(db, { municipalityId: tenant.id, id: row.id, at: options.publishedAt });
	return row;
}

const filters = (f: Partial<PageFilters> = {}): PageFilters => ({ page: 1, ...f });
const titles = (list: { title: string }[]) => list.map((a) => a.title);

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	olen = await getTenant(db, 'olen'); // does not take part

	await buildAction(
		geel,
		{
			title: 'Ontharding van het Marktplein',
			summary: 'We breken tegels uit en planten bomen.',
			body: 'Samen ontharden we het plein en planten we een boom per gezin.',
			status: 'inProgress'
		},
		{
			themeSlugs: ['vergroening-en-ontharding'],
			opportunities: [
				{ title: 'Plantdag', rung: 'coproduce', kind: 'actionDay' },
				{ title: 'Stem mee', rung: 'consult', kind: 'vote', closesAt: new Date(Date.now() - HOUR) }
			]
		}
	);
	await buildAction(
		geel,
		{ title: 'Énergiecoöperatie Geel', summary: 'Zonnepanelen op het sporthal-dak.', status: 'planned' },
		{
			themeSlugs: ['hernieuwbare-energie'],
			opportunities: [
				{
					title: 'Denk mee in de werkgroep',
					rung: 'advise',
					kind: 'workingGroup',
					opensAt: new Date(Date.now() - HOUR),
					closesAt: new Date(Date.now() + 48 * HOUR)
				},
				{
					title: 'Later: burgergroep',
					rung: 'selfManage',
					kind: 'citizenGroup',
					opensAt: new Date(Date.now() + 24 * HOUR)
				}
			]
		}
	);
	await buildAction(
		geel,
		{ title: 'Fietsstraat Stationsstraat', status: 'done' },
		{ themeSlugs: ['mobiliteit'] }
	);
	await buildAction(geel, { title: 'Geheim ontwerp over bomen' }, { publish: false });
	const archived = await buildAction(geel, { title: 'Gearchiveerde boomactie' });
	await archiveAction(db, { municipalityId: geel.id, id: archived.id });
	await buildAction(geel, { title: 'Later gepubliceerd' }, { publishedAt: new Date(Date.now() + 24 * HOUR) });
	await buildAction(
		mol,
		{ title: 'Bomen planten in Mol', body: 'Een boom voor elke inwoner.', status: 'inProgress' },
		{
			themeSlugs: ['vergroening-en-ontharding'],
			opportunities: [{ title: 'Help planten in Mol', rung: 'coproduce', kind: 'volunteer' }]
		}
	);
	await buildAction(olen, { title: 'Olen doet nog niet mee' });
});
afterAll(async () => {
	await database?.destroy();
});

describe('listing published actions of a municipality', () => {
	const list = (f: Partial<PageFilters> = {}) =>
		listActions(buildCtx(db, geel), { filters: filters(f), participating: true });

	it('shows only published, non-archived actions whose date has come, of this municipality only', async () => {
		const result = await list();
		expect(titles(result.items).sort()).toEqual(
			['Energiecoöperatie Geel', 'Fietsstraat Stationsstraat', 'Ontharding van het Marktplein']
				.map((t) => (t.startsWith('Energie') ? 'Énergiecoöperatie Geel' : t))
				.sort()
		);
		expect(result.total).toBe(3);
		expect(result.items.every((a) => a.municipality.slug === 'geel')).toBe(true);
	});

	it('filters by theme, status and rung (an action matches a rung when it has an opportunity on it)', async () => {
		expect(titles((await list({ theme: 'mobiliteit' })).items)).toEqual(['Fietsstraat Stationsstraat']);
		expect(titles((await list({ status: 'planned' })).items)).toEqual(['Énergiecoöperatie Geel']);
		expect(titles((await list({ rung: 'coproduce' })).items)).toEqual(['Ontharding van het Marktplein']);
		expect(titles((await list({ rung: 'codecide' })).items)).toEqual([]);
		expect(
			titles(
				(await list({ theme: 'vergroening-en-ontharding', status: 'inProgress', rung: 'consult' })).items
			)
		).toEqual(['Ontharding van het Marktplein']);
	});

	it('presents themes and the rungs an action offers, lowest first', async () => {
		const [a] = (await list({ q: 'marktplein' })).items;
		expect(a?.themes.map((t) => t.slug)).toEqual(['vergroening-en-ontharding']);
		expect(a?.rungs).toEqual(['consult', 'coproduce']);
		expect(a?.path).toMatch(/^\/geel\/acties\/\d+-ontharding-van-het-marktplein$/);
	});

	it('searches in Dutch: stems and folds accents', async () => {
		// "ontharden" and "ontharding" share their stem; "bomen" is found in "bomen" of the summary.
		expect(titles((await list({ q: 'ontharden' })).items)).toEqual(['Ontharding van het Marktplein']);
		expect(titles((await list({ q: 'bomen' })).items)).toEqual(['Ontharding van het Marktplein']);
		expect(titles((await list({ q: 'energiecooperatie' })).items)).toEqual(['Énergiecoöperatie Geel']);
		expect(titles((await list({ q: 'Énergiecoöperatie' })).items)).toEqual(['Énergiecoöperatie Geel']);
		expect(titles((await list({ q: 'zonnepaneel' })).items)).toEqual(['Énergiecoöperatie Geel']);
		// Drafts and archived actions are not found by search either.
		expect(titles((await list({ q: 'geheim' })).items)).toEqual([]);
		expect(titles((await list({ q: 'gearchiveerde' })).items)).toEqual([]);
	});

	it('ranks title matches above body matches', async () => {
		await buildAction(geel, { title: 'Regenwater opvangen', body: 'Ook een plein kan regenwater opvangen.' });
		await buildAction(geel, { title: 'Het plein vergroenen', body: 'Een feest.' });
		const result = await list({ q: 'plein' });
		// The Marktplein has "plein" as a part of its title and in its text: it comes between the two.
		expect(titles(result.items)).toEqual([
			'Het plein vergroenen',
			'Ontharding van het Marktplein',
			'Regenwater opvangen'
		]);
	});

	it.each([
		['SQL-ish', "'; DROP TABLE actions; --"],
		['operators', '!!& | <-> :* ( )'],
		['websearch syntax', '"ontharden -bomen OR'],
		['stop words only', 'de het een'],
		['control characters', '\u0000\u0007tegels'],
		['100,000 characters', 'boom '.repeat(20_000)]
	])('tolerates a %s query without failing', async (_name, raw) => {
		const parsed = parsePageFilters(new URLSearchParams({ q: raw }));
		expect((parsed.q ?? '').length).toBeLessThanOrEqual(200);
		const result = await list(parsed);
		expect(Array.isArray(result.items)).toBe(true);
	});

	it('ignores unknown filter values on pages instead of failing', () => {
		const parsed = parsePageFilters(
			new URLSearchParams({ status: 'kapot', trede: '9', thema: '../x', pagina: '-3', gemeente: "' or 1=1" })
		);
		expect(parsed).toEqual({
			page: 1,
			q: undefined,
			status: undefined,
			rung: undefined,
			theme: undefined,
			municipality: undefined
		});
		expect(parsePageFilters(new URLSearchParams({ trede: '4' })).rung).toBe('coproduce');
	});

	it('pages by 20 with a total', async () => {
		for (let i = 0; i < 22; i++) await buildAction(mol, { title: `Molse actie ${i}` });
		const ctx = buildCtx(db, mol);
		const one = await listActions(ctx, { filters: filters(), participating: true });
		const two = await listActions(ctx, { filters: filters({ page: 2 }), participating: true });
		expect(one.items).toHaveLength(20);
		expect(one.total).toBe(23);
		expect(one.pageCount).toBe(2);
		expect(two.items).toHaveLength(3);
		expect(two.total).toBe(23);
		const beyond = await listActions(ctx, { filters: filters({ page: 50 }), participating: true });
		expect(beyond.items).toEqual([]);
		expect(beyond.total).toBe(23);
	});

	it('shows nothing for a municipality that does not take part', async () => {
		const result = await listActions(buildCtx(db, olen), { filters: filters(), participating: false });
		expect(result.items).toEqual([]);
	});

	it('another municipality sees nothing of Geel', async () => {
		const result = await listActions(buildCtx(db, mol), {
			filters: filters({ q: 'marktplein' }),
			participating: true
		});
		expect(result.items).toEqual([]);
	});
});

describe('the regional view', () => {
	it('lists actions of participating municipalities only, filterable by municipality', async () => {
		const all = await listRegionActions(buildCtx(db), { filters: filters({ q: 'bomen' }) });
		expect(titles(all.items).sort()).toEqual(['Bomen planten in Mol', 'Ontharding van het Marktplein']);
		const inMol = await listRegionActions(buildCtx(db), {
			filters: filters({ q: 'bomen', municipality: 'mol' })
		});
		expect(titles(inMol.items)).toEqual(['Bomen planten in Mol']);
		const olenOnly = await listRegionActions(buildCtx(db), { filters: filters({ municipality: 'olen' }) });
		expect(olenOnly.items).toEqual([]);
		expect(all.municipalities.map((m) => m.slug)).toEqual(expect.arrayContaining(['geel', 'mol']));
		expect(all.municipalities.map((m) => m.slug)).not.toContain('olen');
	});

	it('shows recent actions across the region, newest first', async () => {
		const recent = await listRecentActions(buildCtx(db), { limit: 5 });
		expect(recent).toHaveLength(5);
		const dates = recent.map((a) => a.publishedAt);
		expect([...dates].sort().reverse()).toEqual(dates);
	});
});

describe('the action page', () => {
	async function idOf(title: string, tenant = geel) {
		const { items } = await listActions(buildCtx(db, tenant), {
			filters: filters({ q: title }),
			participating: true
		});
		const found = items.find((a) => a.title === title);
		if (!found) throw new Error(`no ${title}`);
		return found.id;
	}

	it('presents what, why, themes, opportunities with their window, updates newest first and sanitised Markdown', async () => {
		const id = await idOf('Ontharding van het Marktplein');
		await insertUpdate(db, {
			municipalityId: geel.id,
			actionId: id,
			title: 'Eerste tegels eruit',
			body: 'Het **eerste** stuk is klaar. <script>alert(1)</script>',
			authorName: 'Dienst Omgeving',
			publishedAt: new Date(Date.now() - 2 * HOUR)
		});
		await insertUpdate(db, {
			municipalityId: geel.id,
			actionId: id,
			title: 'Nieuwste nieuws',
			authorName: 'Dienst Omgeving',
			publishedAt: new Date(Date.now() - HOUR)
		});
		await insertUpdate(db, {
			municipalityId: geel.id,
			actionId: id,
			title: 'Ontwerp van update',
			authorName: 'X'
		});
		const page = await getActionPage(buildCtx(db, geel), { id, slug: 'ontharding-van-het-marktplein' });
		expect(page.redirectTo).toBeNull();
		expect(page.action.status).toBe('inProgress');
		expect(page.action.updates.map((u) => u.title)).toEqual(['Nieuwste nieuws', 'Eerste tegels eruit']);
		expect(page.action.updates[1]?.bodyHtml).toContain('<strong>eerste</strong>');
		expect(page.action.updates[1]?.bodyHtml).not.toContain('<script');
		const vote = page.action.opportunities.find((o) => o.kind === 'vote');
		expect(vote?.open).toBe(false);
		// An action day has no registration yet (events): its window is open, but it is not shown as open.
		expect(page.action.opportunities.find((o) => o.kind === 'actionDay')).toMatchObject({
			open: false,
			offline: true
		});
		expect(page.following).toBe(false);
	});

	it('tells the route to redirect to the canonical slug when the slug differs', async () => {
		const id = await idOf('Ontharding van het Marktplein');
		const page = await getActionPage(buildCtx(db, geel), { id, slug: 'oude-titel' });
		expect(page.redirectTo).toBe(`/geel/acties/${id}-ontharding-van-het-marktplein`);
		expect(parseSluggedId(`${id}`)).toEqual({ id, slug: '' });
		expect(parseSluggedId('abc')).toBeNull();
		expect(parseSluggedId('99999999999-x')).toBeNull();
	});

	it('does not find another municipality’s action, a draft or an archived one', async () => {
		const molId = await idOf('Bomen planten in Mol', mol);
		const expectNotFound = async (id: number, tenant: Tenant) => {
			try {
				await getActionPage(buildCtx(db, tenant), { id, slug: '' });
				expect.unreachable();
			} catch (err) {
				expect(isAppError(err) && err.code).toBe('not_found');
			}
		};
		await expectNotFound(molId, geel);
		const draft = await insertAction(db, { municipalityId: geel.id, slug: 'ontwerp', title: 'Ontwerp' });
		await expectNotFound(draft.id, geel);
		const archived = await buildAction(geel, { title: 'Weg' });
		await archiveAction(db, { municipalityId: geel.id, id: archived.id });
		await expectNotFound(archived.id, geel);
		// Inserting into another municipality's action is refused by the queries too.
		expect(
			await insertOpportunity(db, {
				municipalityId: geel.id,
				actionId: molId,
				title: 'x',
				rung: 'inform',
				kind: 'readUpdates'
			})
		).toBeUndefined();
		expect(
			await insertUpdate(db, { municipalityId: geel.id, actionId: molId, title: 'x', authorName: 'x' })
		).toBeUndefined();
		expect(await setActionThemes(db, { municipalityId: geel.id, actionId: molId, themeIds: [] })).toEqual([]);
	});

	it('setActionThemes ignores themes of another municipality', async () => {
		const action = await buildAction(geel, { title: 'Themacheck' });
		const [molTheme] = await db
			.select({ id: themes.id })
			.from(themes)
			.where(eq(themes.municipalityId, mol.id));
		expect(
			await setActionThemes(db, { municipalityId: geel.id, actionId: action.id, themeIds: [molTheme!.id] })
		).toEqual([]);
	});
});

describe('following an action', () => {
	it('follows and unfollows idempotently, and needs a logged-in person', async () => {
		const user = await buildUser(db);
		const actor = await actorOf(db, user);
		const { items } = await listActions(buildCtx(db, geel), {
			filters: filters({ q: 'marktplein' }),
			participating: true
		});
		const id = items[0]!.id;
		const ctx = buildCtx(db, geel, { actor });
		await followAction(ctx, { id });
		await followAction(ctx, { id });
		const rows = await actionFollowsOf(user.id);
		expect(rows).toHaveLength(1);
		const page = await getActionPage(ctx, { id, slug: '' });
		expect(page.following).toBe(true);
		expect(page.followers).toBe(1);
		await unfollowAction(ctx, { id });
		await unfollowAction(ctx, { id });
		expect(await actionFollowsOf(user.id)).toHaveLength(0);
		await expect(followAction(buildCtx(db, geel), { id })).rejects.toMatchObject({ code: 'unauthenticated' });
	});

	it('shows each person whether they follow, fresh, while what everyone sees comes from the read cache', async () => {
		const [one, other] = [await buildUser(db), await buildUser(db)];
		const { items } = await listActions(buildCtx(db, geel), {
			filters: filters({ q: 'marktplein' }),
			participating: true
		});
		const id = items[0]!.id;
		const cache = createCache({ ttlMs: 60_000, maxEntries: 100 });
		const as = async (user: { id: string; displayName: string }) => ({
			...buildCtx(db, geel, { actor: await actorOf(db, user) }),
			cache
		});
		const before = await getActionPage(await as(one), { id, slug: '' });
		await followAction(await as(one), { id });
		// No request cleared the cache (the hooks do after a write): the shared count is still the kept one…
		const mine = await getActionPage(await as(one), { id, slug: '' });
		expect(mine.followers).toBe(before.followers);
		// …but the person's own follow is never taken from it, nor shown to another.
		expect(mine.following).toBe(true);
		expect((await getActionPage(await as(other), { id, slug: '' })).following).toBe(false);
		cache.clear();
		expect((await getActionPage(await as(other), { id, slug: '' })).followers).toBe(before.followers + 1);
		await unfollowAction(await as(one), { id });
	});

	it('keeps the wish to follow across a login, for the person who logged in only, and changes nothing on read', async () => {
		const settings = { idleMinutes: 60, maxDays: 30 };
		const { items } = await listActions(buildCtx(db, geel), {
			filters: filters({ q: 'marktplein' }),
			participating: true
		});
		const id = items[0]!.id;
		const path = items[0]!.path;
		const requestId = await keepFollowIntent(buildCtx(db, geel), { id, returnTo: path });
		const email = `volger.${Math.random().toString(36).slice(2, 8)}@example.be`;
		const outbox: MailMessage[] = [];
		await requestLoginLink(buildCtx(db, undefined, { outbox }), {
			email,
			ip: '10.88.0.1',
			origin: 'https://meedoen.test',
			returnTo: path,
			unverifiedRequestId: requestId,
			channel: { channel: null, referrer: null }
		});
		const token = outbox[0]!.text.match(/token=([\w-]+)/)![1]!;
		const outcome = await consumeLoginLink(buildCtx(db), {
			unverifiedToken: token,
			userAgent: null,
			settings
		});
		expect(outcome.returnTo).toBe(`${path}?concept=${requestId}`);
		const session = await resolveSession(db, { unverifiedToken: outcome.sessionToken, settings });
		const ctx = buildCtx(db, geel, { actor: session!.actor });

		const page = await getActionPage(ctx, { id, slug: '', unverifiedDraftId: requestId });
		expect(page.followIntent).toBe(true);
		// Reading the page follows nothing: the person confirms with a POST.
		expect(page.following).toBe(false);
		expect(await actionFollowsOf(session!.actor.userId)).toHaveLength(0);

		// Somebody else with the same link, a visitor, another action, a made-up id: no intent.
		const other = buildCtx(db, geel, { actor: await actorOf(db, await buildUser(db)) });
		expect((await getActionPage(other, { id, slug: '', unverifiedDraftId: requestId })).followIntent).toBe(
			false
		);
		expect(
			(await getActionPage(buildCtx(db, geel), { id, slug: '', unverifiedDraftId: requestId })).followIntent
		).toBe(false);
		const otherAction =
			items.find((i) => i.id !== id) ??
			(
				await listActions(buildCtx(db, geel), {
					filters: filters({}),
					participating: true
				})
			).items.find((i) => i.id !== id)!;
		expect(
			(await getActionPage(ctx, { id: otherAction.id, slug: '', unverifiedDraftId: requestId })).followIntent
		).toBe(false);
		expect((await getActionPage(ctx, { id, slug: '', unverifiedDraftId: 'x'.repeat(40) })).followIntent).toBe(
			false
		);

		// After the confirming POST the question is gone.
		await followAction(ctx, { id });
		const after = await getActionPage(ctx, { id, slug: '', unverifiedDraftId: requestId });
		expect(after).toMatchObject({ following: true, followIntent: false });
		await unfollowAction(ctx, { id });
	});

	it('cannot follow another municipality’s action through this one', async () => {
		const actor = await actorOf(db, await buildUser(db));
		const { items } = await listActions(buildCtx(db, mol), {
			filters: filters({ q: 'bomen' }),
			participating: true
		});
		await expect(followAction(buildCtx(db, geel, { actor }), { id: items[0]!.id })).rejects.toMatchObject({
			code: 'not_found'
		});
	});
});

describe('the API', () => {
	const origin = 'https://meedoen.test';
	const query = (q: Record<string, string>) => parseApiListQuery(new URLSearchParams(q));

	it('pages by cursor, stable and complete, also with equal publication times', async () => {
		const same = new Date('2024-03-01T10:00:00.123456Z');
		for (let i = 0; i < 7; i++)
			await buildAction(mol, { title: `Zelfde moment ${i}` }, { publishedAt: same });
		const seen: number[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const page: Awaited<ReturnType<typeof listActionsForApi>> = await listActionsForApi(buildCtx(db), {
				municipalitySlug: 'mol',
				query: query(cursor ? { limit: '4', cursor } : { limit: '4' }),
				origin
			});
			seen.push(...page.data.map((a) => a.id));
			cursor = page.nextCursor;
			pages++;
		} while (cursor && pages < 50);
		const all = await listActions(buildCtx(db, mol), { filters: filters(), participating: true });
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen).toHaveLength(all.total);
	});

	it('filters like the pages and presents absolute URLs', async () => {
		const page = await listActionsForApi(buildCtx(db), {
			municipalitySlug: 'geel',
			query: query({ theme: 'vergroening-en-ontharding', rung: '4', status: 'inProgress' }),
			origin
		});
		expect(page.data.map((a) => a.title)).toEqual(['Ontharding van het Marktplein']);
		expect(page.data[0]?.url).toMatch(/^https:\/\/meedoen\.test\/geel\/acties\/\d+-/);
		const detail = await getActionForApi(buildCtx(db), { id: page.data[0]!.id, origin });
		expect(detail.opportunities.map((o) => o.kind).sort()).toEqual(['actionDay', 'vote']);
		expect(detail).not.toHaveProperty('municipalityId');
	});

	it.each([
		[{ status: 'kapot' }, 'status'],
		[{ rung: '7' }, 'rung'],
		[{ theme: '../../etc' }, 'theme'],
		[{ limit: '1000' }, 'limit'],
		[{ limit: '0' }, 'limit'],
		[{ cursor: 'bm9wZQ' }, 'cursor'],
		[{ cursor: encodeCursor({ publishedMicros: '1', id: 1 }) + '!' }, 'cursor'],
		[{ q: 'x'.repeat(100_000) }, 'q']
	])('refuses a bad value with a 400 naming the field (%#)', (params, field) => {
		try {
			query(params as Record<string, string>);
			expect.unreachable();
		} catch (err) {
			expect(isAppError(err) && err.status).toBe(400);
			expect(isAppError(err) && Object.keys(err.options.fields ?? {})).toEqual([field]);
		}
	});

	it('round-trips a cursor and refuses forged ones', () => {
		const c = { publishedMicros: '1709287200123456', id: 42 };
		expect(decodeCursor(encodeCursor(c))).toEqual(c);
		expect(decodeCursor(Buffer.from('["1; drop",1]').toString('base64url'))).toBeNull();
		expect(decodeCursor(Buffer.from('["1",-1]').toString('base64url'))).toBeNull();
		expect(decodeCursor('%%%')).toBeNull();
	});

	it('does not give drafts, other tenants’ secrets or unknown municipalities', async () => {
		const draft = await insertAction(db, { municipalityId: geel.id, slug: 'x', title: 'Nog geheim' });
		await expect(getActionForApi(buildCtx(db), { id: draft.id, origin })).rejects.toMatchObject({
			code: 'not_found'
		});
		await expect(
			listActionsForApi(buildCtx(db), { municipalitySlug: 'bestaat-niet', query: query({}), origin })
		).rejects.toMatchObject({ code: 'not_found' });
		const olenList = await listActionsForApi(buildCtx(db), {
			municipalitySlug: 'olen',
			query: query({}),
			origin
		});
		expect(olenList.data).toEqual([]);
	});
});

describe('who may manage actions', () => {
	it('communication and moderators, admins and regional admins; not the alderman or a citizen', async () => {
		const target = { municipalityId: geel.id, regionId: 'r' };
		const as = (role: 'moderator' | 'communication' | 'alderman' | 'admin') => ({
			userId: 'u',
			displayName: 'x',
			memberships: [{ municipalityId: geel.id, role }],
			regionRoles: []
		});
		expect(canManageActions(as('communication'), target)).toBe(true);
		expect(canManageActions(as('moderator'), target)).toBe(true);
		expect(canManageActions(as('admin'), target)).toBe(true);
		expect(canManageActions(as('alderman'), target)).toBe(false);
		expect(canManageActions(null, target)).toBe(false);
		expect(canManageActions(as('admin'), { municipalityId: mol.id, regionId: 'r' })).toBe(false);
	});
});

describe('sharing', () => {
	it('serialises JSON-LD so that nothing in it can end the script element or the line', () => {
		const text = serializeJsonLd({ name: '</script><script>alert(1)</script> & \u2028 \u2029 <!--' });
		expect(text).not.toMatch(/<|>|&|\u2028|\u2029/);
		expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script> & \u2028 \u2029 <!--' });
	});

	it('describes the action page as a schema.org Project with its place and municipality', async () => {
		const { items } = await listActions(buildCtx(db, geel), {
			filters: filters({ q: 'marktplein' }),
			participating: true
		});
		const page = await getActionPage(buildCtx(db, geel), { id: items[0]!.id, slug: '' });
		const ld = actionJsonLd(page.action, 'https://meedoen.test');
		expect(ld).toMatchObject({
			'@type': 'Project',
			name: 'Ontharding van het Marktplein',
			url: `https://meedoen.test${page.action.path}`,
			areaServed: { name: 'Geel' }
		});
	});
});

// Widgets against the real database: each feature's widget shows only what everyone may see of its own
// municipality, links into the platform with the widget's utm tags, and the sites a municipality allows (checked
// against hostile input) decide who may fetch it; only staff with the right ability see the gallery or change the
// list, and one municipality's list is never another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	buildAction,
	buildEvent,
	buildOpportunity,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	getTenant
} from '$lib/server/testing/factories';
import { features } from '$lib/server/features';
import { checkFeatures } from '$lib/server/platform/feature';
import {
	normalizeOrigin,
	widgetFrameAncestors,
	widgetHeaders,
	widgetHref,
	WIDGET_CSP
} from '$lib/server/platform/widgets';
import { validateInput } from '$lib/server/platform/validation';
import { AppError } from '$lib/server/platform/errors';
import { originsSchema, parseWidgetQuery } from './widgets.schemas';
import {
	getOembed,
	getWidget,
	getWidgetGallery,
	saveWidgetOrigins,
	widgetOriginsOf
} from './widgets.service';
import { WIDGET_SCRIPT, WIDGET_SCRIPT_BYTES } from './widgets.script';
import { renderWidget } from '$lib/components/widgets/render';
import { SKETCH_OUTLINE_MAX_POINTS } from '$lib/server/platform/geo/sketch';
import { municipalities, suggestions } from '$lib/server/db/schema';
import { eq } from 'drizzle-orm';

const ORIGIN = 'https://meedoen.test';
const HOSTILE = ['<script>alert(1)</script>', 'a\u0000b', 'x'.repeat(100_000), "'; DROP TABLE x; --"];

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
let action: { id: number; slug: string };
let draft: { id: number; slug: string };
let molAction: { id: number; slug: string };
let map: { id: number; action: { id: number } };
let admin: Awaited<ReturnType<typeof buildStaff>>;
let communication: Awaited<ReturnType<typeof buildStaff>>;
let moderator: Awaited<ReturnType<typeof buildStaff>>;
let molAdmin: Awaited<ReturnType<typeof buildStaff>>;

const visitor = (tenant: Tenant) => buildCtx(database.db, tenant);
const show = (tenant: Tenant, kind: string, query = '', requestOrigin: string | null = null) =>
	getWidget(visitor(tenant), { kind, query: new URLSearchParams(query), origin: ORIGIN, requestOrigin });

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel', { primaryColor: '#1f5f3f' });
	mol = await buildParticipatingMunicipality(db, 'mol');
	olen = await getTenant(db, 'olen'); // does not take part
	action = await buildAction(db, geel, { title: 'Ontharding Markt', summary: 'Tegels eruit, groen erin.' });
	await buildOpportunity(db, geel, action.id, {
		title: 'Volg de werken',
		kind: 'readUpdates',
		rung: 'inform'
	});
	draft = await buildAction(db, geel, { title: 'Nog geheim', publish: false });
	await buildOpportunity(db, geel, draft.id, { title: 'Geheime kans', kind: 'readUpdates', rung: 'inform' });
	molAction = await buildAction(db, mol, { title: 'Mol plant bomen' });
	await buildOpportunity(db, mol, molAction.id, {
		title: 'Bomen in Mol',
		kind: 'readUpdates',
		rung: 'inform'
	});
	map = await buildSuggestionOpportunity(db, geel, { title: 'Plekken voor groen' });
	await buildSuggestion(db, geel, map.id, { title: 'Pleintje aan de kerk' });
	await buildEvent(db, geel, { title: 'Plantdag in de Nieuwstraat' });
	await buildEvent(db, mol, { title: 'Werkgroep in Mol' });
	await buildEvent(db, geel, { title: 'Nog een ontwerp', status: 'draft' });
	admin = await buildStaff(db, geel, 'admin');
	communication = await buildStaff(db, geel, 'communication');
	moderator = await buildStaff(db, geel, 'moderator');
	molAdmin = await buildStaff(db, mol, 'admin');
});

afterAll(async () => {
	await database?.close();
});

describe('the manifests', () => {
	it('bring five widgets, each kind once', () => {
		const kinds = features.flatMap((f) => (f.widgets ?? []).map((w) => w.kind));
		expect(kinds.sort()).toEqual(['actie', 'activiteiten', 'impact', 'kaart', 'meedoen']);
		expect(() => checkFeatures(features)).not.toThrow();
		const twice = [...features, { name: 'copy', widgets: features.find((f) => f.widgets)!.widgets }];
		expect(() => checkFeatures(twice)).toThrow(/declared twice/);
	});
});

describe('a widget as another site shows it', () => {
	it('lists the open ways to take part, linking into the platform with utm_source=widget and the host', async () => {
		const { view } = await show(geel, 'meedoen', 'site=www.geel.be');
		const titles = view.items.map((i) => i.title);
		expect(titles).toContain('Volg de werken');
		expect(titles).not.toContain('Geheime kans');
		expect(titles).not.toContain('Bomen in Mol');
		const link = new URL(view.items.find((i) => i.title === 'Volg de werken')!.cta!.href);
		expect(link.origin).toBe(ORIGIN);
		expect(link.searchParams.get('utm_source')).toBe('widget');
		expect(link.searchParams.get('utm_medium')).toBe('iframe');
		expect(link.searchParams.get('utm_campaign')).toBe('www.geel.be');
		expect(view.look.primary).toBe('#1f5f3f');
		expect(view.look.primaryText).toBe('#ffffff');
	});

	it('filters the ways by rung and by theme', async () => {
		const inform = await show(geel, 'meedoen', 'trede=1');
		expect(inform.view.items.map((i) => i.title)).toEqual(['Volg de werken']);
		const consult = await show(geel, 'meedoen', 'trede=2');
		expect(consult.view.items.map((i) => i.title)).not.toContain('Volg de werken');
		const unknownTheme = await show(geel, 'meedoen', 'thema=bestaat-niet');
		expect(unknownTheme.view.items).toEqual([]);
	});

	it('shows one published action with its call to action; a draft or another municipality’s is not found', async () => {
		const { view } = await show(geel, 'actie', `actie=${action.id}`);
		expect(view.title).toBe('Ontharding Markt');
		expect(view.intro).toBe('Tegels eruit, groen erin.');
		expect(view.items[0]?.cta?.label).toBe('Volg deze actie');
		expect(view.more?.href).toContain(`/geel/acties/${action.id}-`);
		await refusal(show(geel, 'actie', `actie=${draft.id}`), 'not_found');
		await refusal(show(geel, 'actie', `actie=${molAction.id}`), 'not_found');
		await refusal(show(geel, 'actie', ''), 'not_found');
	});

	it('lists a map’s suggestions under the map drawn on the server, and links to the map', async () => {
		const { view } = await show(geel, 'kaart', `kans=${map.id}`);
		expect(view.items.map((i) => i.title)).toEqual(['Pleintje aan de kerk']);
		expect(view.more?.href).toContain(`/geel/kansen/${map.id}?utm_source=widget`);
		await refusal(show(mol, 'kaart', `kans=${map.id}`), 'not_found');
	});

	describe('the map in the map widget', () => {
		// The points' links in the SVG, in document order: [number, href].
		const pointsOf = (raw: string) => {
			const html = raw.replace(/<!--[\s\S]*?-->/g, '');
			const svg = /<svg class="mw-map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
			return [...svg.matchAll(/<a class="mw-point" href="([^"]+)"[^>]*aria-label="(\d+)\. ([^"]*?) \(/g)].map(
				(m) => ({ href: m[1]!.replace(/&amp;/g, '&'), number: Number(m[2]), title: m[3] })
			);
		};
		const listOf = (raw: string) =>
			[
				...raw
					.replace(/<!--[\s\S]*?-->/g, '')
					.matchAll(
						/<li><a class="mw-title" href="([^"]+)"[^>]*><span class="mw-number" aria-hidden="true">(\d+)<\/span>([^<]*)</g
					)
			].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), number: Number(m[2]), title: m[3]!.trim() }));

		it('draws one numbered link per listed suggestion, in the list’s order, and nothing unpublished', async () => {
			const db = database.db;
			const many = await buildSuggestionOpportunity(db, geel, { title: 'Plekken voor bomen' });
			for (let i = 0; i < 7; i++) {
				const row = await buildSuggestion(db, geel, many.id, {
					title: `Boom ${i}`,
					lat: 51.15 + i * 0.004,
					lng: 4.96 + i * 0.006
				});
				// Most supported first: Boom 0 heads the list.
				await db
					.update(suggestions)
					.set({ voteCount: 10 - i })
					.where(eq(suggestions.id, row.id));
			}
			await buildSuggestion(db, geel, many.id, { title: 'Wacht op moderatie', moderation: 'pending' });
			await buildSuggestion(db, geel, many.id, { title: 'Afgewezen', moderation: 'rejected' });
			const { view, embedding } = await show(geel, 'kaart', `kans=${many.id}&aantal=5`);
			expect(view.map?.points.map((p) => p.item)).toEqual([0, 1, 2, 3, 4]);
			for (const p of view.map!.points) {
				expect(p.x).toBeGreaterThanOrEqual(0);
				expect(p.x).toBeLessThanOrEqual(view.map!.width);
				expect(p.y).toBeGreaterThanOrEqual(0);
				expect(p.y).toBeLessThanOrEqual(view.map!.height);
			}
			// Further east is further right, further north is higher up.
			expect(view.map!.points[1]!.x).toBeGreaterThan(view.map!.points[0]!.x);
			expect(view.map!.points[1]!.y).toBeLessThan(view.map!.points[0]!.y);
			expect(view.map?.note).toBe(
				'2 suggesties staan niet op deze kaart: ze staan verder in de lijst op het platform of hebben geen plek.'
			);
			for (const kind of ['iframe', 'script'] as const) {
				const html = renderWidget(view, kind);
				expect(html).toContain('<svg class="mw-map" role="group"');
				expect(html).not.toMatch(/<(img|image|link|use)\b|url\(|xlink:href|https?:\/\/(?!meedoen\.test)/);
				const points = pointsOf(html);
				const list = listOf(html);
				expect(list.map((i) => i.title)).toEqual(['Boom 0', 'Boom 1', 'Boom 2', 'Boom 3', 'Boom 4']);
				expect(points).toEqual(list);
				expect(points.every((p) => p.href.includes('utm_source=widget'))).toBe(true);
				expect(html).not.toContain('Wacht op moderatie');
				expect(html).not.toContain('Afgewezen');
			}
			expect(embedding).toBe('iframe');
		});

		it('draws the municipality’s uploaded outline, simplified to a few hundred points', async () => {
			const db = database.db;
			// A ring of 5,000 points around Geel.
			const ring = Array.from({ length: 5000 }, (_, i) => {
				const a = (i / 5000) * 2 * Math.PI;
				return [4.99 + 0.08 * Math.cos(a), 51.16 + 0.05 * Math.sin(a)];
			});
			ring.push(ring[0]!);
			await db
				.update(municipalities)
				.set({ boundary: { type: 'Polygon', coordinates: [ring] } })
				.where(eq(municipalities.id, geel.id));
			const fresh = await buildSuggestionOpportunity(db, geel, { title: 'Plekken in de rand' });
			await buildSuggestion(db, geel, fresh.id, { title: 'Aan de rand', lat: 51.16, lng: 5.06 });
			const { view } = await show(geel, 'kaart', `kans=${fresh.id}`);
			const outline = view.map?.outline ?? '';
			const vertices = outline.split(/[ML]/).filter(Boolean).length;
			expect(vertices).toBeGreaterThan(20);
			expect(vertices).toBeLessThanOrEqual(SKETCH_OUTLINE_MAX_POINTS);
			expect(renderWidget(view, 'script').length).toBeLessThan(20_000);
			expect(view.map?.note).toBeNull();
			await db.update(municipalities).set({ boundary: null }).where(eq(municipalities.id, geel.id));
		});

		it('says so when a map has no suggestions yet', async () => {
			const empty = await buildSuggestionOpportunity(database.db, geel, { title: 'Nog leeg' });
			const { view } = await show(geel, 'kaart', `kans=${empty.id}`);
			expect(view.items).toEqual([]);
			expect(view.map?.points).toEqual([]);
			const html = renderWidget(view, 'iframe');
			expect(html).toContain('<svg class="mw-map"');
			expect(html).toContain('Er staan nog geen suggesties op de kaart.');
			expect(pointsOf(html)).toEqual([]);
		});
	});

	it('lists upcoming published events of the municipality only', async () => {
		const { view } = await show(geel, 'activiteiten');
		const titles = view.items.map((i) => i.title);
		expect(titles).toContain('Plantdag in de Nieuwstraat');
		expect(titles).not.toContain('Werkgroep in Mol');
		expect(titles).not.toContain('Nog een ontwerp');
		expect(view.items[0]?.cta?.label).toBe('Schrijf je in');
	});

	it('is not found for an unknown kind or a municipality that does not take part', async () => {
		await refusal(show(geel, 'bestaat-niet'), 'not_found');
		await refusal(show(olen, 'meedoen'), 'not_found');
	});

	it('ignores hostile options instead of failing', async () => {
		for (const value of HOSTILE) {
			const query = new URLSearchParams({
				thema: value,
				trede: value,
				aantal: value,
				kleur: value,
				site: value
			});
			const parsed = parseWidgetQuery(query);
			expect(parsed.options.theme).toBeUndefined();
			expect(parsed.options.rung).toBeUndefined();
			expect(parsed.options.limit).toBe(5);
			expect(parsed.colors.primary).toBeNull();
			expect(parsed.host).toBeNull();
			const { view } = await show(geel, 'meedoen', query.toString());
			expect(view.look.primary).toBe('#1f5f3f');
		}
		await refusal(show(geel, 'actie', `actie=${encodeURIComponent(HOSTILE[0]!)}`), 'not_found');
	});

	it('takes a snippet’s colour only when text on it stays readable', () => {
		expect(parseWidgetQuery(new URLSearchParams('kleur=%23004488')).colors.primary).toBe('#004488');
		// Mid grey carries neither black nor white text at 4.5:1.
		expect(parseWidgetQuery(new URLSearchParams('kleur=%23777777')).colors.primary).toBeNull();
		expect(parseWidgetQuery(new URLSearchParams('kleur=red')).colors.primary).toBeNull();
	});

	it('keeps the limit between 1 and 10', async () => {
		expect(parseWidgetQuery(new URLSearchParams('aantal=0')).options.limit).toBe(5);
		expect(parseWidgetQuery(new URLSearchParams('aantal=11')).options.limit).toBe(5);
		expect(parseWidgetQuery(new URLSearchParams('aantal=2')).options.limit).toBe(2);
	});
});

/** The messages beside the sites' field for this text; none when it is accepted. */
function originErrors(origins: string): string[] {
	try {
		validateInput(originsSchema, { origins });
		return [];
	} catch (err) {
		if (!(err instanceof AppError)) throw err;
		return err.options.fields?.origins ?? [];
	}
}

describe('the sites allowed to embed a municipality', () => {
	const save = (ctx: Parameters<typeof saveWidgetOrigins>[0], origins: string) =>
		saveWidgetOrigins(ctx, { origins });

	it('accepts https origins and localhost for tests, in their normal form, once each', () => {
		expect(normalizeOrigin('https://www.Geel.be')).toBe('https://www.geel.be');
		expect(normalizeOrigin('https://www.geel.be/')).toBe('https://www.geel.be');
		expect(normalizeOrigin('https://www.geel.be:8443')).toBe('https://www.geel.be:8443');
		expect(normalizeOrigin('http://127.0.0.1:5174')).toBe('http://127.0.0.1:5174');
		expect(normalizeOrigin('http://localhost:3000')).toBe('http://localhost:3000');
		const { origins } = validateInput(originsSchema, {
			origins: 'https://www.geel.be\r\nhttps://WWW.GEEL.BE, https://cms.geel.be  '
		});
		expect(origins).toEqual(['https://cms.geel.be', 'https://www.geel.be']);
	});

	it('refuses anything that is not an origin, hostile input included', () => {
		const bad = [
			'http://www.geel.be',
			'https://www.geel.be/pad',
			'https://www.geel.be?x=1',
			'https://www.geel.be#x',
			'https://user:pw@www.geel.be',
			'https://*.geel.be',
			'*',
			"'self'",
			"https://www.geel.be;script-src'unsafe-inline'",
			'javascript:alert(1)',
			'data:text/html,x',
			'https://geel',
			'ftp://www.geel.be',
			'https://www.ge\u0000el.be',
			'https://<script>.be',
			`https://${'a'.repeat(300)}.be`
		];
		for (const value of bad) {
			expect(normalizeOrigin(value), value).toBeNull();
			expect(originErrors(value), value).toEqual(['widgets.origins.invalid']);
		}
		expect(originErrors('x'.repeat(100_000))).toEqual(['widgets.origins.tooLong']);
		const many = Array.from({ length: 21 }, (_, i) => `https://site${i}.geel.be`).join('\n');
		expect(originErrors(many)).toEqual(['widgets.origins.tooMany']);
	});

	it('is changed by whoever manages the settings, with an audit entry, in its own municipality only', async () => {
		const db = database.db;
		await save(buildCtx(db, geel, { actor: admin.actor }), 'https://www.geel.be\nhttp://127.0.0.1:5174');
		expect(await widgetOriginsOf(visitor(geel))).toEqual(['http://127.0.0.1:5174', 'https://www.geel.be']);
		expect(await widgetOriginsOf(visitor(mol))).toEqual([]);
		const audit = (await auditOf(db, geel.id)).filter((a) => a.action === 'widgets.origins_updated');
		expect(audit.at(-1)?.details).toEqual({
			added: ['http://127.0.0.1:5174', 'https://www.geel.be'],
			removed: []
		});
		await refusal(
			save(buildCtx(db, geel, { actor: communication.actor }), 'https://evil.example'),
			'forbidden'
		);
		await refusal(save(buildCtx(db, geel, { actor: molAdmin.actor }), 'https://evil.example'), 'forbidden');
		await refusal(save(buildCtx(db, geel), 'https://evil.example'), 'unauthenticated');
		await save(buildCtx(db, mol, { actor: molAdmin.actor }), 'https://www.mol.be');
		expect(await widgetOriginsOf(visitor(geel))).toEqual(['http://127.0.0.1:5174', 'https://www.geel.be']);
		expect(await widgetOriginsOf(visitor(mol))).toEqual(['https://www.mol.be']);
	});

	it('gives each municipality its own frame-ancestors and CORS', async () => {
		const geelShown = await show(geel, 'meedoen');
		const molShown = await show(mol, 'meedoen');
		expect(widgetFrameAncestors(geelShown.allowed)).toBe("'self' http://127.0.0.1:5174 https://www.geel.be");
		expect(widgetFrameAncestors(molShown.allowed)).toBe("'self' https://www.mol.be");
		// A script's fetch: only from an allowed site, which gets its own origin back.
		const fetched = await show(geel, 'meedoen', 'inbedding=script', 'https://www.geel.be');
		expect(fetched.embedding).toBe('script');
		const headers = widgetHeaders({
			embedding: 'script',
			requestOrigin: 'https://www.geel.be',
			allowed: fetched.allowed
		});
		expect(headers['access-control-allow-origin']).toBe('https://www.geel.be');
		expect(headers['content-security-policy']).toBeUndefined();
		await refusal(show(geel, 'meedoen', 'inbedding=script', 'https://www.mol.be'), 'forbidden');
		await refusal(show(geel, 'meedoen', 'inbedding=script', 'https://evil.example'), 'forbidden');
		const refusedHeaders = widgetHeaders({
			embedding: 'script',
			requestOrigin: 'https://evil.example',
			allowed: fetched.allowed
		});
		expect(refusedHeaders['access-control-allow-origin']).toBeUndefined();
		const frame = widgetHeaders({ embedding: 'iframe', requestOrigin: null, allowed: fetched.allowed });
		expect(frame['content-security-policy']).toBe(WIDGET_CSP);
		expect(frame['set-cookie']).toBeUndefined();
	});
});

describe('the gallery', () => {
	const gallery = (actor: typeof admin.actor | undefined, query: string, tenant = geel) =>
		getWidgetGallery(buildCtx(database.db, tenant, { actor }), {
			query: new URLSearchParams(query),
			origin: ORIGIN
		});

	it('offers every widget and makes the snippets of a complete choice', async () => {
		const g = await gallery(
			communication.actor,
			`soort=actie&actie=${action.id}&grootte=klein&site=www.geel.be`
		);
		expect(g.widgets.map((w) => w.kind).sort()).toEqual([
			'actie',
			'activiteiten',
			'impact',
			'kaart',
			'meedoen'
		]);
		expect(g.choices.action?.map((c) => c.label)).toContain('Ontharding Markt');
		expect(g.choices.action?.map((c) => c.label)).not.toContain('Nog geheim');
		expect(g.fields).toEqual({});
		expect(g.preview?.src).toBe(`${ORIGIN}/geel/widget/actie?actie=${action.id}&site=www.geel.be`);
		expect(g.snippets?.iframe).toContain(
			`src="${ORIGIN}/geel/widget/actie?actie=${action.id}&amp;site=www.geel.be"`
		);
		expect(g.snippets?.iframe).toContain('height:360px');
		expect(g.snippets?.script).toContain(`<script src="${ORIGIN}/widget.js" async></script>`);
		expect(g.canManageOrigins).toBe(false);
		expect(g.scriptBytes).toBe(WIDGET_SCRIPT_BYTES);
		expect((await gallery(admin.actor, '')).canManageOrigins).toBe(true);
	});

	it('says beside the field what is missing or unknown, and keeps what was typed', async () => {
		const missing = await gallery(communication.actor, 'soort=actie');
		expect(missing.fields.actie).toEqual(['widgets.gallery.actionRequired']);
		expect(missing.snippets).toBeNull();
		const other = await gallery(communication.actor, `soort=actie&actie=${molAction.id}`);
		expect(other.fields.actie).toEqual(['widgets.gallery.actionUnknown']);
		const hostile = await gallery(
			communication.actor,
			`soort=${encodeURIComponent(HOSTILE[0]!)}&kleur=%23777777&aantal=99`
		);
		expect(hostile.fields.soort).toEqual(['widgets.gallery.kindUnknown']);
		expect(hostile.fields.kleur).toEqual(['widgets.gallery.colorContrast']);
		expect(hostile.fields.aantal).toEqual(['widgets.gallery.limitRange']);
		expect(hostile.values.kleur).toBe('#777777');
		const site = await gallery(communication.actor, 'soort=meedoen&site=evil.example');
		expect(site.fields.site).toEqual(['widgets.gallery.siteUnknown']);
		for (const value of HOSTILE) {
			const g = await gallery(
				communication.actor,
				new URLSearchParams({ soort: 'meedoen', thema: value, site: value }).toString()
			);
			expect(g.snippets).toBeNull();
		}
	});

	it('is only for staff who communicate for this municipality', async () => {
		await refusal(gallery(undefined, ''), 'unauthenticated');
		await refusal(gallery(moderator.actor, ''), 'forbidden');
		await refusal(gallery(molAdmin.actor, ''), 'forbidden');
	});
});

describe('oEmbed', () => {
	it('answers for an action’s page and a map, with the iframe snippet', async () => {
		const ctx = buildCtx(database.db);
		const answer = await getOembed(ctx, {
			url: `${ORIGIN}/geel/acties/${action.id}-${action.slug}`,
			origin: ORIGIN
		});
		expect(answer).toMatchObject({ version: '1.0', type: 'rich', title: 'Ontharding Markt', height: 520 });
		expect(answer.html).toContain(`${ORIGIN}/geel/widget/actie?actie=${action.id}`);
		const mapAnswer = await getOembed(ctx, {
			url: `${ORIGIN}/geel/kansen/${map.id}`,
			origin: ORIGIN,
			maxheight: 300
		});
		expect(mapAnswer.height).toBe(300);
		expect(mapAnswer.html).toContain(`/geel/widget/kaart?kans=${map.id}`);
	});

	it('knows nothing of other sites, other pages, drafts or hostile addresses', async () => {
		const ctx = buildCtx(database.db);
		const urls = [
			`https://elders.example/geel/acties/${action.id}`,
			`${ORIGIN}/geel/activiteiten`,
			`${ORIGIN}/geel/acties/${draft.id}`,
			`${ORIGIN}/mol/acties/${action.id}`,
			`${ORIGIN}/olen/acties/${action.id}`,
			...HOSTILE
		];
		for (const url of urls) await refusal(getOembed(ctx, { url, origin: ORIGIN }), 'not_found');
	});
});

describe('the script', () => {
	it('is small plain JavaScript that renders into a shadow root and sends no cookies', () => {
		expect(WIDGET_SCRIPT_BYTES).toBeLessThan(2_048);
		expect(WIDGET_SCRIPT).toContain('attachShadow');
		expect(WIDGET_SCRIPT).toContain("credentials: 'omit'");
		expect(WIDGET_SCRIPT).not.toMatch(/\bimport\b|\brequire\(/);
	});

	it('links carry the embedding and the host', () => {
		const href = widgetHref(ORIGIN, '/geel?x=1', { embedding: 'script', host: 'www.geel.be' });
		expect(new URL(href).search).toBe('?x=1&utm_source=widget&utm_medium=script&utm_campaign=www.geel.be');
	});
});

// The poster endpoint as SvelteKit calls it: a real database, the PDF read back, the QR code decoded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { actionThemes, actions, opportunities, themes } from '$lib/server/db/schema';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildParticipatingMunicipality } from '$lib/server/testing/factories';
import { findAllStruct, findStruct, readPdf } from '$lib/server/testing/pdf-inspect';
import type { Tenant } from '$lib/server/platform/context';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { GET } from '../../../../routes/[municipality=slug]/acties/[action=slugged]/poster.pdf/+server';
import { layoutPoster } from './actions.poster';

const ORIGIN = 'https://meedoen.geel.be';
const DAY = 86_400_000;

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel', { primaryColor: '#8a1538' });
	mol = await buildParticipatingMunicipality(database.db, 'mol');
});
afterAll(async () => {
	await database?.destroy();
});

async function buildAction(
	tenant: Tenant,
	values: Partial<typeof actions.$inferInsert> = {},
	options: { opportunities?: Partial<typeof opportunities.$inferInsert>[] } = {}
) {
	const [row] = await database.db
		.insert(actions)
		.values({
			municipalityId: tenant.id,
			slug: 'ontharden-pleintje',
			title: 'Ontharden van het pleintje',
			summary: 'Samen halen we de tegels weg.',
			status: 'inProgress',
			ownerKind: 'citizenGroup',
			ownerName: 'Klimaatmakers',
			startsOn: '2025-03-01',
			endsOn: '2025-11-30',
			placeName: 'Markt',
			publishedAt: new Date(Date.now() - DAY),
			...values
		})
		.returning({ id: actions.id, slug: actions.slug });
	const [theme] = await database.db
		.select({ id: themes.id })
		.from(themes)
		.where(and(eq(themes.municipalityId, tenant.id), eq(themes.slug, 'vergroening-en-ontharding')));
	await database.db
		.insert(actionThemes)
		.values({ municipalityId: tenant.id, actionId: row!.id, themeId: theme!.id });
	const opportunityIds: number[] = [];
	for (const [position, o] of (options.opportunities ?? []).entries()) {
		const [inserted] = await database.db
			.insert(opportunities)
			.values({
				municipalityId: tenant.id,
				actionId: row!.id,
				title: `Kans ${position + 1}`,
				rung: 'consult',
				kind: 'mapSuggestions',
				position,
				...o
			})
			.returning({ id: opportunities.id });
		opportunityIds.push(inserted!.id);
	}
	return { id: row!.id, slug: row!.slug, opportunityIds };
}

async function request(slug: string, actionParam: string, query = '') {
	const ctx = buildCtx(database.db);
	const municipality = await resolveMunicipality(ctx, { unverifiedSlug: slug });
	const url = new URL(`/${slug}/acties/${actionParam}/poster.pdf${query}`, ORIGIN);
	const event = {
		url,
		request: new Request(url),
		params: { municipality: slug, action: actionParam },
		locals: {
			requestId: 'test',
			locale: 'nl',
			ctx: { ...ctx, tenant: municipality?.tenant },
			municipality,
			session: null
		}
	} as unknown as RequestEvent<
		{ municipality: string; action: string },
		'/[municipality=slug]/acties/[action=slugged]/poster.pdf'
	>;
	return GET(event);
}

async function statusOf(work: Promise<unknown>): Promise<number> {
	try {
		const response = await work;
		return (response as Response).status;
	} catch (err) {
		if (isHttpError(err)) return err.status;
		throw err;
	}
}

describe('GET /{municipality}/acties/{id}-{slug}/poster.pdf', () => {
	it('answers one A4 page as an inline PDF with the title, the municipality and the open ways to take part', async () => {
		const action = await buildAction(
			geel,
			{ title: 'Geëngageerd ontharden: ’t pleintje aan Café Zoë' },
			{
				opportunities: [
					{ title: 'Plekken om te ontharden en te vergroenen', closesAt: new Date(Date.now() + 10 * DAY) },
					{
						title: 'Een bevraging die al voorbij is',
						kind: 'survey',
						opensAt: new Date(Date.now() - 20 * DAY),
						closesAt: new Date(Date.now() - 10 * DAY)
					},
					{ title: 'Plantdag op het pleintje', kind: 'actionDay', rung: 'coproduce' }
				]
			}
		);
		const response = await request('geel', `${action.id}-${action.slug}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/pdf');
		expect(response.headers.get('content-disposition')).toBe(
			`inline; filename="affiche-geel-${action.id}-ontharden-pleintje.pdf"`
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const pdf = await readPdf(bytes);
		expect(pdf.pageCount).toBe(1);
		expect(pdf.pages[0]!.view).toEqual([0, 0, 595, 842]);
		const text = pdf.pages[0]!.text;
		expect(text).toContain('Geëngageerd ontharden: ’t pleintje aan Café Zoë');
		expect(text).toContain('Meedoen in Geel');
		expect(text).toContain('Klimaatactie · In uitvoering');
		expect(text).toContain('Van 1 maart 2025 tot 30 november 2025');
		expect(text).toContain('Vergroening en ontharding');
		expect(text).toContain('Je mening geven');
		expect(text).toContain('Plekken om te ontharden en te vergroenen');
		expect(text).toContain('Mee aan de slag');
		expect(text).not.toContain('Trede');
		expect(text).not.toContain('Een bevraging die al voorbij is');
		// The municipality's primary colour fills the band at the top.
		const page = await pdf.render(1, 1);
		for (const [x, y] of [
			[0, 0],
			[594, 103]
		] as const)
			expect([...page.data.subarray((y * page.width + x) * 4, (y * page.width + x) * 4 + 3)]).toEqual([
				0x8a, 0x15, 0x38
			]);
	});

	it('carries a QR code that a phone reads as the action page with utm_source=poster, and prints that URL', async () => {
		const action = await buildAction(geel, { slug: 'zonnedaken' });
		const response = await request('geel', `${action.id}-oude-slug`);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		const expected = `${ORIGIN}/geel/acties/${action.id}-zonnedaken?utm_source=poster`;
		expect(await pdf.readQrCode(1)).toBe(expected);
		expect(pdf.pages[0]!.lines.join('')).toContain(expected);
		expect(pdf.pages[0]!.links.map((link) => link.url)).toContain(expected);
	});

	it('is a tagged PDF in Dutch that a screen reader reads in order, the QR code described', async () => {
		const action = await buildAction(
			geel,
			{ slug: 'plantdag', title: 'Plantdag op ’t pleintje & de Markt' },
			{ opportunities: [{ title: 'Plantdag op het pleintje', kind: 'actionDay', rung: 'coproduce' }] }
		);
		const response = await request('geel', `${action.id}-plantdag`);
		const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
		const url = `${ORIGIN}/geel/acties/${action.id}-plantdag?utm_source=poster`;
		expect(pdf.tagged).toBe(true);
		expect(pdf.displayTitle).toBe(true);
		expect(pdf.info).toMatchObject({
			title: 'Affiche: Plantdag op ’t pleintje & de Markt',
			lang: 'nl-BE',
			author: 'Geel'
		});
		expect(pdf.xmpTitle).toBe('Affiche: Plantdag op ’t pleintje & de Markt');
		const [page] = pdf.pages;
		expect(page!.untaggedText).toEqual([]);

		const document = findStruct(page!.structure, 'Document')!;
		expect(document.children.map((c) => c.role)).toEqual([
			'P',
			'P',
			'H1',
			'P',
			'L',
			'H2',
			'L',
			'H2',
			'P',
			'Link',
			'P',
			'P',
			'P'
		]);
		expect(findStruct(document, 'H1')!.text).toBe('Plantdag op ’t pleintje & de Markt');
		expect(findAllStruct(document, 'H2').map((h) => h.text)).toEqual([
			'Zo kan je meedoen',
			'Scan de code en doe mee'
		]);
		const [facts, ways] = findAllStruct(document, 'L');
		expect(findAllStruct(facts!, 'Lbl').map((l) => l.text)).toEqual([
			'Wanneer?',
			'Waar?',
			'Wie trekt de actie?',
			'Thema’s'
		]);
		expect(findAllStruct(facts!, 'LBody')[1]!.text).toBe('Markt');
		expect(findAllStruct(ways!, 'LI').map((li) => li.text)).toEqual([
			expect.stringMatching(/^Mee aan de slag · .* Plantdag op het pleintje$/)
		]);
		const links = findAllStruct(document, 'Link');
		expect(links).toHaveLength(2);
		const figure = findStruct(links[0]!, 'Figure')!;
		expect(figure.alt).toBe(`QR-code die naar de pagina van de actie leidt: ${url}`);
		expect(links[1]!.text.replace(/ /g, '')).toBe(url);
		for (const link of links) expect(link.objects).toBeGreaterThan(0);
		expect(new Set(page!.links.map((l) => `${l.url} ${l.label}`))).toEqual(
			new Set([`${url} De pagina van de actie op Meedoen: ${url}`])
		);
	});

	it('prints one way to take part with its how-to for ?kans=', async () => {
		const action = await buildAction(
			geel,
			{},
			{
				opportunities: [
					{ title: 'Suggesties op de kaart' },
					{
						title: 'Werkgroep van de Klimaatmakers',
						kind: 'workingGroup',
						rung: 'advise',
						howTo: 'Op **10 september** om 19.30 uur in het [gemeenschapscentrum](https://example.be).'
					}
				]
			}
		);
		const response = await request('geel', String(action.id), `?kans=${action.opportunityIds[1]}`);
		expect(response.headers.get('content-disposition')).toContain(`-kans-${action.opportunityIds[1]}.pdf`);
		const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages[0]!.text;
		expect(text).toContain('Werkgroep van de Klimaatmakers');
		expect(text).toContain('Op 10 september om 19.30 uur in het gemeenschapscentrum.');
		expect(text).not.toContain('Suggesties op de kaart');
	});

	it('is not found for an opportunity of another action, or a kans that is not an id', async () => {
		const first = await buildAction(geel, {}, { opportunities: [{}] });
		const second = await buildAction(geel, {}, { opportunities: [{}] });
		expect(await statusOf(request('geel', String(first.id), `?kans=${second.opportunityIds[0]}`))).toBe(404);
		expect(await statusOf(request('geel', String(first.id), '?kans=abc'))).toBe(404);
	});

	it('says a way to take part is closed rather than printing a date that has passed', async () => {
		const action = await buildAction(
			geel,
			{},
			{
				opportunities: [
					{
						title: 'Bevraging die voorbij is',
						kind: 'survey',
						opensAt: new Date(Date.now() - 20 * DAY),
						closesAt: new Date(Date.now() - 10 * DAY)
					}
				]
			}
		);
		const response = await request('geel', String(action.id), `?kans=${action.opportunityIds[0]}`);
		const text = (await readPdf(new Uint8Array(await response.arrayBuffer()))).pages[0]!.text;
		expect(text).toContain('Bevraging die voorbij is');
		expect(text).toContain('Afgesloten');
		expect(text).not.toContain('Open tot');
	});

	it('is not found for another municipality’s action, whatever its state', async () => {
		const molAction = await buildAction(mol);
		expect(await statusOf(request('mol', `${molAction.id}-${molAction.slug}`))).toBe(200);
		expect(await statusOf(request('geel', `${molAction.id}-${molAction.slug}`))).toBe(404);
	});

	it('is not found for a draft, a scheduled or an archived action, or an id that is not one', async () => {
		const draft = await buildAction(geel, { publishedAt: null });
		const scheduled = await buildAction(geel, { publishedAt: new Date(Date.now() + DAY) });
		const archived = await buildAction(geel, { archivedAt: new Date() });
		for (const action of [draft, scheduled, archived])
			expect(await statusOf(request('geel', `${action.id}-${action.slug}`))).toBe(404);
		expect(await statusOf(request('geel', 'pleintje'))).toBe(404);
		expect(await statusOf(request('geel', '999999'))).toBe(404);
	});
});

describe('layoutPoster', () => {
	it('keeps a long title, summary and many opportunities on one page', async () => {
		const bytes = await layoutPoster({
			municipality: { name: 'Heist-op-den-Berg', primaryColor: '#f2c94c', accentColor: '#1f5f3f' },
			title: 'Een heel lange titel '.repeat(12),
			summary: 'Een lange samenvatting met veel woorden. '.repeat(30),
			status: 'planned',
			when: 'Vanaf 1 maart 2026',
			where: 'Overal',
			owner: 'Groendienst',
			themes: ['Vergroening en ontharding', 'Water en klimaatadaptatie'],
			opportunities: Array.from({ length: 12 }, (_, i) => ({
				rung: 'consult' as const,
				title: `Manier ${i + 1} om mee te doen`,
				window: 'Altijd open',
				howTo: null
			})),
			url: 'https://meedoen.example.be/heist-op-den-berg/acties/12345-een-heel-lange-titel?utm_source=poster'
		});
		const pdf = await readPdf(bytes);
		expect(pdf.pageCount).toBe(1);
		const text = pdf.pages[0]!.text;
		expect(text).toMatch(/En nog \d+ manieren om mee te doen/);
		expect(text).toContain('Manier 1 om mee te doen');
		expect(text).not.toContain('Manier 12 om mee te doen');
	});
});

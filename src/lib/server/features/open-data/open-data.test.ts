// Open data against the real database: the page of a municipality and of the region lists every dataset with its
// licence, formats and last change; the files parse as RFC 4180 CSV (csv-parse), JSON and GeoJSON; the DCAT-AP
// catalogue is read back by an independent JSON-LD processor (jsonld.js, to RDF) and holds DCAT-AP's mandatory
// properties; one municipality's files hold nothing of another; the licence is set by staff with the right to,
// with an audit entry. And no personal data: people write through the product's services with private names and
// addresses, hidden and unpublished items are made, and every file of every scope is searched for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import jsonld from 'jsonld';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx, ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildAction,
	buildEvent,
	buildOpportunity,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUpdate,
	buildUser,
	getTenant
} from '$lib/server/testing/factories';
import { actions, newsletters } from '$lib/server/db/schema';
import { features } from '$lib/server/features';
import { createSuggestion } from '$lib/server/features/suggestions/suggestions.contribute.service';
import { decideItem } from '$lib/server/features/suggestions/suggestions.moderation.service';
import { submitStory } from '$lib/server/features/stories/stories.service';
import { publishStory } from '$lib/server/features/stories/stories.admin.service';
import { registerForEvent } from '$lib/server/features/events/events.registrations.service';
import { OPEN_DATA_LICENCES } from '$lib/domain/open-data';
import { createCache } from '$lib/server/platform/cache';
import {
	getMunicipalityCatalogue,
	getMunicipalityOpenData,
	getMunicipalityOpenDataFile,
	getOpenDataSettings,
	getRegionCatalogue,
	getRegionOpenData,
	getRegionOpenDataFile,
	saveOpenDataLicence,
	type OpenDataPageView
} from './open-data.service';

const ORIGIN = 'https://meedoen.test';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
let admin: Awaited<ReturnType<typeof buildStaff>>;
let moderator: Awaited<ReturnType<typeof buildStaff>>;
let molAdmin: Awaited<ReturnType<typeof buildStaff>>;

/** What must never be in open data: private names, every address, hidden and unpublished items. */
const secrets: string[] = [];
/** A name a person chose to show: it may be in the stories. */
let publicName = '';

const visitor = (tenant: Tenant) => buildCtx(database.db, tenant);
const region = () => buildCtx(database.db);

async function citizen(givenName: string, familyName: string) {
	const email = `${givenName}.${familyName}@voorbeeld.be`.toLowerCase();
	const user = await buildUser(database.db, { givenName, familyName, email });
	return { user, actor: await actorOf(database.db, user) };
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	olen = await getTenant(db, 'olen'); // does not take part
	admin = await buildStaff(db, geel, 'admin');
	moderator = await buildStaff(db, geel, 'moderator');
	molAdmin = await buildStaff(db, mol, 'admin');

	// A public action with a place, its published and draft updates; a draft action with an opportunity.
	const action = await buildAction(db, geel, { title: 'Ontharding Markt' });
	await db
		.update(actions)
		.set({ lat: 51.1625, lng: 4.9903, placeName: 'Markt' })
		.where(eq(actions.id, action.id));
	await buildOpportunity(db, geel, action.id, {
		title: 'Volg de werken',
		kind: 'readUpdates',
		rung: 'inform'
	});
	await buildUpdate(db, geel, action.id, { title: 'De eerste tegels zijn eruit', published: true });
	await buildUpdate(db, geel, action.id, { title: 'Ontwerp-update nog niet af', published: false });
	secrets.push('Ontwerp-update nog niet af');
	const draft = await buildAction(db, geel, { title: 'Geheime actie in voorbereiding', publish: false });
	await buildOpportunity(db, geel, draft.id, { title: 'Geheime kans', kind: 'readUpdates', rung: 'inform' });
	secrets.push('Geheime actie in voorbereiding', 'Geheime kans');

	// Suggestions through the product: one published whose text holds its author's address, one waiting for
	// moderation, one rejected by the moderator; and one on a draft action's map.
	const map = await buildSuggestionOpportunity(db, geel, { moderation: 'post', title: 'Plekken voor bomen' });
	const premoderated = await buildSuggestionOpportunity(db, geel, {
		moderation: 'pre',
		title: 'Plekken voor banken'
	});
	const aliske = await citizen('Aliske', 'Verborgenhuis');
	const bert = await citizen('Bertrand', 'Geheimschild');
	secrets.push(aliske.user.email!, bert.user.email!, 'Aliske', 'Verborgenhuis', 'Bertrand', 'Geheimschild');
	secrets.push(aliske.user.displayName, bert.user.displayName);
	const published = await createSuggestion(ctxAs(db, geel, aliske.actor) as never, {
		opportunityId: map.id,
		values: {
			title: 'Een boom bij de bank',
			body: 'Schaduw voor de bank. Mail me op aliske.verborgenhuis@voorbeeld.be als er vragen zijn.',
			lat: '51,1625',
			lng: '4,9903',
			confirm: '1'
		}
	});
	expect(published.kind).toBe('created');
	const waiting = await createSuggestion(ctxAs(db, geel, bert.actor) as never, {
		opportunityId: premoderated.id,
		values: {
			title: 'Wachtende bank aan de kerk',
			body: 'Nog niet nagekeken.',
			lat: '51,1626',
			lng: '4,9904',
			confirm: '1'
		}
	});
	expect(waiting.kind).toBe('created');
	const rejected = await createSuggestion(ctxAs(db, geel, bert.actor) as never, {
		opportunityId: map.id,
		values: { title: 'Afgewezen onzin', body: 'Dit is spam.', lat: '51,1627', lng: '4,9905', confirm: '1' }
	});
	if (rejected.kind !== 'created') throw new Error('not created');
	await decideItem(ctxAs(db, geel, moderator.actor) as never, {
		unverifiedSuggestionId: rejected.id,
		operation: 'reject',
		reason: 'spam'
	});
	secrets.push('Wachtende bank aan de kerk', 'Afgewezen onzin');
	const hiddenMap = await buildSuggestionOpportunity(db, geel, {
		publishAction: false,
		title: 'Verborgen kaart'
	});
	await buildSuggestion(db, geel, hiddenMap.id, { title: 'Suggestie op een verborgen kaart' });
	secrets.push('Verborgen kaart', 'Suggestie op een verborgen kaart');

	// Stories: one published anonymously, one published with the author's chosen name, one still waiting.
	const carla = await citizen('Carlijne', 'Anoniemers');
	const dirk = await citizen('Dirkjan', 'Openbaarsen');
	const eva = await citizen('Evalien', 'Wachtkamers');
	secrets.push(carla.user.email!, dirk.user.email!, eva.user.email!);
	secrets.push('Carlijne', 'Anoniemers', carla.user.displayName, 'Openbaarsen', 'Evalien', 'Wachtkamers');
	secrets.push(eva.user.displayName);
	publicName = dirk.user.displayName;
	const tell = (who: typeof carla, title: string, credit: 'name' | 'anonymous') =>
		submitStory(ctxAs(db, geel, who.actor) as never, {
			values: {
				title,
				body: 'Met de buren haalden we tegels weg.',
				initiative: 'Buren van het plein',
				credit
			}
		});
	const anonymous = await tell(carla, 'Een anoniem verhaal', 'anonymous');
	const named = await tell(dirk, 'Een verhaal met naam', 'name');
	await tell(eva, 'Een wachtend verhaal', 'name');
	secrets.push('Een wachtend verhaal');
	const asAdmin = ctxAs(db, geel, admin.actor) as never;
	await publishStory(asAdmin, { unverifiedId: anonymous.id, placement: 'home' });
	await publishStory(asAdmin, { unverifiedId: named.id, placement: 'home' });

	// Events: upcoming, past (with a report), a draft; a visitor registers with name and address.
	const upcoming = await buildEvent(db, geel, {
		title: 'Werkgroep bomen',
		lat: 51.16,
		lng: 4.99,
		address: 'Markt 1, Geel'
	});
	await buildEvent(db, geel, {
		title: 'Plantdag vorig jaar',
		startsAt: new Date(Date.now() - 30 * 24 * 3600_000),
		report: 'Het was een fijne dag.',
		reportPublishedAt: new Date(Date.now() - 20 * 24 * 3600_000),
		reportAttendance: 23
	});
	await buildEvent(db, geel, { title: 'Ontwerp-activiteit', status: 'draft' });
	secrets.push('Ontwerp-activiteit');
	await registerForEvent(visitor(geel), {
		eventId: upcoming.id,
		name: 'Frederik Ingeschrevenaar',
		email: 'frederik.ingeschreven@voorbeeld.be',
		origin: ORIGIN
	});
	secrets.push('Frederik', 'Ingeschrevenaar', 'frederik.ingeschreven@voorbeeld.be');

	// Newsletters: one sent, one draft.
	await db.insert(newsletters).values([
		{
			municipalityId: geel.id,
			subject: 'Nieuwsbrief van maart',
			body: 'Hallo',
			audience: { kind: 'pool' },
			status: 'sent',
			sentAt: new Date(Date.now() - 3600_000)
		},
		{
			municipalityId: geel.id,
			subject: 'Ontwerp-nieuwsbrief',
			body: 'Nog niet klaar',
			audience: { kind: 'pool' },
			status: 'draft'
		}
	]);
	secrets.push('Ontwerp-nieuwsbrief');
	// Staff's own names and addresses are not open data either.
	for (const s of [admin, moderator, molAdmin]) secrets.push(s.user.email!, s.user.displayName);

	// Mol: one public action of its own.
	await buildAction(db, mol, { title: 'Mol plant bomen' });
});

afterAll(() => database?.destroy());

/** Every file of a scope: each dataset in each of its formats, and the catalogue. */
async function everyFile(view: OpenDataPageView, tenant: Tenant | null) {
	const files: { name: string; body: string; contentType: string }[] = [];
	for (const dataset of view.datasets)
		for (const file of dataset.files) {
			const input = { unverifiedDataset: dataset.key, unverifiedFormat: file.format, origin: ORIGIN };
			const got = tenant
				? await getMunicipalityOpenDataFile(visitor(tenant), input)
				: await getRegionOpenDataFile(region(), input);
			files.push({ name: file.path, body: got.body, contentType: got.contentType });
		}
	const catalogue = tenant
		? await getMunicipalityCatalogue(visitor(tenant), { origin: ORIGIN })
		: await getRegionCatalogue(region(), { origin: ORIGIN });
	files.push({ name: view.cataloguePath, body: catalogue.body, contentType: catalogue.contentType });
	files.push({ name: `page of ${view.scope.name}`, body: JSON.stringify(view), contentType: 'view' });
	return files;
}

describe('the open-data page', () => {
	it('lists every dataset of every feature with its licence, formats, rows and last change', async () => {
		const view = await getMunicipalityOpenData(visitor(geel), { origin: ORIGIN });
		const declared = features.flatMap((f) => f.openData ?? []).map((d) => d.key);
		expect(view.datasets.map((d) => d.key)).toEqual(declared);
		expect(declared).toEqual(
			expect.arrayContaining(['acties', 'kansen', 'suggesties', 'activiteiten', 'nieuwsbrieven', 'verhalen'])
		);
		expect(view.licence?.uri).toBe(OPEN_DATA_LICENCES['modellicentie-gratis-hergebruik'].uri);
		const byKey = Object.fromEntries(view.datasets.map((d) => [d.key, d]));
		expect(byKey.acties!.files.map((f) => f.format)).toEqual(['csv', 'json', 'geojson']);
		expect(byKey.kansen!.files.map((f) => f.format)).toEqual(['csv', 'json']);
		expect(byKey.acties!.files[0]!.path).toBe('/geel/open-data/acties.csv');
		// The market and the actions of the two public maps; not the hidden map's draft action.
		expect(byKey.acties!.count).toBe(3);
		expect(byKey.suggesties!.count).toBe(1);
		expect(byKey.activiteiten!.count).toBe(2);
		expect(byKey.verhalen!.count).toBe(2);
		expect(byKey.nieuwsbrieven!.count).toBe(1);
		expect(byKey.acties!.modified).not.toBeNull();
		expect(view.cataloguePath).toBe('/geel/open-data/catalogus.jsonld');
		const feeds = Object.fromEntries(view.feeds.map((f) => [f.key, f.example]));
		expect(feeds.news).toBe('/geel/nieuws.atom');
		expect(feeds.calendar).toBe('/geel/activiteiten.ics');
		expect(feeds.actionNews).toMatch(/^\/geel\/acties\/\d+-[a-z-]+\/nieuws\.atom$/);
		expect(feeds.eventCalendar).toMatch(/^\/geel\/activiteiten\/\d+-werkgroep-bomen\/agenda\.ics$/);
		expect(feeds.suggestionsMap).toMatch(/^\/api\/v1\/opportunities\/\d+\/suggestions\.geojson$/);
	});

	it('is not found for a municipality that does not take part, an unknown dataset or format', async () => {
		await refusal(getMunicipalityOpenData(visitor(olen), { origin: ORIGIN }), 'not_found');
		const file = (dataset: string, format: string) =>
			getMunicipalityOpenDataFile(visitor(geel), {
				unverifiedDataset: dataset,
				unverifiedFormat: format,
				origin: ORIGIN
			});
		await refusal(file('onbekend', 'csv'), 'not_found');
		await refusal(file('acties', 'xml'), 'not_found');
		await refusal(file('kansen', 'geojson'), 'not_found');
		for (const hostile of ['<script>', 'a\u0000b', 'x'.repeat(100_000), "'; DROP TABLE actions; --", '../..'])
			await refusal(file(hostile, 'csv'), 'not_found');
		await refusal(
			getMunicipalityOpenDataFile(visitor(olen), {
				unverifiedDataset: 'acties',
				unverifiedFormat: 'csv',
				origin: ORIGIN
			}),
			'not_found'
		);
	});
});

describe('the files', () => {
	it('writes CSV by RFC 4180 with a header row, and the same rows as JSON and GeoJSON', async () => {
		const get = (format: string) =>
			getMunicipalityOpenDataFile(visitor(geel), {
				unverifiedDataset: 'acties',
				unverifiedFormat: format,
				origin: ORIGIN
			});
		const csv = await get('csv');
		expect(csv.contentType).toBe('text/csv; charset=utf-8; header=present');
		expect(csv.body.startsWith('\uFEFF')).toBe(false);
		expect(csv.body).toContain('\r\n');
		// csv-parse refuses, by default, a row whose number of cells differs from the header's and a stray quote.
		const records = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
		const dataset = features.flatMap((f) => f.openData ?? []).find((d) => d.key === 'acties')!;
		expect(Object.keys(records[0]!)).toEqual([...dataset.columns]);
		const market = records.find((r) => r.title === 'Ontharding Markt')!;
		expect(market).toMatchObject({ municipality: 'geel', place_name: 'Markt', lat: '51.1625' });
		expect(market.url).toMatch(/^https:\/\/meedoen\.test\/geel\/acties\/\d+-ontharding-markt$/);

		const json = JSON.parse((await get('json')).body);
		expect(json).toMatchObject({ dataset: 'acties', municipality: 'geel', count: 3 });
		expect(json.licence).toBe(OPEN_DATA_LICENCES['modellicentie-gratis-hergebruik'].uri);
		expect(json.items).toHaveLength(records.length);
		expect(json.items.find((i: { title: string }) => i.title === 'Ontharding Markt').lat).toBe(51.1625);

		const geo = JSON.parse((await get('geojson')).body);
		expect(geo.type).toBe('FeatureCollection');
		expect(geo.features).toHaveLength(1); // only the market has a place
		expect(geo.features[0].geometry).toEqual({ type: 'Point', coordinates: [4.9903, 51.1625] });
		expect(geo.features[0].properties.title).toBe('Ontharding Markt');
	});

	it('keeps quotes, commas and line breaks in a cell intact', async () => {
		await buildAction(database.db, geel, {
			title: 'Bomen, "groen" en\nmeer',
			summary: '=1+1 blijft tekst'
		});
		const csv = await getMunicipalityOpenDataFile(visitor(geel), {
			unverifiedDataset: 'acties',
			unverifiedFormat: 'csv',
			origin: ORIGIN
		});
		const records = parseCsv(csv.body, { columns: true }) as Record<string, string>[];
		expect(records.map((r) => r.title)).toContain('Bomen, "groen" en\nmeer');
		expect(records.map((r) => r.summary)).toContain('=1+1 blijft tekst');
	});

	it('never gives one municipality’s items in another’s files; the region has all taking part', async () => {
		const geelFile = await getMunicipalityOpenDataFile(visitor(geel), {
			unverifiedDataset: 'acties',
			unverifiedFormat: 'json',
			origin: ORIGIN
		});
		expect(geelFile.body).not.toContain('Mol plant bomen');
		const molFile = await getMunicipalityOpenDataFile(visitor(mol), {
			unverifiedDataset: 'acties',
			unverifiedFormat: 'json',
			origin: ORIGIN
		});
		expect(JSON.parse(molFile.body).items.map((i: { title: string }) => i.title)).toEqual([
			'Mol plant bomen'
		]);
		const all = JSON.parse(
			(
				await getRegionOpenDataFile(region(), {
					unverifiedDataset: 'acties',
					unverifiedFormat: 'json',
					origin: ORIGIN
				})
			).body
		);
		expect(all.municipality).toBeNull();
		expect(new Set(all.items.map((i: { municipality: string }) => i.municipality))).toEqual(
			new Set(['geel', 'mol'])
		);
		const view = await getRegionOpenData(region(), { origin: ORIGIN });
		expect(view.scope.slug).toBeNull();
		expect(view.datasets[0]!.files[0]!.path).toBe('/open-data/acties.csv');
		expect(view.licences.map((l) => l.slug).sort()).toEqual(['geel', 'mol']);
	});
});

describe('the DCAT-AP catalogue', () => {
	type Quad = { subject: { value: string }; predicate: { value: string }; object: { value: string } };

	async function quadsOf(body: string): Promise<Quad[]> {
		// jsonld.js is an independent JSON-LD processor: toRDF expands every prefixed term through the context.
		return (await jsonld.toRDF(JSON.parse(body))) as unknown as Quad[];
	}

	function check(quads: Quad[]) {
		const of = (subject: string, predicate: string) =>
			quads
				.filter((q) => q.subject.value === subject && q.predicate.value === predicate)
				.map((q) => q.object.value);
		const typed = (type: string) =>
			quads
				.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type)
				.map((q) => q.subject.value);
		const [catalogue] = typed(`${DCAT}Catalog`);
		expect(catalogue).toBeDefined();
		// Catalogue: title, description, publisher, dataset (mandatory in DCAT-AP).
		for (const p of [`${DCT}title`, `${DCT}description`, `${DCT}publisher`, `${DCAT}dataset`])
			expect(of(catalogue!, p).length, p).toBeGreaterThan(0);
		const publisher = of(catalogue!, `${DCT}publisher`)[0]!;
		expect(of(publisher, 'http://xmlns.com/foaf/0.1/name').length).toBeGreaterThan(0);
		const datasets = typed(`${DCAT}Dataset`);
		expect(datasets.sort()).toEqual(of(catalogue!, `${DCAT}dataset`).sort());
		for (const dataset of datasets) {
			// Dataset: title, description (mandatory), and its distributions and contact point (recommended).
			for (const p of [`${DCT}title`, `${DCT}description`, `${DCAT}distribution`, `${DCAT}contactPoint`])
				expect(of(dataset, p).length, `${dataset} ${p}`).toBeGreaterThan(0);
			for (const distribution of of(dataset, `${DCAT}distribution`)) {
				expect(of(distribution, RDF_TYPE)).toContain(`${DCAT}Distribution`);
				// Distribution: accessURL (mandatory), and the download address, media type, format and licence.
				for (const p of [
					`${DCAT}accessURL`,
					`${DCAT}downloadURL`,
					`${DCAT}mediaType`,
					`${DCT}format`,
					`${DCT}license`
				])
					expect(of(distribution, p).length, `${distribution} ${p}`).toBe(1);
			}
		}
		return { catalogue: catalogue!, datasets, of };
	}

	it('describes the municipality’s datasets with DCAT-AP’s mandatory properties, in Dutch', async () => {
		const file = await getMunicipalityCatalogue(visitor(geel), { origin: ORIGIN });
		expect(file.contentType).toBe('application/ld+json; charset=utf-8');
		const quads = await quadsOf(file.body);
		const { catalogue, datasets, of } = check(quads);
		expect(catalogue).toBe(`${ORIGIN}/geel/open-data`);
		expect(datasets).toContain(`${ORIGIN}/geel/open-data#acties`);
		const titles = quads.filter(
			(q) => q.subject.value === `${ORIGIN}/geel/open-data#acties` && q.predicate.value === `${DCT}title`
		);
		expect((titles[0]!.object as { language?: string }).language).toBe('nl');
		const downloads = datasets.flatMap((d) =>
			of(d, `${DCAT}distribution`).flatMap((x) => of(x, `${DCAT}downloadURL`))
		);
		expect(downloads).toContain(`${ORIGIN}/geel/open-data/acties.geojson`);
		expect(downloads).toContain(`${ORIGIN}/geel/open-data/suggesties.csv`);
		const licences = new Set(
			datasets.flatMap((d) => of(d, `${DCAT}distribution`).flatMap((x) => of(x, `${DCT}license`)))
		);
		expect([...licences]).toEqual([OPEN_DATA_LICENCES['modellicentie-gratis-hergebruik'].uri]);
	});

	it('describes the region’s datasets too', async () => {
		const file = await getRegionCatalogue(region(), { origin: ORIGIN });
		const { catalogue, of } = check(await quadsOf(file.body));
		expect(catalogue).toBe(`${ORIGIN}/open-data`);
		expect(of(catalogue, `${DCT}title`)).toEqual(['Open data van Meedoen regio Kempen']);
		expect(of(`${ORIGIN}/open-data#acties`, `${DCT}title`)).toEqual(['Klimaatacties']);
	});
});

describe('the licence', () => {
	it('is set by staff who manage settings, with an audit entry, and refused beside the field otherwise', async () => {
		const asAdmin = ctxAs(database.db, geel, admin.actor) as never;
		expect((await getOpenDataSettings(asAdmin)).licence).toBe('modellicentie-gratis-hergebruik');
		await refusal(saveOpenDataLicence(visitor(geel), { licence: 'cc0-1.0' }), 'unauthenticated');
		await refusal(
			saveOpenDataLicence(ctxAs(database.db, geel, moderator.actor) as never, { licence: 'cc0-1.0' }),
			'forbidden'
		);
		await refusal(
			saveOpenDataLicence(ctxAs(database.db, geel, molAdmin.actor) as never, { licence: 'cc0-1.0' }),
			'forbidden'
		);
		for (const bad of ['gpl', '', '<script>', 'x'.repeat(100_000)]) {
			const err = await refusal(saveOpenDataLicence(asAdmin, { licence: bad }), 'validation');
			expect(err.options.fields?.licence).toEqual(['openData.settings.licenceUnknown']);
		}
		await saveOpenDataLicence(asAdmin, { licence: 'cc-by-4.0' });
		expect((await getOpenDataSettings(asAdmin)).licence).toBe('cc-by-4.0');
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'openData.licence_updated'
		);
		expect(audit).toHaveLength(1);
		expect(audit[0]!.details).toEqual({ from: 'modellicentie-gratis-hergebruik', to: 'cc-by-4.0' });
		// Saving the same again changes nothing and writes no entry.
		await saveOpenDataLicence(asAdmin, { licence: 'cc-by-4.0' });
		expect(
			(await auditOf(database.db, geel.id)).filter((a) => a.action === 'openData.licence_updated')
		).toHaveLength(1);

		const view = await getMunicipalityOpenData(visitor(geel), { origin: ORIGIN });
		expect(view.licence?.key).toBe('cc-by-4.0');
		const json = await getMunicipalityOpenDataFile(visitor(geel), {
			unverifiedDataset: 'kansen',
			unverifiedFormat: 'json',
			origin: ORIGIN
		});
		expect(JSON.parse(json.body).licence).toBe(OPEN_DATA_LICENCES['cc-by-4.0'].uri);
		// Mol keeps the default; the region, now mixed, names each municipality's licence on its page.
		expect((await getMunicipalityOpenData(visitor(mol), { origin: ORIGIN })).licence?.key).toBe(
			'modellicentie-gratis-hergebruik'
		);
		const regionView = await getRegionOpenData(region(), { origin: ORIGIN });
		expect(regionView.licence).toBeNull();
		expect(Object.fromEntries(regionView.licences.map((l) => [l.slug, l.licence.key]))).toEqual({
			geel: 'cc-by-4.0',
			mol: 'modellicentie-gratis-hergebruik'
		});
		const regionJson = await getRegionOpenDataFile(region(), {
			unverifiedDataset: 'kansen',
			unverifiedFormat: 'json',
			origin: ORIGIN
		});
		expect(JSON.parse(regionJson.body).licence).toBe(`${ORIGIN}/open-data#licenties`);
		// Back to the default, so the other tests see it.
		await saveOpenDataLicence(asAdmin, { licence: 'modellicentie-gratis-hergebruik' });
	});
});

describe('personal data', () => {
	it('appears in no file of any scope: no address, no private name, no hidden or unpublished item', async () => {
		// Staff put their own address in published text: an action's summary, an update's title, an event's title,
		// an opportunity's title, a sent newsletter's subject. Any text of any dataset loses it.
		const staffAddress = admin.user.email!;
		const contact = await buildAction(database.db, geel, {
			title: 'Geveltuinen',
			summary: `Vragen? Mail ${staffAddress} of bel het onthaal.`
		});
		await buildUpdate(database.db, geel, contact.id, {
			title: `Aanvragen geopend: mail ${staffAddress}`,
			body: `Stuur je aanvraag naar ${staffAddress}.`,
			published: true
		});
		await buildOpportunity(database.db, geel, contact.id, {
			title: `Vraag een geveltuin aan via ${staffAddress}`,
			kind: 'readUpdates',
			rung: 'inform'
		});
		await buildEvent(database.db, geel, { title: `Infoavond geveltuinen (${staffAddress})` });
		await database.db.insert(newsletters).values({
			municipalityId: geel.id,
			subject: `Geveltuinen: mail ${staffAddress}`,
			body: 'Hallo',
			audience: { kind: 'pool' },
			status: 'sent',
			sentAt: new Date(Date.now() - 3600_000)
		});
		const scopes = [
			{ view: await getMunicipalityOpenData(visitor(geel), { origin: ORIGIN }), tenant: geel },
			{ view: await getMunicipalityOpenData(visitor(mol), { origin: ORIGIN }), tenant: mol },
			{ view: await getRegionOpenData(region(), { origin: ORIGIN }), tenant: null }
		];
		let searched = 0;
		let sawPublicName = false;
		for (const { view, tenant } of scopes) {
			const files = await everyFile(view, tenant);
			for (const file of files) {
				searched += 1;
				// No e-mail address of anyone, whatever its domain.
				expect(file.body, file.name).not.toMatch(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u);
				for (const secret of secrets) expect(file.body, `${file.name}: ${secret}`).not.toContain(secret);
				if (file.body.includes(publicName)) sawPublicName = true;
			}
		}
		// Every format of every dataset, the catalogue and the page, in three scopes.
		const perScope = scopes[0]!.view.datasets.reduce((n, d) => n + d.files.length, 0) + 2;
		expect(searched).toBe(perScope * 3);
		// The story whose author chose to be named does name them: the search above would find a leak.
		expect(sawPublicName).toBe(true);
		// And what was published is there: the search did not pass because the files are empty.
		const suggestions = await getMunicipalityOpenDataFile(visitor(geel), {
			unverifiedDataset: 'suggesties',
			unverifiedFormat: 'csv',
			origin: ORIGIN
		});
		expect(suggestions.body).toContain('Een boom bij de bank');
		expect(suggestions.body).toContain('[e-mailadres weggelaten]');
		// The staff member's address in an action's summary and an update's title is left out, the text kept.
		const file = (dataset: string) =>
			getMunicipalityOpenDataFile(visitor(geel), {
				unverifiedDataset: dataset,
				unverifiedFormat: 'json',
				origin: ORIGIN
			}).then((f) => f.body);
		expect(await file('acties')).toContain('Vragen? Mail [e-mailadres weggelaten] of bel het onthaal.');
		expect(await file('actie-updates')).toContain('Aanvragen geopend: mail [e-mailadres weggelaten]');
		for (const dataset of ['kansen', 'activiteiten', 'nieuwsbrieven'])
			expect(await file(dataset), dataset).toContain('[e-mailadres weggelaten]');
	});

	it('keeps a dataset apart per origin in the read cache: the absolute links are the asking origin’s', async () => {
		const ctx = { ...visitor(geel), cache: createCache({ ttlMs: 60_000, maxEntries: 100 }) };
		const input = { unverifiedDataset: 'acties', unverifiedFormat: 'json' };
		const first = await getMunicipalityOpenDataFile(ctx, { ...input, origin: ORIGIN });
		const other = await getMunicipalityOpenDataFile(ctx, { ...input, origin: 'https://klimaat.geel.be' });
		expect(first.body).toContain(`${ORIGIN}/geel/acties/`);
		expect(other.body).toContain('https://klimaat.geel.be/geel/acties/');
		expect(other.body).not.toContain(ORIGIN);
	});
});

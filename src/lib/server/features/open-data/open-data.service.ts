// Use cases of open data: the open-data page of a municipality or of the region (every dataset with its licence,
// formats, size and last change, and the feeds), a dataset's file, the DCAT-AP catalogue, and the licence setting
// of the back office. Everything public reads only the features' datasets (platform/open-data.ts), which hold
// only what everyone may already see.
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { cached } from '$lib/server/platform/cache';
import { writeAudit } from '$lib/server/platform/audit';
import { authorizeMunicipality } from '$lib/server/platform/backoffice';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { etagOf } from '$lib/server/platform/feed-response';
import type { Features } from '$lib/server/platform/feature';
import {
	withoutEmailAddressesInRow,
	type OpenDataRow,
	type OpenDataset
} from '$lib/server/platform/open-data';
import { translate } from '$lib/i18n';
import {
	DEFAULT_OPEN_DATA_LICENCE,
	isOpenDataFormat,
	isOpenDataLicence,
	OPEN_DATA_FORMATS,
	OPEN_DATA_LICENCE_KEYS,
	OPEN_DATA_LICENCES,
	openDataPath,
	type OpenDataFormat,
	type OpenDataLicence
} from '$lib/domain/open-data';
import { isSlug } from '$lib/domain/slugs';
import {
	getRegionOverview,
	listAllMunicipalities
} from '$lib/server/features/municipalities/municipalities.service';
import { getLicence, listLicences, upsertLicence } from './open-data.queries';
import { licenceSchema } from './open-data.schemas';
import { datasetCsv, datasetGeoJson, datasetJson } from './open-data.files';
import { dcatCatalogue } from './open-data.dcat';
import './open-data.audit';

type MunicipalityRow = Awaited<ReturnType<typeof listAllMunicipalities>>[number];

/** Whose open data: one municipality taking part, or the region (every municipality taking part). */
interface Scope {
	slug: string | null;
	name: string;
	municipalities: MunicipalityRow[];
	/** The licence of every file: the municipality's, the region's when all agree, else null (see `licences`). */
	licence: OpenDataLicence | null;
	licences: { slug: string; name: string; licence: OpenDataLicence }[];
	licenceChanged: Date | null;
}

function datasetsOf(features: Features): OpenDataset[] {
	return features.flatMap((f) => f.openData ?? []);
}

async function scopeOf(ctx: Ctx, slug: string | null): Promise<Scope> {
	const all = await listAllMunicipalities(ctx);
	const participating = all.filter((m) => m.participating);
	const chosen = slug === null ? participating : participating.filter((m) => m.slug === slug);
	if (slug !== null && chosen.length === 0) throw new AppError('not_found');
	const rows = await cached(ctx.cache, `open-data-licences:${slug ?? ''}`, () =>
		listLicences(ctx.db, { municipalityIds: chosen.map((m) => m.id) })
	);
	const licences = chosen.map((m) => {
		const row = rows.find((r) => r.municipalityId === m.id);
		const licence = row && isOpenDataLicence(row.licence) ? row.licence : DEFAULT_OPEN_DATA_LICENCE;
		return { slug: m.slug, name: m.name, licence };
	});
	const distinct = new Set(licences.map((l) => l.licence));
	let licenceChanged: Date | null = null;
	for (const r of rows) if (!licenceChanged || r.updatedAt > licenceChanged) licenceChanged = r.updatedAt;
	return {
		slug,
		name:
			slug === null
				? translate(ctx.locale, 'openData.regionName', {
						region: (await getRegionOverview(ctx)).region.name
					})
				: chosen[0]!.name,
		municipalities: chosen,
		licence: distinct.size <= 1 ? (licences[0]?.licence ?? DEFAULT_OPEN_DATA_LICENCE) : null,
		licences,
		licenceChanged
	};
}

interface LoadedDataset {
	dataset: OpenDataset;
	rows: OpenDataRow[];
	modified: Date | null;
}

/**
 * Every dataset of the scope, read once per scope and origin (the rows hold absolute links) and kept in the App's
 * read cache (cleared by any write). Every text value of every row loses any e-mail address here, in one place.
 */
function loadDatasets(ctx: Ctx, scope: Scope, origin: string, only?: string): Promise<LoadedDataset[]> {
	const datasets = datasetsOf(ctx.features).filter((d) => only === undefined || d.key === only);
	return Promise.all(
		datasets.map((dataset) =>
			cached(ctx.cache, `open-data:${origin}:${scope.slug ?? ''}:${dataset.key}`, async () => {
				const loaded = await dataset.load(ctx.db, {
					municipalities: scope.municipalities.map((m) => ({ id: m.id, slug: m.slug })),
					now: new Date(),
					origin
				});
				const rows = loaded.map(withoutEmailAddressesInRow);
				let modified: Date | null = null;
				for (const r of rows) if (r.modified && (!modified || r.modified > modified)) modified = r.modified;
				return { dataset, rows, modified };
			})
		)
	);
}

function formatsOf(dataset: OpenDataset): OpenDataFormat[] {
	return dataset.geo ? ['csv', 'json', 'geojson'] : ['csv', 'json'];
}

function filePath(scope: Scope, key: string, format: OpenDataFormat): string {
	return `${openDataPath(scope.slug)}/${key}.${format}`;
}

function cataloguePath(scope: Scope): string {
	return `${openDataPath(scope.slug)}/catalogus.jsonld`;
}

// ---------------------------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------------------------

export interface LicenceView {
	key: OpenDataLicence;
	name: string;
	uri: string;
}

export interface OpenDataPageView {
	scope: { slug: string | null; name: string };
	/** The licence of every dataset; null in the region when municipalities chose differently (see `licences`). */
	licence: LicenceView | null;
	licences: { slug: string; name: string; licence: LicenceView }[];
	cataloguePath: string;
	datasets: {
		key: string;
		title: string;
		description: string;
		count: number;
		modified: string | null;
		files: { format: OpenDataFormat; label: string; mediaType: string; path: string }[];
	}[];
	feeds: { key: string; title: string; description: string; type: string; example: string | null }[];
}

const licenceView = (key: OpenDataLicence): LicenceView => ({ key, ...OPEN_DATA_LICENCES[key] });

function pathOf(url: unknown): string | null {
	return typeof url === 'string' ? new URL(url).pathname : null;
}

/** The feeds that come with the datasets, each with an example address from the scope's own data. */
function feedsOf(ctx: Ctx, scope: Scope, loaded: LoadedDataset[]): OpenDataPageView['feeds'] {
	const rowsOf = (key: string) => loaded.find((l) => l.dataset.key === key)?.rows ?? [];
	const first = scope.municipalities[0]?.slug ?? null;
	const action = rowsOf('acties')[0];
	const event = rowsOf('activiteiten').find((r) => r.values.upcoming === true) ?? rowsOf('activiteiten')[0];
	const map = rowsOf('kansen').find((r) => r.values.kind === 'mapSuggestions');
	const t = (key: Parameters<typeof translate>[1]) => translate(ctx.locale, key);
	const actionPage = pathOf(action?.values.url);
	const eventPage = pathOf(event?.values.url);
	return [
		{
			key: 'news',
			title: t('openData.feeds.news.title'),
			description: t('openData.feeds.news.description'),
			type: 'Atom',
			example: first ? `/${first}/nieuws.atom` : null
		},
		{
			key: 'actionNews',
			title: t('openData.feeds.actionNews.title'),
			description: t('openData.feeds.actionNews.description'),
			type: 'Atom',
			example: actionPage ? `${actionPage}/nieuws.atom` : null
		},
		{
			key: 'calendar',
			title: t('openData.feeds.calendar.title'),
			description: t('openData.feeds.calendar.description'),
			type: 'iCalendar',
			example: first ? `/${first}/activiteiten.ics` : null
		},
		{
			key: 'eventCalendar',
			title: t('openData.feeds.eventCalendar.title'),
			description: t('openData.feeds.eventCalendar.description'),
			type: 'iCalendar',
			example: eventPage ? `${eventPage}/agenda.ics` : null
		},
		{
			key: 'suggestionsMap',
			title: t('openData.feeds.suggestionsMap.title'),
			description: t('openData.feeds.suggestionsMap.description'),
			type: 'GeoJSON',
			example: map ? `/api/v1/opportunities/${map.values.id}/suggestions.geojson` : null
		},
		{
			key: 'api',
			title: t('openData.feeds.api.title'),
			description: t('openData.feeds.api.description'),
			type: 'OpenAPI (JSON)',
			example: '/api/v1/openapi.json'
		}
	];
}

async function pageOf(ctx: Ctx, slug: string | null, origin: string): Promise<OpenDataPageView> {
	const scope = await scopeOf(ctx, slug);
	const loaded = await loadDatasets(ctx, scope, origin);
	return {
		scope: { slug: scope.slug, name: scope.name },
		licence: scope.licence ? licenceView(scope.licence) : null,
		licences: scope.licences.map((l) => ({ slug: l.slug, name: l.name, licence: licenceView(l.licence) })),
		cataloguePath: cataloguePath(scope),
		datasets: loaded.map(({ dataset, rows, modified }) => ({
			key: dataset.key,
			title: translate(ctx.locale, dataset.title),
			description: translate(ctx.locale, dataset.description),
			count: rows.length,
			modified: modified?.toISOString() ?? null,
			files: formatsOf(dataset).map((format) => ({
				format,
				label: OPEN_DATA_FORMATS[format].label,
				mediaType: OPEN_DATA_FORMATS[format].mediaType,
				path: filePath(scope, dataset.key, format)
			}))
		})),
		feeds: feedsOf(ctx, scope, loaded)
	};
}

/** The open-data page of the municipality in the address; not found while it does not take part. */
export function getMunicipalityOpenData(
	ctx: TenantCtx,
	input: { origin: string }
): Promise<OpenDataPageView> {
	return pageOf(ctx, ctx.tenant.slug, input.origin);
}

/** The region's open-data page: the datasets over every municipality taking part. */
export function getRegionOpenData(ctx: Ctx, input: { origin: string }): Promise<OpenDataPageView> {
	return pageOf(ctx, null, input.origin);
}

// ---------------------------------------------------------------------------------------------
// Files and the catalogue
// ---------------------------------------------------------------------------------------------

export interface OpenDataFile {
	body: string;
	etag: string;
	contentType: string;
	filename: string;
}

function licenceIri(scope: Scope, origin: string): { iri: string; label: string | null } {
	if (scope.licence) return { iri: OPEN_DATA_LICENCES[scope.licence].uri, label: null };
	// Municipalities of the region chose different licences: each row's municipality's licence applies, as the
	// region's page lists them.
	return { iri: `${origin}${openDataPath(null)}#licenties`, label: 'Per gemeente: zie de open-datapagina' };
}

/**
 * One dataset of the scope in one format (`unverifiedFile` is the address's last segment without the scope,
 * `acties.csv`). Not found for an unknown dataset or format, GeoJSON of a dataset without places, or a
 * municipality that does not take part.
 */
async function fileOf(
	ctx: Ctx,
	slug: string | null,
	input: { unverifiedDataset: string; unverifiedFormat: string; origin: string }
): Promise<OpenDataFile> {
	const key = input.unverifiedDataset;
	const format = input.unverifiedFormat;
	if (!isSlug(key) || !isOpenDataFormat(format)) throw new AppError('not_found');
	const dataset = datasetsOf(ctx.features).find((d) => d.key === key);
	if (!dataset || !formatsOf(dataset).includes(format)) throw new AppError('not_found');
	const scope = await scopeOf(ctx, slug);
	const [loaded] = await loadDatasets(ctx, scope, input.origin, key);
	const { rows, modified } = loaded!;
	let body: string;
	if (format === 'csv') body = datasetCsv(dataset.columns, rows);
	else if (format === 'geojson') body = datasetGeoJson(dataset.columns, rows);
	else
		body = datasetJson(
			{
				dataset: dataset.key,
				title: translate(ctx.locale, dataset.title),
				description: translate(ctx.locale, dataset.description),
				municipality: scope.slug,
				licence: licenceIri(scope, input.origin).iri,
				modified: modified?.toISOString() ?? null,
				page: `${input.origin}${openDataPath(scope.slug)}`
			},
			dataset.columns,
			rows
		);
	const type = OPEN_DATA_FORMATS[format].mediaType;
	return {
		body,
		etag: etagOf(body),
		contentType: format === 'csv' ? `${type}; charset=utf-8; header=present` : `${type}; charset=utf-8`,
		filename: `${scope.slug ?? 'regio'}-${dataset.key}.${format}`
	};
}

export function getMunicipalityOpenDataFile(
	ctx: TenantCtx,
	input: { unverifiedDataset: string; unverifiedFormat: string; origin: string }
): Promise<OpenDataFile> {
	return fileOf(ctx, ctx.tenant.slug, input);
}

export function getRegionOpenDataFile(
	ctx: Ctx,
	input: { unverifiedDataset: string; unverifiedFormat: string; origin: string }
): Promise<OpenDataFile> {
	return fileOf(ctx, null, input);
}

async function catalogueOf(ctx: Ctx, slug: string | null, origin: string): Promise<OpenDataFile> {
	const scope = await scopeOf(ctx, slug);
	const loaded = await loadDatasets(ctx, scope, origin);
	const page = `${origin}${openDataPath(scope.slug)}`;
	const municipality = scope.slug === null ? null : scope.municipalities[0]!;
	const names = { name: scope.name };
	let modified: Date | null = scope.licenceChanged;
	for (const l of loaded) if (l.modified && (!modified || l.modified > modified)) modified = l.modified;
	const document = dcatCatalogue({
		page,
		self: `${origin}${cataloguePath(scope)}`,
		title: translate(ctx.locale, 'openData.catalogue.title', names),
		description: translate(ctx.locale, 'openData.catalogue.description', names),
		publisher: {
			iri: municipality ? `${origin}/${municipality.slug}#gemeente` : `${origin}/#regio`,
			name: municipality
				? translate(ctx.locale, 'openData.catalogue.publisher', names)
				: translate(ctx.locale, 'openData.catalogue.regionPublisher', names)
		},
		contact: {
			name: municipality
				? translate(ctx.locale, 'openData.catalogue.publisher', names)
				: translate(ctx.locale, 'openData.catalogue.regionPublisher', names),
			url: municipality?.websiteUrl ?? page
		},
		spatial: municipality ? `http://vocab.belgif.be/auth/refnis2019/${municipality.nisCode}` : null,
		licence: licenceIri(scope, origin),
		modified,
		datasets: loaded.map(({ dataset, modified }) => ({
			key: dataset.key,
			title: translate(ctx.locale, dataset.title),
			description: translate(ctx.locale, dataset.description),
			keywords: dataset.keywords ?? [],
			modified,
			distributions: formatsOf(dataset).map((format) => ({
				format,
				url: `${origin}${filePath(scope, dataset.key, format)}`
			}))
		}))
	});
	const body = JSON.stringify(document);
	return {
		body,
		etag: etagOf(body),
		contentType: 'application/ld+json; charset=utf-8',
		filename: `${scope.slug ?? 'regio'}-catalogus.jsonld`
	};
}

/** The municipality's DCAT-AP catalogue (JSON-LD). */
export function getMunicipalityCatalogue(ctx: TenantCtx, input: { origin: string }): Promise<OpenDataFile> {
	return catalogueOf(ctx, ctx.tenant.slug, input.origin);
}

/** The region's DCAT-AP catalogue (JSON-LD): the datasets over every municipality taking part. */
export function getRegionCatalogue(ctx: Ctx, input: { origin: string }): Promise<OpenDataFile> {
	return catalogueOf(ctx, null, input.origin);
}

// ---------------------------------------------------------------------------------------------
// The licence (back office)
// ---------------------------------------------------------------------------------------------

export interface LicenceSettingsView {
	municipalityName: string;
	licence: OpenDataLicence;
	choices: LicenceView[];
	pagePath: string;
}

export async function getOpenDataSettings(ctx: TenantCtx): Promise<LicenceSettingsView> {
	const { municipality } = await authorizeMunicipality(ctx, 'settings.manage');
	const row = await getLicence(ctx.db, { municipalityId: municipality.id });
	return {
		municipalityName: municipality.name,
		licence: row && isOpenDataLicence(row.licence) ? row.licence : DEFAULT_OPEN_DATA_LICENCE,
		choices: OPEN_DATA_LICENCE_KEYS.map(licenceView),
		pagePath: openDataPath(ctx.tenant.slug)
	};
}

/** Sets the licence of the municipality's datasets, with an audit entry when it changes. */
export async function saveOpenDataLicence(
	ctx: TenantCtx,
	input: RawInput<typeof licenceSchema>
): Promise<{ licence: OpenDataLicence }> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const { licence } = validateInput(licenceSchema, input);
	await ctx.db.transaction(async (tx) => {
		const row = await getLicence(tx, { municipalityId: scope.municipality.id });
		const before = row && isOpenDataLicence(row.licence) ? row.licence : DEFAULT_OPEN_DATA_LICENCE;
		if (row && before === licence) return;
		await upsertLicence(tx, { municipalityId: scope.municipality.id, licence });
		if (before === licence) return;
		await writeAudit(tx, {
			regionId: scope.municipality.regionId,
			municipalityId: scope.municipality.id,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			action: 'openData.licence_updated',
			subject: { id: scope.municipality.id, name: scope.municipality.name },
			details: { from: before, to: licence }
		});
	});
	return { licence };
}

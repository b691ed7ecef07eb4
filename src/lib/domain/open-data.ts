// Open data: the licences a municipality may publish its datasets under, and the formats they come in. Shared by
// the server (the catalogue, the files) and the pages.

/**
 * The licences offered, each with its URI as the Flemish government and Creative Commons publish it. The Flemish
 * "Modellicentie Gratis Hergebruik" is the default: what Flemish local governments are advised to use.
 */
export const OPEN_DATA_LICENCES = {
	'modellicentie-gratis-hergebruik': {
		uri: 'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0',
		name: 'Modellicentie Gratis Hergebruik (v1.0)'
	},
	'cc0-1.0': {
		uri: 'http://creativecommons.org/publicdomain/zero/1.0/',
		name: 'Creative Commons Zero (CC0 1.0)'
	},
	'cc-by-4.0': {
		uri: 'https://creativecommons.org/licenses/by/4.0/',
		name: 'Creative Commons Naamsvermelding 4.0 (CC BY 4.0)'
	}
} as const;

export type OpenDataLicence = keyof typeof OPEN_DATA_LICENCES;
export const OPEN_DATA_LICENCE_KEYS = Object.keys(OPEN_DATA_LICENCES) as OpenDataLicence[];
export const DEFAULT_OPEN_DATA_LICENCE: OpenDataLicence = 'modellicentie-gratis-hergebruik';

export function isOpenDataLicence(value: unknown): value is OpenDataLicence {
	return typeof value === 'string' && Object.hasOwn(OPEN_DATA_LICENCES, value);
}

/** The formats a dataset comes in: the file's extension, its media type and the EU's file type vocabulary. */
export const OPEN_DATA_FORMATS = {
	csv: {
		mediaType: 'text/csv',
		euFileType: 'http://publications.europa.eu/resource/authority/file-type/CSV',
		label: 'CSV'
	},
	json: {
		mediaType: 'application/json',
		euFileType: 'http://publications.europa.eu/resource/authority/file-type/JSON',
		label: 'JSON'
	},
	geojson: {
		mediaType: 'application/geo+json',
		euFileType: 'http://publications.europa.eu/resource/authority/file-type/GEOJSON',
		label: 'GeoJSON'
	}
} as const;

export type OpenDataFormat = keyof typeof OPEN_DATA_FORMATS;

export function isOpenDataFormat(value: unknown): value is OpenDataFormat {
	return typeof value === 'string' && Object.hasOwn(OPEN_DATA_FORMATS, value);
}

/** The open-data page of a municipality, or of the region when no slug is given. */
export function openDataPath(municipalitySlug: string | null): string {
	return municipalitySlug ? `/${municipalitySlug}/open-data` : '/open-data';
}

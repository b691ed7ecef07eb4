// A dataset's rows as files: CSV (RFC 4180: comma, CRLF, a header row, UTF-8, written by csv-stringify), JSON (the
// rows as objects, with what the dataset is and its licence) and GeoJSON (RFC 7946: the rows with a place as
// points, longitude first). Values are written as they are: a dataset is data for programs, not a spreadsheet to
// open, so nothing is prefixed to keep a spreadsheet from reading a cell as a formula (the back office's Excel
// exports, platform/csv.ts, do that).
import { stringify } from 'csv-stringify/sync';
import type { OpenDataRow } from '$lib/server/platform/open-data';

export function datasetCsv(columns: readonly string[], rows: readonly OpenDataRow[]): string {
	return stringify([[...columns], ...rows.map((r) => columns.map((c) => r.values[c] ?? null))], {
		record_delimiter: 'windows',
		cast: { boolean: (value) => (value ? 'true' : 'false') }
	});
}

export interface DatasetHeader {
	dataset: string;
	title: string;
	description: string;
	/** The municipality's slug, or null for the region. */
	municipality: string | null;
	licence: string | null;
	modified: string | null;
	page: string;
}

export function datasetJson(
	header: DatasetHeader,
	columns: readonly string[],
	rows: readonly OpenDataRow[]
): string {
	const items = rows.map((r) => Object.fromEntries(columns.map((c) => [c, r.values[c] ?? null])));
	return JSON.stringify({ ...header, count: items.length, columns, items });
}

export function datasetGeoJson(columns: readonly string[], rows: readonly OpenDataRow[]): string {
	return JSON.stringify({
		type: 'FeatureCollection',
		features: rows.flatMap((r) =>
			r.place
				? [
						{
							type: 'Feature',
							id: `${r.values.municipality}-${r.values.id}`,
							geometry: { type: 'Point', coordinates: [r.place.lng, r.place.lat] },
							properties: Object.fromEntries(columns.map((c) => [c, r.values[c] ?? null]))
						}
					]
				: []
		)
	});
}

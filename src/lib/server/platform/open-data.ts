// Open data: the datasets features publish (each manifest's `openData` part) and what every dataset shares. A
// dataset is a table of what everyone may already read on the platform, one row per item, with named columns
// (the CSV's header, the JSON's fields, the GeoJSON's properties) and, for items with a place, a point. The
// open-data feature gathers them per municipality and for the region and writes the files and the DCAT-AP
// catalogue; a feature only says which rows and columns.
import type { Db } from '$lib/server/db/client';
import type { MessageKey } from '$lib/i18n';

export type OpenDataValue = string | number | boolean | null;

/** One item of a dataset: its values by column, its place when it has one, and when it last changed. */
export interface OpenDataRow<Column extends string = string> {
	values: Record<Column, OpenDataValue>;
	place: { lat: number; lng: number } | null;
	modified: Date | null;
}

/** Whose data a dataset is asked for: one municipality, or every municipality taking part (the region). */
export interface OpenDataScope {
	municipalities: readonly { id: string; slug: string }[];
	now: Date;
	/** The platform's origin, for the absolute links in the data. */
	origin: string;
}

/**
 * A feature's dataset. `key` is its name in the addresses (Dutch: `acties` → `/{m}/open-data/acties.csv`), unique
 * in the registry. `load` reads only what everyone may see on the platform (published, not hidden, no personal
 * data: names only where a person chose to show one, never an e-mail address), in a stable order (the open-data feature takes any e-mail address out of every text value of every row,
 * `withoutEmailAddressesInRow`). `columns` start
 * with `municipality` and `id`; with `geo` the dataset also comes as GeoJSON (its rows that have a place).
 */
export interface OpenDataset<Column extends string = string> {
	key: string;
	title: MessageKey;
	description: MessageKey;
	columns: readonly Column[];
	geo?: boolean;
	/** Keywords of the dataset in the catalogue (Dutch). */
	keywords?: readonly string[];
	load(db: Db, scope: OpenDataScope): Promise<OpenDataRow<Column>[]>;
}

/** Declares a dataset with its columns checked against every row's values. */
export function defineDataset<const Column extends string>(dataset: OpenDataset<Column>): OpenDataset {
	return dataset as unknown as OpenDataset;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+/gu;

/**
 * Text with anything shaped like an e-mail address taken out: a public page shows a text as written, but a dataset
 * is copied and indexed far beyond it, and an address in it is nearly always someone's own.
 */
export function withoutEmailAddresses(text: string): string {
	return text.replace(EMAIL, '[e-mailadres weggelaten]');
}

/**
 * A dataset's row with every text value passed through `withoutEmailAddresses`, whatever the column (a title, an
 * action's summary, an update's text, a chosen name): the open-data feature applies it to every row of every
 * dataset, so a feature's dataset cannot leave an address in by forgetting a column.
 */
export function withoutEmailAddressesInRow(row: OpenDataRow): OpenDataRow {
	const values: Record<string, OpenDataValue> = {};
	for (const [column, value] of Object.entries(row.values))
		values[column] = typeof value === 'string' ? withoutEmailAddresses(value) : value;
	return { ...row, values };
}

/** A timestamp as ISO 8601 in UTC, or null. */
export function isoOrNull(value: Date | null | undefined): string | null {
	return value ? value.toISOString() : null;
}

/** The latest of a few change times (null ones ignored). */
export function latest(...dates: (Date | null | undefined)[]): Date | null {
	let best: Date | null = null;
	for (const d of dates) if (d && (!best || d > best)) best = d;
	return best;
}

// Incremental sync of the API's lists (`updated_since`): every item of the list's scope that changed at or
// after the given moment, oldest change first, by (change time, id) with a cursor, so a page read while data
// changes misses nothing (an item changed meanwhile gets a later change time and comes again further on).
// An item that changed and is no longer in the list (unpublished, hidden, merged, archived, made a draft)
// comes back as a tombstone in `deleted`. `nextUpdatedSince` is where the next sync starts: the first page's
// moment minus SYNC_OVERLAP_SECONDS, so a change whose transaction was still running then is not lost.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import type { MessageKey } from '$lib/i18n';
import { AppError, type FieldErrors } from './errors';

/** How far before the first page's moment the next sync starts (longer transactions than this are not covered). */
export const SYNC_OVERLAP_SECONDS = 60;
/** As the lists themselves (20 and at most 100), so one `limit` parameter describes both. */
export const SYNC_LIMIT_DEFAULT = 20;
export const SYNC_LIMIT_MAX = 100;

/** ISO 8601 with a date, a time and a zone (Z or ±hh:mm); fractions up to microseconds. */
export const UPDATED_SINCE_PATTERN =
	'^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})$';
const UPDATED_SINCE = new RegExp(UPDATED_SINCE_PATTERN);

export interface SyncQuery {
	since: Date;
	/** The last change of the previous page, exact to the microsecond, and its id. */
	after: { micros: string; id: number } | null;
	/** The first page's moment minus the overlap, in microseconds since 1970: the next sync's start. */
	startMicros: string | null;
	limit: number;
}

interface SyncCursor {
	micros: string;
	id: number;
	start: string;
}

const MICROS = /^\d{1,17}$/;

export function encodeSyncCursor(cursor: SyncCursor): string {
	return Buffer.from(JSON.stringify(['s', cursor.micros, cursor.id, cursor.start])).toString('base64url');
}

export function decodeSyncCursor(value: string): SyncCursor | null {
	if (value.length > 100 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== 's') return null;
		const [, micros, id, start] = parsed as unknown[];
		if (typeof micros !== 'string' || !MICROS.test(micros)) return null;
		if (typeof start !== 'string' || !MICROS.test(start)) return null;
		if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
		return { micros, id, start };
	} catch {
		return null;
	}
}

/** A moment in time an integrator may name: a real ISO 8601 date-time with its zone, from the year 2000 on. */
export function parseUpdatedSince(value: string): Date | null {
	if (value.length > 40 || !UPDATED_SINCE.test(value)) return null;
	const time = Date.parse(value);
	if (Number.isNaN(time) || time < Date.UTC(2000, 0, 1) || time > Date.UTC(9999, 0, 1)) return null;
	// Date.parse rolls 2026-02-31 over into March: such a date is refused, not moved.
	const [date] = value.split('T');
	const [y, m, d] = date!.split('-').map(Number);
	const local = new Date(Date.UTC(y!, m! - 1, d!));
	if (local.getUTCMonth() !== m! - 1 || local.getUTCDate() !== d) return null;
	return new Date(time);
}

const optional = z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().optional());

/**
 * The sync's query when `updated_since` is given, else null (the list as usual). With it only `cursor` and
 * `limit` may come along: a filter would make an item that leaves it look unchanged, so a sync always covers
 * the whole list (filter on your side). Anything wrong is a 400 naming the field.
 */
export function parseSyncQuery(params: URLSearchParams, filters: readonly string[]): SyncQuery | null {
	// Empty counts as absent, as for every other parameter of the API.
	const raw = params.get('updated_since');
	if (raw === null || raw === '') return null;
	const fields: FieldErrors = {};
	const add = (field: string, message: MessageKey) => (fields[field] ??= []).push(message);
	const since = parseUpdatedSince(raw);
	if (!since) add('updated_since', 'api.sync.updatedSince');
	for (const filter of filters) if (params.get(filter)) add(filter, 'api.sync.noFilters');
	const cursorValue = optional.parse(params.get('cursor'));
	const cursor = cursorValue === undefined ? null : decodeSyncCursor(cursorValue);
	if (cursorValue !== undefined && !cursor) add('cursor', 'api.sync.cursor');
	const limitValue = optional.parse(params.get('limit'));
	const limitOk =
		limitValue === undefined ||
		(/^\d{1,3}$/.test(limitValue) && Number(limitValue) >= 1 && Number(limitValue) <= SYNC_LIMIT_MAX);
	if (!limitOk) add('limit', 'api.sync.limit');
	if (Object.keys(fields).length > 0 || !since)
		throw new AppError('bad_request', { message: 'api.sync.invalid', fields });
	return {
		since,
		after: cursor ? { micros: cursor.micros, id: cursor.id } : null,
		startMicros: cursor?.start ?? null,
		limit: limitValue ? Number(limitValue) : SYNC_LIMIT_DEFAULT
	};
}

/** A change time as microseconds since 1970, as text (a JavaScript Date would round it to milliseconds). */
export function microsOf(time: SQL): SQL<string> {
	return sql<string>`(extract(epoch from ${time}) * 1000000)::bigint::text`;
}

/** The rows of a sync page: changed at or after `since`, after the cursor, in (change, id) order. */
export function changedSince(changedAt: SQL, id: SQL, query: SyncQuery): SQL {
	const since = sql`${changedAt} >= ${query.since.toISOString()}::timestamptz`;
	if (!query.after) return since;
	return sql`${since} and (${changedAt}, ${id}) > (timestamptz 'epoch' + ${query.after.micros}::bigint * interval '1 microsecond', ${query.after.id}::integer)`;
}

/** One row of a list's scope that changed: its id and the change time in microseconds. */
export interface ChangedRow {
	id: number;
	micros: string;
}

export interface Tombstone {
	id: number;
	/** When it left the list (its last change). */
	updatedAt: string;
}

export interface SyncPage<T> {
	data: T[];
	deleted: Tombstone[];
	nextCursor: string | null;
	nextUpdatedSince: string;
}

const isoOfMicros = (micros: string) => new Date(Number(BigInt(micros) / 1000n)).toISOString();

/** Now on the database's clock minus the overlap, in microseconds (the app's clock may differ from it). */
export async function startOfSync(db: Db): Promise<string> {
	const [row] = await executeRows<{ start: string }>(
		db,
		sql`select ((extract(epoch from now()) - ${SYNC_OVERLAP_SECONDS}) * 1000000)::bigint::text as start`
	);
	return row!.start;
}

/**
 * A sync page from `rows` (limit + 1 changed rows, in order): the ones still in the list as `present` gives
 * them (by id; those it leaves out are tombstones), the cursor of the last row, and the next sync's start.
 */
export async function syncPage<T>(
	db: Db,
	query: SyncQuery,
	rows: ChangedRow[],
	present: (ids: number[]) => Promise<Map<number, T>>
): Promise<SyncPage<T>> {
	const start = query.startMicros ?? (await startOfSync(db));
	const page = rows.slice(0, query.limit);
	const found = page.length > 0 ? await present(page.map((r) => r.id)) : new Map<number, T>();
	const data: T[] = [];
	const deleted: Tombstone[] = [];
	for (const row of page) {
		const item = found.get(row.id);
		if (item !== undefined) data.push(item);
		else deleted.push({ id: row.id, updatedAt: isoOfMicros(row.micros) });
	}
	const last = page.at(-1);
	return {
		data,
		deleted,
		nextCursor:
			rows.length > query.limit && last
				? encodeSyncCursor({ micros: last.micros, id: last.id, start })
				: null,
		nextUpdatedSince: isoOfMicros(start)
	};
}

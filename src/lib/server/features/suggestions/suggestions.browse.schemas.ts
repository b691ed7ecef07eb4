// What the public map and list of an opportunity's suggestions and the read API accept. The page is lenient
// (a stale, edited or hostile link still shows the list, an unusable filter is ignored); the API is strict
// (a bad value is a 400 problem document naming the field).
import type { MessageKey } from '$lib/i18n';
import { DECISION_STATUSES, type DecisionStatus } from '$lib/domain/suggestions';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { BROWSE_PARAMS, type BrowseSort } from '$lib/components/suggestions/browse-links';
import { isInFlanders } from '$lib/server/platform/geo/geo';
import { isSlug } from '$lib/domain/slugs';

export const PAGE_SIZE = 20;
export const API_LIMIT_DEFAULT = 20;
export const API_LIMIT_MAX = 100;
/** At most this many features in one GeoJSON answer (the most supported first); narrow with bbox= for more. */
export const GEOJSON_MAX = 5_000;
/** At most this many cells in one clusters answer (the fullest first); the answer says when it cut. */
export const CLUSTER_CELLS_MAX = 500;
/** A cell is about this many pixels wide at the requested zoom. */
export const CLUSTER_CELL_PX = 64;
/** A box wider than this many cells is clustered on a coarser grid, so a huge box never means many cells. */
export const CLUSTER_GRID_MAX = 40;
export const ZOOM_MAX = 20;
/** From the map's closest zoom on, a cluster carries at most this many of its suggestions (the most supported). */
export const CLUSTER_MEMBERS_MAX = 50;
/** …and one answer at most this many in all. */
export const CLUSTER_MEMBERS_TOTAL = 1_000;
/** "Near an address": suggestions within this distance, nearest first. */
export const NEAR_RADIUS_METRES = 1_000;
/** A search or an address longer than this is cut on the page and refused by the API. */
export const TEXT_MAX = 200;
const MAX_PAGE = 10_000;

export type ApiSort = 'votes' | 'newest';

export interface Bbox {
	minLng: number;
	minLat: number;
	maxLng: number;
	maxLat: number;
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f\s]+/g;

/** Collapses whitespace and control characters; cuts at TEXT_MAX (a flood must not cost anything). */
export function cleanText(value: string | null | undefined): string | undefined {
	if (!value) return undefined;
	const text = value
		.slice(0, TEXT_MAX * 4)
		.replace(CONTROL_OR_SPACE, ' ')
		.trim()
		.slice(0, TEXT_MAX)
		.trim();
	return text || undefined;
}

function parseStatus(value: string | null | undefined): DecisionStatus | undefined {
	return value && (DECISION_STATUSES as readonly string[]).includes(value)
		? (value as DecisionStatus)
		: undefined;
}

function parseSlug(value: string | null | undefined): string | undefined {
	return value && isSlug(value) ? value : undefined;
}

function parseNumber(value: string | null | undefined): number | undefined {
	if (!value || value.length > 30 || !/^-?\d{1,3}(\.\d{1,15})?$/.test(value)) return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : undefined;
}

/** A point people can ask for: inside Flanders (a municipality's suggestions are never further away). */
function parsePoint(lat: string | null, lng: string | null): { lat: number; lng: number } | undefined {
	const la = parseNumber(lat);
	const ln = parseNumber(lng);
	if (la === undefined || ln === undefined) return undefined;
	// Flanders, not the municipality: a click just across its border still orders its suggestions by distance.
	return isInFlanders({ lat: la, lng: ln }) ? { lat: la, lng: ln } : undefined;
}

/** The filters of the page, as its GET form puts them in the URL. */
export interface BrowseFilters {
	theme?: string;
	status?: DecisionStatus;
	/** As asked; nearest first applies only when there is a place to be near to. */
	sort: BrowseSort;
	/** A typed address, looked up with the geolocation service when there is one. */
	near?: string;
	/** A place given as coordinates (a click on the map). */
	point?: { lat: number; lng: number };
	q?: string;
	page: number;
}

export function parseBrowseFilters(params: URLSearchParams): BrowseFilters {
	const page = Number(params.get(BROWSE_PARAMS.page));
	const sortParam = params.get(BROWSE_PARAMS.sort);
	const near = cleanText(params.get(BROWSE_PARAMS.near));
	const point = near ? undefined : parsePoint(params.get(BROWSE_PARAMS.lat), params.get(BROWSE_PARAMS.lng));
	const sort: BrowseSort =
		sortParam === 'nieuw' ? 'nieuw' : sortParam === 'steun' ? 'steun' : near || point ? 'afstand' : 'steun';
	return {
		theme: parseSlug(params.get(BROWSE_PARAMS.theme)),
		status: parseStatus(params.get(BROWSE_PARAMS.status)),
		sort,
		near,
		point,
		q: cleanText(params.get(BROWSE_PARAMS.q)),
		page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

/** Where the last item of a page stands in its order: (votes, id) or (published, id). */
export type Cursor =
	{ sort: 'votes'; votes: number; id: number } | { sort: 'newest'; micros: string; id: number };

export function encodeCursor(cursor: Cursor): string {
	const value = cursor.sort === 'votes' ? ['v', cursor.votes, cursor.id] : ['n', cursor.micros, cursor.id];
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const isId = (v: unknown): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 2_147_483_647;

export function decodeCursor(value: string): Cursor | null {
	if (value.length > 100 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (!Array.isArray(parsed) || parsed.length !== 3) return null;
		const [kind, key, id] = parsed as unknown[];
		if (!isId(id)) return null;
		if (kind === 'v' && typeof key === 'number' && Number.isInteger(key) && key >= 0 && key <= 2_147_483_647)
			return { sort: 'votes', votes: key, id };
		if (kind === 'n' && typeof key === 'string' && /^-?\d{1,17}$/.test(key))
			return { sort: 'newest', micros: key, id };
		return null;
	} catch {
		return null;
	}
}

export interface ApiListQuery {
	theme?: string;
	status?: DecisionStatus;
	sort: ApiSort;
	q?: string;
	cursor?: Cursor;
	limit: number;
}

export interface ClustersQuery {
	bbox: Bbox;
	zoom: number;
	theme?: string;
	status?: DecisionStatus;
}

export interface GeoJsonQuery {
	bbox?: Bbox;
	theme?: string;
	status?: DecisionStatus;
}

/** Collects per-field messages; throws one 400 naming every field that is wrong. */
class Problems {
	readonly fields: FieldErrors = {};
	add(field: string, key: MessageKey) {
		(this.fields[field] ??= []).push(key);
	}
	throwIfAny() {
		if (Object.keys(this.fields).length > 0)
			throw new AppError('bad_request', { message: 'suggestions.api.invalid', fields: this.fields });
	}
}

function present(params: URLSearchParams, name: string): string | undefined {
	const v = params.get(name);
	return v === null || v === '' ? undefined : v;
}

function themeAndStatus(params: URLSearchParams, problems: Problems) {
	const theme = present(params, 'theme');
	const status = present(params, 'status');
	if (theme !== undefined && parseSlug(theme) === undefined) problems.add('theme', 'suggestions.api.theme');
	if (status !== undefined && parseStatus(status) === undefined)
		problems.add('status', 'suggestions.api.status');
	return { theme: parseSlug(theme), status: parseStatus(status) };
}

/** `minLng,minLat,maxLng,maxLat`: four finite numbers in range, min below max. */
export function parseBbox(value: string): Bbox | null {
	if (value.length > 200) return null;
	const parts = value.split(',');
	if (parts.length !== 4) return null;
	const numbers = parts.map((p) => (/^\s*-?\d+(\.\d+)?(e-?\d+)?\s*$/i.test(p) ? Number(p) : NaN));
	if (!numbers.every(Number.isFinite)) return null;
	const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
	if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) return null;
	if (!(minLng < maxLng) || !(minLat < maxLat)) return null;
	return { minLng, minLat, maxLng, maxLat };
}

export function parseApiListQuery(params: URLSearchParams): ApiListQuery {
	const problems = new Problems();
	const { theme, status } = themeAndStatus(params, problems);
	const sortParam = present(params, 'sort');
	if (sortParam !== undefined && sortParam !== 'votes' && sortParam !== 'newest')
		problems.add('sort', 'suggestions.api.sort');
	const sort: ApiSort = sortParam === 'newest' ? 'newest' : 'votes';
	const q = present(params, 'q');
	if (q !== undefined && q.length > TEXT_MAX) problems.add('q', 'suggestions.api.q');
	const rawCursor = present(params, 'cursor');
	const cursor = rawCursor === undefined ? undefined : decodeCursor(rawCursor);
	if (cursor === null || (cursor && cursor.sort !== sort)) problems.add('cursor', 'suggestions.api.cursor');
	const limit = present(params, 'limit');
	const limitOk =
		limit === undefined || (/^\d{1,3}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= API_LIMIT_MAX);
	if (!limitOk) problems.add('limit', 'suggestions.api.limit');
	problems.throwIfAny();
	return {
		theme,
		status,
		sort,
		q: cleanText(q),
		cursor: cursor ?? undefined,
		limit: limit ? Number(limit) : API_LIMIT_DEFAULT
	};
}

export function parseClustersQuery(params: URLSearchParams): ClustersQuery {
	const problems = new Problems();
	const { theme, status } = themeAndStatus(params, problems);
	const rawBbox = present(params, 'bbox');
	const bbox = rawBbox === undefined ? null : parseBbox(rawBbox);
	if (!bbox) problems.add('bbox', 'suggestions.api.bbox');
	const rawZoom = present(params, 'zoom');
	const zoomOk = rawZoom !== undefined && /^\d{1,2}$/.test(rawZoom) && Number(rawZoom) <= ZOOM_MAX;
	if (!zoomOk) problems.add('zoom', 'suggestions.api.zoom');
	problems.throwIfAny();
	return { bbox: bbox!, zoom: Number(rawZoom), theme, status };
}

export function parseGeoJsonQuery(params: URLSearchParams): GeoJsonQuery {
	const problems = new Problems();
	const { theme, status } = themeAndStatus(params, problems);
	const rawBbox = present(params, 'bbox');
	const bbox = rawBbox === undefined ? undefined : parseBbox(rawBbox);
	if (bbox === null) problems.add('bbox', 'suggestions.api.bbox');
	problems.throwIfAny();
	return { bbox: bbox ?? undefined, theme, status };
}

// What the public action pages and the API accept. Pages are lenient (a stale or edited link still shows
// actions, an unknown filter is ignored); the API is strict (a bad value is a 400 with the field named).
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { ACTION_STATUSES, type ActionStatus } from '$lib/domain/actions';
import { LADDER_RUNGS, type LadderRung } from '$lib/domain/ladder';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { PAGE_PARAMS } from '$lib/components/actions/links';
import { isSlug } from '$lib/domain/slugs';

export const PAGE_SIZE = 20;
export const API_LIMIT_DEFAULT = 20;
export const API_LIMIT_MAX = 100;
/** A search longer than this is cut on pages and refused by the API: no one types more, a flood must not cost. */
export const Q_MAX = 200;
const MAX_PAGE = 10_000;

const key = (k: MessageKey) => k;

/** A rung as people and scripts write it: its number 1–6 or its name (`consult`). */
export function parseRung(value: string | null | undefined): LadderRung | undefined {
	if (!value) return undefined;
	if (/^[1-6]$/.test(value)) return LADDER_RUNGS[Number(value) - 1];
	return (LADDER_RUNGS as readonly string[]).includes(value) ? (value as LadderRung) : undefined;
}

function parseStatus(value: string | null): ActionStatus | undefined {
	return value && (ACTION_STATUSES as readonly string[]).includes(value)
		? (value as ActionStatus)
		: undefined;
}

function parseSlug(value: string | null): string | undefined {
	return value && isSlug(value) ? value : undefined;
}

// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL_OR_SPACE = /[\u0000-\u001f\u007f\s]+/g;

/** Collapses whitespace and control characters; cuts at Q_MAX. */
function cleanQuery(value: string | null): string | undefined {
	if (!value) return undefined;
	const q = value
		.slice(0, Q_MAX * 4)
		.replace(CONTROL_OR_SPACE, ' ')
		.trim()
		.slice(0, Q_MAX)
		.trim();
	return q || undefined;
}

/** The filters of the list pages, as the GET form puts them in the URL (Dutch parameter names). */
export interface PageFilters {
	theme?: string;
	status?: ActionStatus;
	rung?: LadderRung;
	q?: string;
	/** Regional view only: the slug of one municipality. */
	municipality?: string;
	page: number;
}

export function parsePageFilters(params: URLSearchParams): PageFilters {
	const page = Number(params.get(PAGE_PARAMS.page));
	return {
		theme: parseSlug(params.get(PAGE_PARAMS.theme)),
		status: parseStatus(params.get(PAGE_PARAMS.status)),
		rung: parseRung(params.get(PAGE_PARAMS.rung)),
		q: cleanQuery(params.get(PAGE_PARAMS.q)),
		municipality: parseSlug(params.get(PAGE_PARAMS.municipality)),
		page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export interface Cursor {
	publishedMicros: string;
	id: number;
}

export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify([cursor.publishedMicros, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
	if (value.length > 100 || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
	try {
		const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (!Array.isArray(parsed) || parsed.length !== 2) return null;
		const [micros, id] = parsed as unknown[];
		if (typeof micros !== 'string' || !/^-?\d{1,17}$/.test(micros)) return null;
		if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > 2_147_483_647) return null;
		return { publishedMicros: micros, id };
	} catch {
		return null;
	}
}

const optionalParam = z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().optional());

const apiListSchema = z.object({
	theme: optionalParam.refine((v) => v === undefined || isSlug(v), key('actions.api.theme')),
	status: optionalParam.refine(
		(v) => v === undefined || parseStatus(v) !== undefined,
		key('actions.api.status')
	),
	rung: optionalParam.refine((v) => v === undefined || parseRung(v) !== undefined, key('actions.api.rung')),
	q: optionalParam.refine((v) => v === undefined || v.length <= Q_MAX, key('actions.api.q')),
	cursor: optionalParam.refine((v) => v === undefined || decodeCursor(v) !== null, key('actions.api.cursor')),
	limit: optionalParam.refine(
		(v) => v === undefined || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= API_LIMIT_MAX),
		key('actions.api.limit')
	)
});

export interface ApiListQuery {
	theme?: string;
	status?: ActionStatus;
	rung?: LadderRung;
	q?: string;
	cursor?: Cursor;
	limit: number;
}

/** Parses the API's query string; a bad value is a 400 naming each field that is wrong. */
export function parseApiListQuery(params: URLSearchParams): ApiListQuery {
	const raw = Object.fromEntries(Object.keys(apiListSchema.shape).map((k) => [k, params.get(k)]));
	const result = apiListSchema.safeParse(raw);
	if (!result.success) {
		const fields: FieldErrors = {};
		for (const issue of result.error.issues) {
			const field = String(issue.path[0] ?? 'query');
			(fields[field] ??= []).push(issue.message as MessageKey);
		}
		throw new AppError('bad_request', { message: 'actions.api.invalid', fields });
	}
	const v = result.data;
	return {
		theme: v.theme,
		status: parseStatus(v.status ?? null),
		rung: parseRung(v.rung),
		q: cleanQuery(v.q ?? null),
		cursor: v.cursor ? (decodeCursor(v.cursor) ?? undefined) : undefined,
		limit: v.limit ? Number(v.limit) : API_LIMIT_DEFAULT
	};
}

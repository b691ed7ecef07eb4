// What the public event lists and the API accept. Pages are lenient (a stale or edited link still shows
// events, an unknown filter is ignored); the API is strict (a bad value is a 400 with the field named).
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { EVENT_KINDS, type EventKind } from '$lib/domain/events';
import { parseId } from '$lib/domain/ids';
import { isSlug } from '$lib/domain/slugs';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { brusselsLocalToDate } from '$lib/server/features/opportunities/opportunities.schemas';
import { isEventCursor } from './events.service';
import { EVENT_PAGE_PARAMS, PAST, type EventPageFilters } from '$lib/components/events/links';

export const EVENT_API_LIMIT_DEFAULT = 20;
export const EVENT_API_LIMIT_MAX = 100;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseKind(value: string | null): EventKind | undefined {
	return value && (EVENT_KINDS as readonly string[]).includes(value) ? (value as EventKind) : undefined;
}

/** A calendar day (yyyy-mm-dd) as the midnight it starts with in Brussels; null when it is no such day. */
export function brusselsMidnight(day: string): Date | null {
	return DATE.test(day) ? brusselsLocalToDate(`${day}T00:00`) : null;
}

/** The midnight after a calendar day in Brussels: the exclusive end of "up to and including" that day. */
export function brusselsMidnightAfter(day: string): Date | null {
	const start = brusselsMidnight(day);
	if (!start) return null;
	const next = new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10) + 1));
	return brusselsMidnight(next.toISOString().slice(0, 10));
}

export function parseEventPageFilters(params: URLSearchParams): EventPageFilters {
	const p = EVENT_PAGE_PARAMS;
	const theme = params.get(p.theme);
	const day = (v: string | null) => (v && brusselsMidnight(v) ? v : undefined);
	const cursor = params.get(p.cursor);
	return {
		when: params.get(p.when) === PAST ? 'past' : 'upcoming',
		theme: theme && isSlug(theme) ? theme : undefined,
		kind: parseKind(params.get(p.kind)),
		action: parseId(params.get(p.action) ?? '') ?? undefined,
		from: day(params.get(p.from)),
		to: day(params.get(p.to)),
		cursor: cursor && isEventCursor(cursor) ? cursor : undefined
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

const key = (k: MessageKey) => k;
const optionalParam = z.preprocess((v) => (v === null || v === '' ? undefined : v), z.string().optional());

const apiListSchema = z
	.object({
		from: optionalParam.refine(
			(v) => v === undefined || brusselsMidnight(v) !== null,
			key('events.api.from')
		),
		to: optionalParam.refine((v) => v === undefined || brusselsMidnight(v) !== null, key('events.api.to')),
		theme: optionalParam.refine((v) => v === undefined || isSlug(v), key('events.api.theme')),
		kind: optionalParam.refine((v) => v === undefined || parseKind(v) !== undefined, key('events.api.kind')),
		action: optionalParam.refine(
			(v) => v === undefined || (/^\d{1,10}$/.test(v) && parseId(v) !== null),
			key('events.api.action')
		),
		when: optionalParam.refine(
			(v) => v === undefined || v === 'upcoming' || v === 'past',
			key('events.api.when')
		),
		cursor: optionalParam.refine((v) => v === undefined || isEventCursor(v), key('events.api.cursor')),
		limit: optionalParam.refine(
			(v) => v === undefined || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= EVENT_API_LIMIT_MAX),
			key('events.api.limit')
		)
	})
	.refine((v) => !v.from || !v.to || v.to >= v.from, { path: ['to'], message: key('events.api.to') });

export interface EventApiQuery {
	when: 'upcoming' | 'past';
	from?: Date;
	/** Exclusive: the midnight after the last day asked. */
	to?: Date;
	theme?: string;
	kind?: EventKind;
	action?: number;
	cursor?: string;
	limit: number;
}

/** Parses the API's query string; a bad value is a 400 naming each field that is wrong. */
export function parseEventApiQuery(params: URLSearchParams): EventApiQuery {
	const raw = Object.fromEntries(
		['from', 'to', 'theme', 'kind', 'action', 'when', 'cursor', 'limit'].map((k) => [k, params.get(k)])
	);
	const result = apiListSchema.safeParse(raw);
	if (!result.success) {
		const fields: FieldErrors = {};
		for (const issue of result.error.issues) {
			const field = String(issue.path[0] ?? 'query');
			(fields[field] ??= []).push(issue.message as MessageKey);
		}
		throw new AppError('bad_request', { message: 'events.api.invalid', fields });
	}
	const v = result.data;
	return {
		when: v.when === 'past' ? 'past' : 'upcoming',
		from: v.from ? (brusselsMidnight(v.from) ?? undefined) : undefined,
		to: v.to ? (brusselsMidnightAfter(v.to) ?? undefined) : undefined,
		theme: v.theme,
		kind: parseKind(v.kind ?? null),
		action: v.action ? (parseId(v.action) ?? undefined) : undefined,
		cursor: v.cursor,
		limit: v.limit ? Number(v.limit) : EVENT_API_LIMIT_DEFAULT
	};
}

// The addresses of the public event lists and their query strings, shared by server and browser.
import type { EventKind } from '$lib/domain/events';

/** The list page's parameters in the address (Dutch names, as the GET form sends them). */
export const EVENT_PAGE_PARAMS = {
	when: 'wanneer',
	theme: 'thema',
	kind: 'soort',
	action: 'actie',
	from: 'van',
	to: 'tot',
	cursor: 'na'
} as const;

/** The value of `wanneer` for past events; anything else is upcoming. */
export const PAST = 'voorbij';

export interface EventPageFilters {
	when: 'upcoming' | 'past';
	theme?: string;
	kind?: EventKind;
	action?: number;
	/** yyyy-mm-dd as typed (kept in the form), only when it is a real day. */
	from?: string;
	to?: string;
	cursor?: string;
}

/** The address of the list with these filters (empty ones left out). */
export function eventListHref(base: string, filters: Partial<EventPageFilters>): string {
	const p = EVENT_PAGE_PARAMS;
	const query = new URLSearchParams();
	if (filters.when === 'past') query.set(p.when, PAST);
	if (filters.theme) query.set(p.theme, filters.theme);
	if (filters.kind) query.set(p.kind, filters.kind);
	if (filters.action) query.set(p.action, String(filters.action));
	if (filters.from) query.set(p.from, filters.from);
	if (filters.to) query.set(p.to, filters.to);
	if (filters.cursor) query.set(p.cursor, filters.cursor);
	const q = query.toString();
	return q ? `${base}?${q}` : base;
}

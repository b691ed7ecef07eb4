// The addresses of the public action pages and their query strings, shared by server and browser.
import { LADDER_RUNGS, type LadderRung } from '$lib/domain/ladder';

/** Query parameters of the list pages, in Dutch: people see and share these URLs. */
export const PAGE_PARAMS = {
	theme: 'thema',
	status: 'status',
	rung: 'trede',
	q: 'q',
	municipality: 'gemeente',
	page: 'pagina'
} as const;

export interface ListLinkFilters {
	q?: string;
	theme?: string;
	status?: string;
	rung?: LadderRung;
	municipality?: string;
	page?: number;
}

/** The query string of a list page with these filters (page 1 is left out). */
export function pageQuery(filters: ListLinkFilters): string {
	const search = new URLSearchParams();
	if (filters.q) search.set(PAGE_PARAMS.q, filters.q);
	if (filters.municipality) search.set(PAGE_PARAMS.municipality, filters.municipality);
	if (filters.theme) search.set(PAGE_PARAMS.theme, filters.theme);
	if (filters.status) search.set(PAGE_PARAMS.status, filters.status);
	if (filters.rung) search.set(PAGE_PARAMS.rung, String(LADDER_RUNGS.indexOf(filters.rung) + 1));
	if (filters.page && filters.page > 1) search.set(PAGE_PARAMS.page, String(filters.page));
	const text = search.toString();
	return text ? `?${text}` : '';
}

export function pageHref(base: string, filters: ListLinkFilters): string {
	return `${base}${pageQuery(filters)}`;
}

/** "Hoeveel tijd wil je erin steken?": the open opportunities on one rung, under a municipality or the region. */
export function rungHref(base: string, rung: LadderRung): string {
	return `${base}/trede/${LADDER_RUNGS.indexOf(rung) + 1}`;
}

export type ShareChannel = 'facebook' | 'whatsapp' | 'email' | 'link';

/** The address to share, marked with the channel it is shared through. */
export function sharedUrl(url: string, channel: ShareChannel): string {
	const u = new URL(url);
	u.searchParams.set('utm_source', channel);
	return u.href;
}

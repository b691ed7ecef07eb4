// The addresses of an opportunity's map and list of suggestions and their query strings, shared by server
// and browser: people see and share these URLs, so the parameters are Dutch.

export const BROWSE_PARAMS = {
	theme: 'thema',
	status: 'status',
	sort: 'sorteer',
	near: 'bij',
	lat: 'lat',
	lng: 'lng',
	q: 'q',
	page: 'pagina'
} as const;

/** Sort orders as they appear in the URL: most support (the default), newest, nearest first. */
export const BROWSE_SORTS = ['steun', 'nieuw', 'afstand'] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

export interface BrowseLinkFilters {
	theme?: string;
	status?: string;
	sort?: BrowseSort;
	near?: string;
	lat?: number;
	lng?: number;
	q?: string;
	page?: number;
}

/** The query string of the list with these filters (defaults are left out). */
export function browseQuery(filters: BrowseLinkFilters): string {
	const search = new URLSearchParams();
	if (filters.q) search.set(BROWSE_PARAMS.q, filters.q);
	if (filters.theme) search.set(BROWSE_PARAMS.theme, filters.theme);
	if (filters.status) search.set(BROWSE_PARAMS.status, filters.status);
	if (filters.sort && filters.sort !== 'steun') search.set(BROWSE_PARAMS.sort, filters.sort);
	if (filters.near) search.set(BROWSE_PARAMS.near, filters.near);
	else if (filters.lat !== undefined && filters.lng !== undefined) {
		search.set(BROWSE_PARAMS.lat, filters.lat.toFixed(6));
		search.set(BROWSE_PARAMS.lng, filters.lng.toFixed(6));
	}
	if (filters.page && filters.page > 1) search.set(BROWSE_PARAMS.page, String(filters.page));
	const text = search.toString();
	return text ? `?${text}` : '';
}

export function browseHref(base: string, filters: BrowseLinkFilters): string {
	return `${base}${browseQuery(filters)}`;
}

// Addresses of list pages with their filters, for sort links and pagination that work without JavaScript.

/** `?name=value&…` with the empty values left out. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
	const query = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) {
		if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
	}
	return `?${query}`;
}

/**
 * The address of a list with these filter values, each under the Dutch name its load declared (`names`, from
 * the platform's listParams); values without a name are left out, as are empty ones.
 */
export function listHref<N extends Record<string, string>>(
	names: N,
	values: { [K in keyof N]?: string | number | null | undefined }
): string {
	return queryString(
		Object.fromEntries(
			Object.entries(values).flatMap(([key, value]) =>
				Object.hasOwn(names, key) ? [[names[key], value]] : []
			)
		)
	);
}

/** The sort direction a column header link asks for: the other way round when it is already sorted on. */
export function nextDirection(current: { sort: string; dir: 'asc' | 'desc' }, sort: string): 'asc' | 'desc' {
	return current.sort === sort && current.dir === 'asc' ? 'desc' : 'asc';
}

export function ariaSort(
	current: { sort: string; dir: 'asc' | 'desc' },
	sort: string
): 'ascending' | 'descending' | undefined {
	if (current.sort !== sort) return undefined;
	return current.dir === 'asc' ? 'ascending' : 'descending';
}

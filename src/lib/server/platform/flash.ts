// The message after a change, carried in the address of the page a form post redirects to
// (post/redirect/get): `?gelukt=…&aantal=…`. A reload then shows the message again and posts nothing.
// Back-office pages and citizen pages alike; each page names the message of each outcome it knows.

const DONE = 'gelukt';
const COUNT = 'aantal';

/** The message after a change, as the address carries it back to the page. */
export interface Flash {
	/** What was done (`bulk`, `verwijderd`, `gesteund`, …), or null. */
	done: string | null;
	/** How many things it concerned, 0 when not said. */
	count: number;
}

/** The message in this address. */
export function flashOf(url: URL): Flash {
	return { done: url.searchParams.get(DONE), count: Number(url.searchParams.get(COUNT)) || 0 };
}

/** An address with the message after a change: `/geel/beheer/acties?gelukt=bulk&aantal=3`. */
export function withFlash(path: string, done: string, count?: number): string {
	const query = new URLSearchParams({ [DONE]: done });
	if (count !== undefined) query.set(COUNT, String(count));
	return `${path}?${query}`;
}

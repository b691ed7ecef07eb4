// The kinds of id the app hands out, each read one way wherever it arrives (URL, form, API, and the route
// param matchers in src/params/, which run in the browser too: hence this lives outside server code).
//
// - actions and suggestions have a public address with a readable slug (`/geel/acties/12-bankje`): their id
//   is read with `parseSluggedId`, which takes `12` and `12-bankje` alike, on public pages, in the back
//   office (staff paste a public address's last segment) and in the API; the slug is decoration, the id decides;
// - every other record id (opportunities, comments, updates) is read with `parseId`: digits only, so
//   `12-bankje` names nothing (not found);
// - people, themes and media have uuids (`isUuid`).

const MAX_ID = 2_147_483_647;
const DIGITS = /^\d{1,10}$/;
const SLUGGED = /^(\d{1,10})(?:-(.*))?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opportunity's, comment's or update's id (digits only, or a number), or null, which can never name a record. */
export function parseId(value: unknown): number | null {
	if (typeof value === 'number')
		return Number.isInteger(value) && value >= 1 && value <= MAX_ID ? value : null;
	if (typeof value !== 'string' || !DIGITS.test(value)) return null;
	const id = Number(value);
	return id >= 1 && id <= MAX_ID ? id : null;
}

/** The id of an action or a suggestion: `12-bankje-aan-de-markt`, `12` or 12 → id 12 and its slug (maybe empty); null when it is not one (a 404, not an error). */
export function parseSluggedId(value: unknown): { id: number; slug: string } | null {
	if (typeof value === 'number') {
		const id = parseId(value);
		return id === null ? null : { id, slug: '' };
	}
	if (typeof value !== 'string') return null;
	const match = SLUGGED.exec(value);
	if (!match) return null;
	const id = parseId(match[1]);
	return id === null ? null : { id, slug: match[2] ?? '' };
}

/** True for a well-formed uuid; anything else can never name a record, so callers answer not found. */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}

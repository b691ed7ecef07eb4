// Slugs name municipalities and themes in addresses and filters: lower-case ASCII letters and digits in
// groups joined by single hyphens (`vergroening-en-ontharding`), at most SLUG_MAX characters.

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

/** A well-formed slug: what may be looked up; anything else names nothing. */
export function isSlug(value: string): boolean {
	return value.length <= SLUG_MAX && SLUG_PATTERN.test(value);
}

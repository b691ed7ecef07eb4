// First path segments that are pages of the platform itself, never a municipality: hooks.server.ts does not
// look a municipality up for them, and no municipality may take one as its slug (municipalities.seed.ts).
// reserved-paths.test.ts fails when a top-level route of src/routes or a file of static/ is missing here.

export const RESERVED_PATHS: ReadonlySet<string> = new Set([
	'api',
	'healthz',
	'acties',
	// The region's events across municipalities, and the search across the platform.
	'activiteiten',
	'zoeken',
	'aanmelden',
	'afmelden',
	'afgemeld',
	'meldingen',
	'uitschrijven',
	'profiel',
	'agenda',
	'beheer',
	// The public playbook of every region: /draaiboek, /draaiboek/{template}.
	'draaiboek',
	// The region's impact, the climate pact and the open data pages of the platform.
	'impact',
	'klimaatpact',
	'open-data',
	// The home page's landscape as an image.
	'landschap.svg',
	'media',
	// Short links of the communication plans: /k/{code}.
	'k',
	// oEmbed for content management systems and the widgets' script (the widgets feature).
	'oembed',
	'widget.js',
	'_app',
	'favicon.svg',
	'robots.txt'
]);

/** Whether a first path segment (or a slug) is the platform's own. */
export function isReservedPath(segment: string): boolean {
	return RESERVED_PATHS.has(segment);
}

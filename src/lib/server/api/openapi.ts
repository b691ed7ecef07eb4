// The OpenAPI 3.1 document of the public API, from the paths and schemas each feature's manifest declares.
import { translate } from '$lib/i18n';
import type { ApiContribution, Features } from '$lib/server/platform/feature';
import { SLUG_MAX, SLUG_PATTERN } from '$lib/domain/slugs';
import { SESSION_COOKIE } from '$lib/server/features/accounts/accounts.cookies';
import { SYNC_LIMIT_MAX, SYNC_OVERLAP_SECONDS, UPDATED_SINCE_PATTERN } from '$lib/server/platform/api-sync';
import { API_READ_WINDOW_SECONDS } from '$lib/server/platform/api-http';

export type { ApiContribution };

const problemSchema = {
	type: 'object',
	description: 'RFC 9457 problem document',
	required: ['type', 'title', 'status'],
	properties: {
		type: { type: 'string' },
		title: { type: 'string' },
		status: { type: 'integer' },
		detail: { type: 'string' },
		instance: { type: 'string' },
		code: { type: 'string' },
		requestId: { type: 'string' },
		errors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } }
	}
};

const tombstoneSchema = {
	type: 'object',
	description:
		'Een item dat sinds updated_since uit de lijst verdween (niet meer gepubliceerd, verborgen, samengevoegd, gearchiveerd of weer ontwerp). Verwijder het bij je; het kan een id zijn dat je nooit zag.',
	required: ['id', 'updatedAt'],
	properties: { id: { type: 'integer' }, updatedAt: { type: 'string', format: 'date-time' } }
};

/** How integrators use the API: ids, sync, validators, CORS, limits (the document's description). */
const GUIDE = `## Ids en adressen
Elk item heeft een id (een geheel getal) dat nooit verandert en nooit hergebruikt wordt; een gemeente wordt aangeduid met haar slug (en haar NIS-code). \`url\` is de pagina van het item op Meedoen, \`api\` zijn adres in deze API. Een adres met id en slug (\`/acties/12-bankje\`) blijft werken als de titel verandert: alleen het id telt.

## Synchroniseren
Elke lijst (gemeenten, acties, activiteiten, suggesties) neemt \`updated_since\` (ISO 8601 met tijdzone). Je krijgt dan elk item van die lijst dat op of na dat tijdstip veranderde, oudste wijziging eerst (op \`updatedAt\`, dan id), in \`data\` als het nog in de lijst staat en in \`deleted\` (\`{id, updatedAt}\`) als het er sindsdien uit verdween. Blader met \`cursor\` tot \`nextCursor\` null is; wat tijdens het bladeren verandert, komt verderop nog eens (verwerk items dus als "bijwerken of toevoegen" op id). Begin de volgende synchronisatie met \`nextUpdatedSince\`: het moment van je eerste pagina min ${SYNC_OVERLAP_SECONDS} seconden, zodat een wijziging die toen nog liep niet verloren gaat. \`limit\` gaat tot ${SYNC_LIMIT_MAX}. Filters gaan niet samen met \`updated_since\` (400): filter zelf. Velden die een ander item overneemt (de titel van de actie bij een activiteit) veranderen met dat item, niet met dit. Een gemeente verdwijnt nooit uit de lijst; doet ze niet meer mee, dan zegt \`participating\` dat.

## Voorwaardelijke verzoeken
Elk leesantwoord heeft een ETag; één item (actie, activiteit, suggestie) ook Last-Modified. Stuur ze terug als If-None-Match of If-Modified-Since en je krijgt 304 zonder body zolang er niets veranderde.

## CORS
Lezen (GET, HEAD) mag vanaf elke website: \`Access-Control-Allow-Origin: *\`, zonder cookies; ETag, Last-Modified, RateLimit-* en Retry-After zijn leesbaar. Een preflight (OPTIONS) staat alleen GET, HEAD en OPTIONS toe. Schrijven kan alleen vanaf Meedoen zelf.

## Limieten
Lezen: standaard 600 verzoeken per minuut per IP-adres (de beheerder stelt dit in met API_READ_LIMIT, per serverproces geteld); de pagina's van het platform zelf (Sec-Fetch-Site: same-origin) hebben apart tien keer zoveel. Elk leesantwoord zegt hoeveel er overblijft in RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset en RateLimit-Policy; daarboven 429 met Retry-After. Schrijven, per persoon: 5 suggesties per uur, 60 stemmen per minuut (429 met Retry-After).`;

/** What changed in the API, newest first; the document's version is the first one's. */
const CHANGELOG = [
	{
		version: '1.1.0',
		date: '2026-12-06',
		changes: [
			'updated_since, nextUpdatedSince en deleted (tombstones) op elke lijst, voor incrementele synchronisatie',
			'updatedAt op elk item; api (het adres van het item in de API) op acties, activiteiten en suggesties',
			'ETag op elk leesantwoord en Last-Modified op één item; If-None-Match en If-Modified-Since geven 304',
			'CORS voor lezen vanaf elke website (GET, HEAD, OPTIONS), zonder cookies',
			'Leeslimiet per adres met RateLimit-Limit, -Remaining, -Reset en -Policy; 429 met Retry-After'
		]
	},
	{
		version: '1.0.0',
		date: '2026-11-22',
		changes: [
			'De eerste versie: gemeenten, acties, activiteiten en suggesties lezen; suggesties indienen en steunen met de sessiecookie'
		]
	}
];

function changelogMarkdown(): string {
	return [
		'## Wijzigingen',
		...CHANGELOG.map(
			(entry) => `### ${entry.version} (${entry.date})\n${entry.changes.map((c) => `- ${c}`).join('\n')}`
		)
	].join('\n\n');
}

/** Paths of every contribution; two contributions may describe different operations of one path. */
function mergePaths(list: ApiContribution[]): Record<string, Record<string, unknown>> {
	const paths: Record<string, Record<string, unknown>> = {};
	for (const contribution of list)
		for (const [path, item] of Object.entries(contribution.paths))
			paths[path] = { ...paths[path], ...(item as Record<string, unknown>) };
	return paths;
}

/** A slug as the API reads it (a theme's, a municipality's). */
export const themeSlugSchema = {
	type: 'string',
	maxLength: SLUG_MAX,
	pattern: SLUG_PATTERN.source,
	examples: ['vergroening-en-ontharding']
};

/** The cursor of a list: opaque, the nextCursor of the previous page of the same list and order. */
export const cursorParameter = {
	name: 'cursor',
	in: 'query',
	description:
		'De nextCursor van de vorige pagina, onveranderd en met dezelfde filters en sortering; een andere waarde geeft 400.',
	schema: { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }
};

/** `updated_since` on a list: the incremental sync (platform/api-sync.ts). */
export const updatedSinceParameter = {
	name: 'updated_since',
	in: 'query',
	description: `Synchronisatie: alleen wat veranderde op of na dit tijdstip (ISO 8601 met tijdzone), oudste wijziging eerst, met in \`deleted\` wat sindsdien uit de lijst verdween. Samen met een filter geeft 400: een synchronisatie gaat altijd over de hele lijst. Blader met \`cursor\` (de nextCursor van de vorige pagina, ook terwijl er gegevens veranderen: wat tussendoor verandert komt verderop opnieuw) en begin de volgende synchronisatie met \`nextUpdatedSince\`. Zie "Synchroniseren" bovenaan.`,
	schema: { type: 'string', format: 'date-time', maxLength: 40, pattern: UPDATED_SINCE_PATTERN },
	examples: { utc: { value: '2026-03-01T08:00:00Z' } }
};

/** The answer to a sync page of a list whose items are `itemRef`. */
export function syncPageSchema(itemRef: string) {
	return {
		type: 'object',
		description: 'Een pagina van een synchronisatie (met updated_since)',
		required: ['data', 'deleted', 'nextCursor', 'nextUpdatedSince'],
		properties: {
			data: { type: 'array', items: { $ref: itemRef } },
			deleted: { type: 'array', items: { $ref: '#/components/schemas/Tombstone' } },
			nextCursor: { type: ['string', 'null'] },
			nextUpdatedSince: { type: 'string', format: 'date-time' }
		}
	};
}

/** Last-Modified on the answer of one item: its own last change. */
export const lastModifiedHeader = {
	'Last-Modified': {
		description:
			'De laatste wijziging van het item (ook van zijn kansen en thema’s, inschrijvingen of verhaal). Stuur ze terug als If-Modified-Since; If-None-Match gaat voor.',
		schema: { type: 'string' }
	}
};

const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = new Set(['get', 'head', 'options', 'trace', ...WRITES]);

/**
 * Who may call each operation: a write needs the session cookie, a read needs nothing. An operation that
 * says so itself keeps what it says.
 */
function withSecurity(paths: Record<string, Record<string, unknown>>) {
	for (const item of Object.values(paths))
		for (const [method, operation] of Object.entries(item)) {
			// A path item also holds `servers`, `parameters`, `summary`: not operations.
			if (!METHODS.has(method)) continue;
			const op = operation as { security?: unknown };
			if (op.security === undefined) op.security = WRITES.has(method) ? [{ session: [] }] : [];
		}
	return paths;
}

const header = (description: string, schema: Record<string, unknown> = { type: 'integer', minimum: 0 }) => ({
	description,
	schema
});

/** Every read answers with these (CORS, the validator, the read limit). */
const readHeaders = {
	ETag: header('Sterke validator van de bytes van dit antwoord; stuur hem terug als If-None-Match.', {
		type: 'string'
	}),
	'Access-Control-Allow-Origin': header('`*`: elke website mag lezen, zonder cookies.', {
		type: 'string',
		const: '*'
	}),
	'RateLimit-Limit': header('Leesverzoeken per adres per venster.'),
	'RateLimit-Remaining': header('Wat er in dit venster nog overblijft.'),
	'RateLimit-Reset': header('Seconden tot het venster opnieuw begint.'),
	'RateLimit-Policy': header('Limiet en venster, bv. `600;w=60`.', { type: 'string' })
};

/**
 * What every read of /api/v1 shares (hooks.server.ts, platform/api-http.ts): If-None-Match and
 * If-Modified-Since, 304, the read limit's 429, and the headers of CORS, the validator and the limit. A read
 * under its own server (the calendar feeds) keeps what it says itself.
 */
function withReadConventions(paths: Record<string, Record<string, unknown>>) {
	for (const item of Object.values(paths)) {
		if (item.servers) continue;
		const op = item.get as
			| {
					parameters?: unknown[];
					responses: Record<string, { headers?: Record<string, unknown>; $ref?: string }>;
			  }
			| undefined;
		if (!op) continue;
		op.parameters = [
			...(op.parameters ?? []),
			{ $ref: '#/components/parameters/IfNoneMatch' },
			{ $ref: '#/components/parameters/IfModifiedSince' }
		];
		const ok = op.responses['200'];
		if (ok && !ok.$ref) ok.headers = { ...readHeaders, ...ok.headers };
		op.responses = {
			...op.responses,
			'304': { $ref: '#/components/responses/NotModified' },
			'429': { $ref: '#/components/responses/ReadLimited' }
		};
	}
	return paths;
}

/**
 * A path outside /api/v1 (the calendar feeds) names its server relative to the site (`/`); the document gives
 * it with the origin, as the document's own server is.
 */
function withOrigin(paths: Record<string, Record<string, unknown>>, origin: string) {
	for (const item of Object.values(paths)) {
		const servers = item.servers as { url: string }[] | undefined;
		for (const server of servers ?? [])
			if (server.url.startsWith('/')) server.url = `${origin}${server.url.replace(/\/$/, '')}`;
	}
	return paths;
}

export function buildOpenApiDocument(origin: string, features: Features) {
	const contributions = structuredClone(features.flatMap((feature) => feature.api ?? []));
	return {
		openapi: '3.1.0',
		info: {
			title: translate('nl', 'api.title'),
			version: CHANGELOG[0]!.version,
			description: `${translate('nl', 'api.description')}\n\n${GUIDE}\n\n${changelogMarkdown()}`,
			license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' }
		},
		servers: [{ url: `${origin}/api/v1` }],
		'x-changelog': CHANGELOG,
		paths: withOrigin(withReadConventions(withSecurity(mergePaths(contributions))), origin),
		components: {
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: SESSION_COOKIE,
					description: translate('nl', 'api.session')
				}
			},
			schemas: Object.assign(
				{ Problem: problemSchema, Tombstone: tombstoneSchema },
				...contributions.map((c) => c.schemas)
			),
			parameters: {
				IfNoneMatch: {
					name: 'If-None-Match',
					in: 'header',
					description: 'De ETag van een eerder antwoord: onveranderd geeft 304 zonder body.',
					schema: { type: 'string', maxLength: 1000 }
				},
				IfModifiedSince: {
					name: 'If-Modified-Since',
					in: 'header',
					description:
						'De Last-Modified van een eerder antwoord (bij één item): niet later gewijzigd geeft 304. Telt niet als ook If-None-Match meekomt.',
					schema: { type: 'string', maxLength: 100 }
				}
			},
			responses: {
				Problem: {
					description: 'Fout, als problem document',
					content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
				},
				NotModified: {
					description: 'Niet gewijzigd sinds de ETag of Last-Modified die je meestuurde; geen body',
					headers: {
						ETag: readHeaders.ETag,
						'Access-Control-Allow-Origin': readHeaders['Access-Control-Allow-Origin']
					}
				},
				ReadLimited: {
					description: `Te veel leesverzoeken vanaf dit adres in ${API_READ_WINDOW_SECONDS} seconden`,
					headers: {
						'Retry-After': header('Seconden tot je weer mag lezen.'),
						'RateLimit-Limit': readHeaders['RateLimit-Limit'],
						'RateLimit-Remaining': readHeaders['RateLimit-Remaining'],
						'RateLimit-Reset': readHeaders['RateLimit-Reset']
					},
					content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
				}
			}
		}
	};
}

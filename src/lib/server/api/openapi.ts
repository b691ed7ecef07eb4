// The OpenAPI 3.1 document of the public API, from the paths and schemas each feature's manifest declares.
import { translate } from '$lib/i18n';
import type { ApiContribution, Features } from '$lib/server/platform/feature';
import { SLUG_MAX, SLUG_PATTERN } from '$lib/domain/slugs';
import { SESSION_COOKIE } from '$lib/server/features/accounts/accounts.cookies';

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
			version: '1.0.0',
			description: translate('nl', 'api.description'),
			license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' }
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths: withOrigin(withSecurity(mergePaths(contributions)), origin),
		components: {
			securitySchemes: {
				session: {
					type: 'apiKey',
					in: 'cookie',
					name: SESSION_COOKIE,
					description: translate('nl', 'api.session')
				}
			},
			schemas: Object.assign({ Problem: problemSchema }, ...contributions.map((c) => c.schemas)),
			responses: {
				Problem: {
					description: 'Fout, als problem document',
					content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } }
				}
			}
		}
	};
}

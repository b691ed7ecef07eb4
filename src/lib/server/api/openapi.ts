// The OpenAPI 3.1 document of the public API. Each feature adds its paths and schemas here.
import { translate } from '$lib/i18n';
import { municipalitiesApi } from '$lib/server/features/municipalities/municipalities.openapi';
import { actionsApi } from '$lib/server/features/actions/actions.openapi';
import { suggestionsApi } from '$lib/server/features/suggestions/suggestions.openapi';
import { suggestionsContributeApi } from '$lib/server/features/suggestions/suggestions.contribute.openapi';

export interface ApiContribution {
	paths: Record<string, unknown>;
	schemas: Record<string, unknown>;
}

const contributions: ApiContribution[] = [
	municipalitiesApi,
	actionsApi,
	suggestionsApi,
	suggestionsContributeApi
];

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

export function buildOpenApiDocument(origin: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: translate('nl', 'api.title'),
			version: '1.0.0',
			description: translate('nl', 'api.description'),
			license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' }
		},
		servers: [{ url: `${origin}/api/v1` }],
		paths: mergePaths(contributions),
		components: {
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

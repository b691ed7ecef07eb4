// The OpenAPI 3.1 document of the public API, from the paths and schemas each feature's manifest declares.
import { translate } from '$lib/i18n';
import type { ApiContribution, Features } from '$lib/server/platform/feature';

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

export function buildOpenApiDocument(origin: string, features: Features) {
	const contributions = features.flatMap((feature) => feature.api ?? []);
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

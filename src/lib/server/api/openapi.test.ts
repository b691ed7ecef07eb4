import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { features } from '$lib/server/features';

describe('OpenAPI document', () => {
	const doc = buildOpenApiDocument('https://meedoen.example', features);

	it('keeps every operation when two features describe one path', () => {
		const item = doc.paths['/opportunities/{id}/suggestions'] as Record<string, unknown>;
		expect(Object.keys(item)).toEqual(expect.arrayContaining(['get', 'post']));
	});

	it('describes every suggestions endpoint of the issue', () => {
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/opportunities/{id}/suggestions',
				'/opportunities/{id}/suggestions.geojson',
				'/opportunities/{id}/clusters',
				'/suggestions/{id}',
				'/suggestions/{id}/vote'
			])
		);
		const vote = doc.paths['/suggestions/{id}/vote'] as Record<string, unknown>;
		expect(Object.keys(vote)).toEqual(expect.arrayContaining(['put', 'delete']));
	});

	it('has unique operation ids', () => {
		const ids = Object.values(doc.paths).flatMap((item) =>
			Object.values(item).map((op) => (op as { operationId?: string }).operationId)
		);
		expect(new Set(ids).size).toBe(ids.length);
	});
});

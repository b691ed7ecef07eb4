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
			Object.entries(item)
				.filter(([key]) => key !== 'servers')
				.map(([, op]) => (op as { operationId?: string }).operationId)
		);
		expect(ids).not.toContain(undefined);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('describes the calendar feeds at the site root, outside /api/v1, with a path-level server', () => {
		expect(doc.servers).toEqual([{ url: 'https://meedoen.example/api/v1' }]);
		for (const feed of ['/{slug}/activiteiten.ics', '/agenda/{token}.ics']) {
			const item = doc.paths[feed] as {
				servers: { url: string }[];
				get: { security: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
			};
			expect(item.servers.map((s) => s.url)).toEqual(['https://meedoen.example']);
			expect(item.get.security).toEqual([]);
			expect(Object.keys(item.get.responses['200']!.content!)).toEqual(['text/calendar']);
			expect(Object.keys(item.get.responses)).toEqual(['200', '304', '404']);
		}
		// No path of the API itself got a server of its own.
		const others = Object.entries(doc.paths).filter(([, item]) => 'servers' in item);
		expect(others.map(([path]) => path).sort()).toEqual(['/agenda/{token}.ics', '/{slug}/activiteiten.ics']);
	});
});

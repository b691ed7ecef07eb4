import SwaggerParser from '@apidevtools/swagger-parser';
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

	it('is valid OpenAPI 3.1 for swagger-parser', async () => {
		await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
	});

	it('has a changelog: a section in the description and x-changelog, the newest version being the document’s', () => {
		const changelog = (doc as unknown as { 'x-changelog': { version: string; changes: string[] }[] })[
			'x-changelog'
		];
		expect(changelog[0]!.version).toBe(doc.info.version);
		expect(doc.info.description).toContain('## Wijzigingen');
		expect(doc.info.description).toContain(`### ${doc.info.version}`);
		for (const words of ['## Ids en adressen', '## Synchroniseren', '## CORS', '## Limieten'])
			expect(doc.info.description).toContain(words);
	});

	type Op = {
		parameters?: { name?: string; $ref?: string }[];
		responses: Record<string, { $ref?: string; headers?: Record<string, unknown>; content?: unknown }>;
	};
	const reads = Object.entries(doc.paths)
		.filter(([, item]) => !('servers' in item) && 'get' in item)
		.map(([path, item]) => [path, item.get as Op] as const);

	it('documents on every read the validators, 304, the read limit’s 429 and the CORS and RateLimit headers', () => {
		expect(reads.length).toBeGreaterThanOrEqual(9);
		for (const [path, op] of reads) {
			const refs = (op.parameters ?? []).map((p) => p.$ref);
			expect([path, refs]).toEqual([
				path,
				expect.arrayContaining([
					'#/components/parameters/IfNoneMatch',
					'#/components/parameters/IfModifiedSince'
				])
			]);
			expect(op.responses['304']).toEqual({ $ref: '#/components/responses/NotModified' });
			expect(op.responses['429']).toEqual({ $ref: '#/components/responses/ReadLimited' });
			expect(Object.keys(op.responses['200']!.headers ?? {})).toEqual(
				expect.arrayContaining([
					'ETag',
					'Access-Control-Allow-Origin',
					'RateLimit-Limit',
					'RateLimit-Remaining',
					'RateLimit-Reset'
				])
			);
		}
		const limited = doc.components.responses.ReadLimited as { headers: Record<string, unknown> };
		expect(Object.keys(limited.headers)).toContain('Retry-After');
	});

	it('gives Last-Modified on one item, and updated_since with a sync page on every list of items', () => {
		for (const path of ['/actions/{id}', '/events/{id}', '/suggestions/{id}']) {
			const op = doc.paths[path]!.get as Op;
			expect(Object.keys(op.responses['200']!.headers!)).toContain('Last-Modified');
		}
		for (const path of [
			'/municipalities',
			'/municipalities/{slug}/actions',
			'/municipalities/{slug}/events',
			'/opportunities/{id}/suggestions'
		]) {
			const op = doc.paths[path]!.get as Op;
			expect((op.parameters ?? []).map((p) => p.name)).toContain('updated_since');
			expect(JSON.stringify(op.responses['200']!.content)).toContain('#/components/schemas/Tombstone');
		}
	});
});

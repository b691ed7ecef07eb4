// The registry: every feature folder declares itself once and is listed once, and what the platform builds
// from the registry (the OpenAPI document, the demo order) contains every manifest's part.
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkFeatures, defineFeature, demoOrder, type FeatureManifest } from '$lib/server/platform/feature';
import { MAIL_JOB } from '$lib/server/platform/app';
import { buildOpenApiDocument } from '$lib/server/api/openapi';
import { features } from '.';
import { MUNICIPALITY_ABILITIES } from '$lib/server/platform/policy';

const FEATURES_DIR = path.resolve('src/lib/server/features');
const manifestModules = import.meta.glob<Record<string, unknown>>('./*/*.feature.ts', { eager: true });

function isManifest(value: unknown): value is FeatureManifest {
	return Boolean(value && typeof value === 'object' && 'name' in value && typeof value.name === 'string');
}

async function featureFolders(): Promise<string[]> {
	const entries = await readdir(FEATURES_DIR, { withFileTypes: true });
	return entries
		.filter((e) => e.isDirectory())
		.map((e) => e.name)
		.sort();
}

describe('the feature registry', () => {
	it('has one manifest per folder under features/, named after it, and lists each exactly once', async () => {
		const folders = await featureFolders();
		const declared = Object.entries(manifestModules).map(([file, exports]) => {
			const manifests = Object.values(exports).filter(isManifest);
			expect(manifests, file).toHaveLength(1);
			const folder = file.split('/')[1]!;
			expect(file).toBe(`./${folder}/${folder}.feature.ts`);
			expect(manifests[0]!.name).toBe(folder);
			return manifests[0]!;
		});
		expect(declared.map((m) => m.name).sort()).toEqual(folders);
		// The registry holds the very objects the folders declare, no copies and none twice.
		expect([...features].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
			declared.sort((a, b) => a.name.localeCompare(b.name))
		);
		for (const manifest of declared) expect(features).toContain(manifest);
		expect(new Set(features.map((f) => f.name)).size).toBe(features.length);
	});

	it('passes the checks startApp makes (unique names, jobs and handlers, demo dependencies that exist)', () => {
		expect(() => checkFeatures(features, { jobs: [MAIL_JOB] })).not.toThrow();
	});

	it('declares only abilities that exist in the policy', () => {
		const known = new Set<string>(MUNICIPALITY_ABILITIES);
		for (const feature of features)
			for (const ability of feature.abilities ?? [])
				expect(known, `${feature.name}: ${ability}`).toContain(ability);
	});

	it('declares every ability its code asks for', async () => {
		const quoted = new RegExp(
			`'(${MUNICIPALITY_ABILITIES.map((a) => a.replace('.', '\\.')).join('|')})'`,
			'g'
		);
		for (const feature of features) {
			const folder = path.join(FEATURES_DIR, feature.name);
			for (const file of await readdir(folder)) {
				if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('test-helpers')) continue;
				const source = await readFile(path.join(folder, file), 'utf8');
				// The policy that defines the ability table names them all; it asks for none.
				if (source.includes('export const MUNICIPALITY_ABILITIES')) continue;
				if (file.endsWith('.feature.ts')) continue;
				for (const [, ability] of source.matchAll(quoted))
					expect(feature.abilities ?? [], `${feature.name}/${file} asks for ${ability}`).toContain(ability);
			}
		}
	});

	it('loads the demo of municipalities, then actions, then suggestions', () => {
		const order = demoOrder(features).map((f) => f.name);
		expect(order.indexOf('demo')).toBeLessThan(order.indexOf('actions'));
		expect(order.indexOf('actions')).toBeLessThan(order.indexOf('suggestions'));
	});
});

describe('the OpenAPI document', () => {
	it("contains every operation and schema of every manifest's API part", () => {
		const doc = buildOpenApiDocument('https://meedoen.example', features);
		const withApi = features.filter((f) => f.api?.length);
		expect(withApi.map((f) => f.name)).toEqual(
			expect.arrayContaining(['municipalities', 'actions', 'suggestions'])
		);
		for (const feature of withApi)
			for (const part of feature.api ?? []) {
				for (const [route, item] of Object.entries(part.paths)) {
					const ownServer = (item as { servers?: unknown }).servers !== undefined;
					// Operations only: a path item's `servers` (the calendar feeds') is made absolute (openapi.test.ts).
					for (const method of Object.keys(item as object).filter((key) => key !== 'servers')) {
						const op = (item as Record<string, { parameters?: unknown[]; responses?: object }>)[method]!;
						const got = (doc.paths[route] as Record<string, unknown> | undefined)?.[method];
						// The document adds who may call it (the session on a write) where the manifest is silent.
						const security = method === 'get' ? [] : [{ session: [] }];
						if (method !== 'get' || ownServer) {
							expect(got, `${feature.name}: ${method} ${route}`).toEqual({ security, ...op });
							continue;
						}
						// A read of /api/v1 also gets the conditional requests, 304, 429 and the read headers.
						expect(got, `${feature.name}: ${method} ${route}`).toMatchObject({
							security,
							...op,
							parameters: [
								...(op.parameters ?? []),
								{ $ref: '#/components/parameters/IfNoneMatch' },
								{ $ref: '#/components/parameters/IfModifiedSince' }
							],
							responses: {
								...op.responses,
								'304': { $ref: '#/components/responses/NotModified' },
								'429': { $ref: '#/components/responses/ReadLimited' }
							}
						});
					}
				}
				for (const [name, schema] of Object.entries(part.schemas))
					expect((doc.components.schemas as Record<string, unknown>)[name]).toEqual(schema);
			}
	});

	it('takes in a new feature from its manifest alone', () => {
		const extra = defineFeature({
			name: 'polls',
			api: [
				{
					paths: { '/polls': { get: { operationId: 'listPolls', responses: {} } } },
					schemas: { Poll: { type: 'object' } }
				}
			]
		});
		const doc = buildOpenApiDocument('https://meedoen.example', [...features, extra]);
		expect(doc.paths['/polls']).toEqual({
			get: {
				operationId: 'listPolls',
				security: [],
				parameters: [
					{ $ref: '#/components/parameters/IfNoneMatch' },
					{ $ref: '#/components/parameters/IfModifiedSince' }
				],
				responses: {
					'304': { $ref: '#/components/responses/NotModified' },
					'429': { $ref: '#/components/responses/ReadLimited' }
				}
			}
		});
		expect(doc.components.schemas).toHaveProperty('Poll');
		expect(buildOpenApiDocument('https://meedoen.example', features).paths).not.toHaveProperty('/polls');
	});
});

describe('checking a registry', () => {
	const named = (name: string, extra: Partial<FeatureManifest> = {}) => defineFeature({ name, ...extra });
	const load = async () => undefined;

	it('refuses a feature listed twice, a demo waiting for what is not there or in a circle, a job twice, an hourly job it lacks', () => {
		expect(() => checkFeatures([named('a'), named('a')])).toThrow(/registered twice/);
		expect(() => checkFeatures([named('a', { demo: { after: ['b'], load } })])).toThrow(/waits for b/);
		expect(() =>
			checkFeatures([
				named('a', { demo: { after: ['b'], load } }),
				named('b', { demo: { after: ['a'], load } })
			])
		).toThrow(/circle/);
		expect(() =>
			checkFeatures([named('a', { jobs: { 'mail.send': load } })], { jobs: ['mail.send'] })
		).toThrow(/declared twice/);
		expect(() => checkFeatures([named('a', { jobs: { 'a.x': load }, hourly: ['a.y'] })])).toThrow(
			/hourly job a.y of a is not one of its jobs/
		);
		const handler = { name: 'h', events: [], handle: load };
		expect(() =>
			checkFeatures([named('a', { handlers: [handler] }), named('b', { handlers: [handler] })])
		).toThrow(/declared twice/);
	});

	it('orders demos by what they wait for, whatever the registry order', () => {
		const order = demoOrder([
			named('c', { demo: { after: ['b'], load } }),
			named('x'),
			named('b', { demo: { after: ['a'], load } }),
			named('a', { demo: { load } })
		]).map((f) => f.name);
		expect(order).toEqual(['a', 'b', 'c']);
	});
});

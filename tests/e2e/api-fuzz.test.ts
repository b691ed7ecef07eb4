// The public API against its own OpenAPI document, over real HTTP against the built server. The document
// is validated by code nobody here wrote (@apidevtools/swagger-parser) and linted with Redocly's
// recommended rules (@redocly/openapi-core: zero errors). Then every operation is called many times with
// parameters and bodies generated from its schemas (json-schema-faker, seeded, so a failure repeats), mixed
// with real ids of the demo and with values outside the schema, signed in (writes with the platform's
// Origin) and not: no answer is a server error, every status is one the operation documents, and every
// JSON body validates (Ajv, JSON Schema 2020-12) against the schema documented for that status. The calendar
// feeds sit outside /api/v1: their path items name the site's root as their server.
import SwaggerParser from '@apidevtools/swagger-parser';
import { lintFromString, loadConfig } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { generateSync } from 'json-schema-faker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../src/lib/server/testing/http-client';
import {
	freePort,
	freshDataDir,
	logInOverHttp,
	removeDataDir,
	routeValuesOfGeel,
	startServer,
	type RunningServer
} from './support';

type Schema = Record<string, unknown>;
type Parameter = {
	name: string;
	in: 'path' | 'query' | 'header' | 'cookie';
	required?: boolean;
	schema: Schema;
};
type Operation = {
	operationId: string;
	parameters?: Parameter[];
	requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
	responses: Record<string, { $ref?: string; content?: Record<string, { schema: Schema }> }>;
	security?: Record<string, string[]>[];
};
type PathItem = Record<string, Operation> & { servers?: { url: string }[] };
type Document = {
	servers: { url: string }[];
	paths: Record<string, PathItem>;
	components: Record<string, Record<string, unknown>>;
};

const CALLS_PER_OPERATION = 100;

let server: RunningServer;
let doc: Document;
let citizen: CookieJar;
let values: Record<string, string>;

beforeAll(async () => {
	const env = { JOBS: '0', DEV_IDP_PORT: String(await freePort()) };
	const dataDir = await freshDataDir(env);
	values = await routeValuesOfGeel(dataDir);
	server = await startServer({ dataDir, env });
	citizen = await logInOverHttp(server, 'dev-citizen-geel');
	doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as Document;
}, 240_000);

afterAll(async () => {
	await server?.stop();
	if (server) removeDataDir(server.dataDir);
});

/** A small seeded random generator (mulberry32): the same run every time. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A path item's operations, without its other fields (`servers`). */
function operationsOf(item: PathItem): [string, Operation][] {
	return Object.entries(item).filter(([key]) => key !== 'servers') as [string, Operation][];
}

/** Values outside any schema: what a careless or hostile client sends. */
const HOSTILE = [
	'',
	' ',
	'-1',
	'0',
	'1e309',
	'NaN',
	'💥',
	"' OR 1=1 --",
	'%00',
	'x'.repeat(5_000),
	'[]',
	'{'
];

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1 for swagger-parser', async () => {
		await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
	});

	it('passes Redocly’s recommended rules with zero errors', async () => {
		const config = await loadConfig({});
		const problems = await lintFromString({
			source: JSON.stringify(doc),
			absoluteRef: 'openapi.json',
			config
		});
		expect(
			problems
				.filter((p) => p.severity === 'error')
				.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`)
		).toEqual([]);
	});

	it('asks for the session on every write and for nothing on a read', () => {
		for (const [path, item] of Object.entries(doc.paths))
			for (const [method, op] of operationsOf(item))
				expect([path, method, op.security]).toEqual([
					path,
					method,
					method === 'get' ? [] : [{ session: [] }]
				]);
	});
});

describe('every operation, called with what its schemas allow and what they do not', () => {
	it('answers no call with a server error or an answer its document does not describe', async () => {
		const ajv = new Ajv2020({ strict: false, allErrors: false });
		addFormats(ajv);
		const validators = new Map<string, ReturnType<typeof ajv.compile>>();
		const validatorOf = (key: string, schema: Schema) => {
			let v = validators.get(key);
			if (!v) validators.set(key, (v = ajv.compile(schema)));
			return v;
		};
		// A parameter arrives as text: Ajv turns it into the schema's type first, as a server would read it.
		const coercing = new Ajv2020({ strict: false, coerceTypes: true });
		addFormats(coercing);
		const fits = (schema: Schema, value: string) => coercing.validate(schema, value);
		const fitsJson = (schema: Schema, text: string) => {
			try {
				return ajv.validate(schema, JSON.parse(text));
			} catch {
				return false;
			}
		};
		const real: Record<string, string[]> = {
			id: [values.kans!, values.suggestion!, values.action!, '1', '2147483647'],
			slug: ['geel', 'mol', 'antwerpen', 'onbekend'],
			bbox: ['4.8,51.05,5.15,51.3', '4.9,51.1,5.1,51.2', '-180,-90,180,90']
		};
		// A path item's own server (the calendar feeds, at the site's root) before the document's (/api/v1).
		const baseOf = (item: PathItem) =>
			new URL((item.servers ?? doc.servers)[0]!.url).pathname.replace(/\/$/, '');
		const failures: string[] = [];
		let calls = 0;
		const statuses: Record<string, Record<number, number>> = {};
		let seed = 1;
		// Every $ref replaced by what it points at (swagger-parser), so each schema stands on its own.
		const resolved = (await SwaggerParser.dereference(structuredClone(doc) as never)) as unknown as Document;
		for (const [template, item] of Object.entries(resolved.paths)) {
			const base = baseOf(item);
			for (const [method, op] of operationsOf(item)) {
				const next = random(seed++);
				for (let call = 0; call < CALLS_PER_OPERATION; call++) {
					const fake = (schema: Schema) =>
						generateSync(schema as never, {
							seed: seed * 1000 + call
						});
					const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
					const outside: string[] = [];
					const valueOf = (p: Parameter): string => {
						// One value in seven is outside the schema; of the others, most ids are real ones.
						if (next() < 0.15) {
							const value = pick(HOSTILE);
							// Empty counts as absent; a value the schema happens to allow is not outside it.
							if (value.trim() !== '' && !fits(p.schema, value))
								outside.push(`${p.name}=${value.slice(0, 20)}`);
							return value;
						}
						if (real[p.name] && next() < 0.8) return pick(real[p.name]!);
						return String(fake(p.schema));
					};
					let path = template;
					const query = new URLSearchParams();
					for (const p of op.parameters ?? []) {
						if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(valueOf(p)));
						else if (p.in === 'query' && (p.required || next() < 0.3)) query.set(p.name, valueOf(p));
					}
					const url = new URL(`${server.url}${base}${path}${query.size ? `?${query}` : ''}`);
					const signedIn = next() < 0.7;
					const headers: Record<string, string> = { accept: 'application/json' };
					if (signedIn) headers.cookie = citizen.header(url);
					let body: string | undefined;
					if (method !== 'get') {
						headers.origin = server.url;
						const json = op.requestBody?.content['application/json'];
						if (json || next() < 0.5) {
							headers['content-type'] = 'application/json';
							const hostile = next() < 0.15;
							body = hostile ? pick(HOSTILE) : JSON.stringify(json ? fake(json.schema) : {});
							if (hostile && body.trim() !== '' && !(json && fitsJson(json.schema, body)))
								outside.push(`body ${body.slice(0, 20)}`);
						}
					}
					const response = await fetch(url, { method: method.toUpperCase(), headers, body });
					calls++;
					const tally = (statuses[op.operationId] ??= {});
					tally[response.status] = (tally[response.status] ?? 0) + 1;
					const label = `${method.toUpperCase()} ${url.pathname}${url.search.slice(0, 120)}${body ? ` ${body.slice(0, 80)}` : ''}`;
					const text = await response.text();
					if (response.status >= 500) {
						failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
						continue;
					}
					// Something outside the schema (other than an empty value, which counts as absent) is refused.
					if (outside.length > 0 && response.status < 400)
						failures.push(`${label}: ${response.status} for ${outside.join(', ')} outside the schema`);
					const documented = op.responses[String(response.status)] ?? op.responses.default;
					if (!documented) {
						failures.push(`${label}: ${response.status} is not documented`);
						continue;
					}
					const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
					const content = documented.content?.[type];
					if (!content) {
						if (documented.content && text.length > 0)
							failures.push(
								`${label}: ${response.status} as ${type}, documented as ${Object.keys(documented.content).join(', ')}`
							);
						continue;
					}
					// A calendar (text/calendar) or an error page (text/html): documented as text, nothing to parse.
					if (!/json$/.test(type)) continue;
					const validate = validatorOf(`${op.operationId} ${response.status} ${type}`, content.schema);
					let parsed: unknown;
					try {
						parsed = JSON.parse(text);
					} catch {
						failures.push(`${label}: ${response.status} body is not JSON`);
						continue;
					}
					if (!validate(parsed))
						failures.push(
							`${label}: ${response.status} contradicts its schema: ${ajv.errorsText(validate.errors).slice(0, 300)}`
						);
				}
			}
		}
		console.log('answers per operation:', JSON.stringify(statuses));
		expect(calls).toBeGreaterThan(300);
		expect(failures.slice(0, 40)).toEqual([]);
	}, 300_000);
});

describe('the same filter means the same everywhere', () => {
	it('answers an unknown theme with an empty list and a malformed one with 400, on every list', async () => {
		const lists = [
			'/api/v1/municipalities/geel/actions?',
			`/api/v1/opportunities/${values.kans}/suggestions?`,
			`/api/v1/opportunities/${values.kans}/suggestions.geojson?`,
			`/api/v1/opportunities/${values.kans}/clusters?bbox=4.8,51.05,5.15,51.3&zoom=13&`
		];
		const answers: string[] = [];
		for (const list of lists) {
			for (const theme of ['geen-thema-met-deze-naam', 'Niet_Goed']) {
				const response = await fetch(`${server.url}${list}theme=${theme}`);
				const body = (await response.json()) as { data?: unknown[]; features?: unknown[]; total?: number };
				const items = body.data ?? body.features;
				answers.push(`${list}theme=${theme}: ${response.status}${response.ok ? ` ${items?.length}` : ''}`);
			}
		}
		expect(answers).toEqual(
			lists.flatMap((list) => [`${list}theme=geen-thema-met-deze-naam: 200 0`, `${list}theme=Niet_Goed: 400`])
		);
	});
});

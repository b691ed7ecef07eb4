// Cross-site request forgery, over real HTTP against the built server: every form action and every API
// write of the platform, read from the route tree (a new one is covered without editing this test), is
// posted with the victim's session cookie from another site (`Origin: https://evil.example`), from an
// opaque origin (`Origin: null`: sandboxed frames, data: URLs, some redirects) and without an Origin, in
// every content type a page can send without a CORS preflight and as JSON. Each is refused with 403, and
// the database (every table) is the same afterwards.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from '../../src/lib/server/testing/http-client';
import {
	freePort,
	logInOverHttp,
	projectRoot,
	removeDataDir,
	startServer,
	type RunningServer
} from './support';

const ROUTES = path.join(projectRoot, 'src', 'routes');
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

interface Write {
	/** The route id, e.g. /[municipality=slug]/beheer/medewerkers */
	route: string;
	method: string;
	/** The form action's name (`default` for the unnamed one); undefined for an endpoint. */
	action?: string;
}

/** Unwraps `x satisfies T`, `x as T` and parentheses down to the expression itself. */
function unwrap(node: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node))
		node = node.expression;
	return node;
}

function exported(statement: ts.Statement): boolean {
	return (
		ts.canHaveModifiers(statement) &&
		(ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
	);
}

/**
 * The names a module exports (consts, functions, `export { a as b }`), with the initializer of each const;
 * `export const { load, actions } = helper(...)` gives each destructured name the helper's call.
 */
function exportsOf(file: string): Map<string, ts.Expression | undefined> {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const names = new Map<string, ts.Expression | undefined>();
	for (const statement of source.statements) {
		if (ts.isVariableStatement(statement) && exported(statement)) {
			for (const d of statement.declarationList.declarations) {
				if (ts.isIdentifier(d.name)) names.set(d.name.text, d.initializer && unwrap(d.initializer));
				else if (ts.isObjectBindingPattern(d.name))
					for (const element of d.name.elements)
						if (ts.isIdentifier(element.name))
							names.set(element.name.text, d.initializer && unwrap(d.initializer));
			}
		} else if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
			names.set(statement.name.text, undefined);
		} else if (ts.isExportDeclaration(statement) && statement.exportClause) {
			if (ts.isNamedExports(statement.exportClause))
				for (const element of statement.exportClause.elements) names.set(element.name.text, undefined);
		}
	}
	return names;
}

/** The module file an import specifier of `from` names ($lib aliases and relative paths). */
function resolveImport(from: string, specifier: string): string {
	const base = specifier.startsWith('$lib/')
		? path.join(projectRoot, 'src', 'lib', specifier.slice('$lib/'.length))
		: path.resolve(path.dirname(from), specifier);
	for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	throw new Error(`${from}: cannot find ${specifier}`);
}

/**
 * The action names of `actions` in a route file: an object literal there, or the `actions` object literal
 * that an imported helper returns (`export const { load, actions } = confirmStep({...})`). Anything else
 * fails the test, so an action is never left out unnoticed.
 */
function actionNames(file: string, value: ts.Expression | undefined): string[] {
	const names = (object: ts.ObjectLiteralExpression, where: string) =>
		object.properties.map((property) => {
			if (ts.isSpreadAssignment(property) || !property.name)
				throw new Error(`${where}: an action this test cannot name`);
			return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)
				? property.name.text
				: property.name.getText();
		});
	if (value && ts.isObjectLiteralExpression(value)) return names(value, file);
	if (value && ts.isCallExpression(value) && ts.isIdentifier(value.expression)) {
		const helper = value.expression.text;
		const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
		const imported = source.statements.find(
			(s): s is ts.ImportDeclaration =>
				ts.isImportDeclaration(s) &&
				!!s.importClause?.namedBindings &&
				ts.isNamedImports(s.importClause.namedBindings) &&
				s.importClause.namedBindings.elements.some((e) => e.name.text === helper)
		);
		if (imported && ts.isStringLiteral(imported.moduleSpecifier)) {
			const helperFile = resolveImport(file, imported.moduleSpecifier.text);
			const helperSource = ts.createSourceFile(
				helperFile,
				readFileSync(helperFile, 'utf8'),
				ts.ScriptTarget.Latest,
				true
			);
			const fn = helperSource.statements.find(
				(s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === helper
			);
			const returned = fn?.body?.statements.find(ts.isReturnStatement)?.expression;
			const object = returned && unwrap(returned);
			const actions =
				object && ts.isObjectLiteralExpression(object)
					? object.properties.find(
							(p): p is ts.PropertyAssignment =>
								ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'actions'
						)
					: undefined;
			const literal = actions && unwrap(actions.initializer);
			if (literal && ts.isObjectLiteralExpression(literal))
				return names(literal, `${helperFile} (${helper})`);
		}
	}
	throw new Error(`${file}: actions is neither an object literal nor one a helper returns`);
}

/** Every form action and every endpoint write under src/routes. */
function writesOfRouteTree(): Write[] {
	const writes: Write[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(full);
				continue;
			}
			const route = '/' + path.relative(ROUTES, dir).split(path.sep).filter(Boolean).join('/');
			if (/^\+page\.server\.(ts|js)$/.test(entry.name)) {
				const actions = exportsOf(full);
				if (!actions.has('actions')) continue;
				for (const name of actionNames(full, actions.get('actions')))
					writes.push({ route, method: 'POST', action: name });
			} else if (/^\+server\.(ts|js)$/.test(entry.name)) {
				const names = exportsOf(full);
				for (const method of WRITE_METHODS) if (names.has(method)) writes.push({ route, method });
				// A fallback handles every method the module does not name.
				if (names.has('fallback'))
					for (const method of WRITE_METHODS) if (!names.has(method)) writes.push({ route, method });
			}
		}
	};
	walk(ROUTES);
	return writes;
}

/** Every table of the public schema, rows in a stable order, as JSON text. */
async function snapshot(dataDir: string): Promise<Record<string, string>> {
	const db = new PGlite(path.join(dataDir, 'pglite'));
	try {
		const tables = await db.query<{ name: string }>(
			`SELECT table_name AS name FROM information_schema.tables
			 WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`
		);
		const out: Record<string, string> = {};
		for (const { name } of tables.rows) {
			const rows = await db.query<{ rows: string }>(
				`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM "${name}" t`
			);
			out[name] = rows.rows[0]!.rows;
		}
		return out;
	} finally {
		await db.close();
	}
}

/** Values for the route parameters: real ids of Geel, so a write that got through would change something. */
async function parameterValues(dataDir: string): Promise<Record<string, string>> {
	const db = new PGlite(path.join(dataDir, 'pglite'));
	try {
		const one = async (sql: string) => {
			const result = await db.query<{ v: string | number }>(sql);
			if (!result.rows[0]) throw new Error(`no value for: ${sql}`);
			return String(result.rows[0].v);
		};
		const geel = `(SELECT id FROM municipalities WHERE slug = 'geel')`;
		// A listed suggestion of an opportunity that takes votes now, so the victim's vote would count.
		const suggestion = await one(
			`SELECT s.id || ',' || s.opportunity_id || ',' || o.action_id AS v FROM suggestions s
			 JOIN opportunities o ON o.id = s.opportunity_id
			 JOIN suggestion_settings ss ON ss.opportunity_id = s.opportunity_id
			 WHERE s.municipality_id = ${geel} AND s.moderation = 'approved' AND s.merged_into_id IS NULL
			   AND ss.voting_open AND (o.opens_at IS NULL OR o.opens_at <= now())
			   AND (o.closes_at IS NULL OR o.closes_at > now())
			 ORDER BY s.id LIMIT 1`
		);
		const [suggestionId, opportunityId, actionId] = suggestion.split(',');
		const update = await one(
			`SELECT action_id || ',' || id AS v FROM action_updates WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
		);
		const [updateActionId, updateId] = update.split(',');
		return {
			municipality: 'geel',
			slug: 'geel',
			action: actionId!,
			actie: updateActionId!,
			update: updateId!,
			kans: opportunityId!,
			opportunity: opportunityId!,
			suggestion: suggestionId!,
			suggestie: suggestionId!,
			id: suggestionId!,
			thema: await one(
				`SELECT id AS v FROM themes WHERE municipality_id = ${geel} ORDER BY position, id LIMIT 1`
			),
			persoon: await one(
				`SELECT u.id AS v FROM users u JOIN user_identities i ON i.user_id = u.id
				 WHERE i.subject = 'dev-citizen-geel' LIMIT 1`
			),
			level: '2',
			rest: 'v1/iets'
		};
	} finally {
		await db.close();
	}
}

/** The concrete path of a route id: `[name=matcher]`, `[name]`, `[...name]` replaced, groups left out. */
function pathOf(route: string, values: Record<string, string>): string {
	return (
		route
			.split('/')
			.filter((segment) => !/^\(.*\)$/.test(segment))
			.map((segment) =>
				segment.replace(/\[(?:\.\.\.)?([a-zA-Z_]+)(?:=[a-zA-Z_]+)?\]/g, (_, name: string) => {
					const value = values[name];
					if (value === undefined) throw new Error(`no value for the route parameter ${name} (${route})`);
					return value;
				})
			)
			.join('/') || '/'
	);
}

const ORIGINS: [label: string, origin: string | undefined][] = [
	['another site', 'https://evil.example'],
	['an opaque origin', 'null'],
	['no origin', undefined]
];

/** What a hostile page can send without a preflight (a form or a no-cors fetch), and JSON. */
function bodies(): [label: string, type: string, body: () => BodyInit][] {
	return [
		['urlencoded', 'application/x-www-form-urlencoded', () => 'title=Ingebroken&body=Overgenomen&confirm=on'],
		[
			'multipart',
			'',
			() => {
				const form = new FormData();
				form.set('title', 'Ingebroken');
				form.set('confirm', 'on');
				return form;
			}
		],
		['text/plain', 'text/plain', () => 'title=Ingebroken'],
		[
			'json',
			'application/json',
			() => JSON.stringify({ title: 'Ingebroken', body: 'Overgenomen', lat: 51.16, lng: 4.99 })
		]
	];
}

let server: RunningServer;
let dataDir: string;
let victims: { geel: CookieJar; region: CookieJar };
let values: Record<string, string>;
let before: Record<string, string>;
let env: Record<string, string>;
const writes = writesOfRouteTree();

beforeAll(async () => {
	// Jobs off: nothing in the background changes the database between the two snapshots. The identity
	// provider keeps its port: the demo personas' identities name it, and are updated when it moves.
	env = { JOBS: '0', DEV_IDP_PORT: String(await freePort()) };
	server = await startServer({ env });
	dataDir = server.dataDir;
	victims = {
		geel: await logInOverHttp(server, 'dev-admin-geel'),
		region: await logInOverHttp(server, 'dev-regional-admin-kempen')
	};
	await server.stop();
	values = await parameterValues(dataDir);
	before = await snapshot(dataDir);
	server = await startServer({ dataDir, env });
}, 240_000);

afterAll(async () => {
	await server?.stop();
	if (dataDir) removeDataDir(dataDir);
});

describe('cross-site writes', () => {
	it('finds the form actions and API writes in the route tree', () => {
		const names = writes.map((w) => `${w.method} ${w.route}${w.action ? ` ?/${w.action}` : ''}`);
		// A few known ones, so a reader that finds nothing cannot pass.
		expect(names).toEqual(
			expect.arrayContaining([
				'PUT /api/v1/suggestions/[id=slugged]/vote',
				'DELETE /api/v1/suggestions/[id=slugged]/vote',
				'POST /api/v1/opportunities/[id=id]/suggestions',
				'POST /[municipality=slug]/beheer/medewerkers ?/invite',
				'POST /profiel/verwijderen ?/default',
				'POST /afmelden ?/default',
				'POST /beheer/deelname ?/default'
			])
		);
		expect(writes.length).toBeGreaterThan(40);
	});

	it('refuses every form action and API write from another origin, an opaque one or none', async () => {
		const accepted: string[] = [];
		for (const write of writes) {
			const target = pathOf(write.route, values);
			const query = write.action && write.action !== 'default' ? `?/${write.action}` : '';
			const url = new URL(server.url + target + query);
			const jar = target.startsWith('/beheer') ? victims.region : victims.geel;
			for (const [originLabel, origin] of ORIGINS) {
				for (const [bodyLabel, type, body] of bodies()) {
					const headers: Record<string, string> = { cookie: jar.header(url), accept: '*/*' };
					if (type) headers['content-type'] = type;
					if (origin !== undefined) headers.origin = origin;
					const response = await fetch(url, {
						method: write.method,
						headers,
						body: body(),
						redirect: 'manual'
					});
					const label = `${write.method} ${url.pathname}${url.search} from ${originLabel} as ${bodyLabel}`;
					if (response.status !== 403) {
						accepted.push(`${label}: ${response.status}`);
						continue;
					}
					if (target.startsWith('/api/')) {
						// The API answers in its own language: a Dutch problem document.
						const type = response.headers.get('content-type') ?? '';
						const problem = type.startsWith('application/problem+json')
							? ((await response.json()) as { status: number; title: string; code: string })
							: null;
						if (!problem || problem.code !== 'forbidden' || !/andere website/.test(problem.title))
							accepted.push(`${label}: 403 but not the API's Dutch problem document (${type})`);
					} else {
						const text = await response.text();
						if (!/andere website/.test(text)) accepted.push(`${label}: 403 without the Dutch refusal`);
					}
				}
			}
		}
		expect(accepted).toEqual([]);
	}, 240_000);

	it('left the database as it was', async () => {
		await server.stop();
		const after = await snapshot(dataDir);
		server = await startServer({ dataDir, env });
		const changed = Object.keys({ ...before, ...after })
			.filter((table) => before[table] !== after[table])
			.map((table) => {
				const was = new Set((JSON.parse(before[table] ?? '[]') as unknown[]).map((r) => JSON.stringify(r)));
				const is = (JSON.parse(after[table] ?? '[]') as unknown[]).map((r) => JSON.stringify(r));
				return `${table}: ${is
					.filter((r) => !was.has(r))
					.slice(0, 3)
					.join(' ')}`;
			});
		expect(changed).toEqual([]);
	}, 120_000);

	it('still accepts the same writes from the platform itself', async () => {
		// The refusals above are about the origin, not the session or the ids: with our own origin the
		// victim's vote goes through.
		const url = new URL(`${server.url}/api/v1/suggestions/${values.suggestion}/vote`);
		const response = await fetch(url, {
			method: 'PUT',
			headers: { cookie: victims.geel.header(url), origin: server.url, accept: 'application/json' }
		});
		expect(response.status).toBe(200);
	});
});

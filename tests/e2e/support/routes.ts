// The platform's addresses read from the route tree (src/routes), so a test that must cover every page, form
// action or endpoint covers a new one without being edited: pages (a +page.svelte), form actions (the names of
// a +page.server.ts's `actions`, also when a helper returns them) and endpoint methods (+server.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from './server';

export const ROUTES = path.join(projectRoot, 'src', 'routes');
export const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ENDPOINT_METHODS = ['GET', ...WRITE_METHODS] as const;

export interface RouteRequest {
	/** The route id, e.g. /[municipality=slug]/beheer/medewerkers */
	route: string;
	/** A page (GET), a form action (POST) or a method of an endpoint. */
	kind: 'page' | 'action' | 'endpoint';
	method: string;
	/** The form action's name (`default` for the unnamed one). */
	action?: string;
}

/** Unwraps `x satisfies T`, `x as T` and parentheses down to the expression itself. */
function unwrap(node: ts.Expression): ts.Expression {
	while (ts.isSatisfiesExpression(node) || ts.isAsExpression(node) || ts.isParenthesizedExpression(node))
		node = node.expression;
	return node;
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
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
	const names = new Map<string, ts.Expression | undefined>();
	for (const statement of parse(file).statements) {
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
 * throws, so an action is never left out unnoticed.
 */
function actionNames(file: string, value: ts.Expression | undefined): string[] {
	const names = (object: ts.ObjectLiteralExpression, where: string) =>
		object.properties.map((property) => {
			if (ts.isSpreadAssignment(property) || !property.name)
				throw new Error(`${where}: an action the route reader cannot name`);
			return ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)
				? property.name.text
				: property.name.getText();
		});
	if (value && ts.isObjectLiteralExpression(value)) return names(value, file);
	if (value && ts.isCallExpression(value) && ts.isIdentifier(value.expression)) {
		const helper = value.expression.text;
		const imported = parse(file).statements.find(
			(s): s is ts.ImportDeclaration =>
				ts.isImportDeclaration(s) &&
				!!s.importClause?.namedBindings &&
				ts.isNamedImports(s.importClause.namedBindings) &&
				s.importClause.namedBindings.elements.some((e) => e.name.text === helper)
		);
		if (imported && ts.isStringLiteral(imported.moduleSpecifier)) {
			const helperFile = resolveImport(file, imported.moduleSpecifier.text);
			const fn = parse(helperFile).statements.find(
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

/** Every page, form action and endpoint method under src/routes, or under the route id `under`. */
export function routeTree(options: { under?: string } = {}): RouteRequest[] {
	const found: RouteRequest[] = [];
	const walk = (dir: string) => {
		const route = '/' + path.relative(ROUTES, dir).split(path.sep).filter(Boolean).join('/');
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name === '+page.svelte') found.push({ route, kind: 'page', method: 'GET' });
			else if (/^\+page\.server\.(ts|js)$/.test(entry.name)) {
				const names = exportsOf(full);
				if (names.has('actions'))
					for (const action of actionNames(full, names.get('actions')))
						found.push({ route, kind: 'action', method: 'POST', action });
			} else if (/^\+server\.(ts|js)$/.test(entry.name)) {
				const names = exportsOf(full);
				for (const method of ENDPOINT_METHODS)
					if (names.has(method)) found.push({ route, kind: 'endpoint', method });
				// A fallback handles every method the module does not name.
				if (names.has('fallback'))
					for (const method of ENDPOINT_METHODS)
						if (!names.has(method)) found.push({ route, kind: 'endpoint', method });
			}
		}
	};
	walk(ROUTES);
	const under = options.under;
	return under ? found.filter((r) => r.route === under || r.route.startsWith(`${under}/`)) : found;
}

/** Every form action and every endpoint write (POST, PUT, PATCH, DELETE) under src/routes. */
export function writesOfRouteTree(): RouteRequest[] {
	return routeTree().filter((r) => r.kind === 'action' || r.method !== 'GET');
}

/**
 * A route parameter's value: by `segment/name` (the static segment before it, for a name that means
 * different things in different places, e.g. `suggestions/id`), else by `name`.
 */
export type RouteValues = Record<string, string>;

/** The concrete path of a route id: `[name=matcher]`, `[name]`, `[...name]` replaced, groups left out. */
export function pathOf(route: string, values: RouteValues): string {
	const segments = route.split('/').filter((segment) => !/^\(.*\)$/.test(segment));
	return (
		segments
			.map((segment, index) =>
				segment.replace(/\[(?:\.\.\.)?([a-zA-Z_]+)(?:=[a-zA-Z_]+)?\]/g, (_, name: string) => {
					const value = values[`${segments[index - 1]}/${name}`] ?? values[name];
					if (value === undefined) throw new Error(`no value for the route parameter ${name} (${route})`);
					return value;
				})
			)
			.join('/') || '/'
	);
}

/** The address a request goes to: the path, and `?/name` for a named form action. */
export function addressOf(request: RouteRequest, values: RouteValues): string {
	const query = request.action && request.action !== 'default' ? `?/${request.action}` : '';
	return pathOf(request.route, values) + query;
}

/** `POST /[municipality=slug]/beheer/medewerkers ?/invite`: how a request is named in a test's output. */
export function nameOf(request: RouteRequest): string {
	return `${request.method} ${request.route}${request.action ? ` ?/${request.action}` : ''}`;
}

// Every top-level route and static file is a reserved first path segment, so hooks.server.ts never takes it
// for a municipality and no municipality can be named like it.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMunicipalitiesCsv } from '$lib/server/features/municipalities/municipalities.seed';
import { isReservedPath, RESERVED_PATHS } from './reserved-paths';

/** The first segments src/routes serves: folders, minus parameters and `+` files; a `(group)` is looked into. */
function topLevelRoutes(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		if (entry.name.startsWith('+') || entry.name.startsWith('[')) return [];
		if (entry.isDirectory() && /^\(.+\)$/.test(entry.name)) return topLevelRoutes(path.join(dir, entry.name));
		return entry.isDirectory() ? [entry.name] : [];
	});
}

describe('reserved first path segments', () => {
	it('holds every top-level route of src/routes and every file of static/', () => {
		const routes = topLevelRoutes(path.resolve('src/routes'));
		expect(routes).toContain('zoeken');
		const statics = readdirSync(path.resolve('static'));
		const missing = [...routes, ...statics].filter((segment) => !RESERVED_PATHS.has(segment));
		expect(missing).toEqual([]);
	});

	it('refuses a municipality whose slug is a reserved path', () => {
		const header =
			'nis_code,name,province,arrondissement,inhabitants_2020,main_postcode,center_lat,center_lng';
		expect(
			parseMunicipalitiesCsv(`${header}\n13008,Geel,Antwerpen,Turnhout,40000,2440,51.16,4.99`)[0]?.slug
		).toBe('geel');
		expect(isReservedPath('open-data')).toBe(true);
		expect(() =>
			parseMunicipalitiesCsv(`${header}\n99999,Open Data,Antwerpen,Turnhout,1,2440,51.16,4.99`)
		).toThrow(/reserved path: open-data/);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGeocoder } from './geocode';
import { silentLog } from '$lib/server/testing/context';

// A local HTTP server that answers like geolocation/v4 (the real service is not reachable from here).
let server: Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		seen.push(url.searchParams.get('q') ?? '');
		if (url.searchParams.get('q') === 'traag') return; // never answers
		if (url.searchParams.get('q') === 'kapot') {
			res.writeHead(500).end('oops');
			return;
		}
		if (url.searchParams.get('q') === 'raar') {
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"LocationResult":[{"Location":{}}]}');
			return;
		}
		res.writeHead(200, { 'content-type': 'application/json' }).end(
			JSON.stringify({
				LocationResult: [
					{ FormattedAddress: 'Markt 1, 2440 Geel', Location: { Lat_WGS84: 51.1617, Lon_WGS84: 4.9896 } }
				]
			})
		);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/geolocation/v4`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

describe('geocoder', () => {
	it('turns a typed address into a place through the Location endpoint', async () => {
		const geocoder = createGeocoder({ baseUrl: base, log: silentLog });
		expect(await geocoder.lookup(' Markt 1, Geel ')).toEqual({
			lat: 51.1617,
			lng: 4.9896,
			label: 'Markt 1, 2440 Geel'
		});
		expect(seen).toContain('Markt 1, Geel');
	});

	it('answers null, never an error, when the service fails, is slow or answers oddly', async () => {
		const geocoder = createGeocoder({ baseUrl: base, log: silentLog, timeoutMs: 300 });
		expect(await geocoder.lookup('kapot')).toBeNull();
		expect(await geocoder.lookup('traag')).toBeNull();
		expect(await geocoder.lookup('raar')).toBeNull();
		expect(await geocoder.lookup('   ')).toBeNull();
		const nowhere = createGeocoder({ baseUrl: 'http://127.0.0.1:9/x', log: silentLog, timeoutMs: 300 });
		expect(await nowhere.lookup('Markt 1')).toBeNull();
	});
});

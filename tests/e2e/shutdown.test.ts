// SIGTERM: requests in flight finish, jobs stop, the embedded database closes cleanly and opens again.
import { describe, expect, it } from 'vitest';
import { removeDataDir, startServer } from './support';

describe('graceful shutdown', () => {
	it('finishes requests in flight, closes the database, and the next start finds the data intact', async () => {
		const server = await startServer({ env: { LOG_LEVEL: 'info', DEV_IDP_PORT: '0' } });
		try {
			let answering!: () => void;
			const firstAnswer = new Promise<void>((resolve) => (answering = resolve));
			const inFlight = Array.from({ length: 20 }, () =>
				fetch(`${server.url}/geel`).then(
					async (r) => {
						answering();
						await r.arrayBuffer();
						return r.status;
					},
					() => 'refused'
				)
			);
			// SIGTERM once the server answers the first of them, the others sent and some still in flight.
			await firstAnswer;
			const code = await server.stop();
			const statuses = await Promise.all(inFlight);
			// On a failure the server's own last words say why (an error after the database closed, say).
			expect(code, server.output().slice(-4000)).toBe(0);
			// Every request the server had accepted was answered in full; none got a 5xx.
			expect(statuses.filter((s) => typeof s === 'number' && s !== 200)).toEqual([]);
			expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
			const log = server.output();
			const order = ['shutting down', 'platform stopped, database closed'].map((m) => log.indexOf(m));
			expect(order.every((i) => i >= 0)).toBe(true);
			expect(order[0]).toBeLessThan(order[1]!);
		} finally {
			await server.stop();
		}

		const again = await startServer({ dataDir: server.dataDir, env: { DEV_IDP_PORT: '0' } });
		try {
			const body = (await (await fetch(`${again.url}/api/v1/municipalities`)).json()) as { data: unknown[] };
			expect(body.data).toHaveLength(29);
		} finally {
			await again.stop();
			removeDataDir(server.dataDir);
		}
	});
});

import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/runtime';
import type { RequestHandler } from './$types';

/**
 * For load balancers and monitoring: 200 while the database answers, 503 when it does not. `process` is this
 * process's number among those `npm start` runs (1 to PROCESSES), so a check can tell which one answered.
 */
export const GET: RequestHandler = async () => {
	const app = getApp();
	const up = await app.database.ping();
	return json(
		{ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down', process: app.config.processNumber },
		{ status: up ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};

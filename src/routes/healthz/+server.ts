import { json } from '@sveltejs/kit';
import { getApp } from '$lib/server/platform/runtime';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: 200 while the database answers, 503 when it does not. */
export const GET: RequestHandler = async () => {
	const up = await getApp().database.ping();
	return json(
		{ status: up ? 'ok' : 'unavailable', database: up ? 'up' : 'down' },
		{ status: up ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};

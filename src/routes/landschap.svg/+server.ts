import { heroLandscape } from '$lib/server/features/municipalities/municipalities.landscape';
import type { RequestHandler } from './$types';

/** The drawing under the hero of the region's home, in the platform's colours on its light background. */
export const GET: RequestHandler = () =>
	new Response(heroLandscape({ brand: '#1f5f3f', accent: '#f9c74f' }, 'light'), {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});

import { error } from '@sveltejs/kit';
import { heroLandscape } from '$lib/server/features/municipalities/municipalities.landscape';
import type { RequestHandler } from './$types';

/** The drawing under the hero of the municipality's home, in its colours. */
export const GET: RequestHandler = ({ locals }) => {
	if (!locals.municipality) error(404);
	const { branding } = locals.municipality.municipality;
	return new Response(
		heroLandscape({ brand: branding.primaryColor, accent: branding.accentColor }, 'brand'),
		{
			headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
		}
	);
};

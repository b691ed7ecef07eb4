import { error } from '@sveltejs/kit';
import { municipalityEmblem } from '$lib/server/features/municipalities/municipalities.logo';
import type { RequestHandler } from './$types';

/** The emblem shown until a municipality uploads its own logo. */
export const GET: RequestHandler = ({ locals }) => {
	if (!locals.municipality) error(404);
	const { name, branding } = locals.municipality.municipality;
	return new Response(municipalityEmblem(name, branding), {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }
	});
};

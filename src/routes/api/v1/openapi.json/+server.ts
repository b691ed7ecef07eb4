import { json } from '@sveltejs/kit';
import { buildOpenApiDocument } from '$lib/server/api/openapi';
import { features } from '$lib/server/features';

export const GET = ({ url }: { url: URL }) =>
	json(buildOpenApiDocument(url.origin, features), { headers: { 'cache-control': 'public, max-age=300' } });

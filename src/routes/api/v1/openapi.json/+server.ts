import { json } from '@sveltejs/kit';
import { buildOpenApiDocument } from '$lib/server/api/openapi';

export const GET = ({ url }: { url: URL }) =>
	json(buildOpenApiDocument(url.origin), { headers: { 'cache-control': 'public, max-age=300' } });

import type { RequestHandler } from './$types';
import { buildOpenApiDocument } from '$lib/server/api/openapi';
import { features } from '$lib/server/features';
import { apiJson } from '$lib/server/platform/api-http';

export const GET: RequestHandler = ({ url, request }) =>
	apiJson(request, buildOpenApiDocument(url.origin, features), { cacheControl: 'public, max-age=300' });

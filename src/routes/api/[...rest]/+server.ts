import { translate } from '$lib/i18n';
import { problem } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** Anything under /api that no endpoint answers is a problem document, never an HTML page. */
const notFound: RequestHandler = (event) =>
	problem(event, 404, translate(event.locals.locale, 'errors.code.not_found'), { code: 'not_found' });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;

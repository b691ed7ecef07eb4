import { getLogo } from '$lib/server/features/settings/settings.service';
import { getSuggestionPhoto } from '$lib/server/features/suggestions/suggestions.contribute.service';
import { isAppError } from '$lib/server/platform/errors';
import { notFoundPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/**
 * An uploaded logo, a photo of a published action, or the photo of a listed suggestion. An id never changes
 * its bytes, so browsers may keep logos and action photos for a year.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	let logo;
	// A citizen's photo can be taken offline by a moderator: browsers keep it an hour, not a year.
	let cacheControl = 'public, max-age=31536000, immutable';
	try {
		logo = await getLogo(locals.ctx, { unverifiedId: params.id }).catch((err) => {
			if (isAppError(err) && err.code === 'not_found') {
				cacheControl = 'public, max-age=3600';
				return getSuggestionPhoto(locals.ctx, { unverifiedId: params.id });
			}
			throw err;
		});
	} catch (err) {
		// Neither a logo nor a listed photo: the platform's not-found page.
		if (isAppError(err) && err.code === 'not_found') notFoundPage({ locals });
		throw err;
	}
	return new Response(new Uint8Array(logo.bytes), {
		headers: {
			'content-type': logo.contentType,
			'content-length': String(logo.bytes.length),
			'cache-control': cacheControl,
			'last-modified': logo.createdAt.toUTCString(),
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline',
			// Opened on its own, an SVG is a document: it may draw, never run or load anything.
			'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox"
		}
	});
};

import { getLogo } from '$lib/server/features/settings/settings.service';
import { getSuggestionPhoto } from '$lib/server/features/suggestions/suggestions.contribute.service';
import { getPublishedReportPhoto } from '$lib/server/features/events/events.report.service';
import { getPublishedStoryPhoto } from '$lib/server/features/stories/stories.service';
import { isAppError } from '$lib/server/platform/errors';
import { notFoundPage } from '$lib/server/platform/http';
import type { Ctx } from '$lib/server/platform/context';
import type { RequestHandler } from './$types';

type Image = { contentType: string; bytes: Buffer; createdAt: Date };

/**
 * Who may serve an id, in turn: a logo or a photo of a published action (its bytes never change: browsers may
 * keep it a year), the photo of a listed suggestion (a moderator can take it offline), a photo of a published
 * report (staff can remove it) or of a published story (staff can take it offline): those three an hour.
 */
const SOURCES: { find: (ctx: Ctx, input: { unverifiedId: string }) => Promise<Image>; cache: string }[] = [
	{ find: getLogo, cache: 'public, max-age=31536000, immutable' },
	{ find: getSuggestionPhoto, cache: 'public, max-age=3600' },
	{ find: getPublishedReportPhoto, cache: 'public, max-age=3600' },
	{ find: getPublishedStoryPhoto, cache: 'public, max-age=3600' }
];

/** An uploaded logo, a photo of a published action, of a listed suggestion, a published report or story. */
export const GET: RequestHandler = async ({ locals, params }) => {
	for (const source of SOURCES) {
		let image: Image;
		try {
			image = await source.find(locals.ctx, { unverifiedId: params.id });
		} catch (err) {
			if (isAppError(err) && err.code === 'not_found') continue;
			throw err;
		}
		return new Response(new Uint8Array(image.bytes), {
			headers: {
				'content-type': image.contentType,
				'content-length': String(image.bytes.length),
				'cache-control': source.cache,
				'last-modified': image.createdAt.toUTCString(),
				'x-content-type-options': 'nosniff',
				'content-disposition': 'inline',
				// Opened on its own, an SVG is a document: it may draw, never run or load anything.
				'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox"
			}
		});
	}
	// Not a logo nor any public photo: the platform's not-found page.
	notFoundPage({ locals });
};

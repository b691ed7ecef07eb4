import { getStoryPhotoForStaff } from '$lib/server/features/stories/stories.admin.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** A story's photo for the back office (a waiting story's too), only for its staff; never cached publicly. */
export const GET: RequestHandler = async (event) => {
	const photo = await orErrorPage(
		getStoryPhotoForStaff(event.locals.ctx, { unverifiedId: event.params.verhaal }),
		event
	);
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.contentType,
			'content-length': String(photo.bytes.length),
			'cache-control': 'private, max-age=3600',
			'x-content-type-options': 'nosniff',
			'content-disposition': 'inline',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};

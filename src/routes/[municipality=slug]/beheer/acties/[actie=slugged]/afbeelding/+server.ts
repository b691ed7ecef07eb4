import { getActionImage } from '$lib/server/features/actions/actions.admin.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The photo of an action for the back office, only for staff of its municipality; never cached publicly. */
export const GET: RequestHandler = async (event) => {
	const photo = await orErrorPage(
		getActionImage(event.locals.ctx, { unverifiedActionId: event.params.actie }),
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

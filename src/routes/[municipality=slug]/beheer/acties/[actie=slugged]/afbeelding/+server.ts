import { error } from '@sveltejs/kit';
import { getActionImage } from '$lib/server/features/actions/actions.admin.service';
import { isAppError } from '$lib/server/platform/errors';
import { translate } from '$lib/i18n';
import type { RequestHandler } from './$types';

/** The photo of an action for the back office, only for staff of its municipality; never cached publicly. */
export const GET: RequestHandler = async ({ locals, params }) => {
	let photo;
	try {
		photo = await getActionImage(locals.ctx, { unverifiedActionId: params.actie });
	} catch (err) {
		if (isAppError(err))
			error(err.status as 404, {
				message: translate(locals.locale, err.messageKey),
				requestId: locals.requestId
			});
		throw err;
	}
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

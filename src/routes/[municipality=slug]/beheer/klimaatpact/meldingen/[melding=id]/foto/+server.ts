import { getContributionPhotoForStaff } from '$lib/server/features/climate-pact/climate-pact.admin.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** A citizen's report's photo for the back office only; never public, never cached publicly. */
export const GET: RequestHandler = async (event) => {
	const photo = await orErrorPage(
		getContributionPhotoForStaff(event.locals.ctx, { unverifiedId: event.params.melding }),
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

import { orErrorPage, tenantContext } from '$lib/server/platform/http';
import { renderActionPoster } from '$lib/server/features/actions/actions.poster';
import type { RequestHandler } from './$types';

/** An A4 poster to print: the action, or one way to take part in it (?kans=id), with a QR code to its page. */
export const GET: RequestHandler = async (event) => {
	const { params, url } = event;
	const poster = await orErrorPage(
		renderActionPoster(tenantContext(event), {
			unverifiedAction: params.action,
			unverifiedOpportunity: url.searchParams.get('kans'),
			// adapter-node builds the URL from ORIGIN, which production requires: not from the Host header.
			origin: url.origin
		}),
		event
	);
	return new Response(new Uint8Array(poster.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(poster.bytes.byteLength),
			'content-disposition': `inline; filename="${poster.filename}"`,
			// Short: a change in the back office (or unpublishing) should reach the next print soon.
			'cache-control': 'public, max-age=60'
		}
	});
};

import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { withTenant } from '$lib/server/platform/context';
import { orErrorPage } from '$lib/server/platform/http';
import { renderActionPoster } from '$lib/server/features/actions/actions.poster';
import type { RequestHandler } from './$types';

/** An A4 poster to print: the action, or one way to take part in it (?kans=id), with a QR code to its page. */
export const GET: RequestHandler = async (event) => {
	const { locals, params, url } = event;
	if (!locals.municipality)
		error(404, { message: translate(locals.locale, 'errors.notFound'), requestId: locals.requestId });
	const poster = await orErrorPage(
		renderActionPoster(withTenant(locals.ctx, locals.municipality.tenant), {
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

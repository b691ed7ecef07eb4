// The QR code of a text's short link as SVG, to download for print (staff who communicate for the municipality).
import { getTextQrCode } from '$lib/server/features/communication/communication.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const qr = await backofficeLoad(
		event,
		getTextQrCode(event.locals.ctx, {
			unverifiedTextId: event.params.tekst,
			format: 'svg',
			origin: event.url.origin
		})
	);
	return new Response(typeof qr.body === 'string' ? qr.body : new Uint8Array(qr.body), {
		headers: {
			'content-type': qr.contentType,
			'content-disposition': `attachment; filename="${qr.filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};

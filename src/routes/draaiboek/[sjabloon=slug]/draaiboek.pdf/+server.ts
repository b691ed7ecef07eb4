import { getTemplatePdf } from '$lib/server/features/playbook/playbook.public.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The whole trajectory as a tagged, accessible PDF to download. */
export const GET: RequestHandler = async (event) => {
	const pdf = await orErrorPage(
		getTemplatePdf(event.locals.ctx, {
			unverifiedSlug: event.params.sjabloon,
			url: `${event.url.origin}/draaiboek/${event.params.sjabloon}`
		}),
		event
	);
	return new Response(new Uint8Array(pdf.bytes), {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(pdf.bytes.byteLength),
			'content-disposition': `attachment; filename="draaiboek-${pdf.slug}.pdf"`,
			'cache-control': 'public, max-age=60'
		}
	});
};

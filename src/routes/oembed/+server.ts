// oEmbed (https://oembed.com): a content management system that is given the address of an action or of a map of
// suggestions gets the iframe snippet of its widget. JSON only (format=xml is 501, as the specification asks).
import { json } from '@sveltejs/kit';
import { getOembed } from '$lib/server/features/widgets/widgets.service';
import { refusal } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

function size(value: string | null): number | undefined {
	return value && /^\d{1,5}$/.test(value) && Number(value) > 0 ? Number(value) : undefined;
}

export const GET: RequestHandler = async (event) => {
	const params = event.url.searchParams;
	const format = params.get('format') ?? 'json';
	const plain = { 'content-type': 'text/plain; charset=utf-8' };
	if (format !== 'json')
		return new Response('Alleen format=json wordt ondersteund.', { status: 501, headers: plain });
	const url = params.get('url');
	const ctx = event.locals.ctx;
	if (!url) return new Response('Geef het adres van een pagina mee: ?url=…', { status: 400, headers: plain });
	try {
		const answer = await getOembed(ctx, {
			url,
			origin: event.url.origin,
			maxwidth: size(params.get('maxwidth')),
			maxheight: size(params.get('maxheight'))
		});
		return json(answer, {
			headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }
		});
	} catch (err) {
		const refused = refusal(ctx.locale, err);
		return new Response(refused.message, { status: refused.status, headers: plain });
	}
};

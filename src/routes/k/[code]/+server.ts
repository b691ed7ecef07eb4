// A short link of a communication plan (/k/{code}, on a magazine page or in a message): to the page it is about,
// with its channel's utm tags, so the landing counts where the visitor came from.
import { resolveShortLink } from '$lib/server/features/communication/communication.service';
import { notFoundPage, refusal } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	let target: string;
	try {
		target = await resolveShortLink(event.locals.ctx, { unverifiedCode: event.params.code });
	} catch (err) {
		refusal(event.locals.locale, err);
		notFoundPage(event);
	}
	return new Response(null, { status: 302, headers: { location: target, 'cache-control': 'no-store' } });
};

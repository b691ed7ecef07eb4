import { getReportPhotoForStaff } from '$lib/server/features/events/events.report.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** A photo of an event's report for the back office (a draft's too), only for its staff; never cached publicly. */
export const GET: RequestHandler = async (event) => {
	const photo = await orErrorPage(
		getReportPhotoForStaff(event.locals.ctx, {
			unverifiedEventId: event.params.activiteit,
			unverifiedPhotoId: event.params.foto
		}),
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

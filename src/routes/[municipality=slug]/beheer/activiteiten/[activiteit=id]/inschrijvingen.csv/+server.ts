import { exportRegistrations } from '$lib/server/features/events/events.admin.service';
import type { RequestHandler } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

/** Every registration of the event as CSV, for the staff who manage events (a download). */
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(
		event,
		exportRegistrations(event.locals.ctx, { unverifiedEventId: event.params.activiteit })
	);
	return new Response(file.body, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};

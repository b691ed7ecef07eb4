import { exportSuggestions } from '$lib/server/features/suggestions/suggestions.export';
import type { RequestHandler } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

/** Every suggestion of the opportunity as GEOJSON, for moderators (a download). */
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(
		event,
		exportSuggestions(event.locals.ctx, {
			unverifiedOpportunityId: event.params.kans,
			format: 'geojson',
			origin: event.url.origin
		})
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

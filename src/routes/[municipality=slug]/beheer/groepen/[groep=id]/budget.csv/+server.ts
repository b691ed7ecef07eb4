import { exportBudget } from '$lib/server/features/groups/groups.admin.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The group's budget for the financial service as CSV (a download, for whoever manages groups here). */
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(
		event,
		exportBudget(event.locals.ctx, { unverifiedId: event.params.groep, format: 'csv' })
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

import { exportCovenantReport } from '$lib/server/features/climate-plan/climate-plan.import';
import { backofficeLoad } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

// The Covenant of Mayors progress export as XLSX, for whoever may read the plan.
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(event, exportCovenantReport(event.locals.ctx, { format: 'xlsx' }));
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};

import { getCouncilReportFile } from '$lib/server/features/climate-plan/climate-plan.council-report';
import { backofficeLoad } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

// An issued council report's PDF, as it was issued, for whoever may read the plan here.
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(
		event,
		getCouncilReportFile(event.locals.ctx, { unverifiedId: event.params.rapport })
	);
	return new Response(file.bytes, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};

import { getRegionImpactCsv } from '$lib/server/features/impact/impact.service';
import { backofficeLoad } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

// The region's side-by-side table as CSV, in the order the page was sorted in.
export const GET: RequestHandler = async (event) => {
	const q = event.url.searchParams;
	const { filename, csv } = await backofficeLoad(
		event,
		getRegionImpactCsv(event.locals.ctx, {
			unverifiedRegionSlug: q.get('regio'),
			sort: q.get('sorteer'),
			dir: q.get('richting')
		})
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};

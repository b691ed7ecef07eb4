import { exportPact } from '$lib/server/features/climate-pact/climate-pact.export';
import { backofficeLoad } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

// The Climate Pact's figures as XLSX for the yearly LEKP report, for whoever may read the pact here.
export const GET: RequestHandler = async (event) => {
	const file = await backofficeLoad(event, exportPact(event.locals.ctx, { format: 'xlsx' }));
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
};

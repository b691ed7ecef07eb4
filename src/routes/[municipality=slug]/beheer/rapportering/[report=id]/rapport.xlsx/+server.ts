import { reportDownload } from '$lib/server/features/funder-reports/funder-reports.routes';
import { tenantContext } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

// The interim report as XLSX, for whoever may read it here.
export const GET: RequestHandler = (event) => reportDownload(event, tenantContext(event), 'xlsx');

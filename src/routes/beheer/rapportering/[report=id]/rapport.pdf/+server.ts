import { reportDownload } from '$lib/server/features/funder-reports/funder-reports.routes';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => reportDownload(event, event.locals.ctx, 'pdf');

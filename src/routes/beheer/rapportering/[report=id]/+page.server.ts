import { reportActions, reportLoad } from '$lib/server/features/funder-reports/funder-reports.routes';
import type { Actions, PageServerLoad } from './$types';

// The region's view of a report: its reviewers judge it here, its admins read it (and fill the region's own).
export const load: PageServerLoad = (event) => reportLoad(event, event.locals.ctx);

export const actions: Actions = reportActions((event) => event.locals.ctx);

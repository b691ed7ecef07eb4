import { reportActions, reportLoad } from '$lib/server/features/funder-reports/funder-reports.routes';
import { tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => reportLoad(event, tenantContext(event));

export const actions: Actions = reportActions(tenantContext);

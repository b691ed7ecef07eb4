import { reportActions, reportLoad } from '$lib/server/features/funder-reports/funder-reports.routes';
import { tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => reportLoad(event, tenantContext(event));

const handlers = reportActions(tenantContext);

// Named here, so the route readers of the tests (tests/e2e/support/routes.ts) see every action.
export const actions: Actions = { save: handlers.save, submit: handlers.submit, judge: handlers.judge };

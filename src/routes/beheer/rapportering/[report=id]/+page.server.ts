import { reportActions, reportLoad } from '$lib/server/features/funder-reports/funder-reports.routes';
import type { Actions, PageServerLoad } from './$types';

// The region's view of a report: its reviewers judge it here, its admins read it (and fill the region's own).
export const load: PageServerLoad = (event) => reportLoad(event, event.locals.ctx);

const handlers = reportActions((event) => event.locals.ctx);

// Named here, so the route readers of the tests (tests/e2e/support/routes.ts) see every action.
export const actions: Actions = { save: handlers.save, submit: handlers.submit, judge: handlers.judge };

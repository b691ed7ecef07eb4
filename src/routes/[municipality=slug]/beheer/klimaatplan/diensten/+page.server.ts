import { getDepartmentsPage } from '$lib/server/features/climate-plan/climate-plan.teams';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import type { PageServerLoad } from './$types';

// The staff with their department, searched by name, address or department and filtered on a department.
export const load: PageServerLoad = listLoad('list', { q: 'zoek', department: 'dienst' }, getDepartmentsPage);

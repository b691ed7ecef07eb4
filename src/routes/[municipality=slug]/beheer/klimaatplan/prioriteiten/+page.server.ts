import { getPlanPriority } from '$lib/server/features/climate-plan/climate-plan.priority';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { PLAN_FILTER_NAMES } from '../form-fields';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = listLoad('priority', PLAN_FILTER_NAMES, getPlanPriority);

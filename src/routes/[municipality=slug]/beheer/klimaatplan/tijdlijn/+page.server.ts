import { getPlanTimeline } from '$lib/server/features/climate-plan/climate-plan.timeline';
import { listLoad } from '$lib/server/platform/backoffice-pages';
import { PLAN_FILTER_NAMES } from '../form-fields';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = listLoad('timeline', PLAN_FILTER_NAMES, getPlanTimeline);

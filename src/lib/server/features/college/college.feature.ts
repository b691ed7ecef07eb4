// The college feature: the weekly overview of a municipality for its aldermen, from every feature's
// `weekly` figures, on a back-office page and by mail every Monday morning.
import { defineFeature } from '$lib/server/platform/feature';
import { sendWeeklyOverviews, WEEKLY_JOB } from './college.service';

export const collegeFeature = defineFeature({
	name: 'college',
	abilities: ['dashboard.view', 'backoffice.view'],
	jobs: { [WEEKLY_JOB]: (_data, ctx) => sendWeeklyOverviews(ctx).then(() => undefined) },
	hourly: [WEEKLY_JOB]
});

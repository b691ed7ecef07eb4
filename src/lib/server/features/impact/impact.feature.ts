// The impact feature (seed 000's impact map, issue 21): the indicators every feature declares in its manifest,
// computed per municipality and for the region, with baselines, targets, figures staff enter where the platform
// cannot count, a daily snapshot for trends, the dashboards of staff and the region, the public impact pages and
// an impact-figures widget. `indicatorValue` in impact.service.ts is what other features (funder reports) read.
import { defineFeature } from '$lib/server/platform/feature';
import { impactIndicators } from './impact.indicators';
import { takeDailySnapshots } from './impact.service';
import { impactWidget } from './impact.widgets';

export const DAILY_SNAPSHOT_JOB = 'impact.snapshot';

export const impactFeature = defineFeature({
	name: 'impact',
	// impact.policy.ts: dashboards with dashboard.view, recording with settings.manage; the region's admins.
	abilities: ['dashboard.view', 'settings.manage'],
	indicators: impactIndicators,
	// Tried every hour (so a day missed while down is taken the next hour), stored once per Brussels day.
	jobs: {
		[DAILY_SNAPSHOT_JOB]: (_data, ctx) =>
			takeDailySnapshots({ db: ctx.db, features: ctx.features, now: new Date(), log: ctx.log }).then(
				() => undefined
			)
	},
	hourly: [DAILY_SNAPSHOT_JOB],
	widgets: [impactWidget]
});

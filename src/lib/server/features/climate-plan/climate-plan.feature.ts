// The climate plan feature: the municipality's own climate action plan as the departments carry it (seed 004) —
// its actions with departments, responsible person, priority, status, dates, money, CO2 and energy, indicators,
// milestones and a monitoring log; the board (table, saved views, bulk changes, board by status, totals), the
// import of an existing plan, the Covenant of Mayors export, the college's summary and the public part of a
// linked climate action.
import { defineFeature } from '$lib/server/platform/feature';
import { loadClimatePlanDemo } from './climate-plan.demo';
import { erasePlanData, exportPlanData } from './climate-plan.personal-data';
import { deleteOldPlanImports } from './climate-plan.queries';
import { climatePlanAttention } from './climate-plan.attention';
import { MONTHLY_JOB, sendMonthlyReminders } from './climate-plan.monitoring';
import { climatePlanIndicators } from './climate-plan.indicators';
import { noticeOverdueTasks, OVERDUE_JOB } from './climate-plan.tasks';

export const climatePlanFeature = defineFeature({
	name: 'climate-plan',
	// climate-plan.policy.ts reads these two; the back office itself is backoffice.view.
	abilities: ['backoffice.view', 'climatePlan.view', 'climatePlan.manage'],
	// After the colleagues' demo: Hilde of the green service carries the green actions.
	demo: { after: ['actions', 'colleagues'], load: (tx) => loadClimatePlanDemo(tx) },
	// The monthly "hoe ver staat je?" mail: tried every hour, sent once a month per owner.
	// And a task past its due date unfinished: its owner is told once (climate-plan.tasks.ts).
	jobs: {
		[MONTHLY_JOB]: (_data, ctx) => sendMonthlyReminders(ctx).then(() => undefined),
		[OVERDUE_JOB]: (_data, ctx) => noticeOverdueTasks(ctx).then(() => undefined)
	},
	hourly: [MONTHLY_JOB, OVERDUE_JOB],
	personalData: { export: exportPlanData, erase: erasePlanData },
	// Open actions without an update for 60 days, on the back office's home of those who steer the plan.
	attention: climatePlanAttention,
	// The departments taking part in the plan, among the impact indicators (internal).
	indicators: climatePlanIndicators,
	// Uploads that were never confirmed go after a day.
	housekeeping: ({ db }) => deleteOldPlanImports(db, { before: new Date(Date.now() - 86_400_000) })
});

// The funder reports (issue 21, seed 003): reporting programmes of a funder defined by the region's admins, the
// interim report each submitter fills in from the impact indicators (indicatorValue), the named reviewers'
// verdict, the history, and the exports (XLSX, tagged PDF in the municipality's look). Nothing of it is public.
import { defineFeature } from '$lib/server/platform/feature';
import { seedDemoFunderReports } from './funder-reports.demo';
import { eraseFunderData, exportFunderData } from './funder-reports.personal-data';

export const funderReportsFeature = defineFeature({
	name: 'funder-reports',
	// funder-reports.policy.ts: the region's admins, content.moderate to fill, dashboard.view to read.
	abilities: ['content.moderate', 'dashboard.view'],
	demo: { after: ['demo'], load: (tx) => seedDemoFunderReports(tx) },
	personalData: { export: exportFunderData, erase: eraseFunderData, kept: ['funderReports'] }
});

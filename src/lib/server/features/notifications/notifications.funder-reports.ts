// What the funder reports tell (issue 21): a report submitted asks the programme's named reviewers, and no one
// else, to judge it (their own, kind `own`), in the app and by mail as they chose. Region-scoped: the region
// may submit itself as the project holder, so the notification belongs to the region, not a municipality.
import { defineEventHandler } from '$lib/server/platform/events.dispatcher';
import {
	funderReportNoticeSubject,
	reviewersSql
} from '$lib/server/features/funder-reports/funder-reports.notices.service';
import { notify } from './notifications.handlers';

export const funderReportNotices = defineEventHandler({
	name: 'notifications.funder-report',
	events: ['funder_report.submitted'],
	async handle(event, tx, ctx) {
		const subject = await funderReportNoticeSubject(tx, {
			regionId: event.regionId,
			id: Number(event.subjectId)
		});
		if (!subject) return;
		await notify(tx, ctx, event, {
			subject,
			detail: event.payload.periodLabel,
			audiences: [{ kind: 'own', people: reviewersSql({ programmeId: event.payload.programmeId }) }],
			mail: true
		});
	}
});

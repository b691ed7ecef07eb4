// What the report's pages (the municipality's and the region's) share: the load, the form actions (save,
// submit, judge) and the downloads, so both addresses behave the same.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Ctx } from '$lib/server/platform/context';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { getReportView, judgeReport, saveReport, submitReport } from './funder-reports.service';
import { exportReportPdf, exportReportXlsx } from './funder-reports.export';
import { answersFromForm, typedValues, verdictFromForm } from './funder-reports.forms';

/** The report's id from the address (`[report=id]`), unverified: the service reads it. */
const reportParam = (event: RequestEvent) => (event.params as { report?: string }).report;

export async function reportLoad(event: RequestEvent, ctx: Ctx) {
	return {
		view: await backofficeLoad(event, getReportView(ctx, { unverifiedReportId: reportParam(event) })),
		flash: flashOf(event.url)
	};
}

export function reportActions(ctxOf: (event: RequestEvent) => Ctx) {
	const here = (event: RequestEvent, key: string) => withFlash(event.url.pathname, key);
	return {
		save: async (event: RequestEvent) => {
			const form = await event.request.formData();
			const work = saveReport(ctxOf(event), {
				unverifiedReportId: reportParam(event),
				answers: answersFromForm(form)
			});
			const result = await backofficeAction(event, work, typedValues(form));
			if (!result.ok) return result.failure;
			redirect(303, here(event, 'saved'));
		},
		submit: async (event: RequestEvent) => {
			const form = await event.request.formData();
			const work = submitReport(ctxOf(event), {
				unverifiedReportId: reportParam(event),
				answers: answersFromForm(form)
			});
			const result = await backofficeAction(event, work, typedValues(form));
			if (!result.ok) return result.failure;
			redirect(303, here(event, 'submitted'));
		},
		judge: async (event: RequestEvent) => {
			const form = await event.request.formData();
			const work = judgeReport(ctxOf(event), {
				unverifiedReportId: reportParam(event),
				verdict: verdictFromForm(form)
			});
			const result = await backofficeAction(event, work, typedValues(form));
			if (!result.ok) return result.failure;
			redirect(303, here(event, 'judged'));
		}
	};
}

export async function reportDownload(event: RequestEvent, ctx: Ctx, format: 'xlsx' | 'pdf') {
	const input = { unverifiedReportId: reportParam(event) };
	const file = await backofficeLoad(
		event,
		format === 'xlsx' ? exportReportXlsx(ctx, input) : exportReportPdf(ctx, input)
	);
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.fileName}"`,
			'cache-control': 'private, no-store'
		}
	});
}

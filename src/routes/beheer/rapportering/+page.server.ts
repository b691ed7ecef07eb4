import { redirect } from '@sveltejs/kit';
import {
	addProgrammeAction,
	addReviewer,
	createEmptyProgramme,
	removeProgrammeAction,
	changeProgrammeSettings,
	changeProgrammeTarget,
	createProgrammeFromPreset,
	getRegionProgrammes,
	openReport,
	removeReviewer,
	removeProgrammeExpectation,
	removeProgrammeSection,
	revokeReviewerInvitation,
	saveProgrammeExpectation,
	saveProgrammeSection
} from '$lib/server/features/funder-reports/funder-reports.service';
import { backofficeAction, backofficeLoad } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	reporting: await backofficeLoad(event, getRegionProgrammes(event.locals.ctx)),
	flash: flashOf(event.url)
});

const PAGE = '/beheer/rapportering';
/** The question rows a section's form has (a section holds at most 20 questions). */
const QUESTION_ROWS = 20;

export const actions: Actions = {
	preset: async (event) => {
		const values = textFields(await event.request.formData(), ['regionId', 'preset']);
		const result = await backofficeAction(
			event,
			createProgrammeFromPreset(event.locals.ctx, {
				unverifiedRegionId: values.regionId,
				preset: values.preset
			}),
			{ ...values, form: 'preset' }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'created'));
	},
	// A programme from scratch: its settings and up to three project years (rows left empty are left out).
	create: async (event) => {
		const form = await event.request.formData();
		const values = textFields(form, ['regionId', 'name', 'funder', 'threshold', 'submitter']);
		const rows = [0, 1, 2].map((n) =>
			textFields(form, [`period.${n}.label`, `period.${n}.from`, `period.${n}.to`])
		);
		const periods = rows
			.map((r, n) => ({
				label: r[`period.${n}.label`],
				from: r[`period.${n}.from`],
				to: r[`period.${n}.to`]
			}))
			.filter((p, n) => n === 0 || p.label || p.from || p.to);
		const result = await backofficeAction(
			event,
			createEmptyProgramme(event.locals.ctx, { ...values, unverifiedRegionId: values.regionId, periods }),
			{ ...values, ...Object.assign({}, ...rows), form: 'create' }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(PAGE, 'created')}#p-${result.value.id}`);
	},
	addAction: async (event) => {
		const values = textFields(await event.request.formData(), [
			'programme',
			'title',
			'description',
			'kind',
			'indicator',
			'label',
			'target'
		]);
		const result = await backofficeAction(
			event,
			addProgrammeAction(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `action-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'saved'));
	},
	removeAction: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'action', 'confirm']);
		const result = await backofficeAction(
			event,
			removeProgrammeAction(event.locals.ctx, {
				unverifiedProgrammeId: values.programme,
				action: values.action,
				confirm: values.confirm
			}),
			{ ...values, form: `remove-${values.programme}-${values.action}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'saved'));
	},
	settings: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'name', 'funder', 'threshold']);
		const result = await backofficeAction(
			event,
			changeProgrammeSettings(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `settings-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'saved'));
	},
	target: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'action', 'scope', 'target']);
		const result = await backofficeAction(
			event,
			changeProgrammeTarget(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `target-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'saved'));
	},
	reviewer: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'email']);
		const result = await backofficeAction(
			event,
			addReviewer(event.locals.ctx, {
				unverifiedProgrammeId: values.programme,
				email: values.email,
				origin: event.url.origin
			}),
			{ ...values, form: `reviewer-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, result.value === 'invited' ? 'invited' : 'reviewer'));
	},
	revokeInvitation: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'invitation']);
		const result = await backofficeAction(
			event,
			revokeReviewerInvitation(event.locals.ctx, {
				unverifiedProgrammeId: values.programme,
				unverifiedInvitationId: values.invitation
			}),
			{ ...values, form: `reviewer-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'reviewer'));
	},
	// A minimum expectation of an action: added, or changed when `expectation` names one.
	expectation: async (event) => {
		const values = textFields(await event.request.formData(), [
			'programme',
			'action',
			'expectation',
			'title',
			'kind',
			'min',
			'limit',
			'items'
		]);
		const result = await backofficeAction(
			event,
			saveProgrammeExpectation(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `expectation-${values.programme}-${values.expectation || 'new'}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(PAGE, 'saved')}#expectations-${values.programme}`);
	},
	removeExpectation: async (event) => {
		const values = textFields(await event.request.formData(), [
			'programme',
			'action',
			'expectation',
			'confirm'
		]);
		const result = await backofficeAction(
			event,
			removeProgrammeExpectation(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `remove-expectation-${values.programme}-${values.action}-${values.expectation}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(PAGE, 'saved')}#expectations-${values.programme}`);
	},
	// An extra section with up to QUESTION_ROWS question rows (rows left empty are left out).
	section: async (event) => {
		const form = await event.request.formData();
		const values = textFields(form, ['programme', 'section', 'title']);
		const rows = Array.from({ length: QUESTION_ROWS }, (_, n) =>
			textFields(form, [`q.${n}.label`, `q.${n}.kind`, `q.${n}.limit`])
		);
		// Every row goes to the service, which leaves out the empty ones: its messages name the row as shown.
		const questions = rows.map((r, n) => ({
			label: r[`q.${n}.label`],
			kind: r[`q.${n}.kind`],
			limit: r[`q.${n}.limit`]
		}));
		const result = await backofficeAction(
			event,
			saveProgrammeSection(event.locals.ctx, {
				unverifiedProgrammeId: values.programme,
				section: values.section,
				title: values.title,
				questions
			}),
			{
				...values,
				...Object.assign({}, ...rows),
				form: `section-${values.programme}-${values.section || 'new'}`
			}
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(PAGE, 'saved')}#sections-${values.programme}`);
	},
	removeSection: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'section', 'confirm']);
		const result = await backofficeAction(
			event,
			removeProgrammeSection(event.locals.ctx, { ...values, unverifiedProgrammeId: values.programme }),
			{ ...values, form: `remove-section-${values.programme}-${values.section}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${withFlash(PAGE, 'saved')}#sections-${values.programme}`);
	},
	removeReviewer: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'userId']);
		const result = await backofficeAction(
			event,
			removeReviewer(event.locals.ctx, { unverifiedProgrammeId: values.programme, userId: values.userId }),
			{ ...values, form: `reviewer-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, withFlash(PAGE, 'reviewer'));
	},
	// The region's own report, for a programme it submits as project holder.
	open: async (event) => {
		const values = textFields(await event.request.formData(), ['programme', 'period']);
		const result = await backofficeAction(
			event,
			openReport(event.locals.ctx, { unverifiedProgrammeId: values.programme, period: values.period }),
			{ ...values, form: `open-${values.programme}` }
		);
		if (!result.ok) return result.failure;
		redirect(303, `${PAGE}/${result.value.id}`);
	}
};

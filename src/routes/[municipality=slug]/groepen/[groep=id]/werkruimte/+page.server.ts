import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import {
	addExpense,
	addFunding,
	addNote,
	addTask,
	changeFundingStatus,
	changeSubgroup,
	changeTaskStatus,
	createInvitation,
	getWorkspace,
	handOverCoordinator,
	pickMenuItem,
	saveWorkPlan,
	startThread,
	uploadFile
} from '$lib/server/features/groups/groups.workspace.service';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import { listField, textFields } from '$lib/server/platform/forms';
import { backofficeAction, backofficeLoad, tenantContext } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const ctx = tenantContext(event);
	const page = await backofficeLoad(event, getWorkspace(ctx, { unverifiedId: event.params.groep }));
	const invitation = event.url.searchParams.get('link');
	return {
		page,
		// The invitation link just made, shown once to who made it (it is in their address bar only).
		invitation:
			invitation && /^\/[a-z0-9-]+\/groepen\/\d+\/uitnodiging\/[A-Za-z0-9_-]+$/.test(invitation)
				? new URL(invitation, event.url).href
				: null,
		...flashOf(event.url)
	};
};

type Event = { params: { municipality: string; groep: string }; request: Request; locals: App.Locals };
const here = (event: Event, done: string, anchor = '') =>
	`${withFlash(`/${event.params.municipality}/groepen/${event.params.groep}/werkruimte`, done)}${anchor}`;

/** Reads a form that may carry a file; a body larger than the server takes is told in Dutch. */
async function formOf(event: Event): Promise<FormData | null> {
	try {
		return await event.request.formData();
	} catch {
		return null;
	}
}
const tooLarge = (event: Event, form: string) =>
	fail(413, {
		message: translate(event.locals.locale, 'groups.errors.requestTooLarge'),
		fields: {} as Record<string, string[]>,
		values: { form } as Record<string, string>
	});

const fileOf = (data: FormData, name: string) => {
	const file = data.get(name);
	return file instanceof File && file.size > 0 ? file : null;
};

export const actions: Actions = {
	workPlan: async (event) => {
		const values = textFields(await event.request.formData(), ['workPlan']);
		const ctx = tenantContext(event);
		const r = await backofficeAction(event, saveWorkPlan(ctx, { unverifiedId: event.params.groep, values }), {
			...values,
			form: 'workPlan'
		});
		if (!r.ok) return r.failure;
		redirect(303, here(event, r.value.changed ? 'werkplan' : 'niets', '#werkplan'));
	},
	thread: async (event) => {
		const data = await event.request.formData();
		const values = textFields(data, ['title', 'body']);
		const mentions = listField(data, 'mentions');
		const r = await backofficeAction(
			event,
			startThread(tenantContext(event), { unverifiedId: event.params.groep, values, mentions }),
			{ ...values, mentions, form: 'thread' }
		);
		if (!r.ok) return r.failure;
		redirect(
			303,
			`/${event.params.municipality}/groepen/${event.params.groep}/werkruimte/gesprekken/${r.value.id}?gelukt=gesprek`
		);
	},
	task: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'owner', 'dueOn']);
		const r = await backofficeAction(
			event,
			addTask(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{
				...values,
				form: 'task'
			}
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'taak', '#taken'));
	},
	taskStatus: async (event) => {
		const { task, status } = textFields(await event.request.formData(), ['task', 'status']);
		const r = await backofficeAction(
			event,
			changeTaskStatus(tenantContext(event), {
				unverifiedId: event.params.groep,
				unverifiedTaskId: task,
				values: { status }
			}),
			{ form: `task-${task}` }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'taakstatus', '#taken'));
	},
	note: async (event) => {
		const values = textFields(await event.request.formData(), ['title', 'body']);
		const r = await backofficeAction(
			event,
			addNote(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{
				...values,
				form: 'note'
			}
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'notitie', '#notities'));
	},
	file: async (event) => {
		const data = await formOf(event);
		if (!data) return tooLarge(event, 'file');
		const r = await backofficeAction(
			event,
			uploadFile(tenantContext(event), { unverifiedId: event.params.groep, file: fileOf(data, 'file') }),
			{ form: 'file' }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'bestand', '#bestanden'));
	},
	pick: async (event) => {
		const { item } = textFields(await event.request.formData(), ['item']);
		const r = await backofficeAction(
			event,
			pickMenuItem(tenantContext(event), { unverifiedId: event.params.groep, unverifiedItemId: item }),
			{ form: `menu-${item}` }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'gekozen', '#menukaart'));
	},
	subgroup: async (event) => {
		const values = textFields(await event.request.formData(), ['menuItem', 'coordinator', 'leave']);
		const r = await backofficeAction(
			event,
			changeSubgroup(tenantContext(event), {
				unverifiedId: event.params.groep,
				values,
				leave: values.leave === '1'
			}),
			{ form: `menu-${values.menuItem}` }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'subgroep', '#menukaart'));
	},
	funding: async (event) => {
		const values = textFields(await event.request.formData(), ['kind', 'source', 'amount', 'status']);
		const r = await backofficeAction(
			event,
			addFunding(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{ ...values, form: 'funding' }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'cofinanciering', '#budget'));
	},
	fundingStatus: async (event) => {
		const { funding, status } = textFields(await event.request.formData(), ['funding', 'status']);
		const r = await backofficeAction(
			event,
			changeFundingStatus(tenantContext(event), {
				unverifiedId: event.params.groep,
				unverifiedFundingId: funding,
				values: { status }
			}),
			{ form: 'funding' }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, r.value.changed ? 'cofinanciering' : 'niets', '#budget'));
	},
	expense: async (event) => {
		const data = await formOf(event);
		if (!data) return tooLarge(event, 'expense');
		const values = textFields(data, [
			'description',
			'amount',
			'category',
			'action',
			'spentOn',
			'overBalance'
		]);
		const r = await backofficeAction(
			event,
			addExpense(tenantContext(event), {
				unverifiedId: event.params.groep,
				values,
				receipt: fileOf(data, 'receipt')
			}),
			{ ...values, form: 'expense' }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, r.value.status === 'approved' ? 'uitgave' : 'uitgavewacht', '#budget'));
	},
	invite: async (event) => {
		const r = await backofficeAction(
			event,
			createInvitation(tenantContext(event), { unverifiedId: event.params.groep }),
			{ form: 'invite' }
		);
		if (!r.ok) return r.failure;
		const url = new URL(here(event, 'uitnodiging'), event.url);
		url.searchParams.set('link', r.value.path);
		redirect(303, `${url.pathname}${url.search}#sturen`);
	},
	coordinator: async (event) => {
		const values = textFields(await event.request.formData(), ['person']);
		const r = await backofficeAction(
			event,
			handOverCoordinator(tenantContext(event), { unverifiedId: event.params.groep, values }),
			{ ...values, form: 'coordinator' }
		);
		if (!r.ok) return r.failure;
		redirect(303, here(event, 'coordinator', '#sturen'));
	}
};

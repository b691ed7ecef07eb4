import {
	assignStaffToDepartment,
	previewStaffAssignment
} from '$lib/server/features/climate-plan/climate-plan.teams';
import type { RequestEvent } from './$types';
import { listField } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step of putting staff in a department (or out of theirs): the GET shows, the POST changes.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewStaffAssignment(ctx, {
			people: listField(query, 'persoon'),
			operation: query.get('wijziging') ?? ''
		}),
	input: (form) => ({ people: listField(form, 'persoon'), operation: String(form.get('wijziging') ?? '') }),
	act: assignStaffToDepartment,
	done: (result, event: RequestEvent) =>
		withFlash(`/${event.params.municipality}/beheer/klimaatplan/diensten`, 'dienst', result.changed)
});

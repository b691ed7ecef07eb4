import { previewCoachingRemoval, removeCoaching } from '$lib/server/features/region/region.service';
import { listField, textFields } from '$lib/server/platform/forms';
import { confirmStep } from '$lib/server/platform/backoffice-pages';
import { coachingHref } from '../href';

// The "are you sure?" step for ending a participation expert's coaching of municipalities: the GET shows, the
// POST ends it and goes back to the expert's coaching page.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewCoachingRemoval(ctx, {
			unverifiedRegionId: query.get('regio'),
			unverifiedRegionRoleId: query.get('rol'),
			municipalityIds: listField(query, 'gemeente')
		}),
	input: (form) => {
		const values = textFields(form, ['regionId', 'regionRoleId']);
		return {
			unverifiedRegionId: values.regionId,
			unverifiedRegionRoleId: values.regionRoleId,
			municipalityIds: listField(form, 'gemeente')
		};
	},
	act: removeCoaching,
	keep: (input) => ({
		regionId: input.unverifiedRegionId,
		regionRoleId: input.unverifiedRegionRoleId,
		municipalityIds: input.municipalityIds
	}),
	done: (result) => coachingHref(result.regionId, result.regionRoleId, 'verwijderd')
});

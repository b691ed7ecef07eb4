import { previewRegionRoleRemoval, removeRegionRoles } from '$lib/server/features/region/region.service';
import { listField, textFields } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step for removing region roles: the GET shows, the POST removes.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewRegionRoleRemoval(ctx, {
			unverifiedRegionId: query.get('regio'),
			regionRoleIds: listField(query, 'rol')
		}),
	input: (form) => ({
		unverifiedRegionId: textFields(form, ['regionId']).regionId,
		regionRoleIds: listField(form, 'rol')
	}),
	act: removeRegionRoles,
	keep: (input) => ({ regionId: input.unverifiedRegionId, regionRoleIds: input.regionRoleIds }),
	done: () => withFlash('/beheer', 'rolVerwijderd')
});

import { previewParticipation, setParticipation } from '$lib/server/features/region/region.service';
import { listField, textFields } from '$lib/server/platform/forms';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The "are you sure?" step for switching participation: the GET shows, the POST changes.
export const { load, actions } = confirmStep({
	preview: (ctx, query) =>
		previewParticipation(ctx, {
			unverifiedRegionId: query.get('regio'),
			municipalityIds: listField(query, 'gemeente'),
			participating: query.get('actie')
		}),
	input: (form) => {
		const values = textFields(form, ['regionId', 'participating']);
		return {
			unverifiedRegionId: values.regionId,
			municipalityIds: listField(form, 'gemeente'),
			participating: values.participating
		};
	},
	act: setParticipation,
	keep: (input) => ({
		regionId: input.unverifiedRegionId,
		participating: input.participating,
		municipalityIds: input.municipalityIds
	}),
	done: () => withFlash('/beheer', 'deelname')
});

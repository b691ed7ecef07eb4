import {
	previewRemoveReportPhoto,
	removeReportPhoto
} from '$lib/server/features/events/events.report.service';
import { confirmStep, withFlash } from '$lib/server/platform/backoffice-pages';

// The GET shows the photo and its description; the POST removes it and goes back to the report.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) =>
		previewRemoveReportPhoto(ctx, {
			unverifiedEventId: event.params.activiteit,
			unverifiedPhotoId: event.params.foto
		}),
	input: (_form, event) => ({
		unverifiedEventId: event.params.activiteit,
		unverifiedPhotoId: event.params.foto
	}),
	act: removeReportPhoto,
	keep: () => ({}),
	done: (result, event) =>
		withFlash(
			`/${event.params.municipality}/beheer/activiteiten/${result.event.id}/verslag`,
			'foto-verwijderd'
		)
});

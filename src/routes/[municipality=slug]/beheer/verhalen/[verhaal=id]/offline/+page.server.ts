import { previewUnpublishStory, unpublishStory } from '$lib/server/features/stories/stories.admin.service';
import { confirmStep } from '$lib/server/platform/backoffice-pages';
import { textFields } from '$lib/server/platform/forms';

// The GET says what taking the story offline does; the POST (with the tick) does it. Publishing it again is
// the way back, from the story's page.
export const { load, actions } = confirmStep({
	preview: (ctx, _query, event) => previewUnpublishStory(ctx, { unverifiedId: event.params.verhaal }),
	input: (form, event) => ({ ...textFields(form, ['confirm']), unverifiedId: event.params.verhaal }),
	act: unpublishStory,
	keep: () => ({}),
	done: (result, event) => `/${event.params.municipality}/beheer/verhalen/${result.id}?gelukt=offline`
});

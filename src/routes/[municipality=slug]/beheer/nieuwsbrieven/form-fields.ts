// Reading the newsletter form of these pages: its text fields and the chosen themes.
import { THEMES_MAX } from '$lib/server/features/newsletters/newsletters.schemas';
import { listField, textFields } from '$lib/server/platform/forms';

export function newsletterForm(form: FormData) {
	const text = textFields(form, ['subject', 'body', 'audience', 'actionId', 'from', 'to']);
	const themeIds = listField(form, 'themeIds', THEMES_MAX);
	return { input: { ...text, themeIds }, values: { form: 'draft', ...text, themeIds } };
}

// Reading the action forms of these pages: text fields, the theme checkboxes, the rows of links, the image.
import { LINKS_MAX } from '$lib/server/features/actions/actions.admin.schemas';
import { listField, textFields } from '$lib/server/platform/forms';

export const ACTION_TEXT_FIELDS = [
	'title',
	'summary',
	'body',
	'decided',
	'status',
	'ownerKind',
	'ownerName',
	'startsOn',
	'endsOn',
	'placeName',
	'lat',
	'lng',
	'imageAlt',
	'removeImage'
] as const;

export const OPPORTUNITY_FIELDS = ['title', 'kind', 'rung', 'howTo', 'opensAt', 'closesAt'] as const;
export const UPDATE_FIELDS = ['title', 'body', 'publish'] as const;

/** The action form as the service takes it, and the values to give back when it is refused. */
export function actionForm(form: FormData) {
	const text = textFields(form, ACTION_TEXT_FIELDS);
	const labels = listField(form, 'linkLabel', LINKS_MAX + 5);
	const urls = listField(form, 'linkUrl', LINKS_MAX + 5);
	// Empty rows are dropped here, so a problem's row number is the row the page shows again.
	const links = Array.from({ length: Math.max(labels.length, urls.length) }, (_, i) => ({
		label: labels[i] ?? '',
		url: urls[i] ?? ''
	})).filter((link) => link.label.trim() || link.url.trim());
	const themeIds = listField(form, 'themeIds', 100);
	const file = form.get('image');
	const image = file instanceof File && file.size > 0 ? file : null;
	return { input: { ...text, links, themeIds, image }, values: { ...text, links, themeIds } };
}

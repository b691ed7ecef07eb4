// Reading the event form of these pages: its text fields and the rows of questions.
import { QUESTIONS_MAX } from '$lib/server/features/events/events.admin.schemas';
import { listField, textFields } from '$lib/server/platform/forms';

export const EVENT_TEXT_FIELDS = [
	'actionId',
	'opportunityId',
	'kind',
	'rung',
	'title',
	'description',
	'startsAt',
	'endsAt',
	'venueName',
	'address',
	'accessibility',
	'whatToBring',
	'onlineUrl',
	'organiser',
	'capacity',
	'registrationDeadline',
	'maxCompanions',
	'status'
] as const;

/** The event form as the service takes it, and the values to give back when it is refused. */
export function eventForm(form: FormData) {
	const text = textFields(form, EVENT_TEXT_FIELDS);
	const ids = listField(form, 'questionId', QUESTIONS_MAX + 5);
	const labels = listField(form, 'questionLabel', QUESTIONS_MAX + 5);
	const types = listField(form, 'questionType', QUESTIONS_MAX + 5);
	// Rows left empty are dropped here, so a problem's row number is the row the page shows again.
	const questions = labels
		.map((label, i) => ({ id: ids[i] ?? '', label, type: types[i] ?? 'checkbox' }))
		.filter((q) => q.label.trim());
	return { input: { ...text, questions }, values: { ...text, questions } };
}

// How "Mijn gegevens" (profiel/gegevens) names the fields of the export's records: a Dutch label from the
// catalogue, the section's own where the shared one reads wrong there. The JSON download keeps the field names.
import type { MessageKey } from '$lib/i18n';

/**
 * Per section, the fields whose value is what the person typed, keyed by names that are themselves data (a
 * registration's answers by question, a form's values kept across a login): shown as they are, not labelled.
 */
const FREE_FORM_FIELDS: Record<string, readonly string[]> = {
	eventRegistrations: ['answers'],
	savedDrafts: ['values']
};

/** Whether the names inside `field` of `section` are data rather than fields of the export. */
export const isFreeForm = (section: string, field: string): boolean =>
	Object.hasOwn(FREE_FORM_FIELDS, section) && FREE_FORM_FIELDS[section]!.includes(field);

/** The catalogue keys that may name `field` in `section`, the most specific first. */
export function fieldLabelKeys(section: string, field: string): MessageKey[] {
	return [
		`profile.export.sectionFields.${section}.${field}`,
		`profile.export.fields.${field}`
	] as MessageKey[];
}

/** The Dutch label of `field` in `section`, or undefined when the catalogue has none. */
export function fieldLabel(
	t: (key: MessageKey) => string,
	section: string,
	field: string
): string | undefined {
	for (const key of fieldLabelKeys(section, field)) {
		const text = t(key);
		if (text !== key && text.trim() !== '') return text;
	}
	return undefined;
}

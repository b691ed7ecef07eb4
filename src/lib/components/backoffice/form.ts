// Reading what a failed form action sent back: per-field messages, a general message and the typed values.

interface FailedForm {
	message?: string;
	fields?: Record<string, string[]>;
	values?: Record<string, unknown>;
}

function failed(form: unknown): FailedForm | null {
	return form && typeof form === 'object' ? (form as FailedForm) : null;
}

/** The messages for one field, or an empty list. */
export function fieldErrors(form: unknown, field: string): string[] {
	return failed(form)?.fields?.[field] ?? [];
}

/** What the person typed in a field before the form came back, else the fallback. */
export function fieldValue(form: unknown, field: string, fallback: string | null | undefined = ''): string {
	const value = failed(form)?.values?.[field];
	return typeof value === 'string' ? value : (fallback ?? '');
}

/** The form's general message when the refusal was not about one field. */
export function formMessage(form: unknown): string | null {
	const f = failed(form);
	if (!f?.message) return null;
	return Object.keys(f.fields ?? {}).length > 0 ? null : f.message;
}

/** True when this form (named by the action's `form` field) is the one that came back. */
export function isForm(form: unknown, name: string): boolean {
	return failed(form)?.values?.form === name;
}

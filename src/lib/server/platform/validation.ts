// Parses input with a Zod schema, or refuses it with per-field catalogue keys, for forms and the API.
import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { AppError, type FieldErrors } from './errors';

const CATALOGUE_KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/;

export function validateInput<S extends z.ZodType>(
	schema: S,
	input: unknown,
	options: {
		/** The key shown for a problem whose message is Zod's own (English) text rather than a catalogue key. */
		fallback: MessageKey;
		/** Which form field an issue belongs to; by default the first segment of its path. */
		fieldOf?: (path: readonly PropertyKey[]) => string;
	}
): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = options.fieldOf ? options.fieldOf(issue.path) : String(issue.path[0] ?? 'form');
		const key = (CATALOGUE_KEY.test(issue.message) ? issue.message : options.fallback) as MessageKey;
		const list = (fields[field] ??= []);
		if (!list.includes(key)) list.push(key);
	}
	// The first problem also serves as the message of an error page (a confirmation step has no form to mark).
	const first = Object.values(fields)[0]?.[0];
	throw new AppError('validation', { fields, message: first });
}

// Parses input with a Zod schema, or refuses it with per-field catalogue keys, for forms and the API.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { AppError, type FieldErrors } from './errors';

/** The loose shape a route or a test hands to a service: every field present or not, of any type. */
export type RawInput<S extends z.ZodType> = { [K in keyof z.input<S>]?: unknown };

const CATALOGUE_KEY = /^[a-zA-Z]+(\.[a-zA-Z0-9]+)+$/;

export function validateInput<S extends z.ZodType>(
	schema: S,
	input: unknown,
	options: {
		/** The key shown for a problem whose message is Zod's own (English) text rather than a catalogue key. */
		fallback?: MessageKey;
		/** Which form field an issue belongs to; by default the first segment of its path. */
		fieldOf?: (path: readonly PropertyKey[]) => string;
	} = {}
): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = options.fieldOf ? options.fieldOf(issue.path) : String(issue.path[0] ?? 'form');
		const key = (
			CATALOGUE_KEY.test(issue.message) ? issue.message : (options.fallback ?? 'backoffice.errors.invalid')
		) as MessageKey;
		const list = (fields[field] ??= []);
		if (!list.includes(key)) list.push(key);
	}
	// The first problem also serves as the message of an error page (a confirmation step has no form to mark).
	const first = Object.values(fields)[0]?.[0];
	throw new AppError('validation', { fields, message: first });
}

/** An e-mail address as staff type it when they invite someone: trimmed, lower case, at most 254 characters. */
export const emailSchema = z
	.string({ error: 'backoffice.errors.email' })
	.trim()
	.toLowerCase()
	.max(254, { error: 'backoffice.errors.email' })
	.pipe(z.email({ error: 'backoffice.errors.email' }));

/**
 * A destructive action's "yes, I mean it" box (the back-office kit's ConfirmForm): ticked ('on' from a form, true
 * from the API), or refused beside the box. Without JavaScript nothing else asks.
 */
export const confirmSchema = z.object({
	confirm: z.preprocess(
		(v) => v === true || v === 'on',
		z.literal(true, { error: 'backoffice.errors.confirmRequired' })
	)
});

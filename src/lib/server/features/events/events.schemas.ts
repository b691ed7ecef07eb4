// Input of people who register for an event: what the form and the API may send, with Dutch message keys per
// field. Whether there is room, and for how many companions, is the service's to say under the event's lock.
import { z } from 'zod';
import { MAX_COMPANIONS_LIMIT, type EventAnswers, type EventQuestion } from '$lib/domain/events';
import type { MessageKey } from '$lib/i18n';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { validateInput } from '$lib/server/platform/validation';

const E = 'eventRegistration.errors';
export const NAME_MAX = 100;
export const ANSWER_MAX = 500;
/** A mailed link's secret (platform/tokens.ts makes 43 characters); anything longer is not one. */
export const TOKEN_MAX = 100;

export function validateRegistration<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	return validateInput(schema, input, { fallback: `${E}.invalid` as MessageKey });
}

const ticked = (v: unknown) => v === true || v === 'on' || v === 'true' || v === '1' || v === 'ja';

export const registrationSchema = z.object({
	eventId: z.coerce
		.number({ error: `${E}.invalid` })
		.int({ error: `${E}.invalid` })
		.positive({ error: `${E}.invalid` }),
	/** Empty: no companions. */
	companions: z.preprocess(
		(v) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? 0 : v),
		z.coerce
			.number({ error: `${E}.companionsInvalid` })
			.int({ error: `${E}.companionsInvalid` })
			.min(0, { error: `${E}.companionsInvalid` })
			.max(MAX_COMPANIONS_LIMIT, { error: `${E}.companionsTooManyField` })
	),
	/** By question id, as the form sends them; checked against the event's questions by `checkAnswers`. */
	answers: z
		.record(z.string(), z.union([z.string(), z.boolean()]), { error: `${E}.invalid` })
		.optional()
		.transform((v) => v ?? {}),
	/** Take a place on the waitlist when there is no room for everyone (instead of being refused). */
	waitlist: z.unknown().optional().transform(ticked)
});

/** Without an account: a name and an address to send the confirmation link to. */
export const guestSchema = z.object({
	name: z
		.string({ error: `${E}.nameRequired` })
		.transform((v) => v.trim())
		.pipe(
			z
				.string()
				.min(1, { error: `${E}.nameRequired` })
				.max(NAME_MAX, { error: `${E}.nameTooLong` })
		),
	email: z
		.string({ error: `${E}.emailRequired` })
		.trim()
		.toLowerCase()
		.min(1, { error: `${E}.emailRequired` })
		.max(254, { error: `${E}.emailInvalid` })
		.pipe(z.email({ error: `${E}.emailInvalid` }))
});

export const tokenSchema = z.object({
	unverifiedToken: z
		.string({ error: `${E}.linkInvalid` })
		.trim()
		.min(1, { error: `${E}.linkInvalid` })
		.max(TOKEN_MAX, { error: `${E}.linkInvalid` })
		.regex(/^[A-Za-z0-9_-]+$/, { error: `${E}.linkInvalid` })
});

/**
 * The answers to the event's questions, by question id: a checkbox ticked or not, a text trimmed. Answers to
 * questions the event does not ask are dropped; a text too long is refused beside its field (`answers.<id>`).
 */
export function checkAnswers(
	questions: readonly EventQuestion[],
	raw: Record<string, unknown>
): EventAnswers {
	const answers: EventAnswers = {};
	const fields: FieldErrors = {};
	for (const q of questions) {
		const value = raw[q.id];
		if (q.type === 'checkbox') answers[q.id] = ticked(value);
		else {
			const text = typeof value === 'string' ? value.trim() : '';
			if (text.length > ANSWER_MAX) fields[`answers.${q.id}`] = [`${E}.answerTooLong`];
			else if (text) answers[q.id] = text;
		}
	}
	const first = Object.values(fields)[0]?.[0];
	if (first) throw new AppError('validation', { fields, message: first });
	return answers;
}

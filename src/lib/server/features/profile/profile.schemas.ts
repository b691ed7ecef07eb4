// What the profile forms accept: the values as a browser sends them, and what they mean once valid.
// Zod messages are catalogue keys, so every refusal reaches the person in Dutch beside its field.
import { z } from 'zod';
import type { MessageKey } from '$lib/i18n';
import { MAIL_FREQUENCIES } from '$lib/server/db/schema';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { SLUG_MAX, SLUG_PATTERN } from '$lib/domain/slugs';

export const DISPLAY_NAME_MAX = 60;
export const EMAIL_MAX = 254;
/** Form fields of one theme preference are named `theme:<slug of the theme>`. */
export const THEME_FIELD_PREFIX = 'theme:';
export const THEME_CHOICES = ['yes', 'no', 'none'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type MailFrequency = (typeof MAIL_FREQUENCIES)[number];

/** The plain fields of the profile form; theme fields come on top. */
export const PROFILE_FIELDS = [
	'person',
	'displayName',
	'email',
	'home',
	'mailFrequency',
	'wantsToHelp',
	'themesOf'
] as const;

/** What is kept of a typed value to show it again: generous for people, small for a flood. */
const KEEP_MAX = 2_000;
const MAX_THEME_FIELDS = 40;
const EMAIL = z.email();

const key = (k: MessageKey) => k;

/** '' and null both mean "none"; accepting both lets the service check data the route already parsed. */
const optionalText = (max: number, message: MessageKey) =>
	z.preprocess((v) => v ?? '', z.string(key(message)).trim().max(max, key(message)));

const slugOrNone = (message: MessageKey) =>
	optionalText(80, message)
		.refine((v) => v === '' || SLUG_PATTERN.test(v), key(message))
		.transform((v) => v || null);

export const profileInput = z
	.object({
		displayName: z
			.string(key('profile.displayName.required'))
			.trim()
			.max(DISPLAY_NAME_MAX, key('profile.displayName.tooLong'))
			.min(1, key('profile.displayName.required'))
			// A name is text, never markup: refusing < and > keeps it harmless wherever it is shown or mailed.
			.refine((v) => !/[<>]/.test(v), key('profile.displayName.noHtml')),
		email: optionalText(EMAIL_MAX, 'profile.email.tooLong')
			.transform((v) => v.toLowerCase())
			.refine((v) => v === '' || EMAIL.safeParse(v).success, key('profile.email.invalid'))
			.transform((v) => v || null),
		home: slugOrNone('profile.home.invalid'),
		mailFrequency: z.enum(MAIL_FREQUENCIES, key('profile.mailFrequency.invalid')),
		wantsToHelp: z.boolean(key('profile.wantsToHelp.invalid')),
		/** The municipality whose themes the form showed: preferences only count for that one. */
		themesOf: slugOrNone('profile.home.invalid'),
		themes: z.record(
			z.string().max(SLUG_MAX).regex(SLUG_PATTERN),
			z.enum(THEME_CHOICES, key('profile.themes.invalid'))
		)
	})
	.superRefine((profile, check) => {
		// The pool of climate makers is a municipality's: without a home municipality there is none to join.
		if (profile.wantsToHelp && !profile.home)
			check.addIssue({
				code: 'custom',
				path: ['wantsToHelp'],
				message: key('profile.wantsToHelp.needsHome')
			});
	});

export type ProfileData = z.output<typeof profileInput>;

export const deleteAccountInput = z.object({
	confirm: z.literal('yes', key('profile.delete.confirmRequired'))
});

/** Turns Zod issues into per-field catalogue keys, named like the form's fields. */
function fieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of issues) {
		const [first, second] = issue.path;
		const field =
			first === 'themes' && typeof second === 'string' ? THEME_FIELD_PREFIX + second : String(first ?? '');
		const list = (fields[field] ??= []);
		const message = issue.message as MessageKey;
		if (list.length === 0) list.push(message);
	}
	return fields;
}

/** Parses or refuses with a validation error carrying a message per field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	throw new AppError('validation', { fields: fieldErrors(result.error.issues) });
}

/** The form as typed, as strings and capped: what goes back into the form on error, or into a draft. */
export function readProfileForm(form: FormData): Record<string, string> {
	return pickProfileFields(form.entries());
}

/** Only the profile form's own fields, as capped strings; anything else is dropped. */
export function pickProfileFields(entries: Iterable<[string, unknown]>): Record<string, string> {
	const values: Record<string, string> = {};
	let themeFields = 0;
	for (const [name, value] of entries) {
		if (typeof value !== 'string') continue;
		const isTheme = name.startsWith(THEME_FIELD_PREFIX) && name.length <= 100;
		if (!isTheme && !(PROFILE_FIELDS as readonly string[]).includes(name)) continue;
		if (isTheme && ++themeFields > MAX_THEME_FIELDS) continue;
		values[name] = value.slice(0, KEEP_MAX);
	}
	return values;
}

/** Parses the typed profile form; a refusal names each field with its message. */
export function parseProfileForm(values: Record<string, string>): ProfileData {
	const themes: Record<string, string> = {};
	for (const [name, value] of Object.entries(values)) {
		const slug = name.slice(THEME_FIELD_PREFIX.length);
		// A theme field with a name we could never have rendered is noise, not a mistake of the person.
		if (name.startsWith(THEME_FIELD_PREFIX) && SLUG_PATTERN.test(slug)) themes[slug] = value;
	}
	return validate(profileInput, {
		displayName: values.displayName ?? '',
		email: values.email ?? '',
		home: values.home ?? '',
		mailFrequency: values.mailFrequency ?? '',
		wantsToHelp: values.wantsToHelp === 'yes',
		themesOf: values.themesOf ?? '',
		themes
	});
}

// Input of a municipality's settings: branding, themes and the two statements.
import { z } from 'zod';
import { contrastRatio, isHexColor } from '$lib/domain/colors';
import { LEKP_WERVEN } from '$lib/domain/themes';

export const STATEMENT_MAX = 50_000;
export const INTRO_MAX = 1_000;
export const THEME_NAME_MAX = 80;
export const THEME_DESCRIPTION_MAX = 500;
const MIN_CONTRAST = 4.5;

/** WCAG AA for normal text: black or white text on the colour must reach 4.5:1 (the site picks the better one). */
export function carriesReadableText(hex: string): boolean {
	return Math.max(contrastRatio(hex, '#ffffff'), contrastRatio(hex, '#111111')) >= MIN_CONTRAST;
}

const color = z
	.string({ error: 'backoffice.settings.colorFormat' })
	.trim()
	.toLowerCase()
	.max(7, { error: 'backoffice.settings.colorFormat' })
	.refine(isHexColor, { error: 'backoffice.settings.colorFormat', abort: true })
	.refine(carriesReadableText, { error: 'backoffice.settings.colorContrast' });

function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
	} catch {
		return false;
	}
}

const optionalText = (max: number, error: string) =>
	z
		.string({ error })
		.max(max, { error })
		.optional()
		.transform((v) => v?.trim() || null);

export const brandingSchema = z.object({
	primaryColor: color,
	accentColor: color,
	websiteUrl: z
		.string({ error: 'backoffice.settings.websiteHttps' })
		.trim()
		.max(500, { error: 'backoffice.settings.websiteTooLong' })
		.transform((v) => v || null)
		.refine((v) => v === null || isHttpsUrl(v), { error: 'backoffice.settings.websiteHttps' }),
	intro: optionalText(INTRO_MAX, 'backoffice.settings.introTooLong')
});

export const STATEMENT_KINDS = ['privacy', 'accessibility'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const statementSchema = z.object({
	kind: z.enum(STATEMENT_KINDS, { error: 'backoffice.errors.invalid' }),
	markdown: optionalText(STATEMENT_MAX, 'backoffice.settings.statementTooLong')
});

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

const themeName = z
	.string({ error: 'backoffice.settings.themeNameRequired' })
	.trim()
	.min(1, { error: 'backoffice.settings.themeNameRequired' })
	.max(THEME_NAME_MAX, { error: 'backoffice.settings.themeNameTooLong' });

const lekpWerf = z.preprocess(
	(v) => (v === '' || v === undefined || v === null ? null : v),
	z.enum(LEKP_WERVEN, { error: 'backoffice.settings.werfInvalid' }).nullable()
);

export const themeSchema = z
	.object({
		name: themeName,
		description: optionalText(THEME_DESCRIPTION_MAX, 'backoffice.settings.themeDescriptionTooLong'),
		climate: checkbox,
		lekpWerf
	})
	.superRefine((theme, issue) => {
		if (theme.lekpWerf && !theme.climate)
			issue.addIssue({ code: 'custom', path: ['lekpWerf'], message: 'backoffice.settings.werfNeedsClimate' });
	});

export const moveThemeSchema = z.object({
	direction: z.enum(['up', 'down'], { error: 'backoffice.errors.invalid' })
});

export const themeActiveSchema = z.object({ active: checkbox });

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

import { describe, expect, it } from 'vitest';
import { createTranslator, formatDate, formatDateTime, formatEuros, formatNumber, translate } from './index';

describe('translate', () => {
	it('fills in parameters and formats numbers the Belgian way', () => {
		expect(translate('nl', 'region.inhabitants', { count: 40709 })).toBe('40.709 inwoners');
	});

	it('picks the singular for one', () => {
		expect(translate('nl', 'region.inhabitants', { count: 1 })).toBe('1 inwoner');
	});

	it('falls back to Dutch where French or English has no translation yet', () => {
		// The sections loaded on demand (here the profile) are Dutch only so far.
		expect(translate('fr', 'profile.title')).toBe('Mijn profiel');
		expect(translate('en', 'profile.title')).toBe('Mijn profiel');
		expect(translate('fr', 'errors.notFound')).toBe('Page introuvable');
		expect(translate('fr', 'app.skipToContent')).toBe('Aller au contenu');
	});

	it('returns the key for a message that does not exist, instead of crashing', () => {
		expect(translate('nl', 'nope.missing' as never)).toBe('nope.missing');
	});

	it('follows the locale a translator reads at call time', () => {
		let locale: 'nl' | 'en' = 'nl';
		const i18n = createTranslator(() => locale);
		expect(i18n.t('app.skipToContent')).toBe('Naar de inhoud');
		locale = 'en';
		expect(i18n.t('app.skipToContent')).toBe('Skip to content');
	});
});

describe('nl-BE formatting in Europe/Brussels', () => {
	it('writes dates in Dutch in Belgian time, also across midnight UTC', () => {
		expect(formatDate('2026-09-09T22:30:00Z')).toBe('10 september 2026');
		expect(formatDateTime('2026-09-10T17:30:00Z')).toBe('10 september 2026 om 19:30');
	});

	it('uses a point for thousands and a comma for decimals', () => {
		expect(formatNumber(1234567.5)).toBe('1.234.567,5');
	});

	it('writes every whole number, small or large, as Intl.NumberFormat does in each locale', () => {
		const intl = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE' } as const;
		for (const [locale, tag] of Object.entries(intl) as [keyof typeof intl, string][]) {
			const format = new Intl.NumberFormat(tag);
			for (const n of [0, 1, 7, 42, 999, 1000, 12345, -3, 0.5, 999.5, 1e6])
				expect(formatNumber(n, locale), `${n} in ${tag}`).toBe(format.format(n));
		}
	});
});

describe('formatEuros: whole cents as euros, as Intl writes them in nl-BE', () => {
	// Intl puts a non-breaking space (U+00A0) between the sign and the amount: the euro sign never wraps apart.
	const nbsp = '\u00a0';

	it('rounds to whole euros, half away from zero', () => {
		expect(formatEuros(0)).toBe(`€${nbsp}0`);
		expect(formatEuros(123_449)).toBe(`€${nbsp}1.234`);
		expect(formatEuros(123_450)).toBe(`€${nbsp}1.235`);
		expect(formatEuros(49)).toBe(`€${nbsp}0`);
		expect(formatEuros(50)).toBe(`€${nbsp}1`);
	});

	it('writes negative amounts with a minus after the sign, and never "€ -0"', () => {
		expect(formatEuros(-123_450)).toBe(`€${nbsp}-1.235`);
		expect(formatEuros(-40)).toBe(`€${nbsp}0`);
		expect(formatEuros(-0)).toBe(`€${nbsp}0`);
	});

	it('groups large numbers by thousands with points', () => {
		expect(formatEuros(100_000_000_000)).toBe(`€${nbsp}1.000.000.000`);
		expect(formatEuros(22_800_000)).toBe(`€${nbsp}228.000`);
	});

	it('keeps the cents when asked and there are any', () => {
		expect(formatEuros(125_050, 'nl', { exact: true })).toBe(`€${nbsp}1.250,50`);
		expect(formatEuros(5, 'nl', { exact: true })).toBe(`€${nbsp}0,05`);
		expect(formatEuros(-125_050, 'nl', { exact: true })).toBe(`€${nbsp}-1.250,50`);
		expect(formatEuros(125_000, 'nl', { exact: true })).toBe(`€${nbsp}1.250`);
	});

	it('writes an axis short when asked', () => {
		expect(formatEuros(250_000, 'nl', { compact: true })).toBe(`€${nbsp}2,5K`);
		expect(formatEuros(150_000_000, 'nl', { compact: true })).toBe(`€${nbsp}1,5${nbsp}mln.`);
		expect(formatEuros(0, 'nl', { compact: true })).toBe(`€${nbsp}0`);
	});

	it('follows the locale, and the translator formats in its own', () => {
		expect(formatEuros(123_400, 'fr')).toBe(
			new Intl.NumberFormat('fr-BE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
				1234
			)
		);
		expect(createTranslator('nl').euros(123_450)).toBe(`€${nbsp}1.235`);
		expect(createTranslator('nl').euros(123_450, { exact: true })).toBe(`€${nbsp}1.234,50`);
	});
});

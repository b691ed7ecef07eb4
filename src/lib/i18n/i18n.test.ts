import { describe, expect, it } from 'vitest';
import { createTranslator, formatDate, formatDateTime, formatNumber, translate } from './index';

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

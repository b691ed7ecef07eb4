// Translation and nl-BE formatting, shared by server and browser.
import type { Catalogue, MessageKey, PartialCatalogue } from './catalogue';
import nl from './messages/nl';

export const LOCALES = ['nl', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nl';
export const TIME_ZONE = 'Europe/Brussels';
export type { MessageKey };

/**
 * The catalogues by locale. A browser gets only Dutch: French and English are not offered yet
 * (negotiateLocale), so they stay on the server, where tests check them, and cost a citizen's page nothing
 * (the JavaScript budget of `npm run bench`). Offering them means loading them per locale, as the sections are.
 */
const catalogues: Partial<Record<Locale, PartialCatalogue | Catalogue>> = { nl };
if (import.meta.env.SSR) {
	const others = import.meta.glob<{ default: PartialCatalogue }>('./messages/{fr,en}.ts', { eager: true });
	catalogues.fr = others['./messages/fr.ts']?.default;
	catalogues.en = others['./messages/en.ts']?.default;
}
const intlLocales: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-BE' };

export type Params = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks a supported locale from an Accept-Language header; Dutch when nothing fits. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
	// Only Dutch is complete; other locales are offered once their catalogue is.
	void acceptLanguage;
	return DEFAULT_LOCALE;
}

/**
 * Dutch sections that are not part of the core catalogue (back office, profile, poster). The server has
 * them all; a browser gets them only on the pages that register them (see registerSections).
 */
const sections: Record<string, unknown> = {};

/** Adds sections of the Dutch catalogue, e.g. registerSections({ backoffice }) in the back office's layout. */
export function registerSections(more: Record<string, unknown>): void {
	Object.assign(sections, more);
}

if (import.meta.env.SSR) {
	const files = import.meta.glob<Record<string, unknown>>('./messages/nl/*.ts', { eager: true });
	for (const module of Object.values(files)) registerSections(module);
}

function lookup(catalogue: unknown, key: string): unknown {
	let node: unknown = catalogue;
	for (const part of key.split('.')) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[part];
	}
	return node;
}

function interpolate(template: string, params: Params | undefined, locale: Locale): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(value, locale) : value;
	});
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
	let message = lookup(catalogues[locale], key);
	if (message === undefined) message = lookup(nl, key);
	if (message === undefined) message = lookup(sections, key);
	if (message && typeof message === 'object' && 'other' in message) {
		const forms = message as { one: string; other: string };
		const count = Number(params?.count ?? 0);
		message = plural(locale).select(count) === 'one' ? forms.one : forms.other;
	}
	if (typeof message !== 'string') return key;
	return interpolate(message, params, locale);
}

export function intlLocale(locale: Locale): string {
	return intlLocales[locale];
}

// Intl objects are costly to build and safe to share: one of each per locale.
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function numberFormat(locale: Locale): Intl.NumberFormat {
	let format = numberFormats.get(locale);
	if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(intlLocales[locale])));
	return format;
}

function plural(locale: Locale): Intl.PluralRules {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocales[locale])));
	return rules;
}

export function formatNumber(value: number, locale: Locale = DEFAULT_LOCALE): string {
	// Whole numbers below a thousand read the same in every locale served (no grouping, no decimals), and most
	// numbers on a page are such counts. The first Intl.NumberFormat of a browser tab costs 50–90 ms in Chromium
	// (its number data is loaded then), four times that on Lighthouse's phone: a page that shows only small
	// counts does without it (issue 15).
	if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
	return numberFormat(locale).format(value);
}

/**
 * How an amount of euros is written: rounded to whole euros; `exact` with its cents when it has any; `compact` short
 * for an axis ("€ 2,5K", "€ 1,5 mln.").
 */
export interface EuroOptions {
	exact?: boolean;
	compact?: boolean;
}

const euroStyles = {
	whole: { minimumFractionDigits: 0, maximumFractionDigits: 0 },
	cents: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
	compact: { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
} as const satisfies Record<string, Intl.NumberFormatOptions>;

const euroFormats = new Map<string, Intl.NumberFormat>();

function euroFormat(locale: Locale, style: keyof typeof euroStyles): Intl.NumberFormat {
	const key = `${locale}|${style}`;
	let format = euroFormats.get(key);
	if (!format)
		euroFormats.set(
			key,
			(format = new Intl.NumberFormat(intlLocales[locale], {
				style: 'currency',
				currency: 'EUR',
				...euroStyles[style],
				// An amount that rounds to zero reads "€ 0", never "€ -0".
				signDisplay: 'negative'
			}))
		);
	return format;
}

/**
 * An amount kept in whole cents, written as euros the way Intl writes them in the locale: "€ 1.250" in nl-BE, with
 * a non-breaking space after the sign so it never wraps apart. Rounded to whole euros (totals, budgets side by side,
 * the council report) unless options ask otherwise (EuroOptions).
 */
export function formatEuros(
	cents: number,
	locale: Locale = DEFAULT_LOCALE,
	options: EuroOptions = {}
): string {
	const style = options.compact ? 'compact' : options.exact && cents % 100 !== 0 ? 'cents' : 'whole';
	return euroFormat(locale, style).format(cents / 100);
}

const dateStyles = {
	date: { dateStyle: 'long' },
	dateTime: { dateStyle: 'long', timeStyle: 'short' },
	time: { timeStyle: 'short' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Built once per locale and style: a new Intl.DateTimeFormat per call cost a list of 20 events about a
// quarter of its rendering time (issue 17's bench, CPU profile of /geel/activiteiten).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, style: keyof typeof dateStyles): Intl.DateTimeFormat {
	const key = `${locale}|${style}`;
	let format = dateFormats.get(key);
	if (!format)
		dateFormats.set(
			key,
			(format = new Intl.DateTimeFormat(intlLocales[locale], { ...dateStyles[style], timeZone: TIME_ZONE }))
		);
	return format;
}

export function formatDate(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
	return dateFormat(locale, 'date').format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
	return dateFormat(locale, 'dateTime').format(new Date(value));
}

export function formatTime(value: Date | string, locale: Locale = DEFAULT_LOCALE): string {
	return dateFormat(locale, 'time').format(new Date(value));
}

export interface Translator {
	locale: Locale;
	t: (key: MessageKey, params?: Params) => string;
	number: (value: number) => string;
	/** An amount in whole cents as euros (formatEuros). */
	euros: (cents: number, options?: EuroOptions) => string;
	date: (value: Date | string) => string;
	dateTime: (value: Date | string) => string;
}

/** A translator; pass a getter when the locale can change while it lives (a component tree). */
export function createTranslator(locale: Locale | (() => Locale)): Translator {
	const current = typeof locale === 'function' ? locale : () => locale;
	return {
		get locale() {
			return current();
		},
		t: (key, params) => translate(current(), key, params),
		number: (value) => formatNumber(value, current()),
		euros: (cents, options) => formatEuros(cents, current(), options),
		date: (value) => formatDate(value, current()),
		dateTime: (value) => formatDateTime(value, current())
	};
}

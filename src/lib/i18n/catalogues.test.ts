// The English and French catalogues against the Dutch one: every message of the core catalogue (nl.ts, what
// any page may show) is translated, with the same placeholders and plural forms, and is not Dutch copied over.
import { describe, expect, it } from 'vitest';
import nl from './messages/nl';
import en from './messages/en';
import fr from './messages/fr';

type Tree = { [key: string]: unknown };

/** Every dotted key that leads to a string, and every plural (an object with `other`) as one key. */
function messages(tree: unknown, prefix = ''): Map<string, string | Record<string, string>> {
	const found = new Map<string, string | Record<string, string>>();
	for (const [key, value] of Object.entries((tree ?? {}) as Tree)) {
		const path = prefix ? `${prefix}.${key}` : key;
		if (typeof value === 'string') found.set(path, value);
		else if (value && typeof value === 'object' && 'other' in value)
			found.set(path, value as Record<string, string>);
		else for (const [k, v] of messages(value, path)) found.set(k, v);
	}
	return found;
}

const placeholders = (message: string | Record<string, string>) =>
	[...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();

/** Messages that are the same in every language: names, and templates that are only placeholders. */
const SAME_EVERYWHERE = new Set([
	'app.name',
	'api.title',
	'app.api',
	// Dutch uses the English term.
	'app.openData',
	'municipality.postcode',
	'pagination.label',
	'search.kinds.actions',
	'search.kinds.suggestions',
	'search.scopeMunicipality',
	'statements.privacyLink'
]);
const onlyPlaceholders = (message: string | Record<string, string>) =>
	typeof message === 'string' && /^[\s{}\w:·]*$/.test(message) && /\{\w+\}/.test(message);

const dutch = messages(nl);

describe.each([
	['en', en],
	['fr', fr]
] as const)('the %s catalogue', (locale, catalogue) => {
	const translated = messages(catalogue);

	it('has every message of the Dutch core catalogue, and nothing Dutch does not have', () => {
		expect(dutch.size).toBeGreaterThan(300);
		expect([...dutch.keys()].filter((key) => !translated.has(key))).toEqual([]);
		expect([...translated.keys()].filter((key) => !dutch.has(key))).toEqual([]);
	});

	it('keeps the placeholders and the plural forms of each message', () => {
		const wrong = [...dutch].filter(([key, message]) => {
			const other = translated.get(key);
			if (other === undefined) return false;
			if (typeof message !== typeof other) return true;
			if (
				typeof message === 'object' &&
				Object.keys(message).sort().join() !==
					Object.keys(other as object)
						.sort()
						.join()
			)
				return true;
			return placeholders(message).join() !== placeholders(other).join();
		});
		expect(wrong.map(([key]) => key)).toEqual([]);
	});

	it(`is ${locale === 'en' ? 'English' : 'French'}, not Dutch copied over`, () => {
		const copied = [...dutch].filter(
			([key, message]) =>
				!SAME_EVERYWHERE.has(key) &&
				!onlyPlaceholders(message) &&
				JSON.stringify(translated.get(key)) === JSON.stringify(message)
		);
		expect(copied.map(([key]) => key)).toEqual([]);
	});
});

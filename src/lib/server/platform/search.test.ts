import { describe, expect, it } from 'vitest';
import { dutchParts, parseSearch, SEARCH_MAX_LENGTH } from './search';

describe('dutchParts: the parts of text a Dutch word matches', () => {
	it.each([
		['boom', ['boom', 'bome']],
		['bomen', ['bom', 'boom']],
		['fiets', ['fiets']],
		['fietsen', ['fiets']],
		['zon', ['zon']],
		['zonnen', ['zon']],
		['school', ['school', 'schole']],
		['scholen', ['schol', 'school']],
		['isoleren', ['isoler', 'isoleer', 'isolati']],
		['isolatie', ['isolati', 'isoler', 'isoleer']],
		['tegels', ['tegel']],
		['huizen', ['huiz', 'huis']],
		['huis', ['huis', 'huize']],
		['regentonnen', ['regenton']]
	])('%s → %j', (word, parts) => {
		expect(dutchParts(word).sort()).toEqual([...parts].sort());
	});
});

describe('parseSearch', () => {
	it('keeps letters and digits only: no wildcard, quote, control character or emoji reaches SQL', () => {
		expect(
			parseSearch(`'; DROP TABLE actions; -- 100% _x_ \u0000 🌳 Zonne-énergie`)?.words.map((w) => w.word)
		).toEqual(['drop', 'table', 'actions', '100', 'x', 'zonne', 'energie']);
	});
	it('has no words for punctuation, emoji or nothing', () => {
		expect(parseSearch('')).toBeNull();
		expect(parseSearch(' 🌳 %% \u0000 ')).toBeNull();
	});
	it('keeps at most eight words of a very long query', () => {
		const terms = parseSearch(
			'fiets '.repeat(10_000) + Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')
		);
		expect(terms!.words.length).toBeLessThanOrEqual(8);
		expect(SEARCH_MAX_LENGTH).toBe(100);
	});
});

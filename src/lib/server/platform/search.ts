// Searching Dutch text: what every feature's search shares. Dutch glues words together (fietsroute,
// straatbomen, zonnepanelen) and changes them in the plural (boom → bomen), so a word of the query matches a
// text that contains it, or one of its few Dutch forms, anywhere: as a word, a prefix or a part of a
// compound. That is a substring match served by a trigram index (pg_trgm, `gin_trgm_ops` on the searched
// text), beside the full-text vector that ranks whole words first.
import { sql, type SQL } from 'drizzle-orm';

/** The most characters of a query; a longer one is refused by the schemas that read it. */
export const SEARCH_MAX_LENGTH = 100;
/** Words of a query that count; the rest is ignored. */
const MAX_WORDS = 8;
/** Longer words are cut: no Dutch word in a text a person searches for is longer. */
const MAX_WORD_LENGTH = 40;
/** A substring shorter than a trigram cannot use the index and matches far too much. */
const MIN_PART_LENGTH = 3;

/** One word of the query and the parts of text that match it. */
export interface SearchWord {
	word: string;
	/** Lower case, without accents; a text containing any of them matches the word. */
	parts: string[];
}

/** A parsed query: its words, each of which must match (stop words such as "de" or "naar" always do). */
export interface SearchTerms {
	/** The words joined by spaces, for similarity with a title. */
	text: string;
	words: SearchWord[];
}

const isVowel = (c: string | undefined) => c !== undefined && 'aeiou'.includes(c);
const isConsonant = (c: string | undefined) => c !== undefined && /[a-z]/.test(c) && !isVowel(c);

/** Lower case without accents, as `meedoen_unaccent` folds the searched text (é → e, ë → e). */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/**
 * The query's words: letters and digits only, so nothing of the query reaches SQL but plain words (no
 * wildcards, quotes, control characters or emoji). Null when no word is left.
 */
export function parseSearch(query: string): SearchTerms | null {
	const words = [
		...new Set(
			foldText(query.slice(0, SEARCH_MAX_LENGTH * 4))
				.split(/[^\p{L}\p{N}]+/u)
				.filter((w) => w.length > 0)
				.map((w) => w.slice(0, MAX_WORD_LENGTH))
		)
	].slice(0, MAX_WORDS);
	if (words.length === 0) return null;
	return { text: words.join(' '), words: words.map((word) => ({ word, parts: dutchParts(word) })) };
}

/**
 * The parts of text that a Dutch word matches, by a few rules of Dutch spelling (not a dictionary): the
 * singular and plural of a noun with a long vowel (boom/bomen, school/scholen, paneel/panelen, huis/huizen),
 * an ending -en, -e, -s or a diminutive taken off (fietsen → fiets, planten → plant, tegels → tegel), a verb in
 * -eren with its noun in -atie (isoleren/isolatie, renoveren/renovatie). A part contained in another makes
 * the longer one redundant, so only the shortest remain.
 */
export function dutchParts(word: string): string[] {
	const parts = new Set<string>([word]);
	const add = (p: string) => {
		if (p.length >= MIN_PART_LENGTH) parts.add(p);
	};

	// An ending taken off: the base of a plural, an inflected adjective or a diminutive.
	let base: string | undefined;
	let openSyllable = false;
	for (const ending of ['tjes', 'tje', 'jes', 'je', 'en', 'e']) {
		if (word.endsWith(ending) && word.length - ending.length >= MIN_PART_LENGTH) {
			base = word.slice(0, -ending.length);
			openSyllable = ending === 'en' || ending === 'e';
			break;
		}
	}
	if (!base && word.length >= 5 && word.endsWith('s') && /[lrnm]|[aeiou]/.test(word.at(-2) ?? ''))
		base = word.slice(0, -1);
	if (base) {
		// A doubled consonant belongs to the ending's syllable: zonnen → zon, bossen → bos.
		if (base.length > MIN_PART_LENGTH && base.at(-1) === base.at(-2) && isConsonant(base.at(-1))) {
			base = base.slice(0, -1);
			openSyllable = false;
		}
		add(base);
		// A single vowel in an open syllable is long, written double when the syllable closes:
		// bomen → boom, scholen → school, panelen → paneel; huizen → huis, duiven → duif.
		const [c1, v, c2] = [base.at(-3), base.at(-2), base.at(-1)];
		if (openSyllable && isConsonant(c1) && isVowel(v) && isConsonant(c2))
			add(`${base.slice(0, -1)}${v}${c2}`);
		if (base.endsWith('z')) add(`${base.slice(0, -1)}s`);
		if (base.endsWith('v')) add(`${base.slice(0, -1)}f`);
	}

	// A long vowel written double closes its syllable; the plural opens it: boom → bome(n), straat → strate(n).
	const closedLong = /([aeiou])\1([b-df-hj-np-tv-z])$/.exec(word);
	if (closedLong) {
		const stem = word.slice(0, closedLong.index) + closedLong[1];
		const last = closedLong[2]!;
		add(`${stem}${last === 's' ? 'z' : last === 'f' ? 'v' : last}e`);
	}
	if (/(ui|ei|ij|ou|au|ie|eu)[sf]$/.test(word)) add(`${word.slice(0, -1)}${word.endsWith('s') ? 'z' : 'v'}e`);

	// A verb in -eren and its noun in -atie: isoleren, isoleer, isolering ↔ isolatie.
	const root = /^(.{3,})(?:eren|eer|ering|aties?)$/.exec(word)?.[1];
	if (root) {
		add(`${root}ati`);
		add(`${root}er`);
		add(`${root}eer`);
	}

	const all = [...parts];
	return all.filter((p) => !all.some((other) => other !== p && p.includes(other)));
}

/** A LIKE pattern for a part: parts hold letters and digits only, so no wildcard needs escaping. */
const contains = (part: string) => `%${part}%`;

/** What a feature's search looks in: the folded text (with its trigram index) and optionally more. */
export interface SearchTarget {
	/**
	 * `lower(meedoen_unaccent(...))` of the searched columns, as the trigram index has it (a stored column, or
	 * exactly the index's expression). Parts are lower case already, so LIKE does: ILIKE folds every candidate
	 * row's text again.
	 */
	text: SQL;
	/** The title alone, folded the same way, for ranking. */
	title: SQL;
	/** The Dutch full-text vector, when the table has one: whole words then rank first. */
	vector?: SQL;
}

/** The Dutch stem of a word, or null for a stop word (de, het, naar, …). */
const stemOf = (word: string) => sql`(ts_lexize('dutch_stem', ${word}))[1]`;

/**
 * The condition that every word of the query matches the target: a stop word always does; any other word
 * when the text contains one of its parts, or (with a vector) when a word of the text starts with its stem.
 */
export function matchesSearch(terms: SearchTerms, target: SearchTarget): SQL {
	const perWord = terms.words.map(({ word, parts }) => {
		const options = parts.map((p) => sql`${target.text} LIKE ${contains(p)}`);
		if (target.vector) options.push(sql`${target.vector} @@ to_tsquery('simple', ${stemOf(word)} || ':*')`);
		return sql`(cardinality(ts_lexize('dutch_stem', ${word})) = 0 OR ${sql.join(options, sql` OR `)})`;
	});
	return sql`(${sql.join(perWord, sql` AND `)})`;
}

/**
 * How well a match fits, higher first: a word of the text equal to a query word (by its stem) counts most,
 * then a part of the query in the title, then the full-text rank of the prefixes and how much the title
 * resembles the query (trigram word similarity, weighed less).
 */
export function searchRank(terms: SearchTerms, target: SearchTarget): SQL<number> {
	const perWord = terms.words.map(({ word, parts }) => {
		const inTitle = sql`(${sql.join(
			parts.map((p) => sql`${target.title} LIKE ${contains(p)}`),
			sql` OR `
		)})::int * 0.5`;
		if (!target.vector) return inTitle;
		const exact = sql`coalesce((${target.vector} @@ to_tsquery('simple', ${stemOf(word)}))::int, 0)`;
		const prefix = sql`coalesce(ts_rank(${target.vector}, to_tsquery('simple', ${stemOf(word)} || ':*')), 0)`;
		return sql`${exact} + ${inTitle} + ${prefix}`;
	});
	return sql<number>`(${sql.join(perWord, sql` + `)} + word_similarity(${terms.text}, ${target.title}) * 0.3)`.mapWith(
		Number
	);
}

/** Whether a short text (a name) matches every word, in JavaScript: for lists small enough to hold. */
export function textMatches(terms: SearchTerms, text: string): boolean {
	const folded = foldText(text);
	return terms.words.every(({ parts }) => parts.some((p) => folded.includes(p)));
}

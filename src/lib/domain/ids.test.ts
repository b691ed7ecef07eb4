// One reading per id kind: actions and suggestions take their slug along, other records are digits only,
// people, themes and media are uuids.
import { describe, expect, it } from 'vitest';
import { isUuid, parseId, parseSluggedId } from './ids';
import { match as matchId } from '../../params/id';
import { match as matchSlugged } from '../../params/slugged';
import { match as matchUuid } from '../../params/uuid';

describe('ids of opportunities, comments and updates', () => {
	it('reads digits and whole numbers between 1 and 2^31-1', () => {
		expect(parseId('12')).toBe(12);
		expect(parseId(12)).toBe(12);
		expect(parseId('2147483647')).toBe(2_147_483_647);
		expect(parseId('2147483648')).toBeNull();
		expect(parseId(2 ** 31)).toBeNull();
		expect(parseId('0')).toBeNull();
		expect(parseId(0)).toBeNull();
		expect(parseId(1.5)).toBeNull();
		expect(parseId('')).toBeNull();
		expect(parseId(null)).toBeNull();
		expect(parseId(' 12')).toBeNull();
		expect(matchId('12')).toBe(true);
	});
});

describe('ids of actions and suggestions', () => {
	it('reads the id and keeps the slug as decoration', () => {
		expect(parseSluggedId('12-bankje-aan-de-markt')).toEqual({ id: 12, slug: 'bankje-aan-de-markt' });
		expect(parseSluggedId('12')).toEqual({ id: 12, slug: '' });
		expect(parseSluggedId(12)).toEqual({ id: 12, slug: '' });
		expect(parseSluggedId('abc')).toBeNull();
		expect(parseSluggedId('0-x')).toBeNull();
		expect(parseSluggedId('99999999999-x')).toBeNull();
		expect(parseSluggedId(null)).toBeNull();
		expect(matchSlugged('bankje-12')).toBe(false);
	});
});

// The back office's reader took `12-slug` for 12 for every record, the contributions' and the API's refused
// it for every record. Now the kind decides, wherever the id arrives: a record with a slugged address takes it,
// any other record does not.
describe('`12-slug`', () => {
	it('names action or suggestion 12, and no opportunity, comment or update', () => {
		expect(parseSluggedId('12-slug')?.id).toBe(12);
		expect(matchSlugged('12-slug')).toBe(true);
		expect(parseId('12-slug')).toBeNull();
		expect(matchId('12-slug')).toBe(false);
	});
});

describe('uuids', () => {
	it('recognises a uuid and nothing else', () => {
		const id = '4f2c3a9e-1b7d-4c2e-9a8f-0d6e5b4c3a21';
		expect(isUuid(id)).toBe(true);
		expect(isUuid(id.toUpperCase())).toBe(true);
		expect(isUuid(`${id}x`)).toBe(false);
		expect(isUuid(12)).toBe(false);
		expect(matchUuid(id)).toBe(true);
		expect(matchUuid('12')).toBe(false);
	});
});

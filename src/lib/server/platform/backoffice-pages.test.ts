import { describe, expect, it } from 'vitest';
import { flashOf, listParams, withFlash } from './backoffice-pages';

describe('listParams', () => {
	const names = { q: 'zoek', status: 'status', sort: 'sorteer', page: 'pagina' } as const;

	it('reads each filter under its Dutch name, an empty field as absent, and gives the page the names', () => {
		const list = listParams(
			new URL('https://meedoen.test/geel/beheer/acties?zoek=bank&status=&pagina=2&x=1'),
			names
		);
		expect(list.filters).toEqual({ q: 'bank', status: undefined, sort: undefined, page: '2' });
		expect(list.view.names).toBe(names);
	});

	it('carries the message after a change and its count', () => {
		const url = new URL('https://meedoen.test/geel/beheer/acties?gelukt=bulk&aantal=3');
		expect(listParams(url, names).view).toMatchObject({ done: 'bulk', count: 3 });
		expect(flashOf(new URL('https://meedoen.test/a?aantal=veel'))).toEqual({ done: null, count: 0 });
	});

	it('gives the addresses that tick and untick every box, keeping the filters', () => {
		const opened = listParams(new URL('https://meedoen.test/geel/beheer/acties?zoek=bank'), names).view;
		expect(opened.selectAll).toEqual({
			selected: false,
			all: '/geel/beheer/acties?zoek=bank&selecteer=alles',
			none: '/geel/beheer/acties?zoek=bank'
		});
		const all = listParams(new URL(`https://meedoen.test${opened.selectAll.all}`), names).view;
		expect(all.selectAll).toEqual({ ...opened.selectAll, selected: true });
	});
});

describe('withFlash', () => {
	it('writes what listParams reads', () => {
		expect(withFlash('/geel/beheer/acties', 'bulk', 2)).toBe('/geel/beheer/acties?gelukt=bulk&aantal=2');
		expect(withFlash('/beheer', 'rolVerwijderd')).toBe('/beheer?gelukt=rolVerwijderd');
		expect(flashOf(new URL(withFlash('https://meedoen.test/x', 'bulk', 0)))).toEqual({
			done: 'bulk',
			count: 0
		});
	});
});

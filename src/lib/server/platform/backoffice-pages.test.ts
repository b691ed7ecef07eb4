import { describe, expect, it } from 'vitest';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { AppError } from './errors';
import { confirmStep, flashOf, listLoad, listParams, withFlash } from './backoffice-pages';
import { silentLog } from '$lib/server/testing/context';

function event(url: string, form?: Record<string, string | string[]>): RequestEvent {
	const body = new FormData();
	for (const [name, value] of Object.entries(form ?? {}))
		for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
	return {
		url: new URL(url),
		request: new Request(url, form ? { method: 'POST', body } : {}),
		params: { municipality: 'geel' },
		locals: { locale: 'nl', requestId: 'test', ctx: { log: silentLog } }
	} as unknown as RequestEvent;
}

/** What a redirect thrown by SvelteKit's redirect() says, or the failure/value returned. */
async function outcome(work: Promise<unknown>) {
	try {
		return { value: await work };
	} catch (err) {
		if (isRedirect(err)) return { redirect: err.location, status: err.status };
		throw err;
	}
}

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

describe('listLoad', () => {
	const load = listLoad('things', { q: 'zoek', page: 'pagina' }, async (_ctx, filters) => {
		if (filters.q === 'uit') throw new AppError('unauthenticated');
		return { filters, items: ['a'] };
	});

	it("puts the use case's result under its key beside the names, the message and 'select all'", async () => {
		const data = await load(event('https://meedoen.test/geel/beheer/dingen?zoek=bank&gelukt=bulk&aantal=2'));
		expect(data.things).toEqual({ filters: { q: 'bank', page: undefined }, items: ['a'] });
		expect(data).toMatchObject({ names: { q: 'zoek', page: 'pagina' }, done: 'bulk', count: 2 });
		expect(data.selectAll.all).toBe('/geel/beheer/dingen?zoek=bank&gelukt=bulk&aantal=2&selecteer=alles');
	});

	it('sends a visitor to the login page and back to the list', async () => {
		const result = await outcome(load(event('https://meedoen.test/geel/beheer/dingen?zoek=uit')));
		expect(result).toEqual({
			redirect: `/aanmelden?terug=${encodeURIComponent('/geel/beheer/dingen?zoek=uit')}`,
			status: 303
		});
	});
});

describe('confirmStep', () => {
	const calls: string[] = [];
	const step = confirmStep({
		preview: async (_ctx, query) => {
			calls.push('preview');
			return { ids: query.getAll('id') };
		},
		shown: (query) => ({ operation: query.get('wijziging') ?? '' }),
		input: (form) => ({ ids: form.getAll('id').map(String), reason: String(form.get('reden') ?? '') }),
		act: async (_ctx, input) => {
			calls.push('act');
			if (!input.reason)
				throw new AppError('validation', { fields: { reason: ['backoffice.errors.confirmRequired'] } });
			if (input.reason === 'uit') throw new AppError('unauthenticated');
			return { changed: input.ids.length };
		},
		keep: (input) => ({ reden: input.reason }),
		done: (result, e) => withFlash(`/${e.params.municipality}/beheer/dingen`, 'bulk', result.changed)
	});

	it('shows the preview on GET and changes nothing', async () => {
		calls.length = 0;
		const data = await step.load(
			event('https://meedoen.test/geel/beheer/dingen/bevestigen?id=1&id=2&wijziging=x')
		);
		expect(data).toEqual({ operation: 'x', preview: { ids: ['1', '2'] } });
		expect(calls).toEqual(['preview']);
	});

	it('changes on POST and goes back to the list with the message', async () => {
		calls.length = 0;
		const result = await outcome(
			step.actions.default(
				event('https://meedoen.test/geel/beheer/dingen/bevestigen', { id: ['1', '2'], reden: 'dubbel' })
			)
		);
		expect(result).toEqual({ redirect: '/geel/beheer/dingen?gelukt=bulk&aantal=2', status: 303 });
		expect(calls).toEqual(['act']);
	});

	it('keeps what was typed on a refusal and says why beside the field', async () => {
		const failure = await step.actions.default(
			event('https://meedoen.test/geel/beheer/dingen/bevestigen', { id: '1', reden: '' })
		);
		expect(isActionFailure(failure)).toBe(true);
		if (!failure) throw new Error('expected a failure');
		expect(failure.status).toBe(422);
		expect(failure.data.values).toEqual({ reden: '' });
		expect(failure.data.fields).toEqual({ reason: ['Vink aan dat je het zeker weet.'] });
	});

	it('sends someone whose session ran out to the login page and back to the step', async () => {
		const result = await outcome(
			step.actions.default(
				event('https://meedoen.test/geel/beheer/dingen/bevestigen', { id: '1', reden: 'uit' })
			)
		);
		expect(result).toEqual({
			redirect: `/aanmelden?terug=${encodeURIComponent('/geel/beheer/dingen/bevestigen')}`,
			status: 303
		});
	});
});

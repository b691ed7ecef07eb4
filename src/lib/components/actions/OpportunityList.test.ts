// How an opportunity's window reads on the action page.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import OpportunityList from './OpportunityList.svelte';
import type { OpportunityView } from '$lib/server/features/opportunities/opportunities.present';

const base: OpportunityView = {
	id: 1,
	title: 'Werkgroep',
	rung: 'advise',
	level: 3,
	kind: 'workingGroup',
	howToHtml: '',
	opensAt: null,
	closesAt: null,
	open: true,
	upcoming: false,
	offline: false,
	nextStep: null
};

/** The text of the window's cell, as a screen reader or a reader sees it. */
function windowText(o: OpportunityView): string {
	const html = render(OpportunityList, { props: { opportunities: [o] } }).body;
	const cell = /Wanneer<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/.exec(html)?.[1] ?? html;
	return cell
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

describe('OpportunityList', () => {
	it('puts a space on both sides of the dot after "Nu open"', () => {
		expect(windowText(base)).toBe('Nu open · Altijd open');
	});

	it('reads a one-day activity as its day, not as a window of months', () => {
		// Bug: a plantdag read "open van 24 december 2026 tot 23 november 2027".
		const plantdag: OpportunityView = {
			...base,
			title: 'Plantdag',
			kind: 'actionDay',
			open: false,
			upcoming: true,
			opensAt: '2026-12-24T08:00:00.000Z',
			closesAt: '2027-01-20T08:30:00.000Z'
		};
		expect(windowText(plantdag)).toBe('Op 20 januari 2027 om 09:30');
		expect(windowText({ ...plantdag, upcoming: false, offline: true })).toBe('Op 20 januari 2027 om 09:30');
		// Once it took place, it is over.
		expect(windowText({ ...plantdag, upcoming: false })).toBe('Afgesloten');
	});
});

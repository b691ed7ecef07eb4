// The progress block reads in order without CSS: an ordered list, the current phase marked for assistive tech.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { phasesOf } from '$lib/domain/actions';
import ActionProgress from './ActionProgress.svelte';

const text = (html: string) =>
	html
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

describe('ActionProgress', () => {
	it('lists the phases in order, marks the current one aria-current="step" and says each state in words', () => {
		const html = render(ActionProgress, {
			props: {
				status: 'planned',
				decidedId: 'decided',
				updateId: (id: number) => `nieuws-${id}`,
				progress: {
					phases: phasesOf('planned'),
					decided: 'Het college trok 60.000 euro uit.',
					decidedContinues: false,
					latestUpdate: { id: 4, title: 'De kaart staat open', publishedAt: '2027-02-27T10:00:00.000Z' },
					next: {
						opportunityId: 9,
						title: 'Stem voor de plekken',
						kind: 'vote',
						state: 'open',
						date: '2027-03-15T22:59:00.000Z',
						href: '/geel/kansen/8'
					}
				}
			}
		}).body;
		const list = /<ol[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
		const items = list.split('</li>').filter((li) => li.includes('<li'));
		expect(items.map(text)).toEqual([
			'✓ Idee (voorbij)',
			'2 Gepland (hier staan we nu)',
			'3 In uitvoering (nog niet)',
			'4 Afgerond (nog niet)'
		]);
		expect(items.map((li) => li.includes('aria-current="step"'))).toEqual([false, true, false, false]);
		expect(text(html)).toContain('Wat is er beslist? Het college trok 60.000 euro uit.');
		expect(html).toContain('href="#nieuws-4"');
		expect(text(html)).toContain('Wat komt er nu? Stem voor de plekken Nu open, tot 15 maart 2027 om 23:59');
		expect(html).toContain('href="/geel/kansen/8"');
	});

	it('says an action is over instead of what comes next', () => {
		const html = render(ActionProgress, {
			props: {
				status: 'stopped',
				decidedId: 'decided',
				updateId: (id: number) => `nieuws-${id}`,
				progress: {
					phases: phasesOf('stopped'),
					decided: null,
					decidedContinues: false,
					latestUpdate: null,
					next: null
				}
			}
		}).body;
		expect(text(html)).toContain('Stopgezet (hier staan we nu)');
		expect(text(html)).toContain('Er is nog niets beslist.');
		expect(text(html)).toContain('Deze actie is stopgezet.');
	});
});

// An action card is never a wall of text: its own picture, or else its first theme's drawing as decoration.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ActionCard from './ActionCard.svelte';
import { themeIllustration } from '$lib/components/themes/illustrations';
import type { ActionCard as Card } from '$lib/server/features/actions/actions.present';

const card: Card = {
	id: 3,
	path: '/geel/acties/3-regentonnen',
	title: 'Regentonnen',
	summary: 'Vang regenwater op.',
	status: 'planned',
	municipality: { slug: 'geel', name: 'Geel' },
	themes: [{ slug: 'water', name: 'Water en klimaatadaptatie' }],
	rungs: [],
	startsOn: null,
	endsOn: null,
	placeName: null,
	image: null,
	illustrationTheme: 'water',
	publishedAt: '2027-01-01T00:00:00.000Z'
};

const images = (html: string) => [...html.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);

describe('ActionCard', () => {
	it('shows the action’s own picture with its alt text, sized and lazy', () => {
		const html = render(ActionCard, {
			props: { action: { ...card, image: { url: '/media/abc', alt: 'Tekening van een regenton.' } } }
		}).body;
		const [img, ...more] = images(html);
		expect(more).toEqual([]);
		expect(img).toContain('src="/media/abc"');
		expect(img).toContain('alt="Tekening van een regenton."');
		expect(img).toMatch(/width="640"[\s\S]*height="360"/);
		expect(img).toContain('loading="lazy"');
	});

	it('without a picture, shows the drawing of its first theme as decoration (alt="")', () => {
		const [img, ...more] = images(render(ActionCard, { props: { action: card } }).body);
		expect(more).toEqual([]);
		expect(img).toContain(`src="${themeIllustration('water')}"`);
		expect(themeIllustration('water')).not.toBe(themeIllustration('greening'));
		expect(img).toContain('alt=""');
		expect(img).toContain('loading="lazy"');
	});

	it('without a picture or a default theme, shows no image at all rather than a broken one', () => {
		expect(
			images(render(ActionCard, { props: { action: { ...card, illustrationTheme: null } } }).body)
		).toEqual([]);
	});

	it('says in words which phase the action is in', () => {
		expect(render(ActionCard, { props: { action: card } }).body).toContain('Fase 2 van 4');
	});
});

// The platform's face: pictures on every action card, a drawn hero on the region's and each municipality's
// home with readable text, and where an action stands on its page. Each page axe-clean.
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/lib/domain/colors';
import { checkA11y, sharedServerJourney, visit } from './support';

interface CardPicture {
	title: string;
	count: number;
	src: string | null;
	alt: string | null;
	width: string | null;
	height: string | null;
	loading: string | null;
}

/** Each action card's picture(s), as the page has them. */
function cardPictures(page: Page): Promise<CardPicture[]> {
	return page.locator('article.action').evaluateAll((cards) =>
		cards.map((card) => {
			const images = card.querySelectorAll('img');
			const img = images[0];
			return {
				title: card.querySelector('h2, h3')?.textContent?.trim() ?? '',
				count: images.length,
				src: img?.getAttribute('src') ?? null,
				alt: img?.getAttribute('alt') ?? null,
				width: img?.getAttribute('width') ?? null,
				height: img?.getAttribute('height') ?? null,
				loading: img?.getAttribute('loading') ?? null
			};
		})
	);
}

/** "rgb(r, g, b)" as "#rrggbb". */
function hex(rgb: string): string {
	const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
	return `#${[r, g, b].map((c) => (c ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

describe('the platform’s face', () => {
	const journey = sharedServerJourney();
	let page: Page;
	let problems: string[];
	beforeEach(() => {
		({ page, problems } = journey);
	});

	it.each(['/', '/geel', '/geel/acties', '/mol/acties', '/olen'])(
		'every action card on %s shows a picture with its alt text (or a decorative drawing), sized and lazy',
		async (url) => {
			await visit(page, url);
			const cards = await cardPictures(page);
			expect(cards.length).toBeGreaterThan(0);
			// One picture per card, with its size in the markup so nothing shifts while it loads, loaded lazily.
			expect(cards.filter((c) => c.count !== 1 || !c.width || !c.height || c.loading !== 'lazy')).toEqual([]);
			// A photo of the action says what it shows; a theme's drawing standing in is decorative (alt="").
			const kinds = cards.map((c) =>
				c.src?.startsWith('/media/') && (c.alt ?? '').length > 10
					? 'picture'
					: c.src && !c.src.startsWith('/media/') && c.alt === ''
						? 'decorative'
						: `wrong: ${c.title} ${c.src} "${c.alt}"`
			);
			expect(kinds.filter((k) => k.startsWith('wrong'))).toEqual([]);
			// The demo gives every action its own drawing, with Dutch alt text.
			expect(cards.filter((c) => !(c.alt ?? '').startsWith('Tekening van '))).toEqual([]);
			// They load (scrolled into view, as a reader would) and are small.
			for (const src of new Set(cards.map((c) => c.src!))) {
				const response = await page.request.get(src);
				expect(response.status(), src).toBe(200);
				expect(response.headers()['content-type'], src).toBe('image/svg+xml');
				expect((await response.body()).length, src).toBeLessThan(6 * 1024);
			}
			await page.locator('article.action img').last().scrollIntoViewIfNeeded();
			await page.waitForLoadState('networkidle');
			const broken = await page
				.locator('article.action img')
				.evaluateAll((imgs) =>
					(imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth === 0).map((i) => i.src)
				);
			expect(broken).toEqual([]);
			await checkA11y(page);
			expect(problems).toEqual([]);
		}
	);

	it.each([
		['/', 'Klimaatacties in de regio Kempen'],
		['/geel', 'Welkom op Meedoen Geel'],
		['/mol', 'Welkom op Meedoen Mol'],
		['/olen', 'Welkom op Meedoen Olen']
	])('the home %s has a drawn hero, decorative, under text that stays readable', async (url, title) => {
		await visit(page, url);
		const hero = page.locator('main section.hero');
		expect(await hero.locator('h1').textContent()).toBe(title);
		// A drawing in the page's colours, an image (no JavaScript), decorative (alt=""), loaded.
		const drawing = hero.locator('img.landscape');
		expect(await drawing.getAttribute('alt')).toBe('');
		expect(await drawing.isVisible()).toBe(true);
		expect((await drawing.boundingBox())!.height).toBeGreaterThan(80);
		expect(await drawing.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
			true
		);
		const response = await page.request.get((await drawing.getAttribute('src'))!);
		expect(response.headers()['content-type']).toMatch(/^image\/svg\+xml/);
		// The text sits on the hero's background (the municipality's colour, or the region's light one), not on
		// the drawing, and reads at WCAG AA contrast there.
		const colours = await hero.evaluate((section) => ({
			background: getComputedStyle(section).backgroundColor,
			text: getComputedStyle(section.querySelector('h1')!).color,
			lead: getComputedStyle(section.querySelector('.lead')!).color,
			textBottom: section.querySelector('.lead')!.getBoundingClientRect().bottom,
			drawingTop: section.querySelector('img.landscape')!.getBoundingClientRect().top
		}));
		expect(contrastRatio(hex(colours.text), hex(colours.background))).toBeGreaterThanOrEqual(4.5);
		expect(contrastRatio(hex(colours.lead), hex(colours.background))).toBeGreaterThanOrEqual(4.5);
		expect(colours.drawingTop).toBeGreaterThanOrEqual(colours.textBottom);
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it('an action page says where the action stands, what was decided and what comes next', async () => {
		await visit(page, '/geel/acties');
		await page.getByRole('link', { name: 'Ontharden en vergroenen: van tegels naar planten' }).click();
		await page.waitForURL(/\/geel\/acties\/\d+-ontharden/);
		const picture = page.locator('img.hero-image');
		expect(await picture.getAttribute('alt')).toMatch(/^Tekening van een plein waar de tegels eruit gaan/);

		const progress = page.locator('section.progress');
		expect(await progress.getByRole('heading', { level: 2 }).textContent()).toBe('Waar staat deze actie?');
		// An ordered list of the phases; the current one is aria-current="step" and says so in words.
		const phases = progress.locator('ol > li');
		expect(
			await phases.evaluateAll((lis) => lis.map((li) => li.textContent!.replace(/\s+/g, ' ').trim()))
		).toEqual([
			'✓ Idee (voorbij)',
			'✓ Gepland (voorbij)',
			'3 In uitvoering (hier staan we nu)',
			'4 Afgerond (nog niet)'
		]);
		const current = progress.locator('ol > li[aria-current="step"]');
		expect(await current.count()).toBe(1);
		expect(await current.locator('.name').textContent()).toBe('In uitvoering');

		const facts = await progress
			.locator('dl > div')
			.evaluateAll((divs) =>
				divs.map((d) => [
					d.querySelector('dt')!.textContent!.trim(),
					d.querySelector('dd')!.textContent!.trim()
				])
			);
		expect(facts.map(([term]) => term)).toEqual(['Wat is er beslist?', 'Laatste nieuws', 'Wat komt er nu?']);
		expect(facts[0]![1]).toMatch(/^Het college trok 60\.000 euro uit/);
		expect(facts[1]![1]).toMatch(/^Stemmen kan tot eind volgende maand/);
		// What comes next is the open opportunity closing soonest, with its date, leading to its map.
		expect(facts[2]![1]).toMatch(
			/^Plekken om te ontharden en te vergroenen\s+Nu open, tot \d+ \w+ \d{4} om 23:59$/
		);
		await progress.getByRole('link', { name: 'Plekken om te ontharden en te vergroenen' }).click();
		await page.waitForURL(/\/geel\/kansen\/\d+$/);
		expect(await page.locator('h1').textContent()).toContain('Plekken om te ontharden en te vergroenen');
		await page.goBack();

		// The latest news leads to that update on the page.
		await progress.getByRole('link', { name: 'Stemmen kan tot eind volgende maand' }).click();
		expect(new URL(page.url()).hash).toMatch(/^#nieuws-\d+$/);
		expect(await page.locator(new URL(page.url()).hash).locator('h3').textContent()).toBe(
			'Stemmen kan tot eind volgende maand'
		);
		await checkA11y(page);
		expect(problems).toEqual([]);
	});

	it.each(['/', '/geel', '/geel/acties'])(
		'cards on %s show the phase in short, in words as well as bars',
		async (url) => {
			await visit(page, url);
			const meters = await page.locator('article.action .phase-meter').evaluateAll((els) =>
				els.map((el) => ({
					words: el.querySelector('.words')!.textContent!.trim(),
					barsHidden: el.querySelector('.bars')!.getAttribute('aria-hidden')
				}))
			);
			expect(meters.length).toBe(await page.locator('article.action').count());
			expect(meters.filter((m) => !/^Fase [1-4] van 4$/.test(m.words) || m.barsHidden !== 'true')).toEqual(
				[]
			);
		}
	);

	it.each(['/', '/geel', '/geel/acties'])('%s does not scroll sideways on a 320 px phone', async (url) => {
		await page.setViewportSize({ width: 320, height: 700 });
		await visit(page, url);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	});

	it('leaving a map page while its code still loads throws nothing (the stop-27 CI saw _leaflet_pos)', async () => {
		await visit(page, '/geel/acties');
		await page.getByRole('link', { name: 'Ontharden en vergroenen: van tegels naar planten' }).click();
		await page.waitForURL(/\/geel\/acties\/\d+-ontharden/);
		await page.waitForLoadState('networkidle');
		// From here on, every script the browser has not loaded yet arrives 1.5 s late, as on a slow line.
		const held: Promise<void>[] = [];
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const done = new Promise<void>((resolve) => setTimeout(resolve, 1_500)).then(() => route.continue());
			held.push(done);
			await done;
		});
		try {
			await page
				.locator('section.progress')
				.getByRole('link', { name: 'Plekken om te ontharden en te vergroenen' })
				.click();
			await page.waitForURL(/\/geel\/kansen\/\d+$/);
			// The map is drawn; the code that puts the suggestions on it is still on its way. Leave now.
			await page.waitForSelector('.suggestion-map .leaflet-container');
			await page.goBack();
			await page.waitForURL(/\/geel\/acties\/\d+-ontharden/);
			await Promise.all(held);
			await page.waitForTimeout(500);
		} finally {
			await page.unroute('**/_app/immutable/**/*.js');
		}
		expect(problems).toEqual([]);
	});
});

// The hero's drawing: a Kempen landscape (pine woods, heath, a church tower, a wind turbine, roofs with solar
// panels) in a municipality's colours, made by the project (EUPL-1.2). Served as an image, so it costs the
// page no JavaScript; decorative (alt=""), and drawn under the hero's text, never behind it.
import { isHexColor } from '$lib/domain/colors';

/** `weight` of `a` mixed with the rest of `b`, both #rrggbb. */
export function mixColors(a: string, b: string, weight: number): string {
	const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
	const [ca, cb] = [channels(a), channels(b)];
	return `#${ca
		.map((c, i) => Math.round(c * weight + (cb[i] ?? 0) * (1 - weight)))
		.map((c) => c.toString(16).padStart(2, '0'))
		.join('')}`;
}

const WHITE = '#ffffff';
const BLACK = '#000000';

/**
 * `on: 'brand'`: the sky is the hero's band in the municipality's colour, the land lighter shades of it and
 * the sun its accent; `on: 'light'`: the region's light hero, the land in shades of the platform's green.
 */
export function heroLandscape(colors: { brand: string; accent: string }, on: 'brand' | 'light'): string {
	const brand = isHexColor(colors.brand) ? colors.brand : '#1f5f3f';
	const accent = isHexColor(colors.accent) ? colors.accent : '#f9c74f';
	const c =
		on === 'brand'
			? {
					sun: accent,
					far: mixColors(brand, WHITE, 0.72),
					dark: mixColors(brand, BLACK, 0.55),
					turbine: WHITE,
					near: mixColors(brand, WHITE, 0.5),
					houses: mixColors(brand, WHITE, 0.2),
					front: mixColors(brand, WHITE, 0.3)
				}
			: {
					sun: '#f9c74f',
					far: mixColors(brand, WHITE, 0.3),
					dark: brand,
					turbine: mixColors(brand, WHITE, 0.6),
					near: mixColors(brand, WHITE, 0.5),
					houses: WHITE,
					front: mixColors(brand, WHITE, 0.7)
				};
	const pines = [
		[40, 112],
		[70, 116],
		[96, 110],
		[430, 104],
		[458, 100],
		[486, 104],
		[680, 96],
		[706, 98]
	]
		.map(([x, y]) => `<use href="#p" x="${x}" y="${y}"/>`)
		.join('');
	const heath = [
		[60, 188, 4],
		[140, 184, 3],
		[520, 182, 4],
		[610, 186, 3],
		[900, 184, 4],
		[1060, 188, 3]
	]
		.map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}"/>`)
		.join('');
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 200" width="1200" height="200">` +
		`<defs><g id="p"><path d="M0-40l13 19h-6l10 13H-17l10-13h-6z"/><rect x="-2.5" y="-8" width="5" height="8"/></g></defs>` +
		`<circle cx="1110" cy="60" r="28" fill="${c.sun}"/>` +
		`<path d="M0 120q150-40 300-14t300-6 300-12 300 10v102H0z" fill="${c.far}"/>` +
		`<g fill="${c.dark}" stroke="${c.dark}">${pines}` +
		`<path d="M806 100V52h24v48z"/><path d="M804 54l14-40 14 40z"/><path d="M817 8v10M812 12h10" fill="none" stroke-width="2"/></g>` +
		`<g fill="${c.turbine}" stroke="${c.turbine}"><path d="M1000 140V46" fill="none" stroke-width="5"/>` +
		`<path d="M1000 46l-4-38 8 0zM1000 46l34 19-4 7zM1000 46l-34 19 4 7z"/></g>` +
		`<path d="M0 160q200-30 420-8t400-4 380 6v46H0z" fill="${c.near}"/>` +
		`<g fill="${c.houses}"><path d="M230 160v-30l26-22 26 22v30z"/><path d="M290 160v-24l20-18 20 18v24z"/></g>` +
		`<path d="M236 126l20-17 6 5-20 17zM296 132l14-12 5 4-14 12z" fill="#1a3a6b"/>` +
		`<path d="M0 186q300-22 600-6t600-4v24H0z" fill="${c.front}"/>` +
		`<g fill="#b48bb8">${heath}</g></svg>`
	);
}

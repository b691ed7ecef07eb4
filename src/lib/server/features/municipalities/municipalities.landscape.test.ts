// The hero's drawing takes the municipality's colours and stays a harmless picture.
import { describe, expect, it } from 'vitest';
import { inspectLogo } from '$lib/server/features/settings/settings.logo';
import { heroLandscape, mixColors } from './municipalities.landscape';

describe('heroLandscape', () => {
	it('mixes colours channel by channel', () => {
		expect(mixColors('#000000', '#ffffff', 0.5)).toBe('#808080');
		expect(mixColors('#8c1c3a', '#ffffff', 1)).toBe('#8c1c3a');
		expect(mixColors('#8c1c3a', '#ffffff', 0)).toBe('#ffffff');
	});

	it('draws the land in shades of the municipality’s colour and the sun in its accent', () => {
		const svg = heroLandscape({ brand: '#8c1c3a', accent: '#f9c74f' }, 'brand');
		expect(svg).toContain(`fill="${mixColors('#8c1c3a', '#ffffff', 0.72)}"`);
		expect(svg).toContain('<circle cx="1110" cy="60" r="28" fill="#f9c74f"/>');
		expect(heroLandscape({ brand: '#283593', accent: '#ffcc80' }, 'brand')).not.toBe(svg);
	});

	it('passes the checks an uploaded SVG logo gets (no script, nothing loaded), whatever colours it is given', () => {
		for (const svg of [
			heroLandscape({ brand: '#8c1c3a', accent: '#f9c74f' }, 'brand'),
			heroLandscape({ brand: '#1f5f3f', accent: '#f9c74f' }, 'light'),
			heroLandscape({ brand: '"/><script>alert(1)</script>', accent: 'red' }, 'brand')
		]) {
			expect(inspectLogo(new TextEncoder().encode(svg))).toMatchObject({ ok: true });
			expect(svg).not.toContain('<script');
		}
	});
});

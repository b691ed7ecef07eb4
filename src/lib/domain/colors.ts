// Brand colours of a municipality must stay readable: text on them picks black or white by contrast.

const HEX = /^#([0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
	return HEX.test(value);
}

function channel(c: number): number {
	const s = c / 255;
	return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance as defined by WCAG 2.1. */
export function luminance(hex: string): number {
	const m = HEX.exec(hex);
	if (!m?.[1]) throw new Error(`not a colour: ${hex}`);
	const n = parseInt(m[1], 16);
	return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (black or white) with the higher contrast on the given background. */
export function readableTextOn(background: string): '#ffffff' | '#111111' {
	return contrastRatio(background, '#ffffff') >= contrastRatio(background, '#111111') ? '#ffffff' : '#111111';
}

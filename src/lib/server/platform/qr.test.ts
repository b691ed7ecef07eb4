import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { qrMatrix, qrPng, qrSvg } from './qr';

/**
 * What a phone's decoder (jsQR, written elsewhere) reads from the matrix painted as pixels: 4 pixels a
 * module, with the quiet zone of 4 light modules around it.
 */
function scan(dark: boolean[][]): string | null {
	const unit = 4;
	const side = (dark.length + 8) * unit;
	const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
	dark.forEach((row, r) =>
		row.forEach((isDark, c) => {
			if (!isDark) return;
			for (let y = (r + 4) * unit; y < (r + 5) * unit; y++)
				for (let x = (c + 4) * unit; x < (c + 5) * unit; x++)
					pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
		})
	);
	return jsQR(pixels, side, side)?.data ?? null;
}

describe('qrMatrix', () => {
	it('encodes a poster URL so that an independent decoder reads it back exactly', () => {
		const url = 'https://meedoen.geel.be/geel/acties/12-ontharden-van-het-pleintje?utm_source=poster';
		const qr = qrMatrix(url);
		expect(qr.dark).toHaveLength(qr.size);
		expect(scan(qr.dark)).toBe(url);
	});

	it('keeps characters beyond ASCII as UTF-8', () => {
		const text = 'Plantdag op ’t pleintje: één, twee, drie!';
		expect(scan(qrMatrix(text).dark)).toBe(text);
	});

	it('uses the smallest version that holds the text', () => {
		expect(qrMatrix('https://x.be').size).toBe(21);
		const long = qrMatrix(`https://meedoen.be/${'a'.repeat(200)}`);
		expect(long.size).toBeGreaterThan(41);
		expect(scan(long.dark)).toBe(`https://meedoen.be/${'a'.repeat(200)}`);
	});

	it('is checked for real: damage beyond what level M repairs is noticed', () => {
		const qr = qrMatrix('https://meedoen.be/geel');
		expect(scan(qr.dark)).toBe('https://meedoen.be/geel');
		// The lower right quarter holds the start of the data: a tear there loses more than 15 %.
		const torn = qr.dark.map((row, r) =>
			row.map((dark, c) => (r >= qr.size / 2 && c >= qr.size / 2 ? !dark : dark))
		);
		expect(scan(torn)).not.toBe('https://meedoen.be/geel');
	});
});

describe('qrPng', () => {
	it('is a PNG a phone reads back (decoded by sharp and jsQR, both written elsewhere)', async () => {
		const { default: sharp } = await import('sharp');
		const url = 'https://meedoen.test/geel/beheer/activiteiten/3/inchecken?code=12-abcDEF_-';
		const png = await qrPng(url);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
		expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(url);
	});
});

describe('qrSvg', () => {
	it('draws a code that an independent decoder reads back from its pixels, with its alternative text', async () => {
		const { default: sharp } = await import('sharp');
		const url = 'https://meedoen.geel.be/k/ab3x9kq';
		const svg = qrSvg(url, 'QR-code die naar meedoen.geel.be/k/ab3x9kq leidt & <meer>');
		expect(svg).toContain(
			'<title>QR-code die naar meedoen.geel.be/k/ab3x9kq leidt &amp; &lt;meer&gt;</title>'
		);
		const { data, info } = await sharp(Buffer.from(svg))
			.ensureAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		expect(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data).toBe(url);
	});
});

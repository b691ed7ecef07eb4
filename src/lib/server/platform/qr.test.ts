import { describe, expect, it } from 'vitest';
import { decodeQr } from '$lib/server/testing/qr-decode';
import { qrMatrix } from './qr';

describe('qrMatrix', () => {
	it('encodes a poster URL so that an independent decoder reads it back exactly', () => {
		const url = 'https://meedoen.geel.be/geel/acties/12-ontharden-van-het-pleintje?utm_source=poster';
		const qr = qrMatrix(url);
		expect(qr.dark).toHaveLength(qr.size);
		expect(decodeQr(qr.dark)).toBe(url);
	});

	it('keeps characters beyond ASCII as UTF-8', () => {
		const text = 'Plantdag op ’t pleintje: één, twee, drie!';
		expect(decodeQr(qrMatrix(text).dark)).toBe(text);
	});

	it('uses the smallest version that holds the text', () => {
		expect(qrMatrix('https://x.be').size).toBe(21);
		const long = qrMatrix(`https://meedoen.be/${'a'.repeat(200)}`);
		expect(long.size).toBeGreaterThan(41);
		expect(decodeQr(long.dark)).toBe(`https://meedoen.be/${'a'.repeat(200)}`);
	});

	it('is checked for real: a damaged data module is noticed', () => {
		const qr = qrMatrix('https://meedoen.be/geel');
		const damaged = qr.dark.map((row) => [...row]);
		damaged[qr.size - 1]![qr.size - 1] = !damaged[qr.size - 1]![qr.size - 1];
		expect(() => decodeQr(damaged)).toThrow(/Reed–Solomon/);
	});
});

// Photos (suggestions, event reports): recognised by their bytes, shrunk, and stripped of EXIF with GPS before anything is stored.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { PHOTO_MAX_PX, processPhoto, processUpload, sniffImage } from './photos';
import { jpegWithGps, pngBomb } from '$lib/server/testing/images';

const limits = { maxBytes: 10 * 1024 * 1024 };

describe('processPhoto', () => {
	it('strips EXIF and GPS and shrinks to at most 1600 px', async () => {
		const original = await jpegWithGps();
		const before = await sharp(original).metadata();
		expect(before.exif).toBeDefined();
		// The GPS IFD pointer (tag 0x8825) is in the original's EXIF, in either byte order.
		const gpsTag = (b: Buffer) =>
			b.includes(Buffer.from([0x88, 0x25])) || b.includes(Buffer.from([0x25, 0x88]));
		expect(gpsTag(before.exif!)).toBe(true);
		expect(original.includes(Buffer.from('Testmodel'))).toBe(true);

		const result = await processPhoto(original, limits);
		if ('error' in result) throw new Error(result.error);
		expect(result.contentType).toBe('image/jpeg');
		expect(Math.max(result.width, result.height)).toBe(PHOTO_MAX_PX);
		const after = await sharp(result.bytes).metadata();
		expect(after.exif).toBeUndefined();
		expect(gpsTag(result.bytes.subarray(0, 200))).toBe(false);
		expect(after.xmp).toBeUndefined();
		expect(after.width).toBe(1600);
		expect(after.height).toBe(1200);
		// No APP1 (Exif) segment at all in the stored bytes, and no trace of the camera.
		expect(result.bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
		expect(result.bytes.includes(Buffer.from('Testmodel'))).toBe(false);
	});

	it('keeps a small photo its size and turns PNG and WebP into JPEG', async () => {
		const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#33669988' } })
			.png()
			.toBuffer();
		const webp = await sharp({ create: { width: 120, height: 90, channels: 3, background: '#aa3311' } })
			.webp()
			.toBuffer();
		for (const [bytes, w, h] of [
			[png, 300, 200],
			[webp, 120, 90]
		] as const) {
			const result = await processPhoto(bytes, limits);
			if ('error' in result) throw new Error(result.error);
			expect([result.width, result.height]).toEqual([w, h]);
			expect(sniffImage(result.bytes)).toBe('jpeg');
		}
	});

	it('refuses a text file renamed .jpg, a 50 MB file and a broken image', async () => {
		const text = (s: string) => new TextEncoder().encode(s);
		expect(await processPhoto(text('Dit is geen foto, enkel tekst.'), limits)).toEqual({ error: 'type' });
		expect(await processPhoto(text('<svg xmlns="http://www.w3.org/2000/svg"/>'), limits)).toEqual({
			error: 'type'
		});
		const huge = new Uint8Array(50 * 1024 * 1024);
		huge.set([0xff, 0xd8, 0xff]);
		expect(await processPhoto(huge, limits)).toEqual({ error: 'tooBig' });
		const broken = new Uint8Array(2_000);
		broken.set([0xff, 0xd8, 0xff, 0xe0]);
		expect(await processPhoto(broken, limits)).toEqual({ error: 'unreadable' });
	});

	it('refuses a decompression bomb from its header, before decoding a pixel', async () => {
		const bomb = pngBomb();
		expect(bomb.length).toBeLessThan(200_000);
		// A real PNG: sharp reads its header as 20,000 × 20,000.
		expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
			width: 20_000,
			height: 20_000
		});
		const started = performance.now();
		expect(await processPhoto(bomb, limits)).toEqual({ error: 'tooManyPixels' });
		expect(performance.now() - started).toBeLessThan(2_000);
	});

	it('judges an upload by its size before reading it, and takes no file as no photo', async () => {
		let read = false;
		const big = { size: limits.maxBytes + 1, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) };
		expect(await processUpload(big, limits)).toEqual({ error: 'tooBig' });
		expect(read).toBe(false);
		expect(await processUpload(null, limits)).toBeNull();
		expect(await processUpload(new Blob([]), limits)).toBeNull();
	});
});

// Test images: a tiny PNG header for the logo and photo checks, and a JPEG as a phone writes it, with EXIF
// including where it was taken, and a decompression bomb.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** A real PNG of noise (it barely compresses, so its size follows the canvas: 1 MB at about 600 x 600). */
export async function noisePng(width = 64, height = 64): Promise<Uint8Array<ArrayBuffer>> {
	const buffer = await sharp({
		create: {
			width,
			height,
			channels: 3,
			background: '#808080',
			noise: { type: 'gaussian', mean: 128, sigma: 60 }
		}
	})
		.png()
		.toBuffer();
	return new Uint8Array(buffer);
}

/** A tiny PNG header: enough for the logo check, which reads the signature and the size. */
export function pngBytes(width = 64, height = 64): Uint8Array<ArrayBuffer> {
	const bytes = new Uint8Array(64);
	bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
	new DataView(bytes.buffer).setUint32(16, width);
	new DataView(bytes.buffer).setUint32(20, height);
	return bytes;
}

export async function jpegWithGps(width = 2400, height = 1800): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'Telefoon', Model: 'Testmodel', Software: 'meedoen-test' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '51/1 9/1 4263/100',
				GPSLongitudeRef: 'E',
				GPSLongitude: '4/1 59/1 2400/100'
			}
		})
		.toBuffer();
}

/**
 * A valid PNG of width × height black pixels (1 bit grey) that is only kilobytes on disk: a "decompression bomb"
 * whose decoded canvas is far larger than the file (20,000 × 20,000 is 400 megapixels in about 49 kB).
 */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, no filter method, no interlace
	const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // each row: filter byte 0, then zeros
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

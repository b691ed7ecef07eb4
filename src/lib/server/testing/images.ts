// Test images: a tiny PNG header for the logo and photo checks, and a JPEG as a phone writes it, with EXIF
// including where it was taken.
import sharp from 'sharp';

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

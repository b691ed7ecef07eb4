// Test photos: a JPEG as a phone writes it, with EXIF including where it was taken.
import sharp from 'sharp';

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

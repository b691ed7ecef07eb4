// A citizen's photo of a place: recognised by its bytes (never by its name or the browser's type), turned
// upright, shrunk to at most 1600 px and re-encoded as JPEG, which drops every metadata block (EXIF with GPS,
// XMP, IPTC): people often do not know their phone writes where they stood.
import sharp from 'sharp';
import { SUGGESTION_LIMITS } from '$lib/domain/suggestions';

export const PHOTO_MAX_PX = 1600;

export type PhotoError =
	| 'suggestionsContribute.errors.photoType'
	| 'suggestionsContribute.errors.photoTooBig'
	| 'suggestionsContribute.errors.photoUnreadable';

export interface ProcessedPhoto {
	contentType: 'image/jpeg';
	bytes: Buffer;
	width: number;
	height: number;
}

/** JPEG, PNG or WebP by their signatures; anything else is no photo, whatever it is called. */
export function sniffImage(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
	const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'png';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
	return null;
}

export async function processPhoto(bytes: Uint8Array): Promise<ProcessedPhoto | { error: PhotoError }> {
	if (bytes.length > SUGGESTION_LIMITS.photoBytesMax)
		return { error: 'suggestionsContribute.errors.photoTooBig' };
	if (!sniffImage(bytes)) return { error: 'suggestionsContribute.errors.photoType' };
	try {
		const { data, info } = await sharp(bytes, {
			// A small file can still claim a huge canvas ("decompression bomb"): refuse above ~50 megapixels.
			limitInputPixels: 50_000_000,
			failOn: 'error'
		})
			.rotate()
			.resize({ width: PHOTO_MAX_PX, height: PHOTO_MAX_PX, fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer({ resolveWithObject: true });
		return { contentType: 'image/jpeg', bytes: data, width: info.width, height: info.height };
	} catch {
		return { error: 'suggestionsContribute.errors.photoUnreadable' };
	}
}

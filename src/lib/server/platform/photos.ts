// A photo someone uploads (a citizen's photo of a place, a photo in an event's report): recognised by its bytes
// (never by its name or the browser's type), turned upright, shrunk to at most 1600 px and re-encoded as JPEG,
// which drops every metadata block (EXIF with GPS, XMP, IPTC): people often do not know their phone writes
// where they stood. Each feature stores the result in `media` and turns the error code into its own message.
import sharp from 'sharp';
import type { UploadedFile } from './forms';

export const PHOTO_MAX_PX = 1600;
/** A small file can still claim a huge canvas ("decompression bomb"): nothing above ~50 megapixels is decoded. */
export const PHOTO_MAX_PIXELS = 50_000_000;

/** Why a file is no usable photo: no JPEG/PNG/WebP, more bytes or pixels than allowed, or broken. */
export type PhotoError = 'type' | 'tooBig' | 'tooManyPixels' | 'unreadable';

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

export async function processPhoto(
	bytes: Uint8Array,
	options: { maxBytes: number }
): Promise<ProcessedPhoto | { error: PhotoError }> {
	if (bytes.length > options.maxBytes) return { error: 'tooBig' };
	if (!sniffImage(bytes)) return { error: 'type' };
	try {
		// The header alone says how large the canvas is; a bomb is refused before a pixel is decoded.
		const { width, height } = await sharp(bytes, { limitInputPixels: false }).metadata();
		if (!width || !height) return { error: 'unreadable' };
		if (width * height > PHOTO_MAX_PIXELS) return { error: 'tooManyPixels' };
		const { data, info } = await sharp(bytes, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' })
			.rotate()
			.resize({ width: PHOTO_MAX_PX, height: PHOTO_MAX_PX, fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer({ resolveWithObject: true });
		return { contentType: 'image/jpeg', bytes: data, width: info.width, height: info.height };
	} catch {
		return { error: 'unreadable' };
	}
}

/**
 * An uploaded file as a processed photo; null when none was chosen. The size is judged before the bytes are
 * read into memory.
 */
export async function processUpload(
	file: UploadedFile | null | undefined,
	options: { maxBytes: number }
): Promise<ProcessedPhoto | { error: PhotoError } | null> {
	if (!file || file.size === 0) return null;
	if (file.size > options.maxBytes) return { error: 'tooBig' };
	return processPhoto(new Uint8Array(await file.arrayBuffer()), options);
}

// What a group may upload, recognised by its bytes (never by its name or the browser's type), as
// platform/photos.ts does for suggestion photos: photos are re-encoded there (EXIF and GPS gone, at most
// 1600 px); a PDF is recognised by its signature and an OpenDocument or Office file by its ZIP header and
// the name of its first entry. Anything else is refused, whatever it is called.
import { processPhoto, sniffImage } from '$lib/server/platform/photos';
import type { UploadedFile } from '$lib/server/platform/forms';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { GROUP_LIMITS } from '$lib/domain/groups';

export type FileError = 'type' | 'tooBig' | 'tooManyPixels' | 'unreadable' | 'missing';

export interface CheckedFile {
	kind: 'photo' | 'document';
	contentType: string;
	bytes: Buffer;
	name: string;
}

const ascii = (bytes: Uint8Array, from: number, to: number) =>
	String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** A PDF, an OpenDocument file (mimetype first, stored) or an Office Open XML file; null for anything else. */
export function sniffDocument(bytes: Uint8Array): { contentType: string; extension: string } | null {
	if (ascii(bytes, 0, 5) === '%PDF-') return { contentType: 'application/pdf', extension: 'pdf' };
	const zip =
		bytes.length > 30 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (!zip) return null;
	const nameLength = bytes[26]! | (bytes[27]! << 8);
	const extraLength = bytes[28]! | (bytes[29]! << 8);
	const name = ascii(bytes, 30, 30 + nameLength);
	if (name === 'mimetype') {
		const mime = ascii(bytes, 30 + nameLength + extraLength, 30 + nameLength + extraLength + 80);
		const odf: Record<string, string> = {
			'application/vnd.oasis.opendocument.text': 'odt',
			'application/vnd.oasis.opendocument.spreadsheet': 'ods',
			'application/vnd.oasis.opendocument.presentation': 'odp'
		};
		for (const [type, extension] of Object.entries(odf))
			if (mime.startsWith(type) && !mime.startsWith(`${type}-`)) return { contentType: type, extension };
		return null;
	}
	if (name === '[Content_Types].xml' || name.startsWith('docProps/') || name.startsWith('_rels/'))
		return { contentType: 'application/octet-stream', extension: 'office' };
	return null;
}

/** The name a person gave the file, cleaned: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: unknown, fallback: string): string {
	const raw = typeof name === 'string' ? name : '';
	const base = withoutControlCharacters(raw).split(/[\\/]/).pop() ?? '';
	const cleaned = base
		.replace(/["<>|:*?]/g, '')
		.trim()
		.slice(0, GROUP_LIMITS.fileNameMax);
	return cleaned || fallback;
}

/**
 * An upload as a stored file. `allow` says what may come: a receipt is a photo or a PDF only; a workspace
 * file also an OpenDocument or Office document. The size is judged before the bytes are read.
 */
export async function checkUpload(
	file: (UploadedFile & { name?: string }) | null | undefined,
	allow: 'receipt' | 'file'
): Promise<CheckedFile | { error: FileError }> {
	if (!file || file.size === 0) return { error: 'missing' };
	if (file.size > GROUP_LIMITS.fileBytesMax) return { error: 'tooBig' };
	const bytes = new Uint8Array(await file.arrayBuffer());
	if (sniffImage(bytes)) {
		const photo = await processPhoto(bytes, { maxBytes: GROUP_LIMITS.fileBytesMax });
		if ('error' in photo) return { error: photo.error };
		const name = cleanFileName(file.name, 'foto').replace(/\.[a-z0-9]{1,5}$/i, '') + '.jpg';
		return { kind: 'photo', contentType: photo.contentType, bytes: photo.bytes, name };
	}
	const document = sniffDocument(bytes);
	if (!document || (allow === 'receipt' && document.contentType !== 'application/pdf'))
		return { error: 'type' };
	return {
		kind: 'document',
		contentType: document.contentType,
		bytes: Buffer.from(bytes),
		name: cleanFileName(file.name, `document.${document.extension}`)
	};
}

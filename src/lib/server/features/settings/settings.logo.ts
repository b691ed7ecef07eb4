// Recognises an uploaded logo by its bytes, never by the name or type the browser claims.
import type { MessageKey } from '$lib/i18n';

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MAX_PIXELS = 4096;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml';

export type LogoInspection =
	| { ok: true; contentType: LogoType; width: number | null; height: number | null }
	| { ok: false; error: MessageKey };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
	signature.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, length: number) =>
	String.fromCharCode(...bytes.subarray(from, from + length));
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number) => (u16be(b, i) * 65536 + u16be(b, i + 2)) >>> 0;
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);

function pngSize(b: Uint8Array) {
	if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
	return { width: u32be(b, 16), height: u32be(b, 20) };
}

function jpegSize(b: Uint8Array) {
	let i = 2;
	while (i + 9 < b.length) {
		if (b[i] !== 0xff) return null;
		const marker = b[i + 1] ?? 0;
		if (marker === 0xff) {
			i += 1;
			continue;
		}
		if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
			i += 2;
			continue;
		}
		// Start of frame, except DHT (c4), JPG (c8) and DAC (cc), which share the range.
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			return { height: u16be(b, i + 5), width: u16be(b, i + 7) };
		}
		if (marker === 0xd9 || marker === 0xda) return null;
		i += 2 + u16be(b, i + 2);
	}
	return null;
}

function webpSize(b: Uint8Array) {
	const chunk = ascii(b, 12, 4);
	if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
	if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
		const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24);
		return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
	}
	if (chunk === 'VP8 ' && b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23)) {
		return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
	}
	return null;
}

/**
 * SVG can carry script. A logo needs none of it, so anything that could run, load or embed something is
 * refused outright; the media route adds a sandboxing content security policy on top.
 */
const SVG_FORBIDDEN = [
	/<([\w.-]+:)?script\b/i,
	/<([\w.-]+:)?foreignObject\b/i,
	/<([\w.-]+:)?(iframe|embed|object|audio|video|handler|listener)\b/i,
	/\son[a-z]+\s*=/i,
	/javascript:/i,
	/<!ENTITY/i,
	/<!DOCTYPE/i,
	/<\?xml-stylesheet/i,
	/@import/i,
	/url\(\s*(?!['"]?\s*#)/i,
	/attributeName\s*=\s*["']?\s*(xlink:)?href/i,
	/\s(xlink:)?href\s*=(?!\s*["']\s*#)/i
];

function inspectSvg(bytes: Uint8Array): LogoInspection {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return { ok: false, error: 'backoffice.settings.logoType' };
	}
	const body = text.replace(/^\uFEFF/, '').trim();
	if (!/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(body) || !/<\/svg>$/i.test(body))
		return { ok: false, error: 'backoffice.settings.logoType' };
	if (SVG_FORBIDDEN.some((pattern) => pattern.test(body)))
		return { ok: false, error: 'backoffice.settings.logoSvgUnsafe' };
	return { ok: true, contentType: 'image/svg+xml', width: null, height: null };
}

export function inspectLogo(bytes: Uint8Array): LogoInspection {
	if (bytes.length === 0) return { ok: false, error: 'backoffice.settings.logoMissing' };
	if (bytes.length > LOGO_MAX_BYTES) return { ok: false, error: 'backoffice.settings.logoTooBig' };
	let type: Exclude<LogoType, 'image/svg+xml'> | null = null;
	let size: { width: number; height: number } | null = null;
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
		type = 'image/png';
		size = pngSize(bytes);
	} else if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
		type = 'image/jpeg';
		size = jpegSize(bytes);
	} else if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
		type = 'image/webp';
		size = webpSize(bytes);
	}
	if (!type) return inspectSvg(bytes);
	if (!size || size.width < 1 || size.height < 1)
		return { ok: false, error: 'backoffice.settings.logoUnreadable' };
	if (size.width > LOGO_MAX_PIXELS || size.height > LOGO_MAX_PIXELS)
		return { ok: false, error: 'backoffice.settings.logoTooLarge' };
	return { ok: true, contentType: type, ...size };
}

// QR codes as a plain matrix of dark modules, for anything that draws them itself (PDF posters), and as a PNG
// (the check-in code in a registration's mail).
import qrcode from 'qrcode-generator';
import sharp from 'sharp';

export interface QrMatrix {
	/** Modules per side, without the quiet zone (4 modules of light around it, left to the drawer). */
	size: number;
	/** dark[row][column] */
	dark: boolean[][];
}

/**
 * Encodes `text` as UTF-8 in byte mode with error correction level M (15 % of the code may be damaged:
 * a poster in a shop window, a fold, a bit of tape), in the smallest version that holds it.
 */
export function qrMatrix(text: string): QrMatrix {
	const code = qrcode(0, 'M');
	// The generator keeps the low byte of each UTF-16 unit; hand it UTF-8 bytes, one per character.
	code.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
	code.make();
	const size = code.getModuleCount();
	const dark = Array.from({ length: size }, (_, row) =>
		Array.from({ length: size }, (_, column) => code.isDark(row, column))
	);
	return { size, dark };
}

/**
 * The code as a black-on-white PNG with its quiet zone (4 light modules), `moduleSize` pixels a module: an
 * image a mail shows inline (a phone at the door scans it from the person's screen).
 */
export async function qrPng(text: string, moduleSize = 6): Promise<Buffer> {
	const { size, dark } = qrMatrix(text);
	const side = (size + 8) * moduleSize;
	const pixels = Buffer.alloc(side * side, 255);
	dark.forEach((row, r) =>
		row.forEach((isDark, c) => {
			if (!isDark) return;
			for (let y = (r + 4) * moduleSize; y < (r + 5) * moduleSize; y++)
				pixels.fill(0, y * side + (c + 4) * moduleSize, y * side + (c + 5) * moduleSize);
		})
	);
	return sharp(pixels, { raw: { width: side, height: side, channels: 1 } })
		.png({ palette: true, colours: 2 })
		.toBuffer();
}

/**
 * The code as an SVG drawing, black on white with its quiet zone, one path of unit squares: it scales to any
 * size in print without blurring (the magazine's QR code), and carries its alternative text as a title.
 */
export function qrSvg(text: string, title: string): string {
	const { size, dark } = qrMatrix(text);
	const side = size + 8;
	let path = '';
	dark.forEach((row, r) =>
		row.forEach((isDark, c) => {
			if (isDark) path += `M${c + 4} ${r + 4}h1v1h-1z`;
		})
	);
	const escaped = title.replace(
		/[&<>"]/g,
		(ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!
	);
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side * 8}" height="${side * 8}" shape-rendering="crispEdges" role="img" aria-label="${escaped}">` +
		`<title>${escaped}</title><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>\n`
	);
}

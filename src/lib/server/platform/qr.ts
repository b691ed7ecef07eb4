// QR codes as a plain matrix of dark modules, for anything that draws them itself (PDF posters).
import qrcode from 'qrcode-generator';

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

// A minimal single-page PDF writer: text in the standard Helvetica fonts, filled rectangles, a QR code of
// vector modules and link areas. Enough for printable posters, with no dependency and no font files.
//
// Text uses WinAnsiEncoding, which every PDF reader has built in and which covers Dutch and French
// (é, ë, ï, ç, ’, “ ”, –, €). The content stream is left uncompressed: a poster is a few kilobytes.
import type { QrMatrix } from './qr';

/** A4 portrait in points (1/72 inch), rounded as the brief of every print shop has it. */
export const A4 = { width: 595, height: 842 } as const;

export type PdfFont = 'regular' | 'bold';

const FONT_RESOURCE: Record<PdfFont, { name: string; baseFont: string }> = {
	regular: { name: 'F1', baseFont: 'Helvetica' },
	bold: { name: 'F2', baseFont: 'Helvetica-Bold' }
};

// Advance widths (1/1000 em) of the printable ASCII characters 32–126 in WinAnsiEncoding, from the
// Adobe font metrics of the standard 14 fonts.
// prettier-ignore
const ASCII_WIDTHS: Record<PdfFont, number[]> = {
	regular: [
		278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
		1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
		333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
		556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584
	],
	bold: [
		278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
		556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
		975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
		667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
		333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
		611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584
	]
};

/** The WinAnsi codes 128–159 that differ from Latin-1, with their widths (regular, bold). */
const WIN_ANSI_EXTRA: Record<string, [code: number, regular: number, bold: number]> = {
	'€': [0x80, 556, 556],
	'‚': [0x82, 222, 278],
	ƒ: [0x83, 556, 556],
	'„': [0x84, 333, 500],
	'…': [0x85, 1000, 1000],
	'†': [0x86, 556, 556],
	'‡': [0x87, 556, 556],
	ˆ: [0x88, 333, 333],
	'‰': [0x89, 1000, 1000],
	Š: [0x8a, 667, 667],
	'‹': [0x8b, 333, 333],
	Œ: [0x8c, 1000, 1000],
	Ž: [0x8e, 611, 611],
	'‘': [0x91, 222, 278],
	'’': [0x92, 222, 278],
	'“': [0x93, 333, 500],
	'”': [0x94, 333, 500],
	'•': [0x95, 350, 350],
	'–': [0x96, 556, 556],
	'—': [0x97, 1000, 1000],
	'˜': [0x98, 333, 333],
	'™': [0x99, 1000, 1000],
	š: [0x9a, 500, 556],
	'›': [0x9b, 333, 333],
	œ: [0x9c, 944, 944],
	ž: [0x9e, 500, 500],
	Ÿ: [0x9f, 667, 667]
};

/** Characters outside WinAnsi with a close stand-in; anything else left unmapped becomes "?". */
const STAND_INS: Record<string, string> = {
	'\u2010': '-',
	'\u2011': '-',
	'\u2012': '–',
	'\u2212': '-',
	'\u202f': ' ',
	'\u2009': ' ',
	'\u2007': ' ',
	'\t': ' ',
	'\n': ' ',
	'\r': ' ',
	'\u2032': '’',
	'\u2192': '->'
};

/** Widths of Latin-1 characters 160–255 that are not a letter with a diacritic (regular, bold). */
const LATIN1_SYMBOL_WIDTHS: Record<number, [number, number]> = {
	0xa0: [278, 278],
	0xa1: [333, 333],
	0xa6: [260, 280],
	0xa8: [333, 333],
	0xa9: [737, 737],
	0xaa: [370, 370],
	0xab: [556, 556],
	0xac: [584, 584],
	0xad: [333, 333],
	0xae: [737, 737],
	0xaf: [333, 333],
	0xb0: [400, 400],
	0xb1: [584, 584],
	0xb2: [333, 333],
	0xb3: [333, 333],
	0xb4: [333, 333],
	0xb5: [556, 611],
	0xb6: [537, 556],
	0xb7: [278, 278],
	0xb8: [333, 333],
	0xb9: [333, 333],
	0xba: [365, 365],
	0xbb: [556, 556],
	0xbc: [834, 834],
	0xbd: [834, 834],
	0xbe: [834, 834],
	0xbf: [611, 611],
	0xc6: [1000, 1000],
	0xd0: [722, 722],
	0xd7: [584, 584],
	0xd8: [778, 778],
	0xde: [667, 667],
	0xdf: [611, 611],
	0xe6: [889, 889],
	0xf0: [556, 611],
	0xf7: [584, 584],
	0xf8: [611, 611],
	0xfe: [556, 611]
};

function winAnsiCode(char: string): number | null {
	const code = char.codePointAt(0)!;
	if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
	return WIN_ANSI_EXTRA[char]?.[0] ?? null;
}

/**
 * The text as WinAnsi codes, one per character: stand-ins for typographic spaces and dashes, accents
 * dropped where the accented letter is missing (ő → o), "?" for the rest.
 */
export function toWinAnsi(text: string): number[] {
	const codes: number[] = [];
	for (const char of text.normalize('NFC')) {
		const code = winAnsiCode(char);
		if (code !== null) {
			codes.push(code);
			continue;
		}
		const standIn = STAND_INS[char] ?? char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
		const mapped = [...standIn].map(winAnsiCode);
		if (standIn !== char && standIn.length > 0 && mapped.every((c) => c !== null))
			codes.push(...(mapped as number[]));
		else codes.push(0x3f);
	}
	return codes;
}

const FROM_WIN_ANSI_EXTRA = new Map(Object.entries(WIN_ANSI_EXTRA).map(([char, [code]]) => [code, char]));

function codeWidth(code: number, font: PdfFont): number {
	if (code >= 0x20 && code <= 0x7e) return ASCII_WIDTHS[font][code - 0x20]!;
	const extra = FROM_WIN_ANSI_EXTRA.get(code);
	if (extra) return WIN_ANSI_EXTRA[extra]![font === 'regular' ? 1 : 2];
	const symbol = LATIN1_SYMBOL_WIDTHS[code];
	if (symbol) return symbol[font === 'regular' ? 0 : 1];
	if (code >= 0xa0 && code <= 0xff) {
		// An accented letter is as wide as its base letter, except the dotless i's of ì í î ï.
		const base = String.fromCharCode(code).normalize('NFD')[0]!;
		if (base === 'i') return 278;
		const baseCode = base.charCodeAt(0);
		if (baseCode >= 0x20 && baseCode <= 0x7e) return ASCII_WIDTHS[font][baseCode - 0x20]!;
	}
	return 556;
}

/** Width of `text` in points at `size`. */
export function textWidth(text: string, font: PdfFont, size: number): number {
	return (toWinAnsi(text).reduce((sum, code) => sum + codeWidth(code, font), 0) * size) / 1000;
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces; a word longer than a line (a URL) is
 * broken where it must. At most `maxLines` lines: the last one then ends in "…".
 */
export function wrapText(
	text: string,
	options: { font: PdfFont; size: number; maxWidth: number; maxLines?: number }
): string[] {
	const { font, size, maxWidth } = options;
	const fits = (line: string) => textWidth(line, font, size) <= maxWidth;
	const lines: string[] = [];
	for (const paragraph of text.split(/\n+/)) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (fits(candidate)) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = word;
			while (!fits(line)) {
				let cut = line.length - 1;
				while (cut > 1 && !fits(line.slice(0, cut))) cut--;
				// A URL reads best broken after a slash or hyphen, or before its query.
				const natural = Math.max(
					line.lastIndexOf('/', cut - 1) + 1,
					line.lastIndexOf('-', cut - 1) + 1,
					line.lastIndexOf('?', cut - 1),
					line.lastIndexOf('&', cut - 1)
				);
				if (natural > cut * 0.6) cut = natural;
				lines.push(line.slice(0, cut));
				line = line.slice(cut);
			}
		}
		if (line) lines.push(line);
	}
	const maxLines = options.maxLines ?? Infinity;
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	let last = kept[maxLines - 1]!;
	while (last.length > 0 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
	kept[maxLines - 1] = `${last.replace(/[\s,.;:–-]+$/, '')}…`;
	return kept;
}

export interface Rgb {
	r: number;
	g: number;
	b: number;
}

/** "#8a1538" as PDF colour components from 0 to 1. */
export function hexToRgb(hex: string): Rgb {
	const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
	const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255) as [number, number, number];
	return { r, g, b };
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/** A number as PDF writes it: at most 3 decimals, no exponent. */
function num(value: number): string {
	const rounded = Math.round(value * 1000) / 1000;
	return Object.is(rounded, -0) ? '0' : String(rounded);
}

function colour(c: Rgb): string {
	return `${num(c.r)} ${num(c.g)} ${num(c.b)}`;
}

/** A literal string of WinAnsi codes; everything outside printable ASCII as an octal escape. */
function literal(codes: number[]): string {
	let out = '(';
	for (const code of codes) {
		if (code === 0x28 || code === 0x29 || code === 0x5c) out += `\\${String.fromCharCode(code)}`;
		else if (code >= 0x20 && code <= 0x7e) out += String.fromCharCode(code);
		else out += `\\${code.toString(8).padStart(3, '0')}`;
	}
	return `${out})`;
}

/** A text string outside the content stream (document title): UTF-16BE with a byte order mark. */
function textString(text: string): string {
	let hex = 'FEFF';
	for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
	return `<${hex.toUpperCase()}>`;
}

export interface PdfPage {
	readonly width: number;
	readonly height: number;
	/** A filled rectangle; `top` is measured from the top of the page, as all positions here are. */
	rect(box: { left: number; top: number; width: number; height: number; colour: Rgb }): void;
	/** One line of text with its baseline at `baseline` from the top. */
	text(
		value: string,
		options: { left: number; baseline: number; size: number; font?: PdfFont; colour?: Rgb }
	): void;
	/** A QR code `size` points wide (quiet zone included: 4 modules of white on each side). */
	qr(matrix: QrMatrix, box: { left: number; top: number; size: number }): void;
	/** A clickable area opening `url` in readers that follow links. */
	link(box: { left: number; top: number; width: number; height: number }, url: string): void;
	/** The finished file. */
	toBytes(info: { title: string; lang: string; creationDate?: Date }): Uint8Array;
}

export function createPdfPage(size: { width: number; height: number } = A4): PdfPage {
	const ops: string[] = [];
	const links: { rect: number[]; url: string }[] = [];
	const y = (top: number) => size.height - top;
	return {
		width: size.width,
		height: size.height,
		rect({ left, top, width, height, colour: fill }) {
			ops.push(`${colour(fill)} rg ${num(left)} ${num(y(top + height))} ${num(width)} ${num(height)} re f`);
		},
		text(value, { left, baseline, size: fontSize, font = 'regular', colour: fill = BLACK }) {
			const codes = toWinAnsi(value);
			if (codes.length === 0) return;
			ops.push(
				`BT /${FONT_RESOURCE[font].name} ${num(fontSize)} Tf ${colour(fill)} rg ` +
					`${num(left)} ${num(y(baseline))} Td ${literal(codes)} Tj ET`
			);
		},
		qr(matrix, { left, top, size: side }) {
			const modules = matrix.size + 8;
			const unit = side / modules;
			ops.push(`1 1 1 rg ${num(left)} ${num(y(top + side))} ${num(side)} ${num(side)} re f`);
			// In module units, origin at the bottom-left module of the code, one rectangle per run of dark
			// modules in a row: the marked section is what a test reads back.
			const origin = { x: left + 4 * unit, y: y(top + side) + 4 * unit };
			const runs: string[] = [];
			for (let row = 0; row < matrix.size; row++) {
				let start = -1;
				for (let column = 0; column <= matrix.size; column++) {
					const isDark = column < matrix.size && matrix.dark[row]![column];
					if (isDark && start < 0) start = column;
					if (!isDark && start >= 0) {
						runs.push(`${start} ${matrix.size - 1 - row} ${column - start} 1 re`);
						start = -1;
					}
				}
			}
			ops.push(
				`/QRCode BMC q ${num(unit)} 0 0 ${num(unit)} ${num(origin.x)} ${num(origin.y)} cm 0 0 0 rg\n` +
					`${runs.join('\n')}\nf Q EMC`
			);
		},
		link({ left, top, width, height }, url) {
			links.push({ rect: [left, y(top + height), left + width, y(top)], url });
		},
		toBytes({ title, lang, creationDate = new Date() }) {
			const content = ops.join('\n');
			const date = creationDate.toISOString().replace(/[-:T]/g, '').slice(0, 14);
			const annotationIds = links.map((_, i) => 8 + i);
			const objects: string[] = [
				`<< /Type /Catalog /Pages 2 0 R /Lang ${literal(toWinAnsi(lang))} /ViewerPreferences << /DisplayDocTitle true >> >>`,
				'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
				`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(size.width)} ${num(size.height)}] ` +
					'/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R' +
					(annotationIds.length ? ` /Annots [${annotationIds.map((id) => `${id} 0 R`).join(' ')}]` : '') +
					' >>',
				`<< /Type /Font /Subtype /Type1 /BaseFont /${FONT_RESOURCE.regular.baseFont} /Encoding /WinAnsiEncoding >>`,
				`<< /Type /Font /Subtype /Type1 /BaseFont /${FONT_RESOURCE.bold.baseFont} /Encoding /WinAnsiEncoding >>`,
				`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
				`<< /Title ${textString(title)} /Producer (Meedoen) /CreationDate (D:${date}Z) >>`,
				...links.map(
					(l) =>
						`<< /Type /Annot /Subtype /Link /Rect [${l.rect.map(num).join(' ')}] /Border [0 0 0] ` +
						`/A << /S /URI /URI ${literal(toWinAnsi(l.url))} >> >>`
				)
			];
			// Everything above is ASCII; the second line is the customary comment of four high bytes that
			// tells transfer programs the file is binary.
			let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
			const offsets: number[] = [];
			objects.forEach((body, i) => {
				offsets.push(out.length);
				out += `${i + 1} 0 obj\n${body}\nendobj\n`;
			});
			const xref = out.length;
			out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
			for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
			out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
			return new Uint8Array(Buffer.from(out, 'latin1'));
		}
	};
}

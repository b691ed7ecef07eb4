// Tagged, accessible PDF documents on pdfkit, shared by everything the platform prints: action posters now,
// impact and climate-plan reports later. Every mark on a page is either part of the structure tree
// (headings, paragraphs, lists, figures with alternative text, links) or an artifact (decoration), so a
// screen reader reads a document in order and text can be copied and searched. The text is set in DejaVu
// Sans, embedded as a subset: it covers Dutch, French and far beyond, and its licence (Bitstream Vera,
// DejaVu changes in the public domain) allows embedding.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont, type Font } from 'fontkit';
import PDFDocument from 'pdfkit';
import type { QrMatrix } from './qr';

/** A4 portrait in points (1/72 inch), rounded as the brief of every print shop has it. */
export const A4 = { width: 595, height: 842 } as const;

/** Millimetres in points, for layouts measured with a ruler. */
export function mm(millimetres: number): number {
	return (millimetres * 72) / 25.4;
}

export type PdfWeight = 'regular' | 'bold';

/**
 * Structure types of ISO 32000-1, 14.8.4, that the platform's documents use. Headings go in order
 * without skipping a level; a list is L > LI > (Lbl, LBody); a Link holds its text or figure.
 */
export type PdfRole =
	'Sect' | 'Div' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Caption';

export interface PdfInfo {
	title: string;
	/** BCP 47, e.g. nl-BE: readers pick the voice and hyphenation from it. */
	lang: string;
	author?: string;
	subject?: string;
	keywords?: string[];
	creationDate?: Date;
}

export interface PdfBox {
	/** Positions are measured from the top-left corner of the page, in points. */
	left: number;
	top: number;
	width: number;
	height: number;
}

export interface PdfTextStyle {
	size: number;
	weight?: PdfWeight;
	/** #rrggbb; near-black when left out. */
	colour?: string;
	/** Distance between baselines as a multiple of the size. */
	lineHeight?: number;
	/** At most this many lines; the last one then ends in "…". */
	maxLines?: number;
	align?: 'left' | 'center' | 'right';
}

export interface PdfTextPlace {
	left: number;
	/** Where the first line's box starts; left out, the text follows what was written before. */
	top?: number;
	width: number;
}

/** What a figure or a decoration draws with. */
export interface PdfGraphics {
	rect(box: PdfBox, colour: string): void;
	/** Many rectangles filled as one path (QR modules, bars of a chart). */
	rects(boxes: PdfBox[], colour: string): void;
}

export interface PdfWriter {
	readonly width: number;
	readonly height: number;
	/** Width of `text` on one line. */
	textWidth(text: string, style: PdfTextStyle): number;
	/** How many lines `text` takes in `width` (at most `style.maxLines`). */
	lineCount(text: string, width: number, style: PdfTextStyle): number;
	/** Height of one line in `style`. */
	lineHeight(style: PdfTextStyle): number;
	/**
	 * Writes `text` wrapped to the place as a structure element of `role`, or as more content of the element
	 * being built when `role` is null (a paragraph set in two colours). Returns where the next line may start.
	 */
	text(role: PdfRole | null, text: string, place: PdfTextPlace, style: PdfTextStyle): number;
	/** A structure element whose children are what `body` writes: a list, a list item, a section. */
	group<T>(role: PdfRole, body: () => T): T;
	/** A link to `url` around what `body` writes, clickable where that is drawn; `label` says where it leads. */
	link<T>(url: string, label: string, body: () => T): T;
	/** A figure with its alternative text. */
	figure(alt: string, box: PdfBox, draw: (g: PdfGraphics) => void): void;
	/** A QR code as a figure, `size` points wide with its quiet zone of 4 modules. */
	qrCode(matrix: QrMatrix, box: { left: number; top: number; size: number }, alt: string): void;
	/** Backgrounds, bands and rules: marked as artifacts, which readers skip. */
	decoration(draw: (g: PdfGraphics) => void): void;
	addPage(): void;
	/** The finished file. The writer can't be used after. */
	toBytes(): Promise<Uint8Array>;
}

const INK = '#111111';
const DEFAULT_LINE_HEIGHT = 1.28;

const FONT_FILES: Record<PdfWeight, string> = {
	regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
	bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'
};

// Resolved from node_modules at run time rather than bundled: adapter-node keeps dependencies external,
// so the same path works in tests, in development and in the built server.
function loadFont(weight: PdfWeight): Font {
	const file = createRequire(import.meta.url).resolve(FONT_FILES[weight]);
	return openFont(readFileSync(file)) as Font;
}

/**
 * `text` with what the font can't draw replaced: a letter whose accent is missing loses the accent, and
 * anything else (an emoji) is left out rather than printed as an empty box.
 */
export function printableText(text: string, font: Pick<Font, 'hasGlyphForCodePoint'>): string {
	let out = '';
	let dropped = false;
	for (const char of text.normalize('NFC')) {
		const has = (c: string) => font.hasGlyphForCodePoint(c.codePointAt(0)!);
		if (char === '\n' || has(char)) {
			out += char;
			continue;
		}
		const base = char.normalize('NFD').replace(/\p{M}/gu, '');
		if (base && [...base].every(has)) out += base;
		else dropped = true;
	}
	return dropped ? out.replace(/[^\S\n]{2,}/g, ' ').trim() : out;
}

function xmlEscape(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The parts of pdfkit 0.20 that its type package (0.17) does not describe yet. */
interface PdfKitDocument extends PDFKit.PDFDocument {
	info: PDFKit.DocumentInfo & Record<string, unknown>;
	_addInfo(): void;
}

export function createPdf(
	info: PdfInfo,
	options: { size?: { width: number; height: number }; margin?: number } = {}
): PdfWriter {
	const size = options.size ?? A4;
	const fonts: Record<PdfWeight, Font> = { regular: loadFont('regular'), bold: loadFont('bold') };
	const doc = new PDFDocument({
		size: [size.width, size.height],
		margin: options.margin ?? 0,
		pdfVersion: '1.7',
		tagged: true,
		lang: info.lang,
		displayTitle: true,
		// A document that starts in the embedded font never loads pdfkit's standard-font metrics.
		font: fonts.regular as unknown as string,
		// pdfkit writes every key it is given, an undefined one as the word "undefined".
		info: Object.fromEntries(
			Object.entries({
				Title: info.title,
				Author: info.author,
				Subject: info.subject,
				Keywords: info.keywords?.join(', '),
				Creator: 'Meedoen',
				CreationDate: info.creationDate ?? new Date()
			}).filter(([, value]) => value !== undefined)
		)
	}) as PdfKitDocument;
	for (const weight of ['regular', 'bold'] as const)
		doc.registerFont(weight, fonts[weight] as unknown as string);

	// pdfkit copies the Info values into the XMP metadata unescaped: a title with "&" or "<" would make that
	// XML unreadable, and PDF/UA readers take the title from there.
	const addInfo = doc._addInfo;
	doc._addInfo = function (this: PdfKitDocument) {
		const raw = this.info;
		this.info = Object.fromEntries(
			Object.entries(raw).map(([key, value]) => [key, typeof value === 'string' ? xmlEscape(value) : value])
		) as PdfKitDocument['info'];
		try {
			addInfo.call(this);
		} finally {
			this.info = raw;
		}
	};

	const root = doc.struct('Document');
	doc.addStructure(root);
	// The element being built, innermost last; links collect the areas drawn inside them.
	const parents: PDFKit.PDFStructureElement[] = [root];
	const linkAreas: PdfBox[][] = [];
	const current = () => parents[parents.length - 1]!;

	const graphics: PdfGraphics = {
		rect(box, colour) {
			doc.rect(box.left, box.top, box.width, box.height).fill(colour);
		},
		rects(boxes, colour) {
			if (boxes.length === 0) return;
			for (const box of boxes) doc.rect(box.left, box.top, box.width, box.height);
			doc.fill(colour);
		}
	};

	const setStyle = (style: PdfTextStyle) => {
		doc.font(style.weight ?? 'regular').fontSize(style.size);
		// pdfkit spaces lines by the font's own height plus a gap; the gap makes up the asked line height.
		return (style.lineHeight ?? DEFAULT_LINE_HEIGHT) * style.size - doc.currentLineHeight(true);
	};
	const lineHeight = (style: PdfTextStyle) => {
		const gap = setStyle(style);
		return doc.currentLineHeight(true) + gap;
	};
	const printable = (text: string, style: PdfTextStyle) =>
		printableText(text, fonts[style.weight ?? 'regular']);

	const addChild = (role: PdfRole | null, draw: () => void) => {
		if (role === null) current().add(draw);
		else current().add(doc.struct(role, {}, draw));
	};
	const textWidth = (text: string, style: PdfTextStyle) => {
		setStyle(style);
		return doc.widthOfString(printable(text, style));
	};
	const figure: PdfWriter['figure'] = (alt, box, draw) => {
		current().add(
			doc.struct(
				'Figure',
				{
					alt,
					bbox: [box.left, box.top, box.left + box.width, box.top + box.height]
				} as PDFKit.Mixins.StructureElementOptions,
				() => draw(graphics)
			)
		);
		linkAreas[linkAreas.length - 1]?.push(box);
	};

	return {
		width: size.width,
		height: size.height,
		textWidth,
		lineCount(text, width, style) {
			const lineGap = setStyle(style);
			const value = printable(text, style);
			if (!value) return 0;
			const height = doc.heightOfString(value, { width, lineGap });
			const lines = Math.round(height / (doc.currentLineHeight(true) + lineGap));
			return Math.min(lines, style.maxLines ?? Infinity);
		},
		lineHeight,
		text(role, text, place, style) {
			const value = printable(text, style);
			const top = place.top ?? doc.y;
			if (!value) return top;
			let bottom = top;
			addChild(role, () => {
				const lineGap = setStyle(style);
				const step = doc.currentLineHeight(true) + lineGap;
				doc.fillColor(style.colour ?? INK).text(value, place.left, top, {
					width: place.width,
					lineGap,
					align: style.align ?? 'left',
					...(style.maxLines ? { height: style.maxLines * step, ellipsis: '…' } : {})
				});
				bottom = doc.y;
			});
			const area = linkAreas[linkAreas.length - 1];
			if (area) {
				const width = Math.min(place.width, textWidth(value, style));
				area.push({ left: place.left, top, width, height: bottom - top });
			}
			return bottom;
		},
		group(role, body) {
			const element = doc.struct(role);
			current().add(element);
			parents.push(element);
			try {
				return body();
			} finally {
				parents.pop();
				element.end();
			}
		},
		link(url, label, body) {
			const element = doc.struct('Link');
			current().add(element);
			parents.push(element);
			linkAreas.push([]);
			try {
				return body();
			} finally {
				parents.pop();
				for (const area of linkAreas.pop()!)
					doc.link(area.left, area.top, area.width, area.height, url, {
						structParent: element,
						// PDF/UA asks every link annotation for a description of its own.
						Contents: new String(label) as unknown as string
					} as PDFKit.Mixins.AnnotationOption);
				element.end();
			}
		},
		figure,
		qrCode(matrix, { left, top, size: side }, alt) {
			const unit = side / (matrix.size + 8);
			// One rectangle per run of dark modules in a row: a small path, and no seams inside a run.
			const runs: PdfBox[] = [];
			matrix.dark.forEach((row, r) => {
				let start = -1;
				for (let c = 0; c <= matrix.size; c++) {
					const dark = c < matrix.size && row[c];
					if (dark && start < 0) start = c;
					if (!dark && start >= 0) {
						runs.push({
							left: left + (4 + start) * unit,
							top: top + (4 + r) * unit,
							width: (c - start) * unit,
							height: unit
						});
						start = -1;
					}
				}
			});
			figure(alt, { left, top, width: side, height: side }, (g) => {
				g.rect({ left, top, width: side, height: side }, '#ffffff');
				g.rects(runs, '#000000');
			});
		},
		decoration(draw) {
			doc.markContent('Artifact', { type: 'Layout' });
			draw(graphics);
			doc.endMarkedContent();
		},
		addPage() {
			doc.addPage();
		},
		toBytes() {
			const chunks: Uint8Array[] = [];
			const done = new Promise<Uint8Array>((resolve, reject) => {
				doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
				doc.on('error', reject);
				doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
			});
			root.end();
			doc.end();
			return done;
		}
	};
}

// Reads a PDF the way readers and phones do, with libraries written elsewhere: PDF.js (Mozilla's reader)
// for text, metadata, links and the structure tree; PDF.js drawing on a Skia canvas for the pixels of a
// page; jsQR for any QR code in those pixels. Nothing here knows how platform/pdf.ts writes a file.
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { StructTreeNode, TextItem } from 'pdfjs-dist/types/src/display/api';

/** An element of the structure tree with the text of its own marked content and of its descendants. */
export interface PdfStructNode {
	role: string;
	alt: string | null;
	text: string;
	children: PdfStructNode[];
	/** Annotations (links) the element owns through object references. */
	objects: number;
}

export interface PdfPageReading {
	/** [x0, y0, x1, y1] in points. */
	view: number[];
	/** The text of each line as the reader extracts it. */
	lines: string[];
	/** All lines joined with single spaces. */
	text: string;
	links: { url: string; label: string }[];
	/** Text drawn outside any marked content: neither in the structure tree nor an artifact. */
	untaggedText: string[];
	/** The structure elements whose content is on this page, under the document's root. */
	structure: PdfStructNode | null;
}

export interface PdfReading {
	pageCount: number;
	info: { title: string | null; author: string | null; subject: string | null; lang: string | null };
	/** The title in the XMP metadata packet, where PDF/UA readers look for it. */
	xmpTitle: string | null;
	displayTitle: boolean;
	/** MarkInfo /Marked: the document declares itself tagged. */
	tagged: boolean;
	pages: PdfPageReading[];
	/** RGBA pixels of a page drawn at `scale` (1 = 72 dpi). */
	render(
		pageNumber: number,
		scale?: number
	): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
	/** The text of the QR code a phone camera finds on the page, or null. */
	readQrCode(pageNumber: number): Promise<string | null>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function isTextItem(item: unknown): item is TextItem {
	return typeof (item as TextItem).str === 'string';
}

export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
	// PDF.js takes ownership of the buffer it is given.
	const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
		.promise;
	const metadata = await pdf.getMetadata();
	const info = metadata.info as Record<string, unknown>;
	const field = (key: string) => (typeof info[key] === 'string' ? (info[key] as string) : null);
	const markInfo = await pdf.getMarkInfo();
	const viewerPreferences = (await pdf.getViewerPreferences()) as Record<string, unknown> | null;

	const pages: PdfPageReading[] = [];
	for (let number = 1; number <= pdf.numPages; number++) {
		const page = await pdf.getPage(number);
		const content = await page.getTextContent({ includeMarkedContent: true });
		const lines: string[] = [];
		let line = '';
		// Text per marked-content id, for the structure tree.
		const byId = new Map<string, string>();
		const open: (string | null)[] = [];
		const untaggedText: string[] = [];
		for (const item of content.items) {
			if (!isTextItem(item)) {
				if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
					open.push(item.id ?? null);
				else if (item.type === 'endMarkedContent') open.pop();
				continue;
			}
			line += item.str;
			if (open.length === 0 && item.str.trim()) untaggedText.push(item.str);
			const id = open.findLast((entry) => entry !== null);
			if (id) byId.set(id, `${byId.get(id) ?? ''} ${item.str}`);
			if (item.hasEOL) {
				lines.push(line);
				line = '';
			}
		}
		if (line) lines.push(line);

		const toNode = (node: StructTreeNode): PdfStructNode => {
			const children: PdfStructNode[] = [];
			let text = '';
			let objects = 0;
			for (const child of node.children) {
				if ('role' in child) {
					const element = toNode(child);
					children.push(element);
					text += ` ${element.text}`;
				} else if (child.type === 'content') text += ` ${byId.get(child.id) ?? ''}`;
				else if (child.type === 'object') objects++;
			}
			const alt = (node as StructTreeNode & { alt?: string }).alt ?? null;
			return { role: node.role, alt, text: collapse(text), children, objects };
		};
		const tree = (await page.getStructTree()) as StructTreeNode | null;
		const annotations = (await page.getAnnotations()) as {
			subtype: string;
			url?: string;
			contentsObj?: { str: string };
		}[];
		pages.push({
			view: [...page.view],
			lines: lines.map(collapse).filter(Boolean),
			text: collapse(lines.join(' ')),
			links: annotations
				.filter((a) => a.subtype === 'Link' && a.url)
				.map((a) => ({ url: a.url!, label: a.contentsObj?.str ?? '' })),
			untaggedText,
			structure: tree ? toNode(tree) : null
		});
	}

	const render: PdfReading['render'] = async (pageNumber, scale = 2) => {
		const page = await pdf.getPage(pageNumber);
		const viewport = page.getViewport({ scale });
		const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
		const context = canvas.getContext('2d');
		await page.render({
			canvas: canvas as unknown as HTMLCanvasElement,
			canvasContext: context as unknown as CanvasRenderingContext2D,
			viewport
		}).promise;
		const image = context.getImageData(0, 0, canvas.width, canvas.height);
		return { width: image.width, height: image.height, data: image.data };
	};

	return {
		pageCount: pdf.numPages,
		info: {
			title: field('Title'),
			author: field('Author'),
			subject: field('Subject'),
			lang: field('Language')
		},
		xmpTitle: metadata.metadata?.get('dc:title') ?? null,
		displayTitle: viewerPreferences?.DisplayDocTitle === true,
		tagged: markInfo?.Marked === true,
		pages,
		render,
		async readQrCode(pageNumber) {
			const image = await render(pageNumber, 2);
			return jsQR(image.data, image.width, image.height)?.data ?? null;
		}
	};
}

/** The first element of `role` in the tree, depth first. */
export function findStruct(node: PdfStructNode | null, role: string): PdfStructNode | null {
	if (!node) return null;
	if (node.role === role) return node;
	for (const child of node.children) {
		const found = findStruct(child, role);
		if (found) return found;
	}
	return null;
}

/** Every element of `role` in the tree, depth first. */
export function findAllStruct(node: PdfStructNode | null, role: string): PdfStructNode[] {
	if (!node) return [];
	return [...(node.role === role ? [node] : []), ...node.children.flatMap((c) => findAllStruct(c, role))];
}

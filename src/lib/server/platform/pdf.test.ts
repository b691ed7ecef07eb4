// The shared PDF writer, read back by PDF.js, drawn by PDF.js on a Skia canvas and scanned by jsQR: none of
// them shares code with pdfkit or with the writer.
import { describe, expect, it } from 'vitest';
import { findAllStruct, findStruct, readPdf } from '$lib/server/testing/pdf-inspect';
import { A4, createPdf, mm, printableText } from './pdf';
import { qrMatrix } from './qr';

const URL_ = 'https://meedoen.be/geel/acties/1-pleintje?utm_source=poster';

describe('createPdf', () => {
	it('writes a tagged A4 document whose title, language and structure a reader finds', async () => {
		const pdf = createPdf({
			title: 'Affiche: ’t Pleintje & de <Markt>',
			lang: 'nl-BE',
			author: 'Gemeente Geel',
			subject: 'Samen ontharden',
			creationDate: new Date('2025-03-01T10:00:00Z')
		});
		pdf.decoration((g) => g.rect({ left: 0, top: 0, width: A4.width, height: 80 }, '#8a1538'));
		let top = pdf.text(
			'H1',
			'Geel – ’t Pleintje (ontharden) \\ één',
			{ left: 40, top: 100, width: 515 },
			{ size: 24, weight: 'bold' }
		);
		top = pdf.text('P', 'Samen halen we de tegels weg.', { left: 40, top, width: 515 }, { size: 12 });
		pdf.group('L', () => {
			for (const [label, value] of [
				['Wanneer', 'Van 1 maart tot 30 november'],
				['Waar', 'Markt']
			] as const)
				pdf.group('LI', () => {
					pdf.text('Lbl', label, { left: 40, top, width: 100 }, { size: 11, weight: 'bold' });
					top = pdf.text('LBody', value, { left: 150, top, width: 400 }, { size: 11 });
				});
		});
		pdf.text('H2', 'Doe mee', { left: 40, top: top + 10, width: 515 }, { size: 16, weight: 'bold' });
		pdf.link(URL_, 'De pagina van de actie', () =>
			pdf.qrCode(qrMatrix(URL_), { left: 40, top: 560, size: 180 }, `QR-code naar ${URL_}`)
		);
		pdf.group('P', () =>
			pdf.link(URL_, 'De pagina van de actie', () =>
				pdf.text(null, URL_, { left: 240, top: 600, width: 300 }, { size: 10 })
			)
		);
		const bytes = await pdf.toBytes();

		expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');
		const read = await readPdf(bytes);
		expect(read.pageCount).toBe(1);
		const [page] = read.pages;
		expect(page!.view).toEqual([0, 0, 595, 842]);
		expect(read.info).toEqual({
			title: 'Affiche: ’t Pleintje & de <Markt>',
			author: 'Gemeente Geel',
			subject: 'Samen ontharden',
			lang: 'nl-BE'
		});
		expect(read.xmpTitle).toBe('Affiche: ’t Pleintje & de <Markt>');
		expect(read.displayTitle).toBe(true);
		expect(read.tagged).toBe(true);
		expect(page!.lines[0]).toBe('Geel – ’t Pleintje (ontharden) \\ één');
		expect(page!.untaggedText).toEqual([]);

		const document = findStruct(page!.structure, 'Document')!;
		expect(document.children.map((c) => c.role)).toEqual(['H1', 'P', 'L', 'H2', 'Link', 'P']);
		expect(findStruct(document, 'H1')!.text).toBe('Geel – ’t Pleintje (ontharden) \\ één');
		const items = findAllStruct(document, 'LI');
		expect(items.map((li) => li.children.map((c) => `${c.role}: ${c.text}`))).toEqual([
			['Lbl: Wanneer', 'LBody: Van 1 maart tot 30 november'],
			['Lbl: Waar', 'LBody: Markt']
		]);
		const [qrLink, textLink] = findAllStruct(document, 'Link');
		expect(qrLink!.children.map((c) => [c.role, c.alt])).toEqual([['Figure', `QR-code naar ${URL_}`]]);
		expect(qrLink!.objects).toBe(1);
		expect(textLink!.text.replace(/ /g, '')).toBe(URL_);
		expect(textLink!.objects).toBe(1);
		expect(page!.links).toEqual([
			{ url: URL_, label: 'De pagina van de actie' },
			{ url: URL_, label: 'De pagina van de actie' }
		]);
	});

	it('draws what a phone scans, in the colours asked for', async () => {
		const pdf = createPdf({ title: 'QR', lang: 'nl-BE' });
		pdf.decoration((g) => g.rect({ left: 0, top: 0, width: A4.width, height: 80 }, '#8a1538'));
		pdf.qrCode(qrMatrix(URL_), { left: 200, top: 400, size: 150 }, 'QR-code');
		const read = await readPdf(await pdf.toBytes());
		expect(await read.readQrCode(1)).toBe(URL_);
		const image = await read.render(1, 1);
		const at = (x: number, y: number) => [
			...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)
		];
		expect(at(10, 10)).toEqual([0x8a, 0x15, 0x38]);
		expect(at(10, 120)).toEqual([255, 255, 255]);
	});

	it('wraps within the width, breaks a long URL where it must and ends a cut text with "…"', async () => {
		const pdf = createPdf({ title: 'Tekst', lang: 'nl-BE' });
		const style = { size: 12 };
		const sentence = 'Samen ontharden we het pleintje in de Stationsstraat en planten we bomen';
		const url = `https://meedoen.geel.be/geel/acties/${'a'.repeat(80)}`;
		const long = 'een twee drie vier vijf zes zeven acht negen tien elf twaalf';
		expect(pdf.lineCount(sentence, 150, style)).toBeGreaterThan(1);
		expect(pdf.lineCount(long, 120, { size: 20, weight: 'bold', maxLines: 2 })).toBe(2);
		expect(pdf.textWidth('Vergroening', { size: 10, weight: 'bold' })).toBeGreaterThan(
			pdf.textWidth('Vergroening', { size: 10 })
		);
		let top = pdf.text('P', sentence, { left: 40, top: 40, width: 150 }, style);
		top = pdf.text('P', url, { left: 40, top: top + 10, width: 120 }, { size: 10 });
		const beforeCut = top + 10;
		top = pdf.text(
			'P',
			long,
			{ left: 40, top: beforeCut, width: 120 },
			{ size: 20, weight: 'bold', maxLines: 2 }
		);
		expect(top - beforeCut).toBeCloseTo(2 * pdf.lineHeight({ size: 20, weight: 'bold' }), 5);

		const [page] = (await readPdf(await pdf.toBytes())).pages;
		const paragraphs = findAllStruct(page!.structure, 'P');
		expect(paragraphs[0]!.text).toBe(sentence);
		expect(page!.lines.length).toBeGreaterThan(pdf.lineCount(sentence, 150, style) + 2);
		expect(paragraphs[1]!.text.replace(/ /g, '')).toBe(url);
		expect(paragraphs[2]!.text).toMatch(/^een twee .*…$/);
		expect(paragraphs[2]!.text).not.toContain('twaalf');
	});

	it('leaves out what the font cannot draw instead of printing an empty box, and keeps Dutch and French', async () => {
		const pdf = createPdf({ title: 'Tekens', lang: 'nl-BE' });
		pdf.text(
			'P',
			'Plantdag 🌳 op ’t plein: één, ça, Łódź, “€ 5” – ✓',
			{ left: 40, top: 40, width: 515 },
			{ size: 12 }
		);
		const [page] = (await readPdf(await pdf.toBytes())).pages;
		expect(page!.text).toBe('Plantdag op ’t plein: één, ça, Łódź, “€ 5” – ✓');

		const latin1Only = { hasGlyphForCodePoint: (codePoint: number) => codePoint < 0x100 };
		expect(printableText('Café Zoë, Győr ✓ x', latin1Only)).toBe('Café Zoë, Gyor x');
	});

	it('flows a long text onto the next page and keeps it one tagged paragraph', async () => {
		const pdf = createPdf({ title: 'Verslag', lang: 'nl-BE' }, { margin: mm(20) });
		pdf.text(
			'H1',
			'Verslag',
			{ left: mm(20), top: mm(20), width: A4.width - mm(40) },
			{ size: 20, weight: 'bold' }
		);
		const body = Array.from(
			{ length: 120 },
			(_, i) => `Zin ${i + 1} van het verslag over de klimaatacties.`
		).join(' ');
		pdf.text('P', body, { left: mm(20), width: A4.width - mm(40) }, { size: 12 });
		const read = await readPdf(await pdf.toBytes());
		expect(read.pageCount).toBe(2);
		expect(read.pages[0]!.text).toContain('Zin 1 van');
		expect(read.pages[1]!.text).toContain('Zin 120 van');
		for (const page of read.pages) expect(page.untaggedText).toEqual([]);
		const [first, second] = read.pages.map((p) => findAllStruct(p.structure, 'P'));
		expect(first).toHaveLength(1);
		expect(second).toHaveLength(1);
		expect(`${first![0]!.text} ${second![0]!.text}`).toBe(body);
	});
});

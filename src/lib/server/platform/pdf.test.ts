import { describe, expect, it } from 'vitest';
import { readPdf } from '$lib/server/testing/pdf-read';
import { decodeQr } from '$lib/server/testing/qr-decode';
import { createPdfPage, hexToRgb, textWidth, toWinAnsi, wrapText } from './pdf';
import { qrMatrix } from './qr';

describe('toWinAnsi', () => {
	it('keeps Dutch and French letters and typographic punctuation as single WinAnsi codes', () => {
		expect(toWinAnsi('é ë ï ç ’ “” – €')).toEqual([
			0xe9, 0x20, 0xeb, 0x20, 0xef, 0x20, 0xe7, 0x20, 0x92, 0x20, 0x93, 0x94, 0x20, 0x96, 0x20, 0x80
		]);
	});

	it('drops an accent the encoding lacks, uses stand-ins for spaces and dashes, "?" for the rest', () => {
		expect(String.fromCharCode(...toWinAnsi('Łódź ő\u202f\u2011 ✓'))).toBe('?ódz o - ?');
	});
});

describe('wrapText', () => {
	it('breaks at spaces within the width, and cuts a long URL where it must', () => {
		const lines = wrapText('Samen ontharden we het pleintje in de Stationsstraat en planten we bomen', {
			font: 'regular',
			size: 12,
			maxWidth: 150
		});
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(textWidth(line, 'regular', 12)).toBeLessThanOrEqual(150);
		expect(lines.join(' ')).toBe('Samen ontharden we het pleintje in de Stationsstraat en planten we bomen');

		const url = `https://meedoen.geel.be/geel/acties/${'a'.repeat(80)}`;
		const urlLines = wrapText(url, { font: 'regular', size: 10, maxWidth: 120 });
		expect(urlLines.join('')).toBe(url);
	});

	it('ends the last allowed line with an ellipsis when the text is longer', () => {
		const lines = wrapText('een twee drie vier vijf zes zeven acht negen tien elf twaalf', {
			font: 'bold',
			size: 20,
			maxWidth: 120,
			maxLines: 2
		});
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/…$/);
	});

	it('measures bold wider than regular, and an accented letter as its base letter', () => {
		expect(textWidth('Vergroening', 'bold', 10)).toBeGreaterThan(textWidth('Vergroening', 'regular', 10));
		expect(textWidth('é', 'regular', 10)).toBe(textWidth('e', 'regular', 10));
	});
});

describe('createPdfPage', () => {
	it('writes one A4 page whose cross-reference table, text and QR code read back', () => {
		const page = createPdfPage();
		page.rect({ left: 0, top: 0, width: 595, height: 80, colour: hexToRgb('#8a1538') });
		page.text('Geel – ’t Pleintje (ontharden) \\ één', { left: 40, baseline: 50, size: 24, font: 'bold' });
		const url = 'https://meedoen.be/geel/acties/1-pleintje?utm_source=poster';
		page.qr(qrMatrix(url), { left: 40, top: 600, size: 180 });
		page.link({ left: 40, top: 600, width: 180, height: 180 }, url);
		const bytes = page.toBytes({ title: 'Affiche: ’t Pleintje', lang: 'nl-BE' });

		const pdf = readPdf(bytes);
		expect(pdf.raw.startsWith('%PDF-1.4')).toBe(true);
		expect(pdf.pageCount).toBe(1);
		expect(pdf.mediaBox).toEqual([0, 0, 595, 842]);
		expect(pdf.lines).toEqual(['Geel – ’t Pleintje (ontharden) \\ één']);
		expect(decodeQr(pdf.qr!)).toBe(url);
		expect(pdf.links).toEqual([url]);
		expect(pdf.raw).toContain('/Encoding /WinAnsiEncoding');
		expect(pdf.raw).toContain('/Lang (nl-BE)');
	});
});

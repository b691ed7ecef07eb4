// Reads back what platform/pdf.ts writes, for tests: the structure, the text lines and the QR modules.

const FROM_WIN_ANSI: Record<number, string> = {
	0x80: '€',
	0x82: '‚',
	0x83: 'ƒ',
	0x84: '„',
	0x85: '…',
	0x86: '†',
	0x87: '‡',
	0x88: 'ˆ',
	0x89: '‰',
	0x8a: 'Š',
	0x8b: '‹',
	0x8c: 'Œ',
	0x8e: 'Ž',
	0x91: '‘',
	0x92: '’',
	0x93: '“',
	0x94: '”',
	0x95: '•',
	0x96: '–',
	0x97: '—',
	0x98: '˜',
	0x99: '™',
	0x9a: 'š',
	0x9b: '›',
	0x9c: 'œ',
	0x9e: 'ž',
	0x9f: 'Ÿ'
};

export interface ReadPdf {
	raw: string;
	pageCount: number;
	mediaBox: number[];
	/** Each shown string, decoded from WinAnsi, in drawing order. */
	lines: string[];
	/** Modules of the QR code drawn in the /QRCode marked section, or null when there is none. */
	qr: boolean[][] | null;
	/** URIs of the link annotations. */
	links: string[];
}

function decodeLiteral(body: string): string {
	let out = '';
	for (let i = 0; i < body.length; i++) {
		const char = body[i]!;
		if (char !== '\\') {
			out += char;
			continue;
		}
		const next = body[i + 1]!;
		const octal = /^[0-7]{1,3}/.exec(body.slice(i + 1, i + 4));
		if (octal) {
			const code = parseInt(octal[0], 8);
			out += FROM_WIN_ANSI[code] ?? String.fromCharCode(code);
			i += octal[0].length;
		} else {
			out += next;
			i += 1;
		}
	}
	return out;
}

export function readPdf(bytes: Uint8Array): ReadPdf {
	const raw = Buffer.from(bytes).toString('latin1');
	if (!raw.startsWith('%PDF-')) throw new Error('not a PDF');
	// Every cross-reference entry must point at its object.
	const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(raw)?.[1]);
	const xref = raw.slice(startxref);
	if (!xref.startsWith('xref\n')) throw new Error('startxref does not point at the xref table');
	const entries = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
	entries.forEach((offset, i) => {
		if (!raw.startsWith(`${i + 1} 0 obj`, offset)) throw new Error(`xref entry ${i + 1} is off`);
	});
	const streamMatch = /<< \/Length (\d+) >>\nstream\n/.exec(raw);
	if (!streamMatch) throw new Error('no content stream');
	const start = streamMatch.index + streamMatch[0].length;
	const content = raw.slice(start, start + Number(streamMatch[1]));
	if (!raw.startsWith('\nendstream', start + Number(streamMatch[1])))
		throw new Error('stream length is wrong');

	const lines = [...content.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => decodeLiteral(m[1]!));
	let qr: boolean[][] | null = null;
	const section = /\/QRCode BMC q [^\n]*\n([\s\S]*?)\nf Q EMC/.exec(content);
	if (section) {
		const runs = [...section[1]!.matchAll(/^(\d+) (\d+) (\d+) 1 re$/gm)].map((m) => m.slice(1).map(Number));
		const size = Math.max(...runs.map(([x, , w]) => x! + w!), ...runs.map(([, y]) => y! + 1));
		qr = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
		for (const [x, yUp, width] of runs) for (let c = x!; c < x! + width!; c++) qr[size - 1 - yUp!]![c] = true;
	}
	return {
		raw,
		pageCount: [...raw.matchAll(/\/Type \/Page\b(?!s)/g)].length,
		mediaBox: (/\/MediaBox \[([^\]]*)\]/.exec(raw)?.[1] ?? '').split(' ').map(Number),
		lines,
		qr,
		links: [...raw.matchAll(/\/URI \(((?:\\.|[^\\)])*)\)/g)].map((m) => decodeLiteral(m[1]!))
	};
}

// A small QR decoder for tests, written from the standard (ISO/IEC 18004) independently of the generator:
// it reads the format information, removes the mask, checks every Reed–Solomon block (all syndromes
// zero, so a phone needs no error correction to read it) and returns the byte-mode text as UTF-8.
// Level M, versions 1–13 only: what the platform's posters use.

/** Level M: [blocks, total codewords, data codewords] per group, for versions 1–13. */
const BLOCKS_M: number[][] = [
	[1, 26, 16],
	[1, 44, 28],
	[1, 70, 44],
	[2, 50, 32],
	[2, 67, 43],
	[4, 43, 27],
	[4, 49, 31],
	[2, 60, 38, 2, 61, 39],
	[3, 58, 36, 2, 59, 37],
	[4, 69, 43, 1, 70, 44],
	[1, 80, 50, 4, 81, 51],
	[6, 58, 36, 2, 59, 37],
	[8, 59, 37, 1, 60, 38]
];

const EC_LEVEL_BITS = { L: 1, M: 0, Q: 3, H: 2 } as const;

function formatBits(level: number, mask: number): number {
	const data = (level << 3) | mask;
	let rem = data;
	for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
	return ((data << 10) | (rem & 0x3ff)) ^ 0x5412;
}

function alignmentCentres(version: number): number[] {
	if (version === 1) return [];
	const count = Math.floor(version / 7) + 2;
	const size = version * 4 + 17;
	const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
	const centres = [6];
	for (let pos = size - 7; centres.length < count; pos -= step) centres.splice(1, 0, pos);
	return centres;
}

/** Which modules are not data: finders with separators and format areas, timing, alignment, version. */
function functionModules(version: number): boolean[][] {
	const size = version * 4 + 17;
	const fn = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
	const mark = (row: number, column: number, height: number, width: number) => {
		for (let r = row; r < row + height; r++) for (let c = column; c < column + width; c++) fn[r]![c] = true;
	};
	mark(0, 0, 9, 9);
	mark(0, size - 8, 9, 8);
	mark(size - 8, 0, 8, 9);
	mark(6, 0, 1, size);
	mark(0, 6, size, 1);
	const centres = alignmentCentres(version);
	const last = centres.length - 1;
	centres.forEach((r, i) =>
		centres.forEach((c, j) => {
			if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
			mark(r - 2, c - 2, 5, 5);
		})
	);
	if (version >= 7) {
		mark(0, size - 11, 6, 3);
		mark(size - 11, 0, 3, 6);
	}
	return fn;
}

const MASKS: ((row: number, column: number) => boolean)[] = [
	(r, c) => (r + c) % 2 === 0,
	(r) => r % 2 === 0,
	(_r, c) => c % 3 === 0,
	(r, c) => (r + c) % 3 === 0,
	(r, c) => (Math.floor(c / 3) + Math.floor(r / 2)) % 2 === 0,
	(r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
	(r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
	(r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0
];

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Array<number>(512);
const LOG = new Array<number>(256);
{
	let x = 1;
	for (let i = 0; i < 255; i++) {
		EXP[i] = x;
		LOG[x] = i;
		x <<= 1;
		if (x & 0x100) x ^= 0x11d;
	}
	for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}
const gfMul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** A block is a valid Reed–Solomon codeword when the polynomial vanishes at α^0 … α^(ecc-1). */
function blockIsValid(codewords: number[], eccLength: number): boolean {
	for (let i = 0; i < eccLength; i++) {
		const alpha = EXP[i]!;
		let value = 0;
		for (const c of codewords) value = gfMul(value, alpha) ^ c;
		if (value !== 0) return false;
	}
	return true;
}

export class QrDecodeError extends Error {}

/** Decodes `dark[row][column]` (no quiet zone) to the text it holds. */
export function decodeQr(dark: boolean[][]): string {
	const size = dark.length;
	const version = (size - 17) / 4;
	if (!Number.isInteger(version) || version < 1 || version > BLOCKS_M.length)
		throw new QrDecodeError(`unsupported size ${size}`);
	if (dark.some((row) => row.length !== size)) throw new QrDecodeError('matrix is not square');
	const bit = (r: number, c: number) => (dark[r]![c] ? 1 : 0);

	// Both copies of the format information must be the same valid code word.
	let first = 0;
	let second = 0;
	const firstPositions: [number, number][] = [
		...[0, 1, 2, 3, 4, 5].map((i) => [i, 8] as [number, number]),
		[7, 8],
		[8, 8],
		[8, 7],
		...[9, 10, 11, 12, 13, 14].map((i) => [8, 14 - i] as [number, number])
	];
	const secondPositions: [number, number][] = [
		...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => [8, size - 1 - i] as [number, number]),
		...[8, 9, 10, 11, 12, 13, 14].map((i) => [size - 15 + i, 8] as [number, number])
	];
	firstPositions.forEach(([r, c], i) => (first |= bit(r, c) << i));
	secondPositions.forEach(([r, c], i) => (second |= bit(r, c) << i));
	if (first !== second) throw new QrDecodeError('the two copies of the format information differ');
	if (!dark[size - 8]![8]) throw new QrDecodeError('dark module missing');
	let level = -1;
	let mask = -1;
	for (let l = 0; l < 4; l++)
		for (let m = 0; m < 8; m++)
			if (formatBits(l, m) === first) {
				level = l;
				mask = m;
			}
	if (level < 0) throw new QrDecodeError('no valid format information');
	if (level !== EC_LEVEL_BITS.M) throw new QrDecodeError(`error correction level bits ${level}, expected M`);

	// Data modules in the zigzag order, unmasked.
	const fn = functionModules(version);
	const bits: number[] = [];
	for (let right = size - 1; right >= 1; right -= 2) {
		if (right === 6) right = 5;
		for (let vert = 0; vert < size; vert++) {
			for (let j = 0; j < 2; j++) {
				const column = right - j;
				const upward = ((right + 1) & 2) === 0;
				const row = upward ? size - 1 - vert : vert;
				if (fn[row]![column]) continue;
				bits.push(bit(row, column) ^ (MASKS[mask]!(row, column) ? 1 : 0));
			}
		}
	}
	const codewords: number[] = [];
	for (let i = 0; i + 8 <= bits.length; i += 8)
		codewords.push(bits.slice(i, i + 8).reduce((byte, b) => (byte << 1) | b, 0));

	// De-interleave: data codewords column by column over the blocks, then the error correction ones.
	const table = BLOCKS_M[version - 1]!;
	const blocks: { data: number[]; ecc: number[]; dataLength: number; eccLength: number }[] = [];
	for (let g = 0; g < table.length; g += 3)
		for (let n = 0; n < table[g]!; n++)
			blocks.push({ data: [], ecc: [], dataLength: table[g + 2]!, eccLength: table[g + 1]! - table[g + 2]! });
	let k = 0;
	const maxData = Math.max(...blocks.map((b) => b.dataLength));
	for (let i = 0; i < maxData; i++)
		for (const b of blocks) if (i < b.dataLength) b.data.push(codewords[k++]!);
	const maxEcc = Math.max(...blocks.map((b) => b.eccLength));
	for (let i = 0; i < maxEcc; i++) for (const b of blocks) if (i < b.eccLength) b.ecc.push(codewords[k++]!);
	for (const [i, b] of blocks.entries())
		if (!blockIsValid([...b.data, ...b.ecc], b.eccLength))
			throw new QrDecodeError(`Reed–Solomon block ${i} is not a valid code word`);

	// Byte-mode segments until the terminator.
	const data = blocks.flatMap((b) => b.data);
	let position = 0;
	const read = (n: number) => {
		let value = 0;
		for (let i = 0; i < n; i++) {
			const byte = data[position >>> 3] ?? 0;
			value = (value << 1) | ((byte >>> (7 - (position & 7))) & 1);
			position++;
		}
		return value;
	};
	const bytes: number[] = [];
	while (position + 4 <= data.length * 8) {
		const modeIndicator = read(4);
		if (modeIndicator === 0) break;
		if (modeIndicator !== 0b0100) throw new QrDecodeError(`mode ${modeIndicator} is not byte mode`);
		const count = read(version <= 9 ? 8 : 16);
		for (let i = 0; i < count; i++) bytes.push(read(8));
	}
	return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

// Plain-text tables for the terminal.

export function table(headers, rows, { align = [] } = {}) {
	const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
	const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
	const line = (row) =>
		row
			.map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
		'\n'
	);
}

export const fmt = {
	int: (n) => Math.round(n).toLocaleString('en-US'),
	num: (n, digits = 1) => n.toFixed(digits),
	ms: (n) => `${Math.round(n)} ms`,
	kb: (bytes) => `${(bytes / 1024).toFixed(1)} KB`,
	mb: (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`,
	pct: (share) => `${(share * 100).toFixed(2)}%`
};

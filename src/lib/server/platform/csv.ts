// CSV that Excel in Belgium opens as it is: UTF-8 with a byte order mark, semicolons, CRLF, formulas neutralised.
// Every export of the back office writes through here (suggestions, event registrations).

/**
 * One CSV cell: always quoted, quotes doubled. A cell that a spreadsheet would read as a formula (starting
 * with = + - @, or a tab or carriage return before one) gets a leading apostrophe, so it stays text.
 */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '""';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return `"${text.replace(/"/g, '""')}"`;
}

/** Rows as CSV for Excel in Belgium: UTF-8 with a byte order mark, semicolons, CRLF line ends. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
	return '\uFEFF' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

// Text helpers more than one feature needs: slugs for URLs and file names, literal search patterns, HTML
// escaping.

/** `Sint-Jozef & Co.` → `sint-jozef-co`: lower case ASCII letters and digits joined by single hyphens. */
export function slugify(name: string): string {
	return name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** A LIKE pattern matching the text anywhere, with the wildcards in it taken literally. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Text as HTML text or an attribute value (mails, Markdown's raw HTML shown as text). */
export function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

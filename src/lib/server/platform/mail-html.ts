// The HTML every mail of the platform wears: escaping, and one accessible document (the person's language,
// a title, one readable column, system fonts at 16 px, the municipality's colour as a bar with text that
// contrasts with it, a footer) with no images and nothing that loads from elsewhere. Features write the
// body and footer; the plain-text part stays theirs.
import { readableTextOn } from '$lib/domain/colors';
import { escapeHtml } from './text';

export { escapeHtml };

export interface MailDocument {
	/** The language of the text (the locale's code). */
	lang: string;
	/** The mail's subject: the document's title and the article's name. */
	title: string;
	/** "Meedoen Geel" on a bar in the municipality's colour; none when the body brings its own. */
	brand?: { name: string; color: string };
	/** HTML, escaped by the caller. */
	body: string;
	/** HTML, escaped by the caller: why the person gets the mail, preferences, unsubscribing. */
	footer?: string;
}

/** The bar at the top of a mail: the name on the municipality's colour, in a text colour that contrasts. */
export function brandBar(brand: { name: string; color: string }): string {
	return `<div style="background:${brand.color};color:${readableTextOn(brand.color)};padding:16px 20px;font-size:20px;font-weight:bold">${escapeHtml(brand.name)}</div>`;
}

export function mailDocument(doc: MailDocument): string {
	const title = escapeHtml(doc.title);
	const brand = doc.brand ? `${brandBar(doc.brand)}\n` : '';
	const footer = doc.footer
		? `\n<div style="border-top:1px solid #cccccc;padding:12px 20px;font-size:14px;color:#333333">\n${doc.footer}\n</div>`
		: '';
	return `<!doctype html>
<html lang="${escapeHtml(doc.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title></head>
<body style="margin:0;padding:0;background:#ffffff;color:#111111;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">
<div role="article" aria-label="${title}" lang="${escapeHtml(doc.lang)}" style="max-width:640px;margin:0 auto">
${brand}<div style="padding:8px 20px 24px">
${doc.body}
</div>${footer}
</div></body></html>`;
}

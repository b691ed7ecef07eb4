// Markdown written by staff (privacy and accessibility statements) as safe HTML: a strict allowlist, no raw HTML.
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './text';

/**
 * Raw HTML in the Markdown is shown as the text it is, and images as their alt text: the statements are
 * text, and nothing typed into them may load or run anything. Configured once; never changed afterwards.
 */
const marked = new Marked({
	gfm: true,
	breaks: false,
	async: false,
	renderer: {
		html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
		image: (token: Tokens.Image) => escapeHtml(token.text)
	}
});

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function isSafeHref(href: string | undefined): href is string {
	if (!href || !SAFE_HREF.test(href)) return false;
	try {
		const url = new URL(href);
		return ['http:', 'https:', 'mailto:'].includes(url.protocol);
	} catch {
		return false;
	}
}

/** Headings move one level down: the page around the statement has the only h1. */
const shiftHeading = (to: string) => (): sanitizeHtml.Tag => ({ tagName: to, attribs: {} });

const OPTIONS: sanitizeHtml.IOptions = {
	allowedTags: [
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'p',
		'br',
		'hr',
		'ul',
		'ol',
		'li',
		'a',
		'span',
		'em',
		'strong',
		'del',
		'code',
		'pre',
		'blockquote',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td'
	],
	allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['scope'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesByTag: {},
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	disallowedTagsMode: 'discard',
	nonTextTags: [
		'script',
		'style',
		'textarea',
		'option',
		'noscript',
		'iframe',
		'object',
		'template',
		'svg',
		'math'
	],
	transformTags: {
		h1: shiftHeading('h2'),
		h2: shiftHeading('h3'),
		h3: shiftHeading('h4'),
		h4: shiftHeading('h5'),
		h5: shiftHeading('h6'),
		h6: shiftHeading('h6'),
		th: (_tag, attribs) => ({
			tagName: 'th',
			attribs: attribs.scope === 'row' ? { scope: 'row' } : { scope: 'col' }
		}),
		// A link to anywhere but the web or a mail address keeps its text and loses the link.
		a: (_tag, attribs): sanitizeHtml.Tag =>
			isSafeHref(attribs.href)
				? { tagName: 'a', attribs: { href: attribs.href, rel: 'nofollow noopener' } }
				: { tagName: 'span', attribs: {} }
	}
};

/** Markdown to HTML that can be put on a page as it is. */
export function renderMarkdown(markdown: string): string {
	const html = marked.parse(markdown) as string;
	return sanitizeHtml(html, OPTIONS);
}

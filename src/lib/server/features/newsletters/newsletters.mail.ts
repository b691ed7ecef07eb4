// A newsletter as a mail in the municipality's look: accessible HTML (lang, a heading, real links, enough
// contrast) and a plain-text part, no images at all (no tracking pixel, no remote logo), the body's Markdown
// rendered through the platform's sanitiser, and per person the one-click unsubscribe link and its headers.
import { translate, type Locale } from '$lib/i18n';
import { contrastRatio, readableTextOn } from '$lib/domain/colors';
import { newsletterArchivePath, newsletterReference } from '$lib/domain/newsletters';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { MailMessage } from '$lib/server/platform/mail';

export interface NewsletterLook {
	slug: string;
	name: string;
	primaryColor: string;
	accentColor: string;
}

export interface NewsletterContent {
	id: number;
	subject: string;
	body: string;
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The body as HTML in the municipality's look, for the preview and the mail alike. */
export function newsletterHtmlBody(look: NewsletterLook, content: { subject: string; body: string }): string {
	const onPrimary = readableTextOn(look.primaryColor);
	const link = contrastRatio(look.primaryColor, '#ffffff') >= 4.5 ? look.primaryColor : '#111111';
	const body = renderMarkdown(content.body).replace(/<a /g, `<a style="color:${link}" `);
	return `<div style="background:${look.primaryColor};color:${onPrimary};padding:16px 24px;font-size:20px;font-weight:700">${escapeHtml(look.name)}</div>
<div style="padding:8px 24px 24px;line-height:1.5;font-size:16px;color:#111111;border-bottom:4px solid ${look.accentColor}">
<h1 style="font-size:24px;line-height:1.25;margin:16px 0">${escapeHtml(content.subject)}</h1>
${body}
</div>`;
}

/** Markdown as readable plain text: the source is already meant to be read as text. */
function plainText(markdown: string): string {
	return markdown.replace(/<[^>]*>/g, '').trim();
}

export interface NewsletterLinks {
	/** The person's one-click unsubscribe link and its RFC 8058 headers; none for a test to oneself. */
	unsubscribe?: { url: string; headers: Record<string, string> };
	origin: string;
}

export function newsletterMail(
	locale: Locale,
	look: NewsletterLook,
	content: NewsletterContent,
	to: string,
	links: NewsletterLinks,
	options: { municipalityId: string; reference?: string; test?: boolean }
): MailMessage {
	const t = (key: string, params: Record<string, string | number> = {}) =>
		translate(locale, `newsletters.mail.${key}` as Parameters<typeof translate>[1], params);
	const archive = `${links.origin}${newsletterArchivePath(look.slug, content.id)}`;
	const preferences = `${links.origin}/profiel`;
	const subject = options.test ? t('testSubject', { subject: content.subject }) : content.subject;
	const footerLinks = [
		`<a href="${escapeHtml(archive)}" style="color:#111111">${escapeHtml(t('online'))}</a>`,
		`<a href="${escapeHtml(preferences)}" style="color:#111111">${escapeHtml(t('preferences'))}</a>`,
		...(links.unsubscribe
			? [
					`<a href="${escapeHtml(links.unsubscribe.url)}" style="color:#111111">${escapeHtml(t('unsubscribe'))}</a>`
				]
			: [])
	];
	const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f3f3;font-family:Arial, Helvetica, sans-serif">
<div role="article" aria-roledescription="email" aria-label="${escapeHtml(subject)}" lang="nl" style="max-width:640px;margin:0 auto;background:#ffffff">
${options.test ? `<p style="margin:0;padding:8px 24px;background:#fff3cd;color:#111111">${escapeHtml(t('testNote'))}</p>` : ''}
${newsletterHtmlBody(look, content)}
<div style="padding:16px 24px;font-size:14px;line-height:1.5;color:#333333">
<p style="margin:0 0 8px">${escapeHtml(t('why', { name: look.name }))}</p>
<p style="margin:0">${footerLinks.join(' · ')}</p>
</div></div></body></html>`;
	const text = [
		options.test ? `${t('testNote')}\n` : '',
		look.name,
		'',
		content.subject,
		'',
		plainText(content.body),
		'',
		'--',
		t('why', { name: look.name }),
		`${t('online')}: ${archive}`,
		`${t('preferences')}: ${preferences}`,
		...(links.unsubscribe ? [`${t('unsubscribe')}: ${links.unsubscribe.url}`] : [])
	]
		.join('\n')
		.trim();
	return {
		to,
		subject,
		text,
		html,
		headers: links.unsubscribe?.headers,
		municipalityId: options.municipalityId,
		reference: options.reference ?? newsletterReference(content.id)
	};
}

// A newsletter as a mail in the municipality's look: accessible HTML (lang, a heading, real links, enough
// contrast) and a plain-text part, no images at all (no tracking pixel, no remote logo), the body's Markdown
// rendered through the platform's sanitiser, and per person the one-click unsubscribe link and its headers.
import { translate, type Locale } from '$lib/i18n';
import { contrastRatio } from '$lib/domain/colors';
import { newsletterArchivePath, newsletterReference } from '$lib/domain/newsletters';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { MailMessage } from '$lib/server/platform/mail';
import { brandBar, escapeHtml, mailDocument } from '$lib/server/platform/mail-html';
import { PREFERENCES_PATH } from '$lib/server/features/notifications/notifications.service';

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

/** The heading and the body's Markdown as HTML, links in the municipality's colour where it reads well. */
function newsletterContent(look: NewsletterLook, content: { subject: string; body: string }): string {
	const link = contrastRatio(look.primaryColor, '#ffffff') >= 4.5 ? look.primaryColor : '#111111';
	const body = renderMarkdown(content.body).replace(/<a /g, `<a style="color:${link}" `);
	return `<div style="border-bottom:4px solid ${look.accentColor};padding-bottom:16px">
<h1 style="font-size:24px;line-height:1.25;margin:16px 0">${escapeHtml(content.subject)}</h1>
${body}
</div>`;
}

/** The newsletter in the municipality's look as the preview shows it: the mail's bar, then the content. */
export function newsletterHtmlBody(look: NewsletterLook, content: { subject: string; body: string }): string {
	return `${brandBar({ name: look.name, color: look.primaryColor })}
<div style="padding:8px 20px 24px">${newsletterContent(look, content)}</div>`;
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

/**
 * The personal mails of one newsletter: the content (Markdown through the sanitiser) is rendered once, then
 * each person's mail only adds their address and unsubscribe link, so a send to 100,000 renders it once.
 */
export function newsletterMails(
	locale: Locale,
	look: NewsletterLook,
	content: NewsletterContent,
	options: { municipalityId: string; reference?: string; test?: boolean }
): (to: string, links: NewsletterLinks) => MailMessage {
	const contentHtml = newsletterContent(look, content);
	const contentText = plainText(content.body);
	return (to, links) =>
		newsletterMail(locale, look, content, { html: contentHtml, text: contentText }, to, links, options);
}

function newsletterMail(
	locale: Locale,
	look: NewsletterLook,
	content: NewsletterContent,
	rendered: { html: string; text: string },
	to: string,
	links: NewsletterLinks,
	options: { municipalityId: string; reference?: string; test?: boolean }
): MailMessage {
	const t = (key: string, params: Record<string, string | number> = {}) =>
		translate(locale, `newsletters.mail.${key}` as Parameters<typeof translate>[1], params);
	const archive = `${links.origin}${newsletterArchivePath(look.slug, content.id)}`;
	const preferences = `${links.origin}${PREFERENCES_PATH}`;
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
	const html = mailDocument({
		lang: locale,
		title: subject,
		brand: { name: look.name, color: look.primaryColor },
		body: `${options.test ? `<p style="margin:0;padding:8px;background:#fff3cd;color:#111111">${escapeHtml(t('testNote'))}</p>\n` : ''}${rendered.html}`,
		footer: `<p style="margin:0 0 8px">${escapeHtml(t('why', { name: look.name }))}</p>
<p style="margin:0">${footerLinks.join(' · ')}</p>`
	});
	const text = [
		options.test ? `${t('testNote')}\n` : '',
		look.name,
		'',
		content.subject,
		'',
		rendered.text,
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

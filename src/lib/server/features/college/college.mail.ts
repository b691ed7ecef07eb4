// The weekly overview as a mail: a plain-text part and accessible HTML (a table with a caption and header
// cells), in the municipality's colour, Dutch from the catalogue, no images and no tracking.
import { formatDate, formatNumber, translate, type Locale } from '$lib/i18n';
import type { MailMessage } from '$lib/server/platform/mail';
import { escapeHtml as escape, mailDocument } from '$lib/server/platform/mail-html';
import type { WeeklyFigureView } from './college.service';

export function weeklyMail(
	locale: Locale,
	origin: string,
	input: {
		municipality: { id: string; slug: string; name: string; primaryColor: string };
		recipient: { name: string; email: string };
		from: Date;
		until: Date;
		figures: WeeklyFigureView[];
		reference: string;
	}
): MailMessage {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
		translate(locale, key, params);
	const m = input.municipality;
	const from = formatDate(input.from, locale);
	const to = formatDate(input.until, locale);
	const page = `${origin}/${m.slug}/beheer/weekoverzicht`;
	const n = (v: number) => formatNumber(v, locale);
	const lines = input.figures.map((f) =>
		f.previous === null
			? t('college.mail.lineNow', { label: f.label, value: n(f.value) })
			: t('college.mail.line', { label: f.label, value: n(f.value), previous: n(f.previous) })
	);
	const text = [
		t('college.mail.greeting', { name: input.recipient.name }),
		'',
		t('college.mail.intro', { municipality: m.name, from, to }),
		'',
		...lines.map((l) => `- ${l}`),
		'',
		t('college.mail.link'),
		page,
		'',
		t('college.mail.why', { municipality: m.name })
	].join('\n');
	const rows = input.figures
		.map(
			(f) =>
				`<tr><th scope="row" style="text-align:left;padding:4px 8px">${escape(f.label)}</th>` +
				`<td style="text-align:right;padding:4px 8px">${n(f.value)}</td>` +
				`<td style="text-align:right;padding:4px 8px">${f.previous === null ? escape(t('college.notApplicable')) : n(f.previous)}</td></tr>`
		)
		.join('');
	const html = mailDocument({
		lang: locale,
		title: t('college.mail.subject', { municipality: m.name, from }),
		brand: { name: `Meedoen ${m.name}`, color: m.primaryColor },
		body: `<p>${escape(t('college.mail.greeting', { name: input.recipient.name }))}</p>
<p>${escape(t('college.mail.intro', { municipality: m.name, from, to }))}</p>
<table style="border-collapse:collapse">
<caption style="text-align:left;font-weight:bold">${escape(t('college.caption', { from, to }))}</caption>
<thead><tr><th scope="col" style="text-align:left;padding:4px 8px">${escape(t('college.figure'))}</th>
<th scope="col" style="text-align:right;padding:4px 8px">${escape(t('college.thisWeek'))}</th>
<th scope="col" style="text-align:right;padding:4px 8px">${escape(t('college.lastWeek'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p><a href="${escape(page)}">${escape(t('college.mail.link'))}</a></p>`,
		footer: `<p>${escape(t('college.mail.why', { municipality: m.name }))}</p>`
	});
	return {
		to: input.recipient.email,
		subject: t('college.mail.subject', { municipality: m.name, from }),
		text,
		html,
		reference: input.reference,
		municipalityId: m.id
	};
}

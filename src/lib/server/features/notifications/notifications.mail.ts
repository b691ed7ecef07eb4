// The notification mails: one at once, or a digest that bundles many, grouped by municipality and action. In
// Dutch from the catalogue, accessible HTML (a real heading, lists, links that say where they go, colours with
// enough contrast, no images, no tracking pixels) with the same text as plain text, the municipality's colour,
// a link to the preferences and the one-click unsubscribe link in the body and in RFC 8058's headers.
import { translate, type Locale, type MessageKey, type Params } from '$lib/i18n';
import type { NotificationKind } from '$lib/domain/notifications';
import type { MailMessage } from '$lib/server/platform/mail';
import { escapeHtml, mailDocument } from '$lib/server/platform/mail-html';

export const PREFERENCES_PATH = '/profiel/meldingen';
/** The platform's own colour, for a digest that spans municipalities. */
export const PLATFORM_COLOR = '#1f5f3f';

export interface MailItem {
	title: string;
	/** Absolute. */
	url: string;
	municipalityName: string;
	actionTitle: string | null;
}

export interface NotificationMailInput {
	to: string;
	name: string;
	/** immediate: one notification; daily or weekly: a digest. */
	frequency: 'immediate' | 'daily' | 'weekly';
	items: readonly MailItem[];
	/** The municipality whose look the mail wears (its colour); null: the platform's. */
	look: { name: string; color: string } | null;
	origin: string;
	/** Every kind the mail is about, each with its unsubscribe link; the first one is the headers'. */
	unsubscribe: readonly { kind: NotificationKind; url: string; headers: Record<string, string> }[];
	/**
	 * Where a colleague chooses what they follow, per municipality of the mail's colleague notifications:
	 * staff mail carries a way to stop following besides turning the kind off.
	 */
	stopFollowing?: readonly { municipalityName: string; url: string }[];
	reference: string;
	municipalityId?: string;
}

interface Group {
	municipalityName: string;
	actions: { actionTitle: string | null; items: MailItem[] }[];
}

/** Items grouped by municipality, then by action (those of no action last), in the order they came. */
export function groupItems(items: readonly MailItem[]): Group[] {
	const groups: Group[] = [];
	for (const item of items) {
		let group = groups.find((g) => g.municipalityName === item.municipalityName);
		if (!group) groups.push((group = { municipalityName: item.municipalityName, actions: [] }));
		let action = group.actions.find((a) => a.actionTitle === item.actionTitle);
		if (!action) group.actions.push((action = { actionTitle: item.actionTitle, items: [] }));
		action.items.push(item);
	}
	for (const g of groups)
		g.actions.sort((a, b) => Number(a.actionTitle === null) - Number(b.actionTitle === null));
	return groups;
}

export function notificationMail(locale: Locale, input: NotificationMailInput): MailMessage {
	const t = (key: string, params?: Params) => translate(locale, `notifications.${key}` as MessageKey, params);
	const kindName = (kind: NotificationKind) => t(`preferences.kinds.${kind}`);
	const digest = input.frequency !== 'immediate';
	const subject = digest
		? t(input.frequency === 'daily' ? 'mail.subjectDaily' : 'mail.subjectWeekly', {
				count: input.items.length
			})
		: t('mail.subjectOne', { title: input.items[0]?.title ?? '' });
	const intro = digest
		? t('mail.introDigest')
		: t('mail.introOne', { municipality: input.look?.name ?? input.items[0]?.municipalityName ?? '' });
	const preferencesUrl = `${input.origin}${PREFERENCES_PATH}`;
	const groups = groupItems(input.items);
	const brand = {
		name: `Meedoen${input.look ? ` ${input.look.name}` : ''}`,
		color: input.look?.color ?? PLATFORM_COLOR
	};

	// Plain text.
	const lines: string[] = [t('mail.greeting', { name: input.name }), '', intro, ''];
	for (const group of groups) {
		if (digest) lines.push(`== ${group.municipalityName} ==`, '');
		for (const action of group.actions) {
			if (digest) lines.push(action.actionTitle ?? t('mail.other'));
			for (const item of action.items) lines.push(`- ${item.title}`, `  ${item.url}`);
			lines.push('');
		}
	}
	lines.push('--');
	for (const u of input.unsubscribe) lines.push(t('mail.why', { kind: kindName(u.kind) }));
	lines.push(`${t('mail.preferences')}: ${preferencesUrl}`);
	for (const f of input.stopFollowing ?? [])
		lines.push(`${t('mail.stopFollowing', { municipality: f.municipalityName })}: ${f.url}`);
	for (const u of input.unsubscribe)
		lines.push(`${t('mail.unsubscribe', { kind: kindName(u.kind) })}: ${u.url}`);
	lines.push('', t('mail.footer'));

	// HTML: one column, system fonts, text at least 16px, links underlined.
	const link = (url: string, label: string) =>
		`<a href="${escapeHtml(url)}" style="color:#0b4f8a;text-decoration:underline">${escapeHtml(label)}</a>`;
	const body: string[] = [];
	for (const group of groups) {
		if (digest)
			body.push(`<h2 style="font-size:20px;margin:24px 0 8px">${escapeHtml(group.municipalityName)}</h2>`);
		for (const action of group.actions) {
			if (digest)
				body.push(
					`<h3 style="font-size:17px;margin:16px 0 4px">${escapeHtml(action.actionTitle ?? t('mail.other'))}</h3>`
				);
			body.push('<ul style="padding-left:20px;margin:0 0 12px">');
			for (const item of action.items)
				body.push(`<li style="margin:6px 0">${link(item.url, item.title)}</li>`);
			body.push('</ul>');
		}
	}
	const footer = [
		...input.unsubscribe.map(
			(u) => `<p style="margin:4px 0">${escapeHtml(t('mail.why', { kind: kindName(u.kind) }))}</p>`
		),
		`<p style="margin:4px 0">${link(preferencesUrl, t('mail.preferences'))}</p>`,
		...(input.stopFollowing ?? []).map(
			(f) =>
				`<p style="margin:4px 0">${link(f.url, t('mail.stopFollowing', { municipality: f.municipalityName }))}</p>`
		),
		...input.unsubscribe.map(
			(u) => `<p style="margin:4px 0">${link(u.url, t('mail.unsubscribe', { kind: kindName(u.kind) }))}</p>`
		),
		`<p style="margin:12px 0 0">${escapeHtml(t('mail.footer'))}</p>`
	];
	const html = mailDocument({
		lang: locale,
		title: subject,
		brand,
		body: [
			`<h1 style="font-size:22px;margin:16px 0">${escapeHtml(subject)}</h1>`,
			`<p>${escapeHtml(t('mail.greeting', { name: input.name }))}</p>`,
			`<p>${escapeHtml(intro)}</p>`,
			...body
		].join('\n'),
		footer: footer.join('\n')
	});
	return {
		to: input.to,
		subject,
		text: lines.join('\n'),
		html,
		reference: input.reference,
		headers: input.unsubscribe[0]?.headers,
		municipalityId: input.municipalityId
	};
}

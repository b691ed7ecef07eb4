// The suggested plan and texts: the default moments of a subject and their days, the link of each channel with
// its utm tags, and the ready text per channel written in Dutch from the subject (title, summary, date, place,
// link) through the message catalogue. Pure functions: the service hands in the facts and the origin.
import { brusselsDay } from '$lib/server/platform/dates';
import {
	CHANNEL_MEDIUM,
	DEFAULT_CHANNELS_OF_MOMENT,
	SHORT_LINK_PREFIX,
	subjectRef,
	type CommunicationChannel,
	type CommunicationMoment,
	type CommunicationSubjectKind
} from '$lib/domain/communication';
import { TIME_ZONE, intlLocale, translate, type Locale } from '$lib/i18n';

/** What a plan's texts are written from. */
export interface SubjectFacts {
	kind: CommunicationSubjectKind;
	id: number;
	title: string;
	summary: string;
	/** The page for residents, e.g. /geel/activiteiten/3-werkgroep. */
	path: string;
	/** Whether residents can open that page now. */
	isPublic: boolean;
	municipalityName: string;
	publishedAt: Date | null;
	/** An event's start. */
	startsAt: Date | null;
	/** An opportunity's end of the call. */
	closesAt: Date | null;
	/** An action's last day. */
	endsOn: string | null;
	/** Venue and address of an event, the place of an action. */
	place: string | null;
	/** The action's image (an event's or opportunity's action). */
	image: { id: string; alt: string } | null;
}

/** A calendar day plus n days (dates, not instants: no clock change can shift them). */
export function addDays(day: string, n: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return d.toISOString().slice(0, 10);
}

/** The Monday of the week a day lies in (weeks run Monday to Sunday in Belgium). */
export function mondayOf(day: string): string {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
	return addDays(day, -((weekday + 6) % 7));
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The usual moments of a subject, none before today: announce at publication; for an event, invite two weeks
 * before, remind two days before and report back a week after; for a call for suggestions, remind two days
 * before it closes and report back two weeks after; for an action, report back a week after its last day (or
 * in three months when it has none).
 */
export function defaultMoments(
	facts: SubjectFacts,
	today: string
): { kind: CommunicationMoment; dueOn: string }[] {
	const announce = later(facts.publishedAt ? brusselsDay(facts.publishedAt) : today, today);
	const moments: { kind: CommunicationMoment; dueOn: string }[] = [{ kind: 'announce', dueOn: announce }];
	if (facts.kind === 'event' && facts.startsAt) {
		const start = brusselsDay(facts.startsAt);
		moments.push({ kind: 'invite', dueOn: later(addDays(start, -14), announce) });
		moments.push({ kind: 'remind', dueOn: later(addDays(start, -2), announce) });
		moments.push({ kind: 'report', dueOn: later(addDays(start, 7), today) });
	} else if (facts.kind === 'opportunity') {
		const close = facts.closesAt ? brusselsDay(facts.closesAt) : null;
		moments.push({ kind: 'invite', dueOn: later(addDays(announce, 7), today) });
		if (close) {
			moments.push({ kind: 'remind', dueOn: later(addDays(close, -2), announce) });
			moments.push({ kind: 'report', dueOn: later(addDays(close, 14), today) });
		} else moments.push({ kind: 'report', dueOn: addDays(today, 90) });
	} else {
		moments.push({
			kind: 'report',
			dueOn: facts.endsOn ? later(addDays(facts.endsOn, 7), today) : addDays(today, 90)
		});
	}
	return moments;
}

export function defaultChannels(moment: CommunicationMoment): readonly CommunicationChannel[] {
	return DEFAULT_CHANNELS_OF_MOMENT[moment];
}

export interface LinkTags {
	channel: CommunicationChannel;
	moment: CommunicationMoment;
	subject: { kind: CommunicationSubjectKind; id: number };
}

/** The campaign of a subject in utm_campaign: `activiteit-3`. */
export const campaignOf = (subject: LinkTags['subject']) => subjectRef(subject.kind, subject.id);

/** An address with the channel's utm tags set (replacing any there were). */
export function withTags(url: URL, tags: LinkTags): URL {
	const tagged = new URL(url);
	tagged.searchParams.set('utm_source', tags.channel);
	tagged.searchParams.set('utm_medium', CHANNEL_MEDIUM[tags.channel]);
	tagged.searchParams.set('utm_campaign', campaignOf(tags.subject));
	tagged.searchParams.set('utm_content', tags.moment);
	return tagged;
}

/** The subject's page with this channel's tags, absolute. */
export function taggedLink(origin: string, path: string, tags: LinkTags): string {
	return withTags(new URL(path, origin), tags).href;
}

export function shortLink(origin: string, code: string): string {
	return new URL(`${SHORT_LINK_PREFIX}${code}`, origin).href;
}

/** Print shows the short link without its scheme: meedoen.geel.be/k/ab3x9kq. */
export const printedLink = (link: string) => link.replace(/^https?:\/\//, '');

/**
 * Every link to the platform's own pages in a text staff wrote gets this channel's tags, so a link pasted from
 * the address bar still counts where people came from. Short links carry their tags in the redirect.
 */
export function tagOwnLinks(text: string, origin: string, tags: LinkTags): string {
	const own = new RegExp(
		`${origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:[/?#][^\\s<>"'()\\[\\]]*)?`,
		'g'
	);
	return text.replace(own, (found) => {
		const trailing = /[.,;:!?]+$/.exec(found)?.[0] ?? '';
		const raw = trailing ? found.slice(0, -trailing.length) : found;
		let url: URL;
		try {
			url = new URL(raw);
		} catch {
			return found;
		}
		if (url.origin !== origin || url.pathname.startsWith(SHORT_LINK_PREFIX)) return found;
		return withTags(url, tags).href + trailing;
	});
}

/** The first paragraph of a Markdown text as plain text, at most about 300 characters. */
export function plainSummary(markdown: string): string {
	const paragraph =
		markdown
			.replace(/\r\n?/g, '\n')
			.trim()
			.split(/\n\s*\n/)[0] ?? '';
	const plain = paragraph
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/^#+\s*/gm, '')
		.replace(/[*_`>]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > 300 ? `${plain.slice(0, 297).replace(/\s+\S*$/, '')}…` : plain;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = dateFormats.get(key);
	if (!f)
		dateFormats.set(
			key,
			(f = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: TIME_ZONE }))
		);
	return f;
}
const LONG_DAY = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;

/** `zaterdag 10 september 2026 om 19:30` */
function whenOf(locale: Locale, instant: Date): string {
	return translate(locale, 'communication.texts.dateTime', {
		date: format(locale, LONG_DAY).format(instant),
		time: format(locale, { hour: '2-digit', minute: '2-digit' }).format(instant)
	});
}

export interface SuggestedText {
	/** The title of a news item or magazine piece, the subject of a mail; null where the channel has none. */
	subject: string | null;
	body: string;
}

/** Which channels have a title or subject of their own. */
export const CHANNELS_WITH_SUBJECT: readonly CommunicationChannel[] = ['magazine', 'website', 'email'];

/** Which channels carry the short link (typed over from paper, or short in a message) instead of the long one. */
export const CHANNELS_WITH_SHORT_LINK: readonly CommunicationChannel[] = ['whatsapp', 'magazine'];

/** The ready text of one channel at one moment, in the locale's words. */
export function suggestedText(
	locale: Locale,
	facts: SubjectFacts,
	options: { moment: CommunicationMoment; channel: CommunicationChannel; link: string }
): SuggestedText {
	const { moment, channel } = options;
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
		translate(locale, key, params);
	const headline = t(`communication.texts.headline.${moment}`, {
		title: facts.title,
		municipality: facts.municipalityName
	});
	const lines: string[] = [];
	if (facts.startsAt) lines.push(t('communication.texts.when', { date: whenOf(locale, facts.startsAt) }));
	if (facts.place) lines.push(t('communication.texts.where', { place: facts.place }));
	if (facts.closesAt && moment !== 'report')
		lines.push(t('communication.texts.until', { date: format(locale, LONG_DAY).format(facts.closesAt) }));
	// WhatsApp is short: the details on their own lines right under the headline.
	const details =
		channel === 'whatsapp'
			? lines.map((l) => `${l}\n`).join('')
			: lines.length > 0
				? `${facts.summary ? '\n\n' : ''}${lines.join('\n')}`
				: '';
	const link = channel === 'magazine' ? printedLink(options.link) : options.link;
	const body = t(`communication.texts.${channel}`, {
		headline,
		summary: facts.summary,
		details,
		cta: t(`communication.texts.cta.${facts.kind}.${moment}`),
		link,
		municipality: facts.municipalityName
	})
		.replace(/\n{3,}/g, '\n\n')
		.trim();
	return { subject: CHANNELS_WITH_SUBJECT.includes(channel) ? headline : null, body };
}

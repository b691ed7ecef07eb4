// The mails about a registration, in Dutch from the catalogue: confirm your address, you have a place (with
// the .ics invitation), you are on the waitlist, you moved up (with the invitation), you cancelled (with the
// calendar's cancellation when you had a place), the event is cancelled (the same, for everyone registered),
// the reminder the day before (with the invitation again). Each is one MailMessage queued through ctx.queueMail, the
// platform's mail job; the notifications feature can later route them through a person's preferences.
import {
	eventPath,
	invitationLinkPath,
	registrationLinkPath,
	type InvitationAudience
} from '$lib/domain/events';
import { formatDate, formatTime, translate, type Locale } from '$lib/i18n';
import type { MailMessage } from '$lib/server/platform/mail';
import { escapeHtml, mailDocument } from '$lib/server/platform/mail-html';
import { calendarContentType, invitationCalendar } from '$lib/server/platform/ical';
import type { Db } from '$lib/server/db/client';
import { calendarEventOf } from './events.calendar';
import { checkInCodeFor } from './events.check-in';
import type { EventFields } from './events.queries';

export type RegistrationMailKind =
	| 'pending'
	| 'confirmed'
	| 'waitlisted'
	| 'movedUp'
	| 'cancelled'
	/** Staff cancelled the event itself. */
	| 'eventCancelled'
	/** The day before, to who has a place (events.reminders.ts). */
	| 'reminder';

export interface RegistrationMail {
	kind: RegistrationMailKind;
	event: EventFields;
	municipality: { slug: string; name: string };
	recipient: { name: string; email: string };
	companions: number;
	/** The secret of the registration's link (confirm and cancel); absent in the mail after cancelling. */
	token?: string;
	/** 1 for the first on the waitlist. */
	position?: number;
	/** Whether the person had a place before cancelling (their calendar gets the cancellation). */
	hadPlace?: boolean;
	/** The registration: a mail of a confirmed place carries its check-in code (registrationMessage). */
	registrationId?: number;
}

/** The kinds of mail a person with a place shows at the door: they carry the check-in QR code. */
const WITH_CHECK_IN: readonly RegistrationMailKind[] = ['confirmed', 'movedUp', 'reminder'];

/** The inline image's Content-ID. */
const QR_CID = 'aanmelden-qr@meedoen';

/** The plain text as HTML paragraphs (line breaks kept, addresses as links). */
function htmlOf(text: string): string {
	return text
		.split(/\n{2,}/)
		.map(
			(paragraph) =>
				`<p>${escapeHtml(paragraph)
					.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
					.replace(/\n/g, '<br>')}</p>`
		)
		.join('\n');
}

/**
 * The mail about a registration (registrationMail); a mail of a confirmed place (confirmed, moved up, the
 * reminder) also carries the registration's check-in code: a QR code shown inline in an HTML part (a PNG
 * attached under a Content-ID) and its address in the text, so staff at the door scan it and mark the person
 * present (events.check-in.ts).
 */
export async function registrationMessage(
	db: Db,
	locale: Locale,
	origin: string,
	mail: RegistrationMail
): Promise<MailMessage> {
	const message = registrationMail(locale, origin, mail);
	if (!WITH_CHECK_IN.includes(mail.kind) || mail.registrationId === undefined) return message;
	const { url, png } = await checkInCodeFor(db, origin, {
		municipalityId: mail.event.municipalityId,
		municipalitySlug: mail.municipality.slug,
		eventId: mail.event.id,
		registrationId: mail.registrationId
	});
	const text = translate(locale, 'eventRegistration.mail.checkIn.text', { link: url });
	const alt = translate(locale, 'eventRegistration.mail.checkIn.alt', { name: mail.recipient.name });
	const heading = translate(locale, 'eventRegistration.mail.checkIn.heading');
	return {
		...message,
		text: `${message.text}\n\n${text}`,
		html: mailDocument({
			lang: locale,
			title: message.subject,
			body: `${htmlOf(message.text)}
<h2>${escapeHtml(heading)}</h2>
<p><img src="cid:${QR_CID}" width="222" height="222" alt="${escapeHtml(alt)}"></p>
${htmlOf(text)}`
		}),
		attachments: [
			...(message.attachments ?? []),
			{
				filename: 'aanmelden.png',
				content: png.toString('base64'),
				encoding: 'base64',
				contentType: 'image/png',
				cid: QR_CID
			}
		]
	};
}

function whenOf(locale: Locale, event: EventFields): string {
	return translate(locale, 'eventRegistration.when', {
		date: formatDate(event.startsAt, locale),
		start: formatTime(event.startsAt, locale),
		end: formatTime(event.endsAt, locale)
	});
}

function whereOf(locale: Locale, event: EventFields): string {
	const place = [event.venueName, event.address].filter(Boolean).join(', ');
	if (place) return place;
	return event.kind === 'online' || event.onlineUrl ? translate(locale, 'eventRegistration.mail.online') : '';
}

/** The organizer's address in an invitation: the platform's own, which no one answers (replies are not read). */
function organizerAddress(origin: string): string {
	return `noreply@${new URL(origin).hostname}`;
}

export function registrationMail(locale: Locale, origin: string, mail: RegistrationMail): MailMessage {
	const { event, recipient } = mail;
	const t = (key: string, params: Record<string, string | number> = {}) =>
		translate(locale, `eventRegistration.mail.${key}` as Parameters<typeof translate>[1], params);
	const page = `${origin}${eventPath(mail.municipality.slug, event.id, event.slug)}`;
	const link = mail.token ? `${origin}${registrationLinkPath(mail.municipality.slug, mail.token)}` : page;
	const params = {
		name: recipient.name,
		title: event.title,
		when: whenOf(locale, event),
		where: whereOf(locale, event),
		companions: mail.companions > 0 ? t('companions', { count: mail.companions }) : '',
		position: mail.position ?? 0,
		link,
		page
	};
	const message: MailMessage = {
		to: recipient.email,
		subject: t(`${mail.kind}.subject`, params),
		text: t(`${mail.kind}.body`, params)
	};
	const invitation =
		mail.kind === 'confirmed' || mail.kind === 'movedUp' || mail.kind === 'reminder'
			? 'REQUEST'
			: (mail.kind === 'cancelled' || mail.kind === 'eventCancelled') && mail.hadPlace
				? 'CANCEL'
				: null;
	if (invitation) {
		const calendarEvent = {
			...calendarEventOf({ locale }, event, {
				origin,
				municipalitySlug: mail.municipality.slug,
				registration: 'confirmed',
				onlineUrl: event.onlineUrl
			}),
			organizer: { name: event.organiser || mail.municipality.name, email: organizerAddress(origin) }
		};
		const calendar = invitationCalendar(calendarEvent, {
			method: invitation,
			attendee: {
				name: recipient.name,
				email: recipient.email,
				partstat: invitation === 'REQUEST' ? 'ACCEPTED' : 'DECLINED'
			}
		});
		message.attachments = [
			{ filename: 'activiteit.ics', content: calendar, contentType: calendarContentType(invitation) }
		];
	}
	return message;
}

export interface InvitationMail {
	event: EventFields;
	municipality: { slug: string; name: string; primaryColor?: string };
	recipient: { userId: string; name: string; email: string };
	/** Why the person gets it: the audience, and for the list of interest outside the platform how they agreed. */
	audience: InvitationAudience;
	agreed: { on: string; how: string } | null;
	/** The secret of the person's registration link. */
	token: string;
	/** The one-click unsubscribe from invitations (the notifications feature's signed link and headers). */
	unsubscribe: { url: string; headers: Record<string, string> };
	preferencesUrl: string;
}

/**
 * A personal invitation: the event, when and where, and the link that registers its person with one click;
 * the ledger sends it once per event and person (reference event-invitation:<id>).
 */
export function invitationMail(locale: Locale, origin: string, mail: InvitationMail): MailMessage {
	const { event, recipient, municipality } = mail;
	const t = (key: 'subject' | 'body', params: Record<string, string | number>) =>
		translate(locale, `eventInvitations.mail.${key}`, params);
	const why =
		mail.audience === 'offline' && mail.agreed
			? translate(locale, 'eventInvitations.mail.why.offline', {
					municipality: municipality.name,
					date: formatDate(new Date(`${mail.agreed.on}T12:00:00Z`), locale),
					how: mail.agreed.how
				})
			: translate(
					locale,
					mail.audience === 'pool' || mail.audience === 'poolThemes'
						? 'eventInvitations.mail.why.pool'
						: 'eventInvitations.mail.why.platform',
					{ municipality: municipality.name }
				);
	const params = {
		why,
		name: recipient.name,
		municipality: municipality.name,
		title: event.title,
		date: formatDate(event.startsAt, locale),
		when: whenOf(locale, event),
		where: whereOf(locale, event) || '–',
		description: event.description.length > 600 ? `${event.description.slice(0, 600)}…` : event.description,
		link: `${origin}${invitationLinkPath(municipality.slug, mail.token)}`,
		page: `${origin}${eventPath(municipality.slug, event.id, event.slug)}`,
		unsubscribe: mail.unsubscribe.url,
		preferences: mail.preferencesUrl
	};
	const subject = t('subject', params);
	const text = t('body', params).replace(/\n{3,}/g, '\n\n');
	return {
		to: recipient.email,
		subject,
		text,
		html: mailDocument({
			lang: locale,
			title: subject,
			brand: municipality.primaryColor
				? { name: municipality.name, color: municipality.primaryColor }
				: undefined,
			body: htmlOf(text)
		}),
		headers: mail.unsubscribe.headers,
		reference: `event-invitation:${event.id}`,
		municipalityId: event.municipalityId
	};
}

// Events (activiteiten): working groups, action days, information evenings, online and citizen-group sessions
// that people register for. The vocabulary shared by server and browser. "Event" here is the calendar event;
// the platform's domain events (platform/events.ts) are another thing and are always called domain events.
import type { LadderRung } from './ladder';

export const EVENT_KINDS = [
	'workingGroup',
	'actionDay',
	'infoEvening',
	'online',
	'citizenGroupSession'
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A draft is seen by staff only; a cancelled event stays visible, marked, and takes no registrations. */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * `pending`: registered without an account, the e-mail address not yet confirmed (holds no place);
 * `confirmed`: has a place; `waitlisted`: waits for one, in arrival order; `cancelled`: gave it up.
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled'] as const;

/**
 * Whom staff can invite to an event. Always only people who agreed to invitations, each once per event, and
 * nobody already registered. "Agreed to invitations" means, for a person with an account, the pool consent
 * (the consent to be asked to help, given in the profile or after a contribution) still open and invitations
 * not turned off in their mail preferences — whether or not their home is this municipality; for a person of
 * the municipality's list of interest outside the platform, the consent record staff wrote for them (the date
 * and the way they agreed) and invitations not turned off with the mail's one-click link.
 * - pool: the municipality's pool of climate makers (their home municipality, in the pool);
 * - poolThemes: those of the pool interested in one of the themes of the event's action;
 * - active: everyone active on the platform in the municipality in the last 12 months (a suggestion, a
 *   comment, a vote, or a registration for one of its events);
 * - earlierEvents: people who registered for another event of the same action;
 * - suggestions: the authors and supporters of suggestions of the event's opportunity;
 * - offline: the municipality's list of people who showed interest outside the platform (a paper list, a stand).
 */
export const INVITATION_AUDIENCES = [
	'pool',
	'poolThemes',
	'active',
	'earlierEvents',
	'suggestions',
	'offline'
] as const;
/** How far back the "active" audience looks. */
export const ACTIVE_AUDIENCE_MONTHS = 12;
export type InvitationAudience = (typeof INVITATION_AUDIENCES)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const EVENT_QUESTION_TYPES = ['checkbox', 'text'] as const;
export type EventQuestionType = (typeof EVENT_QUESTION_TYPES)[number];

/** A question staff add to the registration form ("Ik breng een spade mee"). */
export interface EventQuestion {
	/** Stable within the event: answers are stored under it. */
	id: string;
	label: string;
	type: EventQuestionType;
}

/** Answers by question id: a checkbox ticked or not, a text as typed. */
export type EventAnswers = Record<string, boolean | string>;

/**
 * The rung an event sits on unless staff choose another: a working group that chooses sits on co-decide (5),
 * an action day on co-produce (4; self-management, 6, when citizens run it), an information evening informs (1).
 */
export const DEFAULT_RUNG_OF_EVENT_KIND = {
	workingGroup: 'codecide',
	actionDay: 'coproduce',
	infoEvening: 'inform',
	online: 'inform',
	citizenGroupSession: 'selfManage'
} as const satisfies Record<EventKind, LadderRung>;

/** At most this many companions per registration, whatever an event allows. */
export const MAX_COMPANIONS_LIMIT = 20;

/** The path of an event's public page: its id, then its slug for people and search engines. */
export function eventPath(municipalitySlug: string, id: number, slug: string): string {
	return `/${municipalitySlug}/activiteiten/${id}${slug ? `-${slug}` : ''}`;
}

/**
 * The page a registration's mailed link opens (confirm the address, see the registration, cancel it). Opening
 * it changes nothing (mail scanners open links); its buttons post.
 */
/** The page a personal invitation links to: one click registers its person. */
export function invitationLinkPath(municipalitySlug: string, token: string): string {
	return `/${municipalitySlug}/activiteiten/uitnodiging?token=${encodeURIComponent(token)}`;
}

export function registrationLinkPath(municipalitySlug: string, token: string): string {
	return `/${municipalitySlug}/activiteiten/inschrijving?token=${encodeURIComponent(token)}`;
}

/**
 * The back-office page staff open by scanning a registration's QR code at the door: who it is, and
 * "Aanwezig melden" (events.check-in.ts signs the code).
 */
export function checkInPath(municipalitySlug: string, eventId: number, code: string): string {
	return `/${municipalitySlug}/beheer/activiteiten/${eventId}/inchecken?code=${encodeURIComponent(code)}`;
}

/** Who proposed an event, as the back office's list filters on it: a citizen group (events.groups.service.ts). */
export const EVENT_ORIGINS = ['group'] as const;

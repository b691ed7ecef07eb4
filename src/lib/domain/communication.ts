// Communication plans: the channels the communication service publishes on, the moments of a plan, what a plan
// is about, and the address of a short link. Shared by server and pages.

/** Where the communication service publishes; each is also the utm_source of the links it carries. */
export const COMMUNICATION_CHANNELS = ['facebook', 'whatsapp', 'magazine', 'website', 'email'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

/** utm_medium per channel: what kind of place a newcomer came from. */
export const CHANNEL_MEDIUM: Record<CommunicationChannel, string> = {
	facebook: 'social',
	whatsapp: 'messaging',
	magazine: 'print',
	website: 'website',
	email: 'email'
};

/** The moments of a plan: announce, invite, remind, report back. */
export const COMMUNICATION_MOMENTS = ['announce', 'invite', 'remind', 'report'] as const;
export type CommunicationMoment = (typeof COMMUNICATION_MOMENTS)[number];

/** The channels a new moment gets unless staff choose others (a magazine appears monthly: no reminders there). */
export const DEFAULT_CHANNELS_OF_MOMENT: Record<CommunicationMoment, readonly CommunicationChannel[]> = {
	announce: COMMUNICATION_CHANNELS,
	invite: COMMUNICATION_CHANNELS,
	remind: ['facebook', 'whatsapp', 'email'],
	report: ['facebook', 'magazine', 'website', 'email']
};

/** What a plan is about: an action, an event, or an opportunity's call for suggestions. */
export const COMMUNICATION_SUBJECTS = ['action', 'event', 'opportunity'] as const;
export type CommunicationSubjectKind = (typeof COMMUNICATION_SUBJECTS)[number];

/** The Dutch word of a subject kind in addresses and campaign names (utm_campaign=actie-12). */
export const SUBJECT_SEGMENT: Record<CommunicationSubjectKind, string> = {
	action: 'actie',
	event: 'activiteit',
	opportunity: 'kans'
};

/** `actie-12` → the subject it names, or null. */
export function parseSubjectRef(value: unknown): { kind: CommunicationSubjectKind; id: number } | null {
	if (typeof value !== 'string') return null;
	const m = /^(actie|activiteit|kans)-(\d{1,9})$/.exec(value.trim());
	if (!m) return null;
	const kind = COMMUNICATION_SUBJECTS.find((k) => SUBJECT_SEGMENT[k] === m[1])!;
	return { kind, id: Number(m[2]) };
}

export function subjectRef(kind: CommunicationSubjectKind, id: number): string {
	return `${SUBJECT_SEGMENT[kind]}-${id}`;
}

/** Short links (for print and messages) live under this path: /k/{code} redirects with the channel's tags. */
export const SHORT_LINK_PREFIX = '/k/';
export const SHORT_CODE_PATTERN = /^[23456789abcdefghjkmnpqrstuvwxyz]{7}$/;

export function isShortLinkPath(pathname: string): boolean {
	return pathname.startsWith(SHORT_LINK_PREFIX);
}

/** Whether a text was marked published, for the week's filter. */
export const PUBLICATION_STATES = ['open', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

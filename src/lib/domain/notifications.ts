// What a person hears about, and how often: the kinds of notification mail and the frequencies one can
// choose per kind. Shared by the server (preferences, digests, newsletters, invitations) and the pages.

/** How often a person wants mail of a kind: at once, bundled in a daily or weekly digest, or not at all. */
export const MAIL_FREQUENCIES = ['immediate', 'daily', 'weekly', 'never'] as const;
export type MailFrequency = (typeof MAIL_FREQUENCIES)[number];

/**
 * - own: what happens to one's own contributions (a suggestion published, answered, chosen; a reply).
 * - following: what one follows or took part in (a supported suggestion, a followed action, an event).
 * - themes: news on the themes one chose in one's municipality.
 * - invitations: invitations to working groups and action days.
 * - newsletters: the municipality's newsletters.
 * - colleague: for staff, what the actions and themes they follow as a colleague bring (updates, decisions,
 *   reports, event logistics). Last in the list: an unsubscribe link carries a kind's position.
 */
export const NOTIFICATION_KINDS = [
	'own',
	'following',
	'themes',
	'invitations',
	'newsletters',
	'colleague'
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Which frequencies a kind offers: newsletters and invitations go out as they are sent, or not. */
export const FREQUENCIES_OF_KIND: Record<NotificationKind, readonly MailFrequency[]> = {
	own: MAIL_FREQUENCIES,
	following: MAIL_FREQUENCIES,
	themes: MAIL_FREQUENCIES,
	invitations: ['immediate', 'never'],
	newsletters: ['immediate', 'never'],
	colleague: MAIL_FREQUENCIES
};

/**
 * The consent a kind needs (a consent record of the profile feature): without it open, the kind's mail is
 * never sent, whatever the frequency says. Own contributions and follows need none: they are about what the
 * person did, and every such mail can be turned off with one click. Nor does a colleague's: it is work mail
 * of staff, who follow as part of their role and can stop following or turn it off at any time.
 */
export const CONSENT_OF_KIND: Partial<Record<NotificationKind, 'updates' | 'pool' | 'newsletters'>> = {
	themes: 'updates',
	invitations: 'pool',
	newsletters: 'newsletters'
};

/**
 * The frequency of a kind the person never chose. Modest: right away only for one's own contributions.
 * For themes the default is the frequency the profile's "Hoe vaak wil je mails krijgen?" holds.
 */
export const DEFAULT_FREQUENCY: Record<Exclude<NotificationKind, 'themes'>, MailFrequency> = {
	own: 'immediate',
	following: 'weekly',
	invitations: 'immediate',
	newsletters: 'immediate',
	// A colleague asked for it by following: work mail, right away.
	colleague: 'immediate'
};

/** Whether a notification still waits for a digest, went out by mail, or is not mailed at all. */
export const NOTIFICATION_MAIL_STATES = ['pending', 'mailed', 'none'] as const;
export type NotificationMailState = (typeof NOTIFICATION_MAIL_STATES)[number];

/**
 * What a notification's Dutch title is made of, kept with it so the list renders without reading the subject
 * again: the subject's title then, its action's, and for a status change the new status.
 */
export interface NotificationParams {
	title: string;
	municipalityName: string;
	actionTitle?: string;
	status?: string;
	/** What exactly changed, as typed by staff (a checklist item of an event's logistics). */
	detail?: string;
}

/**
 * What a notification is about, as the feature that owns the subject tells it: its title and page, its
 * municipality (name and colour for the mail's look) and the action it belongs to.
 */
export interface NoticeSubject {
	municipalityId: string;
	municipalitySlug: string;
	municipalityName: string;
	primaryColor: string;
	title: string;
	path: string;
	actionId: number | null;
	actionTitle: string | null;
}

/**
 * What a notification of a region-scoped event is about (a funder report the region collects): no municipality's
 * page or colour (its mail wears the platform's look); `municipalityName` names who it concerns, the submitting
 * municipality or the region.
 */
export interface RegionNoticeSubject {
	municipalitySlug: null;
	municipalityName: string;
	primaryColor: null;
	title: string;
	path: string;
	actionId: null;
	actionTitle: null;
}

// Newsletters: the statuses one goes through and the audiences staff can choose. Shared by server and pages.

/** draft → scheduled (a time, or now) → sending → sent; a scheduled one can be cancelled (back to a draft). */
export const NEWSLETTER_STATUSES = ['draft', 'scheduled', 'sending', 'sent'] as const;
export type NewsletterStatus = (typeof NEWSLETTER_STATUSES)[number];

/**
 * - pool: everyone whose home municipality is this one (and who wants newsletters);
 * - themes: people interested in one of the chosen themes of this municipality;
 * - action: people who took part in an action (suggestions, votes, comments, follows, event registrations);
 * - events: people registered for an event of this municipality in a date range;
 * - region: everyone whose home municipality lies in this municipality's region (the regional admin only).
 */
export const NEWSLETTER_AUDIENCE_KINDS = ['pool', 'themes', 'action', 'events', 'region'] as const;
export type NewsletterAudienceKind = (typeof NEWSLETTER_AUDIENCE_KINDS)[number];

export type NewsletterAudience =
	| { kind: 'pool' }
	| { kind: 'region' }
	| { kind: 'themes'; themeIds: string[] }
	| { kind: 'action'; actionId: number }
	/** Dates as YYYY-MM-DD, Brussels days, both included. */
	| { kind: 'events'; from: string; to: string };

/** The reference a newsletter's personal mails carry: the delivery ledger is keyed on (it, recipient). */
export function newsletterReference(id: number): string {
	return `newsletter:${id}`;
}

export function newsletterArchivePath(slug: string, id?: number): string {
	return id === undefined ? `/${slug}/nieuwsbrieven` : `/${slug}/nieuwsbrieven/${id}`;
}

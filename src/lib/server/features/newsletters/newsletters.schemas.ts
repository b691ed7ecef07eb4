// Input of the newsletters' back office: the draft (subject, Markdown body, audience), sending now or at a
// Brussels time, the "yes, I am sure" of cancelling, and the list's filters. Dutch message keys per field.
import { z } from 'zod';
import {
	NEWSLETTER_AUDIENCE_KINDS,
	NEWSLETTER_STATUSES,
	type NewsletterAudience
} from '$lib/domain/newsletters';
import { isUuid } from '$lib/domain/ids';
import { brusselsLocalToDate } from '$lib/server/features/opportunities/opportunities.schemas';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 50_000;
export const THEMES_MAX = 50;
export const NEWSLETTERS_PAGE_SIZE = 25;

/**
 * Images in the body: Markdown's ![alt](url), reference definitions used as images and raw <img>. A newsletter
 * carries no image that loads from elsewhere (a remote image tells its server who opened the mail).
 */
const IMAGE = /!\[[^\]]*\]\s*[([]|<\s*img\b|<\s*picture\b|<\s*svg\b|url\s*\(/i;

const day = (error: 'newsletters.errors.from' | 'newsletters.errors.to') =>
	z
		.string({ error })
		.max(20, { error })
		.optional()
		.transform((v, issue) => {
			const raw = (v ?? '').trim();
			const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
			const ok =
				m &&
				!Number.isNaN(Date.parse(`${raw}T00:00:00Z`)) &&
				new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw);
			if (!ok) {
				issue.addIssue({ code: 'custom', message: error });
				return z.NEVER;
			}
			return raw;
		});

export const newsletterSchema = z
	.object({
		subject: z
			.string({ error: 'newsletters.errors.subject' })
			.trim()
			.min(1, { error: 'newsletters.errors.subject' })
			.max(SUBJECT_MAX, { error: 'newsletters.errors.subjectLong' }),
		body: z
			.string({ error: 'newsletters.errors.body' })
			.max(BODY_MAX, { error: 'newsletters.errors.bodyLong' })
			.transform((v) => v.replace(/\r\n?/g, '\n').trim())
			.refine((v) => v.length > 0, { error: 'newsletters.errors.body' })
			.refine((v) => !IMAGE.test(v), { error: 'newsletters.errors.image' }),
		audience: z.enum(NEWSLETTER_AUDIENCE_KINDS, { error: 'newsletters.errors.audience' }),
		themeIds: z.array(z.string()).max(THEMES_MAX).optional().default([]),
		actionId: z.string().max(20).optional().default(''),
		from: z.string().max(20).optional().default(''),
		to: z.string().max(20).optional().default('')
	})
	.transform((v, issue): { subject: string; body: string; audience: NewsletterAudience } => {
		const base = { subject: v.subject, body: v.body };
		switch (v.audience) {
			case 'pool':
			case 'region':
				return { ...base, audience: { kind: v.audience } };
			case 'themes': {
				const themeIds = [...new Set(v.themeIds.filter((id) => isUuid(id)))];
				if (themeIds.length === 0) {
					issue.addIssue({ code: 'custom', path: ['themeIds'], message: 'newsletters.errors.themes' });
					return z.NEVER;
				}
				return { ...base, audience: { kind: 'themes', themeIds } };
			}
			case 'action': {
				const actionId = /^\d{1,9}$/.test(v.actionId.trim()) ? Number(v.actionId.trim()) : 0;
				if (!actionId) {
					issue.addIssue({ code: 'custom', path: ['actionId'], message: 'newsletters.errors.action' });
					return z.NEVER;
				}
				return { ...base, audience: { kind: 'action', actionId } };
			}
			case 'events': {
				const from = day('newsletters.errors.from').safeParse(v.from);
				const to = day('newsletters.errors.to').safeParse(v.to);
				if (!from.success)
					issue.addIssue({ code: 'custom', path: ['from'], message: 'newsletters.errors.from' });
				if (!to.success) issue.addIssue({ code: 'custom', path: ['to'], message: 'newsletters.errors.to' });
				if (!from.success || !to.success) return z.NEVER;
				if (to.data < from.data) {
					issue.addIssue({ code: 'custom', path: ['to'], message: 'newsletters.errors.range' });
					return z.NEVER;
				}
				return { ...base, audience: { kind: 'events', from: from.data, to: to.data } };
			}
		}
	});
export type NewsletterInput = z.output<typeof newsletterSchema>;

/** "Send now" or "schedule" with a Brussels wall-clock time, which must lie in the future. */
export const sendSchema = z
	.object({
		when: z.enum(['now', 'later'], { error: 'newsletters.errors.when' }),
		at: z.string().max(25).optional().default('')
	})
	.transform((v, issue): { at: Date | null } => {
		if (v.when === 'now') return { at: null };
		const at = brusselsLocalToDate(v.at.trim().replace(' ', 'T'));
		if (!at) {
			issue.addIssue({ code: 'custom', path: ['at'], message: 'newsletters.errors.at' });
			return z.NEVER;
		}
		if (at.getTime() <= Date.now()) {
			issue.addIssue({ code: 'custom', path: ['at'], message: 'newsletters.errors.atPast' });
			return z.NEVER;
		}
		return { at };
	});

export const confirmSchema = z.object({
	confirm: z.literal('on', { error: 'newsletters.errors.confirm' })
});

export const newsletterFiltersSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	status: z.enum(NEWSLETTER_STATUSES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1)
});
export type NewsletterFilters = z.output<typeof newsletterFiltersSchema>;

export function newsletterFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}

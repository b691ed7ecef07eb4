// Input of the back office for opportunities (the ways to take part in an action): what its forms may send,
// with Dutch message keys per field, and the Brussels wall-clock time their windows are typed in.
import { z } from 'zod';
import { OPPORTUNITY_KINDS } from '$lib/domain/actions';
import { LADDER_RUNGS } from '$lib/domain/ladder';
import { TIME_ZONE } from '$lib/i18n';
import { TITLE_MAX } from '$lib/server/features/actions/actions.admin.schemas';

export const HOW_TO_MAX = 5_000;

/**
 * Wall-clock time in Brussels (a datetime-local field, yyyy-mm-ddThh:mm) as an instant. Brussels is one or
 * two hours ahead of UTC: of those readings, the one that shows this wall-clock time wins (the earlier one
 * in the doubled hour of autumn); the hour skipped in spring is read as winter time (02:30 becomes 03:30).
 */
export function brusselsLocalToDate(local: string): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((p) => Number(p ?? 0)) as number[];
	const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
	const check = new Date(asUtc);
	if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59) return null;
	const readings = [120, 60]
		.map((offset) => asUtc - offset * 60_000)
		.filter((instant) => instant + brusselsOffsetMinutes(instant) * 60_000 === asUtc);
	return new Date(readings[0] ?? asUtc - 60 * 60_000);
}

const brusselsParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function brusselsFields(instant: number) {
	const parts = Object.fromEntries(
		brusselsParts.formatToParts(new Date(instant)).map((p) => [p.type, p.value])
	) as Record<string, string>;
	return parts;
}

/** Minutes Brussels is ahead of UTC at an instant (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(instant: number): number {
	const p = brusselsFields(instant);
	const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
	return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** An instant as the value of a datetime-local field in Brussels time. */
export function dateToBrusselsLocal(value: Date | null): string {
	if (!value) return '';
	const p = brusselsFields(value.getTime());
	return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const brusselsDateTime = z
	.string({ error: 'actionsAdmin.errors.dateTime' })
	.max(25, { error: 'actionsAdmin.errors.dateTime' })
	.optional()
	.transform((v, issue) => {
		const raw = v?.trim().replace(' ', 'T');
		if (!raw) return null;
		const date = brusselsLocalToDate(raw);
		if (!date) {
			issue.addIssue({ code: 'custom', message: 'actionsAdmin.errors.dateTime' });
			return z.NEVER;
		}
		return date;
	});

export const opportunitySchema = z
	.object({
		title: z
			.string({ error: 'actionsAdmin.errors.opportunityTitleRequired' })
			.trim()
			.min(1, { error: 'actionsAdmin.errors.opportunityTitleRequired' })
			.max(TITLE_MAX, { error: 'actionsAdmin.errors.titleTooLong' }),
		kind: z.enum(OPPORTUNITY_KINDS, { error: 'actionsAdmin.errors.kind' }),
		/** Empty: the usual rung of the kind. */
		rung: z.preprocess(
			(v) => (v === '' || v === undefined || v === null ? null : v),
			z.enum(LADDER_RUNGS, { error: 'actionsAdmin.errors.rung' }).nullable()
		),
		howTo: z
			.string({ error: 'actionsAdmin.errors.howToTooLong' })
			.max(HOW_TO_MAX, { error: 'actionsAdmin.errors.howToTooLong' })
			.optional()
			.transform((v) => (v ?? '').trim()),
		opensAt: brusselsDateTime,
		closesAt: brusselsDateTime
	})
	.superRefine((o, issue) => {
		if (o.opensAt && o.closesAt && o.closesAt <= o.opensAt)
			issue.addIssue({
				code: 'custom',
				path: ['closesAt'],
				message: 'actionsAdmin.errors.closesBeforeOpens'
			});
	});
export type OpportunityInput = z.output<typeof opportunitySchema>;

export const moveSchema = z.object({
	direction: z.enum(['up', 'down'], { error: 'backoffice.errors.invalid' })
});

// Input of the Climate Pact: an outcome staff record on an action or an event, a citizen's own contribution,
// staff's verdict on it, the number of dwellings and the queue's filters. Every message is a catalogue key;
// text loses control characters here as well as in hooks.server.ts.
import { brusselsDay } from '$lib/server/platform/dates';
import { z } from 'zod';
import {
	CITIZEN_PACT_KINDS,
	PACT_FIRST_YEAR,
	PACT_KINDS,
	PACT_LIMITS,
	PACT_MAX,
	PACT_STATUSES,
	type PactKind
} from '$lib/domain/climate-pact';
import { parseId } from '$lib/domain/ids';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import type { MessageKey } from '$lib/i18n';

const key = (k: string) => `climatePactPublic.errors.${k}` as MessageKey;

/** Text as typed: control characters out, trimmed; anything that is no text counts as empty. */
const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

/** A number as a Fleming types it: "120", "2,5", "1.250" or "1 250"; null when empty, undefined when not a number. */
export function readQuantity(raw: string): number | null | undefined {
	let s = raw.replace(/[\s\u00a0]/g, '');
	if (s === '') return null;
	if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
	else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
	if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
	const n = Number(s);
	return Number.isFinite(n) ? n : undefined;
}

const quantity = text.transform((v, ctx) => {
	const n = readQuantity(v);
	if (n === null) {
		ctx.addIssue({ code: 'custom', message: key('quantityRequired') });
		return z.NEVER;
	}
	if (n === undefined) {
		ctx.addIssue({ code: 'custom', message: key('quantityInvalid') });
		return z.NEVER;
	}
	if (n <= 0) {
		ctx.addIssue({ code: 'custom', message: key('quantityPositive') });
		return z.NEVER;
	}
	return n;
});

/** A day from 1 January 2021 (the pact's start) until today; the browser's date field sends an ISO day. */
const day = text.transform((v, ctx) => {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
	if (v === '') {
		ctx.addIssue({ code: 'custom', message: key('dateRequired') });
		return z.NEVER;
	}
	const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
	if (!d || d.toISOString().slice(0, 10) !== v) {
		ctx.addIssue({ code: 'custom', message: key('dateInvalid') });
		return z.NEVER;
	}
	if (Number(m![1]) < PACT_FIRST_YEAR) {
		ctx.addIssue({ code: 'custom', message: key('dateBefore2021') });
		return z.NEVER;
	}
	if (v > brusselsDay()) {
		ctx.addIssue({ code: 'custom', message: key('dateFuture') });
		return z.NEVER;
	}
	return v;
});

const note = text.pipe(z.string().max(PACT_LIMITS.noteMax, { error: key('noteTooLong') }));

/** A quantity within what one entry of this kind can hold, whole where the unit is (trees, points). */
function checkQuantity(
	v: { kind: PactKind; quantity: number },
	who: 'staff' | 'citizen',
	ctx: z.RefinementCtx
): void {
	const max = PACT_MAX[v.kind];
	if (max.whole && !Number.isInteger(v.quantity))
		ctx.addIssue({ code: 'custom', path: ['quantity'], message: key('quantityWhole') });
	else if (v.quantity > max[who])
		ctx.addIssue({
			code: 'custom',
			path: ['quantity'],
			message: key(who === 'staff' ? 'quantityTooLarge' : 'quantityTooLargeCitizen')
		});
	else if (Math.round(v.quantity * 100) !== v.quantity * 100)
		ctx.addIssue({ code: 'custom', path: ['quantity'], message: key('quantityDecimals') });
}

/**
 * What staff record: on which action or event (`target`, "actie:12" or "activiteit:5" from one select), the
 * kind, quantity, day and a note.
 */
export const outcomeSchema = z
	.object({
		target: text.transform((v, ctx) => {
			const m = /^(actie|activiteit):(\d{1,9})$/.exec(v);
			const id = m ? parseId(m[2]!) : null;
			if (!m || id === null) {
				ctx.addIssue({ code: 'custom', message: key('targetRequired') });
				return z.NEVER;
			}
			return { source: m[1] === 'actie' ? ('action' as const) : ('event' as const), id };
		}),
		kind: text.pipe(z.enum(PACT_KINDS as [PactKind, ...PactKind[]], { error: key('kindRequired') })),
		quantity,
		occurredOn: day,
		note
	})
	.superRefine((v, ctx) => checkQuantity(v, 'staff', ctx));
export type OutcomeInput = z.output<typeof outcomeSchema>;

/** A citizen's own contribution: one of the kinds a household can add, with a photo's description. */
export const contributionSchema = z
	.object({
		kind: text.pipe(z.enum(CITIZEN_PACT_KINDS, { error: key('kindRequired') })),
		quantity,
		occurredOn: day,
		note,
		photoAlt: text.pipe(z.string().max(PACT_LIMITS.altMax, { error: key('altTooLong') }))
	})
	.superRefine((v, ctx) => checkQuantity(v, 'citizen', ctx));
export type ContributionInput = z.output<typeof contributionSchema>;

export const refuseSchema = z.object({
	reason: text.pipe(
		z
			.string()
			.min(1, { error: key('reasonRequired') })
			.max(PACT_LIMITS.reasonMax, { error: key('reasonTooLong') })
	)
});

/** The number of dwellings (for the renovation target): a whole number above zero. */
export const dwellingsSchema = z.object({
	dwellings: text.transform((v, ctx) => {
		const n = readQuantity(v);
		if (n === null) {
			ctx.addIssue({ code: 'custom', message: key('dwellingsRequired') });
			return z.NEVER;
		}
		if (n === undefined || !Number.isInteger(n)) {
			ctx.addIssue({ code: 'custom', message: key('dwellingsInvalid') });
			return z.NEVER;
		}
		if (n <= 0) {
			ctx.addIssue({ code: 'custom', message: key('dwellingsPositive') });
			return z.NEVER;
		}
		if (n > PACT_LIMITS.dwellingsMax) {
			ctx.addIssue({ code: 'custom', message: key('dwellingsTooLarge') });
			return z.NEVER;
		}
		return n;
	})
});

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

export const QUEUE_PAGE_SIZE = 25;
export const BULK_MAX = 100;

/** The queue's filters: lenient, an unknown value is left out. */
export const queueFiltersSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	status: z.enum(PACT_STATUSES).optional().catch(undefined),
	kind: z
		.enum(PACT_KINDS as [PactKind, ...PactKind[]])
		.optional()
		.catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1)
});
export type QueueFilters = z.output<typeof queueFiltersSchema>;

/** The reports ticked in the queue: ids only, each once, at most BULK_MAX. */
export const idsSchema = z
	.array(z.unknown(), { error: 'backoffice.errors.invalid' })
	.max(BULK_MAX, { error: 'backoffice.errors.tooMany' })
	.transform((ids) => [...new Set(ids.map(parseId).filter((id): id is number => id !== null))]);

export function pactFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}

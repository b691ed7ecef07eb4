// Input of neighbourhood stories: what a citizen sends in, and what staff change, decide and filter. Every
// message is a catalogue key; text loses control characters (U+0000 first, which PostgreSQL refuses) here as
// well as in hooks.server.ts, so a use case called without a request is just as safe.
import { z } from 'zod';
import { STORY_CREDITS, STORY_LIMITS, STORY_PLACEMENTS, STORY_STATUSES } from '$lib/domain/stories';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { parseId } from '$lib/domain/ids';
import type { MessageKey } from '$lib/i18n';

const E = 'stories.errors';
const A = 'storiesAdmin.errors';
const key = (k: string) => `${E}.${k}` as MessageKey;
const adminKey = (k: string) => `${A}.${k}` as MessageKey;

/** Text as typed: control characters out, trimmed; anything that is no text counts as empty. */
const text = z
	.unknown()
	.optional()
	.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''));

const required = (max: number, empty: MessageKey, tooLong: MessageKey) =>
	text.pipe(z.string().min(1, { error: empty }).max(max, { error: tooLong }));

const optional = (max: number, tooLong: MessageKey) => text.pipe(z.string().max(max, { error: tooLong }));

/** An optional id from a select: empty is none, anything else must be an id. */
const optionalId = (invalid: MessageKey) =>
	text.transform((v, ctx) => {
		if (v === '') return null;
		const id = parseId(v);
		if (id === null) {
			ctx.addIssue({ code: 'custom', message: invalid });
			return z.NEVER;
		}
		return id;
	});

export const submitSchema = z.object({
	title: required(STORY_LIMITS.titleMax, key('titleRequired'), key('titleTooLong')),
	body: required(STORY_LIMITS.bodyMax, key('bodyRequired'), key('bodyTooLong')),
	initiative: required(STORY_LIMITS.initiativeMax, key('initiativeRequired'), key('initiativeTooLong')),
	credit: text.pipe(z.enum(STORY_CREDITS, { error: key('creditRequired') })),
	action: optionalId(key('action')),
	photoAlt: optional(STORY_LIMITS.altMax, key('altTooLong'))
});
export type SubmitInput = z.output<typeof submitSchema>;

/** Staff's light edit before publication: the same limits as the citizen's. */
export const editSchema = z.object({
	title: required(STORY_LIMITS.titleMax, adminKey('titleRequired'), adminKey('titleTooLong')),
	body: required(STORY_LIMITS.bodyMax, adminKey('bodyRequired'), adminKey('bodyTooLong')),
	initiative: required(
		STORY_LIMITS.initiativeMax,
		adminKey('initiativeRequired'),
		adminKey('initiativeTooLong')
	),
	photoAlt: optional(STORY_LIMITS.altMax, adminKey('altTooLong'))
});
export type EditInput = z.output<typeof editSchema>;

export const publishSchema = z
	.object({
		placement: text.pipe(z.enum(STORY_PLACEMENTS, { error: adminKey('placementRequired') })),
		action: optionalId(adminKey('action'))
	})
	.superRefine((v, ctx) => {
		if (v.placement === 'action' && v.action === null)
			ctx.addIssue({ code: 'custom', path: ['action'], message: adminKey('actionRequired') });
	});

export const rejectSchema = z.object({
	reason: required(STORY_LIMITS.reasonMax, adminKey('reasonRequired'), adminKey('reasonTooLong'))
});

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

export const STORIES_PAGE_SIZE = 25;
export const BULK_MAX = 100;

/** The queue's filters: lenient, an unknown value is left out. */
export const storyFiltersSchema = z.object({
	q: z.string().max(200).optional().catch(undefined),
	status: z.enum(STORY_STATUSES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).optional().default(1).catch(1)
});
export type StoryFilters = z.output<typeof storyFiltersSchema>;

/** The stories ticked in the queue: ids only, each once, at most BULK_MAX. */
export const storyIdsSchema = z
	.array(z.unknown(), { error: 'backoffice.errors.invalid' })
	.max(BULK_MAX, { error: 'backoffice.errors.tooMany' })
	.transform((ids) => [...new Set(ids.map(parseId).filter((id): id is number => id !== null))]);

export const bulkRejectSchema = z.object({ ids: storyIdsSchema }).and(rejectSchema);

export function storyFieldOf(path: readonly PropertyKey[]): string {
	return String(path[0] ?? 'form');
}

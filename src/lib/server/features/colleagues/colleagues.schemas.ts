// Input of the colleague's page: its filters (lenient: a value that makes no sense is ignored) and the
// subjects a follow or unfollow names (`a12` an action, `t{uuid}` a theme; anything else is refused).
import { z } from 'zod';
import { isUuid, parseId } from '$lib/domain/ids';

export const COLLEAGUE_PAGE_SIZE = 50;

export const colleagueFiltersSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	kind: z.enum(['actie', 'thema']).optional().catch(undefined),
	state: z.enum(['ja', 'nee']).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type ColleagueFilters = z.output<typeof colleagueFiltersSchema>;

const subjectKey = z.string().transform((value, context) => {
	if (value.startsWith('a')) {
		const id = parseId(value.slice(1));
		if (id !== null) return { kind: 'action' as const, id: String(id) };
	}
	if (value.startsWith('t') && isUuid(value.slice(1))) return { kind: 'theme' as const, id: value.slice(1) };
	context.addIssue({ code: 'custom', message: 'colleagues.errors.subject' });
	return z.NEVER;
});

export const changeFollowsSchema = z.object({
	subjects: z
		.array(subjectKey, { error: 'colleagues.errors.subject' })
		.min(1, { error: 'colleagues.errors.nothingSelected' })
		.max(200, { error: 'backoffice.errors.tooMany' }),
	following: z.boolean()
});

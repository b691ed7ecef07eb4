// Use cases of "Volg als collega": a staff member (a colleague of another department, or anyone with the
// back office here) sees the municipality's actions and themes and follows or stops following them. What
// following brings (updates, decisions, reports, event logistics) is told by the notifications feature's
// handlers, with the audience from colleaguesOfAction below.
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { authorizeMunicipality } from '$lib/server/platform/backoffice';
import { setColleagueFollows } from '$lib/server/platform/subscriptions';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import {
	colleaguesOfActionSql,
	listActionIdsOf,
	listFollowables,
	listThemeIdsOf
} from './colleagues.queries';
import {
	changeFollowsSchema,
	COLLEAGUE_PAGE_SIZE,
	colleagueFiltersSchema,
	type ColleagueFilters
} from './colleagues.schemas';
import { presentFollowable, type FollowableView } from './colleagues.present';

/** The colleagues of an action (following it or one of its themes, staff here now), for notifications. */
export const colleaguesOfAction = colleaguesOfActionSql;

export interface ColleaguePage {
	filters: ColleagueFilters;
	items: FollowableView[];
	total: number;
	page: number;
	pageCount: number;
}

export async function getColleaguePage(
	ctx: Ctx,
	input: RawInput<typeof colleagueFiltersSchema>
): Promise<ColleaguePage> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'backoffice.view');
	const filters = colleagueFiltersSchema.parse(input);
	const { rows, total } = await listFollowables(ctx.db, {
		municipalityId: municipality.id,
		userId: actor.userId,
		q: filters.q || undefined,
		kind: filters.kind === 'actie' ? 'action' : filters.kind === 'thema' ? 'theme' : undefined,
		followed: filters.state === undefined ? undefined : filters.state === 'ja',
		limit: COLLEAGUE_PAGE_SIZE,
		offset: (filters.page - 1) * COLLEAGUE_PAGE_SIZE
	});
	return {
		filters,
		items: rows.map((row) => presentFollowable(municipality.slug, row)),
		total,
		page: filters.page,
		pageCount: Math.max(1, Math.ceil(total / COLLEAGUE_PAGE_SIZE))
	};
}

/**
 * Follows or stops following the chosen actions and themes as a colleague, all or nothing: one that is not of
 * this municipality (or archived) is not found and nothing changes. Returns how many changed.
 */
export async function changeColleagueFollows(
	ctx: Ctx,
	input: RawInput<typeof changeFollowsSchema>
): Promise<{ changed: number }> {
	const { actor, municipality } = await authorizeMunicipality(ctx, 'backoffice.view');
	const { subjects, following } = validateInput(changeFollowsSchema, input);
	const actionIds = [...new Set(subjects.filter((s) => s.kind === 'action').map((s) => Number(s.id)))];
	const themeIds = [...new Set(subjects.filter((s) => s.kind === 'theme').map((s) => s.id))];
	return ctx.db.transaction(async (tx) => {
		const where = { municipalityId: municipality.id };
		const [foundActions, foundThemes] = await Promise.all([
			listActionIdsOf(tx, { ...where, ids: actionIds }),
			listThemeIdsOf(tx, { ...where, ids: themeIds })
		]);
		// Stopping to follow what was archived meanwhile is still fine.
		if ((following && foundActions.length !== actionIds.length) || foundThemes.length !== themeIds.length)
			throw new AppError('not_found', { message: 'colleagues.errors.subject' });
		const who = { municipalityId: municipality.id, userId: actor.userId, following };
		const changed =
			(await setColleagueFollows(tx, { ...who, kind: 'action', ids: following ? foundActions : actionIds })) +
			(await setColleagueFollows(tx, { ...who, kind: 'theme', ids: foundThemes }));
		ctx.log.info({ userId: actor.userId, following, changed }, 'colleague follows changed');
		return { changed };
	});
}

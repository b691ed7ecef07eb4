// The actions feature's part of a municipality's news feeds: the published updates of its public actions (an
// action's own feed: that action's), each linking to the update on the action's page.
import { and, desc, eq, isNotNull, lte } from 'drizzle-orm';
import { actionPath } from '$lib/domain/actions';
import { actionUpdates, actions } from '$lib/server/db/schema';
import type { NewsPart } from '$lib/server/platform/feature';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { translate } from '$lib/i18n';
import { parseSluggedId } from '$lib/domain/ids';
import type { TenantCtx } from '$lib/server/platform/context';
import { notFound } from '$lib/server/platform/errors';
import { atomFeed, gatherNews, type AtomFeed } from '$lib/server/platform/news';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { getPublishedAction, isPublic } from './actions.queries';

export const actionNews: NewsPart = async (db, scope) => {
	const rows = await db
		.select({
			id: actionUpdates.id,
			title: actionUpdates.title,
			body: actionUpdates.body,
			publishedAt: actionUpdates.publishedAt,
			actionId: actions.id,
			actionSlug: actions.slug
		})
		.from(actionUpdates)
		.innerJoin(
			actions,
			and(eq(actions.id, actionUpdates.actionId), eq(actions.municipalityId, actionUpdates.municipalityId))
		)
		.where(
			and(
				eq(actionUpdates.municipalityId, scope.municipalityId),
				scope.actionId === null ? undefined : eq(actionUpdates.actionId, scope.actionId),
				isNotNull(actionUpdates.publishedAt),
				lte(actionUpdates.publishedAt, scope.now),
				isPublic(scope.now)
			)
		)
		.orderBy(desc(actionUpdates.publishedAt), desc(actionUpdates.id))
		.limit(scope.limit);
	return rows.map((r) => ({
		key: `action-update:${r.id}`,
		title: r.title,
		path: `${actionPath(scope.municipalitySlug, r.actionId, r.actionSlug)}#nieuws-${r.id}`,
		published: r.publishedAt!,
		html: renderMarkdown(r.body)
	}));
};

/**
 * The Atom feed of one public action: its updates and the reports of its events (every feature's news of that
 * action). An action that is no public one (a draft, archived, another municipality's, a made-up id) is not
 * found.
 */
export async function actionNewsFeed(
	ctx: TenantCtx,
	input: { unverifiedAction: string; origin: string; now?: Date }
): Promise<AtomFeed> {
	const now = input.now ?? new Date();
	const param = parseSluggedId(input.unverifiedAction);
	if (!param) throw notFound();
	const municipalityId = ctx.tenant.id;
	const [municipality, action] = await Promise.all([
		resolveMunicipality(ctx, { unverifiedSlug: ctx.tenant.slug }),
		getPublishedAction(ctx.db, { municipalityId, id: param.id, now })
	]);
	if (!municipality || !action) throw notFound();
	const pagePath = actionPath(ctx.tenant.slug, action.id, action.slug);
	const items = await gatherNews(ctx.features, ctx.db, {
		municipalityId,
		municipalitySlug: ctx.tenant.slug,
		actionId: action.id,
		locale: ctx.locale,
		now
	});
	const names = { action: action.title, municipality: municipality.municipality.name };
	return atomFeed({
		origin: input.origin,
		selfPath: `${pagePath}/nieuws.atom`,
		pagePath,
		title: translate(ctx.locale, 'news.actionFeedTitle', names),
		subtitle: translate(ctx.locale, 'news.actionFeedSubtitle', names),
		locale: ctx.locale,
		items
	});
}

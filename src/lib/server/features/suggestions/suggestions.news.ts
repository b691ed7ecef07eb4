// The suggestions feature's part of a municipality's news feeds: the municipality's decisions on suggestions
// (a status it chose: gekozen, niet gekozen, in uitvoering, uitgevoerd; and its answers), from each suggestion's
// public story, for the listed suggestions of public actions' maps (an action's own feed: those of its maps).
// Each links to the suggestion's page, where the same story is shown.
import { and, desc, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { translate } from '$lib/i18n';
import { actions, opportunities, suggestionStory, suggestions } from '$lib/server/db/schema';
import type { NewsPart } from '$lib/server/platform/feature';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { suggestionPath } from './suggestions.access';
import { isListed } from './suggestions.queries';

/**
 * At most this many decisions in a feed: a map can have hundreds of suggestions decided in a week, and the feed's
 * 30 entries are also for updates, reports and newsletters.
 */
export const DECISIONS_PER_FEED = 10;

/** The statuses that are a decision of the municipality (published and under review are not). */
const DECIDED = ['chosen', 'notChosen', 'inExecution', 'done'] as const;

export const suggestionNews: NewsPart = async (db, scope) => {
	const rows = await db
		.select({
			id: suggestionStory.id,
			kind: suggestionStory.kind,
			status: suggestionStory.status,
			reason: suggestionStory.reason,
			createdAt: suggestionStory.createdAt,
			suggestionId: suggestions.id,
			slug: suggestions.slug,
			title: suggestions.title,
			answer: suggestions.answer
		})
		.from(suggestionStory)
		.innerJoin(
			suggestions,
			and(
				eq(suggestions.id, suggestionStory.suggestionId),
				eq(suggestions.municipalityId, suggestionStory.municipalityId)
			)
		)
		.innerJoin(
			opportunities,
			and(
				eq(opportunities.id, suggestions.opportunityId),
				eq(opportunities.municipalityId, suggestions.municipalityId)
			)
		)
		.innerJoin(
			actions,
			and(eq(actions.id, opportunities.actionId), eq(actions.municipalityId, opportunities.municipalityId))
		)
		.where(
			and(
				eq(suggestionStory.municipalityId, scope.municipalityId),
				scope.actionId === null ? undefined : eq(actions.id, scope.actionId),
				or(
					and(eq(suggestionStory.kind, 'status'), inArray(suggestionStory.status, [...DECIDED])),
					eq(suggestionStory.kind, 'answered')
				),
				lte(suggestionStory.createdAt, scope.now),
				isListed(),
				isNotNull(actions.publishedAt),
				lte(actions.publishedAt, scope.now),
				isNull(actions.archivedAt)
			)
		)
		.orderBy(desc(suggestionStory.createdAt), desc(suggestionStory.id))
		.limit(Math.min(scope.limit, DECISIONS_PER_FEED));
	return rows.map((r) => {
		const answered = r.kind === 'answered';
		const status = translate(scope.locale, `suggestions.status.${r.status ?? 'published'}`);
		const text = answered ? (r.answer ?? '') : r.reason;
		return {
			key: `suggestion-decision:${r.id}`,
			title: answered
				? translate(scope.locale, 'suggestions.news.answered', { title: r.title })
				: translate(scope.locale, 'suggestions.news.decided', { title: r.title, status }),
			path: suggestionPath(scope.municipalitySlug, { id: r.suggestionId, slug: r.slug }),
			published: r.createdAt,
			html: text.trim()
				? renderMarkdown(text)
				: `<p>${translate(scope.locale, 'suggestions.news.statusNow', { status })}</p>`
		};
	});
};

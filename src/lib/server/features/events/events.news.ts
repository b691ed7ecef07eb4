// The events feature's part of a municipality's news feeds: the published reports (verslagen) of events that
// are no draft (an action's own feed: the reports of its events), each linking to the report on the event's page.
import { and, desc, eq, isNotNull, lte, ne } from 'drizzle-orm';
import { translate } from '$lib/i18n';
import { eventPath } from '$lib/domain/events';
import { events } from '$lib/server/db/schema';
import type { NewsPart } from '$lib/server/platform/feature';
import { renderMarkdown } from '$lib/server/platform/markdown';

export const eventNews: NewsPart = async (db, scope) => {
	const rows = await db
		.select({
			id: events.id,
			slug: events.slug,
			title: events.title,
			report: events.report,
			reportPublishedAt: events.reportPublishedAt
		})
		.from(events)
		.where(
			and(
				eq(events.municipalityId, scope.municipalityId),
				scope.actionId === null ? undefined : eq(events.actionId, scope.actionId),
				ne(events.status, 'draft'),
				isNotNull(events.report),
				isNotNull(events.reportPublishedAt),
				lte(events.reportPublishedAt, scope.now)
			)
		)
		.orderBy(desc(events.reportPublishedAt), desc(events.id))
		.limit(scope.limit);
	return rows.map((r) => ({
		key: `event-report:${r.id}`,
		title: translate(scope.locale, 'events.news.reportTitle', { title: r.title }),
		path: `${eventPath(scope.municipalitySlug, r.id, r.slug)}#report-heading`,
		published: r.reportPublishedAt!,
		html: renderMarkdown(r.report ?? '')
	}));
};

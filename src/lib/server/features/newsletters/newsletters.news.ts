// The newsletters feature's part of a municipality's news feed: its sent newsletters, as archived on the
// platform. Not in an action's own feed (a newsletter is the municipality's).
import { and, desc, eq, isNotNull, lte } from 'drizzle-orm';
import { newsletters } from '$lib/server/db/schema';
import type { NewsPart } from '$lib/server/platform/feature';
import { renderMarkdown } from '$lib/server/platform/markdown';

export const newsletterNews: NewsPart = async (db, scope) => {
	if (scope.actionId !== null) return [];
	const rows = await db
		.select({
			id: newsletters.id,
			subject: newsletters.subject,
			body: newsletters.body,
			sentAt: newsletters.sentAt
		})
		.from(newsletters)
		.where(
			and(
				eq(newsletters.municipalityId, scope.municipalityId),
				eq(newsletters.status, 'sent'),
				isNotNull(newsletters.sentAt),
				lte(newsletters.sentAt, scope.now)
			)
		)
		.orderBy(desc(newsletters.sentAt), desc(newsletters.id))
		.limit(scope.limit);
	return rows.map((r) => ({
		key: `newsletter:${r.id}`,
		title: r.subject,
		path: `/${scope.municipalitySlug}/nieuwsbrieven/${r.id}`,
		published: r.sentAt!,
		html: renderMarkdown(r.body)
	}));
};

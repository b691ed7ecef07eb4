// The events' part of the site-wide search (/zoeken): published events (not drafts, not cancelled) of the
// municipalities asked whose title, description, venue or address matches every word (platform/search.ts, on
// the stored folded column events.search_text with its trigram index). Upcoming ones before past ones.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { eventPath } from '$lib/domain/events';
import { formatDate, translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import { actions, events, municipalities } from '$lib/server/db/schema';
import type { SearchPart } from '$lib/server/platform/feature';
import { matchesSearch, searchRank, type SearchTarget, type SearchTerms } from '$lib/server/platform/search';

const searchTarget: SearchTarget = {
	text: sql`${events.searchText}`,
	title: sql`lower(meedoen_unaccent(${events.title}))`
};

/** Published events matching the words, best first (upcoming before past at equal rank), with the total. */
export async function searchEventRows(
	db: Db,
	params: { municipalityIds: readonly string[]; terms: SearchTerms; now: Date; limit: number }
) {
	if (params.municipalityIds.length === 0) return [];
	return db
		.select({
			id: events.id,
			slug: events.slug,
			title: events.title,
			startsAt: events.startsAt,
			venueName: events.venueName,
			actionTitle: actions.title,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			total: sql<number>`count(*) over ()`.mapWith(Number)
		})
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(
			actions,
			and(eq(actions.id, events.actionId), eq(actions.municipalityId, events.municipalityId))
		)
		.where(
			and(
				inArray(events.municipalityId, [...params.municipalityIds]),
				eq(events.status, 'published'),
				matchesSearch(params.terms, searchTarget)
			)
		)
		.orderBy(
			desc(searchRank(params.terms, searchTarget)),
			sql`${events.endsAt} < ${params.now.toISOString()}::timestamptz`,
			asc(events.startsAt),
			asc(events.id)
		)
		.limit(params.limit);
}

export const searchEvents: SearchPart['find'] = async (ctx, input) => {
	const rows = await searchEventRows(ctx.db, input);
	return {
		total: rows[0]?.total ?? 0,
		hits: rows.map((r) => ({
			title: r.title,
			href: eventPath(r.municipalitySlug, r.id, r.slug),
			summary: [
				translate(ctx.locale, 'events.searchWhen', { date: formatDate(r.startsAt, ctx.locale) }),
				r.venueName
			]
				.filter(Boolean)
				.join(' · '),
			context: r.actionTitle ?? '',
			municipalityName: r.municipalityName
		}))
	};
};

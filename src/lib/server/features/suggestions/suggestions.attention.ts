// What waits for a moderator, for the back office's home and the count in its menu: suggestions and comments
// to approve, reports to look at, and citizens' comments that no official answer has followed yet.
import type { AttentionItem, AttentionPart, AttentionScope } from '$lib/server/platform/feature';
import { countModerationWork, listCommentsToAnswer } from './suggestions.admin.queries';

const DAY = 86_400_000;
/** Comments older than this are no longer "new" (they stay on the suggestion's page). */
const ANSWER_WINDOW_DAYS = 30;
const ANSWER_LINKS = 5;

const may = (scope: AttentionScope) => scope.abilities.has('content.moderate');

export const suggestionsAttention: AttentionPart = {
	async waiting(db, scope) {
		if (!may(scope)) return 0;
		const work = await countModerationWork(db, { municipalityId: scope.municipalityId });
		return work.suggestions.count + work.comments.count + work.reports.count;
	},

	async items(db, scope) {
		if (!may(scope)) return [];
		const queue = `/${scope.slug}/beheer/suggesties`;
		const [work, toAnswer] = await Promise.all([
			countModerationWork(db, { municipalityId: scope.municipalityId }),
			listCommentsToAnswer(db, {
				municipalityId: scope.municipalityId,
				after: new Date(scope.now.getTime() - ANSWER_WINDOW_DAYS * DAY),
				limit: ANSWER_LINKS
			})
		]);
		const iso = (d: Date | null) => d?.toISOString() ?? null;
		const answer = toAnswer.suggestions.map((s) => ({
			label: `${s.title} (${s.comments})`,
			href: `${queue}/${s.id}-${s.slug}`
		}));
		const items: AttentionItem[] = [
			{
				id: 'suggestions.waiting',
				label: 'backoffice.attention.suggestionsWaiting',
				count: work.suggestions.count,
				since: iso(work.suggestions.since),
				href: `${queue}?wat=waiting`
			},
			{
				id: 'suggestions.commentsWaiting',
				label: 'backoffice.attention.commentsWaiting',
				count: work.comments.count,
				since: iso(work.comments.since),
				href: `${queue}?wat=waiting`
			},
			{
				id: 'suggestions.reports',
				label: 'backoffice.attention.reports',
				count: work.reports.count,
				since: iso(work.reports.since),
				href: `${queue}?wat=reported`
			},
			{
				id: 'suggestions.toAnswer',
				label: 'backoffice.attention.commentsToAnswer',
				count: toAnswer.comments,
				since: iso(toAnswer.suggestions[0]?.since ?? null),
				href: answer[0]?.href ?? queue,
				links: answer
			}
		];
		return items;
	}
};

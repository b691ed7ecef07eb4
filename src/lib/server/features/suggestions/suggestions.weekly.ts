// The suggestions' part of the aldermen's weekly overview: what came in, the support it got, and what
// waits for the moderators at the end of the week and since when.
import type { WeeklyPart } from '$lib/server/platform/feature';
import { countModerationWork } from './suggestions.admin.queries';
import { countSuggestionsWeek } from './suggestions.weekly.queries';

export const suggestionsWeekly: WeeklyPart = {
	async figures(db, scope) {
		const [week, work] = await Promise.all([
			countSuggestionsWeek(db, scope),
			countModerationWork(db, { municipalityId: scope.municipalityId })
		]);
		const queue = `/${scope.slug}/beheer/suggesties`;
		const oldest = [work.suggestions.since, work.comments.since]
			.filter((d): d is Date => d !== null)
			.sort((a, b) => a.getTime() - b.getTime())[0];
		return [
			{
				id: 'suggestions.new',
				label: 'college.figures.suggestionsNew',
				value: week.suggestions.now,
				previous: week.suggestions.before,
				href: queue,
				ability: 'content.moderate'
			},
			{
				id: 'suggestions.votes',
				label: 'college.figures.votes',
				value: week.votes.now,
				previous: week.votes.before,
				href: queue,
				ability: 'content.moderate'
			},
			{
				id: 'suggestions.comments',
				label: 'college.figures.comments',
				value: week.comments.now,
				previous: week.comments.before,
				href: queue,
				ability: 'content.moderate'
			},
			{
				id: 'suggestions.waiting',
				label: 'college.figures.moderationWaiting',
				value: work.suggestions.count + work.comments.count,
				previous: null,
				since: oldest?.toISOString() ?? null,
				href: `${queue}?wat=waiting`,
				ability: 'content.moderate'
			}
		];
	}
};

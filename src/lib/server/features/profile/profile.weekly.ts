// The profile's part of the aldermen's weekly overview: people who joined the municipality's pool of
// climate makers (gave the pool consent with the municipality as their home).
import type { WeeklyPart } from '$lib/server/platform/feature';
import { countPoolJoinsWeek } from './profile.queries';

export const profileWeekly: WeeklyPart = {
	async figures(db, scope) {
		const joins = await countPoolJoinsWeek(db, scope);
		return [
			{
				id: 'profile.poolNew',
				label: 'college.figures.poolNew',
				value: joins.now,
				previous: joins.before,
				href: `/${scope.slug}/beheer`
			}
		];
	}
};

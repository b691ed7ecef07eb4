// The events' part of the aldermen's weekly overview: registrations and reports of the week, and what is
// coming in the next two weeks with the places taken.
import type { WeeklyPart } from '$lib/server/platform/feature';
import { countEventsWeek } from './events.weekly.queries';

const AHEAD_DAYS = 14;

export const eventsWeekly: WeeklyPart = {
	async figures(db, scope) {
		const aheadUntil = new Date(scope.to.getTime() + AHEAD_DAYS * 86_400_000);
		const week = await countEventsWeek(db, { ...scope, aheadUntil });
		const list = `/${scope.slug}/beheer/activiteiten`;
		return [
			{
				id: 'events.registrations',
				label: 'college.figures.registrations',
				value: week.registrations.now,
				previous: week.registrations.before,
				href: list
			},
			{
				id: 'events.upcoming',
				label: 'college.figures.upcomingEvents',
				value: week.upcoming,
				previous: null,
				href: list
			},
			{
				id: 'events.places',
				label: 'college.figures.upcomingPlaces',
				value: week.places,
				previous: null,
				href: list
			},
			{
				id: 'events.reports',
				label: 'college.figures.reports',
				value: week.reports.now,
				previous: week.reports.before,
				href: list
			}
		];
	}
};

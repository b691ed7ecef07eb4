// The events feature: working groups, action days and other events (activiteiten) people register for, with a
// waitlist. "Event" is the calendar event; the platform's domain events are another thing.
import { eventsDataset } from './events.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { eventsWidget } from './events.widgets';
import { seedDemoEvents } from './events.demo';
import { seedCalendarFeedSecret } from './events.calendar';
import { checkInSecret } from './events.check-in';
import { resendBriefingOnChange } from './events.logistics.service';
import { eventsApi } from './events.openapi';
import { searchEvents } from './events.search';
import { eraseEventData, exportEventData } from './events.personal-data';
import { forgetUnconfirmedRegistrations } from './events.registrations.service';
import { eventNews } from './events.news';
import { moveUpWaitlists, REMINDER_JOB, sendEventReminders } from './events.reminders';
import { eventsWeekly } from './events.weekly';
import { eventsActivity } from './events.activity';
import { eventsAttention } from './events.attention';

export const eventsFeature = defineFeature({
	name: 'events',
	abilities: ['backoffice.view', 'workingGroups.prepare', 'content.communicate'],
	// The secrets behind people's calendar links (events.calendar.ts) and the check-in codes of their mails
	// (events.check-in.ts), made once per installation.
	seed: async (db) => {
		await seedCalendarFeedSecret(db);
		await checkInSecret(db);
	},
	api: [eventsApi],
	// Events hang off the demo actions and their opportunities.
	demo: { after: ['actions'], load: (tx) => seedDemoEvents(tx) },
	// "Download mijn gegevens" and deleting an account: the person's registrations, with or without the account.
	personalData: { export: exportEventData, erase: eraseEventData },
	// The reminder the day before, to everyone with a place, once (events.reminders.ts).
	jobs: {
		[REMINDER_JOB]: async (_data, ctx) => {
			await sendEventReminders(ctx);
			await moveUpWaitlists(ctx);
		}
	},
	hourly: [REMINDER_JOB],
	// Its figures in the aldermen's weekly overview.
	weekly: eventsWeekly,
	// The person's registrations on "Mijn activiteit".
	activity: eventsActivity,
	// The news feeds: published reports.
	news: eventNews,
	// Registrations whose address was never confirmed are forgotten after a week.
	housekeeping: ({ db }) => forgetUnconfirmedRegistrations({ db }),
	// A change of time or place sends the logistics briefing again to the colleagues on the checklist.
	handlers: [resendBriefingOnChange],
	// Published events in the site-wide search (/zoeken).
	search: { kind: 'events', find: searchEvents },
	widgets: [eventsWidget],
	openData: [eventsDataset],
	// The back office's home: events citizen groups proposed, waiting to be published (events.attention.ts).
	attention: eventsAttention
});

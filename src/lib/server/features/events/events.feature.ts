// The events feature: working groups, action days and other events (activiteiten) people register for, with a
// waitlist. "Event" is the calendar event; the platform's domain events are another thing.
import { defineFeature } from '$lib/server/platform/feature';
import { seedDemoEvents } from './events.demo';

export const eventsFeature = defineFeature({
	name: 'events',
	abilities: ['backoffice.view', 'workingGroups.prepare', 'content.communicate'],
	// Events hang off the demo actions and their opportunities.
	demo: { after: ['actions'], load: (tx) => seedDemoEvents(tx) }
});

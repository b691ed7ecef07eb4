// Domain events of events (the calendar kind), written in the transaction of the change (see platform/events.ts).
// The subject is the event; handlers tell registered people (mails with .ics updates) and refresh feeds.
export {};

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		'event.created': { subject: 'event'; payload: object };
		/** Which fields changed; `sequence` is the event's iCalendar SEQUENCE after the change. */
		'event.updated': { subject: 'event'; payload: { fields: string[]; sequence: number } };
		'event.published': { subject: 'event'; payload: { sequence: number } };
		/** Everyone registered or waitlisted is to be told (a METHOD:CANCEL invitation with this sequence). */
		'event.cancelled': {
			subject: 'event';
			payload: { sequence: number; confirmed: number; waitlisted: number; pending: number };
		};
	}
}

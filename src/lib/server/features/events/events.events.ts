// Domain events of events (the calendar kind) and their registrations, written in the transaction of the
// change (see platform/events.ts). The subject of an event's is the event; handlers tell registered people
// (mails with .ics updates) and refresh feeds. The subject of a registration's is the registration:
// notifications, reminders and counters will read them.
import type { InvitationAudience, RegistrationStatus } from '$lib/domain/events';

/** What changed on an event's logistics checklist. */
export type LogisticsChange = 'added' | 'edited' | 'done' | 'undone' | 'removed';

/** Why a registration's status changed. */
export type RegistrationChange = 'email_confirmed' | 'moved_up' | 'cancelled' | 'event_cancelled';

/** Which group proposed the event, and who of it (null once the account is gone). */
export interface GroupProposalPayload {
	groupId: number;
	proposedBy: string | null;
}

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		'event.created': { subject: 'event'; payload: object };
		/** Which fields changed; `sequence` is the event's iCalendar SEQUENCE after the change. */
		'event.updated': { subject: 'event'; payload: { fields: string[]; sequence: number } };
		'event.published': { subject: 'event'; payload: { sequence: number } };
		/**
		 * The municipality published or cancelled an event a citizen group proposed (events.groups.service.ts):
		 * the group's coordinators and the member who proposed it hear of it (notifications.groups.ts).
		 */
		'event.group_proposal_published': { subject: 'event'; payload: GroupProposalPayload };
		'event.group_proposal_cancelled': { subject: 'event'; payload: GroupProposalPayload };
		/** Everyone registered or waitlisted is to be told (a METHOD:CANCEL invitation with this sequence). */
		'event.cancelled': {
			subject: 'event';
			payload: { sequence: number; confirmed: number; waitlisted: number; pending: number };
		};
		/**
		 * The report was published: the suggestions it chose (each moved to chosen, with its own
		 * `suggestion.status_changed`) and how many came.
		 */
		'event.report_published': {
			subject: 'event';
			payload: { chosen: number[]; attendance: number | null };
		};
		/**
		 * "Briefing sturen": the briefing went to the colleagues on the event's checklist (how many addresses).
		 * Colleagues who follow the event's action or theme hear of it (notifications).
		 */
		'event.briefing_sent': { subject: 'event'; payload: { recipients: number } };
		/** The logistics checklist changed: an item added, edited, ticked done or back, or removed. */
		'event.logistics_changed': {
			subject: 'event';
			payload: { change: LogisticsChange; item: number; text: string };
		};
		/**
		 * Invitations went out to an audience: the people invited in this change are the event's invitations
		 * written at this event's moment (invitedPeopleSql), who see it in their notifications.
		 */
		'event.invitations_sent': {
			subject: 'event';
			payload: { audience: InvitationAudience; invited: number };
		};
		/** A new registration: pending (address to confirm), confirmed or waitlisted; the actor is the account. */
		'registration.created': {
			subject: 'registration';
			payload: { eventId: number; status: RegistrationStatus; companions: number };
		};
		/**
		 * The reminder the day before was queued for this confirmed registration, in the same transaction as
		 * its mail's job (events.reminders.ts): the record that it is never sent again.
		 */
		'registration.reminded': { subject: 'registration'; payload: { eventId: number; sequence: number } };
		'registration.status_changed': {
			subject: 'registration';
			payload: {
				eventId: number;
				from: RegistrationStatus;
				to: RegistrationStatus;
				reason: RegistrationChange;
			};
		};
	}
}

// The audit actions of events: what staff did to an event and its registrations.
export {};

declare module '$lib/server/platform/audit' {
	interface AuditActionMap {
		'event.created': true;
		'event.updated': true;
		'event.cancelled': true;
		'event.registrations_exported': true;
		'event.checked_in': true;
		/** The report saved as a draft, or its text changed after publication. */
		'event.report_saved': true;
		'event.report_published': true;
		/** A photo added to the report (with its alt text) or removed from it. */
		'event.report_photo_added': true;
		'event.report_photo_removed': true;
		/** A checklist item added, edited or removed (logistics). */
		'event.checklist_changed': true;
		'event.briefing_sent': true;
		/** Invitations sent to an audience (how many, which audience). */
		'event.invitations_sent': true;
		/** People added to the list of interest outside the platform (how many, the day and way they agreed). */
		'event.offline_interest_added': true;
		/** Someone removed from that list (the entry's number; the person is deleted). */
		'event.offline_interest_removed': true;
		/** An official (alderman, civil servant) added to or taken off the event's attendees. */
		'event.officials_changed': true;
	}
}

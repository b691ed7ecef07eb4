// Domain events of the funder reports, written in the transaction of the change (see platform/events.ts).
// Region-scoped: a programme belongs to the region, and the region itself may be the one that submits (as the
// project holder), so the event names the region and, when a municipality submitted, that municipality.
export {};

declare module '$lib/server/platform/events' {
	interface DomainEventMap {
		/** An interim report was submitted (locked); the programme's named reviewers are asked to judge it. */
		'funder_report.submitted': {
			subject: 'funder_report';
			scope: 'region';
			payload: { programmeId: number; periodKey: string; periodLabel: string };
		};
	}
}

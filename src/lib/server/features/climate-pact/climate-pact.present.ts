// What leaves the server about the Climate Pact, field by field: staff see notes, photos and who reported;
// a citizen sees their own reports with the status and the reason of a refusal; the public sees totals only.
import type { PactKind, PactSource, PactStatus } from '$lib/domain/climate-pact';
import type { OutcomeRow } from './climate-pact.queries';

export interface OutcomeView {
	id: number;
	source: PactSource;
	/** The action or event it was recorded on, with its title (null once that was deleted). */
	on: { kind: 'action' | 'event'; id: number; title: string } | null;
	kind: PactKind;
	quantity: number;
	occurredOn: string;
	note: string;
	status: PactStatus;
	createdAt: string;
}

export function presentOutcome(row: OutcomeRow): OutcomeView {
	const on =
		row.actionId !== null && row.actionTitle !== null
			? { kind: 'action' as const, id: row.actionId, title: row.actionTitle }
			: row.eventId !== null && row.eventTitle !== null
				? { kind: 'event' as const, id: row.eventId, title: row.eventTitle }
				: null;
	return {
		id: row.id,
		source: row.source,
		on,
		kind: row.kind,
		quantity: row.quantity,
		occurredOn: row.occurredOn,
		note: row.note,
		status: row.status,
		createdAt: row.createdAt.toISOString()
	};
}

export interface ContributionAdminView extends OutcomeView {
	/** The citizen's public name; null after the account was deleted. */
	authorName: string | null;
	photo: { alt: string } | null;
	refuseReason: string | null;
	decidedAt: string | null;
}

export function presentContributionAdmin(row: OutcomeRow): ContributionAdminView {
	return {
		...presentOutcome(row),
		authorName: row.authorName,
		photo: row.photoId ? { alt: row.photoAlt ?? '' } : null,
		refuseReason: row.refuseReason,
		decidedAt: row.decidedAt?.toISOString() ?? null
	};
}

export interface OwnContributionView {
	id: number;
	kind: PactKind;
	quantity: number;
	occurredOn: string;
	note: string;
	status: PactStatus;
	refuseReason: string | null;
	hasPhoto: boolean;
	createdAt: string;
}

export function presentOwnContribution(row: OutcomeRow): OwnContributionView {
	return {
		id: row.id,
		kind: row.kind,
		quantity: row.quantity,
		occurredOn: row.occurredOn,
		note: row.note,
		status: row.status,
		refuseReason: row.status === 'refused' ? row.refuseReason : null,
		hasPhoto: row.photoId !== null,
		createdAt: row.createdAt.toISOString()
	};
}

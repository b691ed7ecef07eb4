// Events that citizen groups organise on their own actions (issue 19: a repair café day, a planting day). The
// groups feature decides who may (the group's coordinator, or the municipality's coaching staff) and calls
// these in its own use case; the event is written as a staff-created event is (the same form's checks, the
// iCalendar uid, the action day's checklist, the audit row and `event.created`), but always as a draft: the
// municipality's staff who manage events publish it from the events' back office, as they publish their own
// drafts. An event invites people in the municipality's name, takes registrations and mails them, so it is
// public only once the municipality has approved it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import { events } from '$lib/server/db/schema';
import { writeAudit } from '$lib/server/platform/audit';
import { writeDomainEvent } from '$lib/server/platform/events';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { slugify } from '$lib/server/platform/text';
import { DEFAULT_RUNG_OF_EVENT_KIND, eventPath, type EventStatus } from '$lib/domain/events';
import { newEventUid } from './events.service';
import { insertEvent } from './events.queries';
import { insertChecklistItems } from './events.logistics.queries';
import { defaultChecklist } from './events.logistics.service';
import { eventFieldOf, eventSchema } from './events.admin.schemas';

/** The kinds of event a group organises itself (no online meeting: its link is staff's to hand out). */
export const GROUP_EVENT_KINDS = ['actionDay', 'infoEvening', 'workingGroup', 'citizenGroupSession'] as const;

/** What a group's form sends: the event's own fields; action, status and organiser are the group's. */
export type GroupEventInput = Pick<
	RawInput<typeof eventSchema>,
	| 'kind'
	| 'title'
	| 'description'
	| 'startsAt'
	| 'endsAt'
	| 'venueName'
	| 'address'
	| 'accessibility'
	| 'whatToBring'
	| 'capacity'
	| 'registrationDeadline'
>;

/** Checks a group's event form with the back office's own schema (every field's Dutch message). */
export function validateGroupEvent(values: GroupEventInput) {
	const kind = (GROUP_EVENT_KINDS as readonly unknown[]).includes(values.kind) ? values.kind : 'unknown';
	return validateInput(
		eventSchema,
		{
			...values,
			kind,
			actionId: '',
			opportunityId: '',
			rung: '',
			onlineUrl: '',
			maxCompanions: '0',
			questions: [],
			status: 'draft'
		},
		{ fallback: 'backoffice.errors.invalid', fieldOf: eventFieldOf }
	);
}

/**
 * Writes the group's event on its action as a draft, in the group's transaction, with the audit row (by the
 * person who made it) and `event.created`. The caller checked that the action is the group's.
 */
export async function createGroupEventInTransaction(
	tx: Db,
	input: {
		municipalityId: string;
		regionId: string;
		actionId: number;
		/** The group proposing it: recorded on the event, told when the municipality publishes or cancels it. */
		groupId: number;
		groupName: string;
		actor: { userId: string; displayName: string };
		locale: Locale;
		values: ReturnType<typeof validateGroupEvent>;
	}
): Promise<{ id: number }> {
	const v = input.values;
	const row = await insertEvent(tx, {
		municipalityId: input.municipalityId,
		actionId: input.actionId,
		opportunityId: null,
		kind: v.kind,
		rung: DEFAULT_RUNG_OF_EVENT_KIND[v.kind],
		title: v.title,
		description: v.description,
		startsAt: v.startsAt!,
		endsAt: v.endsAt!,
		venueName: v.venueName,
		address: v.address,
		accessibility: v.accessibility,
		whatToBring: v.whatToBring,
		onlineUrl: null,
		organiser: input.groupName,
		capacity: v.capacity,
		registrationDeadline: v.registrationDeadline,
		maxCompanions: 0,
		questions: [],
		status: 'draft',
		slug: slugify(v.title).slice(0, 80).replace(/-+$/, '') || 'activiteit',
		uid: newEventUid(),
		publishedAt: null,
		createdBy: input.actor.userId,
		proposedByGroupId: input.groupId
	});
	await insertChecklistItems(tx, {
		municipalityId: input.municipalityId,
		eventId: row.id,
		items: defaultChecklist(input.locale, row.kind)
	});
	await writeAudit(tx, {
		regionId: input.regionId,
		municipalityId: input.municipalityId,
		actor: input.actor,
		action: 'event.created',
		details: {
			eventId: row.id,
			name: row.title,
			status: row.status,
			startsAt: row.startsAt.toISOString(),
			group: input.groupName
		}
	});
	await writeDomainEvent(tx, {
		municipalityId: input.municipalityId,
		type: 'event.created',
		subjectId: row.id,
		actorId: input.actor.userId
	});
	return { id: row.id };
}

/**
 * The domain event that tells a group its proposal was published or cancelled, recorded beside
 * `event.published` / `event.cancelled` by the back office's use cases; none for an event no group proposed.
 */
export function groupProposalEvent(
	row: { id: number; municipalityId: string; proposedByGroupId: number | null; createdBy: string | null },
	outcome: 'published' | 'cancelled',
	actorId: string
) {
	if (row.proposedByGroupId === null) return [];
	return [
		{
			municipalityId: row.municipalityId,
			type: `event.group_proposal_${outcome}` as const,
			subjectId: row.id,
			actorId,
			payload: { groupId: row.proposedByGroupId, proposedBy: row.createdBy }
		}
	];
}

export interface GroupEventView {
	id: number;
	actionId: number | null;
	title: string;
	startsAt: string;
	status: EventStatus;
	/** Whether the group proposed it (else staff planned it on the group's action, e.g. a session). */
	proposed: boolean;
	/** The public page, once published. */
	path: string | null;
}

/** The events of some actions of the municipality (drafts too), soonest first: the group's own list. */
export async function listEventsOfActions(
	db: Db,
	params: { municipalityId: string; municipalitySlug: string; actionIds: readonly number[] }
): Promise<GroupEventView[]> {
	if (params.actionIds.length === 0) return [];
	const rows = await db
		.select({
			id: events.id,
			actionId: events.actionId,
			title: events.title,
			slug: events.slug,
			startsAt: events.startsAt,
			status: events.status,
			proposedByGroupId: events.proposedByGroupId
		})
		.from(events)
		.where(
			and(eq(events.municipalityId, params.municipalityId), inArray(events.actionId, [...params.actionIds]))
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(200);
	return rows.map((r) => ({
		id: r.id,
		actionId: r.actionId,
		title: r.title,
		startsAt: r.startsAt.toISOString(),
		status: r.status,
		proposed: r.proposedByGroupId !== null,
		path: r.status === 'draft' ? null : eventPath(params.municipalitySlug, r.id, r.slug)
	}));
}

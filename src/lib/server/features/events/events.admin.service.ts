// Use cases of the back office for events: the list, create / edit / duplicate, cancel (with its
// confirmation), and an event's registrations (list, CSV export, check-in). Each is a command
// (events.admin.access.ts): it authorizes first through events.policy.ts, and every change writes its audit row
// and domain event in the transaction of the change. Every change of an event bumps its iCalendar sequence.
import { translate, type MessageKey } from '$lib/i18n';
import { DEFAULT_RUNG_OF_EVENT_KIND, EVENT_KINDS, type EventQuestion } from '$lib/domain/events';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError, type FieldErrors } from '$lib/server/platform/errors';
import { writeScopedAudit, type BackofficeScope } from '$lib/server/platform/backoffice';
import { toCsv } from '$lib/server/platform/csv';
import { slugify } from '$lib/server/platform/text';
import type { RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { newEventUid } from './events.service';
import { groupProposalEvent } from './events.groups.service';
import { cancelRegistrationsOfEvent, fillPlacesFromWaitlist } from './events.registrations.service';
import { registrationMessage } from './events.mail';
import { insertChecklistItems } from './events.logistics.queries';
import { defaultChecklist } from './events.logistics.service';
import { countPlacesTaken, insertEvent, type EventRow } from './events.queries';
import {
	countRegistrationsByStatus,
	getEventsByIds,
	getActionOption,
	getOpportunityOption,
	listActionOptions,
	listEventsForAdmin,
	listOpportunityOptions,
	listRegistrationsForAdmin,
	setCheckedIn,
	updateEvent,
	type EventChange
} from './events.admin.queries';
import {
	EVENTS_PAGE_SIZE,
	bulkSchema,
	REGISTRATIONS_PAGE_SIZE,
	checkInSchema,
	confirmSchema,
	eventFiltersSchema,
	eventSchema,
	registrationFiltersSchema,
	type EventFilters,
	type EventInput,
	type RegistrationFilters
} from './events.admin.schemas';
import {
	eventFormValues,
	presentEventForEdit,
	presentEventListItem,
	presentRegistration,
	type EventEditView,
	type EventFormValues,
	type EventListItemView,
	type RegistrationAdminView
} from './events.admin.present';
import { authorizeEvents, command, findEvent, lockEventFor } from './events.admin.access';

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export interface EventsOverview {
	filters: EventFilters;
	items: EventListItemView[];
	total: number;
	page: number;
	pageCount: number;
}

export const listEventsForBackoffice = command({
	load: async (ctx, scope, input: RawInput<typeof eventFiltersSchema>): Promise<EventsOverview> => {
		// Nonsense filters fall back to their defaults instead of failing.
		const filters = eventFiltersSchema.parse(input);
		const { rows, total } = await listEventsForAdmin(ctx.db, {
			municipalityId: scope.municipality.id,
			...filters,
			now: new Date(),
			limit: EVENTS_PAGE_SIZE,
			offset: (filters.page - 1) * EVENTS_PAGE_SIZE
		});
		return {
			filters,
			items: rows.map(presentEventListItem),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / EVENTS_PAGE_SIZE))
		};
	}
});

export interface BulkPublishPreview {
	/** The drafts among the ticked events: what publishing changes. */
	items: { id: number; title: string }[];
}

/** The confirmation step of publishing ticked drafts: which of them it concerns. Changes nothing. */
export const previewPublishEvents = command({
	load: async (_ctx, _scope, _input: RawInput<typeof bulkSchema>) => undefined,
	schema: bulkSchema,
	prepare: async ({ ctx, scope, values }): Promise<BulkPublishPreview> => {
		const rows = await getEventsByIds(ctx.db, { municipalityId: scope.municipality.id, ids: values.ids });
		return {
			items: rows.filter((r) => r.status === 'draft').map((r) => ({ id: r.id, title: r.title }))
		};
	}
});

/**
 * Publishes the ticked drafts, all or nothing, each with its sequence up, an audit row and its domain events.
 * Published or cancelled events, and ids of another municipality, are left alone.
 */
export const publishEventsInBulk = command({
	load: async (_ctx, _scope, _input: RawInput<typeof bulkSchema>) => undefined,
	schema: bulkSchema,
	execute: async (tx, { scope, values, record }): Promise<{ changed: number }> => {
		const municipalityId = scope.municipality.id;
		const rows = await getEventsByIds(tx, { municipalityId, ids: values.ids, forUpdate: true });
		const drafts = rows.filter((r) => r.status === 'draft');
		if (drafts.length === 0)
			throw new AppError('validation', { message: 'eventsAdmin.bulk.nothingSelected' });
		for (const draft of drafts) {
			const row = await updateEvent(tx, {
				municipalityId,
				id: draft.id,
				change: { status: 'published', ...(draft.publishedAt ? {} : { publishedAt: new Date() }) }
			});
			if (!row) throw new AppError('not_found');
			record.audit({
				action: 'event.updated',
				details: {
					eventId: row.id,
					name: row.title,
					changed: ['status'],
					before: { status: 'draft' },
					after: { status: 'published' },
					bulk: true
				}
			});
			const who = { municipalityId, subjectId: row.id, actorId: scope.actor.userId };
			record.event({
				...who,
				type: 'event.updated',
				payload: { fields: ['status'], sequence: row.sequence }
			});
			record.event({ ...who, type: 'event.published', payload: { sequence: row.sequence } });
			for (const proposal of groupProposalEvent(row, 'published', scope.actor.userId)) record.event(proposal);
		}
		return { changed: drafts.length };
	}
});

// ---------------------------------------------------------------------------------------------
// The form: create, edit, duplicate
// ---------------------------------------------------------------------------------------------

export interface EventFormOptions {
	actions: { id: number; title: string }[];
	opportunities: { id: number; actionId: number; title: string; actionTitle: string }[];
}

async function formOptions(db: Db, municipalityId: string, keepActionId: number | null) {
	const [actionRows, opportunityRows] = await Promise.all([
		listActionOptions(db, { municipalityId, keep: keepActionId === null ? [] : [keepActionId] }),
		listOpportunityOptions(db, { municipalityId })
	]);
	return {
		actions: actionRows,
		opportunities: opportunityRows.map((o) => ({
			id: o.id,
			actionId: o.actionId,
			title: o.title,
			actionTitle: o.actionTitle
		}))
	};
}

export interface NewEventForm extends EventFormOptions {
	/** The values a duplicate starts from (a draft, the same texts and times); null for an empty form. */
	initial: EventFormValues | null;
	/** The event being duplicated. */
	duplicateOf: { id: number; title: string } | null;
}

/** The form of a new event; with `unverifiedDuplicateOf`, filled with that event's values as a draft. */
export const getNewEventForm = command({
	load: async (ctx, scope, input: { unverifiedDuplicateOf?: unknown }): Promise<NewEventForm> => {
		const source =
			input.unverifiedDuplicateOf === undefined || input.unverifiedDuplicateOf === null
				? null
				: await findEvent(ctx.db, scope, input.unverifiedDuplicateOf);
		return {
			...(await formOptions(ctx.db, scope.municipality.id, source?.actionId ?? null)),
			initial: source ? { ...eventFormValues(source), status: 'draft' } : null,
			duplicateOf: source ? { id: source.id, title: source.title } : null
		};
	}
});

export interface EventBackofficePage extends EventFormOptions {
	event: EventEditView;
}

export const getEventForBackoffice = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown }): Promise<EventBackofficePage> => {
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		return {
			event: presentEventForEdit(row),
			...(await formOptions(ctx.db, scope.municipality.id, row.actionId))
		};
	}
});

export type EventFormInput = RawInput<typeof eventSchema>;

/** The event's fields from the valid form, its action taken from the opportunity when one is chosen. */
interface CheckedEvent {
	values: EventInput;
	actionId: number | null;
	opportunityId: number | null;
	questions: EventQuestion[];
}

/** The action and opportunity must be the municipality's, and the opportunity the action's when both are chosen. */
async function checkLinks(db: Db, scope: BackofficeScope, values: EventInput): Promise<CheckedEvent> {
	const municipalityId = scope.municipality.id;
	const fields: FieldErrors = {};
	let actionId = values.actionId;
	const opportunity =
		values.opportunityId === null
			? null
			: await getOpportunityOption(db, { municipalityId, id: values.opportunityId });
	if (values.opportunityId !== null && !opportunity)
		fields.opportunityId = ['eventsAdmin.errors.opportunity'];
	if (actionId !== null && !(await getActionOption(db, { municipalityId, id: actionId })))
		fields.actionId = ['eventsAdmin.errors.action'];
	if (opportunity) {
		if (actionId !== null && actionId !== opportunity.actionId && !fields.actionId)
			fields.opportunityId = ['eventsAdmin.errors.opportunityOfOtherAction'];
		actionId = opportunity.actionId;
	}
	if (Object.keys(fields).length > 0)
		throw new AppError('validation', { fields, message: Object.values(fields)[0]![0] });
	// Questions keep their id (answers are stored under it); a new one gets the next free id.
	const taken = new Set(values.questions.flatMap((q) => (q.id ? [q.id] : [])));
	let next = 1;
	const questions = values.questions.map((q) => {
		if (q.id) return { id: q.id, label: q.label, type: q.type };
		while (taken.has(`q${next}`)) next++;
		taken.add(`q${next}`);
		return { id: `q${next}`, label: q.label, type: q.type };
	});
	return { values, actionId, opportunityId: opportunity?.id ?? null, questions };
}

function fieldsOf(checked: CheckedEvent) {
	const v = checked.values;
	return {
		actionId: checked.actionId,
		opportunityId: checked.opportunityId,
		kind: v.kind,
		rung: v.rung ?? DEFAULT_RUNG_OF_EVENT_KIND[v.kind],
		title: v.title,
		description: v.description,
		startsAt: v.startsAt!,
		endsAt: v.endsAt!,
		venueName: v.venueName,
		address: v.address,
		accessibility: v.accessibility,
		whatToBring: v.whatToBring,
		onlineUrl: v.onlineUrl,
		organiser: v.organiser,
		capacity: v.capacity,
		registrationDeadline: v.registrationDeadline,
		maxCompanions: v.maxCompanions,
		questions: checked.questions,
		status: v.status
	};
}

function slugOf(title: string): string {
	return slugify(title).slice(0, 80).replace(/-+$/, '') || 'activiteit';
}

/** Creates an event, a draft or published at once; `duplicateOf` records the event it was copied from. */
export const createEvent = command({
	load: async (ctx, scope, input: EventFormInput & { unverifiedDuplicateOf?: unknown }) => {
		const id = parseId(input.unverifiedDuplicateOf);
		return id === null ? null : await findEvent(ctx.db, scope, id).catch(() => null);
	},
	schema: eventSchema,
	prepare: ({ ctx, scope, values }) => checkLinks(ctx.db, scope, values),
	execute: async (tx, { ctx, scope, loaded: source, prepared, record }) => {
		const municipalityId = scope.municipality.id;
		const fields = fieldsOf(prepared);
		const row = await insertEvent(tx, {
			municipalityId,
			...fields,
			slug: slugOf(fields.title),
			uid: newEventUid(),
			publishedAt: fields.status === 'published' ? new Date() : null,
			createdBy: scope.actor.userId
		});
		// An action day starts with the suggested checklist of its logistics; staff keep or remove each item.
		await insertChecklistItems(tx, {
			municipalityId,
			eventId: row.id,
			items: defaultChecklist(ctx.locale, row.kind)
		});
		record.audit({
			action: 'event.created',
			details: {
				eventId: row.id,
				name: row.title,
				status: row.status,
				startsAt: row.startsAt.toISOString(),
				...(source ? { duplicatedFrom: source.id } : {})
			}
		});
		record.event({ municipalityId, type: 'event.created', subjectId: row.id, actorId: scope.actor.userId });
		if (row.status === 'published')
			record.event({
				municipalityId,
				type: 'event.published',
				subjectId: row.id,
				actorId: scope.actor.userId,
				payload: { sequence: row.sequence }
			});
		return { id: row.id };
	}
});

const COMPARED = [
	'actionId',
	'opportunityId',
	'kind',
	'rung',
	'title',
	'description',
	'startsAt',
	'endsAt',
	'venueName',
	'address',
	'accessibility',
	'whatToBring',
	'onlineUrl',
	'organiser',
	'capacity',
	'registrationDeadline',
	'maxCompanions',
	'questions',
	'status'
] as const;

/** JSON with object keys sorted: jsonb gives the questions back with their keys in its own order. */
function stable(value: unknown): string {
	return JSON.stringify(value ?? null, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v
	);
}

const same = (a: unknown, b: unknown) => stable(a) === stable(b);

/**
 * Saves the form of an event. Nothing changed: nothing written. Otherwise the changed fields are written, the
 * sequence goes up (calendars follow), and the audit row and `event.updated` name the fields. A capacity below
 * the places already taken (each confirmed registration with its companions) is refused with that number,
 * counted under the event's lock so no registration slips in between. More places move the waitlist up
 * (fillPlacesFromWaitlist of the registrations), in the same transaction.
 */
const saveEvent = command({
	load: async (ctx, scope, input: EventFormInput & { unverifiedEventId: unknown }) => {
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		if (row.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.errors.cancelledNoChange' });
		return row;
	},
	schema: eventSchema,
	prepare: ({ ctx, scope, values }) => checkLinks(ctx.db, scope, values),
	execute: async (tx, { scope, loaded, prepared, record }) => {
		const municipalityId = scope.municipality.id;
		const current = await lockEventFor(tx, scope, loaded.id);
		if (current.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.errors.cancelledNoChange' });
		const next = fieldsOf(prepared);
		const changed = COMPARED.filter((key) => !same(current[key], next[key]));
		if (changed.length === 0) return { changed: false, event: null, mails: [] as MovedUpMail[] };
		if (next.capacity !== null && next.capacity !== current.capacity) {
			const taken = await countPlacesTaken(tx, { municipalityId, eventId: current.id });
			if (next.capacity < taken)
				throw new AppError('validation', {
					fields: { capacity: ['eventsAdmin.errors.capacityBelowTaken'] },
					message: 'eventsAdmin.errors.capacityBelowTaken',
					details: { count: taken }
				});
		}
		if (next.status === 'draft' && current.status === 'published') {
			// Back to a draft would hide the event from the people registered for it: they are to be told.
			const counts = await countRegistrationsByStatus(tx, { municipalityId, eventId: current.id });
			const live = counts.confirmed + counts.waitlisted + counts.pending;
			if (live > 0)
				throw new AppError('validation', {
					fields: { status: ['eventsAdmin.errors.draftWithRegistrations'] },
					message: 'eventsAdmin.errors.draftWithRegistrations',
					details: { count: live }
				});
		}
		const change: EventChange = Object.fromEntries(changed.map((key) => [key, next[key]]));
		if (changed.includes('title')) change.slug = slugOf(next.title);
		const publishing = next.status === 'published' && current.status !== 'published';
		if (publishing && !current.publishedAt) change.publishedAt = new Date();
		const row = await updateEvent(tx, { municipalityId, id: current.id, change });
		if (!row) throw new AppError('not_found');
		record.audit({
			action: 'event.updated',
			details: {
				eventId: row.id,
				name: row.title,
				changed: [...changed],
				before: Object.fromEntries(changed.map((k) => [k, current[k]])),
				after: Object.fromEntries(changed.map((k) => [k, next[k]]))
			}
		});
		record.event({
			municipalityId,
			type: 'event.updated',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: { fields: [...changed], sequence: row.sequence }
		});
		if (publishing)
			record.event({
				municipalityId,
				type: 'event.published',
				subjectId: row.id,
				actorId: scope.actor.userId,
				payload: { sequence: row.sequence }
			});
		if (publishing)
			for (const proposal of groupProposalEvent(row, 'published', scope.actor.userId)) record.event(proposal);
		// More places (or no limit any more): the waitlist moves up now, in arrival order, as on a cancellation.
		const morePlaces =
			changed.includes('capacity') &&
			(row.capacity === null || (current.capacity !== null && row.capacity > current.capacity));
		const mails =
			morePlaces && row.status === 'published' && row.startsAt > new Date()
				? await fillPlacesFromWaitlist(tx, row)
				: [];
		return { changed: true, event: row, mails };
	}
});

type MovedUpMail = Awaited<ReturnType<typeof fillPlacesFromWaitlist>>[number];

/**
 * Saves the form of an event (see saveEvent); when it gave more places, the people it moved up from the
 * waitlist are mailed once the change has committed (the events feature's own mail, with a new link).
 */
export async function changeEvent(
	ctx: Ctx,
	input: EventFormInput & { unverifiedEventId: unknown; origin: string }
): Promise<{ changed: boolean; movedUp: number }> {
	const result = await saveEvent(ctx, input);
	if (result.event && result.mails.length > 0) {
		const row = await findEvent(ctx.db, await authorizeEvents(ctx), result.event.id);
		const municipality = { slug: row.municipalitySlug, name: row.municipalityName };
		for (const mail of result.mails)
			await ctx.queueMail(
				await registrationMessage(ctx.db, ctx.locale, input.origin, {
					...mail,
					event: result.event,
					municipality
				})
			);
	}
	return { changed: result.changed, movedUp: result.mails.length };
}

// ---------------------------------------------------------------------------------------------
// Cancelling
// ---------------------------------------------------------------------------------------------

export interface CancelPreview {
	event: { id: number; title: string; startsAt: string; status: EventRow['status'] };
	/** Who will be told: people with a place, on the waitlist, and registered but not yet confirmed. */
	confirmed: number;
	waitlisted: number;
	pending: number;
}

async function cancelPreviewOf(db: Db, scope: BackofficeScope, row: EventRow): Promise<CancelPreview> {
	const counts = await countRegistrationsByStatus(db, {
		municipalityId: scope.municipality.id,
		eventId: row.id
	});
	return {
		event: { id: row.id, title: row.title, startsAt: row.startsAt.toISOString(), status: row.status },
		confirmed: counts.confirmed,
		waitlisted: counts.waitlisted,
		pending: counts.pending
	};
}

/** The confirmation step of cancelling: how many people will be told. Changes nothing. */
export const previewCancelEvent = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown }) => {
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		if (row.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.errors.alreadyCancelled' });
		return cancelPreviewOf(ctx.db, scope, row);
	}
});

/**
 * Cancels an event: status cancelled, the sequence up, `event.cancelled` with how many people were registered,
 * waitlisted and unconfirmed, and every one of those registrations ended in the same transaction (each with
 * its `registration.status_changed`, reason `event_cancelled`, so who was told can be read afterwards).
 * The mails go out once it has committed: see cancelEvent.
 */
const cancelEventCommand = command({
	load: (ctx, scope, input: RawInput<typeof confirmSchema> & { unverifiedEventId: unknown }) =>
		findEvent(ctx.db, scope, input.unverifiedEventId),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded, record }) => {
		const municipalityId = scope.municipality.id;
		const current = await lockEventFor(tx, scope, loaded.id);
		if (current.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.errors.alreadyCancelled' });
		const row = await updateEvent(tx, {
			municipalityId,
			id: current.id,
			change: { status: 'cancelled', cancelledAt: new Date() }
		});
		if (!row) throw new AppError('not_found');
		const counts = await countRegistrationsByStatus(tx, { municipalityId, eventId: row.id });
		const mails = await cancelRegistrationsOfEvent(tx, row);
		record.audit({
			action: 'event.cancelled',
			details: {
				eventId: row.id,
				name: row.title,
				confirmed: counts.confirmed,
				waitlisted: counts.waitlisted,
				pending: counts.pending
			}
		});
		record.event({
			municipalityId,
			type: 'event.cancelled',
			subjectId: row.id,
			actorId: scope.actor.userId,
			payload: {
				sequence: row.sequence,
				confirmed: counts.confirmed,
				waitlisted: counts.waitlisted,
				pending: counts.pending
			}
		});
		for (const proposal of groupProposalEvent(row, 'cancelled', scope.actor.userId)) record.event(proposal);
		const preview: CancelPreview = {
			event: { id: row.id, title: row.title, startsAt: row.startsAt.toISOString(), status: row.status },
			confirmed: counts.confirmed,
			waitlisted: counts.waitlisted,
			pending: counts.pending
		};
		const municipality = { slug: loaded.municipalitySlug, name: loaded.municipalityName };
		return { preview, row, mails, municipality };
	}
});

/**
 * Cancels an event (cancelEventCommand) and then tells everyone who was registered, waitlisted or waiting to
 * confirm: a mail each, with the calendar's cancellation (METHOD:CANCEL) for who had a place.
 */
export async function cancelEvent(
	ctx: Ctx,
	input: RawInput<typeof confirmSchema> & { unverifiedEventId: unknown; origin: string }
): Promise<CancelPreview & { told: number }> {
	const { preview, row, mails, municipality } = await cancelEventCommand(ctx, input);
	for (const mail of mails)
		await ctx.queueMail(
			await registrationMessage(ctx.db, ctx.locale, input.origin, { ...mail, event: row, municipality })
		);
	return { ...preview, told: mails.length };
}

// ---------------------------------------------------------------------------------------------
// Registrations: list, export, check-in
// ---------------------------------------------------------------------------------------------

export interface RegistrationsPage {
	event: {
		id: number;
		title: string;
		status: EventRow['status'];
		startsAt: string;
		endsAt: string;
		capacity: number | null;
		placesTaken: number;
		waitlisted: number;
	};
	filters: RegistrationFilters;
	counts: Record<'pending' | 'confirmed' | 'waitlisted' | 'cancelled', number>;
	checkedIn: number;
	items: RegistrationAdminView[];
	/** True when the list was cut at its limit; the search narrows it. */
	truncated: boolean;
}

export const listRegistrationsForBackoffice = command({
	load: async (
		ctx,
		scope,
		input: RawInput<typeof registrationFiltersSchema> & { unverifiedEventId: unknown }
	): Promise<RegistrationsPage> => {
		const municipalityId = scope.municipality.id;
		const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const filters = registrationFiltersSchema.parse(input);
		const [rows, { checkedIn, ...counts }] = await Promise.all([
			listRegistrationsForAdmin(ctx.db, {
				municipalityId,
				eventId: row.id,
				...filters,
				limit: REGISTRATIONS_PAGE_SIZE + 1
			}),
			countRegistrationsByStatus(ctx.db, { municipalityId, eventId: row.id })
		]);
		return {
			event: {
				id: row.id,
				title: row.title,
				status: row.status,
				startsAt: row.startsAt.toISOString(),
				endsAt: row.endsAt.toISOString(),
				capacity: row.capacity,
				placesTaken: row.placesTaken,
				waitlisted: row.waitlisted
			},
			filters,
			counts,
			checkedIn,
			items: rows.slice(0, REGISTRATIONS_PAGE_SIZE).map((r) => presentRegistration(r, row.questions)),
			truncated: rows.length > REGISTRATIONS_PAGE_SIZE
		};
	}
});

/**
 * Ticks who came. The form shows registrations (`shown`) and sends the ticked ones (`present`): a confirmed
 * registration ticked is checked in, one shown and not ticked is not (undoing a mistaken tick). Ids of another
 * event or municipality are left alone.
 */
export const checkInRegistrations = command({
	load: (ctx, scope, input: RawInput<typeof checkInSchema> & { unverifiedEventId: unknown }) =>
		findEvent(ctx.db, scope, input.unverifiedEventId),
	schema: checkInSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const present = values.present.filter((id) => values.shown.includes(id));
		const absent = values.shown.filter((id) => !present.includes(id));
		const result = await setCheckedIn(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.id,
			present,
			absent
		});
		if (result.checkedIn + result.undone > 0)
			record.audit({
				action: 'event.checked_in',
				details: {
					eventId: loaded.id,
					name: loaded.title,
					checkedIn: result.checkedIn,
					undone: result.undone
				}
			});
		return result;
	}
});

export interface RegistrationsExport {
	filename: string;
	contentType: string;
	body: string;
}

/** Every registration of the event as CSV for Excel in Belgium (platform/csv.ts); the export is audited. */
export async function exportRegistrations(
	ctx: Ctx,
	input: { unverifiedEventId: unknown }
): Promise<RegistrationsExport> {
	const scope = await authorizeEvents(ctx);
	const municipalityId = scope.municipality.id;
	const row = await findEvent(ctx.db, scope, input.unverifiedEventId);
	const rows = await listRegistrationsForAdmin(ctx.db, { municipalityId, eventId: row.id, limit: 100_000 });
	const t = (key: MessageKey) => translate(ctx.locale, key);
	const header = [
		'id',
		t('eventsAdmin.export.name'),
		t('eventsAdmin.export.email'),
		t('eventsAdmin.export.account'),
		t('eventsAdmin.export.status'),
		t('eventsAdmin.export.companions'),
		...row.questions.map((q) => q.label),
		t('eventsAdmin.export.registeredAt'),
		t('eventsAdmin.export.checkedInAt')
	];
	const yes = t('eventsAdmin.export.yes');
	const no = t('eventsAdmin.export.no');
	const body = rows.map((r) => [
		r.id,
		r.name ?? '',
		r.email ?? '',
		r.userId ? yes : no,
		t(`eventsAdmin.registrationStatus.${r.status}`),
		r.companions,
		...row.questions.map((q) => {
			const answer = r.answers[q.id];
			return typeof answer === 'boolean' ? (answer ? yes : no) : (answer ?? '');
		}),
		r.createdAt.toISOString(),
		r.checkedInAt?.toISOString() ?? ''
	]);
	await writeScopedAudit(ctx.db, scope, [
		{
			action: 'event.registrations_exported',
			details: {
				eventId: row.id,
				name: row.title,
				count: rows.length
			}
		}
	]);
	const date = new Date().toISOString().slice(0, 10);
	return {
		filename: `inschrijvingen-${scope.municipality.slug}-${row.id}-${slugOf(row.title).slice(0, 50).replace(/-+$/, '')}-${date}.csv`,
		contentType: 'text/csv; charset=utf-8',
		body: toCsv([header, ...body])
	};
}

/** The kinds in the order the form offers them, with the rung each starts on. */
export const EVENT_KIND_DEFAULTS = EVENT_KINDS.map((kind) => ({
	kind,
	rung: DEFAULT_RUNG_OF_EVENT_KIND[kind]
}));

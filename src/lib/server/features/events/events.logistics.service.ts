// The logistics of an event (logistiek): a checklist for the organisers and the colleague departments
// involved, and the briefing mailed to the colleagues named on it: the event, when and where, their own items
// and how many registered. Staff who manage the municipality's events edit it (events.admin.access.ts). When
// the event's time or place changes after a briefing went out, the handler below sends it again, queued in the
// handler's own transaction (exactly once per change). An action day starts with a suggested checklist.
import { eventPath } from '$lib/domain/events';
import { formatDate, formatTime, translate, type Locale, type MessageKey } from '$lib/i18n';
import { DEFAULT_LOCALE } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { defineEventHandler } from '$lib/server/platform/events.dispatcher';
import type { MailMessage } from '$lib/server/platform/mail';
import type { RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { getEvent, lockEvent, type EventRow } from './events.queries';
import { countRegistrationsByStatus } from './events.admin.queries';
import {
	deleteChecklistItem,
	getBriefedAt,
	getChecklistItem,
	insertChecklistItems,
	listChecklistItems,
	setBriefedAt,
	updateChecklistItem,
	type ChecklistItemRow
} from './events.logistics.queries';
import { CHECKLIST_MAX, checklistItemSchema, doneSchema } from './events.logistics.schemas';
import { command, findEvent } from './events.admin.access';
import type { LogisticsChange } from './events.events';
import type { BackofficeScope } from '$lib/server/platform/backoffice';

/** The domain event of a change to the checklist: colleagues following the event's action hear of it. */
function logisticsChanged(
	scope: BackofficeScope,
	eventId: number,
	item: { id: number; text: string },
	change: LogisticsChange
) {
	return {
		municipalityId: scope.municipality.id,
		type: 'event.logistics_changed' as const,
		subjectId: eventId,
		actorId: scope.actor.userId,
		payload: { change, item: item.id, text: item.text }
	};
}

/** What an action day's checklist starts with; staff keep or remove each. */
export const ACTION_DAY_CHECKLIST = ['plants', 'tools', 'container', 'firstAid'] as const;

/** The suggested checklist of a new event of this kind, in the locale's words (empty for other kinds). */
export function defaultChecklist(locale: Locale, kind: EventRow['kind']) {
	if (kind !== 'actionDay') return [];
	return ACTION_DAY_CHECKLIST.map((key) => ({
		text: translate(locale, `eventsAdmin.logistics.defaults.${key}`),
		department: '',
		email: null
	}));
}

/** Fields of the event whose change sends the briefing again. */
const TIME_OR_PLACE = ['startsAt', 'endsAt', 'venueName', 'address'];

export interface ChecklistItemView {
	id: number;
	text: string;
	department: string;
	email: string | null;
	done: boolean;
}

export interface LogisticsPage {
	event: { id: number; title: string; kind: EventRow['kind']; status: EventRow['status']; startsAt: string };
	items: ChecklistItemView[];
	/** The distinct addresses the briefing goes to. */
	recipients: string[];
	briefedAt: string | null;
}

const presentItem = (row: ChecklistItemRow): ChecklistItemView => ({
	id: row.id,
	text: row.text,
	department: row.department,
	email: row.email,
	done: row.doneAt !== null
});

function recipientsOf(items: { email: string | null }[]): string[] {
	return [...new Set(items.flatMap((i) => (i.email ? [i.email.toLowerCase()] : [])))];
}

export const getLogistics = command({
	load: async (ctx, scope, input: { unverifiedEventId: unknown }): Promise<LogisticsPage> => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const where = { municipalityId: scope.municipality.id, eventId: event.id };
		const [items, briefedAt] = await Promise.all([
			listChecklistItems(ctx.db, where),
			getBriefedAt(ctx.db, where)
		]);
		return {
			event: {
				id: event.id,
				title: event.title,
				kind: event.kind,
				status: event.status,
				startsAt: event.startsAt.toISOString()
			},
			items: items.map(presentItem),
			recipients: recipientsOf(items),
			briefedAt: briefedAt?.toISOString() ?? null
		};
	}
});

type Target = { unverifiedEventId: unknown };

async function findItem(db: Db, municipalityId: string, eventId: number, unverifiedItem: unknown) {
	const id = parseId(unverifiedItem);
	const item = id === null ? undefined : await getChecklistItem(db, { municipalityId, eventId, id });
	if (!item) throw new AppError('not_found', { message: 'eventsAdmin.logistics.errors.item' });
	return item;
}

export const addChecklistItem = command({
	load: (ctx, scope, input: Target & RawInput<typeof checklistItemSchema>) =>
		findEvent(ctx.db, scope, input.unverifiedEventId),
	schema: checklistItemSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const where = { municipalityId: scope.municipality.id, eventId: loaded.id };
		await lockEvent(tx, { municipalityId: where.municipalityId, id: loaded.id });
		if ((await listChecklistItems(tx, where)).length >= CHECKLIST_MAX)
			throw new AppError('validation', {
				message: 'eventsAdmin.logistics.errors.tooMany',
				fields: { text: ['eventsAdmin.logistics.errors.tooMany'] }
			});
		const [item] = await insertChecklistItems(tx, { ...where, items: [values] });
		record.audit({
			action: 'event.checklist_changed',
			details: { eventId: loaded.id, name: loaded.title, change: 'added', item: item!.id }
		});
		record.event(logisticsChanged(scope, loaded.id, item!, 'added'));
		return presentItem(item!);
	}
});

export const changeChecklistItem = command({
	load: async (
		ctx,
		scope,
		input: Target & { unverifiedItemId: unknown } & RawInput<typeof checklistItemSchema>
	) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		return { event, item: await findItem(ctx.db, scope.municipality.id, event.id, input.unverifiedItemId) };
	},
	schema: checklistItemSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const row = await updateChecklistItem(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.event.id,
			id: loaded.item.id,
			change: values
		});
		if (!row) throw new AppError('not_found', { message: 'eventsAdmin.logistics.errors.item' });
		record.audit({
			action: 'event.checklist_changed',
			details: { eventId: loaded.event.id, name: loaded.event.title, change: 'edited', item: row.id }
		});
		record.event(logisticsChanged(scope, loaded.event.id, row, 'edited'));
		return presentItem(row);
	}
});

/** Ticks an item done, or back to not done. */
export const tickChecklistItem = command({
	load: (ctx, scope, input: Target & RawInput<typeof doneSchema>) =>
		findEvent(ctx.db, scope, input.unverifiedEventId),
	schema: doneSchema,
	execute: async (tx, { scope, loaded, values, record }) => {
		const row = await updateChecklistItem(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.id,
			id: values.item,
			change: { done: values.done }
		});
		if (!row) throw new AppError('not_found', { message: 'eventsAdmin.logistics.errors.item' });
		record.event(logisticsChanged(scope, loaded.id, row, values.done ? 'done' : 'undone'));
		return presentItem(row);
	}
});

/** The confirmation step of removing an item: which one. Changes nothing. */
export const previewRemoveChecklistItem = command({
	load: async (ctx, scope, input: Target & { unverifiedItemId: unknown }) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const item = await findItem(ctx.db, scope.municipality.id, event.id, input.unverifiedItemId);
		return { event: { id: event.id, title: event.title }, item: presentItem(item) };
	}
});

export const removeChecklistItem = command({
	load: async (ctx, scope, input: Target & { unverifiedItemId: unknown }) => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		return { event, item: await findItem(ctx.db, scope.municipality.id, event.id, input.unverifiedItemId) };
	},
	execute: async (tx, { scope, loaded, record }) => {
		const removed = await deleteChecklistItem(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.event.id,
			id: loaded.item.id
		});
		if (!removed) throw new AppError('not_found', { message: 'eventsAdmin.logistics.errors.item' });
		record.audit({
			action: 'event.checklist_changed',
			details: {
				eventId: loaded.event.id,
				name: loaded.event.title,
				change: 'removed',
				item: loaded.item.id,
				text: loaded.item.text
			}
		});
		record.event(logisticsChanged(scope, loaded.event.id, loaded.item, 'removed'));
		return { eventId: loaded.event.id };
	}
});

// ---------------------------------------------------------------------------------------------
// The briefing
// ---------------------------------------------------------------------------------------------

/** The briefings of an event, one per colleague with an address on its checklist, each with their own items. */
async function briefingMails(
	db: Db,
	locale: Locale,
	origin: string,
	event: EventRow,
	options: { changed: boolean }
): Promise<MailMessage[]> {
	const where = { municipalityId: event.municipalityId, eventId: event.id };
	const [items, counts] = await Promise.all([
		listChecklistItems(db, where),
		countRegistrationsByStatus(db, where)
	]);
	const t = (key: string, params: Record<string, string | number> = {}) =>
		translate(locale, `eventsAdmin.logistics.mail.${key}` as MessageKey, params);
	const when = translate(locale, 'eventRegistration.when', {
		date: formatDate(event.startsAt, locale),
		start: formatTime(event.startsAt, locale),
		end: formatTime(event.endsAt, locale)
	});
	const where_ = [event.venueName, event.address].filter(Boolean).join(', ') || event.onlineUrl || '–';
	const link = `${origin}/${event.municipalitySlug}/beheer/activiteiten/${event.id}/logistiek`;
	return recipientsOf(items).map((email) => {
		const mine = items.filter((i) => i.email?.toLowerCase() === email);
		const department = [...new Set(mine.map((i) => i.department).filter(Boolean))].join(', ');
		const params = {
			title: event.title,
			when,
			where: where_,
			registered: counts.confirmed,
			taken: event.placesTaken,
			capacity: event.capacity === null ? '' : t('capacity', { capacity: event.capacity }),
			waitlisted: counts.waitlisted,
			department: department ? t('department', { department }) : '',
			changed: options.changed ? t('changed') : '',
			items: mine.map((i) => t('item', { text: i.text, done: i.doneAt ? t('itemDone') : '' })).join('\n'),
			link,
			organiser: event.organiser || t('organiser'),
			page: `${origin}${eventPath(event.municipalitySlug, event.id, event.slug)}`
		};
		return {
			to: email,
			subject: t(options.changed ? 'subjectChanged' : 'subject', params),
			text: t('body', params),
			municipalityId: event.municipalityId
		};
	});
}

/**
 * "Briefing sturen": mails each colleague with an address on the checklist their briefing, and records when,
 * so a later change of time or place sends it again. Nobody on the list: refused in Dutch.
 */
const sendBriefingCommand = command({
	load: (ctx, scope, input: Target & { origin: string }) => findEvent(ctx.db, scope, input.unverifiedEventId),
	execute: async (tx, { ctx, scope, loaded, input, record }) => {
		if (loaded.status === 'cancelled')
			throw new AppError('conflict', { message: 'eventsAdmin.logistics.errors.cancelled' });
		const mails = await briefingMails(tx, ctx.locale, input.origin, loaded, { changed: false });
		if (mails.length === 0)
			throw new AppError('validation', { message: 'eventsAdmin.logistics.briefingNobody' });
		await setBriefedAt(tx, { municipalityId: scope.municipality.id, eventId: loaded.id });
		record.audit({
			action: 'event.briefing_sent',
			details: { eventId: loaded.id, name: loaded.title, recipients: mails.length }
		});
		record.event({
			municipalityId: scope.municipality.id,
			type: 'event.briefing_sent',
			subjectId: loaded.id,
			actorId: scope.actor.userId,
			payload: { recipients: mails.length }
		});
		return mails;
	}
});

/** Sends the briefing (sendBriefingCommand) and queues its mails once that has committed. */
export async function sendBriefing(ctx: Ctx, input: Target & { origin: string }): Promise<{ sent: number }> {
	const mails = await sendBriefingCommand(ctx, input);
	for (const mail of mails) await ctx.queueMail(mail);
	return { sent: mails.length };
}

/**
 * When an event whose briefing went out changes its time or place, each colleague on its checklist gets the
 * briefing again (marked as changed), queued in this handler's transaction: exactly once per change.
 */
export const resendBriefingOnChange = defineEventHandler({
	name: 'events.briefing-resend',
	events: ['event.updated'],
	async handle(domainEvent, tx, context) {
		if (!domainEvent.payload.fields.some((f) => TIME_OR_PLACE.includes(f))) return;
		const eventId = Number(domainEvent.subjectId);
		const where = { municipalityId: domainEvent.municipalityId, eventId };
		if (!(await getBriefedAt(tx, where))) return;
		const event = await getEvent(tx, { municipalityId: domainEvent.municipalityId, id: eventId });
		if (!event || event.status === 'cancelled') return;
		const origin = context.config.origin ?? `http://localhost:${context.config.port}`;
		const mails = await briefingMails(tx, DEFAULT_LOCALE, origin, event, { changed: true });
		for (const mail of mails) await context.queueMailIn(tx, mail);
		if (mails.length > 0) await setBriefedAt(tx, where);
	}
});

// Use cases of events on the public side: the list of a municipality's (or the region's) events and one
// event's page. Drafts are seen only by the staff who manage the municipality's events.
import { randomUUID } from 'node:crypto';
import type { Db } from '$lib/server/db/client';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import type { EventKind, EventStatus } from '$lib/domain/events';
import { listParticipatingMunicipalities } from '$lib/server/features/municipalities/municipalities.service';
import { canManageEvents, managesEventsWith } from './events.policy';
import { abilitiesHere } from '$lib/server/platform/backoffice';
import {
	getActiveRegistrationOfUser,
	countEvents as countEventRows,
	getEvent as getEventRow,
	listEvents as listEventRows,
	type EventRow
} from './events.queries';
import { presentEvent, presentReportPhotos, type EventView } from './events.present';
import { listReportPhotos } from './events.report.queries';
import { listReportChoices } from './events.admin.queries';
import { linkSuggestions } from '$lib/server/features/suggestions/suggestions.decisions.service';

/** A new event's iCalendar UID: random, stable for the event's life. */
export function newEventUid(): string {
	return `${randomUUID()}@meedoen`;
}

export const PUBLIC_STATUSES: readonly EventStatus[] = ['published', 'cancelled'];
const ALL_STATUSES: readonly EventStatus[] = ['draft', 'published', 'cancelled'];
export const EVENTS_PAGE_SIZE = 20;

function managesHere(ctx: Ctx, row: Pick<EventRow, 'municipalityId' | 'regionId'>): boolean {
	return canManageEvents(ctx.actor ?? null, { municipalityId: row.municipalityId, regionId: row.regionId });
}

/** An event of the municipality in ctx as its page shows it; a draft is not found except for its staff. */
export async function getEvent(ctx: TenantCtx, input: { id: number; now?: Date }): Promise<EventView> {
	const now = input.now ?? new Date();
	const row = await getEventRow(ctx.db, { municipalityId: ctx.tenant.id, id: input.id });
	if (!row) throw new AppError('not_found');
	const manages = managesHere(ctx, row);
	if (row.status === 'draft' && !manages) throw new AppError('not_found');
	// The online link reaches the staff and the people with a confirmed place.
	const registered =
		!manages && row.onlineUrl && ctx.actor
			? await getActiveRegistrationOfUser(ctx.db, {
					municipalityId: row.municipalityId,
					eventId: row.id,
					userId: ctx.actor.userId
				})
			: undefined;
	const view = presentEvent(row, now, { showOnlineUrl: manages || registered?.status === 'confirmed' });
	return withReportSuggestions(ctx.db, row, view);
}

/**
 * An event's page view with what its published report adds: the suggestions it chose, linked (those still
 * public), and its photos. A draft report adds nothing.
 */
export async function withReportSuggestions(db: Db, row: EventRow, view: EventView): Promise<EventView> {
	if (!row.reportPublishedAt) return view;
	const of = { municipalityId: row.municipalityId, eventId: row.id };
	const [choices, photos] = await Promise.all([listReportChoices(db, of), listReportPhotos(db, of)]);
	const reportSuggestions = await linkSuggestions(db, {
		municipalityId: row.municipalityId,
		municipalitySlug: row.municipalitySlug,
		ids: choices.map((c) => c.suggestionId)
	});
	return { ...view, reportSuggestions, reportPhotos: presentReportPhotos(photos) };
}

export interface EventListInput {
	/** Upcoming (and running) soonest first, or past latest first. */
	when: 'upcoming' | 'past';
	kind?: EventKind;
	actionId?: number;
	opportunityId?: number;
	themeId?: string;
	/** Events whose action has a theme with this slug (one filter for the region's shared default themes). */
	themeSlug?: string;
	/** Events starting at or after this moment (a date filter's first day, from midnight in Brussels). */
	from?: Date;
	/** Events starting before this moment (the midnight after a date filter's last day). */
	to?: Date;
	/** Also count every event the filter finds (for "12 activiteiten gevonden"). */
	withTotal?: boolean;
	/** Include drafts: only for staff who manage the municipality's events (refused otherwise). */
	drafts?: boolean;
	/** The cursor of the next page, as returned with the previous one. */
	cursor?: string | null;
	limit?: number;
	now?: Date;
}

export interface EventListPage {
	items: EventView[];
	/** Pass back as `cursor` for the next page; null on the last page. */
	nextCursor: string | null;
	/** Every event the filter finds, over all pages; only when asked (`withTotal`). */
	total?: number;
}

function encodeCursor(row: { startsAt: Date; id: number }): string {
	return Buffer.from(`${row.startsAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { startsAt: Date; id: number } {
	const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
	const startsAt = new Date(at ?? '');
	const n = Number(id);
	if (Number.isNaN(startsAt.getTime()) || !Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647)
		throw new AppError('bad_request');
	return { startsAt, id: n };
}

/** Whether a cursor is one this list gave out (the API names a bad one instead of failing the whole query). */
export function isEventCursor(cursor: string): boolean {
	try {
		decodeCursor(cursor);
		return cursor.length <= 100;
	} catch {
		return false;
	}
}

/**
 * The events of the municipality in ctx (or, outside one, of every participating municipality): upcoming or
 * past, filtered, one page at a time. Drafts only for the municipality's staff who manage events.
 */
export async function listEvents(ctx: Ctx, input: EventListInput): Promise<EventListPage> {
	const { rows, now, ...page } = await listEventRowPage(ctx, input);
	return {
		...page,
		items: rows.map((row) => presentEvent(row, now, { showOnlineUrl: input.drafts === true }))
	};
}

/**
 * listEvents' page as rows, for a list that presents them its own way (the list pages' cards): the same
 * filters, authorization and cursor.
 */
export async function listEventRowPage(
	ctx: Ctx,
	input: EventListInput
): Promise<Omit<EventListPage, 'items'> & { rows: EventRow[]; now: Date }> {
	const now = input.now ?? new Date();
	const limit = Math.min(Math.max(input.limit ?? EVENTS_PAGE_SIZE, 1), 100);
	const municipalityIds = ctx.tenant
		? [ctx.tenant.id]
		: (await listParticipatingMunicipalities(ctx)).map((m) => m.id);
	let statuses = PUBLIC_STATUSES;
	if (input.drafts) {
		if (!ctx.actor) throw new AppError('unauthenticated');
		const abilities = await abilitiesHere(ctx);
		if (!abilities || !managesEventsWith(abilities)) throw new AppError('forbidden');
		statuses = ALL_STATUSES;
	}
	const startsBefore = input.when === 'past' ? now : undefined;
	const filter = {
		municipalityIds,
		statuses,
		endsFrom: input.when === 'upcoming' ? now : undefined,
		startsFrom: input.from,
		startsBefore: input.to && (!startsBefore || input.to < startsBefore) ? input.to : startsBefore,
		kind: input.kind,
		actionId: input.actionId,
		opportunityId: input.opportunityId,
		themeId: input.themeId,
		themeSlug: input.themeSlug
	};
	const [rows, total] = await Promise.all([
		listEventRows(ctx.db, {
			...filter,
			order: input.when === 'upcoming' ? 'asc' : 'desc',
			after: input.cursor ? decodeCursor(input.cursor) : undefined,
			limit: limit + 1
		}),
		input.withTotal ? countEventRows(ctx.db, filter) : undefined
	]);
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	return {
		rows: page,
		now,
		nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
		...(total === undefined ? {} : { total })
	};
}

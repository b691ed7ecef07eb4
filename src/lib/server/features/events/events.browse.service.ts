// Use cases behind what citizens see of events: the lists (a municipality's, the region's, an action's and an
// opportunity's), an event's page with the person's own registration, and the API. Drafts never reach them:
// only listEvents/getEvent with staff rights show drafts, and these pages ask as the public.
import { officialsOf, type OfficialRole } from './events.officials.service';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import {
	listAllMunicipalities,
	listParticipatingMunicipalities
} from '$lib/server/features/municipalities/municipalities.service';
import { withTenant } from '$lib/server/platform/context';
import { cached } from '$lib/server/platform/cache';
import type { EventPageFilters } from '$lib/components/events/links';
import {
	getEvent as getEventRow,
	getEventOfAny,
	listActionsWithEvents,
	listEventChanges,
	listEventsByIds
} from './events.queries';
import { syncPage, type SyncPage, type SyncQuery } from '$lib/server/platform/api-sync';
import {
	presentEvent,
	presentEventCard,
	presentReportPhotos,
	type EventCardView,
	type EventView,
	type MyRegistrationView
} from './events.present';
import { listReportPhotosOf } from './events.report.queries';
import { getMyRegistration } from './events.registrations.service';
import {
	listEventRowPage,
	listEvents,
	PUBLIC_STATUSES,
	withReportSuggestions,
	type EventListPage
} from './events.service';
import { canManageEvents } from './events.policy';
import {
	presentEventApi,
	presentEventApiDetail,
	type EventApiDetail,
	type EventApiItem
} from './events.browse.present';
import { brusselsMidnight, brusselsMidnightAfter, type EventApiQuery } from './events.browse.schemas';

const PUBLIC = ['published', 'cancelled'] as const;

export interface EventBrowse extends Omit<EventListPage, 'items'> {
	/** As the list's cards show them (no rendered Markdown: the page sends only what it shows). */
	items: EventCardView[];
	total: number;
	/** The actions with public events, for the action filter (a municipality's list only). */
	actions: { id: number; title: string }[];
}

/**
 * A list page of events: the municipality's in ctx, or the region's outside one; upcoming soonest first or
 * past latest first, filtered, one page after the cursor, with the count of all it finds.
 */
export async function browseEvents(
	ctx: Ctx,
	input: { filters: EventPageFilters; participating?: boolean; now?: Date }
): Promise<EventBrowse> {
	if (input.participating === false) return { items: [], nextCursor: null, total: 0, actions: [] };
	const f = input.filters;
	const [page, actions] = await Promise.all([
		listEventRowPage(ctx, {
			when: f.when,
			kind: f.kind,
			actionId: f.action,
			themeSlug: f.theme,
			from: f.from ? (brusselsMidnight(f.from) ?? undefined) : undefined,
			to: f.to ? (brusselsMidnightAfter(f.to) ?? undefined) : undefined,
			cursor: f.cursor,
			withTotal: true,
			now: input.now
		}),
		ctx.tenant ? listActionsWithEvents(ctx.db, { municipalityIds: [ctx.tenant.id], statuses: PUBLIC }) : []
	]);
	return {
		items: page.rows.map((row) => presentEventCard(row, page.now)),
		nextCursor: page.nextCursor,
		total: page.total ?? 0,
		actions
	};
}

/**
 * The next public events of the municipality in ctx, or of the region outside one, for the homes: the same for
 * everyone, so kept in the read cache like the newest actions (at most 10 s, cleared by any write).
 */
export async function listNextEvents(ctx: Ctx, input: { limit: number }): Promise<EventView[]> {
	return cached(ctx.cache, `next-events:${ctx.tenant?.id ?? 'region'}:${input.limit}`, async () => {
		const page = await listEvents(ctx, { when: 'upcoming', limit: input.limit });
		return page.items;
	});
}

/**
 * What an action's page shows of its events: the upcoming ones and the reports of past ones. Public and the
 * same for everyone, so kept in the read cache with the action page's public part.
 */
export async function listEventsOfAction(
	ctx: TenantCtx,
	input: { actionId: number }
): Promise<{ upcoming: EventView[]; reports: EventView[] }> {
	return cached(ctx.cache, `action-events:${ctx.tenant.id}:${input.actionId}`, async () => {
		const [upcoming, reports] = await Promise.all([
			listUpcomingEventsOf(ctx, { actionId: input.actionId }),
			listReportsOf(ctx, { actionId: input.actionId })
		]);
		return { upcoming, reports };
	});
}

/** The upcoming public events of one action or one opportunity, soonest first: their pages list them. */
export async function listUpcomingEventsOf(
	ctx: TenantCtx,
	input: { actionId?: number; opportunityId?: number; limit?: number; now?: Date }
): Promise<EventView[]> {
	if (input.actionId === undefined && input.opportunityId === undefined) return [];
	const page = await listEvents(ctx, {
		when: 'upcoming',
		actionId: input.actionId,
		opportunityId: input.opportunityId,
		limit: input.limit ?? 10,
		now: input.now
	});
	return page.items;
}

/** The past public events of an action whose report is published, latest first, with their photos: its page links them. */
export async function listReportsOf(
	ctx: TenantCtx,
	input: { actionId: number; limit?: number; now?: Date }
): Promise<EventView[]> {
	const page = await listEvents(ctx, {
		when: 'past',
		actionId: input.actionId,
		limit: 20,
		now: input.now
	});
	const reports = page.items.filter((e) => e.reportHtml !== null).slice(0, input.limit ?? 5);
	// The reports' photos in one statement, shown small beside each report's link.
	const photos = await listReportPhotosOf(ctx.db, {
		municipalityId: ctx.tenant.id,
		eventIds: reports.map((e) => e.id)
	});
	return reports.map((e) => ({
		...e,
		reportPhotos: presentReportPhotos(photos.filter((p) => p.eventId === e.id))
	}));
}

export interface EventPage {
	event: EventView;
	/** The event's own address when the one asked had an old or mistyped slug. */
	redirectTo: string | null;
	/** The person's live registration (not cancelled), when logged in and registered. */
	registration: MyRegistrationView | null;
	/** Staff who manage the municipality's events see drafts (marked); no one else finds them. */
	manages: boolean;
	/** The alderman and civil servants attending (events.officials.service.ts). */
	officials: { name: string; role: OfficialRole }[];
}

/**
 * An event's page: the event, the person's own registration, and the online link for a person with a
 * confirmed place (and the staff who manage it). A draft is not found except for its staff.
 */
export async function getEventPage(
	ctx: TenantCtx,
	input: { id: number; slug: string; now?: Date }
): Promise<EventPage> {
	const now = input.now ?? new Date();
	const row = await getEventRow(ctx.db, { municipalityId: ctx.tenant.id, id: input.id });
	if (!row) throw new AppError('not_found');
	const manages = canManageEvents(ctx.actor ?? null, {
		municipalityId: row.municipalityId,
		regionId: row.regionId
	});
	if (row.status === 'draft' && !manages) throw new AppError('not_found');
	// The officials do not depend on the person: read beside their registration, not after it.
	const [mine, officials] = await Promise.all([
		getMyRegistration(ctx, { eventId: row.id }),
		officialsOf(ctx.db, { municipalityId: row.municipalityId, eventId: row.id })
	]);
	const event = await withReportSuggestions(
		ctx.db,
		row,
		presentEvent(row, now, { showOnlineUrl: manages || mine?.status === 'confirmed' })
	);
	return {
		event,
		redirectTo: input.slug === row.slug ? null : event.path,
		registration: mine,
		manages,
		officials
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

/** A participating municipality's public events for the API, filtered, one page after the cursor. */
export async function listEventsForApi(
	ctx: Ctx,
	input: { municipalitySlug: string; query: EventApiQuery; origin: string; now?: Date }
): Promise<{ data: EventApiItem[]; nextCursor: string | null }> {
	const municipality = (await listParticipatingMunicipalities(ctx)).find(
		(m) => m.slug === input.municipalitySlug
	);
	if (!municipality) {
		const known = (await listAllMunicipalities(ctx)).some((m) => m.slug === input.municipalitySlug);
		// A municipality that does not take part yet has no public events; an unknown one does not exist.
		if (known) return { data: [], nextCursor: null };
		throw new AppError('not_found');
	}
	const { query } = input;
	// As the public: the API never shows drafts, whoever's session comes along.
	const publicCtx = withTenant(
		{ ...ctx, actor: undefined },
		{ id: municipality.id, slug: municipality.slug }
	);
	const page = await listEvents(publicCtx, {
		when: query.when,
		from: query.from,
		to: query.to,
		themeSlug: query.theme,
		kind: query.kind,
		actionId: query.action,
		cursor: query.cursor,
		limit: query.limit,
		now: input.now
	});
	return { data: page.items.map((e) => presentEventApi(e, input.origin)), nextCursor: page.nextCursor };
}

/**
 * The sync of a municipality's events (`updated_since`): every event changed since, past ones too, public ones
 * in `data`, the others (made a draft again) as tombstones. Unknown municipality: not found; one that does not
 * take part: nothing.
 */
export async function syncEventsForApi(
	ctx: Ctx,
	input: { municipalitySlug: string; query: SyncQuery; origin: string; now?: Date }
): Promise<SyncPage<EventApiItem>> {
	const municipality = (await listParticipatingMunicipalities(ctx)).find(
		(m) => m.slug === input.municipalitySlug
	);
	if (!municipality) {
		const known = (await listAllMunicipalities(ctx)).some((m) => m.slug === input.municipalitySlug);
		if (!known) throw new AppError('not_found');
		return syncPage(ctx.db, input.query, [], async () => new Map());
	}
	const changes = await listEventChanges(ctx.db, { municipalityId: municipality.id, query: input.query });
	const now = input.now ?? new Date();
	return syncPage(ctx.db, input.query, changes, async (ids) => {
		const rows = await listEventsByIds(ctx.db, {
			municipalityId: municipality.id,
			ids,
			statuses: PUBLIC_STATUSES
		});
		return new Map(
			rows.map((row) => [
				row.id,
				presentEventApi(presentEvent(row, now, { showOnlineUrl: false }), input.origin)
			])
		);
	});
}

/** One public event of a participating municipality, by id. */
export async function getEventForApi(
	ctx: Ctx,
	input: { id: number; origin: string; now?: Date }
): Promise<EventApiDetail> {
	const municipalityIds = (await listParticipatingMunicipalities(ctx)).map((m) => m.id);
	const row = await getEventOfAny(ctx.db, { municipalityIds, id: input.id });
	if (!row || row.status === 'draft') throw new AppError('not_found');
	return presentEventApiDetail(
		presentEvent(row, input.now ?? new Date(), { showOnlineUrl: false }),
		input.origin
	);
}

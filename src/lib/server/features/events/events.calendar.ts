// The calendar feeds calendar apps subscribe to: a municipality's public events (/{municipality}/activiteiten.ics)
// and a person's own registrations behind a secret link (/agenda/{token}.ics).
//
// The personal link's token is derived, not stored: HMAC-SHA256 of the person's id and their renewal count
// under an installation secret (made by the feature's seed and kept in platform_meta), so the profile can show the same
// link every time and "make a new link" (the count goes up) stops the old one at once. The token starts with
// the person's id, which says whose feed to check; without the secret nobody can make a valid one.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { etagOf } from '$lib/server/platform/feed-response';
import { translate } from '$lib/i18n';
import { eventPath, type RegistrationStatus } from '$lib/domain/events';
import type { Db } from '$lib/server/db/client';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { cached } from '$lib/server/platform/cache';
import { AppError, notFound } from '$lib/server/platform/errors';
import { feedCalendar, type CalendarEvent } from '$lib/server/platform/ical';
import { installationSecret } from '$lib/server/platform/secrets';
import {
	FEED_SECRET_KEY,
	getFeedKey,
	incrementFeedRotation,
	listFeedEvents,
	listRegisteredEvents,
	type FeedEventRow,
	type RegisteredEventRow
} from './events.ical';
import { getEvent as getEventRow } from './events.queries';

/** Events that ended this many days ago still show, so the week's calendar keeps what just happened. */
export const FEED_RECENT_DAYS = 30;
/**
 * At most this many events in a municipality's feed, soonest first (the recent past counts too); later ones
 * join it as the first ones end. A calendar app fetches the whole feed every hour: 2,000 events were 1.1 MB.
 */
export const FEED_LIMIT = 500;
/** At most this many in a person's own feed. */
export const PERSONAL_FEED_LIMIT = 500;

const DAY = 86_400_000;

/** A calendar ready to send: its text and the validator for conditional requests. */
export interface CalendarFeed {
	body: string;
	/** A strong ETag of the body. */
	etag: string;
}

/**
 * The published (and cancelled) events of the municipality, upcoming and of the last FEED_RECENT_DAYS, the
 * FEED_LIMIT soonest. The same text for everyone who asks, so it is rendered once and kept in the read cache
 * (at most 10 s, cleared by any write) with its ETag.
 */
export async function municipalityCalendar(
	ctx: TenantCtx,
	input: { origin: string; municipalityName: string; now?: Date }
): Promise<CalendarFeed> {
	// A test that fixes the clock reads straight through: the window moves with `now`.
	if (input.now) return renderMunicipalityCalendar(ctx, { ...input, now: input.now });
	return cached(ctx.cache, `calendar-feed:${ctx.tenant.id}:${ctx.locale}:${input.origin}`, () =>
		renderMunicipalityCalendar(ctx, { ...input, now: new Date() })
	);
}

async function renderMunicipalityCalendar(
	ctx: TenantCtx,
	input: { origin: string; municipalityName: string; now: Date }
): Promise<CalendarFeed> {
	const { now } = input;
	const rows = await listFeedEvents(ctx.db, {
		municipalityId: ctx.tenant.id,
		endsFrom: new Date(now.getTime() - FEED_RECENT_DAYS * DAY),
		limit: FEED_LIMIT
	});
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
		translate(ctx.locale, key, params);
	const body = feedCalendar({
		name: t('calendar.municipalityFeedName', { municipality: input.municipalityName }),
		description: t('calendar.municipalityFeedDescription', { municipality: input.municipalityName }),
		events: rows.map((row) =>
			calendarEventOf(ctx, row, { origin: input.origin, municipalitySlug: ctx.tenant.slug })
		),
		now: lastChange(rows)
	});
	return { body, etag: etagOf(body) };
}

/** The person's own feed: the events they hold a place for or wait for. An unknown or old token is a 404. */
export async function personalCalendar(
	ctx: Ctx,
	input: { unverifiedToken: string; origin: string; now?: Date }
): Promise<CalendarFeed> {
	const userId = await verifyFeedToken(ctx, input.unverifiedToken);
	if (!userId) throw notFound();
	const now = input.now ?? new Date();
	const rows = await listRegisteredEvents(ctx.db, {
		userId,
		endsFrom: new Date(now.getTime() - FEED_RECENT_DAYS * DAY),
		limit: PERSONAL_FEED_LIMIT
	});
	const body = feedCalendar({
		name: translate(ctx.locale, 'calendar.personalFeedName'),
		description: translate(ctx.locale, 'calendar.personalFeedDescription'),
		events: rows.map((row) =>
			calendarEventOf(ctx, row, {
				origin: input.origin,
				municipalitySlug: row.municipalitySlug,
				registration: row.registrationStatus,
				onlineUrl: row.onlineUrl
			})
		),
		now: lastChange(rows)
	});
	return { body, etag: etagOf(body) };
}

/** The path of the logged-in person's feed, for their profile. */
export async function personalCalendarPath(ctx: Ctx): Promise<string> {
	const userId = requireActor(ctx);
	const key = await feedKey(ctx, userId);
	if (!key) throw new AppError('unauthenticated');
	return feedPath(userId, key);
}

/** A new link for the logged-in person's feed; the old one stops working. Returns the new path. */
export async function renewPersonalCalendar(ctx: Ctx): Promise<string> {
	const userId = requireActor(ctx);
	await incrementFeedRotation(ctx.db, { userId });
	return personalCalendarPath(ctx);
}

/** The feed secret at every start (the feature's seed), so reading a feed or a profile never writes. */
export async function seedCalendarFeedSecret(db: Db): Promise<void> {
	await installationSecret(db, FEED_SECRET_KEY);
}

function requireActor(ctx: Ctx): string {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor.userId;
}

// ---------------------------------------------------------------------------------------------
// The token
// ---------------------------------------------------------------------------------------------

const TOKEN = /^([0-9a-f]{32})([A-Za-z0-9_-]{22})$/;

/**
 * Secret and renewal count of a person, read in one statement (a feed is fetched every hour by each calendar);
 * makes the secret only if the seed has not (a database without it).
 */
async function feedKey(ctx: Ctx, userId: string): Promise<{ rotation: number; secret: string } | undefined> {
	const key = await getFeedKey(ctx.db, { userId });
	if (!key) return undefined;
	return {
		rotation: key.rotation,
		secret: key.secret ?? (await installationSecret(ctx.db, FEED_SECRET_KEY))
	};
}

function mac(secret: string, userId: string, rotation: number): string {
	return createHmac('sha256', secret)
		.update(`calendar-feed|${userId}|${rotation}`)
		.digest()
		.subarray(0, 16)
		.toString('base64url');
}

function feedPath(userId: string, key: { rotation: number; secret: string }): string {
	return `/agenda/${userId.replaceAll('-', '')}${mac(key.secret, userId, key.rotation)}.ics`;
}

/** The person a feed token belongs to, when it is their current one. */
async function verifyFeedToken(ctx: Ctx, unverifiedToken: string): Promise<string | null> {
	const match = TOKEN.exec(unverifiedToken);
	if (!match) return null;
	const hex = match[1]!;
	const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	const key = await feedKey(ctx, userId);
	if (!key) return null;
	const expected = Buffer.from(mac(key.secret, userId, key.rotation));
	const given = Buffer.from(match[2]!);
	return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

// ---------------------------------------------------------------------------------------------
// From a row to what a calendar shows
// ---------------------------------------------------------------------------------------------

/**
 * "Zet in mijn agenda" on an event's page: the one public event as a calendar file to open (METHOD:PUBLISH),
 * with its stable UID and SEQUENCE, so a newer download updates the same entry. Never the online link: the
 * file is public. Not for a draft.
 */
export async function eventCalendarFile(
	ctx: TenantCtx,
	input: { id: number; origin: string; now?: Date }
): Promise<{ filename: string; body: string }> {
	const row = await getEventRow(ctx.db, { municipalityId: ctx.tenant.id, id: input.id });
	if (!row || row.status === 'draft') throw new AppError('not_found');
	const body = feedCalendar({
		name: row.title,
		events: [calendarEventOf(ctx, row, { origin: input.origin, municipalitySlug: ctx.tenant.slug })],
		now: input.now ?? row.updatedAt
	});
	return { filename: `${row.slug || 'activiteit'}-${row.id}.ics`, body };
}

/** An event as calendars see it, in the feeds and in the invitation a registration's mail carries. */
export function calendarEventOf(
	ctx: Pick<Ctx, 'locale'>,
	row: FeedEventRow,
	options: {
		origin: string;
		municipalitySlug: string;
		registration?: RegistrationStatus;
		onlineUrl?: string | null;
	}
): CalendarEvent {
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) =>
		translate(ctx.locale, key, params);
	const url = new URL(eventPath(options.municipalitySlug, row.id, row.slug), options.origin).href;
	const cancelled = row.status === 'cancelled';
	const waitlisted = options.registration === 'waitlisted';
	const summary = cancelled
		? t('calendar.cancelled', { title: row.title })
		: waitlisted
			? t('calendar.waitlisted', { title: row.title })
			: row.title;
	const online = row.kind === 'online';
	const location =
		[row.venueName, row.address].filter(Boolean).join(', ') || (online ? t('calendar.online') : '');
	const paragraphs = [
		row.description.trim(),
		row.whatToBring ? t('calendar.whatToBring', { text: row.whatToBring }) : '',
		row.accessibility ? t('calendar.accessibility', { text: row.accessibility }) : '',
		waitlisted ? t('calendar.waitlistNote') : '',
		// The online link is for people with a place only, as on the event's page.
		options.registration === 'confirmed' && options.onlineUrl
			? t('calendar.onlineLink', { url: options.onlineUrl })
			: '',
		t('calendar.moreInfo', { url })
	];
	return {
		uid: row.uid,
		sequence: row.sequence,
		start: row.startsAt,
		end: row.endsAt,
		summary,
		description: paragraphs.filter(Boolean).join('\n\n'),
		location,
		url,
		geo: row.lat !== null && row.lng !== null ? { lat: row.lat, lon: row.lng } : null,
		status: cancelled ? 'cancelled' : waitlisted ? 'tentative' : 'confirmed',
		updatedAt: row.updatedAt
	};
}

/**
 * DTSTAMP of a feed: the last change among its events, so the same events give the same text (and ETag)
 * until one changes. An empty feed has no change to name; the Unix epoch keeps it stable too.
 */
function lastChange(rows: readonly (FeedEventRow | RegisteredEventRow)[]): Date {
	let last = 0;
	for (const row of rows) last = Math.max(last, row.updatedAt.getTime());
	return new Date(last);
}

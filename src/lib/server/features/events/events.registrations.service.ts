// Registering for an event and giving the place up: with an account in one click, without one with a name
// and an address confirmed through a mailed link; a full event puts people on its waitlist, and a place that
// comes free goes to the waitlist in arrival order. Every change to who has a place runs in one transaction
// that first locks the event's row (SELECT … FOR UPDATE), so 500 people asking for the last 20 places at once
// get exactly 20 of them, in the order the lock let them in, and nobody is lost. Mails are queued after the
// transaction commits, through the platform's mail job.
import type { Db } from '$lib/server/db/client';
import type { TenantCtx } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import { DEFAULT_LOCALE } from '$lib/i18n';
import { AppError, isAppError, isUniqueViolation } from '$lib/server/platform/errors';
import { submitBatched, type Settled } from '$lib/server/platform/batch';
import { writeDomainEvent } from '$lib/server/platform/events';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import type { RawInput } from '$lib/server/platform/validation';
import type { RegistrationStatus } from '$lib/domain/events';
import {
	countPlacesTaken,
	deleteUnconfirmedRegistrations,
	getActiveRegistrationByEmail,
	getAccountContact,
	getActiveRegistrationOfUser,
	getEvent as getEventRow,
	getRegistrationByTokenHash,
	getWaitlistPosition,
	insertRegistration,
	listEventsWithFreedPlaces,
	listRegistrations,
	lockEvent,
	takeTurn,
	updateRegistration,
	type EventFields,
	type RegistrationRow
} from './events.queries';
import {
	checkAnswers,
	guestSchema,
	registrationSchema,
	tokenSchema,
	validateRegistration
} from './events.schemas';
import {
	presentEvent,
	presentMyRegistration,
	registrationClosesAt,
	type EventView,
	presentRegistrationForStaff,
	type MyRegistrationView,
	type RegistrationStaffView
} from './events.present';
import { abilitiesHere } from '$lib/server/platform/backoffice';
import { managesEventsWith } from './events.policy';
import { registrationMessage, type RegistrationMail } from './events.mail';
import './events.events';

const E = 'eventRegistration.errors';

/** Where a registration stands after a use case. */
export interface RegistrationOutcome {
	registrationId: number;
	eventId: number;
	status: Exclude<RegistrationStatus, 'cancelled'>;
	/** 1 for the first on the waitlist; null when not waitlisted. */
	waitlistPosition: number | null;
}

export interface CancellationOutcome {
	registrationId: number;
	eventId: number;
	/** How many people on the waitlist got a place that came free. */
	movedUp: number;
}

/** A mail to queue once the transaction has committed. */
export type PendingMail = Omit<RegistrationMail, 'event' | 'municipality'>;

/** Whether the event takes registrations now (published, not started, before its deadline). */
export function takesRegistrations(event: EventFields, now: Date = new Date()): boolean {
	try {
		assertTakesRegistrations(event, now);
		return true;
	} catch {
		return false;
	}
}

/** Refuses a registration (or a confirmation) for an event that does not take them now. */
function assertTakesRegistrations(event: EventFields, now: Date): void {
	if (event.status === 'draft') throw new AppError('not_found');
	if (event.status === 'cancelled') throw new AppError('conflict', { message: `${E}.eventCancelled` });
	if (event.startsAt <= now) throw new AppError('conflict', { message: `${E}.eventPast` });
	if (registrationClosesAt(event) <= now)
		throw new AppError('conflict', { message: `${E}.registrationClosed` });
}

/** Refuses what the event does not take now (see assertTakesRegistrations) and too many companions; the answers. */
function checkRequest(
	event: EventFields,
	request: { companions: number; answers: Record<string, unknown> },
	now: Date
) {
	assertTakesRegistrations(event, now);
	if (request.companions > event.maxCompanions)
		throw new AppError('validation', {
			message: `${E}.companionsTooMany`,
			fields: { companions: [`${E}.companionsTooManyField`] },
			details: { max: event.maxCompanions }
		});
	return checkAnswers(event.questions, request.answers);
}

/** Places left now (under the event's lock); null without a limit. */
async function placesLeft(tx: Db, event: EventFields): Promise<number | null> {
	if (event.capacity === null) return null;
	const taken = await countPlacesTaken(tx, { municipalityId: event.municipalityId, eventId: event.id });
	return Math.max(0, event.capacity - taken);
}

async function waitlistPosition(tx: Db, event: EventFields, registrationId: number): Promise<number> {
	return getWaitlistPosition(tx, {
		municipalityId: event.municipalityId,
		eventId: event.id,
		id: registrationId
	});
}

async function queueMails(ctx: TenantCtx, origin: string, event: EventFields, mails: PendingMail[]) {
	const municipality = await municipalityOf(ctx, event);
	for (const mail of mails)
		await ctx.queueMail(
			await registrationMessage(ctx.db, ctx.locale, origin, { ...mail, event, municipality })
		);
}

async function municipalityOf(ctx: TenantCtx, event: EventFields) {
	const row = await getEventRow(ctx.db, { municipalityId: event.municipalityId, id: event.id });
	return { slug: ctx.tenant.slug, name: row?.municipalityName ?? ctx.tenant.slug };
}

function recipientOf(row: Pick<RegistrationRow, 'name' | 'email'>) {
	return row.email ? { name: row.name, email: row.email } : null;
}

/**
 * Registers for an event of the municipality in ctx. Logged in: at once, confirmed or waitlisted. Without an
 * account: `name` and `email` are needed, the registration is `pending` and a mail with a link to confirm the
 * address goes out (sending the form again for a pending address sends a new link). A place counts the person
 * and their companions; when there is no room for all of them the registration goes on the waitlist if the
 * event is full or `waitlist` is ticked, and is refused (with the places left) otherwise.
 * Refused: a draft (not found), a cancelled or past event, a passed deadline, more companions than the event
 * allows, registering twice, a text answer too long.
 */
export async function registerForEvent(
	ctx: TenantCtx,
	input: RawInput<typeof registrationSchema> & { name?: unknown; email?: unknown; origin: string; now?: Date }
): Promise<RegistrationOutcome> {
	const parsed = validateRegistration(registrationSchema, input);
	const actor = ctx.actor ?? null;
	const now = input.now ?? new Date();
	const token = newToken();
	if (actor)
		return registerAccount(ctx, { ...parsed, userId: actor.userId, token, now, origin: input.origin });
	const guest = validateRegistration(guestSchema, { name: input.name, email: input.email });
	// Each pending registration mails an address someone typed: a few per address and quarter of an hour.
	await enforceRateLimits(
		ctx.db,
		[{ key: `event-registration:email:${hashToken(guest.email)}`, limit: 5, windowSeconds: 15 * 60 }],
		`${E}.rateLimited`,
		'email'
	);
	let result: { event: EventFields; outcome: RegistrationOutcome };
	try {
		result = await ctx.db.transaction(async (tx) => {
			const locked = await lockEvent(tx, { municipalityId: ctx.tenant.id, id: parsed.eventId });
			if (!locked) throw new AppError('not_found');
			const answers = checkRequest(locked, parsed, now);
			const where = { municipalityId: locked.municipalityId, eventId: locked.id };
			const existing = await getActiveRegistrationByEmail(tx, { ...where, email: guest.email });
			if (existing && existing.status !== 'pending')
				throw new AppError('conflict', {
					message: `${E}.alreadyRegisteredEmail`,
					fields: { email: [`${E}.alreadyRegisteredEmail`] }
				});
			let id: number;
			if (existing) {
				// The same form again before confirming: a new link (the old one stops working), the new answers.
				await updateRegistration(tx, {
					municipalityId: locked.municipalityId,
					id: existing.id,
					tokenHash: hashToken(token),
					name: guest.name,
					companions: parsed.companions,
					answers
				});
				id = existing.id;
			} else {
				({ id } = await insertRegistration(tx, {
					...where,
					name: guest.name,
					email: guest.email,
					companions: parsed.companions,
					answers,
					status: 'pending',
					tokenHash: hashToken(token),
					queued: false
				}));
				await writeDomainEvent(tx, {
					type: 'registration.created',
					municipalityId: locked.municipalityId,
					subjectId: id,
					payload: { eventId: locked.id, status: 'pending', companions: parsed.companions }
				});
			}
			return {
				event: locked,
				outcome: { registrationId: id, eventId: locked.id, status: 'pending', waitlistPosition: null }
			};
		});
	} catch (err) {
		// The same address sent twice at once: the unique index let one in.
		if (isUniqueViolation(err))
			throw new AppError('conflict', {
				message: `${E}.alreadyRegisteredEmail`,
				fields: { email: [`${E}.alreadyRegisteredEmail`] }
			});
		throw err;
	}
	await queueMails(ctx, input.origin, result.event, [
		{ kind: 'pending', recipient: guest, companions: parsed.companions, token }
	]);
	return result.outcome;
}

/**
 * Registers a person known by their invitation's link rather than a session (events.invitations.service.ts):
 * as the page's one button would, without companions or answers (an event's questions are optional); on the
 * waitlist when it is full. Refused as registering is (a cancelled or past event, a passed deadline, twice).
 */
export async function registerInvitedPerson(
	ctx: TenantCtx,
	input: { eventId: number; userId: string; origin: string; now?: Date }
): Promise<RegistrationOutcome> {
	return registerAccount(ctx, {
		eventId: input.eventId,
		companions: 0,
		answers: {},
		waitlist: false,
		userId: input.userId,
		token: newToken(),
		now: input.now ?? new Date(),
		origin: input.origin
	});
}

/**
 * Confirmed when there is room for the person and their companions; waitlisted when the event is full, or
 * when `waitlist` is asked for (or `force`: a confirmation by mail, which cannot change what was asked);
 * refused otherwise, with the places left.
 */
async function placeFor(
	tx: Db,
	event: EventFields,
	companions: number,
	waitlist: boolean
): Promise<'confirmed' | 'waitlisted'> {
	const left = await placesLeft(tx, event);
	const need = 1 + companions;
	if (left === null || left >= need) return 'confirmed';
	if (left === 0 || waitlist) return 'waitlisted';
	throw noRoomForCompanions(left);
}

function noRoomForCompanions(left: number): AppError {
	return new AppError('conflict', {
		message: `${E}.noRoomForCompanions`,
		fields: { companions: [`${E}.noRoomForCompanionsField`] },
		details: { left }
	});
}

async function registrationByToken(ctx: TenantCtx, db: Db, unverifiedToken: unknown) {
	const { unverifiedToken: token } = validateRegistration(tokenSchema, { unverifiedToken });
	const row = await getRegistrationByTokenHash(db, {
		municipalityId: ctx.tenant.id,
		tokenHash: hashToken(token)
	});
	if (!row) {
		ctx.log.warn({ municipalityId: ctx.tenant.id }, 'event registration link refused');
		throw new AppError('bad_request', {
			message: `${E}.linkInvalid`,
			fields: { token: [`${E}.linkInvalid`] }
		});
	}
	return { row, token };
}

/**
 * Confirms the address of a registration without an account (the POST of the mailed link's page): it takes its
 * turn now, confirmed when there is room for the person and their companions, else on the waitlist. Asking
 * again changes nothing and answers where it stands.
 */
export async function confirmRegistration(
	ctx: TenantCtx,
	input: { unverifiedToken: unknown; origin: string; now?: Date }
): Promise<RegistrationOutcome> {
	const now = input.now ?? new Date();
	const { row: found, token } = await registrationByToken(ctx, ctx.db, input.unverifiedToken);
	const result = await ctx.db.transaction(async (tx) => {
		const event = await lockEvent(tx, { municipalityId: found.municipalityId, id: found.eventId });
		if (!event) throw new AppError('not_found');
		const { row } = await registrationByToken(ctx, tx, token);
		if (row.status === 'cancelled') throw new AppError('conflict', { message: `${E}.registrationCancelled` });
		if (row.status !== 'pending')
			return {
				event,
				mail: null,
				outcome: {
					registrationId: row.id,
					eventId: event.id,
					status: row.status,
					waitlistPosition: row.status === 'waitlisted' ? await waitlistPosition(tx, event, row.id) : null
				}
			};
		assertTakesRegistrations(event, now);
		const status = await placeFor(tx, event, row.companions, true);
		await updateRegistration(tx, {
			municipalityId: event.municipalityId,
			id: row.id,
			status,
			queued: true,
			confirmed: status === 'confirmed'
		});
		await writeDomainEvent(tx, {
			type: 'registration.status_changed',
			municipalityId: event.municipalityId,
			subjectId: row.id,
			payload: { eventId: event.id, from: 'pending', to: status, reason: 'email_confirmed' }
		});
		const position = status === 'waitlisted' ? await waitlistPosition(tx, event, row.id) : null;
		const recipient = recipientOf(row);
		return {
			event,
			mail: recipient
				? {
						kind: status,
						recipient,
						companions: row.companions,
						token,
						position: position ?? undefined,
						registrationId: row.id
					}
				: null,
			outcome: { registrationId: row.id, eventId: event.id, status, waitlistPosition: position }
		};
	});
	if (result.mail) await queueMails(ctx, input.origin, result.event, [result.mail]);
	return result.outcome as RegistrationOutcome;
}

/**
 * Gives a place (or a place on the waitlist) up: by the mailed link's secret, no login needed, or logged in
 * from the event's page (`eventId`). A place that comes free goes to the waitlist in arrival order, as many as
 * fit with their companions (one who does not fit keeps their turn for the next place); they are mailed.
 */
export async function cancelRegistration(
	ctx: TenantCtx,
	input: ({ unverifiedToken: unknown } | { eventId: number }) & { origin: string; now?: Date }
): Promise<CancellationOutcome> {
	const now = input.now ?? new Date();
	let found: Pick<RegistrationRow, 'id' | 'eventId' | 'municipalityId'>;
	if ('unverifiedToken' in input) found = (await registrationByToken(ctx, ctx.db, input.unverifiedToken)).row;
	else {
		if (!ctx.actor) throw new AppError('unauthenticated');
		const mine = await getActiveRegistrationOfUser(ctx.db, {
			municipalityId: ctx.tenant.id,
			eventId: input.eventId,
			userId: ctx.actor.userId
		});
		if (!mine) throw new AppError('conflict', { message: `${E}.notRegistered` });
		found = mine;
	}
	const result = await ctx.db.transaction(async (tx) => {
		const event = await lockEvent(tx, { municipalityId: found.municipalityId, id: found.eventId });
		if (!event) throw new AppError('not_found');
		// Read again under the lock: a cancellation racing this one has either finished or not begun.
		const [row] = (
			await listRegistrations(tx, { municipalityId: event.municipalityId, eventId: event.id })
		).filter((r) => r.id === found.id);
		if (!row || row.status === 'cancelled')
			throw new AppError('conflict', { message: `${E}.registrationCancelled` });
		await updateRegistration(tx, {
			municipalityId: event.municipalityId,
			id: row.id,
			status: 'cancelled',
			cancelled: true
		});
		await writeDomainEvent(tx, {
			type: 'registration.status_changed',
			municipalityId: event.municipalityId,
			subjectId: row.id,
			actorId: ctx.actor?.userId ?? null,
			payload: { eventId: event.id, from: row.status, to: 'cancelled', reason: 'cancelled' }
		});
		const mails: PendingMail[] = [];
		const recipient = recipientOf(row);
		if (recipient)
			mails.push({
				kind: 'cancelled',
				recipient,
				companions: row.companions,
				hadPlace: row.status === 'confirmed'
			});
		const moved =
			row.status === 'confirmed' && event.status === 'published' && event.startsAt > now
				? await fillPlacesFromWaitlist(tx, event)
				: [];
		mails.push(...moved);
		return { event, mails, outcome: { registrationId: row.id, eventId: event.id, movedUp: moved.length } };
	});
	await queueMails(ctx, input.origin, result.event, result.mails);
	return result.outcome;
}

/**
 * Gives the places that are free to the waitlist, in arrival order, as many as fit with their companions; one
 * who does not fit keeps their turn. Call inside the transaction that locked the event (`lockEvent`): a
 * cancellation, or staff raising the capacity. Each one moved up gets a new link (the mail carries it) and a
 * domain event; returns the mails to queue once the transaction has committed.
 */
export async function fillPlacesFromWaitlist(tx: Db, event: EventFields): Promise<PendingMail[]> {
	let left = await placesLeft(tx, event);
	const waiting = await listRegistrations(tx, {
		municipalityId: event.municipalityId,
		eventId: event.id,
		statuses: ['waitlisted']
	});
	const mails: PendingMail[] = [];
	for (const w of waiting) {
		if (left !== null && left < 1) break;
		const need = 1 + w.companions;
		if (left !== null && need > left) continue;
		const token = newToken();
		await updateRegistration(tx, {
			municipalityId: event.municipalityId,
			id: w.id,
			status: 'confirmed',
			confirmed: true,
			tokenHash: hashToken(token)
		});
		await writeDomainEvent(tx, {
			type: 'registration.status_changed',
			municipalityId: event.municipalityId,
			subjectId: w.id,
			payload: { eventId: event.id, from: 'waitlisted', to: 'confirmed', reason: 'moved_up' }
		});
		if (left !== null) left -= need;
		const recipient = recipientOf(w);
		if (recipient)
			mails.push({ kind: 'movedUp', recipient, companions: w.companions, token, registrationId: w.id });
	}
	return mails;
}

/**
 * Gives places freed without a cancellation (an erased account, a removed entry of the list of interest) to
 * the waitlist, event by event under its lock, and queues each moved-up person's mail in that transaction, so
 * the move and its mail commit together. Run by the hourly job for every municipality, and at once by a
 * removal for the events it freed places in. Returns how many moved up.
 */
export async function fillFreedPlaces(
	deps: { db: Db; origin: string; queueMails(tx: Db, messages: readonly MailMessage[]): Promise<unknown> },
	input: { now?: Date; municipalityId?: string; eventIds?: readonly number[] } = {}
): Promise<number> {
	const now = input.now ?? new Date();
	let moved = 0;
	for (const due of await listEventsWithFreedPlaces(deps.db, { ...input, now })) {
		moved += await deps.db.transaction(async (tx) => {
			const event = await lockEvent(tx, { municipalityId: due.municipalityId, id: due.eventId });
			if (!event || event.status !== 'published' || event.startsAt <= now) return 0;
			const mails = await fillPlacesFromWaitlist(tx, event);
			if (mails.length === 0) return 0;
			const row = await getEventRow(tx, { municipalityId: event.municipalityId, id: event.id });
			const municipality = { slug: row!.municipalitySlug, name: row!.municipalityName };
			const messages: MailMessage[] = [];
			for (const mail of mails)
				messages.push(
					await registrationMessage(tx, DEFAULT_LOCALE, deps.origin, { ...mail, event, municipality })
				);
			await deps.queueMails(tx, messages);
			return mails.length;
		});
	}
	return moved;
}

/**
 * Ends every live registration of an event that staff cancel (pending, confirmed, waitlisted), each with its
 * domain event (reason `event_cancelled`); call inside the transaction that cancels the event. Returns the
 * mails to queue once it has committed: everyone is told, and who had a place gets the calendar's
 * cancellation.
 */
export async function cancelRegistrationsOfEvent(tx: Db, event: EventFields): Promise<PendingMail[]> {
	const live = await listRegistrations(tx, {
		municipalityId: event.municipalityId,
		eventId: event.id,
		statuses: ['pending', 'confirmed', 'waitlisted']
	});
	const mails: PendingMail[] = [];
	for (const r of live) {
		await updateRegistration(tx, {
			municipalityId: event.municipalityId,
			id: r.id,
			status: 'cancelled',
			cancelled: true
		});
		await writeDomainEvent(tx, {
			type: 'registration.status_changed',
			municipalityId: event.municipalityId,
			subjectId: r.id,
			payload: { eventId: event.id, from: r.status, to: 'cancelled', reason: 'event_cancelled' }
		});
		const recipient = recipientOf(r);
		if (recipient)
			mails.push({
				kind: 'eventCancelled',
				recipient,
				companions: r.companions,
				hadPlace: r.status === 'confirmed'
			});
	}
	return mails;
}

/** What the mailed link's page shows: the event and the registration it belongs to. Changes nothing. */
export async function inspectRegistrationLink(
	ctx: TenantCtx,
	input: { unverifiedToken: unknown; now?: Date }
): Promise<{ event: EventView; registration: MyRegistrationView & { name: string } }> {
	const now = input.now ?? new Date();
	const { row } = await registrationByToken(ctx, ctx.db, input.unverifiedToken);
	const event = await getEventRow(ctx.db, { municipalityId: row.municipalityId, id: row.eventId });
	if (!event) throw new AppError('not_found');
	const position = row.status === 'waitlisted' ? await waitlistPositionOf(ctx.db, row) : null;
	return {
		event: presentEvent(event, now, { showOnlineUrl: row.status === 'confirmed' }),
		registration: { ...presentMyRegistration(row, position), name: row.name }
	};
}

async function waitlistPositionOf(db: Db, row: Pick<RegistrationRow, 'id' | 'eventId' | 'municipalityId'>) {
	return getWaitlistPosition(db, { municipalityId: row.municipalityId, eventId: row.eventId, id: row.id });
}

/** The logged-in person's live registration for an event of the municipality in ctx; null for none (or a visitor). */
export async function getMyRegistration(
	ctx: TenantCtx,
	input: { eventId: number }
): Promise<MyRegistrationView | null> {
	if (!ctx.actor) return null;
	const row = await getActiveRegistrationOfUser(ctx.db, {
		municipalityId: ctx.tenant.id,
		eventId: input.eventId,
		userId: ctx.actor.userId
	});
	if (!row) return null;
	return presentMyRegistration(
		row,
		row.status === 'waitlisted' ? await waitlistPositionOf(ctx.db, row) : null
	);
}

/**
 * The registrations of an event of the municipality in ctx, in arrival order, for the staff who manage its
 * events (`canManageEvents`); anyone else is refused before anything is read, and another municipality's event
 * is not found.
 */
export async function listEventRegistrations(
	ctx: TenantCtx,
	input: { eventId: number; statuses?: readonly RegistrationStatus[] }
): Promise<RegistrationStaffView[]> {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const abilities = await abilitiesHere(ctx);
	if (!abilities || !managesEventsWith(abilities)) throw new AppError('forbidden');
	const event = await getEventRow(ctx.db, { municipalityId: ctx.tenant.id, id: input.eventId });
	if (!event) throw new AppError('not_found');
	const rows = await listRegistrations(ctx.db, {
		municipalityId: ctx.tenant.id,
		eventId: event.id,
		statuses: input.statuses
	});
	return rows.map(presentRegistrationForStaff);
}

/** How long a registration without an account waits for its address to be confirmed. */
export const PENDING_DAYS = 7;

/** Hourly housekeeping: forgets registrations whose address was not confirmed within PENDING_DAYS. */
export async function forgetUnconfirmedRegistrations(input: { db: Db; now?: Date }): Promise<number> {
	const now = input.now ?? new Date();
	return deleteUnconfirmedRegistrations(input.db, {
		before: new Date(now.getTime() - PENDING_DAYS * 86_400_000)
	});
}

// ---------------------------------------------------------------------------------------------
// With an account: turns taken in groups
// ---------------------------------------------------------------------------------------------

/** Registrations with an account that arrive while a group is written join the next one (ctx.batches). */
const REGISTRATION_BATCHER = 'events.register';
const MAX_GROUP = 200;

interface TurnRequest {
	municipalityId: string;
	eventId: number;
	userId: string;
	companions: number;
	answers: Record<string, unknown>;
	waitlist: boolean;
	tokenHash: string;
	now: Date;
}

interface TurnResult {
	event: EventFields;
	outcome: RegistrationOutcome;
}

async function registerAccount(
	ctx: TenantCtx,
	input: {
		eventId: number;
		companions: number;
		answers: Record<string, unknown>;
		waitlist: boolean;
		userId: string;
		token: string;
		now: Date;
		origin: string;
	}
): Promise<RegistrationOutcome> {
	// Read before the event's lock is taken, to keep the time it is held short.
	const contact = await getAccountContact(ctx.db, { userId: input.userId });
	const db = ctx.db;
	let result: TurnResult;
	try {
		result = await submitBatched<TurnRequest, TurnResult>(
			ctx.batches,
			REGISTRATION_BATCHER,
			(group) => takeTurnsIsolated(db, group),
			{ maxSize: MAX_GROUP },
			{
				municipalityId: ctx.tenant.id,
				eventId: input.eventId,
				userId: input.userId,
				companions: input.companions,
				answers: input.answers,
				waitlist: input.waitlist,
				tokenHash: hashToken(input.token),
				now: input.now
			}
		);
	} catch (err) {
		// Another process let the same person in at the same moment: the unique index kept one.
		if (isUniqueViolation(err)) throw new AppError('conflict', { message: `${E}.alreadyRegistered` });
		throw err;
	}
	const { outcome, event } = result;
	if (contact?.email)
		await queueMails(ctx, input.origin, event, [
			{
				kind: outcome.status === 'confirmed' ? 'confirmed' : 'waitlisted',
				recipient: { name: contact.name, email: contact.email },
				companions: input.companions,
				token: input.token,
				position: outcome.waitlistPosition ?? undefined,
				registrationId: outcome.registrationId
			}
		]);
	return outcome;
}

/** A group in one transaction; when that fails (a deadlock, a lost connection), each request on its own. */
async function takeTurnsIsolated(db: Db, requests: TurnRequest[]): Promise<Settled<TurnResult>[]> {
	try {
		return await takeTurns(db, requests);
	} catch (error) {
		if (requests.length === 1) return [{ ok: false, error }];
		const outcomes: Settled<TurnResult>[] = [];
		for (const request of requests) outcomes.push(...(await takeTurnsIsolated(db, [request])));
		return outcomes;
	}
}

/**
 * Registrations with an account, in arrival order, in one transaction: each event's row is locked once (in
 * the order of their ids, so two groups never wait for each other in a circle), then each request takes its
 * turn in one statement (`takeTurn`, which sees the turns taken before it in the group). A refusal is that
 * request's answer; the others go on.
 */
function takeTurns(db: Db, requests: TurnRequest[]): Promise<Settled<TurnResult>[]> {
	return db.transaction(async (tx) => {
		const keys = [...new Map(requests.map((r) => [`${r.municipalityId}:${r.eventId}`, r])).values()].sort(
			(a, b) => a.eventId - b.eventId || a.municipalityId.localeCompare(b.municipalityId)
		);
		const locked = new Map<string, EventFields | undefined>();
		for (const r of keys)
			locked.set(
				`${r.municipalityId}:${r.eventId}`,
				await lockEvent(tx, { municipalityId: r.municipalityId, id: r.eventId })
			);
		const outcomes: Settled<TurnResult>[] = [];
		for (const request of requests) {
			try {
				const event = locked.get(`${request.municipalityId}:${request.eventId}`);
				if (!event) throw new AppError('not_found');
				const answers = checkRequest(event, request, request.now);
				const turn = await takeTurn(tx, {
					municipalityId: event.municipalityId,
					eventId: event.id,
					capacity: event.capacity,
					userId: request.userId,
					companions: request.companions,
					answers,
					tokenHash: request.tokenHash,
					waitlist: request.waitlist
				});
				if (!turn.taken) {
					if (turn.already) throw new AppError('conflict', { message: `${E}.alreadyRegistered` });
					throw noRoomForCompanions(turn.left);
				}
				await writeDomainEvent(tx, {
					type: 'registration.created',
					municipalityId: event.municipalityId,
					subjectId: turn.id,
					actorId: request.userId,
					payload: { eventId: event.id, status: turn.status, companions: request.companions }
				});
				outcomes.push({
					ok: true,
					value: {
						event,
						outcome: {
							registrationId: turn.id,
							eventId: event.id,
							status: turn.status,
							waitlistPosition: turn.position
						}
					}
				});
			} catch (error) {
				if (!isAppError(error)) throw error;
				outcomes.push({ ok: false, error });
			}
		}
		return outcomes;
	});
}

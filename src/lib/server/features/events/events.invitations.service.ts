// Invitations to an event (#17's "invite"): staff who manage the municipality's events choose an audience,
// see how many people it reaches, tick that they mean it and send. Each person gets the invitation once per
// event (the invitations table's key, and the delivery ledger's reference event-invitation:<id>), only when
// they agreed to invitations (the pool consent, invitations not turned off: the notifications feature's
// rule), and not when they are already registered. The invitation rows and their mails are written in one
// transaction. The mail's personal link registers its person with one click, without logging in. What
// "agreed to invitations" means for each audience is written at INVITATION_AUDIENCES ($lib/domain/events).
import { DEFAULT_LOCALE } from '$lib/i18n';
import { INVITATION_AUDIENCES, type InvitationAudience } from '$lib/domain/events';
import type { TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import {
	PREFERENCES_PATH,
	unsubscribeLinkWith,
	unsubscribeSecret
} from '$lib/server/features/notifications/notifications.service';
import { command, findEvent, lockEventFor } from './events.admin.access';
import {
	countInvitations,
	countInvitees,
	getInvitationByToken,
	insertInvitations,
	listInvitees,
	markInvitationRegistered,
	type InvitationScope
} from './events.invitations.queries';
import { invitationMail } from './events.mail';
import { getActiveRegistrationOfUser, getEvent, type EventRow } from './events.queries';
import {
	registerInvitedPerson,
	takesRegistrations,
	type RegistrationOutcome
} from './events.registrations.service';

const E = 'eventInvitations.admin.errors';

function scopeOf(event: EventRow): InvitationScope {
	return {
		municipalityId: event.municipalityId,
		eventId: event.id,
		actionId: event.actionId ?? null,
		opportunityId: event.opportunityId ?? null
	};
}

/** The audiences this event has: the themes and earlier events need an action, suggestions an opportunity. */
function audiencesOf(event: EventRow): InvitationAudience[] {
	return INVITATION_AUDIENCES.filter((a) =>
		a === 'poolThemes' || a === 'earlierEvents'
			? event.actionId !== null
			: a === 'suggestions'
				? event.opportunityId !== null
				: true
	);
}

function audienceOf(event: EventRow, unverified: unknown): InvitationAudience | null {
	return typeof unverified === 'string' && (audiencesOf(event) as string[]).includes(unverified)
		? (unverified as InvitationAudience)
		: null;
}

export interface InvitePage {
	event: { id: number; title: string; startsAt: string; status: EventRow['status'] };
	/** Whether it takes registrations now (published, not started, before its deadline): only then invite. */
	open: boolean;
	audiences: { audience: InvitationAudience; available: boolean }[];
	/** The audience asked about (?doelgroep=) and how many it reaches now; null when none was chosen. */
	chosen: { audience: InvitationAudience; count: number } | null;
	sofar: { invited: number; registered: number };
}

/** The invite page: the audiences, the count of the one chosen, and how many were invited so far. */
export const getInvitePage = command({
	load: async (
		ctx,
		scope,
		input: { unverifiedEventId: unknown; unverifiedAudience?: unknown }
	): Promise<InvitePage> => {
		const event = await findEvent(ctx.db, scope, input.unverifiedEventId);
		const audience = audienceOf(event, input.unverifiedAudience);
		const where = { municipalityId: scope.municipality.id, eventId: event.id };
		const [sofar, count] = await Promise.all([
			countInvitations(ctx.db, where),
			audience ? countInvitees(ctx.db, { audience, scope: scopeOf(event) }) : Promise.resolve(0)
		]);
		const available = audiencesOf(event);
		return {
			event: {
				id: event.id,
				title: event.title,
				startsAt: event.startsAt.toISOString(),
				status: event.status
			},
			open: takesRegistrations(event),
			audiences: INVITATION_AUDIENCES.map((a) => ({ audience: a, available: available.includes(a) })),
			chosen: audience ? { audience, count } : null,
			sofar
		};
	}
});

/**
 * Sends the invitation to the audience: refused when the event does not take registrations, without an
 * audience, without the tick, when nobody is left to invite, and when the count changed since staff saw it
 * (`seen`: they check again). The rows and the mails commit together; a person already invited is skipped.
 */
export const sendInvitations = command({
	load: (
		ctx,
		scope,
		input: {
			unverifiedEventId: unknown;
			audience: unknown;
			confirmed: unknown;
			seen: unknown;
			origin: string;
		}
	) => findEvent(ctx.db, scope, input.unverifiedEventId),
	execute: async (tx, { ctx, scope, loaded, input, record }) => {
		const audience = audienceOf(loaded, input.audience);
		if (!audience)
			throw new AppError('validation', {
				message: `${E}.audience`,
				fields: { doelgroep: [`${E}.audience`] }
			});
		const event = await lockEventFor(tx, scope, loaded.id);
		if (!takesRegistrations(event)) throw new AppError('conflict', { message: `${E}.closed` });
		if (input.confirmed !== 'ja')
			throw new AppError('validation', { message: `${E}.confirm`, fields: { bevestig: [`${E}.confirm`] } });
		const invitees = await listInvitees(tx, { audience, scope: scopeOf(loaded) });
		if (invitees.length === 0) throw new AppError('validation', { message: `${E}.nobody` });
		if (String(invitees.length) !== String(input.seen))
			throw new AppError('conflict', { message: `${E}.changed`, details: { count: invitees.length } });

		const tokens = new Map(invitees.map((p) => [p.userId, newToken()]));
		const fresh = await insertInvitations(tx, {
			municipalityId: scope.municipality.id,
			eventId: loaded.id,
			audience,
			invitees: invitees.map((p) => ({ userId: p.userId, tokenHash: hashToken(tokens.get(p.userId)!) }))
		});
		const secret = await unsubscribeSecret(tx);
		const origin = input.origin;
		const municipality = { slug: scope.municipality.slug, name: scope.municipality.name };
		const mails = invitees
			.filter((p) => fresh.has(p.userId))
			.map((p) =>
				invitationMail(DEFAULT_LOCALE, origin, {
					event,
					municipality,
					recipient: p,
					audience,
					agreed: p.agreed,
					token: tokens.get(p.userId)!,
					unsubscribe: unsubscribeLinkWith(secret, { origin, userId: p.userId, kind: 'invitations' }),
					preferencesUrl: `${origin}${PREFERENCES_PATH}`
				})
			);
		await ctx.queueMails(tx, mails);
		// The bell of each person invited now (the notifications feature; the mail above is the invitation).
		record.event({
			municipalityId: scope.municipality.id,
			subjectId: loaded.id,
			actorId: scope.actor.userId,
			type: 'event.invitations_sent',
			payload: { audience, invited: mails.length }
		});
		record.audit({
			action: 'event.invitations_sent',
			details: { eventId: loaded.id, name: loaded.title, audience, recipients: mails.length }
		});
		return { sent: mails.length };
	}
});

export type InvitationView =
	| { state: 'invalid' }
	| {
			state: 'open' | 'registered' | 'closed';
			name: string;
			event: { id: number; slug: string; title: string; startsAt: string; endsAt: string; path: string };
	  };

async function invitationOf(ctx: TenantCtx, unverifiedToken: unknown) {
	if (typeof unverifiedToken !== 'string' || unverifiedToken.length < 20 || unverifiedToken.length > 100)
		return null;
	const invitation = await getInvitationByToken(ctx.db, {
		municipalityId: ctx.tenant.id,
		tokenHash: hashToken(unverifiedToken)
	});
	if (!invitation || invitation.deletedAt) return null;
	const event = await getEvent(ctx.db, { municipalityId: ctx.tenant.id, id: invitation.eventId });
	if (!event || event.status === 'draft') return null;
	return { invitation, event };
}

/** The page of an invitation's link (GET changes nothing): the event and whether one click registers. */
export async function inspectInvitation(
	ctx: TenantCtx,
	input: { unverifiedToken: unknown }
): Promise<InvitationView> {
	const found = await invitationOf(ctx, input.unverifiedToken);
	if (!found) return { state: 'invalid' };
	const { invitation, event } = found;
	const active = await getActiveRegistrationOfUser(ctx.db, {
		municipalityId: ctx.tenant.id,
		eventId: event.id,
		userId: invitation.userId
	});
	return {
		state: active ? 'registered' : takesRegistrations(event) ? 'open' : 'closed',
		name: invitation.name,
		event: {
			id: event.id,
			slug: event.slug,
			title: event.title,
			startsAt: event.startsAt.toISOString(),
			endsAt: event.endsAt.toISOString(),
			path: `/${ctx.tenant.slug}/activiteiten/${event.id}-${event.slug}`
		}
	};
}

/**
 * The invitation's one click: registers its person (confirmed, or on the waitlist when full) and notes that
 * the invitation led to it. An invalid link is not found; registering twice or too late is refused in Dutch.
 */
export async function acceptInvitation(
	ctx: TenantCtx,
	input: { unverifiedToken: unknown; origin: string }
): Promise<RegistrationOutcome> {
	const found = await invitationOf(ctx, input.unverifiedToken);
	if (!found) throw new AppError('not_found', { message: 'eventInvitations.page.invalid' });
	const { invitation, event } = found;
	const outcome = await registerInvitedPerson(ctx, {
		eventId: event.id,
		userId: invitation.userId,
		origin: input.origin
	});
	await markInvitationRegistered(ctx.db, {
		municipalityId: ctx.tenant.id,
		eventId: event.id,
		userId: invitation.userId
	});
	return outcome;
}

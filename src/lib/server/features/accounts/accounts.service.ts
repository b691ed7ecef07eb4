// Logging in and out: OIDC callback, mailed login links, sessions. Routes call these and nothing below.
import { liftMailSuppression } from '$lib/server/platform/mail-delivery';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { submitBatched } from '$lib/server/platform/batch';
import { translate } from '$lib/i18n';
import { acceptStaffInvitations } from '$lib/server/features/staff/staff.service';
import { acceptFunderReviewerInvitations } from '$lib/server/features/funder-reports/funder-reports.service';
import type { Db } from '$lib/server/db/client';
import type { OidcClient, OidcIdentity } from './accounts.oidc';
import { newOidcSecrets } from './accounts.oidc';
import {
	consumeLoginRequest,
	consumeMailToken,
	deleteSession,
	deleteSessionsOfUser,
	getActiveSessions,
	getLoginRequest,
	getUserByIdentity,
	getUserByVerifiedEmail,
	insertIdentity,
	insertLoginRequest,
	insertMailToken,
	insertSession,
	insertUser,
	listAddressesOf,
	peekMailToken,
	touchSessions,
	updateLoginRequest,
	updateUser
} from './accounts.queries';
import type { Actor } from '$lib/server/platform/policy';

// Other features (staff invitations, regional roles) look people up by their verified address.
export { getUserByVerifiedEmail } from './accounts.queries';

/** Every address known to be the person's (lower case), for their data export and the deletion of it. */
export function listAddressesOfPerson(db: Db, input: { userId: string }): Promise<string[]> {
	return listAddressesOf(db, { userId: input.userId, mailIssuer: MAIL_ISSUER });
}

export const MAIL_LINK_MINUTES = 15;
const LOGIN_REQUEST_MINUTES = 60;
const TOUCH_AFTER_MS = 5 * 60_000;
export const MAIL_ISSUER = 'mail';

export interface SessionSettings {
	idleMinutes: number;
	maxDays: number;
}

/** A path on this site to return to after login; anything else (other hosts, odd schemes) becomes '/'. */
export function safeReturnPath(value: string | null | undefined): string {
	if (
		!value ||
		value.length > 500 ||
		!value.startsWith('/') ||
		value.startsWith('//') ||
		value.includes('\\')
	)
		return '/';
	if (/^\/(aanmelden|afmelden|afgemeld)(\/|$|\?)/.test(value)) return '/';
	return value;
}

/** The first channel of a person who followed a link on another site (its host is the first referrer). */
export const REFERRER_CHANNEL = 'referrer';

/** Where a person came from the first time: utm_source wins over the referrer's host. */
export function firstChannel(input: {
	utmSource?: string | null;
	referrer?: string | null;
	ownOrigin: string;
}) {
	const utm = input.utmSource
		?.trim()
		.toLowerCase()
		.replace(/[^a-z0-9_-]/g, '')
		.slice(0, 40);
	if (utm) return { channel: utm, referrer: null };
	if (!input.referrer) return { channel: null, referrer: null };
	try {
		const url = new URL(input.referrer);
		if (url.origin === input.ownOrigin) return { channel: null, referrer: null };
		return { channel: REFERRER_CHANNEL, referrer: url.host.slice(0, 200) };
	} catch {
		return { channel: null, referrer: null };
	}
}

export interface ResolvedSession {
	sessionId: string;
	actor: Actor;
	idToken: string | null;
}

export async function resolveSession(
	db: Db,
	input: { unverifiedToken: string; settings: SessionSettings }
): Promise<ResolvedSession | null> {
	const [session] = await resolveSessions(db, {
		unverifiedTokens: [input.unverifiedToken],
		settings: input.settings
	});
	return session ?? null;
}

/**
 * The sessions of many requests at once (a running server groups the requests that arrive together, see
 * resolveRequestSession): one answer per token, in order, null for an unknown, expired or idle one.
 * Every request is still checked against the database, so a session ended elsewhere ends at once.
 */
export async function resolveSessions(
	db: Db,
	input: { unverifiedTokens: string[]; settings: SessionSettings }
): Promise<(ResolvedSession | null)[]> {
	const ids = input.unverifiedTokens.map((token) => (token.length > 100 ? null : hashToken(token)));
	const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
	const found = await getActiveSessions(db, { ids: wanted, idleMinutes: input.settings.idleMinutes });
	if (found.length === 0) return ids.map(() => null);
	const stale = found
		.filter((s) => Date.now() - s.lastSeenAt.getTime() > TOUCH_AFTER_MS)
		.map((s) => s.sessionId);
	await touchSessions(db, { ids: stale });
	const byId = new Map(found.map((s) => [s.sessionId, s]));
	return ids.map((id) => {
		const session = id ? byId.get(id) : undefined;
		if (!session) return null;
		return {
			sessionId: session.sessionId,
			idToken: session.idToken,
			actor: {
				userId: session.userId,
				displayName: session.displayName,
				memberships: [...session.memberships],
				regionRoles: [...session.regionRoles]
			}
		};
	});
}

/**
 * The session behind a request's cookie. On a running server (ctx.batches) the requests that arrive
 * together are looked up together, in one statement.
 */
export function resolveRequestSession(
	ctx: Ctx,
	input: { unverifiedToken: string; settings: SessionSettings }
): Promise<ResolvedSession | null> {
	const { db } = ctx;
	return submitBatched<string, ResolvedSession | null>(
		ctx.batches,
		'accounts.sessions',
		async (tokens) =>
			(await resolveSessions(db, { unverifiedTokens: tokens, settings: input.settings })).map((value) => ({
				ok: true,
				value
			})),
		{ maxSize: 200 },
		input.unverifiedToken
	);
}

async function createSession(
	db: Db,
	input: { userId: string; idToken: string | null; userAgent: string | null; settings: SessionSettings }
) {
	const token = newToken();
	await insertSession(db, {
		id: hashToken(token),
		userId: input.userId,
		idToken: input.idToken,
		userAgent: input.userAgent?.slice(0, 300) ?? null,
		expiresAt: new Date(Date.now() + input.settings.maxDays * 86_400_000)
	});
	return token;
}

function publicName(given: string | null, family: string | null): string {
	if (given && family) return `${given} ${family[0]}.`;
	return given ?? translate('nl', 'auth.defaultDisplayName');
}

interface LoginOutcome {
	sessionToken: string;
	returnTo: string;
	isNew: boolean;
}

async function finishLogin(
	ctx: Ctx,
	input: {
		issuer: string;
		subject: string;
		identity: Pick<OidcIdentity, 'givenName' | 'familyName' | 'email' | 'emailVerified'>;
		idToken: string | null;
		loginRequest: {
			id: string;
			returnTo: string;
			draft: unknown;
			channel: string | null;
			referrer: string | null;
		} | null;
		userAgent: string | null;
		settings: SessionSettings;
	}
): Promise<LoginOutcome> {
	return ctx.db.transaction(async (tx) => {
		let user = await getUserByIdentity(tx, { issuer: input.issuer, subject: input.subject });
		const { identity } = input;
		let isNew = false;
		if (user?.lockedAt || user?.deletedAt) {
			ctx.log.warn({ userId: user.id }, 'login refused: account locked or deleted');
			throw new AppError('forbidden', { message: 'auth.locked' });
		}
		if (!user && identity.email && identity.emailVerified) {
			// A verified address already known (e.g. from a mailed link) is the same person.
			const byEmail = await getUserByVerifiedEmail(tx, { email: identity.email });
			if (byEmail?.lockedAt) throw new AppError('forbidden', { message: 'auth.locked' });
			if (byEmail) {
				await insertIdentity(tx, { userId: byEmail.id, issuer: input.issuer, subject: input.subject });
				user = { ...byEmail, deletedAt: null };
			}
		}
		if (!user) {
			isNew = true;
			const inserted = await insertUser(tx, {
				displayName: publicName(identity.givenName, identity.familyName),
				givenName: identity.givenName,
				familyName: identity.familyName,
				email: identity.email,
				emailVerifiedAt: identity.email && identity.emailVerified ? new Date() : null,
				firstChannel: input.loginRequest?.channel ?? null,
				firstReferrer: input.loginRequest?.referrer ?? null
			});
			await insertIdentity(tx, { userId: inserted.id, issuer: input.issuer, subject: input.subject });
			user = {
				id: inserted.id,
				lockedAt: null,
				deletedAt: null,
				displayName: publicName(identity.givenName, identity.familyName)
			};
		} else {
			// The legal name follows the identity provider; the public display name stays the person's choice.
			const values: Parameters<typeof updateUser>[1]['values'] = { lastLoginAt: new Date() };
			if (identity.givenName) values.givenName = identity.givenName;
			if (identity.familyName) values.familyName = identity.familyName;
			await updateUser(tx, { userId: user.id, values });
		}
		if (identity.email && identity.emailVerified) {
			await acceptStaffInvitations(tx, user, identity.email);
			await acceptFunderReviewerInvitations(tx, user, identity.email);
			// A confirmed address (the mailed link used, or the provider's verified one) may be mailed again.
			await liftMailSuppression(tx, { address: identity.email });
		}
		const sessionToken = await createSession(tx, {
			userId: user.id,
			idToken: input.idToken,
			userAgent: input.userAgent,
			settings: input.settings
		});
		let returnTo = safeReturnPath(input.loginRequest?.returnTo);
		if (input.loginRequest?.draft) {
			await updateLoginRequest(tx, { id: input.loginRequest.id, values: { draftUserId: user.id } });
			returnTo +=
				(returnTo.includes('?') ? '&' : '?') + `concept=${encodeURIComponent(input.loginRequest.id)}`;
		}
		ctx.log.info({ userId: user.id, issuer: input.issuer, isNew }, 'login');
		return { sessionToken, returnTo, isNew };
	});
}

/** Starts a login: remembers where to return (and what was being typed), returns the provider's URL. */
export async function beginOidcLogin(
	ctx: Ctx,
	input: {
		oidc: OidcClient;
		redirectUri: string;
		returnTo: string;
		unverifiedRequestId?: string | null;
		channel: { channel: string | null; referrer: string | null };
	}
): Promise<{ state: string; url: URL }> {
	const secrets = newOidcSecrets();
	const existing = input.unverifiedRequestId
		? await getLoginRequest(ctx.db, { id: input.unverifiedRequestId, maxAgeMinutes: LOGIN_REQUEST_MINUTES })
		: undefined;
	let state = secrets.state;
	if (existing && !existing.draftUserId) {
		state = existing.id;
		await updateLoginRequest(ctx.db, {
			id: state,
			values: { nonce: secrets.nonce, codeVerifier: secrets.codeVerifier }
		});
	} else {
		await insertLoginRequest(ctx.db, {
			id: state,
			nonce: secrets.nonce,
			codeVerifier: secrets.codeVerifier,
			returnTo: safeReturnPath(input.returnTo),
			channel: input.channel.channel,
			referrer: input.channel.referrer
		});
	}
	const url = await input.oidc.authorizationUrl({
		state,
		nonce: secrets.nonce,
		codeVerifier: secrets.codeVerifier,
		redirectUri: input.redirectUri
	});
	return { state, url };
}

/** The provider sent the person back: check everything, then log them in. Changes nothing when anything is off. */
export async function completeOidcLogin(
	ctx: Ctx,
	input: {
		oidc: OidcClient;
		currentUrl: URL;
		stateFromCookie: string | undefined;
		userAgent: string | null;
		settings: SessionSettings;
	}
): Promise<LoginOutcome> {
	const params = input.currentUrl.searchParams;
	const state = params.get('state');
	if (params.get('error') === 'access_denied')
		throw new AppError('bad_request', { message: 'auth.cancelled' });
	if (!state || !input.stateFromCookie || state !== input.stateFromCookie || state.length > 100) {
		ctx.log.warn(
			{ hasState: Boolean(state), hasCookie: Boolean(input.stateFromCookie) },
			'login refused: state mismatch'
		);
		throw new AppError('bad_request', { message: 'auth.stateMismatch' });
	}
	const request = await getLoginRequest(ctx.db, { id: state, maxAgeMinutes: LOGIN_REQUEST_MINUTES });
	const consumed = request ? await consumeLoginRequest(ctx.db, { id: state }) : undefined;
	if (!request || !consumed?.nonce || !consumed.codeVerifier) {
		ctx.log.warn('login refused: unknown, expired or used state');
		throw new AppError('bad_request', { message: 'auth.expired' });
	}
	let identity: OidcIdentity;
	try {
		identity = await input.oidc.exchange(input.currentUrl, {
			state,
			nonce: consumed.nonce,
			codeVerifier: consumed.codeVerifier
		});
	} catch (err) {
		ctx.log.warn({ err }, 'login refused by the OIDC checks');
		throw new AppError('bad_request', { message: 'auth.failed', cause: err });
	}
	if (identity.rrnSent)
		ctx.log.warn(
			{ issuer: identity.issuer },
			'the identity provider sent a national register number (rrn): dropped, not stored; register the client without the rrn scope'
		);
	return finishLogin(ctx, {
		issuer: identity.issuer,
		subject: identity.subject,
		identity,
		idToken: identity.idToken,
		loginRequest: request,
		userAgent: input.userAgent,
		settings: input.settings
	});
}

/** Mails a single-use login link. The answer is the same whether or not the address is known. */
export async function requestLoginLink(
	ctx: Ctx,
	input: {
		email: string;
		ip: string;
		origin: string;
		returnTo: string;
		unverifiedRequestId?: string | null;
		channel: { channel: string | null; referrer: string | null };
	}
): Promise<void> {
	const email = input.email.trim().toLowerCase();
	await enforceRateLimits(
		ctx.db,
		[
			{ key: `login-link:ip:${input.ip}`, limit: 10, windowSeconds: 15 * 60 },
			// The address itself is not kept in the counters, only its hash.
			{ key: `login-link:email:${hashToken(email)}`, limit: 3, windowSeconds: 15 * 60 }
		],
		'auth.rateLimited',
		'email'
	);
	const existing = input.unverifiedRequestId
		? await getLoginRequest(ctx.db, { id: input.unverifiedRequestId, maxAgeMinutes: LOGIN_REQUEST_MINUTES })
		: undefined;
	let requestId = existing && !existing.draftUserId ? existing.id : null;
	if (!requestId) {
		requestId = newToken(24);
		await insertLoginRequest(ctx.db, {
			id: requestId,
			returnTo: safeReturnPath(input.returnTo),
			channel: input.channel.channel,
			referrer: input.channel.referrer
		});
	}
	const token = newToken();
	await insertMailToken(ctx.db, {
		tokenHash: hashToken(token),
		purpose: 'login',
		email,
		loginRequestId: requestId,
		expiresAt: new Date(Date.now() + MAIL_LINK_MINUTES * 60_000)
	});
	const link = `${input.origin}/aanmelden/link?token=${token}`;
	await ctx.queueMail({
		to: email,
		subject: translate(ctx.locale, 'auth.mail.subject'),
		text: translate(ctx.locale, 'auth.mail.body', { link, minutes: MAIL_LINK_MINUTES }),
		// The person asked for it: it goes out even to a suppressed address, and using it confirms the address.
		requestedByRecipient: true
	});
}

/** What a mailed login link is, before anyone uses it (a GET must never use it up: mail scanners open links). */
export async function inspectLoginLink(ctx: Ctx, input: { unverifiedToken: string }) {
	if (!input.unverifiedToken || input.unverifiedToken.length > 100) return 'invalid' as const;
	const row = await peekMailToken(ctx.db, { tokenHash: hashToken(input.unverifiedToken) });
	if (!row || row.purpose !== 'login') return 'invalid' as const;
	if (row.usedAt) return 'used' as const;
	if (row.expiresAt.getTime() < Date.now()) return 'expired' as const;
	return 'valid' as const;
}

export async function consumeLoginLink(
	ctx: Ctx,
	input: { unverifiedToken: string; userAgent: string | null; settings: SessionSettings }
): Promise<LoginOutcome> {
	const state = await inspectLoginLink(ctx, input);
	if (state !== 'valid') {
		ctx.log.warn({ state }, 'login link refused');
		throw new AppError('bad_request', { message: state === 'used' ? 'auth.linkUsed' : 'auth.linkExpired' });
	}
	const token = await consumeMailToken(ctx.db, {
		tokenHash: hashToken(input.unverifiedToken),
		purpose: 'login'
	});
	if (!token) throw new AppError('bad_request', { message: 'auth.linkUsed' });
	const request = token.loginRequestId
		? await getLoginRequest(ctx.db, { id: token.loginRequestId, maxAgeMinutes: LOGIN_REQUEST_MINUTES })
		: undefined;
	const known = await getUserByVerifiedEmail(ctx.db, { email: token.email });
	if (known) await insertIdentity(ctx.db, { userId: known.id, issuer: MAIL_ISSUER, subject: token.email });
	return finishLogin(ctx, {
		issuer: MAIL_ISSUER,
		subject: token.email,
		identity: { givenName: null, familyName: null, email: token.email, emailVerified: true },
		idToken: null,
		loginRequest: request ?? null,
		userAgent: input.userAgent,
		settings: input.settings
	});
}

/** Remembers what a visitor typed in a form that needs login; returns the request id to log in with. */
export async function keepDraftForLogin(
	ctx: Ctx,
	input: { returnTo: string; values: Record<string, string> }
) {
	const id = newToken(24);
	const draft = Object.fromEntries(
		Object.entries(input.values)
			.slice(0, 50)
			.map(([k, v]) => [k.slice(0, 100), String(v).slice(0, 20_000)])
	);
	await insertLoginRequest(ctx.db, { id, returnTo: safeReturnPath(input.returnTo), draft });
	return id;
}

/** The form values kept across a login, for the person who logged in with them and nobody else. */
export async function getDraft(
	ctx: Ctx,
	input: { unverifiedId: string | null }
): Promise<Record<string, string> | null> {
	if (!ctx.actor || !input.unverifiedId || input.unverifiedId.length > 100) return null;
	const row = await getLoginRequest(ctx.db, { id: input.unverifiedId, maxAgeMinutes: LOGIN_REQUEST_MINUTES });
	if (!row || row.draftUserId !== ctx.actor.userId || !row.draft) return null;
	return row.draft as Record<string, string>;
}

export async function logout(ctx: Ctx, input: { sessionId: string }) {
	await deleteSession(ctx.db, { id: input.sessionId });
}

export async function logoutEverywhere(ctx: Ctx) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const count = await deleteSessionsOfUser(ctx.db, { userId: ctx.actor.userId });
	ctx.log.info({ userId: ctx.actor.userId, count }, 'logged out everywhere');
	return count;
}

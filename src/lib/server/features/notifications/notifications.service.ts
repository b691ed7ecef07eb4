// Use cases of mail preferences: how often a person hears of each kind, the consent a kind needs, and the
// signed one-click unsubscribe link every such mail carries (RFC 8058). Other features read who wants mail
// of a kind through mailFrequencySql, so an audience is one statement.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import type { Db } from '$lib/server/db/client';
import { installationSecret } from '$lib/server/platform/secrets';
import { isStaff } from '$lib/server/platform/policy';
import {
	FREQUENCIES_OF_KIND,
	NOTIFICATION_KINDS,
	type MailFrequency,
	type NotificationKind
} from '$lib/domain/notifications';
import {
	hasOpenConsent,
	recordConsent,
	setThemesMailFrequency
} from '$lib/server/features/profile/profile.service';
import { accountExists, getFrequencies, mailFrequencySql, upsertPreference } from './notifications.queries';

export { mailFrequencySql };
/** Where a person chooses how often they get mail of each kind (every mail links to it). */
export { PREFERENCES_PATH } from './notifications.mail';

export interface MailPreference {
	kind: NotificationKind;
	frequency: MailFrequency;
	/** The frequencies the kind offers. */
	offered: readonly MailFrequency[];
}

/** Every kind with the frequency in force now; undefined for an account that does not exist (any more). */
export async function getMailPreferences(
	db: Db,
	params: { userId: string }
): Promise<MailPreference[] | undefined> {
	const frequencies = await getFrequencies(db, { userId: params.userId, kinds: NOTIFICATION_KINDS });
	if (!frequencies) return undefined;
	return NOTIFICATION_KINDS.map((kind) => ({
		kind,
		frequency: frequencies[kind],
		offered: FREQUENCIES_OF_KIND[kind]
	}));
}

export class FrequencyNotOffered extends Error {}

/**
 * Sets how often the person gets mail of a kind, with the consent record it needs, in the caller's
 * transaction. Themes live on the profile (its mail frequency and "updates" consent). Invitations need
 * the pool, which one joins in the profile: here they can only be turned off or back on within it.
 */
export async function setMailPreference(
	db: Db,
	params: { userId: string; kind: NotificationKind; frequency: MailFrequency }
): Promise<void> {
	const { userId, kind, frequency } = params;
	if (!FREQUENCIES_OF_KIND[kind].includes(frequency)) throw new FrequencyNotOffered(`${kind}: ${frequency}`);
	if (kind === 'themes') return setThemesMailFrequency(db, { userId, frequency });
	await upsertPreference(db, { userId, kind, frequency });
	if (kind === 'newsletters') await recordConsent(db, { userId, kind, given: frequency !== 'never' });
}

// ---------------------------------------------------------------------------------------------
// One-click unsubscribe (RFC 8058): /uitschrijven/{token} (/afmelden logs out), signed, no login needed
// ---------------------------------------------------------------------------------------------

export const UNSUBSCRIBE_PATH = '/uitschrijven';
const TOKEN = /^([0-9a-f]{32})([0-9])([A-Za-z0-9_-]{22})$/;

/**
 * Whether a path is an unsubscribe link's own address: a token of the right shape, not yet verified
 * (hooks.server.ts lets a one-click POST to it through its Origin check).
 */
export function isUnsubscribePath(pathname: string): boolean {
	const prefix = `${UNSUBSCRIBE_PATH}/`;
	return pathname.startsWith(prefix) && TOKEN.test(pathname.slice(prefix.length));
}

/** The platform_meta key of the unsubscribe links' secret (kept: links already mailed are signed with it). */
const SECRET_KEY = 'notifications.unsubscribe_secret';

/** The secret behind unsubscribe links, made once per installation (the feature's seed). */
export async function seedUnsubscribeSecret(db: Db): Promise<void> {
	await installationSecret(db, SECRET_KEY);
}

function mac(secret: string, userId: string, kind: NotificationKind): string {
	return createHmac('sha256', secret)
		.update(`unsubscribe|${userId}|${kind}`)
		.digest()
		.subarray(0, 16)
		.toString('base64url');
}

/** One link, reading the secret for it (the tests'; mails sign many with unsubscribeLinkWith). */
export async function unsubscribeLink(
	db: Db,
	params: { origin: string; userId: string; kind: NotificationKind }
): Promise<{ url: string; headers: Record<string, string> }> {
	return unsubscribeLinkWith(await unsubscribeSecret(db), params);
}

/** The secret to sign many links with, read once (a fan-out's or a digest run's mails). */
export function unsubscribeSecret(db: Db): Promise<string> {
	return installationSecret(db, SECRET_KEY);
}

/**
 * The link that turns this kind of mail off for this person, and the headers that let a mail client offer
 * it as one click (List-Unsubscribe with List-Unsubscribe-Post: the client POSTs to the link).
 */
export function unsubscribeLinkWith(
	secret: string,
	params: { origin: string; userId: string; kind: NotificationKind }
): { url: string; headers: Record<string, string> } {
	const index = NOTIFICATION_KINDS.indexOf(params.kind);
	const token = `${params.userId.replaceAll('-', '')}${index}${mac(secret, params.userId, params.kind)}`;
	const url = `${params.origin}${UNSUBSCRIBE_PATH}/${token}`;
	return {
		url,
		headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
	};
}

/** Whose link and which kind, when the token is one this installation signed; null for anything else. */
export async function readUnsubscribeToken(
	db: Db,
	unverifiedToken: string
): Promise<{ userId: string; kind: NotificationKind } | null> {
	const match = TOKEN.exec(unverifiedToken);
	if (!match) return null;
	const kind = NOTIFICATION_KINDS[Number(match[2])];
	if (!kind) return null;
	const hex = match[1]!;
	const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	const expected = Buffer.from(mac(await unsubscribeSecret(db), userId, kind));
	const given = Buffer.from(match[3]!);
	return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, kind } : null;
}

// ---------------------------------------------------------------------------------------------
// The person's own preferences page (/profiel/meldingen) and the unsubscribe page (/uitschrijven/{token})
// ---------------------------------------------------------------------------------------------

const frequencyOf = (kind: NotificationKind) =>
	z.enum(FREQUENCIES_OF_KIND[kind] as [MailFrequency, ...MailFrequency[]], {
		message: 'notifications.preferences.invalid'
	});
const preferencesInput = z.object({
	own: frequencyOf('own'),
	following: frequencyOf('following'),
	themes: frequencyOf('themes'),
	invitations: frequencyOf('invitations'),
	newsletters: frequencyOf('newsletters'),
	// Offered to staff only; a form without it leaves it as it was.
	colleague: frequencyOf('colleague').optional()
});

/** The signed-in person's id; unauthenticated for a visitor. */
export function requirePerson(ctx: Ctx): string {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor.userId;
}

export interface MyMailPreferences {
	preferences: MailPreference[];
	/** Whether the person is in the pool of climate makers (invitations need it). */
	inPool: boolean;
}

export async function getMyMailPreferences(ctx: Ctx): Promise<MyMailPreferences> {
	const userId = requirePerson(ctx);
	const preferences = await getMailPreferences(ctx.db, { userId });
	if (!preferences) throw new AppError('unauthenticated');
	// What one follows as a colleague is for staff: citizens are not asked about it.
	const staff = isStaff(ctx.actor ?? null);
	return {
		preferences: preferences.filter((p) => p.kind !== 'colleague' || staff),
		inPool: await hasOpenConsent(ctx.db, { userId, kind: 'pool' })
	};
}

/** Saves every kind's frequency from the form in one transaction (each with the consent it needs). */
export async function saveMyMailPreferences(
	ctx: Ctx,
	input: RawInput<typeof preferencesInput>
): Promise<void> {
	const userId = requirePerson(ctx);
	const values = validateInput(preferencesInput, input);
	await ctx.db.transaction(async (tx) => {
		const current = await getMailPreferences(tx, { userId });
		for (const kind of NOTIFICATION_KINDS) {
			const wanted = values[kind];
			if (wanted === undefined) continue;
			const now = current?.find((p) => p.kind === kind)?.frequency;
			// Unchanged kinds write nothing (and give or withdraw no consent).
			if (now !== wanted) await setMailPreference(tx, { userId, kind, frequency: wanted });
		}
	});
}

export type UnsubscribeView =
	{ state: 'valid'; kind: NotificationKind } | { state: 'invalid' } | { state: 'gone' };

/** What an unsubscribe link turns off (GET: nothing changes; mail scanners open links). */
export async function inspectUnsubscribeLink(
	ctx: Ctx,
	input: { unverifiedToken: string }
): Promise<UnsubscribeView> {
	const target = await readUnsubscribeToken(ctx.db, input.unverifiedToken);
	if (!target) return { state: 'invalid' };
	if (!(await accountExists(ctx.db, { userId: target.userId }))) return { state: 'gone' };
	return { state: 'valid', kind: target.kind };
}

/** Turns the link's kind off for its person (no login: the signed token is the proof). */
export async function unsubscribeByLink(
	ctx: Ctx,
	input: { unverifiedToken: string }
): Promise<UnsubscribeView> {
	const target = await readUnsubscribeToken(ctx.db, input.unverifiedToken);
	if (!target) return { state: 'invalid' };
	return ctx.db.transaction(async (tx) => {
		if (!(await accountExists(tx, { userId: target.userId }))) return { state: 'gone' as const };
		await setMailPreference(tx, { userId: target.userId, kind: target.kind, frequency: 'never' });
		ctx.log.info({ userId: target.userId, kind: target.kind }, 'unsubscribed by link');
		return { state: 'valid' as const, kind: target.kind };
	});
}

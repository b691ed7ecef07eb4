// Use cases of a person's own profile: what they see and change, the verification of their address, the
// export of their data and the deletion of their account. The person is always ctx.actor, never input.
import { liftMailSuppression } from '$lib/server/platform/mail-delivery';
import { translate } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import { listPersonSubscriptions, unfollowOwn } from '$lib/server/platform/subscriptions';
import type { ActivitySection } from '$lib/server/platform/feature';
import { SUBSCRIPTION_SUBJECT_KINDS } from '$lib/domain/subscriptions';
import { z } from 'zod';
import { getDraft, listAddressesOfPerson, MAIL_ISSUER } from '$lib/server/features/accounts/accounts.service';
import { acceptStaffInvitations } from '$lib/server/features/staff/staff.service';
import { acceptFunderReviewerInvitations } from '$lib/server/features/funder-reports/funder-reports.service';
import {
	getMunicipalityBySlug,
	getMunicipalityThemes,
	listAllMunicipalities
} from '$lib/server/features/municipalities/municipalities.service';
import { listThemes } from '$lib/server/features/themes/themes.service';
import type { PersonalData } from '$lib/server/features';
import { CONSENT_VERSIONS, type ConsentKind } from './profile.consents';
import { VERIFY_PATH } from './profile.http';
import {
	consumeVerifyToken,
	deleteMailIdentitiesExcept,
	deleteThemePreferences,
	deleteThemePreferencesOutside,
	expireVerifyTokens,
	getOtherUserWithVerifiedEmail,
	getUser,
	insertConsent,
	insertVerifyToken,
	listConsents,
	listThemePreferences,
	markEmailVerified,
	peekVerifyToken,
	updateUser,
	upsertThemePreference,
	withdrawConsents,
	type ConsentRow
} from './profile.queries';
import {
	deleteAccountInput,
	pickProfileFields,
	profileInput,
	validate,
	type ProfileData,
	type MailFrequency,
	type ThemeChoice
} from './profile.schemas';
import {
	consentVersions,
	legalName,
	presentConsent,
	profileFormValues,
	presentFollow,
	type PersonFollow,
	type PersonalDataExport,
	type ProfileView,
	type ThemeOption
} from './profile.present';

export const VERIFY_LINK_HOURS = 24;

function personId(ctx: Ctx): string {
	if (!ctx.actor) throw new AppError('unauthenticated');
	return ctx.actor.userId;
}

/** The person's row; a deleted account is treated as logged out (its sessions are gone anyway). */
async function loadPerson(db: Db, userId: string) {
	const user = await getUser(db, { userId });
	if (!user || user.deletedAt) throw new AppError('unauthenticated');
	return user;
}

const fieldError = (code: 'validation' | 'rate_limited', fields: FieldErrors) =>
	new AppError(code, { fields, message: code === 'validation' ? undefined : Object.values(fields)[0]?.[0] });

const sameAddress = (a: string | null, b: string | null) =>
	(a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** The profile page: saved values, or what the person typed before their session ran out. */
export async function getProfile(
	ctx: Ctx,
	input: { unverifiedDraftId?: string | null } = {}
): Promise<ProfileView> {
	const userId = personId(ctx);
	const user = await loadPerson(ctx.db, userId);
	// The municipalities and their themes are the same for everyone: from the App's read cache.
	const all = await listAllMunicipalities(ctx);
	const home = all.find((m) => m.id === user.homeMunicipalityId) ?? null;
	const [consentRows, homeThemes, preferences] = await Promise.all([
		listConsents(ctx.db, { userId }),
		home
			? getMunicipalityThemes({ ...ctx, tenant: { id: home.id, slug: home.slug } }, { participating: true })
			: [],
		home ? listThemePreferences(ctx.db, { userId, municipalityId: home.id }) : []
	]);
	let themes: ProfileView['themes'] = null;
	if (home) {
		const chosen = new Map(preferences.map((p) => [p.themeSlug, p.interested]));
		const items: ThemeOption[] = homeThemes.map((theme) => {
			const interested = chosen.get(theme.slug);
			const choice: ThemeChoice = interested === undefined ? 'none' : interested ? 'yes' : 'no';
			return { slug: theme.slug, name: theme.name, description: theme.description, choice };
		});
		themes = { municipality: { slug: home.slug, name: home.name }, items };
	}
	const openConsents = new Set(consentRows.filter((c) => !c.withdrawnAt).map((c) => c.kind));
	let values = profileFormValues({
		user,
		homeSlug: home?.slug ?? null,
		openConsents,
		themes: themes?.items ?? [],
		themesOf: themes?.municipality.slug ?? null
	});
	// A draft is only for the person who typed it: the login tied it to whoever logged in, the form to its owner.
	const draft = await getDraft(ctx, { unverifiedId: input.unverifiedDraftId ?? null });
	const draftRestored = Boolean(draft && draft.person === userId);
	if (draft && draftRestored) values = pickProfileFields(Object.entries(draft));
	return {
		person: {
			displayName: user.displayName,
			legalName: legalName(user),
			email: user.email,
			emailVerified: Boolean(user.email && user.emailVerifiedAt),
			home: home ? { slug: home.slug, name: home.name } : null
		},
		values,
		draftRestored,
		municipalities: all
			.filter((m) => m.participating || m.id === home?.id)
			.map((m) => ({ slug: m.slug, name: m.name })),
		themes,
		consents: consentRows.map(presentConsent),
		consentVersions: consentVersions()
	};
}

/** Gives a consent for the current text, or withdraws it; an open consent for an older text is replaced. */
async function setConsent(
	db: Db,
	params: { userId: string; kind: ConsentKind; given: boolean; rows: ConsentRow[] }
) {
	const open = params.rows.filter((r) => r.kind === params.kind && !r.withdrawnAt);
	const version = CONSENT_VERSIONS[params.kind];
	if (!params.given) {
		if (open.length > 0) await withdrawConsents(db, { userId: params.userId, kind: params.kind });
		return;
	}
	if (open.some((r) => r.version === version)) return;
	if (open.length > 0) await withdrawConsents(db, { userId: params.userId, kind: params.kind });
	await insertConsent(db, { userId: params.userId, kind: params.kind, version });
}

/**
 * Gives or withdraws one consent of a person for the current text, in the caller's transaction (the
 * notifications feature records the consent a mail preference needs).
 */
export async function recordConsent(
	db: Db,
	params: { userId: string; kind: ConsentKind; given: boolean }
): Promise<void> {
	const rows = await listConsents(db, { userId: params.userId });
	await setConsent(db, { ...params, rows });
}

/** Whether the person has this consent open now (the notifications' preferences page asks for the pool). */
export async function hasOpenConsent(
	db: Db,
	params: { userId: string; kind: ConsentKind }
): Promise<boolean> {
	const rows = await listConsents(db, { userId: params.userId });
	return rows.some((r) => r.kind === params.kind && r.withdrawnAt === null);
}

/**
 * How often the person wants news on their themes (the profile's "Hoe vaak wil je mails krijgen?"), with
 * the "updates" consent it needs, in the caller's transaction: the notifications' preferences page sets it.
 */
export async function setThemesMailFrequency(
	db: Db,
	params: { userId: string; frequency: MailFrequency }
): Promise<void> {
	await updateUser(db, { userId: params.userId, values: { mailFrequency: params.frequency } });
	await recordConsent(db, { userId: params.userId, kind: 'updates', given: params.frequency !== 'never' });
}

async function limitVerificationMails(ctx: Ctx, params: { userId: string; email: string }) {
	try {
		await enforceRateLimits(ctx.db, [
			{ key: `verify-mail:user:${params.userId}`, limit: 5, windowSeconds: 60 * 60 },
			// Hashed: the counter table need not hold addresses.
			{ key: `verify-mail:email:${hashToken(params.email)}`, limit: 3, windowSeconds: 60 * 60 }
		]);
	} catch (err) {
		if (isAppError(err) && err.code === 'rate_limited')
			throw fieldError('rate_limited', { email: ['profile.email.rateLimited'] });
		throw err;
	}
}

async function issueVerifyToken(db: Db, params: { userId: string; email: string }) {
	await expireVerifyTokens(db, { userId: params.userId });
	const token = newToken();
	await insertVerifyToken(db, {
		userId: params.userId,
		tokenHash: hashToken(token),
		email: params.email,
		expiresAt: new Date(Date.now() + VERIFY_LINK_HOURS * 3_600_000)
	});
	return token;
}

/** The only mail that ever goes to an address that is not verified: the link that verifies it. */
async function mailVerificationLink(ctx: Ctx, params: { email: string; token: string; origin: string }) {
	const link = `${params.origin}${VERIFY_PATH}?token=${params.token}`;
	await ctx.queueMail({
		to: params.email,
		subject: translate(ctx.locale, 'profile.verifyMail.subject'),
		text: translate(ctx.locale, 'profile.verifyMail.body', { link, hours: VERIFY_LINK_HOURS }),
		// The person asked for it: it goes out even to a suppressed address, to confirm it again.
		requestedByRecipient: true
	});
}

export interface ProfileSaved {
	/** The new address a verification link went to, when the address changed. */
	verificationSentTo: string | null;
	/** The new home municipality's name, when it changed: its themes are to be chosen next. */
	newHome: string | null;
}

export async function updateProfile(
	ctx: Ctx,
	input: { profile: ProfileData; origin: string }
): Promise<ProfileSaved> {
	const userId = personId(ctx);
	const profile = validate(profileInput, input.profile);
	const user = await loadPerson(ctx.db, userId);
	let home: { id: string; slug: string; name: string } | null = null;
	if (profile.home) {
		const row = await getMunicipalityBySlug(ctx.db, { slug: profile.home });
		// A municipality that stopped taking part may stay someone's home, but nobody newly chooses it.
		if (!row || (!row.participating && row.id !== user.homeMunicipalityId))
			throw fieldError('validation', { home: ['profile.home.invalid'] });
		home = row;
	}
	const emailChanged = !sameAddress(user.email, profile.email);
	if (emailChanged && profile.email) await limitVerificationMails(ctx, { userId, email: profile.email });

	const token = await ctx.db.transaction(async (tx) => {
		const values: Parameters<typeof updateUser>[1]['values'] = {
			displayName: profile.displayName,
			homeMunicipalityId: home?.id ?? null,
			mailFrequency: profile.mailFrequency,
			wantsToHelp: profile.wantsToHelp
		};
		if (emailChanged) Object.assign(values, { email: profile.email, emailVerifiedAt: null });
		await updateUser(tx, { userId, values });

		const rows = await listConsents(tx, { userId });
		await setConsent(tx, { userId, kind: 'updates', given: profile.mailFrequency !== 'never', rows });
		await setConsent(tx, { userId, kind: 'pool', given: profile.wantsToHelp, rows });

		await deleteThemePreferencesOutside(tx, { userId, municipalityId: home?.id ?? null });
		// The choices count only for the municipality whose themes the person saw.
		if (home && profile.themesOf === home.slug) {
			const themes = await listThemes(tx, { municipalityId: home.id });
			const cleared: string[] = [];
			for (const theme of themes) {
				const choice = profile.themes[theme.slug];
				if (choice === 'none') cleared.push(theme.id);
				else if (choice)
					await upsertThemePreference(tx, { userId, themeId: theme.id, interested: choice === 'yes' });
			}
			await deleteThemePreferences(tx, { userId, themeIds: cleared });
		}

		if (!emailChanged) return null;
		if (!profile.email) {
			await expireVerifyTokens(tx, { userId });
			return null;
		}
		return issueVerifyToken(tx, { userId, email: profile.email });
	});

	if (token && profile.email)
		await mailVerificationLink(ctx, { email: profile.email, token, origin: input.origin });
	ctx.log.info({ userId, emailChanged }, 'profile updated');
	return {
		verificationSentTo: token ? profile.email : null,
		newHome: home && home.id !== user.homeMunicipalityId ? home.name : null
	};
}

/** Sends a fresh verification link to the person's address that is not verified yet. */
export async function requestEmailVerification(
	ctx: Ctx,
	input: { origin: string }
): Promise<{ email: string }> {
	const userId = personId(ctx);
	const user = await loadPerson(ctx.db, userId);
	if (!user.email || user.emailVerifiedAt)
		throw new AppError('conflict', { message: 'profile.email.nothingToVerify' });
	const email = user.email;
	await limitVerificationMails(ctx, { userId, email });
	const token = await ctx.db.transaction((tx) => issueVerifyToken(tx, { userId, email }));
	await mailVerificationLink(ctx, { email, token, origin: input.origin });
	return { email };
}

export const VERIFY_MESSAGES = {
	invalid: 'profile.verify.invalid',
	expired: 'profile.verify.invalid',
	used: 'profile.verify.used',
	otherAccount: 'profile.verify.otherAccount',
	outdated: 'profile.verify.outdated'
} as const;

export type VerificationState =
	{ state: 'valid'; email: string } | { state: keyof typeof VERIFY_MESSAGES; email?: undefined };

/** What a verification link is, before it is used (a GET must never use it: mail scanners open links). */
export async function inspectEmailVerification(
	ctx: Ctx,
	input: { unverifiedToken: string }
): Promise<VerificationState> {
	const userId = personId(ctx);
	if (!input.unverifiedToken || input.unverifiedToken.length > 100) return { state: 'invalid' };
	const row = await peekVerifyToken(ctx.db, { tokenHash: hashToken(input.unverifiedToken) });
	if (!row) return { state: 'invalid' };
	// Only the account that asked may verify: otherwise someone could tie another person's address to theirs.
	if (row.userId !== userId) return { state: 'otherAccount' };
	if (row.usedAt) return { state: 'used' };
	const user = await loadPerson(ctx.db, userId);
	if (!sameAddress(user.email, row.email)) return { state: 'outdated' };
	if (row.expiresAt.getTime() <= Date.now()) return { state: 'expired' };
	return { state: 'valid', email: row.email };
}

export async function verifyEmail(ctx: Ctx, input: { unverifiedToken: string }): Promise<{ email: string }> {
	const userId = personId(ctx);
	const inspected = await inspectEmailVerification(ctx, input);
	if (inspected.state !== 'valid') {
		ctx.log.warn({ state: inspected.state }, 'email verification refused');
		throw new AppError('bad_request', { message: VERIFY_MESSAGES[inspected.state] });
	}
	const tokenHash = hashToken(input.unverifiedToken);
	const email = await ctx.db.transaction(async (tx) => {
		const used = await consumeVerifyToken(tx, { userId, tokenHash });
		if (!used) throw new AppError('bad_request', { message: 'profile.verify.used' });
		if (await getOtherUserWithVerifiedEmail(tx, { userId, email: used.email }))
			throw new AppError('conflict', { message: 'profile.verify.taken' });
		if (!(await markEmailVerified(tx, { userId, email: used.email })))
			throw new AppError('bad_request', { message: 'profile.verify.outdated' });
		await expireVerifyTokens(tx, { userId });
		// Mail reached the address: if it had been refused for good before, it may be mailed again.
		await liftMailSuppression(tx, { address: used.email });
		// An address the person moved away from no longer logs in to this account.
		await deleteMailIdentitiesExcept(tx, { userId, issuer: MAIL_ISSUER, keepSubject: used.email });
		// Staff roles waiting for this address are granted now, not only at the next login.
		const person = { id: userId, displayName: ctx.actor?.displayName ?? '' };
		await acceptStaffInvitations(tx, person, used.email);
		// So are the funder programmes this address was invited to review.
		await acceptFunderReviewerInvitations(tx, person, used.email);
		return used.email;
	});
	ctx.log.info({ userId }, 'email verified');
	return { email };
}

/** What the person follows, in every municipality, newest first. */
export async function listFollows(ctx: Ctx): Promise<PersonFollow[]> {
	const userId = personId(ctx);
	return (await listPersonSubscriptions(ctx.db, { userId })).map(presentFollow);
}

/** Everything the platform holds about the person, for "Download mijn gegevens": each feature's sections. */
export async function exportPersonalData(ctx: Ctx): Promise<PersonalDataExport> {
	const userId = personId(ctx);
	const user = await loadPerson(ctx.db, userId);
	const addresses = await listAddressesOfPerson(ctx.db, { userId });
	const person = { userId, addresses, displayName: user.displayName };
	const sections = await Promise.all(
		ctx.features.map((feature) => feature.personalData?.export(ctx.db, person) ?? {})
	);
	ctx.log.info({ userId }, 'personal data exported');
	return {
		format: 'meedoen.personal-data',
		formatVersion: 1,
		exportedAt: new Date().toISOString(),
		// The registry's type says which sections there are; each feature fills in its own.
		...(Object.assign({}, ...sections) as PersonalData)
	};
}

/**
 * Deletes the person's account at once and for good: every feature deletes or anonymises its part in one
 * transaction; the users row stays (marked deleted, emptied) so public contributions and vote counts stay right.
 */
export async function deleteAccount(ctx: Ctx, input: { confirm: 'yes' }): Promise<void> {
	const userId = personId(ctx);
	validate(deleteAccountInput, input);
	const addresses = await ctx.db.transaction(async (tx) => {
		const user = await loadPerson(tx, userId);
		const addresses = await listAddressesOfPerson(tx, { userId });
		const person = { userId, addresses, displayName: user.displayName };
		for (const feature of ctx.features) await feature.personalData?.erase(tx, person);
		return addresses;
	});
	// Mail already delivered and kept by the platform (the .eml files without SMTP) is a file, not a row: it
	// goes once the deletion is committed. Mail still queued went with the job queue's rows above.
	await ctx.forgetDeliveredMail?.(addresses);
	ctx.log.info({ userId }, 'account deleted');
}

// ---------------------------------------------------------------------------------------------
// "Mijn activiteit"
// ---------------------------------------------------------------------------------------------

export interface MyActivity {
	sections: ActivitySection[];
}

/** The person's own contributions and follows, from every feature's activity part, in registry order. */
export async function getMyActivity(ctx: Ctx): Promise<MyActivity> {
	const userId = personId(ctx);
	await loadPerson(ctx.db, userId);
	const sections: ActivitySection[] = [];
	for (const feature of ctx.features)
		if (feature.activity) sections.push(...(await feature.activity(ctx.db, { userId }, ctx.locale)));
	return { sections };
}

const unfollowInput = z.object({
	kind: z.enum(SUBSCRIPTION_SUBJECT_KINDS),
	id: z.string().trim().min(1).max(64)
});

/**
 * Ends one of the person's follows from "Mijn activiteit" and says which it was (its title and page, to follow
 * it again there). Not found when the person did not follow it.
 */
export async function unfollowFromActivity(
	ctx: Ctx,
	input: { kind: unknown; id: unknown }
): Promise<{ title: string; href: string | null }> {
	const userId = personId(ctx);
	const parsed = unfollowInput.safeParse(input);
	if (!parsed.success) throw new AppError('not_found');
	const { kind, id } = parsed.data;
	const { sections } = await getMyActivity(ctx);
	const followed = sections
		.flatMap((s) => s.items)
		.find((i) => i.unfollow?.kind === kind && i.unfollow.id === id);
	if (!followed) throw new AppError('not_found');
	await unfollowOwn(ctx.db, { userId, subject: { kind, id } });
	ctx.log.info({ userId, kind, id }, 'unfollowed from the profile');
	return { title: followed.title, href: followed.href };
}

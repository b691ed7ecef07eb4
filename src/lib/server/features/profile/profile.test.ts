import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { translate } from '$lib/i18n';
import {
	auditLog,
	consents,
	mailTokens,
	memberships,
	regionRoles,
	sessions,
	staffInvitations,
	subscriptions,
	themePreferences,
	themes,
	userIdentities,
	users
} from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildParticipatingMunicipality, getTenant } from '$lib/server/testing/factories';
import type { MailMessage } from '$lib/server/platform/mail';
import { AppError, isAppError } from '$lib/server/platform/errors';
import { hashToken, newToken } from '$lib/server/platform/tokens';
import type { Tenant } from '$lib/server/platform/context';
import { follow, listFollowers } from '$lib/server/platform/subscriptions';
import {
	consumeLoginLink,
	keepDraftForLogin,
	requestLoginLink,
	resolveSession
} from '$lib/server/features/accounts/accounts.service';
import { insertSession } from '$lib/server/features/accounts/accounts.queries';
import { CONSENT_VERSIONS } from './profile.consents';
import { parseProfileForm, readProfileForm, type ProfileData } from './profile.schemas';
import { publicAuthorName } from './profile.present';
import {
	deleteAccount,
	exportPersonalData,
	getProfile,
	inspectEmailVerification,
	listFollows,
	requestEmailVerification,
	updateProfile,
	verifyEmail
} from './profile.service';
import type { Actor } from '$lib/server/platform/policy';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
const settings = { idleMinutes: 60, maxDays: 30 };
const origin = 'https://meedoen.test';

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	olen = await getTenant(database.db, 'olen'); // does not take part
});
afterAll(async () => {
	await database?.destroy();
});

interface Person {
	id: string;
	actor: Actor;
	sessionToken: string;
	email: string;
}

let counter = 0;
/** A person as a login leaves them: a users row, an identity, a session. */
async function buildPerson(
	overrides: Partial<typeof users.$inferInsert> & { userAgent?: string } = {}
): Promise<Person> {
	counter += 1;
	const email = overrides.email ?? `persoon${counter}@example.be`;
	const { userAgent, ...values } = overrides;
	const [row] = await database.db
		.insert(users)
		.values({
			displayName: `Persoon ${counter}`,
			givenName: 'Voornaam',
			familyName: `Familienaam${counter}`,
			email,
			emailVerifiedAt: new Date(),
			...values
		})
		.returning({ id: users.id });
	const id = row!.id;
	await database.db
		.insert(userIdentities)
		.values({ userId: id, issuer: 'https://idp.test', subject: `sub-${counter}` });
	const sessionToken = newToken();
	await insertSession(database.db, {
		id: hashToken(sessionToken),
		userId: id,
		idToken: 'id-token-secret',
		userAgent: userAgent ?? `Browser ${counter}`,
		expiresAt: new Date(Date.now() + 86_400_000)
	});
	const session = await resolveSession(database.db, { unverifiedToken: sessionToken, settings });
	return { id, actor: session!.actor, sessionToken, email };
}

function ctxOf(person: Person | null, outbox?: MailMessage[]) {
	return buildCtx(database.db, undefined, { actor: person?.actor, outbox });
}

/** A complete, valid profile as the form sends it, with overrides. */
function form(values: Record<string, string> = {}): Record<string, string> {
	return {
		displayName: 'An P.',
		email: '',
		home: 'geel',
		mailFrequency: 'weekly',
		themesOf: 'geel',
		...values
	};
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (err) {
		if (isAppError(err)) return err;
		throw err;
	}
	throw new Error('expected a refusal');
}

function refusalOf(work: () => unknown): AppError {
	try {
		work();
	} catch (err) {
		if (isAppError(err)) return err;
		throw err;
	}
	throw new Error('expected a refusal');
}

/** The Dutch message for each refused field, as the person reads it. */
function dutch(err: AppError): Record<string, string> {
	return Object.fromEntries(
		Object.entries(err.options.fields ?? {}).map(([field, keys]) => [field, translate('nl', keys[0]!)])
	);
}

async function save(person: Person, values: Record<string, string>, outbox?: MailMessage[]) {
	// As the real form: the address shown is the person's own unless the test types another.
	const typed = form({ email: person.email, ...values });
	return updateProfile(ctxOf(person, outbox), { profile: parseProfileForm(typed), origin });
}

async function userRow(id: string) {
	const [row] = await database.db.select().from(users).where(eq(users.id, id));
	return row!;
}

async function consentsOf(id: string) {
	return database.db
		.select()
		.from(consents)
		.where(eq(consents.userId, id))
		.orderBy(consents.givenAt, consents.kind);
}

function tokenFrom(mail: MailMessage | undefined): string {
	const match = mail?.text.match(/\/profiel\/bevestig\?token=([\w-]+)/);
	if (!match?.[1]) throw new Error('no verification link in mail');
	return match[1];
}

async function themeIdOf(tenant: Tenant, slug: string) {
	const [row] = await database.db
		.select({ id: themes.id })
		.from(themes)
		.where(and(eq(themes.municipalityId, tenant.id), eq(themes.slug, slug)));
	return row!.id;
}

describe('profile form validation', () => {
	it('refuses an empty, a 100,000-character and an HTML display name, each with its own Dutch message', () => {
		expect(dutch(refusalOf(() => parseProfileForm(form({ displayName: '   ' }))))).toEqual({
			displayName: 'Vul een naam in. Die mag kort zijn, bijvoorbeeld je voornaam.'
		});
		expect(dutch(refusalOf(() => parseProfileForm(form({ displayName: 'a'.repeat(100_000) }))))).toEqual({
			displayName: 'Je naam mag maximaal 60 tekens lang zijn.'
		});
		expect(
			dutch(refusalOf(() => parseProfileForm(form({ displayName: '<script>alert(1)</script>' }))))
		).toEqual({ displayName: 'Gebruik geen < of > in je naam.' });
		expect(dutch(refusalOf(() => parseProfileForm(form({ displayName: 'An <b>' }))))).toEqual({
			displayName: 'Gebruik geen < of > in je naam.'
		});
	});

	it('accepts 60 characters after trimming and refuses 61', () => {
		expect(parseProfileForm(form({ displayName: `  ${'é'.repeat(60)}  ` })).displayName).toBe('é'.repeat(60));
		expect(refusalOf(() => parseProfileForm(form({ displayName: 'x'.repeat(61) }))).options.fields).toEqual({
			displayName: ['profile.displayName.tooLong']
		});
	});

	it('refuses an invalid, a 100,000-character and a script e-mail address; empty means no address', () => {
		expect(dutch(refusalOf(() => parseProfileForm(form({ email: 'geen-adres' }))))).toEqual({
			email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be, of laat het veld leeg.'
		});
		expect(dutch(refusalOf(() => parseProfileForm(form({ email: `${'a'.repeat(100_000)}@x.be` }))))).toEqual({
			email: 'Een e-mailadres mag maximaal 254 tekens lang zijn.'
		});
		expect(
			refusalOf(() => parseProfileForm(form({ email: '<script>alert(1)</script>@x.be' }))).options.fields
		).toEqual({ email: ['profile.email.invalid'] });
		expect(parseProfileForm(form({ email: '' })).email).toBeNull();
		expect(parseProfileForm(form({ email: '  An@Example.BE ' })).email).toBe('an@example.be');
	});

	it('refuses a made-up municipality, mail frequency and theme choice, all at once', () => {
		const err = refusalOf(() =>
			parseProfileForm(
				form({
					displayName: '',
					home: '<script>',
					mailFrequency: 'hourly',
					'theme:mobiliteit': 'misschien'
				})
			)
		);
		expect(err.code).toBe('validation');
		expect(dutch(err)).toEqual({
			displayName: 'Vul een naam in. Die mag kort zijn, bijvoorbeeld je voornaam.',
			home: 'Kies een gemeente uit de lijst, of "Geen".',
			mailFrequency: 'Kies hoe vaak je mails wil krijgen.',
			'theme:mobiliteit': 'Kies "Ja, graag", "Liever niet" of "Geen voorkeur".'
		});
		expect(dutch(refusalOf(() => parseProfileForm(form({ home: 'x'.repeat(100_000) }))))).toEqual({
			home: 'Kies een gemeente uit de lijst, of "Geen".'
		});
	});

	it('refuses the pool of climate makers without a home municipality, with a clear message', () => {
		expect(dutch(refusalOf(() => parseProfileForm(form({ home: '', wantsToHelp: 'yes' }))))).toEqual({
			wantsToHelp:
				'Kies eerst je gemeente. Je komt in de pool van klimaatmakers van die gemeente, en zij vraagt je om mee te helpen.'
		});
	});

	it('keeps what was typed, capped, and only the form’s own fields', () => {
		const data = new FormData();
		data.set('displayName', 'a'.repeat(100_000));
		data.set('email', '<script>x</script>');
		data.set('theme:mobiliteit', 'yes');
		data.set('isAdmin', 'yes');
		const values = readProfileForm(data);
		expect(values.displayName).toBe('a'.repeat(2_000));
		expect(values.email).toBe('<script>x</script>');
		expect(values['theme:mobiliteit']).toBe('yes');
		expect(values).not.toHaveProperty('isAdmin');
	});
});

describe('updating the profile', () => {
	it('saves name, municipality, mail frequency, pool opt-in and theme choices of the person in ctx.actor', async () => {
		const an = await buildPerson();
		const outcome = await save(an, {
			displayName: '  An van de Markt ',
			wantsToHelp: 'yes',
			'theme:mobiliteit': 'yes',
			'theme:hernieuwbare-energie': 'no',
			'theme:vergroening-en-ontharding': 'none'
		});
		expect(outcome).toEqual({ verificationSentTo: null, newHome: 'Geel' });
		const row = await userRow(an.id);
		expect(row).toMatchObject({
			displayName: 'An van de Markt',
			homeMunicipalityId: geel.id,
			mailFrequency: 'weekly',
			wantsToHelp: true
		});
		const prefs = await database.db
			.select({ themeId: themePreferences.themeId, interested: themePreferences.interested })
			.from(themePreferences)
			.where(eq(themePreferences.userId, an.id));
		expect(prefs).toHaveLength(2);
		expect(prefs).toContainEqual({ themeId: await themeIdOf(geel, 'mobiliteit'), interested: true });
		expect(prefs).toContainEqual({
			themeId: await themeIdOf(geel, 'hernieuwbare-energie'),
			interested: false
		});

		const profile = await getProfile(ctxOf(an));
		expect(profile.values).toMatchObject({
			displayName: 'An van de Markt',
			home: 'geel',
			mailFrequency: 'weekly',
			wantsToHelp: 'yes',
			'theme:mobiliteit': 'yes',
			'theme:hernieuwbare-energie': 'no',
			'theme:vergroening-en-ontharding': 'none'
		});
		expect(profile.themes?.municipality).toEqual({ slug: 'geel', name: 'Geel' });
		expect(profile.person.legalName).toMatch(/^Voornaam Familienaam\d+$/);
	});

	it('saves nothing at all when any field is refused', async () => {
		const an = await buildPerson({ displayName: 'Voor' });
		const before = await userRow(an.id);
		const invalid = { ...parseProfileForm(form()), displayName: '<b>Na</b>' } as ProfileData;
		const err = await refusal(updateProfile(ctxOf(an), { profile: invalid, origin }));
		expect(err.options.fields).toEqual({ displayName: ['profile.displayName.noHtml'] });
		const tooLong = { ...parseProfileForm(form()), displayName: 'x'.repeat(100_000) } as ProfileData;
		await refusal(updateProfile(ctxOf(an), { profile: tooLong, origin }));
		expect(await userRow(an.id)).toEqual(before);
		expect(await consentsOf(an.id)).toHaveLength(0);
	});

	it('refuses the pool opt-in without a home municipality, also when the form is bypassed', async () => {
		const an = await buildPerson();
		const bypass = { ...parseProfileForm(form()), home: null, wantsToHelp: true } as ProfileData;
		const err = await refusal(updateProfile(ctxOf(an), { profile: bypass, origin }));
		expect(err.options.fields).toEqual({ wantsToHelp: ['profile.wantsToHelp.needsHome'] });
		expect((await userRow(an.id)).wantsToHelp).toBe(false);
		expect(await consentsOf(an.id)).toHaveLength(0);
	});

	it('offers only participating municipalities, and refuses one that does not take part', async () => {
		const an = await buildPerson();
		const profile = await getProfile(ctxOf(an));
		expect(profile.municipalities.map((m) => m.slug)).toEqual(['geel', 'mol']);
		const err = await refusal(save(an, { home: 'olen', wantsToHelp: 'yes' }));
		expect(err.options.fields).toEqual({ home: ['profile.home.invalid'] });
		expect((await userRow(an.id)).homeMunicipalityId).toBeNull();
	});

	it('keeps a home municipality that stopped taking part selectable for who already lives there', async () => {
		const an = await buildPerson({ homeMunicipalityId: olen.id });
		expect((await getProfile(ctxOf(an))).municipalities.map((m) => m.slug)).toContain('olen');
		await save(an, { home: 'olen', themesOf: 'olen' });
		expect((await userRow(an.id)).homeMunicipalityId).toBe(olen.id);
	});

	it('counts theme choices only for the municipality shown, and drops them when the home changes', async () => {
		const an = await buildPerson();
		await save(an, { 'theme:mobiliteit': 'yes' });
		// The form showed Geel's themes, but the person picked Mol: Geel's choices go, Mol's are chosen next.
		const outcome = await save(an, { home: 'mol', themesOf: 'geel', 'theme:mobiliteit': 'no' });
		expect(outcome.newHome).toBe('Mol');
		expect(
			await database.db.select().from(themePreferences).where(eq(themePreferences.userId, an.id))
		).toHaveLength(0);
		await save(an, { home: 'mol', themesOf: 'mol', 'theme:mobiliteit': 'no' });
		const [pref] = await database.db
			.select()
			.from(themePreferences)
			.where(eq(themePreferences.userId, an.id));
		expect(pref).toMatchObject({ themeId: await themeIdOf(mol, 'mobiliteit'), interested: false });
		await save(an, { home: '', themesOf: 'mol' });
		expect(
			await database.db.select().from(themePreferences).where(eq(themePreferences.userId, an.id))
		).toHaveLength(0);
		expect((await getProfile(ctxOf(an))).themes).toBeNull();
	});
});

describe('consents', () => {
	it('records the updates and pool consents with their text version and time, once', async () => {
		const an = await buildPerson();
		const before = Date.now();
		await save(an, { mailFrequency: 'daily', wantsToHelp: 'yes' });
		await save(an, { mailFrequency: 'weekly', wantsToHelp: 'yes' });
		const rows = await consentsOf(an.id);
		expect(rows.map((r) => [r.kind, r.version, r.withdrawnAt])).toEqual(
			expect.arrayContaining([
				['updates', CONSENT_VERSIONS.updates, null],
				['pool', CONSENT_VERSIONS.pool, null]
			])
		);
		expect(rows).toHaveLength(2);
		for (const row of rows) expect(row.givenAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
	});

	it('withdraws as easily as it was given, and a new consent after that is a new record', async () => {
		const an = await buildPerson();
		await save(an, { mailFrequency: 'immediate', wantsToHelp: 'yes' });
		await save(an, { mailFrequency: 'never' });
		let rows = await consentsOf(an.id);
		expect(rows.every((r) => r.withdrawnAt !== null)).toBe(true);
		expect(await userRow(an.id)).toMatchObject({ mailFrequency: 'never', wantsToHelp: false });
		await save(an, { mailFrequency: 'weekly' });
		rows = await consentsOf(an.id);
		expect(rows.filter((r) => r.kind === 'updates').map((r) => r.withdrawnAt === null)).toEqual([
			false,
			true
		]);
		const history = (await getProfile(ctxOf(an))).consents;
		expect(history).toHaveLength(3);
		expect(history.find((c) => c.kind === 'pool')).toMatchObject({
			version: '2026-11',
			withdrawnAt: expect.any(String)
		});
	});

	it('replaces an open consent given for an older text when the person saves again', async () => {
		const an = await buildPerson();
		await database.db.insert(consents).values({ userId: an.id, kind: 'updates', version: '2025-01' });
		await save(an, { mailFrequency: 'weekly' });
		const rows = await consentsOf(an.id);
		expect(rows.map((r) => [r.version, r.withdrawnAt === null])).toEqual([
			['2025-01', false],
			[CONSENT_VERSIONS.updates, true]
		]);
	});

	it('shows "never" and no pool opt-in while no consent was given, whatever the column default says', async () => {
		const an = await buildPerson({ mailFrequency: 'weekly', wantsToHelp: true, homeMunicipalityId: geel.id });
		const profile = await getProfile(ctxOf(an));
		expect(profile.values.mailFrequency).toBe('never');
		expect(profile.values).not.toHaveProperty('wantsToHelp');
	});
});

describe('changing and verifying the e-mail address', () => {
	it('grants staff roles waiting for the address as soon as it is verified', async () => {
		const geel = await getTenant(database.db, 'geel');
		await database.db
			.insert(staffInvitations)
			.values({ municipalityId: geel.id, email: 'uitgenodigd@example.be', role: 'communication' });
		const an = await buildPerson({ email: 'voor@example.be' });
		const outbox: MailMessage[] = [];
		await save(an, { email: 'uitgenodigd@example.be' }, outbox);
		await verifyEmail(ctxOf(an), { unverifiedToken: tokenFrom(outbox[0]) });
		const roles = await database.db.select().from(memberships).where(eq(memberships.userId, an.id));
		expect(roles.map((r) => [r.municipalityId, r.role])).toEqual([[geel.id, 'communication']]);
	});

	it('sets a new address unverified and mails a single-use 24-hour link to the new address only', async () => {
		const an = await buildPerson({ email: 'oud@example.be' });
		const outbox: MailMessage[] = [];
		const outcome = await save(an, { email: 'Nieuw@Example.be' }, outbox);
		expect(outcome.verificationSentTo).toBe('nieuw@example.be');
		expect(outbox).toHaveLength(1);
		expect(outbox[0]!.to).toBe('nieuw@example.be');
		expect(outbox[0]!.subject).toBe('Bevestig je e-mailadres voor Meedoen');
		expect(outbox[0]!.text).toContain(`${origin}/profiel/bevestig?token=`);
		expect(await userRow(an.id)).toMatchObject({ email: 'nieuw@example.be', emailVerifiedAt: null });

		const token = tokenFrom(outbox[0]);
		const [stored] = await database.db.select().from(mailTokens).where(eq(mailTokens.userId, an.id));
		expect(stored).toMatchObject({ tokenHash: hashToken(token), purpose: 'verify', usedAt: null });
		expect(JSON.stringify(stored)).not.toContain(token);
		const hours = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 3_600_000;
		expect(hours).toBeCloseTo(24, 1);

		expect(await inspectEmailVerification(ctxOf(an), { unverifiedToken: token })).toEqual({
			state: 'valid',
			email: 'nieuw@example.be'
		});
		expect(await verifyEmail(ctxOf(an), { unverifiedToken: token })).toEqual({ email: 'nieuw@example.be' });
		expect((await userRow(an.id)).emailVerifiedAt).toBeInstanceOf(Date);
		const again = await refusal(verifyEmail(ctxOf(an), { unverifiedToken: token }));
		expect(again.messageKey).toBe('profile.verify.used');
	});

	it('sends no mail when the address stays the same (in other capitals) or is removed', async () => {
		const an = await buildPerson({ email: 'Zelfde@Example.be' });
		const outbox: MailMessage[] = [];
		await save(an, { email: 'zelfde@example.be' }, outbox);
		expect(outbox).toHaveLength(0);
		expect((await userRow(an.id)).emailVerifiedAt).not.toBeNull();
		await save(an, { email: '' }, outbox);
		expect(outbox).toHaveLength(0);
		expect(await userRow(an.id)).toMatchObject({ email: null, emailVerifiedAt: null });
	});

	it('refuses a link of another account without using it up', async () => {
		const an = await buildPerson();
		const bob = await buildPerson();
		const outbox: MailMessage[] = [];
		await save(an, { email: 'an-nieuw@example.be' }, outbox);
		const token = tokenFrom(outbox[0]);
		expect((await inspectEmailVerification(ctxOf(bob), { unverifiedToken: token })).state).toBe(
			'otherAccount'
		);
		const err = await refusal(verifyEmail(ctxOf(bob), { unverifiedToken: token }));
		expect(err.messageKey).toBe('profile.verify.otherAccount');
		expect((await userRow(bob.id)).email).toBe(bob.email);
		await verifyEmail(ctxOf(an), { unverifiedToken: token });
		expect((await userRow(an.id)).emailVerifiedAt).not.toBeNull();
	});

	it('refuses the link of an address changed since, an expired link and a made-up one', async () => {
		const an = await buildPerson();
		const outbox: MailMessage[] = [];
		await save(an, { email: 'eerste@example.be' }, outbox);
		await save(an, { email: 'tweede@example.be' }, outbox);
		const [first, second] = outbox.map(tokenFrom);
		expect((await refusal(verifyEmail(ctxOf(an), { unverifiedToken: first! }))).messageKey).toBe(
			'profile.verify.outdated'
		);
		await database.db
			.update(mailTokens)
			.set({ expiresAt: sql`now() - interval '1 minute'` })
			.where(eq(mailTokens.tokenHash, hashToken(second!)));
		expect((await refusal(verifyEmail(ctxOf(an), { unverifiedToken: second! }))).messageKey).toBe(
			'profile.verify.invalid'
		);
		expect((await refusal(verifyEmail(ctxOf(an), { unverifiedToken: 'verzonnen' }))).messageKey).toBe(
			'profile.verify.invalid'
		);
		expect((await userRow(an.id)).emailVerifiedAt).toBeNull();
	});

	it('refuses an address another account already verified, and keeps the link for later', async () => {
		const taken = await buildPerson({ email: 'bezet@example.be' });
		const an = await buildPerson();
		const outbox: MailMessage[] = [];
		await save(an, { email: 'bezet@example.be' }, outbox);
		const token = tokenFrom(outbox[0]);
		expect((await refusal(verifyEmail(ctxOf(an), { unverifiedToken: token }))).messageKey).toBe(
			'profile.verify.taken'
		);
		expect((await userRow(an.id)).emailVerifiedAt).toBeNull();
		expect((await userRow(taken.id)).email).toBe('bezet@example.be');
	});

	it('ends logging in with the old address once the new one is verified', async () => {
		const an = await buildPerson({ email: 'vroeger@example.be' });
		await database.db
			.insert(userIdentities)
			.values({ userId: an.id, issuer: 'mail', subject: 'vroeger@example.be' });
		const outbox: MailMessage[] = [];
		await save(an, { email: 'nu@example.be' }, outbox);
		await verifyEmail(ctxOf(an), { unverifiedToken: tokenFrom(outbox[0]) });
		const identities = await database.db
			.select({ issuer: userIdentities.issuer })
			.from(userIdentities)
			.where(eq(userIdentities.userId, an.id));
		expect(identities.map((i) => i.issuer)).toEqual(['https://idp.test']);
	});

	it('resends the link on request, and limits how many links an address gets', async () => {
		const an = await buildPerson();
		const outbox: MailMessage[] = [];
		await save(an, { email: 'vaak@example.be' }, outbox);
		await requestEmailVerification(ctxOf(an, outbox), { origin });
		await requestEmailVerification(ctxOf(an, outbox), { origin });
		const err = await refusal(requestEmailVerification(ctxOf(an, outbox), { origin }));
		expect(err.code).toBe('rate_limited');
		expect(err.options.fields).toEqual({ email: ['profile.email.rateLimited'] });
		expect(outbox.map((m) => m.to)).toEqual(['vaak@example.be', 'vaak@example.be', 'vaak@example.be']);
		// Only the newest link works.
		expect((await inspectEmailVerification(ctxOf(an), { unverifiedToken: tokenFrom(outbox[0]) })).state).toBe(
			'expired'
		);
		expect((await inspectEmailVerification(ctxOf(an), { unverifiedToken: tokenFrom(outbox[2]) })).state).toBe(
			'valid'
		);
	});

	it('has nothing to resend for a verified address', async () => {
		const an = await buildPerson();
		const outbox: MailMessage[] = [];
		const err = await refusal(requestEmailVerification(ctxOf(an, outbox), { origin }));
		expect(err.messageKey).toBe('profile.email.nothingToVerify');
		expect(outbox).toHaveLength(0);
	});
});

describe('what typed values survive a login', () => {
	it('brings the typed profile back after logging in again, for that person only', async () => {
		const email = 'verlopen@example.be';
		const an = await buildPerson({ email });
		await database.db.insert(userIdentities).values({ userId: an.id, issuer: 'mail', subject: email });
		const typed = { ...form({ displayName: 'Nog niet bewaard' }), person: an.id };
		const requestId = await keepDraftForLogin(ctxOf(null), { returnTo: '/profiel', values: typed });
		const outbox: MailMessage[] = [];
		await requestLoginLink(ctxOf(null, outbox), {
			email,
			ip: '10.77.0.1',
			origin,
			returnTo: '/profiel',
			unverifiedRequestId: requestId,
			channel: { channel: null, referrer: null }
		});
		const loginToken = outbox[0]!.text.match(/token=([\w-]+)/)![1]!;
		const outcome = await consumeLoginLink(ctxOf(null), {
			unverifiedToken: loginToken,
			userAgent: null,
			settings
		});
		expect(outcome.returnTo).toBe(`/profiel?concept=${requestId}`);
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.actor.userId).toBe(an.id);

		const profile = await getProfile(ctxOf(an), { unverifiedDraftId: requestId });
		expect(profile.draftRestored).toBe(true);
		expect(profile.values.displayName).toBe('Nog niet bewaard');
		expect((await userRow(an.id)).displayName).not.toBe('Nog niet bewaard');

		const bob = await buildPerson();
		const forBob = await getProfile(ctxOf(bob), { unverifiedDraftId: requestId });
		expect(forBob.draftRestored).toBe(false);
		expect(forBob.values.displayName).toBe((await userRow(bob.id)).displayName);
	});

	it('does not show what one person typed to the next person who logs in on that screen', async () => {
		const an = await buildPerson();
		const email = 'volgende@example.be';
		const bob = await buildPerson({ email });
		await database.db.insert(userIdentities).values({ userId: bob.id, issuer: 'mail', subject: email });
		const typedByAn = { ...form({ displayName: 'Van An' }), person: an.id };
		const requestId = await keepDraftForLogin(ctxOf(null), { returnTo: '/profiel', values: typedByAn });
		const outbox: MailMessage[] = [];
		await requestLoginLink(ctxOf(null, outbox), {
			email,
			ip: '10.77.0.2',
			origin,
			returnTo: '/profiel',
			unverifiedRequestId: requestId,
			channel: { channel: null, referrer: null }
		});
		const token = outbox[0]!.text.match(/token=([\w-]+)/)![1]!;
		await consumeLoginLink(ctxOf(null), { unverifiedToken: token, userAgent: null, settings });
		const profile = await getProfile(ctxOf(bob), { unverifiedDraftId: requestId });
		expect(profile.draftRestored).toBe(false);
		expect(profile.values.displayName).not.toBe('Van An');
		expect(JSON.stringify(await exportPersonalData(ctxOf(bob)))).not.toContain('Van An');
	});
});

describe('download my data', () => {
	it('contains everything about the person and nothing of anyone else', async () => {
		const an = await buildPerson({ userAgent: 'Firefox van An' });
		const bob = await buildPerson({
			displayName: 'Bob Geheim',
			email: 'bob-geheim@example.be',
			userAgent: 'Safari van Bob'
		});
		await database.db
			.insert(memberships)
			.values({ municipalityId: geel.id, userId: an.id, role: 'moderator' });
		await database.db
			.insert(memberships)
			.values({ municipalityId: geel.id, userId: bob.id, role: 'admin', createdBy: an.id });
		await save(an, { wantsToHelp: 'yes', 'theme:mobiliteit': 'yes' });
		await save(bob, { 'theme:mobiliteit': 'no' });

		const data = await exportPersonalData(ctxOf(an));
		expect(data.format).toBe('meedoen.personal-data');
		expect(Date.parse(data.exportedAt)).not.toBeNaN();
		expect(data.person).toMatchObject({
			id: an.id,
			displayName: 'An P.',
			email: an.email,
			homeMunicipality: { slug: 'geel', name: 'Geel' },
			wantsToHelp: true
		});
		expect(data.identities).toEqual([
			{ issuer: 'https://idp.test', subject: expect.stringMatching(/^sub-/), createdAt: expect.any(String) }
		]);
		expect(data.consents.map((c) => c.kind).sort()).toEqual(['pool', 'updates']);
		expect(data.themePreferences).toEqual([
			{
				municipality: { slug: 'geel', name: 'Geel' },
				theme: { slug: 'mobiliteit', name: 'Mobiliteit' },
				interested: true
			}
		]);
		expect(data.memberships).toEqual([
			{
				municipality: { slug: 'geel', name: 'Geel' },
				role: 'moderator',
				department: null,
				createdAt: expect.any(String)
			}
		]);
		expect(data.sessions).toEqual([
			{
				createdAt: expect.any(String),
				lastSeenAt: expect.any(String),
				expiresAt: expect.any(String),
				userAgent: 'Firefox van An'
			}
		]);

		const text = JSON.stringify(data);
		for (const secret of [
			bob.id,
			'Bob Geheim',
			'bob-geheim@example.be',
			'Safari van Bob',
			hashToken(an.sessionToken),
			'id-token-secret'
		])
			expect(text).not.toContain(secret);
		expect(text).not.toMatch(/tokenHash|idToken/);
		// The only identifier in the file is the person's own.
		const ids = new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g));
		expect([...ids]).toEqual([an.id]);
	});

	it('is only for a logged-in person', async () => {
		expect((await refusal(exportPersonalData(ctxOf(null)))).code).toBe('unauthenticated');
	});
});

describe('deleting an account', () => {
	async function countsOf(id: string) {
		const count = async (
			table:
				| typeof sessions
				| typeof consents
				| typeof themePreferences
				| typeof memberships
				| typeof regionRoles
				| typeof userIdentities
		) =>
			(
				await database.db
					.select({ n: sql<number>`count(*)::int` })
					.from(table)
					.where(eq(table.userId, id))
			)[0]!.n;
		return {
			sessions: await count(sessions),
			consents: await count(consents),
			themePreferences: await count(themePreferences),
			memberships: await count(memberships),
			regionRoles: await count(regionRoles),
			identities: await count(userIdentities),
			mailTokens: (
				await database.db
					.select({ n: sql<number>`count(*)::int` })
					.from(mailTokens)
					.where(eq(mailTokens.userId, id))
			)[0]!.n
		};
	}

	it('wipes personal data at once, keeps the row, ends the sessions, and leaves another person alone', async () => {
		const an = await buildPerson({ email: 'weg@example.be' });
		const bob = await buildPerson();
		for (const person of [an, bob]) {
			await save(person, {
				wantsToHelp: 'yes',
				'theme:mobiliteit': 'yes',
				email: `${person.id}@nieuw.example.be`
			});
			await database.db
				.insert(memberships)
				.values({ municipalityId: geel.id, userId: person.id, role: 'moderator' });
		}
		const bobBefore = { row: await userRow(bob.id), counts: await countsOf(bob.id) };
		expect(bobBefore.counts).toMatchObject({ sessions: 1, consents: 2, themePreferences: 1, memberships: 1 });
		expect(bobBefore.counts.mailTokens).toBeGreaterThan(0);

		const refused = await refusal(deleteAccount(ctxOf(an), { confirm: '' } as unknown as { confirm: 'yes' }));
		expect(refused.options.fields).toEqual({ confirm: ['profile.delete.confirmRequired'] });
		expect((await userRow(an.id)).deletedAt).toBeNull();

		await deleteAccount(ctxOf(an), { confirm: 'yes' });

		const row = await userRow(an.id);
		expect(row).toMatchObject({
			displayName: '',
			givenName: null,
			familyName: null,
			email: null,
			emailVerifiedAt: null,
			homeMunicipalityId: null,
			wantsToHelp: false,
			mailFrequency: 'never'
		});
		expect(row.deletedAt).toBeInstanceOf(Date);
		expect(publicAuthorName(row)).toBe('Voormalige deelnemer');
		expect(await countsOf(an.id)).toEqual({
			sessions: 0,
			consents: 0,
			themePreferences: 0,
			memberships: 0,
			regionRoles: 0,
			identities: 0,
			mailTokens: 0
		});
		expect(await resolveSession(database.db, { unverifiedToken: an.sessionToken, settings })).toBeNull();
		expect((await refusal(getProfile(ctxOf(an)))).code).toBe('unauthenticated');

		expect(await userRow(bob.id)).toEqual(bobBefore.row);
		expect(await countsOf(bob.id)).toEqual(bobBefore.counts);
		expect(await resolveSession(database.db, { unverifiedToken: bob.sessionToken, settings })).not.toBeNull();
		expect(publicAuthorName(await userRow(bob.id))).toBe(bobBefore.row.displayName);
	});

	it('writes an audit row when the person had staff roles, and none for a citizen', async () => {
		const staff = await buildPerson({ displayName: 'Medewerker Mol' });
		await database.db.insert(memberships).values([
			{ municipalityId: mol.id, userId: staff.id, role: 'moderator' },
			{ municipalityId: mol.id, userId: staff.id, role: 'communication' }
		]);
		const withRoles = (await resolveSession(database.db, { unverifiedToken: staff.sessionToken, settings }))!;
		await deleteAccount(buildCtx(database.db, undefined, { actor: withRoles.actor }), { confirm: 'yes' });
		const entries = await database.db.select().from(auditLog).where(eq(auditLog.subjectId, staff.id));
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			municipalityId: mol.id,
			action: 'account.deleted',
			details: { roles: ['communication', 'moderator'] }
		});

		const citizen = await buildPerson();
		await deleteAccount(ctxOf(citizen), { confirm: 'yes' });
		expect(await database.db.select().from(auditLog).where(eq(auditLog.subjectId, citizen.id))).toHaveLength(
			0
		);
	});

	it('lets the same address start a fresh account, never the deleted one', async () => {
		const email = 'opnieuw@example.be';
		const an = await buildPerson({ email });
		await database.db.insert(userIdentities).values({ userId: an.id, issuer: 'mail', subject: email });
		await deleteAccount(ctxOf(an), { confirm: 'yes' });
		const outbox: MailMessage[] = [];
		await requestLoginLink(ctxOf(null, outbox), {
			email,
			ip: '10.78.0.1',
			origin,
			returnTo: '/',
			channel: { channel: null, referrer: null }
		});
		const token = outbox[0]!.text.match(/token=([\w-]+)/)![1]!;
		const outcome = await consumeLoginLink(ctxOf(null), {
			unverifiedToken: token,
			userAgent: null,
			settings
		});
		expect(outcome.isNew).toBe(true);
		const session = await resolveSession(database.db, { unverifiedToken: outcome.sessionToken, settings });
		expect(session?.actor.userId).not.toBe(an.id);
	});
});

describe('what a person follows', () => {
	it('is listed, and gone with the account, while others keep following', async () => {
		const an = await buildPerson({ displayName: 'Volger An' });
		const bob = await buildPerson({ displayName: 'Volger Bob' });
		const action = { municipalityId: geel.id, subject: { kind: 'action', id: 501 } } as const;
		await follow(database.db, { ...action, userId: an.id });
		await follow(database.db, { ...action, userId: bob.id });
		await follow(database.db, {
			municipalityId: mol.id,
			subject: { kind: 'suggestion', id: 502 },
			userId: an.id
		});

		const expected = [
			{ municipality: { slug: 'geel', name: 'Geel' }, subject: { kind: 'action', id: '501' } },
			{ municipality: { slug: 'mol', name: 'Mol' }, subject: { kind: 'suggestion', id: '502' } }
		];
		const byKind = (a: { subject: { kind: string } }, b: { subject: { kind: string } }) =>
			a.subject.kind.localeCompare(b.subject.kind);
		expect((await listFollows(ctxOf(an))).sort(byKind)).toMatchObject(expected);
		expect(await listFollows(ctxOf(bob))).toHaveLength(1);

		await deleteAccount(ctxOf(an), { confirm: 'yes' });
		expect(await listFollowers(database.db, action)).toEqual([bob.id]);
		const [left] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(subscriptions)
			.where(eq(subscriptions.userId, an.id));
		expect(left!.n).toBe(0);
	});
});

describe('the person is always ctx.actor', () => {
	it('refuses every use case without a logged-in person', async () => {
		const nobody = ctxOf(null);
		const profile = parseProfileForm(form());
		for (const work of [
			getProfile(nobody),
			updateProfile(nobody, { profile, origin }),
			requestEmailVerification(nobody, { origin }),
			inspectEmailVerification(nobody, { unverifiedToken: 'x' }),
			verifyEmail(nobody, { unverifiedToken: 'x' }),
			exportPersonalData(nobody),
			deleteAccount(nobody, { confirm: 'yes' })
		])
			expect((await refusal(work)).code).toBe('unauthenticated');
	});

	it('reads and changes only the actor’s own profile, whatever the input names', async () => {
		const an = await buildPerson();
		const bob = await buildPerson({ displayName: 'Bob' });
		const bobBefore = await userRow(bob.id);
		// A forged form naming Bob changes An, never Bob.
		await updateProfile(ctxOf(an), {
			profile: {
				...parseProfileForm({ ...form({ displayName: 'Gewijzigd' }), person: bob.id }),
				userId: bob.id
			} as ProfileData,
			origin
		});
		expect((await userRow(an.id)).displayName).toBe('Gewijzigd');
		expect(await userRow(bob.id)).toEqual(bobBefore);
		const seen = await getProfile(ctxOf(an));
		expect(seen.values.person).toBe(an.id);
		expect(seen.values.displayName).toBe('Gewijzigd');
	});
});

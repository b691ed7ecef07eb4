// What leaves the server about a person, field by field: their own profile page, their data export, and
// the name others see beside their public contributions.
import { translate, type Locale } from '$lib/i18n';
import { CONSENT_VERSIONS, type ConsentKind } from './profile.consents';
import { THEME_FIELD_PREFIX, type MailFrequency, type ThemeChoice } from './profile.schemas';
import type { ConsentRow, UserRow } from './profile.queries';
import type { PersonalData } from '$lib/server/features';

/** The name shown beside a person's public contributions; a deleted account has none left to show. */
export function publicAuthorName(
	user: { displayName: string; deletedAt: Date | string | null },
	locale: Locale = 'nl'
): string {
	if (user.deletedAt || !user.displayName) return translate(locale, 'profile.formerParticipant');
	return user.displayName;
}

export interface ConsentView {
	kind: ConsentKind;
	version: string;
	givenAt: string;
	withdrawnAt: string | null;
}

export function presentConsent(row: ConsentRow): ConsentView {
	return {
		kind: row.kind,
		version: row.version,
		givenAt: row.givenAt.toISOString(),
		withdrawnAt: row.withdrawnAt?.toISOString() ?? null
	};
}

export interface ProfileView {
	person: {
		displayName: string;
		/** Given and family name from the identity provider: shown to the person only. */
		legalName: string | null;
		email: string | null;
		emailVerified: boolean;
		home: { slug: string; name: string } | null;
	};
	/** The form's fields as strings, exactly as the form names them. */
	values: Record<string, string>;
	/** True when the values come from what the person typed before logging in again. */
	draftRestored: boolean;
	municipalities: { slug: string; name: string }[];
	/** The home municipality's themes with the person's choice, or null without a home municipality. */
	themes: { municipality: { slug: string; name: string }; items: ThemeOption[] } | null;
	consents: ConsentView[];
	consentVersions: Record<ConsentKind, string>;
}

export interface ThemeOption {
	slug: string;
	name: string;
	description: string | null;
	choice: ThemeChoice;
}

export function legalName(user: Pick<UserRow, 'givenName' | 'familyName'>): string | null {
	const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
	return name || null;
}

/** The saved profile as form values. Without an open consent for updates the form shows "never":
 *  a pre-ticked choice is not consent. */
export function profileFormValues(input: {
	user: Pick<UserRow, 'id' | 'displayName' | 'email' | 'wantsToHelp'> & { mailFrequency: MailFrequency };
	homeSlug: string | null;
	openConsents: Set<ConsentKind>;
	themes: ThemeOption[];
	themesOf: string | null;
}): Record<string, string> {
	const { user } = input;
	const values: Record<string, string> = {
		person: user.id,
		displayName: user.displayName,
		email: user.email ?? '',
		home: input.homeSlug ?? '',
		mailFrequency: input.openConsents.has('updates') ? user.mailFrequency : 'never',
		themesOf: input.themesOf ?? ''
	};
	if (user.wantsToHelp && input.openConsents.has('pool')) values.wantsToHelp = 'yes';
	for (const theme of input.themes) values[THEME_FIELD_PREFIX + theme.slug] = theme.choice;
	return values;
}

export const consentVersions = (): Record<ConsentKind, string> => ({ ...CONSENT_VERSIONS });

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The person as their data export shows them. */
export interface ExportedPerson {
	id: string;
	displayName: string;
	givenName: string | null;
	familyName: string | null;
	email: string | null;
	emailVerifiedAt: string | null;
	homeMunicipality: { slug: string; name: string } | null;
	mailFrequency: MailFrequency;
	wantsToHelp: boolean;
	/** When the person answered, after a contribution, whether to join the pool. */
	poolAnsweredAt: string | null;
	firstChannel: string | null;
	firstReferrer: string | null;
	lockedAt: string | null;
	lastLoginAt: string | null;
	createdAt: string;
	updatedAt: string;
}

/** "Download mijn gegevens": a header, then every feature's sections (see the features' personal-data parts). */
export type PersonalDataExport = {
	format: 'meedoen.personal-data';
	formatVersion: 1;
	exportedAt: string;
} & PersonalData;

/** Something the person follows, for the profile's list. */
export interface PersonFollow {
	municipality: { slug: string; name: string };
	subject: { kind: string; id: string };
	createdAt: string;
}

export function presentFollow(row: {
	municipalitySlug: string;
	municipalityName: string;
	subjectKind: string;
	subjectId: string;
	createdAt: Date;
}): PersonFollow {
	return {
		municipality: { slug: row.municipalitySlug, name: row.municipalityName },
		subject: { kind: row.subjectKind, id: row.subjectId },
		createdAt: row.createdAt.toISOString()
	};
}

export function presentExportPerson(
	user: UserRow,
	home: { slug: string; name: string } | null
): ExportedPerson {
	return {
		id: user.id,
		displayName: user.displayName,
		givenName: user.givenName,
		familyName: user.familyName,
		email: user.email,
		emailVerifiedAt: iso(user.emailVerifiedAt),
		homeMunicipality: home,
		mailFrequency: user.mailFrequency,
		wantsToHelp: user.wantsToHelp,
		poolAnsweredAt: iso(user.poolAnsweredAt),
		firstChannel: user.firstChannel,
		firstReferrer: user.firstReferrer,
		lockedAt: iso(user.lockedAt),
		lastLoginAt: iso(user.lastLoginAt),
		createdAt: user.createdAt.toISOString(),
		updatedAt: user.updatedAt.toISOString()
	};
}

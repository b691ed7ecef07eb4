// The profile feature's part of a person's data: the person themselves, their consents and theme choices.
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { deletePersonSubscriptions } from '$lib/server/platform/subscriptions';
import {
	anonymizeUser,
	deleteProfileRecords,
	getMunicipalityName,
	getUser,
	listAllThemePreferences,
	listConsents
} from './profile.queries';
import { presentConsent, presentExportPerson } from './profile.present';

export async function exportProfileData(db: Db, person: PersonRef) {
	const { userId } = person;
	const user = await getUser(db, { userId });
	if (!user) throw new Error(`no user ${userId}`);
	const home = user.homeMunicipalityId
		? await getMunicipalityName(db, { municipalityId: user.homeMunicipalityId })
		: undefined;
	const [consentRows, preferences] = await Promise.all([
		listConsents(db, { userId }),
		listAllThemePreferences(db, { userId })
	]);
	return {
		person: presentExportPerson(user, home ? { slug: home.slug, name: home.name } : null),
		consents: consentRows.map(presentConsent),
		themePreferences: preferences.map((p) => ({
			municipality: { slug: p.municipalitySlug, name: p.municipalityName },
			theme: { slug: p.themeSlug, name: p.themeName },
			interested: p.interested
		}))
	};
}

/**
 * The users row stays, emptied and marked deleted, so public contributions and vote counts stay right. All the
 * person's follows go here, of every kind at once (the features export their own kinds).
 */
export async function eraseProfileData(tx: Db, person: PersonRef): Promise<void> {
	await deleteProfileRecords(tx, { userId: person.userId });
	await deletePersonSubscriptions(tx, { userId: person.userId });
	await anonymizeUser(tx, { userId: person.userId });
}

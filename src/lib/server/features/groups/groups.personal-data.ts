// The groups feature's part of a person's data: the groups they signed up for (motivation, state, role).
// Deleting the account ends their memberships and sub-group places; what they wrote in a workspace (posts,
// notes, expenses) stays for the group, shown as by a former member (the emptied account has no name).
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { DEFAULT_LOCALE, translate } from '$lib/i18n';
import { countAuthoredOf, eraseMemberships, listGroupsOfPerson } from './groups.queries';
import { eraseMentionsOf } from './groups.mentions';
import { countSessionWritingOf } from './groups.sessions.queries';

export async function exportGroupData(db: Db, person: PersonRef) {
	const [rows, authored, sessions] = await Promise.all([
		listGroupsOfPerson(db, { userId: person.userId }),
		countAuthoredOf(db, { userId: person.userId }),
		countSessionWritingOf(db, { userId: person.userId })
	]);
	return {
		groups: rows.map((r) => ({
			municipality: r.slug,
			groupId: r.groupId,
			group: r.name,
			motivation: r.motivation,
			status: r.status,
			role: r.role,
			signedUpAt: r.createdAt.toISOString()
		})),
		groupContributions: { ...authored, ...sessions }
	};
}

export async function eraseGroupData(tx: Db, person: PersonRef): Promise<void> {
	await eraseMemberships(tx, { userId: person.userId, addresses: person.addresses });
	await eraseMentionsOf(tx, {
		userId: person.userId,
		formerName: translate(DEFAULT_LOCALE, 'groups.formerMember')
	});
}

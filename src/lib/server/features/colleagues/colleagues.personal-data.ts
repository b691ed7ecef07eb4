// The colleagues feature's part of a person's data: the actions and themes they follow as a colleague, in
// every municipality (their role and department are the staff feature's). Deleting the account ends them.
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { deleteColleagueFollowsOfPerson, listColleagueFollowsOfPerson } from './colleagues.queries';

export async function exportColleagueData(db: Db, person: PersonRef) {
	const rows = await listColleagueFollowsOfPerson(db, { userId: person.userId });
	return {
		colleagueFollows: rows.map((r) => ({
			municipality: { slug: r.municipality_slug, name: r.municipality_name },
			kind: r.subject_kind,
			id: r.subject_id,
			title: r.title,
			createdAt: new Date(r.created_at).toISOString()
		}))
	};
}

export async function eraseColleagueData(tx: Db, person: PersonRef): Promise<void> {
	await deleteColleagueFollowsOfPerson(tx, { userId: person.userId });
}

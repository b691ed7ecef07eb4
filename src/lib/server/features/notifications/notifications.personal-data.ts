// The notifications feature's part of a person's data: how often they want mail of each kind.
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { deletePreferences, listPreferenceRows } from './notifications.queries';

export async function exportNotificationData(db: Db, person: PersonRef) {
	const rows = await listPreferenceRows(db, { userId: person.userId });
	return { mailPreferences: rows.map((r) => ({ kind: r.kind, frequency: r.frequency })) };
}

export async function eraseNotificationData(db: Db, person: PersonRef): Promise<void> {
	await deletePreferences(db, { userId: person.userId });
}

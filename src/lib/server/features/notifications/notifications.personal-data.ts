// The notifications feature's part of a person's data: how often they want mail of each kind, and their
// notifications (erased with the account, so nothing is mailed to a deleted account, not even a digest).
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { DEFAULT_LOCALE } from '$lib/i18n';
import {
	deleteNotificationsOf,
	deletePreferences,
	listNotificationsForExport,
	listPreferenceRows
} from './notifications.queries';
import { notificationTitle } from './notifications.present';

export async function exportNotificationData(db: Db, person: PersonRef) {
	const rows = await listPreferenceRows(db, { userId: person.userId });
	const notifications = await listNotificationsForExport(db, { userId: person.userId });
	return {
		mailPreferences: rows.map((r) => ({ kind: r.kind, frequency: r.frequency })),
		notifications: notifications.map((n) => ({
			title: notificationTitle(DEFAULT_LOCALE, n),
			municipality: n.municipalityName,
			link: n.path,
			createdAt: n.createdAt.toISOString(),
			readAt: n.readAt?.toISOString() ?? null
		}))
	};
}

export async function eraseNotificationData(db: Db, person: PersonRef): Promise<void> {
	await deletePreferences(db, { userId: person.userId });
	await deleteNotificationsOf(db, { userId: person.userId });
}

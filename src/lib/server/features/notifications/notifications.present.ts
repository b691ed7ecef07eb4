// What leaves the server of a notification: its Dutch title, rendered at read time from its type, kind and
// the params kept with it, and where it links.
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import type { NotificationKind, NotificationParams } from '$lib/domain/notifications';

export interface NotificationView {
	id: number;
	title: string;
	href: string;
	municipalityName: string;
	actionTitle: string | null;
	createdAt: string;
	unread: boolean;
}

/** The Dutch title of a notification: the type picks the text, the kind whether it is about one's own. */
export function notificationTitle(
	locale: Locale,
	notification: { type: string; kind: NotificationKind; params: NotificationParams }
): string {
	const { params } = notification;
	const status = params.status ? translate(locale, `suggestions.status.${params.status}` as MessageKey) : '';
	const kind = notification.kind === 'own' ? 'own' : 'following';
	const key = `notifications.titles.${notification.type.replace('.', '_')}.${kind}` as MessageKey;
	return translate(locale, key, {
		title: params.title,
		actionTitle: params.actionTitle ?? '',
		status,
		municipality: params.municipalityName
	});
}

export function presentNotification(
	locale: Locale,
	row: {
		id: number;
		type: string;
		kind: NotificationKind;
		params: NotificationParams;
		path: string;
		createdAt: Date;
		readAt: Date | null;
	}
): NotificationView {
	return {
		id: row.id,
		title: notificationTitle(locale, row),
		href: row.path,
		municipalityName: row.params.municipalityName,
		actionTitle: row.params.actionTitle ?? null,
		createdAt: row.createdAt.toISOString(),
		unread: row.readAt === null
	};
}

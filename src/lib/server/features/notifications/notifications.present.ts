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
	// A status is a suggestion's, or an action's (a colleague's decision) in the actions' own words; of a
	// logistics change it is what happened to the item, which picks the title.
	const logistics = notification.type === 'event.logistics_changed';
	const statusKey = notification.type.startsWith('action.')
		? `actions.status.${params.status}`
		: `suggestions.status.${params.status}`;
	const status = params.status && !logistics ? translate(locale, statusKey as MessageKey) : '';
	const kind =
		notification.kind === 'own' ? 'own' : notification.kind === 'colleague' ? 'colleague' : 'following';
	const type = notification.type.replace('.', '_');
	// A decision is an action's change of what was decided, or of its status.
	const variant =
		notification.type === 'action.updated'
			? params.status
				? '.status'
				: '.decided'
			: logistics
				? `.${params.status}`
				: '';
	const key = `notifications.titles.${type}.${kind}${variant}` as MessageKey;
	return translate(locale, key, {
		title: params.title,
		actionTitle: params.actionTitle ?? '',
		status,
		detail: params.detail ?? '',
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

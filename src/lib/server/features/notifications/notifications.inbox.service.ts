// A person's own notifications: the list /meldingen (newest first, a page at a time, marked read once shown),
// "alles gelezen", and the bell's unread count. Always the actor's own: there is no input naming a person.
import type { Ctx } from '$lib/server/platform/context';
import { countUnread, listNotifications, markRead } from './notifications.queries';
import { presentNotification, type NotificationView } from './notifications.present';
import { requirePerson } from './notifications.service';

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** The bell counts up to this many; more reads "99+". */
export const UNREAD_CAP = 100;

export interface NotificationsPage {
	items: NotificationView[];
	/** The `voor` of the next (older) page, or null on the last. */
	older: number | null;
	/** Whether this is not the first page. */
	newer: boolean;
}

/** A page of one's notifications; the unread ones shown are marked read (they still say "Nieuw" this once). */
export async function listMyNotifications(
	ctx: Ctx,
	input: { unverifiedBefore?: string | null }
): Promise<NotificationsPage> {
	const userId = requirePerson(ctx);
	const before =
		input.unverifiedBefore && /^\d{1,15}$/.test(input.unverifiedBefore)
			? Number(input.unverifiedBefore)
			: undefined;
	const rows = await listNotifications(ctx.db, { userId, before, limit: NOTIFICATIONS_PAGE_SIZE + 1 });
	const shown = rows.slice(0, NOTIFICATIONS_PAGE_SIZE);
	const unread = shown.filter((r) => r.readAt === null).map((r) => r.id);
	if (unread.length > 0) await markRead(ctx.db, { userId, ids: unread });
	return {
		items: shown.map((r) => presentNotification(ctx.locale, r)),
		older: rows.length > NOTIFICATIONS_PAGE_SIZE ? shown[shown.length - 1]!.id : null,
		newer: before !== undefined
	};
}

export async function markAllMyNotificationsRead(ctx: Ctx): Promise<{ marked: number }> {
	const userId = requirePerson(ctx);
	return { marked: await markRead(ctx.db, { userId }) };
}

/** The bell: how many unread (up to UNREAD_CAP), one statement on a partial index; 0 for a visitor. */
export async function countMyUnread(ctx: Ctx): Promise<number> {
	if (!ctx.actor) return 0;
	return countUnread(ctx.db, { userId: ctx.actor.userId, cap: UNREAD_CAP });
}

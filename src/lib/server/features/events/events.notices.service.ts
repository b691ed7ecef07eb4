// What other features (notifications) may read of events to tell people about them: an event as a subject,
// and the people registered as an SQL set for one-statement fan-outs.
import type { Db } from '$lib/server/db/client';
import type { NoticeSubject } from '$lib/domain/notifications';
import { eventPath } from '$lib/domain/events';
import { getEventSubject, invitedPeopleSql, registeredPeopleSql } from './events.notices.queries';

export { invitedPeopleSql, registeredPeopleSql };

/** An event of this municipality as the subject of a notification; undefined when it does not exist. */
export async function eventNoticeSubject(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<NoticeSubject | undefined> {
	const row = await getEventSubject(db, params);
	if (!row) return undefined;
	return {
		municipalityId: row.municipalityId,
		municipalitySlug: row.municipalitySlug,
		municipalityName: row.municipalityName,
		primaryColor: row.primaryColor,
		title: row.title,
		path: eventPath(row.municipalitySlug, row.id, row.slug),
		actionId: row.actionId,
		actionTitle: row.actionTitle
	};
}

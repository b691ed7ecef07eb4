// What other features (notifications) may read of suggestions to tell people about them: a suggestion as a
// subject, and its audiences as SQL sets for one-statement fan-outs.
import type { Db } from '$lib/server/db/client';
import type { NoticeSubject } from '$lib/domain/notifications';
import { suggestionPath } from './suggestions.access';
import { commentAuthorSql, getSuggestionSubject, supportersSql } from './suggestions.notices.queries';

export { commentAuthorSql, supportersSql };

/** A suggestion of this municipality as the subject of a notification; undefined when it does not exist. */
export async function suggestionNoticeSubject(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<NoticeSubject | undefined> {
	const row = await getSuggestionSubject(db, params);
	if (!row) return undefined;
	return {
		municipalityId: row.municipalityId,
		municipalitySlug: row.municipalitySlug,
		municipalityName: row.municipalityName,
		primaryColor: row.primaryColor,
		title: row.title,
		path: suggestionPath(row.municipalitySlug, row),
		actionId: row.actionId,
		actionTitle: row.actionTitle
	};
}

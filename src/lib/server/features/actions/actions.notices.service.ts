// What other features (notifications) may read of actions to tell people about them: an update, or the
// action itself (a decision), as a subject.
import type { Db } from '$lib/server/db/client';
import type { NoticeSubject } from '$lib/domain/notifications';
import { actionPath } from '$lib/domain/actions';
import type { ActionStatus } from '$lib/domain/actions';
import { getActionSubject, getUpdateSubject } from './actions.notices.queries';

/** An action's update as the subject of a notification (its title, the action page at the update). */
export async function updateNoticeSubject(
	db: Db,
	params: { municipalityId: string; actionId: number; updateId: number }
): Promise<NoticeSubject | undefined> {
	const row = await getUpdateSubject(db, params);
	if (!row) return undefined;
	return {
		municipalityId: row.municipalityId,
		municipalitySlug: row.municipalitySlug,
		municipalityName: row.municipalityName,
		primaryColor: row.primaryColor,
		title: row.updateTitle,
		path: `${actionPath(row.municipalitySlug, row.actionId, row.actionSlug)}#nieuws-${params.updateId}`,
		actionId: row.actionId,
		actionTitle: row.actionTitle
	};
}

/** An action as the subject of a notification (a decision about it), with its status now. */
export async function actionNoticeSubject(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<(NoticeSubject & { status: ActionStatus }) | undefined> {
	const row = await getActionSubject(db, params);
	if (!row) return undefined;
	return {
		municipalityId: row.municipalityId,
		municipalitySlug: row.municipalitySlug,
		municipalityName: row.municipalityName,
		primaryColor: row.primaryColor,
		title: row.actionTitle,
		path: actionPath(row.municipalitySlug, row.actionId, row.actionSlug),
		actionId: row.actionId,
		actionTitle: row.actionTitle,
		status: row.status
	};
}

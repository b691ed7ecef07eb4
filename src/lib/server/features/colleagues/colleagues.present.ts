// What leaves the server of the colleague's page: each action or theme with its key, link and state.
import type { ColleagueSubjectKey } from '$lib/domain/colleagues';
import type { ActionStatus } from '$lib/domain/actions';
import type { FollowableRow } from './colleagues.queries';

export interface FollowableView {
	/** The row's value in the forms: `a12` or `t{uuid}`. */
	key: ColleagueSubjectKey;
	kind: 'action' | 'theme';
	title: string;
	/** The action's page in the back office; a theme's actions in the back office's list. */
	href: string;
	status: ActionStatus | null;
	themes: string[];
	published: boolean;
	followed: boolean;
}

export function presentFollowable(slug: string, row: FollowableRow): FollowableView {
	const action = row.kind === 'action';
	return {
		key: (action ? `a${row.id}` : `t${row.id}`) as ColleagueSubjectKey,
		kind: row.kind,
		title: row.title,
		href: action ? `/${slug}/beheer/acties/${row.id}` : `/${slug}/beheer/acties?thema=${row.id}`,
		status: row.status,
		themes: row.themes,
		published: row.published,
		followed: row.followed
	};
}

// The groups feature's section of "Mijn activiteit": the groups the person signed up for, with where the sign-up
// stands and their role; a member's item leads to the workspace, anyone else's to the group's page.
import { groupPath, workspacePath } from '$lib/domain/groups';
import { translate } from '$lib/i18n';
import type { ActivityPart } from '$lib/server/platform/feature';
import { listGroupsOfPerson } from './groups.queries';

export const groupsActivity: ActivityPart = async (db, { userId }, locale) => {
	const rows = await listGroupsOfPerson(db, { userId });
	return [
		{
			id: 'groups.mine',
			heading: 'profile.activity.groups',
			empty: 'profile.activity.noGroups',
			items: rows
				.map((r) => ({
					title: r.name,
					href: r.status === 'accepted' ? workspacePath(r.slug, r.groupId) : groupPath(r.slug, r.groupId),
					at: r.createdAt.toISOString(),
					labels: [
						translate(locale, `profile.activity.group.${r.status}`),
						...(r.status === 'accepted' && r.role === 'coordinator'
							? [translate(locale, 'profile.activity.group.coordinator')]
							: [])
					]
				}))
				.reverse()
		}
	];
};

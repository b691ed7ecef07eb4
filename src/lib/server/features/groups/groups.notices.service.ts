// What other features (notifications) may read of citizen groups to tell people about them: a group as a
// subject, and its members and the people a post mentions as SQL sets, so a fan-out is one statement.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	citizenGroups,
	groupExpenses,
	groupMembers,
	groupPostMentions,
	municipalities
} from '$lib/server/db/schema';
import type { NoticeSubject } from '$lib/domain/notifications';

/** Where a group's pages are: its public page, its workspace, a thread of it. */
export const groupPaths = {
	page: (slug: string, groupId: number) => `/${slug}/groepen/${groupId}`,
	workspace: (slug: string, groupId: number) => `/${slug}/groepen/${groupId}/werkruimte`,
	/** The workspace's calls page, at its list of the group's events. */
	events: (slug: string, groupId: number) => `/${slug}/groepen/${groupId}/werkruimte/oproepen#activiteiten`,
	post: (slug: string, groupId: number, threadId: number, postId: number) =>
		`/${slug}/groepen/${groupId}/werkruimte/gesprekken/${threadId}#bericht-${postId}`
};

/** A group of this municipality as the subject of a notification (its name; its workspace); undefined if none. */
export async function groupNoticeSubject(
	db: Db,
	params: { municipalityId: string; id: number }
): Promise<NoticeSubject | undefined> {
	const [row] = await db
		.select({
			id: citizenGroups.id,
			name: citizenGroups.name,
			slug: municipalities.slug,
			municipalityName: municipalities.name,
			primaryColor: municipalities.primaryColor
		})
		.from(citizenGroups)
		.innerJoin(municipalities, eq(municipalities.id, citizenGroups.municipalityId))
		.where(and(eq(citizenGroups.municipalityId, params.municipalityId), eq(citizenGroups.id, params.id)))
		.limit(1);
	if (!row) return undefined;
	return {
		municipalityId: params.municipalityId,
		municipalitySlug: row.slug,
		municipalityName: row.municipalityName,
		primaryColor: row.primaryColor,
		title: row.name,
		path: groupPaths.workspace(row.slug, row.id),
		actionId: null,
		actionTitle: null
	};
}

/** The accepted members of a group, as `SELECT user_id …`. */
export function groupMembersSql(params: { municipalityId: string; groupId: number }): SQL {
	return sql`SELECT m.user_id FROM ${groupMembers} m
		WHERE m.municipality_id = ${params.municipalityId}::uuid AND m.group_id = ${params.groupId}
			AND m.status = 'accepted'`;
}

/** The people one post mentions, as `SELECT user_id …`. */
export function mentionedPeopleSql(params: { municipalityId: string; postId: number }): SQL {
	return sql`SELECT p.user_id FROM ${groupPostMentions} p
		WHERE p.municipality_id = ${params.municipalityId}::uuid AND p.post_id = ${params.postId}`;
}

/** Who sent an expense, as `SELECT user_id …` (none once the account is gone). */
export function expenseSubmitterSql(params: { municipalityId: string; expenseId: number }): SQL {
	return sql`SELECT e.submitted_by AS user_id FROM ${groupExpenses} e
		WHERE e.municipality_id = ${params.municipalityId}::uuid AND e.id = ${params.expenseId}`;
}

/** The group's coordinators (accepted members with that role), as `SELECT user_id …`. */
export function groupCoordinatorsSql(params: { municipalityId: string; groupId: number }): SQL {
	return sql`SELECT m.user_id FROM ${groupMembers} m
		WHERE m.municipality_id = ${params.municipalityId}::uuid AND m.group_id = ${params.groupId}
			AND m.status = 'accepted' AND m.role = 'coordinator'`;
}

/**
 * Who proposed a group's event, as `SELECT user_id …`, if they are still an accepted member of that group (one
 * who left, or was never one, such as coaching staff who wrote it for the group, is not told as the group).
 */
export function proposerInGroupSql(params: { municipalityId: string; groupId: number; userId: string }): SQL {
	return sql`SELECT m.user_id FROM ${groupMembers} m
		WHERE m.municipality_id = ${params.municipalityId}::uuid AND m.group_id = ${params.groupId}
			AND m.status = 'accepted' AND m.user_id = ${params.userId}::uuid`;
}

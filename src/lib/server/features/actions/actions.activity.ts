// The actions feature's section of "Mijn activiteit": the actions the person follows, with their state.
// Queries by the person's id only.
import { participantFollow } from '$lib/server/platform/subscriptions';
import { and, desc, eq, sql } from 'drizzle-orm';
import { actionPath } from '$lib/domain/actions';
import { actions, municipalities, subscriptions } from '$lib/server/db/schema';
import { translate } from '$lib/i18n';
import type { ActivityPart } from '$lib/server/platform/feature';

export const actionsActivity: ActivityPart = async (db, { userId }, locale) => {
	const rows = await db
		.select({
			id: actions.id,
			slug: actions.slug,
			title: actions.title,
			status: actions.status,
			archivedAt: actions.archivedAt,
			municipality: municipalities.slug,
			at: subscriptions.createdAt
		})
		.from(subscriptions)
		.innerJoin(
			actions,
			and(
				eq(actions.municipalityId, subscriptions.municipalityId),
				sql`${actions.id}::text = ${subscriptions.subjectId}`
			)
		)
		.innerJoin(municipalities, eq(municipalities.id, subscriptions.municipalityId))
		.where(and(eq(subscriptions.userId, userId), eq(subscriptions.subjectKind, 'action'), participantFollow))
		.orderBy(desc(subscriptions.createdAt), desc(actions.id));
	return [
		{
			id: 'actions.followed',
			heading: 'profile.activity.followedActions',
			empty: 'profile.activity.noFollowedActions',
			items: rows.map((a) => ({
				title: a.title,
				href: a.archivedAt ? null : actionPath(a.municipality, a.id, a.slug),
				at: a.at.toISOString(),
				labels: [translate(locale, `actions.status.${a.status}`)],
				unfollow: { kind: 'action' as const, id: String(a.id) }
			}))
		}
	];
};

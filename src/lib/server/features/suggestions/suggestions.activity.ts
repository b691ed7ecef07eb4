// The suggestions feature's sections of "Mijn activiteit": what the person suggested (with its status), what
// they support, their comments and the suggestions they follow. Queries by the person's id only: it is their
// own record, in every municipality.
import { participantFollow } from '$lib/server/platform/subscriptions';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ModerationState, SuggestionStatus } from '$lib/domain/suggestions';
import {
	municipalities,
	subscriptions,
	suggestionComments,
	suggestions,
	suggestionVotes
} from '$lib/server/db/schema';
import { translate, type Locale } from '$lib/i18n';
import type { ActivityItem, ActivityPart } from '$lib/server/platform/feature';
import { suggestionPath } from './suggestions.access';

const subject = {
	id: suggestions.id,
	slug: suggestions.slug,
	title: suggestions.title,
	status: suggestions.status,
	moderation: suggestions.moderation,
	mergedIntoId: suggestions.mergedIntoId,
	municipality: municipalities.slug
};

interface Subject {
	id: number;
	slug: string;
	title: string;
	status: SuggestionStatus;
	moderation: ModerationState;
	mergedIntoId: number | null;
	municipality: string;
}

function item(s: Subject, at: Date, locale: Locale, own = false): ActivityItem {
	const labels = [translate(locale, `suggestions.status.${s.status}`)];
	if (s.moderation !== 'approved') labels.push(translate(locale, `suggestions.moderation.${s.moderation}`));
	if (s.mergedIntoId !== null) labels.push(translate(locale, 'profile.activity.merged'));
	// A suggestion that is not (or no longer) public only opens for its author.
	const visible = own || (s.moderation === 'approved' && s.mergedIntoId === null);
	return {
		title: s.title,
		href: visible || s.mergedIntoId !== null ? suggestionPath(s.municipality, s) : null,
		at: at.toISOString(),
		labels
	};
}

const EXCERPT = 140;

export const suggestionsActivity: ActivityPart = async (db, { userId }, locale) => {
	const [authored, votes, comments, follows] = await Promise.all([
		db
			.select({ ...subject, at: suggestions.createdAt })
			.from(suggestions)
			.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
			.where(eq(suggestions.authorId, userId))
			.orderBy(desc(suggestions.createdAt), desc(suggestions.id)),
		db
			.select({ ...subject, at: suggestionVotes.createdAt })
			.from(suggestionVotes)
			.innerJoin(suggestions, eq(suggestions.id, suggestionVotes.suggestionId))
			.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
			.where(eq(suggestionVotes.userId, userId))
			.orderBy(desc(suggestionVotes.createdAt), desc(suggestions.id)),
		db
			.select({
				...subject,
				commentId: suggestionComments.id,
				body: suggestionComments.body,
				commentModeration: suggestionComments.moderation,
				at: suggestionComments.createdAt
			})
			.from(suggestionComments)
			.innerJoin(suggestions, eq(suggestions.id, suggestionComments.suggestionId))
			.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
			.where(eq(suggestionComments.authorId, userId))
			.orderBy(desc(suggestionComments.createdAt), desc(suggestionComments.id)),
		db
			.select({ ...subject, at: subscriptions.createdAt })
			.from(subscriptions)
			.innerJoin(
				suggestions,
				and(
					eq(suggestions.municipalityId, subscriptions.municipalityId),
					sql`${suggestions.id}::text = ${subscriptions.subjectId}`
				)
			)
			.innerJoin(municipalities, eq(municipalities.id, suggestions.municipalityId))
			.where(
				and(eq(subscriptions.userId, userId), eq(subscriptions.subjectKind, 'suggestion'), participantFollow)
			)
			.orderBy(desc(subscriptions.createdAt), desc(suggestions.id))
	]);
	return [
		{
			id: 'suggestions.mine',
			heading: 'profile.activity.suggestions',
			empty: 'profile.activity.noSuggestions',
			items: authored.map((s) => item(s, s.at, locale, true))
		},
		{
			id: 'suggestions.supported',
			heading: 'profile.activity.votes',
			empty: 'profile.activity.noVotes',
			items: votes.map((s) => item(s, s.at, locale))
		},
		{
			id: 'suggestions.comments',
			heading: 'profile.activity.comments',
			empty: 'profile.activity.noComments',
			items: comments.map((c) => {
				const base = item(c, c.at, locale);
				const labels =
					c.commentModeration === 'approved'
						? []
						: [translate(locale, `suggestions.moderation.${c.commentModeration}`)];
				return {
					...base,
					href:
						base.href && c.commentModeration === 'approved'
							? `${base.href}#reactie-${c.commentId}`
							: base.href,
					labels,
					excerpt: c.body.length > EXCERPT ? `${c.body.slice(0, EXCERPT).trimEnd()}…` : c.body
				};
			})
		},
		{
			id: 'suggestions.followed',
			heading: 'profile.activity.followedSuggestions',
			empty: 'profile.activity.noFollowedSuggestions',
			items: follows.map((s) => ({
				...item(s, s.at, locale),
				unfollow: { kind: 'suggestion' as const, id: String(s.id) }
			}))
		}
	];
};

// What citizen groups tell their members (issue 19): a mention in a thread of the workspace, and the decisions
// that concern a member: their sign-up accepted or declined, their expense approved or refused (all of them
// their own contributions, kind `own`), and the coordinator's role handed over (the new coordinator as their
// own; the other members as what they take part in, `following`). Mailed as each person chose for the kind.
// And an event the group proposed, published or cancelled by the municipality: the group's coordinators and the
// member who proposed it, as their own (the staff member who decided never).
import { defineEventHandler } from '$lib/server/platform/events.dispatcher';
import { eventNoticeSubject } from '$lib/server/features/events/events.notices.service';
import {
	expenseSubmitterSql,
	groupCoordinatorsSql,
	proposerInGroupSql,
	groupMembersSql,
	groupNoticeSubject,
	groupPaths,
	mentionedPeopleSql
} from '$lib/server/features/groups/groups.notices.service';
import { notify, own } from './notifications.handlers';

/** A group's proposed event published or cancelled: its coordinators and who proposed it (own), mailed. */
export const groupEventNotices = defineEventHandler({
	name: 'notifications.group-event',
	events: ['event.group_proposal_published', 'event.group_proposal_cancelled'],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		const { groupId, proposedBy } = event.payload;
		const [subject, group] = await Promise.all([
			eventNoticeSubject(tx, { municipalityId, id: Number(event.subjectId) }),
			groupNoticeSubject(tx, { municipalityId, id: groupId })
		]);
		if (!subject || !group) return;
		// The coordinators: the workspace's calls page, which lists the group's events with where each stands.
		await notify(tx, ctx, event, {
			subject,
			detail: group.title,
			path: groupPaths.events(subject.municipalitySlug, groupId),
			audiences: [{ kind: 'own', people: groupCoordinatorsSql({ municipalityId, groupId }) }],
			mail: true
		});
		// Who proposed it, if no longer a coordinator (one notification per person and event: a coordinator who
		// proposed it already has theirs): the event's own page, as the calls page is the coordinator's.
		if (proposedBy)
			await notify(tx, ctx, event, {
				subject,
				detail: group.title,
				audiences: [
					{ kind: 'own', people: proposerInGroupSql({ municipalityId, groupId, userId: proposedBy }) }
				],
				mail: true
			});
	}
});

export const groupNotices = defineEventHandler({
	name: 'notifications.group',
	events: [
		'group.members_mentioned',
		'group.signup_accepted',
		'group.signup_declined',
		'group.expense_approved',
		'group.expense_refused',
		'group.coordinator_changed'
	],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		const groupId = Number(event.subjectId);
		const subject = await groupNoticeSubject(tx, { municipalityId, id: groupId });
		if (!subject) return;
		const slug = subject.municipalitySlug;
		switch (event.type) {
			case 'group.members_mentioned': {
				const { threadId, postId, threadTitle } = event.payload;
				await notify(tx, ctx, event, {
					subject,
					detail: threadTitle,
					path: groupPaths.post(slug, groupId, threadId, postId),
					audiences: [{ kind: 'own', people: mentionedPeopleSql({ municipalityId, postId }) }],
					mail: true
				});
				return;
			}
			case 'group.signup_accepted':
			case 'group.signup_declined':
				await notify(tx, ctx, event, {
					subject,
					// A member opens the workspace; a declined sign-up the group's public page.
					path:
						event.type === 'group.signup_accepted'
							? groupPaths.workspace(slug, groupId)
							: groupPaths.page(slug, groupId),
					audiences: own(event.payload.userId),
					mail: true
				});
				return;
			case 'group.expense_approved':
			case 'group.expense_refused':
				await notify(tx, ctx, event, {
					subject,
					detail: event.payload.description,
					path: `${groupPaths.workspace(slug, groupId)}#budget`,
					audiences: [
						{
							kind: 'own',
							people: expenseSubmitterSql({ municipalityId, expenseId: event.payload.expenseId })
						}
					],
					mail: true
				});
				return;
			case 'group.coordinator_changed':
				await notify(tx, ctx, event, {
					subject,
					audiences: [
						...own(event.payload.userId),
						{ kind: 'following', people: groupMembersSql({ municipalityId, groupId }) }
					],
					mail: true
				});
				return;
		}
	}
});

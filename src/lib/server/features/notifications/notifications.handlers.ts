// The domain-event handlers that turn what happened into notifications: for a suggestion its author (own) and
// its supporters and followers (following), for a reply the writer of the comment replied to, for an action's
// update its followers, for an event the people registered and the people invited (in-app only: the events
// feature mails them itself, with the calendar update or the invitation), and for staff following an action or
// theme as a colleague (colleague) its updates, decisions, events, reports and logistics, mailed. Each writes every notification of its event in one statement in the
// dispatcher's transaction, and queues the mail of whoever wants it right away in that same transaction, so
// the notification and its mail exist exactly once, when the handling commits.
import { DEFAULT_LOCALE } from '$lib/i18n';
import type { Db } from '$lib/server/db/client';
import type { NoticeSubject, NotificationParams, RegionNoticeSubject } from '$lib/domain/notifications';
import { defineEventHandler, type HandlerContext } from '$lib/server/platform/events.dispatcher';
import type { StoredEvent } from '$lib/server/platform/events';
import { followersSql } from '$lib/server/platform/subscriptions';
import {
	commentAuthorSql,
	suggestionNoticeSubject,
	supportersSql
} from '$lib/server/features/suggestions/suggestions.notices.service';
import {
	actionNoticeSubject,
	updateNoticeSubject
} from '$lib/server/features/actions/actions.notices.service';
import { colleaguesOfAction } from '$lib/server/features/colleagues/colleagues.service';
import { colleaguePagePath } from '$lib/domain/colleagues';
import {
	eventNoticeSubject,
	invitedPeopleSql,
	registeredPeopleSql
} from '$lib/server/features/events/events.notices.service';
import { storyNoticeSubject } from '$lib/server/features/stories/stories.notices.service';
import { sql } from 'drizzle-orm';
import { insertNotifications, type Audience } from './notifications.queries';
import { unsubscribeLinkWith, unsubscribeSecret } from './notifications.service';
import { notificationTitle } from './notifications.present';
import { notificationMail } from './notifications.mail';
import { groupEventNotices, groupNotices } from './notifications.groups';
import { climatePlanTaskNotices } from './notifications.climate-plan';
import { funderReportNotices } from './notifications.funder-reports';

export function originOf(ctx: Pick<HandlerContext, 'config'>): string {
	return ctx.config.origin ?? `http://localhost:${ctx.config.port}`;
}

/** The stable reference of the mail of one notification: one mail per (event, person), whatever retries. */
export function notificationReference(eventId: number, userId: string): string {
	return `notification:${eventId}:${userId}`;
}

/** A municipality's subject, or a region-scoped event's (no municipality's page or colour). */
export type NotifiedSubject = NoticeSubject | RegionNoticeSubject;

export async function notify(
	tx: Db,
	ctx: HandlerContext,
	event: StoredEvent,
	input: {
		subject: NotifiedSubject;
		audiences: Audience[];
		/** Who never hears of it besides the event's actor (who always is left out). */
		exclude?: (string | null | undefined)[];
		mail: boolean;
		path?: string;
		status?: string;
		detail?: string;
	}
): Promise<void> {
	const { subject } = input;
	const params: NotificationParams = {
		title: subject.title,
		municipalityName: subject.municipalityName,
		...(subject.actionTitle ? { actionTitle: subject.actionTitle } : {}),
		...(input.status ? { status: input.status } : {}),
		...(input.detail ? { detail: input.detail } : {})
	};
	const toMail = await insertNotifications(tx, {
		municipalityId: event.municipalityId,
		regionId: event.regionId,
		eventId: event.id,
		type: event.type,
		params,
		path: input.path ?? subject.path,
		actionId: subject.actionId,
		audiences: input.audiences,
		exclude: [...(input.exclude ?? []), event.actorId],
		mail: input.mail
	});
	if (toMail.length === 0) return;
	const origin = originOf(ctx);
	const secret = await unsubscribeSecret(tx);
	// All of them in one go: one ledger statement and one job insert per 2,000 (queueMails).
	await ctx.queueMails(
		tx,
		toMail.map((person) =>
			notificationMail(DEFAULT_LOCALE, {
				to: person.email,
				name: person.displayName,
				frequency: 'immediate',
				items: [
					{
						title: notificationTitle(DEFAULT_LOCALE, { type: event.type, kind: person.kind, params }),
						url: `${origin}${input.path ?? subject.path}`,
						municipalityName: subject.municipalityName,
						actionTitle: subject.actionTitle
					}
				],
				look: subject.primaryColor ? { name: subject.municipalityName, color: subject.primaryColor } : null,
				origin,
				unsubscribe: [
					{
						kind: person.kind,
						...unsubscribeLinkWith(secret, { origin, userId: person.userId, kind: person.kind })
					}
				],
				// Staff who follow as a colleague can stop following, not only turn the mails off.
				stopFollowing:
					person.kind === 'colleague' && subject.municipalitySlug
						? [
								{
									municipalityName: subject.municipalityName,
									url: `${origin}${colleaguePagePath(subject.municipalitySlug)}`
								}
							]
						: undefined,
				reference: notificationReference(event.id, person.userId),
				municipalityId: event.municipalityId ?? undefined
			})
		)
	);
}

export const own = (userId: string | null | undefined): Audience[] =>
	userId ? [{ kind: 'own', people: sql`SELECT ${userId}::uuid AS user_id` }] : [];

/** Staff following the action, or one of its themes, as a colleague: told by mail as often as they chose. */
const colleagues = (municipalityId: string, actionId: number | null): Audience => ({
	kind: 'colleague',
	people: colleaguesOfAction({ municipalityId, actionId }),
	mail: true
});

/**
 * What came of a suggestion: its author, supporters and followers hear of it. Of a merge: the merged one's
 * author, and the supporters and followers of the one it was merged into (which now hold the merged one's).
 */
export const suggestionNotices = defineEventHandler({
	name: 'notifications.suggestion',
	events: [
		'suggestion.published',
		'suggestion.answered',
		'suggestion.status_changed',
		'suggestion.merged',
		'suggestion.rejected'
	],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		const id = Number(event.subjectId);
		const subject = await suggestionNoticeSubject(tx, { municipalityId, id });
		if (!subject) return;
		// A merged suggestion lives on in the one it was merged into: mergeSuggestion moved its votes and
		// followers there before this runs, so the kept one's supporters and followers hear of it (those of
		// the merged one among them), and the link leads to the kept one.
		const keptId = event.type === 'suggestion.merged' ? event.payload.keptId : undefined;
		const kept = keptId ? await suggestionNoticeSubject(tx, { municipalityId, id: keptId }) : undefined;
		const audienceOf = keptId ?? id;
		await notify(tx, ctx, event, {
			subject,
			path: kept?.path,
			status: event.type === 'suggestion.status_changed' ? event.payload.to : undefined,
			audiences: [
				...own(event.payload.authorId),
				{ kind: 'following', people: supportersSql({ municipalityId, suggestionId: audienceOf }) },
				{
					kind: 'following',
					people: followersSql({ municipalityId, subject: { kind: 'suggestion', id: audienceOf } })
				}
			],
			mail: true
		});
	}
});

/** A reply to a comment: its writer hears of it. */
export const replyNotices = defineEventHandler({
	name: 'notifications.reply',
	events: ['suggestion.comment_published'],
	async handle(event, tx, ctx) {
		const parentId = event.payload.parentId;
		if (!parentId) return;
		const municipalityId = event.municipalityId;
		const subject = await suggestionNoticeSubject(tx, { municipalityId, id: Number(event.subjectId) });
		if (!subject) return;
		await notify(tx, ctx, event, {
			subject,
			path: `${subject.path}#reactie-${event.payload.commentId}`,
			audiences: [{ kind: 'own', people: commentAuthorSql({ municipalityId, commentId: parentId }) }],
			// Whoever wrote the reply (a moderator approving it is the event's actor).
			exclude: [event.payload.authorId],
			mail: true
		});
	}
});

/** News on an action: its followers hear of it, and its colleagues. */
export const actionUpdateNotices = defineEventHandler({
	name: 'notifications.action-update',
	events: ['action.update_published'],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		const { actionId, updateId } = event.payload;
		const subject = await updateNoticeSubject(tx, { municipalityId, actionId, updateId });
		if (!subject) return;
		await notify(tx, ctx, event, {
			subject,
			audiences: [
				{
					kind: 'following',
					people: followersSql({ municipalityId, subject: { kind: 'action', id: actionId } })
				},
				colleagues(municipalityId, actionId)
			],
			mail: true
		});
	}
});

/**
 * An event changed, was cancelled or has its report: the people registered see it in their list (in-app
 * only: the events feature mails them itself, with the calendar's update or cancellation). The colleagues of
 * its action hear of that, and of a new event being published, by mail.
 */
export const eventNotices = defineEventHandler({
	name: 'notifications.event',
	events: ['event.updated', 'event.cancelled', 'event.report_published', 'event.published'],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		const eventId = Number(event.subjectId);
		const subject = await eventNoticeSubject(tx, { municipalityId, id: eventId });
		if (!subject) return;
		await notify(tx, ctx, event, {
			subject,
			audiences: [
				{
					kind: 'following',
					people: registeredPeopleSql({
						municipalityId,
						eventId,
						// The cancellation cancelled the registrations in its own transaction, which began before
						// the event was written.
						cancelledSince: event.type === 'event.cancelled' ? event.createdAt : undefined
					}),
					mail: false
				},
				colleagues(municipalityId, subject.actionId)
			],
			mail: false
		});
	}
});

/** Fields of an action whose change is a decision a colleague hears of: what was decided, and where it stands. */
const DECISION_FIELDS = ['decided', 'status'];

/**
 * What only colleagues hear of, by mail: an action's decision (what was decided, or its status, changed), an
 * event's briefing sent to the departments on its checklist, and each change to that checklist.
 */
export const colleagueNotices = defineEventHandler({
	name: 'notifications.colleague',
	events: ['action.updated', 'event.briefing_sent', 'event.logistics_changed'],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		if (event.type === 'action.updated') {
			if (!event.payload.fields.some((f) => DECISION_FIELDS.includes(f))) return;
			const actionId = Number(event.subjectId);
			const subject = await actionNoticeSubject(tx, { municipalityId, id: actionId });
			if (!subject) return;
			await notify(tx, ctx, event, {
				subject,
				// The status, when it changed; else the decision's text did.
				status: event.payload.fields.includes('status') ? subject.status : undefined,
				// Their back office shows the action, also one not yet public.
				path: `/${subject.municipalitySlug}/beheer/acties/${actionId}`,
				audiences: [colleagues(municipalityId, actionId)],
				mail: true
			});
			return;
		}
		const subject = await eventNoticeSubject(tx, { municipalityId, id: Number(event.subjectId) });
		if (!subject) return;
		const logistics = event.type === 'event.logistics_changed' ? event.payload : undefined;
		await notify(tx, ctx, event, {
			subject,
			status: logistics?.change,
			detail: logistics?.text,
			audiences: [colleagues(municipalityId, subject.actionId)],
			mail: true
		});
	}
});

/**
 * An invitation to an event: each person it went to (with an account) sees it in their list, linking to the
 * event's page, where one click registers them. In-app only: the invitation itself is the mail.
 */
export const invitationNotices = defineEventHandler({
	name: 'notifications.invitation',
	events: ['event.invitations_sent'],
	async handle(event, tx, ctx) {
		const municipalityId = event.municipalityId;
		const eventId = Number(event.subjectId);
		const subject = await eventNoticeSubject(tx, { municipalityId, id: eventId });
		if (!subject) return;
		await notify(tx, ctx, event, {
			subject,
			audiences: [
				{
					kind: 'invitations',
					people: invitedPeopleSql({ municipalityId, eventId, invitationsEventId: event.id })
				}
			],
			mail: false
		});
	}
});

/**
 * A story published or not published: its author hears of it (own), with the story's page or, for a refusal,
 * their activity where the reason is.
 */
export const storyNotices = defineEventHandler({
	name: 'notifications.story',
	events: ['story.published', 'story.rejected'],
	async handle(event, tx, ctx) {
		const subject = await storyNoticeSubject(tx, {
			municipalityId: event.municipalityId,
			id: Number(event.subjectId)
		});
		if (!subject) return;
		await notify(tx, ctx, event, { subject, audiences: own(event.payload.authorId), mail: true });
	}
});

export const notificationHandlers = [
	suggestionNotices,
	replyNotices,
	actionUpdateNotices,
	eventNotices,
	invitationNotices,
	colleagueNotices,
	storyNotices,
	groupNotices,
	groupEventNotices,
	climatePlanTaskNotices,
	funderReportNotices
];

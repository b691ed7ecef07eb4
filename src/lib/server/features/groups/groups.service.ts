// Use cases of citizens around a group: the public list, the call page and signing up with a motivation
// (accepted at once, or waiting for staff when the call says so), the public group page with a question to
// the group, and joining through a member's invitation.
import { brusselsDay } from '$lib/server/platform/dates';
import { translate } from '$lib/i18n';
import type { TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { writeAudit } from '$lib/server/platform/audit';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { hashToken } from '$lib/server/platform/tokens';
import { getDraft, keepDraftForLogin } from '$lib/server/features/accounts/accounts.service';
import { findPublicGroup } from './groups.access';
import { publicLessonsOf, type PublicLessonView } from './groups.evaluation';
import {
	getMembership,
	getOwnEmail,
	insertMember,
	insertPost,
	insertThread,
	listGroups,
	listMembers,
	listMenuItems,
	listSubgroupMembers,
	updateMember,
	useInvitation,
	type GroupRow
} from './groups.queries';
import { signUpSchema } from './groups.schemas';
import {
	presentGroupDetail,
	presentGroupSummary,
	presentMenuItem,
	type GroupDetailView,
	type GroupSummaryView,
	type MenuItemView
} from './groups.present';
import { z } from 'zod';
import { withoutControlCharacters } from '$lib/server/platform/control-characters';
import { GROUP_LIMITS, type MemberStatus } from '$lib/domain/groups';

/** Whether sign-ups are taken now: the call is open and its deadline (a whole day) has not passed. */
export function takesSignups(group: Pick<GroupRow, 'status' | 'deadline'>, now = new Date()): boolean {
	if (group.status !== 'open') return false;
	if (!group.deadline) return true;
	const today = brusselsDay(now);
	return today <= group.deadline;
}

export async function listGroupsPage(ctx: TenantCtx): Promise<{ groups: GroupSummaryView[] }> {
	const rows = await listGroups(ctx.db, { municipalityId: ctx.tenant.id, statuses: ['open', 'closed'] });
	return { groups: rows.map((r) => presentGroupSummary(ctx.tenant.slug, r)) };
}

export interface CallPage {
	group: GroupDetailView;
	menu: MenuItemView[];
	open: boolean;
	loggedIn: boolean;
	/** The person's sign-up, when they have one. */
	mine: MemberStatus | null;
	draft: Record<string, string> | null;
}

export async function getCallPage(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; unverifiedDraftId?: string | null }
): Promise<CallPage> {
	const group = await findPublicGroup(ctx.db, ctx.tenant.id, input.unverifiedId);
	const tenant = { municipalityId: group.municipalityId, groupId: group.id };
	const [menu, mine, draft] = await Promise.all([
		listMenuItems(ctx.db, tenant),
		ctx.actor ? getMembership(ctx.db, { ...tenant, userId: ctx.actor.userId }) : undefined,
		input.unverifiedDraftId ? getDraft(ctx, { unverifiedId: input.unverifiedDraftId }) : null
	]);
	return {
		group: presentGroupDetail(ctx.tenant.slug, group),
		menu: menu.map((m) => presentMenuItem(ctx.tenant.slug, m)),
		open: takesSignups(group),
		loggedIn: Boolean(ctx.actor),
		mine: mine?.status ?? null,
		draft: draft?.intent === 'groupSignup' ? draft : null
	};
}

export async function keepSignUpDraft(
	ctx: TenantCtx,
	input: { returnTo: string; values: Record<string, string> }
): Promise<string> {
	return keepDraftForLogin(ctx, {
		returnTo: input.returnTo,
		values: { ...input.values, intent: 'groupSignup' }
	});
}

/** Sign-ups a person may send in an hour, across groups. */
export const SIGNUP_RATE_LIMIT = { limit: 10, windowSeconds: 3_600 } as const;

/**
 * Signs the person up with a short motivation: a member at once when the call does not ask staff to confirm,
 * else waiting. A closed call, a passed deadline and a second sign-up are refused in Dutch.
 */
export async function signUp(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof signUpSchema> }
): Promise<{ status: MemberStatus; groupId: number }> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	const group = await findPublicGroup(ctx.db, ctx.tenant.id, input.unverifiedId);
	const values = validateInput(signUpSchema, input.values, { fallback: 'groups.errors.invalid' });
	if (!takesSignups(group)) throw new AppError('conflict', { message: 'groups.errors.callClosed' });
	await enforceRateLimits(
		ctx.db,
		[{ key: `group-signup:user:${actor.userId}`, ...SIGNUP_RATE_LIMIT }],
		'groups.errors.rateLimited'
	);
	const status: MemberStatus = group.confirmSignups ? 'pending' : 'accepted';
	return ctx.db.transaction(async (tx) => {
		const row = await insertMember(tx, {
			municipalityId: group.municipalityId,
			groupId: group.id,
			userId: actor.userId,
			motivation: values.motivation,
			status
		});
		if (!row) throw new AppError('conflict', { message: 'groups.errors.alreadySignedUp' });
		if (status === 'accepted')
			await writeAudit(tx, {
				regionId: group.regionId,
				municipalityId: group.municipalityId,
				actor: { userId: actor.userId, displayName: actor.displayName },
				action: 'group.member_joined',
				details: { groupId: group.id, name: group.name, memberId: row.id, via: 'openCall' }
			});
		return { status, groupId: group.id };
	});
}

export interface GroupPage {
	group: GroupSummaryView;
	/** The members' public names, the coordinator first. */
	members: { name: string; coordinator: boolean }[];
	/** The actions the group picked, each with how many work on it. */
	actions: (MenuItemView & { people: number; coordinator: string | null })[];
	open: boolean;
	loggedIn: boolean;
	isMember: boolean;
	/** The evaluation's positive experiences and lessons (groups.evaluation.ts). */
	lessons: PublicLessonView[];
}

export async function getGroupPage(ctx: TenantCtx, input: { unverifiedId: unknown }): Promise<GroupPage> {
	const group = await findPublicGroup(ctx.db, ctx.tenant.id, input.unverifiedId);
	const tenant = { municipalityId: group.municipalityId, groupId: group.id };
	const former = translate(ctx.locale, 'groups.formerMember');
	const [members, menu, subgroups, lessons] = await Promise.all([
		listMembers(ctx.db, { ...tenant, statuses: ['accepted'] }),
		listMenuItems(ctx.db, tenant),
		listSubgroupMembers(ctx.db, tenant),
		publicLessonsOf(ctx.db, group)
	]);
	return {
		lessons,
		group: presentGroupSummary(ctx.tenant.slug, group),
		members: members.map((m) => ({ name: m.name ?? former, coordinator: m.role === 'coordinator' })),
		actions: menu
			.filter((m) => m.actionId !== null)
			.map((m) => {
				const people = subgroups.filter((s) => s.menuItemId === m.id);
				return {
					...presentMenuItem(ctx.tenant.slug, m),
					people: people.length,
					coordinator: people.find((p) => p.coordinator)?.name ?? null
				};
			}),
		open: takesSignups(group),
		loggedIn: Boolean(ctx.actor),
		isMember: Boolean(ctx.actor && members.some((m) => m.userId === ctx.actor?.userId))
	};
}

const questionSchema = z.object({
	question: z
		.unknown()
		.optional()
		.transform((v) => (typeof v === 'string' ? withoutControlCharacters(v).trim() : ''))
		.pipe(
			z
				.string()
				.min(1, { error: 'groups.errors.questionRequired' })
				.max(GROUP_LIMITS.postMax, { error: 'groups.errors.postTooLong' })
		)
});

export const QUESTION_RATE_LIMIT = { limit: 5, windowSeconds: 3_600 } as const;

/**
 * A signed-in person asks the group a question: it becomes a thread of the workspace, with their name and the
 * address they agreed to share (the form says so), so a member can answer them.
 */
export async function askQuestion(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; values: RawInput<typeof questionSchema>; shareEmail: boolean }
): Promise<{ threadId: number }> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	const group = await findPublicGroup(ctx.db, ctx.tenant.id, input.unverifiedId);
	const values = validateInput(questionSchema, input.values, { fallback: 'groups.errors.invalid' });
	await enforceRateLimits(
		ctx.db,
		[{ key: `group-question:user:${actor.userId}`, ...QUESTION_RATE_LIMIT }],
		'groups.errors.rateLimited'
	);
	const t = (key: 'groups.question.threadTitle' | 'groups.question.replyTo', p: Record<string, string>) =>
		translate(ctx.locale, key, p);
	const email = input.shareEmail ? await getOwnEmail(ctx.db, { userId: actor.userId }) : null;
	return ctx.db.transaction(async (tx) => {
		const thread = await insertThread(tx, {
			municipalityId: group.municipalityId,
			groupId: group.id,
			title: t('groups.question.threadTitle', { name: actor.displayName }).slice(
				0,
				GROUP_LIMITS.threadTitleMax
			),
			authorId: actor.userId
		});
		const body = email ? `${values.question}\n\n${t('groups.question.replyTo', { email })}` : values.question;
		await insertPost(tx, {
			municipalityId: group.municipalityId,
			groupId: group.id,
			threadId: thread.id,
			authorId: actor.userId,
			body
		});
		return { threadId: thread.id };
	});
}

/**
 * Joins a group through a member's invitation link (one use, 14 days): a member at once, whatever the call
 * says, since a member invited them. A link used, expired or of another group is refused in Dutch.
 */
export async function acceptInvitation(
	ctx: TenantCtx,
	input: { unverifiedId: unknown; token: string }
): Promise<{ groupId: number }> {
	const actor = ctx.actor;
	if (!actor) throw new AppError('unauthenticated');
	const group = await findPublicGroup(ctx.db, ctx.tenant.id, input.unverifiedId);
	if (typeof input.token !== 'string' || input.token.length < 16 || input.token.length > 100)
		throw new AppError('conflict', { message: 'groups.errors.invitationInvalid' });
	const tenant = { municipalityId: group.municipalityId, groupId: group.id };
	return ctx.db.transaction(async (tx) => {
		const existing = await getMembership(tx, { ...tenant, userId: actor.userId, forUpdate: true });
		if (existing?.status === 'accepted') return { groupId: group.id };
		const used = await useInvitation(tx, {
			...tenant,
			tokenHash: hashToken(input.token),
			userId: actor.userId
		});
		if (!used) throw new AppError('conflict', { message: 'groups.errors.invitationInvalid' });
		let memberId: number;
		if (existing) {
			await updateMember(tx, { ...tenant, id: existing.id, values: { status: 'accepted' } });
			memberId = existing.id;
		} else {
			const row = await insertMember(tx, {
				...tenant,
				userId: actor.userId,
				motivation: '',
				status: 'accepted'
			});
			if (!row) throw new AppError('conflict', { message: 'groups.errors.invitationInvalid' });
			memberId = row.id;
		}
		await writeAudit(tx, {
			regionId: group.regionId,
			municipalityId: group.municipalityId,
			actor: { userId: actor.userId, displayName: actor.displayName },
			action: 'group.member_joined',
			details: { groupId: group.id, name: group.name, memberId, via: 'invitation' }
		});
		return { groupId: group.id };
	});
}

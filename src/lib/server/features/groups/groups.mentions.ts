// Mentions in the workspace's discussion threads. The syntax: `@` followed by a person's public name as the
// workspace shows it ("@Lotte Peeters"), in any case, not preceded by a letter or digit (so an address such as
// jan@geel.be mentions nobody) and not followed by one; where two names on the list both fit ("@Lotte" and
// "@Lotte Peeters") the longest wins. Only the group's accepted members and its coaching staff can be
// mentioned; any other `@name` stays plain text. Without JavaScript a person is picked from the list beside the
// text (a tick puts "@name" in front of the post). At most MENTIONS_MAX different people per post; the text is
// at most GROUP_LIMITS.postMax characters, so even thousands of `@` are read in one bounded pass. Who a post
// mentions is kept (group_post_mentions, with the name as the text writes it) and a domain event tells them
// (notifications.groups.ts), exactly once per post, never the writer. Deleting an account replaces exactly the
// spans of the text the parser finds for that person under that kept name, nothing else.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	groupMembers,
	groupPostMentions,
	groupPosts,
	memberships,
	municipalities,
	regionRoles,
	users
} from '$lib/server/db/schema';
import { hasAbilitySql } from '$lib/server/platform/policy';
import { writeDomainEvent } from '$lib/server/platform/events';
import { AppError } from '$lib/server/platform/errors';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import { isUuid } from '$lib/domain/ids';

/** The most different people one post may mention. */
export const MENTIONS_MAX = 20;

export interface Mentionable {
	userId: string;
	name: string;
}

const WORD = /[\p{L}\p{N}_]/u;

/** A piece of a post as the thread shows it: text, or a mention of a person on the list. */
export type PostPart = { text: string; mention?: true };

interface Found {
	start: number;
	end: number;
	userIds: string[];
}

/**
 * Every mention in a text of the people given: at each `@` not preceded by a letter or digit, the longest
 * name of the list that follows it (case-insensitive) and is not followed by a letter or digit. Two people
 * with the same name are both mentioned. One pass over the text, at most one look-up per distinct name length
 * at each `@`.
 */
export function findMentions(body: string, people: readonly Mentionable[]): Found[] {
	const byName = new Map<string, string[]>();
	for (const p of people) {
		const name = p.name.trim().toLowerCase();
		if (!name) continue;
		byName.set(name, [...(byName.get(name) ?? []), p.userId]);
	}
	if (byName.size === 0) return [];
	const lengths = [...new Set([...byName.keys()].map((n) => n.length))].sort((a, b) => b - a);
	const found: Found[] = [];
	let at = body.indexOf('@');
	while (at !== -1) {
		let next = at + 1;
		if (at === 0 || !WORD.test(body[at - 1]!)) {
			for (const length of lengths) {
				const end = at + 1 + length;
				if (end > body.length) continue;
				const ids = byName.get(body.slice(at + 1, end).toLowerCase());
				if (!ids || (end < body.length && WORD.test(body[end]!))) continue;
				found.push({ start: at, end, userIds: ids });
				next = end;
				break;
			}
		}
		at = body.indexOf('@', next);
	}
	return found;
}

/** A post cut into text and mentions of the people it mentioned (as kept), for the thread to render. */
export function splitMentions(body: string, mentioned: readonly Mentionable[]): PostPart[] {
	const parts: PostPart[] = [];
	let from = 0;
	for (const m of findMentions(body, mentioned)) {
		if (m.start > from) parts.push({ text: body.slice(from, m.start) });
		parts.push({ text: body.slice(m.start, m.end), mention: true });
		from = m.end;
	}
	if (from < body.length || parts.length === 0) parts.push({ text: body.slice(from) });
	return parts;
}

/**
 * Who can be mentioned in a group: its accepted members and the municipality's coaching staff (whoever may
 * manage groups there: workingGroups.prepare, as groups.policy.ts's canManageGroups), with their public name;
 * deleted accounts never. Staff are looked for among the municipality's memberships and its region's roles only.
 */
export async function listMentionable(
	db: Db,
	params: { municipalityId: string; groupId: number }
): Promise<Mentionable[]> {
	const staff = sql`SELECT ms.user_id FROM ${memberships} ms WHERE ms.municipality_id = ${params.municipalityId}::uuid
		UNION SELECT rr.user_id FROM ${regionRoles} rr
			JOIN ${municipalities} mu ON mu.id = ${params.municipalityId}::uuid AND mu.region_id = rr.region_id`;
	const rows = await db
		.select({ userId: users.id, name: users.displayName })
		.from(users)
		.where(
			and(
				sql`${users.deletedAt} IS NULL`,
				sql`(${users.id} IN (SELECT m.user_id FROM ${groupMembers} m
					WHERE m.municipality_id = ${params.municipalityId}::uuid AND m.group_id = ${params.groupId}
						AND m.status = 'accepted')
				OR (${users.id} IN (${staff})
					AND ${hasAbilitySql(sql`${users.id}`, 'workingGroups.prepare', params.municipalityId)}))`
			)
		)
		.orderBy(users.displayName, users.id)
		.limit(1_000);
	return rows.filter((r) => r.name.trim() !== '');
}

/**
 * The post's text with the people ticked in the list put in front as "@name" (those it does not mention yet),
 * and whom it mentions, each with their name as the text writes it. A ticked id that is no one on the list is
 * refused beside the list; more than MENTIONS_MAX people beside the text.
 */
export function resolveMentions(
	body: string,
	ticked: readonly unknown[],
	people: readonly Mentionable[]
): { body: string; mentioned: Mentionable[] } {
	const known = new Map(people.map((p) => [p.userId, p]));
	const chosen = [...new Set(ticked.filter((v): v is string => typeof v === 'string' && v !== ''))];
	if (chosen.length > MENTIONS_MAX || chosen.some((id) => !isUuid(id) || !known.has(id)))
		throw new AppError('validation', {
			fields: { mentions: ['groupsActions.mentions.errors.invalid'] },
			message: 'groupsActions.mentions.errors.invalid'
		});
	const written = new Map<string, string>();
	for (const m of findMentions(body, people))
		for (const id of m.userIds) if (!written.has(id)) written.set(id, body.slice(m.start + 1, m.end));
	const added = chosen.filter((id) => !written.has(id));
	const text = added.length > 0 ? `${added.map((id) => `@${known.get(id)!.name}`).join(' ')} ${body}` : body;
	const mentioned = [
		...added.map((id) => ({ userId: id, name: known.get(id)!.name })),
		...[...written].map(([userId, name]) => ({ userId, name }))
	];
	if (mentioned.length > MENTIONS_MAX)
		throw new AppError('validation', {
			fields: { body: ['groupsActions.mentions.errors.tooMany'] },
			message: 'groupsActions.mentions.errors.tooMany',
			details: { max: MENTIONS_MAX }
		});
	return { body: text, mentioned };
}

/**
 * `resolveMentions` for a new post, reading who can be mentioned only when the post can mention someone: its text
 * has an `@` or someone was ticked. Most posts have neither, and then the list (up to 1,000 people) is not read.
 */
export async function prepareMentions(
	db: Db,
	params: { municipalityId: string; groupId: number },
	body: string,
	ticked: readonly unknown[]
): Promise<{ body: string; mentioned: Mentionable[] }> {
	const anyTicked = ticked.some((v) => typeof v === 'string' && v !== '');
	if (!anyTicked && !body.includes('@')) return { body, mentioned: [] };
	return resolveMentions(body, ticked, await listMentionable(db, params));
}

/**
 * Posts that mention someone a person may send in an hour: each mention is a notification and perhaps a mail,
 * so a member cannot flood another's inbox. Posts without a mention are not counted.
 */
export const MENTION_RATE_LIMIT = { limit: 30, windowSeconds: 3_600 } as const;

/** Counts a post that mentions someone against the writer's hourly limit; refused beside the text. */
export async function limitMentions(db: Db, params: { userId: string; mentions: number }): Promise<void> {
	if (params.mentions === 0) return;
	await enforceRateLimits(
		db,
		[{ key: `group-mention:user:${params.userId}`, ...MENTION_RATE_LIMIT }],
		'groupsActions.mentions.errors.rateLimited',
		'body'
	);
}

/**
 * Keeps who a new post mentions and writes `group.members_mentioned`, in the post's transaction (none when it
 * mentions nobody). The writer is kept if they mention themselves, but never told.
 */
export async function recordMentions(
	tx: Db,
	params: {
		municipalityId: string;
		groupId: number;
		threadId: number;
		threadTitle: string;
		postId: number;
		authorId: string;
		mentioned: readonly Mentionable[];
	}
): Promise<void> {
	if (params.mentioned.length === 0) return;
	await tx
		.insert(groupPostMentions)
		.values(
			params.mentioned.map((m) => ({
				municipalityId: params.municipalityId,
				groupId: params.groupId,
				postId: params.postId,
				userId: m.userId,
				name: m.name
			}))
		)
		.onConflictDoNothing();
	await writeDomainEvent(tx, {
		type: 'group.members_mentioned',
		municipalityId: params.municipalityId,
		subjectId: params.groupId,
		actorId: params.authorId,
		payload: { threadId: params.threadId, postId: params.postId, threadTitle: params.threadTitle }
	});
}

/** Who the posts of a thread mention, with the name the post wrote (a deleted account no more). */
export async function listMentionsOfPosts(
	db: Db,
	params: { municipalityId: string; postIds: readonly number[] }
): Promise<Map<number, Mentionable[]>> {
	const byPost = new Map<number, Mentionable[]>();
	if (params.postIds.length === 0) return byPost;
	const rows = await db
		.select({ postId: groupPostMentions.postId, userId: users.id, name: groupPostMentions.name })
		.from(groupPostMentions)
		.innerJoin(users, eq(users.id, groupPostMentions.userId))
		.where(
			and(
				eq(groupPostMentions.municipalityId, params.municipalityId),
				inArray(groupPostMentions.postId, [...params.postIds]),
				sql`${users.deletedAt} IS NULL`
			)
		);
	for (const r of rows) byPost.set(r.postId, [...(byPost.get(r.postId) ?? []), r]);
	return byPost;
}

/**
 * The text with the mentions of one person replaced: exactly the spans the parser finds for them among the
 * people the post mentions (by the names the post wrote), so a longer name that starts with theirs, the name
 * inside a word or an address, and a namesake's mention (a span that is someone else's too) stay as they are.
 */
export function withoutMentionOf(
	body: string,
	mentioned: readonly Mentionable[],
	userId: string,
	replacement: string
): string {
	let text = '';
	let from = 0;
	for (const m of findMentions(body, mentioned)) {
		if (!m.userIds.includes(userId) || m.userIds.some((id) => id !== userId)) continue;
		text += body.slice(from, m.start) + replacement;
		from = m.end;
	}
	return from === 0 ? body : text + body.slice(from);
}

/**
 * Deleting an account: in the posts that mention the person, their mentions (as the post wrote them, whatever
 * they are called now) become "@" and the former member's label, and the mentions go.
 */
export async function eraseMentionsOf(tx: Db, params: { userId: string; formerName: string }): Promise<void> {
	const rows = await tx
		.select({
			postId: groupPosts.id,
			body: groupPosts.body,
			userId: groupPostMentions.userId,
			name: groupPostMentions.name
		})
		.from(groupPostMentions)
		.innerJoin(groupPosts, eq(groupPosts.id, groupPostMentions.postId))
		.where(
			sql`${groupPostMentions.postId} IN (SELECT p.post_id FROM ${groupPostMentions} p WHERE p.user_id = ${params.userId}::uuid)`
		)
		// The posts stay locked until the erasure commits: an edit at the same moment waits, then finds the new
		// body, instead of the erasure writing back a body read before the edit.
		.for('update', { of: groupPosts });
	const posts = new Map<number, { body: string; mentioned: Mentionable[] }>();
	for (const r of rows) {
		const post = posts.get(r.postId) ?? { body: r.body, mentioned: [] };
		post.mentioned.push({ userId: r.userId, name: r.name });
		posts.set(r.postId, post);
	}
	for (const [id, post] of posts) {
		const body = withoutMentionOf(post.body, post.mentioned, params.userId, `@${params.formerName}`);
		if (body !== post.body) await tx.update(groupPosts).set({ body }).where(eq(groupPosts.id, id));
	}
	await tx.delete(groupPostMentions).where(eq(groupPostMentions.userId, params.userId));
}

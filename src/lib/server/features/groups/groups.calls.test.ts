// Issue 19's second half against the real database (PGlite, and PostgreSQL with TEST_DB=postgres), with the
// real dispatcher running the notifications' handlers: a mention in a thread tells exactly the person mentioned,
// once, never the writer, and a non-member's name is plain text; hostile text (HTML, thousands of @) is safe
// and bounded; decisions that concern a member (sign-up, expense, coordinator) reach them as their own; a
// group's coordinator opens a call for suggestions on the map on the group's action (its suggestions wait in
// the municipality's moderation) and proposes an event (a draft the municipality publishes), while a member,
// a member of another group, a citizen and staff of another municipality are refused, and bad input is told
// beside its field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs, silentLog } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import type { ErrorCode } from '$lib/server/platform/errors';
import { outboxQueue } from '$lib/server/testing/outbox';
import {
	actorOf,
	buildGroup,
	buildGroupMember,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser
} from '$lib/server/testing/factories';
import {
	events,
	groupExpenses,
	groupPostMentions,
	groupPosts,
	notifications,
	opportunities,
	suggestions,
	users
} from '$lib/server/db/schema';
import type { Tenant, TenantCtx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { MailMessage } from '$lib/server/platform/mail';
import { loadConfig } from '$lib/server/platform/config';
import { createEventDispatcher, type EventDispatcher } from '$lib/server/platform/events.dispatcher';
import { notificationHandlers } from '$lib/server/features/notifications/notifications.handlers';
import { listMyNotifications } from '$lib/server/features/notifications/notifications.inbox.service';
import { createSuggestion } from '$lib/server/features/suggestions/suggestions.contribute.service';
import { decideSignups, approveExpense, refuseExpense } from './groups.admin.service';
import {
	getThreadPage,
	handOverCoordinator,
	pickMenuItem,
	replyToThread,
	startThread
} from './groups.workspace.service';
import { createGroupEvent, getGroupCalls, openGroupMapCall } from './groups.calls';
import { findMentions, MENTION_RATE_LIMIT, MENTIONS_MAX, prepareMentions } from './groups.mentions';
import { recordStatements } from '$lib/server/testing/statements';
import { eraseGroupData } from './groups.personal-data';
import { deleteAccount } from '$lib/server/features/profile/profile.service';
import {
	cancelEvent,
	listEventsForBackoffice,
	publishEventsInBulk
} from '$lib/server/features/events/events.admin.service';
import { eventsAttention } from '$lib/server/features/events/events.attention';
import type { AttentionScope } from '$lib/server/platform/feature';

let database: TestDatabase;
let dispatcher: EventDispatcher;
let geel: Tenant;
let mol: Tenant;
let moderator: Actor;
let molModerator: Actor;
const outbox: MailMessage[] = [];
const config = loadConfig({
	NODE_ENV: 'test',
	ORIGIN: 'https://meedoen.test',
	DEMO: 'false',
	DEV_IDP_PORT: '0'
});

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	moderator = (await buildStaff(database.db, geel, 'moderator', { givenName: 'Mieke', familyName: 'Staf' }))
		.actor;
	molModerator = (await buildStaff(database.db, mol, 'moderator')).actor;
	dispatcher = createEventDispatcher(database, silentLog, {
		handlers: notificationHandlers,
		context: { config, log: silentLog, ...outboxQueue(outbox) }
	});
});
afterAll(() => database?.destroy());

const as = (actor: Actor | undefined, tenant: Tenant = geel) =>
	ctxAs(database.db, tenant, actor) as TenantCtx;

/** The refusal's code, its message key and its messages per field. */
async function refused(promise: Promise<unknown>, code: ErrorCode) {
	const err = await refusal(promise, code);
	return { code: err.code, message: err.messageKey, fields: err.options.fields ?? {} };
}

async function dispatch() {
	while ((await dispatcher.runOnce()) > 0);
}

async function person(givenName: string, familyName: string): Promise<Actor> {
	return actorOf(database.db, await buildUser(database.db, { givenName, familyName }));
}

async function bodyOf(postId: number) {
	const [post] = await database.db
		.select({ body: groupPosts.body })
		.from(groupPosts)
		.where(eq(groupPosts.id, postId));
	return post!.body;
}

async function mentionsOf(postId: number) {
	return database.db
		.select({ userId: groupPostMentions.userId, name: groupPostMentions.name })
		.from(groupPostMentions)
		.where(eq(groupPostMentions.postId, postId));
}

async function notificationsOf(userId: string) {
	return database.db
		.select({ type: notifications.type, kind: notifications.kind, path: notifications.path })
		.from(notifications)
		.where(eq(notifications.userId, userId));
}

/** A group of Geel with a coordinator and two members, and a thread the coordinator started. */
async function scene() {
	const group = await buildGroup(database.db, geel, { menu: ['Repaircafé', 'Zonnedaken'] });
	const coordinator = await person('Lotte', 'Peeters');
	const member = await person('Jan', 'Janssens');
	const other = await person('Els', 'Claes');
	await buildGroupMember(database.db, geel, group.id, coordinator.userId, { role: 'coordinator' });
	await buildGroupMember(database.db, geel, group.id, member.userId);
	await buildGroupMember(database.db, geel, group.id, other.userId);
	const thread = await startThread(as(coordinator), {
		unverifiedId: group.id,
		values: { title: 'Eerste repaircafé', body: 'Wie helpt mee?' }
	});
	return { group, coordinator, member, other, thread };
}

describe('mentions in threads', () => {
	it('tells exactly the person mentioned, once, not the writer; a non-member is plain text', async () => {
		const { group, coordinator, member, other, thread } = await scene();
		const stranger = await person('Karel', 'Vreemd');
		await dispatch();
		const reply = await replyToThread(as(member), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			// Twice the same person, the writer themselves, a non-member and an address: one mention.
			values: {
				body: `@${coordinator.displayName} kan jij de tafels regelen? @${coordinator.displayName.toUpperCase()}! @${member.displayName} @${stranger.displayName} mail jan@geel.be`
			}
		});
		await dispatch();
		await dispatch();
		const told = await notificationsOf(coordinator.userId);
		expect(told).toEqual([
			{
				type: 'group.members_mentioned',
				kind: 'own',
				path: `/geel/groepen/${group.id}/werkruimte/gesprekken/${thread.id}#bericht-${reply.id}`
			}
		]);
		expect(await notificationsOf(member.userId)).toEqual([]);
		expect(await notificationsOf(other.userId)).toEqual([]);
		expect(await notificationsOf(stranger.userId)).toEqual([]);
		const mentioned = await database.db
			.select({ userId: groupPostMentions.userId })
			.from(groupPostMentions)
			.where(eq(groupPostMentions.postId, reply.id));
		expect(mentioned.map((m) => m.userId).sort()).toEqual([coordinator.userId, member.userId].sort());
		// The thread shows the mentions as such, the stranger's name as text.
		const page = await getThreadPage(as(other), { unverifiedId: group.id, unverifiedThreadId: thread.id });
		const parts = page.posts.find((p) => p.id === reply.id)!.parts;
		expect(parts.filter((p) => p.mention).map((p) => p.text)).toEqual([
			`@${coordinator.displayName}`,
			`@${coordinator.displayName.toUpperCase()}`,
			`@${member.displayName}`
		]);
		expect(parts.map((p) => p.text).join('')).toBe(page.posts.find((p) => p.id === reply.id)!.body);
		expect(page.mentionable.map((m) => m.userId)).toContain(moderator.userId);
		expect(page.mentionable.map((m) => m.userId)).not.toContain(stranger.userId);
	});

	it('mentions whom the list beside the text ticks, coaching staff too; refuses others beside the list', async () => {
		const { group, coordinator, member, thread } = await scene();
		const stranger = await person('Karel', 'Vreemd');
		const reply = await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: 'Graag jullie mening.' },
			mentions: [member.userId, moderator.userId]
		});
		const [post] = await database.db
			.select({ body: groupPosts.body })
			.from(groupPosts)
			.where(eq(groupPosts.id, reply.id));
		expect(post!.body).toContain(`@${member.displayName}`);
		expect(post!.body).toContain(`@${moderator.displayName}`);
		await dispatch();
		expect((await notificationsOf(member.userId)).map((n) => n.type)).toEqual(['group.members_mentioned']);
		expect((await notificationsOf(moderator.userId)).map((n) => n.type)).toContain('group.members_mentioned');
		// A new thread's first post takes the same list.
		const started = await startThread(as(member), {
			unverifiedId: group.id,
			values: { title: 'Planning', body: 'Wanneer beginnen we?' },
			mentions: [coordinator.userId]
		});
		await dispatch();
		expect(await notificationsOf(coordinator.userId)).toEqual([
			{
				type: 'group.members_mentioned',
				kind: 'own',
				path: expect.stringContaining(`/werkruimte/gesprekken/${started.id}#bericht-`)
			}
		]);
		for (const bad of [[stranger.userId], ['niet-een-id'], [molModerator.userId]]) {
			const r = await refused(
				replyToThread(as(coordinator), {
					unverifiedId: group.id,
					unverifiedThreadId: thread.id,
					values: { body: 'Hallo' },
					mentions: bad
				}),
				'validation'
			);
			expect(r.fields.mentions).toEqual(['groupsActions.mentions.errors.invalid']);
		}
	});

	it('keeps hostile text as text and bounds thousands of @', async () => {
		const { group, coordinator, member, thread } = await scene();
		const html = `<script>alert(1)</script><img src=x onerror=alert(1)> @${member.displayName}`;
		const reply = await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: html }
		});
		const page = await getThreadPage(as(member), { unverifiedId: group.id, unverifiedThreadId: thread.id });
		const parts = page.posts.find((p) => p.id === reply.id)!.parts;
		expect(parts[0]!.text).toBe('<script>alert(1)</script><img src=x onerror=alert(1)> ');
		expect(parts[0]!.mention).toBeUndefined();
		// 2,500 @ signs (the post's limit is 5,000 characters): read in one pass, one mention.
		const many = `${'@ '.repeat(2_490)}@${member.displayName}`.slice(0, 5_000);
		const found = findMentions(many, [{ userId: member.userId, name: member.displayName }]);
		expect(found.length).toBeLessThanOrEqual(1);
		await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: '@'.repeat(5_000) }
		});
		// More than MENTIONS_MAX different people in one post is refused beside the text.
		const crowd: Actor[] = [];
		for (let i = 0; i <= MENTIONS_MAX; i++) {
			const p = await person(`Lid${i}`, 'Groep');
			await buildGroupMember(database.db, geel, group.id, p.userId);
			crowd.push(p);
		}
		const r = await refused(
			replyToThread(as(coordinator), {
				unverifiedId: group.id,
				unverifiedThreadId: thread.id,
				values: { body: crowd.map((p) => `@${p.displayName}`).join(' ') }
			}),
			'validation'
		);
		expect(r.fields.body).toEqual(['groupsActions.mentions.errors.tooMany']);
	});

	it('limits the posts with a mention a person sends in an hour', async () => {
		const { group, coordinator, member, thread } = await scene();
		for (let i = 0; i < MENTION_RATE_LIMIT.limit; i++)
			await replyToThread(as(coordinator), {
				unverifiedId: group.id,
				unverifiedThreadId: thread.id,
				values: { body: `@${member.displayName} ${i}` }
			});
		const r = await refused(
			replyToThread(as(coordinator), {
				unverifiedId: group.id,
				unverifiedThreadId: thread.id,
				values: { body: `@${member.displayName} nog eens` }
			}),
			'rate_limited'
		);
		expect(r.fields.body).toEqual(['groupsActions.mentions.errors.rateLimited']);
		// Without a mention the post goes through.
		await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: 'Zonder iemand te vermelden.' }
		});
	});

	it('reads who can be mentioned only for a text with an @ or a tick', async () => {
		const { group, coordinator } = await scene();
		const tenant = { municipalityId: geel.id, groupId: group.id };
		const plain = await recordStatements(database.db, () =>
			prepareMentions(database.db, tenant, 'Wie brengt er koffie mee?', [])
		);
		expect(plain.result).toEqual({ body: 'Wie brengt er koffie mee?', mentioned: [] });
		expect(plain.statements).toEqual([]);
		const address = await recordStatements(database.db, () =>
			prepareMentions(database.db, tenant, 'Mail jan@geel.be', [])
		);
		expect(address.result.mentioned).toEqual([]);
		expect(address.statements).toHaveLength(1);
		const ticked = await prepareMentions(database.db, tenant, 'Kom je ook?', [coordinator.userId]);
		expect(ticked.body).toBe(`@${coordinator.displayName} Kom je ook?`);
	});

	it('finds the longest name and none inside a word or an address', () => {
		const people = [
			{ userId: 'a', name: 'Lotte' },
			{ userId: 'b', name: 'Lotte Peeters' }
		];
		expect(findMentions('@lotte peeters, en @Lotte.', people).map((m) => m.userIds)).toEqual([['b'], ['a']]);
		expect(findMentions('lotte@lotte.be @Lottebeth', people)).toEqual([]);
	});

	it('takes the name of a deleted account out of the posts that mention it', async () => {
		const { group, coordinator, member, thread } = await scene();
		const reply = await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: `Dank je @${member.displayName}!` }
		});
		await database.db.transaction((tx) =>
			eraseGroupData(tx, { userId: member.userId, displayName: member.displayName, addresses: [] })
		);
		const [post] = await database.db
			.select({ body: groupPosts.body })
			.from(groupPosts)
			.where(eq(groupPosts.id, reply.id));
		expect(post!.body).toBe('Dank je @Voormalige deelnemer!');
	});

	it('deleting an account erases exactly that person’s mentions, found by the name the post wrote', async () => {
		const { group, coordinator, member, other, thread } = await scene();
		await database.db.update(users).set({ displayName: 'Jan' }).where(eq(users.id, member.userId));
		await database.db.update(users).set({ displayName: 'Jan P.' }).where(eq(users.id, other.userId));
		const reply = await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: '@jan, vraag het aan @Jan P. (jan@geel.be) of @Janneke. Dank je @Jan!' }
		});
		// Renamed after the post: the post still says "@jan" and "@Jan".
		await database.db.update(users).set({ displayName: 'Johan' }).where(eq(users.id, member.userId));
		await deleteAccount(ctxAs(database.db, undefined, member), { confirm: 'yes' });
		expect(await bodyOf(reply.id)).toBe(
			'@Voormalige deelnemer, vraag het aan @Jan P. (jan@geel.be) of @Janneke. Dank je @Voormalige deelnemer!'
		);
		// The person whose name starts the same keeps their mention, in the table and in the thread.
		expect(await mentionsOf(reply.id)).toEqual([{ userId: other.userId, name: 'Jan P.' }]);
		const page = await getThreadPage(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id
		});
		const parts = page.posts.find((p) => p.id === reply.id)!.parts;
		expect(parts.filter((p) => p.mention).map((p) => p.text)).toEqual(['@Jan P.']);
	});

	it('a namesake who is not deleted keeps the mention that is theirs too', async () => {
		const { group, coordinator, thread } = await scene();
		const jan = await person('Piet', 'Pauwels');
		const namesake = await person('Piet', 'Peeters');
		expect(jan.displayName).toBe(namesake.displayName);
		await buildGroupMember(database.db, geel, group.id, jan.userId);
		await buildGroupMember(database.db, geel, group.id, namesake.userId);
		const reply = await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: `Goed idee, @${jan.displayName}.` }
		});
		expect((await mentionsOf(reply.id)).map((m) => m.userId).sort()).toEqual(
			[jan.userId, namesake.userId].sort()
		);
		await deleteAccount(ctxAs(database.db, undefined, jan), { confirm: 'yes' });
		expect(await bodyOf(reply.id)).toBe(`Goed idee, @${jan.displayName}.`);
		expect(await mentionsOf(reply.id)).toEqual([{ userId: namesake.userId, name: namesake.displayName }]);
	});

	it('a person renamed after a post keeps their mention in the thread, under the name the post wrote', async () => {
		const { group, coordinator, member, thread } = await scene();
		const written = member.displayName;
		const reply = await replyToThread(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: `Dank je @${written}, tot zaterdag.` }
		});
		await database.db.update(users).set({ displayName: 'Johan' }).where(eq(users.id, member.userId));
		const page = await getThreadPage(as(coordinator), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id
		});
		const parts = page.posts.find((p) => p.id === reply.id)!.parts;
		expect(parts.filter((p) => p.mention).map((p) => p.text)).toEqual([`@${written}`]);
		expect(await mentionsOf(reply.id)).toEqual([{ userId: member.userId, name: written }]);
	});
});

describe('decisions that concern a member', () => {
	it('tells the person of their sign-up, their expense and the coordinator role, as their own', async () => {
		const group = await buildGroup(database.db, geel, { confirmSignups: true });
		const accepted = await person('Ann', 'Aanvaard');
		const declined = await person('Bert', 'Geweigerd');
		const coordinator = await person('Lotte', 'Peeters');
		await buildGroupMember(database.db, geel, group.id, coordinator.userId, { role: 'coordinator' });
		const a = await buildGroupMember(database.db, geel, group.id, accepted.userId, { status: 'pending' });
		const d = await buildGroupMember(database.db, geel, group.id, declined.userId, { status: 'pending' });
		await decideSignups(as(moderator), { unverifiedId: group.id, ids: [String(a!.id)], decision: 'accept' });
		await decideSignups(as(moderator), {
			unverifiedId: group.id,
			ids: [String(d!.id)],
			decision: 'decline',
			confirm: 'on'
		});
		const expense = async (description: string) => {
			const [row] = await database.db
				.insert(groupExpenses)
				.values({
					municipalityId: geel.id,
					groupId: group.id,
					description,
					amountCents: 30_000,
					category: 'material',
					spentOn: '2026-11-01',
					status: 'submitted',
					submittedBy: accepted.userId
				})
				.returning({ id: groupExpenses.id });
			return row!.id;
		};
		const tools = await expense('Gereedschap');
		const food = await expense('Broodjes');
		await approveExpense(as(moderator), { unverifiedId: group.id, unverifiedExpenseId: tools });
		await refuseExpense(as(moderator), {
			unverifiedId: group.id,
			unverifiedExpenseId: food,
			reason: 'Niet in het reglement'
		});
		await handOverCoordinator(as(coordinator), {
			unverifiedId: group.id,
			values: { person: accepted.userId }
		});
		await dispatch();
		const mine = await notificationsOf(accepted.userId);
		expect(mine.map((n) => [n.type, n.kind]).sort()).toEqual(
			[
				['group.coordinator_changed', 'own'],
				['group.expense_approved', 'own'],
				['group.expense_refused', 'own'],
				['group.signup_accepted', 'own']
			].sort()
		);
		expect(mine.find((n) => n.type === 'group.signup_accepted')!.path).toBe(
			`/geel/groepen/${group.id}/werkruimte`
		);
		expect(await notificationsOf(declined.userId)).toEqual([
			{ type: 'group.signup_declined', kind: 'own', path: `/geel/groepen/${group.id}` }
		]);
		// The former coordinator did the hand-over: not told of their own act.
		expect(await notificationsOf(coordinator.userId)).toEqual([]);
		// Staff never hear of their own decisions.
		expect(
			(await notificationsOf(moderator.userId)).filter((n) => n.type.startsWith('group.signup'))
		).toEqual([]);
		// In the bell's list with a Dutch title.
		const list = await listMyNotifications(as(accepted), {});
		expect(list.items.map((i) => i.title)).toContain(
			`Je uitgave “Broodjes” bij ${group.name} werd geweigerd: lees waarom in de werkruimte`
		);
		// Mailed at once (own contributions: immediately by default).
		expect(outbox.some((m) => m.subject.includes(group.name) || m.text?.includes(group.name))).toBe(true);
	});
});

describe("a group's own call on the map and its own events", () => {
	async function groupWithAction() {
		const s = await scene();
		const picked = await pickMenuItem(as(s.coordinator), {
			unverifiedId: s.group.id,
			unverifiedItemId: s.group.menu[0]
		});
		return { ...s, actionId: picked.actionId };
	}

	const callValues = (actionId: number, extra: Record<string, string> = {}) => ({
		action: String(actionId),
		title: 'Waar kan het repaircafé staan?',
		howTo: 'Duid plaatsen aan met een stopcontact en ruimte voor tafels.',
		opensAt: '',
		closesAt: '',
		...extra
	});

	it('the coordinator opens a call whose suggestions wait for the municipality', async () => {
		const { group, coordinator, actionId } = await groupWithAction();
		const opened = await openGroupMapCall(as(coordinator), {
			unverifiedId: group.id,
			values: callValues(actionId)
		});
		const [opportunity] = await database.db
			.select()
			.from(opportunities)
			.where(eq(opportunities.id, opened.opportunityId));
		expect(opportunity).toMatchObject({ actionId, kind: 'mapSuggestions', rung: 'consult' });
		expect(opened.path).toBe(`/geel/kansen/${opened.opportunityId}`);
		expect((await auditOf(database.db, geel.id)).map((a) => a.action)).toContain('group.map_call_opened');
		const citizen = await person('Wout', 'Burger');
		const result = await createSuggestion(as(citizen), {
			opportunityId: opened.opportunityId,
			values: {
				title: 'Het parochiezaaltje',
				body: 'Ruim, met stopcontacten en een keuken.',
				lat: '51,1625',
				lng: '4,9903',
				confirm: '1'
			}
		});
		if (result.kind !== 'created') throw new Error('expected created');
		expect(result.published).toBe(false);
		const [row] = await database.db
			.select({ moderation: suggestions.moderation, status: suggestions.status })
			.from(suggestions)
			.where(eq(suggestions.id, result.id));
		expect(row).toEqual({ moderation: 'pending', status: 'submitted' });
		const page = await getGroupCalls(as(coordinator), { unverifiedId: group.id });
		expect(page.mapCalls.map((c) => c.id)).toEqual([opened.opportunityId]);
	});

	it('the coordinator proposes an event: a draft of the group, for the municipality to publish', async () => {
		const { group, coordinator, actionId } = await groupWithAction();
		const made = await createGroupEvent(as(coordinator), {
			unverifiedId: group.id,
			values: {
				action: String(actionId),
				kind: 'actionDay',
				title: 'Repaircafé in de parochiezaal',
				description: 'Breng je kapotte spullen mee.',
				startsAt: '2027-03-06T10:00',
				endsAt: '2027-03-06T13:00',
				venueName: 'Parochiezaal',
				address: 'Kerkstraat 1, Geel',
				capacity: '30'
			}
		});
		const [row] = await database.db
			.select({ status: events.status, actionId: events.actionId, organiser: events.organiser })
			.from(events)
			.where(and(eq(events.id, made.eventId), eq(events.municipalityId, geel.id)));
		expect(row).toEqual({ status: 'draft', actionId, organiser: group.name });
		const page = await getGroupCalls(as(moderator), { unverifiedId: group.id });
		expect(page.events.map((e) => [e.id, e.status, e.path])).toEqual([[made.eventId, 'draft', null]]);
	});

	it('refuses a member, a member of another group, a citizen and staff of another municipality', async () => {
		const { group, member, actionId } = await groupWithAction();
		const elsewhere = await scene();
		const citizen = await person('Wout', 'Burger');
		for (const [who, tenant, code] of [
			[member, geel, 'forbidden'],
			[elsewhere.coordinator, geel, 'forbidden'],
			[citizen, geel, 'forbidden'],
			[molModerator, geel, 'forbidden'],
			[molModerator, mol, 'not_found'],
			[undefined, geel, 'unauthenticated']
		] as const) {
			const ctx = as(who, tenant);
			await refusal(getGroupCalls(ctx, { unverifiedId: group.id }), code);
			await refusal(openGroupMapCall(ctx, { unverifiedId: group.id, values: callValues(actionId) }), code);
			await refusal(
				createGroupEvent(ctx, {
					unverifiedId: group.id,
					values: { action: String(actionId), kind: 'actionDay', title: 'x' }
				}),
				code
			);
		}
		const r = await refused(getGroupCalls(as(member), { unverifiedId: group.id }), 'forbidden');
		expect(r.message).toBe('groupsActions.errors.coordinatorOnly');
		// Staff of Geel may, as the group's coaching staff.
		await expect(getGroupCalls(as(moderator), { unverifiedId: group.id })).resolves.toBeTruthy();
	});

	it('refuses another group’s action and bad input beside the field, writing nothing', async () => {
		const { group, coordinator, actionId } = await groupWithAction();
		const other = await groupWithAction();
		const before = await database.db.select({ id: opportunities.id }).from(opportunities);
		const cases: [Record<string, string>, string, string][] = [
			[{ action: String(other.actionId) }, 'action', 'groupsActions.errors.actionNotOwn'],
			[{ action: 'abc' }, 'action', 'groupsActions.errors.actionRequired'],
			[{ title: '' }, 'title', 'groupsActions.errors.titleRequired'],
			[{ title: 'x'.repeat(201) }, 'title', 'groupsActions.errors.titleTooLong'],
			[{ howTo: 'x'.repeat(5_001) }, 'howTo', 'groupsActions.errors.howToTooLong'],
			[{ opensAt: 'morgen' }, 'opensAt', 'groupsActions.errors.dateTime'],
			[
				{ opensAt: '2027-03-02T10:00', closesAt: '2027-03-01T10:00' },
				'closesAt',
				'groupsActions.errors.closesBeforeOpens'
			]
		];
		for (const [extra, field, message] of cases) {
			const r = await refused(
				openGroupMapCall(as(coordinator), { unverifiedId: group.id, values: callValues(actionId, extra) }),
				'validation'
			);
			expect(r.fields[field], field).toEqual([message]);
		}
		const e = await refused(
			createGroupEvent(as(coordinator), {
				unverifiedId: group.id,
				values: {
					action: String(other.actionId),
					kind: 'online',
					title: '<b>x</b>'.repeat(100),
					startsAt: '2027-03-06T13:00',
					endsAt: '2027-03-06T10:00',
					capacity: '-3'
				}
			}),
			'validation'
		);
		expect(Object.keys(e.fields).sort()).toEqual(['action', 'capacity', 'kind', 'title'].sort());
		expect(e.fields.action).toEqual(['groupsActions.errors.actionNotOwn']);
		const late = await refused(
			createGroupEvent(as(coordinator), {
				unverifiedId: group.id,
				values: {
					action: String(actionId),
					kind: 'actionDay',
					title: 'Repaircafé',
					startsAt: '2027-03-06T13:00',
					endsAt: '2027-03-06T10:00'
				}
			}),
			'validation'
		);
		expect(late.fields.endsAt).toEqual(['eventsAdmin.errors.endBeforeStart']);
		const after = await database.db.select({ id: opportunities.id }).from(opportunities);
		expect(after.length).toBe(before.length);
	});
});

describe("the municipality's decision on a group's proposed event", () => {
	/** A group of Geel whose coordinator proposed an event; the role then went to another member. */
	async function proposal(title: string) {
		const s = await scene();
		const picked = await pickMenuItem(as(s.coordinator), {
			unverifiedId: s.group.id,
			unverifiedItemId: s.group.menu[0]
		});
		const made = await createGroupEvent(as(s.coordinator), {
			unverifiedId: s.group.id,
			values: {
				action: String(picked.actionId),
				kind: 'actionDay',
				title,
				description: 'Breng je kapotte spullen mee.',
				startsAt: '2027-04-10T10:00',
				endsAt: '2027-04-10T13:00',
				venueName: 'Parochiezaal',
				address: 'Kerkstraat 1, Geel',
				capacity: '30'
			}
		});
		// The proposer hands the coordinator's role over: both are to hear of the decision.
		await handOverCoordinator(as(s.coordinator), {
			unverifiedId: s.group.id,
			values: { person: s.member.userId }
		});
		await dispatch();
		return { ...s, eventId: made.eventId };
	}

	const proposalNotices = async (userId: string) =>
		(await notificationsOf(userId)).filter((n) => n.type.startsWith('event.group_proposal'));

	const scopeOf = (tenant: Tenant, abilities: string[]) => ({
		municipalityId: tenant.id,
		slug: tenant.slug,
		abilities: new Set(abilities) as AttentionScope['abilities'],
		now: new Date()
	});

	it('publishing tells the coordinator and the proposer once, as their own, by mail; never the staff member', async () => {
		const { group, coordinator, member, other, eventId } = await proposal('Repaircafé in april');
		const [recorded] = await database.db
			.select({ proposedBy: events.proposedByGroupId })
			.from(events)
			.where(eq(events.id, eventId));
		expect(recorded).toEqual({ proposedBy: group.id });
		const before = outbox.length;
		expect(await publishEventsInBulk(as(moderator), { ids: [String(eventId)] })).toEqual({ changed: 1 });
		await dispatch();
		await dispatch();
		// The new coordinator: the calls page; the proposer, no longer coordinator: the event's public page.
		expect(await proposalNotices(member.userId)).toEqual([
			{
				type: 'event.group_proposal_published',
				kind: 'own',
				path: `/geel/groepen/${group.id}/werkruimte/oproepen#activiteiten`
			}
		]);
		const [proposer] = await proposalNotices(coordinator.userId);
		expect(await proposalNotices(coordinator.userId)).toHaveLength(1);
		expect(proposer).toMatchObject({ type: 'event.group_proposal_published', kind: 'own' });
		expect(proposer!.path).toBe(`/geel/activiteiten/${eventId}-repaircafe-in-april`);
		expect(await proposalNotices(other.userId)).toEqual([]);
		expect(await proposalNotices(moderator.userId)).toEqual([]);
		const list = await listMyNotifications(as(member), {});
		expect(list.items.map((i) => i.title)).toContain(
			`De gemeente publiceerde “Repaircafé in april”, de activiteit van ${group.name}`
		);
		const mails = outbox.slice(before).filter((m) => m.text.includes('Repaircafé in april'));
		expect(mails).toHaveLength(2);
		// The workspace shows it published, with its public page.
		const page = await getGroupCalls(as(member), { unverifiedId: group.id });
		expect(page.events.map((e) => [e.id, e.status, e.proposed, Boolean(e.path)])).toEqual([
			[eventId, 'published', true, true]
		]);
	});

	it('cancelling tells them once; a coordinator who is the staff member acting is not told', async () => {
		const { group, coordinator, member, eventId } = await proposal('Plantdag');
		// A staff member of Geel who also coordinates the group cancels it: the one member not told.
		const staff = await buildStaff(database.db, geel, 'moderator', {
			givenName: 'Sofie',
			familyName: 'Beide'
		});
		await buildGroupMember(database.db, geel, group.id, staff.actor.userId, { role: 'coordinator' });
		await cancelEvent(as(staff.actor), {
			confirm: 'on',
			unverifiedEventId: String(eventId),
			origin: 'https://meedoen.test'
		});
		await dispatch();
		for (const who of [coordinator, member])
			expect((await proposalNotices(who.userId)).map((n) => [n.type, n.kind])).toEqual([
				['event.group_proposal_cancelled', 'own']
			]);
		expect(await proposalNotices(staff.actor.userId)).toEqual([]);
		const page = await getGroupCalls(as(member), { unverifiedId: group.id });
		expect(page.events.map((e) => e.status)).toEqual(['cancelled']);
	});

	it("another municipality's staff cannot publish or cancel it", async () => {
		const { coordinator, eventId } = await proposal('Fietsbibliotheek open');
		await expect(
			refused(publishEventsInBulk(as(molModerator, mol), { ids: [String(eventId)] }), 'validation')
		).resolves.toMatchObject({ message: 'eventsAdmin.bulk.nothingSelected' });
		await refusal(
			cancelEvent(as(molModerator, mol), {
				confirm: 'on',
				unverifiedEventId: String(eventId),
				origin: 'https://meedoen.test'
			}),
			'not_found'
		);
		await dispatch();
		const [row] = await database.db
			.select({ status: events.status })
			.from(events)
			.where(eq(events.id, eventId));
		expect(row).toEqual({ status: 'draft' });
		expect(await proposalNotices(coordinator.userId)).toEqual([]);
	});

	it("the back office's home counts the proposals waiting, since when, and links to the list filtered on them", async () => {
		const wait = async () => eventsAttention.items(database.db, scopeOf(geel, ['workingGroups.prepare']));
		const start = (await wait()).find((i) => i.id === 'events.groupProposals')?.count ?? 0;
		const { eventId } = await proposal('Zaaidag');
		const [item] = await wait();
		expect(item).toMatchObject({
			id: 'events.groupProposals',
			label: 'eventsAdmin.attention.groupProposals',
			count: start + 1,
			href: '/geel/beheer/activiteiten?status=draft&herkomst=group'
		});
		expect(Date.parse(item!.since!)).toBeLessThanOrEqual(Date.now());
		// Not for staff who do not manage events, nor for another municipality.
		expect(await eventsAttention.items(database.db, scopeOf(geel, ['backoffice.view']))).toEqual([]);
		expect(await eventsAttention.items(database.db, scopeOf(mol, ['workingGroups.prepare']))).toEqual([]);
		// The list's filter: the groups' proposals only, not staff's own drafts.
		const listed = await listEventsForBackoffice(as(moderator), { origin: 'group', status: 'draft' });
		expect(listed.items.map((i) => i.id)).toContain(eventId);
		expect(listed.items.every((i) => i.proposedBy !== null)).toBe(true);
		await publishEventsInBulk(as(moderator), { ids: [String(eventId)] });
		expect((await wait())[0]?.count ?? 0).toBe(start);
	});
});

// Colleagues of other departments on a real database (PGlite, and PostgreSQL with TEST_DB=postgres), with the
// real dispatcher running the notifications feature's handlers: the admin grants the colleague's role with its
// department (audited); the colleague reads the back office but moderates and manages nothing; follows and
// unfollows actions and themes (one at a time or many, never another municipality's); and hears, by mail and in
// the list, an action's updates and decisions and its events' publication, changes, reports, briefing and
// logistics — exactly once, never as the actor, never after unfollowing or losing the role, never when the change
// rolled back, never from another municipality, not when they turned the kind off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs, silentLog } from '$lib/server/testing/context';
import {
	actorOf,
	buildAction,
	buildEvent,
	buildParticipatingMunicipality,
	buildStaff,
	buildTheme,
	buildUser
} from '$lib/server/testing/factories';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { loadConfig } from '$lib/server/platform/config';
import { createEventDispatcher, type EventDispatcher } from '$lib/server/platform/events.dispatcher';
import { writeDomainEvent } from '$lib/server/platform/events';
import { follow } from '$lib/server/platform/subscriptions';
import type { MailMessage } from '$lib/server/platform/mail';
import type { Tenant } from '$lib/server/platform/context';
import { isAppError } from '$lib/server/platform/errors';
import {
	actionThemes,
	memberships,
	notifications,
	subscriptions,
	themes,
	users
} from '$lib/server/db/schema';
import { notificationHandlers } from '$lib/server/features/notifications/notifications.handlers';
import { setMailPreference } from '$lib/server/features/notifications/notifications.service';
import { changeStaffRoles, inviteStaff, listStaffMembers } from '$lib/server/features/staff/staff.service';
import { writeUpdate } from '$lib/server/features/actions/actions.updates.service';
import { addChecklistItem, sendBriefing } from '$lib/server/features/events/events.logistics.service';
import { getModerationQueue } from '$lib/server/features/suggestions/suggestions.moderation.service';
import { listActionsForBackoffice } from '$lib/server/features/actions/actions.admin.service';
import { exportColleagueData } from './colleagues.personal-data';
import { changeColleagueFollows, getColleaguePage } from './colleagues.service';
import { outboxQueue } from '$lib/server/testing/outbox';

let database: TestDatabase;
let dispatcher: EventDispatcher;
let geel: Tenant;
let mol: Tenant;
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
	dispatcher = createEventDispatcher(database, silentLog, {
		handlers: notificationHandlers,
		context: {
			config,
			log: silentLog,
			...outboxQueue(outbox)
		}
	});
});
afterAll(() => database?.destroy());

async function dispatch() {
	while ((await dispatcher.runOnce()) > 0);
}

async function notificationsOf(userId: string) {
	return database.db
		.select({
			type: notifications.type,
			kind: notifications.kind,
			mailState: notifications.mailState,
			path: notifications.path,
			params: notifications.params,
			eventId: notifications.eventId
		})
		.from(notifications)
		.where(eq(notifications.userId, userId))
		.orderBy(notifications.id);
}

const mailsTo = (address: string | null) => outbox.filter((m) => m.to === address);

/** A colleague of the green service with the role in the municipality, as an actor. */
async function buildColleague(tenant: Tenant, department = 'Groendienst') {
	const user = await buildUser(database.db);
	await database.db
		.insert(memberships)
		.values({ municipalityId: tenant.id, userId: user.id, role: 'colleague', department });
	return { user, actor: await actorOf(database.db, user) };
}

async function themeOf(tenant: Tenant, defaultKey: string) {
	const [row] = await database.db
		.select({ id: themes.id })
		.from(themes)
		.where(and(eq(themes.municipalityId, tenant.id), eq(themes.defaultKey, defaultKey)));
	return row!.id;
}

describe('the colleague role', () => {
	it('is granted by the admin with a department, audited; refused without one or with one too long', async () => {
		const db = database.db;
		const admin = await buildStaff(db, geel, 'admin');
		const ctx = ctxAs(db, geel, admin.actor, []);
		const person = await buildUser(db, { givenName: 'Hilde', familyName: 'Verachtert' });
		const missing = await refusal(
			inviteStaff(ctx, { email: person.email!, role: 'colleague', department: '  ', origin: 'https://t' }),
			'validation'
		);
		expect(isAppError(missing) && missing.options.fields).toEqual({
			department: ['backoffice.staff.departmentRequired']
		});
		const tooLong = await refusal(
			inviteStaff(ctx, {
				email: person.email!,
				role: 'colleague',
				department: 'x'.repeat(81),
				origin: 'https://t'
			}),
			'validation'
		);
		expect(isAppError(tooLong) && tooLong.options.fields).toEqual({
			department: ['backoffice.staff.departmentTooLong']
		});

		await inviteStaff(ctx, {
			email: person.email!,
			role: 'colleague',
			department: ' Groendienst ',
			origin: 'https://t'
		});
		const [row] = await db
			.select({ role: memberships.role, department: memberships.department })
			.from(memberships)
			.where(and(eq(memberships.municipalityId, geel.id), eq(memberships.userId, person.id)));
		expect(row).toEqual({ role: 'colleague', department: 'Groendienst' });
		const audit = (await auditOf(db, geel.id)).filter((a) => a.subjectId === person.id);
		expect(audit.map((a) => [a.action, a.details])).toEqual([
			['staff.role_granted', { role: 'colleague', department: 'Groendienst' }]
		]);
		// The staff list says which department.
		const list = await listStaffMembers(ctx, { q: 'Verachtert' });
		expect(list.members[0]).toMatchObject({ department: 'Groendienst' });

		// Another role carries no department, whatever was typed.
		const other = await buildUser(db);
		await inviteStaff(ctx, {
			email: other.email!,
			role: 'moderator',
			department: 'Groendienst',
			origin: 'x'
		});
		const [moderator] = await db
			.select({ department: memberships.department })
			.from(memberships)
			.where(eq(memberships.userId, other.id));
		expect(moderator).toEqual({ department: null });

		// The department moves with the member page, audited.
		await changeStaffRoles(ctx, {
			unverifiedUserId: person.id,
			roles: ['colleague'],
			department: 'Mobiliteit'
		});
		const [moved] = await db
			.select({ department: memberships.department })
			.from(memberships)
			.where(eq(memberships.userId, person.id));
		expect(moved).toEqual({ department: 'Mobiliteit' });
		const last = (await auditOf(db, geel.id)).at(-1)!;
		expect([last.action, last.details]).toEqual([
			'staff.roles_changed',
			{ added: [], removed: [], department: 'Mobiliteit' }
		]);
	});

	it('reads the back office and follows, but moderates, manages and sees no staff of anyone', async () => {
		const db = database.db;
		const { actor } = await buildColleague(geel);
		const ctx = ctxAs(db, geel, actor);
		await expect(getColleaguePage(ctx, {})).resolves.toMatchObject({ items: expect.any(Array) });
		await expect(listActionsForBackoffice(ctx, {})).resolves.toBeTruthy();
		await refusal(getModerationQueue(ctx, {}), 'forbidden');
		await refusal(listStaffMembers(ctx, {}), 'forbidden');
		await refusal(addChecklistItem(ctx, { unverifiedEventId: '1', text: 'x' }), 'forbidden');
		// Nothing at all in Mol.
		await refusal(getColleaguePage(ctxAs(db, mol, actor), {}), 'forbidden');
		await refusal(
			changeColleagueFollows(ctxAs(db, mol, actor), { subjects: ['a1'], following: true }),
			'forbidden'
		);
	});
});

describe('following as a colleague', () => {
	it('lists the actions and themes with search and filters, follows one or many, and never another municipality’s', async () => {
		const db = database.db;
		const { user, actor } = await buildColleague(geel);
		const ctx = ctxAs(db, geel, actor);
		const action = await buildAction(db, geel, { title: 'Bomen langs de Pas' });
		const draft = await buildAction(db, geel, { title: 'Bomen in het park', publish: false });
		const ofMol = await buildAction(db, mol, { title: 'Bomen in Mol' });
		const water = await themeOf(geel, 'water');
		const molTheme = await themeOf(mol, 'water');

		const found = await getColleaguePage(ctx, { q: 'bomen' });
		expect(found.items.map((i) => i.title)).toEqual(['Bomen in het park', 'Bomen langs de Pas']);
		expect(found.items.every((i) => !i.followed)).toBe(true);

		expect(
			await changeColleagueFollows(ctx, {
				subjects: [`a${action.id}`, `a${draft.id}`, `t${water}`],
				following: true
			})
		).toEqual({ changed: 3 });
		// Following again changes nothing.
		expect(await changeColleagueFollows(ctx, { subjects: [`a${action.id}`], following: true })).toEqual({
			changed: 0
		});
		const followed = await getColleaguePage(ctx, { state: 'ja' });
		expect(followed.items.map((i) => i.key).sort()).toEqual(
			[`a${action.id}`, `a${draft.id}`, `t${water}`].sort()
		);
		expect((await getColleaguePage(ctx, { kind: 'thema', state: 'ja' })).items.map((i) => i.key)).toEqual([
			`t${water}`
		]);

		// Another municipality's action or theme is not found, and nothing of the request is written.
		for (const subjects of [[`a${ofMol.id}`], [`t${molTheme}`], [`a${action.id}`, `a${ofMol.id}`]])
			await refusal(changeColleagueFollows(ctx, { subjects, following: true }), 'not_found');
		// Malformed and hostile keys are refused beside the list, nothing selected too.
		for (const subjects of [['x1'], ['a-1'], ["a1' OR 1=1"], ['t' + 'f'.repeat(5000)]])
			await refusal(changeColleagueFollows(ctx, { subjects, following: true }), 'validation');
		await refusal(changeColleagueFollows(ctx, { subjects: [], following: true }), 'validation');
		await refusal(
			changeColleagueFollows(ctx, {
				subjects: Array.from({ length: 201 }, (_, i) => `a${i + 1}`),
				following: true
			}),
			'validation'
		);

		const rows = await db
			.select({
				kind: subscriptions.subjectKind,
				id: subscriptions.subjectId,
				capacity: subscriptions.capacity
			})
			.from(subscriptions)
			.where(eq(subscriptions.userId, user.id));
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.capacity === 'colleague')).toBe(true);

		// The export lists them with their titles.
		const exported = await exportColleagueData(db, { userId: user.id, addresses: [], displayName: 'x' });
		expect(exported.colleagueFollows.map((f) => f.title).sort()).toEqual(
			['Bomen in het park', 'Bomen langs de Pas', 'Water en klimaatadaptatie'].sort()
		);

		expect(
			await changeColleagueFollows(ctx, { subjects: [`a${draft.id}`, `t${water}`], following: false })
		).toEqual({ changed: 2 });
		expect((await getColleaguePage(ctx, { state: 'ja' })).items.map((i) => i.key)).toEqual([`a${action.id}`]);
	});
});

describe('what a colleague hears', () => {
	async function scene() {
		const db = database.db;
		const action = await buildAction(db, geel, {
			title: `Ontharden ${Math.random().toString(36).slice(2, 6)}`
		});
		// A theme of this scene's own, so the other scenes' colleagues are not in its audience.
		const { id: water } = await buildTheme(db, geel, { name: `Water ${action.id}` });
		await db.insert(actionThemes).values({ municipalityId: geel.id, actionId: action.id, themeId: water });
		const event = await buildEvent(db, geel, { actionId: action.id, kind: 'actionDay', title: 'Plantdag' });
		const ofAction = await buildColleague(geel);
		const ofTheme = await buildColleague(geel, 'Mobiliteit');
		const both = await buildColleague(geel);
		const bystander = await buildColleague(geel);
		const ofMol = await buildColleague(mol);
		const manager = await buildStaff(db, geel, 'moderator');
		const citizen = await buildUser(db);
		const follows = [
			[ofAction.actor, `a${action.id}`],
			[ofTheme.actor, `t${water}`],
			[both.actor, `a${action.id}`],
			[both.actor, `t${water}`],
			// The manager who makes the changes follows too: as the actor they never hear of their own.
			[manager.actor, `a${action.id}`]
		] as const;
		for (const [actor, key] of follows)
			await changeColleagueFollows(ctxAs(db, geel, actor), { subjects: [key], following: true });
		// Mol's colleague cannot follow Geel's action; a follow forged in the database gives them nothing either,
		// since the audience holds only staff of Geel.
		await db.insert(subscriptions).values({
			municipalityId: geel.id,
			userId: ofMol.user.id,
			subjectKind: 'action',
			subjectId: String(action.id),
			capacity: 'colleague'
		});
		// A citizen follows the action publicly: they hear of updates, as a participant, not of logistics.
		await follow(db, {
			municipalityId: geel.id,
			userId: citizen.id,
			subject: { kind: 'action', id: action.id }
		});
		const managerCtx = ctxAs(db, geel, manager.actor, []);
		await dispatch();
		outbox.length = 0;
		return { action, water, event, ofAction, ofTheme, both, bystander, ofMol, manager, citizen, managerCtx };
	}

	it('an update of a followed action: its colleagues by mail at once, the public followers as participants, never the author', async () => {
		const s = await scene();
		await writeUpdate(s.managerCtx, {
			unverifiedActionId: String(s.action.id),
			title: 'De eerste tegels zijn eruit',
			publish: 'on'
		});
		await dispatch();
		await dispatch();
		for (const c of [s.ofAction, s.ofTheme, s.both]) {
			expect(await notificationsOf(c.user.id)).toEqual([
				expect.objectContaining({ type: 'action.update_published', kind: 'colleague', mailState: 'mailed' })
			]);
			expect(mailsTo(c.user.email)).toHaveLength(1);
		}
		expect(await notificationsOf(s.citizen.id)).toEqual([
			expect.objectContaining({ type: 'action.update_published', kind: 'following' })
		]);
		for (const nobody of [s.manager, s.bystander, s.ofMol]) {
			expect(await notificationsOf(nobody.user.id)).toEqual([]);
			expect(mailsTo(nobody.user.email)).toEqual([]);
		}
		const [mail] = mailsTo(s.ofAction.user.email);
		expect(mail!.subject).toBe(`Nieuws bij “${s.action.title}”: De eerste tegels zijn eruit`);
		const [notification] = await notificationsOf(s.ofAction.user.id);
		expect(mail!.reference).toBe(`notification:${notification!.eventId}:${s.ofAction.user.id}`);
		// Staff mail: a link to stop following, the preferences, and the kind's one-click off switch.
		expect(mail!.text).toContain('https://meedoen.test/geel/beheer/collega');
		expect(mail!.text).toContain('https://meedoen.test/profiel/meldingen');
		expect(mail!.headers?.['List-Unsubscribe']).toMatch(/^<https:\/\/meedoen\.test\/uitschrijven\//);
	});

	it('the logistics of an event of the action (a checklist change, the briefing), its decisions, publication, change, cancellation and report', async () => {
		const s = await scene();
		await addChecklistItem(s.managerCtx, {
			unverifiedEventId: String(s.event.id),
			text: 'Container voor de tegels',
			department: 'Groendienst',
			email: 'groendienst@geel.example'
		});
		await sendBriefing(s.managerCtx, {
			unverifiedEventId: String(s.event.id),
			origin: 'https://meedoen.test'
		});
		const who = { municipalityId: geel.id, actorId: s.manager.user.id };
		await database.db.transaction(async (tx) => {
			await writeDomainEvent(tx, {
				...who,
				type: 'action.updated',
				subjectId: s.action.id,
				payload: { fields: ['decided'] }
			});
			// A title alone is no decision: nobody hears of it.
			await writeDomainEvent(tx, {
				...who,
				type: 'action.updated',
				subjectId: s.action.id,
				payload: { fields: ['title'] }
			});
			await writeDomainEvent(tx, {
				...who,
				type: 'event.updated',
				subjectId: s.event.id,
				payload: { fields: ['startsAt'], sequence: 2 }
			});
			await writeDomainEvent(tx, {
				...who,
				type: 'event.report_published',
				subjectId: s.event.id,
				payload: { chosen: [], attendance: 12 }
			});
			await writeDomainEvent(tx, {
				...who,
				type: 'event.cancelled',
				subjectId: s.event.id,
				payload: { sequence: 3, confirmed: 0, waitlisted: 0, pending: 0 }
			});
		});
		await dispatch();
		await dispatch();
		const expected = [
			'event.logistics_changed',
			'event.briefing_sent',
			'action.updated',
			'event.updated',
			'event.report_published',
			'event.cancelled'
		];
		for (const c of [s.ofAction, s.ofTheme, s.both]) {
			const heard = await notificationsOf(c.user.id);
			// In order per subject (the action's and the event's are handled side by side).
			expect(heard.map((n) => n.type).sort()).toEqual([...expected].sort());
			expect(heard.every((n) => n.kind === 'colleague' && n.mailState === 'mailed')).toBe(true);
			expect(mailsTo(c.user.email)).toHaveLength(expected.length);
		}
		const subjects = mailsTo(s.ofTheme.user.email).map((m) => m.subject);
		expect(subjects.sort()).toEqual(
			[
				'Logistiek van “Plantdag”: nieuw op de lijst: Container voor de tegels',
				'De briefing van “Plantdag” is verstuurd',
				`Nieuwe beslissing bij de actie “${s.action.title}”`,
				'De activiteit “Plantdag” is gewijzigd',
				'Het verslag van “Plantdag” staat online',
				'De activiteit “Plantdag” gaat niet door'
			].sort()
		);
		// The decision links to the action in the back office, which a colleague may read.
		const decision = (await notificationsOf(s.ofAction.user.id)).find((n) => n.type === 'action.updated');
		expect(decision!.path).toBe(`/geel/beheer/acties/${s.action.id}`);
		for (const nobody of [s.manager, s.bystander, s.ofMol])
			expect(await notificationsOf(nobody.user.id)).toEqual([]);
		// The citizen who follows the action publicly hears none of the logistics.
		expect(await notificationsOf(s.citizen.id)).toEqual([]);
	});

	it('exactly once however often the dispatcher passes; nothing after unfollowing, losing the role, turning it off, a rollback or deleting the account', async () => {
		const s = await scene();
		const db = database.db;
		const send = async (text: string) => {
			await addChecklistItem(s.managerCtx, { unverifiedEventId: String(s.event.id), text });
			await dispatch();
			await dispatch();
		};
		await send('Gereedschap');
		expect(await notificationsOf(s.ofAction.user.id)).toHaveLength(1);

		// Unfollowing stops it (the one who follows the theme as well still hears, through the theme).
		await changeColleagueFollows(ctxAs(db, geel, s.ofAction.actor), {
			subjects: [`a${s.action.id}`],
			following: false
		});
		await changeColleagueFollows(ctxAs(db, geel, s.both.actor), {
			subjects: [`a${s.action.id}`],
			following: false
		});
		// Losing the role stops it, though the follow stays.
		await db.delete(memberships).where(eq(memberships.userId, s.ofTheme.user.id));
		// Mails turned off: still in the list, not mailed.
		await setMailPreference(db, { userId: s.bystander.user.id, kind: 'colleague', frequency: 'never' });
		await changeColleagueFollows(ctxAs(db, geel, s.bystander.actor), {
			subjects: [`t${s.water}`],
			following: true
		});
		outbox.length = 0;
		await send('Eerste hulp');
		expect(await notificationsOf(s.ofAction.user.id)).toHaveLength(1);
		expect(await notificationsOf(s.ofTheme.user.id)).toHaveLength(1);
		expect((await notificationsOf(s.both.user.id)).map((n) => n.params.detail)).toEqual([
			'Gereedschap',
			'Eerste hulp'
		]);
		expect(await notificationsOf(s.bystander.user.id)).toEqual([
			expect.objectContaining({ kind: 'colleague', mailState: 'none' })
		]);
		expect(outbox.map((m) => m.to)).toEqual([s.both.user.email]);

		// A change that rolled back wrote no domain event: nobody hears of it.
		await expect(
			db.transaction(async (tx) => {
				await writeDomainEvent(tx, {
					municipalityId: geel.id,
					type: 'event.briefing_sent',
					subjectId: s.event.id,
					actorId: s.manager.user.id,
					payload: { recipients: 1 }
				});
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		await dispatch();
		expect(await notificationsOf(s.both.user.id)).toHaveLength(2);

		// A deleted account hears nothing.
		await db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, s.both.user.id));
		await send('Water');
		expect(await notificationsOf(s.both.user.id)).toHaveLength(2);
	});

	it('a colleague of Mol following Mol’s actions hears nothing of Geel, and Geel’s nothing of Mol', async () => {
		const db = database.db;
		const molAction = await buildAction(db, mol, { title: 'Fietsstraat in Mol' });
		const ofMol = await buildColleague(mol);
		const ofGeel = await buildColleague(geel);
		await changeColleagueFollows(ctxAs(db, mol, ofMol.actor), {
			subjects: [`a${molAction.id}`],
			following: true
		});
		// Geel's colleague tries the same action from Geel's back office: not found.
		await refusal(
			changeColleagueFollows(ctxAs(db, geel, ofGeel.actor), {
				subjects: [`a${molAction.id}`],
				following: true
			}),
			'not_found'
		);
		const molManager = await buildStaff(db, mol, 'communication');
		await writeUpdate(ctxAs(db, mol, molManager.actor), {
			unverifiedActionId: String(molAction.id),
			title: 'Nieuws uit Mol',
			publish: 'on'
		});
		await dispatch();
		expect((await notificationsOf(ofMol.user.id)).map((n) => n.type)).toEqual(['action.update_published']);
		expect(await notificationsOf(ofGeel.user.id)).toEqual([]);
	});
});

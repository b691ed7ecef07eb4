// Tasks that tell their owner, on a started platform whose mail a real SMTP server catches: a task made of a lunch
// talk's agreement tells Hilde in the app and by mail; past its due date unfinished she is told once more, once
// whatever the job's runs, and a task marked done in time tells nothing. A task handed over tells its new owner
// (one mail, none to the former one), and the overdue notice then goes to them; only to staff here who read the
// plan: a citizen or staff of another municipality is refused beside the field, and an owner whose staff role was
// taken away hears nothing more, until the role is back (the task was not marked as noticed meanwhile).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import { buildParticipatingMunicipality, buildStaff } from '$lib/server/testing/factories';
import { auditLog, climatePlanTasks, memberships, notifications } from '$lib/server/db/schema';
import { AppError } from '$lib/server/platform/errors';
import { buildUser } from '$lib/server/testing/factories';
import { addPlanDepartment } from './climate-plan.service';
import {
	addAgreement,
	agreementToTask,
	changeTaskStatus,
	getTaskHandover,
	handOverTask,
	recordMeeting
} from './climate-plan.meetings';
import { noticeOverdueTasks } from './climate-plan.tasks';
import { writeDomainEvent } from '$lib/server/platform/events';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;
let officer: Actor;
let hilde: Actor;
const HILDE = 'hilde.taken@geel.test';

const as = (actor: Actor) => withTenant(requestCtx(app, 'plan-tasks', { actor }), geel);

beforeAll(async () => {
	running = await startMailApp('climate-plan-tasks', { ORIGIN: 'https://meedoen.test' });
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	officer = (await buildStaff(database.db, geel, 'moderator', { givenName: 'Bart', familyName: 'Claes' }))
		.actor;
	hilde = (
		await buildStaff(database.db, geel, 'colleague', {
			givenName: 'Hilde',
			familyName: 'Verachtert',
			email: HILDE
		})
	).actor;
});

afterAll(() => running?.stop());

async function taskFor(title: string, dueOn: string, owner: Actor = hilde) {
	const green = (await addPlanDepartment(as(officer), { name: 'Groendienst' })).id;
	const meeting = await recordMeeting(as(officer), {
		kind: 'lunch_talk',
		heldOn: '12/03/2026',
		department: String(green),
		team: '',
		notes: '',
		participants: [officer.userId, owner.userId],
		representatives: []
	});
	const agreement = await addAgreement(as(officer), { unverifiedId: meeting.id, text: title });
	return agreementToTask(as(officer), {
		unverifiedMeetingId: meeting.id,
		unverifiedId: agreement.id,
		title,
		owner: owner.userId,
		dueOn
	});
}

const mailsTo = (address: string, text: string) =>
	smtp.messages.filter((m) => m.to.includes(address) && m.decoded.includes(text));

describe('tasks that tell their owner', () => {
	it('tells the owner of a new task in the app and by mail, and once when it passed its due date', async () => {
		const task = await taskFor('Lijst van bermen doorsturen', '2099-03-31');
		app.events.nudge();
		const assigned = await smtp.waitFor(
			(m) => m.to.includes(HILDE) && m.decoded.includes('Je hebt een taak van het klimaatplan'),
			20_000
		);
		expect(assigned.decoded).toContain('Lijst van bermen doorsturen');
		expect(assigned.decoded).toContain('https://meedoen.test/geel/beheer/klimaatplan/taken');
		const inApp = await database.db
			.select({ type: notifications.type })
			.from(notifications)
			.where(eq(notifications.userId, hilde.userId));
		expect(inApp.map((n) => n.type)).toContain('climate_plan.task_assigned');

		// A second task, done in time: nothing when its date passes.
		const done = await taskFor('Bermbeheerplan nalezen', '2099-03-31');
		await changeTaskStatus(as(hilde), { unverifiedId: done.id, status: 'done' });

		// Before its date nothing; after it, once, whatever the runs (due far ahead, so the platform's own hourly
		// run, with today's date, leaves them be).
		expect(
			await noticeOverdueTasks({ db: database.db, log: app.log }, { now: new Date('2099-03-31T20:00:00Z') })
		).toBe(0);
		expect(
			await noticeOverdueTasks({ db: database.db, log: app.log }, { now: new Date('2099-04-01T06:00:00Z') })
		).toBe(1);
		expect(
			await noticeOverdueTasks({ db: database.db, log: app.log }, { now: new Date('2099-04-02T06:00:00Z') })
		).toBe(0);
		const [row] = await database.db
			.select({ noticed: climatePlanTasks.overdueNoticedAt })
			.from(climatePlanTasks)
			.where(and(eq(climatePlanTasks.municipalityId, geel.id), eq(climatePlanTasks.id, task.id)));
		expect(row?.noticed).toBeInstanceOf(Date);
		app.events.nudge();
		const overdue = await smtp.waitFor(
			(m) => m.to.includes(HILDE) && m.decoded.includes('moest klaar zijn op'),
			20_000
		);
		expect(overdue.decoded).toContain('Lijst van bermen doorsturen');
		// Give a second mail the time to arrive, were there one.
		app.events.nudge();
		await new Promise((r) => setTimeout(r, 2_000));
		expect(mailsTo(HILDE, 'moest klaar zijn op')).toHaveLength(1);
		expect(mailsTo(HILDE, 'Bermbeheerplan nalezen').filter((m) => m.decoded.includes('moest klaar'))).toEqual(
			[]
		);
		expect(mailsTo(HILDE, 'Je hebt een taak van het klimaatplan')).toHaveLength(2);
	}, 60_000);
});

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => {
			throw new Error('not refused');
		},
		(err: unknown) => {
			if (!(err instanceof AppError)) throw err;
			return err;
		}
	);

const ownerOf = async (id: number) =>
	(
		await database.db
			.select({ ownerId: climatePlanTasks.ownerId })
			.from(climatePlanTasks)
			.where(and(eq(climatePlanTasks.municipalityId, geel.id), eq(climatePlanTasks.id, id)))
	)[0]?.ownerId;

describe('handing a task over', () => {
	it('gives the task to a colleague here: one mail to them, none to the former owner; overdue goes to them', async () => {
		const JAN = 'jan.overdracht@geel.test';
		const jan = (
			await buildStaff(database.db, geel, 'colleague', {
				givenName: 'Jan',
				familyName: 'Peeters',
				email: JAN
			})
		).actor;
		const title = 'Offerte zonnepanelen sporthal opvragen';
		const task = await taskFor(title, '2098-05-31');
		app.events.nudge();
		await smtp.waitFor((m) => m.to.includes(HILDE) && m.decoded.includes(title), 20_000);

		// Hilde, the owner, hands it to Jan; the form offers the staff who read the plan, not her.
		const form = await getTaskHandover(as(hilde), { unverifiedId: task.id });
		expect(form.people.map((p) => p.id)).toContain(jan.userId);
		expect(form.people.map((p) => p.id)).not.toContain(hilde.userId);
		await handOverTask(as(hilde), { unverifiedId: task.id, owner: jan.userId });
		expect(await ownerOf(task.id)).toBe(jan.userId);

		const [audit] = await database.db
			.select({ details: auditLog.details, actorId: auditLog.actorId })
			.from(auditLog)
			.where(and(eq(auditLog.municipalityId, geel.id), eq(auditLog.action, 'climate_plan.task_handed_over')));
		expect(audit).toMatchObject({
			actorId: hilde.userId,
			details: { taskId: task.id, from: hilde.userId, to: jan.userId }
		});

		app.events.nudge();
		const told = await smtp.waitFor(
			(m) => m.to.includes(JAN) && m.decoded.includes('Je hebt een taak van het klimaatplan'),
			20_000
		);
		expect(told.decoded).toContain(title);
		const inApp = await database.db
			.select({ type: notifications.type })
			.from(notifications)
			.where(eq(notifications.userId, jan.userId));
		expect(inApp.map((n) => n.type)).toEqual(['climate_plan.task_assigned']);

		// Past its due date the notice goes to Jan, once; Hilde hears nothing more of it.
		expect(
			await noticeOverdueTasks({ db: database.db, log: app.log }, { now: new Date('2098-06-01T06:00:00Z') })
		).toBe(1);
		app.events.nudge();
		await smtp.waitFor((m) => m.to.includes(JAN) && m.decoded.includes('moest klaar zijn op'), 20_000);
		app.events.nudge();
		await new Promise((r) => setTimeout(r, 2_000));
		expect(mailsTo(JAN, title)).toHaveLength(2);
		expect(mailsTo(JAN, 'moest klaar zijn op')).toHaveLength(1);
		expect(mailsTo(HILDE, title)).toHaveLength(1);
	}, 60_000);

	it('refuses a citizen, staff of another municipality, the owner themselves and anyone who may not change it', async () => {
		const title = 'Groendak bibliotheek laten onderzoeken';
		const task = await taskFor(title, '2099-12-30');
		const citizen = await buildUser(database.db);
		const mol = await buildParticipatingMunicipality(database.db, 'mol');
		const molStaff = (await buildStaff(database.db, mol, 'moderator')).actor;
		const other = (await buildStaff(database.db, geel, 'colleague')).actor;
		const cases: [string, string][] = [
			[citizen.id, 'climatePlan.teams.errors.notStaff'],
			[molStaff.userId, 'climatePlan.teams.errors.notStaff'],
			[hilde.userId, 'climatePlan.teams.errors.sameOwner'],
			['', 'climatePlan.teams.errors.ownerRequired'],
			['niet-een-persoon', 'climatePlan.teams.errors.owner']
		];
		for (const [owner, message] of cases) {
			const err = await refusal(handOverTask(as(officer), { unverifiedId: task.id, owner }));
			expect(err.code, owner).toBe('validation');
			expect(err.options.fields?.owner, owner).toEqual([message]);
		}
		// A colleague who is not the owner may not give it away; Mol's staff do not find it.
		expect(
			(await refusal(handOverTask(as(other), { unverifiedId: task.id, owner: other.userId }))).code
		).toBe('forbidden');
		const inMol = withTenant(requestCtx(app, 'plan-tasks', { actor: molStaff }), mol);
		expect((await refusal(handOverTask(inMol, { unverifiedId: task.id, owner: molStaff.userId }))).code).toBe(
			'not_found'
		);
		// A task that is done is not handed over.
		const done = await taskFor('Fietsenstalling tellen', '2099-12-30');
		await changeTaskStatus(as(hilde), { unverifiedId: done.id, status: 'done' });
		expect(
			(await refusal(handOverTask(as(officer), { unverifiedId: done.id, owner: other.userId }))).code
		).toBe('conflict');
		expect(await ownerOf(task.id)).toBe(hilde.userId);
		expect(await ownerOf(done.id)).toBe(hilde.userId);
	}, 60_000);

	it('tells an owner whose staff role was taken away nothing more, and the overdue notice once it is back', async () => {
		const PIET = 'piet.weg@geel.test';
		const piet = await buildStaff(database.db, geel, 'colleague', {
			givenName: 'Piet',
			familyName: 'Mertens',
			email: PIET
		});
		const title = 'Laadpalen gemeentelijk wagenpark plannen';
		await taskFor(title, '2098-11-30', piet.actor);
		app.events.nudge();
		await smtp.waitFor((m) => m.to.includes(PIET) && m.decoded.includes(title), 20_000);
		await database.db.delete(memberships).where(eq(memberships.id, piet.membershipId));

		const overdueRun = { now: new Date('2098-12-01T06:00:00Z') };
		expect(await noticeOverdueTasks({ db: database.db, log: app.log }, overdueRun)).toBe(0);
		app.events.nudge();
		await new Promise((r) => setTimeout(r, 3_000));
		expect(mailsTo(PIET, 'moest klaar zijn op')).toEqual([]);
		const inAppOf = async () =>
			(
				await database.db
					.select({ type: notifications.type })
					.from(notifications)
					.where(eq(notifications.userId, piet.user.id))
					.orderBy(notifications.id)
			).map((n) => n.type);
		expect(await inAppOf()).toEqual(['climate_plan.task_assigned']);
		// Not told, so not marked: with the role back, the next run tells Piet, once.
		const [task] = await database.db
			.select({ noticed: climatePlanTasks.overdueNoticedAt })
			.from(climatePlanTasks)
			.where(eq(climatePlanTasks.title, title));
		expect(task?.noticed).toBeNull();
		// A run that marked the task just before the role went (its event handled after): the notice is not sent,
		// and the task is unmarked again.
		const [marked] = await database.db
			.update(climatePlanTasks)
			.set({ overdueNoticedAt: overdueRun.now })
			.where(eq(climatePlanTasks.title, title))
			.returning({ id: climatePlanTasks.id, dueOn: climatePlanTasks.dueOn });
		await writeDomainEvent(database.db, {
			type: 'climate_plan.task_overdue',
			subjectKind: 'climate_plan_task',
			municipalityId: geel.id,
			subjectId: marked!.id,
			payload: { ownerId: piet.user.id, title, dueOn: marked!.dueOn }
		});
		await app.events.runOnce();
		const [released] = await database.db
			.select({ noticed: climatePlanTasks.overdueNoticedAt })
			.from(climatePlanTasks)
			.where(eq(climatePlanTasks.id, marked!.id));
		expect(released?.noticed).toBeNull();
		expect(await inAppOf()).toEqual(['climate_plan.task_assigned']);
		await database.db
			.insert(memberships)
			.values({ municipalityId: geel.id, userId: piet.user.id, role: 'colleague' });
		expect(await noticeOverdueTasks({ db: database.db, log: app.log }, overdueRun)).toBe(1);
		expect(await noticeOverdueTasks({ db: database.db, log: app.log }, overdueRun)).toBe(0);
		app.events.nudge();
		await smtp.waitFor((m) => m.to.includes(PIET) && m.decoded.includes('moest klaar zijn op'), 20_000);
		await new Promise((r) => setTimeout(r, 1_500));
		expect(mailsTo(PIET, 'moest klaar zijn op')).toHaveLength(1);
		expect(await inAppOf()).toEqual(['climate_plan.task_assigned', 'climate_plan.task_overdue']);
	}, 60_000);
});

// Tasks that tell their owner, on a started platform whose mail a real SMTP server catches: a task made of a lunch
// talk's agreement tells Hilde in the app and by mail; past its due date unfinished she is told once more, once
// whatever the job's runs, and a task marked done in time tells nothing.
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
import { climatePlanTasks, notifications } from '$lib/server/db/schema';
import { addPlanDepartment } from './climate-plan.service';
import { addAgreement, agreementToTask, changeTaskStatus, recordMeeting } from './climate-plan.meetings';
import { noticeOverdueTasks } from './climate-plan.tasks';

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

async function taskFor(title: string, dueOn: string) {
	const green = (await addPlanDepartment(as(officer), { name: 'Groendienst' })).id;
	const meeting = await recordMeeting(as(officer), {
		kind: 'lunch_talk',
		heldOn: '12/03/2026',
		department: String(green),
		team: '',
		notes: '',
		participants: [officer.userId, hilde.userId],
		representatives: []
	});
	const agreement = await addAgreement(as(officer), { unverifiedId: meeting.id, text: title });
	return agreementToTask(as(officer), {
		unverifiedMeetingId: meeting.id,
		unverifiedId: agreement.id,
		title,
		owner: hilde.userId,
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

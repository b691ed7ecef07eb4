// The monthly "hoe ver staat je?" mail on a running platform with a real SMTP server: it waits for the first of
// the month at 08:00 in Brussels, reaches each owner of open actions once a month however often the job runs,
// with one signed link per action; the link's page posts an update as the owner without a login; a tampered,
// expired or foreign link, an owner who lost the role or the responsibility, are refused and post nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { requestCtx } from '$lib/server/testing/running';
import { silentLog } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { buildParticipatingMunicipality, buildStaff } from '$lib/server/testing/factories';
import { climatePlanUpdates, memberships } from '$lib/server/db/schema';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { JobContext } from '$lib/server/platform/feature';
import type { Actor } from '$lib/server/platform/policy';
import { addPlanDepartment, createPlanAction } from './climate-plan.service';
import { getUpdateByLink, postUpdateByLink, sendMonthlyReminders } from './climate-plan.monitoring';

let running: MailApp;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let owner: Awaited<ReturnType<typeof buildStaff>>;
let leaver: Awaited<ReturnType<typeof buildStaff>>;
let first: number;
let second: number;
let gone: number;

// Months in the past for good: the app's own hourly run (queued at start and every hour) mails the real clock's
// month, always a later one, so it never claims the test's months before the test's runs do (with January and
// February 2027 it would have, from New Year's Day 2027 on). Its mails of the real month reach the same owners:
// the test reads the one of its own run, by the reference the mail carries.
const FIRST_EARLY = new Date('2026-01-01T06:30:00Z'); // 07:30 in Brussels
const FIRST_LATER = new Date('2026-01-01T09:00:00Z');
const MID_MONTH = new Date('2026-01-15T09:00:00Z');
const NEXT_MONTH = new Date('2026-02-03T09:00:00Z');
const MONTH = '2026-01';

/** The monthly mail of the test's month to `person` (not one of the app's own run for the real month). */
const monthlyMailTo = (person: { id: string; email: string | null }) =>
	running.smtp.waitFor(
		(m) =>
			m.to.includes(person.email!) &&
			m.decoded
				.replace(/\r?\n[ \t]+/g, ' ')
				.includes(`X-Meedoen-Reference: climate-plan.monthly:${geel.id}:${MONTH}:${person.id}`)
	);

const ctxIn = (tenant: Tenant, actor?: Actor): Ctx => ({
	...requestCtx(running.app, 'climate-plan-test', { actor }),
	tenant
});
const jobContext = (): JobContext => ({
	db: running.database.db,
	log: silentLog,
	config: running.app.config,
	queueMail: (m) => running.app.queueMail(m),
	queueMailIn: (tx, m) => running.app.queueMailIn(tx, m),
	queueMails: (tx, m) => running.app.queueMails(tx, m),
	features: running.app.features
});

const plan = (title: string, responsible: string, status = 'ongoing') =>
	createPlanAction(ctxIn(geel, officer), {
		title,
		status,
		responsible,
		sector: 'transport',
		priority: 'medium'
	});

beforeAll(async () => {
	running = await startMailApp('climate-plan', { ORIGIN: 'https://meedoen.test' });
	const db = running.database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	officer = (await buildStaff(db, geel, 'moderator')).actor;
	owner = await buildStaff(db, geel, 'colleague', { givenName: 'Hilde', familyName: 'Verachtert' });
	leaver = await buildStaff(db, geel, 'colleague', { givenName: 'Lies', familyName: 'Weg' });
	await addPlanDepartment(ctxIn(geel, officer), { name: 'Groendienst' });
	first = (await plan('Duizend extra bomen', owner.user.id)).id;
	second = (await plan('Ontharden van speelplaatsen', owner.user.id, 'not_started')).id;
	await plan('Al afgerond', owner.user.id, 'completed');
	gone = (await plan('Regenwaterputten', leaver.user.id)).id;
});
afterAll(() => running?.stop());

const tokenOf = (url: string, id: number) => {
	const match = new RegExp(`/geel/beheer/klimaatplan/bijwerken/(${id}\\.[^\\s"<>]+)`).exec(url);
	if (!match) throw new Error(`no link for ${id}`);
	return match[1]!;
};

describe('the monthly mail', () => {
	let text = '';

	it('waits for the first of the month at 08:00 in Brussels, then goes to each owner once a month', async () => {
		expect(await sendMonthlyReminders(jobContext(), { now: FIRST_EARLY })).toBe(0);
		const runs = await Promise.all([
			sendMonthlyReminders(jobContext(), { now: FIRST_LATER }),
			sendMonthlyReminders(jobContext(), { now: FIRST_LATER })
		]);
		expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
		expect(await sendMonthlyReminders(jobContext(), { now: MID_MONTH })).toBe(0);
		const mail = await monthlyMailTo(owner.user);
		expect(mail.decoded).toContain('Subject: Klimaatplan Geel: hoe ver staat je?');
		text = mail.decoded;
		expect(text).toContain('Dag Hilde Verachtert,');
		expect(text).toContain('Duizend extra bomen (nog geen update)');
		expect(text).toContain('Ontharden van speelplaatsen');
		expect(text).not.toContain('Al afgerond');
		expect(text).not.toContain('Regenwaterputten');
		expect(await sendMonthlyReminders(jobContext(), { now: NEXT_MONTH })).toBe(2);
	});

	it('lets the owner post an update from the link without logging in', async () => {
		const token = tokenOf(text, first);
		const visitor = ctxIn(geel);
		const page = await getUpdateByLink(visitor, { token, now: MID_MONTH });
		expect(page).toMatchObject({
			title: 'Duizend extra bomen',
			personName: 'Hilde Verachtert',
			status: 'ongoing'
		});
		const refused = await refusal(
			postUpdateByLink(visitor, { token, done: '', now: MID_MONTH }),
			'validation'
		);
		expect(refused.options.fields?.done).toEqual(['climatePlan.errors.doneRequired']);
		await postUpdateByLink(visitor, {
			token,
			now: MID_MONTH,
			done: '120 bomen geplant',
			blockers: '<script>alert(1)</script>',
			status: 'ongoing'
		});
		const rows = await running.database.db
			.select({
				authorId: climatePlanUpdates.authorId,
				done: climatePlanUpdates.done,
				blockers: climatePlanUpdates.blockers
			})
			.from(climatePlanUpdates)
			.where(eq(climatePlanUpdates.planActionId, first));
		expect(rows).toEqual([
			{ authorId: owner.user.id, done: '120 bomen geplant', blockers: '<script>alert(1)</script>' }
		]);
	});

	it('refuses a tampered, expired, foreign or malformed link, and an owner who is no longer responsible', async () => {
		const token = tokenOf(text, second);
		const visitor = ctxIn(geel);
		const tampered = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
		await refusal(getUpdateByLink(visitor, { token: tampered, now: MID_MONTH }), 'not_found');
		const otherAction = token.replace(`${second}.`, `${first}.`);
		await refusal(postUpdateByLink(visitor, { token: otherAction, done: 'x', now: MID_MONTH }), 'not_found');
		await refusal(getUpdateByLink(visitor, { token, now: new Date('2026-03-01T09:00:00Z') }), 'not_found');
		await refusal(getUpdateByLink(ctxIn(mol), { token, now: MID_MONTH }), 'not_found');
		for (const bad of [
			'geen-geldige-link',
			'',
			`${second}.${'0'.repeat(32)}.99999.${'A'.repeat(22)}`,
			'x'.repeat(100_000)
		])
			await refusal(getUpdateByLink(visitor, { token: bad, now: MID_MONTH }), 'not_found');
		// The leaver's link stops working once the role is gone.
		const leaverMail = await monthlyMailTo(leaver.user);
		const leaverToken = tokenOf(leaverMail.decoded, gone);
		await running.database.db.delete(memberships).where(eq(memberships.userId, leaver.user.id));
		const err = await refusal(
			postUpdateByLink(visitor, { token: leaverToken, done: 'x', now: MID_MONTH }),
			'forbidden'
		);
		expect(err.messageKey).toBe('climatePlan.errors.linkNotYours');
		const rows = await running.database.db
			.select({ id: climatePlanUpdates.id })
			.from(climatePlanUpdates)
			.where(eq(climatePlanUpdates.planActionId, gone));
		expect(rows).toEqual([]);
	});
});

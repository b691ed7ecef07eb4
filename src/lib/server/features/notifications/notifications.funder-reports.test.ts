// The funder reports' notices on a started platform, mailed to a real SMTP server (smtp-server): submitting an
// interim report writes the region-scoped `funder_report.submitted` event in its transaction, and the
// notifications feature tells each named reviewer of the programme once, in the app and by mail. A submit that
// rolls back tells no one; a report the region submits itself (no municipality) tells its reviewers the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Ctx, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import { domainEvents, funderReports, notifications } from '$lib/server/db/schema';
import {
	addReviewer,
	createProgramme,
	openReport,
	submitReport
} from '$lib/server/features/funder-reports/funder-reports.service';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;
let regionId: string;
let regionAdmin: Actor;
let geelModerator: Actor;

const THIS_YEAR = new Date().getUTCFullYear();
const answers = { actions: { stappen: { reached: '2' } }, expectations: {}, sections: {} };

const ctxOf = (actor: Actor, tenant?: Tenant): Ctx => {
	const ctx = requestCtx(app, 'funder-notices', { actor });
	return tenant ? withTenant(ctx, tenant) : ctx;
};

/** A programme with one KPI by hand, submitted by each municipality or by the region, and its reviewers. */
async function programmeWith(submitter: 'municipality' | 'region', name: string, reviewerCount: number) {
	const { id } = await createProgramme(ctxOf(regionAdmin), {
		unverifiedRegionId: regionId,
		programme: {
			name,
			funder: 'Testfinancier',
			threshold: 25,
			submitter,
			periods: [{ key: 'jaar', label: 'Projectjaar', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }],
			definition: {
				actions: [{ key: 'stappen', title: 'Stappen', kpi: { kind: 'manual', label: 'Stappen', target: 2 } }],
				sections: []
			}
		}
	});
	const reviewers = [];
	for (let i = 0; i < reviewerCount; i++) {
		const user = await buildUser(database.db);
		await addReviewer(ctxOf(regionAdmin), { unverifiedProgrammeId: id, email: user.email! });
		reviewers.push(user);
	}
	return { id, reviewers };
}

async function notificationsOf(userIds: string[]) {
	return database.db
		.select({
			userId: notifications.userId,
			type: notifications.type,
			municipalityId: notifications.municipalityId,
			regionId: notifications.regionId,
			mailState: notifications.mailState
		})
		.from(notifications)
		.where(inArray(notifications.userId, userIds));
}

beforeAll(async () => {
	running = await startMailApp('funder-notices', { ORIGIN: 'https://meedoen.test' });
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	regionId = await regionIdOf(database.db, geel);
	const admin = await buildUser(database.db);
	await grantRegionRole(database.db, regionId, admin.id, 'regional_admin');
	regionAdmin = await actorOf(database.db, admin);
	geelModerator = (await buildStaff(database.db, geel, 'moderator')).actor;
});

afterAll(() => running?.stop());

describe('a submitted funder report', () => {
	it('tells nobody when the submit rolls back, and each reviewer once by mail when it commits', async () => {
		// The rolled-back submit: its own programme and reviewer, so that nothing of it can hide behind the other.
		const quiet = await programmeWith('municipality', 'Stil programma', 1);
		const quietReport = await openReport(ctxOf(geelModerator, geel), {
			unverifiedProgrammeId: quiet.id,
			period: 'jaar'
		});
		await expect(
			database.db.transaction(async (tx) => {
				await submitReport(
					{ ...ctxOf(geelModerator, geel), db: tx },
					{
						unverifiedReportId: quietReport.id,
						answers
					}
				);
				const [row] = await tx.select().from(funderReports).where(eq(funderReports.id, quietReport.id));
				expect(row?.status).toBe('submitted');
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');

		const loud = await programmeWith('municipality', 'Luid programma', 2);
		const report = await openReport(ctxOf(geelModerator, geel), {
			unverifiedProgrammeId: loud.id,
			period: 'jaar'
		});
		await submitReport(ctxOf(geelModerator, geel), { unverifiedReportId: report.id, answers });
		app.events.nudge();
		for (const reviewer of loud.reviewers) {
			const mail = await smtp.waitFor((m) => m.to.includes(reviewer.email!), 20_000);
			expect(mail.decoded).toContain('Luid programma');
			expect(mail.decoded).toContain(`https://meedoen.test/beheer/rapportering/${report.id}`);
		}
		// Another pass, and time for a stray second mail.
		await app.events.runOnce();
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		for (const reviewer of loud.reviewers)
			expect(smtp.messages.filter((m) => m.to.includes(reviewer.email!))).toHaveLength(1);
		const told = await notificationsOf(loud.reviewers.map((r) => r.id));
		expect(told).toHaveLength(2);
		expect(told.every((n) => n.type === 'funder_report.submitted' && n.mailState === 'mailed')).toBe(true);
		expect(told.every((n) => n.regionId === regionId && n.municipalityId === geel.id)).toBe(true);

		// The rolled-back one: no event, no notification, no mail, and the report still a draft.
		const quietReviewer = quiet.reviewers[0]!;
		expect(smtp.messages.filter((m) => m.to.includes(quietReviewer.email!))).toHaveLength(0);
		expect(await notificationsOf([quietReviewer.id])).toEqual([]);
		const [draft] = await database.db
			.select({ status: funderReports.status })
			.from(funderReports)
			.where(eq(funderReports.id, quietReport.id));
		expect(draft?.status).toBe('draft');
		const events = await database.db
			.select({ subjectId: domainEvents.subjectId })
			.from(domainEvents)
			.where(eq(domainEvents.type, 'funder_report.submitted'));
		expect(events.map((e) => e.subjectId)).not.toContain(String(quietReport.id));
	}, 60_000);

	it('of the region itself (no municipality) tells its reviewers the same way', async () => {
		const held = await programmeWith('region', 'Regioprogramma', 1);
		const report = await openReport(ctxOf(regionAdmin), { unverifiedProgrammeId: held.id, period: 'jaar' });
		await submitReport(ctxOf(regionAdmin), { unverifiedReportId: report.id, answers });
		const [event] = await database.db
			.select()
			.from(domainEvents)
			.where(eq(domainEvents.subjectId, String(report.id)));
		expect(event).toMatchObject({ type: 'funder_report.submitted', regionId, municipalityId: null });
		app.events.nudge();
		const reviewer = held.reviewers[0]!;
		const mail = await smtp.waitFor((m) => m.to.includes(reviewer.email!), 20_000);
		expect(mail.decoded).toContain('Regioprogramma');
		expect(await notificationsOf([reviewer.id])).toEqual([
			{
				userId: reviewer.id,
				type: 'funder_report.submitted',
				municipalityId: null,
				regionId,
				mailState: 'mailed'
			}
		]);
	}, 60_000);
});

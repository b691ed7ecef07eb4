// The weekly overview: each feature's figures of the last whole week (Europe/Brussels) against the week
// before, only for who may read dashboards in that municipality, and mailed on Monday morning to the
// aldermen over SMTP (a real server catches it), once per week however often and wherever the job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { App } from '$lib/server/platform/app';
import { withTenant, type Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { JobContext } from '$lib/server/platform/feature';
import { isAppError } from '$lib/server/platform/errors';
import { consents, suggestions, suggestionVotes, users, weeklyOverviews } from '$lib/server/db/schema';
import type { TestDatabase } from '$lib/server/testing/db';
import { startMailApp, type MailApp } from '$lib/server/testing/mail-app';
import { silentLog } from '$lib/server/testing/context';
import { requestCtx } from '$lib/server/testing/running';
import type { SmtpCatcher } from '$lib/server/testing/smtp';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	buildVotes
} from '$lib/server/testing/factories';
import { lastWholeWeek } from './college.queries';
import { getWeeklyOverview, sendWeeklyOverviews } from './college.service';

let running: MailApp;
let smtp: SmtpCatcher;
let database: TestDatabase;
let app: App;
let geel: Tenant;
let mol: Tenant;
let geelAlderman: Awaited<ReturnType<typeof buildStaff>>;
let molAlderman: Awaited<ReturnType<typeof buildStaff>>;

// Monday 30 November 2026, 08:30 in Brussels (CET, UTC+1): the week reported is 23 to 29 November. A week in the
// past for good: the app's own hourly run (queued at start and every hour) reports the real clock's last whole
// week, always a later one, so it never claims this week before the test's runs do (with the week of 30 November
// it did, all week of 7 December 2026, once the job queued at start ran after the aldermen were made).
const MONDAY_MORNING = new Date('2026-11-30T07:30:00Z');
const THIS_WEEK = new Date('2026-11-25T12:00:00Z');
const WEEK_BEFORE = new Date('2026-11-18T12:00:00Z');
const EARLIER = new Date('2026-11-03T12:00:00Z');

const ctx = (tenant: Tenant, actor?: Actor) => withTenant(requestCtx(app, 'college-test', { actor }), tenant);
const jobContext = (): JobContext => ({
	db: database.db,
	log: silentLog,
	config: app.config,
	queueMail: (m) => app.queueMail(m),
	queueMailIn: (tx, m) => app.queueMailIn(tx, m),
	queueMails: (tx, m) => app.queueMails(tx, m),
	features: app.features
});

async function suggestionAt(tenant: Tenant, opportunityId: number, at: Date, voters: string[], voteAt: Date) {
	const s = await buildSuggestion(database.db, tenant, opportunityId);
	await database.db.update(suggestions).set({ createdAt: at }).where(eq(suggestions.id, s.id));
	await buildVotes(database.db, tenant, s, voters);
	await database.db
		.update(suggestionVotes)
		.set({ createdAt: voteAt })
		.where(eq(suggestionVotes.suggestionId, s.id));
	return s;
}

async function joinPool(tenant: Tenant, at: Date) {
	const person = await buildUser(database.db);
	await database.db.update(users).set({ homeMunicipalityId: tenant.id }).where(eq(users.id, person.id));
	await database.db
		.insert(consents)
		.values({ userId: person.id, kind: 'pool', version: '2026-11', givenAt: at });
	return person;
}

beforeAll(async () => {
	running = await startMailApp('college');
	({ app, database, smtp } = running);
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	geelAlderman = await buildStaff(database.db, geel, 'alderman', {
		givenName: 'Greet',
		familyName: 'Schepen'
	});
	molAlderman = await buildStaff(database.db, mol, 'alderman', { givenName: 'Marc', familyName: 'Schepen' });

	const place = await buildSuggestionOpportunity(database.db, geel, { publishAction: true });
	const voters = await Promise.all([1, 2, 3].map(() => buildUser(database.db)));
	const ids = voters.map((v) => v.id);
	// Geel: 2 suggestions this week with 3 and 1 votes, 1 the week before with 2 votes, 1 earlier (not counted);
	// with the one waiting for moderation below, 2 new suggestions the week before.
	await suggestionAt(geel, place.id, THIS_WEEK, ids, THIS_WEEK);
	await suggestionAt(geel, place.id, THIS_WEEK, ids.slice(0, 1), THIS_WEEK);
	await suggestionAt(geel, place.id, WEEK_BEFORE, ids.slice(0, 2), WEEK_BEFORE);
	await suggestionAt(geel, place.id, EARLIER, ids.slice(0, 1), EARLIER);
	// One waits for moderation since the week before.
	const waiting = await buildSuggestion(database.db, geel, place.id, { moderation: 'pending' });
	await database.db.update(suggestions).set({ createdAt: WEEK_BEFORE }).where(eq(suggestions.id, waiting.id));
	// Pool: 1 joined this week, 2 the week before.
	await joinPool(geel, THIS_WEEK);
	await joinPool(geel, WEEK_BEFORE);
	await joinPool(geel, WEEK_BEFORE);
	// Mol: one suggestion this week.
	const molPlace = await buildSuggestionOpportunity(database.db, mol, { publishAction: true });
	await suggestionAt(mol, molPlace.id, THIS_WEEK, [], THIS_WEEK);
});

afterAll(() => running?.stop());

describe('the week', () => {
	it('is the last whole week from Monday to Monday in Brussels, 167 hours across the spring change', async () => {
		const november = await lastWholeWeek(database.db, { now: MONDAY_MORNING });
		expect(november.from.toISOString()).toBe('2026-11-22T23:00:00.000Z');
		expect(november.to.toISOString()).toBe('2026-11-29T23:00:00.000Z');
		expect(november.previousFrom.toISOString()).toBe('2026-11-15T23:00:00.000Z');
		expect(november.weekStart).toBe('2026-11-23');
		// Summer time began on Sunday 29 March 2026.
		const spring = await lastWholeWeek(database.db, { now: new Date('2026-03-31T10:00:00Z') });
		expect(spring.weekStart).toBe('2026-03-23');
		expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(167);
	});
});

describe('the weekly overview page', () => {
	it('shows each figure of this week against the week before, for the aldermen', async () => {
		const overview = await getWeeklyOverview(ctx(geel, geelAlderman.actor), { now: MONDAY_MORNING });
		const byId = Object.fromEntries(overview.figures.map((f) => [f.id, f]));
		expect(byId['suggestions.new']).toMatchObject({
			value: 2,
			previous: 2,
			change: 0,
			label: 'Nieuwe suggesties'
		});
		expect(byId['suggestions.votes']).toMatchObject({ value: 4, previous: 2, change: 2 });
		expect(byId['suggestions.waiting']).toMatchObject({ value: 1, previous: null, change: null });
		expect(byId['suggestions.waiting']!.since).toBe(WEEK_BEFORE.toISOString());
		expect(byId['profile.poolNew']).toMatchObject({ value: 1, previous: 2, change: -1 });
		expect(byId['events.registrations']).toMatchObject({ value: 0, previous: 0 });
		expect(overview.aldermen).toBe(1);
		expect(overview.municipality.slug).toBe('geel');
	});

	it('links a figure only to a page its reader may open', async () => {
		const moderator = await buildStaff(database.db, geel, 'moderator');
		const forAlderman = await getWeeklyOverview(ctx(geel, geelAlderman.actor), { now: MONDAY_MORNING });
		const forModerator = await getWeeklyOverview(ctx(geel, moderator.actor), { now: MONDAY_MORNING });
		const hrefs = (o: typeof forAlderman) => Object.fromEntries(o.figures.map((f) => [f.id, f.href]));
		// The moderation queue asks content.moderate, which an alderman has not; the events' list, backoffice.view.
		expect(hrefs(forAlderman)['suggestions.waiting']).toBeNull();
		expect(hrefs(forAlderman)['suggestions.new']).toBeNull();
		expect(hrefs(forAlderman)['events.registrations']).toBe('/geel/beheer/activiteiten');
		expect(hrefs(forModerator)['suggestions.waiting']).toBe('/geel/beheer/suggesties?wat=waiting');
		expect(hrefs(forModerator)['suggestions.new']).toBe('/geel/beheer/suggesties');
	});

	it('counts only its own municipality', async () => {
		const overview = await getWeeklyOverview(ctx(mol, molAlderman.actor), { now: MONDAY_MORNING });
		const byId = Object.fromEntries(overview.figures.map((f) => [f.id, f]));
		expect(byId['suggestions.new']).toMatchObject({ value: 1, previous: 0 });
		expect(byId['suggestions.votes']).toMatchObject({ value: 0, previous: 0 });
		expect(byId['profile.poolNew']).toMatchObject({ value: 0, previous: 0 });
	});

	it('is refused to citizens, to nobody logged in and to the aldermen of another municipality', async () => {
		const citizen = await buildUser(database.db);
		for (const actor of [await actorOf(database.db, citizen), undefined, molAlderman.actor]) {
			const error = await getWeeklyOverview(ctx(geel, actor), { now: MONDAY_MORNING }).catch(
				(e: unknown) => e
			);
			expect(isAppError(error)).toBe(true);
		}
	});
});

describe('the weekly mail', () => {
	it('waits for Monday morning, then goes to each municipality’s aldermen once however often the job runs', async () => {
		const early = new Date('2026-11-30T05:30:00Z'); // 06:30 in Brussels
		expect(await sendWeeklyOverviews(jobContext(), { now: early })).toBe(0);

		const runs = await Promise.all([
			sendWeeklyOverviews(jobContext(), { now: MONDAY_MORNING }),
			sendWeeklyOverviews(jobContext(), { now: MONDAY_MORNING })
		]);
		expect(runs.reduce((a, b) => a + b, 0)).toBe(2);
		expect(await sendWeeklyOverviews(jobContext(), { now: new Date('2026-12-02T10:00:00Z') })).toBe(0);

		const geelMail = await smtp.waitFor(
			(m) => m.to.includes(geelAlderman.user.email!) && m.decoded.includes('week van 23 november 2026')
		);
		const molMail = await smtp.waitFor(
			(m) => m.to.includes(molAlderman.user.email!) && m.decoded.includes('week van 23 november 2026')
		);
		expect(geelMail.decoded).toContain('Weekoverzicht Geel: week van 23 november 2026');
		expect(geelMail.decoded).toContain('Nieuwe suggesties: 2 (week ervoor: 2)');
		expect(geelMail.decoded).toContain('Nieuwe mensen in de pool van klimaatmakers: 1 (week ervoor: 2)');
		expect(geelMail.decoded).toContain('/geel/beheer/weekoverzicht');
		expect(geelMail.decoded).toMatch(/<caption[^>]*>Cijfers van de week/);
		expect(molMail.decoded).toContain('Nieuwe suggesties: 1 (week ervoor: 0)');
		// Give the mail job a moment for any duplicate to arrive, then count.
		await new Promise((r) => setTimeout(r, 1_000));
		// (The app's own hourly run at start may have mailed the week before today's; only this week counts.)
		const ofThisWeek = (email: string) =>
			smtp.messages.filter((m) => m.to.includes(email) && m.decoded.includes('week van 23 november 2026'));
		expect(ofThisWeek(geelAlderman.user.email!)).toHaveLength(1);
		expect(ofThisWeek(molAlderman.user.email!)).toHaveLength(1);
		const [count] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(weeklyOverviews)
			.where(eq(weeklyOverviews.weekStart, '2026-11-23'));
		expect(count?.n).toBe(2);
	});
});

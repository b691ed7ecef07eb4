// Newsletters against a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): the audience per
// choice with the newsletters consent, who may write and send, hostile Markdown, refusals (time in the past,
// nobody in the audience), a send that never mails anyone twice, nothing for a deleted account, the archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import {
	newsletterRecipients,
	newsletters,
	subscriptions,
	suggestionComments,
	themePreferences,
	users,
	eventRegistrations
} from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildEvent,
	buildOtherRegion,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildTheme,
	buildUser,
	buildVotes,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import type { Config } from '$lib/server/platform/config';
import type { MailMessage } from '$lib/server/platform/mail';
import { renderQueuedMail } from '$lib/server/platform/mail-delivery';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { setMailPreference } from '$lib/server/features/notifications/notifications.service';
import { deleteAccount } from '$lib/server/features/profile/profile.service';
import {
	cancelNewsletter,
	createNewsletter,
	getArchivedNewsletter,
	getNewsletterPage,
	listNewsletterArchive,
	listNewslettersForBackoffice,
	previewNewsletter,
	sendNewsletter,
	sendTestNewsletter,
	updateNewsletterDraft
} from './newsletters.service';
import {
	DUE_GRACE_MINUTES,
	NEWSLETTER_MAIL,
	newsletterMail,
	sendDueNewsletters,
	sendNewsletterJob,
	type SendContext
} from './newsletters.send';
import { LIST_PARTS, listPart } from './newsletters.queries';

const templates = new Map([[NEWSLETTER_MAIL, newsletterMail]]);
import { silentLog } from '$lib/server/testing/context';

const ORIGIN = 'https://meedoen.test';
let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let molOfficer: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (await buildStaff(database.db, geel, 'communication')).actor;
	molOfficer = (await buildStaff(database.db, mol, 'communication')).actor;
});
afterAll(() => database.destroy());

const db = () => database.db;
const as = (actor: Actor | undefined, tenant = geel, outbox?: MailMessage[]) =>
	buildCtx(db(), tenant, { actor, outbox });

/** A person who lives in the municipality and wants newsletters (or not). */
async function resident(tenant: Tenant, wants = true, extra: { verified?: boolean } = {}) {
	const person = await buildUser(db(), extra);
	await db().update(users).set({ homeMunicipalityId: tenant.id }).where(eq(users.id, person.id));
	if (wants)
		await setMailPreference(db(), { userId: person.id, kind: 'newsletters', frequency: 'immediate' });
	return person;
}

async function wantsNewsletters(userId: string) {
	await setMailPreference(db(), { userId, kind: 'newsletters', frequency: 'immediate' });
}

const draft = (audience: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	subject: 'Nieuws uit Geel',
	body: 'De **fietsstraat** is open. Lees [meer](https://www.geel.be).',
	themeIds: [],
	actionId: '',
	from: '',
	to: '',
	...audience,
	...extra
});

async function countOf(audience: Record<string, unknown>, actor = officer, tenant = geel) {
	return (await previewNewsletter(as(actor, tenant), draft(audience))).recipients;
}

function jobContext(outbox: MailMessage[]): SendContext {
	return {
		db: db(),
		log: silentLog,
		config: { origin: ORIGIN, port: 3000 } as Config,
		// Queued mails as they go out: a templated one rendered by the newsletter's own template.
		queueMails: async (tx, messages) => {
			for (const message of messages) {
				const mail = await renderQueuedMail(message, templates, {
					db: tx ?? db(),
					memo: (_key, load) => load()
				});
				if (typeof mail === 'string') throw new Error(mail);
				outbox.push(mail);
			}
			return { queued: messages.length, skipped: 0 };
		}
	};
}

describe('the parts the list is written in', () => {
	it('cover every id once, in order, from the lowest to the highest', () => {
		const parts = Array.from({ length: LIST_PARTS }, (_, i) => listPart(i));
		expect(parts[0]!.from).toBeNull();
		expect(parts.at(-1)!.to).toBeNull();
		for (let i = 1; i < LIST_PARTS; i++) {
			expect(parts[i]!.from).toBe(parts[i - 1]!.to);
			expect(parts[i]!.from! > (parts[i - 1]!.from ?? '')).toBe(true);
		}
		const which = (id: string) =>
			parts.findIndex((p) => (p.from === null || id >= p.from) && (p.to === null || id < p.to));
		expect(which('00000000-0000-4000-8000-000000000000')).toBe(0);
		expect(which('ffffffff-ffff-4fff-bfff-ffffffffffff')).toBe(LIST_PARTS - 1);
		expect(which('7f000000-0000-4000-8000-000000000000')).toBe(LIST_PARTS / 2 - 1);
		expect(which('80000000-0000-4000-8000-000000000000')).toBe(LIST_PARTS / 2);
		// Several parts at once: from the first one's start to the last one's end.
		expect(listPart(0, LIST_PARTS)).toEqual({ from: null, to: null });
		expect(listPart(3, 5)).toEqual({ from: parts[3]!.from, to: parts[7]!.to });
	});
});

/** Everyone of Geel's pool (people this file made) is counted fresh in each test by difference. */
describe('the audience', () => {
	it('the whole pool counts residents who want newsletters, with a verified address, not deleted or locked', async () => {
		const before = await countOf({ audience: 'pool' });
		await resident(geel);
		await resident(geel);
		await resident(geel, false); // never agreed
		await resident(geel, true, { verified: false }); // address not verified
		const locked = await resident(geel);
		await db().update(users).set({ lockedAt: new Date() }).where(eq(users.id, locked.id));
		await resident(mol); // lives elsewhere
		expect(await countOf({ audience: 'pool' })).toBe(before + 2);
	});

	it('a withdrawn consent takes the person out of every audience', async () => {
		const before = await countOf({ audience: 'pool' });
		const person = await resident(geel);
		expect(await countOf({ audience: 'pool' })).toBe(before + 1);
		await setMailPreference(db(), { userId: person.id, kind: 'newsletters', frequency: 'never' });
		expect(await countOf({ audience: 'pool' })).toBe(before);
	});

	it('themes count people interested in a chosen theme of this municipality, once each', async () => {
		const fiets = await buildTheme(db(), geel, { name: 'Fietsen' });
		const groen = await buildTheme(db(), geel, { name: 'Groen' });
		const a = await resident(mol); // interest counts, wherever one lives
		const b = await resident(geel);
		const c = await resident(geel, false);
		const d = await resident(geel);
		await db()
			.insert(themePreferences)
			.values([
				{ userId: a.id, themeId: fiets.id, interested: true },
				{ userId: a.id, themeId: groen.id, interested: true },
				{ userId: b.id, themeId: groen.id, interested: true },
				{ userId: c.id, themeId: fiets.id, interested: true },
				{ userId: d.id, themeId: fiets.id, interested: false }
			]);
		expect(await countOf({ audience: 'themes', themeIds: [fiets.id] })).toBe(1);
		expect(await countOf({ audience: 'themes', themeIds: [fiets.id, groen.id] })).toBe(2);
		// A theme of another municipality is refused beside the field.
		const molTheme = await buildTheme(db(), mol, { name: 'Mols thema' });
		const err = await refusal(
			previewNewsletter(as(officer), draft({ audience: 'themes', themeIds: [molTheme.id] })),
			'validation'
		);
		expect(err.options.fields?.themeIds).toEqual(['newsletters.errors.themes']);
	});

	it('participants of an action: authors, supporters, commenters, followers and registrants, once each', async () => {
		const opportunity = await buildSuggestionOpportunity(db(), geel);
		const actionId = opportunity.action.id;
		const [author, voter, commenter, follower, registrant, all, outsider] = await Promise.all(
			Array.from({ length: 7 }, () => resident(mol))
		);
		const suggestion = await buildSuggestion(db(), geel, opportunity.id, { authorId: author!.id });
		await buildVotes(db(), geel, suggestion, [voter!.id, all!.id]);
		await db()
			.insert(suggestionComments)
			.values({
				municipalityId: geel.id,
				suggestionId: suggestion.id,
				authorId: commenter!.id,
				body: 'Goed idee',
				moderation: 'approved'
			} as typeof suggestionComments.$inferInsert);
		await db()
			.insert(subscriptions)
			.values([
				{ municipalityId: geel.id, userId: follower!.id, subjectKind: 'action', subjectId: String(actionId) },
				{ municipalityId: geel.id, userId: all!.id, subjectKind: 'action', subjectId: String(actionId) }
			]);
		const event = await buildEvent(db(), geel, { actionId });
		await db()
			.insert(eventRegistrations)
			.values([
				{
					tokenHash: `t${Math.random()}`,
					municipalityId: geel.id,
					eventId: event.id,
					userId: registrant!.id,
					status: 'confirmed',
					queuedAt: new Date()
				},
				{
					tokenHash: `t${Math.random()}`,
					municipalityId: geel.id,
					eventId: event.id,
					userId: outsider!.id,
					status: 'cancelled'
				}
			] as (typeof eventRegistrations.$inferInsert)[]);
		expect(await countOf({ audience: 'action', actionId: String(actionId) })).toBe(6);
		// Mol's officer cannot name Geel's action.
		await refusal(
			previewNewsletter(as(molOfficer, mol), draft({ audience: 'action', actionId: String(actionId) })),
			'validation'
		);
	});

	it('registrants of events in a date range (Brussels days, both included)', async () => {
		const e1 = await buildEvent(db(), geel, {
			startsAt: new Date('2031-03-01T08:00:00Z'),
			endsAt: new Date('2031-03-01T10:00:00Z')
		});
		const e2 = await buildEvent(db(), geel, {
			startsAt: new Date('2031-03-31T22:30:00Z'), // 1 April, 00:30 in Brussels (summer time)
			endsAt: new Date('2031-03-31T23:30:00Z')
		});
		const [p, q, r] = await Promise.all([resident(geel), resident(geel), resident(geel, false)]);
		await db()
			.insert(eventRegistrations)
			.values([
				{
					tokenHash: `t${Math.random()}`,
					municipalityId: geel.id,
					eventId: e1.id,
					userId: p!.id,
					status: 'confirmed',
					queuedAt: new Date()
				},
				{
					tokenHash: `t${Math.random()}`,
					municipalityId: geel.id,
					eventId: e2.id,
					userId: q!.id,
					status: 'waitlisted',
					queuedAt: new Date()
				},
				{
					tokenHash: `t${Math.random()}`,
					municipalityId: geel.id,
					eventId: e2.id,
					userId: r!.id,
					status: 'confirmed',
					queuedAt: new Date()
				}
			] as (typeof eventRegistrations.$inferInsert)[]);
		expect(await countOf({ audience: 'events', from: '2031-03-01', to: '2031-03-31' })).toBe(1);
		expect(await countOf({ audience: 'events', from: '2031-03-01', to: '2031-04-01' })).toBe(2);
		const err = await refusal(
			previewNewsletter(as(officer), draft({ audience: 'events', from: '2031-04-02', to: '2031-04-01' })),
			'validation'
		);
		expect(err.options.fields?.to).toEqual(['newsletters.errors.range']);
	});

	it('the region: only the regional admin, and it counts every municipality of the region', async () => {
		const err = await refusal(previewNewsletter(as(officer), draft({ audience: 'region' })), 'validation');
		expect(err.options.fields?.audience).toEqual(['newsletters.errors.regionOnly']);
		const admin = await buildUser(db());
		await grantRegionRole(db(), await regionIdOf(db(), geel), admin.id, 'regional_admin');
		const regional = await actorOf(db(), admin);
		const pool =
			(await countOf({ audience: 'pool' }, regional)) + (await countOf({ audience: 'pool' }, regional, mol));
		const region = await countOf({ audience: 'region' }, regional);
		expect(region).toBeGreaterThanOrEqual(pool);
		const elsewhere = await buildOtherRegion(db());
		const far = await buildUser(db());
		await db().update(users).set({ homeMunicipalityId: elsewhere.tenant.id }).where(eq(users.id, far.id));
		await wantsNewsletters(far.id);
		expect(await countOf({ audience: 'region' }, regional)).toBe(region);
	});
});

describe('who may', () => {
	it('a citizen, a moderator and the alderman are refused; a visitor must log in', async () => {
		const citizen = await actorOf(db(), await buildUser(db()));
		const moderator = (await buildStaff(db(), geel, 'moderator')).actor;
		const alderman = (await buildStaff(db(), geel, 'alderman')).actor;
		for (const actor of [citizen, moderator, alderman])
			await refusal(createNewsletter(as(actor), draft({ audience: 'pool' })), 'forbidden');
		await refusal(listNewslettersForBackoffice(as(undefined), {}), 'unauthenticated');
	});

	it('another municipality’s staff neither read nor change Geel’s newsletter (not found in their own)', async () => {
		const { id } = await createNewsletter(as(officer), draft({ audience: 'pool' }));
		// In Geel's back office they are refused before anything is read.
		await refusal(getNewsletterPage(as(molOfficer), { unverifiedId: id }), 'forbidden');
		// In their own, Geel's newsletter does not exist.
		await refusal(getNewsletterPage(as(molOfficer, mol), { unverifiedId: id }), 'not_found');
		await refusal(
			updateNewsletterDraft(as(molOfficer, mol), { ...draft({ audience: 'pool' }), unverifiedId: id }),
			'not_found'
		);
		await refusal(
			sendNewsletter(as(molOfficer, mol), { when: 'now', unverifiedId: id, origin: ORIGIN }),
			'not_found'
		);
		expect(
			(await listNewslettersForBackoffice(as(molOfficer, mol), {})).items.map((i) => i.id)
		).not.toContain(id);
	});
});

describe('the draft', () => {
	it('refuses remote images beside the body, and renders scripts as harmless text', async () => {
		for (const body of [
			'Kijk: ![logo](https://tracker.example/p.gif)',
			'<img src="https://tracker.example/p.gif">',
			'![x][ref]\n\n[ref]: https://tracker.example/p.gif'
		]) {
			const err = await refusal(
				createNewsletter(as(officer), draft({ audience: 'pool' }, { body })),
				'validation'
			);
			expect(err.options.fields?.body).toEqual(['newsletters.errors.image']);
		}
		const hostile = '<script>alert(1)</script>\n\n[klik](javascript:alert(1)) <a href="x" onclick="y">z</a>';
		const { html } = await previewNewsletter(as(officer), draft({ audience: 'pool' }, { body: hostile }));
		expect(html).not.toMatch(/<script|javascript:|<a [^>]*onclick|<img/i);
		expect(html).toContain('&lt;script&gt;');
	});

	it('an empty subject, a huge body, an unknown audience: Dutch messages per field', async () => {
		const err = await refusal(
			createNewsletter(
				as(officer),
				draft({ audience: 'nobody' }, { subject: '  ', body: 'x'.repeat(60_000) })
			),
			'validation'
		);
		expect(err.options.fields).toMatchObject({
			subject: ['newsletters.errors.subject'],
			body: ['newsletters.errors.bodyLong'],
			audience: ['newsletters.errors.audience']
		});
	});

	it('is written, changed, and each change is in the audit log', async () => {
		const { id } = await createNewsletter(as(officer), draft({ audience: 'pool' }));
		await updateNewsletterDraft(as(officer), {
			...draft({ audience: 'pool' }, { subject: 'Nieuw onderwerp' }),
			unverifiedId: id
		});
		const page = await getNewsletterPage(as(officer), { unverifiedId: id });
		expect(page.newsletter.subject).toBe('Nieuw onderwerp');
		expect(page.preview.html).toContain('<strong>fietsstraat</strong>');
		const audit = (await auditOf(db(), geel.id)).filter(
			(a) => (a.details as { newsletterId?: number }).newsletterId === id
		);
		expect(audit.map((a) => a.action)).toEqual(['newsletter.created', 'newsletter.updated']);
	});

	it('"Test naar mezelf" sends one copy to the officer only, marked as a test', async () => {
		const { id } = await createNewsletter(as(officer), draft({ audience: 'pool' }));
		const outbox: MailMessage[] = [];
		const { to } = await sendTestNewsletter(as(officer, geel, outbox), { unverifiedId: id, origin: ORIGIN });
		expect(outbox).toHaveLength(1);
		expect(outbox[0]!.to).toBe(to);
		expect(outbox[0]!.subject).toBe('TEST: Nieuws uit Geel');
		const [row] = await db()
			.select({ n: sql<number>`count(*)::int` })
			.from(newsletterRecipients)
			.where(eq(newsletterRecipients.newsletterId, id));
		expect(row!.n).toBe(0);
	});
});

describe('sending', () => {
	it('a time in the past is refused beside the field; nothing changes', async () => {
		await resident(geel);
		const { id } = await createNewsletter(as(officer), draft({ audience: 'pool' }));
		const err = await refusal(
			sendNewsletter(as(officer), {
				when: 'later',
				at: '2020-01-01T10:00',
				unverifiedId: id,
				origin: ORIGIN
			}),
			'validation'
		);
		expect(err.options.fields?.at).toEqual(['newsletters.errors.atPast']);
		const nonsense = await refusal(
			sendNewsletter(as(officer), { when: 'later', at: '31/02/2030', unverifiedId: id, origin: ORIGIN }),
			'validation'
		);
		expect(nonsense.options.fields?.at).toEqual(['newsletters.errors.at']);
		expect((await getNewsletterPage(as(officer), { unverifiedId: id })).newsletter.status).toBe('draft');
	});

	it('an empty audience is refused with a Dutch message; nothing is queued', async () => {
		const theme = await buildTheme(db(), geel, { name: 'Niemand' });
		const { id } = await createNewsletter(as(officer), draft({ audience: 'themes', themeIds: [theme.id] }));
		const err = await refusal(
			sendNewsletter(as(officer), { when: 'now', unverifiedId: id, origin: ORIGIN }),
			'validation'
		);
		expect(err.messageKey).toBe('newsletters.errors.emptyAudience');
		expect((await getNewsletterPage(as(officer), { unverifiedId: id })).newsletter.status).toBe('draft');
	});

	it('scheduled in the future waits, can be cancelled (with the "yes"), and is a draft again', async () => {
		await resident(geel);
		const { id } = await createNewsletter(as(officer), draft({ audience: 'pool' }));
		await sendNewsletter(as(officer), {
			when: 'later',
			at: '2099-06-01T09:30',
			unverifiedId: id,
			origin: ORIGIN
		});
		const page = await getNewsletterPage(as(officer), { unverifiedId: id });
		expect(page.newsletter.status).toBe('scheduled');
		expect(page.newsletter.scheduledAt).toBe('2099-06-01T07:30:00.000Z'); // summer time in Brussels
		const outbox: MailMessage[] = [];
		expect((await sendNewsletterJob(jobContext(outbox), { newsletterId: id })).status).toBe('not_due');
		expect(outbox).toHaveLength(0);
		await refusal(
			updateNewsletterDraft(as(officer), { ...draft({ audience: 'pool' }), unverifiedId: id }),
			'conflict'
		);
		await refusal(cancelNewsletter(as(officer), { unverifiedId: id }), 'validation');
		await cancelNewsletter(as(officer), { confirm: 'on', unverifiedId: id });
		expect((await getNewsletterPage(as(officer), { unverifiedId: id })).newsletter.status).toBe('draft');
	});

	it('goes to each recipient once, with their own unsubscribe link and headers, however often the job runs', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const people = await Promise.all(Array.from({ length: 5 }, () => resident(town)));
		await resident(town, false);
		const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }));
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: id, origin: ORIGIN });
		const outbox: MailMessage[] = [];
		const ctx = jobContext(outbox);
		// Two runs at once and one after: the list is built once, each mail queued once.
		const results = await Promise.all([
			sendNewsletterJob(ctx, { newsletterId: id, origin: ORIGIN }),
			sendNewsletterJob(ctx, { newsletterId: id, origin: ORIGIN })
		]);
		await sendNewsletterJob(ctx, { newsletterId: id, origin: ORIGIN });
		await sendDueNewsletters(ctx);
		expect(results.some((r) => r.status === 'sent')).toBe(true);
		expect(outbox.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
		const links = new Set(outbox.map((m) => m.headers?.['List-Unsubscribe']));
		expect(links.size).toBe(5);
		for (const m of outbox) {
			expect(m.reference).toBe(`newsletter:${id}`);
			expect(m.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
			expect(m.html).toContain('lang="nl"');
			expect(m.html).not.toMatch(/<img/i);
			expect(m.text).toContain('Geen nieuwsbrieven meer: https://meedoen.test/uitschrijven/');
		}
		const page = await getNewsletterPage(as(staff, town), { unverifiedId: id });
		expect(page.newsletter.status).toBe('sent');
		expect(page.counts).toMatchObject({ recipients: 5, queued: 5 });
	});

	it('queued in batches, by two runs at once, goes to each recipient once and to all of them', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const people = await Promise.all(Array.from({ length: 7 }, () => resident(town)));
		const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }));
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: id, origin: ORIGIN });
		const outbox: MailMessage[] = [];
		const ctx = jobContext(outbox);
		// The list in steps of 100 and 7 parts, then batches of 2: the runs take turns on the newsletter's row lock,
		// each going on after the other's last part and recipient.
		const results = await Promise.all([
			sendNewsletterJob(ctx, { newsletterId: id, origin: ORIGIN }, { batchSize: 2, listStep: 100 }),
			sendNewsletterJob(ctx, { newsletterId: id, origin: ORIGIN }, { batchSize: 2, listStep: 7 })
		]);
		expect(results.reduce((n, r) => n + r.queuedNow, 0)).toBe(7);
		expect(outbox.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
		const page = await getNewsletterPage(as(staff, town), { unverifiedId: id });
		expect(page.counts).toMatchObject({ recipients: 7, queued: 7 });
	});

	it('paced as on the embedded database while people are active, by two runs at once, goes to each recipient once', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const people = await Promise.all(Array.from({ length: 9 }, () => resident(town)));
		const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }));
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: id, origin: ORIGIN });
		const outbox: MailMessage[] = [];
		const ctx = jobContext(outbox);
		// One run sees people come and go (large and small turns), the other sees them active throughout.
		let turn = 0;
		const results = await Promise.all([
			sendNewsletterJob(
				ctx,
				{ newsletterId: id, origin: ORIGIN },
				{
					pace: { idleBatch: 3, busyBatch: 1, active: 5, activity: () => (turn++ % 2 ? 0 : 10) }
				}
			),
			sendNewsletterJob(
				ctx,
				{ newsletterId: id, origin: ORIGIN },
				{ pace: { idleBatch: 3, busyBatch: 2, active: 5, activity: () => 10 } }
			)
		]);
		expect(results.reduce((n, r) => n + r.queuedNow, 0)).toBe(9);
		expect(outbox.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
		const page = await getNewsletterPage(as(staff, town), { unverifiedId: id });
		expect(page.counts).toMatchObject({ recipients: 9, queued: 9 });
	});

	it('a person who deleted their account gets nothing, not even queued mail', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const stays = await resident(town);
		const leaves = await resident(town);
		const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }));
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: id, origin: ORIGIN });
		// The list is written (as the job's first steps do), then the person deletes their account before the mails go.
		await db()
			.insert(newsletterRecipients)
			.values([
				{ newsletterId: id, municipalityId: town.id, userId: leaves.id },
				{ newsletterId: id, municipalityId: town.id, userId: stays.id }
			]);
		await db()
			.update(newsletters)
			.set({ status: 'sending', recipientCount: 2, listedParts: LIST_PARTS })
			.where(eq(newsletters.id, id));
		const leaver = await actorOf(db(), leaves);
		await deleteAccount(buildCtx(db(), undefined, { actor: leaver }), { confirm: 'yes' });
		const rows = await db()
			.select()
			.from(newsletterRecipients)
			.where(and(eq(newsletterRecipients.newsletterId, id), eq(newsletterRecipients.userId, leaves.id)));
		expect(rows).toHaveLength(0);
		const outbox: MailMessage[] = [];
		await sendNewsletterJob(jobContext(outbox), { newsletterId: id, origin: ORIGIN });
		expect(outbox.map((m) => m.to)).toEqual([stays.email]);
	});

	it('the hourly catch-up sends what was left without a job, and leaves a newsletter its own job has', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const person = await resident(town);
		const make = async (subject: string, change: Partial<typeof newsletters.$inferInsert>) => {
			const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }, { subject }));
			await db().update(newsletters).set(change).where(eq(newsletters.id, id));
			return id;
		};
		const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
		const lost = await make('Zonder job', { status: 'scheduled', scheduledAt: ago(DUE_GRACE_MINUTES + 5) });
		const stalled = await make('Halverwege blijven steken', {
			status: 'sending',
			recipientCount: 0,
			updatedAt: ago(DUE_GRACE_MINUTES + 5)
		});
		const justDue = await make('Net aan de beurt', { status: 'scheduled', scheduledAt: ago(1) });
		const going = await make('Wordt verstuurd', { status: 'sending', recipientCount: 0, updatedAt: ago(1) });
		const outbox: MailMessage[] = [];
		await sendDueNewsletters(jobContext(outbox));
		const statusOf = async (id: number) =>
			(await db().select({ s: newsletters.status }).from(newsletters).where(eq(newsletters.id, id)))[0]?.s;
		expect(await statusOf(lost)).toBe('sent');
		expect(await statusOf(stalled)).toBe('sent');
		expect(await statusOf(justDue)).toBe('scheduled');
		expect(await statusOf(going)).toBe('sending');
		expect(outbox.map((m) => [m.to, m.reference]).sort()).toEqual(
			[
				[person.email, `newsletter:${lost}`],
				[person.email, `newsletter:${stalled}`]
			].sort()
		);
		// Its links carry the configured origin: no request sent it.
		expect(outbox.every((m) => m.text.includes(`${ORIGIN}/uitschrijven/`))).toBe(true);
	});

	it('a person locked after the list was built gets nothing and leaves the list', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const people = await Promise.all(Array.from({ length: 4 }, () => resident(town)));
		const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }));
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: id, origin: ORIGIN });
		// The list is built (the job's first step), then one of them is locked before the mails go.
		await db()
			.insert(newsletterRecipients)
			.values(people.map((p) => ({ newsletterId: id, municipalityId: town.id, userId: p.id })));
		await db()
			.update(newsletters)
			.set({ status: 'sending', recipientCount: 4, listedParts: LIST_PARTS })
			.where(eq(newsletters.id, id));
		const locked = people.map((p) => p.id).sort()[1]!;
		await db().update(users).set({ lockedAt: new Date() }).where(eq(users.id, locked));
		const outbox: MailMessage[] = [];
		const result = await sendNewsletterJob(
			jobContext(outbox),
			{ newsletterId: id, origin: ORIGIN },
			{ batchSize: 1 }
		);
		const others = people.filter((p) => p.id !== locked);
		expect(result.queuedNow).toBe(3);
		expect(outbox.map((m) => m.to).sort()).toEqual(others.map((p) => p.email).sort());
		const page = await getNewsletterPage(as(staff, town), { unverifiedId: id });
		expect(page.newsletter.status).toBe('sent');
		expect(page.counts).toMatchObject({ recipients: 3, queued: 3 });
	});

	it('a turn that fails queues nothing and moves nothing: the next run goes on where the last good turn ended', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		const people = await Promise.all(Array.from({ length: 5 }, () => resident(town)));
		const { id } = await createNewsletter(as(staff, town), draft({ audience: 'pool' }));
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: id, origin: ORIGIN });
		const outbox: MailMessage[] = [];
		const good = jobContext(outbox);
		// The third turn's queueing fails (the process dies, the database refuses): its transaction rolls back.
		let turns = 0;
		const failing: SendContext = {
			...good,
			queueMails: async (tx, messages) => {
				if (++turns === 3) throw new Error('the third turn fails');
				return good.queueMails(tx, messages);
			}
		};
		await expect(
			sendNewsletterJob(failing, { newsletterId: id, origin: ORIGIN }, { batchSize: 2 })
		).rejects.toThrow('the third turn fails');
		expect(outbox).toHaveLength(4);
		let page = await getNewsletterPage(as(staff, town), { unverifiedId: id });
		expect(page.newsletter.status).toBe('sending');
		expect(page.counts).toMatchObject({ recipients: 5, queued: 4 });
		await sendNewsletterJob(good, { newsletterId: id, origin: ORIGIN }, { batchSize: 2 });
		expect(outbox.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
		page = await getNewsletterPage(as(staff, town), { unverifiedId: id });
		expect(page.counts).toMatchObject({ recipients: 5, queued: 5 });
	});
});

describe('the archive', () => {
	it('shows sent newsletters only, in their municipality, without anything personal', async () => {
		const town = (await buildOtherRegion(db())).tenant;
		const staff = (await buildStaff(db(), town, 'communication')).actor;
		await resident(town);
		const sent = await createNewsletter(
			as(staff, town),
			draft({ audience: 'pool' }, { subject: 'Verstuurd' })
		);
		const unsent = await createNewsletter(
			as(staff, town),
			draft({ audience: 'pool' }, { subject: 'Ontwerp' })
		);
		await sendNewsletter(as(staff, town), { when: 'now', unverifiedId: sent.id, origin: ORIGIN });
		await sendNewsletterJob(jobContext([]), { newsletterId: sent.id, origin: ORIGIN });
		const visitor = buildCtx(db(), town);
		expect((await listNewsletterArchive(visitor)).map((n) => n.subject)).toEqual(['Verstuurd']);
		const page = await getArchivedNewsletter(visitor, { unverifiedId: String(sent.id) });
		expect(JSON.stringify(page)).not.toMatch(/@|uitschrijven/);
		await refusal(getArchivedNewsletter(visitor, { unverifiedId: String(unsent.id) }), 'not_found');
		await refusal(
			getArchivedNewsletter(buildCtx(db(), geel), { unverifiedId: String(sent.id) }),
			'not_found'
		);
	});
});

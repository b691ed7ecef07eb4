// The funder reports against the real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): the two
// shipped programmes, targets above zero, the interim report filled in from the impact indicators, a KPI below
// the threshold that blocks submitting until its motivation and initiative are there (saved as a draft
// meanwhile), minimum expectations and answers held to their limit, hostile text, locking, the named reviewer's
// verdict, who sees what (staff of another municipality nothing), and the XLSX and PDF read back with libraries
// written elsewhere (SheetJS, PDF.js).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as XLSX from '@e965/xlsx';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { MailMessage } from '$lib/server/platform/mail';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx, silentLog } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { untilSomeoneWaitsForALock } from '$lib/server/testing/locks';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import { readPdf } from '$lib/server/testing/pdf-inspect';
import {
	auditLog,
	domainEvents,
	funderProgrammes,
	funderReports,
	funderReviewerInvitations,
	notifications,
	users
} from '$lib/server/db/schema';
import { loadConfig } from '$lib/server/platform/config';
import { createEventDispatcher } from '$lib/server/platform/events.dispatcher';
import { outboxQueue } from '$lib/server/testing/outbox';
import { notificationHandlers } from '$lib/server/features/notifications/notifications.handlers';
import { indicatorValue } from '$lib/server/features/impact/impact.service';
import { brusselsDay } from '$lib/server/platform/dates';
import { translate, type MessageKey } from '$lib/i18n';
import {
	addProgrammeAction,
	addReviewer,
	createEmptyProgramme,
	removeProgrammeAction,
	removeProgrammeExpectation,
	removeProgrammeSection,
	removeReviewer,
	revokeReviewerInvitation,
	saveProgrammeExpectation,
	saveProgrammeSection,
	changeProgrammeTarget,
	createProgramme,
	createProgrammeFromPreset,
	getMunicipalityProgrammes,
	getRegionProgrammes,
	getReportView,
	judgeReport,
	openReport,
	periodEnd,
	saveReport,
	submitReport
} from './funder-reports.service';
import { exportReportPdf, exportReportXlsx } from './funder-reports.export';
import { answersFromForm } from './funder-reports.forms';
import { preset } from './funder-reports.presets';
import { programmeSchema, type ProgrammeDefinition } from './funder-reports.schemas';
import { seedDemoFunderReports } from './funder-reports.demo';
import { eraseFunderData, exportFunderData } from './funder-reports.personal-data';
import { consumeLoginLink, requestLoginLink } from '$lib/server/features/accounts/accounts.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let regionId: string;
let geelModerator: Actor;
let geelAlderman: Actor;
let molAdmin: Actor;
let regionAdmin: Actor;
let reviewer: Actor;
let reviewerEmail: string;
let otherReviewer: Actor;
let otherReviewerEmail: string;

const as = (actor: Actor | undefined, tenant?: Tenant) =>
	tenant ? buildCtx(database.db, tenant, { actor }) : buildCtx(database.db, undefined, { actor });
const THIS_YEAR = new Date().getUTCFullYear();
const PERIOD = 'jaar-2'; // this year in the presets (started, not ended)

async function inhabitant(tenant: Tenant) {
	const u = await buildUser(database.db);
	await database.db.update(users).set({ homeMunicipalityId: tenant.id }).where(eq(users.id, u.id));
}

/** A programme of two KPIs: registered users (linked, target = the current figure: 100 %) and one by hand. */
async function testProgramme(usersTarget: number, extra: Partial<{ threshold: number }> = {}) {
	return createProgramme(as(regionAdmin), {
		unverifiedRegionId: regionId,
		programme: {
			name: 'Testprogramma',
			funder: 'Testfinancier',
			threshold: extra.threshold ?? 25,
			submitter: 'municipality',
			periods: [
				{
					key: 'jaar-1',
					label: 'Projectjaar 1',
					from: `${THIS_YEAR - 1}-01-01`,
					to: `${THIS_YEAR - 1}-12-31`
				},
				{ key: 'jaar-2', label: 'Projectjaar 2', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` },
				{
					key: 'jaar-3',
					label: 'Projectjaar 3',
					from: `${THIS_YEAR + 1}-01-01`,
					to: `${THIS_YEAR + 1}-12-31`
				}
			],
			definition: {
				actions: [
					{
						key: 'gebruikers',
						title: 'Gebruikers van het platform',
						kpi: {
							kind: 'indicator',
							indicator: 'accounts.registeredUsers',
							targets: { municipality: usersTarget, region: null }
						}
					},
					{
						key: 'actieplan',
						title: 'Actie 2: actieplan polarisatie',
						kpi: { kind: 'manual', label: 'Stappen doorlopen', target: 10 },
						expectations: [
							{
								key: 'domeinen',
								title: 'Minstens drie van vijf domeinen',
								kind: 'atLeast',
								min: 3,
								limit: 250,
								items: [
									{ key: 'a', label: 'Polarisatie' },
									{ key: 'b', label: 'Desinformatie' },
									{ key: 'c', label: 'Haatspraak' },
									{ key: 'd', label: 'Debatten' },
									{ key: 'e', label: 'Vorming' }
								]
							}
						]
					}
				],
				sections: [
					{
						key: 'mentor',
						title: 'Financiële stimulans mentorbestuur',
						questions: [
							{ key: 'netwerken', label: 'Hoeveel lerende netwerken?', kind: 'count' },
							{ key: 'rol', label: 'Hoe werd de rol ervaren?', kind: 'text', limit: 250 }
						]
					}
				]
			}
		}
	});
}

const complete = {
	actions: {
		gebruikers: {},
		actieplan: {
			reached: '2',
			motivation: 'De coördinator viel maanden uit.',
			initiatives: [{ description: 'Tweede werksessie met de diensten', timing: 'maart', contribution: '4' }]
		}
	},
	expectations: {
		'actieplan.domeinen': {
			answer: 'yes',
			text: 'Drie domeinen lopen al.',
			items: { a: 'Dialoogtafels', b: 'Workshop mediawijsheid', e: 'Vorming voor loketmedewerkers' }
		}
	},
	sections: { 'mentor.netwerken': '2', 'mentor.rol': 'Leerrijk.' }
};

const testConfig = loadConfig({
	NODE_ENV: 'test',
	ORIGIN: 'https://meedoen.test',
	DEMO: 'false',
	DEV_IDP_PORT: '0'
});

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel', { primaryColor: '#0b5e3c' });
	mol = await buildParticipatingMunicipality(db, 'mol');
	regionId = await regionIdOf(db, geel);
	geelModerator = (await buildStaff(db, geel, 'moderator')).actor;
	geelAlderman = (await buildStaff(db, geel, 'alderman')).actor;
	molAdmin = (await buildStaff(db, mol, 'admin')).actor;
	const ra = await buildUser(db);
	await grantRegionRole(db, regionId, ra.id, 'regional_admin');
	regionAdmin = await actorOf(db, ra);
	const r = await buildUser(db);
	reviewer = await actorOf(db, r);
	reviewerEmail = r.email!;
	const o = await buildUser(db);
	otherReviewer = await actorOf(db, o);
	otherReviewerEmail = o.email!;
	await inhabitant(geel);
	await inhabitant(geel);
});

afterAll(async () => {
	await database?.destroy();
});

describe('programmes', () => {
	it('ships the impact map and Plan Samenleven as presets that validate, linked to existing indicators', async () => {
		const impact = programmeSchema.parse(preset('impact-map', THIS_YEAR));
		expect(impact.definition.actions.map((a) => a.kpi.kind === 'indicator' && a.kpi.indicator)).toContain(
			'accounts.registeredUsers'
		);
		const samenleven = programmeSchema.parse(preset('plan-samenleven', THIS_YEAR));
		expect(samenleven.threshold).toBe(25);
		const exps = samenleven.definition.actions.flatMap((a) => a.expectations);
		expect(exps.some((x) => x.kind === 'atLeast' && x.min === 3 && x.items.length === 5)).toBe(true);
		expect(exps.some((x) => x.kind === 'each' && x.items.length === 4 && x.title.includes('P’s'))).toBe(true);
		expect(exps.every((x) => x.limit === 250)).toBe(true);
		expect(samenleven.definition.sections.map((s) => s.key)).toEqual([
			'samenwerkingsverband',
			'mentorbestuur',
			'sociale-impact'
		]);
		const { id } = await createProgrammeFromPreset(as(regionAdmin), {
			unverifiedRegionId: regionId,
			preset: 'plan-samenleven'
		});
		const page = await getRegionProgrammes(as(regionAdmin));
		expect(page.programmes.find((p) => p.id === id)?.name).toBe('Plan Samenleven: tussentijdse rapportage');
	});

	it('loads the two presets as demo content once per region', async () => {
		const first = await seedDemoFunderReports(database.db);
		expect(first.programmes).toBe(1); // plan-samenleven exists already (above); the impact map is new
		expect((await seedDemoFunderReports(database.db)).programmes).toBe(0);
		const presets = await database.db.select({ preset: funderProgrammes.preset }).from(funderProgrammes);
		expect(presets.map((p) => p.preset).sort()).toEqual(['impact-map', 'plan-samenleven']);
	});

	it('refuses a target of zero or below, an unknown indicator, and anyone but the region’s admins', async () => {
		const bad = structuredClone(preset('impact-map', THIS_YEAR)) as ReturnType<typeof preset>;
		(bad.definition.actions[0]!.kpi as { targets: { municipality: number | null } }).targets.municipality = 0;
		const e1 = await refusal(
			createProgramme(as(regionAdmin), { unverifiedRegionId: regionId, programme: bad }),
			'validation'
		);
		expect(e1.options.fields?.definition).toContain('funderReports.errors.targetPositive');
		const manual = structuredClone(preset('plan-samenleven', THIS_YEAR)) as ReturnType<typeof preset>;
		(manual.definition.actions[0]!.kpi as { target: number }).target = -3;
		await refusal(
			createProgramme(as(regionAdmin), { unverifiedRegionId: regionId, programme: manual }),
			'validation'
		);
		const unknown = structuredClone(preset('impact-map', THIS_YEAR)) as ReturnType<typeof preset>;
		(unknown.definition.actions[0]!.kpi as { indicator: string }).indicator = 'nope.nope';
		await refusal(
			createProgramme(as(regionAdmin), { unverifiedRegionId: regionId, programme: unknown }),
			'validation'
		);
		await refusal(
			createProgrammeFromPreset(as(molAdmin), { unverifiedRegionId: regionId, preset: 'impact-map' }),
			'forbidden'
		);
		const { id } = await testProgramme(5);
		for (const target of ['0', '-2', 'twee']) {
			const err = await refusal(
				changeProgrammeTarget(as(regionAdmin), {
					unverifiedProgrammeId: id,
					action: 'gebruikers',
					scope: 'municipality',
					target
				}),
				'validation'
			);
			expect(err.options.fields?.target?.length).toBe(1);
		}
		await changeProgrammeTarget(as(regionAdmin), {
			unverifiedProgrammeId: id,
			action: 'gebruikers',
			scope: 'municipality',
			target: '7'
		});
		await refusal(
			changeProgrammeTarget(as(geelModerator), {
				unverifiedProgrammeId: id,
				action: 'gebruikers',
				scope: 'municipality',
				target: '9'
			}),
			'not_found'
		);
		await refusal(getRegionProgrammes(as(geelModerator)), 'forbidden');
	});
});

/** Signs in with a mailed login link, as a person does: the address is verified by using the link. */
async function mailLogin(email: string) {
	const outbox: MailMessage[] = [];
	await requestLoginLink(buildCtx(database.db, undefined, { outbox }), {
		email,
		ip: `10.21.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
		origin: 'https://meedoen.test',
		returnTo: '/beheer/rapportering',
		channel: { channel: null, referrer: null }
	});
	const token = /token=([\w-]+)/.exec(outbox[0]!.text)![1]!;
	return consumeLoginLink(buildCtx(database.db), {
		unverifiedToken: token,
		userAgent: 'test',
		settings: { idleMinutes: 60, maxDays: 30 }
	});
}

const summaryOf = async (id: number, actor = regionAdmin) =>
	(await getRegionProgrammes(as(actor))).programmes.find((p) => p.id === id)!;

describe('naming a reviewer', () => {
	it('refuses a locked account’s address and a bad address beside the field; names a verified account at once', async () => {
		const { id } = await testProgramme(5);
		const locked = await buildUser(database.db);
		await database.db.update(users).set({ lockedAt: new Date() }).where(eq(users.id, locked.id));
		const err = await refusal(
			addReviewer(as(regionAdmin), { unverifiedProgrammeId: id, email: locked.email!.toUpperCase() }),
			'validation'
		);
		expect(err.options.fields?.email).toEqual(['funderReports.errors.reviewerLocked']);
		expect(translate('nl', 'funderReports.errors.reviewerLocked')).toMatch(/e-mailadres/);
		for (const bad of ['geen-adres', '', `${'a'.repeat(250)}@example.be`, '<script>@x']) {
			const e = await refusal(
				addReviewer(as(regionAdmin), { unverifiedProgrammeId: id, email: bad }),
				'validation'
			);
			expect(e.options.fields?.email).toEqual(['funderReports.errors.emailInvalid']);
		}
		expect((await summaryOf(id)).reviewers).toEqual([]);
		expect((await summaryOf(id)).editor!.invitations).toEqual([]);
		// A verified, living account is named (its address typed in capitals still finds it), without a mail.
		const fine = await buildUser(database.db);
		const outbox: MailMessage[] = [];
		const outcome = await addReviewer(buildCtx(database.db, undefined, { actor: regionAdmin, outbox }), {
			unverifiedProgrammeId: id,
			email: fine.email!.toUpperCase()
		});
		expect(outcome).toBe('named');
		expect(outbox).toEqual([]);
		expect((await summaryOf(id)).reviewers.map((r) => r.userId)).toEqual([fine.id]);
		const again = await refusal(
			addReviewer(as(regionAdmin), { unverifiedProgrammeId: id, email: fine.email! }),
			'validation'
		);
		expect(again.options.fields?.email).toEqual(['funderReports.errors.reviewerAlready']);
		// Only the region's admins name reviewers: another municipality's staff find nothing.
		await refusal(addReviewer(as(molAdmin), { unverifiedProgrammeId: id, email: fine.email! }), 'not_found');
		await refusal(
			addReviewer(as(geelModerator, geel), { unverifiedProgrammeId: id, email: 'x@example.be' }),
			'not_found'
		);
	});

	it('invites an address without an account by mail (Dutch, in the platform’s look); signing in with it makes the reviewer', async () => {
		const { id } = await testProgramme(5);
		const email = `nieuw.${Math.random().toString(36).slice(2, 8)}@abb.example.be`;
		const outbox: MailMessage[] = [];
		const outcome = await addReviewer(buildCtx(database.db, undefined, { actor: regionAdmin, outbox }), {
			unverifiedProgrammeId: id,
			email: `  ${email.toUpperCase()} `,
			origin: 'https://meedoen.test'
		});
		expect(outcome).toBe('invited');
		expect(outbox).toHaveLength(1);
		const mail = outbox[0]!;
		expect(mail.to).toBe(email);
		expect(mail.subject).toBe('Uitnodiging: beoordelaar van Testprogramma');
		expect(mail.text).toContain('Meld u aan met dit e-mailadres');
		expect(mail.text).toContain('https://meedoen.test/aanmelden?terug=%2Fbeheer%2Frapportering');
		expect(mail.html).toContain('<html lang="nl"');
		expect(mail.html).toContain('href="https://meedoen.test/aanmelden?terug=%2Fbeheer%2Frapportering"');
		expect(mail.reference).toBe(`funder_reports.reviewer_invited:${id}:${email}`);
		const pending = (await summaryOf(id)).editor!.invitations;
		expect(pending.map((i) => i.email)).toEqual([email]);
		expect((await summaryOf(id)).reviewers).toEqual([]);
		// Twice the same address is refused beside the field, without a second mail.
		const twice = await refusal(
			addReviewer(buildCtx(database.db, undefined, { actor: regionAdmin, outbox }), {
				unverifiedProgrammeId: id,
				email
			}),
			'validation'
		);
		expect(twice.options.fields?.email).toEqual(['funderReports.errors.reviewerAlreadyInvited']);
		expect(outbox).toHaveLength(1);
		const logged = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'funder_reports.reviewer_invited'));
		expect(logged.some((r) => (r.details as { email?: string }).email === email)).toBe(true);
		// The person signs in with that address (a mailed login link verifies it) and is the reviewer.
		await mailLogin(email);
		const [person] = await database.db.select().from(users).where(eq(users.email, email));
		const after = await summaryOf(id);
		expect(after.reviewers.map((r) => r.userId)).toEqual([person!.id]);
		expect(after.editor!.invitations).toEqual([]);
		const accepted = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'funder_reports.reviewer_invitation_accepted'));
		expect(accepted.some((r) => r.actorId === person!.id)).toBe(true);
		// And finds the programme on the reporting page as its reviewer.
		const asReviewer = await summaryOf(
			id,
			await actorOf(database.db, { id: person!.id, displayName: person!.displayName })
		);
		expect(asReviewer.isReviewer).toBe(true);
		expect(asReviewer.editor).toBeNull();
	});

	it('never makes a locked account reviewer through an invitation, and an invitation can be revoked', async () => {
		const { id } = await testProgramme(5);
		// An address known only unverified, later locked: invited, but the locked account cannot sign in.
		const unverified = await buildUser(database.db, { verified: false });
		expect(await addReviewer(as(regionAdmin), { unverifiedProgrammeId: id, email: unverified.email! })).toBe(
			'invited'
		);
		await database.db.update(users).set({ lockedAt: new Date() }).where(eq(users.id, unverified.id));
		await database.db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, unverified.id));
		await mailLogin(unverified.email!).then(
			() => expect.fail('a locked account signed in'),
			(e: { code?: string }) => expect(e.code).toBe('forbidden')
		);
		expect((await summaryOf(id)).reviewers).toEqual([]);
		// Revoking: the region's admin only, audited; the address is no longer made reviewer.
		const invitation = (await summaryOf(id)).editor!.invitations[0]!;
		await refusal(
			revokeReviewerInvitation(as(molAdmin), {
				unverifiedProgrammeId: id,
				unverifiedInvitationId: invitation.id
			}),
			'not_found'
		);
		await refusal(
			revokeReviewerInvitation(as(regionAdmin), {
				unverifiedProgrammeId: id,
				unverifiedInvitationId: '1; DROP'
			}),
			'not_found'
		);
		await revokeReviewerInvitation(as(regionAdmin), {
			unverifiedProgrammeId: id,
			unverifiedInvitationId: String(invitation.id)
		});
		expect((await summaryOf(id)).editor!.invitations).toEqual([]);
		const rows = await database.db
			.select()
			.from(funderReviewerInvitations)
			.where(eq(funderReviewerInvitations.programmeId, id));
		expect(rows).toEqual([]);
		// A deleted account's address is invited like any other; only a living account that signs in accepts.
		const deleted = await buildUser(database.db);
		await database.db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, deleted.id));
		expect(await addReviewer(as(regionAdmin), { unverifiedProgrammeId: id, email: deleted.email! })).toBe(
			'invited'
		);
		expect((await summaryOf(id)).reviewers.map((r) => r.userId)).not.toContain(deleted.id);
		// Removing a named reviewer still works.
		const fine = await buildUser(database.db);
		await addReviewer(as(regionAdmin), { unverifiedProgrammeId: id, email: fine.email! });
		await removeReviewer(as(regionAdmin), { unverifiedProgrammeId: id, userId: fine.id });
		expect((await summaryOf(id)).reviewers).toEqual([]);
	});
});

describe('minimum expectations and extra sections in the region’s editor', () => {
	const fresh = {
		name: 'Samenleven',
		funder: 'ABB',
		threshold: '25',
		submitter: 'municipality',
		periods: [{ label: 'Jaar 1', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }]
	};
	async function programmeWithAction() {
		const { id } = await createEmptyProgramme(as(regionAdmin), { unverifiedRegionId: regionId, ...fresh });
		const { key } = await addProgrammeAction(as(regionAdmin), {
			unverifiedProgrammeId: id,
			title: 'Actie 2: actieplan polarisatie',
			kind: 'manual',
			label: 'Stappen',
			target: '4'
		});
		return { id, action: key };
	}
	const items = 'Polarisatie\nDesinformatie\n\n  Haatspraak  \nDebat\nVorming';

	it('refuses each bad field of an expectation beside it, hostile and oversized input included', async () => {
		const { id, action } = await programmeWithAction();
		const base = {
			unverifiedProgrammeId: id,
			action,
			title: 'Drie domeinen',
			kind: 'atLeast',
			min: '3',
			limit: '250',
			items
		};
		const cases: [Record<string, unknown>, string, string][] = [
			[{ min: '6' }, 'min', 'funderReports.errors.minInvalid'],
			[{ min: '0' }, 'min', 'funderReports.errors.minInvalid'],
			[{ min: '-1' }, 'min', 'funderReports.errors.minInvalid'],
			[{ min: '2,5' }, 'min', 'funderReports.errors.minInvalid'],
			[{ min: '' }, 'min', 'funderReports.errors.minInvalid'],
			[{ limit: '0' }, 'limit', 'funderReports.errors.limitInvalid'],
			[{ limit: '5001' }, 'limit', 'funderReports.errors.limitInvalid'],
			[{ limit: 'veel' }, 'limit', 'funderReports.errors.limitInvalid'],
			[{ title: '   ' }, 'title', 'funderReports.errors.titleRequired'],
			[{ title: 'x'.repeat(201) }, 'title', 'funderReports.errors.titleTooLong'],
			[{ items: ' \n \r\n ' }, 'items', 'funderReports.errors.itemsRequired'],
			[
				{ items: Array.from({ length: 21 }, (_, n) => `Onderdeel ${n}`).join('\n') },
				'items',
				'funderReports.errors.tooManyItems'
			],
			[{ items: 'x'.repeat(100_000) }, 'items', 'funderReports.errors.tooManyItems'],
			[{ items: `Kort\n${'y'.repeat(201)}` }, 'items', 'funderReports.errors.itemTooLong'],
			[{ kind: 'allemaal' }, 'kind', 'funderReports.errors.expectationKindInvalid'],
			[{ action: 'bestaat-niet' }, 'action', 'funderReports.errors.actionUnknown'],
			[{ action: '../../etc' }, 'action', 'funderReports.errors.actionUnknown'],
			[{ action: { key: 'x' } }, 'action', 'funderReports.errors.actionUnknown']
		];
		for (const [change, field, message] of cases) {
			const err = await refusal(
				saveProgrammeExpectation(as(regionAdmin), { ...base, ...change }),
				'validation'
			);
			expect(err.options.fields?.[field], JSON.stringify(change).slice(0, 80)).toContain(message);
			expect(translate('nl', message as never)).not.toBe(message);
		}
		// Several bad fields are named at once.
		const many = await refusal(
			saveProgrammeExpectation(as(regionAdmin), { ...base, title: '', min: '9', limit: '0' }),
			'validation'
		);
		expect(Object.keys(many.options.fields ?? {}).sort()).toEqual(['limit', 'min', 'title']);
		// An unknown expectation to change is refused, nothing was stored.
		const unknown = await refusal(
			saveProgrammeExpectation(as(regionAdmin), { ...base, expectation: 'nope' }),
			'validation'
		);
		expect(unknown.options.fields?.expectation).toEqual(['funderReports.errors.expectationUnknown']);
		expect((await summaryOf(id)).editor!.expectations).toEqual([]);
		// Only the region's admins: another municipality's staff and a municipality's moderator find nothing.
		await refusal(saveProgrammeExpectation(as(molAdmin), base), 'not_found');
		await refusal(saveProgrammeExpectation(as(geelModerator, geel), base), 'not_found');
		await refusal(saveProgrammeExpectation(as(undefined), base), 'unauthenticated');
	});

	it('adds, changes and removes expectations of both kinds, audited, and the report form asks them', async () => {
		const { id, action } = await programmeWithAction();
		const atLeast = await saveProgrammeExpectation(as(regionAdmin), {
			unverifiedProgrammeId: id,
			action,
			title: 'Minstens drie van vijf domeinen',
			kind: 'atLeast',
			min: '3',
			limit: '250',
			items
		});
		const each = await saveProgrammeExpectation(as(regionAdmin), {
			unverifiedProgrammeId: id,
			action,
			title: '<b>Opmaak</b> actieplan',
			kind: 'each',
			min: '99', // ignored for "something in each"
			limit: '',
			items: 'Coördinator aangeduid\r\nZelfevaluatie'
		});
		const ed = (await summaryOf(id)).editor!;
		expect(ed.expectations).toEqual([
			{
				action,
				actionTitle: 'Actie 2: actieplan polarisatie',
				key: atLeast.key,
				title: 'Minstens drie van vijf domeinen',
				kind: 'atLeast',
				min: 3,
				limit: 250,
				items: ['Polarisatie', 'Desinformatie', 'Haatspraak', 'Debat', 'Vorming']
			},
			{
				action,
				actionTitle: 'Actie 2: actieplan polarisatie',
				key: each.key,
				title: '<b>Opmaak</b> actieplan',
				kind: 'each',
				min: null,
				limit: 250,
				items: ['Coördinator aangeduid', 'Zelfevaluatie']
			}
		]);
		// Changed: the key stays, an item kept keeps its key.
		const [stored] = await database.db.select().from(funderProgrammes).where(eq(funderProgrammes.id, id));
		const keyOf = (label: string) =>
			(
				stored!.definition as {
					definition: { actions: { expectations: { items: { key: string; label: string }[] }[] }[] };
				}
			).definition.actions[0]!.expectations[0]!.items.find((i) => i.label === label)!.key;
		const polarisatie = keyOf('Polarisatie');
		await saveProgrammeExpectation(as(regionAdmin), {
			unverifiedProgrammeId: id,
			action,
			expectation: atLeast.key,
			title: 'Minstens twee domeinen',
			kind: 'atLeast',
			min: '2',
			limit: '5000',
			items: 'Polarisatie\nDesinformatie'
		});
		const changed = (await summaryOf(id)).editor!.expectations[0]!;
		expect(changed).toMatchObject({
			key: atLeast.key,
			min: 2,
			limit: 5000,
			items: ['Polarisatie', 'Desinformatie']
		});
		const [again] = await database.db.select().from(funderProgrammes).where(eq(funderProgrammes.id, id));
		expect(
			(again!.definition as { definition: { actions: { expectations: { items: { key: string }[] }[] }[] } })
				.definition.actions[0]!.expectations[0]!.items[0]!.key
		).toBe(polarisatie);
		// The municipality's report form asks them (and holds answers to the new limit).
		const report = await openReport(as(geelModerator, geel), { unverifiedProgrammeId: id, period: 'jaar-1' });
		const view = await getReportView(as(geelModerator, geel), { unverifiedReportId: report.id });
		expect(view.programme.definition.actions[0]!.expectations.map((x) => x.title)).toEqual([
			'Minstens twee domeinen',
			'<b>Opmaak</b> actieplan'
		]);
		expect(view.missing[`e.${action}.${atLeast.key}.answer`]).toEqual([
			'funderReports.errors.expectationAnswerRequired'
		]);
		// Once a report exists the expectations stay as they are.
		const inUse = await refusal(
			saveProgrammeExpectation(as(regionAdmin), {
				unverifiedProgrammeId: id,
				action,
				title: 'Nog een',
				kind: 'each',
				items: 'a'
			}),
			'conflict'
		);
		expect(inUse.messageKey).toBe('funderReports.errors.programmeInUse');
		await refusal(
			removeProgrammeExpectation(as(regionAdmin), {
				unverifiedProgrammeId: id,
				action,
				expectation: each.key,
				confirm: 'on'
			}),
			'conflict'
		);
		expect((await summaryOf(id)).editor!.locked).toBe(true);
		const audit = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'funder_reports.expectation_changed'));
		expect(audit.some((r) => (r.details as { programmeId?: number }).programmeId === id)).toBe(true);
	});

	it('removes an expectation only when confirmed, by the region’s admin only', async () => {
		const { id, action } = await programmeWithAction();
		const { key } = await saveProgrammeExpectation(as(regionAdmin), {
			unverifiedProgrammeId: id,
			action,
			title: 'Iets bij elk',
			kind: 'each',
			items: 'a\nb'
		});
		const remove = { unverifiedProgrammeId: id, action, expectation: key };
		const unconfirmed = await refusal(
			removeProgrammeExpectation(as(regionAdmin), { ...remove, confirm: '' }),
			'validation'
		);
		expect(unconfirmed.options.fields?.confirm).toEqual(['backoffice.errors.confirmRequired']);
		expect((await summaryOf(id)).editor!.expectations.map((x) => x.key)).toEqual([key]);
		await refusal(removeProgrammeExpectation(as(molAdmin), { ...remove, confirm: 'on' }), 'not_found');
		const wrong = await refusal(
			removeProgrammeExpectation(as(regionAdmin), { ...remove, expectation: 'nope', confirm: 'on' }),
			'validation'
		);
		expect(wrong.options.fields?.expectation).toEqual(['funderReports.errors.expectationUnknown']);
		await removeProgrammeExpectation(as(regionAdmin), { ...remove, confirm: 'on' });
		expect((await summaryOf(id)).editor!.expectations).toEqual([]);
		const logged = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'funder_reports.expectation_removed'));
		expect(logged.some((r) => (r.details as { programmeId?: number }).programmeId === id)).toBe(true);
	});

	it('refuses each bad field of an extra section beside its row, keeps rows left empty out', async () => {
		const { id } = await programmeWithAction();
		const row = (label: string, kind = 'text', limit = '') => ({ label, kind, limit });
		const base = { unverifiedProgrammeId: id, title: 'Financiële stimulans mentorbestuur' };
		const cases: [Record<string, unknown>, string, string][] = [
			[{ questions: [row('', 'text', '')] }, 'q.0.label', 'funderReports.errors.questionsRequired'],
			[{ questions: [] }, 'q.0.label', 'funderReports.errors.questionsRequired'],
			[
				{ questions: [row('Vraag'), row('', 'text', '300')] },
				'q.1.label',
				'funderReports.errors.titleRequired'
			],
			[{ questions: [row('x'.repeat(201))] }, 'q.0.label', 'funderReports.errors.titleTooLong'],
			[{ questions: [row('Vraag', 'text', '0')] }, 'q.0.limit', 'funderReports.errors.limitInvalid'],
			[{ questions: [row('Vraag', 'text', '5001')] }, 'q.0.limit', 'funderReports.errors.limitInvalid'],
			[{ questions: [row('Vraag', 'essay')] }, 'q.0.kind', 'funderReports.errors.questionKindInvalid'],
			[{ title: '', questions: [row('Vraag')] }, 'title', 'funderReports.errors.titleRequired'],
			[
				{ questions: Array.from({ length: 21 }, (_, n) => row(`V${n}`)) },
				'questions',
				'funderReports.errors.tooManyQuestions'
			],
			[{ questions: 'geen lijst' }, 'questions', 'funderReports.errors.definitionInvalid']
		];
		for (const [change, field, message] of cases) {
			const err = await refusal(
				saveProgrammeSection(as(regionAdmin), { ...base, ...change } as never),
				'validation'
			);
			expect(err.options.fields?.[field], JSON.stringify(change).slice(0, 80)).toContain(message);
		}
		await refusal(saveProgrammeSection(as(molAdmin), { ...base, questions: [row('Vraag')] }), 'not_found');
		await refusal(
			saveProgrammeSection(as(geelAlderman, geel), { ...base, questions: [row('Vraag')] }),
			'not_found'
		);
		expect((await summaryOf(id)).editor!.sections).toEqual([]);
	});

	it('adds seed 003’s mentor government section (counts and texts), changes and removes it, and the report asks it', async () => {
		const { id } = await programmeWithAction();
		const { key } = await saveProgrammeSection(as(regionAdmin), {
			unverifiedProgrammeId: id,
			title: 'Financiële stimulans mentorbestuur',
			questions: [
				{ label: 'Hoeveel lerende netwerken werden er georganiseerd?', kind: 'count', limit: '' },
				{ label: '', kind: 'text', limit: '' },
				{ label: 'Hoeveel lokale besturen namen deel?', kind: 'count', limit: '' },
				{ label: 'Hoe werd de rol als mentorbestuur ervaren?', kind: 'text', limit: '250' }
			]
		});
		const ed = (await summaryOf(id)).editor!;
		expect(ed.sections).toEqual([
			{
				key,
				title: 'Financiële stimulans mentorbestuur',
				questions: [
					{ label: 'Hoeveel lerende netwerken werden er georganiseerd?', kind: 'count', limit: 250 },
					{ label: 'Hoeveel lokale besturen namen deel?', kind: 'count', limit: 250 },
					{ label: 'Hoe werd de rol als mentorbestuur ervaren?', kind: 'text', limit: 250 }
				]
			}
		]);
		expect((await summaryOf(id)).sections).toEqual(['Financiële stimulans mentorbestuur']);
		// Changed: a question dropped, the limit raised.
		await saveProgrammeSection(as(regionAdmin), {
			unverifiedProgrammeId: id,
			section: key,
			title: 'Financiële stimulans mentorbestuur',
			questions: [
				{ label: 'Hoeveel lerende netwerken werden er georganiseerd?', kind: 'count', limit: '' },
				{ label: 'Hoe werd de rol als mentorbestuur ervaren?', kind: 'text', limit: '500' }
			]
		});
		expect((await summaryOf(id)).editor!.sections[0]!.questions.map((q) => q.limit)).toEqual([250, 500]);
		const second = await saveProgrammeSection(as(regionAdmin), {
			unverifiedProgrammeId: id,
			title: 'Financiële stimulans sociale impactobligaties',
			questions: [{ label: 'Welke stappen werden gezet?', kind: 'text', limit: '250' }]
		});
		// Removing asks for the back office's one tick ('on'); the funder pages' old 'ja' is no tick.
		const unconfirmed = await refusal(
			removeProgrammeSection(as(regionAdmin), {
				unverifiedProgrammeId: id,
				section: second.key,
				confirm: 'ja'
			}),
			'validation'
		);
		expect(unconfirmed.options.fields?.confirm).toEqual(['backoffice.errors.confirmRequired']);
		expect((await summaryOf(id)).editor!.sections.map((x) => x.key)).toEqual([key, second.key]);
		await refusal(
			removeProgrammeSection(as(molAdmin), { unverifiedProgrammeId: id, section: second.key, confirm: 'on' }),
			'not_found'
		);
		await removeProgrammeSection(as(regionAdmin), {
			unverifiedProgrammeId: id,
			section: second.key,
			confirm: 'on'
		});
		expect((await summaryOf(id)).editor!.sections.map((x) => x.key)).toEqual([key]);
		for (const action of ['section_added', 'section_changed', 'section_removed'] as const) {
			const logged = await database.db
				.select()
				.from(auditLog)
				.where(eq(auditLog.action, `funder_reports.${action}`));
			expect(
				logged.some((r) => (r.details as { programmeId?: number }).programmeId === id),
				action
			).toBe(true);
		}
		// The report asks the section's questions: a count must be a whole number, a text holds its limit.
		const report = await openReport(as(geelModerator, geel), { unverifiedProgrammeId: id, period: 'jaar-1' });
		const view = await getReportView(as(geelModerator, geel), { unverifiedReportId: report.id });
		expect(view.programme.definition.sections.map((x) => x.title)).toEqual([
			'Financiële stimulans mentorbestuur'
		]);
		const q = view.programme.definition.sections[0]!.questions;
		const tooLong = await refusal(
			saveReport(as(geelModerator, geel), {
				unverifiedReportId: report.id,
				answers: { sections: { [`${key}.${q[0]!.key}`]: 'twee', [`${key}.${q[1]!.key}`]: 'x'.repeat(501) } }
			}),
			'validation'
		);
		expect(tooLong.options.fields?.[`s.${key}.${q[0]!.key}`]).toEqual(['funderReports.errors.countInvalid']);
		expect(tooLong.options.fields?.[`s.${key}.${q[1]!.key}`]).toEqual(['funderReports.errors.answerTooLong']);
		await saveReport(as(geelModerator, geel), {
			unverifiedReportId: report.id,
			answers: { sections: { [`${key}.${q[0]!.key}`]: '2', [`${key}.${q[1]!.key}`]: 'x'.repeat(500) } }
		});
		// Locked once a report exists.
		await refusal(
			removeProgrammeSection(as(regionAdmin), { unverifiedProgrammeId: id, section: key, confirm: 'on' }),
			'conflict'
		);
		await refusal(
			saveProgrammeSection(as(regionAdmin), {
				unverifiedProgrammeId: id,
				title: 'Nog een',
				questions: [{ label: 'Vraag', kind: 'text', limit: '' }]
			}),
			'conflict'
		);
	});
});

describe('the interim report', () => {
	let programmeId: number;
	let reportId: number;
	let users_: number;

	beforeAll(async () => {
		users_ = (await indicatorValue(as(regionAdmin), 'accounts.registeredUsers', { municipality: geel.id }))
			.value!;
		expect(users_).toBeGreaterThan(0);
		programmeId = (await testProgramme(users_)).id;
		await addReviewer(as(regionAdmin), { unverifiedProgrammeId: programmeId, email: reviewerEmail });
		const other = await testProgramme(5);
		await addReviewer(as(regionAdmin), { unverifiedProgrammeId: other.id, email: otherReviewerEmail });
	});

	it('opens with every KPI’s target and reached value from the indicators; only the submitter opens it', async () => {
		await refusal(
			openReport(as(geelAlderman, geel), { unverifiedProgrammeId: programmeId, period: PERIOD }),
			'forbidden'
		);
		await refusal(
			openReport(as(molAdmin, geel), { unverifiedProgrammeId: programmeId, period: PERIOD }),
			'not_found'
		);
		const notYet = await refusal(
			openReport(as(geelModerator, geel), { unverifiedProgrammeId: programmeId, period: 'jaar-3' }),
			'validation'
		);
		expect(notYet.options.fields?.period).toEqual(['funderReports.errors.periodNotStarted']);
		const { id } = await openReport(as(geelModerator, geel), {
			unverifiedProgrammeId: programmeId,
			period: PERIOD
		});
		reportId = id;
		expect(
			(await openReport(as(geelModerator, geel), { unverifiedProgrammeId: programmeId, period: PERIOD })).id
		).toBe(id);
		const view = await getReportView(as(geelModerator, geel), { unverifiedReportId: id });
		expect(view.figures.gebruikers).toMatchObject({
			target: users_,
			computed: users_,
			reached: users_,
			percent: 100,
			below: false
		});
		expect(view.figures.actieplan).toMatchObject({
			target: 10,
			computed: null,
			reached: null,
			source: 'manual'
		});
		expect(view.canFill).toBe(true);
	});

	it('keeps nothing of another municipality’s staff’s reach, nor a reviewer of another programme', async () => {
		await refusal(getReportView(as(molAdmin, mol), { unverifiedReportId: reportId }), 'not_found');
		await refusal(getReportView(as(molAdmin, geel), { unverifiedReportId: reportId }), 'not_found');
		await refusal(getReportView(as(molAdmin), { unverifiedReportId: reportId }), 'not_found');
		await refusal(
			saveReport(as(molAdmin, geel), { unverifiedReportId: reportId, answers: complete }),
			'not_found'
		);
		await refusal(exportReportXlsx(as(molAdmin, mol), { unverifiedReportId: reportId }), 'not_found');
		await refusal(getMunicipalityProgrammes(as(molAdmin, geel)), 'forbidden');
		expect(
			(await getMunicipalityProgrammes(as(molAdmin, mol))).programmes.every((p) => p.reports.length === 0)
		).toBe(true);
		await refusal(getReportView(as(otherReviewer), { unverifiedReportId: reportId }), 'not_found');
		await refusal(getReportView(as(undefined, geel), { unverifiedReportId: reportId }), 'unauthenticated');
		// The alderman reads the municipality's report, but does not fill it.
		expect((await getReportView(as(geelAlderman, geel), { unverifiedReportId: reportId })).canFill).toBe(
			false
		);
		await refusal(
			saveReport(as(geelAlderman, geel), { unverifiedReportId: reportId, answers: complete }),
			'forbidden'
		);
	});

	it('refuses to submit with a KPI below the threshold until its motivation and an initiative are there, saving the draft', async () => {
		const first = {
			actions: { actieplan: { reached: '2' } },
			expectations: complete.expectations,
			sections: complete.sections
		};
		const err = await refusal(
			submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: first }),
			'validation'
		);
		expect(err.messageKey).toBe('funderReports.errors.notComplete');
		expect(err.options.fields).toEqual({
			'a.actieplan.motivation': ['funderReports.errors.motivationRequired'],
			'a.actieplan.initiatives': ['funderReports.errors.initiativeRequired']
		});
		const draft = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(draft.status).toBe('draft');
		expect(draft.answers.actions.actieplan?.reached).toBe('2');
		expect(draft.figures.actieplan).toMatchObject({ reached: 2, percent: 20, below: true });
		// An initiative without its timing and contribution is named field by field.
		const half = {
			...first,
			actions: { actieplan: { reached: '2', motivation: 'x', initiatives: [{ description: 'Iets' }] } }
		};
		const err2 = await refusal(
			submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: half }),
			'validation'
		);
		expect(err2.options.fields).toEqual({
			'a.actieplan.i.0.timing': ['funderReports.errors.initiativeTimingRequired'],
			'a.actieplan.i.0.contribution': ['funderReports.errors.initiativeContributionRequired']
		});
	});

	it('refuses more than 20 initiatives beside the action’s initiatives (no 500), and oversized or hostile initiative fields', async () => {
		const base = { expectations: complete.expectations, sections: complete.sections };
		const form = new FormData();
		form.set('a.actieplan.reached', '2');
		form.set('a.actieplan.motivation', 'Te weinig tijd.');
		for (let n = 0; n <= 20; n++) {
			form.set(`a.actieplan.i.${n}.description`, `Initiatief ${n}`);
			form.set(`a.actieplan.i.${n}.timing`, 'juni');
			form.set(`a.actieplan.i.${n}.contribution`, '1');
		}
		const tooMany = answersFromForm(form);
		expect(tooMany.actions.actieplan!.initiatives).toHaveLength(21);
		// One after the other: both started at once, the second's refusal would be unhandled while the first runs.
		for (const work of [
			() => saveReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: tooMany }),
			() => submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: tooMany })
		]) {
			const err = await refusal(work(), 'validation');
			expect(err.options.fields).toEqual({
				'a.actieplan.initiatives': ['funderReports.errors.tooManyInitiatives']
			});
		}
		expect(
			(await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId })).answers.actions
				.actieplan!.initiatives.length
		).toBeLessThan(21);
		// Exactly 20 are kept, and the page is told the limit (it shows no blank slot then).
		form.delete('a.actieplan.i.20.description');
		form.delete('a.actieplan.i.20.timing');
		form.delete('a.actieplan.i.20.contribution');
		await saveReport(as(geelModerator, geel), {
			unverifiedReportId: reportId,
			answers: answersFromForm(form)
		});
		const full = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(full.answers.actions.actieplan!.initiatives).toHaveLength(20);
		expect(full.limits.initiatives).toBe(20);
		// Initiatives that are not a list, or items that are not objects: refused beside the field.
		for (const initiatives of ['x'.repeat(10_000), [1, 2], { 0: 'a' }]) {
			const err = await refusal(
				saveReport(as(geelModerator, geel), {
					unverifiedReportId: reportId,
					answers: { ...base, actions: { actieplan: { reached: '2', initiatives } } }
				}),
				'validation'
			);
			expect(Object.keys(err.options.fields ?? {})).toEqual(['a.actieplan.initiatives']);
		}
		// Oversized and hostile fields: each named beside itself, nothing kept.
		const hostile = {
			...base,
			actions: {
				actieplan: {
					reached: '2',
					initiatives: [
						{ description: 'd'.repeat(4001), timing: 't'.repeat(201), contribution: '9'.repeat(60) },
						{ description: 'ok', timing: 'mei', contribution: '<script>alert(1)</script>' },
						{ description: 'ok', timing: 'mei', contribution: '-3' }
					]
				}
			}
		};
		const err = await refusal(
			saveReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: hostile }),
			'validation'
		);
		expect(err.options.fields).toEqual({
			'a.actieplan.i.0.description': ['funderReports.errors.textTooLong'],
			'a.actieplan.i.0.timing': ['funderReports.errors.textTooLong'],
			'a.actieplan.i.0.contribution': ['funderReports.errors.valueTooLarge'],
			'a.actieplan.i.1.contribution': ['funderReports.errors.valueInvalid'],
			'a.actieplan.i.2.contribution': ['funderReports.errors.contributionNegative']
		});
		// Control characters never reach the database; markup stays text.
		await saveReport(as(geelModerator, geel), {
			unverifiedReportId: reportId,
			answers: {
				...base,
				actions: {
					actieplan: {
						reached: '2',
						initiatives: [{ description: 'A\u0000<b>B</b>\u0007', timing: 'mei', contribution: '1' }]
					}
				}
			}
		});
		const kept = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(kept.answers.actions.actieplan!.initiatives).toEqual([
			{ description: 'A<b>B</b>', timing: 'mei', contribution: '1' }
		]);
	});

	it('holds minimum expectations (at least 3 of 5) and answers to their 250 characters, keeps hostile text inert', async () => {
		const two = {
			...complete,
			expectations: { 'actieplan.domeinen': { answer: 'yes', text: 'ok', items: { a: 'x', b: 'y' } } }
		};
		const e1 = await refusal(
			submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: two }),
			'validation'
		);
		expect(e1.options.fields?.['e.actieplan.domeinen.items']).toEqual([
			'funderReports.errors.expectationAtLeast'
		]);
		const long = {
			...complete,
			expectations: {
				'actieplan.domeinen': { ...complete.expectations['actieplan.domeinen'], text: 'x'.repeat(251) }
			},
			sections: { ...complete.sections, 'mentor.rol': 'y'.repeat(251) }
		};
		const e2 = await refusal(
			saveReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: long }),
			'validation'
		);
		expect(e2.options.fields).toEqual({
			'e.actieplan.domeinen.text': ['funderReports.errors.answerTooLong'],
			's.mentor.rol': ['funderReports.errors.answerTooLong']
		});
		const huge = {
			...complete,
			actions: { actieplan: { ...complete.actions.actieplan, motivation: 'z'.repeat(50_000) } }
		};
		const e3 = await refusal(
			saveReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: huge }),
			'validation'
		);
		expect(e3.options.fields?.['a.actieplan.motivation']).toEqual(['funderReports.errors.textTooLong']);
		const count = { ...complete, sections: { ...complete.sections, 'mentor.netwerken': 'twee' } };
		await refusal(
			saveReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: count }),
			'validation'
		);
		const hostile = '<script>alert(1)</script>\u0000 =HYPERLINK("x") **vet**';
		await saveReport(as(geelModerator, geel), {
			unverifiedReportId: reportId,
			answers: { ...complete, actions: { actieplan: { ...complete.actions.actieplan, motivation: hostile } } }
		});
		const saved = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(saved.answers.actions.actieplan?.motivation).toBe(
			'<script>alert(1)</script> =HYPERLINK("x") **vet**'
		);
	});

	it('asks a reason for a reached value other than the computed one, keeping the computed one beside it', async () => {
		const changed = {
			...complete,
			actions: { ...complete.actions, gebruikers: { reached: String(users_ + 3) } }
		};
		const err = await refusal(
			submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: changed }),
			'validation'
		);
		expect(err.options.fields).toEqual({ 'a.gebruikers.reason': ['funderReports.errors.reasonRequired'] });
		const view = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(view.figures.gebruikers).toMatchObject({
			computed: users_,
			reached: users_ + 3,
			overridden: true
		});
	});

	it('refuses a verdict before submitting, and from anyone but the programme’s reviewers', async () => {
		const v = {
			gebruikers: { enough: 'yes', mayContinue: 'yes' },
			actieplan: { enough: 'yes', mayContinue: 'yes' }
		};
		await refusal(judgeReport(as(reviewer), { unverifiedReportId: reportId, verdict: v }), 'conflict');
	});

	it('submits, locks with its figures, and refuses a second submit or an edit after locking', async () => {
		// A draft is not for the reviewer's eyes: not on its page, not in the exports, not in the history.
		await refusal(getReportView(as(reviewer), { unverifiedReportId: reportId }), 'not_found');
		await refusal(exportReportXlsx(as(reviewer), { unverifiedReportId: reportId }), 'not_found');
		const before = (await getRegionProgrammes(as(reviewer))).programmes.find((p) => p.id === programmeId)!;
		expect(before.isReviewer).toBe(true);
		expect(before.reports.map((r) => r.id)).not.toContain(reportId);
		// Submitting writes the region-scoped event in its transaction; handled, it tells the programme's named
		// reviewers, and no one else (not another programme's reviewer, nor the region's admin, nor the
		// submitter), in the app and by mail (their own: right away by default).
		const outbox: MailMessage[] = [];
		await submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: complete });
		const events = await database.db
			.select()
			.from(domainEvents)
			.where(eq(domainEvents.type, 'funder_report.submitted'));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			regionId,
			municipalityId: geel.id,
			subjectKind: 'funder_report',
			subjectId: String(reportId)
		});
		const dispatcher = createEventDispatcher(database, silentLog, {
			handlers: notificationHandlers,
			context: { config: testConfig, log: silentLog, ...outboxQueue(outbox) }
		});
		await dispatcher.runOnce();
		await dispatcher.runOnce();
		expect(outbox.map((m) => m.to)).toEqual([reviewerEmail]);
		expect(outbox[0]!.subject).toContain('Testprogramma');
		expect(outbox[0]!.text).toContain(`https://meedoen.test/beheer/rapportering/${reportId}`);
		expect(outbox[0]!.reference).toBe(`notification:${events[0]!.id}:${reviewer.userId}`);
		const told = await database.db
			.select({ userId: notifications.userId, regionId: notifications.regionId, path: notifications.path })
			.from(notifications)
			.where(eq(notifications.type, 'funder_report.submitted'));
		expect(told).toEqual([{ userId: reviewer.userId, regionId, path: `/beheer/rapportering/${reportId}` }]);
		// Once submitted the reviewer reads it, and finds it in the history.
		expect((await getReportView(as(reviewer), { unverifiedReportId: reportId })).status).toBe('submitted');
		const after = (await getRegionProgrammes(as(reviewer))).programmes.find((p) => p.id === programmeId)!;
		expect(after.reports.map((r) => r.id)).toContain(reportId);
		const locked = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(locked.status).toBe('submitted');
		expect(locked.canFill).toBe(false);
		const kept = locked.figures.gebruikers!.computed;
		await inhabitant(geel); // the indicator moves; the submitted report does not
		expect(
			(await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId })).figures.gebruikers!
				.computed
		).toBe(kept);
		const again = await refusal(
			submitReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: complete }),
			'conflict'
		);
		expect(again.messageKey).toBe('funderReports.errors.locked');
		await refusal(
			saveReport(as(geelModerator, geel), { unverifiedReportId: reportId, answers: complete }),
			'conflict'
		);
		const [row] = await database.db.select().from(funderReports).where(eq(funderReports.id, reportId));
		expect(row?.submittedBy).toBe(geelModerator.userId);
	});

	it('takes the verdict of a named reviewer only; the municipality sees it; the history lists the report', async () => {
		const v = {
			gebruikers: { enough: 'yes', mayContinue: 'yes', conclusion: '' },
			actieplan: { enough: 'no', mayContinue: 'yes', conclusion: 'Meer concrete initiatieven nodig.' }
		};
		await refusal(judgeReport(as(otherReviewer), { unverifiedReportId: reportId, verdict: v }), 'not_found');
		await refusal(
			judgeReport(as(geelModerator, geel), { unverifiedReportId: reportId, verdict: v }),
			'forbidden'
		);
		await refusal(judgeReport(as(regionAdmin), { unverifiedReportId: reportId, verdict: v }), 'forbidden');
		const missing = await refusal(
			judgeReport(as(reviewer), { unverifiedReportId: reportId, verdict: { gebruikers: { enough: 'yes' } } }),
			'validation'
		);
		expect(missing.options.fields?.['v.actieplan.enough']).toEqual([
			'funderReports.errors.verdictEnoughRequired'
		]);
		await judgeReport(as(reviewer), { unverifiedReportId: reportId, verdict: v });
		const seen = await getReportView(as(geelAlderman, geel), { unverifiedReportId: reportId });
		expect(seen.status).toBe('reviewed');
		expect(seen.verdict?.actieplan).toEqual({
			enough: 'no',
			mayContinue: 'yes',
			conclusion: 'Meer concrete initiatieven nodig.'
		});
		const history = await getMunicipalityProgrammes(as(geelAlderman, geel));
		expect(history.programmes.find((p) => p.id === programmeId)?.reports).toMatchObject([
			{ id: reportId, periodKey: PERIOD, status: 'reviewed', submitter: 'Geel' }
		]);
		const reviewerPage = await getRegionProgrammes(as(reviewer));
		expect(reviewerPage.programmes.map((p) => p.id)).toEqual([programmeId]);
		const actions = await database.db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.municipalityId, geel.id));
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining([
				'funder_reports.report_opened',
				'funder_reports.report_submitted',
				'funder_reports.report_judged'
			])
		);
	});

	it('writes an XLSX whose figures match the report (read back with SheetJS)', async () => {
		const view = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		const file = await exportReportXlsx(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(file.fileName).toBe(`rapport-${programmeId}-${PERIOD}-geel.xlsx`);
		const workbook = XLSX.read(file.body, { type: 'array' });
		expect(workbook.SheetNames).toEqual([
			'KPI’s',
			'Initiatieven',
			'Minimale verwachtingen',
			'Extra onderdelen'
		]);
		const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['KPI’s']!, { header: 1 });
		expect(rows[0]).toEqual(['Programma', 'Testprogramma']);
		const users = rows.find((r) => r[0] === 'Gebruikers van het platform')!;
		expect(users.slice(2, 7)).toEqual([
			view.figures.gebruikers!.target,
			view.figures.gebruikers!.reached,
			view.figures.gebruikers!.computed,
			1,
			'nee'
		]);
		const plan = rows.find((r) => r[0] === 'Actie 2: actieplan polarisatie')!;
		expect(plan.slice(2, 7)).toEqual([10, 2, undefined, 0.2, 'ja']);
		expect(plan[8]).toBe('De coördinator viel maanden uit.');
		expect(plan.slice(12, 15)).toEqual(['nee', 'ja', 'Meer concrete initiatieven nodig.']);
		const initiatives = XLSX.utils.sheet_to_json<Record<string, unknown>>(workbook.Sheets['Initiatieven']!);
		expect(initiatives).toEqual([
			{
				Actie: 'Actie 2: actieplan polarisatie',
				Initiatief: 'Tweede werksessie met de diensten',
				Timing: 'maart',
				'Bijdrage KPI': '4'
			}
		]);
		const sections = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Extra onderdelen']!, { header: 1 });
		expect(sections[1]).toEqual(['Financiële stimulans mentorbestuur', 'Hoeveel lerende netwerken?', 2]);
	});

	it('writes a tagged PDF in Dutch (nl-BE) with a title and the same figures (read back with PDF.js)', async () => {
		const file = await exportReportPdf(as(geelModerator, geel), { unverifiedReportId: reportId });
		const pdf = await readPdf(file.body);
		expect(pdf.tagged).toBe(true);
		expect(pdf.info.lang).toBe('nl-BE');
		expect(pdf.info.title).toBe(`Tussentijds rapport Testprogramma, Projectjaar 2, Geel`);
		expect(pdf.pages.flatMap((p) => p.untaggedText)).toEqual([]);
		const text = pdf.pages.map((p) => p.text).join(' ');
		const view = await getReportView(as(geelModerator, geel), { unverifiedReportId: reportId });
		expect(text).toContain(
			`Te behalen: ${view.figures.gebruikers!.target}. Behaald: ${view.figures.gebruikers!.reached} (100 %).`
		);
		expect(text).toContain('Te behalen: 10. Behaald: 2 (20 %).');
		expect(text).toContain('Tweede werksessie met de diensten; timing: maart; bijdrage: 4');
		expect(text).toContain('Voldoende initiatieven: nee. Mag verlengen: ja.');
	});

	it('exports and erases a person’s part: reviewer roles go, reports stay', async () => {
		const person = { userId: reviewer.userId, addresses: [reviewerEmail], displayName: reviewer.displayName };
		const data = await exportFunderData(database.db, person);
		expect(data.funderReviewerOf).toEqual([{ programme: 'Testprogramma' }]);
		expect(data.funderReports).toMatchObject([{ reportId, judged: true }]);
		expect(data.funderReviewerInvitations).toEqual([]);
		await database.db.transaction((tx) => eraseFunderData(tx, person));
		expect((await exportFunderData(database.db, person)).funderReviewerOf).toEqual([]);
		expect((await exportFunderData(database.db, person)).funderReports).toHaveLength(1);
	});
});

describe('a stopped action', () => {
	it('needs what was not carried out and the efforts made instead of a motivation', async () => {
		const { id: programmeId } = await testProgramme(1000);
		const { id } = await openReport(as(geelModerator, geel), {
			unverifiedProgrammeId: programmeId,
			period: 'jaar-1'
		});
		const answers = {
			...complete,
			actions: {
				gebruikers: { stopped: true },
				actieplan: complete.actions.actieplan
			}
		};
		const err = await refusal(
			submitReport(as(geelModerator, geel), { unverifiedReportId: id, answers }),
			'validation'
		);
		expect(err.options.fields).toEqual({
			'a.gebruikers.notDone': ['funderReports.errors.notDoneRequired'],
			'a.gebruikers.efforts': ['funderReports.errors.effortsRequired']
		});
		answers.actions.gebruikers = {
			stopped: true,
			notDone: 'De campagne',
			efforts: 'Twee infoavonden'
		} as never;
		await submitReport(as(geelModerator, geel), { unverifiedReportId: id, answers });
		expect((await getReportView(as(geelModerator, geel), { unverifiedReportId: id })).status).toBe(
			'submitted'
		);
	});
});

describe('a programme the region submits as project holder', () => {
	it('is opened and filled by the region’s admins with the region’s figures, not by a municipality', async () => {
		const programme = structuredClone(preset('impact-map', THIS_YEAR)) as ReturnType<typeof preset>;
		programme.submitter = 'region';
		const { id: programmeId } = await createProgramme(as(regionAdmin), {
			unverifiedRegionId: regionId,
			programme
		});
		await refusal(
			openReport(as(geelModerator, geel), { unverifiedProgrammeId: programmeId, period: PERIOD }),
			'forbidden'
		);
		await refusal(
			openReport(as(geelModerator), { unverifiedProgrammeId: programmeId, period: PERIOD }),
			'not_found'
		);
		const { id } = await openReport(as(regionAdmin), { unverifiedProgrammeId: programmeId, period: PERIOD });
		const view = await getReportView(as(regionAdmin), { unverifiedReportId: id });
		const regionUsers = await indicatorValue(as(regionAdmin), 'accounts.registeredUsers', {
			region: regionId
		});
		expect(view.figures.gebruikers).toMatchObject({ target: 1500, computed: regionUsers.value });
		expect(view.canFill).toBe(true);
		await refusal(getReportView(as(geelModerator, geel), { unverifiedReportId: id }), 'not_found');
		expect(
			(await getRegionProgrammes(as(regionAdmin))).programmes.find((p) => p.id === programmeId)?.canFillRegion
		).toBe(true);
	});
});

describe('a period’s end', () => {
	it('is on the period’s last day in Brussels in summer time as in winter (not 22:00 UTC, the next day in summer)', () => {
		for (const to of ['2026-07-31', '2026-06-30', '2026-03-29', '2026-10-25', '2026-12-31']) {
			expect(brusselsDay(periodEnd({ to }))).toBe(to);
		}
		// What the old end was: 22:00 UTC on 31 July is already 1 August in Brussels.
		expect(brusselsDay(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08-01');
	});
});

describe('a programme from scratch', () => {
	const fresh = {
		name: 'Buurtwerking',
		funder: 'Provincie',
		threshold: '30',
		submitter: 'municipality',
		periods: [{ label: 'Jaar 1', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }]
	};

	it('refuses each bad field of a new programme beside it, and anyone but the region’s admins', async () => {
		const cases: [Record<string, unknown>, string, string][] = [
			[{ name: '' }, 'name', 'funderReports.errors.titleRequired'],
			[{ name: 'x'.repeat(201) }, 'name', 'funderReports.errors.titleTooLong'],
			[{ funder: '   ' }, 'funder', 'funderReports.errors.titleRequired'],
			[{ threshold: '0' }, 'threshold', 'funderReports.errors.thresholdInvalid'],
			[{ threshold: '101' }, 'threshold', 'funderReports.errors.thresholdInvalid'],
			[{ threshold: 'veel' }, 'threshold', 'funderReports.errors.thresholdInvalid'],
			[{ submitter: 'iedereen' }, 'submitter', 'funderReports.errors.submitterInvalid'],
			[{ periods: [] }, 'periods', 'funderReports.errors.periodsRequired'],
			[
				{ periods: [{ label: 'J', from: '2026-13-01x', to: '2026-12-31' }] },
				'period.0.from',
				'funderReports.errors.dateInvalid'
			],
			[
				{ periods: [{ label: 'J', from: '2026-12-31', to: '2026-01-01' }] },
				'period.0.to',
				'funderReports.errors.periodInvalid'
			],
			[
				{ periods: [{ label: '', from: '2026-01-01', to: '2026-12-31' }] },
				'period.0.label',
				'funderReports.errors.titleRequired'
			]
		];
		for (const [change, field, message] of cases) {
			const err = await refusal(
				createEmptyProgramme(as(regionAdmin), { unverifiedRegionId: regionId, ...fresh, ...change }),
				'validation'
			);
			expect(err.options.fields?.[field], JSON.stringify(change)).toContain(message);
		}
		await refusal(
			createEmptyProgramme(as(molAdmin), { unverifiedRegionId: regionId, ...fresh }),
			'forbidden'
		);
	});

	it('starts without actions, takes actions linked to an indicator or by hand (target above zero), and removes one when confirmed', async () => {
		const { id } = await createEmptyProgramme(as(regionAdmin), { unverifiedRegionId: regionId, ...fresh });
		const empty = (await getRegionProgrammes(as(regionAdmin))).programmes.find((p) => p.id === id)!;
		expect(empty).toMatchObject({ name: 'Buurtwerking', funder: 'Provincie', threshold: 30, actions: [] });
		// No report for a programme without actions.
		const noActions = await refusal(
			openReport(as(geelModerator, geel), { unverifiedProgrammeId: id, period: 'jaar-1' }),
			'validation'
		);
		expect(noActions.options.fields?.period).toEqual(['funderReports.errors.actionsRequired']);
		const base = { unverifiedProgrammeId: id, title: 'Buurtfeesten', kind: 'manual', label: 'Feesten' };
		for (const [change, field, message] of [
			[{ target: '0' }, 'target', 'funderReports.errors.targetPositive'],
			[{ target: '-1' }, 'target', 'funderReports.errors.targetPositive'],
			[{ target: 'tien' }, 'target', 'funderReports.errors.valueInvalid'],
			[{ target: '99999999999' }, 'target', 'funderReports.errors.valueTooLarge'],
			[{ title: '', target: '3' }, 'title', 'funderReports.errors.titleRequired'],
			[{ label: '', target: '3' }, 'label', 'funderReports.errors.titleRequired'],
			[{ kind: 'x', target: '3' }, 'kind', 'funderReports.errors.kpiKindInvalid'],
			[
				{ kind: 'indicator', indicator: 'nope.nope', target: '3' },
				'indicator',
				'funderReports.errors.indicatorUnknown'
			],
			[
				{ kind: 'indicator', indicator: '', target: '3' },
				'indicator',
				'funderReports.errors.indicatorUnknown'
			]
		] as const) {
			const err = await refusal(addProgrammeAction(as(regionAdmin), { ...base, ...change }), 'validation');
			expect(err.options.fields?.[field], JSON.stringify(change)).toContain(message);
		}
		await refusal(addProgrammeAction(as(geelModerator), { ...base, target: '3' }), 'not_found');
		const manual = await addProgrammeAction(as(regionAdmin), { ...base, target: '4' });
		const linked = await addProgrammeAction(as(regionAdmin), {
			unverifiedProgrammeId: id,
			title: 'Buurtfeesten',
			kind: 'indicator',
			indicator: 'accounts.registeredUsers',
			target: '12,5'
		});
		expect(linked.key).not.toBe(manual.key);
		const two = (await getRegionProgrammes(as(regionAdmin))).programmes.find((p) => p.id === id)!;
		expect(two.actions.map((a) => [a.title, a.indicator, a.targetMunicipality])).toEqual([
			['Buurtfeesten', null, 4],
			['Buurtfeesten', 'accounts.registeredUsers', 12.5]
		]);
		// Removing asks for the tick first.
		const unconfirmed = await refusal(
			removeProgrammeAction(as(regionAdmin), { unverifiedProgrammeId: id, action: manual.key, confirm: '' }),
			'validation'
		);
		expect(unconfirmed.options.fields?.confirm).toEqual(['backoffice.errors.confirmRequired']);
		expect(
			(await getRegionProgrammes(as(regionAdmin))).programmes.find((p) => p.id === id)!.actions.length
		).toBe(2);
		await removeProgrammeAction(as(regionAdmin), {
			unverifiedProgrammeId: id,
			action: manual.key,
			confirm: 'on'
		});
		const one = (await getRegionProgrammes(as(regionAdmin))).programmes.find((p) => p.id === id)!;
		expect(one.actions.map((a) => a.key)).toEqual([linked.key]);
		const logged = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'funder_reports.action_removed'));
		expect(logged.length).toBe(1);
		// Once a report exists, the actions stay as they are (the report keeps its answers per action).
		const report = await openReport(as(geelModerator, geel), { unverifiedProgrammeId: id, period: 'jaar-1' });
		expect(report.id).toBeGreaterThan(0);
		const inUse = await refusal(
			removeProgrammeAction(as(regionAdmin), {
				unverifiedProgrammeId: id,
				action: linked.key,
				confirm: 'on'
			}),
			'conflict'
		);
		expect(inUse.messageKey).toBe('funderReports.errors.programmeInUse');
		await refusal(addProgrammeAction(as(regionAdmin), { ...base, target: '2' }), 'conflict');
	});
});

/** Runs `hold` in a transaction kept open until someone waits for its locks, then commits it. */
async function holding<T>(hold: (tx: TestDatabase['db']) => Promise<unknown>, other: () => Promise<T>) {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	let held!: () => void;
	const isHeld = new Promise<void>((resolve) => (held = resolve));
	const holder = database.db.transaction(async (tx) => {
		await hold(tx);
		held();
		await gate;
	});
	await isHeld;
	const result = other().then(
		() => null,
		(err: unknown) => err
	);
	try {
		await untilSomeoneWaitsForALock(database);
	} finally {
		release();
	}
	await holder;
	return result;
}

describe('a report opened while the region changes the programme', () => {
	const fresh = {
		name: 'Wachtrij',
		funder: 'Provincie',
		threshold: '30',
		submitter: 'municipality',
		periods: [{ label: 'Jaar 1', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }]
	};
	const withOneAction = async () => {
		const { id } = await createEmptyProgramme(as(regionAdmin), { unverifiedRegionId: regionId, ...fresh });
		const action = await addProgrammeAction(as(regionAdmin), {
			unverifiedProgrammeId: id,
			title: 'Buurtfeesten',
			kind: 'manual',
			label: 'Feesten',
			target: '4'
		});
		return { id, action: action.key };
	};
	const reportsOf = (id: number) =>
		database.db.select().from(funderReports).where(eq(funderReports.programmeId, id));

	it('refuses the region’s change that waited for a report being opened (check and write under one lock)', async () => {
		const { id, action } = await withOneAction();
		// Geel opens the first report; before it commits, the region removes the action (its check would still
		// have seen no report).
		const err = await holding(
			(tx) =>
				openReport({ ...as(geelModerator, geel), db: tx }, { unverifiedProgrammeId: id, period: 'jaar-1' }),
			() => removeProgrammeAction(as(regionAdmin), { unverifiedProgrammeId: id, action, confirm: 'on' })
		);
		expect(err).toMatchObject({ code: 'conflict', messageKey: 'funderReports.errors.programmeInUse' });
		const programme = (await getRegionProgrammes(as(regionAdmin))).programmes.find((p) => p.id === id)!;
		expect(programme.actions.map((a) => a.key)).toEqual([action]);
		expect(await reportsOf(id)).toHaveLength(1);
	});

	it('opens no report from a definition the region was changing: the opening waits and reads it again', async () => {
		const { id, action } = await withOneAction();
		// The region removes the programme's only action; before it commits, Geel opens a report.
		const err = await holding(
			(tx) =>
				removeProgrammeAction(
					{ ...as(regionAdmin), db: tx },
					{ unverifiedProgrammeId: id, action, confirm: 'on' }
				),
			() => openReport(as(geelModerator, geel), { unverifiedProgrammeId: id, period: 'jaar-1' })
		);
		expect(err).toMatchObject({ code: 'validation' });
		expect((err as { options: { fields: Record<string, string[]> } }).options.fields.period).toEqual([
			'funderReports.errors.actionsRequired'
		]);
		expect(await reportsOf(id)).toEqual([]);
	});
});

/**
 * A handle on the test database whose first transaction waits for `go`: a use case run with it loads the
 * programme (plain reads) and stops just before its transaction, so another edit can run in full in between.
 * The interleaving is set by the test, not by timing, on PGlite as on PostgreSQL.
 */
function pausedBeforeTransaction(db: TestDatabase['db']) {
	let reached!: () => void;
	const atTransaction = new Promise<void>((resolve) => (reached = resolve));
	let go!: () => void;
	const gate = new Promise<void>((resolve) => (go = resolve));
	const paused = new Proxy(db, {
		get(target, prop) {
			if (prop === 'transaction')
				return async (...args: Parameters<TestDatabase['db']['transaction']>) => {
					reached();
					await gate;
					return target.transaction(...args);
				};
			const value: unknown = Reflect.get(target, prop, target);
			return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
		}
	});
	return { db: paused, atTransaction, go };
}

describe('two regional admins editing the same programme at once', () => {
	let otherAdmin: Actor;
	const fresh = {
		name: 'Samen bewerkt',
		funder: 'Provincie',
		threshold: '30',
		submitter: 'municipality',
		periods: [{ label: 'Jaar 1', from: `${THIS_YEAR}-01-01`, to: `${THIS_YEAR}-12-31` }]
	};

	beforeAll(async () => {
		const u = await buildUser(database.db);
		await grantRegionRole(database.db, regionId, u.id, 'regional_admin');
		otherAdmin = await actorOf(database.db, u);
	});

	/** A programme with one action (with one expectation) and one extra section. */
	async function shared() {
		const ctx = as(regionAdmin);
		const { id } = await createEmptyProgramme(ctx, { unverifiedRegionId: regionId, ...fresh });
		const { key: action } = await addProgrammeAction(ctx, {
			unverifiedProgrammeId: id,
			title: 'Buurtfeesten',
			kind: 'manual',
			label: 'Feesten',
			target: '4'
		});
		const { key: expectation } = await saveProgrammeExpectation(ctx, {
			unverifiedProgrammeId: id,
			action,
			title: 'Elke wijk',
			kind: 'each',
			limit: '250',
			items: 'Centrum\nBel'
		});
		const { key: section } = await saveProgrammeSection(ctx, {
			unverifiedProgrammeId: id,
			title: 'Mentorbestuur',
			questions: [{ label: 'Hoeveel netwerken?', kind: 'count', limit: '' }]
		});
		return { id, action, expectation, section };
	}

	const definitionOf = async (id: number) => {
		const [row] = await database.db.select().from(funderProgrammes).where(eq(funderProgrammes.id, id));
		return (row!.definition as { definition: ProgrammeDefinition }).definition;
	};
	const auditOfProgramme = async (id: number) =>
		(await database.db.select().from(auditLog).orderBy(auditLog.id)).filter(
			(r) => (r.details as { programmeId?: number }).programmeId === id
		);

	/**
	 * The other admin's edit loads the programme first and waits before its transaction; this admin's edit runs
	 * in full meanwhile; then the other's saves. Both started from the same state. Returns the other's refusal.
	 */
	async function fromTheSameState<T>(
		first: (ctx: ReturnType<typeof as>) => Promise<unknown>,
		second: (ctx: ReturnType<typeof as>) => Promise<T>
	): Promise<{ value: T | null; err: unknown }> {
		const paused = pausedBeforeTransaction(database.db);
		const late = second({ ...as(otherAdmin), db: paused.db }).then(
			(value) => ({ value, err: null }),
			(err: unknown) => ({ value: null, err })
		);
		// It reaches its transaction having loaded the programme (or is refused before that, as it would be).
		await Promise.race([paused.atTransaction, late]);
		await first(as(regionAdmin));
		paused.go();
		return late;
	}

	it('keeps both actions added from the same loaded programme, each with a key unique among the actions as they stand', async () => {
		const { id, action } = await shared();
		const add = (ctx: ReturnType<typeof as>) =>
			addProgrammeAction(ctx, {
				unverifiedProgrammeId: id,
				title: 'Repair café',
				kind: 'manual',
				label: 'Edities',
				target: '6'
			});
		const { value, err } = await fromTheSameState(add, add);
		expect(err).toBeNull();
		expect(value).toEqual({ key: 'repair-cafe-2' });
		const keys = (await definitionOf(id)).actions.map((a) => a.key);
		expect(keys).toEqual([action, 'repair-cafe', 'repair-cafe-2']);
		const added = (await auditOfProgramme(id)).filter((r) => r.action === 'funder_reports.action_added');
		expect(added.map((r) => (r.details as { action: string }).action)).toEqual([
			action,
			'repair-cafe',
			'repair-cafe-2'
		]);
	});

	it('keeps every kind of edit made from the same loaded programme: sections, expectations, targets, removals', async () => {
		const { id, action, expectation, section } = await shared();
		// This admin adds a section while the other adds an expectation to the action.
		expect(
			(
				await fromTheSameState(
					(ctx) =>
						saveProgrammeSection(ctx, {
							unverifiedProgrammeId: id,
							title: 'Vrijwilligers',
							questions: [{ label: 'Wie hielp?', kind: 'text', limit: '300' }]
						}),
					(ctx) =>
						saveProgrammeExpectation(ctx, {
							unverifiedProgrammeId: id,
							action,
							title: 'Minstens twee',
							kind: 'atLeast',
							min: '2',
							limit: '250',
							items: 'Muziek\nEten\nSpelen'
						})
				)
			).err
		).toBeNull();
		// This admin changes the target while the other changes the first expectation's items.
		expect(
			(
				await fromTheSameState(
					(ctx) =>
						changeProgrammeTarget(ctx, {
							unverifiedProgrammeId: id,
							action,
							scope: 'municipality',
							target: '9'
						}),
					(ctx) =>
						saveProgrammeExpectation(ctx, {
							unverifiedProgrammeId: id,
							action,
							expectation,
							title: 'Elke wijk',
							kind: 'each',
							limit: '250',
							items: 'Centrum\nBel\nWinkelomstraat'
						})
				)
			).err
		).toBeNull();
		// This admin removes the first section while the other changes the target again.
		expect(
			(
				await fromTheSameState(
					(ctx) => removeProgrammeSection(ctx, { unverifiedProgrammeId: id, section, confirm: 'on' }),
					(ctx) =>
						changeProgrammeTarget(ctx, {
							unverifiedProgrammeId: id,
							action,
							scope: 'municipality',
							target: '11'
						})
				)
			).err
		).toBeNull();
		const definition = await definitionOf(id);
		expect(definition.sections.map((s) => s.title)).toEqual(['Vrijwilligers']);
		const [only] = definition.actions;
		expect(only!.kpi).toMatchObject({ kind: 'manual', target: 11 });
		expect(only!.expectations.map((x) => [x.title, x.items.map((i) => i.label)])).toEqual([
			['Elke wijk', ['Centrum', 'Bel', 'Winkelomstraat']],
			['Minstens twee', ['Muziek', 'Eten', 'Spelen']]
		]);
	});

	it('refuses an edit of what another admin removed meanwhile beside its field, and writes nothing of it', async () => {
		const edits: [
			string,
			(ctx: ReturnType<typeof as>, t: Awaited<ReturnType<typeof shared>>) => Promise<unknown>,
			string,
			string
		][] = [
			[
				'target',
				(ctx, t) =>
					changeProgrammeTarget(ctx, {
						unverifiedProgrammeId: t.id,
						action: t.action,
						scope: 'municipality',
						target: '8'
					}),
				'action',
				'funderReports.errors.actionUnknown'
			],
			[
				'removal',
				(ctx, t) =>
					removeProgrammeAction(ctx, { unverifiedProgrammeId: t.id, action: t.action, confirm: 'on' }),
				'action',
				'funderReports.errors.actionUnknown'
			],
			[
				'new expectation',
				(ctx, t) =>
					saveProgrammeExpectation(ctx, {
						unverifiedProgrammeId: t.id,
						action: t.action,
						title: 'Nieuw',
						kind: 'each',
						limit: '100',
						items: 'Een'
					}),
				'action',
				'funderReports.errors.actionUnknown'
			],
			[
				'changed expectation',
				(ctx, t) =>
					saveProgrammeExpectation(ctx, {
						unverifiedProgrammeId: t.id,
						action: t.action,
						expectation: t.expectation,
						title: 'Anders',
						kind: 'each',
						limit: '100',
						items: 'Een'
					}),
				'action',
				'funderReports.errors.actionUnknown'
			],
			[
				'removed expectation',
				(ctx, t) =>
					removeProgrammeExpectation(ctx, {
						unverifiedProgrammeId: t.id,
						action: t.action,
						expectation: t.expectation,
						confirm: 'on'
					}),
				'expectation',
				'funderReports.errors.expectationUnknown'
			]
		];
		for (const [what, edit, field, message] of edits) {
			const t = await shared();
			const { err } = await fromTheSameState(
				(ctx) => removeProgrammeAction(ctx, { unverifiedProgrammeId: t.id, action: t.action, confirm: 'on' }),
				(ctx) => edit(ctx, t)
			);
			expect(err, what).toMatchObject({ code: 'validation' });
			expect((err as { options: { fields: Record<string, string[]> } }).options.fields[field], what).toEqual([
				message
			]);
			expect(translate('nl', message as MessageKey), what).not.toBe(message);
			const definition = await definitionOf(t.id);
			expect(definition.actions, what).toEqual([]);
			expect(
				definition.sections.map((s) => s.key),
				what
			).toEqual([t.section]);
			const audit = (await auditOfProgramme(t.id)).map((r) => r.action);
			expect(audit.at(-1), what).toBe('funder_reports.action_removed');
			expect(
				audit.filter((a) => a === 'funder_reports.action_removed'),
				what
			).toHaveLength(1);
		}
		// A section another admin removed meanwhile: its change is refused, and not added back.
		const t = await shared();
		const { err } = await fromTheSameState(
			(ctx) =>
				removeProgrammeSection(ctx, { unverifiedProgrammeId: t.id, section: t.section, confirm: 'on' }),
			(ctx) =>
				saveProgrammeSection(ctx, {
					unverifiedProgrammeId: t.id,
					section: t.section,
					title: 'Mentorbestuur (bijgewerkt)',
					questions: [{ label: 'Hoeveel netwerken?', kind: 'count', limit: '' }]
				})
		);
		expect((err as { options: { fields: Record<string, string[]> } }).options.fields.section).toEqual([
			'funderReports.errors.sectionUnknown'
		]);
		expect((await definitionOf(t.id)).sections).toEqual([]);
	});

	it('applies an edit that waited for another admin’s lock to the definition that one left (both actions stay)', async () => {
		const { id, action } = await shared();
		const add = (ctx: ReturnType<typeof as>, title: string) =>
			addProgrammeAction(ctx, {
				unverifiedProgrammeId: id,
				title,
				kind: 'manual',
				label: 'Keer',
				target: '3'
			});
		// This admin's addition holds the programme's lock, uncommitted, until the other's waits for it.
		const err = await holding(
			(tx) => add({ ...as(regionAdmin), db: tx }, 'Straatspeeldag'),
			() => add(as(otherAdmin), 'Buurtbarbecue')
		);
		expect(err).toBeNull();
		expect((await definitionOf(id)).actions.map((a) => a.key)).toEqual([
			action,
			'straatspeeldag',
			'buurtbarbecue'
		]);
	});
});

// The playbook against the real database: the two templates of the seeds; the region's keepers write and the
// regional admin publishes (a participation expert writes but does not publish, a citizen, a visitor and the
// admin of another region are refused); hostile and oversized input is refused beside its field or kept as
// text; Geel starts a trajectory with dates from its start date, changes a phase's dates (an end before the
// start is refused), ticks a step with who and when, makes a session an event through the events feature;
// Mol's staff, a citizen and Geel's alderman cannot change it and Mol never finds it; a proposal goes back to
// the region, which accepts it (the template changes, audited in both logs) or declines it; the region's
// overview and the usage query show Geel; the public sees only published templates, as a tagged PDF and as
// Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildOtherRegion,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import { findAllStruct, readPdf } from '$lib/server/testing/pdf-inspect';
import { auditLog, events, playbookTemplates } from '$lib/server/db/schema';
import type { Tenant, TenantCtx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { planTrajectory } from '$lib/domain/playbook';
import { KLIMAATDOENERS, KLIMAATMAKERS } from './playbook.seed';
import {
	decideOnProposal,
	getPlaybookLibrary,
	getPlaybookUsageOverview,
	getTemplateForKeeper,
	getTemplateStep,
	playbookUsage,
	publishTemplate,
	saveStep,
	saveTemplateDetails,
	unpublishTemplate,
	createTemplate,
	addPhase,
	addStep
} from './playbook.templates.service';
import {
	getStartForm,
	getStepForBackoffice,
	getTrajectoryForBackoffice,
	listTrajectoriesForBackoffice,
	planSessionAsEvent,
	proposeStep,
	saveTrajectoryStep,
	setPhaseDates,
	startTrajectory,
	tickStep
} from './playbook.trajectories.service';
import {
	getPublicTemplate,
	getTemplateMarkdown,
	getTemplatePdf,
	listPublicTemplates
} from './playbook.public.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let kempen: string;
let regionalAdmin: Actor;
let expert: Actor;
let otherAdmin: Actor;
let moderator: Actor;
let alderman: Actor;
let molModerator: Actor;
let citizen: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	kempen = await regionIdOf(database.db, geel);
	const person = async (roles: (u: { id: string }) => Promise<unknown>) => {
		const user = await buildUser(database.db, { givenName: 'Els', familyName: 'Peeters' });
		await roles(user);
		return actorOf(database.db, user);
	};
	regionalAdmin = await person((u) => grantRegionRole(database.db, kempen, u.id, 'regional_admin'));
	expert = await person((u) => grantRegionRole(database.db, kempen, u.id, 'participation_expert'));
	const other = await buildOtherRegion(database.db);
	otherAdmin = await person((u) => grantRegionRole(database.db, other.regionId, u.id, 'regional_admin'));
	moderator = (await buildStaff(database.db, geel, 'moderator', { givenName: 'Bart', familyName: 'Claes' }))
		.actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molModerator = (await buildStaff(database.db, mol, 'moderator')).actor;
	const c = await buildUser(database.db);
	citizen = { userId: c.id, displayName: c.displayName, memberships: [], regionRoles: [] };
});
afterAll(() => database?.destroy());

const as = (actor: Actor | undefined, tenant?: Tenant) => ctxAs(database.db, tenant, actor) as TenantCtx;

describe('the seeded templates', () => {
	it('holds Klimaatdoeners and the Klimaatmakers working groups, published, in Dutch from the seeds', async () => {
		const library = await listPublicTemplates(as(undefined));
		const slugs = library.map((t) => t.slug);
		expect(slugs).toContain('klimaatdoeners');
		expect(slugs).toContain('klimaatmakers-werkgroepen');
		const doeners = library.find((t) => t.slug === 'klimaatdoeners')!;
		expect(doeners.content.phases.map((p) => [p.title, p.duration, p.unit])).toEqual([
			['Voorbereiding en oproep', 1, 'months'],
			['Begeleiding van de burgergroep', 6, 'months'],
			['Evaluatie en verankering', 1, 'months']
		]);
		const sessions = doeners.content.phases[1]!.steps.filter((s) => s.session).map((s) => s.title);
		expect(sessions).toEqual(['Kickoff', 'Pick’n Choose', 'Hands on', 'Wrap up']);
		// The municipality's own duties and the roles are steps too.
		const roles = new Set(doeners.content.phases.flatMap((p) => p.steps.map((s) => s.role)));
		for (const role of ['municipality', 'coach', 'contact', 'sustainabilityOfficer', 'communication'])
			expect(roles).toContain(role);
		expect(doeners.content.documents.map((d) => d.kind)).toEqual(['rules', 'call', 'menu']);
		expect(
			doeners.content.phases[0]!.steps.find((s) => s.title === 'Oproep naar burgers')!.communication
		).toHaveProperty('whatsapp');
		const makers = library.find((t) => t.slug === KLIMAATMAKERS.slug)!;
		const groups = makers.content.phases[1]!.steps;
		expect(groups.map((s) => [s.title, s.role, s.session?.kind])).toEqual(
			[1, 2, 3, 4].map((n) => [`Werkgroep ${n}`, 'participationExpert', 'workingGroup'])
		);
		expect(makers.content.phases.map((p) => p.title)).toEqual([
			'Oproep',
			'Werkgroepen',
			'Actiedag',
			'Verslag'
		]);
	});

	it('computes the dates from a start date: months by the calendar, each phase after the previous one', () => {
		const plan = planTrajectory('2026-01-31', KLIMAATDOENERS.content.phases);
		expect(plan.map((p) => [p.startsOn, p.endsOn])).toEqual([
			['2026-01-31', '2026-02-27'],
			['2026-02-28', '2026-08-27'],
			['2026-08-28', '2026-09-27']
		]);
		// Kickoff: day 7 of the coaching; a step never falls after its phase.
		expect(plan[1]!.steps.find((s) => s.key === 's7')!.dueOn).toBe('2026-03-07');
		expect(plan[1]!.steps.find((s) => s.key === 's10')!.dueOn).toBe('2026-08-12');
	});
});

describe('the region keeps the templates', () => {
	it('lets the regional admin and the expert write, and only the admin publish', async () => {
		const library = await getPlaybookLibrary(as(expert));
		expect(library.templates.map((t) => t.slug)).toContain('klimaatdoeners');
		expect(library.regions[0]!.canDecide).toBe(false);
		const step = await getTemplateStep(as(expert), {
			unverifiedSlug: 'klimaatdoeners',
			unverifiedStepKey: 's2'
		});
		await saveStep(as(expert), {
			unverifiedSlug: 'klimaatdoeners',
			unverifiedStepKey: 's2',
			phase: 'p1',
			title: step.step.title,
			description: step.step.description,
			role: step.step.role,
			offsetDays: String(step.step.offsetDays),
			checklist: [...step.step.checklist, 'Reglement gepubliceerd op het platform'].join('\n')
		});
		const refused = await refusal(
			publishTemplate(as(expert), { unverifiedSlug: 'klimaatdoeners' }),
			'forbidden'
		);
		expect(refused.messageKey).toBe('playbookAdmin.errors.adminOnly');
		const before = await getTemplateForKeeper(as(regionalAdmin), { unverifiedSlug: 'klimaatdoeners' });
		expect(before.template.changed).toBe(true);
		const { version } = await publishTemplate(as(regionalAdmin), { unverifiedSlug: 'klimaatdoeners' });
		expect(version).toBe(2);
		const published = await getPublicTemplate(as(undefined), { unverifiedSlug: 'klimaatdoeners' });
		expect(published.content.phases[0]!.steps.find((s) => s.key === 's2')!.checklist).toContain(
			'Reglement gepubliceerd op het platform'
		);
		const log = await database.db
			.select({ action: auditLog.action, details: auditLog.details })
			.from(auditLog)
			.where(and(eq(auditLog.regionId, kempen), eq(auditLog.subjectName, published.title)))
			.orderBy(auditLog.id);
		expect(log.map((l) => l.action)).toEqual(['playbook.template_changed', 'playbook.template_published']);
	});

	it('refuses a visitor, a citizen, Geel’s admin-less staff and the admin of another region', async () => {
		await refusal(getPlaybookLibrary(as(undefined)), 'unauthenticated');
		await refusal(getPlaybookLibrary(as(citizen)), 'forbidden');
		await refusal(getPlaybookLibrary(as(moderator)), 'forbidden');
		await refusal(getTemplateForKeeper(as(otherAdmin), { unverifiedSlug: 'klimaatdoeners' }), 'forbidden');
		await refusal(
			saveTemplateDetails(as(otherAdmin), { unverifiedSlug: 'klimaatdoeners', title: 'Overgenomen' }),
			'forbidden'
		);
		await refusal(getTemplateForKeeper(as(regionalAdmin), { unverifiedSlug: 'bestaat-niet' }), 'not_found');
	});

	it('keeps hostile text as text, takes NUL out, and refuses what is too long beside its field', async () => {
		const { slug } = await createTemplate(as(regionalAdmin), {
			title: '<script>alert(1)</script> Trage\u0000 wegen'
		});
		await addPhase(as(regionalAdmin), { unverifiedSlug: slug, title: 'Fase', duration: '2', unit: 'weeks' });
		const tooLong = await refusal(
			addStep(as(regionalAdmin), {
				unverifiedSlug: slug,
				phase: 'p1',
				title: 'x'.repeat(100_000),
				role: 'coach',
				offsetDays: '0'
			}),
			'validation'
		);
		expect(tooLong.options.fields).toMatchObject({ title: ['playbookAdmin.errors.tooLong'] });
		const wrong = await refusal(
			addStep(as(regionalAdmin), {
				unverifiedSlug: slug,
				phase: 'p1',
				title: 'Stap',
				role: 'koning',
				offsetDays: '-3'
			}),
			'validation'
		);
		expect(Object.keys(wrong.options.fields ?? {}).sort()).toEqual(['offsetDays', 'role']);
		const noSessionName = await refusal(
			addStep(as(regionalAdmin), {
				unverifiedSlug: slug,
				phase: 'p1',
				title: 'Stap',
				role: 'coach',
				offsetDays: '3',
				hasSession: 'on'
			}),
			'validation'
		);
		expect(noSessionName.options.fields).toEqual({
			sessionTitle: ['playbookAdmin.errors.sessionTitleRequired']
		});
		const otherPhase = await refusal(
			addStep(as(regionalAdmin), {
				unverifiedSlug: slug,
				phase: 'p9',
				title: 'Stap',
				role: 'coach',
				offsetDays: '3'
			}),
			'validation'
		);
		expect(otherPhase.options.fields).toEqual({ phase: ['playbookAdmin.errors.phase'] });
		await refusal(
			addPhase(as(regionalAdmin), {
				unverifiedSlug: slug,
				title: 'Te lang',
				duration: '100000',
				unit: 'months'
			}),
			'validation'
		);
		const page = await getTemplateForKeeper(as(regionalAdmin), { unverifiedSlug: slug });
		expect(page.template.title).toBe('<script>alert(1)</script> Trage wegen');
		// A template without a step is not published.
		const empty = await refusal(publishTemplate(as(regionalAdmin), { unverifiedSlug: slug }), 'conflict');
		expect(empty.messageKey).toBe('playbookAdmin.errors.emptyTemplate');
		await refusal(getPublicTemplate(as(undefined), { unverifiedSlug: slug }), 'not_found');
	});
});

describe('a municipality runs a trajectory', () => {
	let trajectoryId: number;

	it('starts from a published template with dates from the start date', async () => {
		const form = await getStartForm(as(moderator, geel), { unverifiedTemplate: 'klimaatdoeners' });
		expect(form.chosen).toBe('klimaatdoeners');
		const { id } = await startTrajectory(as(moderator, geel), {
			template: 'klimaatdoeners',
			title: 'Klimaatdoeners Geel',
			theme: 'Klimaat',
			startsOn: '2026-01-31'
		});
		trajectoryId = id;
		const page = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(id)
		});
		expect(page.trajectory.templateVersion).toBe(2);
		expect(page.phases.map((p) => [p.startsOn, p.endsOn])).toEqual([
			['2026-01-31', '2026-02-27'],
			['2026-02-28', '2026-08-27'],
			['2026-08-28', '2026-09-27']
		]);
		expect(page.phases[1]!.steps.find((s) => s.title === 'Kickoff')!.dueOn).toBe('2026-03-07');
		expect(page.trajectory.stepsTotal).toBe(14);
		const audit = await auditOf(database.db, geel.id);
		expect(audit.at(-1)).toMatchObject({ action: 'playbook.trajectory_started' });
	});

	it('refuses dates in the wrong order, an impossible date and a template of another region', async () => {
		const page = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		const phase = page.phases[0]!;
		const wrong = await refusal(
			setPhaseDates(as(moderator, geel), {
				unverifiedTrajectoryId: String(trajectoryId),
				unverifiedPhaseId: String(phase.id),
				startsOn: '2026-03-01',
				endsOn: '2026-02-01'
			}),
			'validation'
		);
		expect(wrong.options.fields).toEqual({ endsOn: ['playbookAdmin.errors.endBeforeStart'] });
		const impossible = await refusal(
			startTrajectory(as(moderator, geel), {
				template: 'klimaatdoeners',
				title: 'Iets',
				theme: 'Mobiliteit',
				startsOn: '2026-02-30'
			}),
			'validation'
		);
		expect(impossible.options.fields).toEqual({ startsOn: ['playbookAdmin.errors.date'] });
		const elsewhere = await buildOtherRegion(database.db);
		const stranger = await buildUser(database.db);
		await grantRegionRole(database.db, elsewhere.regionId, stranger.id, 'regional_admin');
		const { slug } = await createTemplate(as(await actorOf(database.db, stranger)), { title: 'Elders' });
		await refusal(
			startTrajectory(as(moderator, geel), {
				template: slug,
				title: 'X',
				theme: 'Y',
				startsOn: '2026-01-01'
			}),
			'validation'
		);
		await setPhaseDates(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId),
			unverifiedPhaseId: String(phase.id),
			startsOn: '2026-02-01',
			endsOn: '2026-03-01'
		});
		const after = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		expect([after.phases[0]!.startsOn, after.phases[0]!.endsOn]).toEqual(['2026-02-01', '2026-03-01']);
	});

	it('ticks a step off with who and when, and opens it again', async () => {
		const page = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		const intake = page.phases[0]!.steps[0]!;
		const target = { unverifiedTrajectoryId: String(trajectoryId), unverifiedStepId: String(intake.id) };
		expect(await tickStep(as(moderator, geel), { ...target, done: true })).toEqual({ changed: true });
		expect(await tickStep(as(moderator, geel), { ...target, done: true })).toEqual({ changed: false });
		const step = await getStepForBackoffice(as(moderator, geel), target);
		expect(step.step.doneByName).toBe('Bart Claes');
		expect(step.step.doneAt).not.toBeNull();
		const list = await listTrajectoriesForBackoffice(as(alderman, geel), { q: 'doeners' });
		expect(list.items.map((i) => [i.title, i.stepsDone])).toEqual([['Klimaatdoeners Geel', 1]]);
		expect(list.canRun).toBe(false);
	});

	it('lets no one else change it, and Mol never finds it', async () => {
		const page = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		const target = {
			unverifiedTrajectoryId: String(trajectoryId),
			unverifiedStepId: String(page.phases[0]!.steps[1]!.id)
		};
		await refusal(tickStep(as(alderman, geel), { ...target, done: true }), 'forbidden');
		await refusal(tickStep(as(citizen, geel), { ...target, done: true }), 'forbidden');
		await refusal(tickStep(as(undefined, geel), { ...target, done: true }), 'unauthenticated');
		await refusal(
			getTrajectoryForBackoffice(as(citizen, geel), { unverifiedTrajectoryId: String(trajectoryId) }),
			'forbidden'
		);
		// Mol's staff in Geel's back office: refused; in their own, Geel's trajectory is simply not there.
		await refusal(tickStep(as(molModerator, geel), { ...target, done: true }), 'forbidden');
		await refusal(
			getTrajectoryForBackoffice(as(molModerator, mol), { unverifiedTrajectoryId: String(trajectoryId) }),
			'not_found'
		);
		await refusal(tickStep(as(molModerator, mol), { ...target, done: true }), 'not_found');
		expect((await listTrajectoriesForBackoffice(as(molModerator, mol), {})).total).toBe(0);
		await refusal(
			getStepForBackoffice(as(moderator, geel), { ...target, unverifiedStepId: '1-2' }),
			'not_found'
		);
	});

	it('keeps its own version of a step, refusing a wrong date beside the field', async () => {
		const page = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		const kickoff = page.phases[1]!.steps.find((s) => s.title === 'Kickoff')!;
		const target = { unverifiedTrajectoryId: String(trajectoryId), unverifiedStepId: String(kickoff.id) };
		const bad = await refusal(
			saveTrajectoryStep(as(moderator, geel), {
				...target,
				title: 'Kickoff',
				dueOn: '31/03/2026',
				sessionStartsAt: 'morgen'
			}),
			'validation'
		);
		expect(bad.options.fields).toEqual({
			dueOn: ['playbookAdmin.errors.date'],
			sessionStartsAt: ['playbookAdmin.errors.dateTime']
		});
		await saveTrajectoryStep(as(moderator, geel), {
			...target,
			title: 'Kickoff in het buurthuis',
			checklist: 'Uitnodiging verstuurd\nZaal van het buurthuis vastgelegd',
			dueOn: '2026-03-10',
			sessionStartsAt: '2026-03-10T19:30'
		});
		const step = await getStepForBackoffice(as(moderator, geel), target);
		expect(step.step).toMatchObject({ title: 'Kickoff in het buurthuis', dueOn: '2026-03-10' });
		expect(step.step.sessionStartsAt).toBe('2026-03-10T18:30:00.000Z');
	});

	it('makes a session an event of the events feature, once', async () => {
		const page = await getTrajectoryForBackoffice(as(moderator, geel), {
			unverifiedTrajectoryId: String(trajectoryId)
		});
		const kickoff = page.phases[1]!.steps.find((s) => s.session?.title === 'Kickoff Klimaatdoeners')!;
		const target = { unverifiedTrajectoryId: String(trajectoryId), unverifiedStepId: String(kickoff.id) };
		const { eventId } = await planSessionAsEvent(as(moderator, geel), target);
		const [event] = await database.db.select().from(events).where(eq(events.id, eventId));
		expect(event).toMatchObject({
			municipalityId: geel.id,
			status: 'draft',
			kind: 'workingGroup',
			title: 'Kickoff Klimaatdoeners'
		});
		expect(event!.startsAt.toISOString()).toBe('2026-03-10T18:30:00.000Z');
		expect(event!.description).toContain('- Brainstorm over klimaatacties');
		const step = await getStepForBackoffice(as(moderator, geel), target);
		expect(step.step.eventId).toBe(eventId);
		const again = await refusal(planSessionAsEvent(as(moderator, geel), target), 'conflict');
		expect(again.messageKey).toBe('playbookAdmin.errors.alreadyEvent');
		const audit = await auditOf(database.db, geel.id);
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['event.created', 'playbook.session_planned'])
		);
	});
});

describe('proposals back to the region', () => {
	it('lets Geel propose its step, and the regional admin accept it (audited in both logs) or decline', async () => {
		const { items } = await listTrajectoriesForBackoffice(as(moderator, geel), {});
		const id = String(items[0]!.id);
		const page = await getTrajectoryForBackoffice(as(moderator, geel), { unverifiedTrajectoryId: id });
		const kickoff = page.phases[1]!.steps.find((s) => s.stepKey === 's7')!;
		const target = { unverifiedTrajectoryId: id, unverifiedStepId: String(kickoff.id) };
		await refusal(proposeStep(as(moderator, geel), { ...target, reason: '   ' }), 'validation');
		await refusal(proposeStep(as(alderman, geel), { ...target, reason: 'Beter' }), 'forbidden');
		const { id: proposalId } = await proposeStep(as(moderator, geel), {
			...target,
			reason: 'Een buurthuis werkt beter dan het gemeentehuis.'
		});
		const second = await proposeStep(as(moderator, geel), { ...target, reason: 'Nog eens.' });

		const keeper = await getTemplateForKeeper(as(regionalAdmin), { unverifiedSlug: 'klimaatdoeners' });
		expect(keeper.proposals.map((p) => [p.municipalityName, p.title, p.status])).toEqual([
			['Geel', 'Kickoff in het buurthuis', 'open'],
			['Geel', 'Kickoff in het buurthuis', 'open']
		]);
		// The expert reads them but the regional admin decides.
		await refusal(
			decideOnProposal(as(expert), {
				unverifiedSlug: 'klimaatdoeners',
				unverifiedProposalId: String(proposalId),
				decision: 'accept'
			}),
			'forbidden'
		);
		await decideOnProposal(as(regionalAdmin), {
			unverifiedSlug: 'klimaatdoeners',
			unverifiedProposalId: String(proposalId),
			decision: 'accept'
		});
		const step = await getTemplateStep(as(regionalAdmin), {
			unverifiedSlug: 'klimaatdoeners',
			unverifiedStepKey: 's7'
		});
		expect(step.step.title).toBe('Kickoff in het buurthuis');
		expect(step.step.checklist).toEqual(['Uitnodiging verstuurd', 'Zaal van het buurthuis vastgelegd']);
		const [row] = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'playbook.proposal_accepted'
		);
		expect(row).toMatchObject({ regionId: kempen, subjectName: expect.stringContaining('Klimaatdoeners') });
		expect(row!.details).toMatchObject({
			before: { title: 'Kickoff' },
			after: { title: 'Kickoff in het buurthuis' }
		});
		const decided = await refusal(
			decideOnProposal(as(regionalAdmin), {
				unverifiedSlug: 'klimaatdoeners',
				unverifiedProposalId: String(proposalId),
				decision: 'decline'
			}),
			'conflict'
		);
		expect(decided.messageKey).toBe('playbookAdmin.errors.decided');
		// Declining is final: without the tick it is refused beside the box and the proposal stays open.
		const unticked = await refusal(
			decideOnProposal(as(regionalAdmin), {
				unverifiedSlug: 'klimaatdoeners',
				unverifiedProposalId: String(second.id),
				decision: 'decline',
				confirm: ''
			}),
			'validation'
		);
		expect(unticked.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		const waiting = await getTemplateForKeeper(as(regionalAdmin), { unverifiedSlug: 'klimaatdoeners' });
		expect(waiting.proposals.find((p) => p.id === second.id)!.status).toBe('open');
		expect((await auditOf(database.db, geel.id)).map((a) => a.action)).not.toContain(
			'playbook.proposal_declined'
		);
		await decideOnProposal(as(regionalAdmin), {
			unverifiedSlug: 'klimaatdoeners',
			unverifiedProposalId: String(second.id),
			decision: 'decline',
			confirm: 'on'
		});
		const declined = await getTemplateForKeeper(as(regionalAdmin), { unverifiedSlug: 'klimaatdoeners' });
		expect(declined.proposals.find((p) => p.id === second.id)!.status).toBe('declined');
		// A proposal of another template, or no number at all, is not found.
		await refusal(
			decideOnProposal(as(regionalAdmin), {
				unverifiedSlug: KLIMAATMAKERS.slug,
				unverifiedProposalId: String(second.id),
				decision: 'accept'
			}),
			'not_found'
		);
		await refusal(
			decideOnProposal(as(regionalAdmin), {
				unverifiedSlug: 'klimaatdoeners',
				unverifiedProposalId: '1 OR 1=1',
				decision: 'accept'
			}),
			'not_found'
		);
	});
});

describe('the region sees who uses the playbook', () => {
	it('shows Geel running Klimaatdoeners to the regional admin, and gives other features the figures', async () => {
		const overview = await getPlaybookUsageOverview(as(regionalAdmin));
		const rows = overview.regions.find((r) => r.id === kempen)!.rows;
		expect(rows.map((r) => [r.municipalityName, r.templateTitle, r.stepsDone])).toEqual([
			['Geel', KLIMAATDOENERS.title, 1]
		]);
		await refusal(getPlaybookUsageOverview(as(expert)), 'forbidden');
		await refusal(getPlaybookUsageOverview(as(moderator)), 'forbidden');
		const usage = await playbookUsage(database.db, { regionId: kempen });
		expect(usage).toEqual([
			{
				municipalityId: geel.id,
				trajectories: 1,
				themes: ['Klimaat'],
				templateIds: [expect.any(String)],
				stepsDone: 1
			}
		]);
		expect(await playbookUsage(database.db, { regionId: kempen, municipalityId: mol.id })).toEqual([]);
	});
});

describe('the public playbook', () => {
	it('downloads a published template as a tagged PDF and as Markdown; a draft is not found', async () => {
		const url = 'https://meedoen.test/draaiboek/klimaatdoeners';
		const pdf = await getTemplatePdf(as(undefined), { unverifiedSlug: 'klimaatdoeners', url });
		const reading = await readPdf(pdf.bytes);
		expect(reading.tagged).toBe(true);
		expect(reading.info.lang).toBe('nl-BE');
		expect(reading.info.title).toBe(KLIMAATDOENERS.title);
		expect(reading.pageCount).toBeGreaterThan(1);
		const text = reading.pages.map((p) => p.text).join(' ');
		for (const words of [
			'Voorbereiding en oproep',
			'Pick’n Choose',
			'Wrap up',
			'Menukaart van klimaatacties',
			'repaircafé'
		])
			expect(text).toContain(words);
		expect(reading.pages.flatMap((p) => p.untaggedText)).toEqual([]);
		const headings = reading.pages.flatMap((p) => findAllStruct(p.structure, 'H2').map((h) => h.text));
		expect(headings.join(' | ')).toContain('Fase 2: Begeleiding van de burgergroep (6 maanden)');
		expect(reading.pages.flatMap((p) => p.links.map((l) => l.url))).toContain(url);

		const md = await getTemplateMarkdown(as(undefined), { unverifiedSlug: 'klimaatdoeners', url });
		expect(md.text).toContain('# Klimaatdoeners: een burgergroep met een eigen budget');
		expect(md.text).toContain('## Fase 1: Voorbereiding en oproep (1 maand)');
		expect(md.text).toContain('- [ ] Werkplan geconcretiseerd');
		expect(md.text).toContain('- WhatsApp: Ken jij iemand');

		// Taking it offline asks for the tick: without it the template stays in the public library.
		const unticked = await refusal(
			unpublishTemplate(as(regionalAdmin), { unverifiedSlug: KLIMAATMAKERS.slug, confirm: undefined }),
			'validation'
		);
		expect(unticked.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		expect((await getPublicTemplate(as(undefined), { unverifiedSlug: KLIMAATMAKERS.slug })).slug).toBe(
			KLIMAATMAKERS.slug
		);
		// Only the regional admin takes it offline, ticked or not.
		await refusal(
			unpublishTemplate(as(expert), { unverifiedSlug: KLIMAATMAKERS.slug, confirm: 'on' }),
			'forbidden'
		);
		await unpublishTemplate(as(regionalAdmin), { unverifiedSlug: KLIMAATMAKERS.slug, confirm: 'on' });
		await refusal(getPublicTemplate(as(undefined), { unverifiedSlug: KLIMAATMAKERS.slug }), 'not_found');
		await refusal(getTemplatePdf(as(undefined), { unverifiedSlug: KLIMAATMAKERS.slug, url }), 'not_found');
		expect((await listPublicTemplates(as(undefined))).map((t) => t.slug)).not.toContain(KLIMAATMAKERS.slug);
		await publishTemplate(as(regionalAdmin), { unverifiedSlug: KLIMAATMAKERS.slug });
		const [row] = await database.db
			.select({ version: playbookTemplates.version })
			.from(playbookTemplates)
			.where(eq(playbookTemplates.slug, KLIMAATMAKERS.slug));
		expect(row!.version).toBe(2);
	});
});

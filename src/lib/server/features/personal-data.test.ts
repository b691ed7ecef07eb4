// A person's data across every feature of the registry: the export has each feature's sections, and deleting
// the account leaves nothing of the person in any of them (public contributions stay, without a name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
	coachedMunicipalities,
	consents,
	contributionBlocks,
	loginRequests,
	mailTokens,
	memberships,
	municipalities,
	regionRoles,
	sessions,
	suggestionComments,
	suggestionReports,
	suggestionVotes,
	themePreferences,
	themes,
	userIdentities,
	users,
	eventInvitations,
	eventRegistrations,
	notificationDigests,
	notificationPreferences,
	notifications,
	newsletters,
	newsletterRecipients,
	offlineInterests,
	stories,
	groupMembers,
	groupPosts,
	groupThreads,
	climatePlanActions,
	climatePlanUpdates,
	climatePlanReports,
	climatePactOutcomes,
	funderProgrammes,
	funderReports,
	funderReviewerInvitations,
	funderReviewers,
	climatePlanAgreements,
	climatePlanDepartmentStaff,
	climatePlanDepartments,
	climatePlanMeetingParticipants,
	climatePlanMeetings,
	climatePlanTasks,
	climatePlanTeamMembers,
	climatePlanTeams,
	subscriptions,
	suggestions
} from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildEvent,
	buildGroup,
	buildParticipatingMunicipality,
	buildSuggestion,
	buildSuggestionOpportunity
} from '$lib/server/testing/factories';
import { writeAudit } from '$lib/server/platform/audit';
import { follow } from '$lib/server/platform/subscriptions';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { defineFeature, type PersonRef } from '$lib/server/platform/feature';
import { deleteAccount, exportPersonalData } from '$lib/server/features/profile/profile.service';
import { translate, type MessageKey } from '$lib/i18n';
import { codedFields, fieldLabel, isFreeForm, valueLabel } from '$lib/components/profile/export-fields';
import { declaredAuditActions } from '$lib/server/testing/audit-actions';
import { MAIL_ISSUER, REFERRER_CHANNEL } from './accounts/accounts.service';
import { OFFLINE_CHANNEL } from './events/events.offline.queries';
import { AUDIT_ENTRY_ROLES } from './staff/staff.personal-data';
import { features } from '.';

let database: TestDatabase;
let geel: Tenant;
let regionId: string;
let place: { actionId: number; opportunityId: number; suggestionId: number };

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	const opportunity = await buildSuggestionOpportunity(database.db, geel);
	const suggestion = await buildSuggestion(database.db, geel, opportunity.id);
	place = { actionId: opportunity.action.id, opportunityId: opportunity.id, suggestionId: suggestion.id };
	const [municipality] = await database.db
		.select({ regionId: municipalities.regionId })
		.from(municipalities)
		.where(eq(municipalities.id, geel.id));
	regionId = municipality!.regionId;
});
afterAll(async () => {
	await database?.destroy();
});

interface Person extends PersonRef {
	/** Everything that says who this is: none of it may be left after deletion. */
	markers: string[];
}

/** A person with a row in every table of every feature that keeps personal data. */
async function buildPersonEverywhere(name: string): Promise<Person> {
	const db = database.db;
	const email = `${name}.persoon@example.be`;
	const [user] = await db
		.insert(users)
		.values({
			displayName: `${name} Toon`,
			givenName: `${name}voornaam`,
			familyName: `${name}familienaam`,
			email,
			emailVerifiedAt: new Date(),
			homeMunicipalityId: geel.id,
			wantsToHelp: true
		})
		.returning({ id: users.id, displayName: users.displayName });
	const userId = user!.id;
	const later = new Date(Date.now() + 86_400_000);
	// accounts
	await db.insert(userIdentities).values({ userId, issuer: 'https://idp.test', subject: `${name}-subject` });
	await db.insert(sessions).values({
		id: `${name}-session-hash`,
		userId,
		expiresAt: later,
		idToken: null,
		userAgent: `${name}-browser`
	});
	await db
		.insert(mailTokens)
		.values({ tokenHash: `${name}-token-hash`, purpose: 'login', email, userId, expiresAt: later });
	await db.insert(loginRequests).values({
		id: `${name}-login-request`,
		draftUserId: userId,
		draft: { displayName: `${name}-getypt` }
	});
	// profile
	await db.insert(consents).values({ userId, kind: 'updates', version: '1' });
	const [theme] = await db
		.select({ id: themes.id })
		.from(themes)
		.where(and(eq(themes.municipalityId, geel.id), eq(themes.slug, 'mobiliteit')));
	await db.insert(themePreferences).values({ userId, themeId: theme!.id, interested: true });
	// notifications
	await db.insert(notificationPreferences).values({ userId, kind: 'following', frequency: 'daily' });
	await db.insert(notifications).values({
		municipalityId: geel.id,
		userId,
		kind: 'own',
		type: 'suggestion.answered',
		eventId: Math.floor(Math.random() * 1e9),
		params: { title: `${name}-titel`, municipalityName: 'Geel' },
		path: '/geel',
		mailState: 'pending'
	});
	await db.insert(notificationDigests).values({ userId, frequency: 'weekly', lastSentAt: new Date() });
	// newsletters
	const [letter] = await db
		.insert(newsletters)
		.values({ municipalityId: geel.id, subject: 'Nieuwsbrief', body: 'Nieuws', audience: { kind: 'pool' } })
		.returning({ id: newsletters.id });
	await db.insert(newsletterRecipients).values({ newsletterId: letter!.id, municipalityId: geel.id, userId });
	// staff
	await db.insert(memberships).values({ municipalityId: geel.id, userId, role: 'moderator' });
	// A colleague of another department: the role carries the department, exported with it.
	await db
		.insert(memberships)
		.values({ municipalityId: geel.id, userId, role: 'colleague', department: `${name}-dienst` });
	const [expertRole] = await db
		.insert(regionRoles)
		.values({ regionId, userId, role: 'participation_expert' })
		.returning({ id: regionRoles.id });
	await db.insert(coachedMunicipalities).values({ regionRoleId: expertRole!.id, municipalityId: geel.id });
	await writeAudit(db, {
		regionId,
		municipalityId: geel.id,
		actor: { userId, displayName: user!.displayName },
		action: 'staff.invited',
		subject: { id: userId, name: user!.displayName }
	});
	// actions
	await follow(db, { municipalityId: geel.id, subject: { kind: 'action', id: place.actionId }, userId });
	// colleagues: the same action followed as a colleague too
	await follow(db, {
		municipalityId: geel.id,
		subject: { kind: 'action', id: place.actionId },
		userId,
		capacity: 'colleague'
	});
	// suggestions
	await buildSuggestion(db, geel, place.opportunityId, { authorId: userId, title: `Voorstel van ${name}` });
	await db.insert(suggestionVotes).values({
		municipalityId: geel.id,
		opportunityId: place.opportunityId,
		suggestionId: place.suggestionId,
		userId
	});
	await db.insert(suggestionComments).values({
		municipalityId: geel.id,
		suggestionId: place.suggestionId,
		authorId: userId,
		body: 'Goed idee, ik help mee.',
		moderation: 'approved'
	});
	await db.insert(suggestionReports).values({
		municipalityId: geel.id,
		suggestionId: place.suggestionId,
		reporterId: userId,
		reason: 'spam',
		note: `${name}-meldingsnotitie`
	});
	await follow(db, {
		municipalityId: geel.id,
		subject: { kind: 'suggestion', id: place.suggestionId },
		userId
	});
	await db
		.insert(contributionBlocks)
		.values({ municipalityId: geel.id, userId, reason: `${name}-blokkering` });
	// events: with the account, and without one under the person's address
	const event = await buildEvent(db, geel);
	await db.insert(eventRegistrations).values([
		{
			municipalityId: geel.id,
			eventId: event.id,
			userId,
			status: 'confirmed',
			tokenHash: `${name}-event-token`,
			queuedAt: new Date(),
			answers: { plek: `${name}-antwoord` }
		},
		{
			municipalityId: geel.id,
			eventId: (await buildEvent(db, geel)).id,
			name: `${name}-gastnaam`,
			email,
			status: 'pending',
			tokenHash: `${name}-guest-token`
		}
	]);
	await db.insert(eventInvitations).values({
		municipalityId: geel.id,
		eventId: event.id,
		userId,
		audience: 'pool',
		tokenHash: `${name}-invitation-token`
	});
	// Geel's staff wrote the person's address on its list of interest outside the platform (a paper list).
	const [paper] = await db
		.insert(users)
		.values({ displayName: `${name}-papiernaam`, email, firstChannel: 'offline' })
		.returning({ id: users.id });
	await db.insert(offlineInterests).values({
		municipalityId: geel.id,
		userId: paper!.id,
		email,
		agreedOn: '2026-09-10',
		agreedHow: `${name}-papieren lijst`
	});
	// stories: one waiting (deleted with the account), one published (kept without its author)
	await db.insert(stories).values([
		{
			municipalityId: geel.id,
			authorId: userId,
			initiative: 'Buren van de Markt',
			title: `${name}-verhaal`,
			body: 'Wat we samen deden.',
			showName: true
		},
		{
			municipalityId: geel.id,
			authorId: userId,
			initiative: 'Buren van de Markt',
			title: 'Een gepubliceerd verhaal',
			body: 'Het staat online.',
			showName: true,
			status: 'published',
			placement: 'home',
			publishedAt: new Date()
		}
	]);
	// groups: a sign-up with a motivation, and a question to the group sharing the address
	const group = await buildGroup(db, geel);
	await db.insert(groupMembers).values({
		municipalityId: geel.id,
		groupId: group.id,
		userId,
		motivation: `${name}-motivatie`,
		status: 'accepted'
	});
	const [thread] = await db
		.insert(groupThreads)
		.values({ municipalityId: geel.id, groupId: group.id, title: 'Vraag', authorId: userId })
		.returning({ id: groupThreads.id });
	await db.insert(groupPosts).values({
		municipalityId: geel.id,
		groupId: group.id,
		threadId: thread!.id,
		authorId: userId,
		body: `Mag ik komen kijken? Antwoorden kan op ${email}.`
	});
	// climate plan: responsible for an action, with an update in its log (kept without the author)
	const [planAction] = await db
		.insert(climatePlanActions)
		.values({ municipalityId: geel.id, title: `${name}-planactie`, responsibleId: userId })
		.returning({ id: climatePlanActions.id });
	await db.insert(climatePlanUpdates).values({
		municipalityId: geel.id,
		planActionId: planAction!.id,
		authorId: userId,
		done: `${name}-planupdate`,
		statusAfter: 'ongoing'
	});
	// a council report of the plan they issued (kept for the council, without naming them)
	await db.insert(climatePlanReports).values({
		municipalityId: geel.id,
		issuedBy: userId,
		fileName: `${name}-raadsrapport.pdf`,
		bytes: Buffer.from('%PDF-1.7\n')
	});
	// climate pact: a waiting report (deleted with the account), a verified one (still counted, without them)
	await db.insert(climatePactOutcomes).values([
		{
			municipalityId: geel.id,
			source: 'citizen',
			kind: 'rainwater',
			quantity: 0.3,
			occurredOn: '2025-06-01',
			note: `${name}-klimaatpact`,
			status: 'submitted',
			authorId: userId,
			createdBy: userId
		},
		{
			municipalityId: geel.id,
			source: 'citizen',
			kind: 'hedges',
			quantity: 4,
			occurredOn: '2025-06-02',
			note: `${name}-geveltuin`,
			status: 'verified',
			authorId: userId,
			createdBy: userId
		}
	]);
	// the plan's internal work: a department, a climate team, a lunch talk and a task from its agreement
	const [department] = await db
		.insert(climatePlanDepartments)
		.values({ municipalityId: geel.id, name: `${name}-dienst` })
		.returning({ id: climatePlanDepartments.id });
	await db
		.insert(climatePlanDepartmentStaff)
		.values({ municipalityId: geel.id, userId, departmentId: department!.id });
	const [team] = await db
		.insert(climatePlanTeams)
		.values({ municipalityId: geel.id, name: `${name}-team`, leadId: userId })
		.returning({ id: climatePlanTeams.id });
	await db.insert(climatePlanTeamMembers).values({ municipalityId: geel.id, teamId: team!.id, userId });
	const [meeting] = await db
		.insert(climatePlanMeetings)
		.values({ municipalityId: geel.id, kind: 'lunch_talk', heldOn: '2026-03-12', createdBy: userId })
		.returning({ id: climatePlanMeetings.id });
	await db
		.insert(climatePlanMeetingParticipants)
		.values({ municipalityId: geel.id, meetingId: meeting!.id, userId, departmentId: department!.id });
	const [agreement] = await db
		.insert(climatePlanAgreements)
		.values({ municipalityId: geel.id, meetingId: meeting!.id, text: 'Afspraak', outcome: 'task' })
		.returning({ id: climatePlanAgreements.id });
	await db.insert(climatePlanTasks).values({
		municipalityId: geel.id,
		agreementId: agreement!.id,
		title: `${name}-taak`,
		ownerId: userId,
		dueOn: '2026-04-01'
	});
	// funder reports: named reviewer of a programme (removed with the account), an invitation to review sent to
	// their address (withdrawn with the account) and a report they submitted (kept: the municipality's account to
	// its funder, without naming them)
	const [programme] = await db
		.insert(funderProgrammes)
		.values({
			regionId,
			name: 'Programma',
			funder: 'Financier',
			submitter: 'municipality',
			definition: { periods: [], definition: { actions: [], sections: [] } }
		})
		.returning({ id: funderProgrammes.id });
	await db.insert(funderReviewers).values({ programmeId: programme!.id, userId });
	await db.insert(funderReviewerInvitations).values({ programmeId: programme!.id, email });
	await db.insert(funderReports).values({
		programmeId: programme!.id,
		periodKey: 'jaar-1',
		scopeKey: geel.id,
		municipalityId: geel.id,
		status: 'submitted',
		figures: {},
		answers: {},
		openedBy: userId,
		submittedBy: userId,
		submittedAt: new Date()
	});
	return {
		userId,
		addresses: [email],
		displayName: user!.displayName,
		markers: [
			`${name}-motivatie`,
			email,
			user!.displayName,
			`${name}voornaam`,
			`${name}familienaam`,
			`${name}-subject`,
			`${name}-browser`,
			`${name}-getypt`,
			`${name}-meldingsnotitie`,
			`${name}-blokkering`,
			`${name}-antwoord`,
			`${name}-gastnaam`,
			`${name}-papiernaam`,
			`${name}-papieren lijst`,
			`${name}-dienst`,
			`${name}-verhaal`,
			`${name}-planactie`,
			`${name}-planupdate`,
			`${name}-klimaatpact`,
			`${name}-geveltuin`
		]
	};
}

function ctxOf(person: Person, registry: Ctx['features'] = features) {
	const ctx = buildCtx(database.db, undefined, {
		actor: { userId: person.userId, displayName: person.displayName, memberships: [], regionRoles: [] }
	});
	return { ...ctx, features: registry };
}

const withPersonalData = features.filter((f) => f.personalData);

/** Each feature's sections for the person, straight from its manifest. */
async function sectionsOf(person: PersonRef) {
	return Promise.all(
		withPersonalData.map(async (f) => ({
			feature: f,
			sections: (await f.personalData!.export(database.db, person)) as Record<string, unknown>
		}))
	);
}

const isEmpty = (value: unknown) => Array.isArray(value) && value.length === 0;

describe("a person's data in every feature", () => {
	it('has every section of every feature in the export, each filled, and nothing of anyone else', async () => {
		const an = await buildPersonEverywhere('an');
		const bob = await buildPersonEverywhere('bob');
		const data = (await exportPersonalData(ctxOf(an))) as unknown as Record<string, unknown>;

		expect(withPersonalData.map((f) => f.name)).toEqual(
			expect.arrayContaining(['accounts', 'profile', 'staff', 'actions', 'suggestions', 'events', 'stories'])
		);
		const names: string[] = [];
		for (const { feature, sections } of await sectionsOf(an))
			for (const [name, section] of Object.entries(sections)) {
				names.push(name);
				expect(data[name], `${feature.name}.${name}`).toEqual(section);
				expect(isEmpty(section), `${feature.name}.${name} is empty`).toBe(false);
			}
		// No two features claim one section, and the export has nothing besides its header and the sections.
		expect(new Set(names).size).toBe(names.length);
		expect(Object.keys(data).sort()).toEqual(['exportedAt', 'format', 'formatVersion', ...names].sort());

		const text = JSON.stringify(data);
		for (const marker of an.markers) expect(text).toContain(marker);
		for (const marker of bob.markers) expect(text).not.toContain(marker);
		expect(text).not.toContain(bob.userId);
	});

	it('has a Dutch heading in the catalogue for every section, so "Bekijk mijn gegevens" shows no raw key', async () => {
		const eva = await buildPersonEverywhere('eva');
		const data = (await exportPersonalData(ctxOf(eva))) as unknown as Record<string, unknown>;
		const { format: _format, formatVersion: _version, exportedAt: _at, ...sections } = data;
		const names = Object.keys(sections);
		expect(names.length).toBeGreaterThan(20);
		// The page (profiel/gegevens) heads each section with this message and falls back to the raw key.
		const missing = names.filter((name) => {
			const key = `profile.export.sections.${name}` as MessageKey;
			const heading = translate('nl', key);
			return heading === key || heading.trim() === '';
		});
		expect(missing).toEqual([]);
	});

	it('has a Dutch label in the catalogue for every field of every section, so no record shows a raw name', async () => {
		const fien = await buildPersonEverywhere('fien');
		const data = (await exportPersonalData(ctxOf(fien))) as unknown as Record<string, unknown>;
		const { format: _format, formatVersion: _version, exportedAt: _at, ...sections } = data;
		/** Every field name the page shows in a section, as section.path, nested records included. */
		const fields = new Set<string>();
		const walk = (section: string, value: unknown, path: string): void => {
			if (Array.isArray(value)) for (const entry of value) walk(section, entry, path);
			else if (value !== null && typeof value === 'object')
				for (const [field, inner] of Object.entries(value)) {
					fields.add(`${section}.${path}${field}`);
					// A free-form field's names are what the person typed (the page shows them as they are).
					if (!isFreeForm(section, field)) walk(section, inner, `${path}${field}.`);
				}
		};
		for (const [section, value] of Object.entries(sections)) walk(section, value, '');
		// Nested records and free-form fields are filled: their names count too.
		expect(fields).toContain('eventRegistrations.event.startsAt');
		expect(fields).toContain('eventRegistrations.answers');
		expect(fields.size).toBeGreaterThan(150);
		const t = (key: MessageKey) => translate('nl', key);
		const missing = [...fields].filter((path) => {
			const [section, ...rest] = path.split('.');
			return fieldLabel(t, section!, rest.at(-1)!) === undefined;
		});
		expect(missing).toEqual([]);
		// The labels are the catalogue's, not the names: a section's own label where the shared one reads wrong.
		expect(fieldLabel(t, 'funderReviewerInvitations', 'invitedAt')).toBe('Uitgenodigd op');
		expect(fieldLabel(t, 'suggestionVotes', 'createdAt')).toBe('Gesteund op');
		expect(fieldLabel(t, 'polls', 'pollAnswer')).toBeUndefined();
	});

	/**
	 * Per section, the fields of the export that hold a code, each with its list of codes taken where the
	 * export's values come from: the column's enum in the schema, or the constant the feature writes.
	 */
	const codeLists: Record<string, Record<string, readonly string[]>> = {
		person: {
			mailFrequency: users.mailFrequency.enumValues,
			// An open list (a campaign's own utm_source): only the platform's own channels are named.
			firstChannel: [OFFLINE_CHANNEL, REFERRER_CHANNEL]
		},
		// An open list too: an identity provider is named by its address, the mailed link by a code.
		identities: { issuer: [MAIL_ISSUER] },
		mailedLinks: { purpose: mailTokens.purpose.enumValues },
		consents: { kind: consents.kind.enumValues },
		memberships: { role: memberships.role.enumValues },
		regionRoles: { role: regionRoles.role.enumValues },
		auditLog: { action: declaredAuditActions(), role: AUDIT_ENTRY_ROLES },
		suggestions: { status: suggestions.status.enumValues, moderation: suggestions.moderation.enumValues },
		suggestionComments: { moderation: suggestionComments.moderation.enumValues },
		suggestionReports: { reason: suggestionReports.reason.enumValues },
		eventRegistrations: { status: eventRegistrations.status.enumValues },
		mailPreferences: {
			kind: notificationPreferences.kind.enumValues,
			frequency: notificationPreferences.frequency.enumValues
		},
		colleagueFollows: { kind: subscriptions.subjectKind.enumValues },
		stories: { status: stories.status.enumValues, placement: stories.placement.enumValues },
		groups: { status: groupMembers.status.enumValues, role: groupMembers.role.enumValues },
		climatePlanMeetings: { kind: climatePlanMeetings.kind.enumValues },
		climatePlanTasks: { status: climatePlanTasks.status.enumValues },
		climatePactReports: {
			kind: climatePactOutcomes.kind.enumValues,
			status: climatePactOutcomes.status.enumValues
		}
	};
	const nlT = (key: MessageKey) => translate('nl', key);

	it('has a Dutch name in the catalogue for every code a coded field can hold, so no record shows a raw code', () => {
		const listed = Object.entries(codeLists).flatMap(([section, fields]) =>
			Object.keys(fields).map((field) => `${section}.${field}`)
		);
		// The page names the codes of exactly these fields: each has its list here, and no list goes unused.
		expect(
			codedFields()
				.map(([section, field]) => `${section}.${field}`)
				.sort()
		).toEqual(listed.sort());
		const missing: string[] = [];
		for (const [section, fields] of Object.entries(codeLists))
			for (const [field, codes] of Object.entries(fields)) {
				expect(codes.length, `${section}.${field} has codes`).toBeGreaterThan(0);
				for (const code of codes)
					if (valueLabel(nlT, section, field, code) === undefined)
						missing.push(`${section}.${field}: ${code}`);
			}
		expect(missing).toEqual([]);
		expect(declaredAuditActions().length).toBeGreaterThan(40);
		// The names are the catalogue's, per field: one code reads differently in different lists.
		expect(valueLabel(nlT, 'suggestions', 'status', 'published')).toBe('Gepubliceerd');
		expect(valueLabel(nlT, 'memberships', 'role', 'moderator')).toBe('Moderator');
		expect(valueLabel(nlT, 'groups', 'status', 'pending')).toBe('Aanmelding wacht op de gemeente');
		expect(valueLabel(nlT, 'eventRegistrations', 'status', 'pending')).toBe('Nog te bevestigen via de mail');
		expect(valueLabel(nlT, 'consents', 'kind', 'updates')).toBe('Mails over klimaatacties');
		expect(valueLabel(nlT, 'auditLog', 'action', 'staff.invited')).toBe(
			translate('nl', 'backoffice.audit.action.staff.invited' as MessageKey)
		);
		// What the person or staff typed is never taken for a code, even when it reads like one.
		expect(valueLabel(nlT, 'contributionBlocks', 'reason', 'spam')).toBeUndefined();
		expect(valueLabel(nlT, 'identities', 'issuer', 'https://idp.test')).toBeUndefined();
		expect(valueLabel(nlT, 'consents', 'kind', 'heading')).toBeUndefined();
		expect(valueLabel(nlT, 'suggestions', 'status', 'constructor')).toBeUndefined();
	});

	it('holds no code of those lists in a field the page does not name codes of', async () => {
		const gus = await buildPersonEverywhere('gus');
		const data = (await exportPersonalData(ctxOf(gus))) as unknown as Record<string, unknown>;
		const { format: _format, formatVersion: _version, exportedAt: _at, ...sections } = data;
		const codes = new Set(
			Object.values(codeLists).flatMap((fields) => Object.values(fields).flatMap((list) => [...list]))
		);
		const coded = new Set(codedFields().map(([section, field]) => `${section}.${field}`));
		const found: string[] = [];
		const named: string[] = [];
		const walk = (section: string, value: unknown, field: string | undefined): void => {
			if (Array.isArray(value)) for (const entry of value) walk(section, entry, field);
			else if (value !== null && typeof value === 'object') {
				for (const [inner, v] of Object.entries(value))
					if (!isFreeForm(section, inner)) walk(section, v, inner);
			} else if (field !== undefined && coded.has(`${section}.${field}`)) {
				if (valueLabel(nlT, section, field, value) !== undefined) named.push(`${section}.${field}`);
			} else if (typeof value === 'string' && codes.has(value)) found.push(`${section}.${field}: ${value}`);
		};
		for (const [section, value] of Object.entries(sections)) walk(section, value, undefined);
		// A new field that holds a status, a role or a kind is added to export-fields.ts with its list.
		expect(found).toEqual([]);
		// And the codes the person really has are named: most coded fields are filled in this export.
		expect(new Set(named).size).toBeGreaterThan(15);
	});

	it('leaves nothing of the person after deletion, keeps public contributions nameless, and leaves others alone', async () => {
		const an = await buildPersonEverywhere('ann');
		const bob = await buildPersonEverywhere('bert');
		const bobBefore = await sectionsOf(bob);

		await deleteAccount(ctxOf(an), { confirm: 'yes' });

		for (const { feature, sections } of await sectionsOf(an)) {
			const kept: readonly string[] = feature.personalData?.kept ?? [];
			for (const [name, section] of Object.entries(sections)) {
				if (kept.includes(name)) expect(section, `${feature.name}.${name} is kept`).toBeTruthy();
				else expect(section, `${feature.name}.${name} after deletion`).toEqual([]);
			}
			const text = JSON.stringify(sections);
			for (const marker of an.markers)
				expect(text, `${feature.name} still holds ${marker}`).not.toContain(marker);
		}
		// Public contributions stay (counts and threads stay right), under a users row that names nobody.
		const [suggestionsPart] = (await sectionsOf(an)).filter((s) => s.feature.name === 'suggestions');
		expect(suggestionsPart?.sections.suggestions).toHaveLength(1);
		expect(suggestionsPart?.sections.suggestionVotes).toHaveLength(1);

		expect(await sectionsOf(bob)).toEqual(bobBefore);
	});

	it('takes in the part of a new feature from its manifest alone, for export and deletion', async () => {
		const erased: string[] = [];
		const polls = defineFeature({
			name: 'polls',
			personalData: {
				export: async (_db, person) => ({ pollAnswers: [{ person: person.userId, answer: 'ja' }] }),
				erase: async (_tx, person) => {
					erased.push(person.userId);
				}
			}
		});
		const cas = await buildPersonEverywhere('cas');
		const registry = [...features, polls];
		const data = (await exportPersonalData(ctxOf(cas, registry))) as unknown as Record<string, unknown>;
		expect(data.pollAnswers).toEqual([{ person: cas.userId, answer: 'ja' }]);
		await deleteAccount(ctxOf(cas, registry), { confirm: 'yes' });
		expect(erased).toEqual([cas.userId]);
	});

	it('deletes nothing at all when one feature fails halfway', async () => {
		const dirk = await buildPersonEverywhere('dirk');
		const failing = defineFeature({
			name: 'failing',
			personalData: {
				export: async () => ({}),
				erase: async () => {
					throw new Error('erase failed');
				}
			}
		});
		const before = await sectionsOf(dirk);
		await expect(deleteAccount(ctxOf(dirk, [...features, failing]), { confirm: 'yes' })).rejects.toThrow(
			'erase failed'
		);
		expect(await sectionsOf(dirk)).toEqual(before);
	});
});

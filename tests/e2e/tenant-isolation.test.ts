// Tenant isolation over real HTTP against the built server: every staff role of Geel (its colleague of another
// department too), logged in through the identity provider, requests every page, form action, export and image
// of Mol's back office and every API write, read from the route tree (a new one is covered without editing this
// test) and aimed at Mol's real ids, and is refused each with 403 or 404; Mol's data is the same afterwards. The
// API's writes (supporting, adding a suggestion) are open to every signed-in person in every municipality, so
// they are aimed at what Mol has not made public: a suggestion waiting for moderation and the opportunity of a
// draft action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/lib/server/testing/http-client';
import { pngBytes } from '../../src/lib/server/testing/images';
import {
	addressOf,
	changedTables,
	freePort,
	logInOverHttp,
	nameOf,
	removeDataDir,
	routeTree,
	startServer,
	tablesOf,
	withDataFolder,
	writesOfRouteTree,
	type RouteRequest,
	type RouteValues,
	type RunningServer
} from './support';

const GEEL_STAFF = [
	'dev-moderator-geel',
	'dev-communication-geel',
	'dev-alderman-geel',
	'dev-admin-geel',
	// A colleague of Geel's green service reads Geel's back office and follows there: nothing of Mol.
	'dev-colleague-geel'
];
const BACKOFFICE = '/[municipality=slug]/beheer';

let server: RunningServer;
let dataDir: string;
let env: Record<string, string>;
let values: RouteValues;
let molId: string;
let before: Record<string, string>;
const notOpened: string[] = [];
// The climate plan's mailed update link is not the back office: it opens without logging in, for whoever holds
// a valid link (a capability). That a forged, expired or other municipality's link is refused is proven in
// climate-plan.monitoring.test.ts.
const backoffice = routeTree({ under: BACKOFFICE }).filter(
	(r) => !r.route.startsWith(`${BACKOFFICE}/klimaatplan/bijwerken/`)
);
const apiWrites = writesOfRouteTree().filter((r) => r.route.startsWith('/api/'));

/**
 * Mol's real ids for the route parameters, after giving Mol what some pages need to show something: a draft
 * action with a photo, a draft update and an opportunity that collects suggestions, and a blocked person.
 */
async function arrangeMol(): Promise<RouteValues> {
	return withDataFolder(dataDir, async (db) => {
		const one = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => {
			const { rows } = await db.query<T>(sql, params);
			if (!rows[0]) throw new Error(`nothing for: ${sql}`);
			return rows[0];
		};
		const { id: mol } = await one<{ id: string }>(`SELECT id FROM municipalities WHERE slug = 'mol'`);
		molId = mol;
		const draft = await one<{ action: number; opportunity: number }>(
			`SELECT a.id AS action, o.id AS opportunity FROM actions a
			 JOIN opportunities o ON o.action_id = a.id AND o.kind = 'mapSuggestions'
			 WHERE a.municipality_id = $1 AND a.published_at IS NULL ORDER BY a.id LIMIT 1`,
			[mol]
		);
		const photo = await one<{ id: string }>(
			`INSERT INTO media (municipality_id, kind, content_type, bytes, width, height, alt)
			 VALUES ($1, 'photo', 'image/png', $2, 64, 64, 'Tegels') RETURNING id`,
			[mol, pngBytes()]
		);
		await db.query(`UPDATE actions SET image_id = $1, image_alt = 'Tegels' WHERE id = $2`, [
			photo.id,
			draft.action
		]);
		const update = await one<{ id: number }>(
			`INSERT INTO action_updates (municipality_id, action_id, title, body, author_name)
			 VALUES ($1, $2, 'Nog niet gepubliceerd', 'Concept', 'Gemeente Mol') RETURNING id`,
			[mol, draft.action]
		);
		// A draft event of the draft action, with one person registered (what the registrations page lists).
		const event = await one<{ id: number; slug: string }>(
			`INSERT INTO events (municipality_id, action_id, kind, rung, title, slug, starts_at, ends_at, capacity, uid)
			 VALUES ($1, $2, 'workingGroup', 'codecide', 'Werkgroep in voorbereiding', 'werkgroep-in-voorbereiding',
			         now() + interval '30 days', now() + interval '30 days 2 hours', 20, 'mol-draft@meedoen')
			 RETURNING id, slug`,
			[mol, draft.action]
		);
		await db.query(
			`INSERT INTO event_registrations (municipality_id, event_id, name, email, status, token_hash, queued_at)
			 VALUES ($1, $2, 'Inwoner van Mol', 'inwoner.mol@example.be', 'confirmed', 'mol-draft-token', now())`,
			[mol, event.id]
		);
		const citizen = await one<{ id: string }>(
			`SELECT user_id AS id FROM user_identities WHERE subject = 'dev-citizen-mol' LIMIT 1`
		);
		await db.query(
			`INSERT INTO contribution_blocks (municipality_id, user_id, reason) VALUES ($1, $2, 'spam')`,
			[mol, citizen.id]
		);
		const staff = await one<{ user: string; membership: string }>(
			`SELECT m.user_id AS user, m.id AS membership FROM memberships m WHERE m.municipality_id = $1 LIMIT 1`,
			[mol]
		);
		const pending = await one<{ id: number; slug: string; opportunity: number }>(
			`SELECT s.id, s.slug, s.opportunity_id AS opportunity FROM suggestions s
			 WHERE s.municipality_id = $1 AND s.moderation = 'pending'
			   AND EXISTS (SELECT 1 FROM suggestions l WHERE l.opportunity_id = s.opportunity_id AND l.moderation = 'approved')
			 ORDER BY s.id LIMIT 1`,
			[mol]
		);
		// Another listed suggestion of the same opportunity: what the merge and the bulk decision name.
		const listed = await one<{ id: number }>(
			`SELECT id FROM suggestions WHERE opportunity_id = $1 AND moderation = 'approved' ORDER BY id LIMIT 1`,
			[pending.opportunity]
		);
		const theme = await one<{ id: string }>(
			`SELECT id FROM themes WHERE municipality_id = $1 ORDER BY position, id LIMIT 1`,
			[mol]
		);
		// A photo of the report of Mol's event: its back-office address and its removal step are Mol's alone.
		const reportPhoto = await one<{ id: string }>(
			`INSERT INTO media (municipality_id, kind, content_type, bytes, width, height, alt)
			 VALUES ($1, 'photo', 'image/png', $2, 64, 64, 'Buren planten') RETURNING id`,
			[mol, pngBytes()]
		);
		await db.query(
			`INSERT INTO event_report_photos (media_id, municipality_id, event_id, position) VALUES ($1, $2, $3, 1)`,
			[reportPhoto.id, mol, event.id]
		);
		// A logistics item of Mol's event: its edit and remove steps are Mol's alone.
		const item = await one<{ id: number }>(
			`INSERT INTO event_checklist_items (municipality_id, event_id, position, text)
			 VALUES ($1, $2, 1, 'Spades') RETURNING id`,
			[mol, event.id]
		);
		// A newsletter of Mol scheduled far ahead: its page, preview and cancel step are Mol's alone.
		const letter = await one<{ id: number }>(
			`INSERT INTO newsletters (municipality_id, subject, body, audience, status, scheduled_at)
			 VALUES ($1, 'Nieuws uit Mol', 'Nog niet verstuurd', '{"kind":"pool"}', 'scheduled', now() + interval '60 days')
			 RETURNING id`,
			[mol]
		);
		// Someone on Mol's list of interest outside the platform: their removal step is Mol's alone.
		const interest = await one<{ id: number }>(
			`INSERT INTO offline_interests (municipality_id, user_id, email, agreed_on, agreed_how)
			 VALUES ($1, $2, 'interesse.mol@example.be', current_date, 'Papieren lijst') RETURNING id`,
			[mol, citizen.id]
		);
		// A communication plan of Mol's draft action with one moment and its Facebook text: the plan's page, the
		// moment's removal step and the text's QR codes are Mol's alone.
		const plan = await one<{ id: number }>(
			`INSERT INTO communication_plans (municipality_id, action_id) VALUES ($1, $2) RETURNING id`,
			[mol, draft.action]
		);
		const moment = await one<{ id: number }>(
			`INSERT INTO communication_moments (municipality_id, plan_id, kind, due_on)
			 VALUES ($1, $2, 'announce', current_date) RETURNING id`,
			[mol, plan.id]
		);
		const text = await one<{ id: number }>(
			`INSERT INTO communication_texts (municipality_id, moment_id, channel, short_code)
			 VALUES ($1, $2, 'facebook', 'molmol2') RETURNING id`,
			[mol, moment.id]
		);
		// A published story of Mol with a photo: its page, photo and offline step are Mol's alone.
		const storyPhoto = await one<{ id: string }>(
			`INSERT INTO media (municipality_id, kind, content_type, bytes, width, height, alt)
			 VALUES ($1, 'photo', 'image/png', $2, 64, 64, 'Buren in de moestuin') RETURNING id`,
			[mol, pngBytes()]
		);
		const story = await one<{ id: number }>(
			`INSERT INTO stories (municipality_id, author_id, initiative, title, body, photo_id, status, placement, published_at)
			 VALUES ($1, $2, 'Moestuin Mol', 'Onze moestuin', 'Wat we deden.', $3, 'published', 'home', now())
			 RETURNING id`,
			[mol, citizen.id, storyPhoto.id]
		);
		// A trajectory of Mol from the playbook with one phase and one step: its page, step page and every change
		// of them are Mol's alone.
		const trajectory = await one<{ id: number }>(
			`INSERT INTO playbook_trajectories (municipality_id, template_title, template_version, title, theme, starts_on)
			 VALUES ($1, 'Klimaatdoeners', 1, 'Klimaatdoeners Mol', 'Klimaat', current_date) RETURNING id`,
			[mol]
		);
		const phase = await one<{ id: number }>(
			`INSERT INTO playbook_trajectory_phases (municipality_id, trajectory_id, position, phase_key, title, starts_on, ends_on)
			 VALUES ($1, $2, 0, 'p1', 'Voorbereiding', current_date, current_date + 30) RETURNING id`,
			[mol, trajectory.id]
		);
		const step = await one<{ id: number }>(
			`INSERT INTO playbook_trajectory_steps (municipality_id, trajectory_id, phase_id, position, step_key, title, role, due_on, session)
			 VALUES ($1, $2, $3, 0, 's7', 'Kickoff', 'coach', current_date,
			   '{"title":"Kickoff","kind":"workingGroup","agenda":"","materials":"","prepare":"","durationMinutes":120}')
			 RETURNING id`,
			[mol, trajectory.id, phase.id]
		);
		// A citizen group of Mol with a sign-up and an expense: its back-office page, decisions and budget exports
		// are Mol's alone.
		const group = await one<{ id: number }>(
			`INSERT INTO citizen_groups (municipality_id, name, purpose, status, budget_cents)
			 VALUES ($1, 'Klimaatdoeners Mol', 'Samen klimaatacties opzetten.', 'open', 100000) RETURNING id`,
			[mol]
		);
		const signUp = await one<{ id: number }>(
			`INSERT INTO group_members (municipality_id, group_id, user_id, motivation, status)
			 VALUES ($1, $2, $3, 'Graag', 'pending') RETURNING id`,
			[mol, group.id, citizen.id]
		);
		const expense = await one<{ id: number }>(
			`INSERT INTO group_expenses (municipality_id, group_id, description, amount_cents, category, spent_on, status)
			 VALUES ($1, $2, 'Spades', 30000, 'material', current_date, 'submitted') RETURNING id`,
			[mol, group.id]
		);
		// The Kickoff of Mol's trajectory as a members-only session of Mol's group (its draft event), with a note
		// and a lesson of the evaluation: planning, the session's page, its notes and the lessons are Mol's alone.
		const session = await one<{ id: number }>(
			`INSERT INTO group_sessions (municipality_id, group_id, event_id, trajectory_step_id)
			 VALUES ($1, $2, $3, $4) RETURNING id`,
			[mol, group.id, event.id, step.id]
		);
		await one(
			`INSERT INTO group_session_notes (municipality_id, group_id, session_id, body)
			 VALUES ($1, $2, $3, 'Afspraken van Mol') RETURNING id`,
			[mol, group.id, session.id]
		);
		await one(
			`INSERT INTO group_lessons (municipality_id, group_id, kind, voice, body)
			 VALUES ($1, $2, 'lesson', 'municipality', 'Een les van Mol') RETURNING id`,
			[mol, group.id]
		);
		// An action of Mol's own climate plan (not public): its page, edit step and bulk changes are Mol's alone.
		const planAction = await one<{ id: number }>(
			`INSERT INTO climate_plan_actions (municipality_id, code, title, budget_cents)
			 VALUES ($1, 'MOL-1', 'Relighting sporthal', 2500000) RETURNING id`,
			[mol]
		);
		// An import the regional admin uploaded in Mol's back office: its mapping page is theirs, in Mol, alone.
		const regional = await one<{ id: string }>(
			`SELECT user_id AS id FROM user_identities WHERE subject = 'dev-regional-admin-kempen' LIMIT 1`
		);
		const upload = await one<{ id: number }>(
			`INSERT INTO climate_plan_imports (municipality_id, user_id, file_name, headers, rows)
			 VALUES ($1, $2, 'plan.csv', '["Titel"]', '[["Relighting sporthal"]]') RETURNING id`,
			[mol, regional.id]
		);
		// A council report of Mol's climate plan: its PDF is Mol's alone.
		const report = await one<{ id: number }>(
			`INSERT INTO climate_plan_reports (municipality_id, file_name, bytes, statuses)
			 VALUES ($1, 'raadsrapport-mol.pdf', '\\x255044462d312e370a'::bytea, '{}') RETURNING id`,
			[mol]
		);
		// The Climate Pact of Mol: an outcome on its draft action, and a citizen's report with a photo waiting for
		// verification: their edit, delete, detail, photo and decisions are Mol's alone.
		const outcome = await one<{ id: number }>(
			`INSERT INTO climate_pact_outcomes (municipality_id, source, action_id, kind, quantity, occurred_on, status)
			 VALUES ($1, 'action', $2, 'trees', 40, '2024-11-20', 'verified') RETURNING id`,
			[mol, draft.action]
		);
		const reportPhotoOfPact = await one<{ id: string }>(
			`INSERT INTO media (municipality_id, kind, content_type, bytes, width, height, alt)
			 VALUES ($1, 'photo', 'image/png', $2, 64, 64, 'Een regenton') RETURNING id`,
			[mol, pngBytes()]
		);
		const pactReport = await one<{ id: number }>(
			`INSERT INTO climate_pact_outcomes (municipality_id, source, kind, quantity, occurred_on, note, status, author_id, photo_id)
			 VALUES ($1, 'citizen', 'rainwater', 0.3, '2025-06-01', 'Regenton', 'submitted', $2, $3) RETURNING id`,
			[mol, citizen.id, reportPhotoOfPact.id]
		);
		// The plan's internal work of Mol: a department with a staff member, a climate team with a member, a lunch
		// talk with an agreement and a task, and a diagnosis round with an answer: every page and change of them is
		// Mol's alone.
		const molStaff = await one<{ id: string }>(
			`SELECT user_id AS id FROM memberships WHERE municipality_id = $1 ORDER BY user_id LIMIT 1`,
			[mol]
		);
		const planDepartment = await one<{ id: number }>(
			`INSERT INTO climate_plan_departments (municipality_id, name) VALUES ($1, 'Sportdienst Mol') RETURNING id`,
			[mol]
		);
		await db.query(
			`INSERT INTO climate_plan_department_staff (municipality_id, user_id, department_id) VALUES ($1, $2, $3)`,
			[mol, molStaff.id, planDepartment.id]
		);
		const planTeam = await one<{ id: number }>(
			`INSERT INTO climate_plan_teams (municipality_id, name, lead_id) VALUES ($1, 'Team gebouwen Mol', $2) RETURNING id`,
			[mol, molStaff.id]
		);
		await db.query(
			`INSERT INTO climate_plan_team_members (municipality_id, team_id, user_id) VALUES ($1, $2, $3)`,
			[mol, planTeam.id, molStaff.id]
		);
		const meeting = await one<{ id: number }>(
			`INSERT INTO climate_plan_meetings (municipality_id, kind, held_on, department_id, notes)
			 VALUES ($1, 'lunch_talk', current_date, $2, 'Verslag van Mol') RETURNING id`,
			[mol, planDepartment.id]
		);
		await db.query(
			`INSERT INTO climate_plan_meeting_participants (municipality_id, meeting_id, user_id, department_id)
			 VALUES ($1, $2, $3, $4)`,
			[mol, meeting.id, molStaff.id, planDepartment.id]
		);
		const agreement = await one<{ id: number }>(
			`INSERT INTO climate_plan_agreements (municipality_id, meeting_id, text) VALUES ($1, $2, 'Afspraak van Mol') RETURNING id`,
			[mol, meeting.id]
		);
		const taskAgreement = await one<{ id: number }>(
			`INSERT INTO climate_plan_agreements (municipality_id, meeting_id, text, outcome)
			 VALUES ($1, $2, 'Taak van Mol', 'task') RETURNING id`,
			[mol, meeting.id]
		);
		const task = await one<{ id: number }>(
			`INSERT INTO climate_plan_tasks (municipality_id, agreement_id, title, owner_id, due_on)
			 VALUES ($1, $2, 'Taak van Mol', $3, current_date + 30) RETURNING id`,
			[mol, taskAgreement.id, molStaff.id]
		);
		const round = await one<{ id: number }>(
			`INSERT INTO climate_plan_diagnosis_rounds (municipality_id, name) VALUES ($1, 'Ronde Mol') RETURNING id`,
			[mol]
		);
		await db.query(
			`INSERT INTO climate_plan_diagnosis_answers (municipality_id, round_id, department_id, scores)
			 VALUES ($1, $2, $3, '{"knowsActions":3,"worksTogether":3,"contactPoint":3,"inPlanning":3,"politicalSupport":3}')`,
			[mol, round.id, planDepartment.id]
		);
		// A draft interim report of Mol on the region's first programme submitted per municipality (demo content).
		const funderReport = await one<{ id: number }>(
			`INSERT INTO funder_reports (programme_id, period_key, scope_key, municipality_id, figures, answers)
			 SELECT p.id, p.definition->'periods'->0->>'key', $1::text, $1::uuid, '{}'::jsonb,
			        '{"actions":{},"expectations":{},"sections":{}}'::jsonb
			 FROM funder_programmes p JOIN municipalities m ON m.region_id = p.region_id
			 WHERE m.id = $1::uuid AND p.submitter = 'municipality' ORDER BY p.id LIMIT 1 RETURNING id`,
			[mol]
		);
		return {
			municipality: 'mol',
			resultaat: String(outcome.id),
			melding: String(pactReport.id),
			planactie: String(planAction.id),
			rapport: String(report.id),
			team: String(planTeam.id),
			overleg: String(meeting.id),
			afspraak: String(agreement.id),
			ronde: String(round.id),
			klimaattaak: String(task.id),
			planDepartment: String(planDepartment.id),
			// A department's own page (its rename) is Mol's alone.
			dienst: String(planDepartment.id),
			report: String(funderReport.id),
			planStaff: molStaff.id,
			upload: String(upload.id),
			traject: String(trajectory.id),
			stap: String(step.id),
			step: String(step.id),
			phase: String(phase.id),
			groep: String(group.id),
			sessie: String(session.id),
			aanmelding: String(signUp.id),
			uitgave: String(expense.id),
			plan: String(plan.id),
			moment: String(moment.id),
			tekst: String(text.id),
			verhaal: String(story.id),
			nieuwsbrief: String(letter.id),
			actie: String(draft.action),
			kans: String(draft.opportunity),
			update: String(update.id),
			suggestie: `${pending.id}-${pending.slug}`,
			activiteit: String(event.id),
			taak: String(item.id),
			foto: reportPhoto.id,
			event: `${event.id}-${event.slug}`,
			thema: theme.id,
			'medewerkers/persoon': staff.user,
			'geblokkeerd/persoon': citizen.id,
			'interesse/persoon': String(interest.id),
			// The API: ids of what Mol has not made public.
			'opportunities/id': String(draft.opportunity),
			'suggestions/id': String(pending.id),
			rest: 'v1/iets',
			// Not route parameters, but what the forms name: Mol's ids in every field a form reads.
			membership: staff.membership,
			listed: String(listed.id)
		};
	});
}

/**
 * Where one form cannot serve every page: the operation of a bulk step is named differently per list. A new
 * page that needs its own is found by the regional admin's reading below (it answers 422, not 200).
 */
const FORM_OF_ROUTE: Record<string, Record<string, string>> = {
	[`${BACKOFFICE}/acties/bevestigen`]: { wijziging: 'publish' },
	[`${BACKOFFICE}/klimaatplan/bevestigen`]: { wijziging: 'status:completed' },
	[`${BACKOFFICE}/klimaatplan/diensten/bevestigen`]: { wijziging: 'none' }
};

/**
 * One form with every field the back office's forms (and its "are you sure?" steps, as a query) read, filled
 * in with Mol's ids so a write that got through would change Mol.
 */
function formBody(route: string): URLSearchParams {
	const form = new URLSearchParams({
		title: 'Overgenomen door Geel',
		subject: 'Overgenomen door Geel',
		audience: 'pool',
		when: 'now',
		summary: 'Overgenomen door Geel',
		body: 'OVERGENOMEN DOOR GEEL',
		decided: '',
		status: 'planned',
		ownerKind: 'department',
		ownerName: 'Geel',
		startsOn: '',
		endsOn: '',
		placeName: 'Markt',
		lat: '51,1927',
		lng: '5,1170',
		imageAlt: '',
		removeImage: 'on',
		kind: 'privacy',
		rung: '',
		howTo: '',
		opensAt: '',
		closesAt: '',
		publish: 'on',
		markdown: 'OVERGENOMEN DOOR GEEL',
		email: 'indringer@example.be',
		role: 'admin',
		name: 'Ingebroken thema',
		description: 'Overgenomen',
		climate: 'on',
		lekpWerf: '',
		active: '',
		primaryColor: '#000000',
		accentColor: '#ffffff',
		websiteUrl: '',
		intro: 'Overgenomen',
		moderation: 'post',
		submissionsOpen: 'on',
		votingOpen: 'on',
		voteLimit: '',
		confirm: 'on',
		direction: 'up',
		answer: 'Overgenomen door Geel',
		reason: 'spam',
		reden: 'spam',
		toelichting: 'Overgenomen',
		wijziging: 'approve',
		opportunity: values.kans!,
		update: values.update!,
		themeId: values.thema!,
		themeIds: values.thema!,
		actie: values.actie!,
		item: values.listed!,
		met: values.listed!,
		rol: values.membership!,
		// The communication plans' forms: Mol's text and moment, a day and a channel.
		text: values.tekst!,
		tekst: values.tekst!,
		een: values.tekst!,
		terug: values.tekst!,
		moment: values.moment!,
		dueOn: '2030-01-01',
		channels: 'facebook',
		// The citizen groups' forms: Mol's sign-up and expense, a decision.
		aanmelding: values.aanmelding!,
		expense: values.uitgave!,
		decision: 'accept',
		budget: '1',
		approvalThreshold: '1',
		purpose: 'Overgenomen door Geel',
		// The climate plan's bulk step: Mol's plan action.
		planactie: values.planactie!,
		// The Climate Pact's forms: Mol's citizen's report (bulk step and a row's verification), an outcome on
		// Mol's action, and dwellings.
		melding: values.melding!,
		target: `actie:${values.actie!}`,
		quantity: '1',
		occurredOn: '2025-01-01',
		note: 'Overgenomen door Geel',
		dwellings: '1',
		// The plan's internal work: Mol's staff member, department, team, agreement and task in every field.
		persoon: values.planStaff!,
		person: values.planStaff!,
		members: values.planStaff!,
		participants: values.planStaff!,
		representative: `${values.planDepartment!}:${values.planStaff!}`,
		lead: values.planStaff!,
		owner: values.planStaff!,
		department: values.planDepartment!,
		team: values.team!,
		theme: '',
		afspraak: values.afspraak!,
		klimaattaak: values.klimaattaak!,
		heldOn: '2030-01-01',
		notes: 'Overgenomen door Geel',
		knowsActions: '1',
		worksTogether: '1',
		contactPoint: '1',
		inPlanning: '1',
		politicalSupport: '1',
		comment: 'Overgenomen'
	});
	form.append('item', values.suggestie!.split('-')[0]!);
	// One row of the queue, approved from its own button.
	form.set('rij', `s${values.suggestie!.split('-')[0]!}`);
	for (const [name, value] of Object.entries(FORM_OF_ROUTE[route] ?? {})) form.set(name, value);
	return form;
}

beforeAll(async () => {
	// Jobs off: nothing in the background changes Mol between the two readings. The identity provider keeps
	// its port over the restarts: the personas' identities name it.
	env = { JOBS: '0', DEV_IDP_PORT: String(await freePort()) };
	server = await startServer({ env });
	dataDir = server.dataDir;
	await server.stop();
	values = await arrangeMol();
	server = await startServer({ dataDir, env });
	// The regional admin opens every page, export and image of Mol with these ids, to show they name real
	// things (checked below); the exports are in Mol's audit log afterwards, so Mol is read after this.
	const regional = await logInOverHttp(server, 'dev-regional-admin-kempen');
	for (const request of backoffice.filter((r) => r.method === 'GET')) {
		const response = await send(regional, request);
		if (response.status !== 200) notOpened.push(`${nameOf(request)}: ${response.status}`);
	}
	await server.stop();
	before = await withDataFolder(dataDir, (db) => tablesOf(db, { municipalityId: molId }));
	server = await startServer({ dataDir, env });
}, 300_000);

afterAll(async () => {
	await server?.stop();
	if (dataDir) removeDataDir(dataDir);
});

/** Sends one request of the route tree as this person, the way a browser (or the API's client) would. */
async function send(jar: CookieJar, request: RouteRequest): Promise<Response> {
	const url = new URL(server.url + addressOf(request, values));
	if (request.route.startsWith('/api/')) {
		return fetch(url, {
			method: request.method,
			headers: {
				cookie: jar.header(url),
				origin: server.url,
				accept: 'application/json',
				'content-type': 'application/json'
			},
			// What the write accepts: a suggestion for the suggestions, and for a vote nothing but `{}` (its
			// address says it all; any other body is refused as malformed before the id is looked at).
			body: JSON.stringify(
				request.route.endsWith('/vote')
					? {}
					: {
							title: 'Ingebroken suggestie',
							body: 'Een suggestie die Mol nooit openstelde.',
							lat: 51.1927,
							lng: 5.117
						}
			),
			redirect: 'manual'
		});
	}
	if (request.method === 'GET') {
		url.search = formBody(request.route).toString();
		return jar.fetch(url);
	}
	const response = await fetch(url, {
		method: request.method,
		headers: { cookie: jar.header(url), origin: server.url, accept: 'text/html' },
		body: formBody(request.route),
		redirect: 'manual'
	});
	jar.store(response);
	return response;
}

/** The requests that were not refused with 403 or 404, with what they answered. */
async function unrefused(jar: CookieJar, requests: RouteRequest[]): Promise<string[]> {
	const answered: string[] = [];
	for (const request of requests) {
		const response = await send(jar, request);
		if (response.status !== 403 && response.status !== 404)
			answered.push(`${nameOf(request)}: ${response.status} ${response.headers.get('location') ?? ''}`);
	}
	return answered;
}

describe("Geel's staff and Mol's back office", () => {
	it('reads the pages, form actions, exports, image and API writes from the route tree', () => {
		const names = [...backoffice, ...apiWrites].map(nameOf);
		// A few known ones, so a reader that finds nothing cannot pass.
		expect(names).toEqual(
			expect.arrayContaining([
				`GET ${BACKOFFICE}`,
				`GET ${BACKOFFICE}/acties/[actie=slugged]/kansen/[kans=id]`,
				`POST ${BACKOFFICE}/medewerkers ?/invite`,
				`POST ${BACKOFFICE}/acties/[actie=slugged]/updates/[update=id] ?/default`,
				`GET ${BACKOFFICE}/kansen/[kans=id]/suggesties.csv`,
				`GET ${BACKOFFICE}/kansen/[kans=id]/suggesties.geojson`,
				`GET ${BACKOFFICE}/acties/[actie=slugged]/afbeelding`,
				'PUT /api/v1/suggestions/[id=slugged]/vote',
				'POST /api/v1/opportunities/[id=id]/suggestions'
			])
		);
		expect(backoffice.filter((r) => r.kind === 'page').length).toBeGreaterThan(20);
		expect(backoffice.filter((r) => r.kind === 'action').length).toBeGreaterThan(30);
	});

	it('lets the regional admin open every page, export and image of Mol with these ids, so they name real things', () => {
		expect(notOpened).toEqual([]);
	});

	it.each(GEEL_STAFF)(
		'refuses %s every request of the route tree aimed at Mol',
		async (sub) => {
			expect(await unrefused(await logInOverHttp(server, sub), [...backoffice, ...apiWrites])).toEqual([]);
		},
		120_000
	);

	it("leaves Mol's data as it was after every Geel role tried every write", async () => {
		// On its own, not relying on the tests above: every role tries every write here, then Mol is read.
		const writes = [...backoffice, ...apiWrites].filter((r) => r.method !== 'GET');
		for (const sub of GEEL_STAFF)
			expect(await unrefused(await logInOverHttp(server, sub), writes), sub).toEqual([]);
		await server.stop();
		const after = await withDataFolder(dataDir, (db) => tablesOf(db, { municipalityId: molId }));
		server = await startServer({ dataDir, env });
		expect(Object.keys(after)).toEqual(expect.arrayContaining(['actions', 'suggestions', 'municipalities']));
		expect(changedTables(before, after)).toEqual([]);
	}, 240_000);
});

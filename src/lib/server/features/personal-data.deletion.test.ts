// Deletion leaves nothing: a person who did one of everything on a running platform deletes their account,
// and then every table of the database (from the catalogue, so a new table is searched without editing this
// test), the job queue (pg-boss's tables) and the mail written as .eml files in the data folder (no SMTP_URL)
// are searched for their addresses and names. The privacy statement
// says that deleting an account erases its personal data, and names no exception; so this test has none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { startDevIdp, type DevIdp } from '$lib/server/devidp/devidp';
import type { Persona } from '$lib/server/devidp/personas';
import { features } from '$lib/server/features';
import { loadConfig } from '$lib/server/platform/config';
import { startApp, stopApp, type App } from '$lib/server/platform/app';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import { suppressMailAddress } from '$lib/server/platform/mail-delivery';
import { translate } from '$lib/i18n';
import { createEmptyTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { dumpDatabase, findInDump } from '$lib/server/testing/dump';
import { executeRows } from '$lib/server/db/rows';
import { sql } from 'drizzle-orm';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser
} from '$lib/server/testing/factories';
import { pickPersona, requestCtx } from '$lib/server/testing/running';
import { createOidcClient } from './accounts/accounts.oidc';
import {
	beginOidcLogin,
	completeOidcLogin,
	consumeLoginLink,
	keepDraftForLogin,
	requestLoginLink,
	resolveSession
} from './accounts/accounts.service';
import { followAction } from './actions/actions.service';
import { writeUpdate } from './actions/actions.updates.service';
import { deleteAccount, updateProfile, verifyEmail } from './profile/profile.service';
import { inviteStaff } from './staff/staff.service';
import {
	addComment,
	createSuggestion,
	followSuggestion,
	reportContribution
} from './suggestions/suggestions.contribute.service';
import { castVote } from './suggestions/suggestions.votes.service';
import { blockAuthor, unblockPerson } from './suggestions/suggestions.blocks.service';
import { exportSuggestions } from './suggestions/suggestions.export';
import { submitStory } from './stories/stories.service';
import { publishStory } from './stories/stories.admin.service';

const REDIRECT_URI = 'http://127.0.0.1:5999/aanmelden/terug';
const ORIGIN = 'http://127.0.0.1:5999';
const CLIENT = { clientId: 'meedoen', clientSecret: 'geheim' };

/** Names and addresses found nowhere else in the database, so any hit is theirs. */
const PERSON = {
	givenName: 'Quirijn',
	familyName: 'Zwartjes-Oddens',
	/** Verified first (a mailed link logs in with it, an admin gives it a staff role). */
	firstAddress: 'quirijn.zwartjes@example.be',
	/** Typed in the profile later and not verified yet; a staff invitation waits for it. */
	pendingAddress: 'q.zwartjes-oddens@example.org'
};
const PERSONA: Persona = {
	sub: 'test-deletion-quirijn',
	givenName: PERSON.givenName,
	familyName: PERSON.familyName,
	description: 'Testpersoon die alles eens doet en dan haar account verwijdert.',
	roles: []
};

let database: TestDatabase;
let dataDir: string;
let app: App;
let idp: DevIdp;
let geel: Tenant;

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'meedoen-deletion-'));
	database = await createEmptyTestDatabase();
	app = await startApp(loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DEMO: '0' }), silentLog, {
		database,
		features
	});
	idp = await startDevIdp({
		host: '127.0.0.1',
		port: 0,
		clients: [{ ...CLIENT, redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [`${ORIGIN}/afgemeld`] }],
		log: silentLog,
		personas: [PERSONA]
	});
	geel = await buildParticipatingMunicipality(app.database.db, 'geel');
});
afterAll(async () => {
	await idp?.close();
	if (app) await stopApp(app);
	await database?.destroy();
	await rm(dataDir, { recursive: true, force: true });
});

const tokenIn = (mail: MailMessage | undefined) => /token=([\w-]+)/.exec(mail?.text ?? '')?.[1] ?? '';

/** A photo as a phone writes it: the owner's name in its metadata. */
async function photoWithOwnerName() {
	const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
		.jpeg()
		.withExif({ IFD0: { Artist: `${PERSON.givenName} ${PERSON.familyName}`, Copyright: PERSON.familyName } })
		.toBuffer();
	return { size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(0) as ArrayBuffer };
}

/** Everything a person can do on the platform, through its use cases; returns them as a session has them. */
async function doOneOfEverything() {
	const db = app.database.db;
	const outbox: MailMessage[] = [];
	const settings = app.sessionSettings;
	const oidc = createOidcClient(
		{
			issuer: idp.issuer,
			...CLIENT,
			clientAuth: 'client_secret_basic',
			privateKey: undefined,
			scopes: 'openid profile email',
			label: 'Mijn Burgerprofiel (testomgeving)'
		},
		{ allowHttp: true }
	);

	// A comment typed before logging in is kept across the login (a login request with a draft).
	const draftId = await keepDraftForLogin(requestCtx(app, 'draft'), {
		returnTo: '/geel',
		values: { body: 'Een reactie van voor het aanmelden' }
	});
	const begun = await beginOidcLogin(requestCtx(app, 'login'), {
		oidc,
		redirectUri: REDIRECT_URI,
		returnTo: '/geel',
		unverifiedRequestId: draftId,
		channel: { channel: 'affiche', referrer: null }
	});
	const login = await completeOidcLogin(requestCtx(app, 'callback'), {
		oidc,
		currentUrl: await pickPersona(begun.url, PERSONA.sub, REDIRECT_URI),
		stateFromCookie: begun.state,
		userAgent: `Browser van ${PERSON.givenName}`,
		settings
	});
	const session = await resolveSession(db, { unverifiedToken: login.sessionToken, settings });
	let actor = session!.actor;
	const ctx = (extra: { tenant?: Tenant } = {}) => ({
		...requestCtx(app, 'person', { actor, outbox }),
		...extra
	});
	const inGeel = () => ctx({ tenant: geel }) as Ctx & { tenant: Tenant };

	// The profile: an address verified through its mailed link, a home, mails and the pool (consents).
	const profile = (email: string, mailFrequency: 'weekly' | 'never', wantsToHelp: boolean) =>
		updateProfile(ctx(), {
			profile: {
				displayName: actor.displayName,
				email,
				home: 'geel',
				mailFrequency,
				wantsToHelp,
				themesOf: 'geel',
				themes: { mobiliteit: 'yes' }
			},
			origin: ORIGIN
		});
	await profile(PERSON.firstAddress, 'weekly', true);
	await verifyEmail(ctx(), { unverifiedToken: tokenIn(outbox.at(-1)) });

	// A mailed login link, used.
	await requestLoginLink(requestCtx(app, 'link', { outbox }), {
		email: PERSON.firstAddress,
		ip: '203.0.113.7',
		origin: ORIGIN,
		returnTo: '/geel',
		channel: { channel: null, referrer: null }
	});
	await consumeLoginLink(requestCtx(app, 'link-used'), {
		unverifiedToken: tokenIn(outbox.at(-1)),
		userAgent: `Telefoon van ${PERSON.givenName}`,
		settings
	});

	// An admin makes the verified address a moderator of Geel (a role, an audit row, a mail).
	const admin = await buildStaff(db, geel, 'admin');
	const asAdmin = { ...requestCtx(app, 'admin', { actor: admin.actor }), tenant: geel };
	for (const role of ['moderator', 'communication'] as const)
		expect(await inviteStaff(asAdmin, { email: PERSON.firstAddress, role, origin: ORIGIN })).toBe('granted');
	actor = await actorOf(db, { id: actor.userId, displayName: actor.displayName });

	// Contributions: a suggestion with a photo, a vote, a comment and a reply, a report, two follows.
	const opportunity = await buildSuggestionOpportunity(db, geel, { moderation: 'post' });
	const neighbour = await buildUser(db);
	const other = await buildSuggestion(db, geel, opportunity.id, { authorId: neighbour.id });
	const own = await createSuggestion(inGeel(), {
		opportunityId: opportunity.id,
		values: {
			title: 'Een boom op het pleintje',
			body: 'Schaduw voor de bank.',
			lat: '51,1625',
			lng: '4,9903',
			imageAlt: 'Het pleintje vandaag',
			confirm: '1'
		},
		photo: await photoWithOwnerName()
	});
	expect(own.kind).toBe('created');
	await castVote(inGeel(), { suggestionId: other.id });
	const comment = await addComment(inGeel(), { suggestionId: other.id, values: { body: 'Goed idee.' } });
	await addComment(inGeel(), {
		suggestionId: other.id,
		values: { body: 'En nog iets.', parentId: String(comment.id) }
	});
	await reportContribution(inGeel(), {
		suggestionId: other.id,
		values: { reason: 'spam', note: 'Dit staat er twee keer.' }
	});
	await followAction(inGeel(), { id: opportunity.action.id });
	await followSuggestion(inGeel(), { suggestionId: other.id });

	// Two neighbourhood stories with their name on them and a photo whose metadata names them: one published
	// by Geel's admin (it stays, without them), one still waiting (it goes).
	const story = (title: string) =>
		photoWithOwnerName().then((photo) =>
			submitStory(inGeel(), {
				values: {
					title,
					body: 'Met de buren haalden we tegels weg.',
					initiative: 'Buren van het pleintje',
					credit: 'name',
					photoAlt: 'Het pleintje met planten'
				},
				photo
			})
		);
	const published = await story('Ons pleintje is groen');
	await story('Onze volgende plantdag');
	await publishStory(asAdmin, { unverifiedId: published.id, placement: 'home' });

	// As staff: an export (an audit row with them as actor) and a published update on the action (its byline
	// and the action's history name them).
	await exportSuggestions(inGeel(), {
		unverifiedOpportunityId: opportunity.id,
		format: 'csv',
		origin: ORIGIN
	});
	await writeUpdate(inGeel(), {
		unverifiedActionId: opportunity.action.id,
		title: 'De eerste bomen staan er',
		body: 'Dank aan iedereen die meedacht.',
		publish: 'on'
	});

	// Another moderator blocks and unblocks them (audit rows about them).
	const moderator = await buildStaff(db, geel, 'moderator');
	const asModerator = { ...requestCtx(app, 'moderator', { actor: moderator.actor }), tenant: geel };
	const ownId = own.kind === 'created' ? own.id : 0;
	await blockAuthor(asModerator, { unverifiedSuggestionId: ownId, reason: 'Even afkoelen' });
	await unblockPerson(asModerator, { unverifiedUserId: actor.userId, confirm: 'on' });

	// A new address, not verified yet (its link is mailed), and a staff invitation waiting for it.
	await profile(PERSON.pendingAddress, 'never', false);
	expect(
		await inviteStaff(asAdmin, { email: PERSON.pendingAddress, role: 'communication', origin: ORIGIN })
	).toBe('invited');

	// The dispatcher hands the domain events to their handlers (the job system sends the mails meanwhile).
	while ((await app.events.runOnce()) > 0);
	return { actor, outbox };
}

/** The mail files written in the data folder (no SMTP_URL) that mention any of the markers. */
async function mailFilesMentioning(markers: string[]): Promise<string[]> {
	const folder = path.join(dataDir, 'mail');
	const files = await readdir(folder).catch(() => [] as string[]);
	const found: string[] = [];
	for (const file of files) {
		const text = (await readFile(path.join(folder, file), 'utf8')).toLowerCase();
		if (markers.some((m) => text.includes(m.toLowerCase()))) found.push(file);
	}
	return found;
}

/** Mails the job system has not finished delivering (waiting, being retried or being written). */
async function mailsInFlight(): Promise<number> {
	const [row] = await executeRows<{ n: number }>(
		app.database.db,
		sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND state IN ('created', 'retry', 'active')`
	);
	return Number(row?.n ?? 0);
}

describe('deleting an account', () => {
	it('leaves the person’s addresses and names in no table and no job', async () => {
		const { actor, outbox } = await doOneOfEverything();
		const markers = [
			PERSON.firstAddress,
			PERSON.pendingAddress,
			PERSON.givenName,
			PERSON.familyName,
			actor.displayName
		];
		// An address the mail server once refused for good is on the suppression list.
		await suppressMailAddress(app.database.db, {
			address: PERSON.pendingAddress,
			reason: '550 No such user'
		});
		// Everything was there: the search finds them before the deletion, also in the job queue and the ledger.
		expect(outbox.map((m) => m.to)).toEqual(
			expect.arrayContaining([PERSON.firstAddress, PERSON.pendingAddress])
		);
		const before = findInDump(await dumpDatabase(app.database.db), markers, { decodeJwts: true });
		for (const table of [
			'public.users',
			'public.sessions',
			'public.mail_tokens',
			'public.staff_invitations',
			'public.audit_log',
			'public.action_updates',
			'public.action_history',
			'public.mail_deliveries',
			'public.mail_suppressions',
			'pgboss.job'
		])
			expect(
				before.map((f) => f.table),
				table
			).toContain(table);

		// Without SMTP_URL the mails were written as files: once the job system delivered them all, they are there.
		await expect.poll(mailsInFlight, { timeout: 30_000 }).toBe(0);
		expect((await mailFilesMentioning([PERSON.firstAddress, PERSON.pendingAddress])).length).toBeGreaterThan(
			1
		);

		await deleteAccount(requestCtx(app, 'delete', { actor }), { confirm: 'yes' });
		while ((await app.events.runOnce()) > 0);
		expect(await mailsInFlight()).toBe(0);
		expect(await mailFilesMentioning(markers)).toEqual([]);

		const dump = await dumpDatabase(app.database.db);
		expect(findInDump(dump, markers, { decodeJwts: true })).toEqual([]);
		// The record of what they did stays, naming a former participant instead of them.
		const former = translate('nl', 'profile.formerParticipant');
		expect(findInDump(dump, [former]).map((f) => f.table)).toEqual(
			expect.arrayContaining(['public.audit_log', 'public.action_updates', 'public.action_history'])
		);
	});
});

// Citizen groups against the real database: Geel's coaching staff write a call (hostile and absurd input
// refused beside its field, rules sanitised), citizens sign up (at once, or waiting for staff, who decide one
// or many), the workspace opens to members and Geel's staff only (a citizen, a waiting sign-up, a member of
// another group and Mol's staff are refused), threads, tasks, notes and files (checked by their bytes); a
// pick from the menu card becomes a published action of Geel on rung 6 owned by the group; the budget moves
// with received co-financing and approved expenses (the approval threshold, the balance's warning and
// refusal, receipts that are no photo or PDF), every change audited; the export reads back as CSV and, with
// an independent library (SheetJS), as XLSX; invitations and the coordinator's hand-over; a person's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as XLSX from '@e965/xlsx';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { jpegWithGps, noisePng } from '$lib/server/testing/images';
import {
	actorOf,
	buildGroup,
	buildGroupMember,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser
} from '$lib/server/testing/factories';
import {
	actionHistory,
	actions,
	groupExpenses,
	groupFiles,
	groupMembers,
	opportunities
} from '$lib/server/db/schema';
import type { Tenant, TenantCtx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { parseEuroCents, formatEuroCents } from '$lib/domain/groups';
import { listActionChoices } from '$lib/server/features/actions/actions.service';
import { listOpportunitiesOfActions } from '$lib/server/features/opportunities/opportunities.service';
import { nextStepHref, nextStepOf } from '$lib/server/features/opportunities/opportunities.next-step';
import {
	addMenuItem,
	approveExpense,
	changeGroup,
	createGroup,
	decideSignups,
	exportBudget,
	getGroupForBackoffice,
	listGroupsForBackoffice,
	previewSignupDecline,
	refuseExpense
} from './groups.admin.service';
import {
	acceptInvitation,
	getCallPage,
	getGroupPage,
	listGroupsPage,
	signUp,
	askQuestion
} from './groups.service';
import {
	addExpense,
	addFunding,
	addNote,
	addTask,
	changeFundingStatus,
	changeSubgroup,
	createInvitation,
	getThreadPage,
	getWorkspace,
	getWorkspaceFile,
	handOverCoordinator,
	pickMenuItem,
	replyToThread,
	startThread,
	uploadFile
} from './groups.workspace.service';
import { eraseGroupData, exportGroupData } from './groups.personal-data';
import { getMyActivity } from '$lib/server/features/profile/profile.service';
import { getBackofficeHome } from '$lib/server/features/staff/staff.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let moderator: Actor;
let alderman: Actor;
let molModerator: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molModerator = (await buildStaff(database.db, mol, 'moderator')).actor;
});
afterAll(() => database?.destroy());

const as = (actor: Actor | undefined, tenant: Tenant = geel) =>
	ctxAs(database.db, tenant, actor) as TenantCtx;

async function citizen(givenName = 'Wout'): Promise<Actor> {
	const user = await buildUser(database.db, { givenName, familyName: 'Peeters' });
	return actorOf(database.db, user);
}

async function member(groupId: number, role: 'member' | 'coordinator' = 'member'): Promise<Actor> {
	const person = await citizen();
	await buildGroupMember(database.db, geel, groupId, person.userId, { role });
	return person;
}

const file = (bytes: Uint8Array | Buffer, name = 'bestand') => ({
	size: bytes.length,
	name,
	arrayBuffer: async () => new Uint8Array(bytes).buffer as ArrayBuffer
});
const pdf = () =>
	Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const call = {
	name: 'Klimaatdoeners Geel',
	purpose: 'Samen klimaatacties opzetten.',
	rules: '## Reglement\n\nUitgaven boven **€ 250** keurt de stad eerst goed.',
	budget: '5.000',
	deadline: '',
	confirmSignups: '',
	approvalThreshold: '250',
	status: 'open'
};

describe('money as whole cents', () => {
	it('reads Flemish amounts exactly and refuses anything else', () => {
		expect(parseEuroCents('250')).toBe(25_000);
		expect(parseEuroCents('1.250,50')).toBe(125_050);
		expect(parseEuroCents('12,5')).toBe(1_250);
		expect(parseEuroCents('€ 3,99')).toBe(399);
		expect(parseEuroCents('0,10')).toBe(10);
		expect(parseEuroCents('19.99')).toBe(1_999);
		for (const bad of ['-5', '1,234', 'abc', '1e6', '12,5,5', '1.25.0', '', '0x10', '١٢'])
			expect(parseEuroCents(bad), bad).toBeNull();
		expect(formatEuroCents(125_050)).toBe('€ 1.250,50');
		expect(formatEuroCents(5)).toBe('€ 0,05');
	});
});

describe('the call in the back office', () => {
	it('is written by coaching staff, audited, with sanitised rules', async () => {
		const { id } = await createGroup(as(moderator), {
			...call,
			rules: `${call.rules}\n\n<script>alert(1)</script>`
		});
		const page = await getGroupForBackoffice(as(moderator), { unverifiedId: String(id) });
		expect(page.group.budgetCents).toBe(500_000);
		expect(page.group.approvalThresholdCents).toBe(25_000);
		expect(page.group.rulesHtml).toContain('<strong>€ 250</strong>');
		expect(page.group.rulesHtml).not.toContain('<script');
		expect(page.group.confirmSignups).toBe(false);
		const audit = await auditOf(database.db, geel.id);
		expect(audit.at(-1)).toMatchObject({
			action: 'group.created',
			details: { groupId: id, budgetCents: 500_000 }
		});
	});

	it('refuses negative, malformed and absurd amounts and hostile text beside their fields, storing nothing', async () => {
		const before = (await listGroupsForBackoffice(as(moderator), {})).groups.length;
		for (const [budget, key] of [
			['-100', 'amountNegative'],
			['twaalf', 'amountInvalid'],
			['12,345', 'amountInvalid'],
			['99999999999', 'amountTooLarge'],
			['2.000.000', 'amountTooLarge']
		] as const) {
			const err = await refusal(createGroup(as(moderator), { ...call, budget }), 'validation');
			expect(err.options.fields?.budget, budget).toEqual([`groups.errors.${key}`]);
		}
		const err = await refusal(
			createGroup(as(moderator), {
				...call,
				name: 'x'.repeat(100_000),
				purpose: '\u0000\u0000',
				deadline: '2027-02-30'
			}),
			'validation'
		);
		expect(err.options.fields).toMatchObject({
			name: ['groups.errors.nameTooLong'],
			purpose: ['groups.errors.purposeRequired'],
			deadline: ['groups.errors.deadlineInvalid']
		});
		expect((await listGroupsForBackoffice(as(moderator), {})).groups.length).toBe(before);
	});

	it('keeps NUL characters out and changes only what changed', async () => {
		const { id } = await createGroup(as(moderator), { ...call, name: 'Klimaat\u0000doeners' });
		const page = await getGroupForBackoffice(as(moderator), { unverifiedId: id });
		expect(page.group.name).toBe('Klimaatdoeners');
		expect(await changeGroup(as(moderator), { ...call, name: 'Klimaatdoeners', unverifiedId: id })).toEqual({
			changed: false
		});
		expect(
			await changeGroup(as(moderator), { ...call, name: 'Klimaatdoeners', budget: '6000', unverifiedId: id })
		).toEqual({ changed: true });
		const audit = await auditOf(database.db, geel.id);
		expect(audit.at(-1)).toMatchObject({
			action: 'group.changed',
			details: { fields: ['budgetCents'], budgetCentsBefore: 500_000, budgetCentsAfter: 600_000 }
		});
	});

	it('takes a menu card with LEKP tags and refuses unknown tags', async () => {
		const group = await buildGroup(database.db, geel, { menu: [] });
		await addMenuItem(as(moderator), {
			unverifiedId: group.id,
			title: 'Fietsbibliotheek',
			description: '',
			tags: ['mobility']
		});
		const err = await refusal(
			addMenuItem(as(moderator), { unverifiedId: group.id, title: 'X', tags: ['<script>'] }),
			'validation'
		);
		expect(err.options.fields?.tags).toEqual(['groups.errors.tagInvalid']);
		const page = await getCallPage(as(undefined), { unverifiedId: group.id });
		expect(page.menu.map((m) => [m.title, m.tags])).toEqual([['Fietsbibliotheek', ['mobility']]]);
	});

	it('refuses citizens, the alderman and Mol’s staff; Mol finds no group of Geel', async () => {
		const group = await buildGroup(database.db, geel);
		await refusal(listGroupsForBackoffice(as(undefined), {}), 'unauthenticated');
		await refusal(listGroupsForBackoffice(as(await citizen()), {}), 'forbidden');
		await refusal(listGroupsForBackoffice(as(alderman), {}), 'forbidden');
		await refusal(getGroupForBackoffice(as(molModerator), { unverifiedId: group.id }), 'forbidden');
		await refusal(getGroupForBackoffice(as(molModerator, mol), { unverifiedId: group.id }), 'not_found');
		expect((await listGroupsForBackoffice(as(molModerator, mol), {})).groups).toEqual([]);
		await refusal(getCallPage(as(undefined, mol), { unverifiedId: group.id }), 'not_found');
		expect((await listGroupsPage(as(undefined, mol))).groups).toEqual([]);
	});
});

describe('signing up', () => {
	it('makes a member at once on an open call, audited, and refuses a second sign-up', async () => {
		const group = await buildGroup(database.db, geel);
		const person = await citizen();
		expect(
			await signUp(as(person), { unverifiedId: group.id, values: { motivation: 'Ik herstel graag.' } })
		).toEqual({
			status: 'accepted',
			groupId: group.id
		});
		expect((await getCallPage(as(person), { unverifiedId: group.id })).mine).toBe('accepted');
		const err = await refusal(
			signUp(as(person), { unverifiedId: group.id, values: { motivation: 'Nog eens' } }),
			'conflict'
		);
		expect(err.messageKey).toBe('groups.errors.alreadySignedUp');
		const audit = await auditOf(database.db, geel.id);
		expect(audit.at(-1)).toMatchObject({ action: 'group.member_joined', actorId: person.userId });
	});

	it('refuses an empty or huge motivation, a visitor, a closed or past call, and a draft', async () => {
		const group = await buildGroup(database.db, geel);
		const person = await citizen();
		await refusal(
			signUp(as(undefined), { unverifiedId: group.id, values: { motivation: 'x' } }),
			'unauthenticated'
		);
		const err = await refusal(
			signUp(as(person), { unverifiedId: group.id, values: { motivation: 'x'.repeat(100_000) } }),
			'validation'
		);
		expect(err.options.fields?.motivation).toEqual(['groups.errors.motivationTooLong']);
		await refusal(
			signUp(as(person), { unverifiedId: group.id, values: { motivation: ' \u0000 ' } }),
			'validation'
		);
		const closed = await buildGroup(database.db, geel, { status: 'closed' });
		expect(
			(
				await refusal(
					signUp(as(person), { unverifiedId: closed.id, values: { motivation: 'ja' } }),
					'conflict'
				)
			).messageKey
		).toBe('groups.errors.callClosed');
		const past = await buildGroup(database.db, geel, { deadline: '2020-01-01' });
		await refusal(signUp(as(person), { unverifiedId: past.id, values: { motivation: 'ja' } }), 'conflict');
		const draft = await buildGroup(database.db, geel, { status: 'draft' });
		await refusal(signUp(as(person), { unverifiedId: draft.id, values: { motivation: 'ja' } }), 'not_found');
		await refusal(getGroupPage(as(person), { unverifiedId: draft.id }), 'not_found');
	});

	it('waits for staff when the call says so; staff accept and decline, one or many, only of this group', async () => {
		const group = await buildGroup(database.db, geel, { confirmSignups: true });
		const other = await buildGroup(database.db, geel, { confirmSignups: true });
		const [a, b, c] = [await citizen('An'), await citizen('Bo'), await citizen('Cas')];
		for (const p of [a, b, c])
			expect((await signUp(as(p!), { unverifiedId: group.id, values: { motivation: 'Graag' } })).status).toBe(
				'pending'
			);
		const elsewhere = await citizen('Dirk');
		await signUp(as(elsewhere), { unverifiedId: other.id, values: { motivation: 'Graag' } });
		const rows = await database.db.select().from(groupMembers).where(eq(groupMembers.groupId, group.id));
		const idOf = (p: Actor) => String(rows.find((r) => r.userId === p.userId)!.id);
		const [otherRow] = await database.db
			.select()
			.from(groupMembers)
			.where(eq(groupMembers.groupId, other.id));
		await refusal(getWorkspace(as(a!), { unverifiedId: group.id }), 'forbidden');
		// The back office's home tells the coaching staff, not the alderman.
		const home = await getBackofficeHome(as(moderator));
		expect(home.attention.find((i) => i.id === 'groups.signups')?.count).toBeGreaterThanOrEqual(3);
		expect((await getBackofficeHome(as(alderman))).attention.map((i) => i.id)).not.toContain(
			'groups.signups'
		);
		await refusal(
			decideSignups(as(a!), { unverifiedId: group.id, ids: [idOf(a!)], decision: 'accept' }),
			'forbidden'
		);
		expect(
			await decideSignups(as(moderator), {
				unverifiedId: group.id,
				ids: [idOf(a!), idOf(b!), String(otherRow!.id), 'x'],
				decision: 'accept'
			})
		).toEqual({ changed: 2 });
		expect(
			await decideSignups(as(moderator), {
				unverifiedId: group.id,
				ids: [idOf(c!)],
				decision: 'decline',
				confirm: 'on'
			})
		).toEqual({
			changed: 1
		});
		expect((await getCallPage(as(c!), { unverifiedId: group.id })).mine).toBe('declined');
		expect((await getCallPage(as(elsewhere), { unverifiedId: other.id })).mine).toBe('pending');
		await getWorkspace(as(a!), { unverifiedId: group.id });
		const page = await getGroupPage(as(undefined), { unverifiedId: group.id });
		expect(page.members).toHaveLength(2);
		await refusal(
			decideSignups(as(moderator), { unverifiedId: group.id, ids: [], decision: 'accept' }),
			'validation'
		);
	});

	it('declines only after the tick; the preview names only the waiting sign-ups of this group here', async () => {
		const group = await buildGroup(database.db, geel, { confirmSignups: true });
		const other = await buildGroup(database.db, geel, { confirmSignups: true });
		const molGroup = await buildGroup(database.db, mol, { confirmSignups: true });
		const [waiting, alsoWaiting, accepted] = [
			await citizen('Els'),
			await citizen('Fien'),
			await citizen('Gust')
		];
		const pendingRow = (groupId: number, p: Actor, tenant: Tenant = geel) =>
			buildGroupMember(database.db, tenant, groupId, p.userId, { status: 'pending' });
		const w = (await pendingRow(group.id, waiting))!;
		const w2 = (await pendingRow(group.id, alsoWaiting))!;
		const done = (await buildGroupMember(database.db, geel, group.id, accepted.userId))!;
		const ofOther = (await pendingRow(other.id, await citizen('Hanne')))!;
		const ofMol = (await pendingRow(molGroup.id, await citizen('Ilse'), mol))!;
		const all = [w, w2, done, ofOther, ofMol].map((r) => String(r.id));
		const statuses = async () =>
			Object.fromEntries(
				(await database.db.select().from(groupMembers)).map((r) => [r.id, r.status] as const)
			);

		// The GET's preview: names of the chosen sign-ups that wait, of this group; another group's, Mol's, an
		// accepted one and an unreadable id drop out. Nothing changes.
		const before = await statuses();
		const preview = await previewSignupDecline(as(moderator), { unverifiedId: group.id, ids: [...all, 'x'] });
		expect(preview.group).toEqual({ id: group.id, name: group.name });
		expect(preview.items).toEqual([
			{ id: w.id, name: 'Els P.' },
			{ id: w2.id, name: 'Fien P.' }
		]);
		expect(await statuses()).toEqual(before);
		expect((await previewSignupDecline(as(moderator), { unverifiedId: group.id, ids: [] })).items).toEqual(
			[]
		);
		// Mol's staff do not find Geel's group; a citizen is refused.
		await refusal(
			previewSignupDecline(as(molModerator, mol), { unverifiedId: group.id, ids: all }),
			'not_found'
		);
		await refusal(previewSignupDecline(as(waiting), { unverifiedId: group.id, ids: all }), 'forbidden');

		// Declining without the tick (absent, or anything but 'on') is refused beside the box; nothing changed.
		for (const confirm of [undefined, '', 'off', 'ja']) {
			const err = await refusal(
				decideSignups(as(moderator), { unverifiedId: group.id, ids: all, decision: 'decline', confirm }),
				'validation'
			);
			expect(err.options.fields?.confirm).toEqual(['backoffice.errors.confirmRequired']);
			expect(await statuses()).toEqual(before);
		}
		// Accepting asks for none.
		expect(
			await decideSignups(as(moderator), { unverifiedId: group.id, ids: [String(w2.id)], decision: 'accept' })
		).toEqual({ changed: 1 });
		// With the tick: only the waiting sign-up of this group is declined; the others are left alone.
		expect(
			await decideSignups(as(moderator), {
				unverifiedId: group.id,
				ids: all,
				decision: 'decline',
				confirm: 'on'
			})
		).toEqual({ changed: 1 });
		const after = await statuses();
		expect(after[w.id]).toBe('declined');
		expect(after[w2.id]).toBe('accepted');
		expect(after[done.id]).toBe('accepted');
		expect(after[ofOther.id]).toBe('pending');
		expect(after[ofMol.id]).toBe('pending');
		expect((await getCallPage(as(waiting), { unverifiedId: group.id })).mine).toBe('declined');
		// Once decided, the preview no longer lists it.
		expect((await previewSignupDecline(as(moderator), { unverifiedId: group.id, ids: all })).items).toEqual(
			[]
		);
	});
});

describe('the workspace', () => {
	it('opens to members and Geel’s coaching staff only', async () => {
		const group = await buildGroup(database.db, geel);
		const other = await buildGroup(database.db, geel);
		const inside = await member(group.id);
		const otherMember = await member(other.id);
		expect((await getWorkspace(as(inside), { unverifiedId: group.id })).group.name).toBe(group.name);
		expect((await getWorkspace(as(moderator), { unverifiedId: group.id })).me.isStaff).toBe(true);
		await refusal(getWorkspace(as(undefined), { unverifiedId: group.id }), 'unauthenticated');
		const err = await refusal(getWorkspace(as(await citizen()), { unverifiedId: group.id }), 'forbidden');
		expect(err.messageKey).toBe('groups.errors.notMember');
		await refusal(getWorkspace(as(otherMember), { unverifiedId: group.id }), 'forbidden');
		await refusal(getWorkspace(as(alderman), { unverifiedId: group.id }), 'forbidden');
		await refusal(getWorkspace(as(molModerator), { unverifiedId: group.id }), 'forbidden');
		await refusal(getWorkspace(as(molModerator, mol), { unverifiedId: group.id }), 'not_found');
		await refusal(
			startThread(as(otherMember), { unverifiedId: group.id, values: { title: 'x', body: 'y' } }),
			'forbidden'
		);
		await refusal(
			addExpense(as(molModerator), {
				unverifiedId: group.id,
				values: { description: 'x', amount: '1', category: 'food', spentOn: '2026-12-01' },
				receipt: file(pdf())
			}),
			'forbidden'
		);
	});

	it('keeps threads with replies, tasks with an owner, notes, and hostile text as text', async () => {
		const group = await buildGroup(database.db, geel);
		const inside = await member(group.id);
		const second = await member(group.id);
		const thread = await startThread(as(inside), {
			unverifiedId: group.id,
			values: { title: 'Zaterdag spitten', body: '<script>alert(1)</script> wie komt?' }
		});
		await replyToThread(as(second), {
			unverifiedId: group.id,
			unverifiedThreadId: thread.id,
			values: { body: 'Ik!' }
		});
		const page = await getThreadPage(as(inside), { unverifiedId: group.id, unverifiedThreadId: thread.id });
		expect(page.posts.map((p) => p.body)).toEqual(['<script>alert(1)</script> wie komt?', 'Ik!']);
		const err = await refusal(
			replyToThread(as(second), {
				unverifiedId: group.id,
				unverifiedThreadId: thread.id,
				values: { body: 'x'.repeat(100_000) }
			}),
			'validation'
		);
		expect(err.options.fields?.body).toEqual(['groups.errors.postTooLong']);
		await refusal(
			getThreadPage(as(inside), { unverifiedId: group.id, unverifiedThreadId: '999999' }),
			'not_found'
		);

		await addTask(as(inside), {
			unverifiedId: group.id,
			values: { title: 'Spades halen', owner: second.userId, dueOn: '2027-03-01' }
		});
		const stranger = await citizen();
		const taskErr = await refusal(
			addTask(as(inside), {
				unverifiedId: group.id,
				values: { title: 'x', owner: stranger.userId, dueOn: '31/12' }
			}),
			'validation'
		);
		expect(taskErr.options.fields).toMatchObject({ dueOn: ['groups.errors.dueInvalid'] });
		await addNote(as(inside), {
			unverifiedId: group.id,
			values: { title: 'Kick-off', body: 'We kozen de moestuin.' }
		});
		const ws = await getWorkspace(as(second), { unverifiedId: group.id });
		expect(ws.tasks).toEqual([
			expect.objectContaining({
				title: 'Spades halen',
				ownerName: second.displayName,
				dueOn: '2027-03-01',
				status: 'todo'
			})
		]);
		expect(ws.notes.map((n) => n.title)).toEqual(['Kick-off']);
		expect(ws.threads[0]).toMatchObject({ title: 'Zaterdag spitten', posts: 2 });
		// The question of a visitor of the group page lands in the workspace.
		const asker = await citizen('Vera');
		await askQuestion(as(asker), {
			unverifiedId: group.id,
			values: { question: 'Mag ik eens komen kijken?' },
			shareEmail: true
		});
		expect(
			(await getWorkspace(as(second), { unverifiedId: group.id })).threads.map((t) => t.title)
		).toContain(`Vraag van ${asker.displayName}`);
	});

	it('takes photos (cleaned) and documents by their bytes, and refuses anything else', async () => {
		const group = await buildGroup(database.db, geel);
		const inside = await member(group.id);
		const photo = await uploadFile(as(inside), {
			unverifiedId: group.id,
			file: file(await jpegWithGps(), 'tuin.jpg')
		});
		const stored = await getWorkspaceFile(as(inside), { unverifiedId: group.id, unverifiedFileId: photo.id });
		expect(stored.contentType).toBe('image/jpeg');
		expect(stored.bytes.includes(Buffer.from('GPS'))).toBe(false);
		const odt = Buffer.concat([
			Buffer.from([0x50, 0x4b, 0x03, 0x04]),
			Buffer.alloc(26),
			Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')
		]);
		odt.writeUInt16LE(8, 26);
		const text = await uploadFile(as(inside), { unverifiedId: group.id, file: file(odt, 'verslag.odt') });
		expect(
			(await getWorkspaceFile(as(inside), { unverifiedId: group.id, unverifiedFileId: text.id })).contentType
		).toBe('application/vnd.oasis.opendocument.text');
		const doc = await uploadFile(as(inside), {
			unverifiedId: group.id,
			file: file(pdf(), '../../werkplan.pdf')
		});
		expect(
			(await getWorkspaceFile(as(inside), { unverifiedId: group.id, unverifiedFileId: doc.id })).name
		).toBe('werkplan.pdf');
		for (const [bytes, key] of [
			[Buffer.from('<html><script>alert(1)</script></html>'), 'groups.errors.fileType'],
			[Buffer.from('MZ\x90\x00 not a program'), 'groups.errors.fileType'],
			[Buffer.alloc(11 * 1024 * 1024, 1), 'groups.errors.fileTooBig']
		] as const) {
			const err = await refusal(
				uploadFile(as(inside), { unverifiedId: group.id, file: file(bytes, 'foto.jpg') }),
				'validation'
			);
			expect(err.options.fields?.file).toEqual([key]);
		}
		await refusal(
			getWorkspaceFile(as(await citizen()), { unverifiedId: group.id, unverifiedFileId: doc.id }),
			'forbidden'
		);
		const other = await buildGroup(database.db, geel);
		await refusal(
			getWorkspaceFile(as(moderator), { unverifiedId: other.id, unverifiedFileId: doc.id }),
			'not_found'
		);
	});
});

describe('picking from the menu card', () => {
	it('makes a published action of Geel on rung 6, owned by the group, with a sub-group', async () => {
		const group = await buildGroup(database.db, geel, { menu: ['Repaircafé Ten Aard'] });
		const picker = await member(group.id);
		const second = await member(group.id);
		const { actionId } = await pickMenuItem(as(picker), {
			unverifiedId: group.id,
			unverifiedItemId: group.menu[0]
		});
		const [action] = await database.db.select().from(actions).where(eq(actions.id, actionId));
		expect(action).toMatchObject({
			municipalityId: geel.id,
			title: 'Repaircafé Ten Aard',
			ownerKind: 'citizenGroup',
			ownerName: group.name,
			status: 'planned'
		});
		expect(action!.publishedAt).not.toBeNull();
		const choices = await listActionChoices(database.db, {
			municipalityId: geel.id,
			municipalitySlug: 'geel'
		});
		expect(choices.map((c) => c.id)).toContain(actionId);
		const [opportunity] = await database.db
			.select()
			.from(opportunities)
			.where(eq(opportunities.actionId, actionId));
		expect(opportunity).toMatchObject({ rung: 'selfManage', kind: 'citizenGroup' });
		// Open, with a next step that works: the group's page.
		const listed = await listOpportunitiesOfActions(database, {
			municipalityIds: [geel.id],
			actionIds: [actionId]
		});
		expect(listed[0]!.joinableGroup).toBe(group.id);
		expect(nextStepOf(listed[0]!, listed, new Date())).toEqual({ kind: 'join', group: group.id });
		expect(nextStepHref({ kind: 'join', group: group.id }, 'geel', '')).toBe(`/geel/groepen/${group.id}`);
		const history = await database.db
			.select()
			.from(actionHistory)
			.where(eq(actionHistory.actionId, actionId))
			.orderBy(actionHistory.id);
		expect(history.map((h) => [h.change, h.actorId])).toEqual([
			['created', picker.userId],
			['published', picker.userId]
		]);
		await refusal(
			pickMenuItem(as(second), { unverifiedId: group.id, unverifiedItemId: group.menu[0] }),
			'conflict'
		);
		await changeSubgroup(as(second), {
			unverifiedId: group.id,
			values: { menuItem: String(group.menu[0]) },
			leave: false
		});
		let page = await getGroupPage(as(undefined), { unverifiedId: group.id });
		expect(page.actions).toEqual([
			expect.objectContaining({ title: 'Repaircafé Ten Aard', people: 2, coordinator: picker.displayName })
		]);
		await changeSubgroup(as(second), {
			unverifiedId: group.id,
			values: { menuItem: String(group.menu[0]) },
			leave: true
		});
		page = await getGroupPage(as(undefined), { unverifiedId: group.id });
		expect(page.actions[0]!.people).toBe(1);
		await refusal(
			pickMenuItem(as(await citizen()), { unverifiedId: group.id, unverifiedItemId: group.menu[0] }),
			'forbidden'
		);
		expect(
			(await auditOf(database.db, geel.id)).some(
				(a) => a.action === 'group.action_picked' && (a.details as { actionId: number }).actionId === actionId
			)
		).toBe(true);
	});
});

describe('the budget', () => {
	const expense = (amount: string, extra: Record<string, string> = {}) => ({
		description: 'Gereedschap',
		amount,
		category: 'material',
		action: '',
		spentOn: '2026-12-01',
		...extra
	});

	it('moves with received co-financing and approved expenses, by the call’s rule and by staff', async () => {
		const group = await buildGroup(database.db, geel, { budgetCents: 50_000 });
		const inside = await member(group.id);
		const balance = async () => (await getWorkspace(as(inside), { unverifiedId: group.id })).budget;

		const sponsor = await addFunding(as(inside), {
			unverifiedId: group.id,
			values: { kind: 'sponsor', source: 'Bakkerij Geel', amount: '150,50', status: 'promised' }
		});
		expect((await balance()).balanceCents).toBe(50_000);
		await changeFundingStatus(as(inside), {
			unverifiedId: group.id,
			unverifiedFundingId: sponsor.id,
			values: { status: 'received' }
		});
		expect((await balance()).balanceCents).toBe(65_050);

		// At or below €250 it counts at once; above it waits for staff.
		expect(
			await addExpense(as(inside), {
				unverifiedId: group.id,
				values: expense('250'),
				receipt: file(await noisePng())
			})
		).toMatchObject({
			status: 'approved'
		});
		const big = await addExpense(as(inside), {
			unverifiedId: group.id,
			values: expense('300,01'),
			receipt: file(pdf())
		});
		expect(big.status).toBe('submitted');
		let b = await balance();
		expect([b.balanceCents, b.waitingCents, b.availableCents]).toEqual([40_050, 30_001, 10_049]);

		await refusal(
			approveExpense(as(inside), { unverifiedId: group.id, unverifiedExpenseId: big.id }),
			'forbidden'
		);
		await refusal(
			approveExpense(as(molModerator), { unverifiedId: group.id, unverifiedExpenseId: big.id }),
			'forbidden'
		);
		await approveExpense(as(moderator), { unverifiedId: group.id, unverifiedExpenseId: big.id });
		b = await balance();
		expect([b.balanceCents, b.approvedCents, b.waitingCents]).toEqual([10_049, 55_001, 0]);
		await refusal(
			approveExpense(as(moderator), { unverifiedId: group.id, unverifiedExpenseId: big.id }),
			'conflict'
		);

		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => (a.details as { groupId?: number }).groupId === group.id
		);
		expect(audit.map((a) => a.action)).toEqual([
			'group.funding_added',
			'group.funding_changed',
			'group.expense_added',
			'group.expense_added',
			'group.expense_approved'
		]);
		expect(audit.at(-1)!.details).toMatchObject({
			amountCents: 30_001,
			balanceCentsBefore: 40_050,
			balanceCentsAfter: 10_049
		});

		// Refusing one (with a reason the members read) moves the balance back.
		await refusal(
			refuseExpense(as(moderator), { unverifiedId: group.id, unverifiedExpenseId: big.id, reason: '' }),
			'validation'
		);
		await refuseExpense(as(moderator), {
			unverifiedId: group.id,
			unverifiedExpenseId: big.id,
			reason: 'Geen factuur op naam'
		});
		b = await balance();
		expect(b.balanceCents).toBe(40_050);
		expect(b.expenses.find((e) => e.id === big.id)).toMatchObject({
			status: 'refused',
			refuseReason: 'Geen factuur op naam'
		});
		expect(b.perAction).toEqual([{ title: null, approvedCents: 25_000, waitingCents: 0 }]);
	});

	it('warns about an expense over the balance, takes it when confirmed, and staff cannot approve it', async () => {
		const group = await buildGroup(database.db, geel, { budgetCents: 10_000 });
		const inside = await member(group.id);
		const err = await refusal(
			addExpense(as(inside), { unverifiedId: group.id, values: expense('150'), receipt: file(pdf()) }),
			'validation'
		);
		expect(err.options.fields?.amount).toEqual(['groups.errors.overBalance']);
		expect(err.options.details).toMatchObject({ balance: '€ 100,00' });
		expect(await database.db.select().from(groupExpenses).where(eq(groupExpenses.groupId, group.id))).toEqual(
			[]
		);
		// Even under the threshold, an expense over the balance waits for staff.
		const sent = await addExpense(as(inside), {
			unverifiedId: group.id,
			values: expense('150', { overBalance: 'on' }),
			receipt: file(pdf())
		});
		expect(sent.status).toBe('submitted');
		const refused = await refusal(
			approveExpense(as(moderator), { unverifiedId: group.id, unverifiedExpenseId: sent.id }),
			'conflict'
		);
		expect(refused.messageKey).toBe('groups.errors.overBalanceApprove');
	});

	it('refuses bad amounts, receipts that are no photo or PDF, and another group’s action, storing nothing', async () => {
		const group = await buildGroup(database.db, geel);
		const inside = await member(group.id);
		for (const [amount, key] of [
			['-20', 'amountNegative'],
			['0', 'amountTooSmall'],
			['1,999', 'amountInvalid'],
			['1e5', 'amountInvalid'],
			['200000', 'amountTooLarge'],
			['', 'amountRequired']
		] as const) {
			const err = await refusal(
				addExpense(as(inside), { unverifiedId: group.id, values: expense(amount), receipt: file(pdf()) }),
				'validation'
			);
			expect(err.options.fields?.amount, amount).toEqual([`groups.errors.${key}`]);
		}
		const odt = Buffer.concat([
			Buffer.from([0x50, 0x4b, 0x03, 0x04]),
			Buffer.alloc(26),
			Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text')
		]);
		odt.writeUInt16LE(8, 26);
		for (const [receipt, key] of [
			[file(Buffer.from('<svg onload="alert(1)"/>'), 'bon.pdf'), 'groups.errors.receiptType'],
			[file(odt, 'bon.odt'), 'groups.errors.receiptType'],
			[null, 'groups.errors.receiptMissing']
		] as const) {
			const err = await refusal(
				addExpense(as(inside), { unverifiedId: group.id, values: expense('10'), receipt }),
				'validation'
			);
			expect(err.options.fields?.receipt).toEqual([key]);
		}
		// All problems at once, beside their fields.
		const err = await refusal(
			addExpense(as(inside), {
				unverifiedId: group.id,
				values: {
					description: '',
					amount: 'veel',
					category: 'casino',
					action: '999999',
					spentOn: 'gisteren'
				},
				receipt: null
			}),
			'validation'
		);
		expect(Object.keys(err.options.fields ?? {}).sort()).toEqual([
			'amount',
			'category',
			'description',
			'receipt',
			'spentOn'
		]);
		const elsewhere = await buildGroup(database.db, geel);
		const actionErr = await refusal(
			addExpense(as(inside), {
				unverifiedId: group.id,
				values: expense('10', { action: String(elsewhere.menu[0]) }),
				receipt: file(pdf())
			}),
			'validation'
		);
		expect(actionErr.options.fields?.action).toEqual(['groups.errors.actionInvalid']);
		const stored = await database.db.select().from(groupExpenses).where(eq(groupExpenses.groupId, group.id));
		expect(stored).toEqual([]);
		const files = await database.db
			.select()
			.from(groupFiles)
			.where(and(eq(groupFiles.groupId, group.id), eq(groupFiles.kind, 'receipt')));
		expect(files).toEqual([]);
		await refusal(
			addFunding(as(inside), {
				unverifiedId: group.id,
				values: { kind: 'loterij', source: '', amount: '-5', status: 'misschien' }
			}),
			'validation'
		);
	});

	it('exports CSV and XLSX for the financial service that read back exactly', async () => {
		const group = await buildGroup(database.db, geel, {
			name: 'Klimaatdoeners Export',
			menu: ['Repaircafé']
		});
		const inside = await member(group.id);
		await pickMenuItem(as(inside), { unverifiedId: group.id, unverifiedItemId: group.menu[0] });
		await addExpense(as(inside), {
			unverifiedId: group.id,
			values: expense('12,34', { description: '=HYPERLINK("x") schroeven', action: String(group.menu[0]) }),
			receipt: file(pdf())
		});
		await addFunding(as(inside), {
			unverifiedId: group.id,
			values: { kind: 'subsidy', source: 'Provincie', amount: '1.000', status: 'received' }
		});
		await refusal(exportBudget(as(inside), { unverifiedId: group.id, format: 'csv' }), 'forbidden');

		const csv = await exportBudget(as(moderator), { unverifiedId: group.id, format: 'csv' });
		expect(csv.contentType).toBe('text/csv; charset=utf-8');
		const text = csv.body as string;
		expect(text.startsWith('\uFEFF"Soort";"Datum"')).toBe(true);
		expect(text).toContain(
			`"Uitgave";"2026-12-01";"'=HYPERLINK(""x"") schroeven";"Materiaal";"Repaircafé";"Goedgekeurd"`
		);
		expect(text).toContain('"1234";"€ 12,34"');
		expect(text).toContain('"Saldo";"";"";"";"";"";"";"598766";"€ 5.987,66"');

		const xlsx = await exportBudget(as(moderator), { unverifiedId: group.id, format: 'xlsx' });
		expect(xlsx.filename).toMatch(/^budget-geel-\d+-klimaatdoeners-export-\d{4}-\d{2}-\d{2}\.xlsx$/);
		const book = XLSX.read(xlsx.body as Uint8Array, { type: 'array' });
		expect(book.SheetNames).toEqual(['Uitgaven en cofinanciering', 'Overzicht']);
		const lines = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets[book.SheetNames[0]!]!, {
			header: 1,
			defval: ''
		});
		expect(lines[0]).toEqual([
			'Soort',
			'Datum',
			'Omschrijving',
			'Categorie',
			'Actie',
			'Status',
			'Ingediend door',
			'Bedrag (eurocent)',
			'Bedrag'
		]);
		expect(lines[1]).toEqual([
			'Uitgave',
			'2026-12-01',
			'=HYPERLINK("x") schroeven',
			'Materiaal',
			'Repaircafé',
			'Goedgekeurd',
			inside.displayName,
			1234,
			'€ 12,34'
		]);
		expect(lines[2]).toEqual([
			'Cofinanciering',
			'',
			'Provincie',
			'Subsidie',
			'',
			'Ontvangen',
			'',
			100_000,
			'€ 1.000,00'
		]);
		// A text cell stays text: no formula in the workbook.
		const cell = book.Sheets[book.SheetNames[0]!]!['C2'];
		expect(cell?.t).toBe('s');
		expect(cell?.f).toBeUndefined();
		const summary = XLSX.utils.sheet_to_json<(string | number)[]>(book.Sheets['Overzicht']!, {
			header: 1,
			defval: ''
		});
		expect(summary.at(-1)).toEqual(['Saldo', 598_766, '€ 5.987,66']);
		const audit = await auditOf(database.db, geel.id);
		expect(
			audit
				.filter((a) => a.action === 'group.exported')
				.map((a) => (a.details as { format: string }).format)
				.slice(-2)
		).toEqual(['csv', 'xlsx']);
	});
});

describe('after the coaching', () => {
	it('members invite others with a one-use link and the coordinator hands over the role', async () => {
		const group = await buildGroup(database.db, geel, { status: 'closed' });
		const coordinator = await member(group.id, 'coordinator');
		const plain = await member(group.id);
		const { path } = await createInvitation(as(plain), { unverifiedId: group.id });
		const token = path.split('/').pop()!;
		const newcomer = await citizen('Nina');
		await acceptInvitation(as(newcomer), { unverifiedId: group.id, token });
		expect((await getWorkspace(as(newcomer), { unverifiedId: group.id })).me.role).toBe('member');
		const late = await citizen('Lode');
		expect(
			(await refusal(acceptInvitation(as(late), { unverifiedId: group.id, token }), 'conflict')).messageKey
		).toBe('groups.errors.invitationInvalid');
		await refusal(acceptInvitation(as(late), { unverifiedId: group.id, token: 'x'.repeat(32) }), 'conflict');
		await refusal(createInvitation(as(late), { unverifiedId: group.id }), 'forbidden');

		await refusal(
			handOverCoordinator(as(plain), { unverifiedId: group.id, values: { person: newcomer.userId } }),
			'forbidden'
		);
		const err = await refusal(
			handOverCoordinator(as(coordinator), { unverifiedId: group.id, values: { person: late.userId } }),
			'validation'
		);
		expect(err.options.fields?.person).toEqual(['groups.errors.personInvalid']);
		await handOverCoordinator(as(coordinator), {
			unverifiedId: group.id,
			values: { person: newcomer.userId }
		});
		const ws = await getWorkspace(as(newcomer), { unverifiedId: group.id });
		expect(ws.me).toMatchObject({ role: 'coordinator', canSteer: true });
		expect(ws.members.filter((m) => m.role === 'coordinator').map((m) => m.userId)).toEqual([
			newcomer.userId
		]);
		expect((await getWorkspace(as(coordinator), { unverifiedId: group.id })).me.canSteer).toBe(false);
		const actions = (await auditOf(database.db, geel.id)).map((a) => a.action);
		expect(actions).toContain('group.invitation_created');
		expect(actions).toContain('group.coordinator_changed');
	});
});

describe('a person’s data', () => {
	it('exports their sign-ups and, on deletion, ends their memberships while the group keeps what they wrote', async () => {
		const group = await buildGroup(database.db, geel);
		const person = await citizen();
		await signUp(as(person), { unverifiedId: group.id, values: { motivation: 'Ik kom helpen.' } });
		await startThread(as(person), {
			unverifiedId: group.id,
			values: { title: 'Hallo', body: 'Dag allemaal' }
		});
		const activity = await getMyActivity(as(person));
		expect(activity.sections.find((s) => s.id === 'groups.mine')?.items).toEqual([
			expect.objectContaining({
				title: group.name,
				href: `/geel/groepen/${group.id}/werkruimte`,
				labels: ['Lid']
			})
		]);
		const ref = { userId: person.userId, displayName: person.displayName, addresses: [] };
		const data = await exportGroupData(database.db, ref);
		expect(data.groups).toEqual([
			expect.objectContaining({ groupId: group.id, motivation: 'Ik kom helpen.', status: 'accepted' })
		]);
		expect(data.groupContributions.posts).toBe(1);
		await database.db.transaction((tx) => eraseGroupData(tx, ref));
		expect((await exportGroupData(database.db, ref)).groups).toEqual([]);
		await refusal(getWorkspace(as(person), { unverifiedId: group.id }), 'forbidden');
		const ws = await getWorkspace(as(moderator), { unverifiedId: group.id });
		expect(ws.threads.map((t) => t.title)).toContain('Hallo');
	});
});

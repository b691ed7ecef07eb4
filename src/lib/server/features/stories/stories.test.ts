// Neighbourhood stories against the real database: a signed-in citizen tells a story with a photo (processed:
// no EXIF or GPS, at most 1600 px), hostile input is refused beside its fields or cleaned and nothing is
// stored, the rate limit stops a fourth story within the hour; staff of Geel (moderators and communication)
// read the queue, edit lightly, publish on the home or as an action's update (its followers and the author
// hear of it through the real dispatcher), reject with a reason, take a story offline and reject in bulk;
// a waiting story and its photo are never public; Mol's staff and other roles are refused; the person's data
// is exported and, on deletion, the unpublished stories go and the published ones lose their author.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs, silentLog } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { jpegWithGps } from '$lib/server/testing/images';
import {
	buildAction,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	getTenant
} from '$lib/server/testing/factories';
import {
	actionHistory,
	actionUpdates,
	domainEvents,
	media,
	notifications,
	stories
} from '$lib/server/db/schema';
import { loadConfig } from '$lib/server/platform/config';
import { createEventDispatcher, type EventDispatcher } from '$lib/server/platform/events.dispatcher';
import { follow } from '$lib/server/platform/subscriptions';
import type { Tenant, TenantCtx } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { STORY_LIMITS } from '$lib/domain/stories';
import { notificationHandlers } from '$lib/server/features/notifications/notifications.handlers';
import { getMyActivity } from '$lib/server/features/profile/profile.service';
import {
	getPublishedStoryPhoto,
	getStoryForm,
	getStoryPage,
	listHomeStories,
	listStoriesPage,
	submitStory
} from './stories.service';
import {
	editStory,
	getStoryForBackoffice,
	getStoryPhotoForStaff,
	listStoryQueue,
	previewBulkReject,
	publishStory,
	rejectInBulk,
	rejectStory,
	unpublishStory
} from './stories.admin.service';
import { eraseStoryData, exportStoryData } from './stories.personal-data';

let database: TestDatabase;
let dispatcher: EventDispatcher;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;
let moderator: Actor;
let communication: Actor;
let alderman: Actor;
let molModerator: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	olen = await getTenant(database.db, 'olen');
	moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	communication = (await buildStaff(database.db, geel, 'communication')).actor;
	alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
	molModerator = (await buildStaff(database.db, mol, 'moderator')).actor;
	dispatcher = createEventDispatcher(database, silentLog, {
		handlers: notificationHandlers,
		context: {
			config: loadConfig({
				NODE_ENV: 'test',
				ORIGIN: 'https://meedoen.test',
				DEMO: 'false',
				DEV_IDP_PORT: '0'
			}),
			log: silentLog,
			queueMailIn: async () => {},
			queueMails: async (_tx, messages) => ({ queued: messages.length, skipped: 0 })
		}
	});
});
afterAll(() => database?.destroy());

async function dispatch() {
	while ((await dispatcher.runOnce()) > 0);
}

async function citizen(): Promise<Actor> {
	const user = await buildUser(database.db, { givenName: 'Wout', familyName: 'Verhaegen' });
	return { userId: user.id, displayName: user.displayName, memberships: [], regionRoles: [] };
}

const as = (actor: Actor | undefined, tenant: Tenant = geel) =>
	ctxAs(database.db, tenant, actor) as TenantCtx;

const file = (bytes: Uint8Array | Buffer) => ({
	size: bytes.length,
	arrayBuffer: async () => new Uint8Array(bytes).buffer as ArrayBuffer
});

const valid = {
	title: 'Een geveltuin in de Molenstraat',
	body: 'Met zes buren haalden we de tegels weg.\n\nNu bloeit er lavendel.',
	initiative: 'Buren van de Molenstraat',
	credit: 'name'
};

async function tell(actor: Actor, values: Record<string, unknown> = {}, photo?: ReturnType<typeof file>) {
	return submitStory(as(actor), { values: { ...valid, ...values }, photo });
}

async function row(id: number) {
	const [r] = await database.db.select().from(stories).where(eq(stories.id, id));
	return r!;
}

describe('telling a story', () => {
	it('stores a signed-in citizen’s story with a cleaned photo, waiting and not public', async () => {
		const person = await citizen();
		const action = await buildAction(database.db, geel, { title: 'Ontharden in Geel' });
		const form = await getStoryForm(as(person), { unverifiedActionId: String(action.id) });
		expect(form.actionId).toBe(action.id);
		expect(form.authorName).toBe(person.displayName);

		const { id } = await tell(
			person,
			{ action: String(action.id), photoAlt: 'Buren met spades voor een gevel' },
			file(await jpegWithGps())
		);
		const stored = await row(id);
		expect(stored).toMatchObject({
			status: 'submitted',
			showName: true,
			actionId: action.id,
			authorId: person.userId
		});
		const [photo] = await database.db.select().from(media).where(eq(media.id, stored.photoId!));
		expect(photo!.alt).toBe('Buren met spades voor een gevel');
		const meta = await sharp(photo!.bytes).metadata();
		expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(1600);
		expect(meta.exif).toBeUndefined();

		// Not public while it waits: no page, no photo, not on the home or the list.
		await refusal(getStoryPage(as(undefined), { unverifiedId: String(id) }), 'not_found');
		await refusal(getPublishedStoryPhoto(as(undefined), { unverifiedId: stored.photoId! }), 'not_found');
		expect((await listHomeStories(as(undefined))).map((s) => s.id)).not.toContain(id);
		expect((await listStoriesPage(as(undefined))).stories.map((s) => s.id)).not.toContain(id);
		const [event] = await database.db
			.select({ type: domainEvents.type })
			.from(domainEvents)
			.where(and(eq(domainEvents.subjectKind, 'story'), eq(domainEvents.subjectId, String(id))));
		expect(event?.type).toBe('story.submitted');

		// The author finds it under Mijn activiteit, waiting.
		const activity = await getMyActivity(ctxAs(database.db, undefined, person));
		const mine = activity.sections.find((s) => s.id === 'stories.mine');
		expect(mine?.items[0]).toMatchObject({
			title: valid.title,
			href: null,
			labels: ['Wacht op nalezing door de gemeente']
		});
	});

	it('refuses a visitor, and a municipality that does not take part', async () => {
		await refusal(submitStory(as(undefined), { values: valid }), 'unauthenticated');
		await refusal(submitStory(as(await citizen(), olen), { values: valid }), 'not_found');
	});

	it('refuses hostile input beside each field at once and stores nothing; cleans NUL characters', async () => {
		const person = await citizen();
		const before = (await database.db.select({ id: stories.id }).from(stories)).length;
		const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
		const err = await refusal(
			tell(
				person,
				{ title: '', body: 'x'.repeat(100_000), credit: 'misschien', action: 'drop table' },
				file(pdf)
			),
			'validation'
		);
		expect(err.options.fields).toEqual({
			title: ['stories.errors.titleRequired'],
			body: ['stories.errors.bodyTooLong'],
			credit: ['stories.errors.creditRequired'],
			action: ['stories.errors.action'],
			photo: ['stories.errors.photoType'],
			photoAlt: ['stories.errors.altRequired']
		});
		const big = await refusal(
			tell(
				person,
				{ photoAlt: 'Groot' },
				{ size: STORY_LIMITS.photoBytesMax + 1, arrayBuffer: async () => new ArrayBuffer(0) }
			),
			'validation'
		);
		expect(big.options.fields).toEqual({ photo: ['stories.errors.photoTooBig'] });
		// An action of another municipality is not one to choose.
		const molAction = await buildAction(database.db, mol);
		const elsewhere = await refusal(tell(person, { action: String(molAction.id) }), 'validation');
		expect(elsewhere.options.fields).toEqual({ action: ['stories.errors.action'] });
		expect((await database.db.select({ id: stories.id }).from(stories)).length).toBe(before);

		// Script stays text (the page renders it as text); NUL characters are taken out.
		const { id } = await tell(person, {
			title: 'Tuin\u0000 <script>alert(1)</script>',
			body: '<img src=x onerror=alert(1)> Ons\u0000 verhaal'
		});
		const stored = await row(id);
		expect(stored.title).toBe('Tuin <script>alert(1)</script>');
		expect(stored.body).toBe('<img src=x onerror=alert(1)> Ons verhaal');
	});

	it('stops a fourth story within the hour', async () => {
		const person = await citizen();
		for (let i = 0; i < 3; i++) await tell(person, { title: `Verhaal ${i}` });
		const err = await refusal(tell(person, { title: 'Nog een' }), 'rate_limited');
		expect(err.messageKey).toBe('stories.errors.rateLimited');
	});
});

describe('the back office of stories', () => {
	it('lets moderators and communication in, refuses the alderman, a citizen and Mol’s staff', async () => {
		const person = await citizen();
		const { id } = await tell(person, { title: 'Alleen voor Geel' });
		for (const staff of [moderator, communication]) {
			const queue = await listStoryQueue(as(staff), { q: 'Alleen voor Geel' });
			expect(queue.items.map((s) => s.id)).toEqual([id]);
		}
		await refusal(listStoryQueue(as(alderman), {}), 'forbidden');
		await refusal(listStoryQueue(as(person), {}), 'forbidden');
		await refusal(listStoryQueue(as(undefined), {}), 'unauthenticated');
		// Mol's moderator: not Geel's queue, and a Geel story through Mol's address is not found.
		await refusal(listStoryQueue(as(molModerator), {}), 'forbidden');
		await refusal(getStoryForBackoffice(as(molModerator, mol), { unverifiedId: id }), 'not_found');
		await refusal(publishStory(as(molModerator, mol), { unverifiedId: id, placement: 'home' }), 'not_found');
		expect((await listStoryQueue(as(molModerator, mol), {})).items.map((s) => s.id)).not.toContain(id);
		expect((await row(id)).status).toBe('submitted');
	});

	it('edits lightly, publishes on the home (author told), takes it offline after confirming, and back', async () => {
		const person = await citizen();
		const { id } = await tell(person, { photoAlt: 'Een geveltuin' }, file(await jpegWithGps(800, 600)));
		const staffPhoto = await getStoryPhotoForStaff(as(moderator), { unverifiedId: id });
		expect(staffPhoto.contentType).toBe('image/jpeg');

		const edit = await refusal(
			editStory(as(moderator), { unverifiedId: id, ...valid, title: 'Twaalf geveltuinen', photoAlt: '' }),
			'validation'
		);
		expect(edit.options.fields).toEqual({ photoAlt: ['storiesAdmin.errors.altRequired'] });
		expect(
			await editStory(as(moderator), {
				unverifiedId: id,
				...valid,
				title: 'Twaalf geveltuinen',
				photoAlt: 'Een geveltuin'
			})
		).toEqual({ changed: true });

		await publishStory(as(communication), { unverifiedId: id, placement: 'home' });
		const page = await getStoryPage(as(undefined), { unverifiedId: String(id) });
		expect(page).toMatchObject({
			title: 'Twaalf geveltuinen',
			authorName: person.displayName,
			initiative: valid.initiative
		});
		expect(page.paragraphs).toEqual(['Met zes buren haalden we de tegels weg.', 'Nu bloeit er lavendel.']);
		expect((await listHomeStories(as(undefined))).map((s) => s.id)).toContain(id);
		const photoId = (await row(id)).photoId!;
		expect(
			(await getPublishedStoryPhoto(as(undefined), { unverifiedId: photoId })).bytes.length
		).toBeGreaterThan(0);
		// Another municipality's page does not show it.
		await refusal(getStoryPage(as(undefined, mol), { unverifiedId: String(id) }), 'not_found');

		await dispatch();
		const told = await database.db
			.select({ type: notifications.type, kind: notifications.kind, path: notifications.path })
			.from(notifications)
			.where(eq(notifications.userId, person.userId));
		expect(told).toEqual([{ type: 'story.published', kind: 'own', path: `/geel/verhalen/${id}` }]);

		const actions = (await auditOf(database.db, geel.id)).filter((a) => a.action.startsWith('story.'));
		expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['story.edited', 'story.published']));

		// Taking it offline needs the tick; then page and photo are gone and it waits again.
		await refusal(unpublishStory(as(moderator), { unverifiedId: id }), 'validation');
		await unpublishStory(as(moderator), { unverifiedId: id, confirm: 'on' });
		await refusal(getStoryPage(as(undefined), { unverifiedId: String(id) }), 'not_found');
		await refusal(getPublishedStoryPhoto(as(undefined), { unverifiedId: photoId }), 'not_found');
		expect((await row(id)).status).toBe('submitted');
		// The way back: publish again.
		await publishStory(as(moderator), { unverifiedId: id, placement: 'home' });
		expect((await row(id)).status).toBe('published');
		await refusal(publishStory(as(moderator), { unverifiedId: id, placement: 'home' }), 'conflict');
	});

	it('publishes as an update of an action through the actions feature: followers and the author hear of it', async () => {
		const person = await citizen();
		const follower = await buildUser(database.db);
		const action = await buildAction(database.db, geel, { title: 'Groene straten' });
		await follow(database.db, {
			municipalityId: geel.id,
			subject: { kind: 'action', id: action.id },
			userId: follower.id
		});
		const { id } = await tell(person, { title: 'Onze straat werd groener' });

		const missing = await refusal(
			publishStory(as(moderator), { unverifiedId: id, placement: 'action' }),
			'validation'
		);
		expect(missing.options.fields).toEqual({ action: ['storiesAdmin.errors.actionRequired'] });
		const draft = await buildAction(database.db, geel, { publish: false });
		const unpublished = await refusal(
			publishStory(as(moderator), { unverifiedId: id, placement: 'action', action: String(draft.id) }),
			'validation'
		);
		expect(unpublished.options.fields).toEqual({ action: ['storiesAdmin.errors.action'] });

		await publishStory(as(moderator), { unverifiedId: id, placement: 'action', action: String(action.id) });
		const stored = await row(id);
		expect(stored).toMatchObject({ status: 'published', placement: 'action', actionId: action.id });
		const [update] = await database.db
			.select()
			.from(actionUpdates)
			.where(eq(actionUpdates.id, stored.updateId!));
		expect(update).toMatchObject({ title: 'Onze straat werd groener', authorId: moderator.userId });
		expect(update!.publishedAt).not.toBeNull();
		expect(update!.body).toContain(`[Lees het verhaal uit de buurt](/geel/verhalen/${id})`);
		const history = await database.db
			.select({ change: actionHistory.change })
			.from(actionHistory)
			.where(eq(actionHistory.actionId, action.id));
		expect(history.map((h) => h.change)).toEqual(['update_added', 'update_published']);
		// Not on the home (it is the action's news), but its page is public.
		expect((await listHomeStories(as(undefined))).map((s) => s.id)).not.toContain(id);
		expect((await getStoryPage(as(undefined), { unverifiedId: String(id) })).action?.title).toBe(
			'Groene straten'
		);

		await dispatch();
		const heard = async (userId: string) =>
			database.db
				.select({ type: notifications.type, kind: notifications.kind })
				.from(notifications)
				.where(eq(notifications.userId, userId));
		expect(await heard(follower.id)).toEqual([{ type: 'action.update_published', kind: 'following' }]);
		expect(await heard(person.userId)).toEqual([{ type: 'story.published', kind: 'own' }]);

		// Offline: the update goes offline with it.
		await unpublishStory(as(communication), { unverifiedId: id, confirm: 'on' });
		const [after] = await database.db
			.select()
			.from(actionUpdates)
			.where(eq(actionUpdates.id, stored.updateId!));
		expect(after!.publishedAt).toBeNull();
	});

	it('rejects with a reason the author reads, and rejects in bulk what waits', async () => {
		const person = await citizen();
		const { id } = await tell(person, { title: 'Reclame voor mijn zaak' });
		const empty = await refusal(rejectStory(as(moderator), { unverifiedId: id, reason: '  ' }), 'validation');
		expect(empty.options.fields).toEqual({ reason: ['storiesAdmin.errors.reasonRequired'] });
		await rejectStory(as(moderator), { unverifiedId: id, reason: 'Dit is reclame, geen buurtinitiatief.' });
		await dispatch();
		const [told] = await database.db
			.select({ type: notifications.type, path: notifications.path })
			.from(notifications)
			.where(eq(notifications.userId, person.userId));
		expect(told).toEqual({ type: 'story.rejected', path: '/profiel/activiteit' });
		const activity = await getMyActivity(ctxAs(database.db, undefined, person));
		expect(activity.sections.find((s) => s.id === 'stories.mine')?.items[0]).toMatchObject({
			labels: ['Niet gepubliceerd'],
			excerpt: 'Waarom niet: Dit is reclame, geen buurtinitiatief.'
		});

		const a = await tell(person, { title: 'Bulk een' });
		const b = await tell(person, { title: 'Bulk twee' });
		const molStory = await tell(await citizen(), { title: 'Van Mol' }).then(async (s) => {
			await database.db.update(stories).set({ municipalityId: mol.id }).where(eq(stories.id, s.id));
			return s;
		});
		const preview = await previewBulkReject(as(moderator), {
			ids: [String(a.id), String(b.id), String(id), String(molStory.id)]
		});
		expect(preview.items.map((s) => s.id)).toEqual([a.id, b.id]);
		const done = await rejectInBulk(as(moderator), {
			ids: [String(a.id), String(b.id), String(id), String(molStory.id)],
			reason: 'Dubbel ingediend.'
		});
		expect(done).toEqual({ changed: 2 });
		expect((await row(molStory.id)).status).toBe('submitted');
		expect((await row(a.id)).rejectReason).toBe('Dubbel ingediend.');
	});
});

describe('a person’s stories', () => {
	it('are exported, and on deletion the unpublished ones go and the published ones lose their author', async () => {
		const person = await citizen();
		const published = await tell(
			person,
			{ title: 'Blijft staan', photoAlt: 'Foto' },
			file(await jpegWithGps(400, 300))
		);
		const waiting = await tell(
			person,
			{ title: 'Verdwijnt', photoAlt: 'Foto' },
			file(await jpegWithGps(400, 300))
		);
		await publishStory(as(moderator), { unverifiedId: published.id, placement: 'home' });
		const ref = { userId: person.userId, addresses: [], displayName: person.displayName };
		const exported = await exportStoryData(database.db, ref);
		expect(exported.stories.map((s) => [s.title, s.status])).toEqual([
			['Verdwijnt', 'submitted'],
			['Blijft staan', 'published']
		]);
		const waitingPhoto = (await row(waiting.id)).photoId!;

		await eraseStoryData(database.db, ref);
		expect((await exportStoryData(database.db, ref)).stories).toEqual([]);
		expect(await database.db.select().from(stories).where(eq(stories.id, waiting.id))).toEqual([]);
		expect(await database.db.select({ id: media.id }).from(media).where(eq(media.id, waitingPhoto))).toEqual(
			[]
		);
		expect(await row(published.id)).toMatchObject({ authorId: null, showName: false, status: 'published' });
		expect((await getStoryPage(as(undefined), { unverifiedId: String(published.id) })).authorName).toBeNull();
	});
});

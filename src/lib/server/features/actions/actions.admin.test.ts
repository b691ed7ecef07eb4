// The back office of climate actions against a real database: changes with their history, validation,
// bulk changes that stop at the municipality's border, the update event, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { and, eq, sql } from 'drizzle-orm';
import { actionHistory, actionUpdates, actions, domainEvents, media } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	getTenant,
	buildStaff,
	buildUser,
	actorOf,
	coachMunicipality,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { listThemesForSettings } from '$lib/server/features/settings/settings.queries';
import * as opportunitiesAdmin from '$lib/server/features/opportunities/opportunities.admin.service';
import { listParams } from '$lib/server/platform/backoffice-pages';
import * as admin from './actions.admin.service';
import * as updates from './actions.updates.service';
import ListPage from '../../../../routes/[municipality=slug]/beheer/acties/+page.svelte';
import HistoryPage from '../../../../routes/[municipality=slug]/beheer/acties/[actie=slugged]/geschiedenis/+page.svelte';
import { ctxAs } from '$lib/server/testing/context';
import { jpegWithGps, noisePng, pngBomb } from '$lib/server/testing/images';
import sharp from 'sharp';
import { refusal } from '$lib/server/testing/assertions';

let database: TestDatabase;
let A: Tenant;
let B: Tenant;
let ctx: Ctx;
let ctxB: Ctx;
let themeIds: string[];

const valid = {
	title: 'Ontharden van het Marktpleintje',
	summary: 'We halen tegels weg en planten bomen.',
	body: 'Eerst **overleg**, dan de werf.',
	decided: '',
	status: 'planned',
	ownerKind: 'department',
	ownerName: 'Dienst Omgeving',
	startsOn: '2026-09-01',
	endsOn: '2026-12-31',
	placeName: 'Markt',
	lat: '51,1617',
	lng: '4,9904',
	imageAlt: '',
	links: [] as { label: string; url: string }[]
};

/** The same form for Westerlo, placed in Westerlo. */
const validWesterlo = { ...valid, lat: '51,0873', lng: '4,9178' };

function file(bytes: Uint8Array) {
	return { size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

async function historyOf(actionId: number) {
	return database.db
		.select()
		.from(actionHistory)
		.where(eq(actionHistory.actionId, actionId))
		.orderBy(actionHistory.id);
}

async function actionRow(id: number) {
	const [row] = await database.db.select().from(actions).where(eq(actions.id, id));
	return row!;
}

beforeAll(async () => {
	database = await createTestDatabase();
	// Geel: the form's place (51,1617 4,9904) is Geel's Markt, which the place check refuses for any other municipality.
	A = await getTenant(database.db, 'geel');
	B = await getTenant(database.db, 'westerlo');
	ctx = ctxAs(database.db, A, (await buildStaff(database.db, A, 'communication')).actor);
	ctxB = ctxAs(database.db, B, (await buildStaff(database.db, B, 'admin')).actor);
	themeIds = (await listThemesForSettings(database.db, { municipalityId: A.id })).map((t) => t.id);
});
afterAll(async () => {
	await database?.destroy();
});

describe('creating, editing and publishing an action', () => {
	it('creates a draft with a slug from the title, its themes, a history row and an event', async () => {
		const { id } = await admin.createAction(ctx, { ...valid, themeIds: themeIds.slice(0, 2) });
		const row = await actionRow(id);
		expect(row).toMatchObject({
			municipalityId: A.id,
			slug: 'ontharden-van-het-marktpleintje',
			status: 'planned',
			lat: 51.1617,
			lng: 4.9904,
			startsOn: '2026-09-01',
			publishedAt: null
		});
		const page = await admin.getActionForBackoffice(ctx, { unverifiedActionId: String(id) });
		expect(page.action.state).toBe('draft');
		expect(page.action.themeIds.sort()).toEqual(themeIds.slice(0, 2).sort());
		expect(page.action.lat).toBe('51,1617');
		const history = await historyOf(id);
		expect(history.map((h) => h.change)).toEqual(['created']);
		expect(history[0]!.actorName).toBe(ctx.actor!.displayName);
		const events = await database.db
			.select()
			.from(domainEvents)
			.where(eq(domainEvents.subjectId, String(id)));
		expect(events.map((e) => e.type)).toContain('action.created');
	});

	it('records edited fields with before and after, a status change and a theme change apart', async () => {
		const { id } = await admin.createAction(ctx, { ...valid, themeIds: [themeIds[0]!] });
		const result = await admin.changeAction(ctx, {
			...valid,
			unverifiedActionId: id,
			title: 'Pleintje wordt groen',
			ownerName: 'Buurtcomité',
			status: 'inProgress',
			themeIds: [themeIds[1]!]
		});
		expect(result.changed).toBe(true);
		const history = await historyOf(id);
		expect(history.map((h) => h.change)).toEqual(['created', 'edited', 'status_changed', 'themes_changed']);
		expect(history[1]!.details).toEqual({
			changes: {
				title: { before: valid.title, after: 'Pleintje wordt groen' },
				ownerName: { before: 'Dienst Omgeving', after: 'Buurtcomité' }
			}
		});
		expect(history[2]!.details).toEqual({ before: 'planned', after: 'inProgress' });
		expect((await actionRow(id)).slug).toBe('pleintje-wordt-groen');

		// Saving the same values again changes nothing and writes no history.
		const again = await admin.changeAction(ctx, {
			...valid,
			unverifiedActionId: id,
			title: 'Pleintje wordt groen',
			ownerName: 'Buurtcomité',
			status: 'inProgress',
			themeIds: [themeIds[1]!]
		});
		expect(again.changed).toBe(false);
		expect(await historyOf(id)).toHaveLength(4);

		const page = await admin.getActionHistory(ctx, { unverifiedActionId: id });
		expect(page.entries[0]!.label).toBe('Thema’s gewijzigd');
		expect(page.entries.at(-1)!.label).toBe('Aangemaakt');
		expect(page.entries.find((e) => e.label === 'Gewijzigd')!.details).toContain(
			`titel: ‘${valid.title}’ → ‘Pleintje wordt groen’`
		);
	});

	it('publishes, unpublishes and archives after confirmation, each recorded; publishing brings an archived action back', async () => {
		const { id } = await admin.createAction(ctx, valid);
		await refusal(admin.publishAction(ctx, { unverifiedActionId: id }), 'validation');
		expect((await actionRow(id)).publishedAt).toBeNull();

		await admin.publishAction(ctx, { unverifiedActionId: id, confirm: 'on' });
		expect((await actionRow(id)).publishedAt).not.toBeNull();
		await admin.publishAction(ctx, { unverifiedActionId: id, confirm: 'on' }); // already: nothing happens
		await admin.unpublishAction(ctx, { unverifiedActionId: id, confirm: 'on' });
		expect((await actionRow(id)).publishedAt).toBeNull();
		await admin.archiveAction(ctx, { unverifiedActionId: id, confirm: 'on' });
		expect((await actionRow(id)).archivedAt).not.toBeNull();
		await admin.publishAction(ctx, { unverifiedActionId: id, confirm: 'on' });
		const row = await actionRow(id);
		expect(row.archivedAt).toBeNull();
		expect(row.publishedAt).not.toBeNull();

		expect((await historyOf(id)).map((h) => h.change)).toEqual([
			'created',
			'published',
			'unpublished',
			'archived',
			'published'
		]);
	});

	it('stores HTML in a title as text and renders the Markdown preview through the sanitiser', async () => {
		const title = '<script>alert(1)</script><b>Vet</b>';
		const { id } = await admin.createAction(ctx, {
			...valid,
			title,
			body: 'Hallo <script>alert(2)</script> <img src=x onerror=alert(3)> [klik](javascript:alert(4))'
		});
		const page = await admin.getActionForBackoffice(ctx, { unverifiedActionId: id });
		expect(page.action.title).toBe(title);
		expect((await actionRow(id)).title).toBe(title);
		expect(page.action.bodyHtml).not.toMatch(/<script|<img|<[^>]*onerror|javascript:/i);
		expect(page.action.bodyHtml).toContain('&lt;script&gt;');
		const list = await admin.listActionsForBackoffice(ctx, { q: '<script>' });
		expect(list.items.map((i) => i.title)).toEqual([title]);

		// The back-office pages put the title on the page as text.
		const municipality = { slug: 'kasterlee', name: 'Kasterlee' };
		// With what the list's load adds to the use case's result: its names in the address, "select all".
		const { view } = listParams(new URL('https://meedoen.test/kasterlee/beheer/acties?zoek=%3Cscript%3E'), {
			q: 'zoek',
			status: 'status',
			theme: 'thema',
			state: 'publicatie',
			sort: 'sorteer',
			dir: 'richting',
			page: 'pagina'
		});
		const listHtml = render(ListPage, {
			props: { data: { municipality, list, ...view, done: null, count: 0 } as never }
		}).body;
		const history = await admin.getActionHistory(ctx, { unverifiedActionId: id });
		const historyHtml = render(HistoryPage, { props: { data: { municipality, history } as never } }).body;
		for (const html of [listHtml, historyHtml]) {
			expect(html).toContain('&lt;script>alert(1)&lt;/script>&lt;b>Vet&lt;/b>');
			expect(html).not.toContain('<script>alert');
			expect(html).not.toContain('<b>Vet');
		}
	});
});

describe('validation of the action form', () => {
	it('refuses 100,000 characters per field, beside each field, and stores nothing', async () => {
		const long = 'x'.repeat(100_000);
		const before = await database.db.$count(actions, eq(actions.municipalityId, A.id));
		const err = await refusal(
			admin.createAction(ctx, {
				...valid,
				title: long,
				summary: long,
				body: long,
				decided: long,
				ownerName: long,
				placeName: long,
				imageAlt: long
			}),
			'validation'
		);
		expect(err.options.fields).toEqual({
			title: ['actionsAdmin.errors.titleTooLong'],
			summary: ['actionsAdmin.errors.summaryTooLong'],
			body: ['actionsAdmin.errors.markdownTooLong'],
			decided: ['actionsAdmin.errors.markdownTooLong'],
			ownerName: ['actionsAdmin.errors.ownerNameTooLong'],
			placeName: ['actionsAdmin.errors.placeTooLong'],
			imageAlt: ['actionsAdmin.errors.imageAltTooLong']
		});
		expect(await database.db.$count(actions, eq(actions.municipalityId, A.id))).toBe(before);
		// Exactly at the limits is fine.
		await admin.createAction(ctx, { ...valid, title: 'x'.repeat(200), body: 'x'.repeat(50_000) });
	});

	it('requires a title, a known status and owner kind', async () => {
		const err = await refusal(
			admin.createAction(ctx, { ...valid, title: '   ', status: 'bijna', ownerKind: 'iemand' }),
			'validation'
		);
		expect(err.options.fields).toEqual({
			title: ['actionsAdmin.errors.titleRequired'],
			status: ['actionsAdmin.errors.status'],
			ownerKind: ['actionsAdmin.errors.ownerKind']
		});
	});

	it('refuses dates that do not exist and an end before the start', async () => {
		const err = await refusal(
			admin.createAction(ctx, { ...valid, startsOn: '2026-02-30', endsOn: 'morgen' }),
			'validation'
		);
		expect(err.options.fields).toEqual({
			startsOn: ['actionsAdmin.errors.date'],
			endsOn: ['actionsAdmin.errors.date']
		});
		const order = await refusal(
			admin.createAction(ctx, { ...valid, startsOn: '2026-10-01', endsOn: '2026-09-30' }),
			'validation'
		);
		expect(order.options.fields).toEqual({ endsOn: ['actionsAdmin.errors.endBeforeStart'] });
		const { id } = await admin.createAction(ctx, { ...valid, startsOn: '2026-10-01', endsOn: '2026-10-01' });
		expect((await actionRow(id)).endsOn).toBe('2026-10-01');
	});

	it('refuses a place in another municipality beside the latitude, with the same rule as suggestions', async () => {
		// Mol's centre is 9 km from Geel's: the old 12 km circle let it through.
		const err = await refusal(
			admin.createAction(ctx, { ...valid, lat: '51,1842', lng: '5,1153' }),
			'validation'
		);
		expect(err.options.fields).toEqual({ lat: ['actionsAdmin.errors.outsideMunicipality'] });
		const { id } = await admin.createAction(ctx, valid);
		const moved = await refusal(
			admin.changeAction(ctx, { ...valid, unverifiedActionId: String(id), lat: '51,1842', lng: '5,1153' }),
			'validation'
		);
		expect(moved.options.fields).toEqual({ lat: ['actionsAdmin.errors.outsideMunicipality'] });
		expect(await actionRow(id)).toMatchObject({ lat: 51.1617, lng: 4.9904 });
	});

	it('refuses coordinates outside Flanders, half a coordinate and what is not a number', async () => {
		for (const [lat, lng] of [
			['48,8566', '2,3522'], // Paris
			['4,9904', '51,1617'], // swapped
			['51,2', '7,1']
		]) {
			const err = await refusal(admin.createAction(ctx, { ...valid, lat, lng }), 'validation');
			expect(Object.values(err.options.fields ?? {}).flat()).toContain('actionsAdmin.errors.outsideFlanders');
		}
		const half = await refusal(admin.createAction(ctx, { ...valid, lat: '51,2', lng: '' }), 'validation');
		expect(half.options.fields).toEqual({ lng: ['actionsAdmin.errors.coordinatesBoth'] });
		const text = await refusal(admin.createAction(ctx, { ...valid, lat: 'noord', lng: '4' }), 'validation');
		expect(text.options.fields?.lat).toEqual(['actionsAdmin.errors.coordinate']);
		const { id } = await admin.createAction(ctx, { ...valid, lat: '', lng: '' });
		expect((await actionRow(id)).lat).toBeNull();
	});

	it('accepts up to ten https links, drops empty rows and marks a bad one beside its own field', async () => {
		const err = await refusal(
			admin.createAction(ctx, {
				...valid,
				links: [
					{ label: 'Plan', url: 'https://www.kasterlee.be/plan' },
					{ label: '', url: '' },
					{ label: 'Oud', url: 'http://example.be' },
					{ label: '', url: 'javascript:alert(1)' }
				]
			}),
			'validation'
		);
		expect(err.options.fields).toEqual({
			'links.1.url': ['actionsAdmin.errors.linkUrl'],
			'links.2.label': ['actionsAdmin.errors.linkLabelRequired'],
			'links.2.url': ['actionsAdmin.errors.linkUrl']
		});
		const eleven = Array.from({ length: 11 }, (_, i) => ({ label: `L${i}`, url: `https://ex.be/${i}` }));
		const many = await refusal(admin.createAction(ctx, { ...valid, links: eleven }), 'validation');
		expect(many.options.fields).toEqual({ links: ['actionsAdmin.errors.tooManyLinks'] });
		const { id } = await admin.createAction(ctx, {
			...valid,
			links: [
				{ label: ' Plan ', url: 'https://www.kasterlee.be/plan' },
				{ label: '', url: '' }
			]
		});
		expect((await actionRow(id)).links).toEqual([{ label: 'Plan', url: 'https://www.kasterlee.be/plan' }]);
	});

	it('refuses a theme of another municipality', async () => {
		const [themeOfB] = await listThemesForSettings(database.db, { municipalityId: B.id });
		const err = await refusal(admin.createAction(ctx, { ...valid, themeIds: [themeOfB!.id] }), 'validation');
		expect(err.options.fields).toEqual({ themeIds: ['actionsAdmin.errors.theme'] });
	});
});

describe('the image of an action', () => {
	it('requires alt text with an image, stores the image as a photo and requires alt text to keep it', async () => {
		const err = await refusal(
			admin.createAction(ctx, { ...valid, image: file(await noisePng()) }),
			'validation'
		);
		expect(err.options.fields).toEqual({ imageAlt: ['actionsAdmin.errors.imageAltRequired'] });

		const { id } = await admin.createAction(ctx, {
			...valid,
			imageAlt: 'Kinderen planten een boom',
			image: file(await noisePng(800, 600))
		});
		const row = await actionRow(id);
		expect(row.imageAlt).toBe('Kinderen planten een boom');
		const [photo] = await database.db.select().from(media).where(eq(media.id, row.imageId!));
		expect(photo).toMatchObject({
			kind: 'photo',
			municipalityId: A.id,
			contentType: 'image/jpeg',
			width: 800
		});

		const keep = await refusal(
			admin.changeAction(ctx, { ...valid, unverifiedActionId: id, imageAlt: '' }),
			'validation'
		);
		expect(keep.options.fields).toEqual({ imageAlt: ['actionsAdmin.errors.imageAltRequired'] });

		const served = await admin.getActionImage(ctx, { unverifiedActionId: id });
		expect(served.contentType).toBe('image/jpeg');
		await refusal(admin.getActionImage(ctxB, { unverifiedActionId: id }), 'not_found');

		await admin.changeAction(ctx, { ...valid, unverifiedActionId: id, imageAlt: '', removeImage: 'on' });
		const after = await actionRow(id);
		expect(after.imageId).toBeNull();
		expect(after.imageAlt).toBeNull();
		expect(await database.db.$count(media, eq(media.id, row.imageId!))).toBe(0);
		const history = await historyOf(id);
		expect(history.at(-1)!.details).toMatchObject({ changes: { image: { before: 'image', after: null } } });
	});

	it('refuses files that are no PNG, JPEG or WebP, or larger than 2 MB', async () => {
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
		const err = await refusal(
			admin.createAction(ctx, { ...valid, imageAlt: 'Iets', image: file(svg) }),
			'validation'
		);
		expect(err.options.fields).toEqual({ image: ['actionsAdmin.errors.imageType'] });
		const big = { size: 2 * 1024 * 1024 + 1, arrayBuffer: async () => new ArrayBuffer(2 * 1024 * 1024 + 1) };
		const tooBig = await refusal(
			admin.createAction(ctx, { ...valid, imageAlt: 'Iets', image: big }),
			'validation'
		);
		expect(tooBig.options.fields).toEqual({ image: ['actionsAdmin.errors.imageTooBig'] });
		// 1.5 MB is above the logo limit but within the photo limit.
		const large = await noisePng(720, 720);
		expect(large.length).toBeGreaterThan(1_400_000);
		const { id } = await admin.createAction(ctx, { ...valid, imageAlt: 'Groot', image: file(large) });
		expect((await actionRow(id)).imageId).not.toBeNull();
	});
	it('stores a photo upright, at most 1600 px, as JPEG without EXIF or GPS, and refuses a decompression bomb', async () => {
		const original = await jpegWithGps(2400, 1800);
		expect((await sharp(original).metadata()).exif).toBeDefined();
		const { id } = await admin.createAction(ctx, {
			...valid,
			imageAlt: 'Een bakfiets',
			image: file(new Uint8Array(original))
		});
		const served = await admin.getActionImage(ctx, { unverifiedActionId: id });
		const meta = await sharp(served.bytes).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
		expect(meta.exif).toBeUndefined();
		expect(Buffer.from(served.bytes).includes(Buffer.from('Exif\0\0'))).toBe(false);

		const bomb = await refusal(
			admin.createAction(ctx, { ...valid, imageAlt: 'Iets', image: file(new Uint8Array(pngBomb())) }),
			'validation'
		);
		expect(bomb.options.fields).toEqual({ image: ['actionsAdmin.errors.imageTooManyPixels'] });
	});
});

describe('updates', () => {
	it('writes a draft, publishes it with the action.update_published event, edits and unpublishes it', async () => {
		const { id } = await admin.createAction(ctx, valid);
		const draft = await updates.writeUpdate(ctx, {
			unverifiedActionId: id,
			title: 'De werf start',
			body: 'Maandag.'
		});
		expect(draft.published).toBe(false);
		const eventsOf = (updateId: number) =>
			database.db
				.select()
				.from(domainEvents)
				.where(
					and(eq(domainEvents.type, 'action.update_published'), eq(domainEvents.subjectId, String(updateId)))
				);
		expect(await eventsOf(draft.id)).toHaveLength(0);

		await updates.publishUpdate(ctx, { unverifiedActionId: id, unverifiedUpdateId: draft.id });
		await updates.publishUpdate(ctx, { unverifiedActionId: id, unverifiedUpdateId: draft.id }); // already public
		const events = await eventsOf(draft.id);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			municipalityId: A.id,
			actorId: ctx.actor!.userId,
			payload: { actionId: id, updateId: draft.id }
		});

		await updates.changeUpdate(ctx, {
			unverifiedActionId: id,
			unverifiedUpdateId: draft.id,
			title: 'De werf start maandag',
			body: 'Maandag.'
		});
		await updates.unpublishUpdate(ctx, { unverifiedActionId: id, unverifiedUpdateId: draft.id });
		const [row] = await database.db.select().from(actionUpdates).where(eq(actionUpdates.id, draft.id));
		expect(row).toMatchObject({ title: 'De werf start maandag', publishedAt: null });

		const direct = await updates.writeUpdate(ctx, { unverifiedActionId: id, title: 'Meteen', publish: 'on' });
		expect(await eventsOf(direct.id)).toHaveLength(1);
		expect((await historyOf(id)).map((h) => h.change)).toEqual([
			'created',
			'update_added',
			'update_published',
			'update_edited',
			'update_unpublished',
			'update_added',
			'update_published'
		]);
	});

	it('publishes an update and writes its event in one transaction: when the event fails, the update stays a draft', async () => {
		const { id } = await admin.createAction(ctx, valid);
		const draft = await updates.writeUpdate(ctx, { unverifiedActionId: id, title: 'Mislukt' });
		await database.db.execute(
			sql.raw(`CREATE FUNCTION meedoen_test_refuse_event() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN RAISE EXCEPTION 'event refused for the test'; END $$`)
		);
		await database.db.execute(
			sql.raw(`CREATE TRIGGER meedoen_test_refuse_event BEFORE INSERT ON domain_events FOR EACH ROW
				WHEN (NEW.type = 'action.update_published' AND NEW.subject_id = '${draft.id}')
				EXECUTE FUNCTION meedoen_test_refuse_event()`)
		);
		try {
			await expect(
				updates.publishUpdate(ctx, { unverifiedActionId: id, unverifiedUpdateId: draft.id })
			).rejects.toThrow();
		} finally {
			await database.db.execute(sql.raw(`DROP TRIGGER meedoen_test_refuse_event ON domain_events`));
			await database.db.execute(sql.raw(`DROP FUNCTION meedoen_test_refuse_event()`));
		}
		const [row] = await database.db.select().from(actionUpdates).where(eq(actionUpdates.id, draft.id));
		expect(row!.publishedAt).toBeNull();
		expect((await historyOf(id)).map((h) => h.change)).toEqual(['created', 'update_added']);
	});
});

describe('the list and bulk changes', () => {
	it('searches titles, filters by status, theme and publication, sorts and pages, and shows no other municipality', async () => {
		const tag = `Zoekproef${Date.now()}`;
		const made: number[] = [];
		for (const [i, status] of (['idea', 'done', 'planned'] as const).entries()) {
			const { id } = await admin.createAction(ctx, {
				...valid,
				title: `${tag} ${String.fromCharCode(67 - i)}`,
				status,
				themeIds: i === 0 ? [themeIds[3]!] : []
			});
			made.push(id);
		}
		await admin.publishAction(ctx, { unverifiedActionId: made[1], confirm: 'on' });
		await admin.createAction(ctxB, { ...validWesterlo, title: `${tag} van Westerlo` });

		const all = await admin.listActionsForBackoffice(ctx, {
			q: tag.toLowerCase(),
			sort: 'title',
			dir: 'asc'
		});
		expect(all.items.map((i) => i.title)).toEqual([`${tag} A`, `${tag} B`, `${tag} C`]);
		expect(all.total).toBe(3);
		const byStatus = await admin.listActionsForBackoffice(ctx, { q: tag, sort: 'status', dir: 'asc' });
		expect(byStatus.items.map((i) => i.status)).toEqual(['idea', 'planned', 'done']);
		expect((await admin.listActionsForBackoffice(ctx, { q: tag, status: 'done' })).items).toHaveLength(1);
		const published = await admin.listActionsForBackoffice(ctx, { q: tag, state: 'published' });
		expect(published.items.map((i) => i.id)).toEqual([made[1]]);
		expect((await admin.listActionsForBackoffice(ctx, { q: tag, state: 'draft' })).total).toBe(2);
		const themed = await admin.listActionsForBackoffice(ctx, { q: tag, theme: themeIds[3] });
		expect(themed.items.map((i) => i.id)).toEqual([made[0]]);
		expect(themed.items[0]!.themeNames).toHaveLength(1);
		// Nonsense filters fall back instead of failing; a page past the end is empty with the right total.
		const odd = await admin.listActionsForBackoffice(ctx, { q: tag, status: 'x', sort: 'y', page: '999' });
		expect(odd.items).toEqual([]);
		expect(odd.total).toBe(3);
		expect(odd.filters).toMatchObject({ status: undefined, sort: 'updated', page: 999 });
		// `%` is a letter in a search, not a wildcard.
		expect((await admin.listActionsForBackoffice(ctx, { q: '%' })).items).toEqual([]);
	});

	it('changes status in bulk with one history row each; ids of another municipality are not found and untouched', async () => {
		const mine = [
			(await admin.createAction(ctx, { ...valid, status: 'idea' })).id,
			(await admin.createAction(ctx, { ...valid, status: 'done' })).id
		];
		const theirs = (await admin.createAction(ctxB, { ...validWesterlo, status: 'idea' })).id;
		const ids = [...mine, theirs].map(String);

		const preview = await admin.previewBulkChange(ctx, { ids, operation: 'status:done' });
		expect(preview.items.map((i) => i.id).sort()).toEqual([...mine].sort());
		const result = await admin.changeActionsInBulk(ctx, { ids, operation: 'status:done' });
		expect(result.changed).toBe(1);
		expect((await actionRow(mine[0]!)).status).toBe('done');
		expect((await actionRow(theirs)).status).toBe('idea');
		expect((await historyOf(mine[0]!)).map((h) => h.change)).toEqual(['created', 'status_changed']);
		expect((await historyOf(mine[1]!)).map((h) => h.change)).toEqual(['created']);
		expect((await historyOf(theirs)).map((h) => h.change)).toEqual(['created']);

		await admin.changeActionsInBulk(ctx, { ids, operation: 'publish' });
		expect((await actionRow(theirs)).publishedAt).toBeNull();
		expect((await actionRow(mine[1]!)).publishedAt).not.toBeNull();
		await admin.changeActionsInBulk(ctx, { ids, operation: 'archive' });
		expect((await actionRow(theirs)).archivedAt).toBeNull();
		expect((await historyOf(mine[1]!)).map((h) => h.change)).toEqual(['created', 'published', 'archived']);

		// Only the other municipality's ids: nothing is found, nothing changes.
		const none = await refusal(
			admin.changeActionsInBulk(ctx, { ids: [String(theirs)], operation: 'unpublish' }),
			'validation'
		);
		expect(none.messageKey).toBe('actionsAdmin.bulk.nothingSelected');
		const bad = await refusal(
			admin.changeActionsInBulk(ctx, { ids, operation: 'status:gedaan' }),
			'validation'
		);
		expect(bad.options.fields).toEqual({ operation: ['actionsAdmin.bulk.operationRequired'] });
	});

	it('finds no action of another municipality by id, for reading or changing', async () => {
		const theirs = (await admin.createAction(ctxB, validWesterlo)).id;
		await refusal(admin.getActionForBackoffice(ctx, { unverifiedActionId: theirs }), 'not_found');
		await refusal(admin.getActionHistory(ctx, { unverifiedActionId: theirs }), 'not_found');
		await refusal(admin.changeAction(ctx, { ...valid, unverifiedActionId: theirs }), 'not_found');
		await refusal(admin.publishAction(ctx, { unverifiedActionId: theirs, confirm: 'on' }), 'not_found');
		await refusal(
			opportunitiesAdmin.addOpportunity(ctx, { unverifiedActionId: theirs, title: 'X', kind: 'vote' }),
			'not_found'
		);
		await refusal(updates.writeUpdate(ctx, { unverifiedActionId: theirs, title: 'X' }), 'not_found');
		await refusal(admin.getActionForBackoffice(ctx, { unverifiedActionId: 'abc' }), 'not_found');
		expect((await actionRow(theirs)).publishedAt).toBeNull();
		expect(await historyOf(theirs)).toHaveLength(1);
	});
});

describe('who may do what', () => {
	it('lets communication, moderators and admins manage; aldermen and experts only read; others nothing', async () => {
		// All calls start at once and are checked one by one: mark them handled so a refusal that comes
		// before its check is not reported as an unhandled rejection.
		const handled = (p: Promise<unknown>): Promise<unknown> => {
			p.catch(() => {});
			return p;
		};
		const { db } = database;
		const { id } = await admin.createAction(ctx, valid);
		const op = await opportunitiesAdmin.addOpportunity(ctx, {
			unverifiedActionId: id,
			title: 'Kans',
			kind: 'vote'
		});
		const upd = await updates.writeUpdate(ctx, { unverifiedActionId: id, title: 'Nieuws' });

		const writes = (c: Ctx) =>
			[
				admin.getNewActionForm(c),
				admin.createAction(c, valid),
				admin.changeAction(c, { ...valid, unverifiedActionId: id, title: 'Gekaapt' }),
				admin.publishAction(c, { unverifiedActionId: id, confirm: 'on' }),
				admin.unpublishAction(c, { unverifiedActionId: id, confirm: 'on' }),
				admin.archiveAction(c, { unverifiedActionId: id, confirm: 'on' }),
				admin.previewBulkChange(c, { ids: [String(id)], operation: 'archive' }),
				admin.changeActionsInBulk(c, { ids: [String(id)], operation: 'archive' }),
				opportunitiesAdmin.addOpportunity(c, { unverifiedActionId: id, title: 'X', kind: 'vote' }),
				opportunitiesAdmin.getOpportunityForBackoffice(c, {
					unverifiedActionId: id,
					unverifiedOpportunityId: op.id
				}),
				opportunitiesAdmin.changeOpportunity(c, {
					unverifiedActionId: id,
					unverifiedOpportunityId: op.id,
					title: 'X',
					kind: 'vote'
				}),
				opportunitiesAdmin.moveOpportunity(c, {
					unverifiedActionId: id,
					unverifiedOpportunityId: op.id,
					direction: 'up'
				}),
				opportunitiesAdmin.removeOpportunity(c, {
					unverifiedActionId: id,
					unverifiedOpportunityId: op.id,
					confirm: 'on'
				}),
				updates.writeUpdate(c, { unverifiedActionId: id, title: 'X' }),
				updates.getUpdateForBackoffice(c, { unverifiedActionId: id, unverifiedUpdateId: upd.id }),
				updates.changeUpdate(c, { unverifiedActionId: id, unverifiedUpdateId: upd.id, title: 'X' }),
				updates.publishUpdate(c, { unverifiedActionId: id, unverifiedUpdateId: upd.id }),
				updates.unpublishUpdate(c, { unverifiedActionId: id, unverifiedUpdateId: upd.id })
			].map(handled);
		const reads = (c: Ctx) =>
			[
				admin.listActionsForBackoffice(c, {}),
				admin.getActionForBackoffice(c, { unverifiedActionId: id }),
				admin.getActionHistory(c, { unverifiedActionId: id })
			].map(handled);

		const alderman = ctxAs(db, A, (await buildStaff(db, A, 'alderman')).actor);
		const expertUser = await buildUser(db);
		// A participation expert who coaches A reads its actions and changes none (they prepare events).
		await coachMunicipality(
			db,
			await grantRegionRole(db, await regionIdOf(db, A), expertUser.id, 'participation_expert'),
			A
		);
		const expert = ctxAs(db, A, await actorOf(db, expertUser));
		for (const c of [alderman, expert]) {
			const page = await admin.getActionForBackoffice(c, { unverifiedActionId: id });
			expect(page.canManage).toBe(false);
			for (const read of reads(c)) await read;
			for (const write of writes(c)) await refusal(write, 'forbidden');
		}

		const citizen = ctxAs(db, A, await actorOf(db, await buildUser(db)));
		const staffOfB = ctxAs(db, A, (await buildStaff(db, B, 'admin')).actor);
		for (const c of [citizen, staffOfB]) {
			for (const call of [...reads(c), ...writes(c)]) await refusal(call, 'forbidden');
		}
		const visitor = ctxAs(db, A);
		for (const call of [...reads(visitor), ...writes(visitor)]) await refusal(call, 'unauthenticated');

		// Nothing of the refused calls left a trace.
		const row = await actionRow(id);
		expect(row).toMatchObject({ title: valid.title, publishedAt: null, archivedAt: null });
		expect((await historyOf(id)).map((h) => h.change)).toEqual([
			'created',
			'opportunity_added',
			'update_added'
		]);

		for (const role of ['moderator', 'admin'] as const) {
			const c = ctxAs(db, A, (await buildStaff(db, A, role)).actor);
			const made = await admin.createAction(c, valid);
			await admin.publishAction(c, { unverifiedActionId: made.id, confirm: 'on' });
			expect((await admin.getActionForBackoffice(c, { unverifiedActionId: made.id })).canManage).toBe(true);
		}
	});
});

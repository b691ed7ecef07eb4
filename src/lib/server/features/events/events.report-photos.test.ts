// The photos of an event's report against a real database, through the routes as SvelteKit calls them: staff
// add photos with their alt text (stored re-encoded, without EXIF or GPS, per sharp's own reading of the bytes
// served), in the order added; a draft report's photos are not public (not on the page, not at /media/{id});
// published, the event page and the action page show them; hostile files and a missing alt text are refused
// beside the field with what was typed kept and nothing saved lost; removal asks for a confirmation; staff of
// another municipality, a citizen and the alderman are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { and, eq, like } from 'drizzle-orm';
import { auditLog, eventReportPhotos, events, media } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	buildEvent,
	buildStaff,
	buildSuggestionOpportunity,
	buildUser,
	getTenant
} from '$lib/server/testing/factories';
import { buildCtx, ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { jpegWithGps, pngBomb } from '$lib/server/testing/images';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { getEvent } from './events.service';
import { listReportsOf } from './events.browse.service';
import {
	getReportForm,
	getReportPhotoForStaff,
	previewRemoveReportPhoto,
	removeReportPhoto,
	saveReport
} from './events.report.service';
import { REPORT_PHOTOS_MAX } from './events.admin.schemas';
import { insertReportPhoto } from './events.report.queries';
import * as reportPage from '../../../../routes/[municipality=slug]/beheer/activiteiten/[activiteit=id]/verslag/+page.server';
import * as removePage from '../../../../routes/[municipality=slug]/beheer/activiteiten/[activiteit=id]/verslag/foto/[foto=uuid]/verwijderen/+page.server';
import * as mediaRoute from '../../../../routes/media/[id=uuid]/+server';

const HOUR = 3_600_000;
const origin = 'https://meedoen.test';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let staff: Actor;
let molStaff: Actor;
let ctx: Ctx;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	staff = (await buildStaff(database.db, geel, 'moderator')).actor;
	molStaff = (await buildStaff(database.db, mol, 'admin')).actor;
	ctx = ctxAs(database.db, geel, staff, []);
});

afterAll(async () => {
	await database?.destroy();
});

async function pastEvent() {
	return buildEvent(database.db, geel, {
		startsAt: new Date(Date.now() - 48 * HOUR),
		title: `Plantdag ${Math.random().toString(36).slice(2, 7)}`
	});
}

function requestOf(
	path: string,
	params: Record<string, string>,
	init?: RequestInit,
	actor: Actor | null = staff
) {
	const url = new URL(path, origin);
	return {
		url,
		request: new Request(url, init),
		locals: {
			requestId: 'test',
			locale: 'nl',
			municipality: { tenant: geel },
			ctx: buildCtx(database.db, geel, { actor: actor ?? undefined, outbox: [] }),
			session: null
		},
		params: { municipality: 'geel', ...params },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
}

/** Posts the report form as a browser does (multipart), with a photo and its alt text. */
async function postReport(
	eventId: number,
	fields: Record<string, string>,
	photo?: { bytes: Uint8Array; name: string; type: string }
) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.append(name, value);
	if (photo)
		body.append(
			'photo',
			new File([photo.bytes as Uint8Array<ArrayBuffer>], photo.name, { type: photo.type })
		);
	const event = requestOf(
		`/geel/beheer/activiteiten/${eventId}/verslag`,
		{ activiteit: String(eventId) },
		{ method: 'POST', body }
	);
	try {
		return { failure: await (reportPage.actions.default as (e: RequestEvent) => Promise<unknown>)(event) };
	} catch (err) {
		if (isRedirect(err)) return { redirect: err.location };
		throw err;
	}
}

/** What /media/{id} answers a visitor: the bytes, or the status of the page it throws. */
async function served(id: string): Promise<{ status: number; bytes?: Buffer; cache?: string | null }> {
	try {
		const response = await mediaRoute.GET(requestOf(`/media/${id}`, { id }, undefined, null) as never);
		return {
			status: response.status,
			bytes: Buffer.from(await response.arrayBuffer()),
			cache: response.headers.get('cache-control')
		};
	} catch (err) {
		if (isHttpError(err)) return { status: err.status };
		throw err;
	}
}

async function photoRows(eventId: number) {
	return database.db
		.select({ id: media.id, alt: media.alt, bytes: media.bytes, position: eventReportPhotos.position })
		.from(eventReportPhotos)
		.innerJoin(media, eq(media.id, eventReportPhotos.mediaId))
		.where(eq(eventReportPhotos.eventId, eventId))
		.orderBy(eventReportPhotos.position);
}

/** The GPS IFD pointer (tag 0x8825), in either byte order. */
const gpsTag = (b: Buffer) => b.includes(Buffer.from([0x88, 0x25])) || b.includes(Buffer.from([0x25, 0x88]));

describe('photos in a report', () => {
	it('adds photos with their alt text in order, without EXIF or GPS, public only once the report is published', async () => {
		const event = await pastEvent();
		const original = await jpegWithGps(2400, 1800);
		expect(gpsTag((await sharp(original).metadata()).exif!)).toBe(true);

		const first = await postReport(
			event.id,
			{
				report: 'We plantten 40 hagen.',
				attendance: '18',
				intent: 'draft',
				photoAlt: 'Buren planten een haag'
			},
			{ bytes: original, name: 'IMG_0001.JPG', type: 'image/jpeg' }
		);
		expect(first.redirect).toBe(`/geel/beheer/activiteiten/${event.id}/verslag?gelukt=bewaard`);
		const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } })
			.png()
			.toBuffer();
		await postReport(
			event.id,
			{
				report: 'We plantten 40 hagen.',
				attendance: '18',
				intent: 'draft',
				photoAlt: 'De container vol tegels'
			},
			{ bytes: png, name: 'tegels.png', type: 'image/png' }
		);

		const rows = await photoRows(event.id);
		expect(rows.map((r) => [r.alt, r.position])).toEqual([
			['Buren planten een haag', 1],
			['De container vol tegels', 2]
		]);
		// Stored: JPEG at most 1600 px, with no EXIF block, no GPS and no trace of the camera, as sharp reads it.
		const stored = rows[0]!.bytes;
		const meta = await sharp(stored).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1200 });
		expect(meta.exif).toBeUndefined();
		expect(meta.xmp).toBeUndefined();
		expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
		expect(stored.includes(Buffer.from('Testmodel'))).toBe(false);
		expect(gpsTag(stored.subarray(0, 200))).toBe(false);

		// The form lists them in order for staff, each from the back office's own address.
		const form = await getReportForm(ctx, { unverifiedEventId: String(event.id) });
		expect(form.photos.map((p) => p.alt)).toEqual(['Buren planten een haag', 'De container vol tegels']);
		expect(form.photos[0]!.src).toBe(`/geel/beheer/activiteiten/${event.id}/verslag/foto/${rows[0]!.id}`);
		const forStaff = await getReportPhotoForStaff(ctx, {
			unverifiedEventId: String(event.id),
			unverifiedPhotoId: rows[0]!.id
		});
		expect(forStaff.bytes.equals(stored)).toBe(true);

		// A draft report: nothing on the page, and its photo's public address is not found.
		const visitor = buildCtx(database.db, geel);
		expect((await getEvent(visitor, { id: event.id })).reportPhotos).toEqual([]);
		for (const row of rows) expect((await served(row.id)).status).toBe(404);

		await postReport(event.id, { report: 'We plantten 40 hagen.', attendance: '18', intent: 'publish' });
		const page = await getEvent(visitor, { id: event.id });
		expect(page.reportPhotos).toEqual([
			{ src: `/media/${rows[0]!.id}`, alt: 'Buren planten een haag', width: 1600, height: 1200 },
			{ src: `/media/${rows[1]!.id}`, alt: 'De container vol tegels', width: 300, height: 200 }
		]);
		// What a visitor's browser receives: the stripped JPEG, per sharp's reading of the response itself.
		const response = await served(rows[0]!.id);
		expect(response).toMatchObject({ status: 200, cache: 'public, max-age=3600' });
		const servedMeta = await sharp(response.bytes!).metadata();
		expect(servedMeta.format).toBe('jpeg');
		expect(servedMeta.exif).toBeUndefined();
		expect(gpsTag(response.bytes!.subarray(0, 200))).toBe(false);
	});

	it('shows the photos of the reports small on the action page', async () => {
		const map = await buildSuggestionOpportunity(database.db, geel, { title: 'Samen planten' });
		const event = await buildEvent(database.db, geel, {
			actionId: map.action.id,
			startsAt: new Date(Date.now() - 72 * HOUR)
		});
		await postReport(
			event.id,
			{ report: 'Verslag', intent: 'publish', photoAlt: 'Kinderen met gieters' },
			{ bytes: await jpegWithGps(640, 480), name: 'a.jpg', type: 'image/jpeg' }
		);
		const reports = await listReportsOf(buildCtx(database.db, geel), { actionId: map.action.id });
		expect(reports.map((r) => [r.id, r.reportPhotos.map((p) => p.alt)])).toEqual([
			[event.id, ['Kinderen met gieters']]
		]);
	});
});

describe('bad input', () => {
	it('refuses each hostile file beside the field, keeps what was typed and loses nothing saved', async () => {
		const event = await pastEvent();
		await saveReport(ctx, {
			unverifiedEventId: String(event.id),
			report: 'Bewaard verslag',
			attendance: '5',
			intent: 'draft',
			photoAlt: 'Eerste foto',
			photo: new Blob([new Uint8Array(await jpegWithGps(200, 150))]),
			origin
		});
		const text = new TextEncoder().encode('Dit is een tekstbestand met een andere naam.');
		const tooBig = new Uint8Array(10 * 1024 * 1024 + 1);
		tooBig.set([0xff, 0xd8, 0xff]);
		const cases: [string, { bytes: Uint8Array; name: string; type: string }, string][] = [
			[
				'a text file renamed .jpg',
				{ bytes: text, name: 'foto.jpg', type: 'image/jpeg' },
				'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.'
			],
			[
				'a PDF',
				{ bytes: new TextEncoder().encode('%PDF-1.7\n'), name: 'verslag.pdf', type: 'application/pdf' },
				'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.'
			],
			[
				'more than 10 MB',
				{ bytes: tooBig, name: 'groot.jpg', type: 'image/jpeg' },
				'De foto is te groot: hoogstens 10 MB.'
			],
			[
				'a decompression bomb',
				{ bytes: pngBomb(), name: 'bom.png', type: 'image/png' },
				'Deze foto heeft te veel pixels (meer dan 50 megapixel). Verklein ze of kies een andere foto.'
			],
			[
				'a broken JPEG',
				{
					bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]),
					name: 'kapot.jpg',
					type: 'image/jpeg'
				},
				'Deze foto kunnen we niet lezen. Probeer een andere foto.'
			]
		];
		for (const [, file, message] of cases) {
			const { failure } = await postReport(
				event.id,
				{
					report: 'Nieuwe tekst die niet verloren mag gaan',
					attendance: '9',
					intent: 'publish',
					photoAlt: 'Mijn beschrijving'
				},
				file
			);
			expect(isActionFailure(failure)).toBe(true);
			const data = failure as {
				status: number;
				data: { fields: Record<string, string[]>; values: Record<string, unknown> };
			};
			expect(data.status).toBe(422);
			expect(data.data.fields.photo).toEqual([message]);
			expect(data.data.values).toMatchObject({
				report: 'Nieuwe tekst die niet verloren mag gaan',
				attendance: '9',
				photoAlt: 'Mijn beschrijving'
			});
		}

		// A good photo without alt text, and a too long report at once: both marked, nothing written.
		const { failure } = await postReport(
			event.id,
			{ report: `x${'y'.repeat(50_000)}`, attendance: '9', intent: 'draft', photoAlt: '  ' },
			{ bytes: await jpegWithGps(300, 200), name: 'ok.jpg', type: 'image/jpeg' }
		);
		const data = (failure as { data: { fields: Record<string, string[]> } }).data;
		expect(data.fields.photoAlt).toEqual(['Beschrijf wat er op de foto staat, voor wie ze niet kan zien.']);
		expect(data.fields.report).toEqual(['Het verslag is te lang: hoogstens 50.000 tekens.']);

		// What was saved before is all still there, and nothing else.
		const [row] = await database.db.select().from(events).where(eq(events.id, event.id));
		expect(row).toMatchObject({ report: 'Bewaard verslag', reportAttendance: 5, reportPublishedAt: null });
		expect((await photoRows(event.id)).map((r) => r.alt)).toEqual(['Eerste foto']);
	});

	it('refuses a photo beyond the twelfth, and says so beside the field', async () => {
		const event = await pastEvent();
		const bytes = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00aa00' } })
			.jpeg()
			.toBuffer();
		for (let i = 1; i <= REPORT_PHOTOS_MAX; i++)
			await insertReportPhoto(database.db, {
				municipalityId: geel.id,
				eventId: event.id,
				contentType: 'image/jpeg',
				bytes,
				width: 20,
				height: 20,
				alt: `Foto ${i}`
			});
		expect((await getReportForm(ctx, { unverifiedEventId: String(event.id) })).canAddPhoto).toBe(false);
		const { failure } = await postReport(
			event.id,
			{ report: 'Verslag', intent: 'draft', photoAlt: 'De dertiende' },
			{ bytes, name: 'x.jpg', type: 'image/jpeg' }
		);
		expect((failure as { data: { fields: Record<string, string[]> } }).data.fields.photo).toEqual([
			'Een verslag heeft hoogstens 12 foto’s. Verwijder er eerst een.'
		]);
		expect(await photoRows(event.id)).toHaveLength(REPORT_PHOTOS_MAX);
	});
});

describe('removing a photo', () => {
	it('asks first, then removes it from the report and from /media, with an audit row', async () => {
		const event = await pastEvent();
		for (const alt of ['Eerste', 'Tweede'])
			await saveReport(ctx, {
				unverifiedEventId: String(event.id),
				report: 'Verslag',
				intent: 'publish',
				photoAlt: alt,
				photo: new Blob([new Uint8Array(await jpegWithGps(120, 90))]),
				origin
			});
		const [first, second] = await photoRows(event.id);
		expect((await served(first!.id)).status).toBe(200);

		// The confirmation page shows the photo and changes nothing.
		const params = { activiteit: String(event.id), foto: first!.id };
		const path = `/geel/beheer/activiteiten/${event.id}/verslag/foto/${first!.id}/verwijderen`;
		const shown = (await removePage.load(requestOf(path, params) as never)) as {
			preview: { photo: { alt: string } };
		};
		expect(shown.preview.photo.alt).toBe('Eerste');
		expect(await photoRows(event.id)).toHaveLength(2);

		try {
			await removePage.actions.default(
				requestOf(path, params, { method: 'POST', body: new FormData() }) as never
			);
			expect.unreachable('a removal redirects back to the report');
		} catch (err) {
			if (!isRedirect(err)) throw err;
			expect(err.location).toBe(`/geel/beheer/activiteiten/${event.id}/verslag?gelukt=foto-verwijderd`);
		}
		expect((await photoRows(event.id)).map((r) => r.alt)).toEqual(['Tweede']);
		expect((await served(first!.id)).status).toBe(404);
		expect((await served(second!.id)).status).toBe(200);
		const [audit] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.municipalityId, geel.id), like(auditLog.action, 'event.report_photo_removed')));
		expect(audit?.details).toMatchObject({ eventId: event.id, photoId: first!.id, alt: 'Eerste' });
		// Gone is gone: a second removal is not found.
		await refusal(
			removeReportPhoto(ctx, { unverifiedEventId: String(event.id), unverifiedPhotoId: first!.id }),
			'not_found'
		);
	});
});

describe('who may', () => {
	it('refuses staff of another municipality, a citizen and the alderman, changing nothing', async () => {
		const event = await pastEvent();
		await saveReport(ctx, {
			unverifiedEventId: String(event.id),
			report: 'Verslag',
			intent: 'draft',
			photoAlt: 'Van Geel',
			photo: new Blob([new Uint8Array(await jpegWithGps(120, 90))]),
			origin
		});
		const [photo] = await photoRows(event.id);
		const ids = { unverifiedEventId: String(event.id), unverifiedPhotoId: photo!.id };
		const add = {
			unverifiedEventId: String(event.id),
			report: 'Verslag',
			intent: 'draft',
			photoAlt: 'Van elders',
			photo: new Blob([new Uint8Array(await jpegWithGps(120, 90))]),
			origin
		};
		// In Mol's back office the Geel event and its photo do not exist.
		const inMol = ctxAs(database.db, mol, molStaff, []);
		// Each attempt starts only when the one before has been refused (none is left to reject unawaited).
		const attempts = (who: Ctx) => [
			() => saveReport(who, add),
			() => getReportPhotoForStaff(who, ids),
			() => previewRemoveReportPhoto(who, ids),
			() => removeReportPhoto(who, ids)
		];
		for (const attempt of attempts(inMol)) await refusal(attempt(), 'not_found');
		// In Geel's, Mol's staff, a citizen and the alderman are refused before anything is read.
		const citizen = (await buildUser(database.db)).id;
		const alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
		for (const who of [
			ctxAs(database.db, geel, molStaff, []),
			ctxAs(
				database.db,
				geel,
				{ userId: citizen, displayName: 'Inwoner', memberships: [], regionRoles: [] },
				[]
			),
			ctxAs(database.db, geel, alderman, [])
		])
			for (const attempt of attempts(who)) await refusal(attempt(), 'forbidden');
		expect((await photoRows(event.id)).map((r) => r.alt)).toEqual(['Van Geel']);
		// And a photo of another event of Geel is not found through this event's address.
		const other = await pastEvent();
		await refusal(
			getReportPhotoForStaff(ctx, { unverifiedEventId: String(other.id), unverifiedPhotoId: photo!.id }),
			'not_found'
		);
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { media, municipalities, themes } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { getTenant, buildStaff, buildUser } from '$lib/server/testing/factories';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { follow, listFollowers } from '$lib/server/platform/subscriptions';
import { listThemes as listPublicThemes } from '$lib/server/features/themes/themes.queries';
import {
	addTheme,
	changeTheme,
	deleteTheme,
	getBrandingSettings,
	getLogo,
	getPublicStatement,
	getStatementSettings,
	getTheme,
	listThemes,
	moveTheme,
	removeBoundary,
	removeLogo,
	setThemeActive,
	updateBranding,
	updateStatement,
	uploadBoundary,
	uploadLogo
} from './settings.service';
import { placeVerdict } from '$lib/server/platform/geo/area';
import {
	deleteLogos,
	deleteOwnTheme,
	getMunicipalitySettings,
	getThemeForSettings,
	insertLogo,
	listThemesForSettings,
	updateTheme
} from './settings.queries';
import { carriesReadableText } from './settings.schemas';
import { inspectLogo } from './settings.logo';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { ctxAs } from '$lib/server/testing/context';
import { pngBytes } from '$lib/server/testing/images';

let database: TestDatabase;
let A: Tenant;
let B: Tenant;
let ctx: Ctx;

beforeAll(async () => {
	database = await createTestDatabase();
	A = await getTenant(database.db, 'kasterlee');
	B = await getTenant(database.db, 'westerlo');
	ctx = ctxAs(database.db, A, (await buildStaff(database.db, A, 'admin')).actor);
});
afterAll(async () => {
	await database?.destroy();
});

const branding = {
	primaryColor: '#1b5e20',
	accentColor: '#ffca28',
	websiteUrl: 'https://www.kasterlee.be',
	intro: 'Welkom'
};

describe('branding', () => {
	it('refuses a primary or accent colour on which neither black nor white text reaches 4.5:1', async () => {
		expect(carriesReadableText('#777777')).toBe(false);
		expect(carriesReadableText('#1f5f3f')).toBe(true);
		expect(carriesReadableText('#ffff00')).toBe(true);
		const err = await refusal(
			updateBranding(ctx, { ...branding, primaryColor: '#777777', accentColor: '#787878' }),
			'validation'
		);
		expect(err.options.fields).toEqual({
			primaryColor: ['backoffice.settings.colorContrast'],
			accentColor: ['backoffice.settings.colorContrast']
		});
		const row = await getMunicipalitySettings(database.db, { municipalityId: A.id });
		expect(row?.primaryColor).not.toBe('#777777');
	});

	it('refuses what is not a colour code, a website that is not https and texts that are too long, per field', async () => {
		for (const primaryColor of ['red', '#12345', '#1234567', '#gggggg', '', 'x'.repeat(100_000)]) {
			const err = await refusal(updateBranding(ctx, { ...branding, primaryColor }), 'validation');
			expect(err.options.fields).toEqual({ primaryColor: ['backoffice.settings.colorFormat'] });
		}
		for (const websiteUrl of [
			'http://www.kasterlee.be',
			'javascript:alert(1)',
			'www.kasterlee.be',
			'https://user:pw@x.be',
			'https://localhost'
		]) {
			const err = await refusal(updateBranding(ctx, { ...branding, websiteUrl }), 'validation');
			expect(err.options.fields).toEqual({ websiteUrl: ['backoffice.settings.websiteHttps'] });
		}
		const long = await refusal(
			updateBranding(ctx, {
				...branding,
				intro: 'x'.repeat(100_000),
				websiteUrl: 'https://' + 'a'.repeat(600) + '.be'
			}),
			'validation'
		);
		expect(long.options.fields).toEqual({
			intro: ['backoffice.settings.introTooLong'],
			websiteUrl: ['backoffice.settings.websiteTooLong']
		});
	});

	it('saves colours (normalised), website and intro with markup kept as text, and audits what changed', async () => {
		await updateBranding(ctx, {
			primaryColor: ' #1B5E20 ',
			accentColor: '#FFCA28',
			websiteUrl: 'https://www.kasterlee.be/',
			intro: '<script>alert("x")</script> Welkom'
		});
		const view = await getBrandingSettings(ctx);
		expect(view.branding).toMatchObject({
			primaryColor: '#1b5e20',
			primaryText: '#ffffff',
			accentColor: '#ffca28',
			accentText: '#111111',
			websiteUrl: 'https://www.kasterlee.be/',
			intro: '<script>alert("x")</script> Welkom',
			hasOwnLogo: false,
			logoUrl: '/kasterlee/logo.svg'
		});
		const audit = (await auditOf(database.db, A.id)).at(-1);
		expect(audit).toMatchObject({
			action: 'settings.branding_updated',
			actorId: ctx.actor!.userId,
			details: { changed: expect.arrayContaining(['primaryColor', 'accentColor', 'websiteUrl', 'intro']) }
		});
		const count = (await auditOf(database.db, A.id)).length;
		await updateBranding(ctx, {
			primaryColor: '#1b5e20',
			accentColor: '#ffca28',
			websiteUrl: 'https://www.kasterlee.be/',
			intro: '<script>alert("x")</script> Welkom'
		});
		expect((await auditOf(database.db, A.id)).length).toBe(count);
		await updateBranding(ctx, { ...branding, websiteUrl: '', intro: '   ' });
		expect((await getBrandingSettings(ctx)).branding).toMatchObject({ websiteUrl: null, intro: null });
	});
});

describe('logo', () => {
	const svg = (body: string) =>
		new TextEncoder().encode(
			`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>`
		);

	it('recognises PNG, JPEG, WebP and clean SVG by their bytes, and refuses the rest', () => {
		expect(inspectLogo(pngBytes(200, 100))).toEqual({
			ok: true,
			contentType: 'image/png',
			width: 200,
			height: 100
		});
		const jpeg = new Uint8Array([
			0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 50, 0, 80, 1, 1, 0x11, 0, 0, 0
		]);
		expect(inspectLogo(jpeg)).toEqual({ ok: true, contentType: 'image/jpeg', width: 80, height: 50 });
		const webp = new Uint8Array(30);
		webp.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8X'));
		webp.set([99, 0, 0, 49, 0, 0], 24);
		expect(inspectLogo(webp)).toEqual({ ok: true, contentType: 'image/webp', width: 100, height: 50 });
		expect(inspectLogo(svg('<circle cx="5" cy="5" r="4" fill="url(#g)"/><use href="#a"/>'))).toMatchObject({
			ok: true,
			contentType: 'image/svg+xml'
		});

		expect(inspectLogo(new TextEncoder().encode('GIF89a......'))).toEqual({
			ok: false,
			error: 'backoffice.settings.logoType'
		});
		expect(inspectLogo(new TextEncoder().encode('<html><script>alert(1)</script></html>'))).toEqual({
			ok: false,
			error: 'backoffice.settings.logoType'
		});
		expect(inspectLogo(pngBytes(5000, 10))).toEqual({ ok: false, error: 'backoffice.settings.logoTooLarge' });
		expect(inspectLogo(pngBytes(0, 10))).toEqual({ ok: false, error: 'backoffice.settings.logoUnreadable' });
		for (const body of [
			'<script>alert(1)</script>',
			'<svg:script>alert(1)</svg:script>',
			'<foreignObject><body/></foreignObject>',
			'<rect onload="alert(1)"/>',
			'<a href="javascript:alert(1)"><rect/></a>',
			'<image href="https://tracker.example/x.png"/>',
			'<use xlink:href = "other.svg#a"/>',
			'<style>@import url(https://x.example/a.css)</style>',
			'<rect style="fill:url(https://x.example/p)"/>',
			'<set attributeName="href" to="javascript:alert(1)"/>',
			'<iframe src="x"/>'
		]) {
			expect(inspectLogo(svg(body)), body).toEqual({ ok: false, error: 'backoffice.settings.logoSvgUnsafe' });
		}
		expect(
			inspectLogo(new TextEncoder().encode('<!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>'))
		).toMatchObject({ ok: false });
	});

	it('stores an upload in the media table, serves it by id, replaces the earlier one and audits both', async () => {
		await uploadLogo(ctx, { file: new Blob([pngBytes()]) });
		const first = (await getBrandingSettings(ctx)).branding;
		expect(first.hasOwnLogo).toBe(true);
		expect(first.logoUrl).toMatch(/^\/media\/[0-9a-f-]{36}$/);
		const firstId = first.logoUrl.split('/').pop()!;
		const served = await getLogo(ctx, { unverifiedId: firstId });
		expect(served.contentType).toBe('image/png');
		expect([...served.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

		await uploadLogo(ctx, { file: new Blob([svg('<rect width="10" height="10" fill="#1b5e20"/>')]) });
		const second = (await getBrandingSettings(ctx)).branding.logoUrl.split('/').pop()!;
		expect((await getLogo(ctx, { unverifiedId: second })).contentType).toBe('image/svg+xml');
		await refusal(getLogo(ctx, { unverifiedId: firstId }), 'not_found');
		expect(
			await database.db.select({ id: media.id }).from(media).where(eq(media.municipalityId, A.id))
		).toHaveLength(1);
		const actions = (await auditOf(database.db, A.id)).map((a) => a.action);
		expect(actions.filter((a) => a === 'settings.logo_uploaded')).toHaveLength(2);
	});

	it('refuses a missing file, one over 1 MB, a disguised one and an unsafe SVG, per field, storing nothing', async () => {
		const before = await database.db.select({ id: media.id }).from(media);
		const cases: [Blob | null, string][] = [
			[null, 'backoffice.settings.logoMissing'],
			[new Blob([]), 'backoffice.settings.logoMissing'],
			[new Blob([pngBytes(), new Uint8Array(1024 * 1024)]), 'backoffice.settings.logoTooBig'],
			[new Blob(['<?php echo 1; ?>'], { type: 'image/png' }), 'backoffice.settings.logoType'],
			[new Blob([svg('<script>alert(1)</script>')]), 'backoffice.settings.logoSvgUnsafe']
		];
		for (const [file, key] of cases) {
			const err = await refusal(uploadLogo(ctx, { file }), 'validation');
			expect(err.options.fields).toEqual({ logo: [key] });
		}
		expect(await database.db.select({ id: media.id }).from(media)).toEqual(before);
		await refusal(getLogo(ctx, { unverifiedId: '../../etc/passwd' }), 'not_found');
	});

	it('goes back to the emblem only when confirmed', async () => {
		const err = await refusal(removeLogo(ctx, {}), 'validation');
		expect(err.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		expect((await getBrandingSettings(ctx)).branding.hasOwnLogo).toBe(true);
		await removeLogo(ctx, { confirm: 'on' });
		expect((await getBrandingSettings(ctx)).branding).toMatchObject({
			hasOwnLogo: false,
			logoUrl: '/kasterlee/logo.svg'
		});
		expect(
			await database.db.select({ id: media.id }).from(media).where(eq(media.municipalityId, A.id))
		).toEqual([]);
		expect((await auditOf(database.db, A.id)).at(-1)?.action).toBe('settings.logo_removed');
	});
});

describe('statements', () => {
	it('shows a Dutch default naming the municipality and the supervisor while empty', async () => {
		const visitor = ctxAs(database.db, A);
		const privacy = await getPublicStatement(visitor, { kind: 'privacy' });
		expect(privacy.isDefault).toBe(true);
		expect(privacy.municipalityName).toBe('Kasterlee');
		expect(privacy.html).toContain('De gemeente Kasterlee is verantwoordelijk');
		expect(privacy.html).toContain('Vlaamse Toezichtcommissie');
		expect(privacy.html).toContain(
			'<a href="https://www.vlaamsetoezichtcommissie.be" rel="nofollow noopener">'
		);
		expect(privacy.html).toMatch(/account.*toestemmingen.*bijdragen/s);
		expect(privacy.html).not.toContain('<h1');
		const accessibility = await getPublicStatement(visitor, { kind: 'accessibility' });
		for (const part of [
			'WCAG',
			'2.1',
			'EN 301 549',
			'Nalevingsstatus',
			'Feedback en contactgegevens',
			'Handhavingsprocedure'
		]) {
			expect(accessibility.html).toContain(part);
		}
	});

	it('saves Markdown up to 50,000 characters as text, renders it sanitised, and audits the change', async () => {
		const hostile =
			'## Onze verklaring\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1)) <img src=x onerror=alert(1)>';
		await updateStatement(ctx, { kind: 'privacy', markdown: hostile });
		expect((await getStatementSettings(ctx)).statements.privacy).toBe(hostile);
		const rendered = await getPublicStatement(ctxAs(database.db, A), { kind: 'privacy' });
		expect(rendered.isDefault).toBe(false);
		expect(rendered.html).toContain('<h3>Onze verklaring</h3>');
		expect(rendered.html).not.toMatch(/<script|<img|javascript:|<a /);
		expect((await auditOf(database.db, A.id)).at(-1)).toMatchObject({
			action: 'settings.statement_updated',
			details: { kind: 'privacy', length: hostile.length }
		});
		// The other municipality still shows its default.
		expect((await getPublicStatement(ctxAs(database.db, B), { kind: 'privacy' })).isDefault).toBe(true);

		for (const markdown of ['x'.repeat(50_001), 'x'.repeat(100_000)]) {
			const err = await refusal(updateStatement(ctx, { kind: 'accessibility', markdown }), 'validation');
			expect(err.options.fields).toEqual({ markdown: ['backoffice.settings.statementTooLong'] });
		}
		await updateStatement(ctx, { kind: 'accessibility', markdown: 'y'.repeat(50_000) });
		await refusal(updateStatement(ctx, { kind: 'cookies', markdown: 'x' }), 'validation');
		await updateStatement(ctx, { kind: 'privacy', markdown: '   ' });
		expect((await getPublicStatement(ctxAs(database.db, A), { kind: 'privacy' })).isDefault).toBe(true);
	});
});

describe('themes', () => {
	it('adds an own theme, climate or not, with a free slug; the werf only for a climate theme', async () => {
		const first = await addTheme(ctx, {
			name: 'Zorgzame buurten',
			description: '',
			climate: '',
			lekpWerf: ''
		});
		expect(first).toMatchObject({
			name: 'Zorgzame buurten',
			climate: false,
			lekpWerf: null,
			active: true,
			isDefault: false
		});
		const second = await addTheme(ctx, {
			name: 'Zorgzame  buurten!',
			description: 'Buren helpen',
			climate: 'on',
			lekpWerf: 'climateAdaptation'
		});
		const slugs = (await listThemesForSettings(database.db, { municipalityId: A.id })).map((t) => t.slug);
		expect(slugs).toEqual(expect.arrayContaining(['zorgzame-buurten', 'zorgzame-buurten-2']));
		expect(second).toMatchObject({ climate: true, lekpWerf: 'climateAdaptation' });
		const list = (await listThemes(ctx)).themes;
		expect(list.at(-1)?.id).toBe(second.id);

		const werfWithoutClimate = await refusal(
			addTheme(ctx, { name: 'Jeugd', climate: false, lekpWerf: 'mobility' }),
			'validation'
		);
		expect(werfWithoutClimate.options.fields).toEqual({ lekpWerf: ['backoffice.settings.werfNeedsClimate'] });
		const bad = await refusal(
			addTheme(ctx, {
				name: 'x'.repeat(100_000),
				description: 'y'.repeat(100_000),
				climate: true,
				lekpWerf: 'moon'
			}),
			'validation'
		);
		expect(bad.options.fields).toEqual({
			name: ['backoffice.settings.themeNameTooLong'],
			description: ['backoffice.settings.themeDescriptionTooLong'],
			lekpWerf: ['backoffice.settings.werfInvalid']
		});
		const empty = await refusal(addTheme(ctx, { name: '   ' }), 'validation');
		expect(empty.options.fields).toMatchObject({ name: ['backoffice.settings.themeNameRequired'] });

		const html = await addTheme(ctx, { name: '<script>alert(1)</script>', climate: false });
		expect(html.name).toBe('<script>alert(1)</script>');
		expect(
			(await listThemesForSettings(database.db, { municipalityId: A.id })).find((t) => t.id === html.id)?.slug
		).toBe('script-alert-1-script');
		expect(
			(await auditOf(database.db, A.id)).filter((a) => a.action === 'settings.theme_added')
		).toHaveLength(3);
	});

	it('renames a default theme but keeps its kind, switches it off and on, and never deletes it', async () => {
		const standard = (await listThemes(ctx)).themes.find((t) => t.isDefault)!;
		await changeTheme(ctx, {
			unverifiedThemeId: standard.id,
			name: 'Groen en onthard',
			description: 'Meer groen',
			climate: '',
			lekpWerf: 'mobility'
		});
		const renamed = await getTheme(ctx, { unverifiedThemeId: standard.id });
		expect(renamed).toMatchObject({
			name: 'Groen en onthard',
			description: 'Meer groen',
			climate: true,
			lekpWerf: standard.lekpWerf
		});
		expect((await auditOf(database.db, A.id)).at(-1)).toMatchObject({
			action: 'settings.theme_updated',
			details: { changed: ['name', 'description'], previousName: standard.name }
		});

		await setThemeActive(ctx, { unverifiedThemeId: standard.id, active: 'false' });
		expect((await listPublicThemes(database.db, { municipalityId: A.id })).map((t) => t.id)).not.toContain(
			standard.id
		);
		await setThemeActive(ctx, { unverifiedThemeId: standard.id, active: 'true' });
		expect((await listPublicThemes(database.db, { municipalityId: A.id })).map((t) => t.id)).toContain(
			standard.id
		);
		const actions = (await auditOf(database.db, A.id)).slice(-2).map((a) => a.action);
		expect(actions).toEqual(['settings.theme_deactivated', 'settings.theme_reactivated']);

		const err = await refusal(
			deleteTheme(ctx, { unverifiedThemeId: standard.id, confirm: true }),
			'conflict'
		);
		expect(err.messageKey).toBe('backoffice.settings.defaultThemeNotDeletable');
		expect(
			await getThemeForSettings(database.db, { municipalityId: A.id, themeId: standard.id })
		).toBeDefined();
	});

	it('deletes an own theme only when confirmed', async () => {
		const own = await addTheme(ctx, { name: 'Tijdelijk', climate: false });
		const err = await refusal(deleteTheme(ctx, { unverifiedThemeId: own.id }), 'validation');
		expect(err.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		await deleteTheme(ctx, { unverifiedThemeId: own.id, confirm: 'on' });
		await refusal(getTheme(ctx, { unverifiedThemeId: own.id }), 'not_found');
		expect((await auditOf(database.db, A.id)).at(-1)).toMatchObject({
			action: 'settings.theme_deleted',
			subjectName: 'Tijdelijk'
		});
	});

	it('takes the follows of a deleted theme along', async () => {
		const own = await addTheme(ctx, { name: 'Gevolgd', climate: false });
		const theme = { municipalityId: A.id, subject: { kind: 'theme', id: own.id } } as const;
		await follow(database.db, { ...theme, userId: (await buildUser(database.db)).id });
		await deleteTheme(ctx, { unverifiedThemeId: own.id, confirm: 'on' });
		expect(await listFollowers(database.db, theme)).toEqual([]);
	});

	it('moves a theme up and down, keeping one unambiguous order', async () => {
		const before = (await listThemes(ctx)).themes.map((t) => t.id);
		await moveTheme(ctx, { unverifiedThemeId: before[1], direction: 'up' });
		const afterUp = (await listThemes(ctx)).themes.map((t) => t.id);
		expect(afterUp).toEqual([before[1], before[0], ...before.slice(2)]);
		await moveTheme(ctx, { unverifiedThemeId: before[1], direction: 'down' });
		expect((await listThemes(ctx)).themes.map((t) => t.id)).toEqual(before);
		await moveTheme(ctx, { unverifiedThemeId: before[0], direction: 'up' });
		expect((await listThemes(ctx)).themes.map((t) => t.id)).toEqual(before);
		const positions = (await listThemesForSettings(database.db, { municipalityId: A.id })).map(
			(t) => t.position
		);
		expect(new Set(positions).size).toBe(positions.length);
		await refusal(moveTheme(ctx, { unverifiedThemeId: before[0], direction: 'sideways' }), 'validation');
	});

	it('treats a theme of another municipality as not found, and leaves it alone', async () => {
		const [theirs] = await database.db.select().from(themes).where(eq(themes.municipalityId, B.id)).limit(1);
		const id = theirs!.id;
		await refusal(getTheme(ctx, { unverifiedThemeId: id }), 'not_found');
		await refusal(changeTheme(ctx, { unverifiedThemeId: id, name: 'Gekaapt' }), 'not_found');
		await refusal(moveTheme(ctx, { unverifiedThemeId: id, direction: 'down' }), 'not_found');
		await refusal(setThemeActive(ctx, { unverifiedThemeId: id, active: false }), 'not_found');
		await refusal(deleteTheme(ctx, { unverifiedThemeId: id, confirm: true }), 'not_found');
		await refusal(getTheme(ctx, { unverifiedThemeId: 'x' }), 'not_found');
		const [after] = await database.db.select().from(themes).where(eq(themes.id, id));
		expect(after).toEqual(theirs);
	});
});

describe('another municipality sees nothing (settings queries)', () => {
	it('finds no theme or logo of B through A, and changes nothing of B', async () => {
		const db = database.db;
		const [theirs] = await db
			.insert(themes)
			.values({ municipalityId: B.id, slug: 'eigen', name: 'Eigen', climate: false })
			.returning();
		const { id: logoId } = await insertLogo(db, {
			municipalityId: B.id,
			contentType: 'image/png',
			bytes: Buffer.from(pngBytes()),
			width: 64,
			height: 64,
			createdBy: ctx.actor!.userId
		});
		expect(await getThemeForSettings(db, { municipalityId: A.id, themeId: theirs!.id })).toBeUndefined();
		expect((await listThemesForSettings(db, { municipalityId: A.id })).map((t) => t.id)).not.toContain(
			theirs!.id
		);
		await updateTheme(db, {
			municipalityId: A.id,
			themeId: theirs!.id,
			values: { name: 'Gekaapt', active: false }
		});
		expect(await deleteOwnTheme(db, { municipalityId: A.id, themeId: theirs!.id })).toBe(false);
		await deleteLogos(db, { municipalityId: A.id });
		const [still] = await db.select().from(themes).where(eq(themes.id, theirs!.id));
		expect(still).toEqual(theirs);
		expect(
			await db
				.select({ id: media.id })
				.from(media)
				.where(and(eq(media.id, logoId), eq(media.municipalityId, B.id)))
		).toHaveLength(1);
		const [b] = await db
			.select({ name: municipalities.name })
			.from(municipalities)
			.where(eq(municipalities.id, B.id));
		expect(b?.name).toBe('Westerlo');
	});
});

describe('boundary', () => {
	const KASTERLEE = { lat: 51.2408, lng: 4.9664 };
	/** A square of about 4 by 4 km around Kasterlee's centre, as an official outline would hold it. */
	const outline = (lngShift = 0) => ({
		type: 'Feature',
		properties: { NAAM: 'Kasterlee' },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[4.936 + lngShift, 51.222],
					[4.996 + lngShift, 51.222],
					[4.996 + lngShift, 51.259],
					[4.936 + lngShift, 51.259],
					[4.936 + lngShift, 51.222]
				]
			]
		}
	});
	const squareAround = (c: { lat: number; lng: number }) => ({
		type: 'Polygon',
		coordinates: [
			[
				[c.lng - 0.02, c.lat - 0.01],
				[c.lng + 0.02, c.lat - 0.01],
				[c.lng + 0.02, c.lat + 0.01],
				[c.lng - 0.02, c.lat + 0.01],
				[c.lng - 0.02, c.lat - 0.01]
			]
		]
	});
	const upload = (content: unknown, context: Ctx = ctx) =>
		uploadBoundary(context, {
			file: new Blob([typeof content === 'string' ? content : JSON.stringify(content)])
		});
	const stored = async (municipalityId: string) =>
		(
			await database.db
				.select({ boundary: municipalities.boundary })
				.from(municipalities)
				.where(eq(municipalities.id, municipalityId))
		)[0]?.boundary ?? null;

	it('stores an uploaded outline, which from then on decides which places lie in the municipality, and audits it', async () => {
		// Without an outline: the cell of the centre, which reaches ~4 km east of the centre.
		const east = { lat: KASTERLEE.lat, lng: 5.01 };
		expect(await placeVerdict(ctx, A.id, east)).toBe('inside');
		await upload(outline());
		expect((await getBrandingSettings(ctx)).branding.hasBoundary).toBe(true);
		expect(await stored(A.id)).toMatchObject({ type: 'Polygon' });
		expect(await placeVerdict(ctx, A.id, east)).toBe('outsideMunicipality');
		expect(await placeVerdict(ctx, A.id, KASTERLEE)).toBe('inside');

		await upload(outline(0.005));
		expect((await stored(A.id))?.coordinates[0]).toContainEqual([4.941, 51.222]);
		const audit = (await auditOf(database.db, A.id)).filter((a) => a.action === 'settings.boundary_uploaded');
		expect(audit).toHaveLength(2);
		expect(audit[0]!.details).toMatchObject({ type: 'Polygon', points: 5 });
	});

	it('refuses a missing, oversized, malformed or foreign file beside the field, keeping the outline it had', async () => {
		const before = await stored(A.id);
		const cases: [Blob | null, string][] = [
			[null, 'backoffice.settings.boundary.missing'],
			[new Blob([]), 'backoffice.settings.boundary.missing'],
			[new Blob([new Uint8Array(3 * 1024 * 1024 + 1)]), 'backoffice.settings.boundary.tooBig'],
			[new Blob(['<?xml version="1.0"?><kml/>']), 'backoffice.settings.boundary.notJson'],
			[
				new Blob([JSON.stringify({ type: 'Point', coordinates: [4.96, 51.24] })]),
				'backoffice.settings.boundary.shape'
			],
			// Geel's outline uploaded by Kasterlee: Kasterlee's centre is not in it.
			[
				new Blob([JSON.stringify(squareAround({ lat: 51.1623, lng: 4.9909 }))]),
				'backoffice.settings.boundary.centreOutside'
			]
		];
		for (const [file, key] of cases) {
			const err = await refusal(uploadBoundary(ctx, { file }), 'validation');
			expect(err.options.fields).toEqual({ boundary: [key] });
		}
		expect(await stored(A.id)).toEqual(before);
		expect(await stored(B.id)).toBeNull();
	});

	it('is for those who manage the settings only', async () => {
		const moderator = ctxAs(database.db, A, (await buildStaff(database.db, A, 'moderator')).actor);
		await refusal(upload(outline(), moderator), 'forbidden');
		await refusal(removeBoundary(moderator, { confirm: 'on' }), 'forbidden');
	});

	it('goes back to the cell of the centre only when the removal is confirmed, and audits it', async () => {
		const err = await refusal(removeBoundary(ctx, {}), 'validation');
		expect(err.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		expect(await stored(A.id)).not.toBeNull();
		await removeBoundary(ctx, { confirm: 'on' });
		expect(await stored(A.id)).toBeNull();
		expect((await getBrandingSettings(ctx)).branding.hasBoundary).toBe(false);
		expect((await auditOf(database.db, A.id)).at(-1)?.action).toBe('settings.boundary_removed');
		expect(await placeVerdict(ctx, A.id, { lat: KASTERLEE.lat, lng: 5.01 })).toBe('inside');
	});
});

// The widget route as SvelteKit calls it, against the real database: an iframe document in Dutch with its own
// policy and the resize script, the script's fragment without either, CORS and frame-ancestors from the
// municipality's own list, a refused site and a bad option answered in Dutch (never a 500), and no cookie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Tenant } from '$lib/server/platform/context';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildAction,
	buildOpportunity,
	buildParticipatingMunicipality,
	buildStaff
} from '$lib/server/testing/factories';
import { saveWidgetOrigins } from '$lib/server/features/widgets/widgets.service';
import { WIDGET_CSP } from '$lib/server/platform/widgets';
import * as widget from './[soort]/+server';
import * as oembed from '../../oembed/+server';

const ORIGIN = 'https://meedoen.test';
let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let actionId: number;

function eventFor(path: string, tenant: Tenant | null, headers: Record<string, string> = {}) {
	const url = new URL(path, ORIGIN);
	return {
		url,
		request: new Request(url, { headers }),
		params: { soort: url.pathname.split('/')[3] ?? '' },
		locals: {
			requestId: 'test',
			locale: 'nl',
			session: null,
			ctx: buildCtx(database.db, tenant ?? undefined),
			municipality: tenant ? { tenant, municipality: { name: tenant.slug } } : null
		}
	} as unknown as RequestEvent & { locals: { frameAncestors?: string } };
}

async function get(path: string, tenant: Tenant, headers: Record<string, string> = {}) {
	const event = eventFor(path, tenant, headers);
	const response = await widget.GET(event as never);
	return { response, body: await response.text(), frameAncestors: event.locals.frameAncestors };
}

beforeAll(async () => {
	database = await createTestDatabase();
	const db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	const action = await buildAction(db, geel, { title: 'Ontharding <Markt> & co' });
	actionId = action.id;
	await buildOpportunity(db, geel, action.id, {
		title: 'Volg de werken',
		kind: 'readUpdates',
		rung: 'inform'
	});
	const admin = await buildStaff(db, geel, 'admin');
	await saveWidgetOrigins(buildCtx(db, geel, { actor: admin.actor }), { origins: 'https://www.geel.be' });
	const molAdmin = await buildStaff(db, mol, 'admin');
	await saveWidgetOrigins(buildCtx(db, mol, { actor: molAdmin.actor }), { origins: 'https://www.mol.be' });
});

afterAll(async () => {
	await database?.close();
});

describe('/{municipality}/widget/{kind}', () => {
	it('is a Dutch document for an iframe, with its own policy, the resize script and frame-ancestors of its municipality', async () => {
		const { response, body, frameAncestors } = await get(`/geel/widget/actie?actie=${actionId}`, geel);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('content-security-policy')).toBe(WIDGET_CSP);
		expect(response.headers.get('set-cookie')).toBeNull();
		expect(frameAncestors).toBe("'self' https://www.geel.be");
		expect(body).toMatch(/^<!doctype html><html lang="nl-BE">/);
		expect(body).toContain('Ontharding &lt;Markt> &amp; co');
		expect(body).not.toContain('<Markt>');
		expect(body).toContain("postMessage({meedoen:'widget-height'");
		expect(body).toContain('target="_blank"');
		expect(body).toContain('(opent in een nieuw tabblad)');
		const ofMol = await get('/mol/widget/meedoen', mol);
		expect(ofMol.response.status).toBe(200);
		expect(ofMol.frameAncestors).toBe("'self' https://www.mol.be");
		expect(ofMol.body).toContain('Er staat op dit moment niets open.');
	});

	it('is a fragment for the script, with CORS for an allowed site only', async () => {
		const allowed = await get('/geel/widget/meedoen?inbedding=script', geel, {
			origin: 'https://www.geel.be'
		});
		expect(allowed.response.status).toBe(200);
		expect(allowed.response.headers.get('access-control-allow-origin')).toBe('https://www.geel.be');
		expect(allowed.response.headers.get('vary')).toBe('Origin');
		expect(allowed.body).toMatch(/^<style>/);
		expect(allowed.body).not.toContain('<script');
		expect(allowed.body).toContain('utm_medium=script');
		const refused = await get('/geel/widget/meedoen?inbedding=script', geel, {
			origin: 'https://www.mol.be'
		});
		expect(refused.response.status).toBe(403);
		expect(refused.response.headers.get('access-control-allow-origin')).toBeNull();
		expect(refused.body).toBe('Deze site mag de widgets van deze gemeente niet tonen.');
	});

	it('answers a bad option or kind with a Dutch 404, never a 500', async () => {
		for (const path of [
			'/geel/widget/actie',
			'/geel/widget/actie?actie=%3Cscript%3E',
			'/geel/widget/bestaat-niet',
			`/geel/widget/actie?actie=${'9'.repeat(100_000)}`
		]) {
			const { response, body } = await get(path, geel);
			expect(response.status, path).toBe(404);
			expect(body).toBe('Niet gevonden');
		}
	});
});

describe('/oembed', () => {
	const ask = (query: string) => oembed.GET(eventFor(`/oembed?${query}`, null) as never);

	it('answers JSON for an action of the platform', async () => {
		const url = encodeURIComponent(`${ORIGIN}/geel/acties/${actionId}`);
		const response = await ask(`url=${url}&format=json`);
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.type).toBe('rich');
		expect(body.html).toContain(`<iframe src="${ORIGIN}/geel/widget/actie?actie=${actionId}"`);
	});

	it('refuses xml (501), a missing url (400) and an unknown page (404)', async () => {
		expect((await ask('url=x&format=xml')).status).toBe(501);
		expect((await ask('format=json')).status).toBe(400);
		expect((await ask(`url=${encodeURIComponent('https://elders.example/geel/acties/1')}`)).status).toBe(404);
	});
});

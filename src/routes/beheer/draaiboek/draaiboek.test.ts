// The playbook's removals as SvelteKit calls their actions: a step, a document or an empty phase of a template
// goes only when the keeper ticked "Ja, verwijder …"; without the tick the form comes back with the Dutch
// message beside the checkbox and nothing is removed (no JavaScript needed either way).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildUser,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import type { Actor } from '$lib/server/platform/policy';
import {
	addDocument,
	addPhase,
	addStep,
	createTemplate,
	getTemplateForKeeper
} from '$lib/server/features/playbook/playbook.templates.service';
import * as templatePage from './[sjabloon=slug]/+page.server';
import * as stepPage from './[sjabloon=slug]/stappen/[stapsleutel=slug]/+page.server';
import * as documentPage from './[sjabloon=slug]/documenten/[document=slug]/+page.server';
import StepPage from './[sjabloon=slug]/stappen/[stapsleutel=slug]/+page.svelte';

let database: TestDatabase;
let keeper: Actor;
let slug: string;

beforeAll(async () => {
	database = await createTestDatabase();
	const geel = await buildParticipatingMunicipality(database.db, 'geel');
	const user = await buildUser(database.db, { givenName: 'Els', familyName: 'Peeters' });
	await grantRegionRole(database.db, await regionIdOf(database.db, geel), user.id, 'regional_admin');
	keeper = await actorOf(database.db, user);
	const ctx = buildCtx(database.db, undefined, { actor: keeper });
	({ slug } = await createTemplate(ctx, { title: 'Trage wegen' }));
	await addPhase(ctx, { unverifiedSlug: slug, title: 'Voorbereiden', duration: '2', unit: 'weeks' });
	await addPhase(ctx, { unverifiedSlug: slug, title: 'Leeg', duration: '1', unit: 'weeks' });
	await addStep(ctx, {
		unverifiedSlug: slug,
		phase: 'p1',
		title: 'Wandeling met de buurt',
		role: 'coach',
		offsetDays: '3'
	});
	await addDocument(ctx, { unverifiedSlug: slug, title: 'Reglement', kind: 'rules', body: 'Tekst' });
});
afterAll(async () => {
	await database?.destroy();
});

/** A POST to a regional back-office page as SvelteKit hands it to the action, after hooks.server.ts ran. */
function post(path: string, form: Record<string, string>, params: Record<string, string>): RequestEvent {
	const url = new URL(path, 'https://meedoen.test');
	return {
		url,
		request: new Request(url, { method: 'POST', body: new URLSearchParams(form) }),
		locals: {
			requestId: 'test',
			locale: 'nl',
			municipality: null,
			ctx: buildCtx(database.db, undefined, { actor: keeper }),
			session: null
		},
		params,
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
}

type Handler = (event: RequestEvent) => unknown;
async function outcome(handler: unknown, event: RequestEvent) {
	try {
		return await (handler as Handler)(event);
	} catch (err) {
		if (isRedirect(err)) return { redirect: err.location };
		throw err;
	}
}

const content = async () =>
	(await getTemplateForKeeper(buildCtx(database.db, undefined, { actor: keeper }), { unverifiedSlug: slug }))
		.template.content;

describe('removing from a playbook template', () => {
	it('keeps a step until the tick, says why beside the checkbox, then removes it', async () => {
		const params = { sjabloon: slug, stapsleutel: 's1' };
		const path = `/beheer/draaiboek/${slug}/stappen/s1?/remove`;
		const refused = await outcome(stepPage.actions.remove, post(path, {}, params));
		if (!isActionFailure(refused)) throw new Error('expected a refusal');
		expect(refused.status).toBe(422);
		expect((refused.data as unknown as { fields: Record<string, string[]> }).fields.confirm).toEqual([
			'Vink aan dat je het zeker weet.'
		]);
		expect((await content()).phases[0]!.steps.map((s) => s.key)).toEqual(['s1']);

		// The page shows the message beside the tick box.
		const page = await (stepPage.load as Handler)({
			...post(`/beheer/draaiboek/${slug}/stappen/s1`, {}, params),
			url: new URL(`https://meedoen.test/beheer/draaiboek/${slug}/stappen/s1`)
		} as RequestEvent);
		const html = render(StepPage, { props: { data: page as never, form: refused.data as never } }).body;
		expect(html).toContain('Ja, verwijder de stap “Wandeling met de buurt”');
		expect(html).toContain('id="remove-step-error">Vink aan dat je het zeker weet.</p>');
		expect(html).toMatch(/aria-invalid="true" aria-describedby="remove-step-error"/);

		const done = await outcome(stepPage.actions.remove, post(path, { confirm: 'on' }, params));
		expect(done).toEqual({ redirect: `/beheer/draaiboek/${slug}?gelukt=stapVerwijderd` });
		expect((await content()).phases[0]!.steps).toEqual([]);
	});

	it('keeps a document until the tick, then removes it', async () => {
		const params = { sjabloon: slug, document: 'd1' };
		const path = `/beheer/draaiboek/${slug}/documenten/d1?/remove`;
		const refused = await outcome(documentPage.actions.remove, post(path, { confirm: '' }, params));
		if (!isActionFailure(refused)) throw new Error('expected a refusal');
		expect((refused.data as unknown as { fields: Record<string, string[]> }).fields.confirm).toEqual([
			'Vink aan dat je het zeker weet.'
		]);
		expect((await content()).documents.map((d) => d.key)).toEqual(['d1']);
		const done = await outcome(documentPage.actions.remove, post(path, { confirm: 'on' }, params));
		expect(done).toEqual({ redirect: `/beheer/draaiboek/${slug}?gelukt=documentVerwijderd#documenten` });
		expect((await content()).documents).toEqual([]);
	});

	it('keeps an empty phase until the tick, then removes it', async () => {
		const params = { sjabloon: slug };
		const path = `/beheer/draaiboek/${slug}?/removePhase`;
		const refused = await outcome(templatePage.actions.removePhase, post(path, { phase: 'p2' }, params));
		if (!isActionFailure(refused)) throw new Error('expected a refusal');
		expect(refused.data).toMatchObject({
			fields: { confirm: ['Vink aan dat je het zeker weet.'] },
			values: { form: 'removePhase-p2', phase: 'p2' }
		});
		expect((await content()).phases.map((p) => p.key)).toEqual(['p1', 'p2']);
		const done = await outcome(
			templatePage.actions.removePhase,
			post(path, { phase: 'p2', confirm: 'on' }, params)
		);
		expect(done).toMatchObject({ redirect: expect.stringContaining('gelukt=faseVerwijderd') });
		expect((await content()).phases.map((p) => p.key)).toEqual(['p1']);
	});
});

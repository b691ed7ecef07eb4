// The playbook's destructive actions as SvelteKit calls them: a step, a document or an empty phase of a template
// goes only when the keeper ticked "Ja, verwijder …", the template goes offline only after "Ja, haal … offline"
// and a municipality's proposal is declined only after "Ja, wijs … af"; without the tick the form comes back with
// the Dutch message beside the checkbox and nothing changes (no JavaScript needed either way).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx, ctxAs } from '$lib/server/testing/context';
import { auditOf } from '$lib/server/testing/assertions';
import {
	actorOf,
	buildParticipatingMunicipality,
	buildStaff,
	buildUser,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import type { Actor } from '$lib/server/platform/policy';
import type { TenantCtx } from '$lib/server/platform/context';
import {
	addDocument,
	addPhase,
	addStep,
	createTemplate,
	getTemplateForKeeper,
	publishTemplate
} from '$lib/server/features/playbook/playbook.templates.service';
import {
	getTrajectoryForBackoffice,
	proposeStep,
	startTrajectory
} from '$lib/server/features/playbook/playbook.trajectories.service';
import { getPublicTemplate } from '$lib/server/features/playbook/playbook.public.service';
import * as templatePage from './[sjabloon=slug]/+page.server';
import * as stepPage from './[sjabloon=slug]/stappen/[stapsleutel=slug]/+page.server';
import * as documentPage from './[sjabloon=slug]/documenten/[document=slug]/+page.server';
import StepPage from './[sjabloon=slug]/stappen/[stapsleutel=slug]/+page.svelte';
import TemplatePage from './[sjabloon=slug]/+page.svelte';

let database: TestDatabase;
let keeper: Actor;
let slug: string;
let geelId: string;
let proposalId: number;

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
	// Published, Geel runs it and proposes its version of the step back.
	await publishTemplate(ctx, { unverifiedSlug: slug });
	const moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	const asGeel = ctxAs(database.db, geel, moderator) as TenantCtx;
	const { id } = await startTrajectory(asGeel, {
		template: slug,
		title: 'Trage wegen Geel',
		theme: 'Mobiliteit',
		startsOn: '2027-01-04'
	});
	const trajectory = await getTrajectoryForBackoffice(asGeel, { unverifiedTrajectoryId: String(id) });
	({ id: proposalId } = await proposeStep(asGeel, {
		unverifiedTrajectoryId: String(id),
		unverifiedStepId: String(trajectory.phases[0]!.steps[0]!.id),
		reason: 'De buurt wandelt liever op zaterdag.'
	}));
	geelId = geel.id;
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

/** The template's page as the keeper sees it, with what the action gave back. */
async function templateHtml(form: unknown) {
	const params = { sjabloon: slug };
	const data = await (templatePage.load as Handler)({
		...post(`/beheer/draaiboek/${slug}`, {}, params),
		url: new URL(`https://meedoen.test/beheer/draaiboek/${slug}`)
	} as RequestEvent);
	return render(TemplatePage, { props: { data: data as never, form: form as never } }).body;
}

const proposalStatus = async () =>
	(
		await getTemplateForKeeper(buildCtx(database.db, undefined, { actor: keeper }), { unverifiedSlug: slug })
	).proposals.find((p) => p.id === proposalId)!.status;

describe('the regional admin’s decisions on a playbook template', () => {
	it('declines a proposal only after the tick: without it the box says why and the proposal stays open', async () => {
		const params = { sjabloon: slug };
		const path = `/beheer/draaiboek/${slug}?/decide`;
		const form = { proposal: String(proposalId), decision: 'decline' };
		const refused = await outcome(templatePage.actions.decide, post(path, form, params));
		if (!isActionFailure(refused)) throw new Error('expected a refusal');
		expect(refused.status).toBe(422);
		expect(refused.data).toMatchObject({
			fields: { confirm: ['Vink aan dat je het zeker weet.'] },
			values: { form: `decline-${proposalId}`, proposal: String(proposalId), decision: 'decline' }
		});
		expect(await proposalStatus()).toBe('open');
		expect((await auditOf(database.db, geelId)).map((a) => a.action)).not.toContain(
			'playbook.proposal_declined'
		);

		const html = await templateHtml(refused.data);
		expect(html).toContain('Ja, wijs het voorstel van Geel af');
		expect(html).toContain(`id="decline-${proposalId}-error">Vink aan dat je het zeker weet.</p>`);
		expect(html).toMatch(new RegExp(`aria-invalid="true" aria-describedby="decline-${proposalId}-error"`));
		// The other forms on the page are not marked.
		expect(html.match(/aria-invalid="true"/g)).toHaveLength(1);

		const done = await outcome(templatePage.actions.decide, post(path, { ...form, confirm: 'on' }, params));
		expect(done).toEqual({ redirect: `/beheer/draaiboek/${slug}?gelukt=afgewezen#voorstellen` });
		expect(await proposalStatus()).toBe('declined');
		expect((await auditOf(database.db, geelId)).map((a) => a.action)).toContain('playbook.proposal_declined');
	});

	it('takes the template offline only after the tick: without it the box says why and it stays public', async () => {
		const params = { sjabloon: slug };
		const path = `/beheer/draaiboek/${slug}?/unpublish`;
		const refused = await outcome(templatePage.actions.unpublish, post(path, { confirm: 'ja' }, params));
		if (!isActionFailure(refused)) throw new Error('expected a refusal');
		expect(refused.status).toBe(422);
		expect(refused.data).toMatchObject({
			fields: { confirm: ['Vink aan dat je het zeker weet.'] },
			values: { form: 'unpublish' }
		});
		const visitor = buildCtx(database.db, undefined, {});
		expect((await getPublicTemplate(visitor, { unverifiedSlug: slug })).slug).toBe(slug);

		const html = await templateHtml(refused.data);
		expect(html).toContain('Ja, haal het traject “Trage wegen” offline');
		expect(html).toContain('id="unpublish-error">Vink aan dat je het zeker weet.</p>');
		expect(html).toMatch(/aria-invalid="true" aria-describedby="unpublish-error"/);

		const done = await outcome(templatePage.actions.unpublish, post(path, { confirm: 'on' }, params));
		expect(done).toEqual({ redirect: `/beheer/draaiboek/${slug}?gelukt=offline` });
		await expect(getPublicTemplate(visitor, { unverifiedSlug: slug })).rejects.toMatchObject({
			code: 'not_found'
		});
		// Offline, the page no longer offers to take it offline.
		expect(await templateHtml(null)).not.toContain('id="unpublish-confirm"');
	});
});

// The communication plan's page as SvelteKit calls it: going back from the staff's own text to the suggested one
// throws their text away, so it asks for the tick; without it the form comes back with the Dutch message beside
// the box and the own text stays (no JavaScript needed either way).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { buildEvent, buildStaff, getTenant } from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { subjectRef } from '$lib/domain/communication';
import {
	createCommunicationPlan,
	getCommunicationPlan,
	saveCommunicationText
} from '$lib/server/features/communication/communication.service';
import * as planPage from './[plan=id]/+page.server';
import PlanPage from './[plan=id]/+page.svelte';

const ORIGIN = 'https://meedoen.test';
let database: TestDatabase;
let geel: Tenant;
let officer: Actor;
let planId: string;
let textId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	officer = (await buildStaff(database.db, geel, 'communication')).actor;
	const event = await buildEvent(database.db, geel, { title: 'Infoavond' });
	const ctx = buildCtx(database.db, geel, { actor: officer });
	const { id } = await createCommunicationPlan(ctx, {
		subject: subjectRef('event', event.id),
		now: new Date()
	});
	planId = String(id);
	const plan = await getCommunicationPlan(ctx, { unverifiedId: planId, origin: ORIGIN });
	const mail = plan.moments.flatMap((m) => m.texts).find((t) => t.channel === 'email')!;
	textId = String(mail.id);
	await saveCommunicationText(ctx, {
		unverifiedPlanId: planId,
		unverifiedTextId: textId,
		subject: 'Kom naar de infoavond',
		body: 'Beste buren, tot dan!',
		origin: ORIGIN
	});
});
afterAll(async () => {
	await database?.destroy();
});

/** A request to the plan's page as SvelteKit hands it to a load or action, after hooks.server.ts ran. */
function request(path: string, form?: Record<string, string>): RequestEvent {
	const url = new URL(path, ORIGIN);
	return {
		url,
		request: new Request(url, { method: form ? 'POST' : 'GET', body: form && new URLSearchParams(form) }),
		locals: {
			requestId: 'test',
			locale: 'nl',
			municipality: { tenant: geel },
			ctx: buildCtx(database.db, geel, { actor: officer }),
			session: null
		},
		params: { municipality: 'geel', plan: planId },
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

const ownText = async () =>
	(
		await getCommunicationPlan(buildCtx(database.db, geel, { actor: officer }), {
			unverifiedId: planId,
			origin: ORIGIN
		})
	).moments
		.flatMap((m) => m.texts)
		.find((t) => String(t.id) === textId)!;

describe('going back to the suggested text', () => {
	it('keeps the own text until the tick, says why beside the box, then puts the suggestion back', async () => {
		const path = `/geel/beheer/communicatie/${planId}?/reset`;
		const refused = await outcome(planPage.actions.reset, request(path, { text: textId }));
		if (!isActionFailure(refused)) throw new Error('expected a refusal');
		expect(refused.status).toBe(422);
		expect(refused.data).toMatchObject({
			fields: { confirm: ['Vink aan dat je het zeker weet.'] },
			values: { form: `reset-${textId}` }
		});
		expect(await ownText()).toMatchObject({ edited: true, body: 'Beste buren, tot dan!' });

		const data = await (planPage.load as Handler)(request(`/geel/beheer/communicatie/${planId}`));
		// The municipality comes from the back office's layout.
		const props = {
			data: { ...(data as object), municipality: { name: 'Geel', slug: 'geel' } },
			form: refused.data
		};
		const html = render(PlanPage, { props: props as never }).body;
		expect(html).toContain('Ja, gooi de eigen tekst voor Mail weg');
		expect(html).toContain(`id="reset-${textId}-error">Vink aan dat je het zeker weet.</p>`);
		expect(html).toMatch(new RegExp(`aria-invalid="true" aria-describedby="reset-${textId}-error"`));
		// The own text is still in its field.
		expect(html).toContain('Beste buren, tot dan!');

		const done = await outcome(planPage.actions.reset, request(path, { text: textId, confirm: 'on' }));
		expect(done).toEqual({
			redirect: expect.stringMatching(new RegExp(`gelukt=teruggezet.*#tekst-${textId}$`))
		});
		const after = await ownText();
		expect(after.edited).toBe(false);
		expect(after.body).not.toBe('Beste buren, tot dan!');
	});
});

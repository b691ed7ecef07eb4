// Communication plans against a real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): the usual
// moments and their days, a ready Dutch text per channel, the channel's utm tags on every link (short links
// included), editing with hostile and oversized input refused beside the field, moments added, moved and
// removed, texts marked published and back, the week across the change to summer time, the audit log, and
// that Mol's staff, citizens and moderators see and change nothing of Geel's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { communicationTexts } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import {
	buildAction,
	buildEvent,
	buildParticipatingMunicipality,
	buildStaff,
	buildSuggestionOpportunity,
	buildUser,
	actorOf
} from '$lib/server/testing/factories';
import type { Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import { firstChannel } from '$lib/server/features/accounts/accounts.service';
import { subjectRef } from '$lib/domain/communication';
import { brusselsDay } from '$lib/server/platform/dates';
import { addDays } from './communication.texts';
import {
	addCommunicationMoment,
	createCommunicationPlan,
	getCommunicationPlan,
	getTextQrCode,
	listCommunicationWeek,
	markCommunicationPublished,
	moveCommunicationMoment,
	previewMomentRemoval,
	removeCommunicationMoment,
	resetCommunicationText,
	resolveShortLink,
	saveCommunicationText,
	unmarkCommunicationPublished,
	weekOf,
	type CommunicationPlanPage
} from './communication.service';

const ORIGIN = 'https://meedoen.test';
let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let officer: Actor;
let molOfficer: Actor;
let moderator: Actor;
let citizen: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	officer = (
		await buildStaff(database.db, geel, 'communication', { givenName: 'Sofie', familyName: 'Wouters' })
	).actor;
	molOfficer = (await buildStaff(database.db, mol, 'communication')).actor;
	moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	citizen = await actorOf(database.db, await buildUser(database.db));
});
afterAll(() => database.destroy());

const db = () => database.db;
const as = (actor: Actor | undefined, tenant = geel) => buildCtx(db(), tenant, { actor });

/** Every address of the platform in a text, printed ones (without https://, the magazine's) included. */
const linksIn = (text: string) =>
	[...text.matchAll(/(?:https?:\/\/)?meedoen\.test[^\s)\]]*/g)].map((m) =>
		m[0].startsWith('http') ? m[0] : `https://${m[0]}`
	);

async function planFor(kind: 'action' | 'event' | 'opportunity', id: number, now: Date) {
	const { id: planId } = await createCommunicationPlan(as(officer), { subject: subjectRef(kind, id), now });
	return getCommunicationPlan(as(officer), { unverifiedId: String(planId), origin: ORIGIN });
}

function everyText(page: CommunicationPlanPage) {
	return page.moments.flatMap((m) => m.texts);
}

describe('a plan with the usual moments', () => {
	it('gives an event announce now, invite two weeks before, remind two days before and report back after', async () => {
		const now = new Date('2026-08-20T08:00:00Z');
		const event = await buildEvent(db(), geel, {
			title: 'Werkgroep vergroening',
			startsAt: new Date('2026-09-10T17:30:00Z'),
			publishedAt: new Date('2026-08-19T12:00:00Z'),
			venueName: 'Buurthuis De Linde',
			address: 'Lindestraat 1, Geel',
			description: 'We kiezen **drie plekken** om te ontharden.\n\nDaarna plannen we een plantdag.'
		});
		const page = await planFor('event', event.id, now);
		expect(page.moments.map((m) => [m.kind, m.dueOn])).toEqual([
			['announce', '2026-08-20'],
			['invite', '2026-08-27'],
			['remind', '2026-09-08'],
			['report', '2026-09-17']
		]);
		expect(page.moments[0]!.texts.map((t) => t.channel)).toEqual([
			'facebook',
			'whatsapp',
			'magazine',
			'website',
			'email'
		]);
		expect(page.moments[2]!.texts.map((t) => t.channel)).toEqual(['facebook', 'whatsapp', 'email']);
		const invite = page.moments[1]!.texts;
		const facebook = invite.find((t) => t.channel === 'facebook')!;
		expect(facebook.body).toContain('Doe mee: Werkgroep vergroening');
		expect(facebook.body).toContain('We kiezen drie plekken om te ontharden.');
		expect(facebook.body).toContain('Wanneer: donderdag 10 september 2026 om 19:30');
		expect(facebook.body).toContain('Waar: Buurthuis De Linde, Lindestraat 1, Geel');
		expect(facebook.body).toContain(`Schrijf je in: ${facebook.link}`);
		expect(facebook.edited).toBe(false);
		const mail = invite.find((t) => t.channel === 'email')!;
		expect(mail.subject).toBe('Doe mee: Werkgroep vergroening');
		expect(mail.body).toMatch(/^Beste,/);
		const magazine = invite.find((t) => t.channel === 'magazine')!;
		expect(magazine.body).toContain(`surf naar ${magazine.printedShortLink} of scan de QR-code`);
		expect(magazine.qr?.svg).toMatch(/\/geel\/beheer\/communicatie\/tekst\/\d+\/qr\.svg$/);
		const whatsapp = invite.find((t) => t.channel === 'whatsapp')!;
		expect(whatsapp.body).toContain(whatsapp.shortLink);
		expect(whatsapp.body.length).toBeLessThan(300);
	});

	it('gives an action and a call for suggestions their moments too, never before today', async () => {
		const now = new Date();
		const today = brusselsDay(now);
		const action = await buildAction(db(), geel, { title: 'Geveltuinen in de Nieuwstraat' });
		const page = await planFor('action', action.id, now);
		expect(page.moments.map((m) => [m.kind, m.dueOn])).toEqual([
			['announce', today],
			['report', addDays(today, 90)]
		]);
		const closes = addDays(today, 60);
		const call = await buildSuggestionOpportunity(db(), geel, {
			title: 'Daken voor zonnepanelen',
			closesAt: new Date(`${closes}T10:00:00Z`)
		});
		const callPage = await planFor('opportunity', call.id, now);
		expect(callPage.moments.map((m) => [m.kind, m.dueOn])).toEqual([
			['announce', today],
			['invite', addDays(today, 7)],
			['remind', addDays(closes, -2)],
			['report', addDays(closes, 14)]
		]);
		const text = callPage.moments[1]!.texts[0]!;
		expect(text.body).toContain('Geef je suggestie op de kaart');
		expect(text.link).toContain(`/geel/kansen/${call.id}?`);
		// A second plan for the same subject is refused beside the field.
		const err = await refusal(
			createCommunicationPlan(as(officer), { subject: subjectRef('action', action.id), now }),
			'conflict'
		);
		expect(err.options.fields?.subject).toEqual(['communication.errors.exists']);
	});

	it('tags every link of every text with its channel, and every short link leads there with the same tags', async () => {
		const event = await buildEvent(db(), geel, { title: 'Plantdag' });
		const page = await planFor('event', event.id, new Date());
		const texts = everyText(page);
		expect(texts.length).toBeGreaterThan(10);
		for (const text of texts) {
			const links = linksIn(`${text.subject ?? ''}\n${text.body}`);
			expect(links.length, `${text.channel} ${text.moment}`).toBeGreaterThan(0);
			for (const link of links) {
				const url = new URL(link);
				expect(url.origin).toBe(ORIGIN);
				const target = url.pathname.startsWith('/k/')
					? new URL(await resolveShortLink(as(undefined), { unverifiedCode: url.pathname.slice(3) }), ORIGIN)
					: url;
				expect(target.pathname).toBe(`/geel/activiteiten/${event.id}-${event.slug}`);
				expect(target.searchParams.get('utm_source')).toBe(text.channel);
				expect(target.searchParams.get('utm_medium')).toBeTruthy();
				expect(target.searchParams.get('utm_campaign')).toBe(`activiteit-${event.id}`);
				expect(target.searchParams.get('utm_content')).toBe(text.moment);
				// The accounts feature records what a newcomer's landing says as their first channel.
				expect(
					firstChannel({ utmSource: target.searchParams.get('utm_source'), ownOrigin: ORIGIN }).channel
				).toBe(text.channel);
			}
		}
		await refusal(resolveShortLink(as(undefined), { unverifiedCode: 'bestaat' }), 'not_found');
		await refusal(resolveShortLink(as(undefined), { unverifiedCode: '../../etc' }), 'not_found');
	});

	it('draws the magazine’s QR code of the short link as SVG and PNG', async () => {
		const event = await buildEvent(db(), geel);
		const page = await planFor('event', event.id, new Date());
		const magazine = everyText(page).find((t) => t.channel === 'magazine')!;
		const svg = await getTextQrCode(as(officer), {
			unverifiedTextId: String(magazine.id),
			format: 'svg',
			origin: ORIGIN
		});
		expect(svg.contentType).toContain('image/svg+xml');
		expect(String(svg.body)).toContain(`<title>QR-code die naar ${magazine.printedShortLink} leidt</title>`);
		const png = await getTextQrCode(as(officer), {
			unverifiedTextId: String(magazine.id),
			format: 'png',
			origin: ORIGIN
		});
		expect((png.body as Buffer).subarray(1, 4).toString()).toBe('PNG');
		await refusal(
			getTextQrCode(as(molOfficer, mol), {
				unverifiedTextId: String(magazine.id),
				format: 'png',
				origin: ORIGIN
			}),
			'not_found'
		);
	});
});

describe('editing a plan', () => {
	it('keeps an edited text, tags the own links in it, and goes back to the suggestion only after the tick', async () => {
		const event = await buildEvent(db(), geel, { title: 'Infoavond' });
		const page = await planFor('event', event.id, new Date());
		const mail = everyText(page).find((t) => t.channel === 'email')!;
		const ids = { unverifiedPlanId: String(page.plan.id), unverifiedTextId: String(mail.id), origin: ORIGIN };
		await saveCommunicationText(as(officer), {
			...ids,
			subject: 'Kom naar de infoavond',
			body: `Beste buren,\n\nLees alles op ${ORIGIN}/geel/activiteiten/${event.id}-${event.slug}. Tot dan!`
		});
		let saved = everyText(
			await getCommunicationPlan(as(officer), { unverifiedId: String(page.plan.id), origin: ORIGIN })
		).find((t) => t.id === mail.id)!;
		expect(saved.edited).toBe(true);
		expect(saved.subject).toBe('Kom naar de infoavond');
		const [link] = linksIn(saved.body);
		expect(new URL(link!).searchParams.get('utm_source')).toBe('email');
		expect(saved.body).toMatch(/utm_content=\w+\. Tot dan!$/);

		// The own text is thrown away only after the tick: without it the refusal says so beside the box.
		const unticked = await refusal(
			resetCommunicationText(as(officer), { ...ids, confirm: '' }),
			'validation'
		);
		expect(unticked.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		saved = everyText(
			await getCommunicationPlan(as(officer), { unverifiedId: String(page.plan.id), origin: ORIGIN })
		).find((t) => t.id === mail.id)!;
		expect(saved.edited).toBe(true);
		expect(saved.subject).toBe('Kom naar de infoavond');
		await resetCommunicationText(as(officer), { ...ids, confirm: 'on' });
		saved = everyText(
			await getCommunicationPlan(as(officer), { unverifiedId: String(page.plan.id), origin: ORIGIN })
		).find((t) => t.id === mail.id)!;
		expect(saved.edited).toBe(false);
		expect(saved.body).toBe(mail.body);
	});

	it('refuses hostile, oversized and empty texts beside the field, and saves nothing', async () => {
		const event = await buildEvent(db(), geel);
		const page = await planFor('event', event.id, new Date());
		const text = everyText(page)[0]!;
		const ids = { unverifiedPlanId: String(page.plan.id), unverifiedTextId: String(text.id), origin: ORIGIN };
		const cases: [string, string, string][] = [
			['<script>alert(1)</script>', 'body', 'communication.errors.html'],
			['Klik <a href="x" onclick="steal()">hier</a>', 'body', 'communication.errors.html'],
			['[Klik](javascript:alert(1))', 'body', 'communication.errors.link'],
			['x'.repeat(100_000), 'body', 'communication.errors.bodyLong'],
			['   ', 'body', 'communication.errors.body']
		];
		for (const [body, field, key] of cases) {
			const err = await refusal(saveCommunicationText(as(officer), { ...ids, body }), 'validation');
			expect(err.options.fields?.[field]).toContain(key);
		}
		const err = await refusal(
			saveCommunicationText(as(officer), { ...ids, subject: 'x'.repeat(201), body: 'Goed' }),
			'validation'
		);
		expect(err.options.fields?.subject).toEqual(['communication.errors.subjectLong']);
		const [row] = await db().select().from(communicationTexts).where(eq(communicationTexts.id, text.id));
		expect(row?.body).toBeNull();
		// Dutch that merely looks like a scheme or a comparison is fine.
		await saveCommunicationText(as(officer), {
			...ids,
			body: 'Data: 10 en 12 september, kinderen < 12 jaar gratis.'
		});
	});

	it('adds, moves and removes a moment; a channel or date that does not exist is refused beside the field', async () => {
		const action = await buildAction(db(), geel);
		const page = await planFor('action', action.id, new Date('2026-05-04T09:00:00Z'));
		const plan = { unverifiedPlanId: String(page.plan.id) };
		let err = await refusal(
			addCommunicationMoment(as(officer), {
				...plan,
				kind: 'invite',
				dueOn: '2026-02-31',
				channels: ['facebook']
			}),
			'validation'
		);
		expect(err.options.fields?.dueOn).toEqual(['communication.errors.date']);
		err = await refusal(
			addCommunicationMoment(as(officer), {
				...plan,
				kind: 'invite',
				dueOn: '2026-06-01',
				channels: ['tiktok']
			}),
			'validation'
		);
		expect(err.options.fields?.channels).toEqual(['communication.errors.channels']);
		err = await refusal(
			addCommunicationMoment(as(officer), { ...plan, kind: 'feest', dueOn: 'morgen', channels: [] }),
			'validation'
		);
		expect(Object.keys(err.options.fields ?? {}).sort()).toEqual(['channels', 'dueOn', 'kind']);

		const { id } = await addCommunicationMoment(as(officer), {
			...plan,
			kind: 'remind',
			dueOn: '2026-06-01',
			channels: ['whatsapp', 'facebook']
		});
		const moment = { ...plan, unverifiedMomentId: String(id) };
		await moveCommunicationMoment(as(officer), { ...moment, dueOn: '2026-06-03' });
		await refusal(moveCommunicationMoment(as(officer), { ...moment, dueOn: '3 juni' }), 'validation');
		const preview = await previewMomentRemoval(as(officer), moment);
		expect(preview.moment).toEqual({ id, kind: 'remind', dueOn: '2026-06-03' });
		expect(preview.channels).toEqual(['facebook', 'whatsapp']);
		await refusal(removeCommunicationMoment(as(officer), { ...moment, confirm: '' }), 'validation');
		await removeCommunicationMoment(as(officer), { ...moment, confirm: 'on' });
		await refusal(previewMomentRemoval(as(officer), moment), 'not_found');

		const actions = (await auditOf(db(), geel.id)).map((a) => a.action);
		expect(actions).toEqual(
			expect.arrayContaining([
				'communication.plan_created',
				'communication.moment_added',
				'communication.moment_moved',
				'communication.moment_removed',
				'communication.text_changed',
				'communication.text_reset'
			])
		);
	});
});

describe('the week', () => {
	it('runs Monday to Sunday in Brussels across the change to summer time, and marks texts published', async () => {
		const event = await buildEvent(db(), geel, {
			title: 'Zomeruur-werkgroep',
			startsAt: new Date('2025-04-20T17:00:00Z'),
			publishedAt: new Date('2025-03-18T10:00:00Z')
		});
		const page = await planFor('event', event.id, new Date('2025-03-20T10:00:00Z'));
		const plan = { unverifiedPlanId: String(page.plan.id) };
		// Sunday 30 March 2025 is the day the clocks go forward; Monday 31 March starts the next week.
		await addCommunicationMoment(as(officer), {
			...plan,
			kind: 'remind',
			dueOn: '2025-03-30',
			channels: ['facebook']
		});
		await addCommunicationMoment(as(officer), {
			...plan,
			kind: 'remind',
			dueOn: '2025-03-31',
			channels: ['whatsapp']
		});
		expect(weekOf(new Date('2025-03-30T21:59:00Z'))).toEqual({ from: '2025-03-24', to: '2025-03-31' }); // 23:59 Sunday
		expect(weekOf(new Date('2025-03-30T22:00:00Z'))).toEqual({ from: '2025-03-31', to: '2025-04-07' }); // 00:00 Monday
		expect(weekOf(new Date('2025-10-26T22:59:00Z'))).toEqual({ from: '2025-10-20', to: '2025-10-27' });

		const week = await listCommunicationWeek(as(officer), {
			week: '2025-03-27',
			q: 'Zomeruur',
			origin: ORIGIN
		});
		expect(week.from).toBe('2025-03-24');
		expect(week.until).toBe('2025-03-30');
		expect(week.previous).toBe('2025-03-17');
		expect(week.next).toBe('2025-03-31');
		expect(week.days.map((d) => d.day)).toEqual(['2025-03-30']);
		const sunday = week.days[0]!.items;
		expect(sunday.map((i) => [i.channel, i.moment])).toEqual([['facebook', 'remind']]);
		expect(sunday[0]!.plan.title).toBe('Zomeruur-werkgroep');
		const next = await listCommunicationWeek(as(officer), {
			week: '2025-03-31',
			q: 'Zomeruur',
			origin: ORIGIN
		});
		// Monday 31 March (the added reminder) opens the next week, which ends with the invitation on Sunday 6 April.
		expect(next.days.map((d) => d.day)).toEqual(['2025-03-31', '2025-04-06']);
		expect(next.days[0]!.items.map((i) => i.channel)).toEqual(['whatsapp']);

		// The announcement (20 March) falls in the week before: its magazine text, by channel.
		const earlier = await listCommunicationWeek(as(officer), {
			week: '2025-03-20',
			q: 'Zomeruur',
			channel: 'magazine',
			origin: ORIGIN
		});
		expect(earlier.total).toBe(1);
		const magazine = earlier.days[0]!.items[0]!;

		const { count } = await markCommunicationPublished(as(officer), {
			ids: [String(magazine.id), String(sunday[0]!.id), 'kapot']
		});
		expect(count).toBe(2);
		const done = await listCommunicationWeek(as(officer), {
			week: '2025-03-27',
			q: 'Zomeruur',
			origin: ORIGIN
		});
		expect(done.days[0]!.items[0]!.published?.by).toBe('Sofie Wouters');
		const open = await listCommunicationWeek(as(officer), {
			week: '2025-03-27',
			q: 'Zomeruur',
			state: 'open',
			origin: ORIGIN
		});
		expect(open.total).toBe(0);
		// Marking again changes nothing and says so beside the selection.
		const err = await refusal(
			markCommunicationPublished(as(officer), { ids: [String(magazine.id)] }),
			'validation'
		);
		expect(err.options.fields?.ids).toEqual(['communication.errors.select']);
		await unmarkCommunicationPublished(as(officer), { unverifiedTextId: String(magazine.id) });
		const back = await listCommunicationWeek(as(officer), {
			week: '2025-03-20',
			q: 'Zomeruur',
			state: 'open',
			origin: ORIGIN
		});
		expect(back.days.flatMap((d) => d.items).map((i) => i.id)).toContain(magazine.id);

		const bad = await listCommunicationWeek(as(officer), { week: '2025-02-30', origin: ORIGIN });
		expect(bad.weekRefused).toBe(true);
		const actions = (await auditOf(db(), geel.id)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['communication.published', 'communication.unpublished']));
	});
});

describe('who may', () => {
	it('refuses visitors, citizens and moderators, and shows Mol’s staff nothing of Geel’s', async () => {
		const event = await buildEvent(db(), geel, { title: 'Alleen voor Geel' });
		const page = await planFor('event', event.id, new Date());
		const text = everyText(page)[0]!;
		const planId = String(page.plan.id);
		await refusal(listCommunicationWeek(as(undefined), { origin: ORIGIN }), 'unauthenticated');
		await refusal(listCommunicationWeek(as(citizen), { origin: ORIGIN }), 'forbidden');
		await refusal(listCommunicationWeek(as(moderator), { origin: ORIGIN }), 'forbidden');
		await refusal(
			createCommunicationPlan(as(citizen), { subject: subjectRef('event', event.id) }),
			'forbidden'
		);

		const molCtx = as(molOfficer, mol);
		await refusal(getCommunicationPlan(molCtx, { unverifiedId: planId, origin: ORIGIN }), 'not_found');
		await refusal(
			saveCommunicationText(molCtx, {
				unverifiedPlanId: planId,
				unverifiedTextId: String(text.id),
				body: 'Overgenomen',
				origin: ORIGIN
			}),
			'not_found'
		);
		await refusal(unmarkCommunicationPublished(molCtx, { unverifiedTextId: String(text.id) }), 'not_found');
		await refusal(markCommunicationPublished(molCtx, { ids: [String(text.id)] }), 'validation');
		await refusal(createCommunicationPlan(molCtx, { subject: subjectRef('event', event.id) }), 'validation');
		await refusal(
			addCommunicationMoment(molCtx, {
				unverifiedPlanId: planId,
				kind: 'remind',
				dueOn: '2026-01-01',
				channels: ['facebook']
			}),
			'not_found'
		);
		const molWeek = await listCommunicationWeek(molCtx, { origin: ORIGIN });
		expect(molWeek.days).toEqual([]);
		expect(molWeek.plans).toEqual([]);
		expect(molWeek.options.map((o) => o.label).join()).not.toContain('Alleen voor Geel');
		const [row] = await db().select().from(communicationTexts).where(eq(communicationTexts.id, text.id));
		expect(row?.publishedAt).toBeNull();
		expect(row?.body).toBeNull();
	});
});

// The report (verslag) of an event against a real database: publishing moves the chosen suggestions to
// "chosen" with their answers in their own story, writes the audit rows and domain events, and mails the
// authors, the people with a confirmed place and the action's followers once each; a draft changes no
// suggestion and mails no one; Mol's staff cannot touch Geel's report; a suggestion of another action or
// municipality is refused in Dutch; hostile Markdown is sanitised; oversize input is refused with what was
// typed kept (through the route, as SvelteKit calls it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { isActionFailure, type RequestEvent } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import {
	domainEvents,
	eventRegistrations,
	eventReportSuggestions,
	events,
	suggestionStory,
	suggestions
} from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	buildEvent,
	buildStaff,
	buildSuggestion,
	buildSuggestionOpportunity,
	buildUser,
	getTenant
} from '$lib/server/testing/factories';
import { buildCtx, ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { Actor } from '$lib/server/platform/policy';
import type { MailMessage } from '$lib/server/platform/mail';
import { refusal as personRefusal } from '$lib/server/platform/http';
import { follow } from '$lib/server/platform/subscriptions';
import { insertRegistration } from './events.queries';
import { getEvent } from './events.service';
import { getEventPage } from './events.browse.service';
import { getReportForm, saveReport } from './events.report.service';
import * as reportPage from '../../../../routes/[municipality=slug]/beheer/activiteiten/[activiteit=id]/verslag/+page.server';
import ReportPage from '../../../../routes/[municipality=slug]/beheer/activiteiten/[activiteit=id]/verslag/+page.svelte';

const HOUR = 3_600_000;
const origin = 'https://meedoen.test';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let staff: Actor;
let molStaff: Actor;
let outbox: MailMessage[];
let ctx: Ctx;
let actionId: number;
let opportunityId: number;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	staff = (await buildStaff(database.db, geel, 'moderator')).actor;
	molStaff = (await buildStaff(database.db, mol, 'admin')).actor;
	outbox = [];
	ctx = ctxAs(database.db, geel, staff, outbox);
	const map = await buildSuggestionOpportunity(database.db, geel, { title: 'Plekken om te ontharden' });
	actionId = map.action.id;
	opportunityId = map.id;
});

afterAll(async () => {
	await database?.destroy();
});

let tokens = 0;
async function register(
	eventId: number,
	who: { userId?: string; name?: string; email?: string },
	status: 'confirmed' | 'waitlisted' | 'cancelled' = 'confirmed'
) {
	return insertRegistration(database.db, {
		municipalityId: geel.id,
		eventId,
		userId: who.userId ?? null,
		name: who.userId ? null : (who.name ?? 'Inwoner'),
		email: who.userId ? null : (who.email ?? `inwoner.${++tokens}@example.be`),
		companions: 0,
		status,
		tokenHash: `report-hash-${++tokens}-${Math.random()}`,
		queued: status !== 'cancelled',
		answers: {}
	});
}

async function suggestionRow(id: number) {
	const [row] = await database.db.select().from(suggestions).where(eq(suggestions.id, id));
	return row!;
}

async function storyOf(id: number) {
	return database.db
		.select()
		.from(suggestionStory)
		.where(eq(suggestionStory.suggestionId, id))
		.orderBy(asc(suggestionStory.id));
}

async function pastEvent(extra: { actionId?: number | null } = {}) {
	return buildEvent(database.db, geel, {
		actionId: extra.actionId === undefined ? actionId : extra.actionId,
		startsAt: new Date(Date.now() - 48 * HOUR),
		title: `Werkgroep ontharding ${Math.random().toString(36).slice(2, 7)}`
	});
}

describe('publishing a report', () => {
	it('moves the chosen suggestions to chosen with their answers, and mails each person concerned once', async () => {
		const authorA = await buildUser(database.db, { givenName: 'An', familyName: 'Peeters' });
		const authorB = await buildUser(database.db, { givenName: 'Bart', familyName: 'Janssens' });
		const follower = await buildUser(database.db, { givenName: 'Fien', familyName: 'Claes' });
		const first = await buildSuggestion(database.db, geel, opportunityId, {
			title: 'Speelplein achter de kerk',
			authorId: authorA.id
		});
		const second = await buildSuggestion(database.db, geel, opportunityId, {
			title: 'Parking aan het station',
			authorId: authorB.id
		});
		const left = await buildSuggestion(database.db, geel, opportunityId, { title: 'Schoolstraat' });
		const event = await pastEvent();
		// An is an author, registered with her account and follows the action: one mail.
		await register(event.id, { userId: authorA.id });
		await register(event.id, { name: 'Karel Wouters', email: 'Karel.Wouters@example.be' });
		await register(event.id, { name: 'Wacht Lijst', email: 'wacht@example.be' }, 'waitlisted');
		await register(event.id, { name: 'Afgemeld', email: 'afgemeld@example.be' }, 'cancelled');
		await follow(database.db, {
			municipalityId: geel.id,
			userId: follower.id,
			subject: { kind: 'action', id: actionId }
		});
		await follow(database.db, {
			municipalityId: geel.id,
			userId: authorA.id,
			subject: { kind: 'action', id: actionId }
		});
		// Karel's address once more, as a follower's account in another case: still one mail.
		const karel = await buildUser(database.db, { email: 'karel.wouters@example.be' });
		await follow(database.db, {
			municipalityId: geel.id,
			userId: karel.id,
			subject: { kind: 'action', id: actionId }
		});

		const form = await getReportForm(ctx, { unverifiedEventId: String(event.id) });
		expect(form.suggestions.map((s) => s.id)).toEqual(expect.arrayContaining([first.id, second.id, left.id]));

		outbox.length = 0;
		const result = await saveReport(ctx, {
			unverifiedEventId: String(event.id),
			report: '## Besproken\n\nWe kozen **twee** plekken. Volgende stap: de plantdag.',
			attendance: '14',
			chosen: [String(first.id), String(second.id)],
			answers: { [String(first.id)]: 'Hier begint de eerste werf in het voorjaar.' },
			sharedAnswer: 'De werkgroep koos deze plek.',
			intent: 'publish',
			origin
		});
		expect(result).toEqual({ published: true, mailed: 4 });

		expect((await suggestionRow(first.id)).status).toBe('chosen');
		expect((await suggestionRow(second.id)).status).toBe('chosen');
		expect((await suggestionRow(left.id)).status).toBe('published');
		const firstStory = (await storyOf(first.id)).at(-1)!;
		expect(firstStory).toMatchObject({
			kind: 'status',
			status: 'chosen',
			reason: 'Hier begint de eerste werf in het voorjaar.',
			actorId: staff.userId
		});
		expect((await storyOf(second.id)).at(-1)).toMatchObject({
			kind: 'status',
			status: 'chosen',
			reason: 'De werkgroep koos deze plek.'
		});
		expect((await storyOf(left.id)).map((s) => s.kind)).toEqual(['submitted', 'published']);

		const [row] = await database.db.select().from(events).where(eq(events.id, event.id));
		expect(row!.reportPublishedAt).toBeInstanceOf(Date);
		expect(row!.reportAttendance).toBe(14);

		const changed = await database.db
			.select()
			.from(domainEvents)
			.where(eq(domainEvents.type, 'suggestion.status_changed'))
			.orderBy(asc(domainEvents.id));
		expect(changed.filter((e) => [String(first.id), String(second.id)].includes(e.subjectId))).toHaveLength(
			2
		);
		const published = await database.db
			.select()
			.from(domainEvents)
			.where(
				and(eq(domainEvents.type, 'event.report_published'), eq(domainEvents.subjectId, String(event.id)))
			);
		expect(published).toHaveLength(1);
		expect(published[0]!.payload).toEqual({ chosen: [first.id, second.id], attendance: 14 });
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => (a.details as { eventId?: number }).eventId === event.id
		);
		expect(audit.map((a) => a.action)).toEqual([
			'suggestion.status_changed',
			'suggestion.status_changed',
			'event.report_published'
		]);

		const to = outbox.map((m) => m.to.toLowerCase()).sort();
		expect(to).toEqual(
			[authorA.email!, authorB.email!, follower.email!, 'karel.wouters@example.be']
				.map((e) => e.toLowerCase())
				.sort()
		);
		const mail = outbox.find((m) => m.to === authorB.email)!;
		expect(mail.subject).toBe(`Verslag van ‘${event.title}’`);
		expect(mail.text).toContain('De bijeenkomst koos deze suggesties:');
		expect(mail.text).toContain(`${origin}/geel/suggesties/${first.id}-`);
		expect(mail.text).toContain(`${origin}/geel/activiteiten/${event.id}-`);

		// The event's page shows the report, the attendance and links to the chosen suggestions.
		const view = await getEvent(buildCtx(database.db, geel), { id: event.id });
		expect(view.reportHtml).toContain('<strong>twee</strong>');
		expect(view.reportAttendance).toBe(14);
		expect(view.reportSuggestions.map((s) => s.title)).toEqual([
			'Speelplein achter de kerk',
			'Parking aan het station'
		]);
		expect(view.reportSuggestions[0]!.path).toBe(`/geel/suggesties/${first.id}-${first.slug}`);
		const pageView = await getEventPage(buildCtx(database.db, geel), { id: event.id, slug: event.slug });
		expect(pageView.event.reportSuggestions.map((s) => s.id)).toEqual([first.id, second.id]);

		// Saving again after publication changes the text only: nobody is mailed again, no status written.
		outbox.length = 0;
		const again = await saveReport(ctx, {
			unverifiedEventId: String(event.id),
			report: 'Bijgewerkt verslag.',
			attendance: '15',
			chosen: [String(left.id)],
			intent: 'publish',
			origin
		});
		expect(again).toEqual({ published: false, mailed: 0 });
		expect(outbox).toHaveLength(0);
		expect((await suggestionRow(left.id)).status).toBe('published');
		expect((await storyOf(first.id)).filter((s) => s.status === 'chosen')).toHaveLength(1);
	});

	it('keeps a draft without changing any suggestion or mailing anyone; the form starts from the number checked in', async () => {
		const suggestion = await buildSuggestion(database.db, geel, opportunityId);
		const event = await pastEvent();
		const reg = await register(event.id, { name: 'Aanwezig', email: 'aanwezig@example.be' });
		await database.db
			.update(eventRegistrations)
			.set({ checkedInAt: new Date() })
			.where(eq(eventRegistrations.id, reg.id));
		expect((await getReportForm(ctx, { unverifiedEventId: String(event.id) })).values.attendance).toBe('1');
		outbox.length = 0;
		const result = await saveReport(ctx, {
			unverifiedEventId: String(event.id),
			report: 'Ontwerp',
			attendance: '1',
			chosen: [String(suggestion.id)],
			answers: { [String(suggestion.id)]: 'Nog te bevestigen' },
			intent: 'draft',
			origin
		});
		expect(result).toEqual({ published: false, mailed: 0 });
		expect(outbox).toHaveLength(0);
		expect((await suggestionRow(suggestion.id)).status).toBe('published');
		const form = await getReportForm(ctx, { unverifiedEventId: String(event.id) });
		expect(form.values).toMatchObject({
			report: 'Ontwerp',
			chosen: [String(suggestion.id)],
			answers: { [String(suggestion.id)]: 'Nog te bevestigen' }
		});
		expect((await getEvent(buildCtx(database.db, geel), { id: event.id })).reportHtml).toBeNull();
	});
});

describe('refusals', () => {
	it('a Mol staff member can neither read nor publish the report of a Geel event', async () => {
		const suggestion = await buildSuggestion(database.db, geel, opportunityId);
		const event = await pastEvent();
		const input = {
			unverifiedEventId: String(event.id),
			report: 'Van Mol',
			attendance: '3',
			chosen: [String(suggestion.id)],
			intent: 'publish',
			origin
		};
		// In Mol's back office the Geel event does not exist; in Geel's, Mol's staff are refused.
		await refusal(saveReport(ctxAs(database.db, mol, molStaff, outbox), input), 'not_found');
		await refusal(getReportForm(ctxAs(database.db, mol, molStaff), input), 'not_found');
		await refusal(saveReport(ctxAs(database.db, geel, molStaff, outbox), input), 'forbidden');
		expect((await suggestionRow(suggestion.id)).status).toBe('published');
		const [row] = await database.db.select().from(events).where(eq(events.id, event.id));
		expect(row!.report).toBeNull();
		expect(row!.reportPublishedAt).toBeNull();
	});

	it('refuses a suggestion of another action or another municipality in Dutch, changing nothing', async () => {
		const other = await buildSuggestionOpportunity(database.db, geel, { title: 'Een andere actie' });
		const otherSuggestion = await buildSuggestion(database.db, geel, other.id);
		const molMap = await buildSuggestionOpportunity(database.db, mol, { title: 'Ontharden in Mol' });
		const molSuggestion = await buildSuggestion(database.db, mol, molMap.id);
		const hidden = await buildSuggestion(database.db, geel, opportunityId, { moderation: 'pending' });
		const own = await buildSuggestion(database.db, geel, opportunityId);
		const event = await pastEvent();
		for (const foreign of [otherSuggestion, molSuggestion, hidden])
			for (const intent of ['draft', 'publish']) {
				const err = await refusal(
					saveReport(ctx, {
						unverifiedEventId: String(event.id),
						report: 'Verslag',
						attendance: '5',
						chosen: [String(own.id), String(foreign.id)],
						intent,
						origin
					}),
					'validation'
				);
				expect(personRefusal('nl', err).fields.chosen).toEqual([
					'Kies alleen openbare suggesties van de kaarten van deze actie; een suggestie van een andere actie of gemeente kan niet.'
				]);
			}
		for (const s of [otherSuggestion, molSuggestion, own])
			expect((await suggestionRow(s.id)).status).toBe('published');
		expect(
			await database.db
				.select()
				.from(eventReportSuggestions)
				.where(eq(eventReportSuggestions.eventId, event.id))
		).toEqual([]);
		// An event without an action has no suggestions to choose.
		const loose = await pastEvent({ actionId: null });
		const err = await refusal(
			saveReport(ctx, {
				unverifiedEventId: String(loose.id),
				report: 'Verslag',
				chosen: [String(own.id)],
				intent: 'publish',
				origin
			}),
			'validation'
		);
		expect(Object.keys(personRefusal('nl', err).fields)).toEqual(['chosen']);
	});

	it('sanitises hostile Markdown on the event page and the form preview', async () => {
		const event = await pastEvent();
		await saveReport(ctx, {
			unverifiedEventId: String(event.id),
			report:
				'**Vet** en [klik](javascript:alert(3))\n\n<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">',
			attendance: '',
			intent: 'publish',
			origin
		});
		const html = (await getEvent(buildCtx(database.db, geel), { id: event.id })).reportHtml!;
		const preview = (await getReportForm(ctx, { unverifiedEventId: String(event.id) })).previewHtml!;
		for (const out of [html, preview]) {
			expect(out).toContain('<strong>Vet</strong>');
			// Raw HTML is shown as the text it is; nothing of it runs or loads.
			expect(out).not.toMatch(/<script|<img|href="javascript/i);
			expect(out).toContain('klik');
		}
	});

	it('refuses an oversize report or answer beside the field, with what was typed kept', async () => {
		const suggestion = await buildSuggestion(database.db, geel, opportunityId);
		const event = await pastEvent();
		const long = `Verslag ${'x'.repeat(50_000)}`;
		const err = await refusal(
			saveReport(ctx, {
				unverifiedEventId: String(event.id),
				report: long,
				intent: 'draft',
				origin
			}),
			'validation'
		);
		expect(personRefusal('nl', err).fields.report).toEqual([
			'Het verslag is te lang: hoogstens 50.000 tekens.'
		]);

		// Through the route: the answer too long, the page comes back with everything typed.
		const body = new URLSearchParams();
		body.append('report', 'Wat we beslisten');
		body.append('attendance', '7');
		body.append('chosen', String(suggestion.id));
		body.append(`answer.${suggestion.id}`, 'a'.repeat(1_001));
		body.append('sharedAnswer', 'Gedeeld antwoord');
		body.append('intent', 'publish');
		const url = new URL(`/geel/beheer/activiteiten/${event.id}/verslag`, origin);
		const request = {
			url,
			request: new Request(url, { method: 'POST', body }),
			locals: {
				requestId: 'test',
				locale: 'nl',
				municipality: { tenant: geel },
				ctx: buildCtx(database.db, geel, { actor: staff, outbox }),
				session: null
			},
			params: { municipality: 'geel', activiteit: String(event.id) },
			getClientAddress: () => '127.0.0.1'
		} as unknown as RequestEvent;
		const failure = await (reportPage.actions.default as (e: RequestEvent) => unknown)(request);
		expect(isActionFailure(failure)).toBe(true);
		const data = (failure as { status: number; data: Record<string, unknown> }).data as {
			fields: Record<string, string[]>;
			values: Record<string, unknown>;
		};
		expect(data.fields[`answer.${suggestion.id}`]).toEqual([
			'Het antwoord is te lang: hoogstens 1.000 tekens.'
		]);
		expect(data.values).toMatchObject({
			report: 'Wat we beslisten',
			attendance: '7',
			sharedAnswer: 'Gedeeld antwoord',
			chosen: [String(suggestion.id)]
		});
		expect((await suggestionRow(suggestion.id)).status).toBe('published');

		const page = await getReportForm(ctx, { unverifiedEventId: String(event.id) });
		const html = render(ReportPage, {
			props: {
				data: { municipality: { slug: 'geel' }, page, done: null, count: 0 } as never,
				form: data as never
			}
		}).body;
		expect(html).toContain('Wat we beslisten');
		expect(html).toContain('Gedeeld antwoord');
		expect(html).toContain('a'.repeat(1_001));
		expect(html).toContain('Het antwoord is te lang: hoogstens 1.000 tekens.');
		expect(html).toMatch(new RegExp(`id="chosen-${suggestion.id}"[^>]*checked`));
	});
});

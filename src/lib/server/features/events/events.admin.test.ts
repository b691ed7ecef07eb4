// The back office of events against a real database: creating (times typed in Brussels), editing with the
// iCalendar sequence, the capacity that cannot drop below the places taken, duplicating, cancelling with its
// count and domain event, registrations (filter, search, CSV, check-in), bad and hostile input, who may do
// what, and that Mol's staff can neither read nor change anything of Geel's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { and, eq, inArray } from 'drizzle-orm';
import ICAL from 'ical.js';
import { domainEvents, eventRegistrations, events } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import {
	buildAction,
	buildEvent,
	buildOpportunity,
	buildOtherRegion,
	buildStaff,
	buildUser,
	actorOf,
	coachMunicipality,
	getTenant,
	grantRegionRole,
	regionIdOf
} from '$lib/server/testing/factories';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { refusal as personRefusal } from '$lib/server/platform/http';
import { insertRegistration } from './events.queries';
import type { MailMessage } from '$lib/server/platform/mail';
import * as admin from './events.admin.service';
import * as invitations from './events.invitations.service';
import * as report from './events.report.service';
import ListPage from '../../../../routes/[municipality=slug]/beheer/activiteiten/+page.svelte';
import RegistrationsPage from '../../../../routes/[municipality=slug]/beheer/activiteiten/[activiteit=id]/inschrijvingen/+page.svelte';
import { listParams } from '$lib/server/platform/backoffice-pages';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let ctx: Ctx;
let ctxMol: Ctx;
let actionId: number;
let opportunityId: number;
let molOpportunityId: number;

const valid = {
	actionId: '',
	opportunityId: '',
	kind: 'workingGroup',
	rung: '',
	title: 'Werkgroep ontharding: kies de plekken',
	description: 'We kiezen **drie** plekken.',
	startsAt: '2027-09-10T19:30',
	endsAt: '2027-09-10T21:30',
	venueName: 'Gemeenschapscentrum De Halle',
	address: 'Markt 1, 2440 Geel',
	accessibility: 'Gelijkvloerse ingang',
	whatToBring: '',
	onlineUrl: '',
	organiser: 'Dienst Omgeving',
	capacity: '20',
	registrationDeadline: '2027-09-09T12:00',
	maxCompanions: '2',
	questions: [{ id: '', label: 'Ik breng een spade mee', type: 'checkbox' }],
	status: 'published',
	origin: 'https://meedoen.test'
};

let tokens = 0;
async function register(
	eventId: number,
	tenant: Tenant,
	options: {
		status?: 'confirmed' | 'waitlisted' | 'pending' | 'cancelled';
		name?: string;
		companions?: number;
	} = {}
) {
	const status = options.status ?? 'confirmed';
	return insertRegistration(database.db, {
		municipalityId: tenant.id,
		eventId,
		name: options.name ?? `Inwoner ${++tokens}`,
		email: `inwoner.${tokens}.${Math.random().toString(36).slice(2, 7)}@example.be`,
		companions: options.companions ?? 0,
		status,
		tokenHash: `hash-${tokens}-${Math.random()}`,
		queued: status === 'confirmed' || status === 'waitlisted',
		answers: { q1: true }
	});
}

async function eventRow(id: number) {
	const [row] = await database.db.select().from(events).where(eq(events.id, id));
	return row!;
}

async function domainEventsOf(id: number) {
	return database.db
		.select()
		.from(domainEvents)
		.where(and(eq(domainEvents.subjectKind, 'event'), eq(domainEvents.subjectId, String(id))))
		.orderBy(domainEvents.id);
}

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	ctx = ctxAs(database.db, geel, (await buildStaff(database.db, geel, 'moderator')).actor);
	ctxMol = ctxAs(database.db, mol, (await buildStaff(database.db, mol, 'admin')).actor);
	const action = await buildAction(database.db, geel, { title: 'Ontharden in Geel' });
	actionId = action.id;
	opportunityId = (await buildOpportunity(database.db, geel, action.id, { kind: 'workingGroup' })).id;
	const molAction = await buildAction(database.db, mol, { title: 'Ontharden in Mol' });
	molOpportunityId = (await buildOpportunity(database.db, mol, molAction.id, { kind: 'workingGroup' })).id;
});

afterAll(async () => {
	await database?.destroy();
});

describe('creating an event', () => {
	it('stores Brussels wall-clock times as instants, the rung of its kind, its opportunity’s action, an audit row and its domain events', async () => {
		const { id } = await admin.createEvent(ctx, { ...valid, opportunityId: String(opportunityId) });
		const row = await eventRow(id);
		// 10 September 2027 is summer time (UTC+2); 19:30 in Brussels is 17:30 UTC.
		expect(row.startsAt.toISOString()).toBe('2027-09-10T17:30:00.000Z');
		expect(row.endsAt.toISOString()).toBe('2027-09-10T19:30:00.000Z');
		expect(row.registrationDeadline?.toISOString()).toBe('2027-09-09T10:00:00.000Z');
		expect(row).toMatchObject({
			municipalityId: geel.id,
			actionId,
			opportunityId,
			rung: 'codecide',
			status: 'published',
			capacity: 20,
			maxCompanions: 2,
			sequence: 0,
			slug: 'werkgroep-ontharding-kies-de-plekken'
		});
		expect(row.publishedAt).not.toBeNull();
		expect(row.questions).toEqual([{ id: 'q1', label: 'Ik breng een spade mee', type: 'checkbox' }]);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => (a.details as { eventId?: number }).eventId === id
		);
		expect(audit.map((a) => a.action)).toEqual(['event.created']);
		expect((await domainEventsOf(id)).map((e) => e.type)).toEqual(['event.created', 'event.published']);
	});

	it('reads winter time in January (UTC+1) and lets staff choose another rung than the kind’s', async () => {
		const { id } = await admin.createEvent(ctx, {
			...valid,
			kind: 'actionDay',
			rung: 'selfManage',
			startsAt: '2027-01-20T09:30',
			endsAt: '2027-01-20T12:00',
			registrationDeadline: ''
		});
		const row = await eventRow(id);
		expect(row.startsAt.toISOString()).toBe('2027-01-20T08:30:00.000Z');
		expect(row.rung).toBe('selfManage');
		expect(row.registrationDeadline).toBeNull();
	});

	it('keeps a draft a draft, without a publication moment', async () => {
		const { id } = await admin.createEvent(ctx, { ...valid, status: 'draft' });
		const row = await eventRow(id);
		expect(row.status).toBe('draft');
		expect(row.publishedAt).toBeNull();
	});
});

describe('bad and hostile input', () => {
	it('refuses an end before the start, beside the end, and saves nothing', async () => {
		const before = await database.db.$count(events, eq(events.municipalityId, geel.id));
		const err = await refusal(
			admin.createEvent(ctx, { ...valid, startsAt: '2027-09-10T21:00', endsAt: '2027-09-10T19:00' }),
			'validation'
		);
		expect(err.options.fields).toEqual({ endsAt: ['eventsAdmin.errors.endBeforeStart'] });
		expect(await database.db.$count(events, eq(events.municipalityId, geel.id))).toBe(before);
	});

	it('marks every wrong field at once: no title, an impossible date, a capacity of 0, an http link, a deadline after the start', async () => {
		const err = await refusal(
			admin.createEvent(ctx, {
				...valid,
				title: '   ',
				startsAt: '2027-02-30T19:30',
				capacity: '0',
				maxCompanions: '21',
				onlineUrl: 'http://example.be/sessie',
				kind: 'stoelendans',
				questions: [{ id: '', label: 'x'.repeat(201), type: 'radio' }]
			}),
			'validation'
		);
		expect(err.options.fields).toMatchObject({
			title: ['eventsAdmin.errors.titleRequired'],
			startsAt: ['eventsAdmin.errors.dateTime'],
			capacity: ['eventsAdmin.errors.capacity'],
			maxCompanions: ['eventsAdmin.errors.maxCompanions'],
			onlineUrl: ['eventsAdmin.errors.onlineUrl'],
			kind: ['eventsAdmin.errors.kind'],
			'questions.0.label': ['eventsAdmin.errors.questionLabel'],
			'questions.0.type': ['eventsAdmin.errors.questionType']
		});
		const deadline = await refusal(
			admin.createEvent(ctx, { ...valid, registrationDeadline: '2027-09-11T10:00' }),
			'validation'
		);
		expect(deadline.options.fields).toEqual({
			registrationDeadline: ['eventsAdmin.errors.deadlineAfterStart']
		});
	});

	it('refuses 100,000 characters per field, beside each field, and stores nothing', async () => {
		const long = 'x'.repeat(100_000);
		const before = await database.db.$count(events, eq(events.municipalityId, geel.id));
		const err = await refusal(
			admin.createEvent(ctx, {
				...valid,
				title: long,
				description: long,
				venueName: long,
				address: long,
				accessibility: long,
				whatToBring: long,
				organiser: long,
				onlineUrl: long,
				capacity: long,
				startsAt: long,
				questions: Array.from({ length: 500 }, () => ({ id: '', label: 'vraag', type: 'text' }))
			}),
			'validation'
		);
		expect(Object.keys(err.options.fields ?? {}).sort()).toEqual(
			[
				'accessibility',
				'address',
				'capacity',
				'description',
				'onlineUrl',
				'organiser',
				'questions',
				'startsAt',
				'title',
				'venueName',
				'whatToBring'
			].sort()
		);
		expect(await database.db.$count(events, eq(events.municipalityId, geel.id))).toBe(before);
	});

	it('refuses an opportunity of Mol, and an opportunity of another action than the chosen one', async () => {
		const foreign = await refusal(
			admin.createEvent(ctx, { ...valid, opportunityId: String(molOpportunityId) }),
			'validation'
		);
		expect(foreign.options.fields).toEqual({ opportunityId: ['eventsAdmin.errors.opportunity'] });
		const other = await buildAction(database.db, geel, { title: 'Een andere actie' });
		const mismatch = await refusal(
			admin.createEvent(ctx, {
				...valid,
				actionId: String(other.id),
				opportunityId: String(opportunityId)
			}),
			'validation'
		);
		expect(mismatch.options.fields).toEqual({
			opportunityId: ['eventsAdmin.errors.opportunityOfOtherAction']
		});
	});

	it('shows a hostile title and name as text in the list and the registrations page', async () => {
		const hostile = '<script>alert(1)</script><b>Vet</b>';
		const { id } = await admin.createEvent(ctx, { ...valid, title: hostile });
		await register(id, geel, { name: hostile });
		const municipality = { slug: 'geel', name: 'Geel' };
		const listView = listParams(new URL('http://x/geel/beheer/activiteiten?zoek=script'), {
			q: 'zoek',
			status: 'status',
			kind: 'soort',
			when: 'wanneer',
			page: 'pagina'
		});
		const list = await admin.listEventsForBackoffice(ctx, listView.filters);
		expect(list.items.map((i) => i.title)).toEqual([hostile]);
		const listHtml = render(ListPage, {
			props: { data: { municipality, list, ...listView.view } as never }
		}).body;
		const regView = listParams(new URL('http://x/'), { q: 'zoek', status: 'status' });
		const registrations = await admin.listRegistrationsForBackoffice(ctx, {
			...regView.filters,
			unverifiedEventId: String(id)
		});
		const regHtml = render(RegistrationsPage, {
			props: { data: { municipality, registrations, ...regView.view } as never, form: null }
		}).body;
		for (const html of [listHtml, regHtml]) {
			expect(html).toContain('&lt;script>alert(1)&lt;/script>&lt;b>Vet&lt;/b>');
			expect(html).not.toContain('<script>alert');
			expect(html).not.toContain('<b>Vet');
		}
		// The check-in form: a box for the person with a place, with the list's own id.
		expect(regHtml).toMatch(/<input type="checkbox" id="present-\d+" name="present"/);
	});
});

describe('editing an event', () => {
	it('bumps the sequence on every change, writes nothing for an unchanged form, and names the changed fields', async () => {
		const { id } = await admin.createEvent(ctx, valid);
		const unchanged = await admin.changeEvent(ctx, { ...valid, unverifiedEventId: String(id) });
		expect(unchanged.changed).toBe(false);
		expect((await eventRow(id)).sequence).toBe(0);

		await admin.changeEvent(ctx, {
			...valid,
			startsAt: '2027-09-10T20:00',
			venueName: 'Bib Geel',
			unverifiedEventId: String(id)
		});
		const row = await eventRow(id);
		expect(row.sequence).toBe(1);
		expect(row.venueName).toBe('Bib Geel');
		await admin.changeEvent(ctx, {
			...valid,
			startsAt: '2027-09-10T20:00',
			venueName: 'Bib Geel',
			title: 'Werkgroep 2',
			unverifiedEventId: String(id)
		});
		expect(await eventRow(id)).toMatchObject({ sequence: 2, slug: 'werkgroep-2' });

		const updated = (await domainEventsOf(id)).filter((e) => e.type === 'event.updated');
		expect(updated.map((e) => e.payload)).toEqual([
			{ fields: ['startsAt', 'venueName'], sequence: 1 },
			{ fields: ['title'], sequence: 2 }
		]);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => (a.details as { eventId?: number }).eventId === id && a.action === 'event.updated'
		);
		expect(audit.map((a) => (a.details as { changed: string[] }).changed)).toEqual([
			['startsAt', 'venueName'],
			['title']
		]);
	});

	it('refuses a capacity below the places taken with their number (companions counted), in Dutch beside the field', async () => {
		const { id } = await admin.createEvent(ctx, valid);
		await register(id, geel, { companions: 2 });
		await register(id, geel);
		await register(id, geel, { status: 'waitlisted' });
		await register(id, geel, { status: 'cancelled' });
		const err = await refusal(
			admin.changeEvent(ctx, { ...valid, capacity: '3', unverifiedEventId: String(id) }),
			'validation'
		);
		expect(err.options.fields).toEqual({ capacity: ['eventsAdmin.errors.capacityBelowTaken'] });
		expect(err.options.details).toEqual({ count: 4 });
		expect(personRefusal('nl', err).fields.capacity).toEqual([
			'Er zijn al 4 plaatsen ingenomen. Zet het aantal plaatsen op 4 of meer.'
		]);
		expect((await eventRow(id)).capacity).toBe(20);
		await admin.changeEvent(ctx, { ...valid, capacity: '4', unverifiedEventId: String(id) });
		expect((await eventRow(id)).capacity).toBe(4);
	});

	it('moves the waitlist up in arrival order when the capacity goes up, and mails who moved up after the change', async () => {
		const outbox: MailMessage[] = [];
		const mailing = ctxAs(database.db, geel, ctx.actor, outbox);
		const { id } = await admin.createEvent(ctx, { ...valid, capacity: '2', maxCompanions: '3' });
		await register(id, geel);
		await register(id, geel);
		const first = await register(id, geel, { status: 'waitlisted', name: 'Eerste wachtende' });
		const big = await register(id, geel, { status: 'waitlisted', name: 'Met drie mee', companions: 3 });
		const third = await register(id, geel, { status: 'waitlisted', name: 'Derde wachtende' });
		const result = await admin.changeEvent(mailing, {
			...valid,
			capacity: '4',
			maxCompanions: '3',
			unverifiedEventId: String(id)
		});
		// Two places more: the first waits no longer; the next needs four places and keeps their turn; the third fits.
		expect(result).toEqual({ changed: true, movedUp: 2 });
		const statuses = Object.fromEntries(
			(
				await database.db
					.select({ id: eventRegistrations.id, status: eventRegistrations.status })
					.from(eventRegistrations)
					.where(eq(eventRegistrations.eventId, id))
			).map((r) => [r.id, r.status])
		);
		expect([statuses[first.id], statuses[big.id], statuses[third.id]]).toEqual([
			'confirmed',
			'waitlisted',
			'confirmed'
		]);
		expect(outbox).toHaveLength(2);
		expect(outbox.map((m) => m.to).every((to) => to.endsWith('@example.be'))).toBe(true);
		// Each carries the invitation for their calendar, at the event's new sequence.
		for (const mail of outbox) {
			const ics = mail.attachments?.find((a) => a.filename.endsWith('.ics'))?.content ?? '';
			expect(ics).toContain('METHOD:REQUEST');
			expect(ics).toContain('SEQUENCE:1');
		}
		expect((await eventRow(id)).sequence).toBe(1);
	});

	it('refuses to turn a published event with people registered back into a draft, with their number', async () => {
		const { id } = await admin.createEvent(ctx, valid);
		await register(id, geel);
		await register(id, geel, { status: 'waitlisted' });
		const err = await refusal(
			admin.changeEvent(ctx, { ...valid, status: 'draft', unverifiedEventId: String(id) }),
			'validation'
		);
		expect(personRefusal('nl', err).fields.status).toEqual([
			'Er zijn al 2 personen ingeschreven. Een ontwerp zien zij niet meer: annuleer de activiteit als ze niet doorgaat.'
		]);
		expect((await eventRow(id)).status).toBe('published');
		const empty = (await admin.createEvent(ctx, valid)).id;
		await admin.changeEvent(ctx, { ...valid, status: 'draft', unverifiedEventId: String(empty) });
		expect((await eventRow(empty)).status).toBe('draft');
	});

	it('keeps the ids of existing questions so answers stay under them, and gives a new one the next free id', async () => {
		const { id } = await admin.createEvent(ctx, valid);
		await admin.changeEvent(ctx, {
			...valid,
			questions: [
				{ id: 'q1', label: 'Ik breng een spade mee', type: 'checkbox' },
				{ id: '', label: 'Allergieën?', type: 'text' }
			],
			unverifiedEventId: String(id)
		});
		expect((await eventRow(id)).questions).toEqual([
			{ id: 'q1', label: 'Ik breng een spade mee', type: 'checkbox' },
			{ id: 'q2', label: 'Allergieën?', type: 'text' }
		]);
	});
});

describe('duplicating an event', () => {
	it('fills the new form with the event’s values as a draft, and records the copy’s source', async () => {
		const { id } = await admin.createEvent(ctx, { ...valid, opportunityId: String(opportunityId) });
		const form = await admin.getNewEventForm(ctx, { unverifiedDuplicateOf: String(id) });
		expect(form.duplicateOf).toEqual({ id, title: valid.title });
		expect(form.initial).toMatchObject({
			title: valid.title,
			startsAt: '2027-09-10T19:30',
			opportunityId: String(opportunityId),
			status: 'draft',
			capacity: '20'
		});
		const copy = await admin.createEvent(ctx, {
			...form.initial!,
			startsAt: '2027-10-08T19:30',
			endsAt: '2027-10-08T21:30',
			registrationDeadline: '',
			unverifiedDuplicateOf: String(id)
		});
		const row = await eventRow(copy.id);
		expect(row).toMatchObject({ status: 'draft', opportunityId, actionId, title: valid.title });
		expect(row.uid).not.toBe((await eventRow(id)).uid);
		const [audit] = (await auditOf(database.db, geel.id)).filter(
			(a) => (a.details as { eventId?: number }).eventId === copy.id
		);
		expect(audit?.details).toMatchObject({ duplicatedFrom: id });
	});
});

describe('cancelling an event', () => {
	it('says how many will be told, asks for the tick, then cancels with the sequence up and the domain event', async () => {
		const { id } = await admin.createEvent(ctx, valid);
		await register(id, geel);
		await register(id, geel);
		await register(id, geel, { status: 'waitlisted' });
		await register(id, geel, { status: 'pending' });
		const alreadyGone = await register(id, geel, { status: 'cancelled' });
		const preview = await admin.previewCancelEvent(ctx, { unverifiedEventId: String(id) });
		expect(preview).toMatchObject({ confirmed: 2, waitlisted: 1, pending: 1 });

		const unticked = await refusal(
			admin.cancelEvent(ctx, { unverifiedEventId: String(id), origin: valid.origin }),
			'validation'
		);
		expect(unticked.options.fields).toEqual({ confirm: ['backoffice.errors.confirmRequired'] });
		expect((await eventRow(id)).status).toBe('published');

		const outbox: MailMessage[] = [];
		const told = await admin.cancelEvent(ctxAs(database.db, geel, ctx.actor, outbox), {
			confirm: 'on',
			unverifiedEventId: String(id),
			origin: valid.origin
		});
		expect(told).toMatchObject({ confirmed: 2, waitlisted: 1, pending: 1, told: 4 });
		const row = await eventRow(id);
		expect(row).toMatchObject({ status: 'cancelled', sequence: 1 });
		expect(row.cancelledAt).not.toBeNull();
		const cancelled = (await domainEventsOf(id)).filter((e) => e.type === 'event.cancelled');
		expect(cancelled.map((e) => e.payload)).toEqual([
			{ sequence: 1, confirmed: 2, waitlisted: 1, pending: 1 }
		]);
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => (a.details as { eventId?: number }).eventId === id && a.action === 'event.cancelled'
		);
		expect(audit).toHaveLength(1);

		// Every live registration ended with the event, each with its domain event; the one cancelled before is
		// left alone and not mailed.
		const registrations = await database.db
			.select({
				id: eventRegistrations.id,
				status: eventRegistrations.status,
				email: eventRegistrations.email
			})
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, id));
		expect(registrations.map((r) => r.status)).toEqual(registrations.map(() => 'cancelled'));
		const ended = await database.db
			.select({ payload: domainEvents.payload })
			.from(domainEvents)
			.where(
				and(
					eq(domainEvents.type, 'registration.status_changed'),
					inArray(
						domainEvents.subjectId,
						registrations.filter((r) => r.id !== alreadyGone.id).map((r) => String(r.id))
					)
				)
			);
		expect(ended.map((e) => (e.payload as { reason: string }).reason)).toEqual([
			'event_cancelled',
			'event_cancelled',
			'event_cancelled',
			'event_cancelled'
		]);
		// Everyone else is told once; who had a place gets the calendar's cancellation, read back by ical.js.
		expect(outbox.map((m) => m.to).sort()).toEqual(
			registrations
				.filter((r) => r.id !== alreadyGone.id)
				.map((r) => r.email)
				.sort()
		);
		expect(outbox.every((m) => m.subject.startsWith('Geannuleerd: '))).toBe(true);
		const calendars = outbox
			.map((m) => m.attachments?.find((a) => a.filename.endsWith('.ics'))?.content)
			.filter((c): c is string => typeof c === 'string')
			.map((text) => new ICAL.Component(ICAL.parse(text)));
		expect(calendars).toHaveLength(2);
		for (const calendar of calendars) {
			expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
			const vevent = calendar.getFirstSubcomponent('vevent')!;
			expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
			expect(vevent.getFirstPropertyValue('sequence')).toBe(1);
		}

		await refusal(
			admin.cancelEvent(ctx, { confirm: 'on', unverifiedEventId: String(id), origin: valid.origin }),
			'conflict'
		);
		await refusal(admin.previewCancelEvent(ctx, { unverifiedEventId: String(id) }), 'conflict');
		await refusal(admin.changeEvent(ctx, { ...valid, unverifiedEventId: String(id) }), 'conflict');
		expect((await eventRow(id)).sequence).toBe(1);
	});
});

describe('registrations of an event', () => {
	let id: number;
	let otherEventId: number;
	const ids: Record<string, number> = {};

	beforeAll(async () => {
		id = (await admin.createEvent(ctx, valid)).id;
		ids.anna = (await register(id, geel, { name: 'Anna Peeters', companions: 1 })).id;
		ids.bart = (await register(id, geel, { name: 'Bart Janssens' })).id;
		ids.chris = (await register(id, geel, { name: 'Chris Wouters', status: 'waitlisted' })).id;
		const account = await buildUser(database.db, { givenName: 'Dirk', familyName: 'Maes' });
		ids.dirk = (
			await insertRegistration(database.db, {
				municipalityId: geel.id,
				eventId: id,
				userId: account.id,
				status: 'confirmed',
				tokenHash: `hash-dirk-${Math.random()}`,
				queued: true
			})
		).id;
		otherEventId = (await buildEvent(database.db, geel)).id;
		ids.other = (await register(otherEventId, geel, { name: 'Elders' })).id;
	});

	it('lists them in arrival order with counts, filtered by status and searched by name (also an account’s)', async () => {
		const all = await admin.listRegistrationsForBackoffice(ctx, { unverifiedEventId: String(id) });
		expect(all.items.map((r) => r.name)).toEqual([
			'Anna Peeters',
			'Bart Janssens',
			'Chris Wouters',
			'Dirk M.'
		]);
		expect(all.counts).toMatchObject({ confirmed: 3, waitlisted: 1, pending: 0 });
		expect(all.items[0]!.answers).toEqual([{ label: 'Ik breng een spade mee', value: true }]);
		const waitlist = await admin.listRegistrationsForBackoffice(ctx, {
			unverifiedEventId: String(id),
			status: 'waitlisted'
		});
		expect(waitlist.items.map((r) => r.name)).toEqual(['Chris Wouters']);
		const search = await admin.listRegistrationsForBackoffice(ctx, {
			unverifiedEventId: String(id),
			q: 'dirk'
		});
		expect(search.items.map((r) => r.name)).toEqual(['Dirk M.']);
		const pattern = await admin.listRegistrationsForBackoffice(ctx, {
			unverifiedEventId: String(id),
			q: '%'
		});
		expect(pattern.items).toEqual([]);
	});

	it('checks in people with a place, undoes a check-in that is unticked, and leaves the waitlist and other events alone', async () => {
		await admin.checkInRegistrations(ctx, {
			unverifiedEventId: String(id),
			shown: [ids.anna, ids.bart, ids.chris, ids.other].map(String),
			present: [ids.anna, ids.bart, ids.chris, ids.other].map(String)
		});
		const checked = async () =>
			Object.fromEntries(
				(
					await database.db
						.select({ id: eventRegistrations.id, at: eventRegistrations.checkedInAt })
						.from(eventRegistrations)
						.where(eq(eventRegistrations.municipalityId, geel.id))
				).map((r) => [r.id, r.at !== null])
			);
		expect(await checked()).toMatchObject({
			[ids.anna!]: true,
			[ids.bart!]: true,
			[ids.chris!]: false,
			[ids.dirk!]: false,
			[ids.other!]: false
		});
		// Bart was ticked by mistake; Dirk was not shown, so stays as he was.
		await admin.checkInRegistrations(ctx, {
			unverifiedEventId: String(id),
			shown: [ids.anna, ids.bart].map(String),
			present: [String(ids.anna)]
		});
		expect(await checked()).toMatchObject({ [ids.anna!]: true, [ids.bart!]: false, [ids.dirk!]: false });
		const page = await admin.listRegistrationsForBackoffice(ctx, { unverifiedEventId: String(id) });
		expect(page.checkedIn).toBe(1);
		const audit = (await auditOf(database.db, geel.id)).filter((a) => a.action === 'event.checked_in');
		expect(audit.map((a) => a.details)).toEqual([
			expect.objectContaining({ checkedIn: 2, undone: 0 }),
			expect.objectContaining({ checkedIn: 0, undone: 1 })
		]);
	});

	it('exports every registration as CSV for Excel with the answers, formulas neutralised, and audits the export', async () => {
		await register(id, geel, { name: '=HYPERLINK("http://x")' });
		const file = await admin.exportRegistrations(ctx, { unverifiedEventId: String(id) });
		expect(file.contentType).toBe('text/csv; charset=utf-8');
		expect(file.filename).toMatch(
			/^inschrijvingen-geel-\d+-werkgroep-ontharding-kies-de-plekken-\d{4}-\d{2}-\d{2}\.csv$/
		);
		const lines = file.body.split('\r\n');
		expect(lines[0]).toBe(
			'\uFEFF"id";"Naam";"E-mailadres";"Account";"Status";"Meegebrachte personen";"Ik breng een spade mee";"Ingeschreven op";"Aanwezig (aangevinkt op)"'
		);
		expect(lines.find((l) => l.includes('Anna Peeters'))).toMatch(/"nee";"Ingeschreven";"1";"ja";/);
		expect(lines.find((l) => l.includes('Dirk M.'))).toContain('"ja";"Ingeschreven";"0"');
		expect(file.body).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(file.body).not.toContain('Elders');
		const audit = (await auditOf(database.db, geel.id)).filter(
			(a) => a.action === 'event.registrations_exported'
		);
		expect(audit.at(-1)?.details).toMatchObject({ count: 5 });
	});
});

describe('the list of events', () => {
	it('shows upcoming and past, by status and kind, searched, with registration counts', async () => {
		const past = await buildEvent(database.db, geel, {
			title: 'Voorbije plantdag',
			kind: 'actionDay',
			startsAt: new Date(Date.now() - 30 * 86_400_000)
		});
		const upcoming = await buildEvent(database.db, geel, {
			title: 'Zoekbare infoavond',
			kind: 'infoEvening'
		});
		await register(upcoming.id, geel);
		await register(upcoming.id, geel, { status: 'waitlisted' });
		const found = await admin.listEventsForBackoffice(ctx, { q: 'zoekbare' });
		expect(found.items).toEqual([
			expect.objectContaining({ id: upcoming.id, confirmed: 1, waitlisted: 1, placesTaken: 1, capacity: 20 })
		]);
		const pastList = await admin.listEventsForBackoffice(ctx, { when: 'past' });
		expect(pastList.items.map((i) => i.id)).toContain(past.id);
		expect(pastList.items.map((i) => i.id)).not.toContain(upcoming.id);
		const kinds = await admin.listEventsForBackoffice(ctx, { kind: 'infoEvening' });
		expect(new Set(kinds.items.map((i) => i.kind))).toEqual(new Set(['infoEvening']));
		const drafts = await admin.listEventsForBackoffice(ctx, { status: 'draft', q: 'Werkgroep' });
		expect(drafts.items.length).toBeGreaterThan(0);
		expect(new Set(drafts.items.map((i) => i.status))).toEqual(new Set(['draft']));
		// Nonsense filters fall back to their defaults.
		const nonsense = await admin.listEventsForBackoffice(ctx, { status: 'gewist', when: 'ooit', page: '-3' });
		expect(nonsense.filters).toMatchObject({ status: undefined, when: 'upcoming', page: 1 });
	});
});

describe('publishing ticked drafts', () => {
	it('publishes the drafts among the ticked events after the preview, leaving published ones and Mol’s alone', async () => {
		const a = (await admin.createEvent(ctx, { ...valid, status: 'draft', title: 'Ontwerp A' })).id;
		const b = (await admin.createEvent(ctx, { ...valid, status: 'draft', title: 'Ontwerp B' })).id;
		const published = (await admin.createEvent(ctx, valid)).id;
		const molDraft = (await buildEvent(database.db, mol, { status: 'draft', publishedAt: null })).id;
		const ids = [a, b, published, molDraft].map(String);
		const preview = await admin.previewPublishEvents(ctx, { ids: [...ids, 'x', '-1'] });
		expect(preview.items.map((i) => i.title)).toEqual(['Ontwerp A', 'Ontwerp B']);
		expect(await admin.publishEventsInBulk(ctx, { ids })).toEqual({ changed: 2 });
		for (const id of [a, b]) {
			const row = await eventRow(id);
			expect(row).toMatchObject({ status: 'published', sequence: 1 });
			expect(row.publishedAt).not.toBeNull();
			expect((await domainEventsOf(id)).map((e) => e.type)).toEqual([
				'event.created',
				'event.updated',
				'event.published'
			]);
		}
		expect((await eventRow(published)).sequence).toBe(0);
		expect((await eventRow(molDraft)).status).toBe('draft');
		const nothing = await refusal(admin.publishEventsInBulk(ctx, { ids: [String(published)] }), 'validation');
		expect(nothing.messageKey).toBe('eventsAdmin.bulk.nothingSelected');
		await refusal(
			admin.publishEventsInBulk(ctx, { ids: Array.from({ length: 201 }, (_, i) => String(i + 1)) }),
			'validation'
		);
	});
});

describe('who may manage events', () => {
	it('lets the communication service, the admin and the participation expert coaching Geel in; refuses the alderman and a citizen', async () => {
		const regionId = await regionIdOf(database.db, geel);
		const expert = await buildUser(database.db);
		await coachMunicipality(
			database.db,
			await grantRegionRole(database.db, regionId, expert.id, 'participation_expert'),
			geel
		);
		for (const actor of [
			(await buildStaff(database.db, geel, 'communication')).actor,
			(await buildStaff(database.db, geel, 'admin')).actor,
			await actorOf(database.db, expert)
		]) {
			const list = await admin.listEventsForBackoffice(ctxAs(database.db, geel, actor), {});
			expect(list.filters.when).toBe('upcoming');
		}
		const alderman = (await buildStaff(database.db, geel, 'alderman')).actor;
		await refusal(admin.listEventsForBackoffice(ctxAs(database.db, geel, alderman), {}), 'forbidden');
		await refusal(admin.createEvent(ctxAs(database.db, geel, alderman), valid), 'forbidden');
		const citizen = await actorOf(database.db, await buildUser(database.db));
		await refusal(admin.listEventsForBackoffice(ctxAs(database.db, geel, citizen), {}), 'forbidden');
		await refusal(admin.listEventsForBackoffice(ctxAs(database.db, geel), {}), 'unauthenticated');
	});

	it('stops a participation expert of another region at the border', async () => {
		const other = await buildOtherRegion(database.db);
		const expert = await buildUser(database.db);
		await coachMunicipality(
			database.db,
			await grantRegionRole(database.db, other.regionId, expert.id, 'participation_expert'),
			other.tenant
		);
		const actor = await actorOf(database.db, expert);
		await admin.listEventsForBackoffice(ctxAs(database.db, other.tenant, actor), {});
		await refusal(admin.listEventsForBackoffice(ctxAs(database.db, geel, actor), {}), 'forbidden');
	});

	it('lets the participation expert who coaches Geel prepare and run its events, and refuses them in Mol and in another region', async () => {
		const regionId = await regionIdOf(database.db, geel);
		const expert = await buildUser(database.db, { givenName: 'Pieter', familyName: 'Coach' });
		const roleId = await grantRegionRole(database.db, regionId, expert.id, 'participation_expert');
		// Before any municipality is coached the role gives nothing, not even in Geel.
		await refusal(
			admin.listEventsForBackoffice(ctxAs(database.db, geel, await actorOf(database.db, expert)), {}),
			'forbidden'
		);
		await coachMunicipality(database.db, roleId, geel);
		const actor = await actorOf(database.db, expert);
		const asExpert = ctxAs(database.db, geel, actor);

		// Create, edit, see and check in the registrations, open the invitation and report pages.
		const { id } = await admin.createEvent(asExpert, {
			...valid,
			title: 'Eerste werkgroep met de coach',
			opportunityId: String(opportunityId)
		});
		await admin.changeEvent(asExpert, { ...valid, title: 'Eerste werkgroep', unverifiedEventId: String(id) });
		expect((await eventRow(id)).title).toBe('Eerste werkgroep');
		const registration = await register(id, geel, { name: 'Inwoner bij de coach' });
		await admin.checkInRegistrations(asExpert, {
			unverifiedEventId: String(id),
			shown: [String(registration.id)],
			present: [String(registration.id)]
		});
		const list = await admin.listRegistrationsForBackoffice(asExpert, { unverifiedEventId: String(id) });
		expect(list.items.map((r) => r.name)).toEqual(['Inwoner bij de coach']);
		await expect(
			invitations.getInvitePage(asExpert, { unverifiedEventId: String(id), unverifiedAudience: 'pool' })
		).resolves.toMatchObject({ event: { id } });
		await expect(report.getReportForm(asExpert, { unverifiedEventId: String(id) })).resolves.toBeTruthy();
		const audit = (await auditOf(database.db, geel.id)).filter((row) => row.actorId === expert.id);
		expect(audit.map((row) => row.action)).toEqual(['event.created', 'event.updated', 'event.checked_in']);

		// Mol is in the same region but not coached: refused before anything is read, nothing made.
		const inMol = ctxAs(database.db, mol, actor);
		await refusal(admin.listEventsForBackoffice(inMol, {}), 'forbidden');
		await refusal(
			admin.createEvent(inMol, { ...valid, opportunityId: String(molOpportunityId) }),
			'forbidden'
		);
		await refusal(admin.getEventForBackoffice(inMol, { unverifiedEventId: String(id) }), 'forbidden');
		// Another region's municipality: the same.
		const other = await buildOtherRegion(database.db);
		await refusal(admin.listEventsForBackoffice(ctxAs(database.db, other.tenant, actor), {}), 'forbidden');
		expect(await auditOf(database.db, mol.id)).toEqual(
			expect.not.arrayContaining([expect.objectContaining({ actorId: expert.id })])
		);
	});
});

describe('Mol and Geel', () => {
	it('gives Mol’s admin nothing of Geel’s events or registrations, and changes nothing of them', async () => {
		const { id } = await admin.createEvent(ctx, { ...valid, title: 'Alleen voor Geel' });
		const registration = await register(id, geel, { name: 'Geelse inwoner' });
		const target = { unverifiedEventId: String(id) };
		// In Mol's back office Geel's event is simply not there.
		const list = await admin.listEventsForBackoffice(ctxMol, { q: 'Alleen voor Geel' });
		expect(list.items).toEqual([]);
		await refusal(admin.getEventForBackoffice(ctxMol, target), 'not_found');
		await refusal(admin.getNewEventForm(ctxMol, { unverifiedDuplicateOf: String(id) }), 'not_found');
		await refusal(admin.changeEvent(ctxMol, { ...valid, title: 'Overgenomen', ...target }), 'not_found');
		await refusal(admin.previewCancelEvent(ctxMol, target), 'not_found');
		await refusal(admin.cancelEvent(ctxMol, { confirm: 'on', ...target, origin: valid.origin }), 'not_found');
		await refusal(admin.listRegistrationsForBackoffice(ctxMol, target), 'not_found');
		await refusal(admin.exportRegistrations(ctxMol, target), 'not_found');
		await refusal(
			admin.checkInRegistrations(ctxMol, {
				...target,
				shown: [String(registration.id)],
				present: [String(registration.id)]
			}),
			'not_found'
		);
		// Mol's staff in Geel's back office: refused before anything is read.
		const molInGeel = ctxAs(database.db, geel, ctxMol.actor);
		await refusal(admin.listEventsForBackoffice(molInGeel, {}), 'forbidden');
		await refusal(admin.listRegistrationsForBackoffice(molInGeel, target), 'forbidden');
		await refusal(admin.changeEvent(molInGeel, { ...valid, title: 'Overgenomen', ...target }), 'forbidden');
		// A Mol event cannot be tied to Geel's opportunity either, nor a Mol check-in reach Geel's registration.
		const molEvent = await buildEvent(database.db, mol);
		await refusal(
			admin.createEvent(ctxMol, { ...valid, opportunityId: String(opportunityId) }),
			'validation'
		);
		await admin.checkInRegistrations(ctxMol, {
			unverifiedEventId: String(molEvent.id),
			shown: [String(registration.id)],
			present: [String(registration.id)]
		});
		const row = await eventRow(id);
		expect(row).toMatchObject({ title: 'Alleen voor Geel', status: 'published', sequence: 0 });
		const [reg] = await database.db
			.select()
			.from(eventRegistrations)
			.where(eq(eventRegistrations.id, registration.id));
		expect(reg?.checkedInAt).toBeNull();
		expect(
			(await auditOf(database.db, mol.id)).filter((a) => (a.details as { eventId?: number }).eventId === id)
		).toEqual([]);
	});
});

// An event's logistics against a real database: an action day's suggested checklist, adding, changing, ticking
// and removing items, bad and hostile input refused beside its field, the briefing to the colleagues on the
// list (their own items, the registrations count), sent again through the domain-event handler when the time
// or place changes (and not for another change), and Mol's staff reaching nothing of Geel's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { eventChecklistItems } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildAction, buildStaff, getTenant } from '$lib/server/testing/factories';
import { ctxAs, silentLog } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { refusal as personRefusal } from '$lib/server/platform/http';
import { createEventDispatcher, type HandlerContext } from '$lib/server/platform/events.dispatcher';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import type { Actor } from '$lib/server/platform/policy';
import { insertRegistration } from './events.queries';
import * as admin from './events.admin.service';
import * as logistics from './events.logistics.service';
import { outboxQueue } from '$lib/server/testing/outbox';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let moderator: Actor;
let ctxMol: Ctx;
let outbox: MailMessage[];
let ctx: Ctx;
const ORIGIN = 'https://meedoen.test';

const form = {
	actionId: '',
	opportunityId: '',
	kind: 'actionDay',
	rung: '',
	title: 'Plantdag in de Stationsstraat',
	description: '',
	startsAt: '2027-10-02T09:30',
	endsAt: '2027-10-02T12:30',
	venueName: 'Stationsstraat',
	address: 'Stationsstraat 10, 2440 Geel',
	accessibility: '',
	whatToBring: 'Handschoenen',
	onlineUrl: '',
	organiser: 'Dienst Omgeving',
	capacity: '30',
	registrationDeadline: '',
	maxCompanions: '0',
	status: 'published',
	origin: ORIGIN
};

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	moderator = (await buildStaff(database.db, geel, 'moderator')).actor;
	outbox = [];
	ctx = ctxAs(database.db, geel, moderator, outbox);
	ctxMol = ctxAs(database.db, mol, (await buildStaff(database.db, mol, 'admin')).actor);
	await buildAction(database.db, geel, { title: 'Ontharden' });
});

afterAll(() => database?.destroy());

/** What the App hands a handler, with the mails it queues caught here. */
function handlerContext(queued: MailMessage[]): HandlerContext {
	return {
		config: { origin: ORIGIN } as HandlerContext['config'],
		log: silentLog,
		...outboxQueue(queued)
	};
}

async function itemsOf(eventId: number) {
	return (await logistics.getLogistics(ctx, { unverifiedEventId: String(eventId) })).items;
}

describe('the checklist', () => {
	it('starts an action day with the suggested items, a working group with none', async () => {
		const day = await admin.createEvent(ctx, form);
		expect((await itemsOf(day.id)).map((i) => i.text)).toEqual([
			'Planten bestellen en laten leveren',
			'Gereedschap klaarzetten (spades, kruiwagens, handschoenen)',
			'Container voor opgebroken tegels plaatsen en laten ophalen',
			'EHBO-koffer en een EHBO’er voorzien'
		]);
		const group = await admin.createEvent(ctx, { ...form, kind: 'workingGroup', title: 'Werkgroep' });
		expect(await itemsOf(group.id)).toEqual([]);
	});

	it('adds, changes, ticks and removes items, each audited where it changes the list', async () => {
		const { id } = await admin.createEvent(ctx, { ...form, kind: 'workingGroup', title: 'Werkgroep' });
		const target = { unverifiedEventId: String(id) };
		const added = await logistics.addChecklistItem(ctx, {
			...target,
			text: '  Zaal klaarzetten  ',
			department: 'Technische dienst',
			email: ' TD@Geel.be '
		});
		expect(added).toMatchObject({ text: 'Zaal klaarzetten', email: 'td@geel.be', done: false });
		await logistics.changeChecklistItem(ctx, {
			...target,
			unverifiedItemId: String(added.id),
			text: 'Zaal en micro klaarzetten',
			department: 'Technische dienst',
			email: ''
		});
		await logistics.tickChecklistItem(ctx, { ...target, item: String(added.id), done: 'true' });
		expect(await itemsOf(id)).toEqual([
			{
				id: added.id,
				text: 'Zaal en micro klaarzetten',
				department: 'Technische dienst',
				email: null,
				done: true
			}
		]);
		await logistics.tickChecklistItem(ctx, { ...target, item: String(added.id), done: 'false' });
		expect((await itemsOf(id))[0]!.done).toBe(false);
		const preview = await logistics.previewRemoveChecklistItem(ctx, {
			...target,
			unverifiedItemId: String(added.id)
		});
		expect(preview.item.text).toBe('Zaal en micro klaarzetten');
		await logistics.removeChecklistItem(ctx, { ...target, unverifiedItemId: String(added.id) });
		expect(await itemsOf(id)).toEqual([]);
		await refusal(
			logistics.removeChecklistItem(ctx, { ...target, unverifiedItemId: String(added.id) }),
			'not_found'
		);
		const changes = (await auditOf(database.db, geel.id))
			.filter(
				(a) => a.action === 'event.checklist_changed' && (a.details as { eventId: number }).eventId === id
			)
			.map((a) => (a.details as { change: string }).change);
		expect(changes.sort()).toEqual(['added', 'edited', 'removed']);
	});

	it('refuses an empty, oversized or hostile item beside its field, in Dutch, and saves nothing', async () => {
		const { id } = await admin.createEvent(ctx, { ...form, kind: 'workingGroup', title: 'Werkgroep' });
		const target = { unverifiedEventId: String(id) };
		const cases: [Record<string, unknown>, string, RegExp][] = [
			[{ text: '' }, 'text', /Vul in wat er moet gebeuren/],
			[{ text: '   \n\t ' }, 'text', /Vul in wat er moet gebeuren/],
			[{}, 'text', /Vul in wat er moet gebeuren/],
			[{ text: 'x'.repeat(301) }, 'text', /hoogstens 300 tekens/],
			[{ text: 'Tafels', department: 'd'.repeat(101) }, 'department', /hoogstens 100 tekens/],
			[{ text: 'Tafels', email: 'groendienst-at-geel.be' }, 'email', /geen geldig e-mailadres/],
			[{ text: 'Tafels', email: 'a@geel.be\r\nBcc: iedereen@example.be' }, 'email', /geen geldig/],
			[{ text: 'Tafels', email: '<script>alert(1)</script>@geel.be' }, 'email', /geen geldig/],
			[{ text: 'Tafels', email: `${'a'.repeat(250)}@geel.be` }, 'email', /geen geldig/],
			[{ text: ['twee', 'waarden'] }, 'text', /Vul in wat er moet gebeuren/],
			[{ text: 'Tafels', email: { $ne: null } }, 'email', /geen geldig/]
		];
		for (const [input, field, message] of cases) {
			const err = await refusal(logistics.addChecklistItem(ctx, { ...target, ...input }), 'validation');
			const said = personRefusal('nl', err);
			expect(Object.keys(said.fields), JSON.stringify(input).slice(0, 80)).toEqual([field]);
			expect(said.fields[field]!.join(' ')).toMatch(message);
		}
		// A change is held to the same rules.
		const item = await logistics.addChecklistItem(ctx, { ...target, text: 'Tafels' });
		await refusal(
			logistics.changeChecklistItem(ctx, { ...target, unverifiedItemId: String(item.id), text: '' }),
			'validation'
		);
		await refusal(
			logistics.tickChecklistItem(ctx, { ...target, item: 'drop table', done: 'true' }),
			'validation'
		);
		expect((await itemsOf(id)).map((i) => i.text)).toEqual(['Tafels']);
	});

	it('gives Mol’s staff nothing of Geel’s checklist', async () => {
		const { id } = await admin.createEvent(ctx, { ...form, kind: 'workingGroup', title: 'Alleen Geel' });
		const item = await logistics.addChecklistItem(ctx, {
			unverifiedEventId: String(id),
			text: 'Geheim',
			email: 'x@geel.be'
		});
		const target = { unverifiedEventId: String(id) };
		await refusal(logistics.getLogistics(ctxMol, target), 'not_found');
		await refusal(logistics.addChecklistItem(ctxMol, { ...target, text: 'Ingebroken' }), 'not_found');
		await refusal(
			logistics.changeChecklistItem(ctxMol, { ...target, unverifiedItemId: String(item.id), text: 'Weg' }),
			'not_found'
		);
		await refusal(
			logistics.removeChecklistItem(ctxMol, { ...target, unverifiedItemId: String(item.id) }),
			'not_found'
		);
		await refusal(logistics.sendBriefing(ctxMol, { ...target, origin: ORIGIN }), 'not_found');
		const molInGeel = ctxAs(database.db, geel, ctxMol.actor);
		await refusal(logistics.getLogistics(molInGeel, target), 'forbidden');
		const alderman = ctxAs(database.db, geel, (await buildStaff(database.db, geel, 'alderman')).actor);
		await refusal(logistics.sendBriefing(alderman, { ...target, origin: ORIGIN }), 'forbidden');
		const [row] = await database.db
			.select({ text: eventChecklistItems.text })
			.from(eventChecklistItems)
			.where(eq(eventChecklistItems.id, item.id));
		expect(row?.text).toBe('Geheim');
	});
});

describe('the briefing', () => {
	it('mails each colleague their items and the registrations; a change of time or place sends it again', async () => {
		const { id } = await admin.createEvent(ctx, form);
		const target = { unverifiedEventId: String(id) };
		// Nobody with an address yet: refused.
		const err = await refusal(logistics.sendBriefing(ctx, { ...target, origin: ORIGIN }), 'validation');
		expect(personRefusal('nl', err).message).toMatch(/minstens één taak een e-mailadres/);
		const [plants, tools] = await itemsOf(id);
		for (const [item, department, email] of [
			[plants!, 'Groendienst', 'groen@geel.be'],
			[tools!, 'Technische dienst', 'td@geel.be']
		] as const)
			await logistics.changeChecklistItem(ctx, {
				...target,
				unverifiedItemId: String(item.id),
				text: item.text,
				department,
				email
			});
		await logistics.addChecklistItem(ctx, {
			...target,
			text: 'Bladblazers meebrengen',
			department: 'Groendienst',
			email: 'GROEN@geel.be'
		});
		for (const status of ['confirmed', 'confirmed', 'waitlisted'] as const)
			await insertRegistration(database.db, {
				municipalityId: geel.id,
				eventId: id,
				name: 'Inwoner',
				email: `${Math.random().toString(36).slice(2)}@example.be`,
				status,
				tokenHash: Math.random().toString(36),
				queued: true,
				companions: status === 'confirmed' ? 1 : 0
			});
		outbox.length = 0;
		expect(await logistics.sendBriefing(ctx, { ...target, origin: ORIGIN })).toEqual({ sent: 2 });
		expect(outbox.map((m) => m.to).sort()).toEqual(['groen@geel.be', 'td@geel.be']);
		const green = outbox.find((m) => m.to === 'groen@geel.be')!;
		expect(green.subject).toBe(
			'Briefing: Plantdag in de Stationsstraat op 2 oktober 2027 van 09:30 tot 12:30'
		);
		expect(green.text).toContain('Dag collega van Groendienst,');
		expect(green.text).toContain('Waar: Stationsstraat, Stationsstraat 10, 2440 Geel');
		expect(green.text).toContain('Ingeschreven: 2 (plaatsen ingenomen: 4 van 30), wachtlijst: 1');
		expect(green.text).toContain('- Planten bestellen en laten leveren\n- Bladblazers meebrengen');
		expect(green.text).not.toContain('Gereedschap');
		expect(green.text).toContain(`${ORIGIN}/geel/beheer/activiteiten/${id}/logistiek`);
		expect((await logistics.getLogistics(ctx, target)).briefedAt).not.toBeNull();

		// The handler of the events manifest, run by a real dispatcher with the App's mail queue in its tx.
		const queued: MailMessage[] = [];
		const dispatcher = createEventDispatcher(database, silentLog, {
			handlers: [logistics.resendBriefingOnChange],
			context: handlerContext(queued)
		});
		await dispatcher.runOnce();
		// Events before this change (created, published): nothing to send again.
		expect(queued).toEqual([]);
		// Another change than time or place: nothing either.
		await admin.changeEvent(ctx, { ...form, ...target, whatToBring: 'Laarzen' });
		await dispatcher.runOnce();
		expect(queued).toEqual([]);
		await admin.changeEvent(ctx, {
			...form,
			...target,
			whatToBring: 'Laarzen',
			startsAt: '2027-10-02T10:00'
		});
		await dispatcher.runOnce();
		expect(queued.map((m) => m.to).sort()).toEqual(['groen@geel.be', 'td@geel.be']);
		expect(queued[0]!.subject).toMatch(
			/^Gewijzigd uur of plaats – briefing: Plantdag in de Stationsstraat op 2 oktober 2027 van 10:00 tot 12:30$/
		);
		expect(queued[0]!.text).toContain('het uur of de plaats van deze activiteit is gewijzigd');
		// Exactly once per change.
		await dispatcher.runOnce();
		expect(queued).toHaveLength(2);
		await admin.changeEvent(ctx, {
			...form,
			...target,
			whatToBring: 'Laarzen',
			startsAt: '2027-10-02T10:00',
			venueName: 'Markt'
		});
		await dispatcher.runOnce();
		expect(queued).toHaveLength(4);
	});

	it('does not send a briefing again for an event that was never briefed', async () => {
		const { id } = await admin.createEvent(ctx, { ...form, title: 'Nooit gebrieft' });
		const [first] = await itemsOf(id);
		await logistics.changeChecklistItem(ctx, {
			unverifiedEventId: String(id),
			unverifiedItemId: String(first!.id),
			text: first!.text,
			email: 'groen@geel.be'
		});
		const queued: MailMessage[] = [];
		const dispatcher = createEventDispatcher(database, silentLog, {
			handlers: [logistics.resendBriefingOnChange],
			context: handlerContext(queued)
		});
		await admin.changeEvent(ctx, {
			...form,
			title: 'Nooit gebrieft',
			unverifiedEventId: String(id),
			startsAt: '2027-10-03T09:30',
			endsAt: '2027-10-03T12:30'
		});
		await dispatcher.runOnce();
		expect(queued).toEqual([]);
	});
});

// Check-in by the QR code of a registration's mail, against a real database: the code names its registration
// and only staff who manage this municipality's events can use it; a tampered code, a code of another event
// and a place given up get their Dutch refusal; checking in twice says so; it is the tick list's record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { eventRegistrations } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildEvent, buildStaff, buildUser, actorOf, getTenant } from '$lib/server/testing/factories';
import { ctxAs } from '$lib/server/testing/context';
import { auditOf, refusal } from '$lib/server/testing/assertions';
import { refusal as personRefusal } from '$lib/server/platform/http';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { insertRegistration } from './events.queries';
import { checkInByCode, checkInCode, checkInSecret, getCheckInCard } from './events.check-in';
import { listRegistrationsForBackoffice } from './events.admin.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let staff: Ctx;
let secret: string;

let n = 0;
async function registered(eventId: number, tenant: Tenant, status: 'confirmed' | 'waitlisted' = 'confirmed') {
	n += 1;
	return insertRegistration(database.db, {
		municipalityId: tenant.id,
		eventId,
		name: `Inwoner ${n}`,
		email: `checkin.${n}@example.be`,
		status,
		tokenHash: `checkin-${n}-${Math.random()}`,
		queued: true
	});
}

function codeOf(tenant: Tenant, eventId: number, registrationId: number) {
	return checkInCode(secret, { municipalityId: tenant.id, eventId, registrationId });
}

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	staff = ctxAs(database.db, geel, (await buildStaff(database.db, geel, 'moderator')).actor);
	secret = await checkInSecret(database.db);
});

afterAll(() => database?.destroy());

describe('check-in by QR code', () => {
	it('shows whose code it is, checks them in once, and the tick list sees the same record', async () => {
		const event = await buildEvent(database.db, geel, { title: 'Plantdag' });
		const reg = await registered(event.id, geel);
		const input = { unverifiedEventId: String(event.id), unverifiedCode: codeOf(geel, event.id, reg.id) };
		const card = await getCheckInCard(staff, input);
		expect(card).toMatchObject({
			event: { id: event.id, title: 'Plantdag' },
			person: { name: `Inwoner ${n}`, status: 'confirmed', checkedInAt: null },
			problem: null
		});
		expect(await checkInByCode(staff, input)).toEqual({ name: `Inwoner ${n}`, already: false });
		expect(await checkInByCode(staff, input)).toEqual({ name: `Inwoner ${n}`, already: true });
		expect((await getCheckInCard(staff, input)).person?.checkedInAt).not.toBeNull();
		const list = await listRegistrationsForBackoffice(staff, { unverifiedEventId: String(event.id) });
		expect(list.checkedIn).toBe(1);
		expect(list.items.find((r) => r.id === reg.id)?.checkedInAt).not.toBeNull();
		const audit = (await auditOf(database.db, geel.id)).filter((a) => a.action === 'event.checked_in');
		expect(audit).toEqual([
			expect.objectContaining({ details: expect.objectContaining({ eventId: event.id, byCode: true }) })
		]);
	});

	it('refuses a tampered code and a code of another event in Dutch, and changes nothing', async () => {
		const event = await buildEvent(database.db, geel, { title: 'Werkgroep' });
		const other = await buildEvent(database.db, geel, { title: 'Infoavond zonnepanelen' });
		const reg = await registered(event.id, geel);
		const good = codeOf(geel, event.id, reg.id);
		const last = good.at(-1) === 'A' ? 'B' : 'A';
		for (const tampered of [
			`${good.slice(0, -1)}${last}`,
			`${reg.id + 1}${good.slice(String(reg.id).length)}`,
			'',
			'12',
			`${'9'.repeat(15)}-${'A'.repeat(22)}`,
			`<script>alert(1)</script>`,
			'x'.repeat(10_000)
		]) {
			const input = { unverifiedEventId: String(event.id), unverifiedCode: tampered };
			expect(await getCheckInCard(staff, input)).toMatchObject({ person: null, problem: 'invalid' });
			const err = await refusal(checkInByCode(staff, input), 'validation');
			expect(personRefusal('nl', err).message).toMatch(/QR-code is ongeldig/);
		}
		// The right code opened under another event of the same municipality.
		const elsewhere = { unverifiedEventId: String(other.id), unverifiedCode: good };
		expect(await getCheckInCard(staff, elsewhere)).toMatchObject({
			person: null,
			problem: 'otherEvent',
			otherEvent: { id: event.id, title: 'Werkgroep' }
		});
		const err = await refusal(checkInByCode(staff, elsewhere), 'conflict');
		expect(personRefusal('nl', err).message).toBe(
			'Deze QR-code hoort bij een andere activiteit: ‘Werkgroep’. Deze persoon is niet ingeschreven voor deze activiteit.'
		);
		// Signed for Mol's municipality: not valid in Geel.
		const forMol = { unverifiedEventId: String(event.id), unverifiedCode: codeOf(mol, event.id, reg.id) };
		expect((await getCheckInCard(staff, forMol)).problem).toBe('invalid');
		const [row] = await database.db
			.select({ at: eventRegistrations.checkedInAt })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.id, reg.id));
		expect(row?.at).toBeNull();
	});

	it('does not check in a place on the waitlist', async () => {
		const event = await buildEvent(database.db, geel);
		const reg = await registered(event.id, geel, 'waitlisted');
		const input = { unverifiedEventId: String(event.id), unverifiedCode: codeOf(geel, event.id, reg.id) };
		expect((await getCheckInCard(staff, input)).problem).toBe('notConfirmed');
		const err = await refusal(checkInByCode(staff, input), 'conflict');
		expect(personRefusal('nl', err).message).toMatch(/geen bevestigde plaats/);
	});

	it('refuses a citizen, the alderman and staff of another municipality before reading the code', async () => {
		const event = await buildEvent(database.db, geel);
		const reg = await registered(event.id, geel);
		const input = { unverifiedEventId: String(event.id), unverifiedCode: codeOf(geel, event.id, reg.id) };
		const citizen = ctxAs(database.db, geel, await actorOf(database.db, await buildUser(database.db)));
		const alderman = ctxAs(database.db, geel, (await buildStaff(database.db, geel, 'alderman')).actor);
		const molStaff = ctxAs(database.db, geel, (await buildStaff(database.db, mol, 'admin')).actor);
		const visitor = ctxAs(database.db, geel);
		for (const who of [citizen, alderman, molStaff]) {
			await refusal(getCheckInCard(who, input), 'forbidden');
			await refusal(checkInByCode(who, input), 'forbidden');
		}
		await refusal(checkInByCode(visitor, input), 'unauthenticated');
		// Mol's admin in Mol's own back office: Geel's event is not there.
		const molHome = ctxAs(database.db, mol, molStaff.actor);
		await refusal(checkInByCode(molHome, input), 'not_found');
		const [row] = await database.db
			.select({ at: eventRegistrations.checkedInAt })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.id, reg.id));
		expect(row?.at).toBeNull();
	});
});

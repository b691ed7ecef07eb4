// The officials attending an event against a real database: chosen among the municipality's staff members with
// their role (the alderman as schepen), shown on the public page, never a citizen or someone of Mol, and Mol's
// staff change nothing of Geel's list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildEvent, buildStaff, buildUser, getTenant } from '$lib/server/testing/factories';
import { ctxAs } from '$lib/server/testing/context';
import { refusal } from '$lib/server/testing/assertions';
import { withTenant, type Ctx, type Tenant } from '$lib/server/platform/context';
import * as officials from './events.officials.service';
import { getEventPage } from './events.browse.service';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let ctx: Ctx;
let ctxMol: Ctx;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await getTenant(database.db, 'geel');
	mol = await getTenant(database.db, 'mol');
	ctx = ctxAs(database.db, geel, (await buildStaff(database.db, geel, 'moderator')).actor);
	ctxMol = ctxAs(database.db, mol, (await buildStaff(database.db, mol, 'admin')).actor);
});

afterAll(() => database?.destroy());

describe('officials attending an event', () => {
	it('lists the alderman and a civil servant of the municipality, shown on the public page', async () => {
		const event = await buildEvent(database.db, geel, { title: 'Plantdag', status: 'published' });
		const alderman = await buildStaff(database.db, geel, 'alderman', {
			givenName: 'Luc',
			familyName: 'Goossens'
		});
		const servant = await buildStaff(database.db, geel, 'communication', {
			givenName: 'Sofie',
			familyName: 'Wouters'
		});
		const target = { unverifiedEventId: String(event.id) };
		const before = await officials.getEventOfficials(ctx, target);
		expect(before.officials).toEqual([]);
		expect(before.candidates).toEqual(
			expect.arrayContaining([
				{ userId: alderman.user.id, name: 'Luc Goossens', role: 'alderman' },
				{ userId: servant.user.id, name: 'Sofie Wouters', role: 'civilServant' }
			])
		);
		await officials.addEventOfficial(ctx, { ...target, person: alderman.user.id });
		await officials.addEventOfficial(ctx, { ...target, person: servant.user.id });
		// Twice: still once.
		await officials.addEventOfficial(ctx, { ...target, person: servant.user.id });
		const after = await officials.getEventOfficials(ctx, target);
		expect(after.officials.map((o) => [o.name, o.role])).toEqual([
			['Luc Goossens', 'alderman'],
			['Sofie Wouters', 'civilServant']
		]);
		expect(after.candidates.map((c) => c.userId)).not.toContain(alderman.user.id);

		const visitor = withTenant(ctxAs(database.db, geel), geel);
		const page = await getEventPage(visitor, { id: event.id, slug: event.slug });
		expect(page.officials).toEqual([
			{ name: 'Luc Goossens', role: 'alderman' },
			{ name: 'Sofie Wouters', role: 'civilServant' }
		]);

		await officials.removeEventOfficial(ctx, { ...target, person: servant.user.id });
		expect((await officials.getEventOfficials(ctx, target)).officials.map((o) => o.name)).toEqual([
			'Luc Goossens'
		]);
	});

	it('refuses a citizen, a staff member of Mol and a malformed choice beside the field', async () => {
		const event = await buildEvent(database.db, geel);
		const target = { unverifiedEventId: String(event.id) };
		const citizen = await buildUser(database.db);
		const molStaff = await buildStaff(database.db, mol, 'moderator');
		for (const person of [citizen.id, molStaff.user.id, 'niet-een-id', '', "'; DROP TABLE events; --"]) {
			const err = await refusal(officials.addEventOfficial(ctx, { ...target, person }), 'validation');
			expect(err.options.fields).toEqual({ person: ['eventsAdmin.officials.errors.person'] });
		}
		expect((await officials.getEventOfficials(ctx, target)).officials).toEqual([]);
	});

	it('gives Mol’s staff nothing of Geel’s list', async () => {
		const event = await buildEvent(database.db, geel);
		const servant = await buildStaff(database.db, geel, 'moderator');
		const target = { unverifiedEventId: String(event.id) };
		await officials.addEventOfficial(ctx, { ...target, person: servant.user.id });
		await refusal(officials.getEventOfficials(ctxMol, target), 'not_found');
		await refusal(officials.removeEventOfficial(ctxMol, { ...target, person: servant.user.id }), 'not_found');
		await refusal(
			officials.removeEventOfficial(ctxAs(database.db, geel, ctxMol.actor), {
				...target,
				person: servant.user.id
			}),
			'forbidden'
		);
		expect((await officials.getEventOfficials(ctx, target)).officials).toHaveLength(1);
	});
});

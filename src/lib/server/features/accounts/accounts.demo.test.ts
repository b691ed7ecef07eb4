// Persona accounts adopt the accounts the demo content prepared, so a demo citizen finds their own suggestions.
import { expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDatabase } from '$lib/server/testing/db';
import { seedDemo } from '$lib/server/testing/demo';
import { PERSONAS } from '$lib/server/devidp/personas';
import { memberships, municipalities, suggestions, userIdentities, users } from '$lib/server/db/schema';
import { actorOf } from '$lib/server/testing/factories';
import { ensurePersonaAccounts } from './accounts.demo';

it('gives the persona citizens the demo accounts that own suggestions, whatever the provider port', async () => {
	const database = await createTestDatabase();
	try {
		await seedDemo(database.db);
		for (const issuer of ['http://127.0.0.1:1111', 'http://127.0.0.1:2222']) {
			await ensurePersonaAccounts(database.db, { issuer, personas: PERSONAS });
			for (const sub of ['dev-citizen-geel', 'dev-citizen-mol', 'dev-citizen-olen']) {
				const [row] = await database.db
					.select({ userId: userIdentities.userId, email: users.email })
					.from(userIdentities)
					.innerJoin(users, eq(users.id, userIdentities.userId))
					.where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, sub)));
				const own = await database.db
					.select({ id: suggestions.id })
					.from(suggestions)
					.where(eq(suggestions.authorId, row!.userId));
				expect(own.length, sub).toBeGreaterThan(0);
				if (sub !== 'dev-citizen-olen') expect(row!.email).toMatch(/@example\.be$/);
			}
		}
	} finally {
		await database.destroy();
	}
}, 60_000);

it('keeps a staff persona its account and role when the provider starts on another port', async () => {
	const database = await createTestDatabase();
	try {
		const accountOf = async (issuer: string) => {
			const [row] = await database.db
				.select({ userId: userIdentities.userId })
				.from(userIdentities)
				.where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, 'dev-moderator-geel')));
			return row?.userId;
		};
		await ensurePersonaAccounts(database.db, { issuer: 'http://127.0.0.1:1111', personas: PERSONAS });
		const first = await accountOf('http://127.0.0.1:1111');
		await ensurePersonaAccounts(database.db, { issuer: 'http://127.0.0.1:2222', personas: PERSONAS });
		const second = await accountOf('http://127.0.0.1:2222');
		expect(first).toBeDefined();
		expect(second).toBe(first);
		const roles = await database.db
			.select({ role: memberships.role })
			.from(memberships)
			.where(eq(memberships.userId, second!));
		expect(roles).toEqual([{ role: 'moderator' }]);
	} finally {
		await database.destroy();
	}
}, 60_000);

it('lets the demo participation expert coach Geel and Olen, once however often the provider starts', async () => {
	const database = await createTestDatabase();
	try {
		for (const issuer of ['http://127.0.0.1:1111', 'http://127.0.0.1:2222'])
			await ensurePersonaAccounts(database.db, { issuer, personas: PERSONAS });
		const [row] = await database.db
			.select({ userId: userIdentities.userId })
			.from(userIdentities)
			.where(eq(userIdentities.subject, 'dev-participation-expert-kempen'));
		const actor = await actorOf(database.db, { id: row!.userId, displayName: 'Pieter' });
		const slugs = await database.db
			.select({ slug: municipalities.slug })
			.from(municipalities)
			.where(inArray(municipalities.id, [...actor.regionRoles[0]!.coachedMunicipalityIds]))
			.orderBy(municipalities.slug);
		expect(actor.regionRoles.map((r) => r.role)).toEqual(['participation_expert']);
		expect(slugs.map((s) => s.slug)).toEqual(['geel', 'olen']);
	} finally {
		await database.destroy();
	}
}, 60_000);

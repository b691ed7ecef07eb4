// The question after a contribution whether to join the pool: asked once, only of people who never chose;
// yes gives the pool and updates consents (the current texts) and a home, no is remembered; a refusal
// changes nothing. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { consents, municipalities, users } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { ctxAs } from '$lib/server/testing/context';
import { actorOf, buildParticipatingMunicipality, buildUser, getTenant } from '$lib/server/testing/factories';
import { isAppError } from '$lib/server/platform/errors';
import type { Tenant } from '$lib/server/platform/context';
import { CONSENT_VERSIONS } from './profile.consents';
import { answerPoolQuestion, getPoolPrompt, getPoolQuestion } from './profile.pool';
import { demoPoolAnswer } from './profile.demo';

let database: TestDatabase;
let geel: Tenant;
let mol: Tenant;
let olen: Tenant;

beforeAll(async () => {
	database = await createTestDatabase();
	geel = await buildParticipatingMunicipality(database.db, 'geel');
	mol = await buildParticipatingMunicipality(database.db, 'mol');
	olen = await getTenant(database.db, 'olen'); // does not take part
});

afterAll(async () => {
	await database?.destroy();
});

async function person(home: Tenant | null = null) {
	const user = await buildUser(database.db);
	if (home) await database.db.update(users).set({ homeMunicipalityId: home.id }).where(eq(users.id, user.id));
	return { user, actor: await actorOf(database.db, user) };
}

async function standing(userId: string) {
	const [row] = await database.db.select().from(users).where(eq(users.id, userId));
	const open = await database.db
		.select({ kind: consents.kind, version: consents.version })
		.from(consents)
		.where(and(eq(consents.userId, userId), isNull(consents.withdrawnAt)));
	return { user: row!, open: Object.fromEntries(open.map((c) => [c.kind, c.version])) };
}

async function refusal(work: Promise<unknown>) {
	const error = await work.then(
		() => null,
		(e: unknown) => e
	);
	return isAppError(error) ? { code: error.code, message: error.messageKey } : error;
}

describe('the question after a contribution', () => {
	it('asks someone without a home about the municipality they took part in, and yes makes it their pool', async () => {
		const { user, actor } = await person();
		const ctx = ctxAs(database.db, geel, actor);
		expect(await getPoolQuestion(ctx)).toEqual({
			municipality: { slug: 'geel', name: 'Geel' },
			setsHome: true
		});

		expect(await answerPoolQuestion(ctx, { join: true, municipality: 'geel' })).toEqual({
			municipality: 'Geel'
		});
		const after = await standing(user.id);
		expect(after.user.homeMunicipalityId).toBe(geel.id);
		expect(after.user.wantsToHelp).toBe(true);
		expect(after.user.mailFrequency).toBe('weekly');
		expect(after.user.poolAnsweredAt).toBeInstanceOf(Date);
		expect(after.open).toEqual({ pool: CONSENT_VERSIONS.pool, updates: CONSENT_VERSIONS.updates });
		// Asked once: not again, here or elsewhere; the answer's page says where they joined.
		expect(await getPoolQuestion(ctx)).toBeNull();
		expect(await getPoolQuestion(ctxAs(database.db, mol, actor))).toBeNull();
		expect(await getPoolPrompt(ctx, { done: 'pool-ja', afterContribution: false })).toEqual({
			answered: 'joined',
			municipality: 'Geel'
		});
		// Answering twice (a second tab) gives nothing twice.
		await answerPoolQuestion(ctx, { join: true, municipality: 'geel' });
		expect((await database.db.select().from(consents).where(eq(consents.userId, user.id))).length).toBe(2);
	});

	it('asks about the home municipality, whatever page it is asked on, and keeps a chosen mail frequency', async () => {
		const { user, actor } = await person(mol);
		await database.db.update(users).set({ mailFrequency: 'daily' }).where(eq(users.id, user.id));
		const ctx = ctxAs(database.db, geel, actor);
		expect(await getPoolQuestion(ctx)).toEqual({
			municipality: { slug: 'mol', name: 'Mol' },
			setsHome: false
		});
		// The form's municipality does not move a home: the pool is the home's.
		expect(await answerPoolQuestion(ctx, { join: true, municipality: 'geel' })).toEqual({
			municipality: 'Mol'
		});
		const after = await standing(user.id);
		expect(after.user.homeMunicipalityId).toBe(mol.id);
		expect(after.user.mailFrequency).toBe('daily');
	});

	it('remembers no: nothing given, no home set, never asked again', async () => {
		const { user, actor } = await person();
		const ctx = ctxAs(database.db, geel, actor);
		await answerPoolQuestion(ctx, { join: false, municipality: 'geel' });
		const after = await standing(user.id);
		expect(after.open).toEqual({});
		expect(after.user.wantsToHelp).toBe(false);
		expect(after.user.homeMunicipalityId).toBeNull();
		expect(after.user.mailFrequency).toBe('never');
		expect(await getPoolQuestion(ctx)).toBeNull();
		expect(await getPoolPrompt(ctx, { done: 'pool-nee', afterContribution: true })).toEqual({
			answered: 'declined',
			municipality: null
		});
	});

	it('does not ask who is in the pool, who ever gave its consent, a visitor, or outside a participating municipality', async () => {
		const inPool = await person(geel);
		await database.db.update(users).set({ wantsToHelp: true }).where(eq(users.id, inPool.user.id));
		expect(await getPoolQuestion(ctxAs(database.db, geel, inPool.actor))).toBeNull();

		// Left the pool in the profile: that was a choice, not a question to ask again.
		const left = await person(geel);
		await database.db.insert(consents).values({
			userId: left.user.id,
			kind: 'pool',
			version: CONSENT_VERSIONS.pool,
			withdrawnAt: new Date()
		});
		expect(await getPoolQuestion(ctxAs(database.db, geel, left.actor))).toBeNull();

		expect(await getPoolQuestion(ctxAs(database.db, geel))).toBeNull();
		const homeless = await person();
		expect(await getPoolQuestion(ctxAs(database.db, olen, homeless.actor))).toBeNull();
		expect(await getPoolQuestion(ctxAs(database.db, undefined, homeless.actor))).toBeNull();
		// Only after a contribution: a page that confirms something else asks nothing.
		expect(
			await getPoolPrompt(ctxAs(database.db, geel, homeless.actor), {
				done: 'gevolgd',
				afterContribution: false
			})
		).toBeNull();
	});

	it('refuses a municipality that does not take part, garbage and a visitor, and changes nothing', async () => {
		const { user, actor } = await person();
		const ctx = ctxAs(database.db, geel, actor);
		for (const municipality of [
			'olen',
			'bestaat-niet',
			'',
			'x'.repeat(5_000),
			"geel'; DROP TABLE users;--",
			'../geel'
		])
			expect(await refusal(answerPoolQuestion(ctx, { join: true, municipality }))).toMatchObject({
				code: 'validation',
				message: 'pool.invalid'
			});
		expect(
			await refusal(answerPoolQuestion(ctx, { join: 'ja' as unknown as boolean, municipality: 'geel' }))
		).toMatchObject({ code: 'validation' });
		expect(
			await refusal(answerPoolQuestion(ctxAs(database.db, geel), { join: true, municipality: 'geel' }))
		).toMatchObject({
			code: 'unauthenticated'
		});
		const after = await standing(user.id);
		expect(after.user.poolAnsweredAt).toBeNull();
		expect(after.open).toEqual({});
		expect(await getPoolQuestion(ctx)).not.toBeNull();
		expect(
			(await database.db.select().from(municipalities).where(eq(municipalities.slug, 'geel'))).length
		).toBe(1);
	});
});

describe('the demo’s answers', () => {
	it('are two yes, one no and two unanswered of every five', () => {
		expect([0, 1, 2, 3, 4, 5, 6, 7].map(demoPoolAnswer)).toEqual([
			true,
			true,
			false,
			null,
			null,
			true,
			true,
			false
		]);
	});
});

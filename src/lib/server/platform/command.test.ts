// The command helper against a real database: its steps run in order, authorization before any read,
// what a change records is written in its transaction (and rolled back with it), AppErrors pass unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, domainEvents, municipalities } from '$lib/server/db/schema';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import { getTenant } from '$lib/server/testing/factories';
import type { Ctx, Tenant } from './context';
import { AppError } from './errors';
import { writeAudit, type AuditAction } from './audit';
import type { NewDomainEvent } from './events';
import { commands } from './command';

let database: TestDatabase;
let tenant: Tenant;
let regionId: string;

beforeAll(async () => {
	database = await createTestDatabase();
	tenant = await getTenant(database.db, 'kasterlee');
	const [row] = await database.db
		.select({ regionId: municipalities.regionId })
		.from(municipalities)
		.where(eq(municipalities.id, tenant.id));
	regionId = row!.regionId;
});
afterAll(async () => {
	await database?.destroy();
});

/** A feature's bindings as a test sees them: every step notes itself in `steps`. */
function testCommands(steps: string[], options: { refuse?: AppError; auditFails?: boolean } = {}) {
	return commands<Ctx, { municipalityId: string }, { action: string; marker: string }>({
		authorize: async (ctx) => {
			steps.push('authorize');
			if (options.refuse) throw options.refuse;
			return { municipalityId: ctx.tenant!.id };
		},
		writeAudit: async (tx, scope, entries) => {
			steps.push('audit');
			for (const entry of entries)
				await writeAudit(tx, {
					regionId,
					municipalityId: scope.municipalityId,
					actor: null,
					action: entry.action as AuditAction,
					details: { marker: entry.marker }
				});
			if (options.auditFails) throw new AppError('conflict');
		},
		fallback: 'backoffice.errors.invalid'
	});
}

function event(marker: string): NewDomainEvent {
	// A name of no feature: the platform's test names none, so the typed map is bypassed here.
	return {
		type: 'test.done',
		municipalityId: tenant.id,
		subjectKind: 'test',
		subjectId: marker,
		payload: { marker }
	} as unknown as NewDomainEvent;
}

async function written(marker: string) {
	const events = await database.db.select().from(domainEvents).where(eq(domainEvents.subjectId, marker));
	const audits = await database.db.select().from(auditLog).where(eq(auditLog.municipalityId, tenant.id));
	return {
		events: events.length,
		audits: audits.filter((a) => (a.details as { marker?: string }).marker === marker).length
	};
}

const schema = z.object({ name: z.string().min(1, { error: 'backoffice.errors.invalid' }) });

describe('the command helper', () => {
	it('runs authorize, load, validate, prepare, the change, then events and audit in its transaction, then present', async () => {
		const steps: string[] = [];
		const run = testCommands(steps).command({
			load: async (_ctx, scope, input: { id: number; name: string }) => {
				steps.push('load');
				return { id: input.id, municipalityId: scope.municipalityId };
			},
			schema,
			prepare: async ({ values }) => {
				steps.push('prepare');
				return values.name.length;
			},
			execute: async (tx, { loaded, values, prepared, record }) => {
				steps.push('execute');
				expect(prepared).toBe(values.name.length);
				record.event(event('order'));
				record.audit({ action: 'test.done', marker: 'order' });
				// The recorded rows are not written yet: they follow the change.
				expect((await tx.select().from(domainEvents).where(eq(domainEvents.subjectId, 'order'))).length).toBe(
					0
				);
				return { id: loaded.id, name: values.name };
			},
			present: (result) => {
				steps.push('present');
				return `${result.id}:${result.name}`;
			}
		});
		const out = await run(buildCtx(database.db, tenant), { id: 7, name: 'Plantdag' });
		expect(out).toBe('7:Plantdag');
		expect(steps).toEqual(['authorize', 'load', 'prepare', 'execute', 'audit', 'present']);
		expect(await written('order')).toEqual({ events: 1, audits: 1 });
	});

	it('authorizes before any load: a refusal reads nothing and passes through as the same AppError', async () => {
		const steps: string[] = [];
		const refusal = new AppError('forbidden', { message: 'backoffice.forbidden.body' });
		const run = testCommands(steps, { refuse: refusal }).command({
			load: async () => {
				steps.push('load');
				return null;
			},
			execute: async () => {
				steps.push('execute');
			}
		});
		await expect(run(buildCtx(database.db, tenant), {})).rejects.toBe(refusal);
		expect(steps).toEqual(['authorize']);
	});

	it('refuses invalid input per field after the load and before any transaction', async () => {
		const steps: string[] = [];
		const run = testCommands(steps).command({
			load: async () => {
				steps.push('load');
				return null;
			},
			schema,
			execute: async () => {
				steps.push('execute');
			}
		});
		const err = await run(buildCtx(database.db, tenant), { name: '' }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).code).toBe('validation');
		expect((err as AppError).options.fields).toEqual({ name: ['backoffice.errors.invalid'] });
		expect(steps).toEqual(['authorize', 'load']);
	});

	it('a load that does not find passes its not_found through and nothing is validated or changed', async () => {
		const steps: string[] = [];
		const missing = new AppError('not_found');
		const run = testCommands(steps).command({
			load: async () => {
				steps.push('load');
				throw missing;
			},
			schema,
			execute: async () => {
				steps.push('execute');
			}
		});
		await expect(run(buildCtx(database.db, tenant), { name: '' })).rejects.toBe(missing);
		expect(steps).toEqual(['authorize', 'load']);
	});

	it('rolls back the change, its events and its audit rows when the change throws after recording them', async () => {
		const steps: string[] = [];
		const failure = new AppError('conflict', { message: 'backoffice.errors.invalid' });
		const run = testCommands(steps).command({
			execute: async (tx, { record }) => {
				await tx.insert(domainEvents).values({
					municipalityId: tenant.id,
					type: 'test.done',
					subjectKind: 'test',
					subjectId: 'thrown'
				});
				record.event(event('thrown'));
				record.audit({ action: 'test.done', marker: 'thrown' });
				throw failure;
			}
		});
		await expect(run(buildCtx(database.db, tenant), {})).rejects.toBe(failure);
		expect(steps).toEqual(['authorize']);
		expect(await written('thrown')).toEqual({ events: 0, audits: 0 });
	});

	it('rolls back the change and its events when writing the audit rows fails', async () => {
		const steps: string[] = [];
		const run = testCommands(steps, { auditFails: true }).command({
			execute: async (tx, { record }) => {
				await tx.insert(domainEvents).values({
					municipalityId: tenant.id,
					type: 'test.done',
					subjectKind: 'test',
					subjectId: 'audit-failed'
				});
				record.event(event('audit-failed'));
				record.audit({ action: 'test.done', marker: 'audit-failed' });
			}
		});
		const err = await run(buildCtx(database.db, tenant), {}).catch((e: unknown) => e);
		expect((err as AppError).code).toBe('conflict');
		expect(steps).toEqual(['authorize', 'audit']);
		expect(await written('audit-failed')).toEqual({ events: 0, audits: 0 });
	});

	it('without a change opens no transaction and presents what was loaded', async () => {
		const steps: string[] = [];
		let opened = false;
		const ctx = buildCtx(database.db, tenant);
		// The real database, with its transaction method noting that it was asked for.
		const db = Object.create(ctx.db, {
			transaction: {
				value: (...args: Parameters<typeof ctx.db.transaction>) => {
					opened = true;
					return ctx.db.transaction(...args);
				}
			}
		}) as typeof ctx.db;
		const watched = { ...ctx, db };
		const run = testCommands(steps).command({
			load: async (_ctx, _scope, input: { id: number }) => ({ id: input.id }),
			present: (row) => ({ shown: row.id })
		});
		expect(await run(watched, { id: 3 })).toEqual({ shown: 3 });
		expect(opened).toBe(false);
	});
});

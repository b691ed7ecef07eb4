// startApp runs what the manifests of its registry declare, and nothing it was not given: reference seed in
// registry order, demo content in dependency order, jobs, event handlers, start-up pieces and their stop.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tmpdir } from 'node:os';
import { count, sql } from 'drizzle-orm';
import { municipalities } from '$lib/server/db/schema';
import { createEmptyTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { silentLog } from '$lib/server/testing/context';
import { loadConfig } from '$lib/server/platform/config';
import { startApp, stopApp, type App } from '$lib/server/platform/app';
import { isDemoLoaded } from '$lib/server/platform/demo';
import { writeDomainEvent } from '$lib/server/platform/events';
import { defineEventHandler } from '$lib/server/platform/events.dispatcher';
import { defineFeature } from '$lib/server/platform/feature';
import { getTenant } from '$lib/server/testing/factories';
import { municipalitiesFeature } from './municipalities/municipalities.feature';

const config = (env: Record<string, string> = {}) =>
	loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), DEMO: '1', JOBS: '1', DEV_IDP: '0', ...env });

describe('an App started with a registry', () => {
	let database: TestDatabase;
	let app: App;
	const steps: string[] = [];
	const pings: unknown[] = [];
	const seen: string[] = [];
	const hours: unknown[] = [];

	const polls = defineFeature({
		name: 'polls',
		seed: async () => void steps.push('polls.seed'),
		// Registered before the feature it waits for, so only the declared order can put it after.
		demo: { after: ['quizzes'], load: async () => void steps.push('polls.demo') },
		jobs: {
			'polls.ping': async (data, ctx) => {
				const [row] = await ctx.db.select({ n: count() }).from(municipalities);
				pings.push({ data, municipalities: row?.n });
			},
			'polls.hourly': async (data) => void hours.push(data)
		},
		hourly: ['polls.hourly'],
		handlers: [
			defineEventHandler({
				name: 'polls.seenSuggestions',
				events: ['suggestion.published'],
				handle: async (event) => void seen.push(event.subjectId)
			})
		],
		start: async () => {
			steps.push('polls.start');
			return { stop: async () => void steps.push('polls.stop') };
		}
	});
	const quizzes = defineFeature({
		name: 'quizzes',
		seed: async () => void steps.push('quizzes.seed'),
		demo: { load: async () => void steps.push('quizzes.demo') }
	});

	/** The clock hour the app started in: the hourly job's singleton slot. */
	let startHour = 0;
	const hourOf = (ms: number) => Math.floor(ms / 3_600_000);

	beforeAll(async () => {
		database = await createEmptyTestDatabase();
		startHour = hourOf(Date.now());
		app = await startApp(config(), silentLog, {
			database,
			features: [municipalitiesFeature, polls, quizzes]
		});
	});
	afterAll(async () => {
		await database?.destroy();
	});

	it('seeds in registry order, then loads the demo in the order the features wait for', async () => {
		expect(steps).toEqual(['polls.seed', 'quizzes.seed', 'quizzes.demo', 'polls.demo', 'polls.start']);
		const [row] = await database.db.select({ n: count() }).from(municipalities);
		expect(row?.n).toBe(29);
		expect(await isDemoLoaded(database.db)).toBe(true);
		expect(app.features.map((f) => f.name)).toEqual(['municipalities', 'polls', 'quizzes']);
	});

	it("runs a manifest's job with its data and the database", async () => {
		await app.jobs.send('polls.ping', { n: 1 });
		await vi.waitFor(() => expect(pings).toEqual([{ data: { n: 1 }, municipalities: 29 }]), {
			timeout: 20_000,
			interval: 200
		});
	});

	it('queues an hourly job at start, and no second one in the same hour', async () => {
		await vi.waitFor(() => expect(hours).toEqual([{}]), { timeout: 20_000, interval: 200 });
		const second = await app.jobs.send('polls.hourly', {}, { singletonSeconds: 3_600 });
		// Refused within the hour the first was queued in; a run that crossed the top of the hour (the start at
		// 10:59:59, this send at 11:00:01) rightly queues the next hour's, and says nothing about the singleton.
		if (hourOf(Date.now()) === startHour) expect(second).toBeNull();
	});

	it("queues a mail in the caller's transaction: gone with a rollback, there with the commit", async () => {
		const mail = (subject: string) => ({ to: 'noor@example.be', subject, text: 'Dag Noor' });
		await expect(
			database.db.transaction(async (tx) => {
				await app.queueMailIn(tx, mail('Teruggedraaid'));
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		await database.db.transaction((tx) => app.queueMailIn(tx, mail('Vastgelegd')));
		const rows = await database.db.execute(
			sql`SELECT data->>'subject' AS subject FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = 'noor@example.be'`
		);
		expect((rows as unknown as { rows: { subject: string }[] }).rows.map((r) => r.subject)).toEqual([
			'Vastgelegd'
		]);
	});

	it("hands a stored event to a manifest's handler", async () => {
		const geel = await getTenant(database.db, 'geel');
		await writeDomainEvent(database.db, {
			type: 'suggestion.published',
			municipalityId: geel.id,
			subjectId: 41,
			payload: { opportunityId: 1, authorId: null, again: false }
		});
		app.events.nudge();
		await vi.waitFor(() => expect(seen).toEqual(['41']), { timeout: 20_000, interval: 200 });
	});

	it('stops the start-up pieces when the App stops', async () => {
		await stopApp(app);
		expect(steps.at(-1)).toBe('polls.stop');
	});
});

describe('an App whose start-up piece fails', () => {
	it('stops the pieces that started, closes the database and refuses to start', async () => {
		const database = await createEmptyTestDatabase();
		const steps: string[] = [];
		try {
			const starts = defineFeature({
				name: 'starts',
				start: async () => ({ stop: async () => void steps.push('starts.stop') })
			});
			const fails = defineFeature({
				name: 'fails',
				start: async () => {
					throw new Error('no provider');
				}
			});
			await expect(
				startApp(config({ DEMO: '0', JOBS: '0' }), silentLog, { database, features: [starts, fails] })
			).rejects.toThrow('no provider');
			expect(steps).toEqual(['starts.stop']);
			await expect(database.db.execute(sql`select 1`)).rejects.toThrow();
		} finally {
			await database.destroy().catch(() => undefined);
		}
	});

	it('refuses a registry whose demo waits for a feature that is not there, before opening anything', async () => {
		const lonely = defineFeature({
			name: 'lonely',
			demo: { after: ['missing'], load: async () => undefined }
		});
		await expect(startApp(config(), silentLog, { features: [lonely] })).rejects.toThrow(/waits for missing/);
	});
});

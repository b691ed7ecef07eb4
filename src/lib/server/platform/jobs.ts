// Background jobs on the platform's own database through pg-boss, on PGlite and PostgreSQL alike.
import PgBoss from 'pg-boss';
import { sqlClientOf, type Database, type Db } from '$lib/server/db/client';
import type { Logger } from './log';

/** The database schema of pg-boss's tables (queues, jobs, the archive of finished jobs). */
export const JOB_SCHEMA = 'pgboss';

export type JobHandler<T> = (data: T) => Promise<void>;

export interface SendOptions {
	/**
	 * Inserts the job in this transaction: it exists exactly when the transaction commits (and never after a
	 * rollback), so a record of "done" and the job that does it cannot part.
	 */
	tx?: Db;
	/** At most one job of this name per slot of so many seconds (counted from the epoch), across processes. */
	singletonSeconds?: number;
}

export interface Jobs {
	/** Registers a queue and its worker; call before start(). */
	register<T extends object>(name: string, handler: JobHandler<T>): void;
	/** Queues a job; null when a singleton slot already had one. */
	send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
	start(): Promise<void>;
	stop(): Promise<void>;
}

export function createJobs(database: Database, log: Logger, options: { pollingSeconds?: number } = {}): Jobs {
	const boss = new PgBoss({
		// PGlite has one connection, so pg-boss talks to it through the platform's SQL adapter.
		db: { executeSql: (text, values) => database.executeSql(text, values) },
		schema: JOB_SCHEMA,
		// Cron schedules are not used yet; keeping them off spares a poll on the embedded database.
		schedule: false
	});
	boss.on('error', (error) => log.error({ err: error }, 'job system error'));
	const handlers = new Map<string, JobHandler<object>>();
	let started = false;

	return {
		register(name, handler) {
			if (started) throw new Error(`register job ${name} before the job system starts`);
			handlers.set(name, handler as JobHandler<object>);
		},
		async send(name, data, options = {}) {
			if (!handlers.has(name)) throw new Error(`no job named ${name}`);
			const client = options.tx ? sqlClientOf(options.tx) : null;
			return boss.send(name, data, {
				retryLimit: 5,
				retryDelay: 30,
				retryBackoff: true,
				singletonSeconds: options.singletonSeconds,
				// pg-boss's insert runs on the transaction's own connection (PGlite's too, which has only one).
				db: client ? { executeSql: (text, values) => client.query(text, values) } : undefined
			});
		},
		async start() {
			await boss.start();
			for (const [name, handler] of handlers) {
				await boss.createQueue(name);
				await boss.work<object>(
					name,
					{ pollingIntervalSeconds: options.pollingSeconds ?? 2, batchSize: 1 },
					async (jobs) => {
						for (const job of jobs) {
							const started = performance.now();
							await handler(job.data);
							log.info({ job: name, id: job.id, ms: Math.round(performance.now() - started) }, 'job done');
						}
					}
				);
			}
			started = true;
		},
		async stop() {
			if (!started) return;
			started = false;
			// Lets a running job finish; pg-boss does not own the connection, the platform closes it.
			await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
		}
	};
}

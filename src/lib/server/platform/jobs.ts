// Background jobs on the platform's own database through pg-boss, on PGlite and PostgreSQL alike.
import PgBoss from 'pg-boss';
import { sqlClientOf, type Database, type Db } from '$lib/server/db/client';
import { runInBackground } from '$lib/server/db/priority';
import type { Logger } from './log';

/** The database schema of pg-boss's tables (queues, jobs, the archive of finished jobs). */
export const JOB_SCHEMA = 'pgboss';

/**
 * An index in the order pg-boss fetches waiting jobs (priority, then age). pg-boss's own index is on name and
 * start time, so with a newsletter's 100,000 mail jobs waiting each fetch of the next 100 read and sorted all of
 * them: 58 ms on PostgreSQL, about 120 ms on the embedded database, during which a page's statement waited.
 * With this index (and current statistics, below) the fetch reads its 100 rows: 0.2 ms.
 */
export const FETCH_ORDER_INDEX = 'job_fetch_order';

/**
 * Once a queue has been given this many jobs since its planner statistics were last brought up to date, they
 * are (ANALYZE of its partition, in the background), at most once per ANALYZE_INTERVAL_MS per process. Without
 * it the planner keeps the estimate of the last time it looked — an empty queue — and sorts everything rather
 * than read the index: the embedded database has no autovacuum, PostgreSQL's looks only now and then. Not more
 * often: an ANALYZE of 100,000 waiting jobs takes 100–250 ms of the embedded database, and once the queue is
 * known to be large the planner scales its estimate with the table's size by itself.
 */
export const ANALYZE_AFTER_JOBS = 1_000;
const ANALYZE_INTERVAL_MS = 60_000;
const ANALYZE_DELAY_MS = 1_000;

export type JobHandler<T> = (data: T) => Promise<void>;

export interface SendOptions {
	/**
	 * Inserts the job in this transaction: it exists exactly when the transaction commits (and never after a
	 * rollback), so a record of "done" and the job that does it cannot part.
	 */
	tx?: Db;
	/** At most one job of this name per slot of so many seconds (counted from the epoch), across processes. */
	singletonSeconds?: number;
	/** Not before this time (a scheduled newsletter); pg-boss holds the job until then. */
	startAfter?: Date;
}

/** How a failed job is retried unless its sender says otherwise: 5 times, after 30 s, doubling each time. */
export const JOB_RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

/** Retry and expiry of the jobs of one insert (pg-boss's options; JOB_RETRY where not given). */
export interface InsertOptions {
	/** Inserts the jobs in this transaction (as SendOptions.tx). */
	tx?: Db;
	retryLimit?: number;
	retryDelay?: number;
	retryBackoff?: boolean;
	/** A job still active this long after it was fetched is taken to have died with its process and retried. */
	expireInSeconds?: number;
}

/** A job of a batch worker: its handler says which failed; the others complete. */
export interface BatchJob<T> {
	id: string;
	data: T;
	/** How often it was tried before (0 the first time) and how often it may be retried. */
	retryCount: number;
	retryLimit: number;
}

/** What a batch handler returns: the jobs to retry (pg-boss's back-off) with the reason. */
export type BatchResult = { failed: { id: string; error: string }[] };

export interface BatchWorkerOptions {
	/** Jobs fetched at once. */
	batchSize: number;
	/** Seconds between polls while the queue is empty. */
	pollingSeconds?: number;
}

export interface Jobs {
	/** Registers a queue and its worker; call before start(). */
	register<T extends object>(name: string, handler: JobHandler<T>): void;
	/** Queues a job; null when a singleton slot already had one. */
	send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
	/** Registers a queue whose worker takes jobs in batches and fetches the next batch at once; before start(). */
	registerBatch<T extends object>(
		name: string,
		handler: (jobs: BatchJob<T>[]) => Promise<BatchResult>,
		options: BatchWorkerOptions
	): void;
	/** Queues many jobs with one statement (pg-boss's insert, which gives them their ids). */
	insert<T extends object>(
		name: string,
		jobs: { data: T; priority?: number }[],
		options?: InsertOptions
	): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
}

export function createJobs(
	database: Database,
	log: Logger,
	options: {
		pollingSeconds?: number;
		/** How often pg-boss looks for expired jobs (and archives); its default is 120 s. */
		maintenanceSeconds?: number;
	} = {}
): Jobs {
	// Set once stop() has returned: the platform closes the database next.
	let stopped = false;
	/**
	 * pg-boss's statements. After stop() a late one (a job's fail or complete that pg-boss issues after its own
	 * stop let go, while the platform closes the database) never settles, instead of rejecting where nobody
	 * catches it (which ended the process with exit code 1) or answering with rows pg-boss would misread; a
	 * pending promise does not keep the process alive. The job stays active and is retried once it expires, as
	 * after a crash.
	 */
	const never = new Promise<never>(() => {});
	async function bossSql(text: string, values?: unknown[]) {
		if (stopped) return never;
		try {
			return await database.executeSql(text, values);
		} catch (err) {
			if (!stopped) throw err;
			log.warn({ err }, 'job system statement after stop dropped; its job is retried when it expires');
			return never;
		}
	}
	const boss = new PgBoss({
		// PGlite has one connection, so pg-boss talks to it through the platform's SQL adapter.
		db: { executeSql: bossSql },
		schema: JOB_SCHEMA,
		// Cron schedules are not used yet; keeping them off spares a poll on the embedded database.
		schedule: false,
		...(options.maintenanceSeconds ? { maintenanceIntervalSeconds: options.maintenanceSeconds } : {})
	});
	boss.on('error', (error) => log.error({ err: error }, 'job system error'));
	const handlers = new Map<string, JobHandler<object>>();
	const batchHandlers = new Map<
		string,
		{ handler: (jobs: BatchJob<object>[]) => Promise<BatchResult>; options: BatchWorkerOptions }
	>();
	const loops: Promise<void>[] = [];
	let wake: (() => void)[] = [];
	let started = false;

	/** Per queue: jobs inserted since its statistics were brought up to date, and when that was (analyzeWhenGrown). */
	const growth = new Map<string, { inserted: number; analyzedAt: number; running: boolean }>();
	/** Brings a queue's planner statistics up to date when it has grown by ANALYZE_AFTER_JOBS (see there). */
	function analyzeWhenGrown(name: string, inserted: number) {
		const queue = growth.get(name) ?? { inserted: 0, analyzedAt: -Infinity, running: false };
		growth.set(name, queue);
		queue.inserted += inserted;
		const now = performance.now();
		if (queue.running || queue.inserted < ANALYZE_AFTER_JOBS || now - queue.analyzedAt < ANALYZE_INTERVAL_MS)
			return;
		queue.running = true;
		// Once the caller's transaction has committed: the jobs are looked for first (outside it, on another
		// connection on PostgreSQL), and while fewer than ANALYZE_AFTER_JOBS wait, the next insert tries again.
		const timer = setTimeout(
			() =>
				runInBackground(async () => {
					try {
						const waiting = (await bossSql(
							`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${JOB_SCHEMA}.job
								WHERE name = $1 AND state < 'active' LIMIT ${ANALYZE_AFTER_JOBS}) w`,
							[name]
						)) as { rows: { n: number }[] };
						if ((waiting.rows[0]?.n ?? 0) < ANALYZE_AFTER_JOBS) return;
						const queues = (await bossSql(`SELECT partition_name FROM ${JOB_SCHEMA}.queue WHERE name = $1`, [
							name
						])) as { rows: { partition_name: string | null }[] };
						const partition = queues.rows[0]?.partition_name;
						if (!partition || !/^[a-z0-9_]+$/.test(partition)) return;
						await bossSql(`ANALYZE ${JOB_SCHEMA}.${partition}`);
						queue.inserted = 0;
						queue.analyzedAt = performance.now();
					} catch (err) {
						log.warn({ err, job: name }, 'job queue statistics not brought up to date');
					} finally {
						queue.running = false;
					}
				}),
			ANALYZE_DELAY_MS
		);
		timer.unref();
	}

	/** pg-boss's fail with many ids and the reason (its code takes both; its types offer ids or data). */
	const failJobs = boss.fail.bind(boss) as (name: string, ids: string[], data: object) => Promise<void>;

	/** Fetches a batch, hands it over, completes what did not fail; at once again while there is work. */
	async function batchLoop(
		name: string,
		handler: (jobs: BatchJob<object>[]) => Promise<BatchResult>,
		o: BatchWorkerOptions
	) {
		while (started) {
			let fetched = 0;
			try {
				const jobs =
					(await boss.fetch<object>(name, { batchSize: o.batchSize, includeMetadata: true })) ?? [];
				fetched = jobs.length;
				if (jobs.length > 0) {
					const ids = jobs.map((job) => job.id);
					let result: BatchResult;
					try {
						result = await handler(
							jobs.map((job) => ({
								id: job.id,
								data: job.data,
								retryCount: job.retryCount,
								retryLimit: job.retryLimit
							}))
						);
					} catch (err) {
						log.error({ err, job: name }, 'batch of jobs failed');
						result = { failed: ids.map((id) => ({ id, error: String((err as Error)?.message ?? err) })) };
					}
					// One statement per distinct error (a batch that ran out of time fails its rest with one).
					const byError = new Map<string, string[]>();
					for (const f of result.failed) {
						const same = byError.get(f.error) ?? [];
						same.push(f.id);
						byError.set(f.error, same);
					}
					for (const [error, failedIds] of byError) await failJobs(name, failedIds, { message: error });
					const failed = new Set(result.failed.map((f) => f.id));
					const done = ids.filter((id) => !failed.has(id));
					if (done.length > 0) await boss.complete(name, done);
					log.debug({ job: name, done: done.length, failed: failed.size }, 'batch of jobs done');
				}
			} catch (err) {
				if (!started) break;
				log.error({ err, job: name }, 'job worker error');
			}
			if (fetched === 0 && started)
				await new Promise<void>((resolve) => {
					const timer = setTimeout(done, (o.pollingSeconds ?? options.pollingSeconds ?? 2) * 1000);
					function done() {
						clearTimeout(timer);
						wake = wake.filter((w) => w !== done);
						resolve();
					}
					wake.push(done);
				});
		}
	}

	return {
		register(name, handler) {
			if (started) throw new Error(`register job ${name} before the job system starts`);
			handlers.set(name, handler as JobHandler<object>);
		},
		registerBatch(name, handler, batchOptions) {
			if (started) throw new Error(`register job ${name} before the job system starts`);
			batchHandlers.set(name, {
				handler: handler as (jobs: BatchJob<object>[]) => Promise<BatchResult>,
				options: batchOptions
			});
		},
		async insert(name, jobs, insertOptions = {}) {
			if (!handlers.has(name) && !batchHandlers.has(name)) throw new Error(`no job named ${name}`);
			if (jobs.length === 0) return;
			const client = insertOptions.tx ? sqlClientOf(insertOptions.tx) : null;
			await boss.insert(
				jobs.map((job) => ({
					name,
					data: job.data,
					priority: job.priority,
					retryLimit: insertOptions.retryLimit ?? JOB_RETRY.retryLimit,
					retryDelay: insertOptions.retryDelay ?? JOB_RETRY.retryDelay,
					retryBackoff: insertOptions.retryBackoff ?? JOB_RETRY.retryBackoff,
					expireInSeconds: insertOptions.expireInSeconds
				})),
				client ? { db: { executeSql: (text, values) => client.query(text, values) } } : {}
			);
			analyzeWhenGrown(name, jobs.length);
		},
		async send(name, data, options = {}) {
			if (!handlers.has(name) && !batchHandlers.has(name)) throw new Error(`no job named ${name}`);
			const client = options.tx ? sqlClientOf(options.tx) : null;
			return boss.send(name, data, {
				...JOB_RETRY,
				singletonSeconds: options.singletonSeconds,
				startAfter: options.startAfter,
				// pg-boss's insert runs on the transaction's own connection (PGlite's too, which has only one).
				db: client ? { executeSql: (text, values) => client.query(text, values) } : undefined
			});
		},
		async start() {
			await boss.start();
			// On the partitioned job table: every queue's partition has it, those made later too.
			await bossSql(
				`CREATE INDEX IF NOT EXISTS ${FETCH_ORDER_INDEX} ON ${JOB_SCHEMA}.job (name, priority DESC, created_on, id)
					WHERE state < 'active'`
			);
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
			for (const name of batchHandlers.keys()) await boss.createQueue(name);
			started = true;
			for (const [name, { handler, options: batchOptions }] of batchHandlers)
				loops.push(batchLoop(name, handler, batchOptions));
		},
		async stop() {
			if (!started) return;
			started = false;
			// A batch being handled finishes (and is completed) before pg-boss stops.
			for (const w of wake) w();
			await Promise.all(loops.splice(0));
			// Lets a running job finish; pg-boss does not own the connection, the platform closes it.
			await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
			stopped = true;
		}
	};
}

// The embedded database in its own thread. PGlite is PostgreSQL compiled to WebAssembly: every statement
// runs on the thread that owns it. On the server's main thread that is the thread that also parses HTTP,
// renders pages and runs the use cases, so each statement stalls every request. Here PGlite runs in a
// worker thread and this client forwards statements to it, so the database and the requests use two cores.
//
// The client offers what Drizzle's PGlite driver and Database.executeSql use: query, exec, transaction,
// close. Statements keep their order. A transaction has the database to itself: statements from outside
// wait until it ends, as with PGlite itself. Background work (priority.ts: jobs, mail, the event dispatcher)
// gives way: its statements and transactions wait to start while a request's are waiting or running, for at
// most BACKGROUND_WAIT_MS each, so a page waits for at most the background statement or transaction already
// under way, not for a queue of them.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isBackgroundWork, noteForeground } from './priority';

/** The longest a background statement or transaction waits for requests' statements to finish first. */
export const BACKGROUND_WAIT_MS = 100;

interface Field {
	name: string;
	dataTypeID: number;
}

export interface WorkerResults {
	rows: unknown[];
	fields: Field[];
	affectedRows?: number;
}

export interface QueryOptions {
	rowMode?: 'array' | 'object';
	/** Per type id, how to read a value; given values arrive as PostgreSQL's text. */
	parsers?: Record<number, (value: string, typeId: number) => unknown>;
}

/** What the worker thread runs (plain JavaScript, started with eval so the build needs no second entry). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const asText = (value) => value;
const fieldsOfError = (error) => {
	const out = { message: String(error && error.message ? error.message : error), name: error && error.name };
	for (const key of ['code', 'detail', 'hint', 'severity', 'constraint', 'table', 'column', 'schema', 'where', 'routine', 'position'])
		if (error && error[key] !== undefined) out[key] = error[key];
	return out;
};
(async () => {
	let db;
	try {
		const { PGlite } = await import(workerData.modules.pglite);
		const { pg_trgm } = await import(workerData.modules.pg_trgm);
		const { unaccent } = await import(workerData.modules.unaccent);
		db = await PGlite.create(workerData.location, { extensions: { pg_trgm, unaccent } });
	} catch (error) {
		parentPort.postMessage({ ready: false, error: fieldsOfError(error) });
		return;
	}
	parentPort.postMessage({ ready: true });
	parentPort.on('message', async (message) => {
		try {
			let result;
			if (message.op === 'query') {
				const parsers = {};
				for (const id of message.textTypes) parsers[id] = asText;
				const r = await db.query(message.text, message.params, { rowMode: message.rowMode, parsers });
				result = { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
			} else if (message.op === 'exec') {
				result = (await db.exec(message.text)).map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
			} else if (message.op === 'dump') {
				// The data folder as a gzipped tar, taken between two statements: a consistent copy.
				const blob = await db.dumpDataDir('gzip');
				result = new Uint8Array(await blob.arrayBuffer());
			} else if (message.op === 'close') {
				await db.close();
				result = null;
			}
			parentPort.postMessage({ id: message.id, ok: true, result });
		} catch (error) {
			parentPort.postMessage({ id: message.id, ok: false, error: fieldsOfError(error) });
		}
	});
})();
`;

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorFields };
type ErrorFields = { message: string; name?: string } & Record<string, unknown>;

function toError(fields: ErrorFields): Error {
	const error = new Error(fields.message);
	if (fields.name) error.name = fields.name;
	return Object.assign(error, fields);
}

function moduleUrl(specifier: string): string {
	return pathToFileURL(createRequire(import.meta.url).resolve(specifier)).href;
}

/** What Drizzle uses of a transaction (a rollback is an error thrown out of it). */
export interface WorkerTransaction {
	query<T>(text: string, params?: unknown[], options?: QueryOptions): Promise<WorkerResults & { rows: T[] }>;
	exec(text: string): Promise<WorkerResults[]>;
}

export class PgliteWorkerClient {
	closed = false;
	readonly #worker: Worker;
	readonly #pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
	#next = 1;
	/** Resolves when no transaction holds the database; transactions queue on it. */
	#free: Promise<void> = Promise.resolve();
	readonly #onStatement: ((ms: number) => void) | undefined;
	/** Requests' statements and transactions waiting or running; background work starts when there are none. */
	#foreground = 0;
	/** Background work waiting for #foreground to reach 0. */
	#waitingBackground = new Set<() => void>();
	/** Whether a background statement or transaction is admitted; the others wait their turn in #backgroundTurns. */
	#backgroundBusy = false;
	#backgroundTurns: (() => void)[] = [];

	private constructor(worker: Worker, onStatement?: (ms: number) => void) {
		this.#worker = worker;
		this.#onStatement = onStatement;
		worker.on('message', (reply: Reply) => {
			const waiting = this.#pending.get(reply.id);
			if (!waiting) return;
			this.#pending.delete(reply.id);
			if (reply.ok) waiting.resolve(reply.result);
			else waiting.reject(toError(reply.error));
		});
		worker.on('error', (error) => this.#failAll(error));
		worker.on('exit', () => {
			this.closed = true;
			this.#failAll(new Error('the database thread stopped'));
		});
	}

	/**
	 * Starts the thread and opens the database in `location` (a folder, or memory://). `onStatement` hears of
	 * every statement (BEGIN and COMMIT too) when its answer is back, in the caller's async context.
	 */
	static async create(
		location: string,
		options: { onStatement?: (ms: number) => void } = {}
	): Promise<PgliteWorkerClient> {
		const worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: {
				location,
				modules: {
					pglite: moduleUrl('@electric-sql/pglite'),
					pg_trgm: moduleUrl('@electric-sql/pglite/contrib/pg_trgm'),
					unaccent: moduleUrl('@electric-sql/pglite/contrib/unaccent')
				}
			}
		});
		await new Promise<void>((resolve, reject) => {
			worker.once('message', (first: { ready: boolean; error?: ErrorFields }) => {
				if (first.ready) resolve();
				else {
					void worker.terminate();
					reject(toError(first.error ?? { message: 'the database did not open' }));
				}
			});
			worker.once('error', reject);
		});
		return new PgliteWorkerClient(worker, options.onStatement);
	}

	#failAll(error: unknown) {
		for (const waiting of this.#pending.values()) waiting.reject(error);
		this.#pending.clear();
	}

	#send<T>(message: Record<string, unknown>): Promise<T> {
		if (this.closed) return Promise.reject(new Error('PGlite is closed'));
		const id = this.#next++;
		const started = performance.now();
		const answer = new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
			this.#worker.postMessage({ ...message, id });
		});
		const onStatement = this.#onStatement;
		if (onStatement && message.op !== 'close') {
			const told = () => onStatement(performance.now() - started);
			answer.then(told, told);
		}
		return answer;
	}

	async #query<T>(text: string, params: unknown[] = [], options: QueryOptions = {}) {
		const parsers = options.parsers ?? {};
		const textTypes = Object.keys(parsers).map(Number);
		const result = await this.#send<WorkerResults & { rows: T[] }>({
			op: 'query',
			text,
			params,
			rowMode: options.rowMode ?? 'object',
			textTypes
		});
		if (textTypes.length > 0) applyParsers(result, parsers, options.rowMode ?? 'object');
		return result;
	}

	/**
	 * A request's work counts as foreground until `done`. Background work goes one statement or transaction at
	 * a time (so a request's statement never queues behind more than one of them in the database thread), and
	 * each first waits until no foreground work is waiting or running (at most BACKGROUND_WAIT_MS).
	 */
	async #admit(): Promise<() => void> {
		if (!isBackgroundWork()) {
			this.#foreground++;
			noteForeground();
			return () => {
				if (--this.#foreground === 0) for (const go of [...this.#waitingBackground]) go();
			};
		}
		if (this.#backgroundBusy) await new Promise<void>((resolve) => this.#backgroundTurns.push(resolve));
		this.#backgroundBusy = true;
		const next = () => {
			const turn = this.#backgroundTurns.shift();
			if (turn) turn();
			else this.#backgroundBusy = false;
		};
		if (this.#foreground > 0)
			await new Promise<void>((resolve) => {
				const go = () => {
					clearTimeout(timer);
					this.#waitingBackground.delete(go);
					resolve();
				};
				const timer = setTimeout(go, BACKGROUND_WAIT_MS);
				this.#waitingBackground.add(go);
			});
		return next;
	}

	async query<T>(text: string, params?: unknown[], options?: QueryOptions) {
		const done = await this.#admit();
		try {
			await this.#free;
			return await this.#query<T>(text, params, options);
		} finally {
			done();
		}
	}

	async exec(text: string): Promise<WorkerResults[]> {
		const done = await this.#admit();
		try {
			await this.#free;
			return await this.#send<WorkerResults[]>({ op: 'exec', text });
		} finally {
			done();
		}
	}

	/** The database's files as a gzipped tar (PGlite's dumpDataDir), taken when no transaction is open. */
	async dumpDataDir(): Promise<Uint8Array> {
		await this.#free;
		return this.#send<Uint8Array>({ op: 'dump' });
	}

	/** Runs `fn` between BEGIN and COMMIT (ROLLBACK when it throws); nothing else runs meanwhile. */
	async transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
		const done = await this.#admit();
		try {
			return await this.#transaction(fn);
		} finally {
			done();
		}
	}

	async #transaction<T>(fn: (tx: WorkerTransaction) => Promise<T>): Promise<T> {
		let release!: () => void;
		const previous = this.#free;
		this.#free = previous.then(() => new Promise<void>((resolve) => (release = resolve)));
		await previous;
		const tx: WorkerTransaction = {
			query: (text, params, options) => this.#query(text, params, options),
			exec: (text) => this.#send<WorkerResults[]>({ op: 'exec', text })
		};
		try {
			// Not awaited: the first statement follows it in order, so BEGIN costs no round trip of its own.
			const begun = this.#send({ op: 'exec', text: 'BEGIN' });
			begun.catch(() => {});
			try {
				const result = await fn(tx);
				await begun;
				await this.#send({ op: 'exec', text: 'COMMIT' });
				return result;
			} catch (error) {
				await this.#send({ op: 'exec', text: 'ROLLBACK' }).catch(() => {});
				throw error;
			}
		} finally {
			release();
		}
	}

	async close(): Promise<void> {
		if (this.closed) return;
		await this.#free;
		await this.#send({ op: 'close' });
		this.closed = true;
		await this.#worker.terminate();
	}
}

function applyParsers(
	result: WorkerResults,
	parsers: NonNullable<QueryOptions['parsers']>,
	rowMode: 'array' | 'object'
) {
	result.fields.forEach((field, column) => {
		const parse = parsers[field.dataTypeID];
		if (!parse) return;
		for (const row of result.rows) {
			if (rowMode === 'array') {
				const values = row as unknown[];
				if (values[column] !== null) values[column] = parse(values[column] as string, field.dataTypeID);
			} else {
				const record = row as Record<string, unknown>;
				if (record[field.name] !== null)
					record[field.name] = parse(record[field.name] as string, field.dataTypeID);
			}
		}
	});
}

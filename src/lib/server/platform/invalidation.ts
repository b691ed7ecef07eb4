// Clearing the caches of every process on one PostgreSQL database. Each process keeps a read cache and a
// page cache of its own; a write that went through clears them in the process that served it (hooks.server.ts)
// and then tells all the others with PostgreSQL's NOTIFY, on a channel each of them LISTENs to on a connection
// of its own (not one of the pool's: a LISTEN belongs to its session). The notification is sent after the
// write's transaction committed (the service owns it and has returned), so a process that clears on it never
// reloads the old data. A process whose listening connection was lost cannot know what it missed: it clears
// its caches when the loss is noticed and again once it listens again (then the TTLs bound the rest).
//
// A write's answer waits until every other process has cleared: each process's listening connection carries its
// name (application_name `meedoen-caches:<id>`), the notification's statement reads which processes listen at that
// moment, and each of them, once it has cleared, answers on a second channel. So the writer's very next request,
// whichever process or node serves it, cannot get the page from before the write. A process that does not answer
// within ACK_TIMEOUT_MS (hung, or an older version) is not waited for longer; a killed one's listening session ends
// with it (PostgreSQL sees the connection close), so it is not waited for at all.
//
// Writes come in bursts (a vote storm), so notifications are coalesced: while one is being sent, the writes
// that finish share one more, sent when it is back; every write is covered by a notification sent after it
// finished, and its answer waits for that one. The payload names the sending process (which has cleared already),
// the primary's WAL position after the write, which a read replica must have replayed before visitors read from it
// again (replica.ts), and the notification's number, which the acknowledgements name.
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { Logger } from './log';

export const INVALIDATION_CHANNEL = 'meedoen_caches';
/** The channel on which a process says it cleared after another's notification: `<acker> <writer> <number>`. */
export const ACK_CHANNEL = 'meedoen_caches_ack';
/** The application_name of a listening connection, followed by the process's id. */
export const LISTENER_NAME = 'meedoen-caches:';
/** The longest a write's answer waits for the other processes to say they cleared. */
export const ACK_TIMEOUT_MS = 1_000;

export interface Invalidation {
	/**
	 * Asks every other process to clear its caches (after the caller's write committed); resolves once every
	 * process that listened when a notification sent after this call went out has said it cleared (or
	 * ACK_TIMEOUT_MS passed), so the writer's next request, wherever it goes, finds the caches cleared.
	 */
	publish(): Promise<void>;
	/** Resolves once the first LISTEN is in place or failed (the App waits for it at start). */
	ready: Promise<void>;
	/** Whether the listening connection is up now. */
	listening(): boolean;
	/** Whether a notification of this process is being sent or waits to be (its WAL position is not known yet). */
	busy(): boolean;
	stop(): Promise<void>;
}

export interface InvalidationOptions {
	url: string;
	log: Logger;
	/** Sends one statement on the pool (the notification goes out on any connection). */
	query(text: string, values: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
	/**
	 * Another process wrote (with the primary's WAL position after its write), or this one may have missed
	 * notifications (`lsn` null: the listening connection was lost or is back).
	 */
	onInvalidate(lsn: string | null): void;
	/** A notification of this process went out; `lsn` is the primary's WAL position when it was sent. */
	onPublished?(lsn: string): void;
	/** How long to wait before listening again after the connection was lost (default 500 ms). */
	retryMs?: number;
	/** How long a write waits for the others' acknowledgements (default ACK_TIMEOUT_MS). */
	ackTimeoutMs?: number;
}

export function createInvalidation(options: InvalidationOptions): Invalidation {
	const { log } = options;
	const sender = randomUUID();
	const retryMs = options.retryMs ?? 500;
	const ackTimeoutMs = options.ackTimeoutMs ?? ACK_TIMEOUT_MS;
	/** The number of this process's last notification, and the highest number each other process acknowledged. */
	let sent = 0;
	const acknowledged = new Map<string, number>();
	/** Writes waiting for acknowledgements: each rechecks when one comes in. */
	const waiting = new Set<() => void>();
	let client: pg.Client | null = null;
	let stopped = false;
	let connected = false;
	let everConnected = false;
	let retry: NodeJS.Timeout | undefined;
	let markReady: () => void = () => {};
	const ready = new Promise<void>((resolve) => (markReady = resolve));

	function lost(err?: unknown) {
		if (client === null) return;
		const wasConnected = connected;
		connected = false;
		// Writes waiting for acknowledgements cannot hear them any more.
		for (const recheck of [...waiting]) recheck();
		client.removeAllListeners();
		client.on('error', () => {});
		void client.end().catch(() => {});
		client = null;
		if (stopped) return;
		if (wasConnected) {
			log.warn({ err }, 'cache invalidation: listening connection lost, caches cleared');
			options.onInvalidate(null);
		}
		retry = setTimeout(() => void listen(), retryMs);
		retry.unref();
	}

	async function listen() {
		if (stopped) return;
		const next = new pg.Client({
			connectionString: options.url,
			connectionTimeoutMillis: 5_000,
			application_name: LISTENER_NAME + sender
		});
		client = next;
		next.on('error', (err) => lost(err));
		next.on('end', () => lost());
		next.on('notification', (message) => {
			const [first, second, third] = (message.payload ?? '').split(' ');
			if (message.channel === ACK_CHANNEL) {
				// `<acker> <writer> <number>`: another process cleared after a notification of this one.
				const number = Number(third);
				if (second !== sender || !first || !Number.isSafeInteger(number)) return;
				if (number > (acknowledged.get(first) ?? 0)) acknowledged.set(first, number);
				for (const recheck of [...waiting]) recheck();
				return;
			}
			if (message.channel !== INVALIDATION_CHANNEL || first === sender) return;
			options.onInvalidate(second ?? null);
			// Cleared: the writer may answer now. Sent on this connection, in the order the notifications came.
			if (first && third)
				next
					.query('SELECT pg_notify($1, $2)', [ACK_CHANNEL, `${sender} ${first} ${third}`])
					.catch((err: unknown) => log.warn({ err }, 'cache invalidation: acknowledgement not sent'));
		});
		try {
			await next.connect();
			await next.query(`LISTEN ${INVALIDATION_CHANNEL}; LISTEN ${ACK_CHANNEL}`);
		} catch (err) {
			log.warn({ err }, 'cache invalidation: cannot listen, trying again');
			// The start does not wait for it: the caches' TTLs bound what this process serves meanwhile.
			markReady();
			lost(err);
			return;
		}
		if (client !== next) return;
		connected = true;
		if (everConnected) {
			// Whatever was written while nobody listened here is unknown: start from empty caches.
			log.info('cache invalidation: listening again, caches cleared');
			options.onInvalidate(null);
		}
		everConnected = true;
		markReady();
	}

	/**
	 * One notification, with the primary's WAL position when it went out; resolves once every other process that
	 * listened then has acknowledged it, or after ackTimeoutMs. Never rejects.
	 */
	async function send(): Promise<void> {
		const number = ++sent;
		let listeners: string[] = [];
		try {
			const { rows } = await options.query(
				`SELECT l::text AS lsn, pg_notify($1, $2 || ' ' || l::text || ' ' || $3),
				        ARRAY(SELECT substr(application_name, $5) FROM pg_stat_activity
				              WHERE datname = current_database() AND starts_with(application_name, $4)) AS listeners
				 FROM pg_current_wal_lsn() AS l`,
				[INVALIDATION_CHANNEL, sender, String(number), LISTENER_NAME, LISTENER_NAME.length + 1]
			);
			const lsn = rows[0]?.lsn;
			if (typeof lsn === 'string') options.onPublished?.(lsn);
			const named = rows[0]?.listeners;
			if (Array.isArray(named)) listeners = named.filter((id): id is string => typeof id === 'string');
		} catch (err) {
			// The write itself went through; the other processes fall back on their caches' TTL.
			log.warn({ err }, 'cache invalidation: notification not sent');
			return;
		}
		// Without a listening connection of its own this process cannot hear the acknowledgements.
		if (!connected) return;
		const others = listeners.filter((id) => id !== sender);
		const done = () => others.every((id) => (acknowledged.get(id) ?? 0) >= number);
		if (done()) return;
		await new Promise<void>((resolve) => {
			const finish = () => {
				clearTimeout(timer);
				waiting.delete(recheck);
				resolve();
			};
			const recheck = () => {
				if (done() || !connected || stopped) finish();
			};
			const timer = setTimeout(() => {
				log.warn(
					{ missing: others.filter((id) => (acknowledged.get(id) ?? 0) < number) },
					'cache invalidation: not every process acknowledged in time'
				);
				finish();
			}, ackTimeoutMs);
			timer.unref();
			waiting.add(recheck);
		});
	}

	let inFlight: Promise<void> | null = null;
	let queued: Promise<void> | null = null;
	function start(): Promise<void> {
		const sending: Promise<void> = send().finally(() => {
			if (inFlight === sending) inFlight = null;
		});
		inFlight = sending;
		return sending;
	}

	void listen();
	return {
		ready,
		listening: () => connected,
		busy: () => inFlight !== null || queued !== null,
		publish() {
			if (stopped) return Promise.resolve();
			if (!inFlight) return start();
			// Writes that finish while one is on its way share the next one, sent once it is back.
			queued ??= inFlight.then(() => {
				queued = null;
				return start();
			});
			return queued;
		},
		async stop() {
			stopped = true;
			clearTimeout(retry);
			for (const recheck of [...waiting]) recheck();
			const last = client;
			client = null;
			connected = false;
			if (last) {
				last.removeAllListeners();
				last.on('error', () => {});
				await last.end().catch(() => {});
			}
		}
	};
}

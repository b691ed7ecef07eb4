// Clearing the caches of every process on one PostgreSQL database. Each process keeps a read cache and a
// page cache of its own; a write that went through clears them in the process that served it (hooks.server.ts)
// and then tells all the others with PostgreSQL's NOTIFY, on a channel each of them LISTENs to on a connection
// of its own (not one of the pool's: a LISTEN belongs to its session). The notification is sent after the
// write's transaction committed (the service owns it and has returned), so a process that clears on it never
// reloads the old data. A process whose listening connection was lost cannot know what it missed: it clears
// its caches when the loss is noticed and again once it listens again (then the TTLs bound the rest).
//
// Writes come in bursts (a vote storm), so notifications are coalesced: while one is being sent, the writes
// that finish share one more, sent when it is back; every write is covered by a notification sent after it
// finished, and its answer waits for that one. The payload names the sending process (which has cleared already) and the primary's WAL
// position after the write, which a read replica must have replayed before visitors read from it again
// (replica.ts).
import pg from 'pg';
import { randomUUID } from 'node:crypto';
import type { Logger } from './log';

export const INVALIDATION_CHANNEL = 'meedoen_caches';

export interface Invalidation {
	/**
	 * Asks every other process to clear its caches (after the caller's write committed); resolves once a
	 * notification sent after this call is committed, so the writer's next request, wherever it goes, finds
	 * the other processes told.
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
}

export function createInvalidation(options: InvalidationOptions): Invalidation {
	const { log } = options;
	const sender = randomUUID();
	const retryMs = options.retryMs ?? 500;
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
		const next = new pg.Client({ connectionString: options.url, connectionTimeoutMillis: 5_000 });
		client = next;
		next.on('error', (err) => lost(err));
		next.on('end', () => lost());
		next.on('notification', (message) => {
			if (message.channel !== INVALIDATION_CHANNEL) return;
			const [from, lsn] = (message.payload ?? '').split(' ');
			if (from === sender) return;
			options.onInvalidate(lsn ?? null);
		});
		try {
			await next.connect();
			await next.query(`LISTEN ${INVALIDATION_CHANNEL}`);
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

	/** One notification, with the primary's WAL position when it went out; never rejects. */
	async function send(): Promise<void> {
		try {
			const { rows } = await options.query(
				"SELECT l::text AS lsn, pg_notify($1, $2 || ' ' || l::text) FROM pg_current_wal_lsn() AS l",
				[INVALIDATION_CHANNEL, sender]
			);
			const lsn = rows[0]?.lsn;
			if (typeof lsn === 'string') options.onPublished?.(lsn);
		} catch (err) {
			// The write itself went through; the other processes fall back on their caches' TTL.
			log.warn({ err }, 'cache invalidation: notification not sent');
		}
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

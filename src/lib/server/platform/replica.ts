// Visitors' pages from a PostgreSQL streaming replica (DATABASE_REPLICA_URL). Only requests that could come
// from the page cache read there (a visitor's GET of a public page: no session, no recent write of their own;
// hooks.server.ts); everything else, and everything signed-in people see, reads the primary.
//
// A replica replays the primary's WAL a little later. So that no visitor is shown a page older than a write
// this platform knows of, visitors read the primary from the moment a write is known (one here, or another
// process's notification, invalidation.ts) until the replica has replayed the primary's WAL position after that
// write: polled every few milliseconds while behind. A replica that does not answer is left alone (visitors
// read the primary) and tried again each second. What visitors read from the replica is kept in a read cache
// of its own, never mixed with the one filled from the primary.
import type { Database } from '$lib/server/db/client';
import type { Logger } from './log';
import { createCache, READ_CACHE_TTL_MS, type Cache } from './cache';

/**
 * Set on the answer to a write of someone without a session, when a replica is configured: for this long their
 * pages read the primary and skip the page cache, so they see their own write on every process at once, even
 * before another process has heard of it.
 */
export const RECENT_WRITE_COOKIE = 'meedoen_recent_write';
export const RECENT_WRITE_SECONDS = 10;

/**
 * The Set-Cookie value of that cookie: it says only "wrote a moment ago" (the value is 1, nothing about who or
 * what), scripts cannot read it, other sites' requests do not carry it, and on https it is never sent over http.
 */
export function recentWriteCookie(https: boolean): string {
	return `${RECENT_WRITE_COOKIE}=1; Path=/; Max-Age=${RECENT_WRITE_SECONDS}; HttpOnly; SameSite=Lax${https ? '; Secure' : ''}`;
}

export interface Replica {
	database: Database;
	/** The read cache of what visitors read from the replica. */
	cache: Cache;
	/** Whether a visitor's page may read from the replica now. */
	usable(): boolean;
	/**
	 * A write is known: visitors read the primary until the replica has replayed `lsn` (the primary's WAL
	 * position after it), or the primary's position now when it is null.
	 */
	behind(lsn: string | null): void;
	stop(): Promise<void>;
}

/** A WAL position `X/Y` (hex) as one number. */
export function parseLsn(lsn: string): bigint {
	const [high, low] = lsn.split('/');
	return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export function createReplica(options: {
	database: Database;
	/** The primary, for its WAL position when a write's is not known. */
	primary: Database;
	log: Logger;
	/** Another write of this process is being announced (its WAL position is not known yet). */
	announcing(): boolean;
	pollMs?: number;
}): Replica {
	const { database, primary, log } = options;
	const pollMs = options.pollMs ?? 10;
	const cache = createCache({ ttlMs: READ_CACHE_TTL_MS, maxEntries: 2_000 });
	let healthy = false;
	let target: bigint | null = null;
	let asking = 0;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	let polling = false;

	async function poll() {
		if (stopped || polling) return;
		polling = true;
		clearTimeout(timer);
		try {
			const { rows } = await database.executeSql('SELECT pg_last_wal_replay_lsn()::text AS lsn', []);
			const replayed = rows[0]?.lsn;
			if (!healthy) log.info('read replica answers: visitors read from it');
			healthy = true;
			// null: not a standby (promoted, or the primary itself), so as current as the primary.
			if (target !== null && (typeof replayed !== 'string' || parseLsn(replayed) >= target)) target = null;
		} catch (err) {
			if (healthy) log.warn({ err }, 'read replica does not answer: visitors read the primary');
			healthy = false;
		} finally {
			polling = false;
		}
		if (stopped) return;
		timer = setTimeout(() => void poll(), target !== null && healthy ? pollMs : 1_000);
		timer.unref();
	}

	function wait(lsn: bigint) {
		if (target === null || lsn > target) target = lsn;
		if (!polling) {
			clearTimeout(timer);
			timer = setTimeout(() => void poll(), pollMs);
			timer.unref();
		}
	}

	void poll();
	return {
		database,
		cache,
		usable: () => healthy && target === null && asking === 0 && !options.announcing(),
		behind(lsn) {
			cache.clear();
			if (lsn) {
				wait(parseLsn(lsn));
				return;
			}
			asking += 1;
			primary
				.executeSql('SELECT pg_current_wal_lsn()::text AS lsn', [])
				.then(({ rows }) => {
					if (typeof rows[0]?.lsn === 'string') wait(parseLsn(rows[0].lsn));
				})
				.catch((err: unknown) => log.warn({ err }, 'read replica: primary WAL position unknown'))
				.finally(() => (asking -= 1));
		},
		async stop() {
			stopped = true;
			clearTimeout(timer);
			await database.close();
		}
	};
}

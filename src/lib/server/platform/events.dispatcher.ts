// The outbox processor: hands each stored domain event to the handlers subscribed to its type, exactly once
// per handler, in order per subject, and picks up where it stopped after a crash.
//
// How the guarantees are kept (docs/architecture.md, "Domain events and subscriptions"):
// - Fan-out: a serialised step turns each new event into one event_deliveries row per subscribed handler
//   and marks the event processed, in one statement. An event is found by `processed_at IS NULL`, not by a
//   cursor, so one that commits late with a lower id is still found.
// - Exactly once: a handler runs in a transaction that first deletes its delivery row; its own writes and
//   the deletion commit together. A crash before the commit leaves the row (the event is handled again),
//   after the commit the row is gone (never again). A second dispatcher that reaches the same row waits for
//   the first one's transaction and then finds nothing to delete.
// - Order: a delivery is due only when its handler has no earlier delivery left for the same subject, and
//   the events of one subject get their ids in commit order (writeDomainEvent locks the subject first).
// - Failure: the transaction rolls back, the row stays with a later next_attempt_at (backoff); it holds up
//   only that handler's later events of that subject.
import { sql } from 'drizzle-orm';
import type { Database, Db } from '$lib/server/db/client';
import { executeRows, jsonParam } from '$lib/server/db/rows';
import { domainEvents, eventDeliveries } from '$lib/server/db/schema';
import type { Logger } from './log';
import type { DomainEventName, StoredEvent } from './events';
import type { JobContext } from './feature';

/**
 * What a handler may use besides its transaction: the configuration (the site's origin) and the job queue, to
 * queue mail in that transaction (`queueMailIn(tx, …)`, `queueMails(tx, […])`), so the mail exists exactly
 * when the handling does.
 */
export type HandlerContext = Pick<JobContext, 'config' | 'log' | 'queueMailIn' | 'queueMails'>;

export interface EventHandler<K extends DomainEventName = DomainEventName> {
	/** Stable and unique: deliveries are stored under this name. */
	name: string;
	events: readonly K[];
	/**
	 * Handles one event. Write through `tx` only: those writes commit together with the record that the
	 * event was handled. Throwing rolls them back; the event is tried again later.
	 */
	handle(event: StoredEvent<K>, tx: Db, ctx: HandlerContext): Promise<void>;
}

/** Types `handle`'s event from the names listed in `events`. */
export function defineEventHandler<const K extends DomainEventName>(
	handler: EventHandler<K>
): EventHandler<K> {
	return handler;
}

export interface EventDispatcher {
	/** Dispatches what is waiting, then keeps polling; call once. */
	start(): void;
	/** Asks for a pass soon (after a write the caller knows of), instead of at the next poll. */
	nudge(): void;
	/** One pass: fans out new events and runs every due delivery once. Returns how many it handled. */
	runOnce(): Promise<number>;
	/** Stops polling; a handler that is running finishes first. */
	stop(): Promise<void>;
}

export interface DispatcherOptions {
	handlers: readonly EventHandler[];
	/** How long to wait between passes when there was nothing to do. */
	pollMs?: number;
	/** The wait before the next attempt after `attempts` failed ones. */
	retryDelayMs?: (attempts: number) => number;
	/** What handlers get besides the transaction; the App passes its jobs' context. */
	context?: HandlerContext;
}

/** Arbitrary but fixed: serialises the fan-out between the processes sharing one PostgreSQL database. */
const FAN_OUT_LOCK = 4_242_019;
const FAN_OUT_BATCH = 500;
const DUE_BATCH = 100;

/** 2 s, 4 s, 8 s … up to an hour. */
function defaultRetryDelay(attempts: number): number {
	return Math.min(3_600_000, 1_000 * 2 ** Math.min(attempts, 22));
}

interface DueRow {
	handler: string;
	attempts: number;
	id: string | number;
	municipality_id: string | null;
	region_id: string | null;
	type: string;
	subject_kind: string;
	subject_id: string;
	actor_id: string | null;
	payload: Record<string, unknown>;
	created_at: string | Date;
}

/**
 * The context of a dispatcher started without one (tests of handlers that need neither configuration nor
 * mail): using either throws, rather than handing a handler a configuration that is not one.
 */
function contextWithoutJobs(log: Logger): HandlerContext {
	const missing = (what: string) =>
		new Error(`this dispatcher was started without a context: a handler asked for ${what}`);
	return {
		get config(): HandlerContext['config'] {
			throw missing('the configuration');
		},
		log,
		queueMailIn: () => Promise.reject(missing('queueMailIn')),
		queueMails: () => Promise.reject(missing('queueMails'))
	};
}

export function createEventDispatcher(
	database: Database,
	log: Logger,
	options: DispatcherOptions
): EventDispatcher {
	const handlers = new Map<string, EventHandler>();
	for (const handler of options.handlers) {
		if (handlers.has(handler.name)) throw new Error(`two event handlers named ${handler.name}`);
		handlers.set(handler.name, handler);
	}
	const subscriptions = [...handlers.values()].flatMap((h) =>
		h.events.map((type) => ({ handler: h.name, type }))
	);
	const handlerNames = [...handlers.keys()];
	const pollMs = options.pollMs ?? 1_000;
	const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
	const db = database.db;
	const context: HandlerContext = options.context ?? contextWithoutJobs(log);

	let stopping = false;
	let running: Promise<void> | null = null;
	let wake: (() => void) | null = null;
	let nudged = false;

	/** Turns new events into deliveries; returns how many events it took. */
	async function fanOut(): Promise<number> {
		let total = 0;
		for (;;) {
			const [waiting] = await executeRows<{ any: boolean }>(
				db,
				sql`SELECT EXISTS (SELECT 1 FROM ${domainEvents} WHERE processed_at IS NULL) AS any`
			);
			if (!waiting?.any) return total;
			const taken = await db.transaction(async (tx) => {
				await tx.execute(sql`SELECT pg_advisory_xact_lock(${FAN_OUT_LOCK})`);
				const [row] = await executeRows<{ taken: number }>(
					tx,
					sql`WITH
						picked AS (
							SELECT id FROM ${domainEvents} WHERE processed_at IS NULL ORDER BY id LIMIT ${FAN_OUT_BATCH}),
						marked AS (
							UPDATE ${domainEvents} e SET processed_at = now() FROM picked WHERE e.id = picked.id
							RETURNING e.id, e.type, e.subject_kind, e.subject_id),
						delivered AS (
							INSERT INTO ${eventDeliveries} (handler, event_id, subject_kind, subject_id)
							SELECT s.handler, m.id, m.subject_kind, m.subject_id
							FROM marked m JOIN jsonb_to_recordset(${jsonParam(subscriptions)}::jsonb) AS s(handler text, type text)
								ON s.type = m.type
							ORDER BY m.id
							ON CONFLICT DO NOTHING
							RETURNING 1)
					SELECT (SELECT count(*) FROM marked)::int AS taken, (SELECT count(*) FROM delivered)::int AS delivered`
				);
				return row?.taken ?? 0;
			});
			total += taken;
			if (taken < FAN_OUT_BATCH) return total;
		}
	}

	/** The deliveries that may run now: due, and first of their handler and subject. */
	function listDue(): Promise<DueRow[]> {
		return executeRows<DueRow>(
			db,
			sql`SELECT d.handler, d.attempts, e.id, e.municipality_id, e.region_id, e.type, e.subject_kind, e.subject_id,
					e.actor_id, e.payload, e.created_at
				FROM ${eventDeliveries} d JOIN ${domainEvents} e ON e.id = d.event_id
				WHERE d.handler = any(${sql.param(handlerNames)}::text[]) AND d.next_attempt_at <= now()
					AND NOT EXISTS (SELECT 1 FROM ${eventDeliveries} p
						WHERE p.handler = d.handler AND p.subject_kind = d.subject_kind
							AND p.subject_id = d.subject_id AND p.event_id < d.event_id)
				ORDER BY d.event_id, d.handler
				LIMIT ${DUE_BATCH}`
		);
	}

	/** Runs one delivery; false when it failed (it is then scheduled again). */
	async function deliver(row: DueRow): Promise<boolean> {
		const handler = handlers.get(row.handler)!;
		const eventId = Number(row.id);
		const event = {
			id: eventId,
			type: row.type,
			municipalityId: row.municipality_id,
			regionId: row.region_id,
			subjectKind: row.subject_kind,
			subjectId: row.subject_id,
			actorId: row.actor_id,
			payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
			createdAt: new Date(row.created_at)
		} as StoredEvent;
		const started = performance.now();
		try {
			await db.transaction(async (tx) => {
				const claimed = await executeRows(
					tx,
					sql`DELETE FROM ${eventDeliveries} WHERE handler = ${row.handler} AND event_id = ${eventId}
						RETURNING event_id`
				);
				// Another dispatcher handled it meanwhile.
				if (claimed.length === 0) return;
				await handler.handle(event, tx, context);
			});
			log.debug(
				{ handler: row.handler, event: eventId, type: row.type, ms: Math.round(performance.now() - started) },
				'event handled'
			);
			return true;
		} catch (err) {
			const attempts = row.attempts + 1;
			const delay = retryDelay(attempts);
			log.error(
				{ err, handler: row.handler, event: eventId, type: row.type, attempts },
				'event handler failed'
			);
			await db.execute(
				sql`UPDATE ${eventDeliveries} SET attempts = attempts + 1, last_error = ${String(err instanceof Error ? err.message : err)},
					next_attempt_at = now() + ${delay}::int * interval '1 millisecond'
					WHERE handler = ${row.handler} AND event_id = ${eventId}`
			);
			return false;
		}
	}

	async function runOnce(): Promise<number> {
		await fanOut();
		if (handlerNames.length === 0) return 0;
		let handled = 0;
		for (;;) {
			const due = await listDue();
			if (due.length === 0) return handled;
			let progressed = false;
			// Within one list a subject appears once per handler, so the order within it does not matter.
			for (const row of due) {
				if (stopping) return handled;
				if (await deliver(row)) {
					handled++;
					progressed = true;
				}
			}
			if (!progressed) return handled;
		}
	}

	function sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(done, ms);
			function done() {
				clearTimeout(timer);
				wake = null;
				resolve();
			}
			wake = done;
		});
	}

	async function loop() {
		while (!stopping) {
			nudged = false;
			try {
				await runOnce();
			} catch (err) {
				log.error({ err }, 'event dispatch failed');
			}
			if (!stopping && !nudged) await sleep(pollMs);
		}
	}

	return {
		start() {
			if (running) return;
			running = loop();
		},
		nudge() {
			nudged = true;
			wake?.();
		},
		runOnce,
		async stop() {
			stopping = true;
			wake?.();
			await running;
			running = null;
		}
	};
}

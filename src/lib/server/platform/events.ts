// Domain events: written in the transaction of the change (an outbox) and handed to the handlers that
// subscribed to them by the dispatcher (events.dispatcher.ts). The names and payloads are typed by a map
// the features fill in; the platform itself names no event.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { domainEvents } from '$lib/server/db/schema';

/**
 * Every event a feature writes: its name (past tense), the kind of subject it is about and its payload.
 * Each feature adds its own in its `<feature>.events.ts` by declaration merging:
 *
 *     declare module '$lib/server/platform/events' {
 *         interface DomainEventMap {
 *             'suggestion.published': { subject: 'suggestion'; payload: { opportunityId: number } };
 *         }
 *     }
 *
 * The subject (kind and id) is the aggregate: a handler gets the events of one subject in the order they
 * were written. When the kind is the part of the name before the dot, the writer may leave it out.
 *
 * An event happens in a municipality, unless its definition says `scope: 'region'`: then it belongs to a
 * region (a funder programme the region holds) and names a municipality only when one is involved.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap & string;

type Definition<K extends DomainEventName> = DomainEventMap[K] extends {
	subject: infer S extends string;
	payload: infer P extends object;
}
	? { subject: S; payload: P }
	: never;
export type SubjectKindOf<K extends DomainEventName> = Definition<K>['subject'];
/** Whether the event belongs to a region (`scope: 'region'` in its definition) rather than a municipality. */
type IsRegionScoped<K extends DomainEventName> = DomainEventMap[K] extends { scope: 'region' } ? true : false;
export type PayloadOf<K extends DomainEventName> = Definition<K>['payload'];

type SubjectKindField<K extends DomainEventName> = K extends `${infer Prefix}.${string}`
	? [SubjectKindOf<K>] extends [Prefix]
		? { subjectKind?: SubjectKindOf<K> }
		: { subjectKind: SubjectKindOf<K> }
	: { subjectKind: SubjectKindOf<K> };
type PayloadField<K extends DomainEventName> =
	object extends PayloadOf<K> ? { payload?: PayloadOf<K> } : { payload: PayloadOf<K> };

/** Where an event to write happened: its municipality, or for a region-scoped one its region. */
type ScopeField<K extends DomainEventName> =
	IsRegionScoped<K> extends true
		? { regionId: string; municipalityId?: string | null }
		: { municipalityId: string; regionId?: undefined };
/** Where a stored event happened, as its handlers read it. */
type StoredScope<K extends DomainEventName> =
	IsRegionScoped<K> extends true
		? { regionId: string; municipalityId: string | null }
		: { municipalityId: string; regionId: null };

/** An event to write: one of the map's names with its subject and payload. */
export type NewDomainEvent<K extends DomainEventName = DomainEventName> = {
	[T in K]: {
		type: T;
		/** The id of what the event is about; stored as text. */
		subjectId: string | number;
		actorId?: string | null;
	} & ScopeField<T> &
		SubjectKindField<T> &
		PayloadField<T>;
}[K];

/** An event as a handler receives it. */
export type StoredEvent<K extends DomainEventName = DomainEventName> = {
	[T in K]: {
		id: number;
		type: T;
		subjectKind: SubjectKindOf<T>;
		subjectId: string;
		actorId: string | null;
		payload: PayloadOf<T>;
		createdAt: Date;
	} & StoredScope<T>;
}[K];

/** Arbitrary but fixed: the first key of the aggregate locks (two-key advisory locks, see below). */
const AGGREGATE_LOCK_SPACE = 4_242_018;

/**
 * Locks the aggregate until the transaction ends. Taken before an event's id is drawn, so the events of
 * one aggregate get their ids in the order their transactions commit: once an event is visible, every
 * event of its aggregate with a lower id is visible too (or was rolled back), and the dispatcher can
 * hand them out in id order without waiting for gaps. The two-key form keeps these locks apart from the
 * one-key advisory locks used elsewhere.
 */
export function lockAggregateSql(subjectKind: SQL, subjectId: SQL): SQL {
	return sql`pg_advisory_xact_lock(${AGGREGATE_LOCK_SPACE}::int, hashtext(${subjectKind} || ':' || ${subjectId}))`;
}

export function subjectKindOf(event: { type: string; subjectKind?: string }): string {
	return event.subjectKind ?? event.type.slice(0, event.type.indexOf('.'));
}

/** Call with the transaction handle of the change, so the event exists exactly when the change does. */
export async function writeDomainEvent(tx: Db, event: NewDomainEvent): Promise<void> {
	const kind = subjectKindOf(event as { type: string; subjectKind?: string });
	const subjectId = String(event.subjectId);
	const { municipalityId = null, regionId = null } = event as {
		municipalityId?: string | null;
		regionId?: string | null;
	};
	// One statement: the aggregate lock (a materialised CTE, so it runs before the row's id is drawn) and
	// the insert.
	await tx.execute(sql`WITH aggregate_lock AS MATERIALIZED (
			SELECT ${lockAggregateSql(sql`${kind}::text`, sql`${subjectId}::text`)})
		INSERT INTO ${domainEvents} (municipality_id, region_id, type, subject_kind, subject_id, actor_id, payload)
		SELECT ${municipalityId}::uuid, ${regionId}::uuid, ${event.type}, ${kind}, ${subjectId}, ${event.actorId ?? null}::uuid,
			${JSON.stringify(event.payload ?? {})}::jsonb
		FROM aggregate_lock`);
}

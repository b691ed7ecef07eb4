// Drizzle queries of an event's logistics: its checklist items and the time of its last briefing. The
// municipality id is in every where.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { eventChecklistItems, events } from '$lib/server/db/schema';

const itemColumns = {
	id: eventChecklistItems.id,
	eventId: eventChecklistItems.eventId,
	position: eventChecklistItems.position,
	text: eventChecklistItems.text,
	department: eventChecklistItems.department,
	email: eventChecklistItems.email,
	doneAt: eventChecklistItems.doneAt
};

export type ChecklistItemRow = Awaited<ReturnType<typeof listChecklistItems>>[number];

/** An event's checklist in its order. */
export async function listChecklistItems(db: Db, params: { municipalityId: string; eventId: number }) {
	return db
		.select(itemColumns)
		.from(eventChecklistItems)
		.where(
			and(
				eq(eventChecklistItems.municipalityId, params.municipalityId),
				eq(eventChecklistItems.eventId, params.eventId)
			)
		)
		.orderBy(asc(eventChecklistItems.position), asc(eventChecklistItems.id));
}

/** One item of this event's checklist; an item of another event or municipality is not found. */
export async function getChecklistItem(
	db: Db,
	params: { municipalityId: string; eventId: number; id: number }
) {
	const [row] = await db
		.select(itemColumns)
		.from(eventChecklistItems)
		.where(
			and(
				eq(eventChecklistItems.municipalityId, params.municipalityId),
				eq(eventChecklistItems.eventId, params.eventId),
				eq(eventChecklistItems.id, params.id)
			)
		);
	return row;
}

/** Adds items at the end of the event's checklist. */
export async function insertChecklistItems(
	db: Db,
	params: {
		municipalityId: string;
		eventId: number;
		items: { text: string; department: string; email: string | null }[];
	}
) {
	if (params.items.length === 0) return [];
	const [last] = await db
		.select({ position: sql<number>`coalesce(max(${eventChecklistItems.position}), 0)::int`.mapWith(Number) })
		.from(eventChecklistItems)
		.where(
			and(
				eq(eventChecklistItems.municipalityId, params.municipalityId),
				eq(eventChecklistItems.eventId, params.eventId)
			)
		);
	const start = last?.position ?? 0;
	return db
		.insert(eventChecklistItems)
		.values(
			params.items.map((item, i) => ({
				municipalityId: params.municipalityId,
				eventId: params.eventId,
				position: start + i + 1,
				...item
			}))
		)
		.returning(itemColumns);
}

export async function updateChecklistItem(
	db: Db,
	params: {
		municipalityId: string;
		eventId: number;
		id: number;
		change: { text?: string; department?: string; email?: string | null; done?: boolean };
	}
) {
	const { done, ...fields } = params.change;
	const [row] = await db
		.update(eventChecklistItems)
		.set({
			...fields,
			...(done === undefined
				? {}
				: { doneAt: done ? sql`coalesce(${eventChecklistItems.doneAt}, now())` : null }),
			updatedAt: sql`now()`
		})
		.where(
			and(
				eq(eventChecklistItems.municipalityId, params.municipalityId),
				eq(eventChecklistItems.eventId, params.eventId),
				eq(eventChecklistItems.id, params.id)
			)
		)
		.returning(itemColumns);
	return row;
}

export async function deleteChecklistItem(
	db: Db,
	params: { municipalityId: string; eventId: number; id: number }
) {
	const rows = await db
		.delete(eventChecklistItems)
		.where(
			and(
				eq(eventChecklistItems.municipalityId, params.municipalityId),
				eq(eventChecklistItems.eventId, params.eventId),
				eq(eventChecklistItems.id, params.id)
			)
		)
		.returning({ id: eventChecklistItems.id });
	return rows.length > 0;
}

/** Records that the briefing went out now. */
export async function setBriefedAt(db: Db, params: { municipalityId: string; eventId: number }) {
	await db
		.update(events)
		.set({ briefedAt: sql`now()` })
		.where(and(eq(events.municipalityId, params.municipalityId), eq(events.id, params.eventId)));
}

/** When the event's briefing was last sent (null: never). */
export async function getBriefedAt(db: Db, params: { municipalityId: string; eventId: number }) {
	const [row] = await db
		.select({ briefedAt: events.briefedAt })
		.from(events)
		.where(and(eq(events.municipalityId, params.municipalityId), eq(events.id, params.eventId)));
	return row?.briefedAt ?? null;
}

/** Takes a colleague's address off every checklist (their account is being deleted). */
export async function forgetChecklistAddresses(db: Db, params: { addresses: readonly string[] }) {
	if (params.addresses.length === 0) return;
	await db
		.update(eventChecklistItems)
		.set({ email: null })
		.where(
			sql`lower(${eventChecklistItems.email}) IN (SELECT lower(a) FROM jsonb_array_elements_text(${JSON.stringify(params.addresses)}::jsonb) AS a)`
		);
}

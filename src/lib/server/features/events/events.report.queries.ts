// Drizzle queries of a report's photos: the list in the order added, adding one at the end, removing one, and
// the bytes for the back office (any report of the municipality) and for the public /media route (only a
// published report of an event that is not a draft). The municipality id is in every where but the public one,
// which is by the photo's unguessable id and checks publication instead.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { eventReportPhotos, events, media } from '$lib/server/db/schema';

export interface ReportPhotoRow {
	id: string;
	alt: string;
	width: number | null;
	height: number | null;
}

/** The photos of an event's report (a draft's too), in the order they were added. */
export async function listReportPhotos(
	db: Db,
	params: { municipalityId: string; eventId: number }
): Promise<ReportPhotoRow[]> {
	const rows = await db
		.select({ id: media.id, alt: media.alt, width: media.width, height: media.height })
		.from(eventReportPhotos)
		.innerJoin(media, eq(media.id, eventReportPhotos.mediaId))
		.where(
			and(
				eq(eventReportPhotos.municipalityId, params.municipalityId),
				eq(eventReportPhotos.eventId, params.eventId)
			)
		)
		.orderBy(asc(eventReportPhotos.position));
	return rows.map((r) => ({ ...r, alt: r.alt ?? '' }));
}

/** The photos of several events' reports in one statement (an action's page), each event's in order. */
export async function listReportPhotosOf(
	db: Db,
	params: { municipalityId: string; eventIds: number[] }
): Promise<(ReportPhotoRow & { eventId: number })[]> {
	if (params.eventIds.length === 0) return [];
	const rows = await db
		.select({
			eventId: eventReportPhotos.eventId,
			id: media.id,
			alt: media.alt,
			width: media.width,
			height: media.height
		})
		.from(eventReportPhotos)
		.innerJoin(media, eq(media.id, eventReportPhotos.mediaId))
		.where(
			and(
				eq(eventReportPhotos.municipalityId, params.municipalityId),
				inArray(eventReportPhotos.eventId, params.eventIds)
			)
		)
		.orderBy(asc(eventReportPhotos.eventId), asc(eventReportPhotos.position));
	return rows.map((r) => ({ ...r, alt: r.alt ?? '' }));
}

/** Stores a processed photo with its alt text after the report's last one (call with the event locked). */
export async function insertReportPhoto(
	db: Db,
	params: {
		municipalityId: string;
		eventId: number;
		contentType: string;
		bytes: Buffer;
		width: number;
		height: number;
		alt: string;
	}
): Promise<{ id: string }> {
	const { municipalityId, eventId, ...image } = params;
	const [row] = await db
		.insert(media)
		.values({ municipalityId, kind: 'photo', ...image })
		.returning({ id: media.id });
	if (!row) throw new Error('report photo not inserted');
	await db.insert(eventReportPhotos).values({
		mediaId: row.id,
		municipalityId,
		eventId,
		position: sql`(SELECT coalesce(max(p.position), 0) + 1 FROM ${eventReportPhotos} p
			WHERE p.municipality_id = ${municipalityId} AND p.event_id = ${eventId})`
	});
	return row;
}

/** Removes a photo of this event's report (the media row; its link goes with it). False when there is none. */
export async function deleteReportPhoto(
	db: Db,
	params: { municipalityId: string; eventId: number; id: string }
): Promise<boolean> {
	const rows = await db
		.delete(media)
		.where(
			and(
				eq(media.municipalityId, params.municipalityId),
				eq(media.id, params.id),
				sql`EXISTS (SELECT 1 FROM ${eventReportPhotos} p WHERE p.media_id = ${media.id}
					AND p.municipality_id = ${params.municipalityId} AND p.event_id = ${params.eventId})`
			)
		)
		.returning({ id: media.id });
	return rows.length > 0;
}

/** A photo of this event's report with its bytes, for the back office; undefined for anything else. */
export async function getReportPhoto(
	db: Db,
	params: { municipalityId: string; eventId: number; id: string }
) {
	const [row] = await db
		.select({
			contentType: media.contentType,
			bytes: media.bytes,
			alt: media.alt,
			createdAt: media.createdAt
		})
		.from(eventReportPhotos)
		.innerJoin(media, eq(media.id, eventReportPhotos.mediaId))
		.where(
			and(
				eq(eventReportPhotos.municipalityId, params.municipalityId),
				eq(eventReportPhotos.eventId, params.eventId),
				eq(eventReportPhotos.mediaId, params.id)
			)
		)
		.limit(1);
	return row;
}

/**
 * A photo of a published report of an event that is not a draft: what /media/{id} may serve to anyone (the
 * event page shows it). A draft report's photos are not found.
 */
export async function getPublicReportPhoto(db: Db, params: { id: string; now: Date }) {
	const [row] = await db
		.select({ contentType: media.contentType, bytes: media.bytes, createdAt: media.createdAt })
		.from(eventReportPhotos)
		.innerJoin(media, eq(media.id, eventReportPhotos.mediaId))
		.innerJoin(
			events,
			and(
				eq(events.id, eventReportPhotos.eventId),
				eq(events.municipalityId, eventReportPhotos.municipalityId)
			)
		)
		.where(
			and(
				eq(eventReportPhotos.mediaId, params.id),
				sql`${events.status} <> 'draft'`,
				sql`${events.reportPublishedAt} <= ${params.now}`
			)
		)
		.limit(1);
	return row;
}

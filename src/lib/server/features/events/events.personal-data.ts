// The events feature's part of a person's data: their registrations, with their account and those made
// without one under any of their addresses. Queries by the person's id and addresses only.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { eventRegistrations, events, municipalities } from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';
import { forgetChecklistAddresses } from './events.logistics.queries';
import { deleteOfficialsOfUser } from './events.officials.queries';
import { deleteFeedRotation } from './events.ical';
import { deleteInvitationsOfUser, listInvitationsOfUser } from './events.invitations.queries';
import { deleteOfflineInterestsOfAddresses, listOfflineInterestsOfAddresses } from './events.offline.queries';

function ofPerson(person: PersonRef) {
	const addresses = person.addresses.map((a) => a.toLowerCase());
	return addresses.length > 0
		? or(
				eq(eventRegistrations.userId, person.userId),
				inArray(sql`lower(${eventRegistrations.email})`, addresses)
			)!
		: eq(eventRegistrations.userId, person.userId);
}

export async function exportEventData(db: Db, person: PersonRef) {
	const rows = await db
		.select({
			municipalitySlug: municipalities.slug,
			eventId: events.id,
			eventTitle: events.title,
			startsAt: events.startsAt,
			name: eventRegistrations.name,
			email: eventRegistrations.email,
			companions: eventRegistrations.companions,
			answers: eventRegistrations.answers,
			status: eventRegistrations.status,
			createdAt: eventRegistrations.createdAt,
			confirmedAt: eventRegistrations.confirmedAt,
			cancelledAt: eventRegistrations.cancelledAt,
			checkedInAt: eventRegistrations.checkedInAt
		})
		.from(eventRegistrations)
		.innerJoin(
			events,
			and(
				eq(events.id, eventRegistrations.eventId),
				eq(events.municipalityId, eventRegistrations.municipalityId)
			)
		)
		.innerJoin(municipalities, eq(municipalities.id, eventRegistrations.municipalityId))
		.where(ofPerson(person))
		.orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));
	const iso = (d: Date | null) => d?.toISOString() ?? null;
	const invitations = await listInvitationsOfUser(db, { userId: person.userId });
	const offline = await listOfflineInterestsOfAddresses(db, { addresses: person.addresses });
	return {
		/**
		 * Staff of a municipality wrote one of the person's addresses on its list of people who showed interest
		 * outside the platform (a paper list, a stand): when and how they agreed to be invited.
		 */
		offlineInterests: offline.map((o) => ({
			municipality: o.municipalitySlug,
			name: o.name,
			email: o.email,
			agreedOn: o.agreedOn,
			agreedHow: o.agreedHow,
			recordedAt: o.recordedAt.toISOString()
		})),
		/** The events the person was invited to (by the municipality, with their consent) and whether they came. */
		eventInvitations: invitations.map((i) => ({
			event: i.eventId,
			invitedAt: i.invitedAt.toISOString(),
			registeredAt: iso(i.registeredAt)
		})),
		eventRegistrations: rows.map((r) => ({
			municipality: r.municipalitySlug,
			event: { id: r.eventId, title: r.eventTitle, startsAt: r.startsAt.toISOString() },
			/** Typed without an account; empty when registered with the account. */
			name: r.name,
			email: r.email,
			companions: r.companions,
			answers: r.answers,
			status: r.status,
			createdAt: r.createdAt.toISOString(),
			confirmedAt: iso(r.confirmedAt),
			cancelledAt: iso(r.cancelledAt),
			checkedInAt: iso(r.checkedInAt)
		}))
	};
}

/**
 * The registrations go, with the account and under its addresses (a registration says who came, which is
 * not public record). A place they held goes to the waitlist within the hour (the hourly job's
 * moveUpWaitlists; the deletion's transaction mails nobody). The renewal count of their calendar link goes too.
 */
export async function eraseEventData(tx: Db, person: PersonRef): Promise<void> {
	await tx.delete(eventRegistrations).where(ofPerson(person));
	// The renewal count of the person's calendar link (events.calendar.ts) names them in its key.
	await deleteFeedRotation(tx, { userId: person.userId });
	// A colleague's address on a checklist (logistics) is taken off.
	await forgetChecklistAddresses(tx, { addresses: person.addresses });
	// Listed as attending an event (an official).
	await deleteOfficialsOfUser(tx, { userId: person.userId });
	// Invited to events, with the hashes of their links.
	await deleteInvitationsOfUser(tx, { userId: person.userId });
	// On a municipality's list of interest outside the platform under one of their addresses: that entry and
	// the account without a login made for it go.
	await deleteOfflineInterestsOfAddresses(tx, { addresses: person.addresses });
}

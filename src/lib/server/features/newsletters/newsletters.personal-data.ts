// The newsletters feature's part of a person's data: which newsletters were (or are being) sent to them.
// Deleting the account deletes those rows, so a newsletter still going out queues nothing more for them
// (what was already queued is forgotten by the accounts feature's forgetMailTo).
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, newsletterRecipients, newsletters } from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';
import { deleteRecipientRowsOfPerson } from './newsletters.queries';

export async function exportNewsletterData(db: Db, person: PersonRef) {
	const rows = await db
		.select({
			municipality: municipalities.slug,
			newsletterId: newsletters.id,
			subject: newsletters.subject,
			sentAt: newsletters.sentAt
		})
		.from(newsletterRecipients)
		.innerJoin(
			newsletters,
			and(
				eq(newsletters.id, newsletterRecipients.newsletterId),
				eq(newsletters.municipalityId, newsletterRecipients.municipalityId)
			)
		)
		.innerJoin(municipalities, eq(municipalities.id, newsletterRecipients.municipalityId))
		.where(eq(newsletterRecipients.userId, person.userId))
		.orderBy(asc(newsletters.id));
	return {
		newslettersReceived: rows.map((r) => ({
			municipality: r.municipality,
			newsletterId: r.newsletterId,
			subject: r.subject,
			// When the newsletter finished going out; null while it still does.
			sentAt: r.sentAt?.toISOString() ?? null
		}))
	};
}

export async function eraseNewsletterData(tx: Db, person: PersonRef): Promise<void> {
	await deleteRecipientRowsOfPerson(tx, { userId: person.userId });
}

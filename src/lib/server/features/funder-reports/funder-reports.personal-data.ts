// The funder reports' part of a person's data: the programmes they are named to review and the reports they
// opened, submitted or judged. Reports are the municipality's account to its funder and stay (a public body's
// record, like the audit log); the person's account is emptied, so nothing in them names the person any more.
// Erasing removes the person from every programme's reviewers and withdraws the invitations to their addresses.
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { funderProgrammes, funderReviewers } from '$lib/server/db/schema';
import type { PersonRef } from '$lib/server/platform/feature';
import {
	deleteInvitationsForEmails,
	listInvitationsForEmails,
	listReportsOfPerson
} from './funder-reports.queries';

export async function exportFunderData(db: Db, person: PersonRef) {
	const reviews = await db
		.select({ programme: funderProgrammes.name })
		.from(funderReviewers)
		.innerJoin(funderProgrammes, eq(funderProgrammes.id, funderReviewers.programmeId))
		.where(eq(funderReviewers.userId, person.userId));
	const reports = await listReportsOfPerson(db, { userId: person.userId });
	const invitations = await listInvitationsForEmails(db, { emails: person.addresses });
	return {
		funderReviewerOf: reviews.map((r) => ({ programme: r.programme })),
		funderReviewerInvitations: invitations.map((i) => ({
			programme: i.programme,
			email: i.email,
			invitedAt: i.createdAt.toISOString()
		})),
		funderReports: reports.map((r) => ({
			reportId: r.id,
			programme: r.programme,
			period: r.periodKey,
			opened: r.openedBy === person.userId,
			submitted: r.submittedBy === person.userId,
			judged: r.reviewedBy === person.userId,
			submittedAt: r.submittedAt?.toISOString() ?? null,
			reviewedAt: r.reviewedAt?.toISOString() ?? null
		}))
	};
}

export async function eraseFunderData(tx: Db, person: PersonRef): Promise<void> {
	await tx.delete(funderReviewers).where(eq(funderReviewers.userId, person.userId));
	await deleteInvitationsForEmails(tx, { emails: person.addresses });
}

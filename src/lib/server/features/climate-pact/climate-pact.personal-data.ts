// The Climate Pact's part of a person's data: the contributions they reported, in any state, with the reason of
// a refusal. Deleting the account deletes the reports that never counted (with their photos) and keeps the
// verified ones counting without the person: no author, no note, no photo.
import type { Db } from '$lib/server/db/client';
import type { PersonRef } from '$lib/server/platform/feature';
import { eraseReportsOfAuthor, listReportsOfAuthor } from './climate-pact.queries';

export async function exportPactData(db: Db, person: PersonRef) {
	const rows = await listReportsOfAuthor(db, { userId: person.userId });
	return {
		climatePactReports: rows.map((r) => ({
			municipality: r.municipality,
			reportId: r.id,
			kind: r.kind,
			quantity: r.quantity,
			date: r.occurredOn,
			note: r.note,
			status: r.status,
			refuseReason: r.refuseReason,
			photoDescription: r.photoAlt,
			createdAt: r.createdAt.toISOString()
		}))
	};
}

export async function erasePactData(tx: Db, person: PersonRef): Promise<void> {
	await eraseReportsOfAuthor(tx, { userId: person.userId });
}

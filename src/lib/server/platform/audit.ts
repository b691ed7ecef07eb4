// Writes who did what and when; called inside the transaction of the change it records.
import type { Db } from '$lib/server/db/client';
import { auditLog } from '$lib/server/db/schema';

export interface AuditEntry {
	regionId: string;
	municipalityId?: string | null;
	actor: { userId: string; displayName: string } | null;
	action: string;
	subject?: { id: string; name: string } | null;
	details?: Record<string, unknown>;
}

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values({
		regionId: entry.regionId,
		municipalityId: entry.municipalityId ?? null,
		actorId: entry.actor?.userId ?? null,
		actorName: entry.actor?.displayName ?? 'systeem',
		action: entry.action,
		subjectId: entry.subject?.id ?? null,
		subjectName: entry.subject?.name ?? null,
		details: entry.details ?? {}
	});
}

// Writes who did what and when; called inside the transaction of the change it records.
import type { Db } from '$lib/server/db/client';
import { auditLog } from '$lib/server/db/schema';

/**
 * The closed list of audit actions. Each feature adds its own in its `<feature>.audit.ts` by declaration
 * merging, so the platform names none of them and a misspelt action does not compile:
 *
 *     declare module '$lib/server/platform/audit' {
 *         interface AuditActionMap { 'settings.logo_uploaded': true }
 *     }
 *
 * The name is also the key of its label in the catalogue (`backoffice.audit.action.<name>`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the features
export interface AuditActionMap {}

export type AuditAction = keyof AuditActionMap & string;

export interface AuditEntry {
	regionId: string;
	municipalityId?: string | null;
	actor: { userId: string; displayName: string } | null;
	action: AuditAction;
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

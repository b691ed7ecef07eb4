// Writes who did what and when; called inside the transaction of the change it records.
import { eq, or, sql, type SQL } from 'drizzle-orm';
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

/**
 * A deleted account's names and addresses leave the audit log; the entries stay (what happened, when, and
 * the ids, which point at the emptied users row) with `name` where the person was named: as actor, as
 * subject, or by address (an invitation, whose subject is the invitation and whose details hold the address).
 * One statement: the log has no index on these columns, so each further statement would read it all again.
 */
export async function forgetPersonInAudit(
	db: Db,
	person: { userId: string; addresses: readonly string[] },
	name: string
): Promise<void> {
	const lowered = JSON.stringify(person.addresses.map((a) => a.toLowerCase()));
	const isAddress = (value: SQL) =>
		sql`coalesce(lower(${value}) IN (SELECT jsonb_array_elements_text(${lowered}::jsonb)), false)`;
	const actor = eq(auditLog.actorId, person.userId);
	const subject = sql`(${eq(auditLog.subjectId, person.userId)} OR ${isAddress(sql`${auditLog.subjectName}`)})`;
	const address = isAddress(sql`${auditLog.details}->>'email'`);
	await db
		.update(auditLog)
		.set({
			actorName: sql`CASE WHEN ${actor} THEN ${name} ELSE ${auditLog.actorName} END`,
			subjectName: sql`CASE WHEN ${subject} THEN ${name} ELSE ${auditLog.subjectName} END`,
			details: sql`CASE WHEN ${address} THEN ${auditLog.details} - 'email' ELSE ${auditLog.details} END`
		})
		.where(or(actor, subject, address));
}

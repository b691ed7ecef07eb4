// What tests check besides a result: that a use case refused with a given code, and the audit log it left.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '$lib/server/db/client';
import { auditLog } from '$lib/server/db/schema';
import { isAppError, type ErrorCode } from '$lib/server/platform/errors';

/** Awaits a refusal and returns it, failing the test when the promise resolves or fails otherwise. */
export async function refusal(promise: Promise<unknown>, code: ErrorCode) {
	try {
		await promise;
	} catch (err) {
		if (!isAppError(err)) throw err;
		expect(err.code, `expected ${code}, got ${err.code} (${err.messageKey})`).toBe(code);
		return err;
	}
	throw new Error(`expected a refusal with ${code}, but it succeeded`);
}

export async function auditOf(db: Db, municipalityId: string) {
	return db.select().from(auditLog).where(eq(auditLog.municipalityId, municipalityId)).orderBy(auditLog.id);
}

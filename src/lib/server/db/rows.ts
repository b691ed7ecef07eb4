// Raw SQL through Drizzle (set-based statements it cannot express), with the rows typed by the caller.
// Both drivers answer db.execute with { rows }; numbers should be cast (::int, ::float8) in the SQL so
// they arrive as numbers on both.
import type { SQL } from 'drizzle-orm';
import type { Db } from './client';

export async function executeRows<T>(db: Db, query: SQL): Promise<T[]> {
	const result = (await db.execute(query)) as unknown as { rows: T[] };
	return result.rows;
}

/** A list of records as one jsonb parameter, for `jsonb_to_recordset(…) AS d(col type, …)` (any size). */
export function jsonParam(records: readonly object[]): string {
	return JSON.stringify(records);
}

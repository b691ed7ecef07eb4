// The statements a piece of code sends through a test database, read off its client (PGlite or the pg pool) while
// the code runs: for tests of how many statements a use case sends, so an N+1 shows as a count that grows with
// the rows. Statements inside a transaction go through another client and are not seen.
import type { Db } from '$lib/server/db/client';

type Query = (...args: unknown[]) => unknown;

export async function recordStatements<T>(
	db: Db,
	fn: () => Promise<T>
): Promise<{ result: T; statements: string[] }> {
	const client = (db as unknown as { session: { client: { query: Query } } }).session.client;
	const statements: string[] = [];
	const original = client.query;
	client.query = function (this: unknown, ...args: unknown[]) {
		const query = args[0];
		statements.push(typeof query === 'string' ? query : String((query as { text?: unknown }).text ?? query));
		return original.apply(this, args);
	};
	try {
		return { result: await fn(), statements };
	} finally {
		client.query = original;
	}
}

/** How many of the statements read or write the table (by its quoted name, as Drizzle writes it). */
export function touching(statements: readonly string[], table: string): number {
	return statements.filter((s) => s.includes(`"${table}"`)).length;
}

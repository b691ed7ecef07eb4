// Every row of every table of the database as text, for tests that prove something is stored nowhere. The
// tables come from the catalogue (information_schema), so a table added later is searched without editing a
// test; the job queue's tables (pg-boss) are tables too.
import { sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';

export interface TableDump {
	/** schema.table */
	table: string;
	/** One string per row: every column as text, binary columns with their printable bytes as they are. */
	rows: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function dumpDatabase(db: Db): Promise<TableDump[]> {
	const columns = await executeRows<{ schema: string; table: string; column: string; type: string }>(
		db,
		sql`SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column, c.data_type AS type
			FROM information_schema.columns c
			JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
			WHERE t.table_type = 'BASE TABLE'
				AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
				AND c.table_schema NOT LIKE 'pg\\_%'
			ORDER BY c.table_schema, c.table_name, c.ordinal_position`
	);
	const tables = new Map<string, { schema: string; table: string; expressions: string[] }>();
	for (const c of columns) {
		const key = `${c.schema}.${c.table}`;
		const entry = tables.get(key) ?? { schema: c.schema, table: c.table, expressions: [] };
		// bytea as text would be hex; 'escape' keeps printable bytes readable (a name in a photo's metadata).
		entry.expressions.push(
			c.type === 'bytea' ? `encode(${quote(c.column)}, 'escape')` : `${quote(c.column)}::text`
		);
		tables.set(key, entry);
	}
	const dumps: TableDump[] = [];
	for (const [key, { schema, table, expressions }] of tables) {
		const rows = await executeRows<{ row: string }>(
			db,
			sql.raw(
				`SELECT concat_ws(' | ', ${expressions.join(', ')}) AS row FROM ${quote(schema)}.${quote(table)}`
			)
		);
		dumps.push({ table: key, rows: rows.map((r) => r.row) });
	}
	return dumps;
}

/** Where any of the needles occurs (case-insensitively), as `table: needle`, with the row it is in. */
export function findInDump(
	dumps: readonly TableDump[],
	needles: readonly string[],
	options: { decodeJwts?: boolean } = {}
): { table: string; needle: string; row: string }[] {
	const found: { table: string; needle: string; row: string }[] = [];
	const wanted = needles.map((n) => n.toLowerCase());
	for (const { table, rows } of dumps)
		for (const row of rows) {
			const text = (options.decodeJwts ? `${row} ${decodedJwts(row)}` : row).toLowerCase();
			wanted.forEach((needle, i) => {
				if (text.includes(needle)) found.push({ table, needle: needles[i]!, row: row.slice(0, 500) });
			});
		}
	return found;
}

/** The readable parts of every JSON Web Token in a text: a token's claims are only base64url away. */
export function decodedJwts(text: string): string {
	const parts: string[] = [];
	for (const match of text.matchAll(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g))
		for (const part of match[0].split('.').slice(0, 2))
			parts.push(Buffer.from(part, 'base64url').toString('utf8'));
	return parts.join(' ');
}

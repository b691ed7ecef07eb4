import {
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import type { PlanStatus } from '../../../domain/climate-plan';
import { municipalities } from './municipalities';
import { users } from './accounts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/**
 * The climate plan's progress reports for the council, as issued: the PDF itself, when, by whom, the period it
 * covers (from the previous report's issue) and each action's status then, so the next report can say what
 * changed since this one.
 */
export const climatePlanReports = pgTable(
	'climate_plan_reports',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		issuedBy: uuid('issued_by').references(() => users.id, { onDelete: 'set null' }),
		/** The previous report's issue; null for the first report. */
		periodStart: timestamp('period_start', { withTimezone: true }),
		/** Each plan action's status when the report was issued, by its id. */
		statuses: jsonb('statuses').$type<Record<string, PlanStatus>>().notNull().default({}),
		actionCount: integer('action_count').notNull().default(0),
		fileName: text('file_name').notNull(),
		bytes: bytea('bytes').notNull()
	},
	(t) => [index('climate_plan_reports_municipality_idx').on(t.municipalityId, t.issuedAt)]
);

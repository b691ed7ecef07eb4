import { primaryKey, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';

/**
 * The sites a municipality allows to embed its widgets: each an origin (`https://www.geel.be`). Widget answers
 * carry them as `frame-ancestors`, and a script's fetch gets CORS only from them. The primary key starts with
 * the municipality: one statement reads a municipality's list. Who changed it is in the audit log.
 */
export const widgetOrigins = pgTable(
	'widget_origins',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		origin: text('origin').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.municipalityId, t.origin] })]
);

import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';

/**
 * A municipality's open-data settings: the licence its datasets are published under (a key of
 * OPEN_DATA_LICENCES in domain/open-data.ts). No row: the default licence. Who changed it is in the audit log.
 */
export const openDataSettings = pgTable('open_data_settings', {
	municipalityId: uuid('municipality_id')
		.primaryKey()
		.references(() => municipalities.id, { onDelete: 'cascade' }),
	licence: text('licence').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from './municipalities';
import { users } from './accounts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/** Uploaded images (logos now, photos later), kept in the database so every instance serves the same files. */
export const media = pgTable(
	'media',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['logo', 'photo'] }).notNull(),
		contentType: text('content_type').notNull(),
		bytes: bytea('bytes').notNull(),
		width: integer('width'),
		height: integer('height'),
		alt: text('alt'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('media_municipality_idx').on(t.municipalityId, t.kind)]
);

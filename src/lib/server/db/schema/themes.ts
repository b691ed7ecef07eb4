import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { LEKP_WERVEN } from '../../../domain/themes';
import { municipalities } from './municipalities';

/**
 * Each municipality has its own copy of the default climate themes (defaultKey set) plus
 * themes it adds itself, climate or not.
 */
export const themes = pgTable(
	'themes',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		defaultKey: text('default_key'),
		name: text('name').notNull(),
		description: text('description'),
		lekpWerf: text('lekp_werf', { enum: LEKP_WERVEN }),
		climate: boolean('climate').notNull().default(true),
		position: integer('position').notNull().default(0),
		active: boolean('active').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('themes_municipality_slug_key').on(t.municipalityId, t.slug),
		index('themes_municipality_idx').on(t.municipalityId, t.position),
		check(
			'themes_lekp_werf_valid',
			sql`${t.lekpWerf} IS NULL OR ${t.lekpWerf} IN (${sql.raw(LEKP_WERVEN.map((w) => `'${w}'`).join(', '))})`
		)
	]
);

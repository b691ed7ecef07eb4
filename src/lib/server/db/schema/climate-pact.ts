import { sql } from 'drizzle-orm';
import {
	check,
	date,
	doublePrecision,
	index,
	integer,
	pgTable,
	serial,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { PACT_KINDS, PACT_SOURCES, PACT_STATUSES } from '../../../domain/climate-pact';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { media } from './media';
import { actions } from './actions';
import { events } from './events';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Every outcome of the Climate Pact (LEKP) in its units, in one table: recorded by staff on an action or an
 * event (verified at once), or reported by a citizen (waiting until staff verify or refuse it, with a reason the
 * citizen reads). Only verified rows count towards the totals.
 */
export const climatePactOutcomes = pgTable(
	'climate_pact_outcomes',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		source: text('source', { enum: PACT_SOURCES }).notNull(),
		actionId: integer('action_id').references(() => actions.id, { onDelete: 'set null' }),
		eventId: integer('event_id').references(() => events.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: PACT_KINDS as [string, ...string[]] }).notNull(),
		quantity: doublePrecision('quantity').notNull(),
		occurredOn: date('occurred_on').notNull(),
		note: text('note').notNull().default(''),
		status: text('status', { enum: PACT_STATUSES }).notNull().default('verified'),
		/** The citizen who reported it; null for staff's entries and after the account was deleted. */
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** A citizen's photo (a `media` row with its alt text), seen by staff only. */
		photoId: uuid('photo_id').references(() => media.id, { onDelete: 'set null' }),
		refuseReason: text('refuse_reason'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('climate_pact_outcomes_municipality_idx').on(t.municipalityId, t.status, t.occurredOn),
		index('climate_pact_outcomes_author_idx').on(t.authorId),
		index('climate_pact_outcomes_photo_idx').on(t.photoId),
		check('climate_pact_outcomes_quantity_positive', sql`${t.quantity} > 0`),
		check('climate_pact_outcomes_from_2021', sql`${t.occurredOn} >= '2021-01-01'`),
		check('climate_pact_outcomes_source_valid', sql`${t.source} IN (${inList(PACT_SOURCES)})`),
		check('climate_pact_outcomes_status_valid', sql`${t.status} IN (${inList(PACT_STATUSES)})`),
		check('climate_pact_outcomes_kind_valid', sql`${t.kind} IN (${inList(PACT_KINDS)})`)
	]
);

/** The number of dwellings staff entered (the pact's renovation target is per 1,000 dwellings). */
export const climatePactDwellings = pgTable(
	'climate_pact_dwellings',
	{
		municipalityId: uuid('municipality_id')
			.primaryKey()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		dwellings: integer('dwellings').notNull(),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('climate_pact_dwellings_positive', sql`${t.dwellings} > 0`)]
);

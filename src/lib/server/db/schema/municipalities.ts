import { sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import {
	boolean,
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** The tenants of the platform. Branding lives here because every page of a municipality wears it. */
export const municipalities = pgTable(
	'municipalities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		nisCode: text('nis_code').notNull().unique(),
		province: text('province').notNull(),
		arrondissement: text('arrondissement').notNull(),
		inhabitants: integer('inhabitants').notNull(),
		mainPostcode: text('main_postcode').notNull(),
		centerLat: doublePrecision('center_lat').notNull(),
		centerLng: doublePrecision('center_lng').notNull(),
		/**
		 * The official outline (GeoJSON Polygon or MultiPolygon in WGS84) that staff uploaded; while it is null a
		 * place counts as inside when this centre is the nearest one (platform/geo).
		 */
		boundary: jsonb('boundary').$type<Polygon | MultiPolygon>(),
		participating: boolean('participating').notNull().default(false),
		primaryColor: text('primary_color').notNull().default('#1f5f3f'),
		accentColor: text('accent_color').notNull().default('#f2c94c'),
		logoUrl: text('logo_url'),
		websiteUrl: text('website_url'),
		intro: text('intro'),
		/** Markdown; the platform's default text is shown while these are empty. */
		privacyStatement: text('privacy_statement'),
		accessibilityStatement: text('accessibility_statement'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('municipalities_region_idx').on(t.regionId, t.participating),
		check('municipalities_nis_code_format', sql`${t.nisCode} ~ '^[0-9]{5}$'`),
		check('municipalities_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
		check('municipalities_primary_color_format', sql`${t.primaryColor} ~ '^#[0-9a-fA-F]{6}$'`),
		check('municipalities_accent_color_format', sql`${t.accentColor} ~ '^#[0-9a-fA-F]{6}$'`)
	]
);

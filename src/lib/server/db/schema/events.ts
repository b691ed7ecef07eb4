import { sql, type SQL } from 'drizzle-orm';
import {
	bigserial,
	check,
	date,
	doublePrecision,
	foreignKey,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import {
	EVENT_KINDS,
	EVENT_STATUSES,
	INVITATION_AUDIENCES,
	MAX_COMPANIONS_LIMIT,
	REGISTRATION_STATUSES,
	type EventAnswers,
	type EventQuestion
} from '../../../domain/events';
import { LADDER_RUNGS } from '../../../domain/ladder';
import { municipalities } from './municipalities';
import { users } from './accounts';
import { actions, opportunities } from './actions';
import { suggestions } from './suggestions';
import { media } from './media';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * An event people register for (activiteit): a working group, an action day, an information evening. It
 * usually belongs to an action, often through an opportunity of kind workingGroup or actionDay, and takes its
 * theme from the action; it stands on its own when it has neither. The integer id makes short URLs
 * (/geel/activiteiten/3-werkgroep-ontharding). `uid` and `sequence` are its iCalendar UID and SEQUENCE: the
 * UID never changes, the sequence goes up with every change people's calendars must follow.
 */
export const events = pgTable(
	'events',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		actionId: integer('action_id').references(() => actions.id, { onDelete: 'set null' }),
		opportunityId: integer('opportunity_id').references(() => opportunities.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: EVENT_KINDS }).notNull(),
		rung: text('rung', { enum: LADDER_RUNGS }).notNull(),
		title: text('title').notNull(),
		slug: text('slug').notNull(),
		/** Markdown, rendered sanitised. */
		description: text('description').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		venueName: text('venue_name').notNull().default(''),
		address: text('address').notNull().default(''),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		/** How accessible the venue is (step-free entrance, toilet, hearing loop), as staff write it. */
		accessibility: text('accessibility').notNull().default(''),
		whatToBring: text('what_to_bring').notNull().default(''),
		/** The link of an online session: shown to people with a confirmed place only. */
		onlineUrl: text('online_url'),
		organiser: text('organiser').notNull().default(''),
		/** Places, a registration counting itself and its companions; null: no limit. */
		capacity: integer('capacity'),
		/** Registration closes at this moment; null: when the event starts. */
		registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
		questions: jsonb('questions').$type<EventQuestion[]>().notNull().default([]),
		maxCompanions: integer('max_companions').notNull().default(0),
		status: text('status', { enum: EVENT_STATUSES }).notNull().default('draft'),
		/** iCalendar SEQUENCE: bumped on every change to what a calendar shows (and on cancelling). */
		sequence: integer('sequence').notNull().default(0),
		/** iCalendar UID: stable for the event's life. */
		uid: text('uid').notNull(),
		/** The report (verslag) after the event, Markdown; shown once published. */
		report: text('report'),
		reportPublishedAt: timestamp('report_published_at', { withTimezone: true }),
		/** How many people came, as the report says (the form starts from the number checked in). */
		reportAttendance: integer('report_attendance'),
		/**
		 * When the colleagues on the checklist were last sent the briefing (events.logistics.ts); while set, a
		 * change of time or place sends it again.
		 */
		briefedAt: timestamp('briefed_at', { withTimezone: true }),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		/**
		 * The citizen group that proposed the event from its workspace (events.groups.service.ts; issue 19), who
		 * is told when the municipality publishes or cancels it. No foreign key: the groups' schema refers to
		 * events (sessions), and a group is never deleted.
		 */
		proposedByGroupId: integer('proposed_by_group_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** Title, description, venue and address, lower case without accents, for search (as actions.search_text). */
		searchText: text('search_text').generatedAlwaysAs(
			(): SQL =>
				sql`lower(meedoen_unaccent(${events.title} || ' ' || ${events.description} || ' ' || ${events.venueName} || ' ' || ${events.address}))`
		)
	},
	(t) => [
		index('events_search_text_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
		// The lists and the feeds read a municipality's events in start order and stop at a page: this index gives
		// that order whatever the statuses asked (status first, it could not: two statuses are two ranges to sort).
		index('events_starts_idx').on(t.municipalityId, t.startsAt, t.id),
		index('events_action_idx').on(t.municipalityId, t.actionId, t.startsAt),
		index('events_opportunity_idx').on(t.municipalityId, t.opportunityId),
		// The groups' proposals waiting for staff (the back office's home, the list's filter).
		index('events_group_proposals_idx')
			.on(t.municipalityId, t.status, t.createdAt)
			.where(sql`${t.proposedByGroupId} IS NOT NULL`),
		uniqueIndex('events_uid_key').on(t.uid),
		// What a registration's one foreign key points at: the event with its municipality.
		unique('events_tenant_key').on(t.id, t.municipalityId),
		check('events_kind_valid', sql`${t.kind} IN (${inList(EVENT_KINDS)})`),
		check('events_rung_valid', sql`${t.rung} IN (${inList(LADDER_RUNGS)})`),
		check('events_status_valid', sql`${t.status} IN (${inList(EVENT_STATUSES)})`),
		check('events_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
		check('events_place', sql`(${t.lat} IS NULL) = (${t.lng} IS NULL)`),
		check('events_capacity_positive', sql`${t.capacity} IS NULL OR ${t.capacity} > 0`),
		check(
			'events_max_companions_range',
			sql`${t.maxCompanions} >= 0 AND ${t.maxCompanions} <= ${sql.raw(String(MAX_COMPANIONS_LIMIT))}`
		),
		check('events_sequence_nonnegative', sql`${t.sequence} >= 0`),
		check(
			'events_report_attendance_nonnegative',
			sql`${t.reportAttendance} IS NULL OR ${t.reportAttendance} >= 0`
		)
	]
);

/**
 * A person's registration for an event, with or without an account. With an account the name and address are
 * the account's (read from users, not copied); without one they are kept here. `queued_at` is the moment it
 * took its turn (at once with an account, on confirming the address without one), set under the event's row
 * lock with the clock, so confirmed places and the waitlist follow it: the waitlist moves up in that order.
 * `token_hash` is the hash of the secret in the mailed confirm/cancel link (platform/tokens.ts).
 */
export const eventRegistrations = pgTable(
	'event_registrations',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		municipalityId: uuid('municipality_id').notNull(),
		eventId: integer('event_id').notNull(),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		name: text('name'),
		email: text('email'),
		companions: integer('companions').notNull().default(0),
		answers: jsonb('answers').$type<EventAnswers>().notNull().default({}),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
		tokenHash: text('token_hash').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		queuedAt: timestamp('queued_at', { withTimezone: true }),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		checkedInAt: timestamp('checked_in_at', { withTimezone: true })
	},
	(t) => [
		foreignKey({
			name: 'event_registrations_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		index('event_registrations_queue_idx').on(t.municipalityId, t.eventId, t.status, t.queuedAt),
		index('event_registrations_user_idx').on(t.userId),
		uniqueIndex('event_registrations_token_key').on(t.tokenHash),
		uniqueIndex('event_registrations_user_key')
			.on(t.eventId, t.userId)
			.where(sql`${t.userId} IS NOT NULL AND ${t.status} <> 'cancelled'`),
		uniqueIndex('event_registrations_email_key')
			.on(t.eventId, sql`lower(${t.email})`)
			.where(sql`${t.email} IS NOT NULL AND ${t.status} <> 'cancelled'`),
		check('event_registrations_status_valid', sql`${t.status} IN (${inList(REGISTRATION_STATUSES)})`),
		check(
			'event_registrations_who',
			sql`${t.userId} IS NOT NULL OR (${t.email} IS NOT NULL AND ${t.name} IS NOT NULL)`
		),
		check('event_registrations_companions_nonnegative', sql`${t.companions} >= 0`),
		check(
			'event_registrations_queued',
			sql`${t.status} IN ('pending', 'cancelled') OR ${t.queuedAt} IS NOT NULL`
		)
	]
);

/**
 * The suggestions an event's report says the meeting chose, each with the answer their authors read (kept in
 * the suggestion's story once the report is published). A draft report keeps its choices here too.
 */
export const eventReportSuggestions = pgTable(
	'event_report_suggestions',
	{
		municipalityId: uuid('municipality_id').notNull(),
		eventId: integer('event_id').notNull(),
		suggestionId: integer('suggestion_id')
			.notNull()
			.references(() => suggestions.id, { onDelete: 'cascade' }),
		answer: text('answer').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.suggestionId] }),
		foreignKey({
			name: 'event_report_suggestions_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		index('event_report_suggestions_suggestion_idx').on(t.municipalityId, t.suggestionId)
	]
);

/**
 * The photos of an event's report, in the order they were added (`position`); the image itself, re-encoded
 * without metadata, and its alt text are a `media` row of kind photo. Removing the media row removes this one.
 * Served publicly once the report is published (getPublicReportPhoto), to its staff before that.
 */
export const eventReportPhotos = pgTable(
	'event_report_photos',
	{
		mediaId: uuid('media_id')
			.primaryKey()
			.references(() => media.id, { onDelete: 'cascade' }),
		municipalityId: uuid('municipality_id').notNull(),
		eventId: integer('event_id').notNull(),
		position: integer('position').notNull()
	},
	(t) => [
		foreignKey({
			name: 'event_report_photos_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		uniqueIndex('event_report_photos_position_idx').on(t.municipalityId, t.eventId, t.position)
	]
);

/**
 * The logistics of an event: a checklist for the organisers and the colleague departments involved (plants,
 * tools, a container for broken-up paving, first aid), each item with who is responsible (a department and an
 * address the briefing goes to) and whether it is done.
 */
export const eventChecklistItems = pgTable(
	'event_checklist_items',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id').notNull(),
		eventId: integer('event_id').notNull(),
		position: integer('position').notNull(),
		text: text('text').notNull(),
		department: text('department').notNull().default(''),
		email: text('email'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		foreignKey({
			name: 'event_checklist_items_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		index('event_checklist_items_event_idx').on(t.municipalityId, t.eventId, t.position),
		check('event_checklist_items_text_length', sql`char_length(${t.text}) BETWEEN 1 AND 300`)
	]
);

/**
 * The alderman and civil servants attending an event, chosen among the municipality's staff members; the
 * event's public page names them with their role (as it was when they were added).
 */
export const eventOfficials = pgTable(
	'event_officials',
	{
		municipalityId: uuid('municipality_id').notNull(),
		eventId: integer('event_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['alderman', 'civilServant'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.userId] }),
		foreignKey({
			name: 'event_officials_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		index('event_officials_event_idx').on(t.municipalityId, t.eventId),
		index('event_officials_user_idx').on(t.userId),
		check('event_officials_role_valid', sql`${t.role} IN ('alderman', 'civilServant')`)
	]
);

/**
 * Who was invited to an event (once each: the key is the event and the person), from which audience, and the
 * hash of their personal registration link. `registered_at` is when they registered through it.
 */
export const eventInvitations = pgTable(
	'event_invitations',
	{
		municipalityId: uuid('municipality_id').notNull(),
		eventId: integer('event_id').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		audience: text('audience', { enum: INVITATION_AUDIENCES }).notNull(),
		tokenHash: text('token_hash').notNull(),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
		registeredAt: timestamp('registered_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.userId] }),
		foreignKey({
			name: 'event_invitations_event_fk',
			columns: [t.eventId, t.municipalityId],
			foreignColumns: [events.id, events.municipalityId]
		}).onDelete('cascade'),
		uniqueIndex('event_invitations_token_key').on(t.tokenHash),
		index('event_invitations_user_idx').on(t.userId),
		check('event_invitations_audience_valid', sql`${t.audience} IN (${inList(INVITATION_AUDIENCES)})`)
	]
);

/**
 * A person who showed interest outside the platform (a paper list at an information evening, a stand at the
 * market) and agreed to be invited, on one municipality's list: the consent record — the day they agreed, how
 * (as staff wrote it), who recorded it and when. The person is an account without a login (`users` row with
 * the name and address as given, never verified, no home municipality, first channel 'offline'), one per
 * entry, so invitations, the one-click unsubscribe and erasure treat them like anyone else; nobody can log in
 * to it (logins match verified addresses only). Removing the entry deletes that account.
 */
export const offlineInterests = pgTable(
	'offline_interests',
	{
		id: serial('id').primaryKey(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The address as typed, lower-cased: one entry per address in a municipality's list. */
		email: text('email').notNull(),
		agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
		agreedHow: text('agreed_how').notNull(),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('offline_interests_email_key').on(t.municipalityId, t.email),
		uniqueIndex('offline_interests_user_key').on(t.userId),
		index('offline_interests_recorded_idx').on(t.municipalityId, t.recordedAt)
	]
);

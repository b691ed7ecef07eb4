import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	index,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid,
	integer
} from 'drizzle-orm/pg-core';
import { municipalities, regions } from './municipalities';
import { themes } from './themes';
import { MAIL_FREQUENCIES } from '../../../domain/notifications';

export { MAIL_FREQUENCIES };
/**
 * A colleague is a civil servant of another department (the green service, mobility, …) who follows actions
 * and themes from the back office and reads it, but changes nothing (platform/policy.ts).
 */
export const MUNICIPALITY_ROLES = ['moderator', 'communication', 'alderman', 'admin', 'colleague'] as const;
/** The longest department name a colleague's role carries. */
export const DEPARTMENT_MAX = 80;
export const REGION_ROLES = ['regional_admin', 'participation_expert'] as const;
export const CONSENT_KINDS = ['privacy', 'updates', 'pool', 'newsletters'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** One account per person across the region. The legal name is kept for staff use and never shown publicly. */
export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		displayName: text('display_name').notNull(),
		givenName: text('given_name'),
		familyName: text('family_name'),
		email: text('email'),
		emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
		homeMunicipalityId: uuid('home_municipality_id').references(() => municipalities.id),
		mailFrequency: text('mail_frequency', { enum: MAIL_FREQUENCIES }).notNull().default('never'),
		wantsToHelp: boolean('wants_to_help').notNull().default(false),
		/** When the person answered the question after a contribution whether to join the pool (yes or no). */
		poolAnsweredAt: timestamp('pool_answered_at', { withTimezone: true }),
		firstChannel: text('first_channel'),
		firstReferrer: text('first_referrer'),
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		deletedAt: timestamp('deleted_at', { withTimezone: true }),
		lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('users_verified_email_key')
			.on(sql`lower(${t.email})`)
			.where(sql`${t.emailVerifiedAt} IS NOT NULL AND ${t.deletedAt} IS NULL`),
		index('users_home_municipality_idx').on(t.homeMunicipalityId, t.wantsToHelp),
		// A municipality's people by id range: a newsletter's list is written one range at a time.
		index('users_home_municipality_id_idx').on(t.homeMunicipalityId, t.id),
		check('users_mail_frequency_valid', sql`${t.mailFrequency} IN (${inList(MAIL_FREQUENCIES)})`)
	]
);

/** How a person logs in: an OpenID Connect issuer and subject, or 'mail' and the address. */
export const userIdentities = pgTable(
	'user_identities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('user_identities_issuer_subject_key').on(t.issuer, t.subject),
		index('user_identities_user_idx').on(t.userId)
	]
);

/** Server-side sessions; the cookie carries a random token whose SHA-256 is the id here. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** Kept for RP-initiated logout at the identity provider (id_token_hint). */
		idToken: text('id_token'),
		userAgent: text('user_agent')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** A login in progress: OIDC state, nonce and PKCE verifier, or the form someone was typing. */
export const loginRequests = pgTable('login_requests', {
	id: text('id').primaryKey(),
	nonce: text('nonce'),
	codeVerifier: text('code_verifier'),
	returnTo: text('return_to').notNull().default('/'),
	draft: jsonb('draft'),
	/** Set once the login completed: only that person may read the draft back. */
	draftUserId: uuid('draft_user_id'),
	channel: text('channel'),
	referrer: text('referrer'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Single-use tokens mailed to a person: a login link or an address verification. Only hashes are stored. */
export const mailTokens = pgTable(
	'mail_tokens',
	{
		tokenHash: text('token_hash').primaryKey(),
		purpose: text('purpose', { enum: ['login', 'verify'] }).notNull(),
		email: text('email').notNull(),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
		loginRequestId: text('login_request_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('mail_tokens_email_idx').on(t.email, t.createdAt)]
);

/** Fixed-window counters for rate limits, shared by every process on the database. */
export const rateLimitHits = pgTable(
	'rate_limit_hits',
	{
		key: text('key').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		hits: integer('hits').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.key, t.windowStart] })]
);

export const memberships = pgTable(
	'memberships',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: MUNICIPALITY_ROLES }).notNull(),
		/** The colleague's department ("Groendienst"); only a colleague's role carries one. */
		department: text('department'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('memberships_user_role_key').on(t.municipalityId, t.userId, t.role),
		index('memberships_user_idx').on(t.userId),
		check('memberships_role_valid', sql`${t.role} IN (${inList(MUNICIPALITY_ROLES)})`)
	]
);

export const regionRoles = pgTable(
	'region_roles',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: REGION_ROLES }).notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('region_roles_user_role_key').on(t.regionId, t.userId, t.role),
		index('region_roles_user_idx').on(t.userId),
		check('region_roles_role_valid', sql`${t.role} IN (${inList(REGION_ROLES)})`)
	]
);

/**
 * The municipalities a participation expert coaches, per region role: the expert prepares and runs their
 * events there, and nowhere else in the region. The municipality lies in the role's region (the regional
 * admin's use case checks it; the policy asks both, so a row that broke this would still grant nothing).
 */
export const coachedMunicipalities = pgTable(
	'coached_municipalities',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		regionRoleId: uuid('region_role_id')
			.notNull()
			.references(() => regionRoles.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('coached_municipalities_role_municipality_key').on(t.regionRoleId, t.municipalityId),
		index('coached_municipalities_municipality_idx').on(t.municipalityId)
	]
);

/** A staff role offered to an address that has no account yet; granted when that address logs in. */
export const staffInvitations = pgTable(
	'staff_invitations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		email: text('email').notNull(),
		role: text('role', { enum: MUNICIPALITY_ROLES }).notNull(),
		/** The department a colleague's role will carry once granted. */
		department: text('department'),
		invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('staff_invitations_municipality_idx').on(t.municipalityId, t.email)]
);

/** Who did what and when, for staff actions. Region-level entries have no municipality. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		regionId: uuid('region_id')
			.notNull()
			.references(() => regions.id),
		municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		actorName: text('actor_name').notNull(),
		action: text('action').notNull(),
		subjectId: uuid('subject_id'),
		subjectName: text('subject_name'),
		details: jsonb('details').notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('audit_log_municipality_idx').on(t.municipalityId, t.createdAt),
		index('audit_log_region_idx').on(t.regionId, t.createdAt)
	]
);

/** Every consent with the version of the text it was given for; withdrawing sets withdrawn_at. */
export const consents = pgTable(
	'consents',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
		version: text('version').notNull(),
		givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true })
	},
	(t) => [index('consents_user_idx').on(t.userId, t.kind)]
);

export const themePreferences = pgTable(
	'theme_preferences',
	{
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		themeId: uuid('theme_id')
			.notNull()
			.references(() => themes.id, { onDelete: 'cascade' }),
		interested: boolean('interested').notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.themeId] })]
);

// What every use case receives: the database, who is asking, for which municipality, in which language.
import type { Db } from '$lib/server/db/client';
import type { Locale } from '$lib/i18n';
import type { Logger } from './log';
import type { MailMessage } from './mail';
import type { Cache } from './cache';
import type { Geocoder } from './geocode';
import type { Batches } from './batch';
import type { Features } from './feature';
import type { Actor } from './policy';

export interface Tenant {
	id: string;
	slug: string;
}

export interface Ctx {
	db: Db;
	locale: Locale;
	log: Logger;
	requestId: string;
	tenant?: Tenant;
	/** The logged-in person with their roles; absent for visitors. */
	actor?: Actor;
	/** Read cache for rarely changing public data; absent in tests that want to read straight through. */
	cache?: Cache;
	/** Group commit for hot paths (votes, session lookups); absent in tests that want each call on its own. */
	batches?: Batches;
	/** Turns a typed address into a place; absent when no geolocation service is configured. */
	geocoder?: Geocoder;
	/** The registry the App was started with, for use cases that span every feature (a person's data). */
	features: Features;
	/** Queues a mail for delivery by the job system. */
	queueMail(message: MailMessage): Promise<void>;
	/**
	 * Queues many mails in `tx`, so they exist exactly when the change that sends them commits (the delivery
	 * ledger sends each (reference, recipient) once).
	 */
	queueMails(tx: Db, messages: readonly MailMessage[]): Promise<unknown>;
	/**
	 * Queues a feature's job (one its manifest declares), in `tx` when given so it exists exactly when that
	 * transaction commits, not before `startAfter` when given. Absent where no job system runs (JOBS=0, most
	 * tests): the feature then relies on its hourly catch-up.
	 */
	queueJob?(name: string, data: object, options?: { tx?: Db; startAfter?: Date }): Promise<void>;
	/**
	 * Deletes the delivered mail the platform keeps for these addresses (the .eml files written without SMTP);
	 * absent where no mail is kept (most tests).
	 */
	forgetDeliveredMail?(addresses: readonly string[]): Promise<void>;
}

/** A use case's context inside one municipality (a page under /{municipality}/, or an API call resolved to one). */
export type TenantCtx = Ctx & { tenant: Tenant };

export function withTenant(ctx: Ctx, tenant: Tenant): TenantCtx {
	return { ...ctx, tenant };
}

import { createLogger } from '$lib/server/platform/log';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { MailMessage } from '$lib/server/platform/mail';
import type { Db } from '$lib/server/db/client';
import type { Batches } from '$lib/server/platform/batch';
import { features } from '$lib/server/features';
import type { Actor } from '$lib/server/platform/policy';

export const silentLog = createLogger('silent');

interface Extra {
	actor?: Actor;
	/** Mails the use case queued end up here; integration tests that need real delivery use startApp. */
	outbox?: MailMessage[];
	/** Group commit as on a running server; without it each hot write is its own transaction. */
	batches?: Batches;
}

export function buildCtx(db: Db, tenant?: undefined, extra?: Extra): Ctx;
export function buildCtx(db: Db, tenant: Tenant, extra?: Extra): Ctx & { tenant: Tenant };
export function buildCtx(db: Db, tenant?: Tenant, extra?: Extra): Ctx;
export function buildCtx(db: Db, tenant?: Tenant, extra: Extra = {}): Ctx {
	return {
		db,
		locale: 'nl',
		log: silentLog,
		requestId: 'test',
		tenant,
		actor: extra.actor,
		batches: extra.batches,
		features,
		queueMail: async (message) => {
			extra.outbox?.push(message);
		},
		queueMails: async (_tx, messages) => {
			extra.outbox?.push(...messages);
		}
	};
}

/** A context as a request of this person (none: a visitor) in this municipality (none: outside one) has it. */
export function ctxAs(db: Db, tenant: Tenant | undefined, actor?: Actor, outbox?: MailMessage[]): Ctx {
	return buildCtx(db, tenant, { actor, outbox });
}

import { createLogger } from '$lib/server/platform/log';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import type { Db } from '$lib/server/db/client';

export const silentLog = createLogger('silent');

export function buildCtx(db: Db): Ctx;
export function buildCtx(db: Db, tenant: Tenant): Ctx & { tenant: Tenant };
export function buildCtx(db: Db, tenant?: Tenant): Ctx {
	return { db, locale: 'nl', log: silentLog, requestId: 'test', tenant };
}

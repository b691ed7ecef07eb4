// What every back-office use case of newsletters starts from: the policy's answer bound into the command
// helper with the audit log as its audit writer, and the newsletter of this municipality by its unverified id.
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import type { AuditAction } from '$lib/server/platform/audit';
import {
	authorizeMunicipality,
	writeScopedAudit,
	type BackofficeScope
} from '$lib/server/platform/backoffice';
import { parseId } from '$lib/domain/ids';
import { getNewsletter, type NewsletterRow } from './newsletters.queries';
import { newsletterFieldOf } from './newsletters.schemas';

/** Refuses everyone without 'content.communicate' here before anything of the municipality is read. */
export const authorizeNewsletters = (ctx: Ctx): Promise<BackofficeScope> =>
	authorizeMunicipality(ctx, 'content.communicate');

export interface NewsletterAudit {
	action: AuditAction;
	details: { newsletterId: number; subject: string } & Record<string, unknown>;
}

export const { command } = commands<Ctx, BackofficeScope, NewsletterAudit>({
	authorize: authorizeNewsletters,
	writeAudit: writeScopedAudit,
	fallback: 'backoffice.errors.invalid',
	fieldOf: newsletterFieldOf
});

/** The newsletter of this municipality by an id from the address; anything else is not found. */
export async function findNewsletter(
	db: Db,
	scope: BackofficeScope,
	unverifiedId: unknown,
	forUpdate = false
): Promise<NewsletterRow> {
	const id = parseId(unverifiedId);
	const row =
		id === null
			? undefined
			: await getNewsletter(db, { municipalityId: scope.municipality.id, id, forUpdate });
	if (!row) throw new AppError('not_found');
	return row;
}

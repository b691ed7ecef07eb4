// What every back-office use case of newsletters starts from: the policy's answer bound into the command
// helper with the audit log as its audit writer, and the newsletter of this municipality by its unverified id.
import type { Db } from '$lib/server/db/client';
import type { Ctx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { commands } from '$lib/server/platform/command';
import { writeAudit, type AuditAction } from '$lib/server/platform/audit';
import { authorizeMunicipality, type BackofficeScope } from '$lib/server/platform/backoffice';
import { parseId } from '$lib/domain/ids';
import { canManageNewsletters } from './newsletters.policy';
import { getNewsletter, type NewsletterRow } from './newsletters.queries';
import { newsletterFieldOf } from './newsletters.schemas';

/** Refuses everyone without 'content.communicate' here before anything of the municipality is read. */
export async function authorizeNewsletters(ctx: Ctx): Promise<BackofficeScope> {
	const scope = await authorizeMunicipality(ctx, 'backoffice.view');
	const target = { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
	if (!canManageNewsletters(scope.actor, target)) {
		ctx.log.warn(
			{ userId: scope.actor.userId, municipalityId: scope.municipality.id },
			'newsletters refused'
		);
		throw new AppError('forbidden', { message: 'backoffice.forbidden.body' });
	}
	return scope;
}

export interface NewsletterAudit {
	action: AuditAction;
	details: { newsletterId: number; subject: string } & Record<string, unknown>;
}

export async function writeNewsletterAudit(tx: Db, scope: BackofficeScope, entries: NewsletterAudit[]) {
	for (const entry of entries)
		await writeAudit(tx, {
			regionId: scope.municipality.regionId,
			municipalityId: scope.municipality.id,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			action: entry.action,
			details: entry.details
		});
}

export const { command } = commands<Ctx, BackofficeScope, NewsletterAudit>({
	authorize: authorizeNewsletters,
	writeAudit: writeNewsletterAudit,
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

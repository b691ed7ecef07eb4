// Use cases of citizens and visitors: the public pages of the Climate Pact (a municipality's totals against its
// 2030 target, the region's), reporting one's own contribution (signed in, rate limited, an optional photo
// processed by the platform) and following one's reports with their status.
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError, isAppError, type FieldErrors } from '$lib/server/platform/errors';
import type { MessageKey } from '$lib/i18n';
import { enforceRateLimits } from '$lib/server/platform/ratelimit';
import type { UploadedFile } from '$lib/server/platform/forms';
import { processUpload, type PhotoError, type ProcessedPhoto } from '$lib/server/platform/photos';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { CITIZEN_PACT_KINDS, PACT_LIMITS } from '$lib/domain/climate-pact';
import { listParticipatingMunicipalities } from '$lib/server/features/municipalities/municipalities.service';
import { canReportContribution } from './climate-pact.policy';
import { getOutcome, insertOutcome, insertPactPhoto, listReportsOfAuthor } from './climate-pact.queries';
import { contributionSchema, type ContributionInput } from './climate-pact.schemas';
import { presentOwnContribution, type OwnContributionView } from './climate-pact.present';
import { climatePactTotals, type PactTotals } from './climate-pact.totals';

/** How many contributions one person may report: a few an hour. */
export const CONTRIBUTION_RATE_LIMIT = { limit: 5, windowSeconds: 3_600 } as const;

const PHOTO_ERRORS: Record<PhotoError, MessageKey> = {
	type: 'climatePactPublic.errors.photoType',
	tooBig: 'climatePactPublic.errors.photoTooBig',
	tooManyPixels: 'climatePactPublic.errors.photoTooManyPixels',
	unreadable: 'climatePactPublic.errors.photoUnreadable'
};

/** The municipality of the address when it takes part; the pact is not followed where Meedoen is not used. */
async function requireParticipating(ctx: TenantCtx) {
	const municipality = (await listParticipatingMunicipalities(ctx)).find((m) => m.id === ctx.tenant.id);
	if (!municipality) throw new AppError('not_found');
	return municipality;
}

export interface PublicPactPage {
	totals: PactTotals;
	/** The signed-in person's own reports here, with their status. */
	mine: OwnContributionView[];
	loggedIn: boolean;
}

/** A municipality's public page: its verified totals against the 2030 target, per year; one's own reports. */
export async function getPublicPact(ctx: TenantCtx): Promise<PublicPactPage> {
	const municipality = await requireParticipating(ctx);
	const [totals, mine] = await Promise.all([
		climatePactTotals(ctx, municipality.id),
		ctx.actor
			? listReportsOfAuthor(ctx.db, { userId: ctx.actor.userId, municipalityId: municipality.id })
			: []
	]);
	return { totals, mine: mine.map(presentOwnContribution), loggedIn: Boolean(ctx.actor) };
}

/** The region's public page: the municipalities taking part, summed, and each of them. */
export async function getRegionPact(ctx: Ctx): Promise<PactTotals> {
	return climatePactTotals(ctx, 'region');
}

export interface ContributionForm {
	kinds: readonly (typeof CITIZEN_PACT_KINDS)[number][];
	loggedIn: boolean;
}

export async function getContributionForm(ctx: TenantCtx): Promise<ContributionForm> {
	await requireParticipating(ctx);
	return { kinds: CITIZEN_PACT_KINDS, loggedIn: Boolean(ctx.actor) };
}

/**
 * Reports a citizen's own contribution: it waits for staff and counts only once verified. The fields and the
 * photo are judged together, so every problem is marked at once; nothing is stored before all are right, and
 * the rate limit counts only reports that could be stored.
 */
export async function submitContribution(
	ctx: TenantCtx,
	input: { values: RawInput<typeof contributionSchema>; photo?: UploadedFile | null }
): Promise<{ id: number }> {
	const actor = ctx.actor;
	if (!canReportContribution(actor)) throw new AppError('unauthenticated');
	const municipality = await requireParticipating(ctx);
	const fields: FieldErrors = {};
	let values: ContributionInput | null = null;
	try {
		values = validateInput(contributionSchema, input.values, {
			fallback: 'climatePactPublic.errors.invalid'
		});
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		Object.assign(fields, err.options.fields ?? {});
	}
	let photo: ProcessedPhoto | null = null;
	const result = await processUpload(input.photo, { maxBytes: PACT_LIMITS.photoBytesMax });
	if (result && 'error' in result) fields.photo = [PHOTO_ERRORS[result.error]];
	else photo = result;
	const hasPhoto = Boolean(input.photo && input.photo.size > 0);
	if (hasPhoto && !fields.photoAlt && !values?.photoAlt)
		fields.photoAlt = ['climatePactPublic.errors.altRequired'];
	if (!values || Object.keys(fields).length > 0)
		throw new AppError('validation', { fields, message: 'climatePactPublic.form.errorSummary' });

	await enforceRateLimits(
		ctx.db,
		[{ key: `climate-pact:user:${actor.userId}`, ...CONTRIBUTION_RATE_LIMIT }],
		'climatePactPublic.errors.rateLimited'
	);
	const v = values;
	return ctx.db.transaction(async (tx) => {
		const stored = photo
			? await insertPactPhoto(tx, {
					municipalityId: municipality.id,
					...photo,
					alt: v.photoAlt,
					createdBy: actor.userId
				})
			: null;
		return insertOutcome(tx, {
			municipalityId: municipality.id,
			source: 'citizen',
			kind: v.kind,
			quantity: v.quantity,
			occurredOn: v.occurredOn,
			note: v.note,
			status: 'submitted',
			authorId: actor.userId,
			photoId: stored?.id ?? null,
			createdBy: actor.userId
		});
	});
}

/** The confirmation page's report: only its own author reads it there. */
export async function getOwnContribution(
	ctx: TenantCtx,
	input: { unverifiedId: string | null }
): Promise<OwnContributionView | null> {
	const id = parseId(input.unverifiedId);
	if (!ctx.actor || id === null) return null;
	const row = await getOutcome(ctx.db, { municipalityId: ctx.tenant.id, id });
	return row && row.authorId === ctx.actor.userId ? presentOwnContribution(row) : null;
}

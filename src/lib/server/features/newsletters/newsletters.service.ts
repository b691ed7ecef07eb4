// Use cases of newsletters. The back office (communication role, admins; region-wide for the regional admin):
// list, write a draft with its preview in the municipality's look and the exact number of recipients, a test
// to oneself, send now or schedule, cancel a scheduled one; every change with its audit row in the change's
// transaction. The public archive of sent newsletters. The send itself is a job (newsletters.send.ts).
import type { Db } from '$lib/server/db/client';
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import type { BackofficeScope } from '$lib/server/platform/backoffice';
import type { RawInput } from '$lib/server/platform/validation';
import { parseId } from '$lib/domain/ids';
import { newsletterReference, type NewsletterAudience, type NewsletterStatus } from '$lib/domain/newsletters';
import { DEFAULT_LOCALE } from '$lib/i18n';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { dateToBrusselsLocal } from '$lib/server/features/opportunities/opportunities.schemas';
import { command, findNewsletter } from './newsletters.access';
import { canSendRegionWide } from './newsletters.policy';
import { listThemes } from '$lib/server/features/themes/themes.service';
import { newsletterHtmlBody, newsletterMails } from './newsletters.mail';
import {
	actionExists,
	countDeliveries,
	countQueued,
	countRecipients,
	countThemesOf,
	getLook,
	getSentNewsletter,
	getVerifiedAddress,
	insertNewsletter,
	listActionOptions,
	listNewsletters,
	listSentNewsletters,
	updateNewsletter,
	type NewsletterRow
} from './newsletters.queries';
import {
	NEWSLETTERS_PAGE_SIZE,
	confirmSchema,
	newsletterFiltersSchema,
	newsletterSchema,
	sendSchema,
	type NewsletterFilters,
	type NewsletterInput
} from './newsletters.schemas';
import { SEND_JOB, type SendJobData } from './newsletters.send';

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export interface NewsletterListItem {
	id: number;
	subject: string;
	status: NewsletterStatus;
	scheduledAt: string | null;
	sentAt: string | null;
	recipientCount: number | null;
	updatedAt: string;
}

export interface NewslettersOverview {
	filters: NewsletterFilters;
	items: NewsletterListItem[];
	total: number;
	page: number;
	pageCount: number;
}

export const listNewslettersForBackoffice = command({
	load: async (ctx, scope, input: RawInput<typeof newsletterFiltersSchema>): Promise<NewslettersOverview> => {
		const filters = newsletterFiltersSchema.parse(input);
		const { rows, total } = await listNewsletters(ctx.db, {
			municipalityId: scope.municipality.id,
			q: filters.q,
			status: filters.status,
			limit: NEWSLETTERS_PAGE_SIZE,
			offset: (filters.page - 1) * NEWSLETTERS_PAGE_SIZE
		});
		return {
			filters,
			items: rows.map((r) => ({
				id: r.id,
				subject: r.subject,
				status: r.status,
				scheduledAt: r.scheduledAt?.toISOString() ?? null,
				sentAt: r.sentAt?.toISOString() ?? null,
				recipientCount: r.recipientCount,
				updatedAt: r.updatedAt.toISOString()
			})),
			total,
			page: filters.page,
			pageCount: Math.max(1, Math.ceil(total / NEWSLETTERS_PAGE_SIZE))
		};
	}
});

// ---------------------------------------------------------------------------------------------
// The form: its options, its values, the preview and the count
// ---------------------------------------------------------------------------------------------

export interface NewsletterFormValues {
	subject: string;
	body: string;
	audience: string;
	themeIds: string[];
	actionId: string;
	from: string;
	to: string;
}

export interface NewsletterFormOptions {
	themes: { id: string; name: string }[];
	actions: { id: number; title: string }[];
	/** Whether "the whole region" is offered (the regional admin). */
	region: boolean;
}

export function formValuesOf(
	row: Pick<NewsletterRow, 'subject' | 'body' | 'audience'>
): NewsletterFormValues {
	const a = row.audience;
	return {
		subject: row.subject,
		body: row.body,
		audience: a.kind,
		themeIds: a.kind === 'themes' ? a.themeIds : [],
		actionId: a.kind === 'action' ? String(a.actionId) : '',
		from: a.kind === 'events' ? a.from : '',
		to: a.kind === 'events' ? a.to : ''
	};
}

async function formOptions(ctx: Ctx, scope: BackofficeScope): Promise<NewsletterFormOptions> {
	const municipalityId = scope.municipality.id;
	const [themes, actions] = await Promise.all([
		listThemes(ctx.db, { municipalityId }).then((rows) => rows.map((t) => ({ id: t.id, name: t.name }))),
		listActionOptions(ctx.db, { municipalityId })
	]);
	return { themes, actions, region: canSendRegionWide(scope.actor, targetOf(scope)) };
}

function targetOf(scope: BackofficeScope) {
	return { municipalityId: scope.municipality.id, regionId: scope.municipality.regionId };
}

/** Checks what the schema cannot: the themes and the action are this municipality's; the region is allowed. */
async function checkAudience(db: Db, scope: BackofficeScope, audience: NewsletterAudience): Promise<void> {
	const municipalityId = scope.municipality.id;
	if (audience.kind === 'region' && !canSendRegionWide(scope.actor, targetOf(scope)))
		throw new AppError('validation', { fields: { audience: ['newsletters.errors.regionOnly'] } });
	if (
		audience.kind === 'themes' &&
		(await countThemesOf(db, { municipalityId, ids: audience.themeIds })) !== audience.themeIds.length
	)
		throw new AppError('validation', { fields: { themeIds: ['newsletters.errors.themes'] } });
	if (audience.kind === 'action' && !(await actionExists(db, { municipalityId, id: audience.actionId })))
		throw new AppError('validation', { fields: { actionId: ['newsletters.errors.action'] } });
}

export const getNewNewsletterForm = command({
	load: async (ctx, scope, _input: undefined) => ({
		options: await formOptions(ctx, scope),
		initial: {
			subject: '',
			body: '',
			audience: 'pool',
			themeIds: [],
			actionId: '',
			from: '',
			to: ''
		} satisfies NewsletterFormValues
	})
});

export interface NewsletterPreview {
	/** The body in the municipality's look, sanitised. */
	html: string;
	/** Exactly how many people it would go to now: the same query as the send. */
	recipients: number;
}

async function htmlOf(ctx: Ctx, scope: BackofficeScope, values: NewsletterInput): Promise<string> {
	const look = await getLook(ctx.db, { municipalityId: scope.municipality.id });
	if (!look) throw new AppError('not_found');
	return newsletterHtmlBody(look, values);
}

async function previewOf(
	ctx: Ctx,
	scope: BackofficeScope,
	values: NewsletterInput
): Promise<NewsletterPreview> {
	const [html, recipients] = await Promise.all([
		htmlOf(ctx, scope, values),
		countRecipients(ctx.db, { audience: values.audience, scope: targetOf(scope) })
	]);
	return { html, recipients };
}

/** The preview and the count of what is typed, without saving anything. */
export const previewNewsletter = command({
	load: async (_ctx, _scope, _input: RawInput<typeof newsletterSchema>) => undefined,
	schema: newsletterSchema,
	prepare: async ({ ctx, scope, values }) => {
		await checkAudience(ctx.db, scope, values.audience);
		return previewOf(ctx, scope, values);
	}
});

export const createNewsletter = command({
	load: async (_ctx, _scope, _input: RawInput<typeof newsletterSchema>) => undefined,
	schema: newsletterSchema,
	prepare: async ({ ctx, scope, values }) => checkAudience(ctx.db, scope, values.audience),
	execute: async (tx, { scope, values, record }) => {
		const row = await insertNewsletter(tx, {
			municipalityId: scope.municipality.id,
			...values,
			createdBy: scope.actor.userId
		});
		record.audit({
			action: 'newsletter.created',
			details: { newsletterId: row.id, subject: row.subject, audience: row.audience }
		});
		return { id: row.id };
	}
});

// ---------------------------------------------------------------------------------------------
// One newsletter: the page, saving the draft, the test, sending, cancelling
// ---------------------------------------------------------------------------------------------

export interface DeliveryCounts {
	/** On the recipient list (fixed when sending started). */
	recipients: number;
	/** Mails queued so far. */
	queued: number;
	/** From the platform's delivery ledger (mail_deliveries, keyed on the reference and the address). */
	sent: number;
	failed: number;
	bounced: number;
	/** Not sent because the address is on the suppression list (it bounced before). */
	suppressed: number;
}

export interface NewsletterPageView {
	newsletter: {
		id: number;
		subject: string;
		status: NewsletterStatus;
		audience: NewsletterAudience;
		scheduledAt: string | null;
		sentAt: string | null;
	};
	values: NewsletterFormValues;
	/** What the draft's form offers; null once it is no longer a draft. */
	options: NewsletterFormOptions | null;
	/** The mail as it looks; the count of recipients only for a draft (counted with the send's query). */
	preview: { html: string; recipients: number | null };
	/** While it goes out and afterwards. */
	counts: DeliveryCounts | null;
	/** The time field's value for scheduling: a scheduled time, else empty. */
	scheduleAt: string;
}

export async function deliveryCountsOf(
	db: Db,
	params: { municipalityId: string; newsletterId: number }
): Promise<DeliveryCounts> {
	const [queue, ledger] = await Promise.all([
		countQueued(db, params),
		countDeliveries(db, {
			municipalityId: params.municipalityId,
			reference: newsletterReference(params.newsletterId)
		})
	]);
	return { recipients: queue.total, queued: queue.queued, ...ledger };
}

export const getNewsletterPage = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }): Promise<NewsletterPageView> => {
		const row = await findNewsletter(ctx.db, scope, input.unverifiedId);
		const values = formValuesOf(row);
		// Only a draft is edited and counted: a page of one going out (refreshed to follow it) reads the ledger.
		const draft = row.status === 'draft';
		const [options, preview, counts] = await Promise.all([
			draft ? formOptions(ctx, scope) : null,
			draft
				? previewOf(ctx, scope, row)
				: htmlOf(ctx, scope, row).then((html) => ({ html, recipients: null })),
			row.status === 'sending' || row.status === 'sent'
				? deliveryCountsOf(ctx.db, { municipalityId: scope.municipality.id, newsletterId: row.id })
				: Promise.resolve(null)
		]);
		return {
			newsletter: {
				id: row.id,
				subject: row.subject,
				status: row.status,
				audience: row.audience,
				scheduledAt: row.scheduledAt?.toISOString() ?? null,
				sentAt: row.sentAt?.toISOString() ?? null
			},
			values,
			options,
			preview,
			counts,
			scheduleAt: row.status === 'scheduled' ? dateToBrusselsLocal(row.scheduledAt) : ''
		};
	}
});

function onlyDraft(row: NewsletterRow) {
	if (row.status === 'scheduled')
		throw new AppError('conflict', { message: 'newsletters.errors.scheduledFirstCancel' });
	if (row.status !== 'draft') throw new AppError('conflict', { message: 'newsletters.errors.alreadySent' });
}

export const updateNewsletterDraft = command({
	load: async (ctx, scope, input: RawInput<typeof newsletterSchema> & { unverifiedId: unknown }) =>
		findNewsletter(ctx.db, scope, input.unverifiedId),
	schema: newsletterSchema,
	prepare: async ({ ctx, scope, values, loaded }) => {
		onlyDraft(loaded);
		await checkAudience(ctx.db, scope, values.audience);
	},
	execute: async (tx, { scope, values, loaded, record }) => {
		const row = await findNewsletter(tx, scope, loaded.id, true);
		onlyDraft(row);
		await updateNewsletter(tx, { municipalityId: scope.municipality.id, id: row.id, change: values });
		record.audit({
			action: 'newsletter.updated',
			details: { newsletterId: row.id, subject: values.subject, audience: values.audience }
		});
		return { id: row.id };
	}
});

/** One copy to the staff member's own verified address, marked as a test; the list is not touched. */
export const sendTestNewsletter = command({
	load: async (ctx, scope, input: { unverifiedId: unknown; origin: string }) =>
		findNewsletter(ctx.db, scope, input.unverifiedId),
	prepare: async ({ ctx, scope, loaded, input }) => {
		const to = await getVerifiedAddress(ctx.db, { userId: scope.actor.userId });
		if (!to) throw new AppError('validation', { message: 'newsletters.errors.noOwnAddress' });
		const look = await getLook(ctx.db, { municipalityId: scope.municipality.id });
		if (!look) throw new AppError('not_found');
		await ctx.queueMail(
			newsletterMails(DEFAULT_LOCALE, look, loaded, {
				municipalityId: scope.municipality.id,
				// A test is its own message each time: the ledger must not take a second test for a repeat.
				reference: `${newsletterReference(loaded.id)}:test:${Date.now()}`,
				test: true
			})(to, { origin: input.origin })
		);
		return { to };
	},
	execute: async (_tx, { loaded, prepared, record }) => {
		record.audit({
			action: 'newsletter.test_sent',
			details: { newsletterId: loaded.id, subject: loaded.subject }
		});
		return prepared;
	}
});

/**
 * Sends now or at a Brussels time in the future. Refused with a Dutch message when nobody would get it (the
 * same count as the send) or the time has passed. The job is queued in the same transaction as the status.
 */
export const sendNewsletter = command({
	load: async (ctx, scope, input: RawInput<typeof sendSchema> & { unverifiedId: unknown; origin: string }) =>
		findNewsletter(ctx.db, scope, input.unverifiedId),
	schema: sendSchema,
	prepare: async ({ ctx, scope, loaded }) => {
		onlyDraft(loaded);
		await checkAudience(ctx.db, scope, loaded.audience);
		const recipients = await countRecipients(ctx.db, { audience: loaded.audience, scope: targetOf(scope) });
		if (recipients === 0) throw new AppError('validation', { message: 'newsletters.errors.emptyAudience' });
		return { recipients };
	},
	execute: async (tx, { ctx, scope, values, loaded, prepared, input, record }) => {
		const row = await findNewsletter(tx, scope, loaded.id, true);
		onlyDraft(row);
		const at = values.at ?? new Date();
		await updateNewsletter(tx, {
			municipalityId: scope.municipality.id,
			id: row.id,
			change: { status: 'scheduled', scheduledAt: at }
		});
		record.audit({
			action: 'newsletter.scheduled',
			details: {
				newsletterId: row.id,
				subject: row.subject,
				at: at.toISOString(),
				now: values.at === null,
				recipients: prepared.recipients
			}
		});
		const data: SendJobData = { newsletterId: row.id, origin: input.origin };
		await ctx.queueJob?.(SEND_JOB, data, { tx, startAfter: values.at ?? undefined });
		return { id: row.id, now: values.at === null };
	}
});

export const previewCancelNewsletter = command({
	load: async (ctx, scope, input: { unverifiedId: unknown }) => {
		const row = await findNewsletter(ctx.db, scope, input.unverifiedId);
		if (row.status !== 'scheduled')
			throw new AppError('conflict', { message: 'newsletters.errors.notScheduled' });
		return { id: row.id, subject: row.subject, scheduledAt: row.scheduledAt?.toISOString() ?? null };
	}
});

/** A scheduled newsletter back to a draft, while its sending has not started. */
export const cancelNewsletter = command({
	load: async (ctx, scope, input: RawInput<typeof confirmSchema> & { unverifiedId: unknown }) =>
		findNewsletter(ctx.db, scope, input.unverifiedId),
	schema: confirmSchema,
	execute: async (tx, { scope, loaded, record }) => {
		const row = await findNewsletter(tx, scope, loaded.id, true);
		if (row.status !== 'scheduled')
			throw new AppError('conflict', { message: 'newsletters.errors.notScheduled' });
		await updateNewsletter(tx, {
			municipalityId: scope.municipality.id,
			id: row.id,
			change: { status: 'draft', scheduledAt: null }
		});
		record.audit({
			action: 'newsletter.cancelled',
			details: { newsletterId: row.id, subject: row.subject, was: row.scheduledAt?.toISOString() ?? null }
		});
		return { id: row.id };
	}
});

// ---------------------------------------------------------------------------------------------
// The public archive: sent newsletters, without anything personal
// ---------------------------------------------------------------------------------------------

export interface ArchivedNewsletterItem {
	id: number;
	subject: string;
	sentAt: string | null;
}

export async function listNewsletterArchive(ctx: TenantCtx): Promise<ArchivedNewsletterItem[]> {
	const rows = await listSentNewsletters(ctx.db, { municipalityId: ctx.tenant.id, limit: 200 });
	return rows.map((r) => ({ id: r.id, subject: r.subject, sentAt: r.sentAt?.toISOString() ?? null }));
}

export async function getArchivedNewsletter(
	ctx: TenantCtx,
	input: { unverifiedId: unknown }
): Promise<ArchivedNewsletterItem & { html: string }> {
	const id = parseId(input.unverifiedId);
	const row =
		id === null ? undefined : await getSentNewsletter(ctx.db, { municipalityId: ctx.tenant.id, id });
	if (!row) throw new AppError('not_found');
	return {
		id: row.id,
		subject: row.subject,
		sentAt: row.sentAt?.toISOString() ?? null,
		html: renderMarkdown(row.body)
	};
}

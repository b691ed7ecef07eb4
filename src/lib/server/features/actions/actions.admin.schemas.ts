// Input of the back office for climate actions: what its forms may send, with Dutch message keys per field.
import { z } from 'zod';
import { validateInput } from '$lib/server/platform/validation';
import { ACTION_OWNER_KINDS, ACTION_STATUSES } from '$lib/domain/actions';
import type { MessageKey } from '$lib/i18n';
import { isUuid } from '$lib/domain/ids';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 500;
export const MARKDOWN_MAX = 50_000;
export const OWNER_NAME_MAX = 200;
export const PLACE_MAX = 200;
export const IMAGE_ALT_MAX = 300;
export const LINKS_MAX = 10;
export const LINK_LABEL_MAX = 200;
export const LINK_URL_MAX = 500;
export const BULK_MAX = 200;
export const ACTIONS_PAGE_SIZE = 25;
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The field a problem belongs to: the first path segment, except for links, whose rows each have their
 * own label and URL field (`links.2.url`).
 */
export function actionFieldOf(path: readonly PropertyKey[]): string {
	if (path[0] === 'links' && path.length >= 3) return `links.${String(path[1])}.${String(path[2])}`;
	return String(path[0] ?? 'form');
}

/** Parses input with a schema, or refuses it with per-field catalogue keys; link rows are fields of their own. */
export function validateActionInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	return validateInput(schema, input, { fallback: 'backoffice.errors.invalid', fieldOf: actionFieldOf });
}

const text = (max: number, error: MessageKey) =>
	z
		.string({ error })
		.max(max, { error })
		.optional()
		.transform((v) => (v ?? '').trim());

const optionalText = (max: number, error: MessageKey) => text(max, error).transform((v) => v || null);

/** An ISO date (yyyy-mm-dd) that exists in the calendar, or null for an empty field. */
const isoDate = z
	.string({ error: 'actionsAdmin.errors.date' })
	.max(10, { error: 'actionsAdmin.errors.date' })
	.optional()
	.transform((v) => v?.trim() || null)
	.refine(
		(v) => {
			if (v === null) return true;
			if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
			const date = new Date(`${v}T00:00:00Z`);
			return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
		},
		{ error: 'actionsAdmin.errors.date' }
	);

/** A decimal number, also with the Belgian decimal comma; null for an empty field. */
const coordinate = z
	.union([z.string(), z.number()], { error: 'actionsAdmin.errors.coordinate' })
	.optional()
	.transform((v, issue) => {
		if (v === undefined || v === null) return null;
		const raw = typeof v === 'number' ? String(v) : v.trim().replace(',', '.');
		if (raw === '') return null;
		const n = Number(raw);
		if (raw.length > 20 || !/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) {
			issue.addIssue({ code: 'custom', message: 'actionsAdmin.errors.coordinate' });
			return z.NEVER;
		}
		return n;
	});

export function isHttpsUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' && !url.username && !url.password && url.hostname.includes('.');
	} catch {
		return false;
	}
}

const link = z.object({
	label: z
		.string({ error: 'actionsAdmin.errors.linkLabelRequired' })
		.trim()
		.min(1, { error: 'actionsAdmin.errors.linkLabelRequired' })
		.max(LINK_LABEL_MAX, { error: 'actionsAdmin.errors.linkLabelTooLong' }),
	url: z
		.string({ error: 'actionsAdmin.errors.linkUrl' })
		.trim()
		.max(LINK_URL_MAX, { error: 'actionsAdmin.errors.linkUrl' })
		.refine(isHttpsUrl, { error: 'actionsAdmin.errors.linkUrl' })
});

/** Rows of the links table; a row left empty is no link. */
const links = z
	.array(z.object({ label: z.unknown(), url: z.unknown() }), { error: 'actionsAdmin.errors.tooManyLinks' })
	.optional()
	.transform((rows) =>
		(rows ?? []).filter(
			(r) =>
				!(
					(r.label === undefined || r.label === null || (typeof r.label === 'string' && !r.label.trim())) &&
					(r.url === undefined || r.url === null || (typeof r.url === 'string' && !r.url.trim()))
				)
		)
	)
	.pipe(z.array(link).max(LINKS_MAX, { error: 'actionsAdmin.errors.tooManyLinks' }));

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const actionSchema = z
	.object({
		title: z
			.string({ error: 'actionsAdmin.errors.titleRequired' })
			.trim()
			.min(1, { error: 'actionsAdmin.errors.titleRequired' })
			.max(TITLE_MAX, { error: 'actionsAdmin.errors.titleTooLong' }),
		summary: text(SUMMARY_MAX, 'actionsAdmin.errors.summaryTooLong'),
		body: text(MARKDOWN_MAX, 'actionsAdmin.errors.markdownTooLong'),
		decided: text(MARKDOWN_MAX, 'actionsAdmin.errors.markdownTooLong'),
		themeIds: z
			.array(z.string().refine(isUuid, { error: 'actionsAdmin.errors.theme' }), {
				error: 'actionsAdmin.errors.theme'
			})
			.max(100, { error: 'actionsAdmin.errors.theme' })
			.optional()
			.transform((ids) => [...new Set(ids ?? [])]),
		status: z.enum(ACTION_STATUSES, { error: 'actionsAdmin.errors.status' }),
		ownerKind: z.enum(ACTION_OWNER_KINDS, { error: 'actionsAdmin.errors.ownerKind' }),
		ownerName: text(OWNER_NAME_MAX, 'actionsAdmin.errors.ownerNameTooLong'),
		startsOn: isoDate,
		endsOn: isoDate,
		placeName: optionalText(PLACE_MAX, 'actionsAdmin.errors.placeTooLong'),
		lat: coordinate,
		lng: coordinate,
		imageAlt: optionalText(IMAGE_ALT_MAX, 'actionsAdmin.errors.imageAltTooLong'),
		removeImage: checkbox.optional().transform((v) => v === true),
		links
	})
	.superRefine((a, issue) => {
		if (a.startsOn && a.endsOn && a.endsOn < a.startsOn)
			issue.addIssue({ code: 'custom', path: ['endsOn'], message: 'actionsAdmin.errors.endBeforeStart' });
		if ((a.lat === null) !== (a.lng === null)) {
			const missing = a.lat === null ? 'lat' : 'lng';
			issue.addIssue({ code: 'custom', path: [missing], message: 'actionsAdmin.errors.coordinatesBoth' });
		}
	});
export type ActionInput = z.output<typeof actionSchema>;

export const updateSchema = z.object({
	title: z
		.string({ error: 'actionsAdmin.errors.updateTitleRequired' })
		.trim()
		.min(1, { error: 'actionsAdmin.errors.updateTitleRequired' })
		.max(TITLE_MAX, { error: 'actionsAdmin.errors.titleTooLong' }),
	body: text(MARKDOWN_MAX, 'actionsAdmin.errors.markdownTooLong'),
	publish: checkbox.optional().transform((v) => v === true)
});

// The shared "yes, I mean it" box of destructive actions.
export { confirmSchema } from '$lib/server/platform/validation';

export const BULK_OPERATIONS = ['status', 'publish', 'unpublish', 'archive'] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

/** The select of the list sends "status:done" or "publish"; split into operation and status. */
export const bulkSchema = z
	.object({
		ids: z
			.array(z.unknown(), { error: 'backoffice.errors.invalid' })
			.max(BULK_MAX, { error: 'backoffice.errors.tooMany' })
			.optional()
			.transform((ids) => [
				...new Set(
					(ids ?? [])
						.map((id) => (typeof id === 'number' ? String(id) : id))
						.filter((id): id is string => typeof id === 'string' && /^\d{1,9}$/.test(id))
						.map(Number)
				)
			]),
		operation: z
			.string({ error: 'actionsAdmin.bulk.operationRequired' })
			.max(30)
			.transform((v, issue) => {
				const [operation, status] = v.split(':');
				if (operation === 'status' && (ACTION_STATUSES as readonly string[]).includes(status ?? ''))
					return { operation: 'status' as const, status: status as (typeof ACTION_STATUSES)[number] };
				if (operation === 'publish' || operation === 'unpublish' || operation === 'archive')
					return { operation, status: null };
				issue.addIssue({ code: 'custom', message: 'actionsAdmin.bulk.operationRequired' });
				return z.NEVER;
			})
	})
	.transform(({ ids, operation }) => ({ ids, ...operation }));
export type BulkInput = z.output<typeof bulkSchema>;

export const ACTION_SORTS = ['title', 'updated', 'status'] as const;
export const ACTION_STATES = ['draft', 'published', 'archived'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** Filters of the list; a value that makes no sense falls back to the default instead of failing. */
export const actionFiltersSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	status: z.enum(ACTION_STATUSES).optional().catch(undefined),
	theme: z
		.string()
		.refine((v) => isUuid(v))
		.optional()
		.catch(undefined),
	state: z.enum(ACTION_STATES).optional().catch(undefined),
	sort: z.enum(ACTION_SORTS).catch('updated'),
	dir: z.enum(['asc', 'desc']).catch('desc'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type ActionFilters = z.output<typeof actionFiltersSchema>;

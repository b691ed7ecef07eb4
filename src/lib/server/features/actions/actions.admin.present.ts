// What leaves the server for the back office of climate actions, field by field.
import type { ActionOwnerKind, ActionStatus } from '$lib/domain/actions';
import { translate, type Locale, type MessageKey } from '$lib/i18n';
import { renderMarkdown } from '$lib/server/platform/markdown';
import type { ActionRow } from './actions.queries';
import type { AdminActionListRow, AdminUpdateRow, HistoryRow } from './actions.admin.queries';
import type { ActionState } from './actions.admin.schemas';

export function actionState(row: { publishedAt: Date | null; archivedAt: Date | null }): ActionState {
	if (row.archivedAt) return 'archived';
	return row.publishedAt ? 'published' : 'draft';
}

export interface ActionListItemView {
	id: number;
	title: string;
	status: ActionStatus;
	state: ActionState;
	themeNames: string[];
	updatedAt: string;
}

export function presentActionListItem(row: AdminActionListRow, themeNames: string[]): ActionListItemView {
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		state: actionState(row),
		themeNames,
		updatedAt: row.updatedAt.toISOString()
	};
}

export interface ActionEditView {
	id: number;
	slug: string;
	title: string;
	summary: string;
	body: string;
	decided: string;
	/** Sanitised HTML of the Markdown fields, for the preview. */
	bodyHtml: string;
	decidedHtml: string;
	status: ActionStatus;
	ownerKind: ActionOwnerKind;
	ownerName: string;
	startsOn: string;
	endsOn: string;
	placeName: string;
	/** As typed in the form: with a decimal comma, empty when unset. */
	lat: string;
	lng: string;
	imageUrl: string | null;
	imageAlt: string;
	links: { label: string; url: string }[];
	themeIds: string[];
	state: ActionState;
	publishedAt: string | null;
}

const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

export function presentActionForEdit(
	row: ActionRow,
	themeIds: string[],
	imageUrl: (imageId: string) => string
): ActionEditView {
	return {
		id: row.id,
		slug: row.slug,
		title: row.title,
		summary: row.summary,
		body: row.body,
		decided: row.decided,
		bodyHtml: row.body ? renderMarkdown(row.body) : '',
		decidedHtml: row.decided ? renderMarkdown(row.decided) : '',
		status: row.status,
		ownerKind: row.ownerKind,
		ownerName: row.ownerName,
		startsOn: row.startsOn ?? '',
		endsOn: row.endsOn ?? '',
		placeName: row.placeName ?? '',
		lat: decimal(row.lat),
		lng: decimal(row.lng),
		imageUrl: row.imageId ? imageUrl(row.imageId) : null,
		imageAlt: row.imageAlt ?? '',
		links: row.links.map((l) => ({ label: l.label, url: l.url })),
		themeIds,
		state: actionState(row),
		publishedAt: row.publishedAt?.toISOString() ?? null
	};
}

export interface UpdateView {
	id: number;
	title: string;
	body: string;
	authorName: string;
	publishedAt: string | null;
	createdAt: string;
}

export function presentUpdate(row: AdminUpdateRow): UpdateView {
	return {
		id: row.id,
		title: row.title,
		body: row.body,
		authorName: row.authorName,
		publishedAt: row.publishedAt?.toISOString() ?? null,
		createdAt: row.createdAt.toISOString()
	};
}

export interface HistoryEntryView {
	id: number;
	at: string;
	actorName: string;
	label: string;
	/** Plain-text lines about what changed; the page escapes them. */
	details: string[];
}

/** Fields whose value is too long to show in a table row: the history only says they changed. */
const LONG_FIELDS = new Set(['body', 'decided', 'howTo', 'links']);
const SHORT_VALUE = 120;

function label(locale: Locale, key: string, fallback: string): string {
	const text = translate(locale, key as MessageKey);
	return text === key ? fallback : text;
}

function valueText(locale: Locale, field: string, value: unknown): string {
	if (value === null || value === undefined || value === '')
		return translate(locale, 'actionsAdmin.history.empty_value');
	if (Array.isArray(value))
		return value.map(String).join(', ') || translate(locale, 'actionsAdmin.history.empty_value');
	if (field === 'status') return label(locale, `actions.status.${String(value)}`, String(value));
	if (field === 'ownerKind') return label(locale, `actions.ownerKind.${String(value)}`, String(value));
	if (field === 'kind') return label(locale, `actions.kind.${String(value)}`, String(value));
	if (field === 'rung') return label(locale, `ladder.${String(value)}.name`, String(value));
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > SHORT_VALUE ? `${text.slice(0, SHORT_VALUE)}…` : text;
}

type Changes = Record<string, { before: unknown; after: unknown }>;

function describeChanges(locale: Locale, changes: Changes): string[] {
	return Object.entries(changes).map(([field, { before, after }]) => {
		const name = label(locale, `actionsAdmin.history.field.${field}`, field);
		if (LONG_FIELDS.has(field))
			return translate(locale, 'actionsAdmin.history.fieldChanged', { field: name });
		return translate(locale, 'actionsAdmin.history.fieldChange', {
			field: name,
			before: valueText(locale, field, before),
			after: valueText(locale, field, after)
		});
	});
}

export function presentHistoryEntry(locale: Locale, row: HistoryRow): HistoryEntryView {
	const details = (row.details ?? {}) as Record<string, unknown>;
	const lines: string[] = [];
	if (typeof details.title === 'string' && row.change !== 'edited')
		lines.push(translate(locale, 'actionsAdmin.history.title_detail', { title: details.title }));
	if (details.changes && typeof details.changes === 'object')
		lines.push(...describeChanges(locale, details.changes as Changes));
	if ('before' in details && 'after' in details) {
		const field = row.change === 'themes_changed' ? 'themes' : 'status';
		lines.push(...describeChanges(locale, { [field]: { before: details.before, after: details.after } }));
	}
	return {
		id: row.id,
		at: row.createdAt.toISOString(),
		actorName: row.actorName,
		label: label(locale, `actionsAdmin.history.change.${row.change}`, row.change),
		details: lines
	};
}

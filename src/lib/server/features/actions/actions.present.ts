// What leaves the server about climate actions, field by field: cards for lists, the full page, the API.
import {
	actionPath,
	type ActionOwnerKind,
	type ActionStatus,
	type OpportunityKind
} from '$lib/domain/actions';
import { rungLevel, type LadderRung } from '$lib/domain/ladder';
import { isDefaultThemeKey, type DefaultThemeKey } from '$lib/domain/themes';
import { renderMarkdown } from '$lib/server/platform/markdown';
import {
	presentOpportunity,
	type OpportunityRow,
	type OpportunityView
} from '$lib/server/features/opportunities/opportunities.present';
import type {
	ActionCardRow,
	PublishedActionRow,
	listPublishedUpdates,
	listThemesOfActions
} from './actions.queries';
import { presentActionProgress, type ActionProgress } from './actions.progress';

type ThemeOfAction = Awaited<ReturnType<typeof listThemesOfActions>>[number];
type UpdateRow = Awaited<ReturnType<typeof listPublishedUpdates>>[number];

export interface ActionThemeView {
	slug: string;
	name: string;
}

export interface ActionImage {
	url: string;
	alt: string;
}

export interface ActionCard {
	id: number;
	path: string;
	title: string;
	summary: string;
	status: ActionStatus;
	municipality: { slug: string; name: string };
	themes: ActionThemeView[];
	/** The rungs on which the action offers a way to take part, lowest first. */
	rungs: LadderRung[];
	startsOn: string | null;
	endsOn: string | null;
	placeName: string | null;
	image: ActionImage | null;
	/** The default theme whose drawing stands in on a card when the action has no image of its own. */
	illustrationTheme: DefaultThemeKey | null;
	publishedAt: string;
}

export interface UpdateView {
	id: number;
	title: string;
	bodyHtml: string;
	authorName: string;
	publishedAt: string;
}

export interface ActionDetail extends ActionCard {
	slug: string;
	bodyHtml: string;
	decidedHtml: string;
	owner: { kind: ActionOwnerKind; name: string };
	location: { lat: number; lng: number } | null;
	links: { label: string; url: string }[];
	opportunities: OpportunityView[];
	updates: UpdateView[];
	/** Where it stands, what was decided and what comes next. */
	progress: ActionProgress;
}

export function mediaUrl(id: string): string {
	return `/media/${id}`;
}

function image(imageId: string | null, imageAlt: string | null): ActionImage | null {
	return imageId && imageAlt ? { url: mediaUrl(imageId), alt: imageAlt } : null;
}

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

function safeLinks(links: { label: string; url: string }[]): { label: string; url: string }[] {
	return links.filter((l) => {
		if (!l || typeof l.url !== 'string' || typeof l.label !== 'string' || !SAFE_LINK.test(l.url))
			return false;
		try {
			return ['http:', 'https:', 'mailto:'].includes(new URL(l.url).protocol);
		} catch {
			return false;
		}
	});
}

function iso(value: Date | null): string | null {
	return value ? value.toISOString() : null;
}

export function presentActionCard(
	row: ActionCardRow | PublishedActionRow,
	themes: ThemeOfAction[],
	opportunities: Pick<OpportunityRow, 'rung'>[]
): ActionCard {
	const rungs = [...new Set(opportunities.map((o) => o.rung))].sort((a, b) => rungLevel(a) - rungLevel(b));
	return {
		id: row.id,
		path: actionPath(row.municipalitySlug, row.id, row.slug),
		title: row.title,
		summary: row.summary,
		status: row.status,
		municipality: { slug: row.municipalitySlug, name: row.municipalityName },
		themes: themes.map((t) => ({ slug: t.slug, name: t.name })),
		rungs,
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		placeName: row.placeName,
		image: image(row.imageId, row.imageAlt),
		illustrationTheme: themes.map((t) => t.defaultKey).find(isDefaultThemeKey) ?? null,
		publishedAt: (row.publishedAt ?? new Date(0)).toISOString()
	};
}

export function presentActionDetail(
	row: PublishedActionRow,
	themes: ThemeOfAction[],
	opportunities: OpportunityRow[],
	updates: UpdateRow[],
	now: Date
): ActionDetail {
	const path = actionPath(row.municipalitySlug, row.id, row.slug);
	const opportunityViews = opportunities
		.map((o) =>
			presentOpportunity(o, opportunities, now, { municipalitySlug: row.municipalitySlug, actionPath: path })
		)
		.sort((a, b) => a.level - b.level || 0);
	const updateViews = updates.map((u) => ({
		id: u.id,
		title: u.title,
		bodyHtml: renderMarkdown(u.body),
		authorName: u.authorName,
		publishedAt: (u.publishedAt ?? now).toISOString()
	}));
	return {
		...presentActionCard(row, themes, opportunities),
		slug: row.slug,
		bodyHtml: renderMarkdown(row.body),
		decidedHtml: renderMarkdown(row.decided),
		owner: { kind: row.ownerKind, name: row.ownerName },
		location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
		links: safeLinks(row.links),
		opportunities: opportunityViews,
		updates: updateViews,
		progress: presentActionProgress({
			status: row.status,
			decided: row.decided,
			updates: updateViews,
			opportunities: opportunityViews,
			actionPath: path
		})
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export interface ActionApi {
	id: number;
	url: string;
	municipality: string;
	title: string;
	summary: string;
	status: ActionStatus;
	themes: ActionThemeView[];
	rungs: LadderRung[];
	startsOn: string | null;
	endsOn: string | null;
	place: { name: string | null; lat: number | null; lng: number | null } | null;
	image: ActionImage | null;
	publishedAt: string;
	/** Its last change, as the sync (`updated_since`) and Last-Modified count it. */
	updatedAt: string;
	/** This item in the API: its stable address. */
	api: string;
}

export interface ActionApiDetail extends ActionApi {
	/** Markdown, as written; render it with a sanitiser. */
	body: string;
	decided: string;
	owner: { kind: ActionOwnerKind; name: string };
	links: { label: string; url: string }[];
	opportunities: {
		id: number;
		title: string;
		rung: LadderRung;
		level: number;
		kind: OpportunityKind;
		howTo: string;
		opensAt: string | null;
		closesAt: string | null;
	}[];
}

function absolute(origin: string, path: string): string {
	return `${origin}${path}`;
}

export function presentActionApi(
	card: ActionCard,
	row: { lat?: number | null; lng?: number | null; updatedAt: Date; publishedAt: Date | null },
	origin: string
): ActionApi {
	return {
		id: card.id,
		url: absolute(origin, card.path),
		municipality: card.municipality.slug,
		title: card.title,
		summary: card.summary,
		status: card.status,
		themes: card.themes,
		rungs: card.rungs,
		startsOn: card.startsOn,
		endsOn: card.endsOn,
		place:
			card.placeName || (row.lat != null && row.lng != null)
				? { name: card.placeName, lat: row.lat ?? null, lng: row.lng ?? null }
				: null,
		image: card.image ? { url: absolute(origin, card.image.url), alt: card.image.alt } : null,
		publishedAt: card.publishedAt,
		updatedAt: actionChangedAt(row).toISOString(),
		api: absolute(origin, `/api/v1/actions/${card.id}`)
	};
}

/** An action's last change: its row's, or its publication when that came later (a scheduled one). */
export function actionChangedAt(row: { updatedAt: Date; publishedAt: Date | null }): Date {
	return row.publishedAt && row.publishedAt > row.updatedAt ? row.publishedAt : row.updatedAt;
}

export function presentActionApiDetail(
	row: PublishedActionRow,
	themes: ThemeOfAction[],
	opportunities: OpportunityRow[],
	origin: string
): ActionApiDetail {
	const card = presentActionCard(row, themes, opportunities);
	return {
		...presentActionApi(card, row, origin),
		body: row.body,
		decided: row.decided,
		owner: { kind: row.ownerKind, name: row.ownerName },
		links: safeLinks(row.links),
		opportunities: opportunities.map((o) => ({
			id: o.id,
			title: o.title,
			rung: o.rung,
			level: rungLevel(o.rung),
			kind: o.kind,
			howTo: o.howTo,
			opensAt: iso(o.opensAt),
			closesAt: iso(o.closesAt)
		}))
	};
}

// ---------------------------------------------------------------------------------------------
// Sharing: Open Graph and schema.org
// ---------------------------------------------------------------------------------------------

/**
 * JSON for a <script type="application/ld+json"> block: nothing in it can end the element or break
 * the page (`<`, `>`, `&` and the JavaScript line separators are escaped as \u sequences).
 */
export function serializeJsonLd(value: unknown): string {
	return JSON.stringify(value)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}

/**
 * schema.org description of an action. An action is an undertaking over time with a goal, run by a
 * department or a group, not a single happening: a Project (an Organization subtype with name,
 * description, url, image, location and areaServed) fits better than an Event.
 */
export function actionJsonLd(action: ActionDetail, origin: string): Record<string, unknown> {
	const url = `${origin}${action.path}`;
	const place =
		action.placeName || action.location
			? {
					'@type': 'Place',
					...(action.placeName ? { name: action.placeName } : {}),
					address: {
						'@type': 'PostalAddress',
						addressLocality: action.municipality.name,
						addressCountry: 'BE'
					},
					...(action.location
						? {
								geo: {
									'@type': 'GeoCoordinates',
									latitude: action.location.lat,
									longitude: action.location.lng
								}
							}
						: {})
				}
			: undefined;
	return {
		'@context': 'https://schema.org',
		'@type': 'Project',
		'@id': url,
		name: action.title,
		description: action.summary || undefined,
		url,
		image: action.image ? `${origin}${action.image.url}` : undefined,
		location: place,
		areaServed: { '@type': 'AdministrativeArea', name: action.municipality.name },
		...(action.owner.name
			? { parentOrganization: { '@type': 'Organization', name: action.owner.name } }
			: {}),
		inLanguage: 'nl-BE'
	};
}

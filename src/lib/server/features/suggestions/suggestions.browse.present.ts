// What the public map, the list and the read API show of suggestions, field by field: no author ids, no
// moderation details, only what anyone may read of a listed suggestion.
import type { SuggestionStatus } from '$lib/domain/suggestions';
import { renderMarkdown } from '$lib/server/platform/markdown';
import { actionPath } from '$lib/domain/actions';
import { suggestionPath, type SuggestionOpportunity } from './suggestions.access';
import type { ClusterMemberRow, ClusterRow, ListedSuggestionRow } from './suggestions.browse.queries';

export interface BrowseOpportunityView {
	id: number;
	title: string;
	howToHtml: string;
	actionTitle: string;
	actionPath: string;
	/** This page: /{m}/kansen/{id}. */
	path: string;
	/** Where a suggestion is added: /{m}/kansen/{id}/nieuw. */
	newPath: string;
	/** The action is public (a moderator may look at an opportunity before it is). */
	isPublic: boolean;
	open: boolean;
	upcoming: boolean;
	acceptsSuggestions: boolean;
	acceptsVotes: boolean;
	opensAt: string | null;
	closesAt: string | null;
	voteLimit: number | null;
}

export interface SuggestionCardView {
	id: number;
	title: string;
	path: string;
	status: SuggestionStatus;
	votes: number;
	comments: number;
	placeName: string | null;
	location: { lat: number; lng: number } | null;
	themeName: string | null;
	publishedAt: string;
	/** Metres from the place asked for, when the list is "near". */
	distanceMetres: number | null;
	/** Whether the person looking supports it; null for a visitor. */
	voted: boolean | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentBrowseOpportunity(o: SuggestionOpportunity, now: Date): BrowseOpportunityView {
	return {
		id: o.id,
		title: o.title,
		howToHtml: renderMarkdown(o.howTo ?? ''),
		actionTitle: o.actionTitle,
		actionPath: actionPath(o.municipalitySlug, o.actionId, o.actionSlug),
		path: o.path,
		newPath: `${o.path}/nieuw`,
		isPublic: o.publicAction,
		open: o.open,
		upcoming: Boolean(o.opensAt && o.opensAt > now),
		acceptsSuggestions: o.acceptsSuggestions,
		acceptsVotes: o.acceptsVotes,
		opensAt: iso(o.opensAt),
		closesAt: iso(o.closesAt),
		voteLimit: o.voteLimit
	};
}

export function presentSuggestionCard(
	row: ListedSuggestionRow,
	municipalitySlug: string,
	voted: boolean | null
): SuggestionCardView {
	return {
		id: row.id,
		title: row.title,
		path: suggestionPath(municipalitySlug, row),
		status: row.status,
		votes: row.voteCount,
		comments: row.commentCount,
		placeName: row.placeName,
		location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
		themeName: row.themeName,
		publishedAt: row.publishedAt.toISOString(),
		distanceMetres: row.distance === null ? null : Math.round(row.distance),
		voted
	};
}

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export interface SuggestionListItemApi {
	id: number;
	title: string;
	status: SuggestionStatus;
	votes: number;
	comments: number;
	placeName: string | null;
	location: { lat: number; lng: number } | null;
	theme: string | null;
	publishedAt: string;
	/** Its last change, as the sync (`updated_since`) and Last-Modified count it. */
	updatedAt: string;
	url: string;
	api: string;
}

export function presentSuggestionListItemApi(
	row: ListedSuggestionRow,
	municipalitySlug: string,
	origin: string
): SuggestionListItemApi {
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		votes: row.voteCount,
		comments: row.commentCount,
		placeName: row.placeName,
		location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
		theme: row.themeSlug,
		publishedAt: row.publishedAt.toISOString(),
		updatedAt: row.updatedAt.toISOString(),
		url: `${origin}${suggestionPath(municipalitySlug, row)}`,
		api: `${origin}/api/v1/suggestions/${row.id}`
	};
}

export interface PointRow {
	id: number;
	slug: string;
	title: string;
	status: SuggestionStatus;
	placeName: string | null;
	lat: number;
	lng: number;
	voteCount: number;
	commentCount: number;
}

export interface SuggestionFeature {
	type: 'Feature';
	id: number;
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: {
		id: number;
		title: string;
		status: SuggestionStatus;
		votes: number;
		comments: number;
		placeName: string | null;
		url: string;
	};
}

export interface SuggestionFeatureCollection {
	type: 'FeatureCollection';
	features: SuggestionFeature[];
	/** True when more suggestions matched than one answer holds (narrow with bbox=). */
	truncated: boolean;
}

export function presentFeature(row: PointRow, municipalitySlug: string, origin: string): SuggestionFeature {
	return {
		type: 'Feature',
		id: row.id,
		// GeoJSON is longitude first (RFC 7946).
		geometry: { type: 'Point', coordinates: [Number(row.lng), Number(row.lat)] },
		properties: {
			id: row.id,
			title: row.title,
			status: row.status,
			votes: row.voteCount,
			comments: row.commentCount,
			placeName: row.placeName,
			url: `${origin}${suggestionPath(municipalitySlug, row)}`
		}
	};
}

/** One suggestion of a cluster that zooming can no longer part: what its popup lists. */
export interface ClusterMemberApi {
	id: number;
	title: string;
	status: SuggestionStatus;
	votes: number;
	/** The suggestion's page, relative to the site. */
	path: string;
}

export type ClusterApi =
	| {
			type: 'cluster';
			count: number;
			lat: number;
			lng: number;
			/** From the map's closest zoom (MAP_MAX_ZOOM) on: its suggestions, the most supported first. */
			members?: ClusterMemberApi[];
	  }
	| {
			type: 'point';
			count: 1;
			lat: number;
			lng: number;
			id: number;
			title: string;
			status: SuggestionStatus;
			votes: number;
			/** The suggestion's page, relative to the site. */
			path: string;
	  };

export interface ClustersApi {
	zoom: number;
	/** The grid's cell size in Web Mercator units ([0, 1] for the world). */
	cellSize: number;
	/** Listed suggestions with a place in the box. */
	total: number;
	/** True when the box held more cells than one answer gives (the fullest are given). */
	truncated: boolean;
	data: ClusterApi[];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export function presentClusterMember(row: ClusterMemberRow, municipalitySlug: string): ClusterMemberApi {
	return {
		id: row.id,
		title: row.title,
		status: row.status,
		votes: row.voteCount,
		path: suggestionPath(municipalitySlug, { id: row.id, slug: row.slug })
	};
}

/** A cell of the grid; `members` (from the map's closest zoom on) are the suggestions of its cluster. */
export function presentCluster(
	row: ClusterRow,
	municipalitySlug: string,
	members?: readonly ClusterMemberRow[]
): ClusterApi {
	if (row.count === 1 && row.id !== null && row.slug !== null && row.title !== null && row.status !== null)
		return {
			type: 'point',
			count: 1,
			lat: round6(row.lat),
			lng: round6(row.lng),
			id: row.id,
			title: row.title,
			status: row.status,
			votes: row.voteCount ?? 0,
			path: suggestionPath(municipalitySlug, { id: row.id, slug: row.slug })
		};
	const cluster = { type: 'cluster' as const, count: row.count, lat: round6(row.lat), lng: round6(row.lng) };
	return members
		? { ...cluster, members: members.map((m) => presentClusterMember(m, municipalitySlug)) }
		: cluster;
}

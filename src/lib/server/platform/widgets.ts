// Widgets: small server-rendered views of a municipality's content that other sites embed (an iframe, or the
// platform's script rendering the same HTML into a shadow root). Features bring their widgets in their manifest
// (`widgets`); this file holds what every widget shares: the content's shape, the options a widget reads, the
// links into the platform with their utm tags, and the headers of a widget response (its own content security
// policy, frame-ancestors and CORS from the sites the municipality allows, no cookies).
import { createHash } from 'node:crypto';
import type { MessageKey } from '$lib/i18n';
import type { LadderRung } from '$lib/domain/ladder';
import type { TenantCtx } from './context';

/** The options a widget may read; each part lists the ones it uses. */
export const WIDGET_OPTIONS = ['theme', 'rung', 'action', 'opportunity'] as const;
export type WidgetOptionName = (typeof WIDGET_OPTIONS)[number];

/** Their names in a widget's address (Dutch, like every address of the platform). */
export const WIDGET_PARAMS = {
	theme: 'thema',
	rung: 'trede',
	action: 'actie',
	opportunity: 'kans',
	limit: 'aantal',
	color: 'kleur',
	accent: 'accent',
	host: 'site',
	embed: 'inbedding'
} as const;

export const WIDGET_LIMIT_DEFAULT = 5;
export const WIDGET_LIMIT_MAX = 10;

export interface WidgetOptions {
	/** A theme's slug. */
	theme?: string;
	rung?: LadderRung;
	/** An action's id (its slug is not needed: the widget links to the action's own address). */
	action?: number;
	opportunity?: number;
	/** How many items a list shows. */
	limit: number;
}

/** One thing a widget lists: its title links to its page, lines say what it is, a call to action may follow. */
export interface WidgetItem {
	title: string;
	/** Its page on the platform, from the site's root. */
	path: string;
	/** Short lines under the title (when, where, which action); plain text. */
	lines: string[];
	/** A short text (a summary); plain text, may be empty. */
	text: string;
	/** The one next step; `login` when it asks the person to log in (it opens the platform in a new tab). */
	cta: { label: string; path: string; login: boolean } | null;
}

/** What a widget shows: a heading, its items and a link to more on the platform. */
export interface WidgetContent {
	title: string;
	intro: string | null;
	/** Short lines under the heading (where an action stands, how many suggestions); plain text. */
	lines: string[];
	items: WidgetItem[];
	/** Shown when there are no items. */
	empty: string;
	more: { label: string; path: string } | null;
	/** A map drawn on the server (SVG, no script) above the list; its points are items of the list. */
	map?: WidgetMap | null;
}

/**
 * A widget's map: an outline and numbered points in the drawing's units (see platform/geo/sketch.ts). A point's
 * `item` is the index of its item in the list, which numbers them the same and stays the accessible alternative.
 */
export interface WidgetMap {
	/** The map's accessible name. */
	label: string;
	width: number;
	height: number;
	outline: string | null;
	points: { item: number; x: number; y: number }[];
	/** A line under the map: how many suggestions it does not draw, or that it has none; null when all are drawn. */
	note: string | null;
}

/** A choice the back office's gallery offers for an option (a theme, an action, a map). */
export interface WidgetChoice {
	value: string;
	label: string;
}

/**
 * A feature's widget. `kind` is its name in the address (`/{municipality}/widget/{kind}`), unique in the registry.
 * `load` reads only what everyone may see (a widget is shown to anyone, without a session) and throws
 * `not_found` for an option that names nothing public of this municipality.
 */
export interface WidgetPart {
	kind: string;
	/** Its name and a line about it in the gallery. */
	label: MessageKey;
	description: MessageKey;
	/** The options it reads, and those it cannot do without. */
	options: readonly WidgetOptionName[];
	required?: readonly WidgetOptionName[];
	load(ctx: TenantCtx, options: WidgetOptions): Promise<WidgetContent>;
	/** The gallery's choices for its options (the public actions, the maps); options without choices are typed. */
	choices?(ctx: TenantCtx): Promise<Partial<Record<WidgetOptionName, WidgetChoice[]>>>;
	/**
	 * For oEmbed: when a page of the platform (its path after `/{municipality}/`) is what this widget shows, the
	 * options that show it.
	 */
	oembed?(rest: string): Partial<WidgetOptions> | null;
}

/** How a widget is embedded: it goes into the utm tags (utm_medium), so the channel's report can tell them apart. */
export type WidgetEmbedding = 'iframe' | 'script';

/** The channel of a link from a widget: utm_source=widget (accounts' first channel), the kind of embedding and the host. */
export interface WidgetChannel {
	embedding: WidgetEmbedding;
	/** The host name of the site the widget is on (`www.geel.be`), when known. */
	host: string | null;
}

const HOST_NAME = /^(?=.{1,100}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** A host name as a site names itself (lower case, letters, digits, dots and hyphens); null for anything else. */
export function parseHostName(value: string | null | undefined): string | null {
	const host = value?.trim().toLowerCase() ?? '';
	return HOST_NAME.test(host) ? host : null;
}

/**
 * A link from a widget into the platform: the page with `utm_source=widget` (what the accounts feature records as
 * a person's first channel), `utm_medium` the embedding and `utm_campaign` the host's name.
 */
export function widgetHref(origin: string, path: string, channel: WidgetChannel): string {
	const url = new URL(path, origin);
	url.searchParams.set('utm_source', 'widget');
	url.searchParams.set('utm_medium', channel.embedding);
	if (channel.host) url.searchParams.set('utm_campaign', channel.host);
	return url.href;
}

// ---------------------------------------------------------------------------------------------
// The sites allowed to embed a municipality's widgets
// ---------------------------------------------------------------------------------------------

/**
 * An origin a municipality may allow: https (http only for localhost and 127.0.0.1, for a test page), a host
 * name, an optional port, nothing else (no path, query, user or wildcard). Returns it in its normal form
 * (`https://www.geel.be`), or null.
 */
export function normalizeOrigin(value: string): string | null {
	const text = value.trim();
	if (text.length === 0 || text.length > 200) return null;
	if (!/^https?:\/\/[^\s/?#@*\\]+\/?$/i.test(text)) return null;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return null;
	}
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return null;
	if (!local && !HOST_NAME.test(url.hostname)) return null;
	if (!local && !url.hostname.includes('.')) return null;
	return url.origin;
}

/** The frame-ancestors of a municipality's widgets: the platform itself (the gallery's preview) and its sites. */
export function widgetFrameAncestors(origins: readonly string[]): string {
	return ["'self'", ...origins].join(' ');
}

// ---------------------------------------------------------------------------------------------
// The response
// ---------------------------------------------------------------------------------------------

/**
 * The script of an iframe widget: it tells the page around it how tall it is (postMessage), whenever that
 * changes. Only a number leaves the frame, so any parent may hear it. Without scripts the frame keeps the
 * height the snippet gives it and scrolls.
 */
export const RESIZE_SCRIPT =
	"(function(){if(window.parent===window)return;var last=0;function tell(){var h=Math.ceil(document.documentElement.getBoundingClientRect().height);if(h!==last){last=h;window.parent.postMessage({meedoen:'widget-height',height:h},'*');}}window.addEventListener('load',tell);if('ResizeObserver'in window)new ResizeObserver(tell).observe(document.documentElement);tell();})();";

const RESIZE_HASH = `'sha256-${createHash('sha256').update(RESIZE_SCRIPT).digest('base64')}'`;

/**
 * The content security policy of a widget document (frame-ancestors and form-action are added by the hook, as on
 * every response): nothing but its own inline style, images of the platform and the resize script.
 */
export const WIDGET_CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; script-src ${RESIZE_HASH}; base-uri 'none'`;

/**
 * Widget addresses: the widgets, the script and the oEmbed endpoint. They never set a cookie and never read a
 * session.
 */
export function isWidgetPath(pathname: string): boolean {
	return (
		/^\/[a-z0-9-]+\/widget\/[^/]+$/.test(pathname) || pathname === '/oembed' || pathname === '/widget.js'
	);
}

/**
 * The headers of a widget answer. An iframe document gets its policy; a fragment for the script gets CORS for an
 * allowed origin only (a fetch from any other site is refused by the browser, and by the route with 403).
 */
export function widgetHeaders(input: {
	embedding: WidgetEmbedding;
	requestOrigin: string | null;
	allowed: readonly string[];
}): Record<string, string> {
	const headers: Record<string, string> = {
		'content-type': 'text/html; charset=utf-8',
		// Short: a change on the platform shows on the municipality's site within minutes.
		'cache-control': 'public, max-age=60',
		vary: 'Origin'
	};
	if (input.embedding === 'iframe') headers['content-security-policy'] = WIDGET_CSP;
	if (input.requestOrigin && input.allowed.includes(input.requestOrigin)) {
		headers['access-control-allow-origin'] = input.requestOrigin;
	}
	return headers;
}

/** Whether a request from this Origin (a script's fetch; null for an iframe or a link) may be answered. */
export function originAllowed(
	requestOrigin: string | null,
	ownOrigin: string,
	allowed: readonly string[]
): boolean {
	return requestOrigin === null || requestOrigin === ownOrigin || allowed.includes(requestOrigin);
}

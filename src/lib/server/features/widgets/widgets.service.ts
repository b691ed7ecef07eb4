// Use cases of the widgets: a widget as another site shows it (public, no session), the back office's gallery
// (pick, options, preview, snippets), the sites a municipality allows to embed it, and oEmbed.
import type { Ctx, TenantCtx } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { cached } from '$lib/server/platform/cache';
import { writeAudit } from '$lib/server/platform/audit';
import { abilitiesHere, authorizeMunicipality } from '$lib/server/platform/backoffice';
import { validateInput, type RawInput } from '$lib/server/platform/validation';
import type { FieldErrors } from '$lib/server/platform/errors';
import { readableTextOn, contrastRatio } from '$lib/domain/colors';
import { LADDER_RUNGS, rungLevel } from '$lib/domain/ladder';
import { translate } from '$lib/i18n';
import type { Features } from '$lib/server/platform/feature';
import {
	widgetHref,
	WIDGET_LIMIT_DEFAULT,
	WIDGET_PARAMS as P,
	type WidgetChannel,
	type WidgetChoice,
	type WidgetContent,
	type WidgetEmbedding,
	type WidgetMap,
	type WidgetOptionName,
	type WidgetPart
} from '$lib/server/platform/widgets';
import { resolveMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import { listWidgetOrigins, replaceWidgetOrigins } from './widgets.queries';
import {
	gallerySchema,
	originsSchema,
	parseWidgetQuery,
	WIDGET_HEIGHTS,
	type WidgetHeight
} from './widgets.schemas';
import { WIDGET_SCRIPT_BYTES } from './widgets.script';
import './widgets.audit';

/** The colours a widget wears: the municipality's (or the snippet's), each with its readable text colour. */
export interface WidgetLook {
	primary: string;
	primaryText: string;
	accent: string;
	accentText: string;
	/** Links on the widget's white background: the primary colour when it reads well there, else near-black. */
	link: string;
}

export interface WidgetViewItem {
	title: string;
	href: string;
	lines: string[];
	text: string;
	cta: { label: string; href: string; login: boolean } | null;
}

/** A widget, presented: every link absolute, into the platform, with its utm tags. */
export interface WidgetView {
	kind: string;
	municipalityName: string;
	homeHref: string;
	title: string;
	intro: string | null;
	lines: string[];
	items: WidgetViewItem[];
	empty: string;
	more: { label: string; href: string } | null;
	/** The map above the list (its points link where their items do), or null. */
	map: WidgetMap | null;
	look: WidgetLook;
}

function partsOf(features: Features): WidgetPart[] {
	return features.flatMap((f) => f.widgets ?? []);
}

/** The sites allowed to embed the municipality's widgets; the same for everyone, from the read cache. */
export function widgetOriginsOf(ctx: TenantCtx): Promise<string[]> {
	return cached(ctx.cache, `widget-origins:${ctx.tenant.id}`, () =>
		listWidgetOrigins(ctx.db, { municipalityId: ctx.tenant.id })
	);
}

function lookOf(
	branding: { primaryColor: string; accentColor: string },
	colors: { primary: string | null; accent: string | null }
): WidgetLook {
	const primary = colors.primary ?? branding.primaryColor;
	const accent = colors.accent ?? branding.accentColor;
	return {
		primary,
		primaryText: readableTextOn(primary),
		accent,
		accentText: readableTextOn(accent),
		link: contrastRatio(primary, '#ffffff') >= 4.5 ? primary : '#1a1a1a'
	};
}

function present(
	kind: string,
	content: WidgetContent,
	input: { origin: string; slug: string; municipalityName: string; look: WidgetLook; channel: WidgetChannel }
): WidgetView {
	const href = (path: string) => widgetHref(input.origin, path, input.channel);
	return {
		kind,
		municipalityName: input.municipalityName,
		homeHref: href(`/${input.slug}`),
		title: content.title,
		intro: content.intro,
		lines: content.lines,
		items: content.items.map((item) => ({
			title: item.title,
			href: href(item.path),
			lines: item.lines,
			text: item.text,
			cta: item.cta && { label: item.cta.label, href: href(item.cta.path), login: item.cta.login }
		})),
		empty: content.empty,
		more: content.more && { label: content.more.label, href: href(content.more.path) },
		map: content.map ?? null,
		look: input.look
	};
}

/**
 * A widget of the municipality in ctx, as another site shows it. Not found for an unknown kind, a municipality
 * that does not take part, or an option that names nothing public here. A script's fetch (`requestOrigin`) from
 * a site that is not allowed is refused (forbidden) before anything is read.
 */
export async function getWidget(
	ctx: TenantCtx,
	input: { kind: string; query: URLSearchParams; origin: string; requestOrigin: string | null }
): Promise<{ view: WidgetView; allowed: string[]; embedding: WidgetEmbedding }> {
	const part = partsOf(ctx.features).find((p) => p.kind === input.kind);
	if (!part) throw new AppError('not_found');
	const allowed = await widgetOriginsOf(ctx);
	if (
		input.requestOrigin !== null &&
		input.requestOrigin !== input.origin &&
		!allowed.includes(input.requestOrigin)
	)
		throw new AppError('forbidden', { message: 'widgets.refused' });
	const resolved = await resolveMunicipality(ctx, { unverifiedSlug: ctx.tenant.slug });
	if (!resolved?.municipality.participating) throw new AppError('not_found');
	const query = parseWidgetQuery(input.query);
	for (const name of part.required ?? [])
		if (query.options[name] === undefined) throw new AppError('not_found');
	const content = await part.load(ctx, query.options);
	const view = present(part.kind, content, {
		origin: input.origin,
		slug: ctx.tenant.slug,
		municipalityName: resolved.municipality.name,
		look: lookOf(resolved.municipality.branding, query.colors),
		channel: { embedding: query.embedding, host: query.host }
	});
	return { view, allowed, embedding: query.embedding };
}

// ---------------------------------------------------------------------------------------------
// Snippets
// ---------------------------------------------------------------------------------------------

const escapeAttr = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface WidgetSnippets {
	/** The widget's address with its options (what the iframe shows, what the script fetches). */
	src: string;
	iframe: string;
	script: string;
	height: number;
}

/**
 * The two snippets of a widget. The iframe has a fixed height that works without scripts (it scrolls), and a
 * few lines that follow the height the widget reports (postMessage, only from the platform's origin). The script
 * snippet is an element with a plain link inside (what a visitor sees when scripts are off or the site is not
 * allowed) and the platform's `widget.js`, which renders the widget into the element's shadow root.
 */
export function widgetSnippets(input: {
	origin: string;
	slug: string;
	kind: string;
	params: URLSearchParams;
	height: number;
	title: string;
	fallback: string;
	host: string | null;
}): WidgetSnippets {
	const url = new URL(`/${input.slug}/widget/${input.kind}`, input.origin);
	for (const [k, v] of input.params) url.searchParams.set(k, v);
	const src = url.href;
	const home = widgetHref(input.origin, `/${input.slug}`, { embedding: 'script', host: input.host });
	const listener =
		`<script>addEventListener("message",function(e){if(e.origin!==${JSON.stringify(input.origin)}||!e.data||e.data.meedoen!=="widget-height")return;` +
		`document.querySelectorAll("iframe[data-meedoen-frame]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px"})});</script>`;
	const iframe =
		`<iframe src="${escapeAttr(src)}" title="${escapeAttr(input.title)}" data-meedoen-frame ` +
		`style="width:100%;height:${input.height}px;border:0" loading="lazy"></iframe>\n${listener}`;
	const script =
		`<div data-meedoen-widget="${escapeAttr(src)}"><a href="${escapeAttr(home)}">${escapeAttr(input.fallback)}</a></div>\n` +
		`<script src="${escapeAttr(new URL('/widget.js', input.origin).href)}" async></script>`;
	return { src, iframe, script, height: input.height };
}

// ---------------------------------------------------------------------------------------------
// The back office's gallery
// ---------------------------------------------------------------------------------------------

export interface GalleryWidget {
	kind: string;
	label: string;
	description: string;
	options: WidgetOptionName[];
	required: WidgetOptionName[];
}

export interface WidgetGallery {
	municipalityName: string;
	widgets: GalleryWidget[];
	/** The chosen widget, its choices per option, and (when the choice is complete and valid) preview and snippets. */
	chosen: GalleryWidget | null;
	choices: Partial<Record<WidgetOptionName, WidgetChoice[]>>;
	rungs: WidgetChoice[];
	/** What the form holds, as typed (kept on a refusal). */
	values: Record<string, string>;
	fields: FieldErrors;
	defaults: { primary: string; accent: string };
	heights: { value: WidgetHeight; label: string; px: number }[];
	preview: { src: string; height: number; title: string } | null;
	snippets: WidgetSnippets | null;
	origins: string[];
	/** The allowed sites' host names, for the "site" choice (the host's name in the links' utm tags). */
	sites: string[];
	canManageOrigins: boolean;
	/** The size of `/widget.js`, as the gallery states it. */
	scriptBytes: number;
}

/**
 * The gallery (`/{m}/beheer/widgets`): a GET form, so the preview re-renders without JavaScript. Whoever
 * communicates for the municipality may use it; changing the allowed sites needs `settings.manage`.
 */
export async function getWidgetGallery(
	ctx: TenantCtx,
	input: { query: URLSearchParams; origin: string }
): Promise<WidgetGallery> {
	const scope = await authorizeMunicipality(ctx, 'content.communicate');
	const abilities = await abilitiesHere(ctx);
	const resolved = await resolveMunicipality(ctx, { unverifiedSlug: ctx.tenant.slug });
	if (!resolved) throw new AppError('not_found');
	const branding = resolved.municipality.branding;
	const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
		translate(ctx.locale, key, params);
	const parts = partsOf(ctx.features);
	const widgets: GalleryWidget[] = parts.map((p) => ({
		kind: p.kind,
		label: t(p.label),
		description: t(p.description),
		options: [...p.options],
		required: [...(p.required ?? [])]
	}));
	const origins = await widgetOriginsOf(ctx);
	const sites = origins.map((o) => new URL(o).hostname);

	const values: Record<string, string> = {};
	for (const key of Object.keys(gallerySchema.shape)) {
		const v = input.query.get(key);
		if (v !== null) values[key] = v.slice(0, 200);
	}
	let fields: FieldErrors = {};
	let parsed: ReturnType<typeof gallerySchema.parse> | null = null;
	try {
		parsed = validateInput(gallerySchema, values);
	} catch (err) {
		if (!(err instanceof AppError) || !err.options.fields) throw err;
		fields = err.options.fields;
	}
	const kind = values.soort;
	const chosenPart = kind ? parts.find((p) => p.kind === kind) : undefined;
	if (kind && !chosenPart) fields = { ...fields, soort: ['widgets.gallery.kindUnknown'] };
	const chosen = chosenPart ? widgets.find((w) => w.kind === chosenPart.kind)! : null;
	const choices = chosenPart?.choices ? await chosenPart.choices(ctx) : {};

	let preview: WidgetGallery['preview'] = null;
	let snippets: WidgetSnippets | null = null;
	if (chosenPart && chosen && parsed) {
		// A choice must be one the gallery offers (a public action, an open map, a theme of the municipality).
		const problems: FieldErrors = {};
		const offered = (name: WidgetOptionName, value: string | undefined) =>
			value === undefined || (choices[name] ?? []).some((c) => c.value === value);
		const param = { theme: 'thema', rung: 'trede', action: 'actie', opportunity: 'kans' } as const;
		for (const name of chosenPart.options) {
			const value = parsed[param[name]] as string | undefined;
			if (name !== 'rung' && !offered(name, value))
				problems[param[name]] = [`widgets.gallery.${name}Unknown` as const];
			if ((chosenPart.required ?? []).includes(name) && value === undefined)
				problems[param[name]] = [`widgets.gallery.${name}Required` as const];
		}
		if (parsed.site !== undefined && !sites.includes(parsed.site))
			problems.site = ['widgets.gallery.siteUnknown'];
		fields = { ...fields, ...problems };
		if (Object.keys(problems).length === 0) {
			const params = new URLSearchParams();
			for (const name of chosenPart.options) {
				const value = parsed[param[name]] as string | undefined;
				if (value !== undefined) params.set(P[name], value);
			}
			if (parsed.aantal !== undefined && parsed.aantal !== WIDGET_LIMIT_DEFAULT)
				params.set(P.limit, String(parsed.aantal));
			if (parsed.kleur && parsed.kleur !== branding.primaryColor) params.set(P.color, parsed.kleur);
			if (parsed.accent && parsed.accent !== branding.accentColor) params.set(P.accent, parsed.accent);
			const host = parsed.site ?? sites[0] ?? null;
			if (host) params.set(P.host, host);
			const height = WIDGET_HEIGHTS[parsed.grootte ?? 'middel'];
			const title = t('widgets.frameTitle', { widget: chosen.label, municipality: scope.municipality.name });
			snippets = widgetSnippets({
				origin: input.origin,
				slug: ctx.tenant.slug,
				kind: chosenPart.kind,
				params,
				height,
				title,
				fallback: t('widgets.fallback', { municipality: scope.municipality.name }),
				host
			});
			preview = { src: snippets.src, height, title };
		}
	}
	return {
		municipalityName: scope.municipality.name,
		widgets,
		chosen,
		choices,
		rungs: LADDER_RUNGS.map((r) => ({ value: String(rungLevel(r)), label: t(`ladder.${r}.plain`) })),
		values,
		fields,
		defaults: { primary: branding.primaryColor, accent: branding.accentColor },
		heights: (Object.keys(WIDGET_HEIGHTS) as WidgetHeight[]).map((h) => ({
			value: h,
			label: t(`widgets.gallery.sizes.${h}`),
			px: WIDGET_HEIGHTS[h]
		})),
		preview,
		snippets,
		origins,
		sites,
		canManageOrigins: Boolean(abilities?.has('settings.manage')),
		scriptBytes: WIDGET_SCRIPT_BYTES
	};
}

/** Replaces the list of sites allowed to embed the municipality (one per line in the gallery's form). */
export async function saveWidgetOrigins(
	ctx: TenantCtx,
	input: RawInput<typeof originsSchema>
): Promise<{ origins: string[] }> {
	const scope = await authorizeMunicipality(ctx, 'settings.manage');
	const { origins } = validateInput(originsSchema, input);
	await ctx.db.transaction(async (tx) => {
		const before = await listWidgetOrigins(tx, { municipalityId: scope.municipality.id });
		if (before.join(' ') === origins.join(' ')) return;
		await replaceWidgetOrigins(tx, { municipalityId: scope.municipality.id, origins });
		await writeAudit(tx, {
			regionId: scope.municipality.regionId,
			municipalityId: scope.municipality.id,
			actor: { userId: scope.actor.userId, displayName: scope.actor.displayName },
			action: 'widgets.origins_updated',
			subject: { id: scope.municipality.id, name: scope.municipality.name },
			details: {
				added: origins.filter((o) => !before.includes(o)),
				removed: before.filter((o) => !origins.includes(o))
			}
		});
	});
	return { origins };
}

// ---------------------------------------------------------------------------------------------
// oEmbed
// ---------------------------------------------------------------------------------------------

export interface OembedAnswer {
	version: '1.0';
	type: 'rich';
	provider_name: string;
	provider_url: string;
	title: string;
	html: string;
	width: number;
	height: number;
}

/**
 * oEmbed (https://oembed.com) for a page of the platform that a widget shows: an action's page, an opportunity's
 * map. Anything else, another site's address or a page that is not public is not found. The answer is the iframe
 * snippet; the frame itself still only shows on the sites the municipality allows.
 */
export async function getOembed(
	ctx: Ctx,
	input: { url: string; origin: string; maxwidth?: number; maxheight?: number }
): Promise<OembedAnswer> {
	let url: URL;
	try {
		url = new URL(input.url);
	} catch {
		throw new AppError('not_found');
	}
	if (url.origin !== input.origin || input.url.length > 500) throw new AppError('not_found');
	const match = /^\/([a-z0-9-]{1,80})\/(.+?)\/?$/.exec(url.pathname);
	if (!match) throw new AppError('not_found');
	const resolved = await resolveMunicipality(ctx, { unverifiedSlug: match[1]! });
	if (!resolved) throw new AppError('not_found');
	const tenantCtx: TenantCtx = { ...ctx, tenant: resolved.tenant };
	for (const part of partsOf(ctx.features)) {
		const options = part.oembed?.(match[2]!);
		if (!options) continue;
		const params = new URLSearchParams();
		for (const name of part.options) {
			const value = options[name];
			if (value !== undefined) params.set(P[name], String(value));
		}
		const { view } = await getWidget(tenantCtx, {
			kind: part.kind,
			query: params,
			origin: input.origin,
			requestOrigin: null
		});
		const height = Math.min(input.maxheight ?? WIDGET_HEIGHTS.middel, WIDGET_HEIGHTS.groot);
		const width = Math.min(input.maxwidth ?? 600, 1200);
		const title = translate(ctx.locale, 'widgets.frameTitle', {
			widget: view.title,
			municipality: resolved.municipality.name
		});
		const snippets = widgetSnippets({
			origin: input.origin,
			slug: resolved.tenant.slug,
			kind: part.kind,
			params,
			height,
			title,
			fallback: view.title,
			host: null
		});
		return {
			version: '1.0',
			type: 'rich',
			provider_name: translate(ctx.locale, 'app.name'),
			provider_url: input.origin,
			title: view.title,
			html: snippets.iframe,
			width,
			height
		};
	}
	throw new AppError('not_found');
}

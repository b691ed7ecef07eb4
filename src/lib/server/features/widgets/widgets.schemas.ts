// What the widgets accept: the options in a widget's address (lenient: a stale or edited snippet still shows the
// widget, an unusable value is left out), the gallery's choices (strict: a Dutch message beside the field) and
// the sites a municipality allows to embed it.
import { z } from 'zod';
import { contrastRatio, isHexColor } from '$lib/domain/colors';
import { LADDER_RUNGS, type LadderRung } from '$lib/domain/ladder';
import { isSlug } from '$lib/domain/slugs';
import { parseId, parseSluggedId } from '$lib/domain/ids';
import {
	normalizeOrigin,
	parseHostName,
	WIDGET_LIMIT_DEFAULT,
	WIDGET_LIMIT_MAX,
	WIDGET_PARAMS as P,
	type WidgetEmbedding,
	type WidgetOptions
} from '$lib/server/platform/widgets';

/** At most this many sites may embed one municipality (a header stays small). */
export const ORIGINS_MAX = 20;
/** What the sites' field takes at most, whatever is typed in it. */
export const ORIGINS_TEXT_MAX = 5_000;

/** A colour a widget may wear: #rrggbb that carries black or white text at 4.5:1 (WCAG AA). */
export function readableColor(value: string | null | undefined): string | null {
	const hex = value?.trim().toLowerCase() ?? '';
	if (!isHexColor(hex)) return null;
	return Math.max(contrastRatio(hex, '#ffffff'), contrastRatio(hex, '#111111')) >= 4.5 ? hex : null;
}

export function parseRungLevel(value: string | null | undefined): LadderRung | undefined {
	return value && /^[1-6]$/.test(value) ? LADDER_RUNGS[Number(value) - 1] : undefined;
}

export interface WidgetQuery {
	options: WidgetOptions;
	colors: { primary: string | null; accent: string | null };
	host: string | null;
	embedding: WidgetEmbedding;
}

/** A widget's address, read leniently. */
export function parseWidgetQuery(params: URLSearchParams): WidgetQuery {
	const theme = params.get(P.theme);
	const action = parseSluggedId(params.get(P.action) ?? '');
	const opportunity = parseId(params.get(P.opportunity) ?? '');
	const limit = Number(params.get(P.limit));
	return {
		options: {
			theme: theme && isSlug(theme) ? theme : undefined,
			rung: parseRungLevel(params.get(P.rung)),
			action: action?.id,
			opportunity: opportunity ?? undefined,
			limit: Number.isInteger(limit) && limit >= 1 && limit <= WIDGET_LIMIT_MAX ? limit : WIDGET_LIMIT_DEFAULT
		},
		colors: { primary: readableColor(params.get(P.color)), accent: readableColor(params.get(P.accent)) },
		host: parseHostName(params.get(P.host)),
		embedding: params.get(P.embed) === 'script' ? 'script' : 'iframe'
	};
}

/** The sizes the gallery offers: the iframe's height without scripts (with them it follows its content). */
export const WIDGET_HEIGHTS = { klein: 360, middel: 520, groot: 720 } as const;
export type WidgetHeight = keyof typeof WIDGET_HEIGHTS;

const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : v), schema.optional());

const color = z
	.string()
	.max(7, { error: 'widgets.gallery.colorFormat' })
	.refine((v) => isHexColor(v.trim().toLowerCase()), { error: 'widgets.gallery.colorFormat', abort: true })
	.refine((v) => readableColor(v) !== null, { error: 'widgets.gallery.colorContrast' })
	.transform((v) => v.trim().toLowerCase());

/** The gallery's form (a GET): which widget, its options, its size and colours, and the site it goes on. */
export const gallerySchema = z.object({
	soort: optional(z.string().max(40, { error: 'widgets.gallery.kindUnknown' })),
	thema: optional(
		z
			.string()
			.max(80, { error: 'widgets.gallery.themeUnknown' })
			.refine(isSlug, { error: 'widgets.gallery.themeUnknown' })
	),
	trede: optional(z.string().regex(/^[1-6]$/, { error: 'widgets.gallery.rungUnknown' })),
	actie: optional(z.string().regex(/^\d{1,9}$/, { error: 'widgets.gallery.actionUnknown' })),
	kans: optional(z.string().regex(/^\d{1,9}$/, { error: 'widgets.gallery.opportunityUnknown' })),
	aantal: optional(
		z.coerce
			.number({ error: 'widgets.gallery.limitRange' })
			.int({ error: 'widgets.gallery.limitRange' })
			.min(1, { error: 'widgets.gallery.limitRange' })
			.max(WIDGET_LIMIT_MAX, { error: 'widgets.gallery.limitRange' })
	),
	grootte: optional(z.enum(['klein', 'middel', 'groot'], { error: 'widgets.gallery.sizeUnknown' })),
	kleur: optional(color),
	accent: optional(color),
	site: optional(z.string().max(200, { error: 'widgets.gallery.siteUnknown' }))
});

/**
 * The sites' field: origins separated by line breaks, spaces or commas; each one https (http only for localhost),
 * a host and an optional port, nothing more. Duplicates count once; the list is kept sorted.
 */
export const originsSchema = z.object({
	origins: z
		.string({ error: 'widgets.origins.invalid' })
		.max(ORIGINS_TEXT_MAX, { error: 'widgets.origins.tooLong' })
		.transform((text, ctx) => {
			const parts = text.split(/[\s,]+/).filter(Boolean);
			const origins = new Set<string>();
			for (const part of parts) {
				const origin = normalizeOrigin(part);
				if (!origin) {
					ctx.addIssue({ code: 'custom', message: 'widgets.origins.invalid' });
					return z.NEVER;
				}
				origins.add(origin);
			}
			if (origins.size > ORIGINS_MAX) {
				ctx.addIssue({ code: 'custom', message: 'widgets.origins.tooMany' });
				return z.NEVER;
			}
			return [...origins].sort();
		})
});

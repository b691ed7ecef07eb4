// The suggestions' widget: the suggestions of a map opportunity as a list, most supported first, above it a small
// map drawn on the server (SVG in the municipality's outline, the listed suggestions as numbered points that
// link where the list does), and the way to the map itself on the platform (where a place is added and
// supported). No map library reaches the host; the list, numbered the same, stays the accessible alternative.
import { translate, type MessageKey, type Params } from '$lib/i18n';
import type { WidgetPart } from '$lib/server/platform/widgets';
import { AppError } from '$lib/server/platform/errors';
import { loadMunicipalityArea } from '$lib/server/platform/geo/area';
import { sketchMap } from '$lib/server/platform/geo/sketch';
import { listOpenOpportunities } from '$lib/server/features/opportunities/opportunities.service';
import { browseOpportunity } from './suggestions.browse.service';
import { parseBrowseFilters } from './suggestions.browse.schemas';

export const mapWidget: WidgetPart = {
	kind: 'kaart',
	label: 'widgets.map.label',
	description: 'widgets.map.description',
	options: ['opportunity'],
	required: ['opportunity'],
	async load(ctx, options) {
		if (options.opportunity === undefined) throw new AppError('not_found');
		const t = (key: MessageKey, params?: Params) => translate(ctx.locale, key, params);
		const page = await browseOpportunity(ctx, {
			opportunityId: options.opportunity,
			filters: parseBrowseFilters(new URLSearchParams())
		});
		// Without a session only a public action's map is found; a moderator's early look is not for a widget.
		if (!page.opportunity.isPublic) throw new AppError('not_found');
		const o = page.opportunity;
		const listed = page.items.slice(0, options.limit);
		// Only what the list shows is drawn (at most WIDGET_LIMIT_MAX points), each with its number in the list.
		const located = listed.flatMap((s, item) => (s.location ? [{ item, ...s.location }] : []));
		const area = await loadMunicipalityArea(ctx, ctx.tenant.id);
		const sketch = sketchMap({
			boundary: area?.boundary ?? null,
			centre: area?.centre ?? page.center,
			points: located
		});
		const notDrawn = page.total - located.length;
		return {
			map: {
				label: t('widgets.map.mapLabel', { opportunity: o.title, count: located.length }),
				width: sketch.width,
				height: sketch.height,
				outline: sketch.outline,
				points: sketch.points.map((p, i) => ({ item: located[i]!.item, ...p })),
				note:
					page.total === 0
						? t('widgets.map.mapEmpty')
						: notDrawn > 0
							? t('widgets.map.notDrawn', { count: notDrawn })
							: null
			},
			title: o.title,
			intro: o.actionTitle,
			lines: [t('widgets.map.count', { count: page.total })],
			items: listed.map((s) => ({
				title: s.title,
				path: s.path,
				lines: [
					t('widgets.map.votes', { count: s.votes }),
					...(s.placeName ? [s.placeName] : []),
					...(s.themeName ? [s.themeName] : [])
				],
				text: '',
				cta: null
			})),
			empty: t('widgets.map.empty'),
			more: {
				label: o.acceptsSuggestions ? t('widgets.map.suggest') : t('widgets.map.view'),
				path: o.path
			}
		};
	},
	async choices(ctx) {
		const { items } = await listOpenOpportunities(ctx, { limit: 200 });
		return {
			opportunity: items
				.filter((o) => o.kind === 'mapSuggestions')
				.map((o) => ({ value: String(o.id), label: `${o.title} (${o.action.title})` }))
		};
	},
	oembed(rest) {
		const match = /^kansen\/(\d{1,9})$/.exec(rest);
		return match ? { opportunity: Number(match[1]) } : null;
	}
};

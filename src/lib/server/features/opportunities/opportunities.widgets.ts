// The opportunities' widget: the municipality's open ways to take part, of one rung or one theme when asked.
import { formatDate, translate } from '$lib/i18n';
import { rungLevel } from '$lib/domain/ladder';
import type { WidgetPart } from '$lib/server/platform/widgets';
import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import { listOpenOpportunities } from './opportunities.service';

export const waysWidget: WidgetPart = {
	kind: 'meedoen',
	label: 'widgets.ways.label',
	description: 'widgets.ways.description',
	options: ['theme', 'rung'],
	async load(ctx, options) {
		const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
			translate(ctx.locale, key, params);
		const themes = options.theme ? await getMunicipalityThemes(ctx, { participating: true }) : [];
		const theme = options.theme ? themes.find((th) => th.slug === options.theme) : undefined;
		// A theme the municipality does not have (any more) shows nothing rather than everything.
		const found =
			options.theme && !theme
				? null
				: await listOpenOpportunities(ctx, {
						rung: options.rung,
						themeSlug: theme?.slug,
						limit: options.limit
					});
		const items = found?.items ?? [];
		const total = found?.total ?? 0;
		const rung = options.rung ? t(`ladder.${options.rung}.plain`) : null;
		return {
			title: theme ? t('widgets.ways.titleTheme', { theme: theme.name }) : t('widgets.ways.title'),
			intro: rung ? t('widgets.ways.introRung', { rung }) : null,
			lines: [],
			items: items.map((o) => ({
				title: o.title,
				path: o.action.path,
				lines: [
					o.action.title,
					...(o.closesAt ? [t('actions.ladder.closes', { date: formatDate(o.closesAt, ctx.locale) })] : [])
				],
				text: '',
				cta: { label: t(`actions.nextStep.${o.nextStep.kind}`), path: o.nextStep.href, login: true }
			})),
			empty: t('widgets.ways.empty'),
			more:
				items.length > 0
					? {
							label: t('widgets.ways.more', { count: total }),
							path: options.rung
								? `/${ctx.tenant.slug}/acties/trede/${rungLevel(options.rung)}`
								: `/${ctx.tenant.slug}/acties`
						}
					: null
		};
	},
	async choices(ctx) {
		const themes = await getMunicipalityThemes(ctx, { participating: true });
		return { theme: themes.map((th) => ({ value: th.slug, label: th.name })) };
	}
};

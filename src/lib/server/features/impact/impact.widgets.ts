// The impact-figures widget: what citizens of the municipality achieved together, the public indicators only.
import { formatNumber, translate } from '$lib/i18n';
import type { WidgetPart } from '$lib/server/platform/widgets';
import { getPublicImpact } from './impact.service';

export const impactWidget: WidgetPart = {
	kind: 'impact',
	label: 'impact.widget.label',
	description: 'impact.widget.description',
	options: [],
	async load(ctx, options) {
		// The widget shows no trends: no snapshots read.
		const page = await getPublicImpact(ctx, new Date(), { trends: false });
		const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
			translate(ctx.locale, key, params);
		return {
			title: t('impact.widget.title', { municipality: page.name }),
			intro: t('impact.widget.intro'),
			lines: [],
			items: page.rows.slice(0, options.limit).map((r) => ({
				// A figure staff enter and have not entered yet is said so, never shown as 0.
				title: r.now === null ? t('impact.notEntered') : `${formatNumber(r.now, ctx.locale)} ${r.unit}`,
				path: `/${ctx.tenant.slug}/impact#${r.key.replace('.', '-')}`,
				lines: [r.name],
				text:
					r.target !== null ? t('impact.widget.target', { target: formatNumber(r.target, ctx.locale) }) : '',
				cta: null
			})),
			empty: t('impact.widget.empty'),
			more: { label: t('impact.widget.more'), path: `/${ctx.tenant.slug}/impact` }
		};
	}
};

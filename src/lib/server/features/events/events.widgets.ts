// The events' widget: the municipality's upcoming events, soonest first, with the way to register.
import { formatDateTime, translate, type MessageKey, type Params } from '$lib/i18n';
import type { WidgetPart } from '$lib/server/platform/widgets';
import { getMunicipalityThemes } from '$lib/server/features/municipalities/municipalities.service';
import { browseEvents } from './events.browse.service';

export const eventsWidget: WidgetPart = {
	kind: 'activiteiten',
	label: 'widgets.events.label',
	description: 'widgets.events.description',
	options: ['theme'],
	async load(ctx, options) {
		const t = (key: MessageKey, params?: Params) => translate(ctx.locale, key, params);
		const { items } = await browseEvents(ctx, {
			filters: { when: 'upcoming', theme: options.theme },
			participating: true
		});
		return {
			title: t('widgets.events.title'),
			intro: null,
			lines: [],
			items: items.slice(0, options.limit).map((e) => ({
				title: e.title,
				path: e.path,
				lines: [
					formatDateTime(e.startsAt, ctx.locale),
					...(e.status === 'cancelled' ? [t('widgets.events.cancelled')] : []),
					...(e.venueName ? [e.venueName] : e.online ? [t('widgets.events.online')] : []),
					...(e.placesLeft === 0 && e.status !== 'cancelled' ? [t('widgets.events.full')] : [])
				],
				text: '',
				cta: e.registrationOpen
					? { label: t('widgets.events.register'), path: `${e.path}#inschrijven`, login: true }
					: null
			})),
			empty: t('widgets.events.empty'),
			more: { label: t('widgets.events.more'), path: `/${ctx.tenant.slug}/activiteiten` }
		};
	},
	async choices(ctx) {
		const themes = await getMunicipalityThemes(ctx, { participating: true });
		return { theme: themes.map((th) => ({ value: th.slug, label: th.name })) };
	}
};

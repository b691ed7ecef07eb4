// The actions' widget: one action, where it stands and what a person can do now (its call to action).
import { translate, type MessageKey, type Params } from '$lib/i18n';
import type { WidgetPart } from '$lib/server/platform/widgets';
import { AppError } from '$lib/server/platform/errors';
import { getActionPage, listActionChoices } from './actions.service';

export const actionWidget: WidgetPart = {
	kind: 'actie',
	label: 'widgets.action.label',
	description: 'widgets.action.description',
	options: ['action'],
	required: ['action'],
	async load(ctx, options) {
		if (options.action === undefined) throw new AppError('not_found');
		const t = (key: MessageKey, params?: Params) => translate(ctx.locale, key, params);
		// A widget has no session (hooks.server.ts): what everyone sees of a published action, else not found.
		const { action } = await getActionPage(ctx, { id: options.action, slug: '' });
		const open = action.opportunities.filter((o) => o.open && o.nextStep).slice(0, options.limit);
		return {
			title: action.title,
			intro: action.summary || null,
			lines: [
				t('widgets.action.status', { status: t(`actions.status.${action.status}`) }),
				...(action.placeName ? [action.placeName] : [])
			],
			items: open.map((o) => ({
				title: o.title,
				path: action.path,
				lines: [t(`ladder.${o.rung}.plain`)],
				text: '',
				cta: o.nextStep
					? { label: t(`actions.nextStep.${o.nextStep.kind}`), path: o.nextStep.href, login: true }
					: null
			})),
			empty: t('widgets.action.empty'),
			more: { label: t('widgets.action.more'), path: action.path }
		};
	},
	async choices(ctx) {
		const actions = await listActionChoices(ctx.db, {
			municipalityId: ctx.tenant.id,
			municipalitySlug: ctx.tenant.slug
		});
		return { action: actions.map((a) => ({ value: String(a.id), label: a.title })) };
	},
	oembed(rest) {
		const match = /^acties\/(\d{1,9})(?:-[a-z0-9-]*)?$/.exec(rest);
		return match ? { action: Number(match[1]) } : null;
	}
};

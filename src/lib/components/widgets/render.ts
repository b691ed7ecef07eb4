// A widget's HTML: a whole document for an iframe (with the script that reports its height), or the fragment the
// platform's widget.js puts in a shadow root (no script: one inserted that way would not run anyway).
import { render } from 'svelte/server';
import { translate } from '$lib/i18n';
import { RESIZE_SCRIPT, type WidgetEmbedding } from '$lib/server/platform/widgets';
import type { WidgetView } from '$lib/server/features/widgets/widgets.service';
import WidgetViewComponent from './WidgetView.svelte';
import { widgetStyle } from './widget-style';

const escapeText = (value: string) =>
	value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderWidget(view: WidgetView, embedding: WidgetEmbedding): string {
	const body = render(WidgetViewComponent, { props: { view } }).body;
	const style = `<style>${widgetStyle(view.look)}</style>`;
	if (embedding === 'script') return `${style}${body}`;
	const title = translate('nl', 'widgets.frameTitle', {
		widget: view.title,
		municipality: view.municipalityName
	});
	return (
		`<!doctype html><html lang="nl-BE"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<meta name="robots" content="noindex"><title>${escapeText(title)}</title>` +
		`${style}<style>body{margin:0;background:transparent}</style></head>` +
		`<body>${body}<script>${RESIZE_SCRIPT}</script></body></html>`
	);
}

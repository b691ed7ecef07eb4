// The style of a widget, in the municipality's look: one small sheet inlined with the widget (in the iframe's
// document, or in the shadow root the script makes), so the host's styles neither reach it nor are touched.
import type { WidgetLook } from '$lib/server/features/widgets/widgets.service';

const HEX = /^#[0-9a-f]{6}$/i;

/** The sheet; the colours are checked again here, since they end up inside CSS text. */
export function widgetStyle(look: WidgetLook): string {
	const c = (value: string, fallback: string) => (HEX.test(value) ? value : fallback);
	const primary = c(look.primary, '#1f5f3f');
	const primaryText = c(look.primaryText, '#ffffff');
	const accent = c(look.accent, '#f2c94c');
	const accentText = c(look.accentText, '#111111');
	const link = c(look.link, '#1a1a1a');
	// The map's markers wear the link colour (readable on white, so also 3:1 as a graphic), with its text colour.
	const markerText = link.toLowerCase() === primary.toLowerCase() ? primaryText : '#ffffff';
	return `:host{display:block}
.meedoen-widget{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;border:1px solid #767676;border-radius:6px;overflow:hidden;max-width:100%;box-sizing:border-box}
.meedoen-widget *{box-sizing:border-box}
.mw-header{background:${primary};padding:.5rem 1rem}
.mw-brand{color:${primaryText};font-weight:700;text-decoration:none}
.mw-brand:hover,.mw-brand:focus{text-decoration:underline}
.mw-body{padding:.75rem 1rem 1rem}
.meedoen-widget h2{font-size:1.25rem;line-height:1.3;margin:0 0 .5rem}
.meedoen-widget p{margin:0 0 .5rem}
.mw-intro,.mw-line,.mw-note{color:#3d3d3d}
.mw-note{font-size:.875rem}
.mw-items{list-style:none;margin:0 0 .75rem;padding:0}
.mw-items li{padding:.625rem 0;border-top:1px solid #d0d0d0}
.mw-items li:first-child{border-top:0}
.mw-title{display:block;font-weight:600}
.mw-meta{display:block;color:#3d3d3d;font-size:.9375rem}
.meedoen-widget a{color:${link};text-underline-offset:.15em}
.meedoen-widget .mw-brand{color:${primaryText}}
.meedoen-widget a.mw-cta{display:inline-block;margin-top:.375rem;padding:.375rem .75rem;min-height:44px;line-height:2;background:${accent};color:${accentText};border-radius:4px;font-weight:600;text-decoration:none}
.meedoen-widget a.mw-cta:hover{text-decoration:underline}
.meedoen-widget a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.mw-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.mw-empty{font-style:italic}
.mw-map{display:block;width:100%;height:auto;margin:0 0 .5rem;border:1px solid #d0d0d0;border-radius:4px}
.mw-map-ground{fill:#f7f7f5}
.mw-map-outline{fill:${primary};fill-opacity:.1;stroke:${primary};stroke-width:1.5;stroke-linejoin:round}
.mw-point circle{fill:${link};stroke:#fff;stroke-width:2}
.mw-point text{fill:${markerText};font:700 12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.meedoen-widget .mw-point:focus{outline:none}
.meedoen-widget .mw-point:focus-visible circle,.mw-point:hover circle{stroke:#1a1a1a;stroke-width:4}
.mw-map-note{font-size:.875rem;color:#3d3d3d}
.mw-number{display:inline-block;min-width:1.5em;height:1.5em;margin-right:.5em;border-radius:50%;background:${link};color:${markerText};font-size:.8125rem;line-height:1.5em;text-align:center;vertical-align:.1em}`;
}

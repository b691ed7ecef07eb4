// A widget of the municipality, for other sites: a document for an iframe, or (?inbedding=script) the fragment the
// platform's widget.js renders into a shadow root, with CORS for the allowed sites only. No session is read and
// no cookie is set (hooks.server.ts); frame-ancestors is the municipality's list of sites.
import { getWidget } from '$lib/server/features/widgets/widgets.service';
import { refusal, tenantContext } from '$lib/server/platform/http';
import { widgetFrameAncestors, widgetHeaders } from '$lib/server/platform/widgets';
import { renderWidget } from '$lib/components/widgets/render';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const ctx = tenantContext(event);
	const requestOrigin = event.request.headers.get('origin');
	try {
		const { view, allowed, embedding } = await getWidget(ctx, {
			kind: event.params.soort,
			query: event.url.searchParams,
			origin: event.url.origin,
			requestOrigin
		});
		event.locals.frameAncestors = widgetFrameAncestors(allowed);
		return new Response(renderWidget(view, embedding), {
			headers: widgetHeaders({ embedding, requestOrigin, allowed })
		});
	} catch (err) {
		const refused = refusal(ctx.locale, err);
		// A plain Dutch line: a widget's error is read inside someone else's page.
		return new Response(refused.message, {
			status: refused.status,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
};

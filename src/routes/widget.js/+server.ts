// The widgets' script for other sites (plain JavaScript, see src/lib/widget/widget.js): an hour in any cache,
// 304 when the reader holds this version.
import { WIDGET_SCRIPT, WIDGET_SCRIPT_ETAG } from '$lib/server/features/widgets/widgets.script';
import { feedResponse } from '$lib/server/platform/feed-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) =>
	feedResponse(
		request,
		{ body: WIDGET_SCRIPT, etag: WIDGET_SCRIPT_ETAG },
		{
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	);

import { getTemplateMarkdown } from '$lib/server/features/playbook/playbook.public.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** The whole trajectory as a Markdown document, to adapt in any editor. */
export const GET: RequestHandler = async (event) => {
	const md = await orErrorPage(
		getTemplateMarkdown(event.locals.ctx, {
			unverifiedSlug: event.params.sjabloon,
			url: `${event.url.origin}/draaiboek/${event.params.sjabloon}`
		}),
		event
	);
	return new Response(md.text, {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename="draaiboek-${md.slug}.md"`,
			'cache-control': 'public, max-age=60'
		}
	});
};

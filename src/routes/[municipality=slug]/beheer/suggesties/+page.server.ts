import { getModerationQueue } from '$lib/server/features/suggestions/suggestions.moderation.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		queue: await backofficeLoad(
			event,
			getModerationQueue(event.locals.ctx, {
				view: params.get('wat') ?? undefined,
				opportunityId: params.get('kans') ?? undefined,
				q: params.get('zoek') ?? undefined,
				sort: params.get('sorteer') ?? undefined,
				page: params.get('pagina') ?? undefined
			})
		),
		done: params.get('gelukt'),
		count: Number(params.get('aantal')) || 0
	};
};

import { listActionsForBackoffice } from '$lib/server/features/actions/actions.admin.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		list: await backofficeLoad(
			event,
			listActionsForBackoffice(event.locals.ctx, {
				q: params.get('zoek') ?? undefined,
				status: params.get('status') ?? undefined,
				theme: params.get('thema') ?? undefined,
				state: params.get('publicatie') ?? undefined,
				sort: params.get('sorteer') ?? undefined,
				dir: params.get('richting') ?? undefined,
				page: params.get('pagina') ?? undefined
			})
		),
		done: params.get('gelukt'),
		count: Number(params.get('aantal')) || 0
	};
};

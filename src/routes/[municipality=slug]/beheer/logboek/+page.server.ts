import { getAuditLog } from '$lib/server/features/staff/staff.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';
import { listParams } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = async (event) => {
	const list = listParams(event.url, {
		action: 'actie',
		actor: 'persoon',
		from: 'van',
		to: 'tot',
		page: 'pagina'
	});
	return {
		log: await backofficeLoad(event, getAuditLog(event.locals.ctx, list.filters)),
		...list.view
	};
};

import { getAuditLog } from '$lib/server/features/staff/staff.service';
import type { PageServerLoad } from './$types';
import { listLoad } from '$lib/server/platform/backoffice-pages';

export const load: PageServerLoad = listLoad(
	'log',
	{ action: 'actie', actor: 'persoon', from: 'van', to: 'tot', page: 'pagina' },
	getAuditLog
);

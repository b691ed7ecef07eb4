import { getAuditLog } from '$lib/server/features/staff/staff.service';
import type { PageServerLoad } from './$types';
import { backofficeLoad } from '$lib/server/platform/http';

export const load: PageServerLoad = async (event) => {
	const params = event.url.searchParams;
	return {
		log: await backofficeLoad(
			event,
			getAuditLog(event.locals.ctx, {
				action: params.get('actie') || undefined,
				actor: params.get('persoon') || undefined,
				from: params.get('van') || undefined,
				to: params.get('tot') || undefined,
				page: params.get('pagina') ?? undefined
			})
		)
	};
};

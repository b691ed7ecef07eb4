import { getPublicStatement } from '$lib/server/features/settings/settings.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	statement: await orErrorPage(getPublicStatement(event.locals.ctx, { kind: 'accessibility' }), event)
});

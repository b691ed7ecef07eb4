import { listPublicTemplates } from '$lib/server/features/playbook/playbook.public.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	templates: await orErrorPage(listPublicTemplates(event.locals.ctx), event)
});

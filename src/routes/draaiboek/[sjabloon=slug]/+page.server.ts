import { getPublicTemplatePage } from '$lib/server/features/playbook/playbook.public.service';
import { orErrorPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) =>
	orErrorPage(getPublicTemplatePage(event.locals.ctx, { unverifiedSlug: event.params.sjabloon }), event);

import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

// The municipality was resolved from the URL in hooks.server.ts; here an unknown one becomes a 404.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.municipality)
		error(404, { message: translate(locals.locale, 'errors.notFound'), requestId: locals.requestId });
	return { municipality: locals.municipality.municipality };
};

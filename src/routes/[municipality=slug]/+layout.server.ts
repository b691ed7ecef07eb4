import { notFoundPage } from '$lib/server/platform/http';
import type { LayoutServerLoad } from './$types';

// The municipality was resolved from the URL in hooks.server.ts; here an unknown one becomes a 404.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.municipality) notFoundPage({ locals });
	return { municipality: locals.municipality.municipality };
};

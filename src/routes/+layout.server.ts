import type { LayoutServerLoad } from './$types';
import { isStaff } from '$lib/server/platform/policy';

export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.ctx.actor;
	return {
		locale: locals.locale,
		// Also on error pages under /{municipality}/…, so they keep the municipality's look.
		municipality: locals.municipality?.municipality,
		viewer: actor ? { displayName: actor.displayName, isStaff: isStaff(actor) } : null
	};
};

import type { LayoutServerLoad } from './$types';
import { isStaff } from '$lib/server/platform/policy';
import { countMyUnread } from '$lib/server/features/notifications/notifications.inbox.service';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const actor = locals.ctx.actor;
	// Signed in, this load reads the url, so SvelteKit runs it again on every navigation and the bell's count
	// follows what was read meanwhile (a visitor's layout, reading only locals, is not asked again).
	if (actor) void url.pathname;
	return {
		locale: locals.locale,
		// Also on error pages under /{municipality}/…, so they keep the municipality's look.
		municipality: locals.municipality?.municipality,
		// The bell's count: one statement on a partial index, signed-in pages only (never page-cached).
		viewer: actor
			? { displayName: actor.displayName, isStaff: isStaff(actor), unread: await countMyUnread(locals.ctx) }
			: null
	};
};

import type { LayoutServerLoad } from './$types';
import { isStaff } from '$lib/server/platform/policy';
import { countMyUnread } from '$lib/server/features/notifications/notifications.inbox.service';

export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.ctx.actor;
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

import { getMyActivity, unfollowFromActivity } from '$lib/server/features/profile/profile.service';
import { ACTIVITY_PATH } from '$lib/server/features/profile/profile.http';
import { orErrorPage, orFail, redirectToLogin } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: ACTIVITY_PATH });
	return { activity: await orErrorPage(getMyActivity(event.locals.ctx), event) };
};

export const actions: Actions = {
	// Ends one follow of the person and says which, with a way back to its page; nothing else changes.
	unfollow: async (event) => {
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: ACTIVITY_PATH });
		const values = textFields(await event.request.formData(), ['kind', 'id']);
		const result = await orFail(unfollowFromActivity(event.locals.ctx, values), event, values);
		if (!result.ok) return result.failure;
		return { unfollowed: result.value };
	}
};

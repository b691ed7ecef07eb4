import { redirect } from '@sveltejs/kit';
import { clearSessionCookie } from '$lib/server/features/accounts/accounts.cookies';
import { deleteAccount } from '$lib/server/features/profile/profile.service';
import { deleteAccountInput, validate } from '$lib/server/features/profile/profile.schemas';
import { DELETED_PATH, DELETE_PATH } from '$lib/server/features/profile/profile.http';
import type { Ctx } from '$lib/server/platform/context';
import { orFail, redirectToLogin } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// Opening this page never deletes anything: only its form, with the box ticked, does.
export const load: PageServerLoad = (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: DELETE_PATH });
	return {};
};

async function remove(ctx: Ctx, values: { confirm: string }) {
	return deleteAccount(ctx, validate(deleteAccountInput, values));
}

export const actions: Actions = {
	default: async (event) => {
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: DELETE_PATH });
		const form = await event.request.formData();
		const values = { confirm: String(form.get('confirm') ?? '').slice(0, 10) };
		const result = await orFail(remove(event.locals.ctx, values), event, values);
		if (!result.ok) return result.failure;
		clearSessionCookie(event.cookies, event.url);
		redirect(303, DELETED_PATH);
	}
};

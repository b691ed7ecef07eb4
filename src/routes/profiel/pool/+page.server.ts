import { redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/features/accounts/accounts.service';
import { answerPoolQuestion, getPoolPrompt, POOL_ANSWERED } from '$lib/server/features/profile/profile.pool';
import { POOL_PATH } from '$lib/server/features/profile/profile.http';
import { orErrorPage, orFail, redirectToLogin } from '$lib/server/platform/http';
import { textFields } from '$lib/server/platform/forms';
import { flashOf, withFlash } from '$lib/server/platform/flash';
import type { Actions, PageServerLoad } from './$types';

/** Where the answer returns to: the page that asked (its path, without its old message), or this page. */
function backPath(value: string | null): string {
	const path = safeReturnPath(value).split(/[?#]/)[0]!;
	return path === '/' ? POOL_PATH : path;
}

// The question on a page of its own: where the answer lands without a page that asked, and where a refusal
// is explained. Pages that confirm a contribution ask it themselves (PoolQuestion) and post here.
export const load: PageServerLoad = async (event) => {
	const ctx = event.locals.ctx;
	if (!ctx.actor) redirectToLogin(event, { returnTo: `${POOL_PATH}${event.url.search}` });
	const here = event.url.searchParams.get('gemeente');
	return {
		prompt: await orErrorPage(
			getPoolPrompt(ctx, { done: flashOf(event.url).done, afterContribution: true, here }),
			event
		),
		back: backPath(event.url.searchParams.get('terug'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = textFields(await event.request.formData(), ['antwoord', 'gemeente', 'terug']);
		if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: POOL_PATH });
		const join = values.antwoord === 'ja';
		const result = await orFail(
			answerPoolQuestion(event.locals.ctx, { join, municipality: values.gemeente }),
			event,
			values
		);
		if (!result.ok) return result.failure;
		const done = join ? 'pool-ja' : 'pool-nee';
		redirect(303, `${withFlash(backPath(values.terug), done satisfies keyof typeof POOL_ANSWERED)}#pool`);
	}
};

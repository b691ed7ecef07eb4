import { exportPersonalData } from '$lib/server/features/profile/profile.service';
import { EXPORT_PATH } from '$lib/server/features/profile/profile.http';
import { orErrorPage, redirectToLogin } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

/** "Download mijn gegevens": everything the platform holds about the logged-in person, as a file. */
export const GET: RequestHandler = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: EXPORT_PATH });
	const data = await orErrorPage(exportPersonalData(event.locals.ctx), event);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="meedoen-mijn-gegevens-${data.exportedAt.slice(0, 10)}.json"`,
			'cache-control': 'no-store'
		}
	});
};

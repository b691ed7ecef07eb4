import { exportPersonalData } from '$lib/server/features/profile/profile.service';
import { EXPORT_PAGE_PATH } from '$lib/server/features/profile/profile.http';
import { orErrorPage, redirectToLogin } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

/** "Bekijk mijn gegevens": the same export as gegevens.json, every section of every feature, as a page. */
export const load: PageServerLoad = async (event) => {
	if (!event.locals.ctx.actor) redirectToLogin(event, { returnTo: EXPORT_PAGE_PATH });
	event.setHeaders({ 'cache-control': 'no-store' });
	const data = await orErrorPage(exportPersonalData(event.locals.ctx), event);
	const { format: _format, formatVersion: _version, exportedAt, ...sections } = data;
	return { exportedAt, sections: Object.entries(sections) as [string, unknown][] };
};

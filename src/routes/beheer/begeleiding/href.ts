import { withFlash } from '$lib/server/platform/backoffice-pages';

/** The coaching page of one expert's role in a region, with the message after a change. */
export function coachingHref(regionId: string, regionRoleId: string, done: string): string {
	return `${withFlash('/beheer/begeleiding', done)}&${new URLSearchParams({ regio: regionId, rol: regionRoleId })}`;
}

// The addresses of the profile pages, and how they send a logged-out person to log in first.
export const PROFILE_PATH = '/profiel';
export const DELETE_PATH = '/profiel/verwijderen';
export const DELETED_PATH = '/profiel/verwijderd';
export const EXPORT_PATH = '/profiel/gegevens.json';
export const VERIFY_PATH = '/profiel/bevestig';

/** The login page, returning to `path` afterwards; with a request id when typed values wait there. */
export function loginFirst(path: string, requestId?: string): string {
	const request = requestId ? `verzoek=${encodeURIComponent(requestId)}&` : '';
	return `/aanmelden?${request}terug=${encodeURIComponent(path)}`;
}

// The addresses of the profile pages (a logged-out person goes to log in with platform/http's redirectToLogin).
export const PROFILE_PATH = '/profiel';
export const DELETE_PATH = '/profiel/verwijderen';
export const DELETED_PATH = '/profiel/verwijderd';
export const EXPORT_PATH = '/profiel/gegevens.json';
export const VERIFY_PATH = '/profiel/bevestig';
export const EXPORT_PAGE_PATH = '/profiel/gegevens';
export const ACTIVITY_PATH = '/profiel/activiteit';
export const POOL_PATH = '/profiel/pool';

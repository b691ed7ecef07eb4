// The consents a person can give, with the version of the text each is given for. The Dutch text of each
// kind is `profile.consents.<kind>.text` in the catalogue: change it materially, and its version here too.
import type { CONSENT_KINDS } from '$lib/server/db/schema';

export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_VERSIONS = {
	privacy: '2026-11',
	updates: '2026-11',
	pool: '2026-11',
	newsletters: '2026-12'
} as const satisfies Record<ConsentKind, string>;

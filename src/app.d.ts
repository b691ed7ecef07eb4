import type { Ctx } from '$lib/server/platform/context';
import type { Locale } from '$lib/i18n';
import type { ResolvedMunicipality } from '$lib/server/features/municipalities/municipalities.service';
import type { ResolvedSession } from '$lib/server/features/accounts/accounts.service';
import type { MunicipalityPage } from '$lib/server/features/municipalities/municipalities.present';

declare global {
	namespace App {
		interface Error {
			message: string;
			requestId?: string;
		}
		interface Locals {
			requestId: string;
			locale: Locale;
			ctx: Ctx;
			/** Set when the URL starts with the slug of a known municipality. */
			municipality: ResolvedMunicipality | null;
			/** The valid session of the logged-in person, or null. */
			session: ResolvedSession | null;
			/**
			 * frame-ancestors of this answer when it is not the site's (FRAME_ANCESTORS): a widget's, from its
			 * municipality's list of allowed sites.
			 */
			frameAncestors?: string;
		}
		interface PageData {
			locale?: Locale;
			/** Present on a municipality's pages, so the root layout can wear its branding. */
			municipality?: MunicipalityPage;
			/** The logged-in person as the header shows them. */
			viewer?: { displayName: string; isStaff: boolean } | null;
		}
	}
}

export {};

import type { ParamMatcher } from '@sveltejs/kit';
import { parseSluggedId } from '$lib/domain/ids';

/** A record id with its readable slug, as public pages carry it: `12-bankje-aan-de-markt` (or just `12`). */
export const match: ParamMatcher = (param) => parseSluggedId(param) !== null;

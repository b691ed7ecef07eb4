import type { ParamMatcher } from '@sveltejs/kit';
import { parseId } from '$lib/domain/ids';

/** A record id (actions, opportunities, suggestions, updates): digits only; `12-bankje` names nothing here. */
export const match: ParamMatcher = (param) => parseId(param) !== null;

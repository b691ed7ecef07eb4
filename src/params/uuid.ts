import type { ParamMatcher } from '@sveltejs/kit';
import { isUuid } from '$lib/domain/ids';

/** A uuid (people, themes, media). */
export const match: ParamMatcher = (param) => isUuid(param);

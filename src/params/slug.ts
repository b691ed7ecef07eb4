import type { ParamMatcher } from '@sveltejs/kit';

/** The shape of a municipality slug; whether it exists is decided by the database. */
export const match: ParamMatcher = (param) => param.length <= 80 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(param);

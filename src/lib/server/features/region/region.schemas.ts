// Input of the regional back office: participation of municipalities and the region's own roles.
import { z } from 'zod';
import { REGION_ROLES } from '$lib/server/db/schema';
import { emailSchema } from '$lib/server/platform/validation';

const idList = z
	.array(z.string().max(64), { error: 'backoffice.errors.invalid' })
	.max(200, { error: 'backoffice.errors.tooMany' })
	.default([]);

export const participationSchema = z.object({
	municipalityIds: idList.refine((ids) => ids.length > 0, { error: 'backoffice.region.nothingSelected' }),
	participating: z.preprocess(
		(v) => (v === 'aan' || v === true ? true : v === 'uit' || v === false ? false : v),
		z.boolean({ error: 'backoffice.errors.invalid' })
	)
});

export const grantRegionRoleSchema = z.object({
	email: emailSchema,
	role: z.enum(REGION_ROLES, { error: 'backoffice.errors.role' })
});

export const removeRegionRolesSchema = z.object({
	regionRoleIds: idList.refine((ids) => ids.length > 0, { error: 'backoffice.region.nothingSelected' })
});

/** One municipality for a participation expert to coach, chosen from the list of the region's municipalities. */
export const assignCoachingSchema = z.object({
	municipalityId: z
		.string({ error: 'backoffice.region.coaching.choose' })
		.trim()
		.min(1, { error: 'backoffice.region.coaching.choose' })
		.max(64, { error: 'backoffice.region.coaching.choose' })
});

export const removeCoachingSchema = z.object({
	municipalityIds: idList.refine((ids) => ids.length > 0, { error: 'backoffice.region.nothingSelected' })
});

/** Filters of the region's municipality list; nonsense falls back to the default. */
export const municipalityFiltersSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	participating: z
		.enum(['ja', 'nee'])
		.optional()
		.catch(undefined)
		.transform((v) => (v === undefined ? undefined : v === 'ja')),
	sort: z.enum(['name', 'inhabitants']).catch('name'),
	dir: z.enum(['asc', 'desc']).catch('asc')
});

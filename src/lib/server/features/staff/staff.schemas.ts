// Input of the back office's staff pages: what a form may send, with Dutch message keys per field.
import { z } from 'zod';
import { emailSchema } from '$lib/server/platform/validation';
import { isUuid } from '$lib/domain/ids';
import { DEPARTMENT_MAX, MUNICIPALITY_ROLES } from '$lib/server/db/schema';

export const municipalityRoleSchema = z.enum(MUNICIPALITY_ROLES, { error: 'backoffice.errors.role' });

/** A colleague's department: typed text, one line, kept only with the colleague's role. */
const departmentSchema = z
	.string({ error: 'backoffice.staff.departmentRequired' })
	.transform((value) => value.replace(/\s+/g, ' ').trim())
	.pipe(z.string().max(DEPARTMENT_MAX, { error: 'backoffice.staff.departmentTooLong' }))
	.optional();

/** A colleague's role needs its department; other roles carry none (what was typed is dropped). */
function departmentWithColleague<T extends { department?: string }>(
	value: T,
	context: z.RefinementCtx,
	isColleague: boolean
) {
	if (isColleague && !value.department)
		context.addIssue({
			code: 'custom',
			path: ['department'],
			message: 'backoffice.staff.departmentRequired'
		});
}

export const inviteStaffSchema = z
	.object({
		email: emailSchema,
		role: municipalityRoleSchema,
		department: departmentSchema
	})
	.superRefine((value, context) => departmentWithColleague(value, context, value.role === 'colleague'))
	.transform((value) => ({
		...value,
		department: value.role === 'colleague' ? (value.department ?? null) : null
	}));

export const changeRolesSchema = z
	.object({
		roles: z
			.array(municipalityRoleSchema, { error: 'backoffice.staff.rolesRequired' })
			.min(1, { error: 'backoffice.staff.rolesRequired' })
			.max(MUNICIPALITY_ROLES.length, { error: 'backoffice.errors.role' })
			.transform((roles) => [...new Set(roles)]),
		department: departmentSchema
	})
	.superRefine((value, context) => departmentWithColleague(value, context, value.roles.includes('colleague')))
	.transform((value) => ({
		...value,
		department: value.roles.includes('colleague') ? (value.department ?? null) : null
	}));

const idList = z
	.array(z.string().max(64), { error: 'backoffice.errors.invalid' })
	.max(200, { error: 'backoffice.errors.tooMany' })
	.default([]);

export const removeStaffSchema = z.object({
	membershipIds: idList,
	invitationIds: idList
});

export const STAFF_SORTS = ['name', 'email', 'since'] as const;
export type StaffSort = (typeof STAFF_SORTS)[number];

/** Filters of the staff list; a value that makes no sense falls back to the default instead of failing. */
export const staffFiltersSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	role: municipalityRoleSchema.optional().catch(undefined),
	sort: z.enum(STAFF_SORTS).catch('name'),
	dir: z.enum(['asc', 'desc']).catch('asc')
});
export type StaffFilters = z.output<typeof staffFiltersSchema>;

const isoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

export const AUDIT_PAGE_SIZE = 25;

export const auditFiltersSchema = z.object({
	action: z
		.string()
		.max(60)
		.regex(/^[a-z_.]+$/)
		.optional()
		.catch(undefined),
	actor: z
		.string()
		.refine((v) => isUuid(v))
		.optional()
		.catch(undefined),
	from: isoDate.optional().catch(undefined),
	to: isoDate.optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

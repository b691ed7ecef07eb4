// How many of the municipality's departments take part in its climate plan (seed 004: "bijna alle diensten"), for
// the board and, later, the impact indicators.
//
// A department takes part when at least one of these holds: it leads, or is involved in, a plan action that is not
// stopped; someone who belongs to it is a member of a climate team; it took part in a meeting (the department of a
// lunch talk, the department a participant represented, or the department of a participant). Out of: every
// department of the plan's list.
import type { Ctx } from '$lib/server/platform/context';
import { listDepartmentsTakingPart } from './climate-plan.teams.queries';

export interface DepartmentsTakingPart {
	/** Departments taking part. */
	count: number;
	/** Departments in the plan's list. */
	total: number;
	names: string[];
}

/**
 * The departments taking part in the plan of a municipality. It authorizes nothing: its caller does (the board's
 * use cases, or the impact indicators counting for the region). One statement.
 */
export async function departmentsTakingPart(
	ctx: Pick<Ctx, 'db'>,
	municipalityId: string
): Promise<DepartmentsTakingPart> {
	const { total, taking } = await listDepartmentsTakingPart(ctx.db, { municipalityId });
	return { count: taking.length, total, names: taking.map((d) => d.name) };
}

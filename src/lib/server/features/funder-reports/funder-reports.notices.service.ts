// What other features (notifications) may read of the funder reports to tell people about them: a report as a
// region-scoped subject, and the programme's named reviewers as an audience.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	funderProgrammes,
	funderReports,
	funderReviewers,
	municipalities,
	regions
} from '$lib/server/db/schema';
import type { RegionNoticeSubject } from '$lib/domain/notifications';

/** Where a reviewer reads and judges a report: the region's back office. */
export function reportReviewPath(reportId: number): string {
	return `/beheer/rapportering/${reportId}`;
}

/** A report of a programme of this region, titled by its programme, concerning its submitter (municipality or region). */
export async function funderReportNoticeSubject(
	db: Db,
	params: { regionId: string; id: number }
): Promise<RegionNoticeSubject | undefined> {
	const [row] = await db
		.select({
			programme: funderProgrammes.name,
			submitter: sql<string>`coalesce(${municipalities.name}, ${regions.name})`
		})
		.from(funderReports)
		.innerJoin(funderProgrammes, eq(funderProgrammes.id, funderReports.programmeId))
		.innerJoin(regions, eq(regions.id, funderProgrammes.regionId))
		.leftJoin(municipalities, eq(municipalities.id, funderReports.municipalityId))
		.where(and(eq(funderReports.id, params.id), eq(funderProgrammes.regionId, params.regionId)))
		.limit(1);
	if (!row) return undefined;
	return {
		municipalitySlug: null,
		municipalityName: row.submitter,
		primaryColor: null,
		title: row.programme,
		path: reportReviewPath(params.id),
		actionId: null,
		actionTitle: null
	};
}

/** The programme's named reviewers as they are now (`SELECT user_id …`): a reviewer removed hears nothing. */
export function reviewersSql(params: { programmeId: number }): SQL {
	return sql`SELECT ${funderReviewers.userId} AS user_id FROM ${funderReviewers}
		WHERE ${funderReviewers.programmeId} = ${params.programmeId}`;
}

// Demo content: the two shipped programmes (the impact map of this project, seed 000; ABB's Plan Samenleven,
// seed 003) in every region, once. Reviewers are named by the region's admins on the page (they need an account).
import { and, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { funderProgrammes, regions } from '$lib/server/db/schema';
import { programmeSchema } from './funder-reports.schemas';
import { preset, PRESETS } from './funder-reports.presets';

export async function seedDemoFunderReports(
	db: Db,
	options: { now?: Date } = {}
): Promise<{ programmes: number }> {
	const year = (options.now ?? new Date()).getUTCFullYear();
	let created = 0;
	for (const region of await db.select({ id: regions.id }).from(regions)) {
		for (const key of PRESETS) {
			const [exists] = await db
				.select({ id: funderProgrammes.id })
				.from(funderProgrammes)
				.where(and(eq(funderProgrammes.regionId, region.id), eq(funderProgrammes.preset, key)))
				.limit(1);
			if (exists) continue;
			const p = programmeSchema.parse(preset(key, year));
			await db.insert(funderProgrammes).values({
				regionId: region.id,
				preset: key,
				name: p.name,
				funder: p.funder,
				threshold: p.threshold,
				submitter: p.submitter,
				definition: { periods: p.periods, definition: p.definition }
			});
			created += 1;
		}
	}
	return { programmes: created };
}

// The impact feature's reads and writes: snapshots, baselines, targets, entered figures, strategies and the
// start register. Every query names its region (and municipality where it has one) in its `where`.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	impactBaselines,
	impactEntries,
	impactSnapshots,
	impactStartRegister,
	impactStrategies,
	impactTargets,
	municipalities,
	regions
} from '$lib/server/db/schema';

export const REGION_SCOPE = 'region';

export async function listRegionsWithMunicipalities(db: Db, params: { regionIds?: string[] } = {}) {
	const rows = await db
		.select({
			regionId: regions.id,
			regionSlug: regions.slug,
			regionName: regions.name,
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			participating: municipalities.participating
		})
		.from(regions)
		.leftJoin(municipalities, eq(municipalities.regionId, regions.id))
		.where(params.regionIds ? inArray(regions.id, params.regionIds) : undefined)
		.orderBy(asc(regions.createdAt), asc(municipalities.name));
	const by = new Map<
		string,
		{
			id: string;
			slug: string;
			name: string;
			municipalities: { id: string; slug: string; name: string; participating: boolean }[];
		}
	>();
	for (const r of rows) {
		const region = by.get(r.regionId) ?? {
			id: r.regionId,
			slug: r.regionSlug,
			name: r.regionName,
			municipalities: []
		};
		if (r.id)
			region.municipalities.push({ id: r.id, slug: r.slug!, name: r.name!, participating: r.participating! });
		by.set(r.regionId, region);
	}
	return [...by.values()];
}

export async function snapshotDayExists(db: Db, params: { regionId: string; day: string }) {
	const [row] = await db
		.select({ id: impactSnapshots.id })
		.from(impactSnapshots)
		.where(and(eq(impactSnapshots.regionId, params.regionId), eq(impactSnapshots.day, params.day)))
		.limit(1);
	return Boolean(row);
}

export interface SnapshotRow {
	regionId: string;
	scopeKey: string;
	indicatorKey: string;
	day: string;
	value: number | null;
	note: string | null;
	source: 'computed' | 'entered';
	computedAt: Date;
}

/** Inserts the day's rows; a row that exists (another process, a second run) stays as it was. */
export async function insertSnapshots(db: Db, rows: SnapshotRow[]): Promise<number> {
	if (rows.length === 0) return 0;
	let inserted = 0;
	for (let i = 0; i < rows.length; i += 500) {
		const result = await db
			.insert(impactSnapshots)
			.values(rows.slice(i, i + 500))
			.onConflictDoNothing({
				target: [
					impactSnapshots.regionId,
					impactSnapshots.scopeKey,
					impactSnapshots.indicatorKey,
					impactSnapshots.day
				]
			})
			.returning({ id: impactSnapshots.id });
		inserted += result.length;
	}
	return inserted;
}

/**
 * The trend of each scope and indicator from a day on, oldest first: its days with a figure, thinned out in the
 * database to at most `max` evenly spread (always the first and the last) by the same rule as `thinOut` in
 * impact.service.ts, so a year of daily snapshots sends `max` rows per series instead of 365 (issue 21: reading and
 * mapping the region's 4,000 rows was a third of its dashboard's load).
 *
 * Point k of a series of n (n > max) is its row round(k·(n−1)/(max−1)); a row i is one of them when that holds for
 * k = floor(i·(max−1)/(n−1)) or the next k (the step is at least 1, so no other k comes near). Integer arithmetic,
 * rounding half up as Math.round.
 */
export async function listTrendPoints(
	db: Db,
	params: { regionId: string; scopeKeys: string[]; from: string; indicatorKeys?: string[]; max: number }
) {
	if (params.scopeKeys.length === 0) return [];
	const numbered = db
		.select({
			scopeKey: impactSnapshots.scopeKey,
			indicatorKey: impactSnapshots.indicatorKey,
			day: impactSnapshots.day,
			value: impactSnapshots.value,
			i: sql<number>`row_number() over (partition by ${impactSnapshots.scopeKey}, ${impactSnapshots.indicatorKey} order by ${impactSnapshots.day}) - 1`.as(
				'i'
			),
			n: sql<number>`count(*) over (partition by ${impactSnapshots.scopeKey}, ${impactSnapshots.indicatorKey})`.as(
				'n'
			)
		})
		.from(impactSnapshots)
		.where(
			and(
				eq(impactSnapshots.regionId, params.regionId),
				inArray(impactSnapshots.scopeKey, params.scopeKeys),
				gte(impactSnapshots.day, params.from),
				isNotNull(impactSnapshots.value),
				params.indicatorKeys ? inArray(impactSnapshots.indicatorKey, params.indicatorKeys) : undefined
			)
		)
		.as('numbered');
	const m1 = sql.raw(String(Math.max(1, Math.trunc(params.max) - 1)));
	const pointAt = (k: SQL) => sql`(2 * (${k}) * (${numbered.n} - 1) + ${m1}) / (2 * ${m1})`;
	const below = sql`${numbered.i} * ${m1} / (${numbered.n} - 1)`;
	return db
		.select({
			scopeKey: numbered.scopeKey,
			indicatorKey: numbered.indicatorKey,
			day: numbered.day,
			value: numbered.value
		})
		.from(numbered)
		.where(
			sql`case when ${numbered.n} <= ${params.max} then true else ${numbered.i} = ${pointAt(below)} or ${numbered.i} = ${pointAt(sql`${below} + 1`)} end`
		)
		.orderBy(asc(numbered.day));
}

/** The latest snapshot of one figure on or before a day. */
export async function snapshotAt(
	db: Db,
	params: { regionId: string; scopeKey: string; indicatorKey: string; day: string }
) {
	const [row] = await db
		.select({
			day: impactSnapshots.day,
			value: impactSnapshots.value,
			note: impactSnapshots.note,
			source: impactSnapshots.source,
			computedAt: impactSnapshots.computedAt
		})
		.from(impactSnapshots)
		.where(
			and(
				eq(impactSnapshots.regionId, params.regionId),
				eq(impactSnapshots.scopeKey, params.scopeKey),
				eq(impactSnapshots.indicatorKey, params.indicatorKey),
				lte(impactSnapshots.day, params.day)
			)
		)
		.orderBy(desc(impactSnapshots.day))
		.limit(1);
	return row;
}

export async function listBaselines(db: Db, params: { regionId: string; scopeKeys?: string[] }) {
	return db
		.select({
			scopeKey: impactBaselines.scopeKey,
			indicatorKey: impactBaselines.indicatorKey,
			value: impactBaselines.value,
			recordedOn: impactBaselines.recordedOn,
			reason: impactBaselines.reason
		})
		.from(impactBaselines)
		.where(
			and(
				eq(impactBaselines.regionId, params.regionId),
				params.scopeKeys ? inArray(impactBaselines.scopeKey, params.scopeKeys) : undefined
			)
		);
}

export async function insertBaselines(
	db: Db,
	rows: {
		regionId: string;
		scopeKey: string;
		indicatorKey: string;
		value: number;
		recordedOn: string;
		updatedBy: string;
	}[]
) {
	for (let i = 0; i < rows.length; i += 500)
		await db
			.insert(impactBaselines)
			.values(rows.slice(i, i + 500))
			.onConflictDoNothing();
}

export async function getBaseline(
	db: Db,
	params: { regionId: string; scopeKey: string; indicatorKey: string }
) {
	const [row] = await db
		.select({ value: impactBaselines.value, recordedOn: impactBaselines.recordedOn })
		.from(impactBaselines)
		.where(
			and(
				eq(impactBaselines.regionId, params.regionId),
				eq(impactBaselines.scopeKey, params.scopeKey),
				eq(impactBaselines.indicatorKey, params.indicatorKey)
			)
		)
		.for('update')
		.limit(1);
	return row;
}

export async function upsertBaseline(
	db: Db,
	row: {
		regionId: string;
		scopeKey: string;
		indicatorKey: string;
		value: number;
		recordedOn: string;
		reason: string;
		updatedBy: string;
	}
) {
	await db
		.insert(impactBaselines)
		.values(row)
		.onConflictDoUpdate({
			target: [impactBaselines.regionId, impactBaselines.scopeKey, impactBaselines.indicatorKey],
			set: {
				value: row.value,
				recordedOn: row.recordedOn,
				reason: row.reason,
				updatedBy: row.updatedBy,
				updatedAt: sql`now()`
			}
		});
}

export async function listTargets(db: Db, params: { regionId: string }) {
	return db
		.select({
			scopeKey: impactTargets.scopeKey,
			indicatorKey: impactTargets.indicatorKey,
			target: impactTargets.target
		})
		.from(impactTargets)
		.where(eq(impactTargets.regionId, params.regionId));
}

export async function upsertTarget(
	db: Db,
	row: { regionId: string; scopeKey: string; indicatorKey: string; target: number; updatedBy: string }
) {
	await db
		.insert(impactTargets)
		.values(row)
		.onConflictDoUpdate({
			target: [impactTargets.regionId, impactTargets.scopeKey, impactTargets.indicatorKey],
			set: { target: row.target, updatedBy: row.updatedBy, updatedAt: sql`now()` }
		});
}

/** The latest entered figure per scope and indicator, as of a moment. */
export async function listLatestEntries(db: Db, params: { regionId: string; at: Date }) {
	return db
		.selectDistinctOn([impactEntries.scopeKey, impactEntries.indicatorKey], {
			scopeKey: impactEntries.scopeKey,
			indicatorKey: impactEntries.indicatorKey,
			value: impactEntries.value,
			note: impactEntries.note,
			enteredAt: impactEntries.enteredAt
		})
		.from(impactEntries)
		.where(and(eq(impactEntries.regionId, params.regionId), lte(impactEntries.enteredAt, params.at)))
		.orderBy(
			impactEntries.scopeKey,
			impactEntries.indicatorKey,
			desc(impactEntries.enteredAt),
			desc(impactEntries.id)
		);
}

export async function insertEntry(
	db: Db,
	row: {
		regionId: string;
		scopeKey: string;
		indicatorKey: string;
		value: number;
		note: string;
		enteredBy: string;
	}
) {
	await db.insert(impactEntries).values(row);
}

export async function getStrategy(db: Db, params: { municipalityId: string }) {
	const [row] = await db
		.select({
			channels: impactStrategies.channels,
			agreements: impactStrategies.agreements,
			internal: impactStrategies.internal,
			updatedAt: impactStrategies.updatedAt
		})
		.from(impactStrategies)
		.where(eq(impactStrategies.municipalityId, params.municipalityId))
		.limit(1);
	return row;
}

export async function upsertStrategy(
	db: Db,
	row: { municipalityId: string; channels: string[]; agreements: string; internal: string; updatedBy: string }
) {
	await db
		.insert(impactStrategies)
		.values(row)
		.onConflictDoUpdate({
			target: impactStrategies.municipalityId,
			set: {
				channels: row.channels,
				agreements: row.agreements,
				internal: row.internal,
				updatedBy: row.updatedBy,
				updatedAt: sql`now()`
			}
		});
}

/** Records the actions in execution now (published, not archived) as the start register; existing rows stay. */
export async function recordStartRegister(
	db: Db,
	params: { municipalityIds: string[]; statuses: readonly string[]; day: string }
) {
	if (params.municipalityIds.length === 0) return;
	await db
		.insert(impactStartRegister)
		.select(
			db
				.select({
					municipalityId: actions.municipalityId,
					actionId: actions.id,
					title: actions.title,
					recordedOn: sql<string>`${params.day}::date`.as('recorded_on')
				})
				.from(actions)
				.where(
					and(
						inArray(actions.municipalityId, params.municipalityIds),
						inArray(actions.status, params.statuses as never[]),
						isNotNull(actions.publishedAt),
						isNull(actions.archivedAt)
					)
				)
		)
		.onConflictDoNothing();
}

export async function listStartRegister(db: Db, params: { municipalityId: string }) {
	return db
		.select({
			actionId: impactStartRegister.actionId,
			title: impactStartRegister.title,
			recordedOn: impactStartRegister.recordedOn
		})
		.from(impactStartRegister)
		.where(eq(impactStartRegister.municipalityId, params.municipalityId))
		.orderBy(asc(impactStartRegister.title));
}

// The impact indicators counted from accounts (seed 000): registered users and the pool of climate makers per
// municipality (their home municipality), and the channels through which people first came (utm_source or the
// referring site, recorded at their first visit as `first_channel`).
import { and, count, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { users } from '$lib/server/db/schema';
import {
	sharedLoad,
	type IndicatorComputed,
	type IndicatorPart,
	type IndicatorScope
} from '$lib/server/platform/indicators';

/**
 * People with an account (not deleted, not locked out by deletion) who chose this as their home municipality,
 * and those of them in the pool: one statement for both indicators of a computation.
 */
function peopleOf(db: Db, scope: IndicatorScope) {
	return sharedLoad(scope, 'accounts.people', async () => {
		if (scope.municipalityIds.length === 0) return [];
		return db
			.select({
				municipalityId: users.homeMunicipalityId,
				registered: count(),
				pool: sql<number>`(count(*) FILTER (WHERE ${users.wantsToHelp}))::int`
			})
			.from(users)
			.where(
				and(
					inArray(users.homeMunicipalityId, [...scope.municipalityIds]),
					isNull(users.deletedAt),
					sql`${users.createdAt} <= ${scope.now}`
				)
			)
			.groupBy(users.homeMunicipalityId);
	});
}

async function countPeople(db: Db, scope: IndicatorScope, pool: boolean): Promise<IndicatorComputed> {
	const rows = await peopleOf(db, scope);
	return {
		municipalities: new Map(
			rows
				.filter((r) => !pool || r.pool > 0)
				.map((r) => [r.municipalityId!, { value: Number(pool ? r.pool : r.registered) }])
		)
	};
}

async function countChannels(db: Db, scope: IndicatorScope): Promise<IndicatorComputed> {
	if (scope.municipalityIds.length === 0) return { municipalities: new Map() };
	const where = and(
		inArray(users.homeMunicipalityId, [...scope.municipalityIds]),
		isNull(users.deletedAt),
		isNotNull(users.firstChannel),
		sql`${users.createdAt} <= ${scope.now}`
	);
	const rows = await db
		.select({ municipalityId: users.homeMunicipalityId, channel: users.firstChannel, n: count() })
		.from(users)
		.where(where)
		.groupBy(users.homeMunicipalityId, users.firstChannel)
		.orderBy(users.homeMunicipalityId, sql`count(*) desc`, users.firstChannel);
	const by = new Map<string, { channels: string[] }>();
	for (const r of rows) {
		const m = by.get(r.municipalityId!) ?? { channels: [] };
		m.channels.push(`${r.channel} ${r.n}`);
		by.set(r.municipalityId!, m);
	}
	// The region's channels are distinct, not summed: read from the same rows, of the municipalities taking part
	// (the set every region's figure is made of).
	const distinct = new Set(rows.filter((r) => scope.takingPart.has(r.municipalityId!)).map((r) => r.channel));
	return {
		municipalities: new Map(
			[...by].map(([id, m]) => [id, { value: m.channels.length, note: m.channels.join(', ') }])
		),
		region: { value: distinct.size }
	};
}

export const accountsIndicators: IndicatorPart[] = [
	{
		key: 'accounts.climateMakers',
		name: 'impact.indicators.climateMakers.name',
		definition: 'impact.indicators.climateMakers.definition',
		source: 'impact.indicators.climateMakers.source',
		unit: 'impact.units.people',
		kind: 'count',
		target: { municipality: 80, region: 1200 },
		mapBaseline: 'impact.mapBaseline.few',
		public: true,
		order: 30,
		compute: (db, scope) => countPeople(db, scope, true)
	},
	{
		key: 'accounts.registeredUsers',
		name: 'impact.indicators.registeredUsers.name',
		definition: 'impact.indicators.registeredUsers.definition',
		source: 'impact.indicators.registeredUsers.source',
		unit: 'impact.units.users',
		kind: 'count',
		target: { municipality: 100, region: 1500 },
		mapBaseline: 'impact.mapBaseline.few',
		public: true,
		order: 40,
		compute: (db, scope) => countPeople(db, scope, false)
	},
	{
		key: 'accounts.channels',
		name: 'impact.indicators.channels.name',
		definition: 'impact.indicators.channels.definition',
		source: 'impact.indicators.channels.source',
		unit: 'impact.units.channels',
		kind: 'count',
		target: { municipality: null, region: null },
		public: false,
		order: 45,
		compute: countChannels
	}
];

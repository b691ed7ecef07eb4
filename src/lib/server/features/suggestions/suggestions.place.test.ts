// Where a suggestion may lie: a citizen's place and a moderator's re-placing of it are checked by the same
// rule (platform/geo), against the municipality's cell or its uploaded boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, suggestions } from '$lib/server/db/schema';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { isAppError } from '$lib/server/platform/errors';
import { createCache } from '$lib/server/platform/cache';
import type { Boundary } from '$lib/server/platform/geo/geo';
import { createTestDatabase, type TestDatabase } from '$lib/server/testing/db';
import { buildCtx } from '$lib/server/testing/context';
import {
	buildParticipatingMunicipality,
	actorOf,
	buildStaff,
	buildUser,
	buildSuggestion,
	buildSuggestionOpportunity
} from '$lib/server/testing/factories';
import { createSuggestion } from './suggestions.contribute.service';
import { placeSuggestion } from './suggestions.moderation.service';

let database: TestDatabase;
let db: Db;
let geel: Tenant;
let mol: Tenant;
let geelOpportunity: number;
let molOpportunity: number;
let molModerator: Ctx & { tenant: Tenant };

const GEEL_CENTRE = { lat: '51.1623', lng: '4.9909' };
/** In Mol, about 1.2 km nearer Mol's centre than Geel's. */
const MOL_NEAR_GEEL = { lat: '51.178', lng: '5.06' };
const NAMUR = { lat: '50.4669', lng: '4.8674' };
const EINDHOVEN = { lat: '51.4416', lng: '5.4697' };

beforeAll(async () => {
	database = await createTestDatabase();
	db = database.db;
	geel = await buildParticipatingMunicipality(db, 'geel');
	mol = await buildParticipatingMunicipality(db, 'mol');
	geelOpportunity = (await buildSuggestionOpportunity(db, geel)).id;
	molOpportunity = (await buildSuggestionOpportunity(db, mol)).id;
	molModerator = buildCtx(db, mol, { actor: (await buildStaff(db, mol, 'moderator')).actor });
});
afterAll(async () => {
	await database?.destroy();
});

let counter = 0;
/** What a citizen's form gives back for a place: null when accepted, else the message key on `lat`. */
async function citizen(tenant: Tenant, opportunityId: number, place: { lat: string; lng: string }) {
	const actor = await actorOf(db, await buildUser(db));
	counter += 1;
	try {
		await createSuggestion(buildCtx(db, tenant, { actor }), {
			opportunityId,
			values: {
				title: `Een boom op het plein ${counter}`,
				body: `Er is hier geen schaduw, een boom zou helpen (${counter}).`,
				...place,
				confirm: '1'
			}
		});
		return null;
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		return err.options.fields?.lat?.[0] ?? 'other';
	}
}

/** What a moderator of Mol gets for re-placing a suggestion of Mol to a point: null when accepted. */
async function moderator(place: { lat: string; lng: string }, ctx: Ctx = molModerator) {
	const s = await buildSuggestion(db, mol, molOpportunity, { lat: null, lng: null, placeName: 'Ergens' });
	try {
		await placeSuggestion(ctx, { unverifiedSuggestionId: s.id, ...place });
		return null;
	} catch (err) {
		if (!isAppError(err) || err.code !== 'validation') throw err;
		return err.options.fields?.lat?.[0] ?? 'other';
	}
}

/** The verdict without the feature's prefix, so a citizen's and a moderator's can be compared. */
const verdict = (key: string | null) => (key === null ? 'inside' : key.split('.').pop());

describe('a place in the municipality', () => {
	it("refuses Geel's centre for an opportunity of Mol and accepts it for one of Geel", async () => {
		expect(await citizen(mol, molOpportunity, GEEL_CENTRE)).toBe(
			'suggestionsContribute.errors.outsideMunicipality'
		);
		expect(await citizen(geel, geelOpportunity, GEEL_CENTRE)).toBeNull();
	});

	it('accepts a point just inside Mol near the Geel border for Mol, not for Geel', async () => {
		expect(await citizen(mol, molOpportunity, MOL_NEAR_GEEL)).toBeNull();
		expect(await citizen(geel, geelOpportunity, MOL_NEAR_GEEL)).toBe(
			'suggestionsContribute.errors.outsideMunicipality'
		);
	});

	it('refuses points in Wallonia and the Netherlands as outside Flanders', async () => {
		for (const place of [NAMUR, EINDHOVEN])
			expect(await citizen(mol, molOpportunity, place)).toBe('suggestionsContribute.errors.outsideFlanders');
	});

	it("gives a citizen's place and a moderator's re-placing the same answer for the same point", async () => {
		const points = [
			GEEL_CENTRE,
			MOL_NEAR_GEEL,
			NAMUR,
			EINDHOVEN,
			{ lat: '51.1842', lng: '5.1153' }, // Mol's centre
			{ lat: '51.2399', lng: '5.1127' }, // Dessel's centre
			{ lat: '51.25', lng: '5.16' }, // between Mol and Dessel
			{ lat: '4.99', lng: '51.16' } // swapped
		];
		for (const point of points) {
			const c = verdict(await citizen(mol, molOpportunity, point));
			const m = verdict(await moderator(point));
			expect({ point, moderator: m }).toEqual({ point, moderator: c });
		}
		expect(verdict(await moderator(GEEL_CENTRE))).toBe('outsideMunicipality');
		expect(verdict(await moderator(NAMUR))).toBe('outsideFlanders');
	});
});

describe('with an uploaded boundary', () => {
	/** A made-up outline of Mol that holds Geel's centre and leaves out Mol's own centre. */
	const boundary: Boundary = {
		type: 'Polygon',
		coordinates: [
			[
				[4.95, 51.14],
				[5.1, 51.14],
				[5.1, 51.18],
				[4.95, 51.18],
				[4.95, 51.14]
			]
		]
	};

	it('lets the boundary decide, for the citizen and the moderator alike, and the cell again once removed', async () => {
		await db.update(municipalities).set({ boundary }).where(eq(municipalities.id, mol.id));
		try {
			expect(await citizen(mol, molOpportunity, GEEL_CENTRE)).toBeNull();
			expect(await moderator(GEEL_CENTRE)).toBeNull();
			const centre = { lat: '51.1842', lng: '5.1153' };
			expect(await citizen(mol, molOpportunity, centre)).toBe(
				'suggestionsContribute.errors.outsideMunicipality'
			);
			expect(await moderator(centre)).toBe('suggestionsAdmin.errors.outsideMunicipality');
		} finally {
			await db.update(municipalities).set({ boundary: null }).where(eq(municipalities.id, mol.id));
		}
		expect(await citizen(mol, molOpportunity, GEEL_CENTRE)).toBe(
			'suggestionsContribute.errors.outsideMunicipality'
		);
	});

	it("is read once per App's cache, and a cleared cache (any write through the site) reads the new one", async () => {
		const cache = createCache({ ttlMs: 60_000, maxEntries: 100 });
		const ctx = { ...molModerator, cache };
		expect(await moderator(GEEL_CENTRE, ctx)).toBe('suggestionsAdmin.errors.outsideMunicipality');
		await db.update(municipalities).set({ boundary }).where(eq(municipalities.id, mol.id));
		try {
			// Still the cached area: the cache is what keeps the check cheap on every post.
			expect(await moderator(GEEL_CENTRE, ctx)).toBe('suggestionsAdmin.errors.outsideMunicipality');
			cache.clear();
			expect(await moderator(GEEL_CENTRE, ctx)).toBeNull();
		} finally {
			await db.update(municipalities).set({ boundary: null }).where(eq(municipalities.id, mol.id));
		}
	});

	it('leaves the suggestion where it was when a re-placing is refused', async () => {
		const s = await buildSuggestion(db, mol, molOpportunity, { lat: 51.1842, lng: 5.1153 });
		await placeSuggestion(molModerator, { unverifiedSuggestionId: s.id, ...GEEL_CENTRE }).catch(() => null);
		const [row] = await db.select().from(suggestions).where(eq(suggestions.id, s.id));
		expect(row).toMatchObject({ lat: 51.1842, lng: 5.1153 });
	});
});

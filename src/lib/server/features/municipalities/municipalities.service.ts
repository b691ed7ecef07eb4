// Use cases of the public municipality pages and the regional home.
import type { SearchPart } from '$lib/server/platform/feature';
import { textMatches } from '$lib/server/platform/search';
import type { Ctx, Tenant } from '$lib/server/platform/context';
import { AppError } from '$lib/server/platform/errors';
import { cached } from '$lib/server/platform/cache';
import { startOfSync, type SyncPage, type SyncQuery } from '$lib/server/platform/api-sync';
import { listThemes, listThemesOfMunicipalities } from '$lib/server/features/themes/themes.service';
import { presentTheme, type ThemeView } from '$lib/server/features/themes/themes.present';
import { getDefaultRegion, getMunicipalityBySlug, listMunicipalities } from './municipalities.queries';
import {
	presentMunicipalityApi,
	presentMunicipalityPage,
	presentMunicipalitySummary,
	type MunicipalityApi,
	type MunicipalityPage,
	type MunicipalitySummary
} from './municipalities.present';
import { isSlug } from '$lib/domain/slugs';

// The part of the municipalities' queries that other features use, inside their own transaction if need be.
export { getMunicipalityBySlug } from './municipalities.queries';

export interface RegionOverview {
	region: { slug: string; name: string };
	participating: MunicipalitySummary[];
	notParticipating: MunicipalitySummary[];
	stats: { participating: number; inhabitantsReached: number; themes: number };
	themes: ThemeView[];
}

/** The region the home page shows (the first one made), or none before the seed: other features' "the region". */
export function getHomeRegion(ctx: Ctx): Promise<{ id: string; slug: string; name: string } | undefined> {
	return cached(ctx.cache, 'home-region', () => getDefaultRegion(ctx.db));
}

export function getRegionOverview(ctx: Ctx): Promise<RegionOverview> {
	return cached(ctx.cache, 'region-overview', () => loadRegionOverview(ctx));
}

async function loadRegionOverview(ctx: Ctx): Promise<RegionOverview> {
	const region = await getDefaultRegion(ctx.db);
	if (!region) throw new AppError('unavailable');
	const rows = await listMunicipalities(ctx.db, { regionId: region.id });
	const participating = rows.filter((r) => r.participating);
	const themeRows = await listThemesOfMunicipalities(ctx.db, {
		municipalityIds: participating.map((m) => m.id)
	});
	// The default themes are shared by all; show each once, in their usual order.
	const seen = new Set<string>();
	const themes = themeRows.filter((t) => t.defaultKey && !seen.has(t.defaultKey) && seen.add(t.defaultKey));
	return {
		region: { slug: region.slug, name: region.name },
		participating: participating.map(presentMunicipalitySummary),
		notParticipating: rows.filter((r) => !r.participating).map(presentMunicipalitySummary),
		stats: {
			participating: participating.length,
			inhabitantsReached: participating.reduce((sum, m) => sum + m.inhabitants, 0),
			themes: themes.length
		},
		themes: themes.map(presentTheme)
	};
}

export interface ResolvedMunicipality {
	tenant: Tenant;
	municipality: MunicipalityPage;
}

/** The municipality named by the first segment of a URL, or null when there is none by that slug. */
export async function resolveMunicipality(
	ctx: Ctx,
	input: { unverifiedSlug: string }
): Promise<ResolvedMunicipality | null> {
	if (!isSlug(input.unverifiedSlug)) return null;
	const slug = input.unverifiedSlug;
	return cached(ctx.cache, `municipality:${slug}`, async () => {
		const row = await getMunicipalityBySlug(ctx.db, { slug });
		if (!row) return null;
		return { tenant: { id: row.id, slug: row.slug }, municipality: presentMunicipalityPage(row) };
	});
}

/** The themes shown on a municipality's home; none while it does not take part. */
export async function getMunicipalityThemes(
	ctx: Ctx & { tenant: Tenant },
	input: { participating: boolean }
): Promise<ThemeView[]> {
	if (!input.participating) return [];
	const municipalityId = ctx.tenant.id;
	return cached(ctx.cache, `themes:${municipalityId}`, async () =>
		(await listThemes(ctx.db, { municipalityId })).map(presentTheme)
	);
}

/**
 * Every municipality, taking part or not: the same for everyone, so from the App's read cache. Features that
 * list, scope or look up municipalities ask here rather than keeping their own copy.
 */
export function listAllMunicipalities(ctx: Ctx): ReturnType<typeof listMunicipalities> {
	return cached(ctx.cache, 'municipalities', () => listMunicipalities(ctx.db));
}

/**
 * The municipalities' part of the site-wide search: those asked whose name matches (a municipality asked is
 * one taking part), from the cached list.
 */
export const searchMunicipalities: SearchPart['find'] = async (ctx, input) => {
	const asked = new Set(input.municipalityIds);
	const found = (await listAllMunicipalities(ctx)).filter(
		(m) => asked.has(m.id) && textMatches(input.terms, m.name)
	);
	return {
		total: found.length,
		hits: found.slice(0, input.limit).map((m) => ({
			title: m.name,
			href: `/${m.slug}`,
			summary: '',
			context: '',
			municipalityName: m.name
		}))
	};
};

/** The municipalities taking part, from the same cached list. */
export async function listParticipatingMunicipalities(ctx: Ctx) {
	return (await listAllMunicipalities(ctx)).filter((m) => m.participating);
}

/**
 * The municipalities changed at or after the sync's moment, oldest change first. The list is short and never
 * paged, and a municipality is never removed (one that stops taking part says so in `participating`), so
 * `deleted` is always empty.
 */
export async function syncMunicipalitiesForApi(
	ctx: Ctx,
	input: { query: SyncQuery; origin: string }
): Promise<SyncPage<MunicipalityApi>> {
	const since = input.query.since.getTime();
	const rows = (await listMunicipalities(ctx.db))
		.filter((row) => row.updatedAt.getTime() >= since)
		.sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || a.slug.localeCompare(b.slug));
	return {
		data: rows.map((row) => presentMunicipalityApi(row, input.origin)),
		deleted: [],
		nextCursor: null,
		nextUpdatedSince: new Date(Number(BigInt(await startOfSync(ctx.db)) / 1000n)).toISOString()
	};
}

export async function listMunicipalitiesForApi(
	ctx: Ctx,
	input: { origin: string }
): Promise<MunicipalityApi[]> {
	const rows = await listAllMunicipalities(ctx);
	return rows.map((row) => presentMunicipalityApi(row, input.origin));
}

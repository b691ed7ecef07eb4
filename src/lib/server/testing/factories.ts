// Small builders for test data; each returns what the test needs to refer to.
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities } from '$lib/server/db/schema';
import type { Tenant } from '$lib/server/platform/context';
import { insertTheme } from '$lib/server/features/themes/themes.queries';

export async function getTenant(db: Db, slug: string): Promise<Tenant> {
	const [row] = await db
		.select({ id: municipalities.id, slug: municipalities.slug })
		.from(municipalities)
		.where(eq(municipalities.slug, slug));
	if (!row) throw new Error(`no municipality ${slug} in the test database`);
	return row;
}

export async function buildParticipatingMunicipality(
	db: Db,
	slug: string,
	look: { primaryColor?: string } = {}
) {
	const tenant = await getTenant(db, slug);
	await db
		.update(municipalities)
		.set({ participating: true, ...look })
		.where(eq(municipalities.id, tenant.id));
	return tenant;
}

export async function buildTheme(
	db: Db,
	tenant: Tenant,
	overrides: { slug?: string; name?: string; climate?: boolean } = {}
) {
	const theme = await insertTheme(db, {
		municipalityId: tenant.id,
		slug: overrides.slug ?? `eigen-thema-${Math.random().toString(36).slice(2, 8)}`,
		name: overrides.name ?? 'Eigen thema',
		climate: overrides.climate ?? false,
		position: 50
	});
	if (!theme) throw new Error('theme not inserted');
	return theme;
}

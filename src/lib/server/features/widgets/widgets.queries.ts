// Drizzle queries of the sites allowed to embed a municipality's widgets; the municipality id in every where.
import { and, asc, eq, isNotNull, notInArray } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { municipalities, widgetOrigins } from '$lib/server/db/schema';
import { normalizeOrigin } from '$lib/server/platform/widgets';

export async function listWidgetOrigins(db: Db, params: { municipalityId: string }): Promise<string[]> {
	const rows = await db
		.select({ origin: widgetOrigins.origin })
		.from(widgetOrigins)
		.where(eq(widgetOrigins.municipalityId, params.municipalityId))
		.orderBy(asc(widgetOrigins.origin));
	return rows.map((r) => r.origin);
}

/** Makes the municipality's list exactly `origins`: the others go, new ones are added. */
export async function replaceWidgetOrigins(
	db: Db,
	params: { municipalityId: string; origins: readonly string[] }
): Promise<void> {
	await db
		.delete(widgetOrigins)
		.where(
			params.origins.length > 0
				? and(
						eq(widgetOrigins.municipalityId, params.municipalityId),
						notInArray(widgetOrigins.origin, [...params.origins])
					)
				: eq(widgetOrigins.municipalityId, params.municipalityId)
		);
	if (params.origins.length > 0)
		await db
			.insert(widgetOrigins)
			.values(params.origins.map((origin) => ({ municipalityId: params.municipalityId, origin })))
			.onConflictDoNothing();
}

/**
 * The demo: each participating municipality allows its own website (the demo's `https://www.{slug}.be`), so the
 * gallery's snippets have a site to go on. Read and written in the demo's transaction.
 */
export async function allowDemoWebsites(tx: Db): Promise<number> {
	const rows = await tx
		.select({ id: municipalities.id, websiteUrl: municipalities.websiteUrl })
		.from(municipalities)
		.where(and(eq(municipalities.participating, true), isNotNull(municipalities.websiteUrl)));
	const values = rows.flatMap((r) => {
		const origin = r.websiteUrl ? normalizeOrigin(new URL(r.websiteUrl).origin) : null;
		return origin ? [{ municipalityId: r.id, origin }] : [];
	});
	if (values.length > 0) await tx.insert(widgetOrigins).values(values).onConflictDoNothing();
	return values.length;
}

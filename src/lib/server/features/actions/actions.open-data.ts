// The actions feature's open data: the public actions (GeoJSON for those with a place) and their published
// updates, of one municipality or of every municipality taking part. Only what the action pages show; who wrote
// an update (a staff member) is left out.
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { actionPath } from '$lib/domain/actions';
import { actionThemes, actionUpdates, actions, municipalities, themes } from '$lib/server/db/schema';
import { defineDataset, isoOrNull, latest } from '$lib/server/platform/open-data';

const publicAction = (now: Date) =>
	and(isNotNull(actions.publishedAt), lte(actions.publishedAt, now), isNull(actions.archivedAt));

export const actionsDataset = defineDataset({
	key: 'acties',
	title: 'openData.datasets.actions.title',
	description: 'openData.datasets.actions.description',
	keywords: ['klimaat', 'klimaatactie', 'participatie'],
	geo: true,
	columns: [
		'municipality',
		'id',
		'url',
		'title',
		'summary',
		'status',
		'themes',
		'owner_kind',
		'owner_name',
		'starts_on',
		'ends_on',
		'place_name',
		'lat',
		'lng',
		'published_at',
		'updated_at'
	],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: actions.id,
				slug: actions.slug,
				title: actions.title,
				summary: actions.summary,
				status: actions.status,
				ownerKind: actions.ownerKind,
				ownerName: actions.ownerName,
				startsOn: actions.startsOn,
				endsOn: actions.endsOn,
				placeName: actions.placeName,
				lat: actions.lat,
				lng: actions.lng,
				publishedAt: actions.publishedAt,
				updatedAt: actions.updatedAt,
				themes: sql<string>`coalesce((select string_agg(${themes.name}, ';' order by ${themes.position}, ${themes.name})
					from ${actionThemes} join ${themes} on ${themes.id} = ${actionThemes.themeId}
					where ${actionThemes.municipalityId} = ${actions.municipalityId} and ${actionThemes.actionId} = ${actions.id}), '')`
			})
			.from(actions)
			.innerJoin(municipalities, eq(municipalities.id, actions.municipalityId))
			.where(and(inArray(actions.municipalityId, ids), publicAction(scope.now)))
			.orderBy(asc(municipalities.slug), asc(actions.id));
		return rows.map((r) => ({
			values: {
				municipality: r.municipalitySlug,
				id: r.id,
				url: `${scope.origin}${actionPath(r.municipalitySlug, r.id, r.slug)}`,
				title: r.title,
				summary: r.summary,
				status: r.status,
				themes: r.themes,
				owner_kind: r.ownerKind,
				owner_name: r.ownerName,
				starts_on: r.startsOn,
				ends_on: r.endsOn,
				place_name: r.placeName,
				lat: r.lat,
				lng: r.lng,
				published_at: isoOrNull(r.publishedAt),
				updated_at: isoOrNull(r.updatedAt)
			},
			place: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
			modified: latest(r.updatedAt, r.publishedAt)
		}));
	}
});

export const actionUpdatesDataset = defineDataset({
	key: 'actie-updates',
	title: 'openData.datasets.actionUpdates.title',
	description: 'openData.datasets.actionUpdates.description',
	keywords: ['klimaatactie', 'nieuws'],
	columns: ['municipality', 'id', 'url', 'action_id', 'action_title', 'title', 'published_at'],
	async load(db, scope) {
		const ids = scope.municipalities.map((m) => m.id);
		if (ids.length === 0) return [];
		const rows = await db
			.select({
				municipalitySlug: municipalities.slug,
				id: actionUpdates.id,
				title: actionUpdates.title,
				publishedAt: actionUpdates.publishedAt,
				actionId: actions.id,
				actionSlug: actions.slug,
				actionTitle: actions.title
			})
			.from(actionUpdates)
			.innerJoin(
				actions,
				and(eq(actions.id, actionUpdates.actionId), eq(actions.municipalityId, actionUpdates.municipalityId))
			)
			.innerJoin(municipalities, eq(municipalities.id, actionUpdates.municipalityId))
			.where(
				and(
					inArray(actionUpdates.municipalityId, ids),
					isNotNull(actionUpdates.publishedAt),
					lte(actionUpdates.publishedAt, scope.now),
					publicAction(scope.now)
				)
			)
			.orderBy(asc(municipalities.slug), asc(actionUpdates.id));
		return rows.map((r) => ({
			values: {
				municipality: r.municipalitySlug,
				id: r.id,
				url: `${scope.origin}${actionPath(r.municipalitySlug, r.actionId, r.actionSlug)}#nieuws-${r.id}`,
				action_id: r.actionId,
				action_title: r.actionTitle,
				title: r.title,
				published_at: isoOrNull(r.publishedAt)
			},
			place: null,
			modified: r.publishedAt
		}));
	}
});

// The colleague's page and audience: the municipality's actions and themes with whether the person follows
// each as a colleague, which of a list of ids are this municipality's, the person's follows for the export,
// and the colleagues of an action (those following it or one of its themes) as an SQL set. Reads the actions'
// and themes' tables straight from the schema (no other feature's queries); every query names the municipality,
// except the export, which is keyed on the person.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { executeRows } from '$lib/server/db/rows';
import { actionThemes, actions, municipalities, subscriptions, themes } from '$lib/server/db/schema';
import { containsPattern } from '$lib/server/platform/text';
import { hasAbilitySql } from '$lib/server/platform/policy';
import type { ActionStatus } from '$lib/domain/actions';

export interface FollowableRow {
	kind: 'action' | 'theme';
	id: string;
	title: string;
	/** An action's status; null for a theme. */
	status: ActionStatus | null;
	/** An action's themes, by name; a theme's own number of actions as text is not needed. */
	themes: string[];
	published: boolean;
	followed: boolean;
}

/**
 * The actions (not archived) and active themes of a municipality, actions first, each with whether the person
 * follows it as a colleague; searched in the title or name (accents and case ignored), by kind and by whether
 * followed; a page of them and the total.
 */
export async function listFollowables(
	db: Db,
	params: {
		municipalityId: string;
		userId: string;
		q?: string;
		kind?: 'action' | 'theme';
		followed?: boolean;
		limit: number;
		offset: number;
	}
): Promise<{ rows: FollowableRow[]; total: number }> {
	const m = sql`${params.municipalityId}::uuid`;
	const followedBy = (kind: 'action' | 'theme', id: SQL) => sql`EXISTS (SELECT 1 FROM ${subscriptions} s
		WHERE s.municipality_id = ${m} AND s.user_id = ${params.userId}::uuid AND s.subject_kind = ${kind}
			AND s.subject_id = ${id}
			AND s.capacity = 'colleague')`;
	const match = (column: SQL) =>
		params.q ? sql`unaccent(${column}) ILIKE unaccent(${containsPattern(params.q)}::text)` : sql`true`;
	const parts: SQL[] = [];
	if (params.kind !== 'theme')
		parts.push(sql`SELECT 'action' AS kind, a.id::text AS id, a.title, a.status,
			COALESCE((SELECT array_agg(t.name ORDER BY t.position, t.name) FROM ${actionThemes} at
				JOIN ${themes} t ON t.id = at.theme_id WHERE at.municipality_id = ${m} AND at.action_id = a.id),
				'{}') AS themes,
			a.published_at IS NOT NULL AS published, ${followedBy('action', sql`a.id::text`)} AS followed,
			0 AS kind_order, lower(a.title) AS sort_title
			FROM ${actions} a
			WHERE a.municipality_id = ${m} AND a.archived_at IS NULL AND ${match(sql`a.title`)}`);
	if (params.kind !== 'action')
		parts.push(sql`SELECT 'theme' AS kind, t.id::text AS id, t.name AS title, NULL AS status,
			'{}'::text[] AS themes, true AS published, ${followedBy('theme', sql`t.id::text`)} AS followed,
			1 AS kind_order, lower(t.name) AS sort_title
			FROM ${themes} t
			WHERE t.municipality_id = ${m} AND t.active AND ${match(sql`t.name`)}`);
	const all = sql.join(parts, sql` UNION ALL `);
	const state =
		params.followed === undefined ? sql`true` : params.followed ? sql`f.followed` : sql`NOT f.followed`;
	const rows = await executeRows<{
		kind: 'action' | 'theme';
		id: string;
		title: string;
		status: ActionStatus | null;
		themes: string[] | string;
		published: boolean;
		followed: boolean;
		total: number | string;
	}>(
		db,
		sql`SELECT f.kind, f.id, f.title, f.status, f.themes, f.published, f.followed, count(*) OVER () AS total
		FROM (${all}) f WHERE ${state}
		ORDER BY f.kind_order, f.sort_title, f.id
		LIMIT ${params.limit} OFFSET ${params.offset}`
	);
	// A page past the end still knows the total.
	const total =
		rows[0] !== undefined
			? Number(rows[0].total)
			: params.offset === 0
				? 0
				: Number(
						(
							await executeRows<{ n: number | string }>(
								db,
								sql`SELECT count(*) AS n FROM (${all}) f WHERE ${state}`
							)
						)[0]?.n ?? 0
					);
	return {
		rows: rows.map((r) => ({
			kind: r.kind,
			id: r.id,
			title: r.title,
			status: r.status,
			themes: Array.isArray(r.themes) ? r.themes : parsePgArray(r.themes),
			published: r.published,
			followed: r.followed
		})),
		total
	};
}

/** A text[] as some drivers return it ('{a,"b c"}'). */
function parsePgArray(value: string): string[] {
	const inner = value.replace(/^\{|\}$/g, '');
	if (!inner) return [];
	return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) =>
		m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!
	);
}

/** Which of these actions are this municipality's (not archived); the others are not found. */
export async function listActionIdsOf(db: Db, params: { municipalityId: string; ids: number[] }) {
	if (params.ids.length === 0) return [];
	const rows = await db
		.select({ id: actions.id })
		.from(actions)
		.where(
			and(
				eq(actions.municipalityId, params.municipalityId),
				inArray(actions.id, params.ids),
				isNull(actions.archivedAt)
			)
		);
	return rows.map((r) => r.id);
}

/** Which of these themes are this municipality's. */
export async function listThemeIdsOf(db: Db, params: { municipalityId: string; ids: string[] }) {
	if (params.ids.length === 0) return [];
	const rows = await db
		.select({ id: themes.id })
		.from(themes)
		.where(and(eq(themes.municipalityId, params.municipalityId), inArray(themes.id, params.ids)));
	return rows.map((r) => r.id);
}

/** What the person follows as a colleague, in every municipality, with the subject's title (the export). */
export async function listColleagueFollowsOfPerson(db: Db, params: { userId: string }) {
	return executeRows<{
		municipality_slug: string;
		municipality_name: string;
		subject_kind: 'action' | 'theme';
		subject_id: string;
		title: string | null;
		created_at: Date | string;
	}>(
		db,
		sql`SELECT mu.slug AS municipality_slug, mu.name AS municipality_name, s.subject_kind, s.subject_id,
			CASE s.subject_kind
				WHEN 'action' THEN (SELECT a.title FROM ${actions} a
					WHERE a.municipality_id = s.municipality_id AND a.id::text = s.subject_id)
				WHEN 'theme' THEN (SELECT t.name FROM ${themes} t
					WHERE t.municipality_id = s.municipality_id AND t.id::text = s.subject_id)
			END AS title,
			s.created_at
		FROM ${subscriptions} s JOIN ${municipalities} mu ON mu.id = s.municipality_id
		WHERE s.user_id = ${params.userId}::uuid AND s.capacity = 'colleague'
		ORDER BY mu.name, s.subject_kind, s.created_at`
	);
}

/** Ends every follow of the person as a colleague (part of deleting the account). */
export async function deleteColleagueFollowsOfPerson(db: Db, params: { userId: string }) {
	await db
		.delete(subscriptions)
		.where(and(eq(subscriptions.userId, params.userId), eq(subscriptions.capacity, 'colleague')));
}

/**
 * The colleagues of an action as `SELECT user_id …`: who follows it, or one of its themes, as a colleague, and
 * holds the back office of the municipality now (the policy's rule, hasAbilitySql: a colleague whose role was
 * taken away hears nothing more). Nobody for an event of no action.
 */
export function colleaguesOfActionSql(params: { municipalityId: string; actionId: number | null }): SQL {
	if (params.actionId === null) return sql`SELECT NULL::uuid AS user_id WHERE false`;
	const m = sql`${params.municipalityId}::uuid`;
	const action = String(params.actionId);
	return sql`SELECT DISTINCT s.user_id FROM ${subscriptions} s
		WHERE s.municipality_id = ${m} AND s.capacity = 'colleague'
			AND ((s.subject_kind = 'action' AND s.subject_id = ${action})
				OR (s.subject_kind = 'theme' AND s.subject_id IN (SELECT at.theme_id::text FROM ${actionThemes} at
					WHERE at.municipality_id = ${m} AND at.action_id = ${params.actionId}::int)))
			AND ${hasAbilitySql(sql`s.user_id`, 'backoffice.view', params.municipalityId)}`;
}

// Reading (and arranging) the embedded database of a stopped server's data folder, for tests that compare
// what is stored before and after what they did over HTTP.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

/** Opens the data folder's database (the server must be stopped), runs `work`, and closes it again. */
export async function withDataFolder<T>(dataDir: string, work: (db: PGlite) => Promise<T>): Promise<T> {
	// With the extensions the server loads: the planner opens the trigram indexes of the tables it reads.
	const db = new PGlite(path.join(dataDir, 'pglite'), { extensions: { pg_trgm, unaccent } });
	try {
		return await work(db);
	} finally {
		await db.close();
	}
}

/**
 * Every table of the public schema as JSON text, rows in a stable order. With `municipalityId` only what
 * belongs to that municipality: its own row and its rows of every table with a municipality_id column.
 */
export async function tablesOf(
	db: PGlite,
	options: { municipalityId?: string } = {}
): Promise<Record<string, string>> {
	const tables = await db.query<{ name: string; tenant: boolean }>(
		`SELECT t.table_name AS name, EXISTS (
		   SELECT 1 FROM information_schema.columns c
		   WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'municipality_id'
		 ) AS tenant
		 FROM information_schema.tables t
		 WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY 1`
	);
	const id = options.municipalityId;
	const out: Record<string, string> = {};
	for (const { name, tenant } of tables.rows) {
		const where =
			id === undefined
				? ''
				: tenant
					? 'WHERE municipality_id = $1'
					: name === 'municipalities'
						? 'WHERE id = $1'
						: null;
		if (where === null) continue;
		const rows = await db.query<{ rows: string }>(
			`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS rows FROM "${name}" t ${where}`,
			id === undefined ? [] : [id]
		);
		out[name] = rows.rows[0]!.rows;
	}
	return out;
}

/** The tables whose rows differ, each with a few rows that are new or changed. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
	return Object.keys({ ...before, ...after })
		.filter((table) => before[table] !== after[table])
		.map((table) => {
			const was = new Set((JSON.parse(before[table] ?? '[]') as unknown[]).map((r) => JSON.stringify(r)));
			const is = (JSON.parse(after[table] ?? '[]') as unknown[]).map((r) => JSON.stringify(r));
			const gone = [...was].filter((r) => !is.includes(r)).length;
			return `${table}: ${gone} gone, new or changed: ${is
				.filter((r) => !was.has(r))
				.slice(0, 3)
				.join(' ')}`;
		});
}

/**
 * Values for the route parameters (see routes.ts' pathOf): real ids of Geel, so a write that got through
 * would change something. Read from a stopped server's data folder.
 */
export function routeValuesOfGeel(dataDir: string): Promise<Record<string, string>> {
	return withDataFolder(dataDir, async (db) => {
		const one = async (sql: string) => {
			const result = await db.query<{ v: string | number }>(sql);
			if (!result.rows[0]) throw new Error(`no value for: ${sql}`);
			return String(result.rows[0].v);
		};
		const geel = `(SELECT id FROM municipalities WHERE slug = 'geel')`;
		// A listed suggestion of an opportunity that takes votes now, so the victim's vote would count.
		const suggestion = await one(
			`SELECT s.id || ',' || s.opportunity_id || ',' || o.action_id AS v FROM suggestions s
			 JOIN opportunities o ON o.id = s.opportunity_id
			 JOIN suggestion_settings ss ON ss.opportunity_id = s.opportunity_id
			 WHERE s.municipality_id = ${geel} AND s.moderation = 'approved' AND s.merged_into_id IS NULL
			   AND ss.voting_open AND (o.opens_at IS NULL OR o.opens_at <= now())
			   AND (o.closes_at IS NULL OR o.closes_at > now())
			 ORDER BY s.id LIMIT 1`
		);
		const [suggestionId, opportunityId, actionId] = suggestion.split(',');
		const update = await one(
			`SELECT action_id || ',' || id AS v FROM action_updates WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
		);
		const [updateActionId, updateId] = update.split(',');
		return {
			municipality: 'geel',
			slug: 'geel',
			action: actionId!,
			actie: updateActionId!,
			update: updateId!,
			kans: opportunityId!,
			opportunity: opportunityId!,
			suggestion: suggestionId!,
			suggestie: suggestionId!,
			id: suggestionId!,
			thema: await one(
				`SELECT id AS v FROM themes WHERE municipality_id = ${geel} ORDER BY position, id LIMIT 1`
			),
			persoon: await one(
				`SELECT u.id AS v FROM users u JOIN user_identities i ON i.user_id = u.id
				 WHERE i.subject = 'dev-citizen-geel' LIMIT 1`
			),
			// The back office's id of the same kind of event: the first published upcoming one.
			activiteit: await one(
				`SELECT id AS v FROM events WHERE municipality_id = ${geel} AND status = 'published'
				 AND starts_at > now() ORDER BY starts_at, id LIMIT 1`
			),
			// A published event of Geel that takes registrations (the demo's working group).
			event: await one(
				`SELECT id || '-' || slug AS v FROM events WHERE municipality_id = ${geel} AND status = 'published'
				 AND starts_at > now() ORDER BY starts_at, id LIMIT 1`
			),
			// Geel's newsletter of the demo: sent, so its archive page exists.
			nieuwsbrief: await one(
				`SELECT id AS v FROM newsletters WHERE municipality_id = ${geel} AND status = 'sent' ORDER BY id LIMIT 1`
			),
			// A logistics item of Geel's event, or an id that is none (the step is refused or not found alike).
			taak:
				(await one(
					`SELECT i.id AS v FROM event_checklist_items i JOIN events e ON e.id = i.event_id
					 WHERE e.municipality_id = ${geel} ORDER BY i.id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			// A photo of the report of that event, or an id that is none (the step is refused or not found alike).
			foto:
				(await one(
					`SELECT p.media_id AS v FROM event_report_photos p JOIN events e ON e.id = p.event_id
					 WHERE e.municipality_id = ${geel} ORDER BY p.position LIMIT 1`
				).catch(() => undefined)) ?? '00000000-0000-4000-8000-000000000000',
			// Geel's communication plan of the demo, a moment and a text of it, and its short code.
			plan:
				(await one(
					`SELECT id AS v FROM communication_plans WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			moment:
				(await one(
					`SELECT id AS v FROM communication_moments WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			tekst:
				(await one(
					`SELECT id AS v FROM communication_texts WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			code:
				(await one(
					`SELECT short_code AS v FROM communication_texts WHERE municipality_id = ${geel}
					 AND short_code IS NOT NULL ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? 'geencode',
			// A neighbourhood story of Geel (the demo's waiting one first).
			verhaal:
				(await one(
					`SELECT id AS v FROM stories WHERE municipality_id = ${geel} ORDER BY (status = 'submitted') DESC, id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			// The playbook: a template of the region (Klimaatdoeners), its step and document keys, and Geel's
			// trajectory of the demo with its first step.
			sjabloon: 'klimaatdoeners',
			stapsleutel: 's1',
			document: 'd1',
			traject:
				(await one(
					`SELECT id AS v FROM playbook_trajectories WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			stap:
				(await one(
					`SELECT id AS v FROM playbook_trajectory_steps WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			// Geel's citizen group of the demo (Klimaatdoeners), a thread and a file of its workspace.
			groep:
				(await one(
					`SELECT id AS v FROM citizen_groups WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			gesprek:
				(await one(
					`SELECT id AS v FROM group_threads WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			bestand:
				(await one(
					`SELECT id AS v FROM group_files WHERE municipality_id = ${geel} ORDER BY created_at LIMIT 1`
				).catch(() => undefined)) ?? '00000000-0000-4000-8000-000000000000',
			// A session of Geel's citizen group (groups.sessions.ts), or an id that is none (not found alike).
			sessie:
				(await one(
					`SELECT id AS v FROM group_sessions WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			// An action of Geel's climate plan, and an upload of a plan that is none (refused or not found alike).
			planactie:
				(await one(
					`SELECT id AS v FROM climate_plan_actions WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			upload: '999999',
			// A council report of the climate plan that is none (issuing one is the journey's).
			rapport: '999999',
			// A funder's interim report that is none (/{municipality}/beheer/rapportering/{report}): refused or not found alike.
			report: '999999',
			// The Climate Pact of Geel's demo: an outcome staff recorded, and a citizen's report (with its photo).
			resultaat:
				(await one(
					`SELECT id AS v FROM climate_pact_outcomes WHERE municipality_id = ${geel} AND source <> 'citizen' ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			melding:
				(await one(
					`SELECT id AS v FROM climate_pact_outcomes WHERE municipality_id = ${geel} AND source = 'citizen' ORDER BY photo_id IS NULL, id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			// The plan's internal work of Geel: a climate team, a meeting with an agreement, a diagnosis round.
			dienst:
				(await one(
					`SELECT id AS v FROM climate_plan_departments WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			team:
				(await one(
					`SELECT id AS v FROM climate_plan_teams WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			overleg:
				(await one(
					`SELECT id AS v FROM climate_plan_meetings WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			afspraak:
				(await one(
					`SELECT id AS v FROM climate_plan_agreements WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			// A task of Geel's plan (its handover page), or an id that is none (refused or not found alike).
			klimaattaak:
				(await one(
					`SELECT id AS v FROM climate_plan_tasks WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			ronde:
				(await one(
					`SELECT id AS v FROM climate_plan_diagnosis_rounds WHERE municipality_id = ${geel} ORDER BY id LIMIT 1`
				).catch(() => undefined)) ?? '999999',
			level: '2',
			// A widget of Geel (/{municipality}/widget/{soort}): the ways to take part, which needs no option.
			soort: 'meedoen',
			// An open dataset of Geel and one of its formats (/{municipality}/open-data/{dataset}.{formaat}).
			dataset: 'acties',
			formaat: 'csv',
			rest: 'v1/iets',
			// An unsubscribe link (/uitschrijven/{token}) that is none: a malformed token is refused like any write
			// from another origin. A well-formed one is the one write without an Origin check (RFC 8058's
			// one-click), proven in notifications.test.ts.
			token: 'geen-geldige-link'
		};
	});
}

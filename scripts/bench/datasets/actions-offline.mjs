// Child process of the `actions` dataset step: writes 29 municipalities × 300 published actions straight
// into the embedded database of DATA_DIR (the app is stopped), in one transaction of set-based SQL.
// Reports its summary to the parent over IPC (or prints it when run by hand:
// `node scripts/bench/datasets/actions-offline.mjs .bench/data-…`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchDatabase } from '../lib/database.mjs';

export const ACTIONS_PER_MUNICIPALITY = 300;
export const OPPORTUNITIES_PER_ACTION = 5;
export const UPDATES_PER_ACTION = 2;
/** The action whose page is measured: this index among Geel's generated actions. */
export const SAMPLE_INDEX = 150;

// Six subjects per theme, in the order of the default themes (position 0–5 in the themes table).
const THEMES = [
	{
		key: 'greening',
		subjects: ['Ontharden en vergroenen van', 'Bomen planten op', 'Geveltuinen in']
	},
	{
		key: 'renewableEnergy',
		subjects: ['Zonnepanelen op', 'Een energiecoöperatie voor', 'Warmtepompen in']
	},
	{ key: 'renovation', subjects: ['Samen renoveren in', 'Dakisolatie in', 'Energiescans in'] },
	{ key: 'mobility', subjects: ['Een fietsstraat naar', 'Een schoolstraat aan', 'Deelfietsen aan'] },
	{ key: 'water', subjects: ['Regenwater opvangen aan', 'Wadi’s aanleggen in', 'Een beek herstellen bij'] },
	{ key: 'circular', subjects: ['Een repair café in', 'Een buurtmoestuin in', 'Een deelkast in'] }
];
const PLACES = [
	'de Markt',
	'het Kerkplein',
	'de Stationsstraat',
	'de sporthal',
	'de bibliotheek',
	'het gemeenschapscentrum',
	'de Molenstraat',
	'de wijk Centrum',
	'de Kapelstraat',
	'het jeugdhuis',
	'de Schoolstraat',
	'het park'
];
const STATUSES = ['idea', 'planned', 'inProgress', 'done', 'stopped'];
const OWNERS = [
	['department', 'Groendienst'],
	['citizenGroup', 'Klimaatmakers'],
	['partner', 'IOK'],
	['department', 'Dienst Mobiliteit'],
	['partner', 'Ecopower'],
	['citizenGroup', 'Klimaatdoeners']
];
// One kind and title per rung, in ladder order (inform … selfManage).
const RUNGS = [
	['inform', 'readUpdates', 'Volg de actie en lees de updates'],
	['consult', 'mapSuggestions', 'Plekken voorstellen op de kaart'],
	['advise', 'workingGroup', 'Werkgroep: denk mee over het ontwerp'],
	['coproduce', 'actionDay', 'Actiedag: samen aan de slag'],
	['codecide', 'vote', 'Beslis mee: stem over de keuze'],
	['selfManage', 'citizenGroup', 'Trek zelf mee in de burgergroep']
];

const text = (value) => `'${String(value).replace(/'/g, "''")}'`;
const array = (values) => `ARRAY[${values.map(text).join(', ')}]::text[]`;

/** @param {string} dataDir */
export async function generateActions(dataDir) {
	const started = performance.now();
	const db = await openBenchDatabase(dataDir);
	try {
		const municipalities = (await db.query('select count(*)::int as n from municipalities')).rows[0].n;
		if (municipalities === 0) throw new Error('no municipalities: did the priming boot run?');
		const base = (await db.query('select coalesce(max(id), 0)::int + 1 as base from actions')).rows[0].base;
		const n = ACTIONS_PER_MUNICIPALITY;
		const subjects = THEMES.flatMap((t) => t.subjects);
		// i is the index of the action within its municipality, mi the municipality's number (by slug);
		// ids are assigned as base + (mi - 1) * n + i, so later statements can find i and mi again.
		await db.exec(`
BEGIN;
INSERT INTO actions (id, municipality_id, slug, title, summary, body, decided, status, owner_kind, owner_name,
	starts_on, ends_on, place_name, lat, lng, published_at, created_at, updated_at)
SELECT ${base} + (m.mi - 1) * ${n} + g.i,
	m.id,
	trim(both '-' from regexp_replace(lower(meedoen_unaccent(
		(${array(subjects)})[(g.i % 6) * 3 + (g.i / 6) % 3 + 1] || ' ' || (${array(PLACES)})[(g.i / 18) % 12 + 1]
	)), '[^a-z0-9]+', '-', 'g')) || '-' || (g.i + 1),
	(${array(subjects)})[(g.i % 6) * 3 + (g.i / 6) % 3 + 1] || ' ' || (${array(PLACES)})[(g.i / 18) % 12 + 1]
		|| ' (' || (g.i + 1) || ')',
	'Samen met buren, verenigingen en de gemeente pakken we ' || (${array(PLACES)})[(g.i / 18) % 12 + 1]
		|| ' aan in ' || m.name || '. Geef je ideeën, kom naar de werkgroep of steek de handen uit de mouwen.',
	repeat('In ' || m.name || ' werken we aan een klimaatgezonde gemeente. Deze actie is er één van: '
		|| 'we verzamelen suggesties, bespreken ze in een werkgroep en voeren de beste uit. ', 4),
	CASE WHEN g.i % 3 = 0 THEN 'Het college keurde het budget goed.' ELSE '' END,
	(${array(STATUSES)})[g.i % 5 + 1],
	(${array(OWNERS.map((o) => o[0]))})[g.i % 6 + 1],
	(${array(OWNERS.map((o) => o[1]))})[g.i % 6 + 1],
	current_date - (g.i % 200),
	current_date + (g.i % 300),
	initcap((${array(PLACES)})[(g.i / 18) % 12 + 1]),
	m.center_lat + ((g.i * 7919) % 2000 - 1000) / 111320.0,
	m.center_lng + ((g.i * 104729) % 2000 - 1000) / 70000.0,
	now() - make_interval(mins => g.i * 37 + m.mi::int),
	now() - make_interval(mins => g.i * 37 + m.mi::int + 60),
	now() - make_interval(mins => g.i * 37 + m.mi::int)
FROM (SELECT id, name, center_lat, center_lng, row_number() OVER (ORDER BY slug) AS mi FROM municipalities) m
CROSS JOIN generate_series(0, ${n - 1}) AS g(i);

SELECT setval(pg_get_serial_sequence('actions', 'id'), (SELECT max(id) FROM actions));

INSERT INTO action_themes (municipality_id, action_id, theme_id)
SELECT a.municipality_id, a.id, t.id
FROM actions a
JOIN themes t ON t.municipality_id = a.municipality_id
	AND (t.default_key = (${array(THEMES.map((t) => t.key))})[((a.id - ${base}) % ${n}) % 6 + 1]
		OR ((a.id - ${base}) % ${n} % 4 = 0
			AND t.default_key = (${array(THEMES.map((t) => t.key))})[(((a.id - ${base}) % ${n}) + 3) % 6 + 1]))
WHERE a.id >= ${base};

INSERT INTO opportunities (municipality_id, action_id, title, rung, kind, how_to, opens_at, closes_at, position)
SELECT a.municipality_id, a.id,
	(${array(RUNGS.map((r) => r[2]))})[((a.id - ${base}) % ${n} + p) % 6 + 1],
	(${array(RUNGS.map((r) => r[0]))})[((a.id - ${base}) % ${n} + p) % 6 + 1],
	(${array(RUNGS.map((r) => r[1]))})[((a.id - ${base}) % ${n} + p) % 6 + 1],
	'Schrijf je in via deze pagina. We houden je op de hoogte per mail.',
	CASE p WHEN 0 THEN NULL WHEN 1 THEN now() - interval '10 days' WHEN 2 THEN now() - interval '60 days'
		WHEN 3 THEN now() + interval '20 days' ELSE now() - interval '3 days' END,
	CASE p WHEN 0 THEN NULL WHEN 1 THEN now() + interval '20 days' WHEN 2 THEN now() - interval '30 days'
		WHEN 3 THEN now() + interval '50 days' ELSE NULL END,
	p
FROM actions a CROSS JOIN generate_series(0, ${OPPORTUNITIES_PER_ACTION - 1}) AS p
WHERE a.id >= ${base};

INSERT INTO action_updates (municipality_id, action_id, title, body, author_name, published_at, created_at)
SELECT a.municipality_id, a.id,
	CASE u WHEN 0 THEN 'De actie gaat van start' ELSE 'Stand van zaken' END,
	'Bedankt aan iedereen die meedeed. Dit is er intussen gebeurd, en dit zijn de volgende stappen.',
	a.owner_name,
	least(now(), a.published_at + make_interval(days => u * 3)),
	least(now(), a.published_at + make_interval(days => u * 3))
FROM actions a CROSS JOIN generate_series(0, ${UPDATES_PER_ACTION - 1}) AS u
WHERE a.id >= ${base};
COMMIT;
ANALYZE actions;
ANALYZE action_themes;
ANALYZE opportunities;
ANALYZE action_updates;
`);
		const counts = (
			await db.query(
				`
select (select count(*)::int from actions where id >= $1) as actions,
	(select count(*)::int from action_themes where action_id >= $1) as "actionThemes",
	(select count(*)::int from opportunities where action_id >= $1) as opportunities,
	(select count(*)::int from action_updates where action_id >= $1) as updates,
	(select count(distinct municipality_id)::int from actions where id >= $1) as municipalities`,
				[base]
			)
		).rows[0];
		const [sample] = (
			await db.query(
				`select a.id, a.slug from actions a join municipalities m on m.id = a.municipality_id
				where m.slug = 'geel' and a.id >= $1 and (a.id - $1) % $2 = $3`,
				[base, n, SAMPLE_INDEX]
			)
		).rows;
		if (!sample) throw new Error('the sample action of Geel was not generated');
		return {
			...counts,
			firstId: base,
			geelActionPath: `/geel/acties/${sample.id}-${sample.slug}`,
			ms: Math.round(performance.now() - started)
		};
	} finally {
		await db.close();
	}
}

// Run as a child of the benchmark (or by hand): generate, report, exit.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dataDir = process.argv[2];
	if (!dataDir) {
		console.error('usage: node scripts/bench/datasets/actions-offline.mjs DATA_DIR');
		process.exit(2);
	}
	try {
		const summary = await generateActions(dataDir);
		if (process.send) process.send({ summary });
		else console.log(JSON.stringify(summary, null, '\t'));
		process.exitCode = 0;
	} catch (error) {
		if (process.send) process.send({ error: error.stack ?? String(error) });
		else console.error(error);
		process.exitCode = 1;
	}
}

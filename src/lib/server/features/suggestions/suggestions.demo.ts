// Demo suggestions on the map for Geel, Mol and Olen: dozens per municipality around its centre, every status
// with its dated story, votes by a pool of neighbours (counted exactly), comments with replies, official
// answers, open reports and one merged pair. Deterministic: every fresh start gets the same content.
import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actions,
	municipalities,
	opportunities,
	suggestionComments,
	subscriptions,
	suggestionReports,
	suggestionStory,
	suggestionVotes,
	suggestions,
	themes,
	userIdentities,
	users
} from '$lib/server/db/schema';
import type { DefaultThemeKey } from '$lib/domain/themes';
import type { ModerationMode, ModerationReason, SuggestionStatus } from '$lib/domain/suggestions';
import { DEMO_PERSONA_ISSUER } from '$lib/server/features/accounts/accounts.demo';
import { insertSuggestion, upsertSuggestionSettings } from './suggestions.queries';
import { isInMunicipality } from '$lib/server/platform/geo/geo';
import { loadMunicipalityArea } from '$lib/server/platform/geo/area';
import { slugify } from '$lib/server/platform/text';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The demo citizens of the development identity provider get an account here under DEMO_PERSONA_ISSUER and
// their persona subject, so their own suggestions exist before they first log in; the persona accounts adopt it.
export { DEMO_PERSONA_ISSUER };

/** Suggestions stay within this distance of the municipality's centre (its territory is larger). */
export const DEMO_RADIUS_METRES: Record<string, number> = { geel: 3_500, mol: 3_500, olen: 2_000 };

interface DemoOpportunitySetup {
	/** Title of the demo action's opportunity of kind mapSuggestions. */
	title: string;
	/** When a municipality has several actions with an opportunity of this title: part of the action's title. */
	actionTitleIncludes?: string;
	moderation: ModerationMode;
	votingOpen?: boolean;
	voteLimit?: number | null;
	count: number;
	theme: DefaultThemeKey;
	altTheme?: DefaultThemeKey;
	subject: 'unpaving' | 'roofs' | 'cycling';
}

interface DemoPersona {
	sub: string;
	givenName: string;
	familyName: string;
}

interface DemoTown {
	/** Number of neighbours in the voting pool. */
	pool: number;
	streets: string[];
	schools: string[];
	places: string[];
	sportsHalls: string[];
	districts: string[];
	persona: DemoPersona;
	opportunities: DemoOpportunitySetup[];
}

const TOWNS: Record<string, DemoTown> = {
	geel: {
		pool: 80,
		streets: [
			'Kapelstraat',
			'Stationsstraat',
			'Nieuwstraat',
			'Diestseweg',
			'Kollegestraat',
			'Werft',
			'Pas',
			'Kameinestraat',
			'Logstraat',
			'Molseweg',
			'Antwerpseweg',
			'Rijn',
			'Boerenkrijglaan',
			'Sint-Dimpnaplein'
		],
		schools: ['De Vlindertuin', 'Sint-Jozef', 'De Klimop', 'Sint-Aloysius', 'Stelen'],
		places: [
			'de Markt',
			'het Sint-Amandsplein',
			'het station',
			'de bibliotheek',
			'het zwembad',
			'de Sint-Dimpnakerk',
			'het gemeenschapscentrum De Werft'
		],
		sportsHalls: ['De Nete', 'Stelen', 'Bel'],
		districts: ['Larum', 'Stelen', 'Winkelomheide', 'Bel', 'Zammel', 'Punt', 'Ten Aard', 'Elsum', 'Oosterlo'],
		persona: { sub: 'dev-citizen-geel', givenName: 'Lotte', familyName: 'Peeters' },
		opportunities: [
			{
				title: 'Plekken om te ontharden en te vergroenen',
				moderation: 'pre',
				voteLimit: 3,
				count: 30,
				theme: 'greening',
				altTheme: 'water',
				subject: 'unpaving'
			},
			{
				title: 'Daken die geschikt zijn voor zonnepanelen',
				moderation: 'post',
				count: 12,
				theme: 'renewableEnergy',
				subject: 'roofs'
			}
		]
	},
	mol: {
		pool: 60,
		streets: [
			'Rivierenstraat',
			'Kerkstraat',
			'Statiestraat',
			'Jakob Smitslaan',
			'Molderdijk',
			'Postelsesteenweg',
			'Turnhoutsebaan',
			'Guido Gezellelaan',
			'Laar',
			'Bruggestraat',
			'Kruisven'
		],
		schools: ['Sint-Jan Berchmans', 'De Zonnewijzer', 'Rozenberg', 'Het Kompas'],
		places: [
			'de Markt',
			'het Statieplein',
			'de Sint-Pieter-en-Pauwelkerk',
			'de bibliotheek',
			'het station',
			'het Jakob Smitsmuseum'
		],
		sportsHalls: ['Den Uyt', 'Gompel', 'Achterbos'],
		districts: [
			'Achterbos',
			'Ezaart',
			'Millegem',
			'Rauw',
			'Sluis',
			'Wezel',
			'Gompel',
			'Donk',
			'Ginderbuiten'
		],
		persona: { sub: 'dev-citizen-mol', givenName: 'Jonas', familyName: 'Janssens' },
		opportunities: [
			{
				title: 'Plekken om te ontharden en te vergroenen',
				moderation: 'post',
				count: 26,
				theme: 'greening',
				altTheme: 'water',
				subject: 'unpaving'
			},
			{
				title: 'Daken die geschikt zijn voor zonnepanelen',
				moderation: 'pre',
				votingOpen: false,
				count: 12,
				theme: 'renewableEnergy',
				subject: 'roofs'
			}
		]
	},
	olen: {
		pool: 50,
		streets: [
			'Dorp',
			'Geelsebaan',
			'Herentalsesteenweg',
			'Kerkstraat',
			'Lindestraat',
			'Boekelseweg',
			'Doffen',
			'Hezewijk',
			'Lammerdries',
			'Oosterwijk'
		],
		schools: ['De Vlinder', 'Sint-Jozef-Olen', 'Achter-Olen'],
		places: ['het Dorp', 'de Sint-Martinuskerk', 'het gemeentehuis', 'de bibliotheek', 'de Sint-Jozefkerk'],
		sportsHalls: ['Olen', 'Sint-Jozef-Olen'],
		districts: ['Sint-Jozef-Olen', 'Achter-Olen', 'Olen-Centrum', 'Boekel', 'Doffen'],
		persona: { sub: 'dev-citizen-olen', givenName: 'Marie', familyName: 'Maes' },
		opportunities: [
			{
				title: 'Plekken om te ontharden en te vergroenen',
				moderation: 'pre',
				voteLimit: 5,
				count: 22,
				theme: 'greening',
				altTheme: 'water',
				subject: 'unpaving'
			},
			{
				title: 'Gevaarlijke punten voor fietsers',
				moderation: 'post',
				count: 14,
				theme: 'mobility',
				subject: 'cycling'
			}
		]
	}
};

/** A small deterministic generator (mulberry32), seeded per municipality. */
function random(seedText: string) {
	let seed = 0;
	for (const char of seedText) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) | 0;
	const next = () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	return {
		next,
		int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
		pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!
	};
}
type Random = ReturnType<typeof random>;

interface Draft {
	title: string;
	body: string;
	placeName: string;
}

/** Titles and bodies per subject, filled with the municipality's own streets and places. */
function draftsFor(subject: DemoOpportunitySetup['subject'], town: DemoTown, rnd: Random): (() => Draft)[] {
	const street = () => rnd.pick(town.streets);
	const district = () => rnd.pick(town.districts);
	if (subject === 'unpaving')
		return [
			() => {
				const s = street();
				return {
					title: `Pleintje aan de ${s} vergroenen`,
					body: `Het pleintje aan de ${s} is helemaal betegeld. In de zomer is het er bloedheet en bij een onweer loopt het water zo de kelders in. Met een paar bomen, een border en een bank wordt het een plek waar buren elkaar ontmoeten.`,
					placeName: `Pleintje aan de ${s}`
				};
			},
			() => {
				const school = rnd.pick(town.schools);
				return {
					title: `Schoolstraat aan basisschool ${school}: tegels eruit, bomen erin`,
					body: `Voor de schoolpoort van ${school} staat 's morgens een rij auto's. Als het een echte schoolstraat wordt, kan de helft van de verharding weg. De kinderen kunnen mee planten en het groen onderhouden.`,
					placeName: `Schoolpoort ${school}`
				};
			},
			() => {
				const place = rnd.pick(town.places);
				return {
					title: `Parking bij ${place} deels ontharden`,
					body: `De parking bij ${place} staat alleen op zaterdag vol. Met grasdallen op de helft van de plaatsen en bomen tussen de rijen blijft er genoeg parkeerruimte en kan het regenwater in de grond.`,
					placeName: `Parking bij ${place}`
				};
			},
			() => {
				const d = district();
				return {
					title: `Kerkomgeving in ${d} groener maken`,
					body: `Rond de kerk in ${d} ligt vooral asfalt en kasseien. Een bloemenweide en een paar linden zouden het dorpsplein een stuk gezelliger en koeler maken.`,
					placeName: `Kerkplein ${d}`
				};
			},
			() => {
				const s = street();
				return {
					title: `Brede stoep in de ${s} ontharden`,
					body: `De stoep in de ${s} is meer dan vier meter breed, terwijl twee meter genoeg is. Met een strook groen langs de gevels worden de huizen koeler en het water kan weg.`,
					placeName: `${s}, stoep aan de pare kant`
				};
			},
			() => {
				const s = street();
				return {
					title: `Geveltuintjes in de ${s}`,
					body: `Veel buren in de ${s} willen een geveltuintje, maar weten niet of het mag. Kan de gemeente de tegels langs de gevels in één keer wegnemen, zodat we samen planten?`,
					placeName: `${s}`
				};
			},
			() => {
				const school = rnd.pick(town.schools);
				return {
					title: `Speelplaats van ${school} vergroenen`,
					body: `De speelplaats van ${school} is één grote vlakte asfalt. Ouders en leerkrachten willen er een natuurlijke speelplaats van maken met heuveltjes, struiken en een moestuin.`,
					placeName: `Speelplaats ${school}`
				};
			},
			() => {
				const s = street();
				return {
					title: `Wadi op het grasplein aan de ${s}`,
					body: `Bij zware regen staat de ${s} onder water. Op het grasplein ernaast kan een wadi het water opvangen en laten insijpelen.`,
					placeName: `Grasplein aan de ${s}`
				};
			},
			() => {
				const s = street();
				return {
					title: `Middenberm van de ${s} met bloemen en bomen`,
					body: `De middenberm van de ${s} is nu klinkers. Met een bloemrijke berm en een rij bomen wordt de straat rustiger en groener.`,
					placeName: `Middenberm ${s}`
				};
			}
		];
	if (subject === 'roofs')
		return [
			() => {
				const hall = rnd.pick(town.sportsHalls);
				return {
					title: `Dak van sporthal ${hall}`,
					body: `Het dak van sporthal ${hall} is groot, plat en ligt in volle zon. In de sporthal branden de lichten elke avond: de stroom wordt ter plaatse verbruikt.`,
					placeName: `Sporthal ${hall}`
				};
			},
			() => {
				const school = rnd.pick(town.schools);
				return {
					title: `Dak van basisschool ${school}`,
					body: `De school ${school} kreeg vorig jaar een nieuw dak. Het ligt op het zuiden en er staan nog geen panelen op. De ouderraad wil graag mee investeren.`,
					placeName: `Basisschool ${school}`
				};
			},
			() => {
				const place = rnd.pick(town.places);
				return {
					title: `Zonnepanelen op het dak van ${place}`,
					body: `Het gebouw bij ${place} heeft een groot plat dak zonder schaduw van bomen. Een mooi voorbeeld voor iedereen die voorbijkomt.`,
					placeName: `${place[0]!.toUpperCase()}${place.slice(1)}`
				};
			},
			() => {
				const d = district();
				return {
					title: `Loods van de landbouwcoöperatie in ${d}`,
					body: `De loods in ${d} heeft een dak van meer dan 2.000 m². De eigenaar staat open voor een coöperatief project, heeft hij op de buurtvergadering gezegd.`,
					placeName: `Loods in ${d}`
				};
			},
			() => {
				const s = street();
				return {
					title: `Carport met zonnedak op de parking aan de ${s}`,
					body: `Een overkapping met zonnepanelen op de parking aan de ${s} geeft schaduw aan de auto's en stroom voor laadpalen.`,
					placeName: `Parking aan de ${s}`
				};
			}
		];
	return [
		() => {
			const a = street();
			const b = rnd.pick(town.streets.filter((s) => s !== a));
			return {
				title: `Kruispunt ${a} – ${b}`,
				body: `Op het kruispunt van de ${a} met de ${b} zie je als fietser de auto's pas op het laatste moment. Een verhoogd plateau en een duidelijke oversteek zouden veel helpen.`,
				placeName: `Kruispunt ${a} en ${b}`
			};
		},
		() => {
			const s = street();
			return {
				title: `Fietspad langs de ${s} is te smal`,
				body: `Het fietspad langs de ${s} is nog geen meter breed en ligt vol putten. Vrachtwagens rijden rakelings voorbij. Scholieren rijden er elke dag.`,
				placeName: `${s}`
			};
		},
		() => {
			const school = rnd.pick(town.schools);
			return {
				title: `Schoolomgeving ${school}: auto's op het fietspad`,
				body: `Bij het begin en einde van de schooldag parkeren ouders op het fietspad aan ${school}. Kinderen moeten dan tussen de auto's door op de rijweg.`,
				placeName: `Schoolomgeving ${school}`
			};
		},
		() => {
			const d = district();
			return {
				title: `Oversteek naar ${d} zonder licht`,
				body: `Wie naar ${d} fietst, moet de steenweg oversteken zonder verkeerslicht of middeneiland. 's Avonds is het er ook slecht verlicht.`,
				placeName: `Oversteek richting ${d}`
			};
		},
		() => {
			const s = street();
			return {
				title: `Rotonde aan de ${s}`,
				body: `Op de rotonde aan de ${s} nemen auto's fietsers vaak de voorrang. Een aanliggend fietspad in een andere kleur maakt duidelijk wie voorgaat.`,
				placeName: `Rotonde ${s}`
			};
		}
	];
}

const COMMENTS = [
	'Helemaal mee eens. In de zomer is het daar niet uit te houden.',
	'Goed idee! Ik wil ook helpen met planten op de plantdag.',
	'Denk wel aan de parkeerplaatsen voor de buren die slecht te been zijn.',
	'Mijn kinderen komen daar elke dag voorbij. Wat groen zou veel schelen.',
	'Ligt daar geen leiding van Fluvius onder? Dan kan er misschien geen boom staan.',
	'Ik woon om de hoek en steun dit volledig.',
	'Kunnen de buren het onderhoud mee opnemen? Ik doe graag mee.',
	'Er was al eens een plan voor deze plek. Weet iemand wat ermee gebeurd is?',
	'Liever eerst de plekken aan de scholen, daar is het het drukst.',
	'Mooi voorstel. Misschien ook een fietsenstalling voorzien?'
];

const REPLIES = [
	'Goede vraag, ik zoek het eens op bij de buurtvereniging.',
	'Dat denk ik ook. We kunnen het samen voorstellen op de werkgroep.',
	'Volgens mij kan het, als de bomen op de juiste plek komen.',
	'Eens, al moet er wel plaats blijven voor de hulpdiensten.'
];

const OFFICIAL_REPLY =
	'Bedankt voor je vraag. De technische dienst bekijkt de leidingen ter plaatse en we zetten het antwoord hier.';

/** What the municipality answers officially, by the status the suggestion reached. */
const ANSWERS: Partial<Record<SuggestionStatus, string>> = {
	underReview:
		'Bedankt voor je suggestie. De Groendienst en de technische dienst bekijken de plek deze maand ter plaatse. We laten hier weten wat eruit komt.',
	chosen:
		'Goed nieuws: de werkgroep koos deze plek. We werken een ontwerp uit met de buren en plannen de werken in het voorjaar.',
	notChosen:
		'We bekeken je suggestie grondig. Onder deze plek liggen leidingen die niet verplaatst kunnen worden, daarom kozen we ze niet. Dank om mee te denken.',
	inExecution:
		'De werken zijn gestart. De aannemer haalt de verharding weg, daarna volgt de plantdag met de buurt.',
	done: 'Klaar! De plek is onthard en beplant. Dank aan alle buren die meehielpen op de plantdag.'
};

const NOT_CHOSEN_REASONS = [
	'Er liggen nutsleidingen onder die niet verplaatst kunnen worden.',
	'De plek is privé-eigendom; de eigenaar wil niet meewerken.',
	'Er zijn al werken gepland in deze straat in 2027; we nemen het daarin mee.'
];

/** The statuses to spread in an opportunity, beyond plain published ones. Pending only under pre-moderation. */
function statusPlan(moderation: ModerationMode, count: number): SuggestionStatus[] {
	const plan: SuggestionStatus[] =
		moderation === 'pre'
			? [
					'submitted',
					'submitted',
					'submitted',
					'underReview',
					'underReview',
					'chosen',
					'chosen',
					'notChosen',
					'notChosen',
					'inExecution',
					'done'
				]
			: ['underReview', 'chosen', 'notChosen', 'inExecution', 'done'];
	while (plan.length < count) plan.push('published');
	return plan.slice(0, count);
}

/** The steps a suggestion went through to reach its status, after publication. */
function stepsTo(status: SuggestionStatus): SuggestionStatus[] {
	switch (status) {
		case 'underReview':
			return ['underReview'];
		case 'chosen':
			return ['underReview', 'chosen'];
		case 'notChosen':
			return ['underReview', 'notChosen'];
		case 'inExecution':
			return ['underReview', 'chosen', 'inExecution'];
		case 'done':
			return ['underReview', 'chosen', 'inExecution', 'done'];
		default:
			return [];
	}
}

function slugOf(title: string): string {
	const slug = slugify(title);
	return slug.length <= 60 ? slug : slug.slice(0, 61).replace(/-[^-]*$/, '');
}

interface Planned {
	opportunityId: number;
	setup: DemoOpportunitySetup;
	id: number;
	authorId: string;
	status: SuggestionStatus;
	listed: boolean;
	publishedAt: Date | null;
	popularity: number;
}

export interface DemoSuggestionsSummary {
	municipalities: number;
	suggestions: number;
	votes: number;
	comments: number;
}

/**
 * Loads the demo suggestions into Geel, Mol and Olen where the demo actions' opportunities exist and no
 * suggestion is there yet, so it never adds to real content and a second run changes nothing. Runs inside
 * the demo's transaction (platform/demo.ts), after the demo actions.
 */
export async function seedDemoSuggestions(
	db: Db,
	options: { now?: Date } = {}
): Promise<DemoSuggestionsSummary> {
	const now = options.now ?? new Date();
	const summary: DemoSuggestionsSummary = { municipalities: 0, suggestions: 0, votes: 0, comments: 0 };
	const towns = await db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			centerLat: municipalities.centerLat,
			centerLng: municipalities.centerLng
		})
		.from(municipalities)
		.where(inArray(municipalities.slug, Object.keys(TOWNS)))
		.orderBy(municipalities.slug);
	const filled = new Set(
		(
			await db
				.selectDistinct({ municipalityId: suggestions.municipalityId })
				.from(suggestions)
				.where(
					inArray(
						suggestions.municipalityId,
						towns.map((t) => t.id)
					)
				)
		).map((r) => r.municipalityId)
	);

	for (const town of towns) {
		const content = TOWNS[town.slug];
		if (!content || filled.has(town.id)) continue;
		const rnd = random(`meedoen-suggestions-${town.slug}`);
		const opportunityRows = await db
			.select({
				id: opportunities.id,
				title: opportunities.title,
				opensAt: opportunities.opensAt,
				actionTitle: actions.title
			})
			.from(opportunities)
			.innerJoin(actions, eq(actions.id, opportunities.actionId))
			.where(
				and(
					eq(opportunities.municipalityId, town.id),
					eq(opportunities.kind, 'mapSuggestions'),
					isNotNull(actions.publishedAt)
				)
			)
			.orderBy(opportunities.id);
		const setups = content.opportunities.flatMap((setup) => {
			const row = opportunityRows.find(
				(o) =>
					o.title === setup.title &&
					(!setup.actionTitleIncludes || o.actionTitle.includes(setup.actionTitleIncludes))
			);
			return row ? [{ setup, row }] : [];
		});
		if (setups.length === 0) continue;
		summary.municipalities++;

		const themeRows = await db
			.select({ id: themes.id, key: themes.defaultKey })
			.from(themes)
			.where(and(eq(themes.municipalityId, town.id), isNotNull(themes.defaultKey)));
		const themeId = (key: DefaultThemeKey) => themeRows.find((t) => t.key === key)?.id ?? null;

		// The neighbours who vote and comment: accounts without e-mail, like people who only ever used the demo.
		const pool = await db
			.insert(users)
			.values(
				Array.from({ length: content.pool }, (_, i) => ({
					displayName: `Buurtbewoner ${i + 1}`,
					homeMunicipalityId: town.id,
					firstChannel: 'demo',
					createdAt: new Date(now.getTime() - (90 + i) * DAY)
				}))
			)
			.returning({ id: users.id });
		const poolIds = pool.map((p) => p.id);
		const persona = await ensureDemoPersona(db, content.persona, town.id, now);

		const metresPerDegreeLat = 111_320;
		const metresPerDegreeLng = 111_320 * Math.cos((town.centerLat * Math.PI) / 180);
		const radius = DEMO_RADIUS_METRES[town.slug] ?? 2_000;
		const area = await loadMunicipalityArea({ db }, town.id);
		const place = () => {
			// Uniform over the disc, a little denser towards the centre where people live; drawn again until it
			// lies in the municipality (the disc of Mol reaches into Balen and Dessel).
			for (;;) {
				const r = radius * Math.pow(rnd.next(), 0.65);
				const angle = rnd.next() * 2 * Math.PI;
				const point = {
					lat: town.centerLat + (r * Math.cos(angle)) / metresPerDegreeLat,
					lng: town.centerLng + (r * Math.sin(angle)) / metresPerDegreeLng
				};
				if (!area || isInMunicipality(area, point)) return point;
			}
		};

		const planned: Planned[] = [];
		// The stories of all suggestions of the municipality, written in one insert (the seed runs at every fresh start).
		const story: (typeof suggestionStory.$inferInsert)[] = [];
		const answers: SQL[] = [];
		const usedTitles = new Set<string>();
		let withoutPlace = 0;
		let personaPublished = false;
		for (const { setup, row } of setups) {
			await upsertSuggestionSettings(db, {
				municipalityId: town.id,
				opportunityId: row.id,
				moderation: setup.moderation,
				votingOpen: setup.votingOpen ?? true,
				voteLimit: setup.voteLimit ?? null
			});
			const opensAt = row.opensAt ?? new Date(now.getTime() - 30 * DAY);
			const ageMs = Math.max(now.getTime() - opensAt.getTime(), 3 * DAY);
			const drafts = draftsFor(setup.subject, content, rnd);
			const plan = statusPlan(setup.moderation, setup.count);
			for (const [index, status] of plan.entries()) {
				let draft = rnd.pick(drafts)();
				for (let tries = 0; usedTitles.has(draft.title) && tries < 20; tries++) draft = rnd.pick(drafts)();
				// Rarely all tried titles are taken: the same kind of place elsewhere in the municipality.
				for (let n = 2; usedTitles.has(draft.title); n++)
					draft = { ...draft, title: `${draft.title.replace(/ \(\d+\)$/, '')} (${n})` };
				usedTitles.add(draft.title);

				// The persona's own: the first published one of each municipality's first opportunity, and
				// in Geel also one still waiting for the moderator.
				const isPersonaOwn =
					setup === setups[0]!.setup &&
					((status === 'published' && !personaPublished) || (town.slug === 'geel' && index === 0));
				if (isPersonaOwn && status === 'published') personaPublished = true;
				const authorId = isPersonaOwn ? persona : rnd.pick(poolIds);
				// Advanced statuses are older; fresh ones came in lately.
				const advanced = stepsTo(status).length;
				const share =
					advanced > 0
						? rnd.next() * 0.35
						: status === 'submitted'
							? 0.85 + rnd.next() * 0.12
							: rnd.next() * 0.8;
				const createdAt = new Date(opensAt.getTime() + share * ageMs);
				const pending = status === 'submitted';
				const publishedAt = pending
					? null
					: new Date(createdAt.getTime() + (setup.moderation === 'pre' ? rnd.int(2, 20) * HOUR : 0));
				// A couple without coordinates: the address was typed and staff still have to place it.
				const unplaced = (pending && withoutPlace === 0) || (status === 'published' && withoutPlace === 1);
				if (unplaced) withoutPlace++;
				const coordinates = unplaced ? { lat: null, lng: null } : place();
				const inserted = await insertSuggestion(db, {
					municipalityId: town.id,
					opportunityId: row.id,
					authorId,
					themeId: themeId(setup.altTheme && rnd.next() < 0.3 ? setup.altTheme : setup.theme),
					slug: slugOf(draft.title),
					title: draft.title,
					body: draft.body,
					placeName: draft.placeName,
					...coordinates,
					status,
					moderation: pending ? 'pending' : 'approved',
					publishedAt,
					createdAt
				});
				story.push({
					municipalityId: town.id,
					suggestionId: inserted.id,
					kind: 'submitted',
					status: 'submitted',
					actorId: authorId,
					createdAt
				});
				let last = publishedAt ?? createdAt;
				if (publishedAt)
					story.push({
						municipalityId: town.id,
						suggestionId: inserted.id,
						kind: 'published',
						status: 'published',
						createdAt: publishedAt
					});
				const steps = stepsTo(status);
				const room = now.getTime() - HOUR - last.getTime();
				for (const [stepIndex, step] of steps.entries()) {
					const at = new Date(last.getTime() + (room / (steps.length + 1)) * (0.6 + rnd.next() * 0.4));
					last = at;
					story.push({
						municipalityId: town.id,
						suggestionId: inserted.id,
						kind: 'status',
						status: step,
						reason: step === 'notChosen' ? rnd.pick(NOT_CHOSEN_REASONS) : '',
						createdAt: at
					});
					// The official answer comes with the last step.
					const answer = stepIndex === steps.length - 1 ? ANSWERS[step] : undefined;
					if (answer) {
						const answeredAt = new Date(at.getTime() + 10 * 60_000);
						answers.push(
							sql`(${inserted.id}::int, ${answer}::text, ${answeredAt.toISOString()}::timestamptz)`
						);
						story.push({
							municipalityId: town.id,
							suggestionId: inserted.id,
							kind: 'answered',
							createdAt: answeredAt
						});
					}
				}
				planned.push({
					opportunityId: row.id,
					setup,
					id: inserted.id,
					authorId,
					status,
					listed: !pending,
					publishedAt,
					popularity: Math.pow(rnd.next(), 2) + (advanced > 0 ? 0.4 : 0)
				});
			}
		}

		// One rejected suggestion in the first pre-moderated opportunity, with the moderator's reason.
		const preSetup = setups.find((s) => s.setup.moderation === 'pre');
		if (preSetup) {
			const createdAt = new Date(now.getTime() - 4 * DAY);
			const rejected = await insertSuggestion(db, {
				municipalityId: town.id,
				opportunityId: preSetup.row.id,
				authorId: rnd.pick(poolIds),
				slug: 'goedkope-zonnepanelen-bestel-nu',
				title: 'Goedkope zonnepanelen, bestel nu',
				body: 'Bel ons voor de beste prijs op zonnepanelen in de Kempen.',
				placeName: null,
				status: 'submitted',
				moderation: 'rejected',
				publishedAt: null,
				createdAt
			});
			await db
				.update(suggestions)
				.set({ moderationReason: 'spam' })
				.where(and(eq(suggestions.municipalityId, town.id), eq(suggestions.id, rejected.id)));
			story.push({
				municipalityId: town.id,
				suggestionId: rejected.id,
				kind: 'submitted',
				status: 'submitted',
				createdAt
			});
		}

		// One merged pair: a later duplicate of a published suggestion, merged into it (it had no votes of its own).
		const kept = planned.find(
			(p) =>
				p.status === 'published' &&
				p.authorId !== persona &&
				p.publishedAt !== null &&
				p.publishedAt.getTime() < now.getTime() - 3 * DAY
		);
		if (kept) {
			const [original] = await db
				.select({
					title: suggestions.title,
					placeName: suggestions.placeName,
					lat: suggestions.lat,
					lng: suggestions.lng
				})
				.from(suggestions)
				.where(and(eq(suggestions.municipalityId, town.id), eq(suggestions.id, kept.id)));
			const createdAt = new Date(
				Math.min(
					Math.max(kept.publishedAt!.getTime() + DAY, now.getTime() - 6 * DAY),
					now.getTime() - 2 * DAY
				)
			);
			const title = `${original!.title} (dubbel)`;
			const duplicate = await insertSuggestion(db, {
				municipalityId: town.id,
				opportunityId: kept.opportunityId,
				authorId: rnd.pick(poolIds),
				themeId: themeId(kept.setup.theme),
				slug: slugOf(title),
				title,
				body: 'Dezelfde plek: hier zou wat groen echt welkom zijn.',
				placeName: original!.placeName,
				lat: original!.lat === null ? null : original!.lat + 0.0002,
				lng: original!.lng === null ? null : original!.lng + 0.0002,
				status: 'published',
				moderation: 'approved',
				publishedAt: createdAt,
				createdAt
			});
			const mergedAt = new Date(createdAt.getTime() + DAY);
			await db
				.update(suggestions)
				.set({ mergedIntoId: kept.id, updatedAt: mergedAt })
				.where(and(eq(suggestions.municipalityId, town.id), eq(suggestions.id, duplicate.id)));
			for (const [kind, status] of [
				['submitted', 'submitted'],
				['published', 'published']
			] as const)
				story.push({
					municipalityId: town.id,
					suggestionId: duplicate.id,
					kind,
					status,
					createdAt
				});
			story.push({
				municipalityId: town.id,
				suggestionId: duplicate.id,
				kind: 'merged',
				reason: 'Deze suggestie gaat over dezelfde plek als een andere; we voegden ze samen.',
				createdAt: mergedAt
			});
		}

		for (let i = 0; i < story.length; i += 1_000)
			await db.insert(suggestionStory).values(story.slice(i, i + 1_000));
		if (answers.length > 0)
			await db.execute(sql`
				UPDATE ${suggestions} s SET answer = a.answer, answered_at = a.at, updated_at = a.at
				FROM (VALUES ${sql.join(answers, sql`, `)}) AS a(id, answer, at)
				WHERE s.id = a.id AND s.municipality_id = ${town.id}`);

		// Votes: every neighbour supports a few listed suggestions per opportunity, within its limit.
		const votes: (typeof suggestionVotes.$inferInsert)[] = [];
		for (const voter of poolIds) {
			for (const { setup, row } of setups) {
				const candidates = planned.filter(
					(p) => p.opportunityId === row.id && p.listed && p.authorId !== voter
				);
				const wanted = Math.min(candidates.length, rnd.int(0, setup.voteLimit ?? 6));
				const chosen = new Set<Planned>();
				for (let tries = 0; chosen.size < wanted && tries < 200; tries++) {
					const candidate = rnd.pick(candidates);
					if (rnd.next() < 0.25 + candidate.popularity) chosen.add(candidate);
				}
				for (const suggestion of chosen) {
					const from = suggestion.publishedAt!.getTime();
					votes.push({
						municipalityId: town.id,
						opportunityId: row.id,
						suggestionId: suggestion.id,
						userId: voter,
						createdAt: new Date(from + rnd.next() * (now.getTime() - from))
					});
				}
			}
		}
		for (let i = 0; i < votes.length; i += 1_000)
			await db.insert(suggestionVotes).values(votes.slice(i, i + 1_000));
		summary.votes += votes.length;

		// Comments, some with a reply (one level), one official; a few followers.
		const topLevel: (typeof suggestionComments.$inferInsert)[] = [];
		const listed = planned.filter((p) => p.listed);
		for (const suggestion of listed) {
			const n = rnd.int(0, 3) + (stepsTo(suggestion.status).length > 0 ? 1 : 0);
			for (let c = 0; c < n; c++) {
				const from = suggestion.publishedAt!.getTime();
				topLevel.push({
					municipalityId: town.id,
					suggestionId: suggestion.id,
					authorId: rnd.pick(poolIds),
					body: rnd.pick(COMMENTS),
					moderation: 'approved',
					createdAt: new Date(from + rnd.next() * 0.6 * (now.getTime() - from))
				});
			}
		}
		// A rude comment that a neighbour reported, still waiting for the moderator.
		const reportedOn = listed[listed.length - 1];
		if (reportedOn)
			topLevel.push({
				municipalityId: town.id,
				suggestionId: reportedOn.id,
				authorId: rnd.pick(poolIds),
				body: 'Wie dit voorstelt, woont hier duidelijk niet. Belachelijk.',
				moderation: 'approved',
				createdAt: new Date(now.getTime() - 2 * DAY)
			});
		// A comment still waiting for approval, where the opportunity is pre-moderated.
		const waitingOn = listed.find((p) => p.setup.moderation === 'pre');
		if (waitingOn)
			topLevel.push({
				municipalityId: town.id,
				suggestionId: waitingOn.id,
				authorId: rnd.pick(poolIds),
				body: 'Kijk eens op www.voorbeeld-tuinaanleg.be, die doen dat goedkoop.',
				moderation: 'pending',
				createdAt: new Date(now.getTime() - 5 * HOUR)
			});
		const comments = topLevel.length
			? await db.insert(suggestionComments).values(topLevel).returning({
					id: suggestionComments.id,
					suggestionId: suggestionComments.suggestionId,
					createdAt: suggestionComments.createdAt,
					body: suggestionComments.body,
					moderation: suggestionComments.moderation
				})
			: [];
		const replies: (typeof suggestionComments.$inferInsert)[] = [];
		let official = false;
		for (const comment of comments) {
			if (comment.moderation !== 'approved' || comment.body.startsWith('Wie dit')) continue;
			const isQuestion = comment.body.includes('?');
			if (!isQuestion && rnd.next() > 0.3) continue;
			const at = new Date(
				Math.min(comment.createdAt.getTime() + rnd.int(2, 48) * HOUR, now.getTime() - HOUR)
			);
			const asMunicipality = isQuestion && !official;
			if (asMunicipality) official = true;
			replies.push({
				municipalityId: town.id,
				suggestionId: comment.suggestionId,
				parentId: comment.id,
				authorId: asMunicipality ? null : rnd.pick(poolIds),
				body: asMunicipality ? OFFICIAL_REPLY : rnd.pick(REPLIES),
				moderation: 'approved',
				official: asMunicipality,
				createdAt: at
			});
		}
		if (replies.length) await db.insert(suggestionComments).values(replies);
		summary.comments += comments.length + replies.length;

		// Open reports: one on a suggestion, one on the rude comment.
		const rude = comments.find((c) => c.body.startsWith('Wie dit'));
		const reports: (typeof suggestionReports.$inferInsert)[] = [];
		const reportedSuggestion = listed.find((p) => p.status === 'published' && p.authorId !== persona);
		if (reportedSuggestion)
			reports.push({
				municipalityId: town.id,
				suggestionId: reportedSuggestion.id,
				reporterId: poolIds[0],
				reason: 'offTopic' satisfies ModerationReason,
				note: 'Dit gaat over een privétuin, niet over een publieke plek.',
				createdAt: new Date(now.getTime() - 3 * DAY)
			});
		if (rude)
			reports.push({
				municipalityId: town.id,
				suggestionId: rude.suggestionId,
				commentId: rude.id,
				reporterId: poolIds[1],
				reason: 'offensive' satisfies ModerationReason,
				note: '',
				createdAt: new Date(now.getTime() - 1 * DAY)
			});
		if (reports.length) await db.insert(suggestionReports).values(reports);

		const follows = planned
			.filter((p) => p.listed)
			.map((p) => ({
				municipalityId: town.id,
				subjectKind: 'suggestion' as const,
				subjectId: String(p.id),
				userId: p.authorId,
				createdAt: p.publishedAt!
			}));
		if (follows.length) await db.insert(subscriptions).values(follows).onConflictDoNothing();

		// The counts follow from the rows, so they are exact whatever was generated.
		await db.execute(sql`
			UPDATE ${suggestions} s SET
				vote_count = (SELECT count(*) FROM ${suggestionVotes} v WHERE v.suggestion_id = s.id),
				comment_count = (SELECT count(*) FROM ${suggestionComments} c
					WHERE c.suggestion_id = s.id AND c.moderation = 'approved')
			WHERE s.municipality_id = ${town.id}`);
		summary.suggestions += planned.length + (preSetup ? 1 : 0) + (kept ? 1 : 0);
	}
	return summary;
}

/**
 * The account of a demo persona (a citizen of the development identity provider), made ahead of their first
 * login so they already have suggestions of their own; found again by its demo identity.
 */
async function ensureDemoPersona(db: Db, persona: DemoPersona, municipalityId: string, now: Date) {
	const [known] = await db
		.select({ userId: userIdentities.userId })
		.from(userIdentities)
		.where(and(eq(userIdentities.issuer, DEMO_PERSONA_ISSUER), eq(userIdentities.subject, persona.sub)));
	if (known) return known.userId;
	const [user] = await db
		.insert(users)
		.values({
			displayName: `${persona.givenName} ${persona.familyName[0]}.`,
			givenName: persona.givenName,
			familyName: persona.familyName,
			homeMunicipalityId: municipalityId,
			firstChannel: 'demo',
			createdAt: new Date(now.getTime() - 60 * DAY)
		})
		.returning({ id: users.id });
	if (!user) throw new Error(`demo persona not inserted: ${persona.sub}`);
	await db
		.insert(userIdentities)
		.values({ userId: user.id, issuer: DEMO_PERSONA_ISSUER, subject: persona.sub });
	return user.id;
}

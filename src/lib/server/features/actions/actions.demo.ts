// Demo climate actions: a believable spread for Geel, Mol and Olen (every theme, every status, every rung
// of the ladder) and a few in other municipalities, dated around the moment they are loaded.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import {
	actionThemes,
	actionUpdates,
	actions,
	media,
	municipalities,
	opportunities,
	themes
} from '$lib/server/db/schema';
import {
	DEFAULT_RUNG_OF_KIND,
	type ActionOwnerKind,
	type ActionStatus,
	type OpportunityKind
} from '$lib/domain/actions';
import type { LadderRung } from '$lib/domain/ladder';
import type { DefaultThemeKey } from '$lib/domain/themes';
import { TIME_ZONE } from '$lib/i18n';
import { slugify } from '$lib/server/platform/text';
import { inspectLogo } from '$lib/server/features/settings/settings.logo';

const DAY = 86_400_000;

/**
 * The drawings of the demo actions (src/lib/assets/demo/actions: made by the project, EUPL-1.2) and what each
 * one shows, as the alt text a person who cannot see it reads.
 */
const SCENES = {
	unpaving:
		'Tekening van een plein waar de tegels eruit gaan: links nog grijze stoeptegels, rechts aarde met planten, bloemen en een boom, en iemand die een tegel wegdraagt.',
	solarRoofs: 'Tekening van drie huizen met zonnepanelen op hun daken, onder een stralende zon.',
	solarHall: 'Tekening van een groot gebouw met een plat dak vol zonnepanelen.',
	renovation:
		'Tekening van een huis in de steigers dat een nieuw geïsoleerd dak krijgt, met een vakman die isolatieplaten draagt.',
	cycling: 'Tekening van een fietser op een fietspad tussen de bomen en de dennen van de Kempen.',
	schoolStreet:
		'Tekening van een schoolstraat: een afsluiting houdt auto’s weg terwijl kinderen te voet en met de fiets naar school gaan.',
	rainBarrel:
		'Tekening van een huis waarvan de regenpijp uitkomt in een groene regenton, naast een plek waar het regenwater in de tuin wegzakt.',
	repairCafe:
		'Tekening van een Repair Café: een werktafel met een broodrooster en gereedschap, een kast met spullen om te delen en twee vrijwilligers.',
	citizenGroup:
		'Tekening van zes inwoners rond een tafel die samen een plan maken, met een tekstballon met een plantje en een euroteken.',
	carShare: 'Tekening van een elektrische deelwagen aan een laadpaal op een parking.',
	foodForest: 'Tekening van een voedselbos: fruitbomen met rode appels en struiken met bessen.',
	heatNetwork:
		'Tekening van drie huizen die onder de grond met leidingen voor warm en koud water verbonden zijn met een warmtecentrale.',
	valley: 'Tekening van een beek in een vallei, met riet langs de oever en een boom.',
	vegetableGarden: 'Tekening van een buurtmoestuin met drie bakken vol groenten en twee tuiniers.',
	compost: 'Tekening van een houten compostbak in een tuin met afgevallen bladeren en een tuinier.',
	sharedFridge:
		'Tekening van een buurtfrigo met fruit en een krat ernaast, en twee buren die eten komen delen.'
} as const;
type Scene = keyof typeof SCENES;

const SCENE_FILES: Record<string, string> = import.meta.glob('/src/lib/assets/demo/actions/*.svg', {
	query: '?raw',
	import: 'default',
	eager: true
});

/** The drawing of a scene and its alt text, checked like an uploaded logo (no script, nothing loaded). */
export function demoImage(scene: Scene): { svg: Buffer; alt: string } {
	const svg = SCENE_FILES[`/src/lib/assets/demo/actions/${scene}.svg`];
	if (!svg) throw new Error(`demo drawing missing: ${scene}`);
	const bytes = Buffer.from(svg, 'utf8');
	const checked = inspectLogo(bytes);
	if (!checked.ok || checked.contentType !== 'image/svg+xml')
		throw new Error(`demo drawing refused: ${scene}`);
	return { svg: bytes, alt: SCENES[scene] };
}

/** When a way to take part is open, relative to the moment the demo is loaded. */
type DemoWindow =
	| { always: true }
	| { openedDaysAgo: number; closesInDays: number | null }
	| { openedDaysAgo: number; closedDaysAgo: number }
	| { opensInDays: number; closesInDays: number | null }
	| { openedDaysAgo: number; closesAt: Date }
	| { opensInDays: number; closesAt: Date };

interface DemoOpportunity {
	title: string;
	kind: OpportunityKind;
	/** Defaults to the usual rung of the kind. */
	rung?: LadderRung;
	howTo: string;
	window: DemoWindow;
}

interface DemoUpdate {
	daysAgo: number;
	title: string;
	body: string;
	author: string;
	/** Written but not published yet. */
	draft?: boolean;
}

interface DemoAction {
	title: string;
	/** Its picture: every demo action has one. */
	scene: Scene;
	summary: string;
	body: string;
	decided?: string;
	status: ActionStatus;
	owner: { kind: ActionOwnerKind; name: string };
	themes: DefaultThemeKey[];
	/** Days from the moment of loading; negative is in the past. */
	starts?: number;
	ends?: number;
	/** Metres north and east of the municipality's centre. */
	place?: { name: string; north: number; east: number };
	links?: { label: string; url: string }[];
	publishedDaysAgo: number | null;
	opportunities: DemoOpportunity[];
	updates: DemoUpdate[];
}

/** The wall-clock time in Brussels as an instant (summer and winter time handled). */
export function brusselsTime(year: number, month: number, day: number, hour: number, minute: number): Date {
	const guess = Date.UTC(year, month - 1, day, hour, minute);
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: TIME_ZONE,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric'
		})
			.formatToParts(new Date(guess))
			.map((p) => [p.type, Number(p.value)])
	) as Record<string, number>;
	const shown = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
	return new Date(guess - (shown - guess));
}

const long = (date: Date) =>
	new Intl.DateTimeFormat('nl-BE', { dateStyle: 'full', timeZone: TIME_ZONE }).format(date);
const time = (date: Date) =>
	new Intl.DateTimeFormat('nl-BE', { timeStyle: 'short', timeZone: TIME_ZONE }).format(date);

const readUpdates = (name: string, howTo?: string): DemoOpportunity => ({
	title: 'Volg de actie en lees de updates',
	kind: 'readUpdates',
	howTo:
		howTo ??
		`Klik op **Volg deze actie** om ze bij te houden. Het nieuws lees je hier bij de updates en in het infoblad van ${name}.`,
	window: { always: true }
});

/** The content per municipality slug. Built from `now`, so windows and dates stay believable. */
function demoContent(now: Date): Record<string, DemoAction[]> {
	// Believable from the day the demo is loaded: the working group meets in a few weeks, the plantdag follows
	// a month later, and each one-day activity's window closes when it starts.
	const workingGroup = dayAt(now, 18, 19, 30);
	const plantingDayAt = dayAt(now, 46, 9, 30);
	const molTileDay = new Date(now.getTime() + 38 * DAY);

	return {
		geel: [
			{
				title: 'Ontharden en vergroenen: van tegels naar planten',
				scene: 'unpaving',
				summary:
					'Samen met de Klimaatmakers zoeken we pleintjes, stoepranden en parkings waar de tegels eruit kunnen en er groen in de plaats komt. Zo blijft regenwater in de grond en wordt Geel koeler in de zomer.',
				body: 'Geel heeft veel verharding: pleintjes, brede stoepen, parkings die maar een paar keer per jaar vol staan. Daar kan regenwater niet in de bodem, en in de zomer warmen die plekken sterk op.\n\nDe Klimaatmakers, een groep inwoners die mee wil werken aan een klimaatgezonde stad, willen dit jaar minstens drie plekken ontharden en vergroenen. Jij kan plekken voorstellen op de kaart en stemmen voor de plekken met het meeste potentieel. De werkgroep kiest daarna samen met de schepen en de Groendienst de drie plekken, en op een plantdag leggen we ze samen aan.\n\nDit telt mee voor het Lokaal Energie- en Klimaatpact: 1 m² extra ontharding per inwoner tegen 2030.',
				decided:
					'Het college trok 60.000 euro uit voor de aanleg van drie plekken. De Groendienst zorgt voor planten, gereedschap en een container voor de tegels. Welke plekken het worden, beslist de werkgroep van de Klimaatmakers.',
				status: 'inProgress',
				owner: { kind: 'citizenGroup', name: 'Klimaatmakers Geel' },
				themes: ['greening', 'water'],
				starts: -45,
				ends: 160,
				place: { name: 'Heel Geel, vertrek aan de Markt', north: 40, east: -30 },
				publishedDaysAgo: 44,
				opportunities: [
					readUpdates('Geel'),
					{
						title: 'Plekken om te ontharden en te vergroenen',
						kind: 'mapSuggestions',
						howTo:
							'Zet op de kaart een plek die volgens jou groener kan: een pleintje, een te brede stoep, een parking. Vertel kort waarom. Je suggestie verschijnt na een korte controle. Je kan ook stemmen voor suggesties van anderen.',
						// Closes before the working group (in 18 days) that chooses from these places.
						window: { openedDaysAgo: 30, closesInDays: 14 }
					},
					{
						title: 'Stem voor de plekken met het meeste potentieel',
						kind: 'vote',
						howTo:
							'Je krijgt drie stemmen. Geef ze aan de plekken die jij het eerst onthard wil zien. De tien plekken met de meeste stemmen gaan naar de werkgroep.',
						window: { openedDaysAgo: 10, closesInDays: 24 }
					},
					{
						title: 'Werkgroep van de Klimaatmakers: we kiezen samen drie plekken',
						kind: 'workingGroup',
						rung: 'codecide',
						howTo: `Op ${long(workingGroup)} om ${time(workingGroup)} in het gemeenschapscentrum. Met inwoners, de schepen van klimaat en de duurzaamheidsambtenaar kiezen we uit de tien plekken met de meeste stemmen de drie die we aanleggen. Het verslag en de volgende stappen staan daarna op deze pagina. Er zijn 20 plaatsen: schrijf je in, dan houden we er een voor je vrij.`,
						window: { openedDaysAgo: 12, closesAt: workingGroup }
					},
					{
						title: 'Plantdag: samen tegels eruit en planten erin',
						kind: 'actionDay',
						howTo: `Op ${long(plantingDayAt)} vanaf ${time(plantingDayAt)}. De Groendienst brengt planten, gereedschap en een container voor de tegels. Jij brengt werkhandschoenen en goesting. Kinderen zijn welkom, er is soep om 12 uur. Schrijf je in, zodat de Groendienst weet hoeveel handen er zijn.`,
						window: { openedDaysAgo: 2, closesAt: plantingDayAt }
					}
				],
				updates: [
					{
						daysAgo: 43,
						title: 'De Klimaatmakers gaan van start',
						body: 'Vijfentwintig inwoners kwamen naar de eerste bijeenkomst. We kozen ontharding als eerste werf: het vraagt weinig geld en je ziet meteen resultaat.',
						author: 'Klimaatmakers Geel'
					},
					{
						daysAgo: 29,
						title: 'De kaart staat open',
						body: 'Vanaf vandaag kan je plekken voorstellen op de kaart. In de eerste dag kwamen er al 31 suggesties binnen, vooral pleintjes in de wijken.',
						author: 'Duurzaamheidsambtenaar, stad Geel'
					},
					{
						daysAgo: 9,
						title: 'Stemmen kan tot eind volgende maand',
						body: 'Er staan nu 86 plekken op de kaart. Geef je drie stemmen aan de plekken met het meeste potentieel.',
						author: 'Klimaatmakers Geel'
					},
					{
						daysAgo: 0,
						title: 'Verslag van de werkgroep (in voorbereiding)',
						body: 'Het verslag verschijnt na de werkgroep.',
						author: 'Duurzaamheidsambtenaar, stad Geel',
						draft: true
					}
				]
			},
			{
				title: 'Zonnepanelen op daken in Geel: zoek mee geschikte daken',
				scene: 'solarRoofs',
				summary:
					'Ecopower en de stad zoeken grote daken voor zonnepanelen waarin inwoners mee kunnen investeren. Ken jij een geschikt dak van een school, sporthal of bedrijf? Zet het op de kaart.',
				body: 'Een dak vol zonnepanelen levert pas echt iets op als het groot genoeg is en goed ligt. Daarom vragen we jouw hulp: welke daken in Geel lenen zich ervoor?\n\nEcopower, de energiecoöperatie, bekijkt de voorgestelde daken op ligging, sterkte en verbruik in het gebouw. De geschikte daken worden een coöperatief project: inwoners kunnen aandelen kopen en delen in de opbrengst.',
				status: 'planned',
				owner: { kind: 'partner', name: 'Ecopower' },
				themes: ['renewableEnergy'],
				starts: 30,
				ends: 400,
				place: { name: 'Sporthal De Nete en andere daken', north: -620, east: 480 },
				links: [{ label: 'Over Ecopower', url: 'https://www.ecopower.be' }],
				publishedDaysAgo: 20,
				opportunities: [
					{
						title: 'Daken die geschikt zijn voor zonnepanelen',
						kind: 'mapSuggestions',
						howTo:
							'Duid een dak aan op de kaart en vertel wat je erover weet: wie is eigenaar, hoe groot is het ongeveer, ligt het op het zuiden? Ook je eigen dak mag.',
						window: { openedDaysAgo: 18, closesInDays: 40 }
					},
					{
						title: 'Bevraging: wil je mee investeren in zonnepanelen?',
						kind: 'survey',
						howTo:
							'Tien korte vragen over je interesse om aandelen te kopen in een zonnedak in je buurt. Invullen duurt vijf minuten.',
						window: { openedDaysAgo: 60, closedDaysAgo: 21 }
					},
					readUpdates('Geel')
				],
				updates: [
					{
						daysAgo: 19,
						title: '212 inwoners vulden de bevraging in',
						body: 'Meer dan de helft wil mee investeren als het dak in de eigen deelgemeente ligt. Nu zoeken we de daken.',
						author: 'Ecopower'
					}
				]
			},
			{
				title: 'Samen renoveren in Ten Aard',
				scene: 'renovation',
				summary:
					'Buren die tegelijk hun huis isoleren, krijgen betere prijzen en minder zorgen. IOK begeleidt een groepsrenovatie voor rijwoningen in Ten Aard: van energiescan tot offerte.',
				body: 'Veel woningen in Ten Aard zijn gebouwd in de jaren zestig en zeventig: zonder dakisolatie, met enkel glas of een oude stookolieketel. Wie samen met de buren renoveert, krijgt één aannemer, één planning en een groepsprijs.\n\nIOK komt langs voor een gratis energiescan, stelt per straat een renovatieplan op en helpt bij de premieaanvraag.',
				decided:
					'De stad betaalt de energiescans. Een groepsrenovatie start vanaf tien woningen in dezelfde buurt.',
				status: 'planned',
				owner: { kind: 'partner', name: 'IOK' },
				themes: ['renovation'],
				starts: 45,
				ends: 330,
				place: { name: 'Ten Aard', north: -1200, east: -900 },
				links: [{ label: 'Mijn VerbouwPremie', url: 'https://www.mijnverbouwpremie.be' }],
				publishedDaysAgo: 15,
				opportunities: [
					{
						title: 'Bevraging: welke werken plan jij de komende jaren?',
						kind: 'survey',
						howTo:
							'Vertel welke werken je overweegt (dak, muren, ramen, verwarming) en wanneer. Zo stellen we groepen samen met dezelfde werken.',
						window: { openedDaysAgo: 14, closesInDays: 30 }
					},
					{
						title: 'Word renovatiebuddy voor je buren',
						kind: 'volunteer',
						howTo:
							'Heb je zelf al gerenoveerd? Vertel je buren hoe het ging, ga mee naar een infoavond of help bij het vergelijken van offertes. IOK geeft je een korte opleiding.',
						window: { openedDaysAgo: 14, closesInDays: null }
					}
				],
				updates: [
					{
						daysAgo: 14,
						title: 'Infoavond in de parochiezaal',
						body: 'Zestig buren kwamen luisteren naar de uitleg van IOK. Achttien gezinnen vroegen al een energiescan aan.',
						author: 'IOK'
					}
				]
			},
			{
				title: 'Veilige fietsroute naar school langs de Nieuwstraat',
				scene: 'schoolStreet',
				summary:
					'De Nieuwstraat wordt een fietsstraat met een veilige oversteek aan de scholen. Ouders, leerlingen en buren denken mee in een klankbordgroep.',
				body: 'Elke ochtend fietsen honderden leerlingen door de Nieuwstraat. Auto’s rijden er te snel en de oversteek aan de scholen is onoverzichtelijk.\n\nDe Dienst Mobiliteit tekent een fietsstraat met een verhoogd plateau aan de schoolpoort. Eerder stemden inwoners over welke route eerst aangepakt wordt; nu denkt een klankbordgroep mee over de details.',
				decided:
					'De Nieuwstraat gaat eerst: ze kreeg de meeste stemmen (412 van 980). De werken starten na het schooljaar.',
				status: 'inProgress',
				owner: { kind: 'department', name: 'Dienst Mobiliteit' },
				themes: ['mobility'],
				starts: -90,
				ends: 120,
				place: { name: 'Nieuwstraat', north: 450, east: 350 },
				publishedDaysAgo: 95,
				opportunities: [
					{
						title: 'Stem voor de schoolroute die eerst aangepakt wordt',
						kind: 'vote',
						howTo: 'Kies één van de vier schoolroutes. De route met de meeste stemmen gaat eerst.',
						window: { openedDaysAgo: 90, closedDaysAgo: 60 }
					},
					{
						title: 'Klankbordgroep fietsroute Nieuwstraat',
						kind: 'workingGroup',
						howTo:
							'Drie avonden denk je mee over het ontwerp: de oversteek, het parkeren, de laad- en loszones. De Dienst Mobiliteit legt telkens uit wat ze met je advies doet.',
						window: { openedDaysAgo: 20, closesInDays: 15 }
					},
					readUpdates('Geel')
				],
				updates: [
					{
						daysAgo: 58,
						title: 'De Nieuwstraat wint de stemming',
						body: '980 inwoners stemden. De Nieuwstraat kreeg 412 stemmen, de Pas 301.',
						author: 'Dienst Mobiliteit'
					},
					{
						daysAgo: 6,
						title: 'Eerste ontwerp klaar',
						body: 'Het ontwerp met het verhoogde plateau ligt klaar. De klankbordgroep bespreekt het op haar eerste avond.',
						author: 'Dienst Mobiliteit'
					}
				]
			},
			{
				title: 'Regentonnen en infiltratie in je tuin',
				scene: 'rainBarrel',
				summary:
					'Met een groepsaankoop van regentonnen en hulp bij het afkoppelen van de dakgoot hielden Geelse tuinen vorig jaar 480.000 liter regenwater vast.',
				body: 'Regenwater dat in de riolering verdwijnt, is verloren voor de grondwatertafel. Een regenton of een infiltratiezone in de tuin houdt het water vast.\n\nDe Milieudienst organiseerde een groepsaankoop van regentonnen en gaf workshops over infiltratie. De actie is afgerond; de premie voor regenwaterputten blijft.',
				decided:
					'De premie van 100 euro voor een regenwaterput of infiltratievoorziening blijft bestaan tot 2030.',
				status: 'done',
				owner: { kind: 'department', name: 'Milieudienst' },
				themes: ['water'],
				starts: -300,
				ends: -60,
				place: { name: 'Milieudienst, Stadhuis', north: 20, east: 60 },
				publishedDaysAgo: 310,
				opportunities: [
					readUpdates('Geel', 'Lees hoe de actie verliep en wat er nu nog kan.'),
					{
						title: 'Groepsaankoop regentonnen',
						kind: 'volunteer',
						howTo: 'Bestellen kon tot eind mei; de tonnen zijn geleverd.',
						window: { openedDaysAgo: 290, closedDaysAgo: 200 }
					}
				],
				updates: [
					{
						daysAgo: 250,
						title: '640 regentonnen besteld',
						body: 'Dat is goed voor ongeveer 190.000 liter opvang.',
						author: 'Milieudienst'
					},
					{
						daysAgo: 120,
						title: 'Workshop infiltratie: volzet',
						body: 'Twee extra sessies in het najaar.',
						author: 'Milieudienst'
					},
					{
						daysAgo: 58,
						title: 'Het resultaat: 480.000 liter',
						body: 'Met regentonnen, afgekoppelde dakgoten en infiltratiezones houden Geelse tuinen samen 480.000 liter regenwater vast.',
						author: 'Milieudienst'
					}
				]
			},
			{
				title: 'Repair Café en deelkast in het ontmoetingscentrum',
				scene: 'repairCafe',
				summary:
					'Elke eerste zaterdag van de maand herstellen vrijwilligers kapotte spullen, en in de deelkast leen je gereedschap in plaats van het te kopen.',
				body: 'Weggooien is zonde als iets met een schroef of een naald te herstellen is. In het Repair Café helpen vrijwilligers je met fietsen, kleren, lampen en kleine elektro.\n\nNieuw is de deelkast: een boormachine, een ladder of een hogedrukreiniger leen je voor een week.',
				status: 'inProgress',
				owner: { kind: 'citizenGroup', name: 'Repair Café Geel' },
				themes: ['circular'],
				starts: -200,
				place: { name: 'Ontmoetingscentrum', north: -300, east: -500 },
				publishedDaysAgo: 190,
				opportunities: [
					{
						title: 'Herstellers gezocht',
						kind: 'volunteer',
						howTo:
							'Kan je solderen, naaien of een fiets afstellen? Kom één zaterdag per maand mee herstellen. Ook onthaal en koffie zijn welkom.',
						window: { openedDaysAgo: 190, closesInDays: null }
					},
					readUpdates('Geel')
				],
				updates: [
					{
						daysAgo: 33,
						title: '1.000ste herstelling',
						body: 'Een broodrooster uit 1987 was de duizendste herstelling. Hij werkt weer.',
						author: 'Repair Café Geel'
					}
				]
			},
			{
				title: 'Klimaatdoeners Geel: een burgergroep met eigen budget',
				scene: 'citizenGroup',
				summary:
					'Een groep inwoners krijgt 10.000 euro werkingsbudget en kiest zelf acties van de menukaart: een voedselbos, een deelfietsenbib, een buurtmoestuin. De stad coacht zes maanden.',
				body: 'Klimaatdoeners zijn geëngageerde inwoners die zelf aan de slag gaan. De stad geeft een werkingsbudget; de groep zoekt er extra cofinanciering bij en kiest acties van een menukaart: korte keten, lokale producten, samentuinen, een repair café, een fietsbib, een energiecoöperatie.\n\nHet traject: een maand voorbereiding en oproep, zes maanden coaching in vier sessies (Kickoff, Pick’n Choose, Hands on, Wrap up) en een maand evaluatie. Daarna stuurt de groep zichzelf.',
				decided: 'Het college keurde het werkingsbudget van 10.000 euro goed.',
				status: 'planned',
				owner: { kind: 'citizenGroup', name: 'Klimaatdoeners Geel' },
				themes: ['circular', 'greening'],
				starts: 25,
				ends: 260,
				publishedDaysAgo: 8,
				opportunities: [
					{
						title: 'Stap in de burgergroep Klimaatdoeners',
						kind: 'citizenGroup',
						howTo:
							'Stel je kandidaat met een paar zinnen over wat je wil doen. We zoeken tien tot vijftien inwoners, jong en oud, uit verschillende wijken. De kickoff is in de eerste week na de oproep.',
						window: { openedDaysAgo: 7, closesInDays: 23 }
					},
					readUpdates('Geel')
				],
				updates: [
					{
						daysAgo: 7,
						title: 'De oproep is gelanceerd',
						body: 'Kandidaat stellen kan tot het einde van de maand. De menukaart met mogelijke acties staat in de bijlage.',
						author: 'Duurzaamheidsambtenaar, stad Geel'
					}
				]
			},
			{
				title: 'Elektrische deelwagens in Winkelomheide',
				scene: 'carShare',
				summary:
					'Twee elektrische deelwagens aan de kerk van Winkelomheide, voor buren die een tweede auto willen wegdoen.',
				body: 'Een deelwagen vervangt vier tot acht privéwagens. In Winkelomheide wilden we starten met twee elektrische deelwagens.',
				decided:
					'Stopgezet: te weinig kandidaat-gebruikers (elf in plaats van de dertig die nodig waren). We bekijken het opnieuw als de deelwagens in het centrum goed draaien.',
				status: 'stopped',
				owner: { kind: 'department', name: 'Dienst Mobiliteit' },
				themes: ['mobility', 'renewableEnergy'],
				starts: -150,
				ends: -40,
				place: { name: 'Kerk van Winkelomheide', north: 1400, east: -1100 },
				publishedDaysAgo: 150,
				opportunities: [
					{
						title: 'Bevraging: zou jij een deelwagen gebruiken?',
						kind: 'survey',
						howTo: 'De bevraging is afgesloten.',
						window: { openedDaysAgo: 140, closedDaysAgo: 80 }
					}
				],
				updates: [
					{
						daysAgo: 40,
						title: 'Waarom we stoppen',
						body: 'Elf buren wilden meedoen; voor twee wagens zijn er dertig nodig. Bedankt aan iedereen die de bevraging invulde.',
						author: 'Dienst Mobiliteit'
					}
				]
			},
			{
				title: 'Een voedselbos aan de Kleinhoefstraat',
				scene: 'foodForest',
				summary: 'Een idee van buren: fruitbomen, noten en bessen op een braakliggend perceel.',
				body: 'Buren van de Kleinhoefstraat willen een braakliggend perceel omvormen tot een voedselbos: een bos waarin je kan oogsten. De stad bekijkt of het perceel beschikbaar is.',
				status: 'idea',
				owner: { kind: 'citizenGroup', name: 'Buren van de Kleinhoefstraat' },
				themes: ['circular', 'greening'],
				place: { name: 'Kleinhoefstraat', north: 900, east: 700 },
				publishedDaysAgo: 2,
				opportunities: [
					{
						title: 'Help het voedselbos mee ontwerpen',
						kind: 'workingGroup',
						howTo:
							'Eén avond met een ontwerper van voedselbossen: welke bomen, welke paden, wie onderhoudt wat? De datum volgt.',
						window: { opensInDays: 30, closesInDays: 60 }
					}
				],
				updates: [
					{
						daysAgo: 2,
						title: 'Het idee staat online',
						body: 'Wat vind jij ervan? Volg de actie, dan hoor je wanneer de ontwerpavond plaatsvindt.',
						author: 'Buren van de Kleinhoefstraat'
					}
				]
			},
			{
				title: 'Een warmtenet voor het stadscentrum',
				scene: 'heatNetwork',
				summary: 'Restwarmte van de industrie verwarmt scholen, het zwembad en woningen in het centrum.',
				body: 'Nog in voorbereiding: de haalbaarheidsstudie loopt.',
				status: 'idea',
				owner: { kind: 'department', name: 'Dienst Duurzaamheid' },
				themes: ['renewableEnergy', 'renovation'],
				place: { name: 'Stadscentrum', north: 0, east: 0 },
				publishedDaysAgo: null,
				opportunities: [readUpdates('Geel')],
				updates: []
			}
		],

		mol: [
			{
				title: 'Onthard Mol: tegels eruit, groen erin',
				scene: 'unpaving',
				summary:
					'Samen met de Klimaatmakers Mol halen we tegels weg op pleintjes en in voortuinen. Stel plekken voor en doe mee aan de tegelwipdag op het Statieplein.',
				body: 'Elke tegel die eruit gaat, laat regenwater in de grond en maakt plaats voor groen. De Klimaatmakers Mol verzamelen plekken op de kaart en organiseren een tegelwipdag.\n\nWie in zijn voortuin tegels wipt, kan ze gratis laten ophalen.',
				status: 'inProgress',
				owner: { kind: 'citizenGroup', name: 'Klimaatmakers Mol' },
				themes: ['greening', 'water'],
				starts: -30,
				ends: 90,
				place: { name: 'Statieplein', north: -350, east: 150 },
				publishedDaysAgo: 28,
				opportunities: [
					readUpdates('Mol'),
					{
						title: 'Plekken om te ontharden en te vergroenen',
						kind: 'mapSuggestions',
						howTo:
							'Duid op de kaart aan waar tegels of asfalt plaats kunnen maken voor groen. Foto’s helpen.',
						window: { openedDaysAgo: 25, closesInDays: 20 }
					},
					{
						title: 'Tegelwipdag op het Statieplein',
						kind: 'actionDay',
						howTo: `Op ${long(molTileDay)} van 10 tot 16 uur. Breng je werkhandschoenen mee; schoppen, koevoeten en planten zijn er. Tegels uit je voortuin mag je in de container gooien.`,
						window: { openedDaysAgo: 5, closesInDays: 38 }
					}
				],
				updates: [
					{
						daysAgo: 27,
						title: 'Eerste 20 plekken op de kaart',
						body: 'Vooral rond scholen en aan de kerk van Rauw.',
						author: 'Klimaatmakers Mol'
					},
					{
						daysAgo: 4,
						title: 'De tegelwipdag komt eraan',
						body: 'We zoeken nog 30 helpers: kom gewoon langs, inschrijven hoeft niet.',
						author: 'Klimaatmakers Mol'
					}
				]
			},
			{
				title: 'Zonnepanelen op de sporthal: beslis mee over de opbrengst',
				scene: 'solarHall',
				summary:
					'Campina Energie legt zonnepanelen op het dak van de sporthal. Inwoners beslissen mee welk klimaatproject in Mol de winst krijgt.',
				body: 'De energiecoöperatie Campina Energie en de gemeente leggen 600 zonnepanelen op de sporthal. Inwoners kunnen aandelen kopen.\n\nEen deel van de opbrengst gaat elk jaar naar een klimaatproject in Mol. Welk project, dat beslissen de inwoners: de gemeente volgt de uitslag van de stemming.',
				decided:
					'De gemeenteraad besliste dat 20 % van de opbrengst naar het project gaat dat de inwoners kiezen. De uitslag van de stemming is bindend.',
				status: 'planned',
				owner: { kind: 'partner', name: 'Campina Energie' },
				themes: ['renewableEnergy'],
				starts: 60,
				ends: 240,
				place: { name: 'Sporthal De Gompel', north: 800, east: -600 },
				publishedDaysAgo: 12,
				opportunities: [
					{
						title: 'Daken die geschikt zijn voor zonnepanelen',
						kind: 'mapSuggestions',
						howTo: 'Na de sporthal zoeken we nieuwe daken. Duid aan welke volgens jou geschikt zijn.',
						window: { openedDaysAgo: 11, closesInDays: 50 }
					},
					{
						title: 'Beslis mee: welk klimaatproject krijgt de opbrengst?',
						kind: 'vote',
						rung: 'codecide',
						howTo:
							'Elke inwoner van Mol vanaf 16 jaar stemt voor één van de projecten op de shortlist. Het project met de meeste stemmen krijgt de opbrengst: de gemeente volgt de uitslag.',
						window: { opensInDays: 45, closesInDays: 75 }
					},
					readUpdates('Mol')
				],
				updates: [
					{
						daysAgo: 11,
						title: 'Aandelen kopen kan vanaf volgende maand',
						body: 'Een aandeel kost 250 euro. Meer info op de infoavond in ’t Getouw.',
						author: 'Campina Energie'
					}
				]
			},
			{
				title: 'Gratis energiescan aan huis',
				scene: 'renovation',
				summary:
					'Een energiecoach komt langs, meet je woning op en zegt welke werken het meest opleveren. Vrijwilligers worden opgeleid tot energiecoach.',
				body: 'Waar verlies je de meeste warmte? Is je dak geïsoleerd genoeg? Loont een warmtepomp? Een energiecoach van het Woonloket komt gratis langs en maakt een stappenplan.',
				status: 'inProgress',
				owner: { kind: 'department', name: 'Woonloket Mol' },
				themes: ['renovation'],
				starts: -120,
				ends: 245,
				place: { name: 'Woonloket, gemeentehuis', north: 30, east: 20 },
				publishedDaysAgo: 118,
				opportunities: [
					{
						title: 'Bevraging: waar heb je hulp bij nodig?',
						kind: 'survey',
						howTo: 'Vijf vragen over je woning en je plannen.',
						window: { openedDaysAgo: 100, closesInDays: 60 }
					},
					{
						title: 'Word vrijwillige energiecoach',
						kind: 'volunteer',
						howTo:
							'Drie opleidingsavonden, daarna doe je een paar scans per maand in je eigen buurt, samen met een ervaren coach.',
						window: { openedDaysAgo: 50, closesInDays: 10 }
					}
				],
				updates: [
					{
						daysAgo: 80,
						title: '100ste energiescan',
						body: 'Gemiddeld bespaart een gezin 600 euro per jaar als het de drie belangrijkste tips volgt.',
						author: 'Woonloket Mol'
					}
				]
			},
			{
				title: 'Schoolstraten aan vijf scholen',
				scene: 'schoolStreet',
				summary:
					'Tijdens het begin en einde van de schooldag zijn de straten aan vijf scholen autovrij. Ouders en buren stemden welke scholen eerst gingen.',
				body: 'Een schoolstraat is een straat die bij het begin en einde van de schooldag afgesloten is voor auto’s. Kinderen stappen en fietsen veilig naar school.',
				decided: 'Na een proef van drie maanden blijven de vijf schoolstraten definitief.',
				status: 'done',
				owner: { kind: 'department', name: 'Dienst Mobiliteit' },
				themes: ['mobility'],
				starts: -400,
				ends: -100,
				place: { name: 'Scholen in Mol-Centrum en Ezaart', north: -150, east: -400 },
				publishedDaysAgo: 410,
				opportunities: [
					{
						title: 'Stem welke scholen eerst een schoolstraat krijgen',
						kind: 'vote',
						howTo: 'De stemming is afgesloten.',
						window: { openedDaysAgo: 400, closedDaysAgo: 370 }
					},
					readUpdates('Mol')
				],
				updates: [
					{
						daysAgo: 300,
						title: 'Proef gestart',
						body: 'Vijf schoolstraten, drie maanden.',
						author: 'Dienst Mobiliteit'
					},
					{
						daysAgo: 100,
						title: 'Schoolstraten blijven',
						body: 'Het aantal kinderen dat te voet of met de fiets komt, steeg van 48 % naar 67 %.',
						author: 'Schepen van mobiliteit'
					}
				]
			},
			{
				title: 'Water vasthouden in de Molse vallei',
				scene: 'valley',
				summary:
					'Droge zomers en natte winters: samen met IOK zoeken we hoe de beekvalleien meer water vasthouden. Een werkgroep geeft advies.',
				body: 'In de zomer staan de beken droog, in de winter lopen straten onder. Stuwtjes in grachten, overstromingsweiden en meer groen op privégrond helpen.\n\nEen werkgroep van landbouwers, natuurverenigingen en buren adviseert het college over waar het eerst moet.',
				status: 'planned',
				owner: { kind: 'partner', name: 'IOK' },
				themes: ['water', 'greening'],
				starts: 40,
				ends: 500,
				place: { name: 'Vallei van de Molse Nete', north: -900, east: 1100 },
				publishedDaysAgo: 5,
				opportunities: [
					{
						title: 'Werkgroep droogte en wateroverlast',
						kind: 'workingGroup',
						howTo:
							'Vier avonden in het najaar. Je krijgt kaarten en metingen, en je adviseert het college waar het eerst moet. Het college legt uit wat het met het advies doet.',
						window: { opensInDays: 14, closesInDays: 45 }
					},
					readUpdates('Mol')
				],
				updates: [
					{
						daysAgo: 4,
						title: 'Oproep voor de werkgroep volgt',
						body: 'We zoeken landbouwers, buren van de beek en natuurliefhebbers.',
						author: 'IOK'
					}
				]
			},
			{
				title: 'Buurtmoestuin in Rauw',
				scene: 'vegetableGarden',
				summary:
					'Buren van Rauw willen een braakliggend stuk grond omvormen tot een moestuin die ze zelf beheren. De gemeente helpt met grond en water.',
				body: 'Een groep buren van Rauw trekt het project zelf: zij maken de plannen, verdelen de perceeltjes en zorgen voor het onderhoud. De gemeente stelt de grond ter beschikking en legt een waterpunt aan.',
				status: 'idea',
				owner: { kind: 'citizenGroup', name: 'Buurtcomité Rauw' },
				themes: ['circular'],
				place: { name: 'Rauw', north: 1800, east: 1500 },
				publishedDaysAgo: 3,
				opportunities: [
					{
						title: 'Trek mee de buurtmoestuin',
						kind: 'citizenGroup',
						howTo:
							'We zoeken nog vijf buren die mee de kar trekken: plannen maken, subsidies aanvragen, de eerste plantdag organiseren.',
						window: { openedDaysAgo: 3, closesInDays: null }
					}
				],
				updates: [
					{
						daysAgo: 2,
						title: 'Eerste buurtbabbel',
						body: 'Twaalf buren kwamen; vijf willen een perceeltje.',
						author: 'Buurtcomité Rauw'
					}
				]
			},
			{
				title: 'Compostmeesters in elke wijk',
				scene: 'compost',
				summary: 'Vrijwilligers die buren leren composteren, met een compostvat in elke wijk.',
				body: 'Het plan was om in elke wijk een compostmeester op te leiden en een gedeeld compostvat te plaatsen.',
				decided:
					'Stopgezet: de nieuwe inzameling van gft door IOK maakt wijkcompostvaten minder nodig. De opgeleide compostmeesters helpen nu bij de Repair Cafés.',
				status: 'stopped',
				owner: { kind: 'department', name: 'Milieudienst' },
				themes: ['circular'],
				starts: -200,
				ends: -30,
				publishedDaysAgo: 210,
				opportunities: [
					{
						title: 'Word compostmeester',
						kind: 'volunteer',
						howTo: 'Inschrijven is niet meer mogelijk.',
						window: { openedDaysAgo: 200, closedDaysAgo: 120 }
					}
				],
				updates: [
					{
						daysAgo: 30,
						title: 'We stoppen met de wijkcompostvaten',
						body: 'Bedankt aan de veertien compostmeesters.',
						author: 'Milieudienst'
					}
				]
			},
			{
				title: 'Laadpalen in de woonwijken',
				scene: 'carShare',
				summary: 'Waar zijn laadpalen nodig voor wie geen oprit heeft?',
				body: 'In voorbereiding.',
				status: 'idea',
				owner: { kind: 'department', name: 'Dienst Mobiliteit' },
				themes: ['mobility'],
				publishedDaysAgo: null,
				opportunities: [
					{
						title: 'Plekken voor laadpalen',
						kind: 'mapSuggestions',
						howTo: 'Nog niet open.',
						window: { opensInDays: 30, closesInDays: 90 }
					}
				],
				updates: []
			}
		],

		olen: [
			{
				title: 'Olen onthardt: van grijs naar groen',
				scene: 'unpaving',
				summary:
					'De Groendienst haalt dit jaar 2.000 m² verharding weg. Jij kiest mee waar, en plant mee op de plantdag.',
				body: 'Olen wil tegen 2030 per inwoner 1 m² extra ontharden, zoals het Klimaatpact vraagt. Dat is meer dan 12.000 m². Dit jaar starten we met 2.000 m²: pleintjes, bermen en de parking aan de sporthal.',
				decided:
					'De parking aan de sporthal wordt voor de helft onthard. Voor de andere plekken wachten we op jullie suggesties.',
				status: 'inProgress',
				owner: { kind: 'department', name: 'Groendienst' },
				themes: ['greening'],
				starts: -60,
				ends: 200,
				place: { name: 'Dorp, Olen-Centrum', north: 60, east: 40 },
				publishedDaysAgo: 58,
				opportunities: [
					{
						title: 'Plekken om te ontharden en te vergroenen',
						kind: 'mapSuggestions',
						howTo: 'Zet een plek op de kaart en vertel waarom die groener moet.',
						window: { openedDaysAgo: 40, closesInDays: 10 }
					},
					{
						title: 'Plantdag: 300 bomen en struiken voor Olen',
						kind: 'actionDay',
						howTo:
							'Op de plantdag in november planten we samen bomen en hagen op de ontharde plekken. De Groendienst zorgt voor alles, jij voor je handen.',
						window: { opensInDays: 30, closesInDays: 70 }
					},
					readUpdates('Olen')
				],
				updates: [
					{
						daysAgo: 50,
						title: 'Start van de ontharding aan de sporthal',
						body: 'De eerste 800 m² asfalt is weg.',
						author: 'Groendienst'
					},
					{
						daysAgo: 12,
						title: '45 suggesties op de kaart',
						body: 'Bedankt! We bekijken ze allemaal met de Groendienst.',
						author: 'Groendienst'
					}
				]
			},
			{
				title: 'Een zonnedak op het gemeentehuis, en daarna?',
				scene: 'solarHall',
				summary:
					'Ecopower legt zonnepanelen op het gemeentehuis. Inwoners stemmen mee welk gemeentelijk dak als volgende aan de beurt is: de gemeente volgt de uitslag.',
				body: 'Het gemeentehuis krijgt 180 zonnepanelen van de coöperatie Ecopower. Inwoners kunnen aandelen kopen. Voor het volgende dak (de school, de bib of de sporthal) beslissen inwoners mee.',
				status: 'planned',
				owner: { kind: 'partner', name: 'Ecopower' },
				themes: ['renewableEnergy'],
				starts: 20,
				ends: 180,
				place: { name: 'Gemeentehuis Olen', north: 0, east: 0 },
				links: [{ label: 'Over Ecopower', url: 'https://www.ecopower.be' }],
				publishedDaysAgo: 30,
				opportunities: [
					{
						title: 'Bevraging: zonne-energie in Olen',
						kind: 'survey',
						howTo: 'De bevraging is afgesloten; de resultaten staan in de updates.',
						window: { openedDaysAgo: 60, closedDaysAgo: 32 }
					},
					{
						title: 'Stem mee: welk dak is het volgende zonnedak?',
						kind: 'vote',
						rung: 'codecide',
						howTo: 'Kies tussen de school, de bib en de sporthal. De gemeente volgt de uitslag.',
						window: { openedDaysAgo: 5, closesInDays: 25 }
					}
				],
				updates: [
					{
						daysAgo: 30,
						title: 'Resultaten van de bevraging',
						body: '74 % van de 340 deelnemers vindt dat de gemeente op al haar daken zonnepanelen moet leggen.',
						author: 'Ecopower'
					}
				]
			},
			{
				title: 'Renovatiebegeleiding voor oudere woningen',
				scene: 'renovation',
				summary:
					'IOK begeleidt eigenaars van woningen van voor 1970 bij hun renovatie. Een adviesgroep van inwoners helpt het gemeentelijke premiereglement bijsturen.',
				body: 'Veel woningen in Olen zijn ouder dan vijftig jaar. IOK helpt eigenaars van plan tot premie.\n\nDe gemeente herwerkt haar renovatiepremie. Een adviesgroep van inwoners die zelf renoveerden, geeft advies; de gemeente legt uit wat ze ermee doet.',
				status: 'inProgress',
				owner: { kind: 'partner', name: 'IOK' },
				themes: ['renovation'],
				starts: -100,
				ends: 265,
				place: { name: 'Sint-Jozef-Olen', north: -1500, east: 900 },
				publishedDaysAgo: 98,
				opportunities: [
					{
						title: 'Adviesgroep renovatiepremies',
						kind: 'workingGroup',
						howTo:
							'Twee avonden in het gemeentehuis. Je leest het ontwerp van het nieuwe premiereglement en geeft advies.',
						window: { openedDaysAgo: 10, closesInDays: 20 }
					},
					readUpdates('Olen')
				],
				updates: [
					{
						daysAgo: 60,
						title: '35 woningen in begeleiding',
						body: 'De meeste eigenaars starten met dakisolatie.',
						author: 'IOK'
					}
				]
			},
			{
				title: 'Fietsstraat naar Sint-Jozef-Olen',
				scene: 'cycling',
				summary:
					'Een veilige fietsverbinding tussen Olen-Centrum en Sint-Jozef-Olen. Duid gevaarlijke punten aan op de kaart.',
				body: 'Fietsers delen de weg nu met snel verkeer. Een fietsstraat met versmallingen moet dat veranderen. Welke punten zijn nu het gevaarlijkst? Vertel het ons.',
				status: 'planned',
				owner: { kind: 'department', name: 'Dienst Mobiliteit' },
				themes: ['mobility'],
				starts: 90,
				ends: 300,
				place: { name: 'Tussen Olen-Centrum en Sint-Jozef-Olen', north: -700, east: 450 },
				publishedDaysAgo: 16,
				opportunities: [
					{
						title: 'Gevaarlijke punten voor fietsers',
						kind: 'mapSuggestions',
						howTo: 'Zet op de kaart waar je je als fietser onveilig voelt, en waarom.',
						window: { openedDaysAgo: 15, closesInDays: 45 }
					}
				],
				updates: [
					{
						daysAgo: 15,
						title: 'De kaart staat open',
						body: 'Tot eind volgende maand kan je gevaarlijke punten aanduiden.',
						author: 'Dienst Mobiliteit'
					}
				]
			},
			{
				title: 'Regenwater opvangen aan de sporthal',
				scene: 'rainBarrel',
				summary:
					'Een ondergrondse tank van 20.000 liter vangt het regenwater van het sporthaldak op, voor de toiletten en het sproeien van het voetbalveld.',
				body: 'Het dak van de sporthal is groot: per jaar valt er meer dan een miljoen liter regen op. Een deel ervan gebruiken we nu voor de toiletten en het veld.',
				status: 'done',
				owner: { kind: 'department', name: 'Technische dienst' },
				themes: ['water'],
				starts: -250,
				ends: -90,
				place: { name: 'Sporthal Olen', north: 350, east: -500 },
				publishedDaysAgo: 240,
				opportunities: [readUpdates('Olen', 'Lees hoe de regenwatertank werkt en wat hij oplevert.')],
				updates: [
					{
						daysAgo: 200,
						title: 'De tank ligt in de grond',
						body: 'Nu nog de leidingen.',
						author: 'Technische dienst'
					},
					{
						daysAgo: 85,
						title: 'In gebruik',
						body: 'Sinds de ingebruikname bespaarde de sporthal 140.000 liter leidingwater.',
						author: 'Technische dienst'
					}
				]
			},
			{
				title: 'Klimaatdoeners Olen',
				scene: 'citizenGroup',
				summary:
					'Een burgergroep met een werkingsbudget van 5.000 euro kiest zelf klimaatacties van de menukaart en trekt ze zelf.',
				body: 'Na de oproep van vorige maand is de groep Klimaatdoeners Olen gestart. Ze kozen al een fietsbib en een samentuin. Nieuwe leden zijn welkom.',
				decided: 'De gemeente geeft 5.000 euro werkingsbudget; de groep vond zelf 2.000 euro cofinanciering.',
				status: 'inProgress',
				owner: { kind: 'citizenGroup', name: 'Klimaatdoeners Olen' },
				themes: ['circular', 'mobility'],
				starts: -20,
				ends: 180,
				publishedDaysAgo: 22,
				opportunities: [
					{
						title: 'Sluit aan bij de Klimaatdoeners',
						kind: 'citizenGroup',
						howTo:
							'De groep komt maandelijks samen en werkt tussendoor online. Stuur een berichtje en kom eens kijken op de volgende sessie.',
						window: { openedDaysAgo: 20, closesInDays: null }
					}
				],
				updates: [
					{
						daysAgo: 18,
						title: 'Kickoff',
						body: 'Veertien inwoners, één menukaart, twee keuzes: een fietsbib en een samentuin.',
						author: 'Klimaatdoeners Olen'
					}
				]
			},
			{
				title: 'Deelwagen aan het station',
				scene: 'carShare',
				summary: 'Een elektrische deelwagen aan het station van Olen.',
				body: 'Het plan was een elektrische deelwagen aan het station.',
				decided: 'Stopgezet: de aanbieder trok zich terug. We zoeken een nieuwe partner in de regio via IOK.',
				status: 'stopped',
				owner: { kind: 'department', name: 'Dienst Mobiliteit' },
				themes: ['mobility'],
				starts: -120,
				ends: -50,
				place: { name: 'Station Olen', north: 1300, east: -300 },
				publishedDaysAgo: 130,
				opportunities: [readUpdates('Olen')],
				updates: [
					{
						daysAgo: 50,
						title: 'Waarom de deelwagen er (nog) niet komt',
						body: 'De aanbieder stopt in kleinere gemeenten.',
						author: 'Dienst Mobiliteit'
					}
				]
			},
			{
				title: 'Voedseloverschotten delen: een buurtfrigo',
				scene: 'sharedFridge',
				summary: 'Een idee van inwoners: een publieke koelkast waar winkels en buren overschotten delen.',
				body: 'Een buurtfrigo vermindert voedselverspilling en helpt wie het krap heeft.',
				status: 'idea',
				owner: { kind: 'citizenGroup', name: 'Klimaatdoeners Olen' },
				themes: ['circular'],
				place: { name: 'Dorp, aan de bib', north: 120, east: 80 },
				publishedDaysAgo: 6,
				opportunities: [
					{
						title: 'Bevraging: zou jij de buurtfrigo gebruiken?',
						kind: 'survey',
						howTo: 'Drie vragen: wat zou je brengen, wat zou je halen, en waar moet hij staan?',
						window: { opensInDays: 7, closesInDays: 37 }
					}
				],
				updates: [
					{
						daysAgo: 5,
						title: 'Twee bakkers doen al mee',
						body: 'Ze brengen hun brood van de vorige dag. Nu zoeken we nog een plek met een stopcontact.',
						author: 'Klimaatdoeners Olen'
					}
				]
			}
		],

		herentals: [
			{
				title: 'Speelplaatsen worden groene speelplekken',
				scene: 'unpaving',
				summary:
					'Drie schoolspeelplaatsen ruilen asfalt voor gras, bomen en wilgenhutten. Leerlingen en ouders helpen planten.',
				body: 'Groene speelplaatsen zijn koeler, laten regenwater in de grond en kinderen spelen er rustiger.',
				status: 'inProgress',
				owner: { kind: 'department', name: 'Groendienst' },
				themes: ['greening'],
				starts: -15,
				ends: 150,
				place: { name: 'Scholen in het centrum', north: 200, east: -150 },
				publishedDaysAgo: 14,
				opportunities: [
					{
						title: 'Plantdag op de speelplaats',
						kind: 'actionDay',
						howTo: 'Ouders, grootouders en buren zijn welkom op de plantdag.',
						window: { openedDaysAgo: 10, closesInDays: 40 }
					}
				],
				updates: [
					{
						daysAgo: 13,
						title: 'Ontwerp door de leerlingen',
						body: 'De leerlingenraad tekende mee.',
						author: 'Groendienst'
					}
				]
			},
			{
				title: 'Zonnepanelen op het zwembad',
				scene: 'solarHall',
				summary: 'Inwoners investeren samen in zonnepanelen op het dak van het zwembad.',
				body: 'Het zwembad verbruikt veel stroom. Een coöperatief zonnedak dekt een deel ervan.',
				status: 'planned',
				owner: { kind: 'partner', name: 'Campina Energie' },
				themes: ['renewableEnergy'],
				starts: 50,
				ends: 200,
				place: { name: 'Zwembad', north: -400, east: 300 },
				publishedDaysAgo: 9,
				opportunities: [readUpdates('Herentals')],
				updates: [
					{
						daysAgo: 9,
						title: 'Infoavond gepland',
						body: 'Kom luisteren hoe je aandelen kan kopen.',
						author: 'Campina Energie'
					}
				]
			}
		],

		turnhout: [
			{
				title: 'Tegelwippen in de wijken',
				scene: 'unpaving',
				summary: 'Wie tegels uit zijn voortuin haalt, krijgt gratis planten en de stad haalt de tegels op.',
				body: 'Tegelwippen is ontharden op kleine schaal, maar met veel tuinen samen telt het op.',
				status: 'inProgress',
				owner: { kind: 'department', name: 'Dienst Leefmilieu' },
				themes: ['greening', 'water'],
				starts: -40,
				ends: 120,
				publishedDaysAgo: 38,
				opportunities: [
					{
						title: 'Meld je tegels aan',
						kind: 'volunteer',
						howTo: 'Geef door hoeveel tegels je wipt; we halen ze op en brengen planten.',
						window: { openedDaysAgo: 38, closesInDays: 80 }
					}
				],
				updates: [
					{
						daysAgo: 20,
						title: 'Al 3.000 tegels gewipt',
						body: 'Goed voor 270 m² groen.',
						author: 'Dienst Leefmilieu'
					}
				]
			},
			{
				title: 'Een fietsbib aan het station',
				scene: 'cycling',
				summary: 'Kinderfietsen lenen in plaats van kopen: ze groeien er toch uit.',
				body: 'Vrijwilligers herstellen geschonken kinderfietsen en lenen ze uit voor een klein bedrag per jaar.',
				status: 'idea',
				owner: { kind: 'citizenGroup', name: 'Fietsbib Turnhout' },
				themes: ['mobility', 'circular'],
				publishedDaysAgo: 4,
				opportunities: [
					{
						title: 'Sleutelaars gezocht',
						kind: 'volunteer',
						howTo: 'Kan je een band plakken of remmen afstellen? Kom helpen.',
						window: { openedDaysAgo: 4, closesInDays: null }
					}
				],
				updates: [
					{
						daysAgo: 3,
						title: 'Eerste 25 fietsjes geschonken',
						body: 'Dank aan de buren van de Stationsstraat. Ze worden nu nagekeken.',
						author: 'Fietsbib Turnhout'
					}
				]
			}
		],

		kasterlee: [
			{
				title: 'Bloemrijke bermen langs de fietspaden',
				scene: 'cycling',
				summary:
					'De Groendienst maait minder vaak en zaait inheemse bloemen, voor bijen en vlinders langs de fietspaden.',
				body: 'Bermen die twee keer per jaar gemaaid worden, worden bloemrijk. We starten langs de fietspaden naar Lichtaart en Tielen.',
				status: 'inProgress',
				owner: { kind: 'department', name: 'Groendienst' },
				themes: ['greening'],
				starts: -70,
				ends: 300,
				publishedDaysAgo: 65,
				opportunities: [
					{
						title: 'Bermen die bloemrijker kunnen',
						kind: 'mapSuggestions',
						howTo: 'Duid bermen aan die volgens jou in aanmerking komen.',
						window: { openedDaysAgo: 60, closesInDays: 30 }
					}
				],
				updates: [
					{
						daysAgo: 30,
						title: 'Eerste bloemen',
						body: 'Klaprozen en margrieten langs het fietspad naar Lichtaart.',
						author: 'Groendienst'
					}
				]
			}
		]
	};
}

/** `days` from `now`, on that day in Brussels at `hour`:`minute`: windows open at 9:00 and close at 23:59. */
function dayAt(now: Date, days: number, hour: number, minute: number): Date {
	const day = new Date(now.getTime() + days * DAY);
	const [year, month, date] = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE })
		.format(day)
		.split('-')
		.map(Number) as [number, number, number];
	return brusselsTime(year, month, date, hour, minute);
}

function windowOf(window: DemoWindow, now: Date): { opensAt: Date | null; closesAt: Date | null } {
	if ('always' in window) return { opensAt: null, closesAt: null };
	const opensAt =
		'openedDaysAgo' in window
			? dayAt(now, -window.openedDaysAgo, 9, 0)
			: dayAt(now, window.opensInDays, 9, 0);
	if ('closesAt' in window) return { opensAt, closesAt: window.closesAt };
	if ('closedDaysAgo' in window) return { opensAt, closesAt: dayAt(now, -window.closedDaysAgo, 23, 59) };
	return { opensAt, closesAt: window.closesInDays === null ? null : dayAt(now, window.closesInDays, 23, 59) };
}

/** A URL slug from a title: at most 60 characters, cut between words. */
function slugOf(title: string): string {
	const slug = slugify(title);
	if (slug.length <= 60) return slug;
	return slug.slice(0, 61).replace(/-[^-]*$/, '');
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Loads the demo actions into municipalities that have none yet, so it never adds to real content and
 * a second run changes nothing. Runs inside the demo's transaction (platform/demo.ts).
 */
export async function seedDemoActions(db: Db, options: { now?: Date } = {}): Promise<{ actions: number }> {
	const now = options.now ?? new Date();
	const content = demoContent(now);
	const rows = await db
		.select({
			id: municipalities.id,
			slug: municipalities.slug,
			name: municipalities.name,
			centerLat: municipalities.centerLat,
			centerLng: municipalities.centerLng
		})
		.from(municipalities)
		.where(inArray(municipalities.slug, Object.keys(content)));
	const alreadyFilled = new Set(
		(
			await db
				.selectDistinct({ municipalityId: actions.municipalityId })
				.from(actions)
				.where(
					inArray(
						actions.municipalityId,
						rows.map((r) => r.id)
					)
				)
		).map((r) => r.municipalityId)
	);

	let inserted = 0;
	for (const municipality of rows) {
		if (alreadyFilled.has(municipality.id)) continue;
		const themeRows = await db
			.select({ id: themes.id, key: themes.defaultKey })
			.from(themes)
			.where(and(eq(themes.municipalityId, municipality.id), isNotNull(themes.defaultKey)));
		const themeId = new Map(themeRows.map((t) => [t.key, t.id]));
		const metresPerDegreeLat = 111_320;
		const metresPerDegreeLng = 111_320 * Math.cos((municipality.centerLat * Math.PI) / 180);

		for (const item of content[municipality.slug] ?? []) {
			const at = (days: number) => new Date(now.getTime() + days * DAY);
			const publishedAt = item.publishedDaysAgo === null ? null : at(-item.publishedDaysAgo);
			const createdAt = at(-(item.publishedDaysAgo ?? 1) - 3);
			const image = demoImage(item.scene);
			const [photo] = await db
				.insert(media)
				.values({
					municipalityId: municipality.id,
					kind: 'photo',
					contentType: 'image/svg+xml',
					bytes: image.svg,
					width: 640,
					height: 360,
					alt: image.alt,
					createdBy: null,
					createdAt
				})
				.returning({ id: media.id });
			if (!photo) throw new Error(`demo image not inserted: ${item.title}`);
			const [action] = await db
				.insert(actions)
				.values({
					municipalityId: municipality.id,
					slug: slugOf(item.title),
					title: item.title,
					summary: item.summary,
					body: item.body,
					decided: item.decided ?? '',
					status: item.status,
					ownerKind: item.owner.kind,
					ownerName: item.owner.name,
					startsOn: item.starts === undefined ? null : isoDate(at(item.starts)),
					endsOn: item.ends === undefined ? null : isoDate(at(item.ends)),
					placeName: item.place?.name ?? null,
					lat: item.place ? municipality.centerLat + item.place.north / metresPerDegreeLat : null,
					lng: item.place ? municipality.centerLng + item.place.east / metresPerDegreeLng : null,
					links: item.links ?? [],
					imageId: photo.id,
					imageAlt: image.alt,
					publishedAt,
					createdAt,
					updatedAt: publishedAt ?? createdAt
				})
				.returning({ id: actions.id });
			if (!action) throw new Error(`demo action not inserted: ${item.title}`);
			inserted++;

			const ids = item.themes.map((key) => {
				const id = themeId.get(key);
				if (!id) throw new Error(`${municipality.slug} has no default theme ${key}`);
				return id;
			});
			await db
				.insert(actionThemes)
				.values(ids.map((id) => ({ municipalityId: municipality.id, actionId: action.id, themeId: id })));
			if (item.opportunities.length > 0)
				await db.insert(opportunities).values(
					item.opportunities.map((o, position) => ({
						municipalityId: municipality.id,
						actionId: action.id,
						title: o.title,
						kind: o.kind,
						rung: o.rung ?? DEFAULT_RUNG_OF_KIND[o.kind],
						howTo: o.howTo,
						position,
						createdAt,
						...windowOf(o.window, now)
					}))
				);
			if (item.updates.length > 0)
				await db.insert(actionUpdates).values(
					item.updates.map((u) => ({
						municipalityId: municipality.id,
						actionId: action.id,
						title: u.title,
						body: u.body,
						authorName: u.author,
						publishedAt: u.draft ? null : at(-u.daysAgo),
						createdAt: at(-u.daysAgo)
					}))
				);
		}
	}
	return { actions: inserted };
}

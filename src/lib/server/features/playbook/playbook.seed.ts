// The region's first two templates, written from the seeds (Dutch, as the region hands them out): Klimaatdoeners
// (seed 002, a citizen group with its own budget, coached for six months) and the Klimaatmakers' working groups of
// the citizen journey (seed 001). Reference data: inserted once per region, published, never overwritten.
import { eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/client';
import { playbookTemplates, regions } from '$lib/server/db/schema';
import type { PlaybookChannel, PlaybookContent, PlaybookSession, PlaybookStep } from '$lib/domain/playbook';
import { INTERNAL_TRAJECTORY } from './playbook.seed.internal';

type StepInput = Omit<PlaybookStep, 'checklist' | 'session' | 'communication'> &
	Partial<Pick<PlaybookStep, 'checklist' | 'session' | 'communication'>>;

const step = (s: StepInput): PlaybookStep => ({
	checklist: [],
	session: null,
	communication: {},
	...s
});

const session = (
	s: Omit<PlaybookSession, 'kind' | 'durationMinutes'> & Partial<PlaybookSession>
): PlaybookSession => ({
	kind: 'workingGroup' as const,
	durationMinutes: 150,
	...s
});

const comms = (c: Partial<Record<PlaybookChannel, string>>) => c;

export const KLIMAATDOENERS: {
	slug: string;
	title: string;
	summary: string;
	theme: string;
	content: PlaybookContent;
} = {
	slug: 'klimaatdoeners',
	title: 'Klimaatdoeners: een burgergroep met een eigen budget',
	theme: 'Klimaat',
	summary:
		'Vele burgers willen graag hun steentje bijdragen aan een duurzame samenleving, ook op lokaal niveau. Het traject Klimaatdoeners wil burgers actief betrekken bij het klimaatverhaal, en hen de tools geven om lokale klimaatdoelstellingen te realiseren.\n\nIn tegenstelling tot een burgerbudget (waarbij projecten ingediend en verkozen worden) brengt Klimaatdoeners een groep geëngageerde burgers samen. Zij gaan aan de slag en bedenken acties die bijdragen aan de lokale klimaatdoelstellingen en krijgen hiervoor een budget van de gemeente en gaan zelf ook indien nodig op zoek naar bijkomende cofinanciering. Hierdoor ontstaat in de gemeente een zelfsturende community van klimaatbewuste burgers en nieuwe initiatieven.\n\nDe begeleiding door een coach wordt apart betaald; de gemeente voorziet een werkingsbudget voor de burgergroep.',
	content: {
		phases: [
			{
				key: 'p1',
				title: 'Voorbereiding en oproep',
				description: 'Eén maand om het traject in de gemeente klaar te zetten en burgers op te roepen.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's1',
						title: 'Intakegesprek en afstemming met de gemeente',
						description: 'Intakegesprek en afstemming met de gemeente, concretiseren van het werkplan.',
						role: 'coach',
						offsetDays: 0,
						checklist: [
							'Contactpersoon van de gemeente aangeduid',
							'Duurzaamheidsambtenaar betrokken',
							'Werkingsbudget van de burgergroep vastgelegd',
							'Werkplan geconcretiseerd'
						]
					}),
					step({
						key: 's2',
						title: 'Opstellen reglement',
						description: 'Het reglement zegt wie mee kan doen, hoe het budget gebruikt wordt en wie beslist.',
						role: 'contact',
						offsetDays: 5,
						checklist: ['Reglement opgesteld', 'Reglement goedgekeurd door het college']
					}),
					step({
						key: 's3',
						title: 'Opstellen van de menukaart van mogelijke klimaatacties',
						description:
							'Een menukaart van mogelijke klimaatacties waaruit de groep kiest: korte keteninitiatieven, lokale producten, volkstuintjes, repaircafés, een fietsbibliotheek, een energiecoöperatieve, …',
						role: 'coach',
						offsetDays: 5,
						checklist: ['Menukaart opgesteld', 'Acties getoetst aan het lokaal klimaatbeleid']
					}),
					step({
						key: 's4',
						title: 'Oproep naar burgers',
						description: 'De gemeente organiseert de oproep en werft burgers.',
						role: 'municipality',
						offsetDays: 10,
						checklist: ['Oproep gepubliceerd', 'Oproep verspreid via alle kanalen', 'Aanmeldingen opgevolgd'],
						communication: comms({
							magazine:
								'Artikel: “Word Klimaatdoener in onze gemeente.” Een groep burgers krijgt een budget om zelf klimaatacties op te zetten. Meld je aan via het participatieplatform.',
							website:
								'Nieuwsbericht met de oproep en een link naar de aanmelding op het participatieplatform.',
							facebook:
								'Zin om zelf iets te doen voor het klimaat in je buurt? Word Klimaatdoener: samen met andere inwoners kies je acties en krijg je er een budget voor. Meld je aan via de link.',
							whatsapp:
								'Ken jij iemand die graag iets doet voor het klimaat? Onze gemeente zoekt Klimaatdoeners. Meer info en aanmelden: (link)',
							mail: 'Mail aan iedereen die actief is op het platform of interesse toonde, met de oproep en de aanmelding.',
							poster:
								'Affiche in de bibliotheek, het gemeentehuis en de buurthuizen, met een QR-code naar de oproep.'
						})
					}),
					step({
						key: 's5',
						title: 'Opzetten van een online samenwerkingstool',
						description:
							'Een online samenwerkingstool zodat er tussen de sessies door kan verdergewerkt worden aan de acties.',
						role: 'coach',
						offsetDays: 20,
						checklist: ['Werkruimte aangemaakt', 'Deelnemers uitgenodigd']
					}),
					step({
						key: 's6',
						title: 'Logistieke ondersteuning',
						description:
							'De gemeente is zelf verantwoordelijk voor de logistieke ondersteuning van de sessies.',
						role: 'municipality',
						offsetDays: 20,
						checklist: ['Zaal voor de vier werksessies vastgelegd', 'Materiaal en catering geregeld']
					})
				]
			},
			{
				key: 'p2',
				title: 'Begeleiding van de burgergroep',
				description:
					'Zes maanden met vier werksessies; tussen de sessies werkt de groep verder in de werkruimte.',
				duration: 6,
				unit: 'months',
				steps: [
					step({
						key: 's7',
						title: 'Kickoff',
						description: 'Voorstellen van het traject, kennismaking, brainstorm.',
						role: 'coach',
						offsetDays: 7,
						checklist: ['Uitnodiging verstuurd', 'Aanwezigheden genoteerd'],
						session: session({
							title: 'Kickoff Klimaatdoeners',
							agenda:
								'Welkom en kennismaking\nVoorstellen van het traject\nBrainstorm over klimaatacties\nAfspraken voor de volgende sessie',
							materials: 'Menukaart van klimaatacties\nFlappen en stiften\nNaamkaartjes',
							prepare: 'Menukaart afdrukken\nWerkingsbudget en reglement kort toelichten'
						}),
						communication: comms({
							mail: 'Uitnodiging voor de kickoff aan iedereen die zich aanmeldde.'
						})
					}),
					step({
						key: 's8',
						title: 'Pick’n Choose',
						description: 'Kiezen van acties en vormen van groepen: per gekozen actie een subgroep.',
						role: 'coach',
						offsetDays: 49,
						session: session({
							title: 'Pick’n Choose',
							agenda:
								'Terugblik op de brainstorm\nKiezen van acties van de menukaart\nSubgroepen per actie vormen\nCoördinator per subgroep',
							materials: 'Menukaart van klimaatacties\nOverzicht van het werkingsbudget',
							prepare: 'Ideeën uit de kickoff bundelen'
						})
					}),
					step({
						key: 's9',
						title: 'Hands on',
						description: 'Acties verder uitwerken.',
						role: 'coach',
						offsetDays: 105,
						session: session({
							title: 'Hands on',
							agenda: 'Stand van zaken per subgroep\nActies verder uitwerken\nCofinanciering zoeken',
							materials: 'Werkplan per actie',
							prepare: 'Vragen van de subgroepen verzamelen'
						})
					}),
					step({
						key: 's10',
						title: 'Wrap up',
						description: 'Acties verder uitwerken en focus op zelfsturing na het einde van de begeleiding.',
						role: 'coach',
						offsetDays: 165,
						session: session({
							title: 'Wrap up',
							agenda:
								'Acties verder uitwerken\nRollen overdragen\nAfspraken voor zelfsturing na de begeleiding',
							materials: 'Overzicht van rollen en taken',
							prepare: 'Lijst van rollen die de groep zelf overneemt'
						})
					}),
					step({
						key: 's11',
						title: 'Inhoudelijke expertise tijdens de sessies',
						description:
							'De duurzaamheidsambtenaar van de gemeente zorgt voor inhoudelijke expertise tijdens de sessies.',
						role: 'sustainabilityOfficer',
						offsetDays: 7,
						checklist: [
							'Aanwezig op de kickoff',
							'Aanwezig op Pick’n Choose',
							'Aanwezig op Hands on',
							'Aanwezig op Wrap up'
						]
					}),
					step({
						key: 's12',
						title: 'Interne en externe communicatie over het project',
						description: 'De gemeente communiceert intern en extern over het project.',
						role: 'communication',
						offsetDays: 14,
						communication: comms({
							magazine: 'Een stand van zaken van de Klimaatdoeners en hun acties.',
							website: 'Een pagina over de Klimaatdoeners met hun acties.',
							facebook: 'Foto’s van een werksessie met een link naar de acties op het platform.'
						})
					})
				]
			},
			{
				key: 'p3',
				title: 'Evaluatie en verankering',
				description:
					'Positieve ervaringen en leerpunten worden samen met de gemeente en burgers in kaart gebracht. Na het begeleidingstraject kunnen de burgers zelfstandig verder werken aan de acties.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's13',
						title: 'Positieve ervaringen en leerpunten in kaart brengen',
						description: 'Samen met de gemeente en de burgers.',
						role: 'coach',
						offsetDays: 7,
						checklist: [
							'Evaluatie met de burgers',
							'Evaluatie met de gemeente',
							'Leerpunten teruggegeven aan het draaiboek'
						],
						session: session({
							title: 'Evaluatie Klimaatdoeners',
							agenda: 'Wat liep goed?\nWat kan beter?\nHoe gaan we zelf verder?',
							materials: 'Overzicht van de acties en het budget',
							prepare: 'Korte bevraging van de deelnemers'
						})
					}),
					step({
						key: 's14',
						title: 'Zelfstandig verder',
						description: 'Na het begeleidingstraject werken de burgers zelfstandig verder aan de acties.',
						role: 'citizens',
						offsetDays: 28,
						checklist: ['Coördinatoren gekozen', 'Werkruimte blijft beschikbaar']
					})
				]
			}
		],
		documents: [
			{
				key: 'd1',
				title: 'Reglement',
				kind: 'rules',
				body: '# Reglement Klimaatdoeners\n\n## Wie kan meedoen?\n\nElke inwoner die zich wil inzetten voor het klimaat in de gemeente.\n\n## Het werkingsbudget\n\n- De gemeente voorziet een werkingsbudget voor de burgergroep.\n- De groep zoekt indien nodig zelf bijkomende cofinanciering.\n- Uitgaven dienen een actie van de menukaart.\n\n## Beslissen\n\nDe groep kiest zelf haar acties van de menukaart en vormt per actie een subgroep met een coördinator.'
			},
			{
				key: 'd2',
				title: 'Oproep',
				kind: 'call',
				body: '# Word Klimaatdoener\n\nWil je graag je steentje bijdragen aan een duurzame samenleving, hier in je eigen gemeente? Als Klimaatdoener bedenk je samen met andere inwoners acties die bijdragen aan de lokale klimaatdoelstellingen. Je krijgt hiervoor een budget van de gemeente.\n\nEen coach begeleidt de groep zes maanden lang, in vier werksessies: Kickoff, Pick’n Choose, Hands on en Wrap up. Daarna werkt de groep zelfstandig verder.\n\nMeld je aan op het participatieplatform.'
			},
			{
				key: 'd3',
				title: 'Menukaart',
				kind: 'menu',
				body: '# Menukaart van klimaatacties\n\n- Korte keteninitiatieven promoten\n- Verkoop of productie van lokale producten stimuleren\n- Volkstuintjes opstarten\n- Een repaircafé organiseren\n- Een fietsbibliotheek organiseren\n- Een energiecoöperatieve oprichten'
			}
		]
	}
};

export const KLIMAATMAKERS: typeof KLIMAATDOENERS = {
	slug: 'klimaatmakers-werkgroepen',
	title: 'Klimaatmakers: werkgroepen en een actiedag',
	theme: 'Klimaat',
	summary:
		'Het traject van de burgerreis: een artikel in het infomagazine en een uitnodiging aan iedereen die actief is op het participatieplatform brengen geïnteresseerde burgers samen in werkgroepen. De eerste vier werkgroepen worden voorbereid door de externe participatie-expert in nauw overleg met de betrokken ambtenaar; daarna werken de werkgroepen zelfstandig. De werkgroep kiest plekken om te ontharden en te vergroenen op een plantdag met veel burgers, de schepen en de groendienst. Het verslag en de volgende stappen staan op het platform.',
	content: {
		phases: [
			{
				key: 'p1',
				title: 'Oproep',
				description: 'Burgers leren de Klimaatmakers kennen en worden uitgenodigd voor de werkgroep.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's1',
						title: 'Communicatieplanning opmaken',
						description:
							'Vooraf wordt een communicatieplanning opgemaakt met de betrokken communicatieambtenaar; er worden verschillende kanalen ingezet (print én digitaal).',
						role: 'communication',
						offsetDays: 0,
						checklist: ['Kanalen gekozen', 'Data van publicatie vastgelegd']
					}),
					step({
						key: 's2',
						title: 'Artikel over de Klimaatmakers in het infomagazine',
						description:
							'De communicatiedienst schrijft in nauwe samenwerking met de betrokken ambtenaar een artikel over de Klimaatmakers.',
						role: 'communication',
						offsetDays: 3,
						communication: comms({
							magazine:
								'Een groep geïnteresseerde burgers, de Klimaatmakers, wil zelf klimaatacties uitvoeren in nauwe samenwerking met de gemeente, onder meer rond onderhoud en vergroening van het openbaar domein.',
							website:
								'Alle informatie over lokale klimaatacties waar burgers aan kunnen deelnemen, gebundeld op het participatieplatform.'
						})
					}),
					step({
						key: 's3',
						title: 'Uitnodiging voor de werkgroep',
						description:
							'De betrokken ambtenaar stuurt een mail naar alle burgers die actief zijn op het participatieplatform (of op een andere manier interesse hebben geuit) om hen uit te nodigen voor de werkgroep.',
						role: 'contact',
						offsetDays: 14,
						checklist: [
							'Locatie gekozen buiten het gemeentehuis (bijvoorbeeld een buurthuis)',
							'Uitnodiging verstuurd'
						],
						communication: comms({
							mail: 'Uitnodiging om deel te nemen aan de volgende werkgroep van de Klimaatmakers, met datum, uur en plaats.'
						})
					})
				]
			},
			{
				key: 'p2',
				title: 'Werkgroepen',
				description:
					'De eerste vier werkgroepen worden voorbereid door de externe participatie-expert in nauw overleg met de betrokken ambtenaar; daarna werken de werkgroepen zelfstandig.',
				duration: 4,
				unit: 'months',
				steps: [1, 2, 3, 4].map((n) =>
					step({
						key: `s${3 + n}`,
						title: `Werkgroep ${n}`,
						description:
							[
								'Kennismaking; de suggesties en stemmen van burgers op het platform bespreken.',
								'Plekken kiezen om te ontharden en te vergroenen.',
								'De actiedag voorbereiden: praktische afspraken met de groendienst.',
								'Terugblik en afspraken om zelfstandig verder te werken.'
							][n - 1] ?? '',
						role: 'participationExpert',
						offsetDays: (n - 1) * 28 + 7,
						checklist: [
							'Voorbereid met de betrokken ambtenaar',
							'Schepen en ambtenaar uitgenodigd',
							'Verslag op het platform'
						],
						session: session({
							title: `Werkgroep ${n} van de Klimaatmakers`,
							agenda: 'Welkom\nInbreng van het platform\nBespreking en keuzes\nVolgende stappen',
							materials: 'Kaart met de suggesties van het platform\nFlappen en stiften',
							prepare: 'Suggesties en stemmen van het platform afdrukken'
						})
					})
				)
			},
			{
				key: 'p3',
				title: 'Actiedag',
				description: 'Samen planten op de gekozen plekken, met de groendienst.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's8',
						title: 'De groendienst briefen',
						description: 'De betrokken ambtenaar brieft de collega’s van de groendienst.',
						role: 'contact',
						offsetDays: 0,
						checklist: ['Plantgoed', 'Gereedschap', 'Container voor uitgebroken verharding']
					}),
					step({
						key: 's9',
						title: 'Plantdag',
						description:
							'Een fysieke plantdag met geïnteresseerde burgers en enkele medewerkers van de groendienst; ter plaatse praktische afspraken en dan aan de slag.',
						role: 'municipality',
						offsetDays: 14,
						session: session({
							title: 'Plantdag van de Klimaatmakers',
							kind: 'actionDay',
							durationMinutes: 240,
							agenda: 'Onthaal en praktische afspraken\nOntharden en planten\nAfsluiter',
							materials: 'Plantgoed\nGereedschap\nContainer voor uitgebroken verharding',
							prepare: 'Deelnemers vragen eigen materiaal mee te brengen'
						}),
						communication: comms({
							facebook:
								'Meer informatie over de plantdag, met een link naar het participatieplatform waar het verslag van de werkgroep en de volgende stappen staan.',
							whatsapp: 'Een kort bericht om door te sturen naar buren, met de link naar de plantdag.'
						})
					})
				]
			},
			{
				key: 'p4',
				title: 'Verslag',
				description: 'Burgers zien wat hun inbreng opleverde en blijven betrokken.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's10',
						title: 'Verslag en volgende stappen op het platform',
						description:
							'Het verslag van de werkgroep en de volgende stappen staan op het participatieplatform.',
						role: 'contact',
						offsetDays: 3,
						checklist: ['Verslag gepubliceerd', 'Volgers op de hoogte gebracht']
					}),
					step({
						key: 's11',
						title: 'Interview met een deelnemer in het infomagazine',
						description:
							'De communicatiedienst schrijft op basis van de input van de betrokken ambtenaar en participatie-expert een artikel, met verwijzing naar andere acties van de Klimaatmakers.',
						role: 'communication',
						offsetDays: 14,
						communication: comms({
							magazine:
								'Interview met een deelnemer van de plantdag, met een link naar andere acties op het platform.'
						})
					})
				]
			}
		],
		documents: [
			{
				key: 'd1',
				title: 'Uitnodiging voor de werkgroep',
				kind: 'call',
				body: '# Werkgroep van de Klimaatmakers\n\nJe bent welkom op de volgende werkgroep van de Klimaatmakers over vergroening, in het buurthuis. Samen met de schepen en de betrokken ambtenaar kiezen we plekken om te ontharden en te vergroenen.\n\nKan je niet? Op het participatieplatform vind je achteraf het verslag en de volgende stappen.'
			}
		]
	}
};

export const SEEDED_TEMPLATES = [KLIMAATDOENERS, KLIMAATMAKERS, INTERNAL_TRAJECTORY];

/**
 * Inserts the templates (and the internal trajectory of a climate plan, playbook.seed.internal.ts), published, in the Kempen, unless a template with their address exists already: one
 * statement at every start (the address is unique, so an existing one is left as its keepers changed it).
 */
export async function seedPlaybookTemplates(db: Db): Promise<void> {
	const [kempen] = await db.select({ id: regions.id }).from(regions).where(eq(regions.slug, 'kempen'));
	if (!kempen) return;
	const now = new Date();
	await db
		.insert(playbookTemplates)
		.values(
			SEEDED_TEMPLATES.map((t) => ({
				regionId: kempen.id,
				slug: t.slug,
				title: t.title,
				summary: t.summary,
				theme: t.theme,
				content: t.content,
				status: 'published' as const,
				publishedTitle: t.title,
				publishedSummary: t.summary,
				publishedTheme: t.theme,
				publishedContent: t.content,
				version: 1,
				publishedAt: now
			}))
		)
		.onConflictDoNothing();
}

// The region's template of the internal trajectory of a climate plan (seed 004): a diagnosis of how the departments
// cooperate, a relaunch day with one person per department, one-to-one lunch talks between the sustainability
// service and each department, and a climate team per theme; the climate plan's back office records each of these
// (meetings, agreements, tasks, the diagnosis). Reference data, seeded with the other templates.
import type { PlaybookContent, PlaybookStep } from '$lib/domain/playbook';

const step = (
	s: Omit<PlaybookStep, 'checklist' | 'session' | 'communication'> & Partial<PlaybookStep>
): PlaybookStep => ({
	checklist: [],
	session: null,
	communication: {},
	...s
});

export const INTERNAL_TRAJECTORY: {
	slug: string;
	title: string;
	summary: string;
	theme: string;
	content: PlaybookContent;
} = {
	slug: 'klimaatplan-van-woord-naar-daad',
	title: 'Klimaatplan: van woord naar daad met alle diensten',
	theme: 'Klimaat',
	summary:
		'Vrijwel alle gemeentelijke diensten zijn betrokken bij de uitvoering van het klimaatbeleid. Dat vraagt een horizontale manier van werken. Dit traject zet de woorden van het klimaatactieplan om in daden, vertrekkend van de huidige cultuur en structuur van de gemeente: een diagnose van de samenwerking, een doorstartdag met één vertegenwoordiger per dienst, één-op-één lunchgesprekken tussen de duurzaamheidsdienst en elke dienst, en een klimaatteam per thema.\n\nDe gemeente is eigenaar van het traject, de communicatie en de resultaten. Het klimaatplan in Meedoen houdt het overleg, de afspraken, de taken en de diagnose bij, en telt hoeveel diensten deelnemen.',
	content: {
		phases: [
			{
				key: 'p1',
				title: 'Intake en diagnose',
				description:
					'Kennismaken, afspraken over het verloop en een diagnose van de huidige samenwerking tussen de diensten.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's1',
						title: 'Intakegesprek met de duurzaamheidsdienst en de bevoegde schepenen',
						description:
							'Kennismaken en afspraken maken over het verloop van de ondersteuning, de timing en de taakverdeling.',
						role: 'sustainabilityOfficer',
						offsetDays: 0,
						checklist: [
							'Eén aanspreekpunt van de gemeente aangeduid',
							'Bevoegde schepenen betrokken',
							'Timing en taakverdeling afgesproken',
							'Politiek draagvlak voor het Burgemeestersconvenant en het SECAP bevestigd'
						]
					}),
					step({
						key: 's2',
						title: 'Diagnose van de samenwerking tussen de diensten',
						description:
							'Elke dienst vult de korte vragenlijst in (Klimaatplan → Diagnose samenwerking): weet de dienst welke acties ze draagt, werkt ze vlot samen, is er een aanspreekpunt, zit klimaat in de planning, voelt ze steun van het bestuur. Herhaal de ronde na een jaar.',
						role: 'sustainabilityOfficer',
						offsetDays: 7,
						checklist: [
							'Diensten van het plan opgelijst en medewerkers aan hun dienst gekoppeld',
							'Ronde van de diagnose geopend',
							'Elke dienst heeft geantwoord',
							'Resultaten besproken met de schepenen'
						]
					})
				]
			},
			{
				key: 'p2',
				title: 'Doorstartdag',
				description: 'Een plenaire dag om het bestaande klimaatplan samen opnieuw op gang te trekken.',
				duration: 1,
				unit: 'months',
				steps: [
					step({
						key: 's3',
						title: 'Doorstartdag met één vertegenwoordiger per dienst',
						description:
							'Collega’s werken op een aangename manier samen rond specifieke klimaatacties van hun beleidsdomeinen. Noteer het overleg met de vertegenwoordiger van elke dienst en de afspraken; elke afspraak wordt een actie van het plan of een taak.',
						role: 'sustainabilityOfficer',
						offsetDays: 14,
						checklist: [
							'Eén vertegenwoordiger per dienst uitgenodigd',
							'Acties van het plan per beleidsdomein voorbereid',
							'Post-its, flappen en grafisch materiaal klaar',
							'Overleg en afspraken genoteerd in het klimaatplan'
						],
						session: {
							title: 'Doorstartdag klimaatplan',
							kind: 'workingGroup',
							durationMinutes: 240,
							agenda:
								'Welkom door de schepen\nWaar staat het klimaatplan?\nWerken per beleidsdomein rond concrete acties\nAfspraken en wie trekt\nAfsluiter',
							materials: 'Post-its\nFlappen\nOverzicht van de acties per dienst',
							prepare: 'Elke dienst bekijkt vooraf de acties van het plan die haar aanbelangen'
						}
					})
				]
			},
			{
				key: 'p3',
				title: 'Lunchgesprekken per dienst',
				description:
					'Eén-op-één gesprekken tussen de duurzaamheidsdienst en elke dienst, op zoek naar win-win.',
				duration: 3,
				unit: 'months',
				steps: [
					step({
						key: 's4',
						title: 'Lunchgesprek met elke dienst',
						description:
							'De duurzaamheidsdienst zoekt samen met de collega’s van een dienst naar win-win: wat helpt hun eigen doelen én het klimaatplan? Het gesprek eindigt in acties en werkafspraken; noteer het als lunchgesprek met de dienst en zet elke afspraak om in een actie van het plan of een taak met een eigenaar en een datum.',
						role: 'sustainabilityOfficer',
						offsetDays: 0,
						checklist: [
							'Lijst van diensten en een datum per dienst',
							'Acties van het plan die de dienst aanbelangen klaargelegd',
							'Afspraken omgezet in acties of taken',
							'Taken opgevolgd tot ze klaar zijn'
						]
					})
				]
			},
			{
				key: 'p4',
				title: 'Klimaatteams per thema',
				description:
					'Een klimaatteam per thema met de diensthoofden en experten van de betrokken diensten; gebouwen en mobiliteit wegen vaak het zwaarst voor de CO2-uitstoot.',
				duration: 6,
				unit: 'months',
				steps: [
					step({
						key: 's5',
						title: 'Klimaatteams oprichten',
						description:
							'Richt per thema een team op met een trekker en de diensthoofden en experten van de betrokken diensten (Klimaatplan → Klimaatteams).',
						role: 'sustainabilityOfficer',
						offsetDays: 0,
						checklist: ['Team gebouwen opgericht', 'Team mobiliteit opgericht', 'Trekker per team aangeduid']
					}),
					step({
						key: 's6',
						title: 'Overleg van de klimaatteams',
						description:
							'Elk team komt geregeld samen rond de acties van zijn thema: opvolgen, prioriteren, bijsturen. Noteer het overleg en de afspraken.',
						role: 'municipality',
						offsetDays: 30,
						checklist: ['Overleg genoteerd', 'Afspraken omgezet in acties of taken']
					}),
					step({
						key: 's7',
						title: 'Tweede ronde van de diagnose en terugkoppeling aan het bestuur',
						description:
							'Open een nieuwe ronde van de diagnose en leg de resultaten naast die van de eerste ronde. Bespreek ze met het college, samen met hoeveel diensten deelnemen aan het plan.',
						role: 'sustainabilityOfficer',
						offsetDays: 150,
						checklist: ['Tweede ronde afgesloten', 'Resultaten naast elkaar besproken met het college']
					})
				]
			}
		],
		documents: [
			{
				key: 'd1',
				title: 'Uitnodiging voor de doorstartdag',
				kind: 'call',
				body: '# Doorstartdag klimaatplan\n\nOns klimaatplan is er, nu maken we er samen werk van. Elke dienst draagt een deel van de acties. We vragen één vertegenwoordiger per dienst om een halve dag samen te werken rond de acties van jullie beleidsdomein.\n\nBreng mee: de acties van het plan die jullie dienst aanbelangen, en goesting.'
			}
		]
	}
};

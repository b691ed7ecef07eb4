// The two programmes the platform ships, as presets the region's admins start from and as demo content: the
// impact map of this project (seed 000, its KPIs linked to the impact indicators) and one with the structure of
// a real interim report of another funder (seed 003: ABB's "Plan Samenleven", project year 2: its actions, the
// 25 % threshold, at least 3 of 5 domains, a measure in each of the four P's, 250-character answers, the
// financial stimulus). The texts are the funder's own, in Dutch: a programme's definition is content.
import type { ProgrammeInput } from './funder-reports.schemas';

export const PRESETS = ['impact-map', 'plan-samenleven'] as const;
export type PresetKey = (typeof PRESETS)[number];

const indicator = (key: string, municipality: number | null = null, region: number | null = null) =>
	({ kind: 'indicator', indicator: key, targets: { municipality, region } }) as const;

/** Project years from `year` (1 January to 31 December). */
const years = (first: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		key: `jaar-${i + 1}`,
		label: `Projectjaar ${i + 1} (${first + i})`,
		from: `${first + i}-01-01`,
		to: `${first + i}-12-31`
	}));

export function preset(key: PresetKey, thisYear = new Date().getUTCFullYear()): ProgrammeInput {
	if (key === 'impact-map')
		return {
			name: 'Impactmap klimaatparticipatie Kempen',
			funder: 'Projectsubsidie burgerparticipatie klimaat',
			threshold: 25,
			submitter: 'municipality',
			periods: years(thisYear - 1, 3),
			definition: {
				actions: [
					{
						key: 'ladder',
						title: 'Participatiemogelijkheden op elke trede van de participatieladder',
						kpi: indicator('opportunities.rungs')
					},
					{
						key: 'klimaatacties',
						title: 'Bijkomende klimaatacties in uitvoering',
						kpi: indicator('impact.climateActions', 1, 15)
					},
					{
						key: 'klimaatmakers',
						title: 'Pool van geïnteresseerde klimaatmakers',
						kpi: indicator('accounts.climateMakers', 80, 1200)
					},
					{
						key: 'gebruikers',
						title: 'Gebruikers van het digitaal participatieplatform',
						kpi: indicator('accounts.registeredUsers', 100, 1500)
					},
					{
						key: 'beleidsthemas',
						title: 'Bijkomende beleidsthema’s volgens het draaiboek',
						kpi: indicator('playbook.extraThemes', 2, 30)
					}
				],
				sections: []
			}
		};
	const answer = 250;
	return {
		name: 'Plan Samenleven: tussentijdse rapportage',
		funder: 'Agentschap Binnenlands Bestuur (ABB)',
		threshold: 25,
		submitter: 'municipality',
		periods: years(thisYear - 1, 3),
		definition: {
			actions: [
				{
					key: 'polarisatie',
					title: 'Actie 2: actieplan polarisatie',
					kpi: { kind: 'manual', label: 'Stappen van het actieplan doorlopen', target: 4 },
					expectations: [
						{
							key: 'opmaak',
							title: 'Opmaak actieplan: de vier stappen',
							kind: 'each',
							limit: answer,
							items: [
								{ key: 'coordinatie', label: 'Coördinerend ambtenaar of team aangeduid' },
								{ key: 'zelfevaluatie', label: 'Zelfevaluatie en omgevingsanalyse' },
								{ key: 'ambitie', label: 'Ambitiebepaling met meetbare indicatoren' },
								{ key: 'acties', label: 'Concrete acties geformuleerd' }
							]
						},
						{
							key: 'uitvoering',
							title: 'Uitvoering actieplan: maatregelen op minstens drie van vijf domeinen',
							kind: 'atLeast',
							min: 3,
							limit: answer,
							items: [
								{ key: 'polarisatie', label: 'Tegengaan van polarisatie' },
								{ key: 'desinformatie', label: 'Tegengaan van desinformatie' },
								{ key: 'haatspraak', label: 'Tegengaan van aanzetten tot discriminatie, haat of geweld' },
								{ key: 'debatten', label: 'Stimuleren van debatten' },
								{ key: 'vorming', label: 'Vorming en opleiding van personeel' }
							]
						}
					]
				},
				{
					key: 'straatintimidatie',
					title: 'Actie 16: actieplan straatintimidatie',
					kpi: { kind: 'manual', label: 'Maatregelen in uitvoering', target: 4 },
					expectations: [
						{
							key: 'vier-p',
							title: 'Een maatregel in elk van de vier P’s',
							kind: 'each',
							limit: answer,
							items: [
								{ key: 'preventie', label: 'Preventie: sensibiliseren en informeren' },
								{ key: 'protectie', label: 'Protectie: slachtoffers beschermen en begeleiden' },
								{ key: 'participatie', label: 'Participatie: jongeren, burgers en experten betrekken' },
								{ key: 'prosecutie', label: 'Prosecutie: samenwerken met de lokale politie' }
							]
						}
					]
				},
				{
					key: 'toegankelijkheid',
					title: 'Actie 18: actieplan toegankelijkheid',
					kpi: { kind: 'manual', label: 'Toegankelijkheidsmaatregelen', target: 3 },
					expectations: [
						{
							key: 'domeinen',
							title: 'Maatregelen op minstens drie domeinen',
							kind: 'atLeast',
							min: 3,
							limit: answer,
							items: [
								{ key: 'mobiliteit', label: 'Inclusieve mobiliteit' },
								{ key: 'vrije-tijd', label: 'Inclusieve vrijetijdsbeleving' },
								{ key: 'communicatie', label: 'Inclusieve lokale communicatie en dienstverlening' },
								{ key: 'beeldvorming', label: 'Beeldvorming' },
								{ key: 'patrimonium', label: 'Toegankelijk gebouwenpatrimonium en publiek domein' },
								{ key: 'evenementen', label: 'Toegankelijke evenementen' },
								{ key: 'beleidsparticipatie', label: 'Versterking van beleidsparticipatie' },
								{ key: 'sensibilisering', label: 'Sensibilisering van de interne diensten' }
							]
						}
					]
				},
				{
					key: 'correspondentietesten',
					title: 'Actie 19: correspondentietesten',
					kpi: { kind: 'manual', label: 'Geteste discriminatiegronden', target: 1 },
					expectations: [
						{
							key: 'testen',
							title: 'Minstens één discriminatiegrond getest, met rapport',
							kind: 'each',
							limit: answer,
							items: [
								{ key: 'test', label: 'Discriminatiegronden getest met correspondentietesten' },
								{ key: 'rapport', label: 'Rapport geschreven' }
							]
						}
					]
				},
				{
					key: 'pleinmakers',
					title: 'Actie 22: sociaal weefsel versterken (pleinmakers)',
					kpi: { kind: 'manual', label: 'Acties van de pleinmaker', target: 5 },
					expectations: [
						{
							key: 'acties',
							title: 'Minstens vijf acties die het sociaal weefsel versterken',
							kind: 'atLeast',
							min: 5,
							limit: answer,
							items: [
								{ key: 'aanspreken', label: 'Andere bewoners aanspreken' },
								{ key: 'beeldvorming', label: 'Positieve beeldvorming van de buurt' },
								{ key: 'vrijwilliger', label: 'Tijdelijk vrijwilliger in een werking' },
								{ key: 'overleg', label: 'Overleg met professionals' },
								{ key: 'aanwezig', label: 'Regelmatig aanwezig in de buurt' },
								{ key: 'activiteiten', label: 'Deelnemen aan buurtgerichte activiteiten' },
								{ key: 'straatfeest', label: 'Een straatfeest of samenkomst organiseren' },
								{ key: 'jaarlijks', label: 'Jaarlijks een actie in de eigen buurt' },
								{ key: 'begeleiden', label: 'Bewoners begeleiden naar het reguliere aanbod' }
							]
						}
					]
				}
			],
			sections: [
				{
					key: 'samenwerkingsverband',
					title: 'Financiële stimulans samenwerkingsverband',
					questions: [
						{
							key: 'organisatie',
							label: 'Beschrijf kort hoe u de samenwerking hebt georganiseerd.',
							kind: 'text',
							limit: answer
						}
					]
				},
				{
					key: 'mentorbestuur',
					title: 'Financiële stimulans mentorbestuur',
					questions: [
						{ key: 'netwerken', label: 'Hoeveel lerende netwerken werden er georganiseerd?', kind: 'count' },
						{ key: 'besturen', label: 'Hoeveel lokale besturen namen deel?', kind: 'count' },
						{
							key: 'organisatie',
							label: 'Op welke manier werden de lerende netwerken georganiseerd?',
							kind: 'text',
							limit: answer
						},
						{
							key: 'rol',
							label: 'Hoe werd de rol als mentorbestuur ervaren?',
							kind: 'text',
							limit: answer
						}
					]
				},
				{
					key: 'sociale-impact',
					title: 'Financiële stimulans sociale impactobligaties',
					questions: [
						{
							key: 'stappen',
							label:
								'Welke stappen werden gezet en welke worden nog genomen om tot een sociale impactobligatie te komen?',
							kind: 'text',
							limit: answer
						},
						{
							key: 'problemen',
							label: 'Welke maatschappelijke problemen wil je aanpakken met een sociale impactobligatie?',
							kind: 'text',
							limit: answer
						}
					]
				}
			]
		}
	};
}

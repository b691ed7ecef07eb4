// Impact: the impact map's indicators, the dashboards of staff and the region, the public impact pages and the
// impact-figures widget. Loaded on demand (server, back office, the impact pages).
export const impact = {
	title: 'Impact',
	yes: 'ja',
	no: 'nee',
	notEntered: 'nog niet ingevoerd',
	entered: 'ingevoerd',
	computed: 'berekend',
	none: '–',
	units: {
		people: 'klimaatmakers',
		users: 'gebruikers',
		channels: 'kanalen',
		rungs: 'treden',
		actions: 'acties',
		municipalities: 'gemeenten',
		themes: 'thema’s',
		departments: 'diensten',
		trees: 'bomen',
		metres: 'meter',
		squareMetres: 'm²',
		cubicMetres: 'm³',
		chargingPoints: 'laadpunten',
		energyProjects: 'projecten',
		renovations: 'renovaties'
	},
	mapBaseline: {
		few: 'beperkt',
		rungs: 'geen tot beperkte mogelijkheid om actief bij te dragen',
		zeroMunicipalities: '0 gemeenten',
		oneMunicipality: '1 gemeente',
		testing: '2 gemeenten',
		themes: '0 tot 1 thema per gemeente'
	},
	indicators: {
		pact: {
			trees: 'Klimaatpact: extra bomen',
			hedges: 'Klimaatpact: haag of geveltuin',
			unpaving: 'Klimaatpact: ontharding',
			rainwater: 'Klimaatpact: opvang van regenwater',
			cyclePaths: 'Klimaatpact: nieuw of beter fietspad',
			chargingPoints: 'Klimaatpact: laadpunten',
			energyProjects: 'Klimaatpact: participatieve projecten hernieuwbare energie',
			renovations: 'Klimaatpact: collectieve energierenovaties'
		},
		pactDefinition: {
			trees:
				'Extra bomen sinds 2021, nagekeken door de gemeente. Doel 2030: 1 boom per inwoner. Voor de regio de som over de deelnemende gemeenten.',
			hedges:
				'Meter haag of geveltuin sinds 2021, nagekeken door de gemeente. Doel 2030: 0,5 meter per inwoner. Voor de regio de som over de deelnemende gemeenten.',
			unpaving:
				'Vierkante meter extra ontharding sinds 2021, nagekeken door de gemeente. Doel 2030: 1 m² per inwoner. Voor de regio de som over de deelnemende gemeenten.',
			rainwater:
				'Kubieke meter extra opvang van regenwater sinds 2021, nagekeken door de gemeente. Doel 2030: 1 m³ per inwoner. Voor de regio de som over de deelnemende gemeenten.',
			cyclePaths:
				'Meter nieuw of beter fietspad sinds 2021. Doel 2030: 1 meter per inwoner. Voor de regio de som over de deelnemende gemeenten.',
			chargingPoints:
				'Laadpunten sinds 2021. Doel 2030: 1,5 laadpunt per 100 inwoners. Voor de regio de som over de deelnemende gemeenten.',
			energyProjects:
				'Participatieve projecten hernieuwbare energie sinds 2021. Doel 2030: 1 project per 500 inwoners. Voor de regio de som over de deelnemende gemeenten.',
			renovations:
				'Collectieve energierenovaties sinds 2021. Doel 2030: 50 per 1.000 woningen, uit het aantal woningen dat de gemeente invoerde. Voor de regio de som over de deelnemende gemeenten.'
		},
		pactSource:
			'Berekend uit het Klimaatpact: resultaten die de gemeente bij acties en activiteiten invoerde en meldingen van inwoners die ze goedkeurde; inwoners uit de lijst van de Kempense gemeenten (2020).',
		departments: {
			name: 'Diensten die meewerken aan het klimaatplan',
			definition:
				'Een dienst van de gemeente telt mee wanneer ze een actie van het klimaatplan trekt of eraan meewerkt (niet stopgezet), iemand van de dienst in een klimaatteam zit, of de dienst deelnam aan een overleg (doorstartdag, lunchgesprek, klimaatteam). Uit alle diensten op de lijst van het klimaatplan. Voor de regio de som over de gemeenten.',
			source: 'Berekend uit het klimaatplan: acties, klimaatteams en overleg.'
		},
		rungs: {
			name: 'Treden van de participatieladder met aanbod',
			definition:
				'Het aantal treden van de participatieladder (informeren tot zelfbeheer, zes in totaal) waarop de gemeente minstens één manier om mee te doen aanbiedt: bij een gepubliceerde actie, of als gepubliceerde activiteit op zich (een activiteit bij een manier om mee te doen telt via die manier, één keer). Per trede staat erbij hoeveel. Voor de regio de som over de gemeenten.',
			source:
				'Berekend uit de manieren om mee te doen (kansen) van gepubliceerde acties en de gepubliceerde activiteiten, niet geannuleerd.'
		},
		climateActions: {
			name: 'Bijkomende klimaatacties in uitvoering',
			definition:
				'Gepubliceerde klimaatacties die in uitvoering of afgerond zijn en niet in het startregister stonden (de acties in uitvoering bij de start van het programma).',
			source: 'Berekend uit de acties en het startregister.'
		},
		climateMakers: {
			name: 'Klimaatmakers in de pool',
			definition:
				'Mensen met een account en deze gemeente als thuisgemeente die aangaven dat ze gevraagd willen worden om mee te helpen.',
			source: 'Berekend uit de accounts (keuze voor de pool van klimaatmakers).'
		},
		registeredUsers: {
			name: 'Geregistreerde gebruikers',
			definition: 'Mensen met een account op het platform en deze gemeente als thuisgemeente.',
			source: 'Berekend uit de accounts.'
		},
		channels: {
			name: 'Kanalen die mensen bereiken',
			definition:
				'Het aantal verschillende kanalen waarlangs gebruikers het platform de eerste keer bereikten (utm_source van de link, of de verwijzende site). Voor de regio: verschillende kanalen over alle gemeenten.',
			source: 'Berekend uit het eerste kanaal dat bij elk account bewaard wordt.'
		},
		externalStrategy: {
			name: 'Gemeenten met een externe participatiestrategie',
			definition:
				'Een gemeente telt mee wanneer ze ingezette communicatiekanalen en communicatieafspraken met een uitgebreid netwerk heeft vastgelegd.',
			source: 'Ingevuld door de gemeente op het formulier participatiestrategie.'
		},
		testing: {
			name: 'Gemeenten die het platform testen',
			definition:
				'Een gemeente telt mee wanneer ze in de laatste 90 dagen minstens één actie of suggestie publiceerde op het platform.',
			source: 'Berekend uit de publicatiedatum van acties en suggesties.'
		},
		strategies: {
			name: 'Gemeenten met een interne en externe participatiestrategie',
			definition:
				'Een gemeente telt mee wanneer ze zowel een externe strategie (kanalen en afspraken) als een interne strategie heeft vastgelegd.',
			source: 'Ingevuld door de gemeente op het formulier participatiestrategie.'
		},
		usingPlaybook: {
			name: 'Gemeenten die het draaiboek gebruiken',
			definition:
				'Een gemeente telt mee wanneer ze minstens één traject uit het draaiboek burgerparticipatie loopt of liep.',
			source: 'Berekend uit de trajecten van het draaiboek.'
		},
		playbookAvailable: {
			name: 'Gemeenten die het draaiboek ter beschikking kregen',
			definition:
				'Het aantal gemeenten, in de Kempen en daarbuiten, dat het draaiboek burgerparticipatie ter beschikking kreeg. Het platform kan dit niet tellen: de regio vult het in met een toelichting.',
			source: 'Ingevoerd door de regio.'
		},
		extraThemes: {
			name: 'Bijkomende beleidsthema’s met het draaiboek',
			definition:
				'Het aantal verschillende beleidsthema’s buiten klimaat waarvoor de gemeente een traject uit het draaiboek loopt of liep.',
			source: 'Berekend uit de thema’s van de trajecten van het draaiboek.'
		}
	},
	notes: {
		departments: '{taking} van {total} diensten',
		testing: '{actions} acties en {suggestions} suggesties gepubliceerd in de laatste {days} dagen',
		pactNoDwellings: 'Nog geen doel: het aantal woningen is nog niet ingevoerd.'
	},
	columns: {
		indicator: 'Indicator',
		baseline: 'Nulmeting',
		target: 'Doel',
		now: 'Nu',
		percent: '% bereikt',
		light: 'Stand',
		day: 'Dag',
		value: 'Waarde'
	},
	light: {
		green: 'Op schema',
		orange: 'Aandacht nodig',
		red: 'Achter (onder 25 %)',
		none: 'Geen doel'
	},
	definitionLabel: 'Definitie',
	sourceLabel: 'Bron',
	computedAt: 'Berekend op {time}',
	enteredAt: 'Ingevoerd op {time}',
	noteLabel: 'Toelichting',
	baselineFrom: 'sinds {date}',
	baselineMap: 'impactmap: {text}',
	trendTitle: 'Verloop: {name}',
	trendCaption: 'Verloop van {name} per dag',
	trendEmpty: 'Nog geen dagelijkse meting. De eerste wordt vandaag of morgen bewaard.',
	chartLabel: 'Grafiek van {name}: {count} metingen, laatste waarde {value}',
	target: 'doel {target}',
	municipality: {
		title: 'Impact',
		intro:
			'Hoe ver staat {municipality} met de indicatoren van de impactmap? Elke waarde staat met haar definitie, bron en het moment van berekenen.',
		publicLink: 'Bekijk de publieke impactpagina',
		strategyTitle: 'Participatiestrategie',
		strategyIntro:
			'Welke kanalen zet de gemeente in, welke communicatieafspraken zijn er met een uitgebreid netwerk, en wat is de interne strategie?',
		channels: 'Ingezette communicatiekanalen',
		agreements: 'Communicatieafspraken met een uitgebreid netwerk',
		internal: 'Interne participatiestrategie',
		save: 'Strategie bewaren',
		registerTitle: 'Startregister van klimaatacties',
		registerIntro:
			'De acties die in uitvoering waren bij de start van het programma: bijkomende acties worden hiertegen geteld.',
		registerEmpty: 'Het startregister is nog niet vastgelegd: de regio legt het vast met de nulmeting.',
		enterTitle: 'Een waarde invoeren',
		baselineTitle: 'Nulmeting aanpassen',
		targetTitle: 'Doel aanpassen'
	},
	region: {
		title: 'Impact in de regio',
		intro: 'De indicatoren van de impactmap voor {region}, en elke gemeente naast elkaar.',
		municipality: 'Gemeente',
		sideBySide: 'Alle gemeenten naast elkaar',
		sideCaption: 'De indicatoren per gemeente, gesorteerd op {column} ({dir})',
		takingPart: {
			one: 'De cijfers van de regio zijn de som van de {count} deelnemende gemeente (bij een indicator die gemeenten telt: of ze ja heeft). Een gemeente die niet deelneemt, staat in de tabel met haar eigen cijfers, maar telt niet mee.',
			other:
				'De cijfers van de regio zijn de som van de {count} deelnemende gemeenten (bij een indicator die gemeenten telt: hoeveel van hen ja hebben). Een gemeente die niet deelneemt, staat in de tabel met haar eigen cijfers, maar telt niet mee.'
		},
		takingPartColumn: 'Neemt deel',
		sortBy: 'Sorteer op {column}',
		asc: 'oplopend',
		desc: 'aflopend',
		csv: 'Download als CSV',
		recordBaselines: 'Nulmeting en startregister vastleggen',
		recordBaselinesIntro:
			'Bewaart de waarde van vandaag als nulmeting voor elke indicator, voor de regio en elke gemeente (wat al een nulmeting heeft, houdt die), en de acties in uitvoering als startregister.',
		baselinesRecorded: 'Nulmeting vastgelegd.',
		regionChoice: 'Regio'
	},
	form: {
		indicator: 'Indicator',
		scope: 'Voor',
		regionScope: 'De regio',
		value: 'Waarde',
		note: 'Toelichting',
		target: 'Doel',
		recordedOn: 'Datum van de nulmeting',
		reason: 'Reden van de aanpassing',
		enter: 'Waarde invoeren',
		saveBaseline: 'Nulmeting bewaren',
		saveTarget: 'Doel bewaren'
	},
	flash: {
		strategy: 'De participatiestrategie is bewaard.',
		entry: 'De waarde is ingevoerd.',
		baseline: 'De nulmeting is aangepast.',
		target: 'Het doel is aangepast.',
		baselines: 'De nulmeting en het startregister zijn vastgelegd.'
	},
	errors: {
		valueRequired: 'Vul een getal in.',
		valueInvalid: 'Dit is geen getal. Schrijf bijvoorbeeld 12 of 12,5.',
		valueNegative: 'Een waarde kan niet negatief zijn.',
		valueTooLarge: 'Dit getal is te groot.',
		targetPositive: 'Een doel moet groter zijn dan nul.',
		dateInvalid: 'Dit is geen geldige datum (jjjj-mm-dd).',
		baselineInFuture: 'Een nulmeting kan niet in de toekomst liggen.',
		reasonRequired: 'Geef een reden voor de aanpassing.',
		reasonTooLong: 'De reden is te lang (hoogstens 1000 tekens).',
		noteRequired: 'Geef een toelichting bij de ingevoerde waarde.',
		noteTooLong: 'De toelichting is te lang (hoogstens 1000 tekens).',
		textTooLong: 'Deze tekst is te lang (hoogstens 4000 tekens).',
		channelUnknown: 'Kies een kanaal uit de lijst.',
		indicatorUnknown: 'Kies een indicator uit de lijst.',
		scopeUnknown: 'Kies de regio of een gemeente uit de lijst.',
		computed: 'Deze indicator berekent het platform zelf; je kan hem niet invoeren.',
		regionOnly: 'Dit cijfer bestaat alleen voor de regio; de regiobeheerder voert het in.'
	},
	public: {
		title: 'Wat we samen bereikten',
		titleMunicipality: 'Wat we samen bereikten in {municipality}',
		intro:
			'Inwoners, verenigingen en de gemeente werken samen aan het klimaat. Dit zijn de cijfers, elke dag bijgewerkt.',
		introRegion:
			'In {region} werken gemeenten en inwoners samen aan het klimaat. Dit zijn de cijfers van alle gemeenten samen.',
		takingPart: {
			one: 'De cijfers van de regio zijn de som van de {count} deelnemende gemeente.',
			other: 'De cijfers van de regio zijn de som van de {count} deelnemende gemeenten.'
		},
		figure: '{value} {unit}',
		ofTarget: 'Het doel is {target}.',
		reached: 'Dat is {percent} % van het doel.',
		baseline: 'Bij de start waren het er {value}.'
	},
	widget: {
		label: 'Impactcijfers',
		description: 'Wat inwoners samen bereikten: klimaatmakers, gebruikers, acties en de participatieladder.',
		title: 'Samen bereikt in {municipality}',
		intro: 'Elke dag bijgewerkt.',
		target: 'Doel: {target}',
		empty: 'Er zijn nog geen cijfers.',
		more: 'Bekijk alle impactcijfers'
	}
};

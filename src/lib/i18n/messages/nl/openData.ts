// Open data: the open-data pages, the datasets' names, the catalogue and the licence setting (loaded on demand).
export const openData = {
	regionName: '{region}',
	link: 'Open data',
	page: {
		title: 'Open data van {name}',
		titleRegion: 'Open data van alle deelnemende gemeenten',
		intro:
			'Alles wat iedereen op Meedoen {name} kan lezen, ook als bestanden om zelf mee verder te werken: in CSV (met een kopregel, UTF-8), JSON en, voor wat een plaats heeft, GeoJSON. Er staan geen persoonsgegevens in: geen e-mailadressen, en namen alleen van wie er zelf voor koos om met naam te verschijnen.',
		introRegion:
			'De gegevens van alle gemeenten die aan Meedoen deelnemen, samen in één bestand per soort. De kolom municipality zegt van welke gemeente een rij is. Elke gemeente heeft ook haar eigen open-datapagina.',
		licenceHeading: 'Licentie',
		licence: 'Je mag deze gegevens vrij hergebruiken, ook commercieel, onder deze licentie:',
		licenceMixed:
			'De gemeenten publiceren onder hun eigen licentie; voor elke rij geldt die van haar gemeente:',
		catalogueHeading: 'Catalogus (DCAT-AP)',
		catalogue:
			'Alle datasets staan ook in een machineleesbare catalogus volgens DCAT-AP, in JSON-LD, zodat dataportalen ze vanzelf kunnen oppikken.',
		catalogueLink: 'Catalogus in DCAT-AP (JSON-LD)',
		datasetsHeading: 'Datasets',
		columns: {
			dataset: 'Dataset',
			count: 'Aantal rijen',
			modified: 'Laatst bijgewerkt',
			files: 'Downloaden'
		},
		never: 'Nog geen gegevens',
		download: '{dataset} als {format}',
		feedsHeading: 'Feeds en API',
		feedsIntro:
			'Om op de hoogte te blijven of gegevens automatisch op te halen, zonder telkens een bestand te downloaden.',
		feedsIntroRegion:
			'De feeds bestaan per gemeente; het voorbeeld is telkens dat van een deelnemende gemeente.',
		example: 'Voorbeeld',
		noExample: 'Nog geen voorbeeld: er is nog niets om in deze feed te tonen.',
		municipalities: 'Open data per gemeente',
		notParticipating: 'Deze gemeente neemt nog niet deel aan Meedoen.'
	},
	feeds: {
		news: {
			title: 'Nieuws van de gemeente',
			description: 'Updates van acties, verslagen van activiteiten en nieuwsbrieven, het nieuwste eerst.'
		},
		actionNews: {
			title: 'Nieuws van één actie',
			description:
				'De updates en verslagen van één klimaatactie; de feed staat ook op de pagina van de actie.'
		},
		calendar: {
			title: 'Activiteitenkalender',
			description: 'Alle activiteiten van de gemeente, om op te abonneren in je agenda.'
		},
		eventCalendar: {
			title: 'Eén activiteit in je agenda',
			description: 'Een activiteit als afspraak, om in je eigen agenda te zetten.'
		},
		suggestionsMap: {
			title: 'Suggesties op een kaart',
			description: 'De gepubliceerde suggesties met een plaats van één kaart.'
		},
		api: {
			title: 'De publieke API',
			description:
				'Acties, activiteiten, kansen en suggesties om te lezen door andere programma’s, beschreven in OpenAPI.'
		}
	},
	datasets: {
		actions: {
			title: 'Klimaatacties',
			description:
				'De gepubliceerde klimaatacties met hun fase, thema’s, wie ze trekt, hun data en, als ze die hebben, hun plaats.'
		},
		actionUpdates: {
			title: 'Updates van klimaatacties',
			description: 'De gepubliceerde updates (nieuws) bij de klimaatacties, met een link naar de update.'
		},
		opportunities: {
			title: 'Kansen om mee te doen',
			description:
				'De manieren om mee te doen aan de klimaatacties, met hun trede op de participatieladder en wanneer ze openstaan.'
		},
		suggestions: {
			title: 'Suggesties van inwoners',
			description:
				'De gepubliceerde suggesties van inwoners op de kaarten van de acties, met hun plaats, status, steun en het antwoord van de gemeente. Zonder naam van wie ze indiende.'
		},
		events: {
			title: 'Activiteiten',
			description:
				'De aangekondigde activiteiten, komende en voorbije (ook afgelaste), met hun plaats en, na het verslag, hoeveel mensen er kwamen. Zonder inschrijvingen.'
		},
		newsletters: {
			title: 'Nieuwsbrieven',
			description: 'De verstuurde nieuwsbrieven, met een link naar hun webversie.'
		},
		stories: {
			title: 'Verhalen uit de buurt',
			description:
				'De gepubliceerde verhalen over buurtinitiatieven; met de naam van wie het schreef alleen als die daarvoor koos.'
		}
	},
	catalogue: {
		title: 'Open data van Meedoen {name}',
		description:
			'De datasets van Meedoen {name}: klimaatacties, kansen om mee te doen, suggesties van inwoners, activiteiten, nieuwsbrieven en verhalen.',
		publisher: 'Gemeente {name}',
		regionPublisher: 'Meedoen {name}'
	},
	settings: {
		title: 'Open data',
		intro:
			'De datasets van de gemeente staan op haar open-datapagina. Kies onder welke licentie ze gepubliceerd worden; standaard is dat de Vlaamse Modellicentie Gratis Hergebruik.',
		licenceLabel: 'Licentie',
		licenceHint: 'Geldt voor alle datasets en feeds van de gemeente op Meedoen.',
		licenceUnknown: 'Kies een van de licenties uit de lijst.',
		save: 'Licentie bewaren',
		done: 'De licentie is bewaard.',
		view: 'Bekijk de open-datapagina'
	}
};

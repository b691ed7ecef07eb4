// Dutch texts of what a citizen group does beyond its workspace's basics (issue 19): mentions in its threads,
// its own calls for suggestions on the map and its own events. Loaded on the pages that show them.
export const groupsActions = {
	mentions: {
		legend: 'Iemand vermelden',
		hint: 'Wie je aanvinkt, of met @ en de naam in je tekst noemt (bijvoorbeeld @{example}), krijgt een melding. Alleen leden van de groep en de begeleiders van de gemeente.',
		hintPlain:
			'Wie je aanvinkt, of met @ en de naam in je tekst noemt, krijgt een melding. Alleen leden van de groep en de begeleiders van de gemeente.',
		mentioned: 'vermeld',
		errors: {
			invalid: 'Kies alleen mensen uit de lijst.',
			tooMany: 'Je kan hoogstens 20 mensen vermelden in één bericht.',
			rateLimited:
				'Je vermeldde het afgelopen uur al in veel berichten iemand. Probeer het later opnieuw, of schrijf zonder te vermelden.'
		}
	},
	calls: {
		title: 'Oproepen en activiteiten van de groep',
		intro:
			'Als coördinator open je op de acties van de groep een eigen oproep voor suggesties op de kaart, of stel je een activiteit voor. Suggesties verschijnen pas nadat de gemeente ze gemodereerd heeft, zoals bij elke oproep.',
		link: 'Oproepen en activiteiten',
		back: 'Terug naar de werkruimte',
		noActions: 'De groep koos nog geen actie van de menukaart. Kies eerst een actie in de werkruimte.',
		existingCalls: 'Oproepen op de kaart',
		noCalls: 'Nog geen oproepen.',
		existingEvents: 'Activiteiten',
		noEvents: 'Nog geen activiteiten.',
		draft: 'wacht op de gemeente',
		published: 'gepubliceerd',
		cancelled: 'gaat niet door',
		proposedByGroup: 'voorgesteld door de groep',
		plannedByStaff: 'gepland door de gemeente',
		eventsIntro:
			'Een activiteit die de groep voorstelt, publiceert de gemeente. De coördinator en wie ze voorstelde krijgen een melding als de gemeente ze publiceert of annuleert.',
		onAction: 'bij {action}',
		mapCall: {
			heading: 'Een oproep voor suggesties op de kaart openen',
			action: 'Actie',
			actionHint: 'Een van de acties die de groep koos.',
			chooseAction: 'Kies een actie',
			titleLabel: 'Titel van de oproep',
			titleHint: 'Bijvoorbeeld: Welke daken zijn geschikt voor zonnepanelen?',
			howTo: 'Wat vraag je?',
			howToHint: 'Leg uit welke plaatsen je zoekt en wat er met de suggesties gebeurt.',
			opensAt: 'Open vanaf (niet verplicht)',
			closesAt: 'Open tot (niet verplicht)',
			whenHint: 'Datum en uur, bijvoorbeeld 2027-03-01 09:00.',
			submit: 'Oproep openen'
		},
		event: {
			heading: 'Een activiteit voorstellen',
			intro: 'De gemeente kijkt je voorstel na en publiceert het; pas dan kan iedereen zich inschrijven.',
			kind: 'Soort activiteit',
			kinds: {
				actionDay: 'Actiedag (bijvoorbeeld een repaircafé of plantdag)',
				infoEvening: 'Infoavond',
				workingGroup: 'Werkgroep',
				citizenGroupSession: 'Sessie van de groep'
			},
			titleLabel: 'Titel',
			description: 'Beschrijving',
			startsAt: 'Begint op',
			endsAt: 'Eindigt op',
			venueName: 'Plaats',
			address: 'Adres',
			capacity: 'Aantal plaatsen (leeg: geen grens)',
			whenHint: 'Datum en uur, bijvoorbeeld 2027-03-06 10:00.',
			submit: 'Activiteit voorstellen'
		},
		done: {
			mapCall: 'De oproep staat open op de kaart.',
			event: 'Je voorstel is bij de gemeente. Zodra ze het publiceert, kan iedereen zich inschrijven.'
		}
	},
	errors: {
		invalid: 'Dit klopt niet. Kijk het na.',
		formSummary: 'Niet alles is goed ingevuld. Kijk de velden met een foutmelding na.',
		coordinatorOnly:
			'Alleen de coördinator van de groep en de begeleiders van de gemeente kunnen oproepen en activiteiten van de groep maken.',
		actionRequired: 'Kies een actie van de groep.',
		actionNotOwn: 'Kies een actie die de groep zelf koos.',
		titleRequired: 'Geef de oproep een titel.',
		titleTooLong: 'De titel is te lang (hoogstens 200 tekens).',
		howToTooLong: 'De uitleg is te lang (hoogstens 5.000 tekens).',
		dateTime: 'Geef een datum en uur, bijvoorbeeld 2027-03-01 09:00.',
		closesBeforeOpens: 'Het einde moet na het begin liggen.'
	}
};

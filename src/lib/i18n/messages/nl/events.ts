// Dutch (nl-BE) texts of the public event pages (activiteiten): the lists, an event's page, its registration
// form, the confirm and cancel pages, and the events on an action's page. Registering's refusals and mails
// are in eventRegistration.
export const events = {
	title: 'Activiteiten in {name}',
	regionTitle: 'Activiteiten in de regio',
	intro:
		'Werkgroepen, actiedagen en infoavonden in {name} waarvoor je je kan inschrijven. Filter op thema, soort, actie of datum.',
	regionIntro:
		'Werkgroepen, actiedagen en infoavonden van alle gemeenten die meedoen. Filter op thema, soort of datum.',
	/** A search result's line (/zoeken). */
	searchWhen: 'Op {date}',
	homeHeading: 'Binnenkort',
	homeAll: 'Alle activiteiten in {name}',
	homeRegionAll: 'Alle activiteiten in de regio',
	homeNone: 'Er staan nog geen activiteiten gepland.',
	kind: {
		workingGroup: 'Werkgroep',
		actionDay: 'Actiedag',
		infoEvening: 'Infoavond',
		online: 'Online sessie',
		citizenGroupSession: 'Sessie van een burgergroep'
	},
	filters: {
		heading: 'Filteren',
		when: 'Wanneer',
		upcoming: 'Komende activiteiten',
		past: 'Voorbije activiteiten',
		theme: 'Thema',
		allThemes: 'Alle thema’s',
		kind: 'Soort activiteit',
		allKinds: 'Alle soorten',
		action: 'Actie',
		allActions: 'Alle acties',
		from: 'Vanaf (datum)',
		to: 'Tot en met (datum)',
		dateHint: 'Bijvoorbeeld 2026-09-10.',
		submit: 'Toon activiteiten',
		reset: 'Alle filters wissen'
	},
	results: {
		count: { one: '{count} activiteit gevonden', other: '{count} activiteiten gevonden' },
		listLabel: 'Activiteiten',
		emptyUpcoming: 'Er staan geen activiteiten gepland die aan je filters voldoen.',
		emptyPast: 'Er zijn geen voorbije activiteiten die aan je filters voldoen.',
		next: 'Volgende activiteiten',
		first: 'Terug naar de eerste activiteiten'
	},
	card: {
		cancelled: 'Geannuleerd',
		full: 'Volzet, wachtlijst open',
		placesLeft: { one: 'Nog {count} plaats vrij', other: 'Nog {count} plaatsen vrij' },
		noLimit: 'Iedereen welkom',
		closed: 'Inschrijven afgesloten',
		report: 'Verslag beschikbaar',
		online: 'Online'
	},
	news: {
		reportTitle: 'Verslag: {title}'
	},
	when: {
		sameDay: '{date}, van {start} tot {end}',
		span: 'Van {start} tot {end}'
	},
	page: {
		back: 'Alle activiteiten in {name}',
		draft: 'Dit is een ontwerp: alleen medewerkers van de gemeente zien deze activiteit.',
		cancelled: 'Deze activiteit is geannuleerd. Inschrijven kan niet meer.',
		what: 'Wat',
		when: 'Wanneer',
		where: 'Waar',
		online: 'Online',
		onlineLink: 'Deelnemen aan de online sessie',
		onlineLater: 'De link om online deel te nemen zie je hier zodra je een plaats hebt.',
		noPlace: 'De plaats wordt nog bekendgemaakt.',
		accessibility: 'Toegankelijkheid',
		whatToBring: 'Wat breng je mee?',
		organiser: 'Wie organiseert',
		officials: 'Van de gemeente aanwezig',
		officialRole: { alderman: 'schepen', civilServant: 'medewerker van de gemeente' },
		official: '{name} ({role})',
		places: 'Plaatsen',
		placesOf: '{left} van de {capacity} plaatsen vrij',
		full: 'Volzet: {capacity} plaatsen bezet.',
		waitlisted: { one: '{count} persoon op de wachtlijst', other: '{count} mensen op de wachtlijst' },
		noLimit: 'Er is geen maximum aantal deelnemers.',
		deadline: 'Inschrijven kan tot {date}.',
		rung: 'Trede van de participatieladder',
		rungValue: 'Trede {level}: {name}',
		action: 'Hoort bij de actie',
		calendar: 'Zet in mijn agenda',
		calendarHint: 'Een .ics-bestand voor je agenda (Outlook, Google Agenda, Apple Agenda).',
		report: 'Verslag',
		reportPublished: 'Gepubliceerd op {date}.',
		reportAttendance: { one: '{count} persoon was erbij.', other: '{count} mensen waren erbij.' },
		reportChosen: 'Gekozen suggesties',
		reportPhotos: 'Foto’s',
		reportPhotosOf: 'Foto’s van ‘{title}’',
		map: 'Kaart'
	},
	register: {
		heading: 'Inschrijven',
		past: 'Deze activiteit is voorbij. Inschrijven kan niet meer.',
		cancelled: 'Deze activiteit is geannuleerd. Inschrijven kan niet meer.',
		closed: 'De inschrijvingen zijn afgesloten.',
		notYet: 'Inschrijven kan binnenkort.',
		full: 'Alle plaatsen zijn bezet. Zet je op de wachtlijst: komt er een plaats vrij, dan schuif je automatisch door en krijg je een mail.',
		loggedIn: 'Je bent aangemeld als {name}. Met één klik ben je ingeschreven.',
		submit: 'Schrijf me in',
		submitWaitlist: 'Zet me op de wachtlijst',
		withoutAccount:
			'Zonder account: vul je naam en e-mailadres in. Je krijgt een mail met een link om je inschrijving te bevestigen.',
		orLogin: 'Heb je een account? Meld je aan om met één klik in te schrijven.',
		login: 'Aanmelden',
		name: 'Naam',
		email: 'E-mailadres',
		emailHint: 'We gebruiken je adres alleen voor deze activiteit.',
		companions: 'Hoeveel mensen breng je mee?',
		companionsHint: 'Hoogstens {max}. Zij tellen mee voor het aantal plaatsen.',
		questions: 'Vragen van de organisatoren',
		optional: '(niet verplicht)',
		problem: 'Je inschrijving is nog niet verstuurd. Kijk de velden met een foutmelding na.',
		waitlistIfNoRoom: 'Zet me op de wachtlijst als er geen plaats meer is voor mij en wie ik meebreng.'
	},
	mine: {
		heading: 'Jouw inschrijving',
		confirmed: 'Je bent ingeschreven.',
		confirmedWith: {
			one: 'Je bent ingeschreven en brengt 1 persoon mee.',
			other: 'Je bent ingeschreven en brengt {count} mensen mee.'
		},
		waitlisted: 'Je staat op de wachtlijst, op plaats {position}.',
		pending: 'Bevestig je inschrijving met de link in de mail die we je stuurden.',
		cancel: 'Schrijf me uit',
		cancelWaitlist: 'Haal me van de wachtlijst'
	},
	confirm: {
		registered: 'Je bent ingeschreven. Je krijgt een bevestiging met de activiteit voor je agenda.',
		waitlisted: 'Je staat op de wachtlijst. Komt er een plaats vrij, dan krijg je een mail.',
		pending:
			'Bijna klaar: we stuurden je een mail. Klik op de link in die mail om je inschrijving te bevestigen.',
		cancelled: 'Je bent uitgeschreven. Bedankt om het te laten weten.'
	},
	confirmPage: {
		title: 'Inschrijving bevestigen',
		intro: 'Bevestig je inschrijving voor “{title}” op {when}.',
		submit: 'Bevestig mijn inschrijving',
		invalid:
			'Deze link werkt niet (meer). Misschien is hij onvolledig gekopieerd of al gebruikt. Schrijf je opnieuw in op de pagina van de activiteit.',
		done: 'Je inschrijving is bevestigd.'
	},
	cancelPage: {
		title: 'Uitschrijven',
		intro:
			'Wil je je uitschrijven voor “{title}” op {when}? Je plaats gaat dan naar wie op de wachtlijst staat.',
		submit: 'Ja, schrijf me uit',
		keep: 'Nee, ik blijf ingeschreven',
		invalid:
			'Deze link werkt niet (meer). Misschien is hij onvolledig gekopieerd of ben je al uitgeschreven.',
		already: 'Je bent al uitgeschreven voor deze activiteit.'
	},
	ofAction: {
		heading: 'Activiteiten',
		none: 'Er staan nog geen activiteiten gepland.',
		all: 'Alle activiteiten van deze actie',
		reports: 'Verslagen',
		reportsIntro: 'Wat er op eerdere activiteiten besproken en beslist werd, en wat de volgende stappen zijn.'
	},
	api: {
		invalid: 'Ongeldige zoekparameters',
		from: 'Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-10.',
		to: 'Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-30, niet vóór from.',
		theme: 'Geef een thema als slug, bijvoorbeeld vergroening-en-ontharding.',
		kind: 'Kies een soort: workingGroup, actionDay, infoEvening, online of citizenGroupSession.',
		action: 'Geef het nummer van een actie, bijvoorbeeld 12.',
		when: 'Kies upcoming of past.',
		cursor: 'Deze cursor is ongeldig. Gebruik de nextCursor van een vorig antwoord.',
		limit: 'De limiet is een geheel getal van 1 tot 100.'
	}
};

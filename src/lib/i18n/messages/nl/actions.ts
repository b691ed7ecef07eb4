// Dutch (nl-BE) texts of the public climate-action pages: list, filters, action page, follow, share, API errors.
export const actions = {
	title: 'Klimaatacties in {name}',
	regionTitle: 'Klimaatacties in de regio',
	intro:
		'Alle klimaatacties in {name} waaraan je kan meedoen. Zoek, of filter op thema, stand van zaken en hoeveel tijd je erin wil steken.',
	regionIntro:
		'Alle klimaatacties van de gemeenten die meedoen. Zoek, of filter op gemeente, thema, stand van zaken en hoeveel tijd je erin wil steken.',
	status: {
		idea: 'Idee',
		planned: 'Gepland',
		inProgress: 'In uitvoering',
		done: 'Afgerond',
		stopped: 'Stopgezet'
	},
	ownerKind: {
		department: 'Gemeentelijke dienst',
		citizenGroup: 'Burgergroep',
		partner: 'Partnerorganisatie'
	},
	kind: {
		readUpdates: 'Updates lezen',
		mapSuggestions: 'Suggesties op de kaart',
		vote: 'Stemmen',
		survey: 'Bevraging',
		workingGroup: 'Werkgroep',
		actionDay: 'Actiedag',
		volunteer: 'Vrijwilligerswerk',
		citizenGroup: 'Burgergroep starten of vervoegen'
	},
	filters: {
		heading: 'Zoeken en filteren',
		q: 'Zoek in de acties',
		qHint:
			'Bijvoorbeeld: fiets, bomen of zonnepanelen. Een deel van een woord volstaat: “fiets” vindt ook fietsroute.',
		theme: 'Thema',
		allThemes: 'Alle thema’s',
		status: 'Stand van zaken',
		allStatuses: 'Alle',
		rung: 'Hoeveel tijd wil je erin steken?',
		allRungs: 'Maakt niet uit',
		rungOption: '{name}',
		municipality: 'Gemeente',
		allMunicipalities: 'Alle gemeenten',
		submit: 'Toon acties',
		reset: 'Alle filters wissen'
	},
	results: {
		count: { one: '{count} actie gevonden', other: '{count} acties gevonden' },
		empty: 'Geen acties gevonden.',
		emptyFiltered:
			'Er zijn geen acties die aan je zoekopdracht voldoen. Probeer een ander woord of wis de filters.',
		emptyAll: 'Er zijn hier nog geen klimaatacties gepubliceerd. Kom binnenkort terug!',
		listLabel: 'Klimaatacties',
		pageOf: 'Pagina {page} van {pages}'
	},
	card: {
		themes: 'Thema’s',
		rungs: 'Zo kan je meedoen',
		municipality: 'Gemeente',
		status: 'Stand van zaken'
	},
	page: {
		statusLabel: 'Stand van zaken',
		themes: 'Thema’s',
		what: 'Waarover gaat het?',
		owner: 'Wie trekt de actie?',
		when: 'Wanneer?',
		where: 'Waar?',
		from: 'Vanaf {date}',
		until: 'Tot {date}',
		between: 'Van {from} tot {to}',
		coordinates: 'Coördinaten: {lat}, {lng}',
		coordinatesLink: 'Bekijk de acties in {name}',
		opportunities: 'Zo kan je meedoen',
		noOpportunities:
			'Er zijn op dit moment geen manieren om mee te doen. Volg de actie om op de hoogte te blijven.',
		rungLabel: 'Wat vraagt het van je?',
		rung: '{name}',
		kind: 'Soort',
		window: 'Wanneer',
		openNow: 'Nu open',
		openUntil: 'Open tot {date}',
		openFrom: 'Open vanaf {date}',
		openBetween: 'Open van {from} tot {to}',
		alwaysOpen: 'Altijd open',
		onDay: 'Op {date}',
		closed: 'Afgesloten',
		runsUntil: 'Loopt tot {date}',
		runsOpenEnded: 'Loopt zonder einddatum',
		offline:
			'Aanmelden via Meedoen kan hier nog niet. Hierboven staat hoe je meedoet; volg de actie om het nieuws te lezen.',
		howTo: 'Zo doe je mee',
		updates: 'Nieuws',
		shareStory: 'Deed jullie buurt iets voor deze actie? Deel jullie verhaal',
		noUpdates: 'Nog geen nieuws over deze actie.',
		updateMeta: '{date} · {author}',
		decided: 'Wat is er al beslist?',
		links: 'Meer weten',
		back: 'Alle acties in {name}',
		image: 'Afbeelding',
		followers: { one: '{count} volger', other: '{count} volgers' },
		poster: 'Affiche afdrukken (PDF)',
		opportunityPoster: 'Affiche voor deze kans',
		opportunityPosterLabel: 'Affiche voor deze kans: {title} (PDF)',
		suggestions: 'Bekijk en steun de suggesties',
		suggestionsLabel: 'Bekijk en steun de suggesties: {title}'
	},
	progress: {
		heading: 'Waar staat deze actie?',
		phases: 'De fasen van de actie',
		past: 'voorbij',
		current: 'hier staan we nu',
		future: 'nog niet',
		compact: 'Fase {index} van {count}',
		decided: 'Wat is er beslist?',
		decidedMore: 'Lees alles wat beslist is',
		decidedNone: 'Er is nog niets beslist.',
		latest: 'Laatste nieuws',
		latestNone: 'Nog geen nieuws.',
		next: 'Wat komt er nu?',
		openUntil: 'Nu open, tot {date}',
		openNow: 'Nu open',
		opensOn: 'Opent op {date}',
		onDay: 'Op {date}',
		none: 'Er staat nog geen volgende stap gepland. Volg de actie om te horen wanneer er een is.',
		done: 'Deze actie is afgerond.',
		stopped: 'Deze actie is stopgezet.'
	},
	follow: {
		heading: 'Op de hoogte blijven',
		intro:
			'Volg deze actie om ze bij te houden. Mails met haar nieuws sturen we nog niet: het nieuws staat hier bij de updates.',
		follow: 'Volg deze actie',
		unfollow: 'Niet meer volgen',
		following: 'Je volgt deze actie.',
		followed:
			'Je volgt nu deze actie. Je vindt ze terug bij "Mijn activiteit" in je profiel; haar nieuws staat hier bij de updates. Mails sturen we nog niet.',
		unfollowed: 'Je volgt deze actie niet meer.',
		login: 'Meld je aan om deze actie te volgen',
		intent: 'Je wilde deze actie volgen. Bevestig:',
		loginHint: 'Je meldt je eerst aan; daarna bevestig je met één klik.'
	},
	share: {
		heading: 'Delen',
		facebook: 'Deel op Facebook',
		whatsapp: 'Deel via WhatsApp',
		email: 'Deel via e-mail',
		copy: 'Kopieer de link',
		copied: 'De link is gekopieerd.',
		copyFailed: 'Kopiëren lukte niet. Selecteer de link en kopieer hem zelf.',
		linkLabel: 'Link naar deze actie',
		emailSubject: 'Klimaatactie: {title}',
		emailBody: 'Dit lijkt me iets voor jou: {title}\n\n{url}',
		whatsappText: '{title} {url}',
		newWindow: '(opent in een nieuw venster)'
	},
	map: {
		label: 'Op de kaart',
		coordinates: 'Coördinaten: {lat}, {lng}',
		attribution: 'Basiskaart: {attribution}',
		unavailable: 'De basiskaart is niet beschikbaar'
	},
	home: {
		heading: 'Klimaatacties in {name}',
		regionHeading: 'Wat gebeurt er in de regio?',
		all: 'Alle acties in {name}',
		regionAll: 'Alle acties in de regio',
		none: 'Er zijn nog geen klimaatacties gepubliceerd.'
	},
	nextStep: {
		label: '{step}: {title}',
		suggest: 'Naar de kaart: stel een plek voor',
		vote: 'Naar de kaart: steun plekken',
		follow: 'Volg deze actie',
		register: 'Schrijf je in',
		join: 'Doe mee met de groep'
	},
	ladder: {
		heading: 'Hoeveel tijd wil je erin steken?',
		intro: 'Van even lezen tot zelf iets opstarten: kies wat bij je past en zie wat er nu openstaat.',
		link: '{name}',
		open: { one: '{count} kans open', other: '{count} kansen open' },
		pageTitle: '{name}',
		pageIntro: 'Hieronder zie je wat er nu openstaat.',
		chooseRung: 'Kies hoeveel tijd je erin wil steken',
		current: 'gekozen',
		empty: 'Hier staat nu niets open. Kies een andere manier om mee te doen, of volg een actie.',
		count: { one: '{count} kans om mee te doen', other: '{count} kansen om mee te doen' },
		closes: 'Sluit op {date}',
		openEnded: 'Zonder einddatum',
		ofAction: 'Bij de actie'
	},
	api: {
		invalid: 'Ongeldige zoekparameters',
		theme: 'Geef een thema als slug, bijvoorbeeld vergroening-en-ontharding.',
		status: 'Kies een status: idea, planned, inProgress, done of stopped.',
		rung: 'Kies een trede: 1 tot 6, of inform, consult, advise, coproduce, codecide, selfManage.',
		q: 'De zoekterm mag hoogstens 200 tekens lang zijn.',
		cursor: 'Deze cursor is ongeldig. Gebruik de nextCursor van een vorig antwoord.',
		limit: 'De limiet is een geheel getal van 1 tot 100.'
	}
};

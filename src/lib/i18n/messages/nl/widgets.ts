// Widgets on other sites and their gallery in the back office: loaded on demand (server, back office).
export const widgets = {
	header: 'Meedoen {municipality}',
	newTab: '(opent in een nieuw tabblad)',
	loginNote: 'Meedoen opent in een nieuw tabblad; daar meld je je aan als dat nodig is.',
	frameTitle: '{widget} – Meedoen {municipality}',
	fallback: 'Doe mee op Meedoen {municipality}',
	refused: 'Deze site mag de widgets van deze gemeente niet tonen.',
	ways: {
		label: 'Manieren om mee te doen',
		description:
			'Wat nu openstaat in de gemeente, eventueel van één thema of één trede van de participatieladder.',
		title: 'Doe mee aan klimaatacties',
		titleTheme: 'Doe mee: {theme}',
		introRung: 'Hoeveel tijd wil je erin steken? {rung}.',
		empty: 'Er staat op dit moment niets open. Kijk binnenkort nog eens.',
		more: { one: 'Bekijk alle manieren om mee te doen', other: 'Bekijk alle {count} manieren om mee te doen' }
	},
	action: {
		label: 'Eén actie',
		description: 'Eén klimaatactie: waar ze staat en wat je nu kunt doen.',
		status: 'Fase: {status}',
		empty: 'Je kunt nu niets doen voor deze actie. Volg ze om te horen wanneer dat wel kan.',
		more: 'Lees meer over deze actie'
	},
	map: {
		label: 'Suggesties op de kaart',
		description:
			'De suggesties van een kaart: een kleine kaart met genummerde punten, dezelfde nummers in de lijst eronder, en de weg naar de kaart zelf.',
		mapLabel: {
			one: 'Kaart van {opportunity} met {count} genummerde suggestie',
			other: 'Kaart van {opportunity} met {count} genummerde suggesties'
		},
		mapEmpty: 'Er staan nog geen suggesties op de kaart.',
		notDrawn: {
			one: '{count} suggestie staat niet op deze kaart: ze staat verder in de lijst op het platform of heeft geen plek.',
			other:
				'{count} suggesties staan niet op deze kaart: ze staan verder in de lijst op het platform of hebben geen plek.'
		},
		point: '{number}. {title}',
		count: { one: '{count} suggestie', other: '{count} suggesties' },
		votes: { one: '{count} keer gesteund', other: '{count} keer gesteund' },
		empty: 'Er zijn nog geen suggesties. Stel als eerste een plek voor.',
		suggest: 'Bekijk de kaart en stel een plek voor',
		view: 'Bekijk de kaart'
	},
	events: {
		label: 'Komende activiteiten',
		description: 'De activiteiten die binnenkort plaatsvinden, met de weg om je in te schrijven.',
		title: 'Komende activiteiten',
		empty: 'Er zijn op dit moment geen activiteiten gepland.',
		more: 'Alle activiteiten',
		register: 'Schrijf je in',
		cancelled: 'Gaat niet door',
		online: 'Online',
		full: 'Volzet'
	},
	gallery: {
		title: 'Widgets',
		intro:
			'Toon Meedoen op de website van de gemeente of op een andere site: kies een widget, stel hem in, bekijk het voorbeeld en kopieer de code.',
		pickHeading: '1. Kies een widget',
		optionsHeading: '2. Stel hem in',
		previewHeading: '3. Voorbeeld',
		snippetsHeading: '4. Kopieer de code',
		kind: 'Widget',
		theme: 'Thema',
		themeAll: 'Alle thema’s',
		rung: 'Hoeveel tijd wil je erin steken?',
		rungAll: 'Alle treden',
		action: 'Actie',
		opportunity: 'Kaart met suggesties',
		choose: 'Kies …',
		limit: 'Aantal items',
		size: 'Hoogte zonder JavaScript',
		sizes: { klein: 'Klein (360 px)', middel: 'Middel (520 px)', groot: 'Groot (720 px)' },
		color: 'Hoofdkleur',
		accent: 'Accentkleur',
		colorHint: 'Standaard de kleur van de gemeente ({color}).',
		site: 'Op welke site komt hij?',
		siteHint: 'Die naam gaat mee in de links naar Meedoen, zodat je ziet hoeveel mensen via deze site komen.',
		siteNone: 'Nog geen site toegelaten',
		show: 'Toon het voorbeeld',
		previewNone: 'Kies een widget en vul in wat hij nodig heeft; dan verschijnt hier het voorbeeld.',
		previewNoSites:
			'Nog geen enkele site mag de widgets tonen: het voorbeeld werkt hier, maar op een andere site pas nadat je die hieronder toelaat.',
		iframe: 'Met een iframe (werkt overal)',
		iframeHint:
			'Past zich aan de hoogte van de inhoud aan als scripts mogen lopen; zonder scripts blijft hij even hoog en kan je erin scrollen.',
		script: 'Met een script (de widget wordt deel van de pagina)',
		scriptHint:
			'Het script ({bytes} bytes) haalt de widget op en zet hem in de pagina. Zonder JavaScript zien bezoekers de link.',
		copy: 'Kopieer',
		copied: 'Gekopieerd',
		copyFailed: 'Kopiëren lukte niet: selecteer de code en kopieer ze zelf.',
		kindUnknown: 'Kies een van de widgets.',
		themeUnknown: 'Kies een thema uit de lijst.',
		themeRequired: 'Kies een thema.',
		rungUnknown: 'Kies een trede uit de lijst.',
		rungRequired: 'Kies een trede.',
		actionUnknown: 'Kies een gepubliceerde actie uit de lijst.',
		actionRequired: 'Kies welke actie de widget toont.',
		opportunityUnknown: 'Kies een kaart uit de lijst.',
		opportunityRequired: 'Kies welke kaart de widget toont.',
		limitRange: 'Kies een aantal van 1 tot 10.',
		sizeUnknown: 'Kies een van de hoogtes.',
		colorFormat: 'Schrijf een kleur als # en zes tekens, bijvoorbeeld #1f5f3f.',
		colorContrast:
			'Op deze kleur is zwarte noch witte tekst goed leesbaar. Kies een donkerdere of lichtere kleur.',
		siteUnknown: 'Kies een van de toegelaten sites.'
	},
	origins: {
		heading: 'Sites die de widgets mogen tonen',
		intro:
			'Alleen deze sites mogen de widgets van {municipality} in een iframe of met het script tonen; elke andere site wordt geweigerd.',
		none: 'Nog geen enkele site.',
		label: 'Sites (één per regel)',
		hint: 'Het adres van de site zonder pad, bijvoorbeeld https://www.geel.be. Alleen https.',
		save: 'Bewaar de sites',
		saved: 'De lijst van sites is bewaard.',
		invalid:
			'Niet elke regel is het adres van een site. Schrijf elk adres als https://www.voorbeeld.be: met https, zonder pad, één per regel.',
		tooLong: 'Deze lijst is te lang.',
		tooMany: 'Er mogen hoogstens 20 sites in de lijst staan.',
		readOnly: 'Alleen wie de instellingen beheert, kan deze lijst wijzigen.'
	}
};

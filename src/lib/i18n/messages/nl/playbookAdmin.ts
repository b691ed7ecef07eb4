// Dutch texts of the playbook's back office: the region's library of templates (writing, publishing, the
// municipalities' proposals, who runs what) and a municipality's trajectories.
export const playbookAdmin = {
	save: 'Bewaren',
	progress: '{done} van {total} stappen afgevinkt',
	status: { draft: 'Niet gepubliceerd', published: 'Gepubliceerd' },
	trajectoryStatus: { running: 'Loopt', finished: 'Afgerond' },
	library: {
		title: 'Draaiboek van de regio',
		intro:
			'De trajecten die gemeenten van de regio kunnen lopen. Regiobeheerders en participatie-experten schrijven ze; de regiobeheerder publiceert ze, voor alle gemeenten en op de publieke pagina van het draaiboek.',
		back: 'Regionaal beheer',
		public: 'Het publieke draaiboek',
		caption: { one: '{count} traject', other: '{count} trajecten' },
		columns: { template: 'Traject', status: 'Status', size: 'Omvang', proposals: 'Voorstellen' },
		none: 'Er staan nog geen trajecten in het draaiboek.',
		changed: 'Met wijzigingen die nog niet gepubliceerd zijn',
		open: { one: '{count} open voorstel', other: '{count} open voorstellen' },
		newHeading: 'Nieuw traject',
		newIntro: 'Geef het traject een naam; daarna voeg je fasen, stappen en documenten toe.',
		newTitle: 'Naam van het traject',
		region: 'Regio',
		create: 'Traject aanmaken'
	},
	usage: {
		link: 'Welke gemeenten gebruiken het draaiboek?',
		title: 'Gebruik van het draaiboek',
		intro: 'Welke gemeenten welke trajecten lopen, voor welk beleidsthema, en hoe ver ze staan.',
		summary: {
			one: '{count} gemeente gebruikt het draaiboek, voor {themes} beleidsthema’s samen.',
			other: '{count} gemeenten gebruiken het draaiboek, voor {themes} beleidsthema’s samen.'
		},
		caption: {
			one: '{count} traject in {region}',
			other: '{count} trajecten in {region}'
		},
		columns: {
			municipality: 'Gemeente',
			trajectory: 'Traject',
			template: 'Uit het draaiboek',
			theme: 'Beleidsthema',
			start: 'Start',
			progress: 'Voortgang'
		},
		none: 'Nog geen enkele gemeente loopt een traject uit het draaiboek.'
	},
	template: {
		publishHeading: 'Publicatie',
		changed:
			'Er zijn wijzigingen sinds de laatste publicatie. Gemeenten en bezoekers zien ze pas na het publiceren.',
		publicPage: 'Bekijk de publieke pagina',
		publish: 'Publiceren als nieuwe versie',
		unpublishHeading: 'Offline halen',
		unpublishIntro:
			'Een traject dat offline is, staat niet meer in het publieke draaiboek en gemeenten kunnen er geen nieuw traject mee starten. Gemeenten die het al lopen, gaan gewoon verder. Publiceer het opnieuw om het terug online te zetten.',
		unpublishConfirm: 'Ja, haal het traject “{title}” offline',
		unpublish: 'Offline halen',
		adminPublishes: 'De regiobeheerder publiceert het traject.',
		detailsHeading: 'Over het traject',
		title: 'Naam',
		themeHint:
			'Het beleidsthema waarvoor het traject geschreven is, bijvoorbeeld Klimaat. Gemeenten kunnen het ook voor een ander thema gebruiken.',
		summary: 'Samenvatting',
		phasesHeading: 'Fasen en stappen',
		noSteps: 'Deze fase heeft nog geen stappen.',
		addStep: 'Stap toevoegen aan {phase}',
		editPhase: 'Fase {phase} wijzigen'
	},
	phase: {
		title: 'Naam van de fase',
		description: 'Beschrijving',
		duration: 'Duur',
		unit: 'Eenheid',
		remove: 'Fase verwijderen',
		removeConfirm: 'Ja, verwijder de fase “{title}”',
		addHeading: 'Fase toevoegen',
		add: 'Fase toevoegen'
	},
	document: {
		none: 'Nog geen documenten.',
		addHeading: 'Document toevoegen',
		title: 'Titel',
		kind: 'Soort',
		body: 'Tekst (Markdown)',
		bodyHint: 'Met # voor een titel, - voor een opsomming en een lege regel tussen alinea’s.',
		add: 'Document toevoegen',
		removeHeading: 'Document verwijderen',
		removeConfirm: 'Ja, verwijder het document “{title}”',
		remove: 'Document verwijderen'
	},
	proposals: {
		heading: 'Voorstellen van gemeenten',
		intro:
			'Een gemeente die een stap beter maakte, stelt hem voor. Aanvaarden neemt de naam, beschrijving en checklist over in het traject; bij de volgende publicatie krijgen alle gemeenten hem.',
		none: 'Er wachten geen voorstellen.',
		from: '{municipality} over “{step}”',
		reason: 'Waarom',
		accept: 'Aanvaarden',
		decline: 'Afwijzen',
		declineConfirm: 'Ja, wijs het voorstel van {municipality} af (dat kan niet ongedaan gemaakt worden)',
		decidedHeading: 'Beslist',
		status: { open: 'wacht op een beslissing', accepted: 'aanvaard', declined: 'afgewezen' }
	},
	step: {
		phase: 'Fase',
		title: 'Naam van de stap',
		description: 'Beschrijving',
		role: 'Wie is verantwoordelijk',
		roleHint: 'Ook de eigen taken van de gemeente zijn stappen: logistiek, werving, communicatie, expertise.',
		offset: 'Dag van de fase',
		offsetHint: 'Hoeveel dagen na het begin van de fase deze stap klaar moet zijn (0: de eerste dag).',
		checklist: 'Checklist',
		linesHint: {
			one: 'Eén punt per regel, hoogstens {count}.',
			other: 'Eén punt per regel, hoogstens {count}.'
		},
		sessionLegend: 'Sessie',
		hasSession: 'Deze stap is een sessie',
		sessionTitle: 'Naam van de sessie',
		sessionKind: 'Soort activiteit',
		sessionDuration: 'Duur in minuten',
		oneALine: 'Eén punt per regel.',
		communicationHint:
			'Wat de gemeente bij deze stap via elk kanaal kan communiceren. Laat leeg wat niet past.',
		newTitle: 'Nieuwe stap',
		add: 'Stap toevoegen',
		noPhases: 'Voeg eerst een fase toe.',
		removeHeading: 'Stap verwijderen',
		removeIntro: 'Gemeenten die het traject al lopen, houden hun stap.',
		removeConfirm: 'Ja, verwijder de stap “{title}”',
		remove: 'Stap verwijderen'
	},
	done: {
		created: 'Het traject is aangemaakt. Voeg nu fasen en stappen toe.',
		saved: 'Bewaard.',
		nothing: 'Er was niets gewijzigd.',
		phaseAdded: 'De fase is toegevoegd.',
		phaseRemoved: 'De fase is verwijderd.',
		stepAdded: 'De stap is toegevoegd.',
		stepRemoved: 'De stap is verwijderd.',
		documentAdded: 'Het document is toegevoegd.',
		documentRemoved: 'Het document is verwijderd.',
		published: 'Gepubliceerd: gemeenten starten voortaan van deze versie.',
		unpublished: 'Het traject is offline gehaald.',
		accepted: 'Het voorstel is aanvaard en in het traject overgenomen. Publiceer om het te delen.',
		declined: 'Het voorstel is afgewezen.',
		started:
			'Het traject is gestart. De data zijn berekend vanaf de startdatum; je kan ze per fase en stap aanpassen.',
		ticked: 'De stap is afgevinkt.',
		reopened: 'De stap staat weer open.',
		dates: 'De data van de fase zijn bewaard.',
		event:
			'De sessie is een activiteit geworden (een ontwerp). Vul ze aan en publiceer ze bij de activiteiten.',
		finished: 'Het traject is afgerond.',
		resumed: 'Het traject loopt weer.',
		proposed: 'Je voorstel is naar de regio gestuurd.'
	},
	trajectories: {
		title: 'Trajecten uit het draaiboek',
		intro:
			'De participatietrajecten die {name} loopt met het draaiboek van de regio, voor klimaat en andere beleidsthema’s.',
		start: 'Een traject starten',
		library: 'Alle trajecten van het draaiboek lezen',
		searchLabel: 'Trajecten zoeken',
		search: 'Zoek',
		status: 'Status',
		allStatuses: 'Alle',
		allThemes: 'Alle thema’s',
		caption: { one: '{count} traject', other: '{count} trajecten' },
		empty: 'Geen trajecten gevonden.',
		none: 'Nog geen trajecten. Start er een uit het draaiboek.'
	},
	start: {
		title: 'Een traject starten',
		intro:
			'Kies een traject uit het draaiboek en een startdatum: de data van elke fase en stap worden berekend. Je kan ze daarna aanpassen.',
		noTemplates: 'Het draaiboek van de regio heeft nog geen gepubliceerde trajecten.',
		template: 'Traject uit het draaiboek',
		name: 'Naam',
		nameHint: 'Zoals jullie het traject noemen, bijvoorbeeld Klimaatdoeners Geel 2026.',
		themeHint: 'Klimaat, of een ander beleidsthema waarvoor je het traject loopt.',
		startsOn: 'Startdatum',
		startsOnHint: 'De eerste dag van de eerste fase.',
		submit: 'Traject starten',
		templatesHeading: 'De trajecten van het draaiboek'
	},
	trajectory: {
		summary: 'Overzicht',
		finish: 'Traject afronden',
		resume: 'Traject hervatten',
		changeDates: 'Data van {phase} aanpassen',
		phaseStart: 'Begin van de fase',
		phaseEnd: 'Einde van de fase',
		due: 'klaar tegen {date}',
		dueOn: 'Klaar tegen',
		overdue: 'te laat',
		openEvent: 'Naar de activiteit',
		doneBy: 'Afgevinkt door {name} op {date}',
		doneOn: 'Afgevinkt op {date}',
		reopen: 'Weer openzetten',
		tick: 'Afvinken',
		makeEvent: 'Als activiteit plannen',
		makeEventIntro:
			'Maak van de sessie een activiteit waarvoor inwoners zich kunnen inschrijven: een ontwerp met de agenda, dat je daarna aanvult en publiceert.',
		state: 'Stand',
		open: 'Nog te doen',
		editHeading: 'De stap aanpassen',
		editIntro: 'Jullie eigen versie van de stap: ze verandert alleen dit traject.',
		sessionAt: 'Datum en uur van de sessie',
		sessionAtHint: 'Een sessie die (nog) geen activiteit is, staat met dit tijdstip op het traject.'
	},
	propose: {
		heading: 'Voorstellen aan de regio',
		intro:
			'Beter gemaakt? Stel de stap zoals jullie hem nu hebben (naam, beschrijving, checklist) voor aan het draaiboek van de regio. De regiobeheerder beslist.',
		reason: 'Wat is er beter?',
		reasonHint: 'Een paar zinnen voor de regiobeheerder.',
		submit: 'Voorstellen aan de regio',
		earlier: 'Eerdere voorstellen'
	},
	errors: {
		titleRequired: 'Vul een naam in.',
		themeRequired: 'Vul een beleidsthema in.',
		tooLong: 'Deze tekst is te lang.',
		lineTooLong: 'Een regel is te lang (hoogstens 300 tekens).',
		tooManyLines: 'Te veel regels.',
		duration: 'Geef een duur als heel getal, van 1 tot 730.',
		unit: 'Kies dagen, weken of maanden.',
		phase: 'Kies een fase van dit traject.',
		role: 'Kies wie verantwoordelijk is.',
		offset: 'Geef een aantal dagen, van 0 tot 730.',
		sessionKind: 'Kies een soort activiteit.',
		sessionDuration: 'Geef de duur in minuten, van 15 tot 1440.',
		sessionTitleRequired: 'Geef de sessie een naam.',
		documentKind: 'Kies een soort document.',
		decision: 'Kies aanvaarden of afwijzen.',
		template: 'Kies een gepubliceerd traject uit het draaiboek van je regio.',
		date: 'Geef een geldige datum.',
		dateRequired: 'Vul een datum in.',
		endBeforeStart: 'Het einde ligt voor het begin. Kies een einde op of na de begindatum.',
		dateTime: 'Geef een geldige datum en een uur.',
		reasonRequired: 'Zeg kort wat er beter is.',
		region: 'Kies een regio waarvan je het draaiboek beheert.',
		slugTaken: 'Er bestaan al te veel trajecten met deze naam. Kies een andere naam.',
		tooMany: 'Een traject heeft hoogstens 12 fasen, 60 stappen en 20 documenten.',
		phaseNotEmpty: 'Verwijder of verplaats eerst de stappen van deze fase.',
		adminOnly: 'Alleen de regiobeheerder publiceert en beslist over voorstellen.',
		emptyTemplate: 'Een traject heeft minstens één fase met een stap nodig om te publiceren.',
		decided: 'Over dit voorstel is al beslist.',
		stepGone: 'Deze stap staat niet meer in het traject van de regio.',
		templateGone: 'Het traject staat niet meer in het draaiboek van de regio.',
		alreadyEvent: 'Deze sessie is al een activiteit.'
	}
};

// Dutch texts of the back office of neighbourhood stories: the queue, a story's page, publishing, rejecting,
// taking offline, the bulk step and the home's card and attention item.
import { STORY_LIMITS } from '$lib/domain/stories';

export const storiesAdmin = {
	title: 'Verhalen uit de buurt',
	homeTitle: 'Verhalen uit de buurt',
	homeBody:
		'Lees de verhalen van buurtinitiatieven na en publiceer ze op de startpagina of als nieuws bij een actie.',
	intro:
		'Verhalen die inwoners van {name} indienden. Publiceer ze op de startpagina of als nieuws bij een actie, of wijs ze af met een reden die de indiener leest.',
	attention: {
		waiting: { one: '{count} verhaal wacht op nalezing', other: '{count} verhalen wachten op nalezing' }
	},
	status: {
		submitted: 'Wacht op nalezing',
		published: 'Gepubliceerd',
		rejected: 'Afgewezen'
	},
	placement: {
		home: 'Op de startpagina',
		action: 'Als nieuws bij een actie'
	},
	queue: {
		searchLabel: 'Verhalen zoeken',
		search: 'Zoek in titel, initiatief en tekst',
		status: 'Stand',
		allStatuses: 'Alle verhalen',
		caption: { one: '{count} verhaal', other: '{count} verhalen' },
		columns: { story: 'Verhaal', status: 'Stand', submitted: 'Ingediend' },
		by: 'Door {initiative}',
		photo: 'met foto',
		none: 'Er zijn nog geen verhalen ingediend.',
		empty: 'Geen verhalen gevonden met deze filters.',
		select: 'Kies “{title}”',
		bulkHeading: 'Met de gekozen verhalen',
		bulkHint: 'Kies verhalen in de lijst; je bevestigt op de volgende pagina.',
		bulkReject: 'Afwijzen…',
		rejectRow: 'Afwijzen…'
	},
	detail: {
		back: 'Terug naar de verhalen',
		submittedOn: 'Ingediend op {date}',
		publishedOn: 'Gepubliceerd op {date}',
		credit: 'Naam bij het verhaal',
		creditName: 'Met naam: {name}',
		creditAnonymous: 'Zonder naam (de indiener koos anoniem)',
		creditGone: 'Zonder naam (het account bestaat niet meer)',
		linkedAction: 'Actie die de indiener koos',
		noAction: 'geen',
		photo: 'Foto',
		noPhoto: 'Geen foto.',
		rejectReason: 'Reden van afwijzing',
		public: 'Bekijk het verhaal zoals inwoners het zien',
		editHeading: 'Licht aanpassen',
		editIntro:
			'Verbeter taalfouten of kort wat in. De indiener koos zelf wat er staat: verander de inhoud niet.',
		titleLabel: 'Titel',
		bodyLabel: 'Tekst',
		bodyHint: `Hoogstens ${STORY_LIMITS.bodyMax} tekens. Een lege regel begint een nieuwe alinea.`,
		initiativeLabel: 'Naam van het initiatief',
		altLabel: 'Beschrijving van de foto',
		save: 'Wijzigingen bewaren',
		publishHeading: 'Publiceren',
		publishIntro: 'Waar komt het verhaal te staan? De indiener krijgt een melding met de link.',
		placementLegend: 'Publiceren',
		placementHome: 'Op de startpagina, bij “Verhalen uit de buurt”',
		placementAction: 'Als nieuws bij een actie (wie de actie volgt, krijgt het te horen)',
		actionLabel: 'Bij welke actie?',
		actionChoose: 'Kies een actie',
		publish: 'Publiceren',
		rejectHeading: 'Niet publiceren',
		rejectIntro:
			'De indiener leest de reden in een melding en bij Mijn activiteit. Schrijf vriendelijk en concreet.',
		reasonLabel: 'Reden',
		reasonHint: `Hoogstens ${STORY_LIMITS.reasonMax} tekens.`,
		reject: 'Afwijzen',
		offlineHeading: 'Offline halen',
		offlineIntro:
			'Het verhaal staat online. Haal je het offline, dan komt het terug in de lijst om na te lezen.',
		offline: 'Offline halen…'
	},
	offline: {
		title: 'Verhaal offline halen',
		intro: '“{title}” verdwijnt van Meedoen: de pagina en de foto zijn niet meer te zien.',
		introHome: 'Het staat nu op de startpagina.',
		introAction: 'Het nieuws bij de actie “{action}” gaat ook offline.',
		what: 'Het verhaal komt terug in de lijst om na te lezen; je kan het daarna opnieuw publiceren.',
		check: 'Ja, haal dit verhaal offline',
		button: 'Offline halen',
		back: 'Nee, terug naar het verhaal'
	},
	bulk: {
		title: 'Verhalen afwijzen',
		intro: { one: 'Dit verhaal wordt afgewezen:', other: 'Deze {count} verhalen worden afgewezen:' },
		what: 'Afwijzen met één reden voor allemaal; elke indiener krijgt een melding.',
		nothingSelected: 'Je koos geen verhaal dat nog wacht op nalezing.',
		confirm: 'Afwijzen',
		no: 'Nee, terug naar de verhalen'
	},
	done: {
		saved: 'De wijzigingen zijn bewaard.',
		nothing: 'Er was niets gewijzigd.',
		publishedHome: 'Het verhaal staat op de startpagina. De indiener krijgt een melding.',
		publishedAction:
			'Het verhaal staat als nieuws bij de actie. De indiener en wie de actie volgt, krijgen een melding.',
		rejected: 'Het verhaal is afgewezen. De indiener krijgt een melding met de reden.',
		offline:
			'Het verhaal staat offline en wacht opnieuw op nalezing. Je kan het hieronder opnieuw publiceren.',
		bulk: { one: '{count} verhaal afgewezen.', other: '{count} verhalen afgewezen.' }
	},
	errors: {
		titleRequired: 'Geef het verhaal een titel.',
		titleTooLong: `De titel is te lang: hoogstens ${STORY_LIMITS.titleMax} tekens.`,
		bodyRequired: 'De tekst mag niet leeg zijn.',
		bodyTooLong: `De tekst is te lang: hoogstens ${STORY_LIMITS.bodyMax} tekens.`,
		initiativeRequired: 'Geef de naam van het initiatief.',
		initiativeTooLong: `De naam is te lang: hoogstens ${STORY_LIMITS.initiativeMax} tekens.`,
		altRequired: 'Een foto heeft een beschrijving nodig.',
		altTooLong: `De beschrijving is te lang: hoogstens ${STORY_LIMITS.altMax} tekens.`,
		placementRequired: 'Kies waar het verhaal komt te staan.',
		actionRequired: 'Kies de actie waarbij het verhaal als nieuws komt.',
		action: 'Kies een gepubliceerde actie uit de lijst.',
		reasonRequired: 'Schrijf waarom het verhaal niet gepubliceerd wordt.',
		reasonTooLong: `De reden is te lang: hoogstens ${STORY_LIMITS.reasonMax} tekens.`,
		alreadyPublished: 'Dit verhaal staat al online.',
		notPublished: 'Dit verhaal staat niet online.',
		unpublishFirst: 'Dit verhaal staat online. Haal het eerst offline.'
	}
};

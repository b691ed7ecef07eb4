// Dutch texts of neighbourhood stories on the citizen's side: the home's section, the list, a story's page,
// the form to tell one and the page after sending it. Brought along by the pages and StoryCard.
import { STORY_LIMITS } from '$lib/domain/stories';

const photoMb = Math.round(STORY_LIMITS.photoBytesMax / (1024 * 1024));

export const stories = {
	home: {
		heading: 'Verhalen uit de buurt',
		intro: 'Buurtinitiatieven in {name} vertellen wat ze samen deden.',
		none: 'Er staan nog geen verhalen online. Doe je in je buurt iets voor het klimaat? Vertel het hier.',
		all: 'Alle verhalen uit {name}',
		share: 'Deel het verhaal van je buurtinitiatief'
	},
	list: {
		title: 'Verhalen uit de buurt in {name}',
		intro:
			'Kleine initiatieven in {name} vertellen wat ze deden: een geveltuin, een repaircafé, een gedeelde moestuin.',
		none: 'Er staan nog geen verhalen online.',
		share: 'Deel het verhaal van je buurtinitiatief'
	},
	card: {
		by: 'Door {initiative}'
	},
	page: {
		by: 'Verteld door {name}, {initiative}',
		byAnonymous: 'Verteld door {initiative}',
		publishedOn: 'Gepubliceerd op {date}',
		action: 'Hoort bij de actie',
		back: 'Alle verhalen uit de buurt',
		share: 'Heb jij ook een verhaal? Deel het hier.'
	},
	form: {
		title: 'Deel je verhaal',
		intro:
			'Deden jullie in de buurt iets voor het klimaat? Vertel het kort, met een foto als je wilt. Een medewerker van {name} leest het na en zet het op Meedoen.',
		back: 'Terug',
		loginFirst: 'Om een verhaal te delen, meld je je eerst aan. Wat je al typte, blijft bewaard.',
		loginLink: 'Aanmelden',
		titleLabel: 'Titel',
		titleHint: `Kort en duidelijk, hoogstens ${STORY_LIMITS.titleMax} tekens.`,
		bodyLabel: 'Je verhaal',
		bodyHint: `Wat deden jullie, met wie, en wat leverde het op? Hoogstens ${STORY_LIMITS.bodyMax} tekens. Een lege regel begint een nieuwe alinea.`,
		counter: '{count} van {max} tekens gebruikt',
		initiativeLabel: 'Naam van jullie initiatief',
		initiativeHint: 'Bijvoorbeeld “Buren van de Kerkstraat” of “Repaircafé Ten Aard”.',
		actionLabel: 'Hoort je verhaal bij een actie? (niet verplicht)',
		actionNone: 'Bij geen bepaalde actie',
		photoLabel: 'Foto (niet verplicht)',
		photoHint: `JPEG, PNG of WebP, hoogstens ${photoMb} MB. We halen de plaats waar de foto genomen werd en andere gegevens eruit. Zorg dat wie herkenbaar op de foto staat, akkoord is.`,
		altLabel: 'Wat staat er op de foto?',
		altHint: 'Verplicht bij een foto: een korte beschrijving voor wie de foto niet kan zien.',
		creditLegend: 'Mag je naam bij het verhaal staan?',
		creditName: 'Ja, publiceer het met mijn naam ({name})',
		creditNameNoName: 'Ja, publiceer het met mijn naam',
		creditAnonymous: 'Nee, publiceer het zonder mijn naam (alleen met de naam van het initiatief)',
		consent:
			'Door je verhaal in te dienen, geef je de gemeente de toestemming om het met de foto op Meedoen te publiceren: op de startpagina of als nieuws bij een actie. Een medewerker leest het eerst na en kan het licht inkorten.',
		submit: 'Verhaal indienen',
		errorSummary: 'Je verhaal is nog niet ingediend. Bekijk de opmerkingen bij de velden.'
	},
	thanks: {
		title: 'Bedankt voor je verhaal',
		lead: 'We hebben je verhaal goed ontvangen.',
		leadTitle: 'We hebben je verhaal “{title}” goed ontvangen.',
		next: 'Wat gebeurt er nu?',
		step1:
			'Een medewerker van de gemeente leest je verhaal na, meestal binnen enkele werkdagen. Het staat nog niet online.',
		step2:
			'Wordt het gepubliceerd, dan krijg je een melding met de link: op de startpagina van {name} of als nieuws bij een actie.',
		step3: 'Wordt het niet gepubliceerd, dan laten we je weten waarom.',
		activity: 'Volg je verhaal op in Mijn activiteit',
		home: 'Naar de startpagina van {name}'
	},
	errors: {
		titleRequired: 'Geef je verhaal een titel.',
		titleTooLong: `De titel is te lang: hoogstens ${STORY_LIMITS.titleMax} tekens.`,
		bodyRequired: 'Vertel je verhaal.',
		bodyTooLong: `Je verhaal is te lang: hoogstens ${STORY_LIMITS.bodyMax} tekens. Maak het wat korter.`,
		initiativeRequired: 'Geef de naam van jullie initiatief.',
		initiativeTooLong: `De naam is te lang: hoogstens ${STORY_LIMITS.initiativeMax} tekens.`,
		creditRequired: 'Kies of je naam bij het verhaal mag staan.',
		action: 'Kies een actie uit de lijst.',
		altRequired: 'Beschrijf kort wat er op de foto staat.',
		altTooLong: `De beschrijving is te lang: hoogstens ${STORY_LIMITS.altMax} tekens.`,
		photoType: 'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.',
		photoTooBig: `De foto is te groot: hoogstens ${photoMb} MB.`,
		photoTooManyPixels: 'De foto heeft te veel pixels. Kies een kleinere foto.',
		photoUnreadable: 'We kunnen deze foto niet lezen. Kies een andere.',
		rateLimited:
			'Je diende net al enkele verhalen in. Probeer het over een uur opnieuw; wat je typte, staat er nog.',
		requestTooLarge: `Wat je stuurde is te groot. Kies een foto van hoogstens ${photoMb} MB en probeer opnieuw.`,
		invalid: 'Dit veld klopt niet.'
	}
};

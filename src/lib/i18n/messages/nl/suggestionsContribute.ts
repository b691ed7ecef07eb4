// Dutch (nl-BE) texts for citizens who add, support, comment, report and follow suggestions.
import { SUGGESTION_LIMITS } from '../../../domain/suggestions';

const photoMb = Math.round(SUGGESTION_LIMITS.photoBytesMax / (1024 * 1024));

export const suggestionsContribute = {
	form: {
		title: 'Een suggestie toevoegen',
		intro:
			'Stel een plek voor bij "{opportunity}". Iedereen kan je suggestie lezen en steunen zodra ze online staat.',
		back: 'Terug naar de suggesties',
		titleLabel: 'Titel',
		titleHint: 'Kort en duidelijk, hoogstens {max} tekens.',
		bodyLabel: 'Beschrijving',
		bodyHint: 'Wat stel je voor en waarom? Hoogstens {max} tekens.',
		themeLabel: 'Thema (niet verplicht)',
		themeNone: 'Geen thema',
		placeLegend: 'Plaats',
		placeHint:
			'Typ een adres of de naam van de plek. Ken je de coördinaten, vul ze dan in; met de kaart kan je ook klikken of de markering verslepen.',
		placeNameLabel: 'Adres of plek',
		latLabel: 'Breedtegraad (niet verplicht)',
		lngLabel: 'Lengtegraad (niet verplicht)',
		coordinatesHint: 'Bijvoorbeeld 51,16 en 4,99.',
		mapLabel: 'Kaart om de plaats te kiezen',
		mapHelp: 'Klik op de kaart of versleep de markering. De velden hierboven worden ingevuld.',
		mapUnavailable:
			'De achtergrondkaart is niet beschikbaar. Je kan de markering toch plaatsen, of een adres typen.',
		mapChosen: 'Gekozen plaats: {lat}, {lng}',
		photoLabel: 'Foto (niet verplicht)',
		photoHint: `JPEG, PNG of WebP, hoogstens ${photoMb} MB. We verkleinen de foto en halen de locatiegegevens eruit.`,
		photoKept: 'Je foto is bewaard. Kies een nieuwe foto om ze te vervangen.',
		altLabel: 'Beschrijf wat er op de foto staat',
		altHint: 'Voor wie de foto niet kan zien. Verplicht als je een foto toevoegt.',
		submit: 'Suggestie indienen',
		submitAnyway: 'Toch indienen',
		loginFirst: 'Je moet aangemeld zijn om een suggestie in te dienen. Je tekst blijft bewaard.',
		closed: 'Deze vraag neemt op dit moment geen suggesties aan.',
		errorSummary: 'Niet alle velden zijn juist ingevuld. Verbeter de gemarkeerde velden.'
	},
	similar: {
		heading: 'Bedoel je één van deze?',
		intro:
			'Deze suggesties lijken op de jouwe. Steun er een als ze hetzelfde voorstelt, of dien de jouwe toch in.',
		votes: { one: '{count} steun', other: '{count} steunen' },
		near: 'in de buurt'
	},
	page: {
		description:
			'{title}: een suggestie bij "{opportunity}" in {municipality}. Lees ze, steun ze en praat mee.',
		back: 'Terug naar "{opportunity}"',
		status: 'Status',
		place: 'Plaats',
		noPlace: 'Nog niet op de kaart: de gemeente plaatst deze suggestie.',
		by: 'Ingediend door {name} op {date}',
		byUnknown: 'Ingediend op {date}',
		anonymous: 'een inwoner',
		votes: { one: '{count} steun', other: '{count} steunen' },
		answer: 'Antwoord van de gemeente',
		answeredAt: 'Beantwoord op {date}',
		story: 'Wat er met deze suggestie gebeurde',
		pendingNote:
			'Deze suggestie wacht op goedkeuring door de gemeente. Alleen jij en de gemeente zien ze nu.',
		rejectedNote: 'De gemeente heeft deze suggestie niet gepubliceerd.',
		merged: 'Deze suggestie is samengevoegd met een gelijkaardige suggestie.',
		mergedLink: 'Ga naar de suggestie "{title}"',
		photo: 'Foto'
	},
	confirm: {
		pending:
			'Bedankt! Je suggestie is ingediend en wacht op goedkeuring door de gemeente. Je volgt ze: hier en bij "Mijn activiteit" in je profiel zie je hoe ver ze staat. Mails daarover sturen we nog niet.',
		published:
			'Bedankt! Je suggestie staat online. Je volgt ze: hier en bij "Mijn activiteit" in je profiel zie je hoe ver ze staat. Mails daarover sturen we nog niet.',
		voted: 'Je steunt deze suggestie.',
		unvoted: 'Je steunt deze suggestie niet meer.',
		commented: 'Je reactie staat online.',
		commentPending: 'Bedankt! Je reactie wacht op goedkeuring door de gemeente.',
		reported: 'Bedankt voor je melding. De gemeente bekijkt ze.',
		alreadyReported: 'Je meldde dit al. De gemeente bekijkt je melding.',
		followed:
			'Je volgt deze suggestie. Hier en bij "Mijn activiteit" in je profiel zie je hoe ver ze staat; mails daarover sturen we nog niet.',
		unfollowed: 'Je volgt deze suggestie niet meer.',
		backToList: 'Terug naar de lijst'
	},
	vote: {
		heading: 'Steunen',
		vote: 'Steun deze suggestie',
		voteNamed: 'Steun deze suggestie: "{title}"',
		unvote: 'Trek je steun in',
		unvoteNamed: 'Trek je steun in: "{title}"',
		voted: 'Je steunt deze suggestie.',
		remaining: {
			one: 'Je kan nog {count} suggestie steunen.',
			other: 'Je kan nog {count} suggesties steunen.'
		},
		limit: 'Je mag hoogstens {limit} suggesties steunen bij deze vraag.',
		closed: 'Steunen kan niet meer: de stemming is gesloten.',
		loginHint: 'Je meldt je eerst aan; daarna kom je hier terug.',
		intent: 'Je wilde deze suggestie steunen. Bevestig je steun:'
	},
	follow: {
		heading: 'Volgen',
		intro:
			'Volg deze suggestie om ze bij te houden. Mails wanneer de status verandert of de gemeente antwoordt, sturen we nog niet: hier zie je altijd hoe ver ze staat.',
		follow: 'Volg deze suggestie',
		unfollow: 'Niet meer volgen',
		following: 'Je volgt deze suggestie.'
	},
	comments: {
		heading: 'Reacties',
		none: 'Nog geen reacties.',
		count: { one: '{count} reactie', other: '{count} reacties' },
		bodyLabel: 'Je reactie',
		bodyHint: 'Hoogstens {max} tekens. Blijf vriendelijk en bij het onderwerp.',
		submit: 'Reageer',
		reply: 'Antwoord',
		replyLabel: 'Je antwoord op {name}',
		replySubmit: 'Antwoord plaatsen',
		official: 'Gemeente',
		pending: 'Wacht op goedkeuring: alleen jij en de gemeente zien dit.',
		rejected: 'Niet gepubliceerd.',
		loginHint: 'Meld je aan om te reageren.',
		login: 'Aanmelden om te reageren',
		closed: 'Reageren kan niet op een suggestie die (nog) niet openbaar is.',
		on: 'op {date}'
	},
	report: {
		heading: 'Melden',
		suggestion: 'Deze suggestie melden',
		comment: 'Reactie melden',
		reasonLabel: 'Waarom meld je dit?',
		noteLabel: 'Toelichting (niet verplicht)',
		submit: 'Melden',
		intro: 'Hoort iets hier niet thuis? Meld het aan de gemeente.'
	},
	story: {
		submitted: 'Ingediend',
		published: 'Gepubliceerd',
		answered: 'De gemeente antwoordde',
		merged: 'Samengevoegd met een andere suggestie',
		status: 'Status: {status}',
		reason: 'Reden: {reason}'
	},
	errors: {
		titleRequired: 'Geef je suggestie een titel.',
		titleTooLong: `De titel mag hoogstens ${SUGGESTION_LIMITS.titleMax} tekens hebben.`,
		bodyRequired: 'Beschrijf je suggestie.',
		bodyTooLong: `De beschrijving mag hoogstens ${SUGGESTION_LIMITS.bodyMax} tekens hebben.`,
		placeNameTooLong: `Het adres mag hoogstens ${SUGGESTION_LIMITS.placeNameMax} tekens hebben.`,
		coordinate: 'Vul een getal in, bijvoorbeeld 51,16.',
		coordinatesBoth: 'Vul zowel de breedtegraad als de lengtegraad in, of laat beide leeg.',
		outsideFlanders: 'Deze plaats ligt niet in Vlaanderen. Kijk de coördinaten na.',
		outsideMunicipality: 'Deze plaats ligt buiten de gemeente. Kies een plaats in de gemeente.',
		addressOutside: 'Dit adres ligt buiten de gemeente. Typ een adres in de gemeente.',
		placeRequired: 'Typ een adres of plek, of kies een plaats op de kaart.',
		theme: 'Kies een thema uit de lijst.',
		tooManyLinks: `Gebruik hoogstens ${SUGGESTION_LIMITS.linksMax} links.`,
		photoType: 'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.',
		photoTooBig: `De foto is te groot: hoogstens ${photoMb} MB.`,
		photoUnreadable: 'Deze foto kunnen we niet lezen. Probeer een andere foto.',
		photoTooManyPixels:
			'Deze foto heeft te veel pixels (meer dan 50 megapixel). Verklein ze of kies een andere foto.',
		altRequired: 'Beschrijf wat er op de foto staat.',
		altTooLong: `De beschrijving van de foto mag hoogstens ${SUGGESTION_LIMITS.altMax} tekens hebben.`,
		requestTooLarge:
			'Wat je verstuurde is te groot om te ontvangen. Kies een kleinere foto of laat de foto weg. Je tekst kon daardoor niet mee: vul het formulier opnieuw in.',
		commentRequired: 'Schrijf een reactie.',
		commentTooLong: `Een reactie mag hoogstens ${SUGGESTION_LIMITS.commentMax} tekens hebben.`,
		replyNotFound: 'Deze reactie bestaat niet (meer).',
		reason: 'Kies een reden.',
		noteTooLong: `De toelichting mag hoogstens ${SUGGESTION_LIMITS.reasonMax} tekens hebben.`,
		noteRequired: 'Licht "Andere reden" kort toe.',
		rateLimited: 'Je deed dit de laatste tijd al vaak. Probeer het over een tijdje opnieuw.',
		contentType: 'Stuur de gegevens als JSON (content-type: application/json).',
		invalidJson: 'Dit is geen geldige JSON.',
		invalid: 'Dit veld is niet juist ingevuld.'
	}
};

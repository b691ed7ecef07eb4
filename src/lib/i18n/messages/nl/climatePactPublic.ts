// Dutch texts of the Climate Pact on the citizen's side: the public pages of a municipality and the region,
// the form to report one's own contribution, the page after it, and the messages beside the fields (shared with
// the back office's forms). Brought along by the pages of /klimaatpact and the back office.
import { PACT_LIMITS } from '$lib/domain/climate-pact';

const photoMb = Math.round(PACT_LIMITS.photoBytesMax / (1024 * 1024));

export const climatePactPublic = {
	kinds: {
		trees: 'Extra bomen',
		hedges: 'Haag of geveltuin',
		unpaving: 'Ontharding',
		rainwater: 'Opvang van regenwater',
		cyclePaths: 'Nieuw of beter fietspad',
		chargingPoints: 'Laadpunten',
		energyProjects: 'Participatieve projecten hernieuwbare energie',
		renovations: 'Collectieve energierenovaties'
	},
	units: {
		tree: 'bomen',
		m: 'meter',
		m2: 'm²',
		m3: 'm³',
		point: 'laadpunten',
		project: 'projecten',
		renovation: 'renovaties'
	},
	targetRule: {
		trees: '1 boom per inwoner',
		hedges: '0,5 meter per inwoner',
		unpaving: '1 m² per inwoner',
		rainwater: '1 m³ per inwoner',
		cyclePaths: '1 meter per inwoner',
		chargingPoints: '1,5 laadpunt per 100 inwoners',
		energyProjects: '1 project per 500 inwoners',
		renovations: '50 renovaties per 1.000 woningen'
	},
	statuses: {
		submitted: 'Wacht op nazicht door de gemeente',
		verified: 'Goedgekeurd: telt mee',
		refused: 'Niet goedgekeurd'
	},
	page: {
		title: 'Klimaatpact in {name}',
		intro:
			'{name} ondertekende het Lokaal Energie- en Klimaatpact. Tegen 2030 doen we per inwoner iets extra: bomen, hagen en geveltuinen, ontharding, regenwater, fietspaden, laadpunten, energieprojecten en renovaties. Hier zie je hoever we staan. Alleen resultaten die de gemeente nakeek, tellen mee.',
		inhabitants: '{name} telt {count} inwoners (2020). Daarop is het doel voor 2030 berekend.',
		dwellings: 'Het doel voor renovaties is berekend op {count} woningen.',
		noDwellings: 'Het doel voor renovaties volgt zodra de gemeente het aantal woningen invult.',
		caption: 'Wat we samen bereikten sinds 2021, tegen het doel voor 2030',
		perYearCaption: 'Wat er elk jaar bij kwam',
		kind: 'Wat',
		achieved: 'Bereikt',
		target: 'Doel 2030',
		progress: 'Hoever',
		progressLabel: '{kind}: {percent} % van het doel',
		noTarget: 'nog geen doel',
		percent: '{percent} %',
		contribute: 'Zelf iets gedaan?',
		contributeIntro:
			'Heb je een regenton geplaatst, een geveltuin aangelegd, bomen geplant of je tuin onthard? Meld het: na nazicht telt het mee voor {name}.',
		contributeLink: 'Meld je bijdrage',
		mine: 'Jouw meldingen',
		mineCaption: 'Je meldingen in {name} en waar ze staan',
		date: 'Datum',
		status: 'Stand',
		reason: 'Reden: {reason}',
		region: 'Het Klimaatpact in de hele regio',
		loginToSee: 'Meld je aan om je eigen meldingen te zien.'
	},
	region: {
		title: 'Klimaatpact in de regio',
		intro:
			'De gemeenten die Meedoen gebruiken, samen: wat ze sinds 2021 bereikten tegen hun doelen voor 2030. Het doel van de regio is de som van de doelen van de gemeenten.',
		inhabitants: 'Samen {count} inwoners in {municipalities} gemeenten.',
		dwellingsMissing:
			'{count} gemeenten vulden hun aantal woningen nog niet in: hun renovaties tellen mee, hun doel voor renovaties nog niet.',
		perMunicipalityCaption: 'Per gemeente: hoeveel procent van het doel voor 2030 bereikt is',
		municipality: 'Gemeente',
		inhabitantsColumn: 'Inwoners'
	},
	form: {
		title: 'Meld je bijdrage aan het Klimaatpact',
		intro:
			'Wat je zelf deed voor het klimaat, telt mee voor {name}. Een medewerker kijkt je melding na; daarna telt ze mee in de cijfers.',
		back: 'Terug naar het Klimaatpact',
		loginFirst: 'Om een bijdrage te melden, meld je je eerst aan.',
		loginLink: 'Aanmelden',
		kindLabel: 'Wat heb je gedaan?',
		kindChoose: 'Kies wat je deed',
		quantityLabel: 'Hoeveel?',
		quantityHint:
			'In de eenheid van wat je koos: aantal bomen, meter haag of geveltuin, m² onthard, m³ regenwater (een regenton van 300 liter is 0,3 m³), aantal projecten.',
		dateLabel: 'Wanneer?',
		dateHint: 'Een datum vanaf 1 januari 2021 tot vandaag.',
		noteLabel: 'Toelichting (niet verplicht)',
		noteHint: `Bijvoorbeeld waar en hoe. Hoogstens ${PACT_LIMITS.noteMax} tekens.`,
		photoLabel: 'Foto (niet verplicht)',
		photoHint: `JPEG, PNG of WebP, hoogstens ${photoMb} MB. Alleen de medewerkers van de gemeente zien ze. We halen de plaats waar de foto genomen werd en andere gegevens eruit.`,
		altLabel: 'Wat staat er op de foto?',
		altHint: 'Verplicht bij een foto: een korte beschrijving.',
		submit: 'Bijdrage melden',
		errorSummary: 'Je bijdrage is nog niet gemeld. Bekijk de opmerkingen bij de velden.'
	},
	thanks: {
		title: 'Bedankt voor je bijdrage',
		lead: 'We hebben je melding goed ontvangen.',
		leadWhat: 'We hebben je melding goed ontvangen: {quantity} {unit} {kind}.',
		next: 'Wat gebeurt er nu?',
		step1: 'Een medewerker van de gemeente kijkt je melding na, meestal binnen enkele werkdagen.',
		step2: 'Is ze goedgekeurd, dan telt ze mee in de cijfers van {name}.',
		step3: 'Wordt ze niet goedgekeurd, dan lees je waarom bij je meldingen.',
		follow: 'Bekijk je meldingen en hoe ze staan'
	},
	errors: {
		invalid: 'Dit klopt niet. Kijk het na.',
		targetRequired: 'Kies de actie of de activiteit van deze gemeente waarbij het resultaat hoort.',
		kindRequired: 'Kies wat er gedaan werd.',
		quantityRequired: 'Vul een hoeveelheid in.',
		quantityInvalid: 'Vul een getal in, bijvoorbeeld 120 of 2,5.',
		quantityPositive: 'De hoeveelheid moet groter zijn dan nul.',
		quantityWhole: 'Vul een geheel getal in: bomen, laadpunten, projecten en renovaties tel je per stuk.',
		quantityDecimals: 'Gebruik hoogstens twee cijfers na de komma.',
		quantityTooLarge:
			'Dat is meer dan één registratie kan bevatten. Kijk de hoeveelheid en de eenheid na, of verdeel ze over meer registraties.',
		quantityTooLargeCitizen:
			'Dat is veel voor één bijdrage van een inwoner. Kijk de hoeveelheid en de eenheid na (een regenton van 300 liter is 0,3 m³).',
		dateRequired: 'Vul de datum in.',
		dateInvalid: 'Vul een geldige datum in, bijvoorbeeld 2025-03-21.',
		dateBefore2021: 'Het Klimaatpact telt vanaf 1 januari 2021. Kies een datum vanaf dan.',
		dateFuture: 'Die datum ligt in de toekomst. Registreer wat al gebeurd is.',
		noteTooLong: `De toelichting is te lang: hoogstens ${PACT_LIMITS.noteMax} tekens.`,
		altTooLong: `De beschrijving van de foto is te lang: hoogstens ${PACT_LIMITS.altMax} tekens.`,
		altRequired: 'Beschrijf kort wat er op de foto staat.',
		photoType: 'Dit bestand is geen foto. Kies een JPEG-, PNG- of WebP-bestand.',
		photoTooBig: `De foto is te groot: hoogstens ${photoMb} MB.`,
		photoTooManyPixels: 'De foto heeft te veel pixels. Kies een kleinere foto.',
		photoUnreadable: 'We konden deze foto niet lezen. Probeer een andere.',
		rateLimited: 'Je meldde net al enkele bijdragen. Probeer het over een uur opnieuw.',
		requestTooLarge: `Wat je stuurde is te groot. Kies een foto van hoogstens ${photoMb} MB.`,
		reasonRequired: 'Geef een reden: de inwoner leest ze.',
		reasonTooLong: `De reden is te lang: hoogstens ${PACT_LIMITS.reasonMax} tekens.`,
		dwellingsRequired: 'Vul het aantal woningen in.',
		dwellingsInvalid: 'Vul een geheel getal in, bijvoorbeeld 17400.',
		dwellingsPositive: 'Het aantal woningen moet groter zijn dan nul.',
		dwellingsTooLarge: 'Dat zijn meer woningen dan een gemeente telt. Kijk het getal na.'
	}
};

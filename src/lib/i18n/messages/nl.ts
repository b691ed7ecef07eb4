// The Dutch (nl-BE) catalogue: the source of every text a person reads. Other locales fall back to it.
// Sections that only staff, the profile or the server need live in their own files (messages/nl/*.ts
// except actions): they are not sent to every citizen's browser. See registerSections in ../index.ts.
import { actions } from './nl/actions';
import type { profile } from './nl/profile';
import type { backoffice } from './nl/backoffice';
import type { actionsAdmin } from './nl/actionsAdmin';
import type { actionsPoster } from './nl/actionsPoster';
import type { suggestions } from './nl/suggestions';
import type { suggestionsContribute } from './nl/suggestionsContribute';
import type { suggestionsAdmin } from './nl/suggestionsAdmin';
import type { calendar } from './nl/calendar';
import type { eventsAdmin } from './nl/eventsAdmin';
import type { eventRegistration } from './nl/eventRegistration';
import type { events } from './nl/events';
import type { college } from './nl/college';
import type { notifications } from './nl/notifications';
import type { newsletters } from './nl/newsletters';
import type { pool } from './nl/pool';
import type { eventInvitations } from './nl/eventInvitations';
import type { eventsOffline } from './nl/eventsOffline';
import type { communication } from './nl/communication';
import type { colleagues } from './nl/colleagues';
import type { stories } from './nl/stories';
import type { storiesAdmin } from './nl/storiesAdmin';
import type { widgets } from './nl/widgets';
import type { openData } from './nl/openData';
import type { playbook } from './nl/playbook';
import type { playbookAdmin } from './nl/playbookAdmin';
import type { groups } from './nl/groups';
import type { groupsActions } from './nl/groupsActions';
import type { groupSessions } from './nl/groupSessions';
import type { climatePlan } from './nl/climatePlan';
import type { climatePlanPublic } from './nl/climatePlanPublic';
import type { climatePlanViews } from './nl/climatePlanViews';
import type { climatePact } from './nl/climatePact';
import type { climatePactPublic } from './nl/climatePactPublic';
import type { impact } from './nl/impact';
import type { funderReports } from './nl/funderReports';

const nl = {
	app: {
		name: 'Meedoen',
		tagline: 'Samen werk maken van het klimaat in je gemeente',
		skipToContent: 'Naar de inhoud',
		mainNav: 'Hoofdmenu',
		home: 'Startpagina',
		regionHome: 'Alle gemeenten',
		footer: 'Meedoen is open-source software voor burgerparticipatie in Vlaamse gemeenten.',
		api: 'API (OpenAPI)',
		openData: 'Open data',
		notifications: 'Meldingen',
		notificationsUnread: { one: '{count} nieuwe', other: '{count} nieuwe' },
		notificationsMany: 'meer dan 99 nieuwe'
	},
	news: {
		feedTitle: 'Nieuws van Meedoen {municipality}',
		feedSubtitle:
			'Wat er beweegt rond de klimaatacties in {municipality}: updates, verslagen en nieuwsbrieven.',
		actionFeedTitle: '{action}: nieuws op Meedoen {municipality}',
		actionFeedSubtitle: 'De updates en verslagen van deze klimaatactie.',
		link: 'Nieuws als feed (Atom)'
	},
	search: {
		label: 'Zoek op Meedoen',
		labelIn: 'Zoek in {name}',
		button: 'Zoek',
		title: 'Zoeken',
		titleFor: 'Zoeken naar “{q}”',
		scopeRegion: 'In alle gemeenten die meedoen.',
		scopeMunicipality: 'In {name}.',
		widen: 'Zoek in alle gemeenten',
		empty:
			'Typ een woord om te zoeken, bijvoorbeeld “fiets”, “bomen” of “zonnepanelen”. Je vindt acties, manieren om mee te doen, suggesties en gemeenten. Een deel van een woord volstaat: “fiets” vindt ook fietsroute en fietsenstalling.',
		count: { one: '{count} resultaat', other: '{count} resultaten' },
		none: 'Niets gevonden voor “{q}”. Probeer een ander of korter woord, of kijk bij alle acties.',
		notParticipating: '{name} doet nog niet mee: hier is nog niets te vinden.',
		kinds: {
			actions: 'Acties',
			opportunities: 'Manieren om mee te doen',
			events: 'Activiteiten',
			suggestions: 'Suggesties',
			municipalities: 'Gemeenten'
		},
		shown: 'De eerste {shown} van {total}.',
		allActions: {
			one: 'De actie in de lijst van acties',
			other: 'Alle {count} acties in de lijst van acties'
		},
		partOf: 'Bij: {title}',
		errors: {
			tooLong: 'Je zoekopdracht is te lang: gebruik hoogstens {max} tekens.',
			noWords: 'Typ minstens één woord met letters of cijfers.'
		}
	},
	region: {
		title: 'Klimaatacties in de {region}',
		intro:
			'In {count} gemeenten van de {region} kan je meedoen aan lokale klimaatacties: van een update lezen tot zelf een burgergroep trekken.',
		participatingHeading: 'Gemeenten die meedoen',
		notYetHeading: 'Gemeenten die (nog) niet meedoen',
		statsHeading: 'De regio in cijfers',
		statParticipating: 'gemeenten doen mee',
		statInhabitants: 'inwoners kunnen meedoen',
		statThemes: 'klimaatthema’s',
		inhabitants: { one: '{count} inwoner', other: '{count} inwoners' },
		themesHeading: 'Waarover gaat het?',
		ladderHeading: 'Hoeveel tijd wil je erin steken?',
		playbookHeading: 'Draaiboek burgerparticipatie',
		playbookIntro:
			'Hoe pak je een participatietraject aan, stap voor stap? Het draaiboek van de regio is er voor elke gemeente, ook die nog niet meedoet, en voor elk beleidsthema.',
		playbookLink: 'Lees het draaiboek'
	},
	municipality: {
		home: '{name}',
		welcome: 'Welkom op Meedoen {name}',
		defaultIntro:
			'Hier vind je alle klimaatacties in {name} waaraan je kan meedoen, van een update lezen tot zelf een initiatief trekken.',
		logoAlt: 'Logo van {name}',
		themesHeading: 'Thema’s in {name}',
		ladderHeading: 'Hoeveel tijd wil je erin steken?',
		groupsLink: 'Burgergroepen met een eigen werkingsbudget in {name}',
		climatePactLink: 'Hoever staat {name} met het Klimaatpact? Bomen, geveltuinen, regenwater en meer',
		notParticipatingTitle: '{name} doet nog niet mee',
		notParticipatingBody:
			'{name} gebruikt Meedoen nog niet. Wil je toch al meedoen aan klimaatacties in de buurt? Kijk dan bij de gemeenten die al meedoen.',
		notParticipatingCta: 'Bekijk de gemeenten die meedoen',
		facts: 'Gemeente in cijfers',
		nisCode: 'NIS-code',
		postcode: 'Postcode',
		inhabitants: 'Inwoners'
	},
	ladder: {
		rung: 'Trede {level}',
		// `name` is the ladder's own word, for officials; `plain` says to a citizen what the rung asks of them.
		inform: {
			name: 'Informeren',
			plain: 'Even lezen',
			description: 'Je leest mee en blijft op de hoogte.'
		},
		consult: {
			name: 'Raadplegen',
			plain: 'Je mening geven',
			description: 'Je geeft je mening of suggesties; de gemeente beslist.'
		},
		advise: {
			name: 'Adviseren',
			plain: 'Meedenken en advies geven',
			description: 'Je denkt mee en adviseert; de gemeente legt uit wat ze ermee doet.'
		},
		coproduce: {
			name: 'Coproduceren',
			plain: 'Mee aan de slag',
			description: 'Je bepaalt mee de agenda en deelt de verantwoordelijkheid voor het resultaat.'
		},
		codecide: {
			name: 'Meebeslissen',
			plain: 'Mee beslissen',
			description: 'Je beslist samen met de gemeente.'
		},
		selfManage: {
			name: 'Zelfbeheer',
			plain: 'Zelf iets opstarten',
			description: 'Je start en trekt zelf een initiatief; de gemeente ondersteunt.'
		}
	},
	theme: {
		greening: 'Vergroening en ontharding',
		renewableEnergy: 'Hernieuwbare energie',
		renovation: 'Renovatie en energiebesparing',
		mobility: 'Mobiliteit',
		water: 'Water en klimaatadaptatie',
		circular: 'Circulaire economie en voedsel',
		werf: {
			renovation: 'Klimaatpact: renovatie',
			renewableEnergy: 'Klimaatpact: hernieuwbare energie',
			mobility: 'Klimaatpact: mobiliteit',
			climateAdaptation: 'Klimaatpact: klimaatadaptatie en vergroening'
		}
	},
	errors: {
		notFound: 'Pagina niet gevonden',
		notFoundBody:
			'Deze pagina bestaat niet (meer). Misschien is de link verouderd of is er een tikfout in het adres.',
		unexpected: 'Er ging iets mis',
		unexpectedBody:
			'Er ging iets mis aan onze kant. Probeer het zo dadelijk opnieuw. Blijft het probleem duren, vermeld dan deze code: {requestId}.',
		backHome: 'Terug naar de startpagina',
		refused: 'Dit kan niet',
		crossOrigin:
			'Deze aanvraag komt van een andere website of pagina dan Meedoen en is geweigerd. Open Meedoen zelf en probeer het daar opnieuw.',
		refusedBody: 'Ga terug naar de vorige pagina of naar de startpagina.',
		code: {
			not_found: 'Niet gevonden',
			validation: 'Niet alle velden zijn juist ingevuld',
			unauthenticated: 'Je moet aangemeld zijn',
			forbidden: 'Je hebt hiervoor geen toegang',
			conflict: 'Dit botst met een eerdere wijziging',
			rate_limited: 'Te veel pogingen, probeer het later opnieuw',
			unavailable: 'De dienst is tijdelijk niet beschikbaar',
			bad_request: 'Ongeldige aanvraag'
		}
	},
	config: {
		invalid: 'De configuratie klopt niet, Meedoen start niet:',
		variable: '{name}: {problem}',
		number: 'verwacht een geheel getal tussen {min} en {max}, kreeg "{value}"',
		url: 'verwacht een volledige URL (bv. {example}), kreeg "{value}"',
		postgresUrl: 'verwacht een PostgreSQL-URL (postgres://gebruiker@host:5432/databank)',
		smtpUrl: 'verwacht een SMTP-URL (smtp://gebruiker:wachtwoord@host:587 of smtps://…)',
		mailBounceDomain: 'verwacht een domeinnaam (bv. bounces.meedoen.geel.be), kreeg "{value}"',
		mailRates:
			'verwacht gemeente=aantal per seconde, gescheiden door komma’s (bv. geel=20,mol=5), kreeg "{value}"',
		geolocationUrl:
			'verwacht de URL van de geolocatiedienst, bv. https://geo.api.vlaanderen.be/geolocation/v4',
		oneOf: 'verwacht één van: {options}, kreeg "{value}"',
		boolean: 'verwacht 1, 0, true of false, kreeg "{value}"',
		frameAncestors: "verwacht 'none', 'self' of een lijst van https-origins gescheiden door spaties",
		requiredWith: 'is verplicht samen met {other}',
		rrnScope:
			'vraagt het rijksregisternummer (rrn) op; Meedoen vraagt en bewaart dat nooit. Laat die scope weg, bv. OIDC_SCOPES="openid profile"',
		tileUrl:
			'verwacht none of een https-URL met {z}, {x} en {y} (bv. {example}; http enkel buiten productie), kreeg "{value}"',
		dataDirInUse:
			'De datamap {dataDir} is al in gebruik door een andere Meedoen-server (proces {pid}{host}). Twee servers op één datamap overschrijven elkaars gegevens: stop eerst dat proces, of geef deze server een eigen DATA_DIR.',
		originRequired:
			'is verplicht in productie: de publieke URL van het platform, bv. https://meedoen.geel.be (npm start zet http://localhost:PORT)'
	},
	backup: {
		written: 'Reservekopie geschreven: {file}',
		askedServer: 'De server (proces {pid}) maakt de reservekopie terwijl hij blijft draaien…',
		serverSilent:
			'De server (proces {pid}) schreef binnen {minutes} minuten geen reservekopie in {folder}. Kijk in zijn log.',
		otherHost:
			'De datamap {dataDir} is in gebruik door een server op {host}: maak de reservekopie op die machine.',
		noDatabase: 'In {dataDir} staat geen databank om te kopiëren (DATA_DIR klopt niet?).',
		noPgDump: 'Deze databank maakt geen eigen kopie: gebruik pg_dump.',
		missingProgram:
			"{program} ontbreekt: installeer de PostgreSQL-clientprogramma's (Debian: postgresql-client).",
		programFailed: '{program} stopte met code {code}: {errors}',
		usageRestore: 'Gebruik: npm run restore -- <bestand> [--vervang]',
		notFound: 'Het bestand {file} bestaat niet.',
		occupied:
			'In {location} staat al een databank. Kies een lege map met DATA_DIR, of geef --vervang mee: dan wordt de huidige databank opzij gezet (niet gewist).',
		restored: 'Teruggezet uit {file} in {target}.',
		movedAside: 'De vorige databank staat nu in {folder}.',
		failed: 'De reservekopie of het terugzetten is mislukt: {message}'
	},
	auth: {
		login: 'Aanmelden',
		logout: 'Afmelden',
		loginTitle: 'Aanmelden bij Meedoen',
		loginIntro:
			'Meld je aan om suggesties te doen, te stemmen, te reageren en je in te schrijven. Lezen kan altijd zonder aan te melden.',
		withOidc: 'Aanmelden met {label}',
		oidcHelp: 'Met je eID, itsme of een andere digitale sleutel van de Vlaamse overheid.',
		oidcUnavailable:
			'Aanmelden met {label} is op dit platform niet ingesteld. Gebruik een aanmeldlink per mail.',
		orMail: 'Geen eID of itsme? Vraag een aanmeldlink per mail.',
		emailLabel: 'Je e-mailadres',
		emailHint: 'We sturen je een link die {minutes} minuten geldig is en één keer werkt.',
		sendLink: 'Stuur mij een aanmeldlink',
		linkSentTitle: 'Kijk in je mailbox',
		linkSent:
			'We hebben een aanmeldlink gestuurd naar {email}. Hij is {minutes} minuten geldig en werkt één keer. Geen mail gekregen? Kijk ook bij je ongewenste mail of vraag over enkele minuten een nieuwe link.',
		linkSentNoAddress:
			'We hebben een aanmeldlink gestuurd naar het adres dat je opgaf. Hij is {minutes} minuten geldig en werkt één keer. Geen mail gekregen? Kijk ook bij je ongewenste mail of vraag over enkele minuten een nieuwe link.',
		requestAnother: 'Een nieuwe aanmeldlink vragen',
		linkConfirmTitle: 'Aanmelden bevestigen',
		linkConfirm: 'Klik op de knop om je aan te melden bij Meedoen.',
		linkConfirmButton: 'Aanmelden',
		loggedOutTitle: 'Je bent afgemeld',
		loggedOut: 'Je bent afgemeld bij Meedoen. Tot de volgende keer!',
		failedTitle: 'Aanmelden is niet gelukt',
		tryAgain: 'Probeer opnieuw aan te melden',
		backHome: 'Terug naar de startpagina',
		cancelled: 'Je hebt het aanmelden geannuleerd. Er is niets veranderd.',
		stateMismatch:
			'Deze aanmelding hoort niet bij dit browservenster, of ze is al gebruikt. Begin opnieuw vanaf de aanmeldpagina.',
		expired: 'Deze aanmelding is verlopen of al gebruikt. Begin opnieuw vanaf de aanmeldpagina.',
		failed:
			'De aanmelding kon niet worden gecontroleerd. Er is niets veranderd. Probeer het opnieuw; blijft het mislukken, neem dan contact op met de gemeente.',
		locked: 'Dit account is geblokkeerd. Neem contact op met je gemeente als je denkt dat dit niet klopt.',
		linkExpired: 'Deze aanmeldlink is ongeldig of verlopen. Vraag gerust een nieuwe aan.',
		linkUsed: 'Deze aanmeldlink is al gebruikt. Vraag gerust een nieuwe aan.',
		invalidEmail: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.be.',
		rateLimited: 'Je hebt al enkele aanmeldlinks gevraagd. Wacht een kwartiertje en probeer dan opnieuw.',
		defaultDisplayName: 'Deelnemer',
		mail: {
			subject: 'Je aanmeldlink voor Meedoen',
			body: 'Dag,\n\nKlik op deze link om je aan te melden bij Meedoen:\n\n{link}\n\nDe link is {minutes} minuten geldig en werkt één keer. Heb je niet gevraagd om aan te melden? Dan mag je deze mail negeren.\n\nTot op Meedoen!'
		},
		profile: 'Mijn profiel',
		backoffice: 'Beheer',
		devIdpLabel: 'Mijn Burgerprofiel (testomgeving)'
	},
	pagination: {
		label: 'Paginering',
		previous: 'Vorige pagina',
		next: 'Volgende pagina',
		status: 'Pagina {page} van {pages}'
	},
	statements: {
		privacyTitle: 'Privacyverklaring van Meedoen {name}',
		accessibilityTitle: 'Toegankelijkheidsverklaring van Meedoen {name}',
		defaultNote: 'Dit is de standaardverklaring van Meedoen. De gemeente kan ze aanvullen of vervangen.',
		privacyLink: 'Privacy',
		accessibilityLink: 'Toegankelijkheid'
	},
	mail: {
		footer: 'Je krijgt deze mail van Meedoen. Je kan je mailvoorkeuren altijd aanpassen in je profiel.'
	},
	actions,
	api: {
		title: 'Meedoen API',
		description: 'Open data over lokale klimaatacties en participatie in Vlaamse gemeenten.',
		session:
			'De sessiecookie die je browser krijgt na het aanmelden op Meedoen. Schrijven kan alleen vanaf Meedoen zelf: een verzoek met een andere Origin (of zonder) wordt geweigerd met 403.',
		readLimited: 'Te veel verzoeken aan de API vanaf dit adres; probeer het over {seconds} seconden opnieuw.',
		sync: {
			invalid: 'De synchronisatie kan zo niet: bekijk de velden.',
			updatedSince: 'Geef updated_since als ISO 8601-tijdstip met tijdzone, bv. 2026-03-01T08:00:00Z.',
			noFilters: 'Met updated_since kan je niet filteren: je krijgt altijd de hele lijst; filter zelf.',
			cursor:
				'Deze cursor hoort niet bij een synchronisatie: geef de nextCursor van de vorige pagina onveranderd mee.',
			limit: 'Geef een limit van 1 tot 100.'
		}
	}
};

/** Every section, the ones loaded on demand included: what message keys are checked against. */
export type FullCatalogue = typeof nl & {
	profile: typeof profile;
	backoffice: typeof backoffice;
	actionsAdmin: typeof actionsAdmin;
	actionsPoster: typeof actionsPoster;
	suggestions: typeof suggestions;
	suggestionsContribute: typeof suggestionsContribute;
	suggestionsAdmin: typeof suggestionsAdmin;
	calendar: typeof calendar;
	eventsAdmin: typeof eventsAdmin;
	eventRegistration: typeof eventRegistration;
	events: typeof events;
	college: typeof college;
	notifications: typeof notifications;
	newsletters: typeof newsletters;
	pool: typeof pool;
	eventInvitations: typeof eventInvitations;
	eventsOffline: typeof eventsOffline;
	communication: typeof communication;
	colleagues: typeof colleagues;
	stories: typeof stories;
	storiesAdmin: typeof storiesAdmin;
	widgets: typeof widgets;
	openData: typeof openData;
	playbook: typeof playbook;
	playbookAdmin: typeof playbookAdmin;
	groups: typeof groups;
	groupsActions: typeof groupsActions;
	groupSessions: typeof groupSessions;
	climatePlan: typeof climatePlan;
	climatePlanPublic: typeof climatePlanPublic;
	climatePlanViews: typeof climatePlanViews;
	climatePact: typeof climatePact;
	climatePactPublic: typeof climatePactPublic;
	impact: typeof impact;
	funderReports: typeof funderReports;
};

export default nl;

import type { PartialCatalogue } from '../catalogue';
import { actions } from './en/actions';

// English: the whole core catalogue (what every page may show, nl.ts with actions), checked against Dutch by
// catalogues.test.ts. The sections loaded on demand (messages/nl/*.ts but actions: back office, profile, suggestions,
// poster) are not translated yet and fall back to Dutch.
const en: PartialCatalogue = {
	app: {
		name: 'Meedoen',
		tagline: 'Taking climate action together in your municipality',
		skipToContent: 'Skip to content',
		mainNav: 'Main menu',
		home: 'Home page',
		regionHome: 'All municipalities',
		footer: 'Meedoen is open-source software for citizen participation in Flemish municipalities.',
		api: 'API (OpenAPI)',
		openData: 'Open data',
		notifications: 'Notifications',
		notificationsUnread: { one: '{count} new', other: '{count} new' },
		notificationsMany: 'more than 99 new'
	},
	news: {
		feedTitle: 'News from Meedoen {municipality}',
		feedSubtitle:
			'What is happening around the climate actions in {municipality}: updates, reports and newsletters.',
		actionFeedTitle: '{action}: news on Meedoen {municipality}',
		actionFeedSubtitle: 'The updates and reports of this climate action.',
		link: 'News as a feed (Atom)'
	},
	search: {
		label: 'Search Meedoen',
		labelIn: 'Search in {name}',
		button: 'Search',
		title: 'Search',
		titleFor: 'Search for “{q}”',
		scopeRegion: 'In all participating municipalities.',
		scopeMunicipality: 'In {name}.',
		widen: 'Search in all municipalities',
		empty:
			'Type a word to search for, for example “fiets” (bike), “bomen” (trees) or “zonnepanelen” (solar panels): the content is in Dutch. You will find actions, ways to take part, suggestions and municipalities. Part of a word is enough: “fiets” also finds fietsroute and fietsenstalling.',
		count: { one: '{count} result', other: '{count} results' },
		none: 'Nothing found for “{q}”. Try another or a shorter word, or look at all actions.',
		notParticipating: '{name} is not taking part yet: there is nothing to find here yet.',
		kinds: {
			actions: 'Actions',
			opportunities: 'Ways to take part',
			events: 'Events',
			suggestions: 'Suggestions',
			municipalities: 'Municipalities'
		},
		shown: 'The first {shown} of {total}.',
		allActions: {
			one: 'The action in the list of actions',
			other: 'All {count} actions in the list of actions'
		},
		partOf: 'Part of: {title}',
		errors: {
			tooLong: 'Your search is too long: use at most {max} characters.',
			noWords: 'Type at least one word with letters or digits.'
		}
	},
	region: {
		title: 'Climate action in the {region}',
		intro:
			'In {count} municipalities of the {region} you can take part in local climate action: from reading an update to leading a citizen group yourself.',
		participatingHeading: 'Participating municipalities',
		notYetHeading: 'Municipalities not taking part (yet)',
		statsHeading: 'The region in figures',
		statParticipating: 'municipalities take part',
		statInhabitants: 'inhabitants can take part',
		statThemes: 'climate themes',
		inhabitants: { one: '{count} inhabitant', other: '{count} inhabitants' },
		themesHeading: 'What is it about?',
		ladderHeading: 'How much time do you want to put in?',
		playbookHeading: 'Citizen participation playbook',
		playbookIntro:
			'How do you run a participation process, step by step? The region’s playbook is there for every municipality, including those not taking part yet, and for every policy theme.',
		playbookLink: 'Read the playbook'
	},
	municipality: {
		home: '{name}',
		welcome: 'Welcome to Meedoen {name}',
		defaultIntro:
			'Here you will find every climate action in {name} you can take part in, from reading an update to leading an initiative yourself.',
		logoAlt: 'Logo of {name}',
		themesHeading: 'Themes in {name}',
		ladderHeading: 'How much time do you want to put in?',
		groupsLink: 'Citizen groups with their own working budget in {name}',
		climatePactLink: 'How far is {name} with the Climate Pact? Trees, facade gardens, rainwater and more',
		notParticipatingTitle: '{name} is not taking part yet',
		notParticipatingBody:
			'{name} does not use Meedoen yet. Would you like to take part in climate action nearby anyway? Have a look at the municipalities that already take part.',
		notParticipatingCta: 'See the participating municipalities',
		facts: 'The municipality in figures',
		nisCode: 'NIS code',
		postcode: 'Postcode',
		inhabitants: 'Inhabitants'
	},
	ladder: {
		rung: 'Rung {level}',
		inform: {
			name: 'Informing',
			plain: 'Just reading',
			description: 'You read along and stay informed.'
		},
		consult: {
			name: 'Consulting',
			plain: 'Giving your opinion',
			description: 'You give your opinion or suggestions; the municipality decides.'
		},
		advise: {
			name: 'Advising',
			plain: 'Thinking along and giving advice',
			description: 'You think along and advise; the municipality explains what it does with your advice.'
		},
		coproduce: {
			name: 'Co-producing',
			plain: 'Getting to work together',
			description: 'You help set the agenda and share responsibility for the result.'
		},
		codecide: {
			name: 'Co-deciding',
			plain: 'Deciding together',
			description: 'You decide together with the municipality.'
		},
		selfManage: {
			name: 'Self-management',
			plain: 'Starting something yourself',
			description: 'You start and lead an initiative yourself; the municipality supports you.'
		}
	},
	theme: {
		greening: 'Greening and unpaving',
		renewableEnergy: 'Renewable energy',
		renovation: 'Renovation and energy saving',
		mobility: 'Mobility',
		water: 'Water and climate adaptation',
		circular: 'Circular economy and food',
		werf: {
			renovation: 'Climate pact: renovation',
			renewableEnergy: 'Climate pact: renewable energy',
			mobility: 'Climate pact: mobility',
			climateAdaptation: 'Climate pact: climate adaptation and greening'
		}
	},
	errors: {
		notFound: 'Page not found',
		notFoundBody:
			'This page does not exist (any more). Perhaps the link is out of date or there is a typo in the address.',
		unexpected: 'Something went wrong',
		unexpectedBody:
			'Something went wrong on our side. Please try again in a moment. If the problem persists, mention this code: {requestId}.',
		backHome: 'Back to the home page',
		refused: 'This is not possible',
		crossOrigin:
			'This request comes from a website or page other than Meedoen and was refused. Open Meedoen itself and try again there.',
		refusedBody: 'Go back to the previous page or to the home page.',
		code: {
			not_found: 'Not found',
			validation: 'Not all fields are filled in correctly',
			unauthenticated: 'You need to be logged in',
			forbidden: 'You do not have access to this',
			conflict: 'This conflicts with an earlier change',
			rate_limited: 'Too many attempts, please try again later',
			unavailable: 'The service is temporarily unavailable',
			bad_request: 'Invalid request'
		}
	},
	config: {
		invalid: 'The configuration is not right, Meedoen does not start:',
		variable: '{name}: {problem}',
		number: 'expected a whole number between {min} and {max}, got "{value}"',
		url: 'expected a full URL (e.g. {example}), got "{value}"',
		postgresUrl: 'expected a PostgreSQL URL (postgres://user@host:5432/database)',
		smtpUrl: 'expected an SMTP URL (smtp://user:password@host:587 or smtps://…)',
		mailBounceDomain: 'expected a domain name (e.g. bounces.meedoen.geel.be), got "{value}"',
		mailRates:
			'expected municipality=number per second, separated by commas (e.g. geel=20,mol=5), got "{value}"',
		geolocationUrl:
			'expected the URL of the geolocation service, e.g. https://geo.api.vlaanderen.be/geolocation/v4',
		oneOf: 'expected one of: {options}, got "{value}"',
		boolean: 'expected 1, 0, true or false, got "{value}"',
		frameAncestors: "expected 'none', 'self' or a list of https origins separated by spaces",
		requiredWith: 'is required together with {other}',
		rrnScope:
			'asks for the national register number (rrn); Meedoen never asks for or stores it. Leave that scope out, e.g. OIDC_SCOPES="openid profile"',
		tileUrl:
			'expected none or an https URL with {z}, {x} and {y} (e.g. {example}; http only outside production), got "{value}"',
		dataDirInUse:
			'The data folder {dataDir} is already in use by another Meedoen server (process {pid}{host}). Two servers on one data folder overwrite each other’s data: stop that process first, or give this server a DATA_DIR of its own.',
		originRequired:
			'is required in production: the public URL of the platform, e.g. https://meedoen.geel.be (npm start sets http://localhost:PORT)'
	},
	backup: {
		written: 'Backup written: {file}',
		askedServer: 'The server (process {pid}) is making the backup while it keeps running…',
		serverSilent:
			'The server (process {pid}) wrote no backup in {folder} within {minutes} minutes. Look in its log.',
		otherHost: 'The data folder {dataDir} is in use by a server on {host}: make the backup on that machine.',
		noDatabase: 'There is no database to copy in {dataDir} (is DATA_DIR right?).',
		noPgDump: 'This database makes no copy of its own: use pg_dump.',
		missingProgram:
			'{program} is missing: install the PostgreSQL client programs (Debian: postgresql-client).',
		programFailed: '{program} stopped with code {code}: {errors}',
		usageRestore: 'Usage: npm run restore -- <file> [--vervang]',
		notFound: 'The file {file} does not exist.',
		occupied:
			'There is already a database in {location}. Choose an empty folder with DATA_DIR, or pass --vervang: the current database is then moved aside (not deleted).',
		restored: 'Restored from {file} into {target}.',
		movedAside: 'The previous database is now in {folder}.',
		failed: 'The backup or the restore failed: {message}'
	},
	auth: {
		login: 'Log in',
		logout: 'Log out',
		loginTitle: 'Log in to Meedoen',
		loginIntro:
			'Log in to make suggestions, vote, comment and sign up. You can always read without logging in.',
		withOidc: 'Log in with {label}',
		oidcHelp: 'With your eID, itsme or another digital key of the Flemish government.',
		oidcUnavailable: 'Logging in with {label} is not set up on this platform. Use a login link by e-mail.',
		orMail: 'No eID or itsme? Ask for a login link by e-mail.',
		emailLabel: 'Your e-mail address',
		emailHint: 'We will send you a link that is valid for {minutes} minutes and works once.',
		sendLink: 'Send me a login link',
		linkSentTitle: 'Check your mailbox',
		linkSent:
			'We have sent a login link to {email}. It is valid for {minutes} minutes and works once. No mail? Also look in your junk mail, or ask for a new link in a few minutes.',
		linkSentNoAddress:
			'We have sent a login link to the address you gave. It is valid for {minutes} minutes and works once. No mail? Also look in your junk mail, or ask for a new link in a few minutes.',
		requestAnother: 'Ask for a new login link',
		linkConfirmTitle: 'Confirm logging in',
		linkConfirm: 'Click the button to log in to Meedoen.',
		linkConfirmButton: 'Log in',
		loggedOutTitle: 'You are logged out',
		loggedOut: 'You are logged out of Meedoen. See you next time!',
		failedTitle: 'Logging in did not work',
		tryAgain: 'Try logging in again',
		backHome: 'Back to the home page',
		cancelled: 'You cancelled logging in. Nothing has changed.',
		stateMismatch:
			'This login does not belong to this browser window, or it has already been used. Start again from the login page.',
		expired: 'This login has expired or has already been used. Start again from the login page.',
		failed:
			'The login could not be verified. Nothing has changed. Please try again; if it keeps failing, contact the municipality.',
		locked: 'This account is blocked. Contact your municipality if you think this is not right.',
		linkExpired: 'This login link is invalid or has expired. Feel free to ask for a new one.',
		linkUsed: 'This login link has already been used. Feel free to ask for a new one.',
		invalidEmail: 'Enter a valid e-mail address, for example name@example.be.',
		rateLimited:
			'You have already asked for several login links. Wait a quarter of an hour and then try again.',
		defaultDisplayName: 'Participant',
		mail: {
			subject: 'Your login link for Meedoen',
			body: 'Hello,\n\nClick this link to log in to Meedoen:\n\n{link}\n\nThe link is valid for {minutes} minutes and works once. Did you not ask to log in? Then you can ignore this mail.\n\nSee you on Meedoen!'
		},
		profile: 'My profile',
		backoffice: 'Back office',
		devIdpLabel: 'Mijn Burgerprofiel (test environment)'
	},
	pagination: {
		label: 'Pagination',
		previous: 'Previous page',
		next: 'Next page',
		status: 'Page {page} of {pages}'
	},
	statements: {
		privacyTitle: 'Privacy statement of Meedoen {name}',
		accessibilityTitle: 'Accessibility statement of Meedoen {name}',
		defaultNote: 'This is the default statement of Meedoen. The municipality can add to it or replace it.',
		privacyLink: 'Privacy',
		accessibilityLink: 'Accessibility'
	},
	mail: {
		footer:
			'You receive this mail from Meedoen. You can change your mail preferences in your profile at any time.'
	},
	actions,
	api: {
		title: 'Meedoen API',
		description: 'Open data on local climate action and participation in Flemish municipalities.',
		session:
			'The session cookie your browser gets after logging in to Meedoen. Writing is only possible from Meedoen itself: a request with another Origin (or none) is refused with 403.',
		readLimited: 'Too many requests to the API from this address; try again in {seconds} seconds.',
		sync: {
			invalid: 'The sync cannot run like this: see the fields.',
			updatedSince: 'Give updated_since as an ISO 8601 moment with a time zone, e.g. 2026-03-01T08:00:00Z.',
			noFilters: 'With updated_since you cannot filter: you always get the whole list; filter on your side.',
			cursor: 'This cursor does not belong to a sync: pass the nextCursor of the previous page unchanged.',
			limit: 'Give a limit from 1 to 100.'
		}
	}
};

export default en;

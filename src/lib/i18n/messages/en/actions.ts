// English texts of the public climate-action pages (see messages/nl/actions.ts).
import type { PartialCatalogue } from '../../catalogue';

export const actions: NonNullable<PartialCatalogue['actions']> = {
	title: 'Climate action in {name}',
	regionTitle: 'Climate action in the region',
	intro:
		'Every climate action in {name} you can take part in. Search, or filter by theme, progress and how much time you want to put in.',
	regionIntro:
		'Every climate action of the participating municipalities. Search, or filter by municipality, theme, progress and how much time you want to put in.',
	status: {
		idea: 'Idea',
		planned: 'Planned',
		inProgress: 'In progress',
		done: 'Completed',
		stopped: 'Stopped'
	},
	ownerKind: {
		department: 'Municipal department',
		citizenGroup: 'Citizen group',
		partner: 'Partner organisation'
	},
	kind: {
		readUpdates: 'Reading updates',
		mapSuggestions: 'Suggestions on the map',
		vote: 'Voting',
		survey: 'Survey',
		workingGroup: 'Working group',
		actionDay: 'Action day',
		volunteer: 'Volunteering',
		citizenGroup: 'Starting or joining a citizen group'
	},
	filters: {
		heading: 'Search and filter',
		q: 'Search the actions',
		qHint:
			'For example: fiets (bike), bomen (trees) or zonnepanelen (solar panels). Part of a word is enough: “fiets” also finds fietsroute.',
		theme: 'Theme',
		allThemes: 'All themes',
		status: 'Progress',
		allStatuses: 'All',
		rung: 'How much time do you want to put in?',
		allRungs: 'Does not matter',
		rungOption: '{name}',
		municipality: 'Municipality',
		allMunicipalities: 'All municipalities',
		submit: 'Show actions',
		reset: 'Clear all filters'
	},
	results: {
		count: { one: '{count} action found', other: '{count} actions found' },
		empty: 'No actions found.',
		emptyFiltered: 'No actions match your search. Try another word or clear the filters.',
		emptyAll: 'No climate actions have been published here yet. Come back soon!',
		listLabel: 'Climate actions',
		pageOf: 'Page {page} of {pages}'
	},
	card: {
		themes: 'Themes',
		rungs: 'How you can take part',
		municipality: 'Municipality',
		status: 'Progress'
	},
	page: {
		statusLabel: 'Progress',
		themes: 'Themes',
		what: 'What is it about?',
		owner: 'Who leads the action?',
		when: 'When?',
		where: 'Where?',
		from: 'From {date}',
		until: 'Until {date}',
		between: 'From {from} to {to}',
		coordinates: 'Coordinates: {lat}, {lng}',
		coordinatesLink: 'See the actions in {name}',
		opportunities: 'How you can take part',
		noOpportunities: 'There are no ways to take part at the moment. Follow the action to stay informed.',
		rungLabel: 'What does it ask of you?',
		rung: '{name}',
		kind: 'Kind',
		window: 'When',
		openNow: 'Open now',
		openUntil: 'Open until {date}',
		openFrom: 'Open from {date}',
		openBetween: 'Open from {from} to {to}',
		alwaysOpen: 'Always open',
		onDay: 'On {date}',
		closed: 'Closed',
		runsUntil: 'Runs until {date}',
		runsOpenEnded: 'Runs without an end date',
		offline:
			'Signing up through Meedoen is not possible here yet. Above you can read how to take part; follow the action to read the news.',
		howTo: 'How to take part',
		updates: 'News',
		shareStory: 'Did your neighbourhood do something for this action? Share your story',
		noUpdates: 'No news about this action yet.',
		updateMeta: '{date} · {author}',
		decided: 'What has been decided so far?',
		links: 'Find out more',
		back: 'All actions in {name}',
		image: 'Image',
		followers: { one: '{count} follower', other: '{count} followers' },
		poster: 'Print a poster (PDF)',
		opportunityPoster: 'Poster for this opportunity',
		opportunityPosterLabel: 'Poster for this opportunity: {title} (PDF)',
		suggestions: 'See and support the suggestions',
		suggestionsLabel: 'See and support the suggestions: {title}'
	},
	progress: {
		heading: 'Where does this action stand?',
		phases: 'The phases of the action',
		past: 'done',
		current: 'we are here',
		future: 'not yet',
		compact: 'Phase {index} of {count}',
		decided: 'What was decided?',
		decidedMore: 'Read everything that was decided',
		decidedNone: 'Nothing has been decided yet.',
		latest: 'Latest news',
		latestNone: 'No news yet.',
		next: 'What comes next?',
		openUntil: 'Open now, until {date}',
		openNow: 'Open now',
		opensOn: 'Opens on {date}',
		onDay: 'On {date}',
		none: 'No next step is planned yet. Follow the action to hear when there is one.',
		done: 'This action is finished.',
		stopped: 'This action was stopped.'
	},
	follow: {
		heading: 'Stay informed',
		intro:
			'Follow this action to keep track of it. We do not mail its news yet: the news is here, with the updates.',
		follow: 'Follow this action',
		unfollow: 'Stop following',
		following: 'You follow this action.',
		followed:
			'You now follow this action. You will find it under "My activity" in your profile; its news is here, with the updates. We do not send mails yet.',
		unfollowed: 'You no longer follow this action.',
		login: 'Log in to follow this action',
		intent: 'You wanted to follow this action. Please confirm:',
		loginHint: 'You log in first; then you confirm with one click.'
	},
	share: {
		heading: 'Share',
		facebook: 'Share on Facebook',
		whatsapp: 'Share via WhatsApp',
		email: 'Share by e-mail',
		copy: 'Copy the link',
		copied: 'The link has been copied.',
		copyFailed: 'Copying did not work. Select the link and copy it yourself.',
		linkLabel: 'Link to this action',
		emailSubject: 'Climate action: {title}',
		emailBody: 'I think this is something for you: {title}\n\n{url}',
		whatsappText: '{title} {url}',
		newWindow: '(opens in a new window)'
	},
	map: {
		label: 'On the map',
		coordinates: 'Coordinates: {lat}, {lng}',
		attribution: 'Base map: {attribution}',
		unavailable: 'The base map is not available'
	},
	home: {
		heading: 'Climate action in {name}',
		regionHeading: 'What is happening in the region?',
		all: 'All actions in {name}',
		regionAll: 'All actions in the region',
		none: 'No climate actions have been published yet.'
	},
	nextStep: {
		label: '{step}: {title}',
		suggest: 'To the map: suggest a place',
		vote: 'To the map: support places',
		follow: 'Follow this action',
		register: 'Sign up',
		join: 'Join the group'
	},
	ladder: {
		heading: 'How much time do you want to put in?',
		intro:
			'From just reading to starting something yourself: choose what suits you and see what is open now.',
		link: '{name}',
		open: { one: '{count} opportunity open', other: '{count} opportunities open' },
		pageTitle: '{name}',
		pageIntro: 'Below you can see what is open now.',
		chooseRung: 'Choose how much time you want to put in',
		current: 'chosen',
		empty: 'Nothing is open here right now. Choose another way to take part, or follow an action.',
		count: { one: '{count} opportunity to take part', other: '{count} opportunities to take part' },
		closes: 'Closes on {date}',
		openEnded: 'No end date',
		ofAction: 'Part of the action'
	},
	api: {
		invalid: 'Invalid search parameters',
		theme: 'Give a theme as a slug, for example vergroening-en-ontharding.',
		status: 'Choose a status: idea, planned, inProgress, done or stopped.',
		rung: 'Choose a rung: 1 to 6, or inform, consult, advise, coproduce, codecide, selfManage.',
		q: 'The search term may be at most 200 characters long.',
		cursor: 'This cursor is invalid. Use the nextCursor of a previous answer.',
		limit: 'The limit is a whole number from 1 to 100.'
	}
};

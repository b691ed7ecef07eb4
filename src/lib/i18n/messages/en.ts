import type { PartialCatalogue } from '../catalogue';

// English is prepared, not yet translated: every missing message falls back to Dutch.
const en: PartialCatalogue = {
	app: { skipToContent: 'Skip to content' },
	actions: {
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
		}
	}
};

export default en;

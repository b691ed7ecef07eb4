// The suggestions feature: citizens' suggestions on the map of an opportunity, votes, comments and moderation.
import { suggestionsDataset } from './suggestions.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { mapWidget } from './suggestions.widgets';
import { suggestionsApi } from './suggestions.openapi';
import { suggestionsContributeApi } from './suggestions.contribute.openapi';
import { settingsSchema } from './suggestions.admin.schemas';
import { seedDemoSuggestions } from './suggestions.demo';
import { eraseSuggestionData, exportSuggestionData } from './suggestions.personal-data';
import { searchSuggestions } from './suggestions.browse.service';
import { suggestionsAttention } from './suggestions.attention';
import { suggestionsActivity } from './suggestions.activity';
import { suggestionsWeekly } from './suggestions.weekly';
import { suggestionNews } from './suggestions.news';

export const suggestionsFeature = defineFeature({
	name: 'suggestions',
	abilities: ['content.moderate'],
	// Per opportunity: pre- or post-moderation, submissions and voting open, a vote limit.
	settings: { suggestions: { scope: 'opportunity', schema: settingsSchema } },
	api: [suggestionsApi, suggestionsContributeApi],
	// Suggestions hang off the demo actions' opportunities.
	demo: { after: ['actions'], load: (tx) => seedDemoSuggestions(tx) },
	// The moderation work on the back office's home, and its count in the menu.
	attention: suggestionsAttention,
	// Its figures in the aldermen's weekly overview.
	weekly: suggestionsWeekly,
	// Its sections of "Mijn activiteit": suggestions, support, comments and follows.
	activity: suggestionsActivity,
	personalData: {
		export: exportSuggestionData,
		erase: eraseSuggestionData,
		kept: ['suggestions', 'suggestionVotes', 'suggestionComments']
	},
	search: { kind: 'suggestions', find: searchSuggestions },
	// The news feeds: the municipality's decisions on suggestions (statuses it chose, its answers).
	news: suggestionNews,
	widgets: [mapWidget],
	openData: [suggestionsDataset]
});

// The actions feature: a municipality's climate actions with their opportunities, updates and posters.
import { actionsDataset, actionUpdatesDataset } from './actions.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { actionWidget } from './actions.widgets';
import { actionsApi } from './actions.openapi';
import { seedDemoActions } from './actions.demo';
import { eraseActionData, exportActionData } from './actions.personal-data';
import { searchActions } from './actions.service';
import { actionsActivity } from './actions.activity';
import { actionNews } from './actions.news';

export const actionsFeature = defineFeature({
	name: 'actions',
	abilities: ['backoffice.view', 'content.moderate', 'content.communicate'],
	api: [actionsApi],
	// Actions need the demo municipalities to take part first.
	demo: { after: ['demo'], load: (tx) => seedDemoActions(tx) },
	personalData: { export: exportActionData, erase: eraseActionData },
	search: { kind: 'actions', find: searchActions },
	// "Mijn activiteit": the actions the person follows.
	activity: actionsActivity,
	// The municipality's and each action's news feeds: published updates.
	news: actionNews,
	widgets: [actionWidget],
	// Open data: the public actions and their published updates.
	openData: [actionsDataset, actionUpdatesDataset]
});

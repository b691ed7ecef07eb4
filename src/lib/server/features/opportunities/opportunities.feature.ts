// The opportunities feature: the ways to take part in an action (kansen), one rung of the ladder each.
import { opportunitiesDataset } from './opportunities.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { waysWidget } from './opportunities.widgets';
import { searchOpportunities } from './opportunities.service';

export const opportunitiesFeature = defineFeature({
	name: 'opportunities',
	abilities: ['backoffice.view'],
	search: { kind: 'opportunities', find: searchOpportunities },
	widgets: [waysWidget],
	openData: [opportunitiesDataset]
});

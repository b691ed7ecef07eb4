// The opportunities feature: the ways to take part in an action (kansen), one rung of the ladder each.
import { opportunitiesDataset } from './opportunities.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { opportunitiesIndicators } from './opportunities.indicators';
import { waysWidget } from './opportunities.widgets';
import { searchOpportunities } from './opportunities.service';

export const opportunitiesFeature = defineFeature({
	name: 'opportunities',
	// Its impact indicators (platform/indicators.ts), computed and shown by the impact feature.
	indicators: opportunitiesIndicators,
	abilities: ['backoffice.view'],
	search: { kind: 'opportunities', find: searchOpportunities },
	widgets: [waysWidget],
	openData: [opportunitiesDataset]
});

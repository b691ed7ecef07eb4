// The Climate Pact feature (Lokaal Energie- en Klimaatpact, LEKP): outcomes in the pact's units recorded by staff
// on actions and events, citizens' own contributions verified by staff, and the totals per municipality and for
// the region against the 2030 target (public pages, a staff page, CSV and XLSX for the yearly report).
import { defineFeature } from '$lib/server/platform/feature';
import { pactAttention } from './climate-pact.attention';
import { seedDemoPact } from './climate-pact.demo';
import { climatePactIndicators } from './climate-pact.indicators';
import { erasePactData, exportPactData } from './climate-pact.personal-data';

export const climatePactFeature = defineFeature({
	name: 'climate-pact',
	// canViewPact and canManagePact (climate-pact.policy.ts) ask the back office and these.
	abilities: ['backoffice.view', 'climatePlan.view', 'climatePlan.manage'],
	// After the actions', events' and suggestions' demo: its outcomes sit on Geel's actions and events, and its
	// citizens' reports come from the demo's neighbours.
	demo: { after: ['actions', 'events', 'suggestions'], load: (tx) => seedDemoPact(tx) },
	personalData: { export: exportPactData, erase: erasePactData },
	attention: pactAttention,
	// The pact's totals per kind among the impact indicators, per municipality and for the region.
	indicators: climatePactIndicators
});

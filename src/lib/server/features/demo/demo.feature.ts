// The demo feature: which municipalities take part in the demo, in their own colours, with a theme beyond climate.
import { defineFeature } from '$lib/server/platform/feature';
import { seedDemoMunicipalities } from './demo.seed';

export const demoFeature = defineFeature({
	name: 'demo',
	demo: { load: seedDemoMunicipalities }
});

// The region feature: the regional back office (which municipalities take part, regional roles).
import { defineFeature } from '$lib/server/platform/feature';

export const regionFeature = defineFeature({
	name: 'region',
	abilities: ['backoffice.view']
});

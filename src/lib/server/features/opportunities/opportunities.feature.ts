// The opportunities feature: the ways to take part in an action (kansen), one rung of the ladder each.
import { defineFeature } from '$lib/server/platform/feature';

export const opportunitiesFeature = defineFeature({
	name: 'opportunities',
	abilities: ['backoffice.view']
});

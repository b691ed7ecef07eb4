// The stories feature: small neighbourhood initiatives tell what they did, with a photo (seed 001: "kleinere
// buurtinitiatieven krijgen ruimte om te delen"); staff publish a story on the municipality's home or as an
// update of an action, or reject it with a reason; the author hears of either.
import { storiesDataset } from './stories.open-data';
import { defineFeature } from '$lib/server/platform/feature';
import { storiesActivity } from './stories.activity';
import { storiesAttention } from './stories.attention';
import { seedDemoStories } from './stories.demo';
import { eraseStoryData, exportStoryData } from './stories.personal-data';

export const storiesFeature = defineFeature({
	name: 'stories',
	// canModerateStories (stories.policy.ts) asks the back office and either of these.
	abilities: ['backoffice.view', 'content.moderate', 'content.communicate'],
	// After the suggestions' demo: its neighbours of Geel tell the stories.
	demo: { after: ['suggestions'], load: (tx) => seedDemoStories(tx) },
	personalData: { export: exportStoryData, erase: eraseStoryData },
	activity: storiesActivity,
	attention: storiesAttention,
	openData: [storiesDataset]
});

// The profile feature: a person's own profile, consents and theme choices, their data export and deletion.
import { defineFeature } from '$lib/server/platform/feature';
import { eraseProfileData, exportProfileData } from './profile.personal-data';
import { profileWeekly } from './profile.weekly';
import { seedDemoPoolAnswers } from './profile.demo';

export const profileFeature = defineFeature({
	name: 'profile',
	// The emptied users row stays, so contributions that are kept still point somewhere.
	personalData: { export: exportProfileData, erase: eraseProfileData, kept: ['person'] },
	// New people in the pool, in the aldermen's weekly overview.
	weekly: profileWeekly,
	// The demo's neighbours answer the question whether to join the pool after they took part.
	demo: { after: ['suggestions'], load: seedDemoPoolAnswers }
});

// The profile feature: a person's own profile, consents and theme choices, their data export and deletion.
import { defineFeature } from '$lib/server/platform/feature';
import { eraseProfileData, exportProfileData } from './profile.personal-data';

export const profileFeature = defineFeature({
	name: 'profile',
	// The emptied users row stays, so contributions that are kept still point somewhere.
	personalData: { export: exportProfileData, erase: eraseProfileData, kept: ['person'] }
});
